"""Central Asian states named beside an event without taking part (twenty-first round, issue 13,
branch coder72, ``coder_bystanders``): a guest of the event, a state holding the same view as
well, one the focal state never dealt with, one said not to take part, where goods come from or
a route's stop; an academic gathering (``coder_academic``); and the one partner state of a lead
that reports the event (``rule_lead_partner``). Each rule with a near-miss contrast where the state does take
part. Hand-written zh/ru/en texts, not copied from any gold text."""

from __future__ import annotations

import pytest

from steppewatch.extract import code_document
from steppewatch.extract.codebook_coder import CodebookCoder
from steppewatch.extract.coder_academic import academic_gathering
from steppewatch.extract.coder_bystanders import (
    goods_origin,
    guest,
    likewise,
    never_with,
    not_yet,
    said_not_to_take_part,
)
from steppewatch.extract.coder_rules import Found, rule_lead_partner
from steppewatch.extract.matcher import Hit
from steppewatch.extract.model import CodedItem

from .conftest import make_doc


def _countries(text: str) -> list[str]:
    coded = code_document(make_doc(text))
    return list(coded.countries) if coded.relevant else []


def _hit(text: str, term: str) -> Hit:
    at = text.index(term)
    return Hit(at, at + len(term), ("state", "XX"), term)


# -- a guest of the event ---------------------------------------------------------------------

_ZH_MEETING = (
    "中哈两国边防部门举行边境安全会晤\n"
    "新华社伊宁5月4日电 5月3日，中国和哈萨克斯坦边防部门边境安全会晤在新疆伊宁举行。"
    "双方商定加强边境联合巡逻和情报交流，共同打击跨境犯罪。\n"
    "{extra}\n"
)


def test_zh_officials_invited_to_the_opening_ceremony_are_guests() -> None:
    countries = _countries(
        _ZH_MEETING.format(extra="吉尔吉斯斯坦驻乌鲁木齐总领馆官员应邀出席了开幕式。")
    )
    assert "KZ" in countries
    assert "KG" not in countries


def test_zh_border_guards_who_took_part_in_the_talks_stay_sides() -> None:
    countries = _countries(
        _ZH_MEETING.format(extra="吉尔吉斯斯坦边防部门代表也参加了会晤，三方签署了合作纪要。")
    )
    assert "KZ" in countries
    assert "KG" in countries


_RU_MEETING = (
    "В Бишкеке прошло совещание министров обороны государств – членов ШОС\n"
    "Бишкек, 3 марта. В Бишкеке состоялось совещание министров обороны государств – членов "
    "ШОС. Китайскую делегацию возглавил министр обороны КНР. Министры подписали коммюнике о "
    "противодействии терроризму.\n"
    "{extra}\n"
)


def test_ru_a_minister_speaking_as_a_guest_is_no_side() -> None:
    countries = _countries(
        _RU_MEETING.format(
            extra="Министр обороны Туркменистана как гость выступил на открытой части совещания."
        )
    )
    assert "KZ" in countries
    assert "TM" not in countries


def test_ru_a_guest_who_also_took_part_stays_a_side() -> None:
    countries = _countries(
        _RU_MEETING.format(
            extra="Министр обороны Туркменистана, прибывший как гость, принял участие в совещании."
        )
    )
    assert "KZ" in countries
    assert "TM" in countries


@pytest.mark.parametrize(
    ("text", "term", "expected"),
    [
        (
            "Делегация Туркменистана на правах гостя присутствовала на открытии.",
            "Туркменистана",
            True,
        ),
        ("Делегация Туркменистана прибыла на заседание совета.", "Туркменистана", False),
        (
            "Officials of Kyrgyzstan were invited to attend the opening ceremony.",
            "Kyrgyzstan",
            True,
        ),
        ("Officials of Kyrgyzstan were invited to the talks.", "Kyrgyzstan", False),
        ("塔吉克斯坦代表列席了会议。", "塔吉克斯坦", True),
        ("塔吉克斯坦代表出席了会议。", "塔吉克斯坦", False),
    ],
)
def test_guest_words(text: str, term: str, expected: bool) -> None:
    assert guest(text, _hit(text, term)) is expected


# -- the same view held as well -----------------------------------------------------------------

_ZH_BRIEFING = (
    "外交部发言人答记者问\n"
    "问：吉尔吉斯斯坦外交部发表声明，支持中方在反恐问题上的立场。中方有何评论？\n"
    "答：中方赞赏吉方的立场。中吉在打击恐怖主义方面相互支持，执法安全合作富有成效。{extra}\n"
)


def test_zh_states_holding_a_similar_view_as_well_are_no_sides() -> None:
    countries = _countries(_ZH_BRIEFING.format(extra="塔吉克斯坦等国也曾表达过类似立场。"))
    assert "KG" in countries
    assert "TJ" not in countries


def test_zh_a_state_that_also_cooperates_is_not_a_yardstick() -> None:
    text = "塔吉克斯坦也同中方开展了联合反恐演习。"
    assert not likewise(text, _hit(text, "塔吉克斯坦"))


@pytest.mark.parametrize(
    ("text", "term", "expected"),
    [
        (
            "Казахстан также неоднократно высказывал аналогичную позицию по этому вопросу.",
            "Казахстан",
            True,
        ),
        ("Казахстан также провел аналогичные учения с Китаем.", "Казахстан", False),
        ("Kazakhstan has also voiced a similar position on the matter.", "Kazakhstan", True),
        ("Kazakhstan has also held a similar drill with China.", "Kazakhstan", False),
        ("乌兹别克斯坦也多次表达了相同的看法。", "乌兹别克斯坦", True),
        ("乌兹别克斯坦也多次派员参加联合演习。", "乌兹别克斯坦", False),
    ],
)
def test_likewise_words(text: str, term: str, expected: bool) -> None:
    assert likewise(text, _hit(text, term)) is expected


# -- never dealt with -----------------------------------------------------------------------------

_ZH_DENIAL = (
    "外交部发言人答记者问\n"
    "问：有报道称，中方将在塔吉克斯坦修建新的边防设施。请证实。\n"
    "答：中塔执法安全合作是正常的双边合作，不针对第三方。{extra}\n"
)


def test_zh_a_state_never_dealt_with_is_no_side() -> None:
    countries = _countries(_ZH_DENIAL.format(extra="中方从未与土库曼斯坦讨论过此类问题。"))
    assert "TJ" in countries
    assert "TM" not in countries


def test_zh_a_state_dealt_with_stays_a_side() -> None:
    countries = _countries(
        _ZH_DENIAL.format(extra="中方也与土库曼斯坦讨论过边境安全合作问题，双方同意加强执法合作。")
    )
    assert "TJ" in countries
    assert "TM" in countries


@pytest.mark.parametrize(
    ("text", "term", "expected"),
    [
        ("Китай никогда не обсуждал этот вопрос с Узбекистаном.", "Узбекистаном", True),
        ("Китай не только обсуждал этот вопрос с Узбекистаном.", "Узбекистаном", False),
        ("China has never discussed the matter with Uzbekistan.", "Uzbekistan", True),
        ("China has discussed the matter with Uzbekistan.", "Uzbekistan", False),
        ("中方从未同乌兹别克斯坦讨论过此事。", "乌兹别克斯坦", True),
        ("中方曾同乌兹别克斯坦讨论过此事。", "乌兹别克斯坦", False),
    ],
)
def test_never_with_words(text: str, term: str, expected: bool) -> None:
    assert never_with(text, _hit(text, term)) is expected


# -- the one partner state of the lead ------------------------------------------------------------

_CALL = (
    "Телефонный разговор Президента Таджикистана с Председателем КНР\n"
    "Сегодня Президент Таджикистана провел телефонный разговор с Председателем КНР."
)


def _lead_item(kind: str, countries: list[str]) -> tuple[CodedItem, Found]:
    at = _CALL.index("Таджикистана")
    found = Found()
    found.lead_partner = Hit(at, at + len("Таджикистана"), ("state", "TJ"), "Таджикистана")
    found.lead_state = "TJ"
    item = CodedItem(start=0, end=len(_CALL), relevant=True, kind=kind, countries=countries)
    item.framework = "bilateral"
    return item, found


def test_the_leads_one_partner_is_a_side_when_no_partner_is_left() -> None:
    res = CodebookCoder()._resources()
    item, found = _lead_item("meeting", ["CN"])
    rule_lead_partner(item, _CALL, found, [], res)
    assert item.countries == ["CN", "TJ"]
    assert any(e.field == "country" and e.basis == "lead" for e in found.evidence)


@pytest.mark.parametrize(
    ("kind", "countries", "partners"),
    [
        pytest.param("domestic_capacity", ["CN"], [], id="the focal state's own build-up"),
        pytest.param("meeting", ["CN", "KG"], ["KG"], id="a partner already a side"),
    ],
)
def test_the_leads_one_partner_is_not_added(
    kind: str, countries: list[str], partners: list[str]
) -> None:
    res = CodebookCoder()._resources()
    item, found = _lead_item(kind, countries)
    rule_lead_partner(item, _CALL, found, partners, res)
    assert item.countries == countries


# -- said not to take part --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "term", "expected"),
    [
        ("Китайская сторона в охране не участвует.", "Китайская", True),
        ("Китайская сторона в охране участвует наравне с узбекской.", "Китайская", False),
        ("中方未参与此次护送行动。", "中方", True),
        ("中方参与了此次护送行动。", "中方", False),
        ("China is not involved in the escort.", "China", True),
        ("China is involved in the escort.", "China", False),
    ],
)
def test_said_not_to_take_part_words(text: str, term: str, expected: bool) -> None:
    assert said_not_to_take_part(text, _hit(text, term)) is expected


_RU_ESCORT = (
    "Нацгвардия Узбекистана взяла под охрану грузовые поезда\n"
    "Ташкент, 9 марта. Национальная гвардия Узбекистана с 9 марта начала охрану грузовых "
    "поездов на станциях Ташкентской области в связи с ростом хищений грузов. {extra}\n"
)


def test_ru_the_focal_state_said_not_to_take_part_is_no_engagement() -> None:
    text = _RU_ESCORT.format(
        extra="Китайская сторона в охране не участвует, охрану обеспечивают узбекские гвардейцы."
    )
    assert _countries(text) == []


def test_ru_the_focal_state_taking_part_is_engagement() -> None:
    text = _RU_ESCORT.format(
        extra="Охрану поездов совместно с узбекскими гвардейцами обеспечивает китайская "
        "железнодорожная полиция в рамках соглашения между МВД Узбекистана и МОБ КНР."
    )
    assert "UZ" in _countries(text)


# -- where goods come from, a route's stops -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "term", "expected"),
    [
        ("Гвардейцы охраняют контейнерные поезда, следующие из Китая.", "Китая", True),
        ("Гвардейцы получили технику из Китая.", "Китая", False),
        ("Guards escort freight trains from China.", "China", True),
        ("Guards received equipment from China.", "China", False),
        ("警方加强对来自中国的货物的查验。", "中国", True),
        ("警方接收了来自中国的装备。", "中国", False),
        ("Поезда идут по маршруту Китай — Кыргызстан — Узбекистан.", "Кыргызстан", True),
        ("Поезда идут по маршруту через Кыргызстан.", "Кыргызстан", False),
    ],
)
def test_goods_origin_words(text: str, term: str, expected: bool) -> None:
    assert goods_origin(text, _hit(text, term)) is expected


# -- an academic gathering ------------------------------------------------------------------------


_ZH_SEMINAR = (
    "“中国—中亚安全合作”{kind}在京举行\n"
    "某研究院 | 学术活动 | 2026-03-05\n"
    "3月5日，“中国—中亚安全合作”{kind}在北京举行。来自中国、哈萨克斯坦、吉尔吉斯斯坦"
    "{who}参加，围绕地区反恐和边境安全等议题展开讨论。\n"
)


def test_zh_an_academic_seminar_is_the_scholars_business() -> None:
    text = _ZH_SEMINAR.format(kind="学术研讨会", who="高校和智库的20余名学者")
    assert _countries(text) == []


def test_academic_gathering_words() -> None:
    for text, term, expected in (
        ("学术研讨会在京举行", "研讨会", True),
        ("执法培训研讨会在京举行", "研讨会", False),
        ("Прошла научная конференция по безопасности", "конференция", True),
        ("Прошла конференция министров", "конференция", False),
    ):
        at = text.index(term)
        hit = Hit(at, at + len(term), ("event_kind", "training_education"), term)
        assert academic_gathering(text, hit) is expected, text


def test_zh_an_officials_seminar_stays_an_event() -> None:
    text = (
        "中哈执法安全合作研讨会在京举行\n"
        "新华社北京3月5日电 3月5日，中国和哈萨克斯坦执法安全合作研讨会在北京举行。公安部副部长"
        "和哈萨克斯坦内务部副部长出席并致辞，双方围绕联合打击跨境犯罪和反恐合作展开讨论。\n"
    )
    assert "KZ" in _countries(text)


# -- a prospect not yet begun -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "term", "expected"),
    [
        ("安保公司称，其在吉尔吉斯斯坦的业务仍在洽谈中。", "吉尔吉斯斯坦", True),
        ("安保公司称，其在吉尔吉斯斯坦的业务已全面展开。", "吉尔吉斯斯坦", False),
        ("В Кыргызстане пока ведутся переговоры о допуске компании.", "Кыргызстане", True),
        ("В Кыргызстане компания охраняет рудник.", "Кыргызстане", False),
        ("Its business in Kyrgyzstan is still under negotiation.", "Kyrgyzstan", True),
        ("Its business in Kyrgyzstan is growing.", "Kyrgyzstan", False),
    ],
)
def test_not_yet_words(text: str, term: str, expected: bool) -> None:
    assert not_yet(text, _hit(text, term)) is expected


def test_zh_a_state_where_business_is_still_negotiated_is_no_host() -> None:
    text = (
        "中国安保公司在塔吉克斯坦承担公路项目护卫任务\n"
        "据项目方消息，一家中国安保公司已在塔吉克斯坦公路改造项目部署30名安保人员，承担营地和"
        "车队护卫任务。{extra}\n"
    )
    countries = _countries(text.format(extra="该公司称，其在吉尔吉斯斯坦的业务仍在洽谈中。"))
    assert "TJ" in countries
    assert "KG" not in countries
