"""Every event's date key and profile in memory, so that a list or search page in date order is
found without asking SQLite to walk or sort (SQLite explorer, one copy per worker).

- ``keys``: ``(YYYYMMDD << 32) | events.rowid`` of every event, sorted. That is the order of
  the date-ordered pages (``date_sort``, then rowid) and the rowid of ``events_fts_dated``
  (migration 6), so a search hit is placed by a binary search.
- ``pids``: the profile (kind, level, framework, review status, year, countries, topics,
  domains: ``store.query.profiles``) of the event at each place.

A filter without text becomes a yes/no per profile (a few thousand on a million events), so a
list page is ``keys[mask[pids]]`` sliced: a few milliseconds for any combination of facets,
in either order, at any depth. A search reads the hits of the words from ``events_fts_dated``
once, in page order, and tests, counts and facets them here; before, the hits were read twice
(count, then facet rows) and each tested against the events table in SQL.

It also maps every linked document item (``items_fts``, migration 10: the item's own text and
its document's title) to the date key of its event, so the document part of a search is one
text-index read and a lookup here.

The index answers only while it is current: it remembers the database's ``data_version``
(migrations 6 and 8) at loading, and the explorer uses it only when that is still the version it
sees. After any write, pages come from SQL again until the background reload has finished (about
4 s on a million events; reloads start at least RELOAD_GAP_FACTOR load times apart), so the index
never serves an outdated page.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from steppewatch.store.filters import EventFilter
from steppewatch.store.query.profiles import Profile, aggregate, matcher, read_data_version
from steppewatch.store.query.settings import DEFAULT_SETTINGS
from steppewatch.store.records import split_list

if TYPE_CHECKING:
    from steppewatch.store.store import Store

# the items_fts rowid of every linked item (its coded_items rowid, migration 10) and its event
_LINKS = (
    "SELECT c.rowid, (CAST(replace(e.date_sort, '-', '') AS INTEGER) << 32) | e.rowid "
    "FROM coded_items c JOIN events e ON e.id = c.event_id WHERE c.event_id IS NOT NULL"
)
_SCAN = (
    "SELECT (CAST(replace(date_sort, '-', '') AS INTEGER) << 32) | rowid, kind, level, framework, "
    "review_status, year, countries, topics, domains FROM events"
)
# defaults of the QuerySettings fields reload_gap_min, reload_gap_factor and facet_hits
RELOAD_GAP_MIN = DEFAULT_SETTINGS.reload_gap_min
RELOAD_GAP_FACTOR = DEFAULT_SETTINGS.reload_gap_factor
FACET_HITS = DEFAULT_SETTINGS.facet_hits  # a search with at most this many hits: exact counts


@dataclass(frozen=True)
class _Arrays:
    """One load, swapped whole: a request that took it keeps a consistent set even if a reload
    finishes meanwhile."""

    keys: np.ndarray  # date keys, sorted
    pids: np.ndarray  # profile id at each place (intp, not int32: indexing with int32
    # converts the whole array first, 4x slower)
    profiles: list[Profile]
    # linked items: items_fts rowid (sorted) and the date key of the linked event
    doc_rowids: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    doc_event_keys: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    masks: dict[EventFilter, np.ndarray] = field(default_factory=dict)  # per filter, by profile
    counts: dict[EventFilter, tuple[int, dict[str, dict[str, int]]]] = field(default_factory=dict)
    profile_counts: list[tuple[Profile, int]] = field(default_factory=list)  # filled at load


@dataclass(frozen=True)
class SearchResult:
    keys: list[int]  # the page's date keys, in page order
    total: int | None  # None: more hits than FACET_HITS, not all read
    profile_counts: list[tuple[Profile, int]] | None  # the matches' profiles, when all were read
    # the profiles of every hit of the words, whatever the filter (when all were read)
    hit_profile_counts: list[tuple[Profile, int]] | None = None


class EventIndex:
    def __init__(
        self,
        store: Store,
        *,
        max_profiles: int = 200_000,
        facet_hits: int = FACET_HITS,
        reload_gap_min: float = RELOAD_GAP_MIN,
        reload_gap_factor: float = RELOAD_GAP_FACTOR,
    ) -> None:
        self.store = store
        self.max_profiles = max_profiles
        self.facet_hits = facet_hits  # QuerySettings.facet_hits
        self.reload_gap_min, self.reload_gap_factor = reload_gap_min, reload_gap_factor
        self.version: int | None = None  # data_version the arrays were read at; None: not usable
        self._arrays = _Arrays(np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.intp), [])
        self.disabled = False
        self.load_seconds = 0.0
        self._loaded_at = 0.0  # time.monotonic() when the last load started
        self._lock = threading.Lock()
        self._loading = False

    # -- loading ---------------------------------------------------------------------------
    def _load(self) -> None:
        self._loaded_at = time.monotonic()
        started = time.perf_counter()
        try:
            loaded = self._read()
        finally:
            with self._lock:
                self._loading = False
        if loaded is None:
            return
        with self._lock:
            self.version, self._arrays = loaded
            self.load_seconds = time.perf_counter() - started

    def _read(self) -> tuple[int | None, _Arrays] | None:
        ids: dict[tuple[Any, ...], int] = {}
        keys: list[int] = []
        pids: list[int] = []
        with self.store.engine.connect() as conn:
            before = read_data_version(conn)
            raw = conn.connection.driver_connection
            assert raw is not None
            cursor = raw.execute(_SCAN)
            while rows := cursor.fetchmany(8192):
                for row in rows:
                    raw_profile = row[1:]
                    pid = ids.get(raw_profile)
                    if pid is None:
                        pid = ids[raw_profile] = len(ids)
                        if pid >= self.max_profiles:
                            self.disabled = True
                            self.version = None
                            return None
                    keys.append(row[0])
                    pids.append(pid)
            doc_rowids, doc_keys = _document_links(raw)
            after = read_data_version(conn)
        key_array = np.array(keys, dtype=np.int64)
        pid_array = np.array(pids, dtype=np.intp)
        order = np.argsort(key_array, kind="stable")
        profiles: list[Profile] = [
            (
                kind,
                level,
                framework,
                status,
                int(year),
                tuple(split_list(cs)),
                tuple(split_list(ts)),
                tuple(split_list(ds)),
            )
            for kind, level, framework, status, year, cs, ts, ds in ids
        ]
        # written while it was read: the arrays may mix states; keep them, but as not current
        version = before if before is not None and before == after else None
        counted = np.bincount(pid_array, minlength=len(profiles))
        profile_counts = [(p, int(n)) for p, n in zip(profiles, counted, strict=True) if n]
        return version, _Arrays(
            key_array[order],
            pid_array[order],
            profiles,
            doc_rowids,
            doc_keys,
            profile_counts=profile_counts,
        )

    def start(self) -> None:
        """Load now (the caller waits)."""
        with self._lock:
            self._loading = True
        self._load()

    def refresh(self, quick_seconds: float = 0.5) -> None:
        """The database changed: stop answering (the arrays are out of date) and reload, at once
        when a load is quick (small databases), else in a background thread."""
        if self.disabled:
            return
        with self._lock:
            self.version = None
            if self._loading:
                return
            self._loading = True
        if self.load_seconds < quick_seconds:
            self._load()
        else:
            threading.Thread(
                target=self._load_later,
                args=(self.reload_delay(),),
                name="steppewatch-event-index",
                daemon=True,
            ).start()

    def reload_delay(self) -> float:
        """Seconds to wait before a background reload: loads start at least RELOAD_GAP_FACTOR
        load times (and RELOAD_GAP_MIN seconds) apart, so that a long ``steppewatch ingest``
        committing every few seconds costs each worker at most about a quarter of a core;
        pages come from SQL meanwhile."""
        gap = max(self.reload_gap_min, self.reload_gap_factor * self.load_seconds)
        return max(0.0, self._loaded_at + gap - time.monotonic())

    def _load_later(self, delay: float) -> None:
        time.sleep(delay)
        self._load()

    def profile_counts(self) -> Counter[Profile] | None:
        """How many events have each profile (``store.query.profiles``' table), or None if not loaded."""
        with self._lock:
            if self.version is None:
                return None
            return Counter(dict(self._arrays.profile_counts))

    def current(self, version: int | None) -> bool:
        return not self.disabled and version is not None and self.version == version

    # -- answering -------------------------------------------------------------------------
    def mask(self, filters: EventFilter, arrays: _Arrays | None = None) -> np.ndarray | None:
        """Which profiles pass ``filters`` (None: all of them)."""
        if filters.is_empty():
            return None
        arrays = arrays or self._arrays
        found = arrays.masks.get(filters)
        if found is None:
            passes: Callable[[Profile], bool] = matcher(filters)
            found = np.fromiter(
                (passes(p) for p in arrays.profiles), dtype=bool, count=len(arrays.profiles)
            )
            if len(arrays.masks) > 256:
                arrays.masks.clear()
            arrays.masks[filters] = found
        return found

    def counts(self, filters: EventFilter) -> tuple[int, dict[str, dict[str, int]]]:
        """Total and facet counts of the events passing ``filters`` (``profiles.aggregate``),
        from the same load as the pages, kept per filter until the next load."""
        arrays = self._arrays
        found = arrays.counts.get(filters)
        if found is None:
            found = aggregate(arrays.profile_counts, filters)
            if len(arrays.counts) > 1024:
                arrays.counts.clear()
            arrays.counts[filters] = found
        return found

    def list_keys(
        self, filters: EventFilter, *, descending: bool, offset: int, limit: int
    ) -> list[int]:
        """The date keys of one page of the events passing ``filters`` (no text search)."""
        arrays = self._arrays
        keys = arrays.keys
        mask = self.mask(filters, arrays)
        if mask is None:
            n = len(keys)
            if descending:
                stop, start = n - offset, max(0, n - offset - limit)
                return [int(k) for k in keys[start : max(stop, 0)][::-1]]
            return [int(k) for k in keys[offset : offset + limit]]
        places = np.flatnonzero(mask[arrays.pids])
        if descending:
            n = len(places)
            chosen = places[max(0, n - offset - limit) : max(n - offset, 0)][::-1]
        else:
            chosen = places[offset : offset + limit]
        return [int(k) for k in keys[chosen]]

    @staticmethod
    def _matching(arrays: _Arrays, hit_keys: np.ndarray, mask: np.ndarray | None) -> np.ndarray:
        """Places in ``arrays.keys`` of the hits whose events pass the mask; hits not in the
        index (none, while it is current) are dropped."""
        keys = arrays.keys
        if not len(keys):
            return np.zeros(0, dtype=np.intp)
        places = np.searchsorted(keys, hit_keys)
        places[places >= len(keys)] = 0
        found = keys[places] == hit_keys
        if not found.all():
            places = places[found]
        return places if mask is None else places[mask[arrays.pids[places]]]

    def search(
        self,
        raw: Any,
        match: str,
        filters: EventFilter,
        *,
        descending: bool,
        offset: int,
        limit: int,
        documents: bool,
    ) -> SearchResult:
        """One page of the events whose own text matches ``match`` (an FTS5 query of
        ``events_fts_dated``) or, with ``documents``, whose linked documents' text does
        (``items_fts``: linked items and their titles, all hits: not in date order), passing
        ``filters``. The hits are read in page order, all of them when there are at most
        FACET_HITS (exact total and facets), else only until the page is full. ``raw``: the
        sqlite3 connection (under the caller's time limit)."""
        arrays = self._arrays
        mask = self.mask(filters, arrays)
        need = offset + limit
        facet_hits = self.facet_hits
        # first the facet_hits + 1 hits nearest the start of the order; the rest only if the
        # page is not full by then (common words with a rare filter), from where the first read
        # stopped (FTS5 serves rowid bounds from its index)
        if descending and mask is None:
            # FTS5 reads a MATCH's hits oldest first about a third faster than newest first:
            # read them so; only a word with more than facet_hits hits has its newest ``need``
            # read again, newest first (every hit is on the page: there is no filter)
            hits = _hit_keys(raw, match, descending=False, limit=facet_hits + 1)
            complete = len(hits) <= facet_hits
            if not complete:
                hits = _hit_keys(raw, match, descending=True, limit=need)
        else:
            hits = _hit_keys(raw, match, descending=descending, limit=facet_hits + 1)
            complete = len(hits) <= facet_hits
        chunks = [self._matching(arrays, hits, None)]  # every hit: the filter is applied below
        if not complete and len(self._passing(arrays, chunks[0], mask)) < need:
            rest = _hit_keys(raw, match, descending=descending, limit=-1, beyond=int(hits[-1]))
            chunks.append(self._matching(arrays, rest, None))
            complete = True
        if documents and len(arrays.doc_rowids):
            linked = _linked_event_keys(arrays, _document_hits(raw, match))
            chunks.append(self._matching(arrays, linked, None))
        every = np.unique(np.concatenate(chunks))
        places = self._passing(arrays, every, mask)
        page = places[::-1][offset:need] if descending else places[offset:need]
        if not complete:
            return SearchResult(arrays.keys[page].tolist(), None, None)
        # the profiles of every hit, filter or not: the facet links count the same search with
        # a facet's values changed from these (``facet_links``), without reading it again
        every_counts = self._profile_counts(arrays, every)
        counted = every_counts if mask is None else self._profile_counts(arrays, places)
        return SearchResult(arrays.keys[page].tolist(), int(len(places)), counted, every_counts)

    @staticmethod
    def _passing(arrays: _Arrays, places: np.ndarray, mask: np.ndarray | None) -> np.ndarray:
        return places if mask is None else places[mask[arrays.pids[places]]]

    @staticmethod
    def _profile_counts(arrays: _Arrays, places: np.ndarray) -> list[tuple[Profile, int]]:
        counted = np.bincount(arrays.pids[places], minlength=len(arrays.profiles))
        return [(arrays.profiles[i], int(counted[i])) for i in np.flatnonzero(counted)]


def _hit_keys(
    raw: Any, match: str, *, descending: bool, limit: int, beyond: int | None = None
) -> np.ndarray:
    """The rowids (date keys) of the first ``limit`` hits of ``match`` in date order (-1: all),
    after ``beyond`` if given. One row comes back (the keys joined by commas): fetching a row
    per hit would release and retake the GIL per row, which under concurrent requests costs
    up to a switch interval (5 ms) each time."""
    bound = ""
    if beyond is not None:
        bound = f" AND rowid {'<' if descending else '>'} {int(beyond)}"
    sql = (
        "SELECT group_concat(rowid) FROM (SELECT rowid FROM events_fts_dated "
        f"WHERE events_fts_dated MATCH ?{bound} ORDER BY rowid{' DESC' if descending else ''} "
        f"LIMIT {int(limit)})"
    )
    joined = raw.execute(sql, (match,)).fetchone()[0]
    if not joined:
        return np.zeros(0, dtype=np.int64)
    return np.fromstring(
        joined, dtype=np.int64, sep=","
    )  # text mode: C parsing, 5x faster than split


def _document_links(raw: Any) -> tuple[np.ndarray, np.ndarray]:
    """(document rowids, sorted; date keys of their events) of every linked document item."""
    try:
        cursor = raw.execute(_LINKS)
    except Exception:  # noqa: BLE001 - a database without the document tables
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    rowids: list[int] = []
    keys: list[int] = []
    while rows := cursor.fetchmany(8192):
        for rowid, key in rows:
            rowids.append(rowid)
            keys.append(key)
    rowid_array = np.array(rowids, dtype=np.int64)
    key_array = np.array(keys, dtype=np.int64)
    order = np.argsort(rowid_array, kind="stable")
    return rowid_array[order], key_array[order]


def _document_hits(raw: Any, match: str) -> np.ndarray:
    """Rowids (``items_fts``, migration 10) of every linked item whose text, or its document's
    title, matches ``match``, sorted: a word elsewhere in the document does not count."""
    joined = raw.execute(
        "SELECT group_concat(rowid) FROM items_fts WHERE items_fts MATCH ?", (match,)
    ).fetchone()[0]
    if not joined:
        return np.zeros(0, dtype=np.int64)
    return np.sort(np.fromstring(joined, dtype=np.int64, sep=","))


def _linked_event_keys(arrays: _Arrays, doc_hits: np.ndarray) -> np.ndarray:
    """Date keys (sorted, distinct) of the events linked to the documents ``doc_hits``."""
    lo = np.searchsorted(arrays.doc_rowids, doc_hits, side="left")
    hi = np.searchsorted(arrays.doc_rowids, doc_hits, side="right")
    lengths = hi - lo
    total = int(lengths.sum())
    if not total:
        return np.zeros(0, dtype=np.int64)
    # the rows lo[i]..hi[i] of every hit, flattened
    starts = np.repeat(lo - (np.cumsum(lengths) - lengths), lengths)
    return np.unique(arrays.doc_event_keys[starts + np.arange(total)])
