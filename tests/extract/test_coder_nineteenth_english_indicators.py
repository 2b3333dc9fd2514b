"""Nineteenth round (coder63), English indicator coverage of the event kinds: the general words an
English wire, think-tank or embassy page uses for an exercise (anti-terror and counter-terror
drills, war games, skills and shooting competitions), an operation (joint border patrols, joint
counter-narcotics operations), a handover (hand over in every inflection), a training programme,
a frontier post, a pact, a round of consultations, and cooperation in defence for the military domain.
Every text is written for these tests (no gold text); each word has its near miss (a dentist's
drill, an election contest, suspects handed over, a football training programme, cooperation in
education, a public consultation on a law)."""

from __future__ import annotations

import pytest

from steppewatch.extract import extract_document
from steppewatch.extract.codebook_coder import CodebookCoder
from steppewatch.extract.evaluate import prediction_from_record
from steppewatch.extract.model import CodedDocument, CodedItem

from .conftest import first_relevant

CODER = CodebookCoder()
HEAD = "Steppe Wire | 14 October 2026\n\n"


def _coded(text: str) -> CodedDocument:
    return CODER.code(extract_document(text.encode("utf-8"), source="english.txt"))


def _main(text: str) -> CodedDocument | CodedItem | None:
    return first_relevant(_coded(text))


def _kind(text: str) -> str | None:
    item = _main(text)
    return None if item is None else item.kind


def _kinds(text: str) -> set[str]:
    return set(prediction_from_record(_coded(text)).fields().event_kinds)


def _domains(text: str) -> set[str]:
    return set(prediction_from_record(_coded(text)).fields().domains)


POSITIVE = [
    (
        "Chinese, Kyrgyz border troops hold anti-terror drill\n" + HEAD + "Border troops from "
        "China and Kyrgyzstan held an anti-terror drill at the Irkeshtam crossing on Tuesday, "
        "practising the capture of armed intruders, the Kyrgyz border service said.\n",
        "bilateral_exercise",
    ),
    (
        "Chinese, Tajik troops wrap up counter-terror drills\n" + HEAD + "Troops from China and "
        "Tajikistan wrapped up five days of counter-terror drills in the Pamirs on Friday, the "
        "Tajik defence ministry said.\n",
        "bilateral_exercise",
    ),
    (
        "China, Kazakhstan hold war games near border\n" + HEAD + "Chinese and Kazakh troops held "
        "war games near the border on Tuesday, practising a response to militants crossing from "
        "Afghanistan.\n",
        "bilateral_exercise",
    ),
    (
        "Kazakh police win skills competition in China\n" + HEAD + "A team of Kazakh police "
        "officers took first place at an international police skills competition hosted by "
        "China's Ministry of Public Security in Beijing, with teams from Kyrgyzstan and "
        "Uzbekistan also taking part.\n",
        "multilateral_exercise",
    ),
    (
        "SCO armies hold sniper contest in Xinjiang\n" + HEAD + "Snipers from China, Kazakhstan, "
        "Kyrgyzstan and Tajikistan competed in a sniper contest held by the PLA in Xinjiang this "
        "week under the SCO framework.\n",
        "multilateral_exercise",
    ),
    (
        "China, Tajikistan run joint counter-narcotics operation\n" + HEAD + "Chinese and Tajik "
        "police completed a joint counter-narcotics operation on the border, seizing 200 "
        "kilograms of heroin, the Tajik drug control agency said.\n",
        "joint_patrol_operation",
    ),
    (
        "China, Kyrgyzstan begin joint border patrols\n" + HEAD + "Border guards of China and "
        "Kyrgyzstan began joint border patrols along the Tian Shan frontier on Monday to stop "
        "smugglers, Kyrgyz officials said.\n",
        "joint_patrol_operation",
    ),
    (
        "China to hand over patrol cars to Uzbek police\n" + HEAD + "China will hand over 40 "
        "patrol cars to the Uzbek interior ministry next month under a free aid deal, the Chinese "
        "embassy in Tashkent said on Monday.\n",
        "equipment_transfer",
    ),
    (
        "Uzbek officers begin Chinese training programme\n" + HEAD + "Thirty Uzbek police "
        "officers began a three-month training programme on counter-terrorism at a police school "
        "in Shanghai on Monday, the Chinese embassy said.\n",
        "training_education",
    ),
    (
        "China builds frontier post for Tajik guards\n" + HEAD + "China has finished a new "
        "frontier post for Tajik border guards in the Wakhan corridor, the Tajik border service "
        "said on Monday.\n",
        "infrastructure",
    ),
    (
        "China, Kyrgyzstan sign security pact\n" + HEAD + "China and Kyrgyzstan put their names "
        "to a pact on fighting cross-border crime in Bishkek on Friday.\n",
        "mechanism",
    ),
    (
        "China, Kyrgyzstan review security threats\n" + HEAD + "Officials of the Chinese foreign "
        "ministry and Kyrgyz diplomats reviewed terrorism threats from Afghanistan in a round "
        "of consultations in Beijing on Tuesday, the Kyrgyz foreign ministry said.\n",
        "meeting",
    ),
]


@pytest.mark.parametrize(("text", "kind"), POSITIVE, ids=[k for _, k in POSITIVE])
def test_general_english_words_name_the_event_kind(text: str, kind: str) -> None:
    assert _kind(text) == kind


# near misses: the same words in another sense
DENTIST = (
    "Chinese firm opens dental clinic in Almaty\n" + HEAD + "A Chinese company opened a dental "
    "clinic in Almaty on Monday; its dentists use a new drill that is quieter, the Kazakh health "
    "ministry said.\n"
)
ELECTION = (
    "Kyrgyz election contest heats up\n" + HEAD + "Candidates in Kyrgyzstan's presidential "
    "contest debated ties with China on Tuesday, with one pledging to review border security "
    "deals.\n"
)
SUSPECTS = (
    "Kyrgyzstan to hand over two suspects to China\n" + HEAD + "Kyrgyz prosecutors said on "
    "Monday they would hand over two suspects wanted in China for fraud, after a court in "
    "Bishkek approved the request.\n"
)
FOOTBALL = (
    "Chinese coaches run football training programme in Tashkent\n" + HEAD + "Chinese coaches "
    "began a training programme for young Uzbek footballers in Tashkent on Monday, the Uzbek "
    "sports ministry said.\n"
)
PUBLIC = (
    "Kazakhstan opens consultation on mining law\n" + HEAD + "Kazakhstan's energy ministry "
    "opened a public consultation on Monday on a draft mining law that Chinese investors have "
    "lobbied to soften, officials said.\n"
)


def test_a_dentists_drill_is_no_exercise() -> None:
    assert not _kinds(DENTIST) & {"bilateral_exercise", "multilateral_exercise"}


def test_an_election_contest_is_no_competition() -> None:
    assert not _kinds(ELECTION) & {"bilateral_exercise", "multilateral_exercise"}


def test_suspects_handed_over_are_no_equipment() -> None:
    assert "equipment_transfer" not in _kinds(SUSPECTS)


def test_a_football_training_programme_trains_no_security_personnel() -> None:
    assert "training_education" not in _kinds(FOOTBALL)


def test_a_public_consultation_on_a_law_is_no_meeting() -> None:
    assert "meeting" not in _kinds(PUBLIC)


# the military domain: cooperation in defence, in either spelling; cooperation in education not
DEFENCE = (
    "China and Kazakhstan pledge deeper cooperation in {field}\n" + HEAD + "China's {who} met "
    "his Kazakh counterpart in Beijing on Monday and the two agreed to deepen cooperation in "
    "{field} and counter-terrorism.\n"
)


@pytest.mark.parametrize("field", ["defence", "defense"])
def test_cooperation_in_defence_is_military(field: str) -> None:
    assert "military" in _domains(DEFENCE.format(field=field, who="defence minister"))


def test_cooperation_in_education_is_not_military() -> None:
    text = DEFENCE.format(field="education", who="education minister").replace(
        " and counter-terrorism", ""
    )
    assert "military" not in _domains(text)
