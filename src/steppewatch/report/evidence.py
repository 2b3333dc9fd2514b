"""The events behind each finding, with their sources: listed under the finding in the page and
written in full to ``data/finding_events.csv``.

Built to stay cheap on a million events: the page lists at most :data:`MAX_LISTED` events per
group of a finding (newest first) and sources are read from the database only for those, in a
few bulk queries; the CSV rows are taken from the frame's columns with Arrow a batch at a
time and written by Arrow's CSV writer as they come (no table of every row is held: on a
million events it would be about 130 MB). The CSV gives the source URLs of every counted event when there
are at most :data:`ALL_URLS_UP_TO` of them (read by id); beyond that, reading every source costs
more than the rest of the report's findings together (about 9 s CPU on a million events), so it
gives them for the listed events only and the page says so.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pa_csv

from steppewatch.analysis.findings import Finding
from steppewatch.models import local_document

if TYPE_CHECKING:
    from steppewatch.store import Store
    from steppewatch.store.parquet_store import ParquetStore

__all__ = [
    "ALL_URLS_UP_TO",
    "CSV_NAME",
    "Evidence",
    "EVIDENCE_COLUMNS",
    "MAX_LISTED",
    "FindingEvents",
    "ListedEvent",
    "SourceLink",
    "finding_events",
    "safe_href",
    "write_evidence_csv",
]

#: Events listed in the page per group of a finding (a finding comparing two sides has two).
MAX_LISTED = 50
#: Up to this many distinct counted events, the CSV has the source URLs of all of them.
ALL_URLS_UP_TO = 20_000
CSV_NAME = "finding_events.csv"
EVIDENCE_COLUMNS = (
    "finding_id", "group", "event_id", "date", "kind", "countries", "title", "source_urls",
)  # fmt: skip
#: Ids per ``IN (...)`` query (well under SQLite's and PostgreSQL's parameter limits).
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
    is in date order, as ``Store.events_frame`` returns it). Uses each group's ``rows`` when they
    give back its ids in this frame, else looks the ids up."""
    ids = frame["id"].to_numpy()
    by_id: pd.Index | None = None
    out = []
    for finding in findings:
        groups = []
        for group in finding.counted:
            pos: np.ndarray | None = None
            if not group.ids:
                pos = np.zeros(0, dtype=np.int64)
            elif group.rows is not None and len(group.rows) == len(group.ids):
                pos = frame.index.get_indexer(group.rows)
                wanted = np.asarray(group.ids, dtype=object)
                if (pos < 0).any() or not np.array_equal(ids[pos], wanted):
                    pos = None
            if pos is None:
                by_id = by_id if by_id is not None else pd.Index(ids)
                pos = by_id.get_indexer(list(group.ids))
                pos = pos[pos >= 0]
            groups.append(np.sort(pos)[::-1])
        out.append(groups)
    return out


def _sources_by_id(
    store: Store | ParquetStore, ids: Iterable[str]
) -> dict[str, list[tuple[str, str | None]]]:
    """(url, publisher) of each event's sources, in their order, for the given ids."""
    from steppewatch.store.source_reader import iter_sources

    found: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
    for chunk in iter_sources(store, list(ids), ("url", "publisher")):
        for event_id, url, publisher in chunk:
            found[event_id].append((_cited_url(url), publisher))
    return found


def _cited_url(url: str) -> str:
    """The URL as the report may cite it: a local path (``file:``, from older ingests) is
    never shown; it becomes ``local-document``. ``urn:sha256:`` names the archived copy."""
    return "local-document" if url.strip().lower().startswith("file:") else url


def _link(url: str, publisher: str | None) -> SourceLink:
    href = safe_href(url)
    text = (publisher or "").strip()
    local = local_document(url if url != "local-document" else "file:")
    if local:  # no web address: shown as a local document, never as a link or a path
        return SourceLink(text=f"{text}, {local}" if text else local, href=None, url=url)
    if not text:
        text = re.sub(r"^https?://(www\.)?", "", url, flags=re.I).split("/")[0] if href else url
    return SourceLink(text=text, href=href, url=url)


def _string_column(values: np.ndarray) -> pa.Array:
    return pa.array(values, type=pa.string(), from_pandas=True)


def _coded_column(values: np.ndarray) -> pa.Array:
    """A text column of few distinct values (kinds, dates) dictionary-encoded: each distinct
    value converted once, not once per row (Arrow's CSV writer writes the same text)."""
    codes, uniques = pd.factorize(values)  # a missing value: code -1, a null here too
    return pa.DictionaryArray.from_arrays(
        pa.array(codes.astype(np.int32), mask=codes < 0),
        _string_column(np.asarray(uniques, dtype=object)),
    )


def _url_index(url_at: np.ndarray, part: np.ndarray) -> pa.Array:
    """Each position's index into a URLs' text ``["", *URLs of url_at]``: 0 for a position not
    in ``url_at`` (sorted frame positions)."""
    if not len(url_at):
        return pa.array(np.zeros(len(part), dtype=np.int32))
    at = np.minimum(np.searchsorted(url_at, part), len(url_at) - 1)
    return pa.array(np.where(url_at[at] == part, at + 1, 0).astype(np.int32))


def _distinct(positions: Sequence[np.ndarray], size: int) -> np.ndarray:
    """The distinct positions in ``positions``, ascending (a mask: no sort or hash)."""
    mask = np.zeros(size, dtype=bool)
    for pos in positions:
        mask[pos] = True
    return np.flatnonzero(mask)


#: Rows per batch when finding_events.csv is written batch by batch (:meth:`Evidence.write_csv`).
CSV_BATCH_ROWS = 65_536


@dataclass(frozen=True)
class _Rows:
    """What the CSV rows are taken from: the frame's columns read (by position), each group's
    positions, and the source URLs by frame position (``urls``)."""

    ids: np.ndarray
    dates: np.ndarray
    kinds: np.ndarray
    countries: np.ndarray
    titles: np.ndarray
    groups: list[tuple[str, str, np.ndarray]]
    urls: dict[int, str]
    #: The country lists by code, when the frame has them (the analysis frame's
    #: ``countries_key``): each row's code and the codes' text, then "" (code -1 means it too).
    country_codes: tuple[np.ndarray, pa.Array] | None = None

    @classmethod
    def of(
        cls,
        frame: pd.DataFrame,
        findings: Sequence[Finding],
        positions: list[list[np.ndarray]],
        urls: dict[int, str],
    ) -> _Rows:
        groups = [
            (finding.claim_id, group.label, pos)
            for finding, found in zip(findings, positions, strict=True)
            for group, pos in zip(finding.counted, found, strict=True)
            if len(pos)
        ]
        keyed = None
        if "countries_key" in frame.columns:
            # the analysis frame's country lists as text ("CN;KZ"): each row's code
            key = frame["countries_key"]
            keyed = (
                key.cat.codes.to_numpy(),
                pa.array([*map(str, key.cat.categories), ""], pa.string()),
            )
        return cls(
            frame["id"].to_numpy(),
            frame["date_start"].to_numpy(),
            frame["kind"].to_numpy(),
            frame["countries"].to_numpy(),
            frame["title"].to_numpy(),
            groups,
            urls,
            keyed,
        )

    def batches(self, size: int) -> Iterable[pa.RecordBatch]:
        """The CSV rows, group after group, at most ``size`` rows a batch (plain text columns;
        Arrow's CSV writer writes the same text as for :meth:`table`'s dictionary columns)."""
        # the source URLs by frame position (sorted), looked up per batch without a dict
        # lookup per row: each row's index into the URLs' text, 0 ("") when it has none
        url_at = np.array(sorted(self.urls), dtype=np.int64)
        url_text = pa.array(["", *(self.urls[int(p)] for p in url_at)], pa.string())
        for claim_id, label, pos in self.groups:
            finding = pa.scalar(claim_id, pa.string())
            group = pa.scalar(label, pa.string())
            for start in range(0, len(pos), size):
                part = pos[start : start + size]
                columns = {
                    "finding_id": pa.repeat(finding, len(part)),
                    "group": pa.repeat(group, len(part)),
                    "event_id": _string_column(self.ids[part]),
                    "date": _coded_column(self.dates[part]),
                    "kind": _coded_column(self.kinds[part]),
                    "countries": self._countries(part),
                    "title": _string_column(self.titles[part]),
                    "source_urls": url_text.take(_url_index(url_at, part)),
                }
                yield pa.RecordBatch.from_pydict({c: columns[c] for c in EVIDENCE_COLUMNS})

    def _countries(self, part: np.ndarray) -> pa.Array:
        """The rows' country lists as text ("CN;KZ"; "" for none), by their codes when the
        frame had them (no list hashed per row), else each distinct list joined once."""
        if self.country_codes is not None:
            codes, text = self.country_codes
            found = codes[part]
            index = np.where(found < 0, len(text) - 1, found).astype(np.int32)
            taken: pa.Array = text.take(pa.array(index))
            return taken
        codes, uniques = pd.factorize(self.countries[part])
        joined = np.array([";".join(u) for u in uniques] + [""], dtype=object)
        return _string_column(joined[codes])

    def table(self) -> pa.Table:
        """The CSV rows (columns :data:`EVIDENCE_COLUMNS`) in one table, taken with Arrow: text
        is converted once per counted event, then every column is taken in one call; finding
        ids, group labels, country lists and source URLs stay dictionary-encoded."""
        groups = self.groups
        if not groups:
            return pa.table({c: pa.array([], pa.string()) for c in EVIDENCE_COLUMNS})
        size = len(self.ids)
        used = _distinct([pos for _, _, pos in groups], size)
        codes, uniques = pd.factorize(self.countries[used])
        base = {
            "event_id": _string_column(self.ids[used]),
            "date": _coded_column(self.dates[used]),
            "kind": _coded_column(self.kinds[used]),
            "countries": pa.DictionaryArray.from_arrays(
                pa.array(codes.astype(np.int32)), pa.array([";".join(u) for u in uniques])
            ),
            "title": _string_column(self.titles[used]),
        }
        where = np.full(size, -1, dtype=np.int64)
        where[used] = np.arange(len(used))
        distinct_urls: dict[str, int] = {"": 0}
        url_index = np.zeros(len(used), dtype=np.int32)
        for pos, text in self.urls.items():
            if where[pos] >= 0:
                url_index[where[pos]] = distinct_urls.setdefault(text, len(distinct_urls))
        base["source_urls"] = pa.DictionaryArray.from_arrays(
            pa.array(url_index), pa.array(list(distinct_urls), type=pa.string())
        )
        take = pa.array(np.concatenate([where[pos] for _, _, pos in groups]))
        sizes = [len(pos) for _, _, pos in groups]

        def repeated(values: list[str]) -> pa.DictionaryArray:
            """One value per group, repeated for its rows (dictionary of distinct values)."""
            distinct = list(dict.fromkeys(values))
            codes = np.array([distinct.index(v) for v in values], dtype=np.int32)
            return pa.DictionaryArray.from_arrays(
                pa.array(np.repeat(codes, sizes)), pa.array(distinct)
            )

        columns = {
            "finding_id": repeated([c for c, _, _ in groups]),
            "group": repeated([g for _, g, _ in groups]),
            **{name: column.take(take) for name, column in base.items()},
        }
        return pa.table({c: columns[c] for c in EVIDENCE_COLUMNS})


@dataclass(frozen=True)
class Evidence:
    """The events behind the findings: what the page lists (``views``, by finding), the CSV
    rows (:attr:`table`, or written batch by batch by :meth:`write_csv`), and whether their
    ``source_urls`` cover every counted event or the listed ones only."""

    views: list[FindingEvents]
    rows: _Rows
    n_events: int
    urls_for_all: bool
    all_urls_up_to: int

    @property
    def by_claim(self) -> dict[str, FindingEvents]:
        return {v.claim_id: v for v in self.views}

    @property
    def table(self) -> pa.Table:
        """Every CSV row in one Arrow table (made when asked; the report writes the CSV batch
        by batch instead: on a million events the table is about 130 MB)."""
        return self.rows.table()

    @property
    def n_rows(self) -> int:
        return sum(len(pos) for _, _, pos in self.rows.groups)

    def write_csv(self, path: Path, batch_rows: int = CSV_BATCH_ROWS) -> None:
        """finding_events.csv: the same bytes as :func:`write_evidence_csv` of :attr:`table`,
        written ``batch_rows`` rows at a time (no table of every row in memory)."""
        schema = pa.schema([(c, pa.string()) for c in EVIDENCE_COLUMNS])
        with pa_csv.CSVWriter(str(path), schema) as writer:
            for batch in self.rows.batches(batch_rows):
                writer.write_batch(batch)


def finding_events(
    frame: pd.DataFrame,
    findings: Sequence[Finding],
    store: Store | ParquetStore,
    *,
    limit: int | None = None,
    all_urls_up_to: int | None = None,
) -> Evidence:
    """What the page lists under each finding (at most ``limit`` events per group, newest
    first, each with its sources) and the table for ``finding_events.csv`` (every counted
    event; source URLs for all of them if there are at most ``all_urls_up_to``, else for the
    listed ones). Defaults: :data:`MAX_LISTED`, :data:`ALL_URLS_UP_TO`."""
    limit = MAX_LISTED if limit is None else limit
    all_urls_up_to = ALL_URLS_UP_TO if all_urls_up_to is None else all_urls_up_to
    positions = _positions(frame, findings)
    ids = frame["id"].to_numpy()
    shown = [[pos[:limit] for pos in groups] for groups in positions]
    counted = [_distinct(groups, len(frame)) for groups in positions]
    n_events = len(_distinct(counted, len(frame)))
    urls_for_all = n_events <= all_urls_up_to
    if urls_for_all:
        wanted = _distinct(counted, len(frame))
    else:
        wanted = _distinct([pos for groups in shown for pos in groups], len(frame))
    sources = _sources_by_id(store, ids[wanted])
    urls = {int(p): " ".join(u for u, _ in sources[ids[p]]) for p in wanted if ids[p] in sources}
    rows = _Rows.of(frame, findings, positions, urls)
    dates, titles = frame["date_start"].to_numpy(), frame["title"].to_numpy()
    views = []
    for finding, groups, all_groups, every in zip(findings, shown, positions, counted, strict=True):
        views.append(
            FindingEvents(
                claim_id=finding.claim_id,
                n=len(every),
                groups=tuple(
                    GroupView(
                        label=group.label,
                        n=len(whole),
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
                    for group, pos, whole in zip(finding.counted, groups, all_groups, strict=True)
                ),
                note=finding.counted_note,
            )
        )
    return Evidence(views, rows, n_events, urls_for_all, all_urls_up_to)


def write_evidence_csv(table: pa.Table, path: Path) -> None:
    """Write the table as UTF-8 CSV with a header (Arrow's writer: fast on a million rows)."""
    pa_csv.write_csv(table, str(path), pa_csv.WriteOptions(include_header=True))
