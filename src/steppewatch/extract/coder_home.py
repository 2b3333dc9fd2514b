"""Offices of the dateline's state: a partner named by its ministry only.

A news agency of the region writes its own state's offices without the state's name: under a
dateline of a partner's capital (БИШКЕК, 5 марта — Sputnik; DUSHANBE, May 3 -), "the interior
minister received the PRC ambassador", "Пограничной службе ГКНБ переданы внедорожники,
предоставленные Китаем". A reader takes the minister and the border service for the dateline's
state's, and so does the annotator (gold: that state takes part). The dateline itself is no side
(``coder_entities.named_only``): the state is named only where the report was filed.

``home_offices`` gives such an office the dateline's partner as its state: a ("home_office",
code) hit on the office's span, read like an institution of that state (``coder_rules.collect``:
the state takes part, outside background; never an anchor). Only when one partner state is a dateline of
the item and the item names no other partner state, and only for an office with no state named
next to it (Министр внутренних дел Кыргызстана, Chinese police, 中国国防部: the state named is
the office's), in a sentence that names the focal state (the office acting with it, not its own
business: its minister's trip to Turkey), and not an ambassador's or a spokesman's title
(``other``: whose envoy is not told by the dateline).
"""

from __future__ import annotations

import bisect
import re

from steppewatch.extract.coder_resources import Resources, state_of
from steppewatch.extract.matcher import Hit

__all__ = ["HOME_OFFICE", "dateline_partner", "home_offices"]

HOME_OFFICE = "home_office"  # the payload kind of an office given the dateline's state

DATELINE_SPAN = 400  # characters from an item's start searched for its dateline
OFFICE_SPAN = 30  # characters either side of an office searched for a state's name
_DATELINE_BEFORE = re.compile(r"(?:^|\n)[ \t]*$|(?:新华社|中新社)$")
_DATELINE_AFTER = re.compile(
    r"[ \t]*[,，][ \t]*(?:\d|[^\W\d_]{3,}\.?[ \t]+\d)|[ \t]+(?:--|[-–—])[ \t]|"
    r"[ \t]*\((?:xinhua|ap|afp)\)|(?:\d{4}年)?\d{1,2}月\d{1,2}日电|\.[ \t]+(?=[^\W\d_])",
    re.IGNORECASE,
)
# a security domain's word that names an office (Министерство обороны, МВД, the Interior
# Ministry, 国防部), not the field (военных, армия, border)
_OFFICE = re.compile(
    r"министерств|минобороны|^мвд|^мчс|ministry|^mvd$|^mod$|部$|служб|комитет|агентств|agency|"
    r"service$",
    re.IGNORECASE,
)
_NAMES = ("state", "listed", "example", "official", "institution", "whereabouts")


# what may stand between an office and its state's name: after it, a genitive or "of" with a
# state's form (Министр внутренних дел Кыргызстана, Министерство обороны Республики Узбекистан,
# the Ministry of Defence of the People's Republic of China); before it, an adjective with one
# rank word at most (Chinese Deputy Defence Minister, китайское министерство, 中国国防部); no
# joining word (Министерство обороны и НОАК Китая: two sides) and no verb (the interior
# minister received the Chinese ambassador: the ambassador's state)
_GAP_AFTER = re.compile(
    r"\s*(?:(?:of|the|Республики|Republic|People['’]s|Народной|Кыргызской|Киргизской)\s+){0,4}",
    re.IGNORECASE,
)
_GAP_BEFORE = re.compile(r"(?:['’]s)?\s*(?:[^\W\d_]+\s+)?")
_JOINING = re.compile(
    r"(?<![^\W\d_])(?:и|а|с|со|and|with|but|or|или)(?![^\W\d_])|[和与同及、]", re.IGNORECASE
)


def _owner(text: str, office: Hit, start: int, end: int) -> bool:
    """The name at ``start``-``end`` is the state of ``office`` (next to it, nothing joining)."""
    if end <= office.start:
        gap = _GAP_BEFORE.fullmatch(text, end, office.start)
        lo, hi = end, office.start
    elif start >= office.end:
        gap = _GAP_AFTER.fullmatch(text, office.end, start)
        lo, hi = office.end, start
    else:
        return True  # inside the office's words (Министр обороны РК)
    return gap is not None and _JOINING.search(text, lo, hi) is None


_SENTENCE_BREAK = re.compile(r"[。！？\n]|[.!?](?=\s|$)")
FOCAL_SPAN = 250  # characters either side of an office searched for the focal state's name


def _with_focal(text: str, office: Hit, focal: list[int]) -> bool:
    """The focal state is named in the sentence of ``office`` (``focal``: its names' starts)."""
    i = bisect.bisect_left(focal, office.start - FOCAL_SPAN)
    for at in focal[i : bisect.bisect_left(focal, office.end + FOCAL_SPAN)]:
        lo, hi = (at, office.start) if at < office.start else (office.end, at)
        if _SENTENCE_BREAK.search(text, lo, hi) is None:
            return True
    return False


def dateline_partner(hits: list[Hit], text: str, res: Resources, start: int) -> Hit | None:
    """The hit of the partner state whose capital (or name) is the item's dateline, near its
    start (at a line's start, followed by a date, a dash or a full stop: БИШКЕК, 5 марта;
    АСТАНА. ; 新华社阿斯塔纳5月9日电), when it is the only partner state the item names; else
    None."""
    partners = res.study.partner_set
    home: Hit | None = None
    for hit in hits:
        if not start <= hit.start < start + DATELINE_SPAN:
            continue
        if (
            hit.payload[0] == "state"
            and hit.payload[1] in partners
            and _DATELINE_BEFORE.search(text, max(0, hit.start - 6), hit.start)
            and _DATELINE_AFTER.match(text, hit.end, hit.end + 24)
            and (hit.term.isupper() or not hit.term.isalpha() or hit.term[:1].isupper())
        ):
            home = hit
            break
    if home is None:
        return None
    for hit in hits:
        code = state_of(hit, res, places=True)
        if hit.payload[0] in _NAMES and code in partners and code != home.payload[1]:
            return None  # another partner named: the office may be its
    return home


def home_offices(hits: list[Hit], text: str, res: Resources, start: int) -> list[Hit]:
    """``hits`` (sorted by start) with a ("home_office", code) hit added on each office named with no
    state when the item's dateline names the partner ``code`` (see the module docstring)."""
    offices = [
        h
        for h in hits
        if (h.payload[0] == "meeting_level" and h.payload[1] != "other")
        or (h.payload[0] == "domain" and _OFFICE.search(h.term) is not None)
        or (
            h.payload[0] == "institution"
            and res.gazetteer.institutions[h.payload[1]].country is None
            and res.gazetteer.institutions[h.payload[1]].framework is None
        )
    ]
    if not offices:
        return hits
    dateline = dateline_partner(hits, text, res, start)
    if dateline is None:
        return hits
    home = dateline.payload[1]
    named = sorted(
        (h.start, h.end)
        for h in hits
        if h is not dateline
        and (h.payload[0] == "group" or state_of(h, res, places=True) is not None)
    )
    focal = sorted(h.start for h in hits if state_of(h, res, places=True) == res.study.focal)
    added: list[Hit] = []
    for office in offices:
        if not _with_focal(text, office, focal):
            continue  # the office's own business (its minister's trip to Turkey)
        i = bisect.bisect_left(named, (office.start - OFFICE_SPAN, 0))
        if any(
            _owner(text, office, start, end)
            for start, end in named[i : bisect.bisect_left(named, (office.end + OFFICE_SPAN, 0))]
        ):
            continue  # a state named with it: the office is that state's
        if added and added[-1].start == office.start:
            continue
        added.append(Hit(office.start, office.end, (HOME_OFFICE, home), office.term))
    if not added:
        return hits
    return sorted(hits + added, key=lambda h: h.start)
