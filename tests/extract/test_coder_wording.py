"""The coder on wordings the dev set lacks (issue 13, fourth round): Russian compound adjectives
between the words of a term, Chinese pair abbreviations shared with a state outside the region
(中乌), several partner states acting with no framework named, an exercise's scenario, a
ceremony attended, equipment produced rather than handed over, the focal state as an observer,
an SCO council's session that does not name the focal state, and harm done to the focal
state's people. Hand-written texts in the native script, modelled on agency readouts and MFA
answers (not copied from any page)."""

from __future__ import annotations

import pytest

from steppewatch.extract import code_document
from steppewatch.extract.matcher import Matcher, Term
from steppewatch.extract.model import CodedDocument
from steppewatch.extract.normalise import normalise_for_matching

from .conftest import make_doc


def _code(text: str) -> CodedDocument:
    return code_document(make_doc(text))


def test_a_russian_term_matches_across_a_compound_adjective() -> None:
    matcher = Matcher(
        [Term("на границ", "ru", ("topic", "border_security")), Term("узбек", "ru", ("s", "UZ"))]
    )
    text = "Перестрелка на таджикско-узбекской границе. На границе спокойно."
    hits = matcher.hits(normalise_for_matching(text))
    spans = sorted(text[h.start : h.end] for h in hits if h.payload[0] == "topic")
    assert spans == ["На границе", "на таджикско-узбекской границе"]
    # the one-word term inside the compound is found once, as before
    assert [text[h.start : h.end] for h in hits if h.payload[0] == "s"] == ["узбекской"]
    # no compound, no second reading: the hits are those of one pass
    plain = "На границе спокойно."
    assert len(matcher.hits(normalise_for_matching(plain))) == 1


def test_the_border_of_a_compound_names_the_topic() -> None:
    coded = _code(
        "Пограничная служба ГКНБ Кыргызской Республики сообщает, что 3 мая 2022 года "
        "пограничные наряды Кыргызстана и Китая провели совместное патрулирование "
        "на кыргызско-китайской границе в районе перевала Бедель."
    )
    assert coded.relevant
    assert coded.kind == "joint_patrol_operation"
    assert "border_security" in coded.topics


def test_zhong_wu_is_uzbekistan_in_an_item_naming_it() -> None:
    coded = _code(
        "2022年9月20日，中乌两国执法部门“天山-2022”联合反恐演练在乌兹别克斯坦撒马尔罕州举行。"
        "演练检验了双方联合处置暴恐事件的能力。"
    )
    assert coded.relevant
    assert coded.countries == ["CN", "UZ"]
    assert coded.kind == "bilateral_exercise"


def test_zhong_wu_alone_is_ukraine_not_a_partner() -> None:
    coded = _code("2021年10月，中乌两国外长通电话，就地区安全形势交换意见。")
    assert not coded.relevant


@pytest.mark.parametrize(
    "text",
    [
        "2021年6月10日，中国、吉尔吉斯斯坦、塔吉克斯坦三国边防部门在帕米尔高原举行联合边境巡逻，"
        "共同打击跨境犯罪。",
        "16 сентября 2021 года на полигоне Харб-Майдон завершились совместные учения "
        "подразделений вооруженных сил Таджикистана, Узбекистана и Китая по борьбе с "
        "терроризмом.",
    ],
    ids=["zh-three-state-patrol", "ru-three-state-exercise"],
)
def test_several_partners_without_a_framework_are_other_multilateral(text: str) -> None:
    coded = _code(text)
    assert coded.relevant
    assert coded.framework == "other_multilateral"
    evidence = [e for e in coded.evidence if e.field == "framework"]
    assert evidence and evidence[0].basis == "several_partners"


def test_training_for_several_states_is_other_multilateral() -> None:
    # (nineteenth round: was "no multilateral format"; the tuning gold written since codes a
    # course that several partner states' officers sit together, no framework named, as
    # other_multilateral, tune4 and test20; a class drawn from the world is still none, see
    # test_coder_nineteenth_framework.py)
    coded = _code(
        "2019年11月，来自哈萨克斯坦、吉尔吉斯斯坦和塔吉克斯坦的30名警官在中国人民公安大学"
        "参加反恐培训班。"
    )
    assert coded.relevant
    assert coded.kind == "training_education"
    assert coded.framework == "other_multilateral"


@pytest.mark.parametrize(
    "text",
    [
        "2020年9月15日，中哈两国边防部门在霍尔果斯口岸举行联合反恐演练。演练模拟处置恐怖分子"
        "劫持人质事件，双方特战分队成功解救人质。",
        "Совместные учения МВД Таджикистана и Министерства общественной безопасности КНР "
        "проведены 12 июня 2018 года в Душанбе. По замыслу учений условные террористы захватили "
        "заложников в здании вокзала.",
    ],
    ids=["zh-simulated-hostages", "ru-scenario-hostages"],
)
def test_an_exercise_scenario_is_no_incident(text: str) -> None:
    coded = _code(text)
    assert coded.kind in ("bilateral_exercise", "multilateral_exercise")
    assert "incident" not in coded.event_kinds


def test_a_ceremony_attended_is_not_the_meeting() -> None:
    coded = _code(
        "2021年3月5日，中国政府援助塔吉克斯坦内务部的一批警用摩托车在杜尚别交付。"
        "中国驻塔吉克斯坦大使和塔内务部副部长出席交付仪式。"
    )
    assert coded.kind == "equipment_transfer"
    assert "meeting" not in coded.event_kinds


@pytest.mark.parametrize(
    "text",
    [
        "Казахстан и Китай договорились о совместном производстве беспилотников. Соглашение "
        "подписано 20 мая 2022 года в Астане между казахстанской оборонной компанией и "
        "китайской корпорацией.",
        "ASTANA, May 20, 2022 - Kazakhstan's Defence Ministry and a Chinese corporation signed an "
        "agreement in Astana to set up the joint production of drones in Kazakhstan.",
    ],
    ids=["ru-production", "en-production"],
)
def test_equipment_produced_is_defence_industry_not_a_transfer(text: str) -> None:
    coded = _code(text)
    assert coded.relevant
    assert coded.kind == "mechanism"
    assert "equipment_transfer" not in coded.event_kinds
    assert "defence_industry" in coded.domains


def test_the_focal_state_as_an_observer_makes_nothing_relevant() -> None:
    coded = _code(
        "14 апреля 2023 года на полигоне Фориш завершились совместные учения вооруженных сил "
        "Узбекистана и Таджикистана. За ходом учений наблюдали военные атташе Китая и Турции."
    )
    assert not coded.relevant


def test_an_sco_council_session_implies_the_focal_state() -> None:
    coded = _code(
        "В Ташкенте 12 марта 2020 года состоялось заседание Совета Региональной "
        "антитеррористической структуры Шанхайской организации сотрудничества. Участники "
        "заседания обсудили меры противодействия терроризму и экстремизму."
    )
    assert coded.relevant
    assert coded.framework == "SCO"
    assert "CN" in coded.countries and "UZ" in coded.countries


@pytest.mark.parametrize(
    "text",
    [
        "5 июля 2020 года в Нарынской области Кыргызстана группа местных жителей напала на "
        "китайских рабочих горнодобывающей компании. Посольство КНР потребовало обеспечить "
        "безопасность граждан Китая.",
        "2020年7月5日，吉尔吉斯斯坦纳伦州发生针对中国企业的抗议活动，中国驻吉使馆要求吉方"
        "保障中国公民安全。",
    ],
    ids=["ru-workers-attacked", "zh-protest-against-firm"],
)
def test_harm_to_the_focal_states_people_is_relevant(text: str) -> None:
    coded = _code(text)
    assert coded.relevant
    assert coded.kind == "incident"
    assert coded.countries == ["CN", "KG"]


def test_an_accident_with_casualties_is_not_harm_done() -> None:
    coded = _code(
        "问：哈萨克斯坦今天发生一起交通事故，造成多人伤亡，是否有中国公民伤亡？\n"
        "答：中国驻哈萨克斯坦使馆正在核实情况，目前尚未收到中国公民伤亡的报告。"
    )
    assert not coded.relevant


def test_a_plan_approved_in_the_title_comes_after_the_meeting_it_was_signed_at() -> None:
    coded = _code(
        "Утверждён план совместных мероприятий правоохранительных органов Кыргызстана и Китая "
        "на 2022 год.\nДокумент подписан 20 декабря 2021 года по итогам рабочей встречи "
        "представителей МВД Кыргызстана и Министерства общественной безопасности КНР в Бишкеке."
    )
    # (nineteenth round: gold guide addition 4, the meeting the plan was signed at leads; the
    # plan approved in the title is its second event)
    assert coded.kind == "meeting"
    assert "mechanism" in coded.event_kinds


@pytest.mark.parametrize(
    "text",
    [
        "TASHKENT, Nov 3, 2022 - Kyrgyzstan and Uzbekistan signed a treaty on their state border "
        "and agreed to hold joint border patrols. China, Russia and Turkey welcomed the deal.",
        "问：据报道，哈萨克斯坦与美国近日在阿拉木图州举行联合军演。中方对此有何评论？\n"
        "答：我们注意到有关报道。我们一贯认为，国家间的军事合作不应针对第三方。",
        "Таджикистан и Узбекистан провели совместные учения по борьбе с терроризмом. "
        "Китай приветствовал укрепление сотрудничества соседей.",
    ],
    ids=["en-partners-sign", "zh-partner-with-us", "ru-partners-exercise"],
)
def test_partners_acting_without_the_focal_state_make_nothing_relevant(text: str) -> None:
    coded = _code(text)
    assert not coded.relevant


def test_a_border_compound_does_not_make_partners_act_alone() -> None:
    coded = _code(
        "Нападение на пограничный пост на кыргызско-таджикской границе\n"
        "В ночь на 2 мая 2021 года боевики атаковали пограничный пост в Баткенской области "
        "Кыргызстана. Посольство КНР выразило соболезнования; Китай готов усиливать "
        "сотрудничество с Кыргызстаном в борьбе с терроризмом."
    )
    assert coded.relevant
    assert "border_security" in coded.topics


def test_the_region_named_with_the_focal_state_keeps_the_answer() -> None:
    coded = _code(
        "问：美国国务卿将访问哈萨克斯坦、乌兹别克斯坦，并出席“中亚五国+美国”外长会晤，讨论反恐问题。"
        "中方对此有何评论？\n"
        "答：中国和中亚国家是友好邻邦，双方在打击“三股势力”方面保持着密切合作。"
    )
    assert coded.relevant
    assert "three_evils" in coded.topics


def test_a_deputy_of_a_ministry_is_the_vice_minister_level() -> None:
    coded = _code(
        "2019年3月12日，公安部副部长在北京会见吉尔吉斯斯坦内务部副部长一行，双方就打击跨国"
        "有组织犯罪交换意见。"
    )
    assert coded.kind == "meeting"
    assert coded.level == "vice_minister_working"


def test_the_security_committees_border_service_in_chinese() -> None:
    coded = _code(
        "2022年6月15日，中方向哈萨克斯坦国家安全委员会边防局移交一批边境巡逻车辆，用于哈中边境地区巡逻。"
    )
    assert coded.kind == "equipment_transfer"
    assert "border_guard" in coded.domains
    assert "state_security" not in coded.domains


def test_an_sco_ministers_meeting_in_a_russian_capital_is_relevant() -> None:
    coded = _code(
        "В Москве 28 апреля 2023 года состоялось совещание министров обороны государств – членов "
        "ШОС. Делегацию Китая возглавлял министр обороны КНР Ли Шанфу. Министры обсудили "
        "ситуацию в Афганистане."
    )
    assert coded.relevant
    assert coded.framework == "SCO" and coded.level == "defence_minister"
    assert {"CN", "KZ", "KG", "TJ", "UZ", "RU"} <= set(coded.countries)


def test_the_militaries_named_in_the_plural() -> None:
    coded = _code(
        "Chinese Defence Minister Wei Fenghe held a telephone conversation with his Kazakh "
        "counterpart on May 14, 2020, discussing cooperation between the two militaries."
    )
    assert coded.relevant
    assert coded.level == "defence_minister"
    assert "military" in coded.domains


def test_what_the_leaders_signed_at_a_summit_is_its_second_event() -> None:
    coded = _code(
        "Xi Jinping chaired the China-Central Asia Summit in Xi'an on May 19, 2023.\n"
        "The leaders signed a declaration and agreed to jointly fight terrorism."
    )
    assert coded.kind == "meeting" and coded.framework == "C5+China"
    assert "mechanism" in coded.event_kinds


@pytest.mark.parametrize(
    "text",
    [
        "问：有报道称，吉尔吉斯斯坦一家法院决定将一名中国籍男子引渡回中国。中方有何评论？\n"
        "答：我不了解你提到的具体情况。中吉两国在执法安全领域保持着良好合作。",
        "Q: Reports say Kazakhstan has deported two Chinese nationals to China. Can you comment?\n"
        "A: I'm not aware of the specifics. China and Kazakhstan maintain sound law-enforcement "
        "cooperation.",
    ],
    ids=["zh-not-aware", "en-not-aware"],
)
def test_a_report_the_answer_does_not_know_of_is_no_event(text: str) -> None:
    coded = _code(text)
    assert coded.relevant  # commentary on the two states' law-enforcement cooperation
    assert coded.kind is None and coded.event_kinds == []


def test_an_event_recalled_by_its_anniversary_is_not_reported() -> None:
    coded = _code(
        "Q: Three years after the attack on the Chinese embassy in Bishkek, has Kyrgyzstan "
        "punished those responsible?\nA: The Kyrgyz side has made progress in the investigation. "
        "China will work with Kyrgyzstan to combat terrorism."
    )
    assert coded.relevant
    assert "incident" not in coded.event_kinds


def test_a_state_in_a_formats_name_takes_no_part() -> None:
    coded = _code(
        "2021年10月27日，王毅出席阿富汗邻国外长会，巴基斯坦、伊朗、塔吉克斯坦、乌兹别克斯坦外长与会。"
        "各方呼吁阿富汗塔利班打击恐怖主义势力。"
    )
    assert coded.framework == "other_multilateral"
    assert "AF" not in coded.countries
    assert {"CN", "TJ", "UZ", "PK", "IR"} <= set(coded.countries)


def test_a_cica_summit_is_security_engagement() -> None:
    coded = _code(
        "Q: Who will attend the CICA summit?\nA: President Xi Jinping will attend the Fifth Summit "
        "of the Conference on Interaction and Confidence-Building Measures in Asia in Dushanbe on "
        "June 15, 2019 and pay a state visit to Tajikistan."
    )
    assert coded.relevant
    assert coded.framework == "CICA" and coded.kind == "meeting"


def test_an_sco_sectoral_ministers_session_is_not_security() -> None:
    coded = _code(
        "2019年9月，上海合作组织成员国交通部长第八次会议在塔什干举行，各方讨论了国际道路运输便利化。"
    )
    assert not coded.relevant


def test_a_bodys_numbered_session_is_a_meeting() -> None:
    coded = _code(
        "2018年6月5日，中哈边界联合委员会第十二次会议在阿斯塔纳举行，双方就界桩维护和边境管理等问题达成共识。"
    )
    assert coded.relevant
    assert coded.kind == "meeting"


def test_a_range_of_two_days_joined_by_and() -> None:
    coded = _code(
        "The Meeting of the SCO Council of Foreign Ministers will be held in Bishkek on May 21 and "
        "22, 2019. Foreign Minister Wang Yi will attend; the ministers will discuss terrorism."
    )
    assert coded.event_date == "2019-05-21"
    assert {"RU", "IN", "PK", "KG"} <= set(coded.countries)


def test_russian_ministers_name_their_sector() -> None:
    coded = _code(
        "9 июня 2020 года министр внутренних дел Узбекистана провел видеоконференцию с министром "
        "общественной безопасности Китая. Стороны обсудили борьбу с наркотрафиком."
    )
    assert coded.relevant
    assert "law_enforcement" in coded.domains


@pytest.mark.parametrize(
    "text",
    [
        "2016年9月26日，中塔两国在杜尚别签署边防合作协议。根据协议，中方将为塔方援建数座边防哨所。",
        "On 12 May 2017 Kyrgyzstan and China signed an agreement on border cooperation in Bishkek. "
        "Under the agreement, China will build three border outposts on the Kyrgyz side.",
    ],
    ids=["zh-under-agreement", "en-under-agreement"],
)
def test_what_an_agreement_provides_for_is_not_done(text: str) -> None:
    coded = _code(text)
    assert coded.kind == "mechanism"
    assert "infrastructure" not in coded.event_kinds


def test_the_chinese_immigration_administration_in_russian() -> None:
    coded = _code(
        "Председатель ГКНБ Таджикистана провел встречу с делегацией Национальной иммиграционной "
        "администрации КНР 6 мая 2021 года в Душанбе. Обсуждены вопросы охраны таджикско-китайской "
        "границы."
    )
    assert coded.relevant
    assert "border_guard" in coded.domains and "border_security" in coded.topics


def test_a_second_agreeing_adjective_inside_a_russian_term() -> None:
    matcher = Matcher([Term("совместные учени", "ru", ("k", "exercise"))])
    for text, found in (
        ("Проведены совместные пограничные учения.", True),
        ("Совместные учения завершились.", True),
        ("совместные пограничные и военные учения", False),  # not one adjective
    ):
        hits = matcher.hits(normalise_for_matching(text))
        assert bool(hits) is found, text


def test_a_russian_exercise_with_an_inserted_adjective() -> None:
    coded = _code(
        "С 20 по 24 сентября 2021 года проведены совместные пограничные учения пограничных "
        "ведомств Казахстана и Китая на казахстанско-китайской границе."
    )
    assert coded.kind == "bilateral_exercise"


def test_representatives_of_ministries_are_the_working_level() -> None:
    coded = _code(
        "В Бишкеке 3 марта 2020 года состоялись консультации представителей ГКНБ Кыргызской "
        "Республики и Министерства государственной безопасности КНР по борьбе с терроризмом."
    )
    assert coded.kind == "meeting"
    assert coded.level == "vice_minister_working"


def test_a_body_that_reports_is_not_a_meetings_principal() -> None:
    coded = _code(
        "Пограничные войска ГКНБ Таджикистана сообщают, что 8 июля 2020 года на таджикско-китайском "
        "участке границы по информации китайских партнеров задержаны нарушители границы."
    )
    assert "meeting" not in coded.event_kinds


def test_a_visit_in_russian_is_a_meeting() -> None:
    coded = _code(
        "Министр обороны Кыргызстана 12 апреля 2019 года посетил Пекин, где провел встречу с "
        "министром обороны КНР; обсуждено военное сотрудничество двух стран."
    )
    assert coded.kind == "meeting" and coded.level == "defence_minister"
    assert "military" in coded.domains
