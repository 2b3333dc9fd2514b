"""Participation evidence for English mentions of partner states (issue 13, twenty-first round,
branch coder71): a partner state named as the subject of a negated or denied participation, or
only as the other half of a pair with a state from outside the region, is named, not a side.

- ``stays_away``: the state is said to stay away (Turkmenistan did not send a delegation,
  Uzbekistan, whose section is built by its own contractors, was not part of the talks, Bishkek
  denies its troops joined the drill, no Kyrgyz serviceman took part). Russian and Chinese have
  their own forms in ``coder_background`` (``_ABSENT``: не направила делегацию, 未派代表), read
  there for sentences of background; this one reads a mention's own clause, in English only.
- ``outside_pair``: the state is joined to a state from outside the region that is neither the
  focal state nor a partner (Kazakh-Russian air defence talks, Kazakh and Russian commanders
  met), in a clause that names neither the focal state nor a framework nor taking part: that
  pair's own business, like a third state's (``coder_rules.third_party_sentences``, which
  leaves out the frameworks' members such as Russia because they may be fellow participants).

Both read a bounded window around one mention (no scan of the other hits per hit): the other
states' positions are looked up in sets built once per item.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from steppewatch.extract.matcher import Hit
from steppewatch.extract.prefilter import Guarded

CLAUSE_SPAN = 140  # characters read after a mention for its predicate
_CLAUSE_STOP = re.compile(r"[.;!?\n|]")

# the predicate of staying away, after its subject (the state)
_ABSENT_AFTER = Guarded(
    re.compile(
        r"(?<![^\W\d_])(?:"
        r"(?:stays?|stayed|staying|kept|keeps)\s+away|"
        r"(?:did|does|do|has|have|had|would|will|could)\s*(?:not|n't)\s+(?:\w+\s+)?"
        r"(?:send|sent|take\s+part|taken\s+part|attend|attended|participate|participated|join|"
        r"joined|come|turn\s+up|show\s+up|be\s+represented)|"
        r"(?:did|does|do)\s*(?:not|n't)\s*(?=[.;,]|$)|"
        r"(?:was|were|is|are)\s+not\s+(?:part\s+of|present|represented|involved|among\s+the\s+"
        r"(?:participants|parties|sides))|"
        r"(?:was|were|is|are)\s+absent|"
        r"(?:declined|refused)\s+to\s+(?:attend|take\s+part|join|send|participate)|"
        r"boycott(?:ed|s|ing)?|"
        # (its denial of its own part: Bishkek denies its troops joined the drill)
        r"den(?:y|ies|ied|ying)(?![^\W\d_])[^.;!?\n]{0,60}?(?<![^\W\d_])(?:joined|took\s+part|"
        r"taken\s+part|participated|(?:was|were)\s+involved))"
        r"(?![^\W\d_])",
        re.IGNORECASE,
    ),
    "away",
    "not",
    "n't",
    "absent",
    "declined",
    "refused",
    "boycott",
    "den",
)
# a relative clause opening after the mention (Kazakhstan, which did not take part last year,
# joined this time): its predicate is not the state's own in this event
_RELATIVE = re.compile(r",\s*(?:which|who)\s", re.IGNORECASE)
# a turn after the predicate: the state took part after all (was invited but did not come at
# first; later joined)
_BUT_JOINED = re.compile(
    r"(?<![^\W\d_])(?:but|however|later|eventually)(?![^\W\d_])[^.;!?\n]{0,60}?"
    r"(?<![^\W\d_])(?:joined|took\s+part|participated|attended|arrived)(?![^\W\d_])",
    re.IGNORECASE,
)
# a denial or a "no" right before the mention, whose participation verb follows it: no Kyrgyz
# serviceman participated, denied reports that Kyrgyz troops took part
_NEGATION_BEFORE = re.compile(
    r"(?<![^\W\d_])(?:no|not\s+a\s+single|not\s+one|neither|nor|"
    r"den(?:y|ies|ied|ying)(?:\s+(?:reports?|claims?|allegations?|rumou?rs?|suggestions?))?"
    r"(?:\s+that)?(?:\s+any)?)\s+$",
    re.IGNORECASE,
)
_PART_AFTER = re.compile(
    r"\s+(?:[^\W\d_]+\s+){0,2}(?:participated|took\s+part|joined|attended|"
    r"(?:was|were)\s+(?:involved|present))(?![^\W\d_])",
    re.IGNORECASE,
)
# list joints between states sharing one predicate (Tajikistan and Turkmenistan did not come)
_LIST_JOINT = re.compile(r"\s*(?:,\s*)?(?:and|or|nor|as\s+well\s+as)?\s*(?:the\s+)?", re.IGNORECASE)


def _clause_end(text: str, position: int) -> int:
    stop = _CLAUSE_STOP.search(text, position, position + CLAUSE_SPAN)
    return stop.start() if stop else min(len(text), position + CLAUSE_SPAN)


def stays_away(text: str, hit: Hit, code: str, states: Sequence[tuple[int, int, str]]) -> bool:
    """The partner state ``code`` named by ``hit`` (an English mention: the state, its official
    or its institution) is said to stay away in its own clause. ``states``: (start, end, state)
    of every mention of a state, sorted; a predicate belongs to ``hit`` when only the names of
    states listed with it stand between (not another subject), and a denial of taking part
    when only the state's own names do (Kyrgyzstan's ministry denied that Kyrgyz troops
    joined)."""
    if not hit.term.isascii():
        return False
    end = _clause_end(text, hit.end)
    before = _NEGATION_BEFORE.search(text, max(0, hit.start - 48), hit.start)
    if before is not None and _PART_AFTER.match(text, hit.end, end):
        return True
    if not _ABSENT_AFTER.possible(text, hit.end, end):
        return False
    found = _ABSENT_AFTER.search(text, hit.end, end)
    if found is None:
        return False
    if _RELATIVE.match(text, hit.end) and "," not in text[hit.end + 1 : found.start()]:
        return False  # (inside a relative clause: which did not take part last year)
    if _BUT_JOINED.search(text, found.end(), end):
        return False
    # the other states between the mention and the predicate: listed with it, or subjects
    denial = found.group().lower().startswith("den")
    at = hit.end
    i = bisect.bisect_left(states, (hit.end, -1, ""))
    while i < len(states) and states[i][0] < found.start():
        start, stop, state = states[i]
        if start >= at:
            if denial:
                if state != code:
                    return False
            elif _LIST_JOINT.fullmatch(text, at, start) is None:
                return False
            at = stop
        i += 1
    return True


# a pair of states joined by a hyphen or "and" (Kazakh-Russian, Kazakh and Russian)
_PAIR_AFTER = re.compile(r"\s*[-–]\s*|\s+and\s+(?:the\s+)?", re.IGNORECASE)
_PAIR_BEFORE = re.compile(r"(?:\s*[-–]\s*|\s+and\s+(?:the\s+)?)$", re.IGNORECASE)
_PAIR_TAKING_PART = re.compile(
    r"(?<![^\W\d_])(?:took\s+part|take\s+part|taking\s+part|participat\w*|joined|attended|"
    r"observers?)(?![^\W\d_])",
    re.IGNORECASE,
)


def outside_pair(
    text: str,
    hit: Hit,
    code: str,
    named: Sequence[tuple[int, int, str]],
    starts: dict[int, str],
    ends: dict[int, str],
    outsiders: frozenset[str],
    focal_word: re.Pattern[str],
    names: Sequence[int],
) -> bool:
    """The partner state ``code`` named by ``hit`` (English) is paired in the mention's clause
    with a state of ``outsiders`` (a hyphen or "and" between: Kazakh-Russian talks, Kazakh and
    Russian commanders met, the Kazakh ministry said), the clause naming neither the focal
    state (``focal_word``) nor a framework or group (``names``: starts, sorted) nor taking
    part. ``named``: (start, end, state) of the state names, sorted; ``starts``/``ends``: the
    same by start and by end."""
    if not hit.term.isascii() or not outsiders:
        return False
    lo = max(
        (m.end() for m in _CLAUSE_STOP.finditer(text, max(0, hit.start - CLAUSE_SPAN), hit.start)),
        default=max(0, hit.start - CLAUSE_SPAN),
    )
    hi = _clause_end(text, hit.end)
    i = bisect.bisect_left(names, lo)
    if i < len(names) and names[i] < hi:
        return False
    if focal_word.search(text, lo, hi) or _PAIR_TAKING_PART.search(text, lo, hi):
        return False
    k = bisect.bisect_left(named, (lo, -1, ""))
    while k < len(named) and named[k][0] < hi:
        start, end, state = named[k]
        k += 1
        if state != code:
            continue
        other: str | None = None
        after = _PAIR_AFTER.match(text, end, end + 12)
        if after is not None:
            other = starts.get(after.end())
        if other is None:
            before = _PAIR_BEFORE.search(text, max(0, start - 12), start)
            if before is not None:
                other = ends.get(before.start())
        if other is not None and other in outsiders:
            return True
    return False


# a medium's language service or edition named by a state's adjective (By RFE/RL's Kyrgyz
# Service, BBC Uzbek Service, the Kazakh edition of): the page's source, no side of its events
_SERVICE_AFTER = re.compile(r"\s+(?:Service|Desk|[Ee]dition)(?![^\W\d_])")
_SERVICE_BEFORE = re.compile(
    r"(?:(?<![^\W\d_])By\s+|'s\s+|(?<![^\W\d_])(?:RFE/RL|BBC|VOA|Radio|Sputnik|Xinhua)\s+)"
    r"(?:the\s+)?$"
)
# a state's media (Tajik media reported, Kyrgyz and Tajik media have said, Kazakh state
# television): where a report comes from, not a side
_MEDIA_AFTER = re.compile(
    r"(?:(?:\s*,\s*|\s+and\s+|\s+or\s+)[A-Z][^\W\d_]+){0,3}\s+"
    r"(?:(?:state|local|independent|official|pro-government|opposition)\s+)?"
    r"(?:media|press(?!\s+(?:secretary|service|office|conference|attach))|outlets|"
    r"news\s+(?:agency|agencies|outlets?|sites?|portals?)|television|TV|journalists|"
    r"bloggers|newspapers?)(?![^\W\d_])"
)
# the border a place lies near (near the Kyrgyz border, close to the Tajik frontier)
_NEAR_BEFORE = re.compile(r"(?<![^\W\d_])(?:near|close\s+to|not\s+far\s+from)\s+the\s+$", re.I)
_BORDER_AFTER = re.compile(r"\s+(?:border|frontier)(?![^\W\d_])", re.IGNORECASE)
# a digest's heading: a state's name in capitals opening its line before a dash or colon
# (* KAZAKHSTAN - Kazakh and Russian commanders met): the section's label, not a side
_LABEL_BEFORE = re.compile(r"(?:^|\n)[^\S\n]*(?:[*•·>-][^\S\n]*)?$")
_LABEL_AFTER = re.compile(r"[^\S\n]*[-–—:][^\S\n]")


def source_label(text: str, hit: Hit) -> bool:
    """``hit`` (an English name of a state) is a medium's language service (By RFE/RL's Kyrgyz
    Service) or a digest's section label in capitals (* KAZAKHSTAN - ...): page furniture; or
    the border a place lies near (a region near the Kyrgyz border): where, not who; or a
    state's media (Tajik media reported): where a report comes from."""
    if not hit.term.isascii():
        return False
    if _NEAR_BEFORE.search(text, max(0, hit.start - 24), hit.start) and _BORDER_AFTER.match(
        text, hit.end
    ):
        return True
    if text[hit.start : hit.start + 1].isupper() and _MEDIA_AFTER.match(text, hit.end):
        return True
    if _SERVICE_AFTER.match(text, hit.end) and _SERVICE_BEFORE.search(
        text, max(0, hit.start - 24), hit.start
    ):
        return True
    name = text[hit.start : hit.end]
    return (
        name.isupper()
        and len(name) > 3
        and _LABEL_AFTER.match(text, hit.end) is not None
        and _LABEL_BEFORE.search(text, max(0, hit.start - 8), hit.start) is not None
    )


# an interview's question: a line opening on a dash or a question mark (- How do you assess...?,
# Q: And the border?) and asking (its question mark may stand before more words)
_QUESTION_LINE = re.compile(
    r"^[^\S\n]*(?:[-–—•][^\S\n]*|Q[^\S\n]*[:.][^\S\n]*|Question[^\S\n]*[:.][^\S\n]*)"
    r"[^\n]*\?",
    re.MULTILINE,
)
QUESTIONS = 3  # questions that make a page an interview
TURN_READ = 2000  # characters read before the item's first hit for its questions
# a turn saying that someone takes part in a joint act (Kazakh units joined the drill): the
# event's sides, whatever the turn names
_TURN_TAKING_PART = re.compile(
    r"(?<![^\W\d_])(?:took\s+part|take\s+part|taking\s+part|participat\w*|joined)"
    r"(?![^\W\d_])",
    re.IGNORECASE,
)


def question_starts(text: str, lo: int, hi: int) -> list[int]:
    """Where the interview questions of text[lo:hi] start (sorted), or [] when it holds fewer
    than ``QUESTIONS``: not an interview."""
    starts = [m.start() for m in _QUESTION_LINE.finditer(text, lo, hi)]
    return starts if len(starts) >= QUESTIONS else []


def other_turn(
    text: str,
    hit: Hit,
    questions: Sequence[int],
    end: int,
    focal_word: re.Pattern[str],
    focal: Sequence[int],
) -> bool:
    """``hit`` (an English name of a partner state) lies in an interview turn (a question and
    its answer, up to the next question or ``end``) that names neither the focal state (its
    name, ``focal_word``, or its officials and institutions: ``focal``, starts, sorted) nor
    anyone taking part: the interviewee's other business (the border with Tajikistan, what
    Kazakhstan's law says), not a side of the focal state's."""
    if not questions or not hit.term.isascii():
        return False
    i = bisect.bisect_right(questions, hit.start)
    if i == 0:
        return False  # (before the first question: the page's title and lead)
    lo = questions[i - 1]
    if i < len(questions):
        hi = questions[i]
    else:
        # the last turn: its question and the answer's first paragraph (not the page's links)
        line = text.find("\n", lo, end)
        stop = text.find("\n", line + 1, end) if line >= 0 else -1
        hi = stop if stop >= 0 else end
        if not lo <= hit.start < hi:
            return False
    j = bisect.bisect_left(focal, lo)
    if j < len(focal) and focal[j] < hi:
        return False
    return not focal_word.search(text, lo, hi) and not _TURN_TAKING_PART.search(text, lo, hi)


# a wish to work with states (China stands ready to work with Uzbekistan, Kazakhstan and other
# countries; looks forward to working with): partners of a future, not sides of the event;
# the states listed after the phrase, names joined by commas and "and" only
_READY_BEFORE = re.compile(
    r"(?<![^\W\d_])(?:(?:stands?|is|are|remains?)\s+ready|(?:is|are)\s+willing|"
    r"looks?\s+forward|hopes?|wish(?:es)?)\s+to\s+(?:work(?:ing)?|cooperat(?:e|ing)|"
    r"join(?:ing)?\s+hands|strengthen(?:ing)?\s+(?:cooperation|coordination))\s+with\s+"
    r"(?:the\s+)?(?:[A-Z][^\W\d_]+(?:\s*,\s*|\s+and\s+)(?:the\s+)?){0,6}$"
)
READY_SPAN = 160  # characters read before a name for the wish and its list


def wished_partner(text: str, hit: Hit) -> bool:
    """``hit`` (an English name of a state) is listed after a wish to work with it (stands
    ready to work with Uzbekistan, Kazakhstan...): a future partner, not a side."""
    if not hit.term.isascii():
        return False
    return _READY_BEFORE.search(text, max(0, hit.start - READY_SPAN), hit.start) is not None
