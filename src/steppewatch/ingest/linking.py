"""Link coded items into events: the same meeting or activity reported by several documents, in
any language and from either side, becomes one event with several sources.

A relevant item is a *candidate* (kind, countries, date, actors, codes). It matches an existing
event (any review status, the curated bundled events included) when

- the kind is the same,
- their partner states (the study's region: the five Central Asian states by default) overlap
  (or, when neither names one, their other non-focal countries overlap),
- their dates fall in a window set by the coarser precision: within 3 days for two day dates
  (an event's ``date_end`` widens its span), the same month when either is month-precise, the
  same year only when both are year-precise,

and among several matches the one sharing most actors, then the nearest date, then the smallest
id wins. The index holds every event in memory (a few hundred bytes each), filed by kind and month,
and is updated as events are created, so several items of one run about the same event become one event.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from steppewatch.models import parse_partial_date

__all__ = ["Candidate", "EventIndex", "IndexedEvent", "event_id_for"]

DAY_WINDOW = 3


@dataclass(frozen=True)
class Candidate:
    """What a relevant coded item says about an event, enough to match and to create one."""

    kind: str
    countries: tuple[str, ...]
    date: str  # YYYY, YYYY-MM or YYYY-MM-DD
    actors: frozenset[str] = frozenset()  # normalised names

    @property
    def precision(self) -> str:
        return _precision(self.date)


@dataclass
class IndexedEvent:
    id: str
    kind: str
    countries: frozenset[str]
    date_start: str
    date_end: str | None
    review_status: str
    actors: frozenset[str] = field(default_factory=frozenset)
    precision: str = field(init=False)
    first_day: int = field(init=False)  # ordinal of the span's first and last day
    last_day: int = field(init=False)

    def __post_init__(self) -> None:
        self.precision = _precision(self.date_start)
        self.first_day = _day(self.date_start).toordinal()
        end = self.date_end if self.date_end and len(self.date_end) == 10 else None
        self.last_day = max(self.first_day, _day(end).toordinal()) if end else self.first_day

    def months(self) -> list[tuple[int, int]]:
        """(year, month) buckets the event is filed under; month 0 for year-precise events."""
        year = int(self.date_start[:4])
        if self.precision == "year":
            return [(year, 0)]
        start = year * 12 + int(self.date_start[5:7]) - 1
        end_text = self.date_end if self.date_end and len(self.date_end) >= 7 else self.date_start
        end = int(end_text[:4]) * 12 + int(end_text[5:7]) - 1
        return [(m // 12, m % 12 + 1) for m in range(start, max(start, min(end, start + 24)) + 1)]


def _precision(value: str) -> str:
    return {4: "year", 7: "month"}.get(len(value), "day")


def _day(value: str) -> dt.date:
    year, month, day = parse_partial_date(value)
    return dt.date(year, month or 1, day or 1)


def countries_overlap(
    a: Iterable[str], b: Iterable[str], focal: str, partners: frozenset[str]
) -> bool:
    a_set, b_set = set(a), set(b)
    a_ca, b_ca = a_set & partners, b_set & partners
    if a_ca or b_ca:
        return bool(a_ca & b_ca)
    return bool((a_set - {focal}) & (b_set - {focal}))


def date_distance(candidate: Candidate, event: IndexedEvent) -> int | None:
    """Days between the candidate and the event's span if within the window, else None."""
    c_prec, e_prec = candidate.precision, event.precision
    if c_prec == "year" or e_prec == "year":
        if c_prec == e_prec == "year" and candidate.date == event.date_start:
            return 0
        return None
    if c_prec == "month" or e_prec == "month":
        same_month = candidate.date[:7] == event.date_start[:7] or (
            event.date_end is not None
            and event.date_start[:7] <= candidate.date[:7] <= event.date_end[:7]
        )
        return 0 if same_month else None
    day = _day(candidate.date).toordinal()
    if event.first_day <= day <= event.last_day:
        return 0
    gap = min(abs(day - event.first_day), abs(day - event.last_day))
    return gap if gap <= DAY_WINDOW else None


class EventIndex:
    """All events by (kind, year) for matching, plus every id (to mint unique ids). ``focal``
    and ``partners`` come from the study (default: the bundled default study)."""

    def __init__(self, focal: str | None = None, partners: Iterable[str] | None = None) -> None:
        if focal is None or partners is None:
            from steppewatch.study import default_study

            study = default_study()
            focal = focal or study.focal_state
            partners = study.partner_states if partners is None else partners
        self.focal = focal
        self.partners = frozenset(partners)
        self._buckets: dict[tuple[str, int, int], list[IndexedEvent]] = defaultdict(list)
        self._by_id: dict[str, IndexedEvent] = {}

    def __len__(self) -> int:
        return len(self._by_id)

    def __contains__(self, event_id: str) -> bool:
        return event_id in self._by_id

    def get(self, event_id: str) -> IndexedEvent | None:
        return self._by_id.get(event_id)

    def add(self, event: IndexedEvent) -> None:
        old = self._by_id.get(event.id)
        if old is not None:
            self._remove(old)
        self._by_id[event.id] = event
        for year, month in event.months():
            self._buckets[(event.kind, year, month)].append(event)

    def _remove(self, event: IndexedEvent) -> None:
        for year, month in event.months():
            bucket = self._buckets[(event.kind, year, month)]
            bucket[:] = [e for e in bucket if e.id != event.id]

    def _candidate_buckets(self, candidate: Candidate) -> list[tuple[str, int, int]]:
        year = int(candidate.date[:4])
        if candidate.precision == "year":
            return [(candidate.kind, year, 0)]
        month = year * 12 + int(candidate.date[5:7]) - 1
        return [(candidate.kind, m // 12, m % 12 + 1) for m in (month - 1, month, month + 1)]

    def match(self, candidate: Candidate) -> IndexedEvent | None:
        seen: set[str] = set()
        best: tuple[int, int, str] | None = None
        chosen: IndexedEvent | None = None
        for key in self._candidate_buckets(candidate):
            for event in self._buckets.get(key, ()):
                if event.id in seen:
                    continue
                seen.add(event.id)
                if not countries_overlap(
                    candidate.countries, event.countries, self.focal, self.partners
                ):
                    continue
                distance = date_distance(candidate, event)
                if distance is None:
                    continue
                shared = len(candidate.actors & event.actors)
                rank = (-shared, distance, event.id)
                if best is None or rank < best:
                    best, chosen = rank, event
        return chosen

    def new_id(self, candidate: Candidate) -> str:
        """Deterministic, unique: ``<date>-<kind>-<focal>-<cc>...-<n>`` with the smallest free n."""
        codes = [self.focal] + sorted(c for c in candidate.countries if c != self.focal)
        stem = f"{candidate.date}-{candidate.kind}-{'-'.join(c.lower() for c in codes)}"
        n = 1
        while f"{stem}-{n}" in self._by_id:
            n += 1
        return f"{stem}-{n}"


def event_id_for(index: EventIndex, candidate: Candidate) -> str:
    return index.new_id(candidate)
