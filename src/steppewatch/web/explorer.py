"""Public read-only pages and their JSON twins: events list, event, country, topic, CSV."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response, StreamingResponse

from steppewatch.errors import NotFound
from steppewatch.store import SEARCH_SYNTAX_HELP, EventFilter, EventPage, SearchTimeout
from steppewatch.web import facet_links
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


def _list_data(web: WebState, query: ListQuery) -> dict[str, Any]:
    """One page of events with total and facets (``Store.query_events``, through the store's
    result cache: emptied on every write made through this worker, pages kept only
    ``QuerySettings.page_ttl`` seconds so that writes made by another worker or by
    ``steppewatch ingest`` show soon)."""
    try:
        page = web.queries.page(
            query.filters,
            query.q,
            order=query.sort,
            offset=query.offset,
            limit=query.per_page,
        )
    except SearchTimeout as error:
        raise _search_timeout(error) from None
    return page.as_dict()


def _search_timeout(error: SearchTimeout) -> HTTPError:
    return coded_error(
        error.code or "SW730",
        error.message,
        issue("search-timeout", error.hint or "add a filter", "q"),
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
    try:
        return web.queries.list_counts(
            query.filters, query.q, order=query.sort, offset=query.offset, limit=query.per_page
        )
    except SearchTimeout as error:
        raise _search_timeout(error) from None


def _search_counts(web: WebState, current: dict[str, Any]) -> Any:
    """``list_counts`` for a search page read with every hit of its words (the event index;
    on PostgreSQL, every hit in the page's statuses): the same words with other filters,
    counted from the profiles of those hits (no second read) when they hold them all."""
    hits = current.get("hit_profiles")
    if hits is None:
        return lambda q: list_counts(web, q)
    page = EventPage([], None, {}, hit_profiles=hits, hit_statuses=current.get("hit_statuses"))
    return lambda q: page.counts_for(q.filters) or list_counts(web, q)


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
            "search_help": SEARCH_SYNTAX_HELP,
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
    where = web.queries.where(query.filters, query.q)
    header = [*tables(web.codebook)["events"].header, "source_urls"]
    rows = web_csv_rows(web.store, where, web.queries.order_keys(query.sort))
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
    decades = web.queries.counts(base, None, ("year",))[1].get("year") or {}
    starts = sorted({int(y) // 10 * 10 for y in decades})
    table: dict[str, dict[str, int]] = {}
    for start in starts:
        filt = EventFilter(**{**base.__dict__, "since": start, "until": start + 9})
        counts = web.queries.counts(filt, None, (facet,))[1].get(facet) or {}
        table[f"{start}s"] = counts
    return table


def country_page(request: Request) -> Response:
    web = state_of(request)
    check_names(parse_query(request.scope.get("query_string", b"")), ())
    code = _path_param(request, "code").upper()
    if code not in COUNTRY_CODES:
        raise coded_error("SW304", f"'{code[:20]}' is not a country code (ISO 3166 alpha-2)")
    base = EventFilter(countries=(code,), statuses=PUBLIC_STATUSES)  # what a person vouched for
    total, facets = web.queries.counts(base, None, ("year", "kind", "topic", "framework", "level"))
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
    total, facets = web.queries.counts(base, None, ("year", "country", "kind", "framework"))
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
