"""Eighteenth round (coder54), the main kind of English pages: a press conference whose opening
question relays or asks about an event (its words report nothing) and whose answer's first
sentence tells it, as a lead does (an exercise to be held next month, announced by the
spokesperson, is the item's event, not a gathering to come). Every text is written for these
tests (no gold text); each rule has its contrast."""

from __future__ import annotations

from steppewatch.extract import extract_document
from steppewatch.extract.codebook_coder import CodebookCoder
from steppewatch.extract.model import CodedDocument, CodedItem

from .conftest import first_relevant

CODER = CodebookCoder()


def _main(text: str) -> CodedDocument | CodedItem | None:
    coded = CODER.code(extract_document(text.encode("utf-8"), source="coder54.txt"))
    return first_relevant(coded)


def _kind(text: str) -> str | None:
    item = _main(text)
    return None if item is None else item.kind


# --- the answer's first sentence as the lead of a press conference's item ------------------

_ANSWER_EXERCISE = (
    "Spokesperson: As agreed by the two defence ministries, the Chinese army and the armed forces "
    "of Tajikistan will hold the joint counter-terrorism exercise Mountain Shield-2026 near "
    "Dushanbe in October.\n"
)
_ANSWER_COURSES = (
    "In addition, 25 Tajik officers finished a year of study at the PLA National Defense "
    "University in June, and officers of the two armies attend each other's military education "
    "programmes. China will offer more training places and a new seminar for Tajik cadets.\n"
)

RELAYED_EN = (
    "Regular Press Conference of the Ministry of National Defense on 25 September 2026\n"
    "Question: It is reported that China and Tajikistan will hold a joint exercise next month. "
    "Can you confirm this, and how is military education cooperation going?\n"
    + _ANSWER_EXERCISE
    + _ANSWER_COURSES
)


def test_an_answer_confirming_a_relayed_exercise_makes_the_exercise_the_main_event() -> None:
    # (the question's words are dropped as relayed; the answer's first sentence, an exercise to
    # be held, had been read as a gathering to come, and four training words won)
    assert _kind(RELAYED_EN) == "bilateral_exercise"


TOLD_EN = (
    "Regular Press Conference of the Ministry of National Defense on 25 September 2026\n"
    "Question: Can you tell us about military education cooperation with Tajikistan?\n"
    "Spokesperson: In June, 25 Tajik officers finished a year of study at the PLA National "
    "Defense University, and officers of the two armies attend each other's military education "
    "programmes. China will offer more training places and a new seminar for Tajik cadets. "
    "The two armies will also hold a joint exercise next year.\n"
)


def test_an_exercise_to_come_later_in_the_answer_stays_second() -> None:
    # contrast: the answer opens with the courses; the exercise to come later in the answer is
    # not its lead and does not decide
    assert _kind(TOLD_EN) == "training_education"


# --- a graduation ceremony as training ---------------------------------------------------------

GRADUATION_EN = (
    "Embassy of China in Tajikistan | Embassy News\n"
    "Graduation ceremony for Tajik border officers held in Urumqi\n"
    "2026/10/12\n"
    "On October 10, a graduation ceremony was held in Urumqi for thirty officers of the Border "
    "Troops of Tajikistan after two months of study on border control and drug trafficking.\n"
    "Earlier this year China donated handheld radios, repeaters and two communication vehicles "
    "to the Border Troops of Tajikistan.\n"
)


def test_a_lead_telling_a_graduation_is_the_training() -> None:
    # (the lead's graduation ceremony named no kind in English)
    assert _kind(GRADUATION_EN) == "training_education"


HANDOVER_EN = (
    "Embassy of China in Tajikistan | Embassy News\n"
    "China hands radios to Tajik border troops\n"
    "2026/10/12\n"
    "On October 10, China donated handheld radios, repeaters and two communication vehicles to "
    "the Border Troops of Tajikistan in Dushanbe.\n"
    "Thirty Tajik officers studied in Urumqi this year.\n"
)


def test_a_handover_with_no_graduation_stays_a_transfer() -> None:
    assert _kind(HANDOVER_EN) == "equipment_transfer"
