"""How to read one date-ordered page of a filtered list (no text search) on SQLite, chosen on
exact counts from the profiles instead of SQLite's guesses (it has no statistics, and picks e.g.
the review-status index when every event has that status: seconds on a million events).

Four ways, each costed in rows of ``events`` read:

- ``walk``: the date index in page order, every condition checked per row; stops when the page
  is full. Reads: all events of the filter's years up to the page end (from the year counts of
  all events and of the matches, evenly spread within a year).
- ``kind``: the (kind, date) index of the one selected kind in page order, likewise; reads the
  kind's events up to the page end (from the kind's and the matches' year counts).
- ``code_date``: the rows of one selected code (a facet with exactly one code) in date order
  from ``ix_event_codes_code_date`` (migration 7), each event looked up and checked; stops when
  the page is full. Reads: the code's events up to the page end (from its year counts), each
  costing a little more than a row of the date walk (an extra index lookup).
- ``code``: the event ids of one selected code facet (countries, topics or domains: the
  smallest), each looked up, checked, and the matches sorted: reads that facet's count.
- ``column``: the rows of one indexed column's values (level, framework, review status, years),
  checked and sorted: reads that column's count.

The cheapest is chosen; its SQL keeps SQLite on it: other event columns are written ``+col``
(SQLite's documented way to keep it from an index), and when the plan sorts, the ORDER BY is on
``+date_sort`` so no index is walked for the order.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, literal, literal_column, select

from steppewatch.store.filters import EventFilter
from steppewatch.store.tables import event_codes, events

CODE_FIELDS = (("countries", "country"), ("topics", "topic"), ("domains", "domain"))
COLUMN_FIELDS = (("levels", "level"), ("frameworks", "framework"), ("statuses", "review_status"))
SORT_COST = 1.3  # a row read and sorted costs about this many rows read in order
CODE_DATE_COST = 1.2  # a code row read in date order, then its event by id
# PostgreSQL with migration 15 (``pg_page_ids``): the walks read index entries only (the
# event's columns are in the walked index, or tested in ix_events_id_filters by its id), while
# the plans that collect and sort read every match's row from the table (a page each, on a
# large table: 5-10 times an index entry)
PG_COSTS = {"code_date_cost": 1.0, "sort_cost": 4.0}


@dataclass(frozen=True)
class Plan:
    way: str  # walk | kind | code | column
    driver: str | None = None  # the filter field driving "code" / "column" ("years" for a range)
    reads: float = 0.0


def ordered_reads(
    read_years: dict[str, int],
    match_years: dict[str, int],
    need: int,
    *,
    descending: bool,
    since: int | None,
    until: int | None,
) -> float:
    """Rows an index walk in date order reads before ``need`` matches: every row of the years
    it passes (only those in the filter's year range: the walk starts and ends there), and of the
    year where the page ends the share that holds the missing matches (matches spread evenly
    within a year)."""
    read = 0.0
    found = 0
    for year in sorted(read_years, key=int, reverse=descending):
        if since is not None and int(year) < since or until is not None and int(year) > until:
            continue
        rows, matches = read_years.get(year, 0), match_years.get(year, 0)
        if matches and found + matches >= need:
            return read + rows * (need - found) / matches
        read += rows
        found += matches
    return read


def choose(
    counts: Any,
    filters: EventFilter,
    *,
    total: int,
    need: int,
    descending: bool,
    years: dict[str, int],
    code_date_cost: float = CODE_DATE_COST,
    sort_cost: float = SORT_COST,
) -> Plan:
    """The cheapest plan. ``counts(filters) -> (total, facets)`` gives exact counts (the
    profiles); ``years``: the matches per year; ``code_date_cost``: what a code row read in
    date order costs, in rows of the date walk, and ``sort_cost`` a row read and sorted
    (PostgreSQL: ``PG_COSTS``)."""
    span: dict[str, Any] = {
        "descending": descending,
        "since": filters.since,
        "until": filters.until,
    }
    all_years = counts(EventFilter())[1]["year"]
    plans = [Plan("walk", None, ordered_reads(all_years, years, need, **span))]
    if len(filters.kinds) == 1:
        kind_years = counts(EventFilter(kinds=filters.kinds))[1]["year"]
        plans.append(Plan("kind", "kinds", ordered_reads(kind_years, years, need, **span)))
    for field, _ in CODE_FIELDS:
        values = getattr(filters, field)
        if values:
            code_total, code_facets = counts(EventFilter(**{field: values}))
            plans.append(Plan("code", field, code_total * sort_cost))
            if len(values) == 1:
                reads = ordered_reads(code_facets["year"], years, need, **span)
                plans.append(Plan("code_date", field, reads * code_date_cost))
    for field, _ in COLUMN_FIELDS:
        values = getattr(filters, field)
        if values:
            plans.append(
                Plan("column", field, counts(EventFilter(**{field: values}))[0] * sort_cost)
            )
    if filters.since is not None or filters.until is not None:
        n = counts(EventFilter(since=filters.since, until=filters.until))[0]
        plans.append(Plan("column", "years", n * sort_cost))
    return min(plans, key=lambda p: p.reads)


def _col(name: str) -> Any:
    return literal_column(f"+events.{name}")


def where_and_order(
    plan: Plan, filters: EventFilter, descending: bool
) -> tuple[ColumnElement[bool], list[Any]]:
    """The WHERE clause and ORDER BY keys that keep SQLite on ``plan``."""
    conds: list[ColumnElement[bool]] = []
    driver = event_codes.alias("driver") if plan.way == "code_date" else None
    for field, facet in CODE_FIELDS:
        values = getattr(filters, field)
        if not values:
            continue
        if driver is not None and plan.driver == field:
            # the code's rows in date order drive; each event looked up by id (the || '' keeps
            # SQLite from driving the other way, from events to their codes)
            conds += [
                driver.c.facet == facet,
                driver.c.code == values[0],
                events.c.id == driver.c.event_id.op("||")(literal("")),
            ]
        elif plan.way == "code" and plan.driver == field:  # drive: id IN (the code's event ids)
            conds.append(
                events.c.id.in_(
                    select(event_codes.c.event_id).where(
                        event_codes.c.facet == facet, event_codes.c.code.in_(values)
                    )
                )
            )
        else:  # check per row
            # SELECT event_id, not *: the primary key index covers it (date_sort is not in it)
            conds.append(
                select(event_codes.c.event_id)
                .where(
                    event_codes.c.event_id == events.c.id,
                    event_codes.c.facet == facet,
                    event_codes.c.code.in_(values),
                )
                .exists()
            )
    if filters.kinds:
        column = events.c.kind if plan.way == "kind" else _col("kind")
        conds.append(column.in_(filters.kinds))
    for field, name in COLUMN_FIELDS:
        values = getattr(filters, field)
        if values:
            column = events.c[name] if plan.way == "column" and plan.driver == field else _col(name)
            conds.append(column.in_(values))
    if filters.since is not None or filters.until is not None:
        if plan.way in ("walk", "kind", "code_date"):  # a range of the walked index
            walked = driver.c.date_sort if driver is not None else events.c.date_sort
            if filters.since is not None:  # date_sort is YYYY-MM-DD
                conds.append(walked >= f"{filters.since:04d}")
            if filters.until is not None:
                conds.append(walked < f"{filters.until + 1:04d}")
        else:
            year = (
                events.c.year if plan.way == "column" and plan.driver == "years" else _col("year")
            )
            if filters.since is not None:
                conds.append(year >= filters.since)
            if filters.until is not None:
                conds.append(year <= filters.until)
    if filters.ids:
        conds.append(_col("id").in_(filters.ids))
    rowid: Any = literal_column("events.rowid")
    date: Any
    if driver is not None:  # the same order: the copy of date_sort, ties by the event's rowid
        date = driver.c.date_sort
    elif plan.way in ("walk", "kind"):
        date = events.c.date_sort
    else:
        date = literal_column("+events.date_sort")
    keys = [date.desc(), rowid.desc()] if descending else [date, rowid]
    return (and_(*conds) if conds else and_(True)), keys


# -- PostgreSQL ---------------------------------------------------------------------------------
# The same plans, chosen the same way (exact counts from the profiles), for PostgreSQL. Left to
# itself, its planner guessed a filter's share from per-column statistics and e.g. for one rare
# country with the default review statuses read every event of the country (13,503 rows, 0.5-2.7 s
# from disk) to sort them, although the country's rows in date order (``ix_event_codes_code_date``,
# migration 7) give the page after 50 lookups. PostgreSQL has no ``+col``; instead:
# - a plan that walks an index in page order (walk, kind, code_date) runs with sorts, hash and
#   merge joins, bitmap and sequential scans turned off for its transaction (``PG_WALK_SETTINGS``):
#   the only plans left read the walked index in order, stop when the page is full, and look up
#   each row (a nested loop from the code's rows to events for code_date);
# - a code checked per row is ``EXISTS (... OFFSET 0)``: with an OFFSET the planner keeps the
#   subquery as a per-row probe of the codes' key instead of a join that reads every row of the
#   code first;
# - the walk writes the kind as ``(kind || '')`` so that it keeps to the date index;
# - a plan that sorts orders by ``(date_sort || '')``, which no index provides, and the planner
#   collects the matches from the index it finds best.

PG_WALK_SETTINGS = {
    "enable_sort": "off",
    "enable_hashjoin": "off",
    "enable_mergejoin": "off",
    "enable_bitmapscan": "off",
    "enable_seqscan": "off",
    "enable_material": "off",
    # the settings above price the plans left out by a huge constant, and a plan that costly
    # would be compiled by JIT first: tens of milliseconds for a page read in a few
    "jit": "off",
}


def _pg_text(column: Any) -> Any:
    return column.op("||")(literal(""))


def _pg_exists(facet: str, values: tuple[str, ...]) -> ColumnElement[bool]:
    probe = (
        select(event_codes.c.event_id)
        .where(
            event_codes.c.event_id == events.c.id,
            event_codes.c.facet == facet,
            event_codes.c.code.in_(values),
        )
        .offset(0)
    )
    return probe.exists()


def pg_where_and_order(
    plan: Plan, filters: EventFilter, descending: bool
) -> tuple[ColumnElement[bool], list[Any], dict[str, str]]:
    """The WHERE clause, ORDER BY keys and transaction settings (``set_config``) that keep
    PostgreSQL on ``plan``, in the page order of ``store.ORDERS`` (date_sort, then id)."""
    conds: list[ColumnElement[bool]] = []
    driver = event_codes.alias("driver") if plan.way == "code_date" else None
    for field, facet in CODE_FIELDS:
        values = getattr(filters, field)
        if not values:
            continue
        if driver is not None and plan.driver == field:
            # the code's rows in date order drive (its copy of date_sort, then the event id:
            # the page order); each event is looked up by its key
            conds += [
                driver.c.facet == facet,
                driver.c.code == values[0],
                events.c.id == driver.c.event_id,
            ]
        elif plan.way == "code" and plan.driver == field:  # drive: id IN (the code's event ids)
            conds.append(
                events.c.id.in_(
                    select(event_codes.c.event_id).where(
                        event_codes.c.facet == facet, event_codes.c.code.in_(values)
                    )
                )
            )
        else:
            conds.append(_pg_exists(facet, values))
    if filters.kinds:
        kind = _pg_text(events.c.kind) if plan.way == "walk" else events.c.kind
        conds.append(kind.in_(filters.kinds))
    for field, name in COLUMN_FIELDS:
        values = getattr(filters, field)
        if values:
            conds.append(events.c[name].in_(values))
    if filters.since is not None or filters.until is not None:
        if plan.way in ("walk", "kind", "code_date"):  # a range of the walked index
            walked = driver.c.date_sort if driver is not None else events.c.date_sort
            if filters.since is not None:  # date_sort is YYYY-MM-DD
                conds.append(walked >= f"{filters.since:04d}")
            if filters.until is not None:
                conds.append(walked < f"{filters.until + 1:04d}")
        else:
            if filters.since is not None:
                conds.append(events.c.year >= filters.since)
            if filters.until is not None:
                conds.append(events.c.year <= filters.until)
    if filters.ids:
        conds.append(events.c.id.in_(filters.ids))
    date: Any
    ident: Any
    settings: dict[str, str] = {}
    if driver is not None:  # the copy of date_sort and the event id, as the index holds them
        date, ident = driver.c.date_sort, driver.c.event_id
        settings = PG_WALK_SETTINGS
    elif plan.way in ("walk", "kind"):
        date, ident = events.c.date_sort, events.c.id
        settings = PG_WALK_SETTINGS
    else:  # collected from the driver's index and sorted
        date, ident = _pg_text(events.c.date_sort), events.c.id
    keys = [date.desc(), ident.desc()] if descending else [date, ident]
    return (and_(*conds) if conds else and_(True)), keys, dict(settings)


# the code_date plan on PostgreSQL in two steps: first the page's event ids from the codes'
# indexes alone, then those events' rows. Another code's rows are probed by the key, never
# merged: the merge read every row of a common code in the range (country KG: 375,070 index
# entries for 6,130 of the driving topic's, 173 ms; probed 73 ms; a rare pair 34 -> 17 ms)
PG_CODE_DATE_SETTINGS = {
    "enable_sort": "off",
    "enable_hashjoin": "off",
    "enable_mergejoin": "off",
    "enable_bitmapscan": "off",
    "enable_seqscan": "off",
    "enable_material": "off",
    "jit": "off",
}


def pg_page_ids(plan: Plan, filters: EventFilter, descending: bool) -> tuple[Any, dict[str, str]]:
    """PostgreSQL, a plan that walks an index in page order (walk, kind, code_date): a SELECT
    of the page's event ids in page order (without LIMIT and OFFSET) that reads indexes only
    (migration 15), and the settings to run it under."""
    if plan.way == "code_date":
        return pg_code_date_ids(plan, filters, descending), dict(PG_CODE_DATE_SETTINGS)
    if plan.way not in ("walk", "kind"):
        raise ValueError(f"{plan.way}: not a walk")
    where, keys, settings = pg_where_and_order(plan, filters, descending)
    return select(events.c.id).where(where).order_by(*keys), settings


def pg_code_date_ids(plan: Plan, filters: EventFilter, descending: bool) -> Any:
    """PostgreSQL, ``code_date`` plan: a SELECT of the page's event ids (without LIMIT and
    OFFSET) that reads only indexes: the driving code's rows in date order; every other code
    with one value joined on its rows' key (date_sort, event id), probed per row (merge joins
    are off); codes with several values probed in the codes' key; the event's
    columns tested in ``ix_events_id_filters`` (migration 15) by an index-only scan. The rows
    of ``events`` are read only for the page (run under ``PG_CODE_DATE_SETTINGS``)."""
    assert plan.way == "code_date" and plan.driver is not None
    driver = event_codes.alias("driver")
    source: Any = driver
    conds: list[ColumnElement[bool]] = []
    for field, facet in CODE_FIELDS:
        values = getattr(filters, field)
        if not values:
            continue
        if field == plan.driver:
            conds += [driver.c.facet == facet, driver.c.code == values[0]]
        elif len(values) == 1:  # its row of the same date and event, probed by its key
            also = event_codes.alias(f"also_{facet}")
            source = source.join(
                also,
                and_(
                    also.c.facet == facet,
                    also.c.code == values[0],
                    also.c.date_sort == driver.c.date_sort,
                    also.c.event_id == driver.c.event_id,
                ),
            )
        else:
            probe = (
                select(event_codes.c.event_id)
                .where(
                    event_codes.c.event_id == driver.c.event_id,
                    event_codes.c.facet == facet,
                    event_codes.c.code.in_(values),
                )
                .offset(0)
            )
            conds.append(probe.exists())
    row = events.alias("row")
    tests: list[ColumnElement[bool]] = []
    if filters.kinds:
        tests.append(row.c.kind.in_(filters.kinds))
    for field, name in COLUMN_FIELDS:
        values = getattr(filters, field)
        if values:
            tests.append(row.c[name].in_(values))
    if tests:  # the event's columns, per row, from ix_events_id_filters
        check = select(row.c.id).where(row.c.id == driver.c.event_id, *tests).offset(0)
        conds.append(check.exists())
    if filters.since is not None:  # date_sort is YYYY-MM-DD
        conds.append(driver.c.date_sort >= f"{filters.since:04d}")
    if filters.until is not None:
        conds.append(driver.c.date_sort < f"{filters.until + 1:04d}")
    if filters.ids:
        conds.append(driver.c.event_id.in_(filters.ids))
    keys: list[Any] = (
        [driver.c.date_sort.desc(), driver.c.event_id.desc()]
        if descending
        else [driver.c.date_sort, driver.c.event_id]
    )
    return select(driver.c.event_id).select_from(source).where(*conds).order_by(*keys)
