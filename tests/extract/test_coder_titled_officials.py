"""Officials the gazetteer does not know, read from their office's title (gold guideline 6:
actors are the officials who take part, by name, with their office's ``meeting_level`` code).
Hand-written sentences in English and Russian (names invented or of real office holders the
gazetteer does not list; not copied from any gold text), with contrasts: a title with no name,
a headline, a name the gazetteer knows, an official recalled from an earlier meeting."""

from __future__ import annotations

import pytest

from steppewatch.extract import code_document
from steppewatch.extract.coder_officials import (
    absent_mention,
    latin,
    nominative,
    state_stems,
    title_officials,
)
from steppewatch.extract.gazetteer import load_gazetteer
from steppewatch.extract.palladius import pinyin_name, pinyin_word

from .conftest import make_doc

_STATES = state_stems(
    (s.code, [n for lang in ("en", "ru") for n in s.names.get(lang, ())])
    for s in load_gazetteer().states.values()
)
_ROMANISATION = {s.code: s.romanisation for s in load_gazetteer().states.values()}


def _titled(text: str) -> list[tuple[str, str]]:
    return [
        (t.name, t.office) for t in title_officials(text, [(0, len(text))], _STATES, _ROMANISATION)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Tajik Deputy Interior Minister Farhod Nazirov met the visiting delegation.",
            [("Farhod Nazirov", "vice_minister_working")],
            id="en-deputy-minister",
        ),
        pytest.param(
            "the talks were attended by the Ambassador of China to Uzbekistan, Zhou Mingfeng, and",
            [("Zhou Mingfeng", "other")],
            id="en-ambassador-state-and-comma-between",
        ),
        pytest.param(
            "Turkmen Foreign Minister Aman Gylyjov and China's Minister of Public Security Tan "
            "Weiguo signed the memorandum.",
            [("Aman Gylyjov", "foreign_minister"), ("Tan Weiguo", "interior_public_security")],
            id="en-two-titles-two-names",
        ),
        pytest.param(
            "Kyrgyz First Deputy Prime Minister and Defence Minister Nurbek Asanaliev arrived.",
            [("Nurbek Asanaliev", "defence_minister")],
            id="en-nearer-title-decides",
        ),
        pytest.param(
            "the commander of the Kazakh Border Service, Major General Daniyar Seitkali, said so.",
            [("Daniyar Seitkali", "border_guard_chief")],
            id="en-rank-between",
        ),
        pytest.param(
            "The Kazakh foreign minister said the talks went well.", [], id="en-title-no-name"
        ),
        pytest.param(
            "Foreign Minister Gylyjov said the talks went well.", [], id="en-surname-alone"
        ),
        pytest.param(
            "Chinese Ambassador Attends Handover Ceremony In Dushanbe\nThe embassy said.",
            [],
            id="en-headline-title-case",
        ),
        pytest.param(
            "в переговорах с министром обороны Таджикистана генерал-полковником Фарходом "
            "Назировым обсуждались учения",
            [("Farhod Nazirov", "defence_minister")],
            id="ru-instrumental-rank-tajik-romanisation",
        ),
        pytest.param(
            "по приглашению заместителя министра иностранных дел Кыргызстана Айбека Тойчубаева",
            [("Aibek Toichubaev", "vice_minister_working")],
            id="ru-genitive-kyrgyz-romanisation",
        ),
        pytest.param(
            "в заседании участвовали министры внутренних дел Казахстана Ерлан Садыков, "
            "Узбекистана Бахром Жураев.",
            [
                ("Yerlan Sadykov", "interior_public_security"),
                ("Bakhrom Jurayev", "interior_public_security"),
            ],
            id="ru-list-of-holders-by-state",
        ),
        pytest.param(
            "с послом КНР в Таджикистане Чжоу Минфэном и",
            [("Zhou Mingfeng", "other")],
            id="ru-chinese-name-in-palladius",
        ),
        pytest.param("Министр внутренних дел Узбекистана сообщил, что", [], id="ru-title-no-name"),
        pytest.param(
            "the course was opened by Senior Colonel Tang Hao of the PLA and the cadets' tutor.",
            [("Tang Hao", "other")],
            id="en-rank-alone-is-other",
        ),
        pytest.param(
            "the Kyrgyz Defence Minister, Lieutenant General Daniyar Osmonov, said so.",
            [("Daniyar Osmonov", "defence_minister")],
            id="en-title-before-rank-wins",
        ),
        pytest.param(
            "занятия провел полковник Народно-освободительной армии Китая Ма Цян.",
            [("Ma Qiang", "other")],
            id="ru-rank-chinese-officer",
        ),
        pytest.param(
            "the General Staff and the General Assembly met.", [], id="en-general-not-a-rank"
        ),
        pytest.param(
            "китайскую делегацию возглавил помощник министра иностранных дел КНР Чжан Мин.",
            [("Zhang Ming", "vice_minister_working")],
            id="ru-assistant-minister",
        ),
    ],
)
def test_titled_names(text: str, expected: list[tuple[str, str]]) -> None:
    assert _titled(text) == expected


def test_russian_case_forms_to_nominative() -> None:
    assert nominative("Уланом", "ом") == "Улан"
    assert nominative("Ниязбековым", "ом") == "Ниязбеков"
    assert nominative("Пулата", "а") == "Пулат"
    assert nominative("Сергея", "я") == "Сергей"
    assert nominative("Цзюня", "я") == "Цзюнь"  # a soft stem: the ь comes back
    assert nominative("Игорем", "ем") == "Игорь"
    assert nominative("Нуртлеу", "у") == "Нуртлеу"  # does not decline
    assert nominative("Рахимзода", "а") == "Рахимзода"  # Tajik -зода does not decline


def test_latin_by_state_romanisation() -> None:
    assert latin("Ержан") == "Yerzhan"
    assert latin("Сысоев") == "Sysoyev"
    assert latin("Евгений") == "Yevgeny"
    assert latin("Бобожонов", ("zh_j",)) == "Bobojonov"
    assert latin("Хаджиев", ("kh_h",)) == "Hajiyev"
    assert latin("Тойгонбаев", ("kyrgyz",)) == "Toigonbaev"
    assert latin("Тойгонбаев", ()) == "Toygonbayev"


def test_palladius_back_to_pinyin() -> None:
    assert pinyin_word("Сяохун") == ["xiao", "hong"]
    assert pinyin_word("Чжунъи") == ["zhong", "yi"]
    assert pinyin_name(["Сунь", "Вэйдун"], False) == "Sun Weidong"
    assert pinyin_name(["Го", "Чжицзюнь"], False) == "Guo Zhijun"
    # Central Asian names are not read as Chinese
    assert pinyin_name(["Улан", "Ниязбеков"], False) is None
    assert pinyin_name(["Ли", "Бектур"], False) is None


def _actors(text: str) -> set[tuple[str, str | None]]:
    coded = code_document(make_doc(text))
    return {(a.name, a.office) for a in coded.actors}


def test_coder_adds_titled_official_taking_part() -> None:
    text = (
        "BISHKEK, May 14, 2025 -- Kyrgyz Interior Minister Ulan Temirbaev held talks with Chinese "
        "Vice Minister of Public Security Xu Ganlu in Bishkek on Wednesday. The two sides agreed "
        "to step up cooperation against terrorism and drug trafficking."
    )
    actors = _actors(text)
    assert ("Ulan Temirbaev", "interior_public_security") in actors
    assert ("Xu Ganlu", "vice_minister_working") in actors


def test_coder_keeps_gazetteer_office_for_known_official() -> None:
    # Wang Yi is in the gazetteer: his entry, not the title reading, gives the actor
    text = (
        "ASTANA, March 3, 2025 -- Kazakh Foreign Minister Nurlan Abenov held talks with "
        "Chinese Foreign Minister Wang Yi in Astana. They agreed to deepen security cooperation "
        "and the fight against terrorism, separatism and extremism."
    )
    actors = _actors(text)
    assert ("Nurlan Abenov", "foreign_minister") in actors
    assert sum(1 for name, _ in actors if name == "Wang Yi") == 1


def test_coder_russian_case_form_of_known_official_is_not_new() -> None:
    text = (
        "Бишкек, 14 мая 2025 г. Министр внутренних дел Кыргызстана Улан Темирбаев провел "
        "переговоры с министром общественной безопасности КНР Ван Сяохуном. Стороны "
        "договорились расширять сотрудничество в борьбе с терроризмом и наркотрафиком."
    )
    names = {name for name, _ in _actors(text)}
    assert "Ulan Temirbaev" in names
    assert not any(n.startswith("Van ") for n in names)


# ---- officials named but not taking part ---------------------------------------------------
@pytest.mark.parametrize(
    ("text", "name", "absent"),
    [
        pytest.param(
            "The minister passed on cordial greetings from President Tokayev to the host.",
            "Tokayev",
            True,
            id="en-greetings-from",
        ),
        pytest.param(
            "Vice President Han Zheng read a message on behalf of President Xi Jinping at the "
            "opening.",
            "Xi Jinping",
            True,
            id="en-on-behalf-of",
        ),
        pytest.param(
            "Both sides will carry out the consensus reached by President Xi Jinping and "
            "President Japarov last year.",
            "Japarov",
            True,
            id="en-consensus-reached-by",
        ),
        pytest.param(
            "President Tokayev received the Chinese minister in the Akorda on Monday.",
            "Tokayev",
            False,
            id="en-receives-takes-part",
        ),
        pytest.param(
            "Гость передал Президенту Таджикистана наилучшие пожелания от Председателя КНР "
            "Си Цзиньпина.",
            "Си Цзиньпин",
            True,
            id="ru-wishes-from",
        ),
        pytest.param(
            "Министр попросил передать Президенту Мирзиёеву сердечные приветствия.",
            "Мирзиёев",
            True,
            id="ru-greetings-after-name",
        ),
        pytest.param(
            "Президент Узбекистана Шавкат Мирзиёев принял министра общественной безопасности КНР.",
            "Мирзиёев",
            False,
            id="ru-receives-takes-part",
        ),
        pytest.param(
            "Текст новости.\nЧитайте также: Токаев провел переговоры с президентом Франции",
            "Токаев",
            True,
            id="ru-related-news-link",
        ),
        pytest.param(
            "陈文清表示，在习近平主席和扎帕罗夫总统的战略引领下，两国关系持续发展。",
            "扎帕罗夫",
            True,
            id="zh-strategic-guidance-formula",
        ),
        pytest.param(
            "王毅转达了习近平主席对拉赫蒙总统的亲切问候。",
            "习近平",
            True,
            id="zh-greetings-passed-on",
        ),
        pytest.param(
            "中国代表团团长、国务委员王毅出席会议并讲话。",
            "王毅",
            False,
            id="zh-head-of-delegation-takes-part",
        ),
        pytest.param(
            "塔吉克斯坦总统拉赫蒙在杜尚别会见中国国务委员兼外长王毅。",
            "拉赫蒙",
            False,
            id="zh-meets-takes-part",
        ),
    ],
)
def test_absent_mention(text: str, name: str, absent: bool) -> None:
    start = text.index(name)
    assert absent_mention(text, start, start + len(name)) is absent


def test_coder_drops_head_of_state_only_greeted() -> None:
    text = (
        "TASHKENT, October 2, 2025 -- Uzbek Interior Minister Bakhrom Ergashev held talks with "
        "China's Minister of Public Security Wang Xiaohong in Tashkent. Wang conveyed greetings "
        "from President Xi Jinping. The ministers agreed to step up joint work against "
        "terrorism, extremism and drug trafficking."
    )
    names = {name for name, _ in _actors(text)}
    assert "Wang Xiaohong" in names
    assert "Bakhrom Ergashev" in names
    assert "Xi Jinping" not in names


# ---- a gazetteer official with no office at the event's date --------------------------------
def test_title_office_before_a_known_name() -> None:
    from steppewatch.extract.coder_officials import title_office

    text = "talks with the Chairman of the National Security Committee, Sherzod Alimov, on Monday."
    start = text.index("Alimov")
    assert title_office(text, start, start + 6, _STATES) == "state_security_intelligence"
    text = "переговоры с секретарем Совета безопасности Узбекистана Виктором Махмудовым"
    start = text.index("Махмудов")
    assert title_office(text, start, start + 8, _STATES) == "security_council"
    text = "Sherzod Alimov said the talks went well."
    assert title_office(text, 8, 14, _STATES) is None


def test_former_office_holder_named_in_passing_is_no_actor() -> None:
    # Nazarbayev held no office in 2025 (gazetteer): named as the forum's founder, no actor
    text = (
        "ASTANA, October 8, 2025 -- Kazakh Foreign Minister Nurlan Abenov and Chinese Vice "
        "Foreign Minister Sun Weidong attended the CICA ministerial meeting, a forum that Nursultan "
        "Nazarbayev proposed in 1992. They discussed counter-terrorism and regional security."
    )
    names = {name for name, _ in _actors(text)}
    assert "Nursultan Nazarbayev" not in names
    assert "Sun Weidong" in names


# ---- a known official's given name in a Russian case form; the lead's principals -----------
def test_given_name_in_russian_case_form_is_the_officials_own() -> None:
    from steppewatch.extract.coder_entities import given_name_before
    from steppewatch.extract.matcher import Hit

    def before(text: str, surname: str, full: str) -> bool | None:
        i = text.index(surname)
        return given_name_before(text, Hit(i, i + len(surname), ("official", 0), surname), full)

    assert before(
        "переговоры Главы государства Касым-Жомарта Токаева", "Токаев", "Kassym-Jomart Tokayev"
    )
    assert before("гость был принят Садыром Жапаровым", "Жапаров", "Sadyr Japarov")
    assert (
        before("задержанный Ильяс Курбанов признал вину", "Курбанов", "Bakhodir Kurbanov") is False
    )


def test_lead_principals_are_actors_when_the_lead_reports_the_event() -> None:
    from steppewatch.extract.coder_resources import load_resources
    from steppewatch.extract.coder_rules import Found, lead_actors
    from steppewatch.extract.model import CodedItem
    from steppewatch.extract.normalise import normalise_for_matching
    from steppewatch.study import resolve_study

    res = load_resources(None, resolve_study(None))

    def lead(text: str) -> set[str]:
        normal = normalise_for_matching(text)
        hits = res.matcher.hits(normal, 0, len(normal))
        found = Found()
        item = CodedItem(start=0, end=len(text), relevant=True)
        lead_actors(item, text, hits, found, res, "2025-03-03")
        return set(found.actors)

    # the lead reports talks: the president named in it takes part
    reported = (
        "Президент Казахстана Касым-Жомарт Токаев провел переговоры с министром общественной "
        "безопасности КНР. Стороны обсудили борьбу с терроризмом."
    )
    assert lead(reported) == {"Kassym-Jomart Tokayev"}
    # a lead that reports no event (a comment): nobody is taken from it
    comment = "Касым-Жомарт Токаев не раз говорил о значении добрососедства. Эксперты согласны."
    assert lead(comment) == set()
    # a lead naming a president only as the sender of greetings
    greeted = (
        "Министр передал приветствия Президента Касым-Жомарта Токаева участникам встречи. "
        "Стороны обсудили борьбу с терроризмом."
    )
    assert lead(greeted) == set()


def test_russian_after_is_no_ambassador() -> None:
    # после ("after") is not a case form of посол ("ambassador")
    assert _titled("после Пулата Бобожонова выступил гость.") == []
    assert _titled("встреча с послом Китая Чжан Мином.") == [("Zhang Ming", "other")]


def test_the_gazetteer_says_how_each_states_names_are_romanised() -> None:
    """The romanisation rules are data (states.yaml), not code: a study with another gazetteer
    gives its own states' rules; an unknown rule is refused with the file and state named."""
    from steppewatch.errors import ExtractionError
    from steppewatch.extract.gazetteer import _romanisation

    states = load_gazetteer().states
    assert "zh_j" in states["UZ"].romanisation and "kh_h" in states["TM"].romanisation
    assert states["CN"].romanisation == ("chinese",)
    with pytest.raises(ExtractionError) as caught:
        _romanisation(["ukrainian"], "states/3")
    assert "states/3/romanisation" in str(caught.value) and "SW430" in str(caught.value)


# ---- nineteenth round (coder61): title forms fresh pages wrote that the table did not read.
# Sentences written for these tests, names invented; each with a contrast.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "At the depot stood Colonel Bakyt Osmonov, Commander of the Border Troops, beside "
            "the new trucks.",
            [("Bakyt Osmonov", "border_guard_chief")],
            id="en-rank-name-then-appositive-title",
        ),
        pytest.param(
            "Present were Colonel Bakyt Osmonov, Deputy Minister Aibek Sultanov and others.",
            [("Bakyt Osmonov", "other"), ("Aibek Sultanov", "vice_minister_working")],
            id="en-title-after-comma-belongs-to-next-name",
        ),
        pytest.param(
            "На церемонии выступил полковник Бахтиёр Каримов, начальник пограничных войск, "
            "и поблагодарил партнеров.",
            [("Bakhtiyor Karimov", "border_guard_chief")],
            id="ru-rank-name-then-appositive-title",
        ),
        pytest.param(
            "Объекты осмотрел начальник Главного управления пограничных войск генерал-майор "
            "Далер Саидзода.",
            [("Daler Saidzoda", "border_guard_chief")],
            id="ru-border-chief-with-directorate-between",
        ),
        pytest.param(
            "Объекты осмотрел начальник Главного управления кадров Далер Саидзода.",
            [],
            id="ru-other-directorate-no-border-title",
        ),
        pytest.param(
            "Делегацию возглавил заместитель секретаря Совета безопасности Азамат Бекназаров.",
            [("Azamat Beknazarov", "vice_minister_working")],
            id="ru-deputy-secretary-is-no-secretary",
        ),
        pytest.param(
            "Делегацию возглавил секретарь Совета безопасности Азамат Бекназаров.",
            [("Azamat Beknazarov", "security_council")],
            id="ru-secretary-contrast",
        ),
        pytest.param(
            "The delegation was led by the Deputy Secretary of the Security Council, Azamat "
            "Beknazarov, on Monday.",
            [("Azamat Beknazarov", "vice_minister_working")],
            id="en-deputy-secretary",
        ),
        pytest.param(
            "Генеральный консул КНР в Самарканде Чэнь Юнмин посетил пункт пропуска.",
            [("Chen Yongming", "other")],
            id="ru-consul-place-after-in-is-no-name",
        ),
        pytest.param(
            "The Chinese Consul General in Almaty, Chen Yongming, visited the checkpoint.",
            [("Chen Yongming", "other")],
            id="en-consul-general",
        ),
        pytest.param(
            "At the checkpoint, the Chairman of the State Customs Service Serdar Annayev thanked "
            "the donors.",
            [("Serdar Annayev", "other")],
            id="en-customs-chairman",
        ),
        pytest.param(
            "Начальник таможенной службы Азиз Юсупов осмотрел сканеры.",
            [("Aziz Yusupov", "other")],
            id="ru-customs-head",
        ),
        pytest.param(
            "The head of the customs post said the scanners work.",
            [],
            id="en-customs-no-name",
        ),
        pytest.param(
            "Министр обороны генерал-лейтенант Рахимзода Шерали Фарход принял делегацию.",
            [("Sherali Rakhimzoda", "defence_minister")],
            id="ru-tajik-surname-first",
        ),
        pytest.param(
            "Министр внутренних дел Абдуллаев Рустам Каримович принял делегацию.",
            [("Rustam Abdullayev", "interior_public_security")],
            id="ru-surname-first-patronymic-last",
        ),
        pytest.param(
            "Министр внутренних дел Рустам Каримович Абдуллаев принял делегацию.",
            [("Rustam Abdullayev", "interior_public_security")],
            id="ru-patronymic-middle-contrast",
        ),
    ],
)
def test_titled_names_nineteenth_round(text: str, expected: list[tuple[str, str]]) -> None:
    assert _titled(text) == expected


def test_palladius_hui_is_written_khuei() -> None:
    assert pinyin_word("Хуэйминь") == ["hui", "min"]
    assert pinyin_name(["Ли", "Хуэйлян"], False) == "Li Huiliang"
    assert pinyin_name(["Гуй", "Мин"], True) == "Gui Ming"  # (gui keeps its уй)


def test_surname_alone_is_the_official_named_in_full() -> None:
    text = (
        "Ашхабад, 12 марта 2025 г. Президент Туркменистана Сердар Бердымухамедов принял "
        "министра общественной безопасности КНР Ван Сяохуна. Обсуждалось сотрудничество в "
        "борьбе с терроризмом. Бердымухамедов отметил важность обмена опытом полиции."
    )
    names = [name for name, _ in _actors(text)]
    assert "Serdar Berdimuhamedov" in names
    assert "Berdimuhamedov" not in names


@pytest.mark.parametrize(
    ("text", "name", "absent"),
    [
        pytest.param(
            "部长表示期待在明年峰会期间同习近平主席会晤。", "习近平", True, id="zh-hoped-for"
        ),
        pytest.param("部长在峰会期间同习近平主席会晤。", "习近平", False, id="zh-held"),
        pytest.param(
            "The minister said he looked forward to meeting Xi Jinping at the summit.",
            "Xi Jinping",
            True,
            id="en-hoped-for",
        ),
        pytest.param(
            "The minister met Xi Jinping at the summit.", "Xi Jinping", False, id="en-met"
        ),
        pytest.param(
            "Министр сказал, что надеется на скорую встречу с Си Цзиньпином.",
            "Си Цзиньпином",
            True,
            id="ru-hoped-for",
        ),
        pytest.param(
            "Министр провел встречу с Си Цзиньпином.", "Си Цзиньпином", False, id="ru-held"
        ),
        pytest.param(
            "The talks ended.\nAlso on Trend News: Mirziyoyev opens a new airport\nThe next round",
            "Mirziyoyev",
            True,
            id="en-also-on-site-link-line",
        ),
        pytest.param(
            "The talks ended.\nMirziyoyev also on Monday received the delegation.",
            "Mirziyoyev",
            False,
            id="en-also-on-in-a-sentence",
        ),
    ],
)
def test_absent_mention_nineteenth_round(text: str, name: str, absent: bool) -> None:
    at = text.index(name)
    assert absent_mention(text, at, at + len(name)) is absent
