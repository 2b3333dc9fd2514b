"""``QuerySettings``: the limits of ``Store.query_events`` (time limits, cache sizes, thresholds).

Every field has the value the explorer used before these limits were settings (they were module
constants in ``steppewatch.web``); pass your own to ``open_store(url, query_settings=...)`` or
``Store(url, query_settings=...)``, or to ``steppewatch.web.create_app``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class QuerySettings:
    """Limits and thresholds of the event query engine (``Store.query_events``)."""

    count_cap: int = 10_000
    """A search whose words match more events than this (with no filter but review statuses)
    gets no exact total and no facets: the page says "more than" instead of counting them."""

    count_limit_ms: int | None = 100
    """Time limit (ms) of one SQL count of the matching events; past it the total is counted up
    to ``count_cap`` only, or left unknown. None: no limit."""

    facet_limit_ms: int | None = 100
    """Time limit (ms) of the SQL count of one facet; a facet past it is reported as unknown
    (None) instead of slowing the page. None: no limit."""

    facet_budget_ms: int | None = 150
    """Time (ms) all facets of one page may take together in SQL; facets not started within it
    are reported as unknown. None: no budget."""

    search_limit_ms: int = 5_000
    """Time limit (ms) of reading one page of a text search; past it the query raises
    ``SearchTimeout`` ([SW730])."""

    list_limit_ms: int = 10_000
    """Time limit (ms) of reading one list page without text search (SQLite planned reads)."""

    dated_first_ms: int = 300
    """A date-ordered search with filters first reads the words' hits in date order for this
    long (ms); if the page is not full by then, the filters' indexes drive instead."""

    search_facet_rows: int = 20_000
    """A search with at most this many matches gets an exact total and exact facets, counted
    from the facet columns of every match (SQL path)."""

    facet_hits: int = 20_000
    """In-memory event index: a search with at most this many hits is read whole (exact total
    and facets); with more, hits are read only until the page is full."""

    walk_max_read: int = 30_000
    """SQLite: walk the date index for a list page when the walk reads at most this many rows
    (or fewer than the planner's path would)."""

    pg_walk_max_read: int = 2_000
    """PostgreSQL: a date-ordered page walks the date index when it reaches the page within
    this many rows (estimated from exact counts), else the matches are collected and sorted. A
    walked row costs more there (its text vector, or a code lookup, per row) than on SQLite."""

    walk_min_hits: int = 20_000
    """SQLite without the dated text index: a search walks the date index when its words have
    at least this many hits."""

    short_scan_ms: int = 1_500
    """A search of words of 1-2 characters only (no index serves them: every event is read)
    scans for at most this long (ms); the page then holds the matches found so far and says so."""

    cache_size: int = 1_024
    """Entries of the result cache (pages, counts, facets) per Store; 0 turns it off."""

    cache_ttl: float = 300.0
    """Seconds a cached count or facet is served (writes through the same Store empty the
    cache at once; writes by other processes show within this time)."""

    page_ttl: float = 30.0
    """Seconds a cached page of events is served."""

    use_profiles: bool = True
    """Keep the facet profiles of all events in memory (exact counts and facets of any filter
    without text in milliseconds); loaded by ``QueryEngine.start``."""

    use_event_index: bool = True
    """SQLite, with profiles: also keep every event's date key and profile in memory (the event
    index), which serves date-ordered list and search pages."""

    max_profiles: int = 50_000
    """The in-memory profiles are disabled (SQL counts instead) above this many distinct
    profiles."""

    profiles_ttl: float = 600.0
    """Seconds after which the in-memory profiles are reloaded in the background."""

    index_max_profiles: int = 200_000
    """The event index is disabled above this many distinct profiles."""

    reload_gap_min: float = 10.0
    """Event index: at least this many seconds between two background reloads."""

    reload_gap_factor: float = 4.0
    """Event index: background reloads start at least this many load times apart."""


DEFAULT_SETTINGS = QuerySettings()
