"""Central Asian states named on Russian and Chinese pages without taking part (twentieth round,
issue 13, branch coder65): a route's abbreviated name (中吉乌铁路), a market goods are exported
to, one more event still to come for a state (还将为…举办), others' concern (也表示关注), few
contacts, a direction or border questions with a state, a body of other states' event (учения
ОДКБ вместе с…), the capital of an event still to come, and headlines between semicolons after
a links heading. Each rule with a near-miss contrast where the state does take part.
Hand-written zh/ru/en texts, not copied from any gold text."""

from __future__ import annotations

import pytest

from steppewatch.extract import code_document
from steppewatch.extract.coder_entities import upcoming_venue
from steppewatch.extract.matcher import Hit

from .conftest import make_doc


def _countries(text: str) -> list[str]:
    coded = code_document(make_doc(text))
    return list(coded.countries) if coded.relevant else []


# -- a route named by abbreviations ------------------------------------------------------

_TALKS_UZ = (
    "习近平同乌兹别克斯坦总统举行会谈\n"
    "新华社北京6月2日电 国家主席习近平2日在人民大会堂同来华访问的乌兹别克斯坦总统举行会谈。"
    "习近平指出，中方愿同乌方加强执法安全合作，坚决打击“三股势力”和跨国有组织犯罪。"
    "{extra}双方签署了执法安全合作协定。\n"
)


def test_a_route_named_by_abbreviations_is_no_side() -> None:
    countries = _countries(_TALKS_UZ.format(extra="双方同意加快推进中吉乌铁路建设。"))
    assert "UZ" in countries
    assert "KG" not in countries


def test_a_pair_abbreviation_not_naming_a_route_stays_a_side() -> None:
    countries = _countries(
        _TALKS_UZ.format(extra="中吉两国边防部门也派员参加了会谈并签署边境合作文件。")
    )
    assert "UZ" in countries
    assert "KG" in countries


# -- a market goods are exported to ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "false"),
    [
        pytest.param(
            "Суд оштрафовал китайскую охранную компанию\n"
            "Бишкек – Суд Чуйской области оштрафовал охранную компанию, учрежденную гражданами "
            "КНР, за охрану цементного завода без лицензии. Охранники завода были вооружены.\n"
            "Продукция завода экспортируется в Казахстан и Узбекистан.\n",
            {"KZ", "UZ"},
            id="ru",
        ),
        pytest.param(
            "Court fines Chinese security company\n"
            "BISHKEK - A court in Kyrgyzstan fined a security company set up by Chinese "
            "citizens for guarding a cement plant without a licence; its guards carried arms.\n"
            "The plant exports cement to Kazakhstan and Uzbekistan.\n",
            {"KZ", "UZ"},
            id="en",
        ),
        pytest.param(
            "中资安保公司在吉尔吉斯斯坦无证经营被罚款\n"
            "比什凯克消息，吉尔吉斯斯坦楚河州法院以无证从事安保业务为由，对一家中国公民设立的"
            "安保公司处以罚款，该公司负责保护一家水泥厂。\n"
            "该厂产品主要出口到哈萨克斯坦和乌兹别克斯坦。\n",
            {"KZ", "UZ"},
            id="zh",
        ),
    ],
)
def test_a_market_goods_are_exported_to_is_no_side(text: str, false: set[str]) -> None:
    countries = _countries(text)
    assert "KG" in countries
    assert not false & set(countries)


def test_a_state_in_an_export_control_talk_stays_a_side() -> None:
    countries = _countries(
        "Китай и Казахстан обсудили контроль за экспортом\n"
        "Астана – Министры внутренних дел Китая и Казахстана провели переговоры о борьбе с "
        "контрабандой оружия и контроле за экспортом товаров двойного назначения.\n"
    )
    assert "KZ" in countries


# -- one more event still to come, held for a state ----------------------------------------

_COURSE = (
    "吉尔吉斯斯坦执法官员培训班在北京结业\n"
    "5月20日，公安部主办的吉尔吉斯斯坦执法官员刑事侦查培训班在北京结业，30名学员参加培训，"
    "学习了电子数据取证和打击电信网络诈骗等课程。{extra}\n"
)


def test_a_course_still_to_be_held_for_a_state_is_no_side() -> None:
    countries = _countries(
        _COURSE.format(extra="据悉，公安部今年下半年还将为塔吉克斯坦执法官员举办专题培训。")
    )
    assert "KG" in countries
    assert "TJ" not in countries


def test_officers_of_a_state_on_the_course_itself_take_part() -> None:
    countries = _countries(_COURSE.format(extra="塔吉克斯坦执法官员也参加了本次培训。"))
    assert "KG" in countries
    assert "TJ" in countries


# -- others' concern, few contacts -------------------------------------------------------

_BORDER_ZH = (
    "外交部：中方支持塔方维护边境安全\n"
    "外交部发言人5日在例行记者会上表示，中方支持塔吉克斯坦维护边境安全的努力，愿同塔方加强"
    "安全领域交流合作，共同打击恐怖主义。{extra}\n"
)


def test_states_that_also_voiced_concern_are_no_side() -> None:
    countries = _countries(
        _BORDER_ZH.format(extra="此前，乌兹别克斯坦等国也表示关注阿富汗北部安全形势。")
    )
    assert "TJ" in countries
    assert "UZ" not in countries


def test_a_state_joining_the_cooperation_stays_a_side() -> None:
    countries = _countries(
        _BORDER_ZH.format(extra="中方还同乌兹别克斯坦边防部门举行了边境安全会晤。")
    )
    assert "TJ" in countries
    assert "UZ" in countries


_INTERVIEW_RU = (
    "Начальник Генштаба Кыргызстана: армия готова к угрозам\n"
    "Бишкек – В мае на полигоне наши подразделения провели с подразделениями Народно-"
    "освободительной армии Китая совместные тактические учения по борьбе с терроризмом. "
    "{extra}\n"
)


@pytest.mark.parametrize(
    "extra",
    [
        pytest.param("С Туркменистаном военных контактов немного.", id="ru-few-contacts"),
        pytest.param("Мы следим за ситуацией на туркменском направлении.", id="ru-direction"),
        pytest.param(
            "Пограничные вопросы с Туркменистаном решены давно.", id="ru-border-questions"
        ),
    ],
)
def test_a_state_with_few_contacts_a_direction_or_border_questions_is_no_side(
    extra: str,
) -> None:
    countries = _countries(_INTERVIEW_RU.format(extra=extra))
    assert "KG" in countries
    assert "TM" not in countries


def test_a_state_whose_troops_joined_the_drill_stays_a_side() -> None:
    countries = _countries(
        _INTERVIEW_RU.format(extra="В учениях также участвовали военнослужащие Туркменистана.")
    )
    assert "KG" in countries
    assert "TM" in countries


# -- a body of other states' event -------------------------------------------------------

_TRANSFER_RU = (
    "ГКНБ Кыргызстана получил от Китая комплексы против дронов\n"
    "БИШКЕК, 24 авг – ГКНБ Кыргызстана получил от Китая партию комплексов противодействия "
    "беспилотникам. Церемония передачи прошла в Бишкеке.\n"
    "В тот же день подразделения армии Кыргызстана выдвинулись для участия в учениях {body} "
    "вместе с военнослужащими {others}Казахстана и Таджикистана.\n"
)


def test_states_in_a_body_of_other_states_drill_are_no_side() -> None:
    countries = _countries(_TRANSFER_RU.format(body="ОДКБ", others="России, "))
    assert "KG" in countries
    assert not {"KZ", "TJ"} & set(countries)


def test_states_in_a_drill_with_the_focal_state_stay_sides() -> None:
    countries = _countries(_TRANSFER_RU.format(body="ШОС", others="Китая, "))
    assert {"KG", "KZ", "TJ"} <= set(countries)


# -- headlines between semicolons after a links heading -------------------------------------

_DRILL_RU = (
    "В ГБАО завершились таджикско-китайские учения\n"
    "Совместные антитеррористические учения подразделений Вооруженных сил Таджикистана и НОАК "
    "Китая завершились 29 мая в Горно-Бадахшанской области. В учениях участвовали 700 "
    "военнослужащих двух стран.\n"
    "{foot}\n"
)


def test_headlines_between_semicolons_after_other_news_are_no_side() -> None:
    countries = _countries(
        _DRILL_RU.format(
            foot="Другие новости: Душанбе и Бишкек продолжат переговоры по границе; Курс "
            "доллара на 30 мая; В Душанбе ограничат движение"
        )
    )
    assert "TJ" in countries
    assert "KG" not in countries


def test_a_sentence_with_semicolons_in_the_body_stays_the_items() -> None:
    countries = _countries(
        _DRILL_RU.format(
            foot="В учениях также участвовали военнослужащие Кыргызстана; они отрабатывали "
            "эвакуацию раненых; учения проводятся раз в два года."
        )
    )
    assert "TJ" in countries
    assert "KG" in countries


_INTERVIEW = {
    "en": (
        "Kyrgyz chief of staff: the army is ready\n"
        "BISHKEK - In May our units held joint tactical counter-terrorism drills with units of "
        "the Chinese People's Liberation Army at a mountain range. {extra}\n"
    ),
    "zh": (
        "吉尔吉斯斯坦总参谋长接受采访\n"
        "比什凯克消息，5月，吉尔吉斯斯坦武装力量同中国人民解放军在山地训练场举行联合反恐战术"
        "演习。{extra}\n"
    ),
}


@pytest.mark.parametrize(
    ("language", "extra"),
    [
        pytest.param("en", "We have few military contacts with Turkmenistan.", id="en"),
        pytest.param("zh", "吉方与土库曼斯坦军事往来不多。", id="zh"),
    ],
)
def test_few_contacts_with_a_state_is_no_side_en_zh(language: str, extra: str) -> None:
    countries = _countries(_INTERVIEW[language].format(extra=extra))
    assert "KG" in countries
    assert "TM" not in countries


@pytest.mark.parametrize(
    ("language", "extra"),
    [
        pytest.param("en", "Troops from Turkmenistan also took part in the drills.", id="en"),
        pytest.param("zh", "土库曼斯坦军人也参加了此次演习。", id="zh"),
    ],
)
def test_troops_of_a_state_in_the_drill_stay_sides_en_zh(language: str, extra: str) -> None:
    countries = _countries(_INTERVIEW[language].format(extra=extra))
    assert "KG" in countries
    assert "TM" in countries


# -- the venue of an event still to come ---------------------------------------------------


def _venue(text: str, city: str) -> Hit:
    start = text.index(city)
    return Hit(start, start + len(city), ("venue", "KG"), city)


@pytest.mark.parametrize(
    ("text", "city", "upcoming"),
    [
        pytest.param(
            "Лидеры договорились о контактах в рамках предстоящего саммита ШОС в Бишкеке.",
            "Бишкеке",
            True,
            id="ru-upcoming",
        ),
        pytest.param(
            "Лидеры провели переговоры на полях саммита ШОС в Бишкеке.",
            "Бишкеке",
            False,
            id="ru-held-there",
        ),
        pytest.param(
            "The leaders agreed to meet at the upcoming SCO summit in Bishkek.",
            "Bishkek",
            True,
            id="en-upcoming",
        ),
        pytest.param(
            "The leaders met on the sidelines of the SCO summit in Bishkek.",
            "Bishkek",
            False,
            id="en-held-there",
        ),
        pytest.param(
            "双方同意在将在比什凯克举行的上合组织峰会期间继续磋商。",
            "比什凯克",
            True,
            id="zh-upcoming",
        ),
        pytest.param(
            "两国元首在比什凯克出席上合组织峰会期间举行会谈。",
            "比什凯克",
            False,
            id="zh-held-there",
        ),
    ],
)
def test_the_capital_of_an_event_to_come_is_no_venue(text: str, city: str, upcoming: bool) -> None:
    assert upcoming_venue(text, _venue(text, city)) is upcoming


# -- a border section named by a compound, goods carried onward ----------------------------

_EQUIPMENT_TM = (
    "Китай передал Туркменистану досмотровое оборудование\n"
    "Ашхабад – Китай безвозмездно передал Государственной пограничной службе Туркменистана "
    "досмотровое оборудование для охраны границы. {extra}\n"
)


@pytest.mark.parametrize(
    "extra",
    [
        pytest.param(
            "Оборудование установят на пунктах пропуска, в том числе на туркмено-узбекском "
            "участке.",
            id="ru-border-section",
        ),
        pytest.param(
            "Через пункт проходят грузы из Китая в Туркменистан и далее в Узбекистан.",
            id="ru-onward-route",
        ),
    ],
)
def test_a_border_section_or_an_onward_route_is_no_side(extra: str) -> None:
    countries = _countries(_EQUIPMENT_TM.format(extra=extra))
    assert "TM" in countries
    assert "UZ" not in countries


def test_a_state_receiving_equipment_too_stays_a_side() -> None:
    countries = _countries(
        _EQUIPMENT_TM.format(
            extra="Такое же оборудование Китай передал пограничной службе Узбекистана."
        )
    )
    assert "TM" in countries
    assert "UZ" in countries


def test_goods_carried_onward_in_english_is_no_side() -> None:
    countries = _countries(
        "China hands scanners to Turkmen border service\n"
        "ASHGABAT - China handed scanners free of charge to the State Border Service of "
        "Turkmenistan for border security. Goods travel from China to Turkmenistan and onward to "
        "Uzbekistan through the checkpoint.\n"
    )
    assert "TM" in countries
    assert "UZ" not in countries


# -- a partner's delegation attending beside a third state's --------------------------------

_FORUM_ZH = (
    "边境安全论坛在乌鲁木齐开幕\n"
    "8月10日，边境安全合作论坛在乌鲁木齐开幕，公安部副部长出席开幕式并致辞。\n"
    "{extra}\n"
    "与会代表围绕跨境犯罪联合打击、执法能力建设等议题进行研讨。\n"
)


def test_a_partner_delegation_beside_a_third_states_officials_takes_part() -> None:
    countries = _countries(
        _FORUM_ZH.format(
            extra="哈萨克斯坦内务部、吉尔吉斯斯坦内务部派出代表团出席，蒙古国驻华使馆官员也参加了论坛。"
        )
    )
    assert {"KZ", "KG"} <= set(countries)


def test_partners_named_beside_a_third_state_without_attending_are_no_sides() -> None:
    countries = _countries(
        _FORUM_ZH.format(
            extra="哈萨克斯坦内务部代表团出席了论坛。蒙古国与吉尔吉斯斯坦近年来签署了边境合作协定。"
        )
    )
    assert "KZ" in countries
    assert "KG" not in countries
