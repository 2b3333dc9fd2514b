"""Twenty-first round (coder73), main kind and event kinds on fresh pages: persons (suspects,
fugitives) handed over to the focal side in Chinese are an operational handover, not equipment
handed over; a Chinese meeting reported held by its word and the verb apart (工作会议在…召开) is
a meeting, not a domestic body's session (部署会议); a document the meeting adopted, told with
its participants or the meeting as the ones acting or with no actor at a paragraph's head
(Участники … утвердили План; Утверждена Программа; Following the meeting, the secretaries
signed; 会上签署), is the meeting's second event (mechanism); a claim a reporter asks to confirm
(有报道称…请证实) that the answer calls untrue (报道不属实) is no event; equipment handed over
together with the item's facility (together with the building, вместе со зданием, 一并移交) is a
second event, a facility's capacity (dormitories for 150 trainees) no training. Every text is
written for these tests (no gold text); each rule has its contrast."""

from __future__ import annotations

from .conftest import event_kinds_of as _kinds
from .conftest import main_kind as _kind

# --- persons handed over to the focal side (Chinese) ----------------------------------------------

SUSPECTS_ZH = (
    "中塔警方联合破获跨境诈骗案 4名犯罪嫌疑人被移交我方\n"
    "边疆日报 2026年10月12日\n"
    "\n"
    "记者从喀什地区公安局获悉，今年8月，喀什警方与塔吉克斯坦内务部联合开展侦查，破获一起跨境电信"
    "诈骗案。\n"
    "\n"
    "10月10日，塔方在卡拉苏口岸将4名中国籍犯罪嫌疑人移交我方。\n"
)
SUSPECTS_TO_ZH = (
    "吉方向中方遣返3名外逃人员\n"
    "边疆日报 2026年11月2日\n"
    "\n"
    "11月1日，吉尔吉斯斯坦内务部在吐尔尕特口岸向中方遣返3名在逃人员，均为公安部网上通缉人员。\n"
)
EQUIPMENT_ZH = (
    "中方向塔吉克斯坦内务部移交一批警用装备\n"
    "边疆日报 2026年10月12日\n"
    "\n"
    "10月10日，中国驻塔吉克斯坦大使馆在杜尚别向塔吉克斯坦内务部移交了一批警用装备，包括巡逻车"
    "和无人机。\n"
)


def test_suspects_handed_over_to_the_focal_side_are_an_operation_zh() -> None:
    assert _kind(SUSPECTS_ZH) == "joint_patrol_operation"
    assert "equipment_transfer" not in _kinds(SUSPECTS_ZH)


def test_fugitives_returned_to_the_focal_side_are_an_operation_zh() -> None:
    assert _kind(SUSPECTS_TO_ZH) == "joint_patrol_operation"


def test_equipment_handed_over_stays_a_transfer_zh() -> None:
    assert _kind(EQUIPMENT_ZH) == "equipment_transfer"
    assert "joint_patrol_operation" not in _kinds(EQUIPMENT_ZH)


# --- a Chinese meeting reported held, word and verb apart -----------------------------------------

HELD_ZH = (
    "中吉乌三国警方建立口岸联合执法协作机制\n"
    "边疆日报 2026年9月20日\n"
    "\n"
    "9月19日，中国、吉尔吉斯斯坦、乌兹别克斯坦三国公安内务部门口岸执法合作工作会议在新疆伊宁召开。"
    "公安部副部长和吉乌两国内务部副部长出席。\n"
    "\n"
    "三方商定建立口岸联合执法协作机制，定期通报口岸治安形势。\n"
)
DOMESTIC_SESSION_ZH = (
    "自治区公安厅部署冬季边境管控工作\n"
    "边疆日报 2026年11月20日\n"
    "\n"
    "11月19日，自治区公安厅冬季边境管控部署会议在乌鲁木齐召开，要求与哈萨克斯坦、吉尔吉斯斯坦"
    "接壤地区公安机关加强巡逻管控，严厉打击走私偷渡。\n"
)


def test_a_meeting_reported_held_is_the_main_event_zh() -> None:
    assert _kind(HELD_ZH) == "meeting"
    assert {"meeting", "mechanism"} <= _kinds(HELD_ZH)


def test_a_domestic_deployment_session_is_no_meeting_zh() -> None:
    assert "meeting" not in _kinds(DOMESTIC_SESSION_ZH)


# --- the meeting's document adopted: its second event ---------------------------------------------

ADOPTED_RU = (
    "Председатель МВД принял участие в совещании министров внутренних дел\n"
    "Пресс-служба | 14.10.2026\n"
    "\n"
    "13 октября в Астане состоялось совещание министров внутренних дел стран Центральной Азии и "
    "Китая. Китайскую делегацию возглавил министр общественной безопасности КНР.\n"
    "\n"
    "Участники обсудили борьбу с незаконным оборотом наркотиков, киберпреступностью и незаконной "
    "миграцией и утвердили План совместных действий на 2027–2028 годы.\n"
)
ADOPTED_PASSIVE_RU = (
    "Состоялось заседание Совета РАТС ШОС\n"
    "Пресс-служба | 14.10.2026\n"
    "\n"
    "13 октября в Ташкенте состоялось заседание Совета Региональной антитеррористической "
    "структуры ШОС. Китайскую делегацию возглавил заместитель министра общественной безопасности "
    "КНР.\n"
    "\n"
    "Утверждена Программа сотрудничества в борьбе с терроризмом на 2027–2029 годы.\n"
)
DISCUSSED_RU = (
    "Председатель МВД принял участие в совещании министров внутренних дел\n"
    "Пресс-служба | 14.10.2026\n"
    "\n"
    "13 октября в Астане состоялось совещание министров внутренних дел стран Центральной Азии и "
    "Китая. Китайскую делегацию возглавил министр общественной безопасности КНР.\n"
    "\n"
    "Участники обсудили борьбу с незаконным оборотом наркотиков, киберпреступностью и незаконной "
    "миграцией.\n"
)
ADOPTED_EN = (
    "Security council secretaries meet in Bishkek\n"
    "Regional Desk | 2026-10-14\n"
    "\n"
    "On 13 October the 22nd Meeting of Secretaries of Security Councils of the SCO Member States "
    "was held in Bishkek, chaired by the Secretary of the Security Council of the Kyrgyz Republic. "
    "The Chinese delegation was led by the Minister of Public Security.\n"
    "\n"
    "Following the meeting, the secretaries signed a protocol on cooperation in countering the "
    "financing of terrorism.\n"
)
PLANNED_EN = (
    "Security council secretaries meet in Bishkek\n"
    "Regional Desk | 2026-10-14\n"
    "\n"
    "On 13 October the 22nd Meeting of Secretaries of Security Councils of the SCO Member States "
    "was held in Bishkek, chaired by the Secretary of the Security Council of the Kyrgyz Republic. "
    "The Chinese delegation was led by the Minister of Public Security.\n"
    "\n"
    "Officials said a protocol on cooperation in countering the financing of terrorism could be "
    "prepared for signature next year.\n"
)
ADOPTED_ZH = (
    "中国—中亚执法安全合作部长级会议举行\n"
    "边疆日报 2026年10月14日\n"
    "\n"
    "10月13日，中国—中亚执法安全合作部长级会议第二次会议在阿斯塔纳举行，公安部部长出席。\n"
    "\n"
    "会上签署了《2027—2028年打击跨国犯罪合作计划》。\n"
)
REVIEWED_ZH = (
    "中国—中亚执法安全合作部长级会议举行\n"
    "边疆日报 2026年10月14日\n"
    "\n"
    "10月13日，中国—中亚执法安全合作部长级会议第二次会议在阿斯塔纳举行，公安部部长出席。\n"
    "\n"
    "会上通报了打击跨国犯罪工作进展情况。\n"
)


def test_a_plan_the_participants_adopted_is_a_second_event_ru() -> None:
    assert _kind(ADOPTED_RU) == "meeting"
    assert "mechanism" in _kinds(ADOPTED_RU)


def test_a_programme_approved_at_a_paragraph_head_is_a_second_event_ru() -> None:
    assert _kind(ADOPTED_PASSIVE_RU) == "meeting"
    assert "mechanism" in _kinds(ADOPTED_PASSIVE_RU)


def test_a_meeting_that_only_discussed_has_no_document_ru() -> None:
    assert _kind(DISCUSSED_RU) == "meeting"
    assert "mechanism" not in _kinds(DISCUSSED_RU)


def test_a_protocol_signed_following_the_meeting_is_a_second_event_en() -> None:
    assert _kind(ADOPTED_EN) == "meeting"
    assert "mechanism" in _kinds(ADOPTED_EN)


def test_a_protocol_to_be_prepared_is_no_second_event_en() -> None:
    assert _kind(PLANNED_EN) == "meeting"
    assert "mechanism" not in _kinds(PLANNED_EN)


def test_a_plan_signed_at_the_meeting_is_a_second_event_zh() -> None:
    assert _kind(ADOPTED_ZH) == "meeting"
    assert "mechanism" in _kinds(ADOPTED_ZH)


def test_a_meeting_that_only_heard_a_report_has_no_document_zh() -> None:
    assert _kind(REVIEWED_ZH) == "meeting"
    assert "mechanism" not in _kinds(REVIEWED_ZH)


# --- a claim a reporter asks to confirm, called untrue in the answer ------------------------------

CLAIM_ANSWERED_ZH = (
    "外交部发言人例行记者会（节选）\n"
    "外交部 2026-10-20\n"
    "路透社记者：有报道称，中国将在吉尔吉斯斯坦纳伦州修建军事基地。请证实。\n"
    "\n"
    "发言人：有关报道不属实。中吉在执法安全领域的合作是正常的双边合作，不针对第三方。\n"
)
CLAIM_CONFIRMED_ZH = (
    "外交部发言人例行记者会（节选）\n"
    "外交部 2026-10-20\n"
    "路透社记者：有报道称，中国援建的塔吉克斯坦边防哨所已经竣工。请证实。\n"
    "\n"
    "发言人：中方援建的哨所已经竣工并移交塔方，这是中塔执法安全合作的成果。\n"
)
CLAIM_ANSWERED_EN = (
    "Foreign ministry briefing (excerpt)\n"
    "Ministry of Foreign Affairs | 2026-10-20\n"
    "Reuters: There are claims that China will build a military base in Kyrgyzstan's Naryn "
    "region. Can you confirm?\n"
    "\n"
    "Spokesperson: Those reports are untrue. China-Kyrgyzstan law-enforcement and security "
    "cooperation is normal bilateral cooperation that targets no third party.\n"
)


def test_a_base_claimed_and_called_untrue_in_the_answer_is_no_event_zh() -> None:
    assert _kind(CLAIM_ANSWERED_ZH) is None


def test_a_post_the_answer_confirms_stays_an_event_zh() -> None:
    assert _kind(CLAIM_CONFIRMED_ZH) == "infrastructure"


def test_a_base_claimed_and_called_untrue_in_the_answer_is_no_event_en() -> None:
    assert _kind(CLAIM_ANSWERED_EN) is None


# --- equipment handed over together with the facility; a facility's capacity ----------------------

WITH_BUILDING_EN = (
    "Chinese-funded border outpost handed over to Tajik border troops\n"
    "Regional Desk | 2026-10-05\n"
    "\n"
    "On 4 October the Chinese ambassador attended the handover ceremony of a border outpost built "
    "with Chinese grant assistance for the Border Troops of Tajikistan in Murghab district.\n"
    "\n"
    "Together with the building, the Chinese side handed over 12 off-road vehicles and a set of "
    "night-vision devices.\n"
)
WITH_BUILDING_RU = (
    "В Согдийской области открыт учебный центр МВД\n"
    "Пресс-служба МВД Таджикистана | 05.10.2026\n"
    "\n"
    "4 октября состоялась церемония открытия учебного центра МВД Таджикистана, построенного за счёт "
    "безвозмездной помощи Китайской Народной Республики.\n"
    "\n"
    "Вместе со зданием китайская сторона передала центру десять патрульных автомобилей и комплект "
    "компьютерной техники.\n"
)
WITH_BUILDING_ZH = (
    "中国援建塔吉克斯坦边防哨所交接仪式举行\n"
    "边疆日报 2026年10月5日\n"
    "\n"
    "10月4日，中国援建塔吉克斯坦边防部队哨所交接仪式在穆尔加布区举行，中国驻塔吉克斯坦大使出席。\n"
    "\n"
    "中方还向塔方一并移交了12辆越野车和一批夜视器材。\n"
)
FITTED_EN = (
    "Chinese-funded border outpost handed over to Tajik border troops\n"
    "Regional Desk | 2026-10-05\n"
    "\n"
    "On 4 October the Chinese ambassador attended the handover ceremony of a border outpost built "
    "with Chinese grant assistance for the Border Troops of Tajikistan in Murghab district.\n"
    "\n"
    "The outpost is fitted with video surveillance systems and a diesel generator.\n"
)
DORMITORY_EN = (
    "China-funded police training centre opens in Osh\n"
    "Regional Desk | 2026-10-05\n"
    "\n"
    "A police training centre constructed with a grant from the Chinese government opened in "
    "Osh on Monday; the Chinese consul general and the Kyrgyz interior minister attended.\n"
    "\n"
    "The centre has a gym, a library and dormitories for 150 trainees.\n"
)
COURSE_EN = (
    "China-funded police training centre opens in Osh\n"
    "Regional Desk | 2026-10-05\n"
    "\n"
    "A police training centre constructed with a grant from the Chinese government opened in "
    "Osh on Monday; the Chinese consul general and the Kyrgyz interior minister attended.\n"
    "\n"
    "Chinese instructors at the centre have trained 150 Kyrgyz police officers since it opened.\n"
)


def test_equipment_handed_over_with_the_building_is_a_second_event_en() -> None:
    assert _kind(WITH_BUILDING_EN) == "infrastructure"
    assert "equipment_transfer" in _kinds(WITH_BUILDING_EN)


def test_equipment_handed_over_with_the_building_is_a_second_event_ru() -> None:
    assert _kind(WITH_BUILDING_RU) == "infrastructure"
    assert "equipment_transfer" in _kinds(WITH_BUILDING_RU)


def test_equipment_handed_over_with_the_outpost_is_a_second_event_zh() -> None:
    assert _kind(WITH_BUILDING_ZH) == "infrastructure"
    assert "equipment_transfer" in _kinds(WITH_BUILDING_ZH)


def test_a_facility_fitted_out_has_no_second_handover_en() -> None:
    assert _kind(FITTED_EN) == "infrastructure"
    assert "equipment_transfer" not in _kinds(FITTED_EN)


def test_dormitories_for_trainees_are_no_training_en() -> None:
    assert _kind(DORMITORY_EN) == "infrastructure"
    assert "training_education" not in _kinds(DORMITORY_EN)


def test_trainees_of_a_stated_number_stay_training_en() -> None:
    assert _kind(COURSE_EN) == "infrastructure"
    assert "training_education" in _kinds(COURSE_EN)


# --- training of a stated number pledged at the meeting: its second event ------------------------
# (the rule reaches Chinese pages; an English pledge's training word is dropped before it, as the
# twenty-first round's README says)

PLEDGED_ZH = (
    "公安部部长会见塔吉克斯坦内务部长\n"
    "公安部网站 2026-10-08\n"
    "10月8日，国务委员、公安部部长在北京会见塔吉克斯坦内务部长一行，双方就深化反恐、禁毒合作交换意见。\n"
    "会见后，双方签署了《2027—2028年合作计划》。根据该计划，中方将为塔方培训200名警务人员。\n"
)
UNNUMBERED_ZH = (
    "公安部部长会见塔吉克斯坦内务部长\n"
    "公安部网站 2026-10-08\n"
    "10月8日，国务委员、公安部部长在北京会见塔吉克斯坦内务部长一行，双方就深化反恐、禁毒合作交换意见。\n"
    "会见后，双方签署了《2027—2028年合作计划》。根据该计划，双方将加强人员培训合作。\n"
)
STUDYING_EN = (
    "China, Kyrgyzstan interior ministers meet in Beijing\n"
    "Regional Desk | 2026-10-08\n"
    "\n"
    "China's Minister of Public Security met Kyrgyz Interior Minister in Beijing on Thursday, and "
    "the two sides agreed to deepen cooperation against terrorism and drug trafficking.\n"
    "\n"
    "The Kyrgyz minister said 45 Kyrgyz police officers are currently studying at Chinese police "
    "academies.\n"
)


def test_training_of_a_number_under_the_plan_signed_is_a_second_event_zh() -> None:
    assert _kind(PLEDGED_ZH) == "meeting"
    assert "training_education" in _kinds(PLEDGED_ZH)


def test_training_cooperation_with_no_number_is_no_second_event_zh() -> None:
    assert _kind(UNNUMBERED_ZH) == "meeting"
    assert "training_education" not in _kinds(UNNUMBERED_ZH)


def test_officers_studying_now_are_no_pledge_en() -> None:
    assert _kind(STUDYING_EN) == "meeting"
    assert "training_education" not in _kinds(STUDYING_EN)
