"""Public read-only pages and their JSON twins: events list, event, country, topic, CSV."""

from __future__ import annotations

import threading
from dataclasses import replace
from typing import Any

from sqlalchemy import and_, literal_column
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse

from steppewatch.errors import NotFound
from steppewatch.store import EventFilter
from steppewatch.web import dated_search, facet_links, list_plans, queries, search_terms
from steppewatch.web.charts import bars, year_columns
from steppewatch.web.errors import HTTPError, coded_error, from_library_error, issue
from steppewatch.web.params import (
    CODE_PARAMS,
    COUNTRY_CODES,
    PUBLIC_STATUSES,
    ListQuery,
    check_names,
    parse_list_query,
    parse_query,
)
from steppewatch.web.readouts import event_evidence
from steppewatch.web.security import current_user
from steppewatch.web.state import WebState, json_response, link, render, state_of


def _event_json(event: Any) -> dict[str, Any]:
    data: dict[str, Any] = event.model_dump(mode="json")
    return data


COUNT_CAP = 10_000
SEARCH_LIMIT_MS = 5_000
LIST_LIMIT_MS = 10_000  # a list page without text search (PostgreSQL: the statement timeout)
DATED_FIRST_MS = 300  # a date-ordered search with filters: walk the hits this long, then plan
SEARCH_FACET_ROWS = 20_000  # searches with at most this many matches get exact facets
PAGE_TTL = 30.0  # seconds a cached page of events is served


def profile_counts(
    web: WebState, filters: EventFilter
) -> tuple[int, dict[str, dict[str, int]]] | None:
    """``web.profiles.counts`` through the result cache (emptied when the profiles change
    through the app): a list page asks for several filters' counts, each a pass over every
    profile."""
    key = ("profiles", filters)
    answer = web.cache.get(key)
    if answer is None:
        answer = web.profiles.counts(filters)
        if answer is not None:
            web.cache.put(key, answer)
    return answer  # type: ignore[no-any-return]


def counts_and_facets(
    web: WebState, filters: EventFilter, q: str | None, facets: tuple[str, ...] = queries.FACETS
) -> tuple[int | None, dict[str, Any]]:
    """Total and facet counts: from the in-memory profiles when there is no text search, else
    from SQL under time limits (cached); a count that times out falls back to 'more than
    COUNT_CAP'."""
    if not q and web.profiles is not None and not web.profiles.current(web.seen_version):
        web.profiles.refresh()  # after a write elsewhere: count in SQL until they are reloaded
    elif not q and web.profiles is not None:
        answer = profile_counts(web, filters)
        if answer is not None:
            return answer[0], {k: answer[1][k] for k in facets}
    if q and replace(filters, statuses=()).is_empty():  # no filter but the review statuses
        hits = fts_hits(web, q)
        if hits is not None and hits > COUNT_CAP:
            # the event text alone matches more than COUNT_CAP: say "more than", skip facets
            return None, {k: None for k in facets}
    if q:
        # a moderate search: read the facet columns of every match once, count in Python
        from steppewatch.web.profiles import aggregate, profile_rows

        key = (filters, q, facets)
        cached = web.cache.get(("search", key))
        if cached is not None:
            return cached  # type: ignore[no-any-return]
        where = queries.where_clause(filters, q, web.support)
        try:
            with web.store.engine.connect() as conn, queries.time_limit(conn, web.count_limit_ms):
                rows = profile_rows(web.store, where, SEARCH_FACET_ROWS, conn=conn)
        except queries.TimedOut:
            rows = None
        if rows is not None:
            total, found = aggregate(rows, EventFilter())
            answer = (total, {k: found[k] for k in facets})
            web.cache.put(("search", key), answer)
            return answer
        if dated_search.usable(web.support, q, "-date") or (
            web.store.dialect == "sqlite" and dated_search.short_words_only(q)
        ):
            # more matches than SEARCH_FACET_ROWS, or not read within the time limit: the SQL
            # counts below would read the same rows again under the same limits (seconds lost
            # on common words with a rare filter, or scanning every event for short words);
            # the page says "many" instead
            return None, {k: None for k in facets}
    where = queries.where_clause(filters, q, web.support)
    key = (filters, q, facets)
    total = web.cache.get(("count", key))
    if total is None:
        total = queries.count_events(web.store, where, limit_ms=web.count_limit_ms)
        if total is None:
            capped = queries.count_at_most(
                web.store,
                queries.page_where(filters, q, web.support),
                COUNT_CAP,
                limit_ms=web.count_limit_ms,
            )
            total = capped if capped is not None and capped <= COUNT_CAP else None
        if total is not None:
            web.cache.put(("count", key), total)
    found = web.cache.get(("facets", key))
    if found is None:
        empty = queries.filter_is_empty(filters, q)
        found = queries.facet_counts(
            web.store,
            where,
            facets,
            filtered=not empty,
            limit_ms=web.facet_limit_ms,
            budget_ms=web.facet_budget_ms,
        )
        if all(v is not None for v in found.values()):
            web.cache.put(("facets", key), found)
    return total, found


def fts_hits(web: WebState, q: str) -> int | None:
    """``queries.fts_hits`` through the result cache (a search asks twice: counts and walk),
    counted only as far as the two decisions taken on it need (COUNT_CAP, WALK_MIN_HITS)."""
    memo = getattr(_request_memo, "hits", None)  # one count per request, even without a cache
    found = web.cache.get(("fts_hits", q)) if memo is None or q not in memo else memo[q]
    if found is None:
        table = "events_fts_dated" if web.support.events_fts_dated else "events_fts"
        # with events_fts_dated, only COUNT_CAP matters (WALK_MIN_HITS is for the old table)
        cap = COUNT_CAP if web.support.events_fts_dated else max(COUNT_CAP, WALK_MIN_HITS)
        found = (queries.fts_hits(web.store, q, cap=cap, table=table),)
        web.cache.put(("fts_hits", q), found)
    if memo is not None:
        memo[q] = found
    return found[0]  # type: ignore[no-any-return]


_request_memo = threading.local()


WALK_MAX_READ = (
    30_000  # walk the date index if it reads at most this many rows, or fewer than the planner
)
WALK_MIN_HITS = 20_000  # for a text search: walk when it has at least this many hits


def _walk(web: WebState, query: ListQuery, total: int | None, years: dict[str, int] | None) -> bool:
    """Walk the date index (stop after one page) or let the planner collect and sort matches?
    Walking wins when matches are common near the start of the order, loses badly when they
    are rare or lie at the far end, so estimate the rows a walk reads from the year counts of
    the matches and of all events (both known exactly from the profiles)."""
    if web.store.dialect != "sqlite" or query.sort not in ("date", "-date"):
        return False
    if query.q:
        if queries.fts_match(query.q) is None:
            return False  # short words only: LIKE scan, nothing to walk with
        if web.support.events_fts_dated:
            return False  # the date-ordered read of the hits was tried first (dated_search)
        hits = fts_hits(web, query.q)
        return hits is None or hits >= WALK_MIN_HITS  # None: counting timed out, so very many
    everything = web.profiles.planning_counts(EventFilter()) if web.profiles is not None else None
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
    return read <= max(WALK_MAX_READ, _plan_cost(web, query.filters))


def _list_plan(
    web: WebState, query: ListQuery, total: int | None, years: dict[str, int] | None
) -> list_plans.Plan | None:
    """The cheapest way to read a date-ordered list page without text search (SQLite, profiles
    loaded), or None to leave it to the older heuristics below."""
    if (
        query.q
        or web.store.dialect != "sqlite"
        or query.sort not in ("date", "-date")
        or web.profiles is None
        or total is None
        or years is None
    ):
        return None
    profiles = web.profiles

    def counts(filters: EventFilter) -> tuple[int, dict[str, dict[str, int]]]:
        found = profiles.planning_counts(filters)
        if found is None:
            raise LookupError
        return found  # type: ignore[no-any-return]

    try:
        return list_plans.choose(
            counts,
            query.filters,
            total=total,
            need=query.offset + query.per_page,
            descending=query.sort == "-date",
            years=years,
        )
    except LookupError:
        return None


def _has_indexed_condition(filters: EventFilter) -> bool:
    return bool(
        filters.kinds
        or filters.levels
        or filters.frameworks
        or filters.statuses
        or filters.since is not None
        or filters.until is not None
    )


def _plan_cost(web: WebState, filters: EventFilter) -> int:
    """Rows the planner's path reads: it drives from the most selective single condition (a
    code list or an indexed column), so the smallest of their separate counts."""
    assert web.profiles is not None
    costs = []
    for name in ("countries", "topics", "domains", "kinds", "levels", "frameworks", "statuses"):
        values = getattr(filters, name)
        if values:
            answer = web.profiles.planning_counts(EventFilter(**{name: values}))
            if answer is not None:
                costs.append(answer[0])
    if filters.since is not None or filters.until is not None:
        answer = web.profiles.planning_counts(EventFilter(since=filters.since, until=filters.until))
        if answer is not None:
            costs.append(answer[0])
    return min(costs) if costs else 0


def _list_data(web: WebState, query: ListQuery) -> dict[str, Any]:
    """One page of events with total and facets, through the result cache: emptied on every
    write made through this worker, and kept only PAGE_TTL seconds so that writes made by
    another worker or by ``steppewatch ingest`` show soon."""
    key = ("page", query.filters, query.q, query.sort, query.offset, query.per_page)
    cached = web.cache.get(key)
    if cached is None:
        cached = _list_data_uncached(web, query)
        web.cache.put(key, cached, ttl=PAGE_TTL)
    return cached  # type: ignore[no-any-return]


def _read_dated_hits(web: WebState, query: ListQuery) -> bool:
    """A date-ordered search: read the hits in date order (``dated_search``) when that reaches
    a full page soon: few hits, no filters, or filters matching a large enough share of all
    events (estimated as independent of the words); else let the planner drive from the
    filters' indexes and test each event against the set of hits."""
    if not dated_search.usable(web.support, query.q, query.sort):
        return False
    hits = fts_hits(web, query.q or "")
    if query.filters.is_empty() or (hits is not None and hits <= COUNT_CAP):
        return True
    everything = web.profiles.planning_counts(EventFilter()) if web.profiles is not None else None
    matching = web.profiles.planning_counts(query.filters) if web.profiles is not None else None
    if everything is None or matching is None:
        return True
    if matching[0] == 0:
        return False
    reads = (query.offset + query.per_page) * everything[0] / matching[0]
    return bool(reads <= WALK_MAX_READ)


def _list_data_uncached(web: WebState, query: ListQuery) -> dict[str, Any]:
    _request_memo.hits = {}
    try:
        return _list_data_computed(web, query)
    finally:
        _request_memo.hits = None


def _indexed_page(web: WebState, query: ListQuery) -> dict[str, Any] | None:
    """A date-ordered page from the in-memory event index (``event_index``), or None when it
    cannot answer (not loaded or not current, another order, ids or short words)."""
    if query.sort not in ("date", "-date") or query.filters.ids or query.filters.text:
        return None
    index = web.current_index()
    if index is None:
        return None
    descending = query.sort == "-date"
    if not query.q:
        total, facets = index.counts(query.filters)  # of the same load as the page
        keys = index.list_keys(
            query.filters, descending=descending, offset=query.offset, limit=query.per_page
        )
        with web.store.engine.connect() as conn:
            return {
                "events": dated_search.event_dicts(conn, keys),
                "total": total,
                "facets": facets,
            }
    match = queries.fts_match(query.q)
    if (
        match is None
        or not web.support.events_fts_dated
        or search_terms.short_terms(search_terms.parse(query.q))
    ):
        return None
    from steppewatch.web.profiles import aggregate

    with web.store.engine.connect() as conn:
        try:
            with queries.time_limit(conn, SEARCH_LIMIT_MS):
                found = index.search(
                    conn.connection.driver_connection,
                    match,
                    query.filters,
                    descending=descending,
                    offset=query.offset,
                    limit=query.per_page,
                    documents=web.support.documents_fts and web.support.coded_items,
                )
        except queries.TimedOut:
            raise _search_timeout() from None
        events_found = dated_search.event_dicts(conn, found.keys)
    if found.profile_counts is None:
        return {"events": events_found, "total": None, "facets": {k: None for k in queries.FACETS}}
    total, facets = aggregate(found.profile_counts, EventFilter())
    return {
        "events": events_found,
        "total": total,
        "facets": facets,
        "hit_profiles": found.hit_profile_counts,
    }


def _list_data_computed(web: WebState, query: ListQuery) -> dict[str, Any]:
    indexed = _indexed_page(web, query)
    if indexed is not None:
        return indexed
    total, facets = counts_and_facets(web, query.filters, query.q)
    if total == 0 or (total is not None and query.offset >= total):
        return {"events": [], "total": total, "facets": facets}
    if query.q and _read_dated_hits(web, query):
        # with filters, the choice assumed words and filters independent: if the walk has not
        # filled the page by DATED_FIRST_MS, the matches are rarer than that, so let the planner
        # drive from the filters instead (below)
        hits = fts_hits(web, query.q)
        few = hits is not None and hits <= COUNT_CAP  # the walk reads at most these
        first = SEARCH_LIMIT_MS if query.filters.is_empty() or few else DATED_FIRST_MS
        try:
            found = dated_search.search_page(
                web.store,
                query.filters,
                query.q,
                web.support,
                order=query.sort,
                limit=query.per_page,
                offset=query.offset,
                limit_ms=first,
            )
            return {"events": found, "total": total, "facets": facets}
        except queries.TimedOut:
            if first == SEARCH_LIMIT_MS:
                raise _search_timeout() from None
        # collect the matches from the filters' and the words' indexes and sort them; ORDER BY
        # +date_sort keeps SQLite from walking the date index instead (every event, when the
        # matches are few)
        rowid, date = literal_column("events.rowid"), literal_column("+events.date_sort")
        keys = [date.desc(), rowid.desc()] if query.sort == "-date" else [date, rowid]
        try:
            found = queries.list_event_dicts(
                web.store,
                queries.where_clause(query.filters, query.q, web.support),
                order=query.sort,
                limit=query.per_page,
                offset=query.offset,
                limit_ms=SEARCH_LIMIT_MS,
                keys=keys,
            )
        except queries.TimedOut:
            raise _search_timeout() from None
        return {"events": found, "total": total, "facets": facets}
    if dated_search.short_words_only(query.q) and web.store.dialect == "sqlite":
        # no index serves words of 1-2 characters: scan in page order for a bounded time
        if query.sort in ("date", "-date"):
            # in page order along the date index: the event columns as +col (the default review
            # statuses would otherwise lead SQLite to their index, and a sort of every match)
            where = and_(
                queries.page_where(query.filters, None, web.support, walk_date_index=True),
                queries.search_condition(query.q or "", web.support),
            )
        else:
            where = queries.page_where(query.filters, query.q, web.support, walk_date_index=False)
        found, complete = dated_search.scan_page(
            web.store,
            where,
            order=query.sort,
            limit=query.per_page,
            offset=query.offset,
            limit_ms=dated_search.SHORT_SCAN_MS,
        )
        if complete:
            return {"events": found, "total": total, "facets": facets}
        return {
            "events": found,
            "total": None,
            "facets": facets,
            "incomplete": True,
            "notice": SHORT_WORDS_NOTICE.format(s=dated_search.SHORT_SCAN_MS / 1000),
        }
    plan = _list_plan(web, query, total, facets.get("year"))
    if plan is not None:
        where, keys = list_plans.where_and_order(plan, query.filters, query.sort == "-date")
        try:
            found = queries.list_event_dicts(
                web.store,
                where,
                order=query.sort,
                limit=query.per_page,
                offset=query.offset,
                limit_ms=LIST_LIMIT_MS,
                keys=keys,
            )
        except queries.TimedOut:
            raise _search_timeout() from None
        return {"events": found, "total": total, "facets": facets}
    if _walk(web, query, total, facets.get("year")):
        where = queries.page_where(query.filters, query.q, web.support, walk_date_index=True)
    elif _has_indexed_condition(query.filters) and not query.q:
        # the planner drives from the indexed column; codes checked per row (EXISTS)
        where = queries.page_where(query.filters, None, web.support, walk_date_index=False)
    else:  # the planner drives from the code index (id IN ...) and sorts the matches
        where = queries.where_clause(query.filters, query.q, web.support)
    try:
        found = queries.list_event_dicts(
            web.store,
            where,
            order=query.sort,
            limit=query.per_page,
            offset=query.offset,
            limit_ms=SEARCH_LIMIT_MS if query.q else None,
        )
    except queries.TimedOut:
        raise _search_timeout() from None
    return {"events": found, "total": total, "facets": facets}


SHORT_WORDS_NOTICE = (
    "This search was cut short after {s:g} s: words of one or two characters (such as 反恐 or 边境) "
    "cannot use the search index, so every event is read. The events shown are the first matches "
    "in this order, but there may be more. Add a word of three or more characters (反恐演习), or "
    "a filter (country, kind, years), to search everything."
)


def _search_timeout() -> HTTPError:
    return coded_error(
        "SW730",
        "the search took too long",
        issue(
            "search-timeout",
            "add a filter (country, kind, years) or use longer words (3+ characters use the index)",
            "q",
        ),
    )


def _page_links(
    path: str, query: ListQuery, total: int | None, shown: int
) -> dict[str, str | None]:
    base = [(k, v) for k, v in query.params if k != "page"]
    has_next = (total is None and shown == query.per_page) or (
        total is not None and query.page * query.per_page < total
    )
    return {
        "prev": link(path, [*base, ("page", str(query.page - 1))]) if query.page > 1 else None,
        "next": link(path, [*base, ("page", str(query.page + 1))]) if has_next else None,
    }


def list_counts(web: WebState, query: ListQuery) -> tuple[int | None, dict[str, Any]]:
    """Total and facets of a list, from the path that reads its page (without reading the
    page when there is no text search)."""
    if not query.q:
        if query.sort in ("date", "-date") and not query.filters.ids and not query.filters.text:
            index = web.current_index()
            if index is not None:
                return index.counts(query.filters)  # type: ignore[no-any-return]
        return counts_and_facets(web, query.filters, None)
    data = _list_data(web, query)
    return data["total"], data["facets"]


def _search_counts(web: WebState, current: dict[str, Any]) -> Any:
    """``list_counts`` for a search page read from the event index with every hit: the same
    words with other filters, counted from the profiles of those hits (no second read)."""
    hits = current.get("hit_profiles")
    if hits is None:
        return lambda q: list_counts(web, q)
    from steppewatch.web.profiles import aggregate

    return lambda q: aggregate(hits, q.filters)


def _reviewer(request: Request) -> bool:
    return current_user(request) is not None


def with_review_label(event: dict[str, Any]) -> dict[str, Any]:
    """An event as served: ``unreviewed`` says a machine coded it and no person has reviewed it."""
    return {**event, "unreviewed": event["review_status"] == "machine"}


def events_list(request: Request) -> Response:
    web = state_of(request)
    pairs = parse_query(request.scope.get("query_string", b""))
    query = parse_list_query(pairs, web.codebook, reviewer=_reviewer(request))
    data = _list_data(web, query)
    path = request.url.path
    pages = _page_links(path if path != "/" else "/", query, data["total"], len(data["events"]))
    is_json = path.endswith(".json")
    counter = _search_counts(web, data) if query.q else (lambda q: list_counts(web, q))
    items = facet_links.facet_items(
        query, data, counter, web.label, "/events.json" if is_json else "/"
    )
    events_shown = [with_review_label(e) for e in data["events"]]
    if is_json:
        return json_response(
            {
                "total": data["total"],
                "page": query.page,
                "per_page": query.per_page,
                "next": pages["next"] and pages["next"].replace("/?", "/events.json?", 1),
                "events": events_shown,
                # facets: per value, the events of THIS list that have it; facet_links: per value,
                # the link that adds it (or removes a chosen one) and the total of the list it opens
                "facets": data["facets"],
                "facet_links": items,
                "facet_semantics": facet_links.FACET_SEMANTICS,
                "statuses": list(query.filters.statuses),
                "active_filters": facet_links.active_filters(query, web.label, "/events.json"),
                **(
                    {"incomplete": True, "notice": data["notice"]} if data.get("incomplete") else {}
                ),
            }
        )
    json_link = link("/events.json", list(query.params))
    csv_link = link(
        "/events.csv", [(k, v) for k, v in query.params if k not in ("page", "per_page")]
    )
    params = facet_links.base_params(query)
    return render(
        request,
        "list.html",
        {
            "query": query,
            "events": events_shown,
            "total": data["total"],
            "facets": items,
            "facet_semantics": facet_links.FACET_SEMANTICS,
            "search_help": search_terms.SYNTAX_HELP,
            "active": facet_links.active_filters(query, web.label),
            "status_note": facet_links.default_statuses_note(query),
            "machine_link": link(
                "/", [*[p for p in params if p[0] != "status"], ("status", "machine")]
            ),
            "range_params": [p for p in params if p[0] not in ("since", "until", "year")],
            "notice": data.get("notice"),
            "pages": pages,
            "json_link": json_link,
            "csv_link": csv_link,
            "codebook": web.codebook,
        },
    )


def events_csv(request: Request) -> Response:
    """The filtered list as CSV, written by the export's writer (the columns of a data
    package's events.csv plus source_urls; formulas neutralised; ``bom=1``: byte-order mark)."""
    from steppewatch.export.tables import tables, web_csv_rows
    from steppewatch.export.writers import csv_chunks
    from steppewatch.store.store import ORDERS
    from steppewatch.web.params import LIST_PARAMS

    web = state_of(request)
    pairs = parse_query(request.scope.get("query_string", b""))
    bom = [v for k, v in pairs if k == "bom"]
    if bom and (len(bom) > 1 or bom[0] not in ("0", "1")):
        raise coded_error(
            "SW734", "bom: give 0 or 1, once", issue("invalid-value", "0 or 1", "bom")
        )
    query = parse_list_query(
        [(k, v) for k, v in pairs if k != "bom"],
        web.codebook,
        allowed=(*LIST_PARAMS, "bom"),
        reviewer=_reviewer(request),
    )
    where = queries.where_clause(query.filters, query.q, web.support)
    header = [*tables(web.codebook)["events"].header, "source_urls"]
    rows = web_csv_rows(web.store, where, ORDERS[query.sort])
    return StreamingResponse(
        csv_chunks(header, rows, bom=bom == ["1"], formula_guard=True),
        media_type="text/csv; charset=utf-8",
        headers={"content-disposition": 'attachment; filename="steppewatch-events.csv"'},
    )


def _path_param(request: Request, name: str) -> str:
    value = str(request.path_params[name])
    if len(value) > 200 or any(ord(c) < 32 for c in value):
        raise coded_error("SW304", f"no such {name}")
    return value


def event_page(request: Request) -> Response:
    web = state_of(request)
    check_names(parse_query(request.scope.get("query_string", b"")), ())
    event_id = _path_param(request, "event_id")
    try:
        event = web.store.get_event(event_id)
    except NotFound as error:
        raise from_library_error(error) from None
    if event.review_status == "rejected" and not _reviewer(request):
        # rejected events are shown to signed-in reviewers only (as in the lists)
        raise coded_error("SW304", f"no such event: {event_id[:80]}")
    evidence = event_evidence(web.store, event, web.study)
    from steppewatch.review.actions import content_hash_of, open_suggestions_for

    suggestions = open_suggestions_for(web.store, event_id)
    if request.url.path.endswith(".json"):
        return json_response(
            {
                "event": with_review_label(_event_json(event)),
                **evidence.as_json(),
                "suggestions": [s.model_dump(mode="json") for s in suggestions],
            }
        )
    from steppewatch.review.audit import list_audit

    return render(
        request,
        "event.html",
        {
            "event": event,
            "evidence": evidence,
            "suggestions": suggestions,
            "history": _public_history(request, list_audit(web.store, event_id=event_id, limit=20)),
            # the review forms' guard against overwriting a newer edit (shown to reviewers only)
            "content_hash": content_hash_of(web.store, event_id) if current_user(request) else "",
        },
    )


def _public_history(request: Request, entries: list[Any]) -> list[Any]:
    """An event's audit entries; the public sees reviewers' pseudonyms, reviewers names."""
    if current_user(request) is not None:
        return entries
    from steppewatch.review.pseudonyms import pseudonyms_for

    return [pseudonyms_for(state_of(request).store).audit_entry(e) for e in entries]


def _engagement(web: WebState, code: str, n_events: int | None) -> list[dict[str, Any]] | None:
    """The engagement index of one country per year, from the analysis module, on data small
    enough to load into memory; None when not available."""
    if n_events is None or n_events > 20_000:
        return None
    try:
        from steppewatch.analysis.engagement import engagement_index
    except ImportError:
        return None
    try:
        frame = web.store.events_frame(EventFilter(countries=(code,), statuses=PUBLIC_STATUSES))
        table = engagement_index(frame, [code])
    except Exception:  # analysis is another module's contract; the page must still render
        return None
    rows = table[table["country"] == code][["year", "index"]]
    return [{"year": int(y), "index": round(float(i), 3)} for y, i in rows.itertuples(index=False)]


def _concern_periods(web: WebState, code: str, n_events: int | None) -> dict[str, Any] | None:
    """The country's leading concerns per study period, from the analysis module, on the
    curated data only (what the report analyses by default); None when not available."""
    if n_events is None or n_events > 20_000:
        return None
    try:
        from steppewatch.analysis.country_concerns import country_concern_periods
        from steppewatch.analysis.frame import periods_from_study
        from steppewatch.study import load_study

        filters = EventFilter(countries=(code,), kinds=("meeting",), statuses=("curated",))
        frame = web.store.events_frame(filters)
        return country_concern_periods(frame, code, periods_from_study(load_study()))
    except Exception:  # analysis is another module's contract; the page must still render
        return None


def _decade_topics(
    web: WebState, base: EventFilter, facet: str = "topic"
) -> dict[str, dict[str, int]]:
    """Counts of each code of ``facet`` per decade (concerns over time)."""
    decades = counts_and_facets(web, base, None, ("year",))[1].get("year") or {}
    starts = sorted({int(y) // 10 * 10 for y in decades})
    table: dict[str, dict[str, int]] = {}
    for start in starts:
        filt = EventFilter(**{**base.__dict__, "since": start, "until": start + 9})
        counts = counts_and_facets(web, filt, None, (facet,))[1].get(facet) or {}
        table[f"{start}s"] = counts
    return table


def country_page(request: Request) -> Response:
    web = state_of(request)
    check_names(parse_query(request.scope.get("query_string", b"")), ())
    code = _path_param(request, "code").upper()
    if code not in COUNTRY_CODES:
        raise coded_error("SW304", f"'{code[:20]}' is not a country code (ISO 3166 alpha-2)")
    base = EventFilter(countries=(code,), statuses=PUBLIC_STATUSES)  # what a person vouched for
    total, facets = counts_and_facets(
        web, base, None, ("year", "kind", "topic", "framework", "level")
    )
    concerns = _decade_topics(web, base)
    index = _engagement(web, code, total)
    payload = {
        "country": code,
        "name": web.label("country", code),
        "statuses": list(PUBLIC_STATUSES),
        "total": total,
        "facets": facets,
        "concerns_by_decade": concerns,
        "engagement_index": index,
    }
    payload["concerns_by_period"] = _concern_periods(web, code, total)
    if request.url.path.endswith(".json"):
        return json_response(payload)
    return render(
        request,
        "country.html",
        {
            **payload,
            "timeline": year_columns(facets.get("year")),
            "mix": bars(
                facets.get("kind"), {k: web.label("kind", k) for k in facets.get("kind") or {}}
            ),
            "index_columns": year_columns(
                {str(r["year"]): r["index"] for r in index} if index else None
            ),
            "topic_codes": sorted({t for c in concerns.values() for t in c}),
        },
    )


def topic_page(request: Request) -> Response:
    web = state_of(request)
    check_names(parse_query(request.scope.get("query_string", b"")), ())
    code = _path_param(request, "code")
    if code not in web.codebook.codes("topic", active_only=False):
        raise coded_error("SW304", f"'{code[:40]}' is not a topic code in the codebook")
    base = EventFilter(topics=(code,), statuses=PUBLIC_STATUSES)  # what a person vouched for
    total, facets = counts_and_facets(web, base, None, ("year", "country", "kind", "framework"))
    by_decade = _decade_topics(web, base, "country")
    info = web.codebook.code("topic", code)
    payload = {
        "topic": code,
        "names": web.labels("topic", code),
        "definition": info.definition,
        "statuses": list(PUBLIC_STATUSES),
        "total": total,
        "facets": facets,
        "countries_by_decade": by_decade,
    }
    if request.url.path.endswith(".json"):
        return json_response(payload)
    return render(
        request,
        "topic.html",
        {
            **payload,
            "timeline": year_columns(facets.get("year")),
            "where": bars(
                facets.get("country"),
                {k: web.label("country", k) for k in facets.get("country") or {}},
            ),
            "country_codes": sorted({c for d in by_decade.values() for c in d}),
        },
    )


__all__ = ["CODE_PARAMS", "country_page", "event_page", "events_csv", "events_list", "topic_page"]
