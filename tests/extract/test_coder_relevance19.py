"""Relevance and commentary on fresh pages (issue 13, nineteenth round), each rule against a
near miss. Hand-written English, Russian and Chinese texts in my own wording (not copied from any
gold text): a site menu whose field lists regions; the focal state in a sentence listing who
takes part in an exercise; the emergency ministries' own meeting; officials' talks on an
analysts' forum's sidelines; the focal state as a route's destination in a partner's own
security session; a firm's safety week; a claim called untrue in the next sentence; a lead naming
no side over a body the two set up; a long readout whose statement names the sides only as
"the ministers", "the sides"."""

from __future__ import annotations

import pytest

from steppewatch.extract import ExtractedDocument, get_coder
from steppewatch.extract.coder_background import lead_start
from steppewatch.extract.model import CodedDocument


def _code(text: str, language: str) -> CodedDocument:
    return get_coder().code(ExtractedDocument(source="t.txt", text=text, language=language))


# -- a site menu whose field lists regions (Regions: Kazakhstan Kyrgyzstan ...) ---------------
MENU_PAGE = (
    "STEPPE WIRE\n"
    "Home | Politics | Regions: Kazakhstan Kyrgyzstan Tajikistan Turkmenistan Uzbekistan | Video\n"
    "\n"
    "Tajikistan: Chinese guard firm takes over security at copper mine\n"
    "\n"
    "A private security company from China has started guarding a copper mine in Sughd "
    "region to protect its Chinese workers, the mine's owner said on Monday. Its staff check "
    "the gates and train local guards."
)


def test_a_menu_field_listing_regions_is_furniture() -> None:
    start = lead_start(MENU_PAGE, 0, len(MENU_PAGE))
    assert MENU_PAGE[start:].startswith("Tajikistan: Chinese guard firm")
    coded = _code(MENU_PAGE, "en")
    assert coded.relevant
    assert coded.kind == "private_security"


def test_a_title_naming_states_after_a_colon_is_no_menu() -> None:
    text = (
        "Kazakhstan, Kyrgyzstan: border talks resume\n"
        "Officials of the two states met in Almaty on Monday to discuss the border."
    )
    assert lead_start(text, 0, len(text)) == 0


# -- the focal state listed among those taking part in an exercise ----------------------------
def test_a_sentence_listing_the_exercises_contingents_names_the_focal_state_as_a_side() -> None:
    coded = _code(
        "Антитеррористические учения ШОС перенесены на ноябрь\n"
        "ДУШАНБЕ. Совместные антитеррористические учения компетентных органов государств - "
        "членов ШОС, которые должны были пройти в октябре под Душанбе, перенесены на ноябрь, "
        "сообщили в ГКНБ.\n"
        "Причина - ремонт полигона.\n"
        "В учениях примут участие отряды специального назначения Таджикистана, Китая, "
        "Казахстана и Узбекистана. Их проведение назначено на 10-13 ноября.",
        "ru",
    )
    assert coded.relevant
    assert "CN" in coded.countries and "TJ" in coded.countries


def test_a_sentence_listing_a_forums_delegations_is_no_security_side() -> None:
    coded = _code(
        "В Бишкеке пройдет торговый форум\n"
        "БИШКЕК. Торговый форум откроется в Бишкеке в следующий вторник, сообщили в "
        "министерстве экономики.\n"
        "Ранее власти провели учения по гражданской обороне в школах города.\n"
        "В форуме примут участие делегации Кыргызстана, Китая и Казахстана.",
        "ru",
    )
    assert not coded.relevant, (coded.relevance_score, coded.countries)


# -- the emergency ministries' own meeting ------------------------------------------------------
def test_the_emergency_ministers_meeting_is_security_cooperation() -> None:
    coded = _code(
        "China and Central Asian states hold emergency ministers' talks\n"
        "Heads of the emergency ministries of China, Kazakhstan, Kyrgyzstan, Tajikistan and "
        "Uzbekistan held a meeting by video link on Wednesday and agreed on a plan for joint "
        "rescue work after earthquakes and mudflows.\n"
        "The Chinese Ministry of Emergency Management said the plan covers warnings and "
        "teams that can cross borders.",
        "en",
    )
    assert coded.relevant
    assert coded.kind == "meeting"


def test_disaster_relief_named_at_trade_talks_is_not() -> None:
    coded = _code(
        "China, Kazakhstan trade officials meet in Almaty\n"
        "Trade officials of China and Kazakhstan held a meeting in Almaty on Wednesday on "
        "grain exports, customs clearance and a new logistics hub.\n"
        "They also recalled the disaster relief China sent after last year's floods.",
        "en",
    )
    assert not coded.relevant, (coded.relevance_score, coded.countries)


# -- officials' talks on an analysts' forum's sidelines ------------------------------------------
FORUM = (
    "Foreign minister opens think tank forum on Eurasian security\n"
    "Chinese Foreign Minister Wang Yi on Tuesday spoke at the opening of a think tank forum in "
    "Xi'an, saying scholars should study how to keep the region stable.\n"
    "Scholars from the six countries discussed water, trade and migration.\n"
)


def test_talks_on_the_forums_sidelines_agreeing_on_security_are_the_states_event() -> None:
    coded = _code(
        FORUM + "On the sidelines of the forum, Wang held talks with Tajik Foreign Minister "
        "Sirojiddin Muhriddin. The two sides agreed to jointly combat terrorism and extremism "
        "and to strengthen border security.",
        "en",
    )
    assert coded.relevant
    assert "TJ" in coded.countries


def test_scholars_urging_joint_work_on_terrorism_are_no_event() -> None:
    coded = _code(
        FORUM + "A researcher from Dushanbe said China and Tajikistan should jointly combat "
        "terrorism and extremism in the years ahead.",
        "en",
    )
    assert not coded.relevant, (coded.relevance_score, coded.countries)


# -- the focal state as a route's destination -----------------------------------------------------
def test_a_partners_own_session_on_the_pipeline_to_china_is_not_engagement() -> None:
    coded = _code(
        "Uzbek security council discusses export pipelines\n"
        "TASHKENT, March 3. Uzbekistan's Security Council met to review the protection of "
        "energy facilities.\n"
        "The defence and interior ministries reported on guarding the routes to China and the "
        "compressor stations, and the president ordered the border troops to hold drills.",
        "en",
    )
    assert not coded.relevant, (coded.relevance_score, coded.countries)


def test_chinese_and_partner_guards_drilling_on_the_pipeline_are() -> None:
    coded = _code(
        "Uzbek and Chinese guards drill at gas pipeline\n"
        "TASHKENT, March 3. Uzbek border troops and a Chinese armed police unit held a joint "
        "exercise to protect the gas pipeline to China near Bukhara on Tuesday.",
        "en",
    )
    assert coded.relevant


# -- a firm's safety week -------------------------------------------------------------------------
SAFETY_WEEK = (
    "Safety Week held at Tash-Kumyr coal project\n"
    "Bishkek, 6 May 2026\n"
    "A Kyrgyz subsidiary of a Chinese coal company held its annual Safety Week at its mine from "
    "27 April to 1 May. Over 400 workers took part in fire drills and first aid training, and "
    "officers of the Kyrgyz emergencies ministry watched an evacuation drill. "
)


def test_a_firms_safety_week_is_no_security_cooperation() -> None:
    coded = _code(SAFETY_WEEK + "The company also granted scholarships to ten students.", "en")
    assert not coded.relevant, (coded.relevance_score, coded.countries)


def test_a_joint_police_exercise_at_the_mine_is() -> None:
    coded = _code(
        SAFETY_WEEK + "During the week Kyrgyz police and Chinese police officers held a joint "
        "counter-terrorism exercise at the mine.",
        "en",
    )
    assert coded.relevant


# -- a claim called untrue in the next sentence ---------------------------------------------------
CLAIMS = [
    pytest.param(
        "en",
        "Embassy statement on media reports\n"
        "Some online outlets claimed that China was building a military base near the "
        "Tajik border. These claims are groundless. China and Tajikistan cooperate in "
        "security in line with the law and their leaders' consensus.",
        id="en",
    ),
    pytest.param(
        "ru",
        "Заявление посольства о публикациях в СМИ\n"
        "Ряд изданий утверждал, что Китай строит военную базу у границы с Таджикистаном. "
        "Эти сведения не соответствуют действительности. Китай и Таджикистан сотрудничают в "
        "сфере безопасности в соответствии с законом.",
        id="ru",
    ),
]


@pytest.mark.parametrize(("language", "text"), CLAIMS)
def test_a_claim_called_untrue_next_is_no_event(language: str, text: str) -> None:
    coded = _code(text, language)
    assert coded.relevant
    assert coded.kind is None


def test_a_claim_confirmed_next_keeps_its_event() -> None:
    coded = _code(
        "Ministry statement on media reports\n"
        "Some outlets reported that China had built a border post for Tajikistan near Murghab. "
        "The ministry confirmed that the post was handed over on Monday.",
        "en",
    )
    assert coded.kind is not None


# -- a lead naming no side: the sentence joining the two must report a security matter ----------
DAM_ANALYSIS = (
    "观察｜上游水库蓄水，下游灌溉面临压力\n"
    "阿富汗北部一座新水库今年开始蓄水，阿姆河下游来水可能减少。\n"
    "分析人士认为，水资源紧张可能与边境管理、民族关系等问题交织，影响地区稳定。\n"
)


def test_a_body_the_two_set_up_is_no_security_side_under_a_lead_naming_none() -> None:
    coded = _code(
        DAM_ANALYSIS + "在地区国家中，中国与哈萨克斯坦已建立跨界河流联合委员会，经验可供借鉴。",
        "zh",
    )
    assert not coded.relevant, (coded.relevance_score, coded.countries)


def test_a_joint_patrol_the_two_held_is() -> None:
    coded = _code(
        DAM_ANALYSIS + "本月，中国与哈萨克斯坦边防部门在霍尔果斯口岸附近举行联合巡逻，打击走私。",
        "zh",
    )
    assert coded.relevant


# -- a long readout whose statement names the sides only as "the ministers", "the sides" ------
MINISTERS_HEAD = (
    "Министры иностранных дел Центральной Азии и Китая встретились в Ташкенте\n"
    "ТАШКЕНТ, 14 мая. Министры иностранных дел Китая, Казахстана, Кыргызстана, Таджикистана, "
    "Туркменистана и Узбекистана провели в четверг в Ташкенте очередную встречу.\n"
    "Во встрече принял участие член Политбюро ЦК КПК, министр иностранных дел КНР Ван И. "
    "Главы ведомств обсудили подготовку следующего саммита, намеченного на будущий год.\n"
)
MINISTERS_FILLER = (
    "В рамках визита гости посетили старый город, осмотрели медресе и побывали на выставке "
    "народных ремесел, где мастера показали изделия из шелка, керамики и дерева. Вечером в "
    "честь участников был дан прием, на котором выступили артисты филармонии и ансамбль "
    "национального танца. Организаторы отметили, что подготовка мероприятия заняла несколько "
    "месяцев, а в городе были обновлены дороги и фасады зданий вдоль маршрута кортежа.\n"
) * 6


def test_a_long_readouts_statement_naming_the_sides_only_as_such_is_read() -> None:
    coded = _code(
        MINISTERS_HEAD
        + "По итогам встречи принято совместное заявление. Министры договорились учредить "
        "диалог по вопросам безопасности на уровне заместителей министров. Стороны выразили "
        "решимость совместно противостоять терроризму, сепаратизму и экстремизму, а также "
        "незаконному обороту наркотиков.\n" + MINISTERS_FILLER,
        "ru",
    )
    assert coded.relevant
    assert "CN" in coded.countries and "UZ" in coded.countries


def test_a_long_readouts_statement_on_trade_only_is_not() -> None:
    coded = _code(
        MINISTERS_HEAD
        + "По итогам встречи принято совместное заявление. Министры договорились расширить "
        "торговлю, развивать транспортные коридоры и увеличить число авиарейсов. Стороны "
        "выразили намерение совместно развивать туризм и образовательные обмены.\n"
        + MINISTERS_FILLER,
        "ru",
    )
    assert not coded.relevant, (coded.relevance_score, coded.countries)
