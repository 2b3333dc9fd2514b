"""Central Asian states taking part, English pages (twenty-first round, issue 13, branch
coder71): a partner state needs participation evidence, not a mention.

- a state said to stay away in its own clause (did not send a delegation, was not part of the
  talks, stays away, denies its troops joined, no Kyrgyz serviceman took part) is no side; one
  that took part after all, or whose staying away is another subject's, stays;
- officers who "observe" the drill (the verb closing its clause or taking the drill) are
  observers; a state that will "observe" an agreement is not;
- a partner paired with a state from outside the region (Kazakh-Russian talks) in a clause
  naming neither the focal state nor a framework is that pair's business; the same pair taking
  part in the focal state's drill stays;
- page furniture: a medium's language service (By RFE/RL's Kyrgyz Service), a digest's section
  label in capitals (* KAZAKHSTAN -), the border a place lies near (near the Kyrgyz border).

Texts written for these tests, none copied from a gold text; each rule has a text it changes and
one it leaves alone."""

from __future__ import annotations

from .conftest import states_taking_part as _states

_MEETING = (
    "Border chiefs meet in Dushanbe\n\n"
    "The heads of the border services of China, Tajikistan and Uzbekistan held a meeting in "
    "Dushanbe on 3 March 2026 on joint measures against drug trafficking on the Afghan "
    "frontier and signed a protocol on information exchange. "
)


# -- staying away ---------------------------------------------------------------------------
def test_state_that_boycotted_is_no_side() -> None:
    text = (
        _MEETING + "Kyrgyzstan boycotted the meeting over a trade dispute, the organisers said.\n"
    )
    assert _states(text) == {"TJ", "UZ"}


def test_state_that_sent_a_delegation_stays() -> None:
    text = _MEETING + "Kyrgyzstan sent a delegation led by its deputy border chief.\n"
    assert "KG" in _states(text)


def test_state_not_part_of_talks_after_a_relative_clause() -> None:
    text = (
        _MEETING + "Kyrgyzstan, whose border units patrol a separate sector of the frontier, "
        "was not part of the talks.\n"
    )
    assert "KG" not in _states(text)


def test_relative_clause_of_an_earlier_absence_keeps_the_state() -> None:
    text = (
        _MEETING + "Kyrgyzstan, which boycotted the previous round, sent its deputy border chief "
        "to the meeting this time.\n"
    )
    assert "KG" in _states(text)


def test_listed_states_share_their_absence() -> None:
    text = (
        _MEETING + "Kyrgyzstan and Turkmenistan were also invited but were not represented at "
        "the talks.\n"
    )
    assert _states(text) == {"TJ", "UZ"}


def test_absence_of_another_subject_is_not_the_state_s() -> None:
    text = _MEETING + "Kyrgyzstan sent its deputy border chief, and the Afghan side did not join.\n"
    assert "KG" in _states(text)


def test_denied_own_troops_joined() -> None:
    text = (
        "Bishkek denies its troops joined Chinese-Tajik drill\n\n"
        "China and Tajikistan held a joint counter-terrorism exercise in the Gorno-Badakhshan "
        "region on 5 May 2026, Tajik media reported. Kyrgyzstan's defence ministry denied "
        'reports that Kyrgyz troops took part. "No Kyrgyz serviceman participated," the '
        "ministry said.\n"
    )
    assert _states(text) == {"TJ"}


def test_troops_that_joined_stay() -> None:
    text = (
        "Kyrgyz troops join Chinese-Tajik drill\n\n"
        "China and Tajikistan held a joint counter-terrorism exercise in the Gorno-Badakhshan "
        "region on 5 May 2026, Tajik media reported. Kyrgyz troops took part for the first "
        "time, the Kyrgyz defence ministry said.\n"
    )
    assert _states(text) == {"KG", "TJ"}


# -- observers ------------------------------------------------------------------------------
_DRILL = (
    "Kazakh and Chinese guardsmen rehearse hostage rescue{title}\n\n"
    "The joint counter-terrorism exercise of Kazakhstan's National Guard and China's People's "
    "Armed Police began on 4 June 2026 at a range in the Almaty region. About 200 servicemen "
    "from the two sides practise freeing hostages.{body}\n"
)


def test_officers_who_observe_are_observers() -> None:
    text = _DRILL.format(
        title=" as Kyrgyz officers observe",
        body=" Officers from Kyrgyzstan observe the drill at the invitation of the hosts.",
    )
    assert _states(text) == {"KZ"}


def test_observing_an_agreement_is_no_observer() -> None:
    text = _DRILL.format(
        title="",
        body=" Kyrgyz units take part too, and the three sides observe the agreed rules of "
        "engagement.",
    )
    assert "KG" in _states(text)


# -- a pair with a state from outside the region ---------------------------------------------
_DIGEST = (
    "Regional security digest: Kyrgyz border service gets Chinese vehicles{title}\n\n"
    "* KYRGYZSTAN - The Border Service of Kyrgyzstan on 9 April 2026 received 30 patrol "
    "vehicles donated by China, the service said.\n\n"
)


def test_pair_with_an_outside_state_is_that_pair_s_business() -> None:
    text = _DIGEST.format(title="; Kazakh-Russian air defence talks") + (
        "* KAZAKHSTAN - Kazakh and Russian air defence commanders discussed the joint air "
        "defence system at a meeting in Almaty, the Kazakh defence ministry said.\n"
    )
    assert _states(text) == {"KG"}


def test_pair_taking_part_in_the_focal_state_s_drill_stays() -> None:
    text = (
        "Joint drill held in Xinjiang\n\n"
        "Chinese troops held a joint counter-terrorism exercise with Kazakh and Russian units "
        "in Xinjiang on 9 April 2026, the defence ministry said.\n"
    )
    assert "KZ" in _states(text)


# -- page furniture ---------------------------------------------------------------------------
def test_language_service_and_nearby_border_are_furniture() -> None:
    text = (
        "China and Tajikistan hold drill\n"
        "10 May 2026 | By RFE/RL's Kyrgyz Service\n"
        "China and Tajikistan held a joint counter-terrorism exercise on 9 May 2026 in the "
        "Gorno-Badakhshan region near the Kyrgyz border, Tajik media reported.\n"
    )
    assert _states(text) == {"TJ"}


def test_border_service_of_the_state_stays() -> None:
    text = (
        "China and Tajikistan hold drill\n"
        "10 May 2026 | By our correspondent\n"
        "China and Tajikistan held a joint counter-terrorism exercise on 9 May 2026 in the "
        "Gorno-Badakhshan region together with the Kyrgyz Border Service, Tajik media "
        "reported.\n"
    )
    assert "KG" in _states(text)


# -- an interview's turns -------------------------------------------------------------------
_INTERVIEW = (
    "Interview: Kyrgyzstan's deputy interior minister on cooperation with China\n"
    "Bishkek, 2 March 2026. The deputy minister answered our questions.\n"
    "- How did the talks in Beijing go?\n"
    "- In February I held talks in Beijing with China's Ministry of Public Security. We agreed "
    "to set up a working group on the protection of Chinese-invested projects.\n"
    "- What about the southern borders?\n"
    "- {south}\n"
    "- What are your plans for the spring?\n"
    "- We will train more investigators.\n"
)


def test_state_in_a_turn_not_about_the_focal_state_is_no_side() -> None:
    text = _INTERVIEW.format(
        south="Kazakhstan has adopted a new law on mountain border posts, and we are studying "
        "the experience of Kazakhstan."
    )
    assert _states(text) == {"KG"}


def test_state_in_a_turn_naming_the_focal_state_stays() -> None:
    text = _INTERVIEW.format(
        south="Kazakhstan has adopted a new law on mountain border posts with Chinese "
        "advice, and we are studying the experience of Kazakhstan."
    )
    assert "KZ" in _states(text)


def test_state_taking_part_in_a_turn_stays() -> None:
    text = _INTERVIEW.format(
        south="Kazakh border units took part in the exercise with our guards in the Alai "
        "valley, and we are studying the experience of Kazakhstan."
    )
    assert "KZ" in _states(text)


# -- a state's media ------------------------------------------------------------------------
_PRESSER = (
    "Foreign Ministry Spokesperson's Regular Press Conference on 3 March 2026\n\n"
    "AFP: Reports say China will fund new posts for the Tajik border troops. Can you "
    "confirm?\n\n"
    "Spokesperson: China and Tajikistan cooperate on border security in an open and "
    "transparent way.\n\n"
    "AFP: {question}\n\n"
    "Spokesperson: I'm not aware of the specific situation you mentioned.\n"
)


def test_a_state_s_media_is_no_side() -> None:
    text = _PRESSER.format(
        question="Kyrgyz and Uzbek media have said that Chinese companies hire private guards. "
        "Does the Chinese government allow that?"
    )
    assert _states(text) == {"TJ"}


def test_a_state_s_press_secretary_is_not_its_media() -> None:
    text = _PRESSER.format(
        question="The Kyrgyz press secretary said Chinese and Kyrgyz police will patrol the "
        "Naryn road together. Can you confirm?"
    )
    assert "KG" in _states(text)


# -- a wish to work with states ---------------------------------------------------------------
_RETURN = (
    "Fugitives returned from Tashkent\n\n"
    "Chinese and Uzbek police on 4 May 2026 returned six fraud suspects from Tashkent to China "
    "under the bilateral extradition treaty, the Ministry of Public Security said. {closing}\n"
)


def test_a_state_china_stands_ready_to_work_with_is_no_side() -> None:
    text = _RETURN.format(
        closing="China stands ready to work with Uzbekistan, Kazakhstan and other countries "
        "of the region to fight transnational crime."
    )
    assert _states(text) == {"UZ"}


def test_a_state_that_worked_with_china_stays() -> None:
    text = _RETURN.format(
        closing="Kazakhstan's police also took part in the operation, escorting two of the "
        "suspects through Almaty."
    )
    assert "KZ" in _states(text)
