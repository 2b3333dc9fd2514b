"""Commentary or event (eighteenth round, coder53): an item whose lead reports its event as denied
or called off with no new date, and names no other event, reports no event (gold guide addition
1 and the commentary guidelines), whatever its later paragraphs recall (the programme the visit
had, another delegation's talks last month); its countries are the called-off event's sides, not
the partners the later paragraphs name. Near miss: a lead that reports talks held, over a later
sentence that puts off one part of the programme, keeps its meeting. Hand-written texts, not
copied from any gold text."""

from __future__ import annotations

import pytest

from steppewatch.extract import ExtractedDocument, get_coder


def _code(text: str, language: str) -> tuple[bool, str | None, list[str]]:
    coded = get_coder().code(ExtractedDocument(source="t.txt", text=text, language=language))
    return bool(coded.relevant), coded.kind, list(coded.countries)


CALLED_OFF_LEAD = [
    (
        "en",
        "Chinese security delegation's trip to Bishkek postponed\n"
        "Bishkek, 4 March. The visit to Kyrgyzstan of a delegation of China's Minister of Public "
        "Security, planned for this week, has been postponed by mutual consent, the Kyrgyz "
        "interior ministry said.\n"
        "The programme of the visit had included talks at the ministry and a tour of the police "
        "academy.\n"
        "Cooperation between the two countries' police forces has grown in recent years, and "
        "Kazakhstan's interior minister held consultations in Bishkek last month.",
        "KG",
        "KZ",
    ),
    (
        "ru",
        "Визит делегации МВД Китая в Душанбе отложен\n"
        "Душанбе, 4 марта. Визит в Таджикистан делегации Министерства общественной безопасности "
        "КНР, намеченный на эту неделю, отложен по взаимному согласию сторон, сообщило МВД "
        "Таджикистана.\n"
        "Программа визита предусматривала переговоры в министерстве и посещение академии МВД.\n"
        "В прошлом месяце министр внутренних дел Узбекистана провёл консультации в Душанбе.",
        "TJ",
        "UZ",
    ),
    (
        "zh",
        "中塔执法安全合作会晤推迟\n"
        "杜尚别3月4日电 原定本周在杜尚别举行的中塔执法安全合作会晤已推迟，塔内务部说。\n"
        "会晤日程原包括在内务部举行会谈和参观内务部学院。\n"
        "上月，乌兹别克斯坦内务部长在杜尚别进行了磋商。",
        "TJ",
        "UZ",
    ),
]
HELD_LEAD = [
    (
        "en",
        "Chinese security delegation holds talks in Bishkek\n"
        "Bishkek, 4 March. A delegation of China's Ministry of Public Security held talks with the "
        "Kyrgyz interior ministry on Tuesday, the ministry said.\n"
        "A planned tour of the police academy has been postponed.\n"
        "Cooperation between the two countries' police forces has grown in recent years.",
    ),
    (
        "ru",
        "Делегация МВД Китая провела переговоры в Душанбе\n"
        "Душанбе, 4 марта. Делегация Министерства общественной безопасности КНР во вторник "
        "провела переговоры в МВД Таджикистана, сообщило министерство.\n"
        "Посещение академии МВД, намеченное на среду, отложено.\n"
        "Сотрудничество полиции двух стран в последние годы расширяется.",
    ),
    (
        "zh",
        "中国公安部代表团在杜尚别举行会谈\n"
        "杜尚别3月4日电 中国公安部代表团周二同塔吉克斯坦内务部举行了会谈，塔内务部说。\n"
        "原定周三参观内务部学院的安排已推迟。\n"
        "近年来两国警务合作不断扩大。",
    ),
]


@pytest.mark.parametrize(("language", "text", "side", "example"), CALLED_OFF_LEAD)
def test_a_lead_event_called_off_leaves_the_item_commentary(
    language: str, text: str, side: str, example: str
) -> None:
    relevant, kind, countries = _code(text, language)
    assert relevant
    assert kind is None
    assert side in countries
    assert example not in countries  # named in a later paragraph: no side of the visit


@pytest.mark.parametrize(("language", "text"), HELD_LEAD)
def test_a_lead_reporting_talks_held_keeps_its_meeting(language: str, text: str) -> None:
    relevant, kind, _ = _code(text, language)
    assert relevant
    assert kind == "meeting"


# an event said not to take place (will not take place, не состоится, 不会举行) or called off in a
# headline's words (the minister's visit off): called off, as a postponement with no new date is
NOT_TAKING_PLACE = [
    (
        "en",
        "Defence ministry says Chinese minister's visit off\n"
        "Astana, 20 May. The visit of China's defence minister to Kazakhstan, which diplomats had "
        "expected at the end of the month, will not take place this year, the Kazakh defence "
        "ministry told reporters.",
    ),
    (
        "ru",
        "Визит министра обороны Китая в Астану не состоится\n"
        "Астана, 20 мая. Визит министра обороны КНР в Казахстан, который ожидался в конце месяца, "
        "в этом году не состоится, сообщили в министерстве обороны Казахстана.",
    ),
    (
        "zh",
        "中国国防部长访哈会谈今年不会举行\n"
        "阿斯塔纳5月20日电 哈萨克斯坦国防部说，原定月底举行的中哈两国国防部长会谈今年不会举行。",
    ),
]
TAKING_PLACE = [
    (
        "en",
        "Chinese defence minister holds talks in Astana\n"
        "Astana, 20 May. China's defence minister held talks with his Kazakh counterpart in Astana "
        "on Tuesday, the Kazakh defence ministry said. A planned visit to a training range will "
        "not take place.",
    ),
    (
        "ru",
        "Министр обороны Китая провёл переговоры в Астане\n"
        "Астана, 20 мая. Министр обороны КНР во вторник провёл переговоры с казахстанским коллегой "
        "в Астане, сообщили в министерстве обороны. Посещение полигона не состоится.",
    ),
    (
        "zh",
        "中国国防部长在阿斯塔纳举行会谈\n"
        "阿斯塔纳5月20日电 中国国防部长周二在阿斯塔纳同哈萨克斯坦国防部长举行了会谈。原定参观靶场的活动不会举行。",
    ),
]


@pytest.mark.parametrize(("language", "text"), NOT_TAKING_PLACE)
def test_an_event_said_not_to_take_place_is_none(language: str, text: str) -> None:
    relevant, kind, countries = _code(text, language)
    assert relevant
    assert kind is None
    assert "KZ" in countries


@pytest.mark.parametrize(("language", "text"), TAKING_PLACE)
def test_talks_held_beside_a_part_called_off_stay_a_meeting(language: str, text: str) -> None:
    relevant, kind, _ = _code(text, language)
    assert relevant
    assert kind == "meeting"


# a UN organ's session named as where others spoke (joint statements at the Human Rights
# Council): the venue, no meeting of the sides; a meeting on its sidelines has its own verb
UN_SESSION = [
    (
        "en",
        "Q: At the current session of the UN Human Rights Council, Kazakhstan, Kyrgyzstan and "
        "Tajikistan joined a statement backing China's position on Xinjiang. What is your comment?"
        "\nA: We appreciate the support of our Central Asian neighbours. China stands ready to "
        "deepen counter-terrorism and border security cooperation with Kazakhstan, Kyrgyzstan "
        "and Tajikistan against terrorism and extremism.",
    ),
    (
        "ru",
        "Вопрос: На сессии Совета ООН по правам человека Казахстан, Кыргызстан и Таджикистан "
        "поддержали совместное заявление в поддержку позиции Китая по Синьцзяну. Как вы это "
        "прокомментируете?\nОтвет: Мы благодарны нашим центральноазиатским соседям за поддержку. "
        "Китай готов и далее укреплять с ними антитеррористическое сотрудничество.",
    ),
    (
        "zh",
        "问：在联合国人权理事会本届会议上，哈萨克斯坦、吉尔吉斯斯坦、塔吉克斯坦等国作共同发言，支持中方"
        "在涉疆问题上的立场。中方对此有何评论？\n答：我们对中亚邻国的支持表示感谢。中方愿同中亚国家继续"
        "加强反恐安全合作。",
    ),
]
UN_SIDELINES = [
    (
        "en",
        "On the sidelines of the UN General Assembly session in New York on Tuesday, China's "
        "Minister of Public Security met Kazakhstan's Interior Minister and discussed joint "
        "counter-terrorism operations and border security.",
    ),
    (
        "ru",
        "Во вторник на полях сессии Генеральной Ассамблеи ООН в Нью-Йорке министр общественной "
        "безопасности КНР встретился с министром внутренних дел Казахстана, стороны обсудили "
        "борьбу с терроризмом и охрану границы.",
    ),
    (
        "zh",
        "周二，中国公安部长在纽约出席联合国大会会议期间会见哈萨克斯坦内务部长，双方就联合反恐和边境安全"
        "合作交换了意见。",
    ),
]


@pytest.mark.parametrize(("language", "text"), UN_SESSION)
def test_a_un_organs_session_is_no_meeting_of_the_sides(language: str, text: str) -> None:
    relevant, kind, _ = _code(text, language)
    assert relevant
    assert kind is None


@pytest.mark.parametrize(("language", "text"), UN_SIDELINES)
def test_a_meeting_on_the_sidelines_of_a_un_session_stays_one(language: str, text: str) -> None:
    relevant, kind, _ = _code(text, language)
    assert relevant
    assert kind == "meeting"


# the negated future of holding (will not be held, проводиться не будут, 不会进行)
NOT_HELD_EXERCISE = [
    (
        "en",
        "Bishkek, 3 June. The joint anti-terrorist exercise of the armed forces of Kyrgyzstan and "
        "China planned for July will not be held this year, the Kyrgyz defence ministry said. "
        "Military cooperation with China against terrorism and extremism continues, it added.",
    ),
    (
        "ru",
        "Бишкек, 3 июня. Запланированные на июль совместные антитеррористические учения "
        "вооруженных сил Кыргызстана и Китая в этом году проводиться не будут, сообщили в "
        "Минобороны Кыргызстана.",
    ),
    ("zh", "吉尔吉斯斯坦国防部6月3日说，原定7月举行的中吉两军联合反恐演习今年不会进行。"),
]
HELD_EXERCISE = [
    (
        "en",
        "Bishkek, 3 June. The joint anti-terrorist exercise of the armed forces of Kyrgyzstan and "
        "China was held near Osh on Tuesday, the Kyrgyz defence ministry said. A parade of the "
        "units will not be held.",
    ),
    (
        "ru",
        "Бишкек, 3 июня. Совместные антитеррористические учения вооруженных сил Кыргызстана и "
        "Китая прошли во вторник под Ошем, сообщили в Минобороны. Парад подразделений "
        "проводиться не будет.",
    ),
    (
        "zh",
        "吉尔吉斯斯坦国防部6月3日说，中吉两军联合反恐演习周二在奥什附近举行。原定的阅兵不会进行。",
    ),
]


@pytest.mark.parametrize(("language", "text"), NOT_HELD_EXERCISE)
def test_an_exercise_that_will_not_be_held_is_none(language: str, text: str) -> None:
    relevant, kind, countries = _code(text, language)
    assert relevant
    assert kind is None
    assert "KG" in countries


@pytest.mark.parametrize(("language", "text"), HELD_EXERCISE)
def test_an_exercise_held_beside_a_parade_not_held_stays_one(language: str, text: str) -> None:
    relevant, kind, _ = _code(text, language)
    assert relevant
    assert kind == "bilateral_exercise"


# a breadcrumb above the page's first item naming its opinion section labels the page commentary;
# the same page under a news section's breadcrumb reports its meeting
CRUMB_BODY = {
    "en": "Guarding the common frontier together\n"
    "Since the mechanism was set up, China and Kazakhstan have held ministerial meetings on "
    "border security every year, from the defence ministers' talks to the border agencies' "
    "consultations, and their counter-terrorism cooperation keeps growing.",
    "ru": "Вместе охраняя общую границу\n"
    "С момента создания механизма Китай и Казахстан ежегодно проводят встречи министров по "
    "безопасности границы, от переговоров министров обороны до консультаций пограничных "
    "ведомств, и их антитеррористическое сотрудничество расширяется.",
    "zh": "守望相助 共护边境安宁\n"
    "机制建立以来，中哈两国每年举行边境安全部长级会晤，从国防部长会谈到边防部门磋商，反恐安全合作不断深化。",
}
CRUMB_OPINION = {
    "en": "Site > Opinion > Columns\n",
    "ru": "Сайт > Мнения\n",
    "zh": "某网 > 观点 > 某报评论\n",
}
CRUMB_NEWS = {
    "en": "Site > News > Politics\n",
    "ru": "Сайт > Новости\n",
    "zh": "某网 > 新闻 > 时政\n",
}


@pytest.mark.parametrize("language", ["en", "ru", "zh"])
def test_an_opinion_breadcrumb_makes_the_page_commentary(language: str) -> None:
    relevant, kind, _ = _code(CRUMB_OPINION[language] + CRUMB_BODY[language], language)
    assert relevant
    assert kind is None
    _, news_kind, _ = _code(CRUMB_NEWS[language] + CRUMB_BODY[language], language)
    assert news_kind is not None  # the news section's page: the rules as before


# a spokesperson's answer to a question relaying a report: when the answer states policy (no
# date, no "was held", no event word), the report is asked about, not reported; an answer that
# tells the event with its dates confirms it
POLICY_ANSWER = [
    (
        "en",
        "Spokesperson answers a question on Kyrgyz deputies' remarks about Chinese security firms\n"
        "Q: It is reported that some Kyrgyz deputies said Chinese private security companies are "
        "trying to enter the Kyrgyz market. What is your comment?\n"
        "A: The Chinese government always asks Chinese companies abroad to abide by local laws. "
        "China and Kyrgyzstan cooperate against terrorism and on border security in an open and "
        "transparent way.",
    ),
    (
        "ru",
        "Представитель МИД КНР ответил на вопрос о заявлениях депутатов Кыргызстана о китайских "
        "охранных компаниях\n"
        "Вопрос: Сообщается, что ряд депутатов Кыргызстана заявили, что китайские частные "
        "охранные компании пытаются выйти на рынок страны. Как вы это прокомментируете?\n"
        "Ответ: Правительство Китая всегда требует от китайских компаний за рубежом соблюдать "
        "местные законы. Китай и Кыргызстан открыто сотрудничают в борьбе с терроризмом и в "
        "охране границы.",
    ),
    (
        "zh",
        "外交部发言人就吉尔吉斯斯坦议员涉中国安保企业言论答记者问\n"
        "问：据报道，吉尔吉斯斯坦部分议员称，中国私营安保企业正试图进入吉市场。中方对此有何评论？\n"
        "答：中国政府一贯要求中国企业在海外遵守当地法律法规。中吉在反恐和边境安全领域的合作公开透明。",
    ),
]
DATED_ANSWER = [
    (
        "en",
        "Q: It is reported that the China-Kyrgyzstan joint counter-terrorism exercise ended "
        "yesterday. Can you share more details?\n"
        "A: The drill was jointly held by the two sides' counter-terrorism forces in Issyk-Kul "
        "from 9 to 13 May, with more than 300 personnel taking part.",
    ),
    (
        "ru",
        "Вопрос: Сообщается, что вчера завершились совместные антитеррористические учения Китая "
        "и Кыргызстана. Не могли бы вы рассказать подробнее?\n"
        "Ответ: Учения прошли на Иссык-Куле с 9 по 13 мая, в них приняли участие более 300 "
        "военнослужащих двух стран.",
    ),
    (
        "zh",
        "问：据报道，中吉联合反恐演习昨天结束。你能否介绍更多情况？\n"
        "答：这次演习于5月9日至13日在伊塞克湖州举行，双方300多名人员参加。",
    ),
]


@pytest.mark.parametrize(("language", "text"), POLICY_ANSWER)
def test_a_report_relayed_and_answered_with_policy_is_no_event(language: str, text: str) -> None:
    relevant, kind, countries = _code(text, language)
    assert relevant
    assert kind is None
    assert "KG" in countries


@pytest.mark.parametrize(("language", "text"), DATED_ANSWER)
def test_a_report_relayed_and_told_with_dates_is_the_event(language: str, text: str) -> None:
    relevant, kind, _ = _code(text, language)
    assert relevant
    assert kind == "bilateral_exercise"


# a spokesperson answering a question about reports of a clash (named in the narrative): the
# clash is asked about, the answer's policy is what the page reports; the near miss reports the
# clash itself, with its day
ASKED_ABOUT_REPORTS = [
    (
        "en",
        "China backs Tajikistan on Afghan border security\n"
        "Beijing, 2 September. China supports Tajikistan's efforts to secure its border with "
        "Afghanistan and is ready to keep up security cooperation with Dushanbe, a foreign "
        "ministry spokesperson said at a regular briefing, answering a question about reports of "
        "a shootout on the Tajik-Afghan border.",
    ),
    (
        "ru",
        "Китай поддержал Таджикистан в охране границы с Афганистаном\n"
        "Пекин, 2 сентября. Китай поддерживает усилия Таджикистана по охране границы с "
        "Афганистаном и готов продолжать сотрудничество с Душанбе в сфере безопасности, заявил "
        "официальный представитель МИД КНР на брифинге, отвечая на вопрос о сообщениях о "
        "перестрелке на таджикско-афганской границе.",
    ),
    (
        "zh",
        "中方支持塔吉克斯坦维护塔阿边境安全\n"
        "北京9月2日电 外交部发言人在例行记者会上回答有关塔阿边境发生交火的报道的提问时表示，"
        "中方支持塔吉克斯坦维护边境安全的努力，愿同塔方继续开展安全合作。",
    ),
]
CLASH_REPORTED = [
    (
        "en",
        "Attack on Chinese workers' camp near the Tajik-Afghan border\n"
        "Dushanbe, 2 September. Armed men crossing from Afghanistan attacked the camp of a "
        "Chinese mining company in Tajikistan's Khatlon region on Monday, wounding two Chinese "
        "workers, the Tajik border service said.\n",
    ),
    (
        "ru",
        "Нападение на лагерь китайских рабочих у таджикско-афганской границы\n"
        "Душанбе, 2 сентября. В понедельник вооруженные люди, перешедшие границу из Афганистана, "
        "напали на лагерь китайской горнодобывающей компании в Хатлонской области, ранены двое "
        "граждан Китая, сообщили в погранвойсках Таджикистана.",
    ),
    (
        "zh",
        "塔阿边境附近中企营地遭袭\n"
        "杜尚别9月2日电 塔吉克斯坦边防部门说，周一，一伙从阿富汗越境的武装人员袭击了哈特隆州一处中资矿企营地，"
        "两名中国公民受伤。",
    ),
]


@pytest.mark.parametrize(("language", "text"), ASKED_ABOUT_REPORTS)
def test_a_clash_a_question_asks_about_is_no_event(language: str, text: str) -> None:
    relevant, kind, countries = _code(text, language)
    assert relevant
    assert kind is None
    assert "TJ" in countries


@pytest.mark.parametrize(("language", "text"), CLASH_REPORTED)
def test_a_clash_reported_with_its_day_is_the_event(language: str, text: str) -> None:
    relevant, kind, _ = _code(text, language)
    assert relevant
    assert kind == "incident"
