"""``coder_phrases.drill_mentions`` keeps a joint drill only where no exercise hit overlaps it.

The overlap test became one sweep over the exercise hits (the bench's 2 MB hostile texts, made
of thousands of exercise mentions, took three times as long with a scan of every hit per drill);
these tests hold it to the plain definition on pages where hits overlap, touch and miss drills.
"""

from __future__ import annotations

from steppewatch.extract.coder_phrases import _DRILL as DRILL_PATTERN
from steppewatch.extract.coder_phrases import _NOT_PURPOSE, CONTEST, DRILL, drill_mentions
from steppewatch.extract.matcher import Hit

OTHER = ("topic", "terrorism")


def _plain(hits: list[Hit], normal: str) -> list[Hit]:
    """The definition: every drill match no exercise hit overlaps, merged by start."""
    taken = [(h.start, h.end) for h in hits if h.payload in (DRILL, CONTEST)]
    found = [
        Hit(m.start(), m.end(), DRILL, m.group())
        for m in DRILL_PATTERN.pattern.finditer(normal)
        if not (m.group("between") is not None and _NOT_PURPOSE.search(m.group("between")))
        and not any(a < m.end() and m.start() < b for a, b in taken)
    ]
    return sorted(hits + found, key=lambda h: h.start) if found else hits


def _hits_at(normal: str, words: list[tuple[str, tuple[str, str]]]) -> list[Hit]:
    hits = []
    for word, payload in words:
        at = normal.find(word)
        hits.append(Hit(at, at + len(word), payload, word))
    return sorted(hits, key=lambda h: h.start)


def test_drills_overlapped_by_an_exercise_hit_are_dropped_and_others_kept() -> None:
    normal = (
        "в рамках шос прошли совместные противопаводковые учения. затем совместные "
        "антитеррористические учения. 两国举行联合应急救援演练。 the sides held a joint flood "
        "rescue drill, and a joint mountain drill. 中塔联合反恐演习圆满结束。"
    )
    hits = _hits_at(
        normal,
        [
            ("противопаводковые учения", DRILL),  # overlaps the first drill: dropped
            ("шос", OTHER),  # no exercise: no effect
            ("mountain drill", CONTEST),  # overlaps the last English drill: dropped
            ("反恐演习", ("event_kind", "multilateral_exercise")),
        ],
    )
    got = drill_mentions(hits, normal, 0, len(normal))
    assert got == _plain(hits, normal)
    kept = [h.term for h in got if h.payload == DRILL and h not in hits]
    assert "совместные антитеррористические учения" in kept
    assert any("flood" in text for text in kept) and "联合应急救援演练" in kept
    assert not any("противопаводковые" in text or "mountain" in text for text in kept)


def test_many_mentions_match_the_plain_definition() -> None:
    sentence = "совместные антитеррористические учения и 联合反恐演练，joint rescue drill. "
    normal = sentence * 40
    hits = []
    for index in range(0, 40, 3):  # an exercise hit on every third sentence's first drill
        at = index * len(sentence)
        hits.append(Hit(at + 11, at + 20, DRILL, normal[at + 11 : at + 20]))
    assert drill_mentions(hits, normal, 0, len(normal)) == _plain(hits, normal)
