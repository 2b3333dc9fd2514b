"""Two events joined in one title by 暨 (issue 13, twenty-second round, branch coder81): a
Chinese title or lead sentence that names two ceremonies or events of one occasion with 暨
("and also": 禁毒装备交接仪式暨执法培训班结业仪式, 军事物资交接仪式暨留学军人欢送会, 训练中心落成暨装备
移交仪式) reports both, and the one named first is the page's main event (gold guide point D:
the event reported first leads), however many more words the later paragraphs give the second
one (a course's curriculum names training many times over, a handover's list names its items
once). ``joint_title_first`` returns the kind named first when the kind the weights chose is
named only after 暨; ``rule_kinds`` then keeps the chosen kind as a second event by the usual
rules."""

from __future__ import annotations

from collections.abc import Callable

from steppewatch.extract.matcher import Hit

JOINT = "暨"


def joint_title_first(
    text: str,
    start: int,
    lead_end: int,
    kinds: dict[str, list[Hit]],
    main: str | None,
    sentence: Callable[[int], tuple[int, int]],
) -> str | None:
    """The kind named before 暨 in the lead's sentence that joins two events, when ``main`` is
    named there only after it (else None). ``sentence(position)`` gives the sentence's span."""
    if main is None:
        return None
    at = text.find(JOINT, start, lead_end)
    if at < 0:
        return None
    lo, hi = sentence(at)
    first: tuple[int, str] | None = None
    main_after = False
    for code, hs in kinds.items():
        for h in hs:
            if lo <= h.start < at:
                if code == main:
                    return None  # (the chosen kind is named first: it leads already)
                if first is None or h.start < first[0]:
                    first = (h.start, code)
            elif code == main and at < h.start < hi:
                main_after = True
    return first[1] if first is not None and main_after else None
