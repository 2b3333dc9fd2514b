"""The events behind each finding, with their sources: listed under the finding in the page and
written in full to ``data/finding_events.csv``.

The page lists at most :data:`MAX_LISTED` events per group of a finding (newest first); sources
are read from the database only for those, in a few bulk queries. The CSV has every counted
event; its source URLs come from one more pass over the sources table when the counted events
are many (cheaper than asking for them by id), else by id.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from steppewatch.analysis.findings import Finding

if TYPE_CHECKING:
    from steppewatch.store import Store

__all__ = [
    "CSV_NAME",
    "EVIDENCE_COLUMNS",
    "MAX_LISTED",
    "FindingEvents",
    "ListedEvent",
    "SourceLink",
    "counted_events",
    "finding_events",
    "safe_href",
]

#: Events listed in the page per group of a finding (a finding comparing two sides has two).
MAX_LISTED = 50
CSV_NAME = "finding_events.csv"
EVIDENCE_COLUMNS = (
    "finding_id", "group", "event_id", "date", "kind", "countries", "title", "source_urls",
)  # fmt: skip
#: Ids per ``IN (...)`` query (well under SQLite's and PostgreSQL's parameter limits).
_CHUNK = 500
_HTTP = re.compile(r"https?://[^\s\x00-\x1f\x7f<>\"'`]+\Z", re.IGNORECASE)


def safe_href(url: str | None) -> str | None:
    """``url`` if it is a plain http(s) URL that may go in a link, else None (``javascript:``,
    ``data:``, ``file:``, ``doi:``, anything with spaces or control characters)."""
    if not url or not _HTTP.match(url):
        return None
    return url


@dataclass(frozen=True)
class SourceLink:
    text: str
    href: str | None  # None: shown as text, never as a link
    url: str


@dataclass(frozen=True)
class ListedEvent:
    id: str
    date: str
    title: str
    sources: tuple[SourceLink, ...]


@dataclass(frozen=True)
class GroupView:
    label: str
    n: int
    events: tuple[ListedEvent, ...]

    @property
    def n_more(self) -> int:
        return self.n - len(self.events)


@dataclass(frozen=True)
class FindingEvents:
    """What the page shows under one finding."""

    claim_id: str
    n: int
    groups: tuple[GroupView, ...]
    note: str

    @property
    def n_more(self) -> int:
        return sum(g.n_more for g in self.groups)


def _positions(frame: pd.DataFrame, findings: Sequence[Finding]) -> list[list[np.ndarray]]:
    """For each finding and group, the frame positions of its events, newest first (the frame
    is in date order, as ``Store.events_frame`` returns it)."""
    index = pd.Index(frame["id"].to_numpy())
    out = []
    for finding in findings:
        groups = []
        for group in finding.counted:
            pos = index.get_indexer(list(group.ids)) if group.ids else np.zeros(0, dtype=np.int64)
            pos = pos[pos >= 0]
            groups.append(np.sort(pos)[::-1])
        out.append(groups)
    return out


def _sources_by_id(store: Store, ids: Iterable[str]) -> dict[str, list[tuple[str, str | None]]]:
    """(url, publisher) of each event's sources, in their order, for the given ids."""
    from sqlalchemy import select

    from steppewatch.store.tables import sources

    wanted = list(dict.fromkeys(ids))
    found: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
    with store.engine.connect() as conn:
        for start in range(0, len(wanted), _CHUNK):
            query = (
                select(sources.c.event_id, sources.c.url, sources.c.publisher)
                .where(sources.c.event_id.in_(wanted[start : start + _CHUNK]))
                .order_by(sources.c.event_id, sources.c.position)
            )
            for event_id, url, publisher in conn.execute(query):
                found[event_id].append((url, publisher))
    return found


def _all_source_urls(store: Store, wanted: set[str]) -> dict[str, str]:
    """Space-joined source URLs of the events in ``wanted``, from one pass over the table."""
    from sqlalchemy import select

    from steppewatch.store.frames import _fetch_chunks
    from steppewatch.store.tables import sources

    query = select(sources.c.event_id, sources.c.url).order_by(
        sources.c.event_id, sources.c.position
    )
    found: dict[str, list[str]] = defaultdict(list)
    with store.engine.connect() as conn:
        for chunk in _fetch_chunks(conn, query):
            for event_id, url in chunk:
                if event_id in wanted:
                    found[event_id].append(url)
    return {k: " ".join(v) for k, v in found.items()}


def _link(url: str, publisher: str | None) -> SourceLink:
    href = safe_href(url)
    text = (publisher or "").strip()
    if not text:
        text = re.sub(r"^https?://(www\.)?", "", url, flags=re.I).split("/")[0] if href else url
    return SourceLink(text=text, href=href, url=url)


def counted_events(
    frame: pd.DataFrame,
    findings: Sequence[Finding],
    store: Store | None = None,
    *,
    positions: list[list[np.ndarray]] | None = None,
) -> pd.DataFrame:
    """One row per (finding, group, counted event), newest first within each group (columns
    :data:`EVIDENCE_COLUMNS`). ``source_urls`` (space-separated) is filled from ``store``."""
    positions = positions if positions is not None else _positions(frame, findings)
    parts = []
    ids = frame["id"].to_numpy()
    dates = frame["date_start"].to_numpy()
    kinds = frame["kind"].to_numpy()
    titles = frame["title"].to_numpy()
    countries = frame["countries"].to_numpy()
    joined: dict[tuple[str, ...], str] = {}
    for finding, groups in zip(findings, positions, strict=True):
        for group, pos in zip(finding.counted, groups, strict=True):
            if not len(pos):
                continue
            parts.append(
                pd.DataFrame(
                    {
                        "finding_id": finding.claim_id,
                        "group": group.label,
                        "event_id": ids[pos],
                        "date": dates[pos],
                        "kind": kinds[pos],
                        "countries": [
                            joined[c] if c in joined else joined.setdefault(c, ";".join(c))
                            for c in countries[pos]
                        ],
                        "title": titles[pos],
                    }
                )
            )
    if not parts:
        return pd.DataFrame(columns=list(EVIDENCE_COLUMNS))
    out = pd.concat(parts, ignore_index=True)
    urls: dict[str, str] = {}
    if store is not None:
        wanted = set(out["event_id"])
        if len(wanted) > _CHUNK * 20:
            urls = _all_source_urls(store, wanted)
        else:
            urls = {k: " ".join(u for u, _ in v) for k, v in _sources_by_id(store, wanted).items()}
    out["source_urls"] = [urls.get(i, "") for i in out["event_id"]]
    return out


def finding_events(
    frame: pd.DataFrame,
    findings: Sequence[Finding],
    store: Store,
    *,
    limit: int = MAX_LISTED,
) -> tuple[list[FindingEvents], pd.DataFrame]:
    """What the page lists under each finding (at most ``limit`` events per group, newest
    first, each with its sources) and the full table for ``finding_events.csv``."""
    positions = _positions(frame, findings)
    table = counted_events(frame, findings, store, positions=positions)
    ids = frame["id"].to_numpy()
    shown = [[pos[:limit] for pos in groups] for groups in positions]
    listed_ids = {ids[p] for groups in shown for pos in groups for p in pos}
    sources = _sources_by_id(store, sorted(listed_ids))
    dates, titles = frame["date_start"].to_numpy(), frame["title"].to_numpy()
    views = []
    for finding, groups, all_groups in zip(findings, shown, positions, strict=True):
        views.append(
            FindingEvents(
                claim_id=finding.claim_id,
                n=len(finding.event_ids),
                groups=tuple(
                    GroupView(
                        label=group.label,
                        n=len(every),
                        events=tuple(
                            ListedEvent(
                                id=str(ids[p]),
                                date=str(dates[p]),
                                title=str(titles[p]),
                                sources=tuple(_link(u, pub) for u, pub in sources.get(ids[p], [])),
                            )
                            for p in pos
                        ),
                    )
                    for group, pos, every in zip(finding.counted, groups, all_groups, strict=True)
                ),
                note=finding.counted_note,
            )
        )
    return views, table
