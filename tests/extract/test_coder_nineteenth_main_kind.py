"""Nineteenth round (coder57), the main kind and the events of a page on fresh pages: an item of
equipment named with no handover (the carriers on the road of an exercise, the contingent's own
drones) is no equipment_transfer mention; the focal state's nationals handed over are persons,
not equipment; a building word with no facility (trust is built) builds nothing; a lead that
names a body's meeting and no event word reports the meeting; a grant that pays for upgrading a
facility is the facility's funding. Every text is written for these tests (no gold text); each
rule has its contrast."""

from __future__ import annotations

import pytest

from .conftest import event_kinds_of as _kinds
from .conftest import main_kind as _kind

# --- an item named with no handover ------------------------------------------------------------

DRILL_EN = (
    "Mountain drill closes with a night raid\n"
    "Pamir Herald | 20 September 2026\n"
    "\n"
    "For a week the valley road carried armoured vehicles, fuel trucks and field kitchens.\n"
    "\n"
    "Chinese and Tajik special forces ended a joint counter-terrorism exercise in "
    "Gorno-Badakhshan on Saturday, the Tajik Defence Ministry said. About 250 troops took part "
    "in the exercise against terrorism.\n"
    "\n"
    "Chinese reconnaissance drones sent pictures to the joint command post during the drill.\n"
)
# the same page where China hands the vehicles over: the handover is told
HANDOVER_EN = (
    "China hands over armoured vehicles to Tajik border troops\n"
    "Pamir Herald | 20 September 2026\n"
    "\n"
    "China handed over 30 armoured vehicles and 12 drones to the Tajik border troops on "
    "Saturday to help fight terrorism, the Tajik Defence Ministry said.\n"
    "\n"
    "The vehicles will serve the border detachments in Gorno-Badakhshan.\n"
)
DRILL_RU = (
    "Учения в горах завершились ночным штурмом\n"
    "Памирский вестник | 20 сентября 2026\n"
    "\n"
    "Всю неделю по горной дороге шли бронетехника и полевые кухни.\n"
    "\n"
    "Спецподразделения Китая и Таджикистана в субботу завершили совместные "
    "антитеррористические учения в ГБАО, сообщило Министерство обороны Таджикистана. В учениях "
    "участвовали около 250 военнослужащих.\n"
    "\n"
    "Китайские беспилотники передавали изображение на совместный командный пункт.\n"
)
DRILL_ZH = (
    "中塔两军联合反恐演习在帕米尔高原落幕\n"
    "来源：边疆军事 | 2026年9月20日\n"
    "\n"
    "一周来，山路上装甲车和野战炊事车往来不断。\n"
    "\n"
    "9月19日，中国和塔吉克斯坦特种部队在戈尔诺-巴达赫尚州完成联合反恐演习，双方约250名官兵参加。\n"
    "\n"
    "演习中，中方无人机实时向联合指挥所回传图像。\n"
)


@pytest.mark.parametrize("text", [DRILL_EN, DRILL_RU, DRILL_ZH])
def test_items_named_on_an_exercise_page_are_no_handover(text: str) -> None:
    # (the carriers of a scene-setting lead and the contingent's drones had made the drill a
    # transfer of equipment)
    assert _kind(text) in ("bilateral_exercise", "multilateral_exercise")
    assert "equipment_transfer" not in _kinds(text)


def test_a_handover_told_keeps_the_items_named_after_it() -> None:
    assert _kind(HANDOVER_EN) == "equipment_transfer"


# --- the focal state's nationals handed over -----------------------------------------------------

PERSONS_EN = (
    "Kyrgyzstan: two Chinese nationals handed over in smuggling case\n"
    "Valley Times | 6 April 2026\n"
    "\n"
    "Kyrgyz police on April 3 transferred two men wanted for smuggling drug precursors, the "
    "Interior Ministry said. Officers of China's Ministry of Public Security received them at the "
    "Torugart border crossing, in a case of drug trafficking investigated by both sides.\n"
)
TRUCKS_EN = PERSONS_EN.replace(
    "two Chinese nationals handed over", "two Chinese scanners handed over"
)


def test_the_focal_states_nationals_handed_over_are_an_operation() -> None:
    assert _kind(PERSONS_EN) == "joint_patrol_operation"
    # (contrast: equipment handed over)
    assert _kind(TRUCKS_EN) != "joint_patrol_operation"


# --- a building word that builds nothing ---------------------------------------------------------

TRUST_EN = (
    '"Trust is built in small steps": deputy minister on the CICA working group\n'
    "Steppe Daily | 14 May 2026\n"
    "\n"
    "Kazakhstan hosted the meeting of the CICA Special Working Group on new challenges and threats "
    "on May 12-13 in Astana, with delegations of China, Kyrgyzstan and Tajikistan, to discuss "
    "terrorism and drug trafficking.\n"
    "\n"
    "Kazakhstan also offered to hold a seminar on border security next year.\n"
)
POST_EN = TRUST_EN.replace(
    '"Trust is built in small steps": deputy minister on the CICA working group',
    "A border post built with Chinese funding opens in Tajikistan",
)


def test_a_building_word_naming_no_facility_builds_nothing() -> None:
    assert _kind(TRUST_EN) == "meeting"
    assert "infrastructure" not in _kinds(TRUST_EN)
    # (contrast: a post built)
    assert "infrastructure" in _kinds(POST_EN)


# --- a grant that pays for upgrading a facility --------------------------------------------------

UPGRADE_ZH = (
    "中方援建的口岸边检设施投入使用\n"
    "来源：草原通讯社 | 2026年9月24日\n"
    "\n"
    "由中国政府无偿援助升级改造的哈萨克斯坦某口岸边防检查设施23日正式投入使用，将提升边境管控能力，打击走私。\n"
)
VEHICLES_ZH = (
    "中方向哈萨克斯坦边防部门移交车辆\n"
    "来源：草原通讯社 | 2026年9月24日\n"
    "\n"
    "中国政府无偿援助哈萨克斯坦边防部门的巡逻车23日正式移交，将提升边境管控能力，打击走私。\n"
)


def test_a_grant_paying_for_an_upgrade_is_the_facilitys_funding() -> None:
    assert _kind(UPGRADE_ZH) == "infrastructure"
    # (contrast: the grant hands vehicles over)
    assert _kind(VEHICLES_ZH) == "equipment_transfer"


# --- a lead naming a body's meeting and no event word ---------------------------------------------

HOSTED_EN = TRUST_EN.replace(
    '"Trust is built in small steps": deputy minister on the CICA working group',
    "Kazakhstan and its partners on new threats",
)
SEMINAR_LEAD_EN = HOSTED_EN.replace(
    "Kazakhstan hosted the meeting of the CICA Special Working Group on new challenges and threats",
    "Kazakhstan hosted a seminar for border officers",
)


def test_a_lead_naming_a_bodys_meeting_reports_the_meeting() -> None:
    # (the seminar offered in a later paragraph had been the main event)
    assert _kind(HOSTED_EN) == "meeting"
    # (contrast: the lead names the seminar)
    assert _kind(SEMINAR_LEAD_EN) == "training_education"


# --- a competition's events are simulated --------------------------------------------------------

CONTEST_EN = (
    "Police teams from Central Asia test their skills in Urumqi\n"
    "Frontier Post | 9 June 2026\n"
    "\n"
    "Police tactical teams from Kazakhstan, Kyrgyzstan and Uzbekistan joined Chinese police teams "
    "in Urumqi on Monday for an international counter-terrorism competition.\n"
    "\n"
    "Over three days the teams compete in shooting, hostage rescue and a mountain march.\n"
)
# (twentieth round: the lead's international competition is now the item's exercise, whose
# second events are no incidents; the attack told first is the item's event)
ATTACK_EN = (
    "Gunmen attack police teams in Urumqi\n"
    "Frontier Post | 9 June 2026\n"
    "\n"
    "On Tuesday gunmen attacked Chinese and Kazakh police officers in Urumqi and took hostages.\n"
    "\n"
    "The officers had come to Urumqi for an international counter-terrorism competition of "
    "police tactical teams from Kazakhstan, Kyrgyzstan, Uzbekistan and China.\n"
)


def test_the_shooting_and_hostage_rescue_of_a_competition_are_no_incident() -> None:
    assert "incident" not in _kinds(CONTEST_EN)
    # (contrast: hostages taken for real)
    assert "incident" in _kinds(ATTACK_EN)


# --- a document signed at an exercise --------------------------------------------------------

SIGNED_AT_DRILL_EN = (
    "National guard and Chinese armed police end joint exercise\n"
    "Valley Times | 24 October 2026\n"
    "\n"
    "The Uzbek National Guard and the Chinese People's Armed Police ended a joint "
    "counter-terrorism exercise near Tashkent on Saturday, the National Guard said.\n"
    "\n"
    "On the sidelines of the exercise the two sides signed a memorandum of understanding on the "
    "exchange of instructors between the National Guard and the Chinese People's Armed Police.\n"
)
PLAN_OF_DRILL_EN = SIGNED_AT_DRILL_EN.replace(
    "On the sidelines of the exercise the two sides signed a memorandum of understanding on the "
    "exchange of instructors",
    "The exercise was held under a memorandum of understanding on cooperation",
)
SIGNED_AT_DRILL_RU = (
    "Нацгвардия и Народная вооруженная полиция Китая завершили совместные учения\n"
    "Кабар | 15 октября 2026\n"
    "\n"
    "Национальная гвардия Кыргызстана и Народная вооруженная полиция Китая в четверг завершили "
    "совместные антитеррористические учения на Иссык-Куле.\n"
    "\n"
    "По итогам учений стороны подписали план сотрудничества на 2027 год.\n"
)


@pytest.mark.parametrize("text", [SIGNED_AT_DRILL_EN, SIGNED_AT_DRILL_RU])
def test_a_document_signed_at_an_exercise_is_its_second_event(text: str) -> None:
    assert _kind(text) == "bilateral_exercise"
    assert "mechanism" in _kinds(text)


def test_the_document_an_exercise_was_held_under_is_no_event() -> None:
    assert "mechanism" not in _kinds(PLAN_OF_DRILL_EN)


# --- items handed over with a facility, named before the verb ------------------------------------

OUTPOST_EN = (
    "China-funded border outpost handed over to Tajik border troops\n"
    "Pamir Herald | 23 June 2026\n"
    "\n"
    "A new border outpost built with Chinese funding has been handed over to Tajikistan's Border "
    "Troops in the Ishkashim district, near the border with Afghanistan.\n"
    "\n"
    "Four off-road vehicles and night-vision scanners provided by China were handed over to "
    "Tajikistan together with the outpost, the border troops said.\n"
)
FITTED_EN = OUTPOST_EN.replace(
    "Four off-road vehicles and night-vision scanners provided by China were handed over to "
    "Tajikistan together with the outpost",
    "The outpost built by China for Tajikistan has barracks, a garage for vehicles and a tower",
)


def test_items_handed_over_with_a_facility_are_a_second_event() -> None:
    assert _kind(OUTPOST_EN) == "infrastructure"
    assert "equipment_transfer" in _kinds(OUTPOST_EN)
    # (contrast: the facility's own garage for vehicles)
    assert "equipment_transfer" not in _kinds(FITTED_EN)


# --- the meeting leads when the title names its product (guide addition 4) ----------------------

SIGNED_RU = (
    "Пограничные ведомства Узбекистана и Китая подписали план совместных мероприятий\n"
    "Ташкент, 15 декабря 2026 года\n"
    "\n"
    "Пограничные войска Узбекистана и Национальная иммиграционная администрация КНР подписали "
    "план совместных мероприятий по охране границы на 2027 год.\n"
    "Документ подписан по итогам рабочей встречи представителей двух ведомств в Ташкенте.\n"
)
IN_FORCE_EN = (
    "China-Kazakhstan agreement on border security enters into force\n"
    "ASTANA, 2 December 2026\n"
    "\n"
    "An agreement between Kazakhstan and China on cooperation in border security entered into "
    "force on 1 December, Kazakhstan's Foreign Ministry said.\n"
    "The agreement was signed in Astana in June during the state visit of the Chinese president.\n"
)
SIGNED_ZH = (
    "中吉两国签署打击跨国犯罪合作协定\n"
    "新华社比什凯克12月10日电\n"
    "\n"
    "中国和吉尔吉斯斯坦10日在比什凯克签署关于打击跨国有组织犯罪的合作协定，将加强情报交流和联合调查。\n"
    "中方代表表示，双方愿共同维护地区安全稳定。\n"
    "当天，两国公安部门负责人举行会谈后签署了上述协定。\n"
)


@pytest.mark.parametrize("text", [SIGNED_RU, SIGNED_ZH])
def test_the_meeting_leads_when_the_title_names_the_document_signed_there(text: str) -> None:
    assert _kind(text) == "meeting"
    assert "mechanism" in _kinds(text)


def test_a_document_entering_into_force_leads_over_a_visit_recalled() -> None:
    assert _kind(IN_FORCE_EN) == "mechanism"
