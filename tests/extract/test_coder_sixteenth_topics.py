"""Sixteenth-round topic rules (issue 13): a border a security or patrol word governs
(ru/en), what a Chinese security word protects when it comes last (zh). Texts written for
these tests, none copied from a gold text; each rule has a text it changes and one it leaves
alone."""

from __future__ import annotations

import pytest

from steppewatch.extract import extract_document
from steppewatch.extract.codebook_coder import CodebookCoder
from steppewatch.extract.coder_hostility import hostile_acts
from steppewatch.extract.coder_protected import protected_objects, protected_objects_zh
from steppewatch.extract.coder_specificity import (
    crime_not_border,
    needs_qualifier,
    security_service_sold,
    situation_named,
)
from steppewatch.extract.matcher import Hit


def _objects(text: str) -> set[str]:
    normal = text.lower()
    hits = protected_objects(normal, 0, len(normal)) + protected_objects_zh(normal, 0, len(normal))
    return {h.payload[1] for h in hits}


# --- a border the security word governs (ru/en) ----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Стороны обсудили вопросы охраны восточного участка государственной границы.",
        "Наряды двух ведомств провели патрулирование горного участка границы у перевала.",
        "Новые бронемашины получат подразделения, охраняющие южные рубежи страны, "
        "и части, защищающие рубежи республики.",
        "The drones will help units guarding the republic's mountain borders.",
        "Both agencies agreed to step up protection of their shared frontier.",
    ],
)
def test_a_border_governed_by_a_security_word_is_border_security(text: str) -> None:
    assert "border_security" in _objects(text)


@pytest.mark.parametrize(
    "text",
    [
        # cross-border qualifies transport, not a border to guard
        "They discussed the security of cross-border transport corridors and pipelines.",
        # the security word governs something else; the border is only a place
        "Патрулирование велось в районе, где проходит граница.",
        "Охрана общественного порядка на рынке усилена.",
        # a patrol governs a border only, never firms or people
        "Police patrols of Chinese enterprises were increased.",
    ],
)
def test_no_border_governed_no_border_security(text: str) -> None:
    assert "border_security" not in _objects(text)
    if "enterprises" in text:
        assert _objects(text) == set()


def test_a_second_list_after_and_of_is_governed_too() -> None:
    text = (
        "They agreed to ensure the security of the new highway under construction and of "
        "Chinese staff and companies in the country."
    )
    assert _objects(text) == {"citizen_protection", "investment_security"}
    # "and of" in another clause governs nothing
    assert (
        _objects("They ensured the security of the highway. Talks and of course dinner.") == set()
    )


def test_a_partners_border_counts_but_not_its_people() -> None:
    # whoever's border it is; a partner's citizens are no concern of the focal state's here
    assert _objects("Речь шла об охране кыргызской границы и граждан.") == {"border_security"}


# --- Chinese: the nouns before 安全 ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("两军将共同维护两国边境和周边地区安全稳定。", {"border_security"}),
        ("协定涵盖打击犯罪、边界和口岸运输安全等方面。", {"border_security"}),
        (
            "外方承诺切实保障在乌中国员工和中资项目安全。",
            {"citizen_protection", "investment_security"},
        ),
        ("双方同意加强合作，维护两国人员安全。", {"citizen_protection"}),
        # 为 ... 提供安全保障: what 为 names is what the security is for
        ("该国表示将为中资企业在当地经营提供安全保障。", {"investment_security"}),
        # whose the list is, from its start; the nouns, from its last entry
        ("双方将保护两国在对方境内的机构和项目安全。", {"investment_security"}),
    ],
)
def test_what_a_chinese_security_word_protects(text: str, codes: set[str]) -> None:
    assert _objects(text) == codes


@pytest.mark.parametrize(
    "text",
    [
        # a partner's firms and people (no 中国, 中方, 两国, 双方 in the list)
        "该国政府表示将保障本国企业和工人安全。",
        # an embassy (机构) is no investment
        "要求对方切实保障使馆机构安全。",
        # a list before 安全 ends at a governing verb: the citizens are told to be careful
        "使馆提醒在塔中国公民提高安全意识。",
        # the region's security, no object of the codes
        "双方愿共同维护地区安全。",
    ],
)
def test_what_a_chinese_security_word_does_not_code(text: str) -> None:
    assert _objects(text) == set()


# --- whom people's hostility targets --------------------------------------------------------


def _hostile(text: str) -> bool:
    normal = text.lower()
    return bool(hostile_acts(normal, 0, len(normal)))


@pytest.mark.parametrize(
    "text",
    [
        "Жители двух сел провели митинг у ворот китайского горнорудного предприятия.",
        "Между местными жителями и рабочими китайской подрядной фирмы вспыхнула драка.",
        "Hundreds of residents staged a protest outside a Chinese cement plant on Monday.",
        "Police said local villagers attacked Chinese workers at the quarry after a dispute.",
        "数百名当地民众聚集抗议一家中资冶炼厂扩建。",
        "报道称，当地村民与中国工人发生冲突，多人受伤。",
    ],
)
def test_peoples_hostility_to_chinese_people_or_firms_is_anti_china_sentiment(text: str) -> None:
    assert _hostile(text)


@pytest.mark.parametrize(
    "text",
    [
        # an armed raid from across the border names no local people: not sentiment
        "Боевики с сопредельной территории совершили нападение на лагерь китайских рабочих.",
        "Gunmen attacked a camp of Chinese miners near the border overnight.",
        # a terrorist attack
        "当地居民称，恐怖分子袭击了中国企业的营地。",
        # hostility aimed at no Chinese people or firms
        "Жители города вышли на митинг против повышения тарифов на электричество.",
        "Residents held a protest against a new landfill.",
        # a rehearsed clash in a drill
        "During the exercise, local residents played a crowd that attacked Chinese workers.",
    ],
)
def test_no_hostility_aimed_at_chinese_people_no_sentiment(text: str) -> None:
    assert not _hostile(text)


# --- lives and property of the people at large ------------------------------------------------


def _lives_kept(text: str, term: str, written: str) -> bool:
    start = text.lower().index(written.lower())
    hit = Hit(start, start + len(written), ("topic", "citizen_protection"), term)
    return needs_qualifier("citizen_protection", hit, text)


@pytest.mark.parametrize(
    ("text", "term", "written", "kept"),
    [
        # the focal state's citizens abroad: protection of citizens
        (
            "使馆要求当地警方切实保障在哈中国公民生命财产安全。",
            "生命财产安全",
            "生命财产安全",
            True,
        ),
        ("中方希望对方保障中方员工人身和财产安全。", "人身和财产安全", "人身和财产安全", True),
        # the people at large (both peoples, a region's population): a government's own duty
        (
            "两国将加强防汛救灾合作，共同守护两国人民生命财产安全。",
            "生命财产安全",
            "生命财产安全",
            False,
        ),
        ("灾害频发，严重威胁当地群众生命财产安全。", "生命财产安全", "生命财产安全", False),
        (
            "Rescue teams of both ministries will protect the lives and property of the "
            "population in mountain areas.",
            "lives and property",
            "lives and property",
            False,
        ),
        (
            "The police must protect the lives and property of Chinese nationals working there.",
            "lives and property",
            "lives and property",
            True,
        ),
        (
            "Спасатели отработали меры по защите жизни и имущества населения при паводке.",
            "жизни и имуществ",
            "жизни и имущества",
            False,
        ),
        (
            "Посол просил обеспечить защиту жизни и имущества граждан КНР на руднике.",
            "жизни и имуществ",
            "жизни и имущества",
            True,
        ),
    ],
)
def test_lives_and_property_of_the_people_at_large_are_no_citizen_protection(
    text: str, term: str, written: str, kept: bool
) -> None:
    assert _lives_kept(text, term, written) is kept


# --- security services a firm sells ------------------------------------------------------------


def _sold(text: str) -> bool:
    start = text.lower().index("security services")
    hit = Hit(start, start + 17, ("domain", "state_security"), "security services")
    return security_service_sold(hit, text)


@pytest.mark.parametrize(
    ("text", "sold"),
    [
        ("The guard company will provide security services for a copper smelter.", True),
        ("The firm signed a two-year security services contract with a mining operator.", True),
        ("It has offered round-the-clock security services to Chinese builders.", True),
        ("Heads of the security services of the member states met in Astana.", False),
        ("Kazakh and Chinese security services agreed to exchange liaison officers.", False),
    ],
)
def test_security_services_a_firm_sells_are_no_state_security(text: str, sold: bool) -> None:
    assert _sold(text) is sold


# --- a state named in a list: a party, or its situation ------------------------------------------


def _situation(text: str, name: str) -> bool:
    start = text.index(name)
    return situation_named(text, Hit(start, start + len(name), ("topic", "afghanistan"), name))


@pytest.mark.parametrize(
    ("text", "name", "situation"),
    [
        ("Министры обсудили обстановку в Центральной Азии и Афганистане.", "Афганистане", True),
        ("援助有助于塔军应对来自阿富汗方向的安全威胁。", "阿富汗", True),
        ("They discussed the situation in Central Asia and Afghanistan.", "Afghanistan", True),
        # a list of neighbours or observers: the state as a party or a place
        ("Округ граничит с Таджикистаном, Афганистаном и Пакистаном.", "Афганистаном", False),
        ("该县与塔吉克斯坦、阿富汗、巴基斯坦三国接壤。", "阿富汗", False),
        ("Observers from Afghanistan and Belarus attended the drill.", "Afghanistan", False),
    ],
)
def test_a_listed_state_is_a_topic_only_with_its_situation(
    text: str, name: str, situation: bool
) -> None:
    assert _situation(text, name) is situation


# --- cross-border crime with no border named ---------------------------------------------------


def _crime_only(text: str, term: str, written: str) -> bool:
    start = text.lower().index(written.lower())
    return crime_not_border(
        Hit(start, start + len(written), ("topic", "border_security"), term), text
    )


@pytest.mark.parametrize(
    ("text", "term", "written", "crime"),
    [
        (
            "The interior ministers agreed to fight terrorism, drugs and cross-border crime.",
            "cross-border crime",
            "cross-border crime",
            True,
        ),
        (
            "Министры договорились совместно бороться с трансграничной преступностью и "
            "наркотрафиком.",
            "трансграничной преступност",
            "трансграничной преступностью",
            True,
        ),
        ("双方同意加强执法合作，共同打击跨境犯罪。", "跨境犯罪", "跨境犯罪", True),
        # a border or a border service named in the sentence: the border's security
        (
            "Border units of the two states will share data on cross-border crime along the "
            "mountain frontier.",
            "cross-border crime",
            "cross-border crime",
            False,
        ),
        (
            "Погранслужбы обсудили противодействие трансграничной преступности на участке.",
            "трансграничной преступност",
            "трансграничной преступности",
            False,
        ),
        ("两国边防部门将联合打击跨境犯罪。", "跨境犯罪", "跨境犯罪", False),
    ],
)
def test_cross_border_crime_with_no_border_named_is_crime(
    text: str, term: str, written: str, crime: bool
) -> None:
    assert _crime_only(text, term, written) is crime


CODER = CodebookCoder(topic_layer=False)  # the rules alone


def _topics(text: str) -> set[str]:
    record = CODER.code(extract_document(text.encode("utf-8"), source="contrast.txt"))
    return set(record.topics)


def test_cross_border_crime_is_organised_crime_and_the_borders_only_with_a_border() -> None:
    police = (
        "Министр внутренних дел Казахстана встретился в Пекине с министром общественной "
        "безопасности Китая. Стороны договорились совместно бороться с трансграничной "
        "преступностью."
    )
    border = (
        "Пограничная служба Кыргызстана и пограничники Китая провели встречу на перевале. "
        "Стороны договорились совместно бороться с трансграничной преступностью на границе."
    )
    assert {"organized_crime"} <= _topics(police)
    assert "border_security" not in _topics(police)
    assert {"organized_crime", "border_security"} <= _topics(border)


# --- a border line no one deals with ------------------------------------------------------------


def _line_kept(text: str, term: str, written: str) -> bool:
    start = text.lower().index(written.lower())
    hit = Hit(start, start + len(written), ("topic", "border_demarcation"), term)
    return needs_qualifier("border_demarcation", hit, text)


@pytest.mark.parametrize(
    ("text", "term", "written", "kept"),
    [
        # the line as a place: a patrol along it, homes near it, its length
        ("两国边界线长约900公里，沿线设有多个口岸。", "边界线", "边界线", False),
        (
            "Наряды прошли вдоль линии границы около сорока километров.",
            "линии границ",
            "линии границы",
            False,
        ),
        (
            "Herders built new homes near the border line last year.",
            "border line",
            "border line",
            False,
        ),
        # the line dealt with: a commission, a joint inspection, its course agreed
        ("联合委员会审议了边界线走向的技术文件。", "边界线", "边界线", True),
        (
            "Совместная комиссия провела проверку линии границы на восточном участке.",
            "линии границ",
            "линии границы",
            True,
        ),
        (
            "The commission agreed on the border line in the disputed valley.",
            "border line",
            "border line",
            True,
        ),
    ],
)
def test_a_border_line_is_demarcation_only_when_dealt_with(
    text: str, term: str, written: str, kept: bool
) -> None:
    assert _line_kept(text, term, written) is kept


# --- demarcation told as finished history ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "term", "written", "kept"),
    [
        # finished, with its year: how the border came to be
        ("Демаркация общей границы была завершена в 2008 году.", "демаркаци", "Демаркация", False),
        ("两国于2010年完成了全线勘界工作。", "勘界", "勘界", False),
        (
            "The two states completed demarcation of their border in 2006.",
            "demarcat*",
            "demarcation",
            False,
        ),
        # a plan, or the matter at the talks: demarcation
        ("Стороны планируют завершить демаркацию к 2027 году.", "демаркаци", "демаркацию", True),
        ("双方讨论了尚未完成的勘界工作。", "勘界", "勘界", True),
        ("The commission will complete demarcation by 2028.", "demarcat*", "demarcation", True),
    ],
)
def test_demarcation_finished_in_a_past_year_is_history(
    text: str, term: str, written: str, kept: bool
) -> None:
    start = text.lower().index(written.lower())
    hit = Hit(start, start + len(written), ("topic", "border_demarcation"), term)
    assert needs_qualifier("border_demarcation", hit, text) is kept


# --- non-interference as a principle of conduct ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "term", "written", "kept"),
    [
        # the principle how states deal with each other: no regime-stability concern
        (
            "Relations rest on equality, mutual benefit and non-interference in internal affairs.",
            "non-interference",
            "non-interference",
            False,
        ),
        ("中方从不干涉别国内政，也不附加任何政治条件。", "干涉别国内政", "干涉别国内政", False),
        (
            "Отношения строятся на принципах равноправия и невмешательства во внутренние дела.",
            "невмешательств",
            "невмешательства",
            False,
        ),
        # outside forces whose interference is opposed: the concern
        (
            "Both sides oppose external forces and insist on non-interference in internal affairs.",
            "non-interference",
            "non-interference",
            True,
        ),
        ("双方坚决反对外部势力干涉别国内政。", "干涉别国内政", "干涉别国内政", True),
        (
            "Стороны выступили за невмешательство внешних сил во внутренние дела стран региона.",
            "невмешательств",
            "невмешательство",
            True,
        ),
    ],
)
def test_non_interference_as_a_principle_is_no_regime_stability(
    text: str, term: str, written: str, kept: bool
) -> None:
    start = text.lower().index(written.lower())
    hit = Hit(start, start + len(written), ("topic", "regime_stability"), term)
    assert needs_qualifier("regime_stability", hit, text) is kept
