"""Exact counts and facet counts without scanning a million rows per page.

Events are grouped by their facet values (kind, level, framework, review status, year,
countries, topics, domains): a "profile" and how many events share it. A dataset of a million
events has far fewer distinct profiles (the synthetic 1M database: a few thousand), so the
count and all eight facets of any filter WITHOUT a text search are computed from this small
table in memory, exactly, in a few milliseconds.

- Loaded once when the app is created (about 10 s for the synthetic 1M database on a loaded
  2-core machine; the server listens only after that), reloaded in a background thread later.
- Writes made through the web app update it at once (the event before and after);
  writes made elsewhere (``steppewatch ingest``, ``import``) are picked up by a reload every
  ``ttl`` seconds.
- Disabled (SQL path used) when there are more than ``max_profiles`` distinct profiles, where
  the Python loop would no longer be cheap.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from steppewatch.store.filters import EventFilter
from steppewatch.store.records import split_list
from steppewatch.store.tables import events

if TYPE_CHECKING:
    from steppewatch.store.store import Store

Profile = tuple[str, str | None, str, str, int, tuple[str, ...], tuple[str, ...], tuple[str, ...]]
COLUMNS = (
    events.c.kind,
    events.c.level,
    events.c.framework,
    events.c.review_status,
    events.c.year,
    events.c.countries,
    events.c.topics,
    events.c.domains,
)


def profile_rows(
    store: Store, where: Any, limit: int, *, conn: Any = None, table: Any = None
) -> list[tuple[Profile, int]] | None:
    """The distinct profiles of the events matching ``where``, each with its number of events,
    or None if more than ``limit`` events match. Grouped in SQL (of the first ``limit`` + 1
    matches): a search's thousands of hits share far fewer profiles, and each one costs Python
    work here and in ``aggregate``. ``table``: read the rows of ``table``
    (``pg_search.event_search``: the same columns) instead of ``events``."""
    columns = COLUMNS if table is None else [table.c[c.name] for c in COLUMNS]
    matches = select(*columns).where(where).limit(limit + 1).subquery()
    grouped = select(*matches.c, func.count()).group_by(*matches.c)
    if conn is None:
        with store.engine.connect() as own:
            rows = own.execute(grouped).all()
    else:
        rows = conn.execute(grouped).all()
    if sum(r[-1] for r in rows) > limit:
        return None
    return [_profile(r) for r in rows]


def pg_profile_rows_and_page(
    store: Store,
    where: Any,
    limit: int,
    *,
    need: int,
    descending: bool,
    conn: Any,
    table: Any = None,
    page_tests: Callable[[Any], list[Any]] | None = None,
) -> tuple[list[tuple[Profile, int]], list[str]] | None:
    """PostgreSQL: ``profile_rows`` and, from the same read of the matches, the ids of the
    first ``need`` of them in page order (date_sort, then id; as ``store.ORDERS`` sorts them),
    or None if more than ``limit`` events match. A search's page then needs only its events'
    rows, instead of reading (and sorting) every match a second time. ``table``: read the rows
    of ``table`` (``pg_search.event_search``: the same columns) instead of ``events``.
    ``page_tests``: the page's ids are those of the matches that also pass these conditions
    (on the matches' columns; the profiles are of every match)."""
    from sqlalchemy import Text, cast, literal, null, union_all
    from sqlalchemy.dialects.postgresql import ARRAY, aggregate_order_by

    t = events if table is None else table
    matches = (
        select(t.c.id, t.c.date_sort, *[t.c[c.name] for c in COLUMNS])
        .where(where)
        .limit(limit + 1)
        .cte("matches")
        .prefix_with("MATERIALIZED")
    )
    profile = [matches.c[c.name] for c in COLUMNS]
    order = (
        [matches.c.date_sort.desc(), matches.c.id.desc()]
        if descending
        else [matches.c.date_sort, matches.c.id]
    )
    first = (
        select(matches.c.id, matches.c.date_sort)
        .where(*(page_tests(matches) if page_tests is not None else ()))
        .order_by(*order)
        .limit(need)
        .subquery()
    )
    first_order = (
        [first.c.date_sort.desc(), first.c.id.desc()]
        if descending
        else [first.c.date_sort, first.c.id]
    )
    grouped = select(
        *profile, func.count().label("n"), cast(null(), ARRAY(Text)).label("page")
    ).group_by(*profile)
    page = select(
        *[null() for _ in COLUMNS],
        literal(-1).label("n"),
        cast(func.array_agg(aggregate_order_by(first.c.id, *first_order)), ARRAY(Text)),
    )
    rows = conn.execute(union_all(grouped, page)).all()
    counted = [r for r in rows if r[-2] != -1]
    if sum(r[-2] for r in counted) > limit:
        return None
    ids = next((list(r[-1] or []) for r in rows if r[-2] == -1), [])
    profiles = [_profile(r) for r in counted]
    return profiles, ids


def read_data_version(conn: Any) -> int | None:
    """The database's write counter (migration 6), or None where there is none."""
    try:
        value = conn.exec_driver_sql("SELECT version FROM data_version WHERE id = 1").scalar()
    except Exception:  # noqa: BLE001 - a database before migration 6
        conn.rollback()
        return None
    return None if value is None else int(value)


def profile_of(event: dict[str, Any]) -> Profile:
    year = int(str(event["date_start"])[:4])
    return (
        event["kind"],
        event.get("level"),
        event["framework"],
        event["review_status"],
        year,
        tuple(event["countries"]),
        tuple(event.get("topics") or ()),
        tuple(event.get("domains") or ()),
    )


class Profiles:
    def __init__(self, store: Store, *, max_profiles: int = 50_000, ttl: float = 600.0) -> None:
        self.store = store
        self.max_profiles = max_profiles
        self.ttl = ttl
        self._counts: Counter[Profile] | None = None
        self._loaded_at = 0.0
        self._lock = threading.Lock()
        self._loading = False
        self.disabled = False
        self.load_seconds = 0.0  # how long the last load took
        self._planning: dict[EventFilter, tuple[int, dict[str, dict[str, int]]]] = {}
        self.version: int | None = None  # data_version the counts hold; None: unknown

    # -- loading ---------------------------------------------------------------------------
    def _load(self) -> None:
        started = time.perf_counter()
        counts: Counter[Profile] = Counter()
        query = select(*COLUMNS, func.count()).group_by(*COLUMNS)
        with self.store.engine.connect() as conn:
            before = read_data_version(conn)
            for row in conn.execution_options(stream_results=True).execute(query):
                counts[
                    (
                        row[0],
                        row[1],
                        row[2],
                        row[3],
                        int(row[4]),
                        tuple(split_list(row[5])),
                        tuple(split_list(row[6])),
                        tuple(split_list(row[7])),
                    )
                ] += int(row[8])
                if len(counts) > self.max_profiles:
                    with self._lock:
                        self.disabled, self._counts, self._loading = True, None, False
                    return
            after = read_data_version(conn)
        with self._lock:
            self._counts, self._loaded_at, self._loading = counts, time.monotonic(), False
            self.load_seconds = time.perf_counter() - started
            self._planning = {}
            self.version = before if before == after else None

    def seed(self, counts: Counter[Profile], load_seconds: float, version: int | None) -> None:
        """Start from counts read elsewhere (``EventIndex.profile_counts``, at ``version``)
        instead of loading."""
        with self._lock:
            if len(counts) > self.max_profiles:
                self.disabled, self._counts = True, None
                return
            self._counts, self._loaded_at, self._loading = counts, time.monotonic(), False
            self.load_seconds = load_seconds
            self._planning = {}
            self.version = version

    def reload_after_write(self, quick_seconds: float = 0.5) -> None:
        """Another process changed the events: reload now if a load takes under
        ``quick_seconds`` (small databases: exact counts at once), else in the background
        (counts of the previous load are served meanwhile, ~10 s on a million events)."""
        if self.disabled:
            return
        if self.load_seconds < quick_seconds:
            with self._lock:
                if self._loading:
                    return
                self._loading = True
            self._load()
        else:
            self._reload_in_background()

    def start(self) -> None:
        """Load now (the caller waits)."""
        self._loading = True
        self._load()

    def refresh(self) -> None:
        """Reload in the background (after a change whose effect is not known exactly)."""
        self._reload_in_background()

    def _reload_in_background(self) -> None:
        with self._lock:
            if self._loading:
                return
            self._loading = True
        threading.Thread(target=self._load, name="steppewatch-profiles", daemon=True).start()

    def _fresh(self) -> Counter[Profile] | None:
        if self.disabled:
            return None
        counts = self._counts
        if counts is not None and time.monotonic() - self._loaded_at > self.ttl:
            self._reload_in_background()  # serve the current table meanwhile
        return counts

    # -- updating --------------------------------------------------------------------------
    def changed(
        self,
        before: dict[str, Any] | None,
        after: dict[str, Any] | None,
        *,
        versions: tuple[int | None, int | None] = (None, None),
    ) -> None:
        """Apply one event's change (dicts as ``Event.model_dump``) made through the app;
        ``versions``: data_version before and after the write (the counts were current before:
        they are after)."""
        with self._lock:
            if self._counts is None:
                return
            if self.version is not None and self.version == versions[0]:
                self.version = versions[1]
            if before is not None:
                key = profile_of(before)
                self._counts[key] -= 1
                if self._counts[key] <= 0:
                    del self._counts[key]
            if after is not None:
                self._counts[profile_of(after)] += 1
            self._planning = {}

    # -- answering -------------------------------------------------------------------------
    def current(self, version: int | None) -> bool:
        """Do the counts hold the database at ``version`` (the one a request sees)? Unknown
        versions (a database without the counter) are taken as current."""
        return version is None or self.version == version

    def counts(self, filters: EventFilter) -> tuple[int, dict[str, dict[str, int]]] | None:
        """(total, facets) for ``filters``, or None when this table cannot answer (not loaded,
        disabled, or the filter names ids or text)."""
        counts = self._fresh()
        if counts is None or filters.ids or filters.text:
            return None
        with self._lock:
            items = list(counts.items())
        return aggregate(items, filters)

    def planning_counts(self, filters: EventFilter) -> tuple[int, dict[str, dict[str, int]]] | None:
        """``counts`` kept until the profiles change, for the few filters the explorer uses to
        choose a query plan (all events; one condition at a time): statistics of the data, like
        a planner's, not results of a user's query."""
        found = self._planning.get(filters)
        if found is None and self._counts is not None:
            found = self.counts(filters)
            if found is not None:
                with self._lock:
                    if len(self._planning) > 512:
                        self._planning = {}
                    self._planning[filters] = found
        return found


def matcher(filters: EventFilter) -> Callable[[Profile], bool]:
    """Does a profile pass ``filters``? (Values of one field are alternatives, fields combine
    with AND, as in ``EventFilter.conditions``; ``ids`` and ``text`` are not profile fields.)"""
    f = filters
    kinds, levels, frameworks, statuses = (
        set(f.kinds),
        set(f.levels),
        set(f.frameworks),
        set(f.statuses),
    )
    countries, topics, domains = set(f.countries), set(f.topics), set(f.domains)
    since, until = f.since, f.until

    def passes(profile: Profile) -> bool:
        kind, level, framework, status, year, cs, ts, ds = profile
        if kinds and kind not in kinds or levels and level not in levels:
            return False
        if frameworks and framework not in frameworks or statuses and status not in statuses:
            return False
        if since is not None and year < since or until is not None and year > until:
            return False
        if countries and countries.isdisjoint(cs) or topics and topics.isdisjoint(ts):
            return False
        return not (domains and domains.isdisjoint(ds))

    return passes


def aggregate(
    items: list[tuple[Profile, int]], filters: EventFilter
) -> tuple[int, dict[str, dict[str, int]]]:
    """Total and facet counts of the profiles (with their event counts) that pass ``filters``."""
    passes = None if filters.is_empty() else matcher(filters)
    total = 0
    facets: dict[str, Counter[str]] = {
        k: Counter()
        for k in (
            "kind",
            "country",
            "topic",
            "domain",
            "year",
            "level",
            "framework",
            "review_status",
        )
    }
    for profile, n in items:
        if passes is not None and not passes(profile):
            continue
        kind, level, framework, status, year, cs, ts, ds = profile
        total += n
        facets["kind"][kind] += n
        facets["framework"][framework] += n
        facets["review_status"][status] += n
        facets["year"][str(year)] += n
        if level:
            facets["level"][level] += n
        for c in cs:
            facets["country"][c] += n
        for t in ts:
            facets["topic"][t] += n
        for d in ds:
            facets["domain"][d] += n
    out: dict[str, dict[str, int]] = {}
    for name, counter in facets.items():
        if name == "year":
            out[name] = dict(sorted(counter.items()))
        else:
            out[name] = dict(sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])))
    return total, out


def _profile(r: Any) -> tuple[tuple[Any, ...], int]:
    """A grouped row (kind, level, framework, status, year, countries, topics, domains, count)
    as a profile and its number of events."""
    return (
        (r[0], r[1], r[2], r[3], int(r[4]),
         tuple(split_list(r[5])), tuple(split_list(r[6])), tuple(split_list(r[7]))),
        int(r[8]),
    )  # fmt: skip
