"""The report's "Data and its limits" section: coverage against the reference study, events per
year with thin years marked, single-source events, sources by language, type and side, and the
sensitivity of the findings' verdicts to two classification choices.

The numbers come from :mod:`steppewatch.analysis.coverage` and
:mod:`steppewatch.analysis.sensitivity`; this module reads the events' sources from the store,
classifies each by the study's publisher table, and gathers everything the page and the CSV
files show (each table shown is written as ``data/<name>.csv``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import pandas as pd

from steppewatch.analysis.coverage import (
    SOURCE_CATEGORIES,
    ReferenceCoverage,
    events_per_year,
    reference_coverage,
    single_source_share,
    sources_by,
)

if TYPE_CHECKING:
    from steppewatch.models import Study
    from steppewatch.store import Store
    from steppewatch.store.parquet_store import ParquetStore
    from steppewatch.study_schema import ReferenceStudy

__all__ = [
    "DataLimits",
    "category_of",
    "classify_sources",
    "count_sources",
    "data_limits",
    "limits_view",
    "members_at_from",
    "read_sources",
]


#: Publisher-table kinds -> the report's four source categories.
_CATEGORY = {
    "government": "official",
    "multilateral": "official",
    "state_media": "state media",
    "media": "independent",
}


@dataclass(frozen=True)
class DataLimits:
    coverage: ReferenceCoverage
    per_year: pd.DataFrame
    single_source: int
    n_events: int
    by_language: pd.DataFrame
    by_type: pd.DataFrame
    by_side: pd.DataFrame
    n_sources: int

    @property
    def thin_years(self) -> list[int]:
        return [int(y) for y in self.per_year.loc[self.per_year["thin"], "year"]]

    @property
    def single_share(self) -> float:
        return self.single_source / self.n_events if self.n_events else 0.0

    def summary(self) -> pd.DataFrame:
        """One row: the section's headline numbers (written as ``data_limits.csv``)."""
        lo, hi = self.coverage.window
        return pd.DataFrame(
            [
                {
                    "window_start": lo,
                    "window_end": hi,
                    "meetings_here": self.coverage.meetings_here,
                    "meetings_reference": self.coverage.meetings_reference,
                    "events": self.n_events,
                    "single_source_events": self.single_source,
                    "single_source_share": round(self.single_share, 4),
                    "sources": self.n_sources,
                    "thin_years": " ".join(str(y) for y in self.thin_years),
                }
            ]
        )

    def tables(self) -> dict[str, pd.DataFrame]:
        return {
            "data_limits": self.summary(),
            "events_per_year": self.per_year,
            "sources_by_language": self.by_language,
            "sources_by_type": self.by_type,
            "sources_by_side": self.by_side,
        }


def read_sources(store: Store | ParquetStore, ids: Sequence[str]) -> pd.DataFrame:
    """Columns ``event_id, url, publisher, language``: every source of the events ``ids``."""
    from steppewatch.store.source_reader import iter_sources

    rows: list[tuple[object, ...]] = []
    for chunk in iter_sources(store, ids, ("url", "publisher", "language")):
        rows.extend(chunk)
    return pd.DataFrame.from_records(rows, columns=["event_id", "url", "publisher", "language"])


#: Source columns :func:`count_sources` reads (its streaming path, other than SQLite).
SOURCE_READ = ("url", "publisher", "language")


def count_sources(
    store: Store | ParquetStore,
    ids: Sequence[str],
    study: Study,
    partners: Sequence[str],
    *,
    counted: list[tuple[Any, Any, int, int]] | None = None,
) -> pd.DataFrame:
    """Columns ``language, category, side, sources``: the sources of the events ``ids``
    counted by language, category and side (as :func:`classify_sources` decides them), one row
    per combination in the order it first occurs among the sources as :func:`read_sources`
    gives them. What :func:`data_limits` needs, without a row per source (a million events
    have two million sources): each publisher is classified once, each host once.
    ``counted``: the sources of ``ids`` (in this order) already counted by publisher and
    language as they were read with the events (``arrow_reader.SourceTally``)."""
    from steppewatch.store.arrow_reader import source_pairs, url_rows
    from steppewatch.store.source_reader import CHUNK, count_sources_sqlite, iter_sources

    table, focal = study.publishers, study.focal_state
    decided: dict[object, tuple[str, str | None] | None] = {None: None}  # no publisher: URL
    per_host: dict[str | None, tuple[str, str | None]] = {}
    counts: dict[tuple[object, tuple[str, str | None]], int] = {}

    def by_publisher(publisher: object) -> tuple[str, str | None] | None:
        try:
            return decided[publisher]
        except KeyError:
            found = decided[publisher] = _by_publisher(_text(publisher), table)
            return found

    def by_host(url: object) -> tuple[str, str | None]:
        key = _host_key(_text(url))
        found = per_host.get(key)
        if found is None:
            found = per_host[key] = _classify(None, key, table)
        return found

    # counted in Arrow (SQLite files, PostgreSQL; most events), else in SQLite's SQL (a subset,
    # or a database in memory), else as the sources are read
    grouped = None
    if counted is not None:
        need = sorted({p for p, _l, _n, _f in counted if p is not None and by_publisher(p) is None})
        urls: list[tuple[Any, Any, int]] | None = []
        if need or any(p is None for p, _l, _n, _f in counted):
            urls = url_rows(store, ids, need, CHUNK)
        grouped = None if urls is None else (counted, urls)
    if grouped is None:
        grouped = source_pairs(store, ids, lambda p: by_publisher(p) is None, CHUNK)
    if grouped is None:
        grouped = count_sources_sqlite(store, ids, lambda p: by_publisher(p) is None)
    if grouped is not None:
        # counted in Arrow or SQL; each combination placed where it first occurs
        pairs, by_url = grouped
        first: dict[tuple[object, tuple[str, str | None]], int] = {}
        found: tuple[str, str | None] | None
        for publisher, language, n, at in pairs:
            found = by_publisher(publisher)
            if found is not None:
                both = (language, found)
                counts[both] = counts.get(both, 0) + n
                first[both] = min(first.get(both, at), at)
        for url, language, at in by_url:
            both = (language, by_host(url))
            counts[both] = counts.get(both, 0) + 1
            first[both] = min(first.get(both, at), at)
        counts = {k: counts[k] for k in sorted(counts, key=first.__getitem__)}
    for chunk in [] if grouped is not None else iter_sources(store, ids, SOURCE_READ):
        for _event, url, publisher, language in chunk:
            found = by_publisher(publisher)
            both = (language, by_host(url) if found is None else found)
            counts[both] = counts.get(both, 0) + 1
    side_name = {
        side: f"focal ({focal})" if side == focal else side if side in partners else "neither"
        for side in {side for _lang, (_cat, side) in counts}
    }
    rows = [
        (language, category, side_name[side], n)
        for (language, (category, side)), n in counts.items()
    ]
    return pd.DataFrame(rows, columns=["language", "category", "side", "sources"])


def category_of(kind: str | None) -> str:
    """A publisher-table kind as one of :data:`SOURCE_CATEGORIES` (unknown -> ``other``)."""
    return _CATEGORY.get(kind or "", "other")


@lru_cache(maxsize=65536)
def _by_publisher(publisher: str | None, table: str | None) -> tuple[str, str | None] | None:
    """(category, side) decided from the publisher alone, or None when the table does not know
    it (then the URL decides); looked up once per publisher."""
    from steppewatch.sources.publishers import lookup

    match = lookup(publisher, None, table)
    return (category_of(match.entry.kind), match.side) if match else None


def _classify(publisher: str | None, url: str | None, table: str | None) -> tuple[str, str | None]:
    from steppewatch.sources.publishers import lookup

    found = _by_publisher(publisher, table)
    if found is not None:
        return found
    match = lookup(None, url, table)
    return (category_of(match.entry.kind), match.side) if match else ("other", None)


def _text(value: object) -> str | None:
    """A cell as text, or None when empty or missing (pandas gives NaN for a missing cell)."""
    return value.strip() or None if isinstance(value, str) else None


def _host_key(url: str | None) -> str | None:
    """The part of ``url`` its host is read from (up to the end of the host), so that sources
    are classified once per site rather than once per URL; None when the URL names no host."""
    if not url or "://" not in url or url.startswith("file:"):
        return None
    start = url.index("://") + 3
    ends = [i for i in (url.find(c, start) for c in "/?#") if i >= 0]
    return url[: min(ends)] if ends else url


def classify_sources(
    sources: pd.DataFrame, focal: str, partners: Sequence[str], table: str | None = None
) -> pd.DataFrame:
    """``sources`` with ``category`` (official / state media / independent / other) and ``side``
    (``focal (CN)``, a partner's code, or ``neither``: another state, no state, or unknown).

    Decided once per distinct publisher, and for the sources whose publisher the table does not
    know, once per distinct host of their URL (two million sources have a few thousand)."""
    import numpy as np

    out = sources.copy()
    codes, publishers = pd.factorize(out["publisher"].to_numpy(), use_na_sentinel=True)
    by_pub = [_by_publisher(_text(p), table) for p in publishers]
    decided = np.array([d is not None for d in by_pub] + [False], dtype=bool)[codes]
    lookup_pub = [*by_pub, None]  # code -1: no publisher
    results = [lookup_pub[code] for code in codes]
    if not decided.all():
        undecided = np.flatnonzero(~decided)
        urls = out["url"].to_numpy()
        per_host: dict[str | None, tuple[str, str | None]] = {}
        for k in undecided:
            key = _host_key(_text(urls[k]))
            found = per_host.get(key)
            if found is None:
                found = per_host[key] = _classify(None, key, table)
            results[k] = found
    side_name: dict[str | None, str] = {}
    categories, sides = [], []
    for category, side in results:
        categories.append(category)
        if side not in side_name:
            side_name[side] = (
                f"focal ({focal})" if side == focal else side if side in partners else "neither"
            )
        sides.append(side_name[side])
    out["category"] = categories
    out["side"] = sides
    return out


def members_at_from(study: Study) -> Callable[[str, str], frozenset[str]]:
    """``members_at(framework_code, iso_date)`` from the study's frameworks: the members on that
    date of every framework coded with that code (the SCO and the Shanghai Five before it)."""

    @lru_cache(maxsize=4096)
    def members_at(framework: str, day: str) -> frozenset[str]:
        found: set[str] = set()
        for fw in study.frameworks:
            if fw.code == framework:
                found.update(fw.members_on(day or None))
        return frozenset(found)

    return members_at


def _reference_name(ref: ReferenceStudy | None) -> str:
    if ref is None:
        return "the reference study"
    who = ref.author or ref.title
    return f"{who}{f' ({ref.year})' if ref.year else ''}"


def _coverage(frame: pd.DataFrame, study: Study) -> ReferenceCoverage:
    """Meetings in the window of the first reference study that states its own count (the
    study file's ``coverage``), beside that count; with none, meetings over the years the data
    hold and no count to compare with."""
    ref = next((r for r in study.reference_studies if r.coverage is not None), None)
    if ref is not None and ref.coverage is not None:
        count = ref.coverage
        return reference_coverage(
            frame,
            window=(count.start, count.end),
            reference_meetings=count.meetings,
            reference_name=_reference_name(ref),
            counted=count.counted,
        )
    years = frame["year"] if len(frame) else pd.Series([study.period_start])
    return reference_coverage(
        frame,
        window=(int(years.min()), int(years.max())),
        reference_meetings=None,
        reference_name=_reference_name(
            study.reference_studies[0] if study.reference_studies else None
        ),
    )


def data_limits(
    frame: pd.DataFrame, sources: pd.DataFrame, study: Study, partners: Sequence[str]
) -> DataLimits:
    """Everything the data section shows, for the events ``frame`` and their ``sources``: one
    row per source (:func:`read_sources`), or counted (:func:`count_sources`, with a
    ``sources`` column): the same section either way."""
    counted = "sources" in sources.columns
    classified = (
        sources
        if counted
        else classify_sources(sources, study.focal_state, partners, study.publishers)
    )
    weights = "sources" if counted else None
    single, total = single_source_share(frame)
    side_order = (f"focal ({study.focal_state})", *partners, "neither")
    return DataLimits(
        coverage=_coverage(frame, study),
        per_year=events_per_year(frame),
        single_source=single,
        n_events=total,
        by_language=sources_by(classified, "language", weights=weights),
        by_type=sources_by(
            classified.rename(columns={"category": "type"}),
            "type",
            order=SOURCE_CATEGORIES,
            weights=weights,
        ),
        by_side=sources_by(classified, "side", order=side_order, weights=weights),
        n_sources=int(classified["sources"].sum()) if counted else len(classified),
    )


def _percent(share: float) -> str:
    return "<1%" if 0 < share < 0.005 else f"{100 * share:.0f}%"


def _rows(table: pd.DataFrame, column: str) -> list[dict[str, object]]:
    return [
        {"value": value, "sources": int(n), "percent": _percent(share)}
        for value, n, share in zip(table[column], table["sources"], table["share"], strict=True)
    ]


def limits_view(
    limits: DataLimits | None, sensitivity: pd.DataFrame | None
) -> dict[str, Any] | None:
    """What the page's data section shows (every number is also in a CSV of ``tables()``)."""
    if limits is None:
        return None
    changed: dict[str, list[str]] = {}
    alternatives: dict[str, str] = {}
    if sensitivity is not None and not sensitivity.empty:
        alternatives = dict(sensitivity.attrs.get("alternatives", {}))
        for name in alternatives:
            flag = f"changed_{name}"
            if flag in sensitivity:
                rows = sensitivity[sensitivity[flag].fillna(False).astype(bool)]
                changed[name] = [
                    f"{claim} ({before} → {after})"
                    for claim, before, after in zip(
                        rows["claim"], rows["verdict"], rows[f"verdict_{name}"], strict=True
                    )
                ]
    return {
        "coverage": limits.coverage.sentence(),
        "reference_meetings": limits.coverage.meetings_reference,
        "reference_window": "{}–{}".format(*limits.coverage.window),
        "reference_counted": limits.coverage.counted,
        "per_year": limits.per_year.to_dict("records"),
        "thin_years": limits.thin_years,
        "single_source": limits.single_source,
        "n_events": limits.n_events,
        "single_percent": f"{100 * limits.single_share:.0f}%",
        "n_sources": limits.n_sources,
        "by_language": _rows(limits.by_language, "language"),
        "by_type": _rows(limits.by_type, "type"),
        "by_side": _rows(limits.by_side, "side"),
        "alternatives": alternatives,
        "changed": changed,
    }
