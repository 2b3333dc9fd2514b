"""Fourteenth-round topic and domain scoping (issue 13): what an analyst or an expert says about
an event is the commentator's reading, not what the event's sides raised (``analyst_passage``);
an evacuation codes citizen protection only when people of a state are moved out; Andijan is a
city unless its 2005 events are meant. Texts written for these tests (zh/ru/en), none copied
from a gold text; each rule has a text it changes and one it leaves alone."""

from __future__ import annotations

import pytest

from steppewatch.extract import extract_document
from steppewatch.extract.codebook_coder import CodebookCoder
from steppewatch.extract.coder_background import analyst_passage, analyst_voice
from steppewatch.extract.model import CodedDocument

CODER = CodebookCoder(topic_layer=False)  # the rules alone


def _code(text: str) -> CodedDocument:
    return CODER.code(extract_document(text.encode("utf-8"), source="contrast.txt"))


# --- an analyst's words on an event ----------------------------------------------------------

ZH_EXPERT = (
    "中塔两国边防部队举行联合演练\n"
    "新华社杜尚别5月8日电 中国和塔吉克斯坦边防部队7日在帕米尔高原举行联合反恐演练，"
    "两国官兵演练了联合搜索和拦截。\n"
    "军事专家李明接受记者采访时表示，演练地点靠近阿富汗，当地地形复杂。"
    "他说，毒品走私团伙长期在这一带活动。"
)
ZH_SIDES = (
    "中塔两国边防部队举行联合演练\n"
    "新华社杜尚别5月8日电 中国和塔吉克斯坦边防部队7日在帕米尔高原举行联合反恐演练，"
    "两国官兵演练了联合搜索和拦截。\n"
    "塔方指挥官表示，双方将继续共同打击毒品走私，防范来自阿富汗的威胁。"
)
RU_EXPERT = (
    "Пограничники Кыргызстана и Китая провели совместные учения\n"
    "Бишкек, 12 июня 2026 - Кабар. Пограничная служба Кыргызстана и пограничные подразделения "
    "Китая провели совместные учения на перевале Торугарт по задержанию нарушителей границы.\n"
    "Политолог Азамат Исаев считает, что угроза исходит прежде всего из Афганистана. "
    "По его словам, наркоторговцы используют горные тропы."
)
EN_EXPERT = (
    "Chinese and Kazakh troops hold joint mountain drill\n"
    "ALMATY, Sept. 3 (Steppe News) - Chinese and Kazakh army units held a joint "
    "counter-terrorism drill near the border on Tuesday.\n"
    "An analyst at a Beijing university said the choice of ground reflected worries about "
    "Afghanistan, where drug smugglers remain active."
)


@pytest.mark.parametrize("text", [ZH_EXPERT, RU_EXPERT, EN_EXPERT])
def test_what_an_analyst_names_is_no_topic_of_the_event(text: str) -> None:
    record = _code(text)
    assert record.relevant
    assert not {"afghanistan", "drug_trafficking"} & set(record.topics)


def test_what_a_side_says_stays_a_topic() -> None:
    record = _code(ZH_SIDES)
    assert {"afghanistan", "drug_trafficking"} <= set(record.topics)


def test_experts_who_teach_do_not_comment() -> None:
    text = (
        "上合组织成员国警官培训班开班\n"
        "本报北京3月2日电 来自哈萨克斯坦、吉尔吉斯斯坦的20名警官参加培训，"
        "课程由公安院校专家讲授，主题为“打击毒品犯罪的侦查实践”。"
    )
    lead = text.index("\n") + 1
    assert not analyst_passage(text, text.index("毒品"), lead, len(text))


def test_the_commentators_voice_runs_to_the_paragraphs_end() -> None:
    text = RU_EXPERT
    lead = text.index(".", text.index("Кабар.") + 7) + 1
    assert analyst_passage(text, text.index("наркоторговцы"), lead, len(text))
    assert not analyst_passage(text, text.index("нарушителей"), lead, len(text))
    voice = analyst_voice(text, lead, len(text))  # (the same, found once per item)
    assert voice(text.index("наркоторговцы"))
    assert voice(text.index("Политолог"))
    assert not voice(text.index("нарушителей"))


# --- evacuation ------------------------------------------------------------------------------

EN_DRILL_EVACUATION = (
    "Chinese and Uzbek special forces end joint drill\n"
    "TASHKENT, Oct. 9 (Steppe News) - Chinese and Uzbek special forces ended a joint "
    "counter-terrorism drill on Friday. The units practised storming a building, freeing "
    "hostages and the evacuation of wounded soldiers by helicopter."
)
RU_DRILL_EVACUATION = (
    "Завершились совместные учения спецподразделений Таджикистана и Китая\n"
    "Душанбе, 9 октября 2026 - Ховар. Спецподразделения Таджикистана и Китая завершили "
    "совместные антитеррористические учения, в ходе которых отработали освобождение "
    "заложников и эвакуацию раненых."
)
ZH_WORKERS_EVACUATED = (
    "吉尔吉斯斯坦一矿区发生冲突 中方人员已安全撤离\n"
    "新华社比什凯克6月3日电 吉尔吉斯斯坦纳伦州一处中资矿区2日发生冲突，"
    "中国驻吉使馆要求吉方保障中方安全，全部中方人员已安全撤离矿区，吉警方已介入调查。"
)


@pytest.mark.parametrize("text", [EN_DRILL_EVACUATION, RU_DRILL_EVACUATION])
def test_wounded_carried_off_in_a_drill_are_no_citizens_protected(text: str) -> None:
    record = _code(text)
    assert record.relevant
    assert "citizen_protection" not in record.topics


def test_a_states_people_evacuated_are_protected() -> None:
    record = _code(ZH_WORKERS_EVACUATED)
    assert "citizen_protection" in record.topics


# --- Andijan, a city -------------------------------------------------------------------------

ZH_ANDIJAN_CITY = (
    "中乌执法部门在安集延举行联合禁毒演练\n"
    "新华社塔什干4月11日电 中国和乌兹别克斯坦执法部门10日在乌东部城市安集延举行联合禁毒演练，"
    "双方警员演练了跨境贩毒案件的联合查缉。"
)
RU_ANDIJAN_EVENTS = (
    "Министры внутренних дел Узбекистана и Китая провели переговоры\n"
    "Ташкент, 11 апреля 2026 - УзА. Министр внутренних дел Узбекистана провел переговоры с "
    "министром общественной безопасности КНР. Стороны договорились расширять совместную борьбу "
    "с терроризмом. Узбекская сторона поблагодарила Китай за поддержку после андижанских "
    "событий 2005 года."
)


def test_andijan_as_a_city_is_no_unrest() -> None:
    record = _code(ZH_ANDIJAN_CITY)
    assert record.relevant
    assert "regime_stability" not in record.topics


def test_the_andijan_events_are_still_found() -> None:
    record = _code(RU_ANDIJAN_EVENTS)
    assert "regime_stability" in record.topics


# --- location: the dateline with its state or agency after it; no venue from an analyst ------

EN_DATELINE_STATE = (
    "China, Central Asian states agree on border security steps\n"
    "BISHKEK, Kyrgyzstan, June 4 (Steppe News) -- Interior ministers of China and the five "
    "Central Asian states met here on Thursday and agreed to hold joint operations against "
    "drug trafficking."
)
RU_DATELINE_AGENCY = (
    "Министр внутренних дел Казахстана принял делегацию МОБ КНР\n"
    "АСТАНА. КАЗИНФОРМ - Министр внутренних дел Казахстана провел переговоры с заместителем "
    "министра общественной безопасности КНР. Стороны обсудили совместную борьбу с "
    "наркопреступностью."
)
ZH_EXPERT_CITY = (
    "中吉两国军队举行联合反恐演习\n"
    "中国和吉尔吉斯斯坦军队5日在吉尔吉斯斯坦纳伦州举行联合反恐演习，双方官兵演练了山地搜索。\n"
    "军事专家王强表示，明年两国防长会议将在比什凯克举行，合作有望深化。"
)


@pytest.mark.parametrize(
    ("text", "place"), [(EN_DATELINE_STATE, "Bishkek"), (RU_DATELINE_AGENCY, "Astana")]
)
def test_a_dateline_with_its_state_or_agency_after_it_is_the_place(text: str, place: str) -> None:
    record = _code(text)
    assert record.relevant
    assert record.location == place


def test_a_city_an_analyst_names_is_no_venue() -> None:
    record = _code(ZH_EXPERT_CITY)
    assert record.relevant
    assert record.location == "KG"


# --- a presence denied is no sector that cooperates --------------------------------------------

RU_NO_BASES = (
    "Посол КНР: сотрудничество с Казахстаном в сфере безопасности открыто\n"
    "Астана, 2 марта 2026 - Казинформ. Посол КНР в Казахстане в интервью агентству заявил, что "
    "полиция двух стран совместно борется с наркоторговлей. Китай не размещал и не будет "
    "размещать военные базы в Центральной Азии."
)
RU_NOT_ONLY = (
    "Казахстан и Китай расширяют сотрудничество\n"
    "Астана, 2 марта 2026 - Казинформ. Министры обороны Казахстана и Китая договорились "
    "развивать не только военное сотрудничество, но и совместную подготовку кадров."
)


def test_military_bases_denied_are_no_military_domain() -> None:
    record = _code(RU_NO_BASES)
    assert record.relevant
    assert "military" not in record.domains
    assert "law_enforcement" in record.domains


def test_not_only_is_no_denial() -> None:
    record = _code(RU_NOT_ONLY)
    assert "military" in record.domains


# --- an agency named as the source of a report -------------------------------------------------

EN_SOURCE = (
    "Chinese security firm opens office in Bishkek\n"
    "BISHKEK, May 5 (Steppe News) - A Chinese private security company has opened an office in "
    "Bishkek to guard Chinese mining sites, according to the Kyrgyz Ministry of Justice "
    "register."
)
EN_SOURCE_TAKES_PART = (
    "Kyrgyz and Chinese justice ministries sign legal aid plan\n"
    "BISHKEK, May 5 (Steppe News) - The Kyrgyz Ministry of Justice and China's Ministry of "
    "Justice signed a plan on mutual legal assistance in cases of terrorism."
)


def test_an_agency_quoted_as_a_source_is_no_sector() -> None:
    record = _code(EN_SOURCE)
    assert "judicial" not in record.domains


def test_an_agency_that_acts_stays_a_sector() -> None:
    record = _code(EN_SOURCE_TAKES_PART)
    assert "judicial" in record.domains


# --- a hostage rescue is no emergency response ---------------------------------------------------

EN_HOSTAGE_RESCUE = (
    "Chinese and Kyrgyz police hold joint anti-terror drill\n"
    "BISHKEK, July 8 (Steppe News) - Police special units of China and Kyrgyzstan held a joint "
    "counter-terrorism drill on Wednesday, rehearsing the rescue of hostages on a bus."
)
EN_FLOOD_RESCUE = (
    "China and Kyrgyzstan hold joint disaster drill\n"
    "BISHKEK, July 8 (Steppe News) - Emergency services of China and Kyrgyzstan held a joint "
    "drill on Wednesday, rehearsing the rescue of villagers cut off by a flood."
)


def test_a_hostage_rescue_is_no_emergency_domain() -> None:
    record = _code(EN_HOSTAGE_RESCUE)
    assert record.relevant
    assert "emergency" not in record.domains


def test_a_flood_rescue_stays_emergency() -> None:
    record = _code(EN_FLOOD_RESCUE)
    assert record.relevant
    assert "emergency" in record.domains


# --- what all the sides of a multilateral meeting face -------------------------------------------

EN_SIX_COUNTRIES = (
    "China, Central Asian states hold foreign ministers' meeting\n"
    "ASTANA, March 3 (Steppe News) -- The China-Central Asia Foreign Ministers' Meeting was held "
    "here on Tuesday with the foreign ministers of Kazakhstan, Kyrgyzstan, Tajikistan, "
    "Turkmenistan, Uzbekistan and China.\n\n"
    "The chair recalled that the format's secretariat has worked for three years and that "
    "more than ten ministerial platforms now meet every year. Trade grew by a fifth last year, "
    "the chair said.\n\n"
    "On security, the chair said that the six countries are exposed to drug trafficking along "
    "the same routes."
)


def test_what_the_six_countries_face_is_the_meetings_topic() -> None:
    record = _code(EN_SIX_COUNTRIES)
    assert record.relevant
    assert "drug_trafficking" in record.topics


# --- goods called military, received by a border or paramilitary force ---------------------------

EN_MILITARY_AID_BORDER = (
    "China hands over trucks to Tajik border troops\n"
    "DUSHANBE, Feb. 9 (Steppe News) - China handed over 30 trucks to the Border Troops of "
    "Tajikistan on Monday as free military aid, the Chinese embassy said."
)
EN_MILITARY_AID_ARMY = (
    "China hands over trucks to Tajik army\n"
    "DUSHANBE, Feb. 9 (Steppe News) - China handed over 30 trucks to the Tajik Ministry of "
    "Defence on Monday as free military aid, the Chinese embassy said."
)


def test_military_aid_to_border_troops_is_no_military_domain() -> None:
    record = _code(EN_MILITARY_AID_BORDER)
    assert record.relevant
    assert "border_guard" in record.domains
    assert "military" not in record.domains


def test_military_aid_to_an_army_stays_military() -> None:
    record = _code(EN_MILITARY_AID_ARMY)
    assert "military" in record.domains


# --- a Chinese company as the builder of an aid project -----------------------------------------

RU_BUILT_BY = (
    "В Бишкеке открыт учебный центр милиции, построенный при содействии Китая\n"
    "Бишкек, 4 мая 2026 - Кабар. Министр внутренних дел Кыргызстана и посол КНР открыли учебный "
    "центр патрульной милиции. Здание возвела китайская компания за десять месяцев, центр "
    "будет готовить сотрудников для борьбы с наркопреступностью."
)
EN_PROTEST_AGAINST_BUILDER = (
    "Villagers protest at Chinese-built cement plant in Kyrgyzstan\n"
    "BISHKEK, May 4 (Steppe News) - About 300 villagers protested on Monday against the "
    "construction of a cement plant by a Chinese contractor, and the Chinese embassy asked "
    "the Kyrgyz police to keep order."
)


def test_a_chinese_builder_is_no_investment_at_risk() -> None:
    record = _code(RU_BUILT_BY)
    assert record.relevant
    assert "investment_security" not in record.topics


def test_a_protest_against_the_builder_stays_investment_security() -> None:
    record = _code(EN_PROTEST_AGAINST_BUILDER)
    assert "investment_security" in record.topics


# --- disinformation: fought, or only a word for a report ----------------------------------------

ZH_REBUTTAL = (
    "外交部发言人就中塔安全合作答记者问\n"
    "问：有报道称中国将在塔吉克斯坦部署警察，中方有何评论？\n"
    "答：中塔执法安全合作公开透明，双方共同打击恐怖主义。我们敦促有关媒体停止散布虚假信息。"
)
ZH_COUNTERED = (
    "中塔执法部门举行会谈\n"
    "新华社杜尚别6月2日电 中国公安部副部长与塔吉克斯坦内务部长举行会谈，"
    "双方同意共同打击恐怖主义，联合打击网上虚假信息。"
)


def test_a_report_called_disinformation_is_no_information_security() -> None:
    record = _code(ZH_REBUTTAL)
    assert record.relevant
    assert "information_security" not in record.topics


def test_disinformation_fought_is_information_security() -> None:
    record = _code(ZH_COUNTERED)
    assert "information_security" in record.topics


RU_SAID_IN_AGENCY = (
    "Министр внутренних дел Кыргызстана провел переговоры с министром общественной безопасности КНР\n"
    "Бишкек, 5 мая 2026 - Кабар. Министр внутренних дел Кыргызстана провел переговоры с "
    "министром общественной безопасности Китая. Стороны договорились совместно бороться с "
    "терроризмом и наркопреступностью. В ГКНБ заявили, что граница с Китаем спокойна."
)


def test_an_agency_quoted_in_russian_is_no_sector() -> None:
    record = _code(RU_SAID_IN_AGENCY)
    assert record.relevant
    assert "state_security" not in record.domains


def test_experts_who_link_a_trend_to_a_cause_comment() -> None:
    text = (
        "Таджикские и китайские полицейские задержали партию наркотиков\n"
        "Душанбе, 3 июня 2026 - Ховар. Полиция Таджикистана и Китая провела совместную операцию.\n"
        "Эксперты связывают рост изъятий с урожаем опия в Афганистане."
    )
    lead = text.index("операцию.") + len("операцию.")
    assert analyst_passage(text, text.index("Афганистане"), lead, len(text))


# --- riots: unrest, or gear, drills and charges ----------------------------------------------------

RU_RIOT_CHARGE = (
    "Министр внутренних дел Кыргызстана встретился с послом КНР\n"
    "Бишкек, 9 июня 2026 - Кабар. Министр внутренних дел Кыргызстана провел встречу с послом "
    "КНР. Министр сообщил, что пятеро жителей, напавших на китайских рабочих рудника, осуждены "
    "по статье «Массовые беспорядки». Стороны договорились совместно обеспечивать безопасность "
    "граждан Китая и китайских предприятий."
)
ZH_RIOT_UNREST = (
    "中国驻吉使馆提醒在吉中国公民注意安全\n"
    "新华社比什凯克10月6日电 吉尔吉斯斯坦首都比什凯克近日发生骚乱，"
    "中国驻吉使馆提醒在吉中国公民加强安全防范，吉警方已加强中资企业周边巡逻。"
)


def test_a_riot_charge_is_no_regime_unrest() -> None:
    record = _code(RU_RIOT_CHARGE)
    assert record.relevant
    assert "regime_stability" not in record.topics


def test_riots_in_a_capital_stay_unrest() -> None:
    record = _code(ZH_RIOT_UNREST)
    assert "regime_stability" in record.topics
