"""Persons robbed or stabbed (issue 13, twenty-second round, branch coder81): the incident
indicators name attacks, clashes, the injured and the killed, not a robbery or a stabbing told
of its victims (一名中国公民遭不明身份人员抢劫并被刺伤; 3名中国公民遭持刀抢劫; two Chinese workers
were robbed and stabbed; граждан Китая ограбили). Such a page, a consulate's safety notice or a
spokesperson's answer, reports an incident (codebook: one bearing on the focal state's
citizens), and without the word the embassy's emergency mechanism or the counsellor's meeting
that followed took the lead. ``assault_mentions`` adds an ``("event_kind", "incident")`` hit
on the crime's word told of its victims: after a passive (遭, 遭到, 被; was, were robbed) and
the Russian verb's forms (ограбили, ограблен). Not the wounds alone (3名游客受轻伤 in a bus
accident is none) nor the crime only named (打击抢劫犯罪, the fight against robbery, ограбления
как вид преступлений). What the coder's rules do with any event mention (a recalled case, a
question asking to confirm it, a third state's citizens) they do with it."""

from __future__ import annotations

import re

from steppewatch.extract.matcher import Hit
from steppewatch.extract.prefilter import Guarded

INCIDENT = ("event_kind", "incident")
VICTIM_SPAN = 12  # characters between the Chinese passive (遭, 被) and the crime's word
_ASSAULTED = Guarded(
    re.compile(
        rf"(?:遭到?|被)[^，,。；;！？!?\n]{{0,{VICTIM_SPAN}}}?(抢劫|刺伤|砍伤|捅伤)|"
        r"(?<![^\W\d_])(?:was|were|been|being|got)\s+(?:[^\W\d_]+\s+)?(robbed|stabbed)(?![^\W\d_])|"
        r"(?<![^\W\d_])(ограбил\w*|ограблен(?!и)\w*)",
        re.IGNORECASE,
    ),
    "抢劫",
    "刺伤",
    "砍伤",
    "捅伤",
    "robbed",
    "stabbed",
    "ограбил",
    "ограблен",
)


def assault_mentions(hits: list[Hit], normal: str, start: int, end: int) -> list[Hit]:
    """``hits`` and the robberies or stabbings told of their victims (``_ASSAULTED``) as incident
    hits, sorted by start; one an incident indicator already covers adds none. ``normal``: the
    lower-cased text."""
    if not _ASSAULTED.possible(normal, start, end):
        return hits
    have = [(h.start, h.end) for h in hits if h.payload == INCIDENT]
    found = []
    for m in _ASSAULTED.pattern.finditer(normal, start, end):
        group = next(g for g in range(1, 4) if m.start(g) >= 0)
        lo, hi = m.span(group)
        if not any(a < hi and lo < b for a, b in have):
            found.append(Hit(lo, hi, INCIDENT, normal[lo:hi]))
    if not found:
        return hits
    return sorted(hits + found, key=lambda h: h.start)
