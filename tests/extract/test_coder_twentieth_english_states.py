"""Twentieth-round participation rules for Central Asian states on English pages (branch
coder64): a format's members are implied only when its states' officials meet.

- a meeting word that a future or hoped-for verb follows (the summit will be a success) is a
  gathering still to come, talked about in an interview's answer: its format's members are not
  the item's sides; the same format's meeting reported as held still implies them;
- a format's name followed by a non-state track's gathering (the China-Central Asia Think Tank
  Forum, the SCO Media Forum) is a forum of think tanks or journalists, not of the member states:
  no implied members; the format's ministers' meeting still implies them;
- in commentary, a state measured against the subject (Tajikistan has been more hesitant;
  comparable activity is reported in Tajikistan) is a yardstick, not a state whose engagement the
  text discusses; so is one where the same was done (as they have done in Tajikistan), not
  one named "as well as in"; one whose own ties it describes stays;
- an earlier time closing an English sentence (attended a separate course earlier this year)
  dates its verb, even a verb of taking part: another event; "as they did last year" does not.

The Russian and Chinese forms of these classes are another helper's (coder65) part this round.
Texts written for these tests, none copied from a gold text; each rule has a text it changes and
one it leaves alone."""

from __future__ import annotations

from .conftest import CENTRAL_ASIA as _CA
from .conftest import states_taking_part as _states

_INTERVIEW = (
    "Interview: the Chinese ambassador on security ties with Tajikistan\n"
    "Q: How do the security services of the two countries cooperate?\n"
    "A: On March 3 the Ministry of Public Security of China and the Interior Ministry of "
    "Tajikistan signed in Dushanbe a protocol on countering terrorism and drug trafficking.\n"
    "Q: What do you hope for from the summit of the Shanghai Cooperation Organization?\n"
)


def test_a_summit_still_to_come_implies_no_members() -> None:
    text = _INTERVIEW + (
        "A: We are sure the SCO summit will be a success and will strengthen the solidarity of "
        "the SCO family against terrorism.\n"
    )
    assert _states(text) == {"TJ"}


def test_a_summit_held_still_implies_its_members() -> None:
    text = (
        "SCO heads of state meet in Astana\n"
        "ASTANA, July 4 - The SCO summit was held in Astana on Thursday; the leaders of the SCO "
        "member states adopted a programme of cooperation against terrorism, separatism and "
        "extremism.\n"
    )
    assert {"KZ", "KG", "TJ", "UZ"} <= _states(text)


def test_a_think_tank_forum_under_a_formats_name_implies_no_members() -> None:
    text = (
        "Wang Yi calls for joint security in Central Asia\n"
        "Chinese Foreign Minister Wang Yi on Friday delivered a keynote speech at the opening of "
        "the China-Central Asia Think Tank Forum in Xi'an, calling on the six countries to "
        "jointly fight terrorism and extremism.\n"
        "On the sidelines of the forum, Wang held talks with Uzbek Foreign Minister Bakhtiyor "
        "Saidov. The two sides agreed to deepen law enforcement and security cooperation and to "
        "fight terrorism together.\n"
    )
    assert _states(text) == {"UZ"}


def test_the_formats_ministers_meeting_still_implies_its_members() -> None:
    text = (
        "Wang Yi chairs China-Central Asia foreign ministers' meeting\n"
        "Chinese Foreign Minister Wang Yi on Friday chaired the China-Central Asia Foreign "
        "Ministers' Meeting in Xi'an, urging joint efforts against terrorism and extremism.\n"
    )
    assert _states(text) == _CA


# -- a state measured against the subject, and a course taken earlier ------------------------

_ANALYSIS = (
    "China's security ties with Kyrgyzstan deepen\n"
    "An analysis by a regional correspondent\n"
    "Over the past decade China has become a leading security partner of Kyrgyzstan. Kyrgyz "
    "police officers train at Chinese academies, Chinese firms guard mines in Naryn, and the two "
    "countries' security services share information on terrorism and extremism.\n"
    "Critics in Bishkek say the growing dependence erodes state control over the use of force.\n"
    "{other}\n"
    "Beijing says its cooperation is not directed against any third party.\n"
)


def test_a_state_measured_against_the_subject_is_no_side_of_commentary() -> None:
    other = (
        "Tajikistan, where the security services keep a close watch on foreign capital, has "
        "been more hesitant."
    )
    assert _states(_ANALYSIS.format(other=other)) == {"KG"}


def test_activity_reported_as_comparable_elsewhere_is_no_side_of_commentary() -> None:
    other = "Comparable, though smaller, activity is reported in Tajikistan."
    assert _states(_ANALYSIS.format(other=other)) == {"KG"}


def test_a_state_where_the_same_was_done_is_a_yardstick() -> None:
    other = (
        "The question is whether Chinese mining companies will bring in their own guards, as "
        "they have done in Tajikistan."
    )
    assert _states(_ANALYSIS.format(other=other)) == {"KG"}


def test_a_state_named_as_well_as_the_subject_stays_a_side() -> None:
    other = (
        "Chinese firms guard mines in Naryn as well as in Tajikistan, where Tajik officers also "
        "train at Chinese academies."
    )
    assert _states(_ANALYSIS.format(other=other)) == {"KG", "TJ"}


def test_a_state_whose_engagement_the_commentary_discusses_stays_a_side() -> None:
    other = (
        "In Tajikistan, Chinese firms guard gold mines and Tajik officers train at Chinese "
        "academies too."
    )
    assert _states(_ANALYSIS.format(other=other)) == {"KG", "TJ"}


_COURSE = (
    "Kyrgyz officers finish anti-terror course in China\n"
    "Thirty police officers from Kyrgyzstan completed a two-week counter-terrorism training "
    "course at the People's Police University of China on Thursday, the university said.\n"
    "The officers studied crisis negotiation, explosives detection and cyber investigation.\n"
)


def test_a_course_taken_earlier_this_year_is_another_event() -> None:
    text = _COURSE + "Officers from Tajikistan attended a separate course earlier this year.\n"
    assert _states(text) == {"KG"}


def test_a_state_taking_part_as_it_did_last_year_stays_a_side() -> None:
    text = _COURSE + "Officers from Tajikistan also attended the course, as they did last year.\n"
    assert _states(text) == {"KG", "TJ"}
