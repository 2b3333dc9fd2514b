"""Relevance on unseen writing (issue 13, sixteenth round), each rule against a near miss.
Hand-written Russian, English and Chinese texts in my own wording (not copied from any gold
text): an official receiving another in a perfective verb (принял посла) is an event, not
background; a sentence saying where the border with the partner states runs is the map, not
the partners' own doing; a web address's label (russian.example.cn) names no state; an economic
item under a masthead and a menu is read from its headline; an office named as the source of a
figure (по данным пограничной службы) takes no part."""

from __future__ import annotations

import pytest

from steppewatch.extract import code_document
from steppewatch.extract.coder_background import map_sentence
from steppewatch.extract.model import CodedDocument

from .conftest import make_doc

CA = {"KZ", "KG", "TJ", "UZ", "TM"}


def _code(text: str) -> CodedDocument:
    return code_document(make_doc(text))


# -- an official receiving another: the event of a sentence after the lead ---------------------
RECEIVED_AFTER_A_CLASH = [
    pytest.param(
        "Драка на стройке в Хатлоне: пострадали четверо граждан Китая\n"
        "В Хатлонской области в субботу подрались местные жители и рабочие китайского "
        "подрядчика, сообщили в милиции. Возбуждено уголовное дело.\n"
        "В понедельник министр внутренних дел Таджикистана принял в Душанбе посла КНР. Посол "
        "попросил обеспечить безопасность граждан Китая, министр пообещал усилить охрану "
        "объектов китайских компаний.",
        id="ru-minister-received-the-ambassador",
    ),
    pytest.param(
        "Brawl at a building site in Khatlon: four Chinese citizens hurt\n"
        "Local residents and workers of a Chinese contractor fought in Khatlon province on "
        "Saturday, police said. A criminal case was opened.\n"
        "On Monday Tajikistan's interior minister received the Chinese ambassador in Dushanbe. "
        "The ambassador asked for the security of Chinese citizens to be ensured, and the "
        "minister promised more police guards at the sites of Chinese companies.",
        id="en-minister-received-the-ambassador",
    ),
]


@pytest.mark.parametrize("text", RECEIVED_AFTER_A_CLASH)
def test_an_official_received_after_the_lead_is_an_event_of_the_item(text: str) -> None:
    coded = _code(text)
    assert coded.relevant, coded.relevance_score
    assert {"CN", "TJ"} <= set(coded.countries), coded.countries


def test_a_partner_named_in_a_sentence_reporting_nothing_stays_background() -> None:
    # (near miss: the interior minister's state named where nothing is done with the PRC)
    coded = _code(
        "Драка на стройке в Хатлоне: пострадали четверо граждан Китая\n"
        "В Хатлонской области в субботу подрались местные жители и рабочие китайского "
        "подрядчика, сообщили в милиции. Возбуждено уголовное дело.\n"
        "Таджикистан остается одной из самых бедных стран региона."
    )
    assert not coded.relevant, coded.relevance_score


# -- where the border with the partner states runs: the map ------------------------------------
def test_where_the_border_runs_is_a_map_sentence() -> None:
    ru = "Посты стоят в горах, где проходит граница с Казахстаном и Кыргызстаном."
    en = "The posts stand in the mountains where the border with Kazakhstan and Kyrgyzstan runs."
    zh = "这些哨所位于与哈萨克斯坦、吉尔吉斯斯坦交界的山区。"
    for text in (ru, en, zh):
        assert map_sentence(text, 5, 0, len(text)), text
    # (near miss: the two states act together at the border: no map sentence)
    acting = "Казахстан и Кыргызстан провели совместное патрулирование границы."
    assert not map_sentence(acting, 5, 0, len(acting))


BUILD_UP_NEAR_THE_BORDER = [
    pytest.param(
        "Синьцзян усилил охрану границы\n"
        "Урумчи, 12 марта. В Синьцзян-Уйгурском автономном районе открыты 40 новых пунктов "
        "охраны границы, где несут службу местные пастухи-добровольцы. Пункты стоят в горах, "
        "где проходит граница с Казахстаном и Таджикистаном. Рядом построено 300 км "
        "пограничных дорог.",
        id="ru-xinjiang-posts-where-the-border-runs",
    ),
    pytest.param(
        "Xinjiang strengthens border protection\n"
        "URUMQI, March 12 - Xinjiang has opened 40 new border protection posts manned by "
        "volunteer herders. The posts stand in the mountains where the border with Kazakhstan "
        "and Tajikistan runs. The region has also built 300 km of border patrol roads there.",
        id="en-xinjiang-posts-where-the-border-runs",
    ),
]


@pytest.mark.parametrize("text", BUILD_UP_NEAR_THE_BORDER)
def test_the_prcs_build_up_where_the_border_runs_stays_relevant(text: str) -> None:
    coded = _code(text)
    assert coded.relevant, coded.relevance_score
    assert "CN" in coded.countries


def test_two_partners_acting_without_the_prc_are_still_their_own_doing() -> None:
    # (near miss: the two partner states hold their own patrol; China is only the buyer of goods)
    coded = _code(
        "Казахстан и Кыргызстан провели совместное патрулирование границы\n"
        "Алматы, 12 марта. Пограничники Казахстана и Кыргызстана провели совместное "
        "патрулирование границы в горах. Отдельно сообщается, что Китай увеличил закупки "
        "казахстанской пшеницы."
    )
    assert not coded.relevant, coded.relevance_score


# -- a web address's label ---------------------------------------------------------------------
def test_a_site_name_in_a_byline_names_no_state() -> None:
    # the byline's host name (russian.example.cn) is furniture: no Russian side in the lead
    coded = _code(
        "В Синьцзяне построили новые пограничные заставы\n"
        "russian.example.cn | 2026-03-12\n"
        "Урумчи, 12 марта. В Синьцзяне завершено строительство 30 пограничных застав и 200 км "
        "пограничных дорог в горах, где проходит граница с Казахстаном и Кыргызстаном."
    )
    assert coded.relevant, coded.relevance_score
    assert "RU" not in coded.countries


def test_russia_named_as_a_word_is_still_a_side() -> None:
    # (near miss: Russia written as a word, a side of the lead's drill with the PRC)
    coded = _code(
        "Russian and Chinese troops hold a drill\n"
        "MOSCOW, March 12 - Russian and Chinese troops held a joint exercise near Orenburg, "
        "the Russian defence ministry said."
    )
    assert not set(coded.countries) & CA


# -- an economic item under a masthead and a menu ----------------------------------------------
MASTHEAD_INTERVIEW = (
    "THE STEPPE HERALD\n"
    "Politics | Economy | Culture | Opinion | Interviews\n"
    "Interviews\n"
    '"Trade will keep growing": Chinese ambassador on Kazakhstan-China business ties\n'
    "By A. Seitova on 3 February 2026\n"
    "ASTANA - Kazakhstan and China plan to raise trade and investment this year, the Chinese "
    "ambassador told the Herald.\n"
    "What are your plans?\n"
    "We will build new rail crossings and open markets for farm goods. Our political trust is "
    "high, and we will also prepare the SCO summit and the China-Central Asia summit."
)


def test_an_economic_interview_under_a_masthead_is_read_from_its_headline() -> None:
    coded = _code(MASTHEAD_INTERVIEW)
    assert not coded.relevant, coded.relevance_score


def test_security_talks_under_a_masthead_stay_relevant() -> None:
    # (near miss: the headline under the masthead reports the two sides' security talks)
    coded = _code(
        "THE STEPPE HERALD\n"
        "Politics | Economy | Culture | Opinion | Interviews\n"
        "News\n"
        "Kazakhstan and China hold counter-terrorism talks\n"
        "By A. Seitova on 3 February 2026\n"
        "ASTANA - The interior ministers of Kazakhstan and China met in Astana on Monday and "
        "agreed to step up joint work against terrorism and drug trafficking."
    )
    assert coded.relevant, coded.relevance_score
    assert {"CN", "KZ"} <= set(coded.countries)


# -- an office named as the source of a figure -------------------------------------------------
SOURCE_OF_A_FIGURE = [
    pytest.param(
        "Граждане Кыргызстана смогут ездить в Китай без визы\n"
        "Бишкек, 5 апреля 2026. Вступило в силу соглашение Кыргызстана и Китая о безвизовых "
        "поездках до 30 дней для туристов. Туроператоры ждут роста спроса на поездки в Кашгар "
        "и роста торговли в приграничных районах. "
        "С начала года, по данным пограничной службы, границу пересекли 800 тысяч человек.",
        id="ru-by-the-border-services-figures",
    ),
    pytest.param(
        "Kyrgyz citizens can travel to China without visas\n"
        "BISHKEK, April 5, 2026 - An agreement between Kyrgyzstan and China on visa-free trips "
        "of up to 30 days for tourists took effect. Tour firms expect more trips to Kashgar and "
        "more trade in the border areas. "
        "Since January, according to the border service, 800,000 people crossed the border.",
        id="en-according-to-the-border-service",
    ),
]


@pytest.mark.parametrize("text", SOURCE_OF_A_FIGURE)
def test_an_office_as_the_source_of_a_figure_takes_no_part(text: str) -> None:
    coded = _code(text)
    assert not coded.relevant, coded.relevance_score


def test_border_service_chiefs_meeting_in_a_visa_item_stays_relevant() -> None:
    # (near miss: the border services' chiefs meet in the visa item: an office taking part)
    coded = _code(
        "Граждане Кыргызстана смогут ездить в Китай без визы\n"
        "Бишкек, 5 апреля 2026. Вступило в силу соглашение Кыргызстана и Китая о безвизовых "
        "поездках до 30 дней для туристов. В тот же день председатель пограничной службы "
        "Кыргызстана провел переговоры с делегацией пограничной службы КНР о совместном "
        "патрулировании границы."
    )
    assert coded.relevant, coded.relevance_score


# -- a partner's own case under a masthead -----------------------------------------------------
def _case_page(headline: str, body: str) -> str:
    return (
        "THE STEPPE HERALD\n"
        "Politics | Economy | Society | Incidents | World\n"
        "Incidents\n"
        f"{headline}\n"
        "By A. Seitova on 3 February 2026\n"
        f"{body}"
    )


def test_a_partners_seizure_under_a_masthead_is_its_own_case() -> None:
    coded = _code(
        _case_page(
            "Customs officers seize smuggled drone parts from China at Khorgos",
            "ALMATY - Kazakh customs officers seized 400 drone parts smuggled in a truck from "
            "China at the Khorgos crossing, the State Revenue Committee said. The National "
            "Security Committee opened a criminal case against the driver.",
        )
    )
    assert not coded.relevant, coded.relevance_score


def test_a_joint_seizure_under_a_masthead_stays_relevant() -> None:
    # (near miss: the Chinese customs work the case jointly with the Kazakh side)
    coded = _code(
        _case_page(
            "Customs officers seize smuggled drone parts from China at Khorgos",
            "ALMATY - Kazakh customs officers and Chinese customs jointly seized 400 drone "
            "parts smuggled at the Khorgos crossing in a joint operation against smuggling, the "
            "State Revenue Committee said.",
        )
    )
    assert coded.relevant, coded.relevance_score


# -- consular affairs: a service, like visas ---------------------------------------------------
def test_consular_consultations_on_papers_and_flights_are_not_relevant() -> None:
    coded = _code(
        "Узбекско-китайские консультации по консульским вопросам прошли в Ташкенте\n"
        "Ташкент, 10 мая 2026 года. В МИД Узбекистана прошел раунд консультаций по консульским "
        "вопросам с делегацией МИД КНР. Стороны обсудили выдачу виз, открытие визовых центров, "
        "прямые рейсы и признание дипломов студентов, а также обмен информацией о браках "
        "граждан. Узбекская делегация встретилась со студентами, обучающимися в Пекине."
    )
    assert not coded.relevant, coded.relevance_score


def test_consular_consultations_on_citizens_security_stay_relevant() -> None:
    # (near miss: the lead names the security of citizens and illegal migration)
    coded = _code(
        "Узбекско-китайские консультации по консульским вопросам и безопасности граждан\n"
        "Ташкент, 10 мая 2026 года. В МИД Узбекистана прошел раунд консультаций с делегацией "
        "МИД КНР. Стороны договорились о совместной борьбе с незаконной миграцией и об "
        "обеспечении безопасности граждан двух стран."
    )
    assert coded.relevant, coded.relevance_score
    assert {"CN", "UZ"} <= set(coded.countries)


# -- the focal state's firm only named: its home, no side --------------------------------------
FIRM_ONLY_NAMED = [
    pytest.param(
        "Спецслужба Кыргызстана задержала вербовщиков\n"
        "БИШКЕК, 3 мая 2026. Сотрудники ГКНБ задержали в Оше троих человек, подозреваемых в "
        "вербовке молодежи в международную террористическую организацию, сообщили в ведомстве. "
        "Один из задержанных ранее работал водителем китайской компании. Возбуждено уголовное "
        "дело.",
        id="ru-suspect-once-worked-for-a-chinese-firm",
    ),
    pytest.param(
        "В Казахстане осудили участников беспорядков\n"
        "АЛМАТЫ, 12 марта 2026. Суд приговорил пятерых участников массовых беспорядков к срокам "
        "от пяти до восьми лет за нападения на полицейских. До ареста двое из них работали на "
        "складе китайской компании.",
        id="ru-rioters-once-worked-for-a-chinese-firm",
    ),
]


@pytest.mark.parametrize("text", FIRM_ONLY_NAMED)
def test_a_partners_own_case_naming_a_chinese_firm_is_not_relevant(text: str) -> None:
    coded = _code(text)
    assert not coded.relevant, coded.relevance_score


def test_an_attack_on_a_chinese_firms_workers_stays_relevant() -> None:
    # (near miss: the focal state's firm's workers are the victims of the attack)
    coded = _code(
        "Спецслужба Кыргызстана задержала нападавших\n"
        "БИШКЕК, 3 мая 2026. Сотрудники ГКНБ задержали в Оше троих человек, подозреваемых в "
        "нападении на рабочих китайской компании, двое рабочих получили ранения. Посол КНР "
        "встретился с главой ГКНБ и попросил обеспечить безопасность граждан Китая."
    )
    assert coded.relevant, coded.relevance_score


# -- a security event recalled from another year is background ---------------------------------
RECALLED_EVENT_ONLY = [
    pytest.param(
        "В Бишкеке открылся центр китайской культуры\n"
        "БИШКЕК, 3 сентября 2026. В Бишкеке при участии посла КНР открылся центр китайской "
        "культуры и языка. В центре будут проходить курсы китайского языка и кинопоказы. "
        "Напомним, в 2019 году Китай и Кыргызстан провели совместные антитеррористические "
        "учения.",
        id="ru-culture-centre-recalls-2019-drill",
    ),
    pytest.param(
        "Chinese culture centre opens in Bishkek\n"
        "BISHKEK, Sept 3, 2026 - A Chinese culture and language centre opened in Bishkek in the "
        "presence of the Chinese ambassador. It will host language classes and film screenings. "
        "In 2019, China and Kyrgyzstan held a joint counter-terrorism exercise.",
        id="en-culture-centre-recalls-2019-drill",
    ),
    pytest.param(
        "中国文化中心在比什凯克开幕\n"
        "比什凯克2026年9月3日电 中国文化中心3日在比什凯克开幕，中国驻吉尔吉斯斯坦大使出席。"
        "中心将举办汉语课程和电影放映。2019年，中吉两国曾举行联合反恐演习。",
        id="zh-culture-centre-recalls-2019-drill",
    ),
]


@pytest.mark.parametrize("text", RECALLED_EVENT_ONLY)
def test_a_security_event_recalled_from_another_year_is_background(text: str) -> None:
    coded = _code(text)
    assert not coded.relevant, coded.relevance_score


DRILL_OF_THE_DAY = [
    pytest.param(
        "В Бишкеке открылся центр китайской культуры\n"
        "БИШКЕК, 3 сентября 2026. В Бишкеке при участии посла КНР открылся центр китайской "
        "культуры и языка. В тот же день посол встретился с министром обороны Кыргызстана, "
        "стороны обсудили совместные антитеррористические учения в октябре.",
        id="ru-culture-centre-and-defence-talks-the-same-day",
    ),
    pytest.param(
        "China and Kazakhstan open new border crossing\n"
        "KHORGOS, Sept 1, 2026 - A new cargo checkpoint opened on the Kazakh-Chinese border. On "
        "the same day border guards of the two countries held a joint patrol on this section.",
        id="en-checkpoint-and-a-joint-patrol-the-same-day",
    ),
    pytest.param(
        "中哈边界联合委员会举行会议\n"
        "2026年6月5日，中哈边界联合委员会第十五次会议在阿拉木图举行。双方回顾了一年来边境管理"
        "合作情况，并就界桩维护问题交换了意见。",
        id="zh-the-sides-reviewed-at-their-own-meeting",
    ),
]


@pytest.mark.parametrize("text", DRILL_OF_THE_DAY)
def test_a_security_event_of_the_item_itself_stays_relevant(text: str) -> None:
    coded = _code(text)
    assert coded.relevant, coded.relevance_score


# -- a partner named only as the home of private people ----------------------------------------
PEOPLES_HOME = [
    pytest.param(
        "Граждане Казахстана ищут родственников, задержанных в Синьцзяне\n"
        "АЛМАТЫ, 9 мая 2026. Несколько жителей Алматы попросили журналистов помочь найти "
        "родственников, задержанных в Синьцзяне по обвинению в экстремизме. В МИД Казахстана "
        "сообщили, что не получали официальных обращений.",
        id="ru-residents-of-almaty-seek-relatives",
    ),
    pytest.param(
        "Kazakh citizens seek relatives held in Xinjiang\n"
        "ALMATY, May 9, 2026 - Several Almaty residents asked journalists to help find relatives "
        "detained in Xinjiang on extremism charges. Kazakhstan's foreign ministry said it had "
        "received no official requests.",
        id="en-almaty-residents-seek-relatives",
    ),
    pytest.param(
        "哈萨克斯坦家庭寻找在新疆被拘押的亲属\n"
        "阿拉木图2026年5月9日电 几个哈萨克斯坦家庭向记者求助，寻找因涉嫌极端主义在新疆被拘押的"
        "亲属。哈外交部称未收到正式请求。",
        id="zh-kazakh-families-seek-relatives",
    ),
]


@pytest.mark.parametrize("text", PEOPLES_HOME)
def test_a_partner_named_as_peoples_home_is_no_side_of_xinjiang_security(text: str) -> None:
    coded = _code(text)
    assert not coded.relevant, coded.relevance_score


STATES_ACT_ON_THEIR_PEOPLE = [
    pytest.param(
        "Казахстан и Китай договорились о передаче осужденных\n"
        "АЛМАТЫ, 9 мая 2026. Несколько жителей Алматы, осужденных в Синьцзяне по обвинению в "
        "экстремизме, будут переданы Казахстану. Об этом договорились МИД Казахстана и МИД КНР "
        "на консультациях в Пекине, стороны также обсудили сотрудничество в борьбе с "
        "экстремизмом.",
        id="ru-the-two-ministries-agree-a-transfer",
    ),
    pytest.param(
        "Kazakhstan and China agree to transfer convicts\n"
        "ALMATY, May 9, 2026 - Several Almaty residents convicted in Xinjiang on extremism "
        "charges will be transferred to Kazakhstan, the foreign ministries of Kazakhstan and "
        "China agreed at consultations in Beijing, where the sides also discussed cooperation "
        "against extremism.",
        id="en-the-two-ministries-agree-a-transfer",
    ),
]


@pytest.mark.parametrize("text", STATES_ACT_ON_THEIR_PEOPLE)
def test_the_two_states_acting_on_their_people_stay_relevant(text: str) -> None:
    coded = _code(text)
    assert coded.relevant, coded.relevance_score
    assert {"CN", "KZ"} <= set(coded.countries)


# -- the event's lead ends at "said." -----------------------------------------------------------
def test_another_powers_meeting_whose_lead_ends_at_said_keeps_the_prc_out() -> None:
    # the lead's sentence ends at "officials said." (four letters before the full stop): the
    # PRC named in a later sentence is not in the event's lead
    coded = _code(
        "Tajik and Taliban border officials meet\n"
        "DUSHANBE, May 12, 2026 - Tajik border guards and Taliban officials met at the Ishkashim "
        "crossing to discuss security along the border, Tajik officials said. China has funded "
        "several outposts on the Tajik side of the border in recent years."
    )
    assert not coded.relevant, coded.relevance_score


def test_the_prcs_meeting_whose_lead_ends_at_said_stays_relevant() -> None:
    # (near miss: the lead's own meeting is the PRC's with the partner)
    coded = _code(
        "Tajik and Chinese border officials meet\n"
        "DUSHANBE, May 12, 2026 - Tajik and Chinese border guards met at the Kulma crossing to "
        "discuss security along the border, Tajik officials said. They agreed to hold a joint "
        "patrol in June."
    )
    assert coded.relevant, coded.relevance_score
    assert {"CN", "TJ"} <= set(coded.countries)


def test_a_commentary_on_recent_years_of_security_cooperation_stays_relevant() -> None:
    # (near miss of the recalled-event rule: the head names the two states' security
    # cooperation, and the body recalls what they did in recent years: commentary, relevant)
    coded = _code(
        "Комментарий: безопасность — опора китайско-таджикских отношений\n"
        "Душанбе, 3 марта 2026. В последние годы Китай передал пограничникам Таджикистана "
        "десятки автомобилей, а две страны провели совместные антитеррористические учения."
    )
    assert coded.relevant, coded.relevance_score


# -- the emergency domain as cooperation -------------------------------------------------------
def test_rescue_equipment_handed_to_a_partners_emergency_service_is_relevant() -> None:
    coded = _code(
        "Китай передал спасателям Кыргызстана технику\n"
        "БИШКЕК, 12 мая 2026. Министерство чрезвычайных ситуаций Кыргызстана получило от Китая "
        "пожарные автомобили и снаряжение для спасательных работ в горах в рамках безвозмездной "
        "помощи. Технику передал посол КНР."
    )
    assert coded.relevant, coded.relevance_score
    assert {"CN", "KG"} <= set(coded.countries)


EMERGENCY_NOT_COOPERATION = [
    pytest.param(
        "Двое граждан Китая погибли в ДТП на Иссык-Куле\n"
        "БИШКЕК, 12 мая 2026. Двое туристов из Китая погибли и трое пострадали при столкновении "
        "микроавтобуса с грузовиком, сообщили в Министерстве чрезвычайных ситуаций. Посольство "
        "КНР оказывает помощь семьям.",
        id="ru-emergency-ministry-reports-an-accident",
    ),
    pytest.param(
        "Китай передал Кыргызстану медицинские маски\n"
        "БИШКЕК, 12 мая 2020. Министерство чрезвычайных ситуаций Кыргызстана получило от Китая "
        "партию медицинских масок и тест-систем для борьбы с эпидемией коронавируса.",
        id="ru-medical-aid-through-the-emergency-ministry",
    ),
]


@pytest.mark.parametrize("text", EMERGENCY_NOT_COOPERATION)
def test_an_emergency_ministry_without_rescue_cooperation_is_not_relevant(text: str) -> None:
    coded = _code(text)
    assert not coded.relevant, coded.relevance_score
