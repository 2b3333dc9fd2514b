"""Eighteenth round (coder50), the main kind on fresh pages: which passage decides when the lead
names no event (the first dated paragraph that tells one), a source | rubric line above the title,
the answer of a press conference that does not know of the report, a grant that pays for a
building, an exercise agreed at a meeting, persons handed over to the focal side, and a facility
named as a route. Every text is written for these tests (no gold text); each rule has its
contrast."""

from __future__ import annotations

import re

import pytest

from steppewatch.extract import extract_document
from steppewatch.extract.codebook_coder import CodebookCoder
from steppewatch.extract.coder_background import lead_start
from steppewatch.extract.model import CodedDocument, CodedItem

from .conftest import first_relevant

CODER = CodebookCoder()


def _coded(text: str) -> CodedDocument:
    return CODER.code(extract_document(text.encode("utf-8"), source="eighteenth.txt"))


def _main(text: str) -> CodedDocument | CodedItem | None:
    coded = _coded(text)
    return first_relevant(coded)


def _kind(text: str) -> str | None:
    item = _main(text)
    return None if item is None else item.kind


# --- the first dated paragraph that tells an event, under a lead that names none -------------

DIGEST_EN = (
    "Regional roundup: what happened on Thursday\n"
    "Steppe Wire | 12.03.2026\n"
    "Our editors picked the stories of the day for you.\n"
    "1. On Wednesday Chinese and Kyrgyz border guards held a joint patrol along the Torugart "
    "section of the border, the Kyrgyz Border Service said.\n"
    "2. Parliament passed the budget for the next year.\n"
    "3. The customs service received new X-ray scanners donated by China on Monday.\n"
    "4. A music festival opens in Karakol.\n"
    "5. The police academy received vehicles donated by China, the ministry said.\n"
)
# the same page, its stories not numbered (one item: a numbered digest is split into one item per
# story since coder48), whose first story names no day: a trend, not a happening; the mentions
# decide
UNDATED_EN = re.sub(
    r"(?m)^\d\. ",
    "",
    DIGEST_EN.replace("On Wednesday Chinese", "Chinese").replace(
        "held a joint patrol", "hold joint patrols"
    ),
)
DIGEST_RU = (
    "Обзор: главное за неделю\n"
    "Степной вестник | 14.03.2026\n"
    "Рассказываем о том, что произошло в регионе за неделю.\n"
    "Кыргызстан. Во вторник пограничники Кыргызстана и Китая провели совместное патрулирование "
    "на участке Торугарт, сообщила Пограничная служба.\n"
    "Казахстан. Парламент одобрил поправки в налоговый кодекс.\n"
    "Таджикистан. Таможня в понедельник получила от Китая спецтехнику для досмотра грузов.\n"
    "Узбекистан. Китай передал партию патрульных автомобилей полиции Ташкента, сообщили в МВД.\n"
)


@pytest.mark.parametrize("text", [DIGEST_EN, DIGEST_RU])
def test_the_first_dated_story_under_an_eventless_lead_is_the_main_event(text: str) -> None:
    # (two later handovers had outweighed the one patrol: the digest's first story leads)
    assert _kind(text) == "joint_patrol_operation"


def test_an_undated_first_story_leaves_the_mentions_to_decide() -> None:
    assert _kind(UNDATED_EN) == "equipment_transfer"


BRIEFING_EN = (
    "Defence Ministry briefing, 30 June 2026\n"
    "Question: What is new in military cooperation with Central Asia?\n"
    "Answer: China, Kyrgyzstan and Tajikistan will hold a joint counter-terrorism exercise in the "
    "border area from 10 to 16 August. Separately, a training course for officers of the three "
    "states opened in Beijing on 20 June, and a second training course will follow.\n"
)


def test_a_question_naming_no_event_gives_the_answers_first_event_the_lead() -> None:
    # (the question is the item's lead and names no kind; two training mentions had outweighed
    # the exercise the answer opens with)
    assert _kind(BRIEFING_EN) in ("multilateral_exercise", "bilateral_exercise")


# --- a source | rubric line above the title ---------------------------------------------------

RUBRIC_RU = (
    "Вестник | Безопасность\n"
    "Китай передал пограничникам технику и построил новую заставу\n"
    "Бишкек, 2 апреля 2026 г. /Вестник/.\n"
    "Партия внедорожников и тепловизоров, приобретенных на средства китайского гранта, передана "
    "сегодня Пограничной службе Кыргызстана.\n"
    "Кроме того, введено в эксплуатацию новое здание пограничной заставы на перевале. Застава "
    "рассчитана на сорок человек. На заставе есть казарма и котельная. Заставу строили два "
    "года.\n"
)


def test_a_source_and_rubric_line_is_no_title() -> None:
    assert lead_start(RUBRIC_RU, 0, len(RUBRIC_RU)) == RUBRIC_RU.index("Китай передал")
    # (the lead sentence is now the handover under the title, not the title itself)
    assert _kind(RUBRIC_RU) == "equipment_transfer"


def test_a_title_with_a_bar_over_a_sentence_stays_the_title() -> None:
    text = (
        "China, Kyrgyzstan hold border talks | Wire\n"
        "Border officials of China and Kyrgyzstan held talks in Naryn on Monday.\n"
    )
    assert lead_start(text, 0, len(text)) == 0


# --- a press conference answer that does not know of the report ------------------------------

EXTRADITION_ZH = (
    "外交部发言人例行记者会\n"
    "记者：据报道，中方已向乌兹别克斯坦提出引渡一名外逃人员的请求。你能否证实？\n"
    "发言人：我不了解具体情况。中乌在执法领域保持良好合作，建立了引渡条约等合作机制。\n"
)
DRILL_ZH = (
    "国防部例行记者会\n"
    "问：有外媒称，新疆军区近日在帕米尔开展演练是向邻国施压。请问如何回应？\n"
    "答：新疆军区本月在帕米尔高原组织了高寒山地实兵演练，提升边境管控能力，不针对任何国家。"
    "有关炒作毫无根据。\n"
)


def test_an_answer_that_opens_not_knowing_reports_no_event_of_its_own() -> None:
    # (the treaty it recalls is the line it holds: the page is commentary, guide item 4)
    item = _main(EXTRADITION_ZH)
    assert item is not None and item.kind is None


def test_an_answer_that_tells_the_event_before_calling_the_hype_groundless_keeps_it() -> None:
    assert _kind(DRILL_ZH) == "domestic_capacity"


BASE_ZH = (
    "外交部发言人例行记者会\n"
    "记者：有媒体援引卫星图像称，中国正在塔吉克斯坦修建一处军事基地。中方对此有何回应？\n"
    "发言人：我注意到有关报道。报道内容纯属捏造，中方从未在塔吉克斯坦建设军事基地。中塔执法安全合作"
    "旨在共同打击三股势力。\n"
)
BASE_EN = (
    "Foreign Ministry Spokesperson's Regular Press Conference\n"
    "Reporter: Some media say that China is building a military base in Tajikistan. What is "
    "your response?\n"
    "Spokesperson: I'm not aware of that. China and Tajikistan cooperate against terrorism and "
    "extremism.\n"
)


@pytest.mark.parametrize("text", [BASE_ZH, BASE_EN])
def test_a_report_relayed_by_the_media_and_denied_is_no_event(text: str) -> None:
    item = _main(text)
    assert item is None or item.kind is None


def test_a_base_the_question_states_itself_stays_for_the_answer_to_judge() -> None:
    # (no report relayed: the question's own words; the answer does not deny it)
    text = BASE_EN.replace("Some media say that China", "China").replace(
        "I'm not aware of that. ", ""
    )
    assert _kind(text) == "infrastructure"


# --- a grant that pays for a building ---------------------------------------------------------

OUTPOST_RU = (
    "На границе с Афганистаном открыта новая застава\n"
    "Душанбе, 5 июля 2026 г.\n"
    "В Шугнанском районе введена в эксплуатацию новая пограничная застава, возведенная за счет "
    "безвозмездной помощи правительства КНР, сообщили в Пограничных войсках Таджикистана. Застава позволит "
    "пресекать наркотрафик и проникновение боевиков.\n"
)
VEHICLES_RU = (
    "Пограничники получили технику от Китая\n"
    "Душанбе, 5 июля 2026 г.\n"
    "Пограничным войскам Таджикистана переданы автомобили, закупленные за счет безвозмездной "
    "помощи правительства КНР, сообщили в ведомстве.\n"
)
OUTPOST_EN = (
    "New border outpost opens on the Afghan border\n"
    "Dushanbe, 5 July 2026\n"
    "A new border outpost built with a Chinese government grant was commissioned in the Shugnan "
    "district of Tajikistan on Friday, the Border Troops said.\n"
)


@pytest.mark.parametrize("text", [OUTPOST_RU, OUTPOST_EN])
def test_a_grant_that_built_a_facility_is_no_handover(text: str) -> None:
    assert _kind(text) == "infrastructure"


def test_a_grant_that_bought_equipment_stays_a_handover() -> None:
    assert _kind(VEHICLES_RU) == "equipment_transfer"


# --- an exercise agreed at a meeting ----------------------------------------------------------

AGREED_EN = (
    "China, Kyrgyzstan agree on joint counter-terrorism exercise\n"
    "Bishkek, 4 May 2026\n"
    "The defence ministers of China and Kyrgyzstan met in Bishkek on Monday and agreed to hold "
    "a joint counter-terrorism exercise in the Issyk-Kul region in September.\n"
)
AGREED_RU = (
    "Министры обороны Китая и Кыргызстана договорились о проведении совместных учений\n"
    "Бишкек, 4 мая 2026 г.\n"
    "Министры обороны Китая и Кыргызстана провели переговоры в Бишкеке и договорились провести "
    "совместные антитеррористические учения в сентябре.\n"
)
HELD_EN = AGREED_EN.replace("agree on", "hold").replace(
    "met in Bishkek on Monday and agreed to hold", "observed"
)


@pytest.mark.parametrize("text", [AGREED_EN, AGREED_RU])
def test_an_exercise_agreed_at_a_meeting_leaves_the_meeting_the_main_event(text: str) -> None:
    assert _kind(text) == "meeting"


def test_an_exercise_held_stays_the_main_event() -> None:
    assert _kind(HELD_EN) == "bilateral_exercise"


# --- persons handed over to the focal side -----------------------------------------------------

PERSONS_RU = (
    "Бишкек, 3 марта 2026 г.\n"
    "Сотрудники ГКНБ Кыргызстана во вторник передали представителям МОБ КНР двух граждан Китая, "
    "разыскиваемых по подозрению в мошенничестве, сообщили в Генпрокуратуре.\n"
)
PERSONS_EN = (
    "Tashkent, 3 March 2026\n"
    "Two Chinese citizens wanted for an online fraud were handed over to the Chinese side at "
    "Tashkent airport on Tuesday, Uzbekistan's Prosecutor General's Office said.\n"
)
GEAR_RU = PERSONS_RU.replace(
    "Сотрудники ГКНБ Кыргызстана во вторник передали представителям МОБ КНР двух граждан Китая, "
    "разыскиваемых по подозрению в мошенничестве",
    "Представители МОБ КНР во вторник передали сотрудникам ГКНБ Кыргызстана спецтехнику и "
    "служебных собак",
)


@pytest.mark.parametrize("text", [PERSONS_RU, PERSONS_EN])
def test_persons_handed_over_to_the_focal_side_are_an_operation(text: str) -> None:
    assert _kind(text) == "joint_patrol_operation"


def test_equipment_received_from_the_focal_side_stays_a_transfer() -> None:
    assert _kind(GEAR_RU) == "equipment_transfer"


# --- a facility named as a route --------------------------------------------------------------

ROUTE_RU = (
    "Суд вынес приговор организаторам незаконной переправки граждан через границу\n"
    "Судом установлено, что участники группы организовывали перемещение граждан КНР через "
    "казахстанско-китайскую границу вне пунктов пропуска.\n"
    "Группа была пресечена в ходе совместной операции Пограничной службы КНБ Казахстана и "
    "органов общественной безопасности КНР.\n"
)


def test_a_checkpoint_named_as_the_route_avoided_is_no_facility() -> None:
    assert _kind(ROUTE_RU) == "joint_patrol_operation"


def test_a_checkpoint_opened_stays_a_facility() -> None:
    text = (
        "На границе с Китаем открыт новый пункт пропуска\n"
        "Алматы, 23 декабря 2025 г.\n"
        "На казахстанско-китайской границе открыт новый пункт пропуска, построенный с участием "
        "китайской стороны, сообщила Пограничная служба КНБ.\n"
    )
    assert _kind(text) == "infrastructure"
