"""``QueryEngine``: one page of events with its total and facets, the way the explorer reads it.

``Store.query_events`` is its public face (the CLI's ``events list --text`` and the explorer's
``/events.json`` both come through it, so they give the same events in the same order). The
engine chooses among several ways to read a page (the in-memory event index, the in-memory facet
profiles, the dated text index, planned SQL) and keeps a small result cache; its limits are the
fields of ``QuerySettings``.

One engine per ``Store`` (``Store.queries``). Its in-memory parts (profiles, event index) are
loaded only by ``start`` (the explorer does, once per worker); without them every answer comes
from SQL, and is the same.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, Connection, and_, literal_column

from steppewatch.errors import SteppewatchError
from steppewatch.store.filters import EventFilter
from steppewatch.store.query import dated_search, list_plans, pg_search, queries, search_terms
from steppewatch.store.query.profiles import (
    aggregate,
    pg_profile_rows_and_page,
    profile_rows,
    read_data_version,
)
from steppewatch.store.query.settings import QuerySettings
from steppewatch.store.tables import events

if TYPE_CHECKING:
    from steppewatch.store.query.event_index import EventIndex
    from steppewatch.store.query.profiles import Profile, Profiles
    from steppewatch.store.store import Store

FACETS = queries.FACETS
ORDERS = ("date", "-date", "id", "kind", "title")

SHORT_WORDS_NOTICE = (
    "This search was cut short after {s:g} s: words of one or two characters (such as 反恐 or 边境) "
    "cannot use the search index, so every event is read. The events shown are the first matches "
    "in this order, but there may be more. Add a word of three or more characters (反恐演习), or "
    "a filter (country, kind, years), to search everything."
)


class SearchTimeout(SteppewatchError):
    """A page of events took longer than its time limit ([SW730]); the explorer answers 503."""

    code = "SW730"


def _search_timeout() -> SearchTimeout:
    return SearchTimeout(
        "the search took too long",
        hint="add a filter (country, kind, years) or use longer words (3+ characters use the index)",
    )


@dataclass(frozen=True)
class PageRequest:
    """What a page is: the filters, the search words, the order and the slice."""

    filters: EventFilter
    q: str | None
    sort: str
    offset: int
    per_page: int


@dataclass(frozen=True)
class EventPage:
    """One page of events (dicts as ``Event.model_dump(mode="json")`` gives them), the total of
    the matches (None: not known, e.g. a search with more than ``count_cap`` hits), and the facet
    counts of the matches (a facet maps to None when it was not counted within its time limit).
    ``incomplete``: the page may miss matches (a search of short words cut short: ``notice``
    says why)."""

    events: list[dict[str, Any]]
    total: int | None
    facets: dict[str, Any]
    incomplete: bool = False
    notice: str | None = None
    # the profiles of every hit of the words whatever the filters (in-memory index searches):
    # the same words with other filters are counted from these without reading again
    hit_profiles: list[tuple[Profile, int]] | None = field(default=None, repr=False)
    # ... when those hits are only the events of some review statuses (PostgreSQL: the page's
    # statuses, its codes left out), the statuses; None: every hit
    hit_statuses: tuple[str, ...] | None = None

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"events": self.events, "total": self.total, "facets": self.facets}
        if self.incomplete:
            out["incomplete"] = True
            out["notice"] = self.notice
        if self.hit_profiles is not None:
            out["hit_profiles"] = self.hit_profiles
            if self.hit_statuses is not None:
                out["hit_statuses"] = self.hit_statuses
        return out

    def counts_for(self, filters: EventFilter) -> tuple[int, dict[str, dict[str, int]]] | None:
        """Total and facets of the same words with ``filters`` instead, from the hits' profiles
        (None when this page was not read from them, or they do not hold every event
        ``filters`` may match: other review statuses than ``hit_statuses``)."""
        if self.hit_profiles is None:
            return None
        if self.hit_statuses is not None and (
            not filters.statuses or not set(filters.statuses) <= set(self.hit_statuses)
        ):
            return None
        return aggregate(self.hit_profiles, filters)


_request_memo = threading.local()


def _request_conn() -> Connection | None:
    """The connection of the request being read in this thread (``QueryEngine._request``)."""
    return getattr(_request_memo, "conn", None)


class QueryEngine:
    """Reads pages, totals and facets of events for one Store (see the module docstring)."""

    def __init__(self, store: Store, settings: QuerySettings | None = None) -> None:
        self.store = store
        self.settings = settings or QuerySettings()
        self.support = queries.SearchSupport.detect(store)
        self.cache = queries.ResultCache(size=self.settings.cache_size, ttl=self.settings.cache_ttl)
        self.profiles: Profiles | None = None
        self.index: EventIndex | None = None
        self.seen_version: int | None = None  # data_version when last checked (migration 6)
        self._pg_lexeme_shares: dict[str, float] | None = None
        self.has_data_version = True

    # -- in-memory parts and freshness -----------------------------------------------------
    def start(self) -> None:
        """Load the in-memory profiles and (SQLite) the event index, as the settings say."""
        from steppewatch.store.query.event_index import EventIndex
        from steppewatch.store.query.profiles import Profiles

        s = self.settings
        if not s.use_profiles:
            return
        profiles = self.profiles = Profiles(
            self.store, max_profiles=s.max_profiles, ttl=s.profiles_ttl
        )
        index = None
        if s.use_event_index and self.store.dialect == "sqlite":
            index = self.index = EventIndex(
                self.store,
                max_profiles=s.index_max_profiles,
                facet_hits=s.facet_hits,
                reload_gap_min=s.reload_gap_min,
                reload_gap_factor=s.reload_gap_factor,
            )
            index.start()
        counts = index.profile_counts() if index is not None else None
        if counts is not None and index is not None:  # the same counts, without a second pass
            profiles.seed(counts, index.load_seconds, index.version)
        else:
            profiles.start()

    def data_version(self) -> int | None:
        """The database's write counter (bumped by triggers in the transaction of every write to
        events and the review tables, whoever writes), or None if the table is absent."""
        if not self.has_data_version:
            return None
        from sqlalchemy.exc import DBAPIError

        try:
            with self.store.engine.connect() as conn:
                if self.store.dialect == "postgresql":
                    # one statement, no transaction: no BEGIN and ROLLBACK sent around it (two
                    # of the round trips every explorer request made to the server first)
                    conn = conn.execution_options(isolation_level="AUTOCOMMIT")
                value = conn.exec_driver_sql(
                    "SELECT version FROM data_version WHERE id = 1"
                ).scalar()
        except DBAPIError:  # a database older than migration 6 (opened without migrating)
            self.has_data_version = False
            return None
        return None if value is None else int(value)

    def notice_writes(self) -> None:
        """If the database was written since this engine last looked (by another worker,
        ``steppewatch ingest`` or ``import``), empty the cache and reload the in-memory parts
        (at once when they load quickly, else in the background)."""
        version = self.data_version()
        if version is None or version == self.seen_version:
            return
        first = self.seen_version is None
        self.seen_version = version
        if first:
            return
        self.cache.clear()
        if self.store.dialect == "postgresql":  # e.g. the first document linked to an event
            self.support = queries.SearchSupport.detect(self.store)
        if self.profiles is not None:
            self.profiles.reload_after_write()
            self.cache.clear()
        if self.index is not None:
            self.index.refresh()

    def written(self, before: dict[str, Any] | None, after: dict[str, Any] | None) -> None:
        """After a write to one event made through this engine's Store (dicts as
        ``Event.model_dump(mode="json")``; None when unknown): update the caches at once."""
        self.cache.clear()
        previous = self.seen_version
        self.seen_version = self.data_version()
        if self.index is not None:
            self.index.refresh()
        if self.profiles is None:
            return
        if before is not None and after is not None:
            self.profiles.changed(before, after, versions=(previous, self.seen_version))
        else:
            self.profiles.refresh()
        self.cache.clear()  # again: a request between the first clear and the update cached old counts

    def current_index(self) -> EventIndex | None:
        """The event index if it holds the database as last seen, else None."""
        index = self.index
        if index is None or self.seen_version is None:
            return None
        if not index.current(self.seen_version):
            index.refresh()  # nothing if a load is under way; at once on small databases
        return index if index.current(self.seen_version) else None

    # -- the public questions --------------------------------------------------------------
    def page(
        self,
        filters: EventFilter,
        text: str | None = None,
        *,
        order: str = "-date",
        offset: int = 0,
        limit: int = 50,
    ) -> EventPage:
        """One page of the events passing ``filters`` whose text matches ``text`` (the search
        syntax of ``search_terms``), with the total and facet counts of all matches; cached
        ``page_ttl`` seconds."""
        if order not in ORDERS:
            raise ValueError(f"order must be one of {', '.join(ORDERS)}, not {order!r}")
        query = PageRequest(filters, text or None, order, offset, limit)
        key = ("page", query.filters, query.q, query.sort, query.offset, query.per_page)
        cached = self.cache.get(key)
        if cached is None:
            with self._request():
                cached = self._page(query)
                hits = _request_memo.hits.get(("hit_profiles", query.filters, query.q))
                if hits is not None and cached.hit_profiles is None:
                    cached = replace(cached, hit_profiles=hits[0], hit_statuses=hits[1])
            self.cache.put(key, cached, ttl=self.settings.page_ttl)
        return cached  # type: ignore[no-any-return]

    @contextmanager
    def _request(self) -> Iterator[None]:
        """One page's (or one list's counts') reads: a memo of what they learn (estimates,
        samples, the page's ids read with the counts) and, on PostgreSQL, one connection for
        all of them (``_connection``): one pool checkout, its liveness ping, and one
        transaction instead of a checkout, a ping, a BEGIN and a ROLLBACK per read."""
        _request_memo.hits = {}
        try:
            if self.store.dialect != "postgresql":
                yield
                return
            with self.store.engine.connect() as conn:
                conn.info[queries.REQUEST_CONNECTION] = True
                _request_memo.conn = conn
                try:
                    yield
                finally:
                    _request_memo.conn = None
                    conn.info.pop(queries.REQUEST_CONNECTION, None)
                    conn.info.pop(queries.LOCAL_SETTINGS, None)
        finally:
            _request_memo.hits = None

    @contextmanager
    def _connection(self) -> Iterator[Connection]:
        """The request's connection (``_request``) or, outside one, a new connection for the
        block. On the request's connection a read that changed planner settings
        (``queries.set_local``) ends its transaction at the end of the block, so the next
        read runs under the defaults."""
        shared: Connection | None = getattr(_request_memo, "conn", None)
        if shared is None:
            with self.store.engine.connect() as conn:
                yield conn
            return
        try:
            yield shared
        finally:
            queries.end_local(shared)

    def counts(
        self, filters: EventFilter, text: str | None = None, facets: tuple[str, ...] = FACETS
    ) -> tuple[int | None, dict[str, Any]]:
        """Total and facet counts: from the in-memory profiles when there is no text search, else
        from SQL under time limits (cached); a total that cannot be counted in time is None."""
        return self._counts_and_facets(filters, text, facets)

    def list_counts(
        self,
        filters: EventFilter,
        text: str | None = None,
        *,
        order: str = "-date",
        offset: int = 0,
        limit: int = 50,
    ) -> tuple[int | None, dict[str, Any]]:
        """Total and facets of a list, from the path that reads its page (without reading the
        page when there is no text search, nor on PostgreSQL, where a page's total and facets
        are those of ``_counts_and_facets`` whichever way its events are read)."""
        if not text:
            if order in ("date", "-date") and not filters.ids and not filters.text:
                index = self.current_index()
                if index is not None:
                    return index.counts(filters)
            return self._counts_and_facets(filters, None, FACETS)
        if self.store.dialect == "postgresql":
            # e.g. the facet links of a search with a country chosen: the same words without it
            # (its page's events, their sources and the walk for them were read for nothing)
            key = ("page", filters, text, order, offset, limit)
            cached = self.cache.get(key)
            if cached is not None:
                return cached.total, cached.facets
            with self._request():
                return self._counts_and_facets(filters, text)
        page = self.page(filters, text, order=order, offset=offset, limit=limit)
        return page.total, page.facets

    def where(self, filters: EventFilter, text: str | None = None) -> ColumnElement[bool]:
        """The SQL condition of the events passing ``filters`` and matching ``text`` (for
        exports that stream every match, e.g. the explorer's CSV)."""
        return queries.where_clause(filters, text, self.support)

    def order_keys(self, order: str) -> tuple[Any, ...]:
        """The ORDER BY keys of ``order`` (date, -date, id, kind, title) for such exports."""
        from steppewatch.store.store import ORDERS as KEYS

        return KEYS[order]

    # -- counts ----------------------------------------------------------------------------
    def _profile_counts(self, filters: EventFilter) -> tuple[int, dict[str, dict[str, int]]] | None:
        """``profiles.counts`` through the result cache (emptied when the profiles change
        through the app): a list page asks for several filters' counts."""
        assert self.profiles is not None
        key = ("profiles", filters)
        answer = self.cache.get(key)
        if answer is None:
            answer = self.profiles.counts(filters)
            if answer is not None:
                self.cache.put(key, answer)
        return answer  # type: ignore[no-any-return]

    def _counts_and_facets(
        self, filters: EventFilter, q: str | None, facets: tuple[str, ...] = FACETS
    ) -> tuple[int | None, dict[str, Any]]:
        s = self.settings
        if not q and self.profiles is not None and not self.profiles.current(self.seen_version):
            self.profiles.refresh()  # after a write elsewhere: count in SQL until reloaded
        elif not q and self.profiles is not None:
            answer = self._profile_counts(filters)
            if answer is not None:
                return answer[0], {k: answer[1][k] for k in facets}
        if q and replace(filters, statuses=()).is_empty():  # no filter but the review statuses
            hits = self._fts_hits(q)
            if hits is not None and hits > s.count_cap:
                # the event text alone matches more than count_cap: say "more than", no facets
                return None, {k: None for k in facets}
        if q:
            # a moderate search: read the facet columns of every match once, count in Python
            search_key = (filters, q, facets)
            cached = self.cache.get(("search", search_key))
            if cached is not None:
                return cached  # type: ignore[no-any-return]
            words = self._pg_words(filters, q)
            if words is not None:  # the matches' own rows in event_search (migration 16)
                where = pg_search.search_where(
                    words, filters, unindexed=self._pg_unindexed(words, filters)
                )
            else:
                where = queries.where_clause(filters, q, self.support)
            estimate = self._pg_estimate(filters, q)
            rows = None
            memo = getattr(_request_memo, "hits", None)
            wanted = memo.get(("page_wanted",)) if memo is not None else None
            margin = PG_ESTIMATE_MARGIN if words is None else PG_SEARCH_COUNT_MARGIN
            hit_filter = None
            timed_out = False
            if words is not None and wanted is not None:
                hit_filter = self._pg_hit_filter(words, filters, margin * s.search_facet_rows)
            if hit_filter is not None and memo is not None and wanted is not None:
                # every match of the words in the filters' statuses, whatever the codes: the
                # page's counts, its ids, and the counts of its facet links from one read
                # (more than search_facet_rows: the matches with the codes are read as before;
                # past the time limit, not: a second read would only wait as long again)
                try:
                    answer = self._pg_read_hits(filters, q, words, hit_filter, wanted, memo)  # type: ignore[arg-type]
                except queries.TimedOut:
                    answer, timed_out = None, True
                if answer is not None:
                    answer = (answer[0], {k: answer[1][k] for k in facets})
                    self.cache.put(("search", search_key), answer)
                    return answer
            if not timed_out and (estimate is None or estimate <= margin * s.search_facet_rows):
                try:
                    with (
                        self._connection() as conn,
                        queries.time_limit(conn, s.count_limit_ms),
                    ):
                        if wanted is not None and self.store.dialect == "postgresql":
                            # the page's ids from the same read (PostgreSQL): see _page
                            sort, need = wanted
                            both = pg_profile_rows_and_page(
                                self.store,
                                where,
                                s.search_facet_rows,
                                need=need,
                                descending=sort == "-date",
                                conn=conn,
                                table=None if words is None else pg_search.event_search,
                            )
                            if both is not None:
                                rows = both[0]
                                memo[("page_ids", filters, q, sort, need)] = both[1]  # type: ignore[index]
                        else:
                            rows = profile_rows(
                                self.store,
                                where,
                                s.search_facet_rows,
                                conn=conn,
                                table=None if words is None else pg_search.event_search,
                            )
                except queries.TimedOut:
                    rows = None
            # else (PostgreSQL): its planner expects far more matches than search_facet_rows,
            # so reading them would only run into the time limit (a third of the searches of
            # the bench did: 100 ms each, before the page was read)
            if rows is not None:
                n, counted = aggregate(rows, EventFilter())
                answer = (n, {k: counted[k] for k in facets})
                self.cache.put(("search", search_key), answer)
                return answer
            if (
                dated_search.usable(self.support, q, "-date")
                or (self.store.dialect == "sqlite" and dated_search.short_words_only(q))
                or self.store.dialect == "postgresql"
            ):
                # more matches than search_facet_rows, or not read within the time limit: the
                # SQL counts below would read the same rows again under the same limits
                # (seconds lost on common words with a rare filter, or scanning every event for
                # short words; on PostgreSQL three more limits' time before the page is read);
                # the page says "many" instead
                return None, {k: None for k in facets}
        where = queries.where_clause(filters, q, self.support)
        key = (filters, q, facets)
        total: int | None = self.cache.get(("count", key))
        if total is None:
            total = queries.count_events(self.store, where, limit_ms=s.count_limit_ms)
            if total is None:
                capped = queries.count_at_most(
                    self.store,
                    queries.page_where(filters, q, self.support),
                    s.count_cap,
                    limit_ms=s.count_limit_ms,
                )
                total = capped if capped is not None and capped <= s.count_cap else None
            if total is not None:
                self.cache.put(("count", key), total)
        found: dict[str, dict[str, int] | None] | None = self.cache.get(("facets", key))
        if found is None:
            empty = queries.filter_is_empty(filters, q)
            found = queries.facet_counts(
                self.store,
                where,
                facets,
                filtered=not empty,
                limit_ms=s.facet_limit_ms,
                budget_ms=s.facet_budget_ms,
            )
            if all(v is not None for v in found.values()):
                self.cache.put(("facets", key), found)
        return total, found

    def _pg_estimate(self, filters: EventFilter, q: str | None) -> int | None:
        """PostgreSQL: an estimate of the matches of ``filters`` and ``q``, once per request:
        from a sample of ``event_search`` (``pg_search.sampled_matches``) when that table
        serves the search, else (and for one word without other filters than the review
        statuses: ``pg_search.planner_estimates``) the planner's (``queries.pg_estimate``);
        None on SQLite."""
        if self.store.dialect != "postgresql":
            return None
        memo = getattr(_request_memo, "hits", None)
        key = ("estimate", filters, q)
        if memo is not None and key in memo:
            return memo[key]  # type: ignore[no-any-return]
        found: int | None
        words = self._pg_words(filters, q)
        sampled = None
        if words is not None and not pg_search.planner_estimates(words, filters):
            sampled = self._pg_sampled(words, filters)
        if sampled is not None:
            # the planner's estimates of phrases, Chinese and words with a code filter are
            # 5-10x off (30,440 for the 3,801 of "Tajik-Chinese", 1,705 for the 21,383 of
            # "地区和"; "cooperation" in KG under 10,000: its count ran into the time limit)
            found = sampled[0]
        elif words is not None:
            found = queries.pg_estimate(
                self.store,
                pg_search.search_where(words, filters),
                pg_search.event_search,
                conn=_request_conn(),
            )
        else:
            found = queries.pg_estimate(
                self.store, queries.where_clause(filters, q, self.support), conn=_request_conn()
            )
        if memo is not None:
            memo[key] = found
        return found

    def _pg_hit_filter(
        self, words: pg_search.Words, filters: EventFilter, most: float
    ) -> EventFilter | None:
        """A search with code filters (countries, topics, domains) and no other but review
        statuses, whose words have at most ``most`` matches in those statuses whatever the
        codes (from the sample): the filter of those matches (the statuses), read once for the
        page and its facet links (``_pg_read_hits``); else None."""
        without = replace(filters, countries=(), topics=(), domains=())
        if without == filters or not replace(without, statuses=()).is_empty():
            return None
        sampled = self._pg_sampled(words, filters)
        if sampled is None or sampled[3] > most:
            return None
        return without

    def _pg_read_hits(
        self,
        filters: EventFilter,
        q: str,
        words: pg_search.Words,
        hit_filter: EventFilter,
        wanted: tuple[str, int],
        memo: dict[Any, Any],
    ) -> tuple[int, dict[str, Any]] | None:
        """The profiles of every match of ``words`` and ``hit_filter`` (``_pg_hit_filter``),
        and, from the same read, the ids of the page's matches (those passing the codes of
        ``filters`` too) in page order: the page's total and facets (None past
        ``search_facet_rows``). The profiles go with the page
        (``EventPage.hit_profiles``), so a facet link's numbers (the same words without a
        code) are counted from them instead of another read of the words' matches. Raises
        ``queries.TimedOut`` past the count's time limit."""
        s = self.settings
        sort, need = wanted
        with self._connection() as conn, queries.time_limit(conn, s.count_limit_ms):
            both = pg_profile_rows_and_page(
                self.store,
                pg_search.search_where(words, hit_filter),
                s.search_facet_rows,
                need=need,
                descending=sort == "-date",
                conn=conn,
                table=pg_search.event_search,
                page_tests=lambda matches: pg_search.code_tests(filters, matches),
            )
        if both is None:
            return None
        hits, ids = both
        memo[("page_ids", filters, q, sort, need)] = ids
        memo[("hit_profiles", filters, q)] = (hits, hit_filter.statuses)
        return aggregate(hits, filters)

    def _pg_unindexed(self, words: pg_search.Words, filters: EventFilter) -> tuple[str, ...]:
        """The code fields of ``filters`` tested on the words' rows rather than ANDed through
        their GIN index (``pg_search.unindexed_codes``: a common code's index reads hundreds of
        thousands of entries to save fetching a few thousand rows), from the sample and the
        profiles' exact counts of the codes; none when either is not at hand."""
        names = [n for n in pg_search.CODE_FIELDS if getattr(filters, n)]
        if not names or self.profiles is None:
            return ()
        everything = self.profiles.planning_counts(EventFilter())
        sampled = self._pg_sampled(words, filters)
        if everything is None or sampled is None:
            return ()
        code_events: dict[str, int] = {}
        for name in names:
            counted = self.profiles.planning_counts(EventFilter(**{name: getattr(filters, name)}))
            if counted is None:
                return ()
            code_events[name] = counted[0]
        return pg_search.unindexed_codes(filters, sampled[3], code_events, everything[0])

    def _pg_sampled(
        self, words: pg_search.Words, filters: EventFilter
    ) -> tuple[int, dict[str, int], int, int] | None:
        """``pg_search.sampled_matches`` once per request and kept in the result cache (the
        same words and filters on another page, or in a facet link's counts), None past
        100 ms."""
        memo = getattr(_request_memo, "hits", None)
        key = ("sampled", words, filters)
        if memo is not None and key in memo:
            return memo[key]  # type: ignore[no-any-return]
        kept = self.cache.get(key)
        if kept is not None:
            if memo is not None:
                memo[key] = kept
            return kept  # type: ignore[no-any-return]
        everything = (
            self.profiles.planning_counts(EventFilter()) if self.profiles is not None else None
        )
        found: tuple[int, dict[str, int], int, int] | None
        try:
            with self._connection() as conn, queries.time_limit(conn, 100):
                rows = (
                    everything[0]
                    if everything is not None
                    else pg_search.searched_rows(conn, EventFilter())
                )
                found = pg_search.sampled_with_codes(conn, words, filters, rows)
        except queries.TimedOut:
            found = None
        if memo is not None:
            memo[key] = found
        if found is not None:
            self.cache.put(key, found)
        return found

    def _pg_words(self, filters: EventFilter, q: str | None) -> pg_search.Words | None:
        """PostgreSQL with ``event_search`` (migration 16): what ``q`` matches there when that
        table serves the search (``pg_search``: words, Chinese with its trigram index, no
        linked items, no id or text filter), else None."""
        if (
            not self.support.pg_event_search
            or self.support.documents_fts  # linked items match too: the UNION of queries
            or filters.ids
            or filters.text
        ):
            return None
        words = pg_search.words_of(q, cjk=self.support.pg_event_search_cjk)
        if words is None or words.tsquery is None:
            return words
        return pg_search.narrowed(words, self._lexeme_shares())

    def _lexeme_shares(self) -> dict[str, float]:
        """``pg_search.lexeme_shares``, read once per engine (the planner's statistics, which
        move little between ANALYZEs); empty when not readable."""
        shares = self._pg_lexeme_shares
        if shares is None:
            from sqlalchemy.exc import DBAPIError

            with self._connection() as conn:
                try:
                    shares = pg_search.lexeme_shares(conn)
                except DBAPIError:  # (the request's other reads go on)
                    conn.rollback()
                    shares = {}
            self._pg_lexeme_shares = shares
        return shares

    def _fts_hits(self, q: str) -> int | None:
        """``queries.fts_hits`` through the result cache (a search asks twice: counts and walk),
        counted only as far as the two decisions taken on it need (count_cap, walk_min_hits)."""
        s = self.settings
        memo = getattr(_request_memo, "hits", None)  # one count per request, even uncached
        found = self.cache.get(("fts_hits", q)) if memo is None or q not in memo else memo[q]
        if found is None:
            table = "events_fts_dated" if self.support.events_fts_dated else "events_fts"
            # with events_fts_dated, only count_cap matters (walk_min_hits is for the old table)
            cap = (
                s.count_cap if self.support.events_fts_dated else max(s.count_cap, s.walk_min_hits)
            )
            found = (queries.fts_hits(self.store, q, cap=cap, table=table),)
            self.cache.put(("fts_hits", q), found)
        if memo is not None:
            memo[q] = found
        return found[0]  # type: ignore[no-any-return]

    # -- choosing how to read a page -------------------------------------------------------
    def _walk(self, query: PageRequest, total: int | None, years: dict[str, int] | None) -> bool:
        """Walk the date index (stop after one page) or let the planner collect and sort
        matches? Walking wins when matches are common near the start of the order, loses badly
        when they are rare or lie at the far end, so estimate the rows a walk reads from the
        year counts of the matches and of all events (both known exactly from the profiles)."""
        if self.store.dialect != "sqlite" or query.sort not in ("date", "-date"):
            return False
        if query.q:
            if queries.fts_match(query.q) is None:
                return False  # short words only: LIKE scan, nothing to walk with
            if self.support.events_fts_dated:
                return False  # the date-ordered read of the hits was tried first (dated_search)
            hits = self._fts_hits(query.q)
            # None: counting timed out, so very many
            return hits is None or hits >= self.settings.walk_min_hits
        everything = (
            self.profiles.planning_counts(EventFilter()) if self.profiles is not None else None
        )
        if total is None or everything is None or years is None:
            return True
        if total == 0:
            return False
        need = query.offset + query.per_page
        all_years = everything[1]["year"]
        order = sorted(all_years, key=int, reverse=query.sort == "-date")
        read = found = 0
        for year in order:
            read += all_years.get(year, 0)
            found += years.get(year, 0)
            if found >= need:
                break
        return read <= max(self.settings.walk_max_read, self._plan_cost(query.filters))

    def _list_plan(
        self, query: PageRequest, total: int | None, years: dict[str, int] | None
    ) -> list_plans.Plan | None:
        """The cheapest way to read a date-ordered list page without text search (SQLite or
        PostgreSQL, profiles loaded), or None to leave it to the older heuristics."""
        if (
            query.q
            or self.store.dialect not in ("sqlite", "postgresql")
            or query.sort not in ("date", "-date")
            or self.profiles is None
            or total is None
            or years is None
        ):
            return None
        profiles = self.profiles

        def counts(filters: EventFilter) -> tuple[int, dict[str, dict[str, int]]]:
            found = profiles.planning_counts(filters)
            if found is None:
                raise LookupError
            return found

        postgres = self.store.dialect == "postgresql"
        try:
            return list_plans.choose(
                counts,
                query.filters,
                total=total,
                need=query.offset + query.per_page,
                descending=query.sort == "-date",
                years=years,
                **(list_plans.PG_COSTS if postgres and self.support.pg_lookup_index else {}),
            )
        except LookupError:
            return None

    def _plan_cost(self, filters: EventFilter) -> int:
        """Rows the planner's path reads: it drives from the most selective single condition
        (a code list or an indexed column), so the smallest of their separate counts."""
        assert self.profiles is not None
        costs = []
        for name in ("countries", "topics", "domains", "kinds", "levels", "frameworks", "statuses"):
            values = getattr(filters, name)
            if values:
                answer = self.profiles.planning_counts(EventFilter(**{name: values}))
                if answer is not None:
                    costs.append(answer[0])
        if filters.since is not None or filters.until is not None:
            answer = self.profiles.planning_counts(
                EventFilter(since=filters.since, until=filters.until)
            )
            if answer is not None:
                costs.append(answer[0])
        return min(costs) if costs else 0

    def _read_dated_hits(self, query: PageRequest) -> bool:
        """A date-ordered search: read the hits in date order (``dated_search``) when that
        reaches a full page soon: few hits, no filters, or filters matching a large enough share
        of all events (estimated as independent of the words); else let the planner drive from
        the filters' indexes and test each event against the set of hits."""
        if not dated_search.usable(self.support, query.q, query.sort):
            return False
        hits = self._fts_hits(query.q or "")
        if query.filters.is_empty() or (hits is not None and hits <= self.settings.count_cap):
            return True
        profiles = self.profiles
        everything = profiles.planning_counts(EventFilter()) if profiles is not None else None
        matching = profiles.planning_counts(query.filters) if profiles is not None else None
        if everything is None or matching is None:
            return True
        if matching[0] == 0:
            return False
        reads = (query.offset + query.per_page) * everything[0] / matching[0]
        return bool(reads <= self.settings.walk_max_read)

    def _indexed_page(self, query: PageRequest) -> EventPage | None:
        """A date-ordered page from the in-memory event index (``event_index``), or None when
        it cannot answer (not loaded or not current, another order, ids or short words)."""
        if query.sort not in ("date", "-date") or query.filters.ids or query.filters.text:
            return None
        index = self.current_index()
        if index is None:
            return None
        descending = query.sort == "-date"
        if not query.q:
            total, facets = index.counts(query.filters)  # of the same load as the page
            keys = index.list_keys(
                query.filters, descending=descending, offset=query.offset, limit=query.per_page
            )
            with self.store.engine.connect() as conn:
                return EventPage(dated_search.event_dicts(conn, keys), total, dict(facets))
        match = queries.fts_match(query.q)
        if (
            match is None
            or not self.support.events_fts_dated
            or search_terms.short_terms(search_terms.parse(query.q))
        ):
            return None
        with self.store.engine.connect() as conn:
            try:
                with queries.time_limit(conn, self.settings.search_limit_ms):
                    found = index.search(
                        conn.connection.driver_connection,
                        match,
                        query.filters,
                        descending=descending,
                        offset=query.offset,
                        limit=query.per_page,
                        documents=self.support.documents_fts and self.support.coded_items,
                    )
            except queries.TimedOut:
                raise _search_timeout() from None
            events_found = dated_search.event_dicts(conn, found.keys)
        if found.profile_counts is None:
            return EventPage(events_found, None, {k: None for k in FACETS})
        total, facets = aggregate(found.profile_counts, EventFilter())
        return EventPage(events_found, total, dict(facets), hit_profiles=found.hit_profile_counts)

    def _page(self, query: PageRequest) -> EventPage:
        indexed = self._indexed_page(query)
        if indexed is not None:
            return indexed
        s = self.settings
        memo = getattr(_request_memo, "hits", None)
        need = query.offset + query.per_page
        if (
            memo is not None
            and query.q
            and self.store.dialect == "postgresql"
            and query.sort in ("date", "-date")
        ):
            # reading every match for the counts, also keep the first ``need`` ids in page
            # order: the page then reads only its own rows (_pg_dated_page)
            memo[("page_wanted",)] = (query.sort, need)
        total, facets = self._counts_and_facets(query.filters, query.q)
        if total == 0 or (total is not None and query.offset >= total):
            return EventPage([], total, facets)
        if query.q and self._read_dated_hits(query):
            # with filters, the choice assumed words and filters independent: if the walk has
            # not filled the page by dated_first_ms, the matches are rarer than that, so let
            # the planner drive from the filters instead (below)
            hits = self._fts_hits(query.q)
            few = hits is not None and hits <= s.count_cap  # the walk reads at most these
            first = s.search_limit_ms if query.filters.is_empty() or few else s.dated_first_ms
            try:
                found = dated_search.search_page(
                    self.store,
                    query.filters,
                    query.q,
                    self.support,
                    order=query.sort,
                    limit=query.per_page,
                    offset=query.offset,
                    limit_ms=first,
                )
                return EventPage(found, total, facets)
            except queries.TimedOut:
                if first == s.search_limit_ms:
                    raise _search_timeout() from None
            # collect the matches from the filters' and the words' indexes and sort them; ORDER
            # BY +date_sort keeps SQLite from walking the date index instead (every event, when
            # the matches are few)
            rowid: Any = literal_column("events.rowid")
            date: Any = literal_column("+events.date_sort")
            keys = [date.desc(), rowid.desc()] if query.sort == "-date" else [date, rowid]
            where = queries.where_clause(query.filters, query.q, self.support)
            return self._read_page(query, where, total, facets, s.search_limit_ms, keys)
        if dated_search.short_words_only(query.q) and self.store.dialect == "sqlite":
            # no index serves words of 1-2 characters: scan in page order for a bounded time
            if query.sort in ("date", "-date"):
                # in page order along the date index: the event columns as +col (the default
                # review statuses would otherwise lead SQLite to their index, and a sort of
                # every match)
                where = and_(
                    queries.page_where(query.filters, None, self.support, walk_date_index=True),
                    queries.search_condition(query.q or "", self.support),
                )
            else:
                where = queries.page_where(
                    query.filters, query.q, self.support, walk_date_index=False
                )
            found, complete = dated_search.scan_page(
                self.store,
                where,
                order=query.sort,
                limit=query.per_page,
                offset=query.offset,
                limit_ms=s.short_scan_ms,
            )
            if complete:
                return EventPage(found, total, facets)
            notice = SHORT_WORDS_NOTICE.format(s=s.short_scan_ms / 1000)
            return EventPage(found, None, facets, incomplete=True, notice=notice)
        if self.store.dialect == "postgresql" and query.sort in ("date", "-date"):
            return self._pg_dated_page(query, total, facets)
        plan = self._list_plan(query, total, facets.get("year"))
        if plan is not None:
            where, keys = list_plans.where_and_order(plan, query.filters, query.sort == "-date")
            return self._read_page(query, where, total, facets, s.list_limit_ms, keys)
        if self._walk(query, total, facets.get("year")):
            where = queries.page_where(query.filters, query.q, self.support, walk_date_index=True)
        elif _has_indexed_condition(query.filters) and not query.q:
            # the planner drives from the indexed column; codes checked per row (EXISTS)
            where = queries.page_where(query.filters, None, self.support, walk_date_index=False)
        else:  # the planner drives from the code index (id IN ...) and sorts the matches
            where = queries.where_clause(query.filters, query.q, self.support)
        return self._read_page(query, where, total, facets, s.search_limit_ms if query.q else None)

    def _read_page(
        self,
        query: PageRequest,
        where: Any,
        total: int | None,
        facets: dict[str, Any],
        limit_ms: int | None,
        keys: list[Any] | None = None,
        pg_settings: dict[str, str] | None = None,
    ) -> EventPage:
        """The page's events read with ``where`` (and sort ``keys``, PostgreSQL planner
        ``pg_settings``) within ``limit_ms``; [SW730] past it."""
        try:
            found = queries.list_event_dicts(
                self.store,
                where,
                order=query.sort,
                limit=query.per_page,
                offset=query.offset,
                limit_ms=limit_ms,
                keys=keys,
                pg_settings=pg_settings,
                conn=_request_conn(),
            )
        except queries.TimedOut:
            raise _search_timeout() from None
        return EventPage(found, total, facets)

    def _pg_two_step_page(
        self, query: PageRequest, plan: list_plans.Plan, total: int | None, facets: dict[str, Any]
    ) -> EventPage:
        """PostgreSQL, a plan that walks an index in page order (walk, kind, code_date): the
        page's event ids from indexes only (``list_plans.pg_page_ids``, migration 15), then
        their rows; [SW730] past ``list_limit_ms``."""

        ids_query, settings = list_plans.pg_page_ids(plan, query.filters, query.sort == "-date")
        ids_query = ids_query.limit(query.per_page).offset(query.offset)
        try:
            with self._connection() as conn:
                with queries.time_limit(conn, self.settings.list_limit_ms):
                    queries.set_local(conn, settings)
                    ids = list(conn.execute(ids_query).scalars())
        except queries.TimedOut:
            raise _search_timeout() from None
        return self._page_of_ids(query, ids, total, facets, self.settings.list_limit_ms)

    def _page_of_ids(
        self,
        query: PageRequest,
        ids: list[Any] | None,
        total: int | None,
        facets: dict[str, Any],
        limit_ms: int,
    ) -> EventPage:
        """The page of ``query`` whose events are ``ids`` (None or none: an empty page), read by
        id in the ids' order (the page order: date_sort, then id)."""
        from steppewatch.store.store import ORDERS as KEYS

        if not ids:
            return EventPage([], total, facets)
        page = PageRequest(EventFilter(), None, query.sort, 0, len(ids))
        return self._read_page(
            page, events.c.id.in_(ids), total, facets, limit_ms, list(KEYS[query.sort])
        )

    def _pg_dated_page(
        self, query: PageRequest, total: int | None, facets: dict[str, Any]
    ) -> EventPage:
        """A date-ordered page on PostgreSQL. Its planner guesses how many events a text
        search or a rare filter matches, and walked the date index for pages whose matches were
        few or far (reading a million rows: seconds, or the time limit). Here the choice is made
        on exact counts (the total, or the filters' count from the profiles): walk the date index
        when it reaches the page within ``walk_max_read`` rows (matches spread evenly), else
        order by ``date_sort || ''``, which no index provides, so PostgreSQL collects the matches
        from the filters' or the words' indexes and sorts them.

        A list without text search takes the cheapest plan of ``list_plans`` (as on SQLite,
        from the profiles' exact counts): e.g. one code's rows in date order
        (``ix_event_codes_code_date``), each event looked up until the page is full."""
        s = self.settings
        if not query.q:
            query = self._pg_without_kept_statuses(query, total)
        memo = getattr(_request_memo, "hits", None)
        need = query.offset + query.per_page
        key = ("page_ids", query.filters, query.q, query.sort, need)
        if query.q and memo is not None and key in memo:  # read with the counts
            ids = memo[key][query.offset : need]
            return self._page_of_ids(query, ids, total, facets, s.search_limit_ms)
        plan = self._list_plan(query, total, facets.get("year"))
        if plan is not None and self._pg_list_walk(query, plan, facets.get("year")):
            return self._pg_search_list_page(query, total, facets)
        if (
            plan is not None
            and total is not None
            and self.support.pg_code_arrays
            and total * PG_BITMAP_COST < plan.reads
        ):
            # few matches: the planner ANDs the bitmaps of the filters' indexes (the codes' GIN
            # indexes, migration 15) and sorts the matches' rows
            date_key: Any = literal_column("(events.date_sort || '')")
            ident_key: Any = literal_column("events.id")
            bitmap_keys = (
                [date_key.desc(), ident_key.desc()]
                if query.sort == "-date"
                else [date_key, ident_key]
            )
            where = queries.pg_array_where(query.filters)
            return self._read_page(query, where, total, facets, s.list_limit_ms, bitmap_keys)
        if plan is not None and plan.way in TWO_STEP_WAYS and self.support.pg_lookup_index:
            return self._pg_two_step_page(query, plan, total, facets)
        if plan is not None:  # a list without text search: the plan of exact counts
            where, plan_keys, settings = list_plans.pg_where_and_order(
                plan, query.filters, query.sort == "-date"
            )
            return self._read_page(
                query, where, total, facets, s.list_limit_ms, plan_keys, settings
            )
        words = self._pg_words(query.filters, query.q)
        if words is not None:
            return self._pg_search_page(query, words, total, facets)
        need = query.offset + query.per_page
        share = None
        profiles = self.profiles
        everything = profiles.planning_counts(EventFilter()) if profiles is not None else None
        f = query.filters
        if everything is not None and (f.since is not None or f.until is not None):
            # the walk starts and ends in the filter's years (date_sort range below)
            everything = profiles.planning_counts(EventFilter(since=f.since, until=f.until))  # type: ignore[union-attr]
        if everything is not None and everything[0]:
            if total is not None:
                share = total / everything[0]
            else:  # a search with many matches: the planner's estimate of them (no rows
                # read; counting the words' hits up to 50,000 ran into its 100 ms limit for
                # most such searches)
                estimate = self._pg_estimate(query.filters, query.q)
                if estimate is not None:
                    share = min(1.0, estimate / everything[0])
        unknown = share is None  # counts timed out: try the walk briefly, then sort
        walk = unknown or (share is not None and share > 0 and need / share <= s.pg_walk_max_read)
        # a share from the planner's estimate assumes the matches spread evenly over the years;
        # a word of some years only ("Forces": none after 2023) left the walk reading a
        # hundred thousand newer events first (5 s): walk briefly, then sort
        unknown = unknown or total is None
        where = queries.where_clause(query.filters, query.q, self.support)
        if f.since is not None:  # years as a range of the date index too (YYYY-MM-DD)
            where = and_(where, events.c.date_sort >= f"{f.since:04d}")
        if f.until is not None:
            where = and_(where, events.c.date_sort < f"{f.until + 1:04d}")
        date: Any = literal_column("(events.date_sort || '')")
        ident: Any = literal_column("events.id")
        sorted_keys = [date.desc(), ident.desc()] if query.sort == "-date" else [date, ident]
        limit_ms = s.search_limit_ms if query.q else s.list_limit_ms
        tries: list[tuple[list[Any] | None, int]] = []
        if walk and unknown:  # many matches: the walk fills the page at once; few: it never ends
            tries = [(None, s.dated_first_ms), (sorted_keys, limit_ms)]
        else:
            tries = [(None if walk else sorted_keys, limit_ms)]
        for keys, ms in tries:
            try:
                found = queries.list_event_dicts(
                    self.store,
                    where,
                    order=query.sort,
                    limit=query.per_page,
                    offset=query.offset,
                    limit_ms=ms,
                    keys=keys,
                    conn=_request_conn(),
                )
                return EventPage(found, total, facets)
            except queries.TimedOut:
                continue
        raise _search_timeout()

    def _pg_without_kept_statuses(self, query: PageRequest, total: int | None) -> PageRequest:
        """A list whose review statuses keep every event its other filters keep (the default
        statuses, when no event is suggested or rejected: exact, from the current profiles)
        is read without them: no plan then tests each event's status in an index (a third of
        a code_date plan's time)."""
        f = query.filters
        if (
            not f.statuses
            or total is None
            or self.profiles is None
            or not self.profiles.current(self.seen_version)
        ):
            return query
        lighter = replace(f, statuses=())
        counted = self._profile_counts(lighter)
        if counted is None or counted[0] != total:
            return query
        return replace(query, filters=lighter)

    def _pg_list_walk(
        self, query: PageRequest, plan: list_plans.Plan, years: dict[str, int] | None
    ) -> bool:
        """PostgreSQL with ``event_search`` (migration 16): does walking its rows in page order
        (``pg_search.list_ids``) read less than ``plan``? Its rows read are those of the
        ``walk`` plan (every event of the years passed), each much cheaper than a read of the
        plans of ``list_plans`` (``pg_search.LIST_WALK_COST``)."""
        f = query.filters
        if not self.support.pg_event_search or f.ids or f.text or years is None:
            return False
        everything = (
            self.profiles.planning_counts(EventFilter()) if self.profiles is not None else None
        )
        if everything is None:
            return False
        reads = list_plans.ordered_reads(
            everything[1]["year"],
            years,
            query.offset + query.per_page,
            descending=query.sort == "-date",
            since=f.since,
            until=f.until,
        )
        return reads * pg_search.LIST_WALK_COST < plan.reads

    def _pg_search_list_page(
        self, query: PageRequest, total: int | None, facets: dict[str, Any]
    ) -> EventPage:
        """A list page's ids by walking ``event_search`` (``_pg_list_walk``), then their rows;
        [SW730] past ``list_limit_ms``."""

        s = self.settings
        try:
            with self._connection() as conn:
                with queries.time_limit(conn, s.list_limit_ms):
                    ids = pg_search.list_ids(
                        conn,
                        query.filters,
                        descending=query.sort == "-date",
                        limit=query.per_page,
                        offset=query.offset,
                    )
        except queries.TimedOut:
            raise _search_timeout() from None
        return self._page_of_ids(query, ids, total, facets, s.list_limit_ms)

    def _pg_search_page(
        self, query: PageRequest, words: pg_search.Words, total: int | None, facets: dict[str, Any]
    ) -> EventPage:
        """A date-ordered search on PostgreSQL with ``event_search`` (migration 16): the page's
        ids by a bounded walk of its date index or by sorting the words' matches
        (``pg_search.choose``, on the exact total or the planner's estimate), then their rows;
        [SW730] past ``search_limit_ms``. Filters that keep every event of the searched years
        (the default review statuses, usually) are not tested per row."""

        s = self.settings
        f = query.filters
        years = EventFilter(since=f.since, until=f.until)
        rows: int | None = None
        searched = f
        if self.profiles is not None and self.profiles.current(self.seen_version):
            everything = self._profile_counts(years)
            matching = self._profile_counts(f)
            if everything is not None and matching is not None:
                rows = everything[0]
                if matching[0] == rows:
                    searched = years
        estimate = total if total is not None else self._pg_estimate(f, query.q)
        need = query.offset + query.per_page
        # where the matches lie in time, from a sample (a word of earlier years only would
        # walk years of rows): with the profiles' years of every event
        all_years = None
        if self.profiles is not None:
            everything_counts = self.profiles.planning_counts(EventFilter())
            all_years = None if everything_counts is None else everything_counts[1]["year"]
        sampled = self._pg_sampled(words, f) if all_years is not None else None
        unindexed = self._pg_unindexed(words, searched)
        descending = query.sort == "-date"
        try:
            with self._connection() as conn:
                with queries.time_limit(conn, s.search_limit_ms):
                    if rows is None:
                        rows = pg_search.searched_rows(conn, years)
                    way, bound = pg_search.choose(estimate, need, rows)
                    if sampled is not None and all_years is not None:
                        way, bound = pg_search.choose_by_years(
                            *sampled[:3],
                            all_years,
                            need,
                            descending=descending,
                            since=f.since,
                            until=f.until,
                        )
                    ids = pg_search.page_ids(
                        conn,
                        words,
                        searched,
                        descending=descending,
                        way=way,
                        bound=bound,
                        limit=query.per_page,
                        offset=query.offset,
                        whole=bound >= rows,
                        unindexed=unindexed,
                    )
                    if ids is None:  # the walk did not reach the page's end: sort the matches
                        ids = pg_search.page_ids(
                            conn,
                            words,
                            searched,
                            descending=descending,
                            way="sort",
                            bound=0,
                            limit=query.per_page,
                            offset=query.offset,
                            unindexed=unindexed,
                        )
        except queries.TimedOut:
            raise _search_timeout() from None
        return self._page_of_ids(query, ids, total, facets, s.search_limit_ms)


# PostgreSQL: a search whose matches the planner estimates at more than this many times
# QuerySettings.search_facet_rows is not counted. On the bench's searches every estimate over
# 20,000 had more than 20,000 matches, and the reads of 8,000 or more ran past the 100 ms limit
# anyway; its estimates of phrases run high (31,578 for 3,801 matches of "Tajik-Chinese").
PG_ESTIMATE_MARGIN = 1.0
# ... with event_search (pg_search): its matches' rows are read for the counts up to half
# search_facet_rows (10,000 by default: 40-80 ms on the bench machine; 15,252 took 75-100 ms
# and ran into the 100 ms limit under load, a tenth of a second lost before the page was read)
PG_SEARCH_COUNT_MARGIN = 0.5
# PostgreSQL: a list's match read from the ANDed bitmaps of its filters' indexes and sorted
# costs about this many reads of list_plans' plans (bench machine: 5,722 matches in 64-74 ms,
# against 61,156 reads of the "column" plan in 149-160 ms). On the bench's first 150 list URLs
# (1M events, one client, the best of two runs each): 10 gave p95 89.6 ms and 3,854 ms in all,
# 5 gave 80.9 and 3,565, 3 gave 78.8 and 3,511 (but p90 64 against 55)
PG_BITMAP_COST = 5.0
TWO_STEP_WAYS = ("walk", "kind", "code_date")  # PostgreSQL: ids from indexes, then the rows


def _has_indexed_condition(filters: EventFilter) -> bool:
    return bool(
        filters.kinds
        or filters.levels
        or filters.frameworks
        or filters.statuses
        or filters.since is not None
        or filters.until is not None
    )


__all__ = [
    "EventPage",
    "PageRequest",
    "QueryEngine",
    "QuerySettings",
    "SHORT_WORDS_NOTICE",
    "SearchTimeout",
    "read_data_version",
]
