"""Relevance needs the focal state (China) to take part: named in the item's lead or in a
sentence that reports something, and not only as a border, a route's stop, the home of
researchers, a dateline or one of a partner's many partners. Hand-written texts in the
documents' own scripts (not copied from any gold text)."""

from __future__ import annotations

import pytest

from steppewatch.extract import ExtractedDocument, get_coder
from steppewatch.extract.codebook_coder import _framework_meeting
from steppewatch.extract.coder_resources import load_resources
from steppewatch.extract.normalise import normalise_for_matching
from steppewatch.study import resolve_study


def _code(text: str, language: str) -> tuple[bool, list[str]]:
    coded = get_coder().code(ExtractedDocument(source="t.txt", text=text, language=language))
    return bool(coded.relevant), list(coded.countries)


NOT_TAKING_PART = [
    (  # China only in a background sentence on transport corridors
        "ru",
        "Узбекистан и Россия провели консультации по вопросам безопасности\n"
        "Москва, 4 марта 2024 г. Стороны обсудили борьбу с терроризмом и охрану границы с "
        "Афганистаном.\nОтдельно обсуждались транспортные коридоры, связывающие Центральную "
        "Азию с Китаем и Европой.",
    ),
    (  # China one of a partner's many partners, with states from outside the region
        "en",
        "Kazakhstan and Russia agree on border security cooperation\n"
        "ASTANA – The defence ministers of Kazakhstan and Russia signed a plan on border "
        "security and joint training on March 4, 2024.\nKazakhstan also keeps defence ties "
        "with China, the United States and Japan, the minister said.",
    ),
    (  # the dateline's city is where the report was filed
        "en",
        "BEIJING, May 3 (Xinhua) -- The CSTO held a counter-terrorism exercise in Kyrgyzstan "
        "with troops from Russia, Kyrgyzstan and Kazakhstan, the organization said on Friday.",
    ),
    (  # researchers from China are not the state
        "zh",
        "2024年5月3日，来自中国、哈萨克斯坦和俄罗斯的专家学者在阿拉木图举行研讨会，讨论地区反恐形势和阿富汗局势。",
    ),
    (  # the other side of a border the partner guards alone
        "ru",
        "Пограничная служба Кыргызстана провела учения по охране участка государственной "
        "границы с Китаем. В учениях отрабатывались действия по задержанию нарушителей границы "
        "и контрабандистов наркотиков.",
    ),
    (  # a stop of a railway's name
        "ru",
        "Президенты Казахстана и Узбекистана провели переговоры в Ташкенте 5 мая 2024 года. "
        "Главы государств обсудили охрану границы, борьбу с терроризмом и строительство "
        "железной дороги Китай – Кыргызстан – Узбекистан.",
    ),
]


@pytest.mark.parametrize(("language", "text"), NOT_TAKING_PART)
def test_china_named_without_taking_part_makes_no_relevant_item(language: str, text: str) -> None:
    assert _code(text, language) == (False, [])


TAKING_PART = [
    (  # China in the lead, the security content in the next sentence
        "en",
        "Wang Yi holds talks with Kazakh foreign minister\nOn May 5, 2024, Foreign Minister "
        "Wang Yi held talks with Kazakh Foreign Minister Murat Nurtleu in Beijing. The two "
        "sides agreed to deepen counter-terrorism cooperation.",
        ["CN", "KZ"],
    ),
    (  # China past the lead, in a sentence naming an office
        "ru",
        "Президент Кыргызстана принял делегацию 5 мая 2024 года в Бишкеке. Делегацию "
        "Министерства общественной безопасности Китая возглавил заместитель министра. Стороны "
        "обсудили борьбу с терроризмом и наркотрафиком.",
        ["CN", "KG"],
    ),
    (  # an SCO council's session, its meeting named before the SCO's name in a genitive chain
        "ru",
        "В Бишкеке 5 мая 2024 года состоялось заседание Совета министров обороны государств – "
        "членов Шанхайской организации сотрудничества. Участники заседания обсудили "
        "противодействие терроризму.",
        ["CN", "KG", "KZ", "TJ", "UZ"],
    ),
]


@pytest.mark.parametrize(("language", "text", "countries"), TAKING_PART)
def test_china_taking_part_keeps_the_item_relevant(
    language: str, text: str, countries: list[str]
) -> None:
    relevant, coded = _code(text, language)
    assert relevant and coded[: len(countries)] == countries


def test_a_framework_meeting_is_the_one_of_the_framework_sentence() -> None:
    """The SCO named at the end of one sentence and a meeting word opening the next are no
    SCO meeting; in one sentence they are."""
    res = load_resources(None, resolve_study(None))
    apart = "Казахстан поддерживает контакты с ШОС. Заседание правительства обсудило бюджет."
    joined = "Казахстан принял участие в заседании Совета министров иностранных дел ШОС."
    for text, expected in ((apart, False), (joined, True)):
        normal = normalise_for_matching(text)
        hits = res.matcher.hits(normal, 0, len(normal))
        assert _framework_meeting(hits, res, "SCO", text=text) is expected


def _coded(text: str, language: str) -> tuple[object, ...]:
    coded = get_coder().code(ExtractedDocument(source="t.txt", text=text, language=language))
    return coded.relevant, coded.kind, coded.framework, list(coded.countries)


def test_a_partner_named_only_as_a_railway_stop_takes_no_part() -> None:
    text = (
        "Tajikistan, China sign memorandum on border security\n"
        "DUSHANBE – The interior ministers of Tajikistan and China signed a memorandum on "
        "border security and counter-terrorism on 3 March 2026. The ministers also discussed "
        "the protection of the China-Kyrgyzstan-Uzbekistan railway builders."
    )
    relevant, _kind, framework, countries = _coded(text, "en")
    assert relevant and framework == "bilateral" and countries == ["CN", "TJ"]


def test_a_bilateral_meeting_during_an_scos_session_stays_bilateral_after_a_comma() -> None:
    text = (
        "2026年4月10日，公安部部长在阿斯塔纳出席上海合作组织成员国公安内务部长会议期间，"
        "会见吉尔吉斯斯坦内务部长，双方就打击恐怖主义和跨国犯罪交换意见。"
    )
    relevant, kind, framework, countries = _coded(text, "zh")
    assert relevant and kind == "meeting" and framework == "bilateral"
    assert countries == ["CN", "KG"]


def test_private_security_in_several_partner_states_is_unilateral() -> None:
    """A firm guarding the focal state's assets in two partner states acts alone (codebook:
    unilateral), not with several partners in a joint format."""
    text = (
        "Китайская частная охранная компания будет охранять объекты китайских горнодобывающих "
        "предприятий в Кыргызстане и Таджикистане, сообщили 2 марта 2026 года в компании. "
        "Охранники из числа местных жителей пройдут обучение."
    )
    relevant, kind, framework, _countries = _coded(text, "ru")
    assert relevant and kind == "private_security" and framework == "unilateral"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (  # the meeting word far before the SCO's name, in one clause
            "ru",
            "АСТАНА, 12 апреля. Очередная встреча руководителей компетентных органов "
            "государств – членов Шанхайской организации сотрудничества прошла в Астане. "
            "Делегацию Китая возглавил заместитель министра общественной безопасности. "
            "Стороны обсудили борьбу с терроризмом.",
        ),
        (  # an exercise that all member states take part in
            "zh",
            "2026年4月12日，上海合作组织成员国联合反恐演习在新疆库尔勒举行，上合组织全体成员国"
            "主管机关派员参演，演习检验了各方协同打击恐怖主义的能力。",
        ),
        (
            "en",
            "Security services of all SCO member states took part in a joint counter-terrorism "
            "exercise of the Shanghai Cooperation Organization hosted by China's Ministry of "
            "Public Security in Xiamen on April 12, 2026.",
        ),
    ],
)
def test_every_member_takes_part_in_an_sco_event_named_so(language: str, text: str) -> None:
    relevant, _kind, framework, countries = _coded(text, language)
    assert relevant and framework == "SCO"
    assert {"CN", "KZ", "KG", "TJ", "UZ"} <= set(countries)


@pytest.mark.parametrize(
    ("language", "text", "level"),
    [
        (  # a partner's president receives the focal state's minister
            "en",
            "President Sadyr Japarov received China's Minister of Public Security Wang Xiaohong "
            "in Bishkek on March 3, 2026. The sides discussed counter-terrorism cooperation and "
            "the security of Chinese workers.",
            "interior_public_security",
        ),
        (  # the Political-Legal Commission's secretary is the PRC's security-council level
            "ru",
            "Секретарь Политико-юридической комиссии ЦК КПК Чэнь Вэньцин провёл переговоры с "
            "Президентом Кыргызстана Садыром Жапаровым в Бишкеке 3 марта 2026 года. Стороны "
            "обсудили борьбу с терроризмом и наркотрафиком.",
            "security_council",
        ),
        (
            "zh",
            "2026年3月3日，吉尔吉斯斯坦总统扎帕罗夫在比什凯克会见中国外交部长王毅。"
            "双方同意加强反恐和执法安全合作。",
            "foreign_minister",
        ),
        (  # the focal state's principal is the head of state
            "en",
            "Chinese President Xi Jinping met Kazakh Defence Minister Ruslan Zhaksylykov in "
            "Beijing on March 3, 2026. They discussed military cooperation and counter-terrorism.",
            "head_of_state",
        ),
    ],
)
def test_the_level_is_the_office_of_the_focal_states_principal(
    language: str, text: str, level: str
) -> None:
    coded = get_coder().code(ExtractedDocument(source="t.txt", text=text, language=language))
    assert coded.relevant and coded.kind == "meeting" and coded.level == level


def test_a_framework_named_in_the_sentence_under_a_title_line_is_the_events() -> None:
    """A title line, then the dateline's sentence: both are the lead, and a framework named in
    either is the event's (not a passing mention)."""
    text = (
        "Ministers pledge closer fight against drug smuggling\n"
        "XI'AN, May 5 (Xinhua) -- The third China-Central Asia ministerial dialogue on law "
        "enforcement opened on Tuesday in Xi'an, capital of northwest China's Shaanxi "
        "Province.\n"
        "Chinese Minister of Public Security Wang Xiaohong and the interior ministers of "
        "Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan discussed drug "
        "trafficking and cross-border crime."
    )
    relevant, kind, framework, countries = _coded(text, "en")
    assert relevant and kind == "meeting" and framework == "C5+China"
    assert {"KZ", "KG", "TJ", "TM", "UZ"} <= set(countries)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (  # 联合训练 of two armies is an exercise, not a course
            "2026年5月20日，中国人民武装警察部队与塔吉克斯坦内卫部队联合反恐训练在杜尚别开训，"
            "双方演练了城市反恐和解救人质等课目。",
            "bilateral_exercise",
        ),
        (  # a system a Chinese firm built and put into use is infrastructure
            "2026年5月20日，由中国企业承建的吉尔吉斯斯坦奥什市安全城市系统建成投用，"
            "将用于治安防控和反恐预警，吉内务部部长出席仪式。",
            "infrastructure",
        ),
    ],
)
def test_chinese_wording_of_joint_training_and_construction(text: str, kind: str) -> None:
    relevant, coded_kind, _framework, _countries = _coded(text, "zh")
    assert relevant and coded_kind == kind


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "ru",
            "В интервью агентству «Кабар» 12 мая 2026 года посол КНР в Кыргызстане отметил, что "
            "сотрудничество двух стран в борьбе с терроризмом и наркотрафиком успешно развивается.",
        ),
        (
            "en",
            "In an interview with a Tajik newspaper on May 12, 2026, the Chinese Ambassador to "
            "Tajikistan said the two countries would keep working together against terrorism "
            "and drug trafficking.",
        ),
    ],
)
def test_an_officials_interview_is_commentary_not_a_meeting(language: str, text: str) -> None:
    relevant, kind, framework, countries = _coded(text, language)
    assert relevant and kind is None and framework is None and "CN" in countries
