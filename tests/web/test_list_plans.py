"""Every way ``list_plans`` can read a date-ordered list page gives the page of the plain query
(filters, ORDER BY date_sort, rowid), and the chooser picks by the rows each reads."""

from __future__ import annotations

import pytest
from sqlalchemy import literal_column, select
from tests.web.test_dated_search import _events

from steppewatch.store import EventFilter, open_store
from steppewatch.store.query import list_plans, queries
from steppewatch.store.query.profiles import Profiles
from steppewatch.store.tables import events

FILTERS = [
    EventFilter(countries=("KG",), kinds=("meeting",)),
    EventFilter(countries=("KZ", "TJ"), topics=("border_security",)),
    EventFilter(kinds=("bilateral_exercise",), since=2005, until=2016),
    EventFilter(frameworks=("SCO",), statuses=("curated",), domains=("military",)),
    EventFilter(topics=("extremism",), since=2016),
    EventFilter(kinds=("meeting",), frameworks=("bilateral",), until=2005),
    EventFilter(domains=("military",), topics=("border_security",)),
    EventFilter(countries=("KG",), topics=("terrorism",), since=2003, until=2015),
]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('plans') / 'plans.db'}")
    store.add_events(_events(300, seed=5))
    yield store
    store.close()


def _plans(filters: EventFilter) -> list[list_plans.Plan]:
    plans = [list_plans.Plan("walk")]
    if len(filters.kinds) == 1:
        plans.append(list_plans.Plan("kind", "kinds"))
    plans += [list_plans.Plan("code", f) for f, _ in list_plans.CODE_FIELDS if getattr(filters, f)]
    plans += [
        list_plans.Plan("code_date", f)
        for f, _ in list_plans.CODE_FIELDS
        if len(getattr(filters, f)) == 1
    ]
    plans += [
        list_plans.Plan("column", f) for f, _ in list_plans.COLUMN_FIELDS if getattr(filters, f)
    ]
    if filters.since is not None or filters.until is not None:
        plans.append(list_plans.Plan("column", "years"))
    return plans


@pytest.mark.parametrize("filters", FILTERS, ids=lambda f: repr(f)[:70])
def test_every_plan_gives_the_plain_page(store, filters: EventFilter) -> None:  # type: ignore[no-untyped-def]
    rowid = literal_column("events.rowid")
    for descending in (True, False):
        keys = (
            [events.c.date_sort.desc(), rowid.desc()] if descending else [events.c.date_sort, rowid]
        )
        with store.engine.connect() as conn:
            plain = list(
                conn.execute(select(events.c.id).where(filters.where()).order_by(*keys)).scalars()
            )
        assert plain, filters
        for plan in _plans(filters):
            where, order = list_plans.where_and_order(plan, filters, descending)
            for limit, offset in ((5, 0), (5, 5), (100, 3)):
                got = [
                    e["id"]
                    for e in queries.list_event_dicts(
                        store, where, order="-date", limit=limit, offset=offset, keys=order
                    )
                ]
                assert got == plain[offset : offset + limit], (plan, limit, offset)


def test_ordered_reads_stop_inside_the_last_year() -> None:
    all_years = {"2020": 1000, "2021": 1000, "2022": 1000}
    matches = {"2020": 100, "2021": 10, "2022": 0}
    # newest first: all of 2022 (no match), all of 2021 (10), then 40 of 2020's 100 matches
    assert (
        list_plans.ordered_reads(all_years, matches, 50, descending=True, since=None, until=None)
        == 2400
    )
    assert (
        list_plans.ordered_reads(all_years, matches, 50, descending=True, since=None, until=2021)
        == 1400
    )
    assert (
        list_plans.ordered_reads(all_years, matches, 50, descending=False, since=None, until=None)
        == 500
    )


def test_chooser_prefers_the_smaller_read(store) -> None:  # type: ignore[no-untyped-def]
    profiles = Profiles(store)
    profiles.start()
    everything = profiles.planning_counts(EventFilter())
    assert everything is not None
    filters = EventFilter(statuses=("curated",), countries=("KG",))  # every event is curated
    total, facets = profiles.counts(filters)  # type: ignore[misc]
    plan = list_plans.choose(
        profiles.planning_counts,
        filters,
        total=total,
        need=10,
        descending=True,
        years=facets["year"],
    )
    assert plan.way in ("walk", "code", "code_date") and plan.reads < everything[0]  # never status


def test_chooser_reads_one_codes_rows_in_date_order_when_the_walk_would_pass_years_of_misses() -> (
    None
):
    """Military border-security events exist only up to 2023: walking all events newest first
    reads 2024-2025 whole; the topic's own rows in date order read far fewer."""
    all_years = {"2022": 50_000, "2023": 50_000, "2024": 60_000, "2025": 60_000}
    topic_years = {"2022": 6_000, "2023": 6_000, "2024": 7_000, "2025": 7_000}
    matches = {"2022": 4_000, "2023": 800}

    def counts(filters: EventFilter) -> tuple[int, dict[str, dict[str, int]]]:
        years = topic_years if filters.topics else all_years  # the domain: as common as all
        return sum(years.values()), {"year": years}

    filters = EventFilter(domains=("military",), topics=("border_security",))
    plan = list_plans.choose(counts, filters, total=4_800, need=40, descending=True, years=matches)
    assert (plan.way, plan.driver) == ("code_date", "topics")


@pytest.fixture(scope="module")
def pg_store(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The events of ``store`` in a fresh PostgreSQL database ($STEPPEWATCH_TEST_PG)."""
    import os

    from tests.conftest import PG_ENV, _pg_database

    admin = os.environ.get(PG_ENV)
    if not admin:
        pytest.skip(f"PostgreSQL tests need {PG_ENV}=postgresql://user:pass@host/db")
    databases = _pg_database(admin)
    url = next(databases)
    store = open_store(url)
    store.add_events(_events(300, seed=5))
    with store.engine.begin() as conn:  # statistics, as after any bulk load (docs/teams.md)
        conn.exec_driver_sql("ANALYZE")
    yield store
    store.close()
    next(databases, None)


@pytest.mark.postgres
@pytest.mark.parametrize("filters", FILTERS, ids=lambda f: repr(f)[:70])
def test_every_pg_plan_gives_the_plain_page(pg_store, store, filters: EventFilter) -> None:  # type: ignore[no-untyped-def]
    """On PostgreSQL each plan (the code's rows in date order joined to events, the date or
    kind index walked with sorts turned off, the matches collected and sorted) gives the page
    of the plain query ORDER BY date_sort, id, and that is the SQLite explorer's page too."""
    for descending in (True, False):
        keys = (
            [events.c.date_sort.desc(), events.c.id.desc()]
            if descending
            else [events.c.date_sort, events.c.id]
        )
        with pg_store.engine.connect() as conn:
            plain = list(
                conn.execute(select(events.c.id).where(filters.where()).order_by(*keys)).scalars()
            )
        assert plain, filters
        order = "-date" if descending else "date"
        # the same matches as on SQLite (which breaks ties of a date by rowid, not id)
        sqlite_page = store.query_events(filters, order=order, page_size=len(plain))
        assert sorted(e["id"] for e in sqlite_page.events) == sorted(plain)
        for plan in _plans(filters):
            where, order_keys, settings = list_plans.pg_where_and_order(plan, filters, descending)
            assert bool(settings) == (plan.way in ("walk", "kind", "code_date")), plan
            for limit, offset in ((5, 0), (5, 5), (100, 3)):
                got = [
                    e["id"]
                    for e in queries.list_event_dicts(
                        pg_store,
                        where,
                        order=order,
                        limit=limit,
                        offset=offset,
                        keys=order_keys,
                        pg_settings=settings,
                    )
                ]
                assert got == plain[offset : offset + limit], (plan, limit, offset)
                if plan.way not in ("walk", "kind", "code_date"):
                    continue
                # the two-step read: the page's ids from indexes only (migration 15)
                ids_query, settings = list_plans.pg_page_ids(plan, filters, descending)
                with pg_store.engine.connect() as conn:
                    queries.set_local(conn, settings)
                    ids = list(conn.execute(ids_query.limit(limit).offset(offset)).scalars())
                assert ids == plain[offset : offset + limit], (plan, limit, offset, "ids")


@pytest.mark.postgres
def test_pg_explorer_reads_a_rare_code_in_its_own_date_order(pg_store) -> None:  # type: ignore[no-untyped-def]
    """The explorer's engine on PostgreSQL (profiles loaded) picks a plan of exact counts for a
    list page, and the page is the plain query's; the code's rows in date order are walked
    without a sort (EXPLAIN)."""
    from sqlalchemy import text
    from sqlalchemy.dialects import postgresql

    from steppewatch.store.query.engine import PageRequest

    engine = pg_store.queries
    engine.start()
    filters = EventFilter(countries=("KG",), statuses=("curated",))
    total, facets = engine.counts(filters)
    request = PageRequest(filters, None, "-date", 0, 5)
    plan = engine._list_plan(request, total, facets["year"])
    assert plan is not None
    where, keys, settings = list_plans.pg_where_and_order(
        list_plans.Plan("code_date", "countries"), filters, True
    )
    sql = str(
        queries.page_query(where, "-date", "postgresql", keys)
        .limit(5)
        .compile(dialect=postgresql.dialect(), compile_kwargs={"literal_binds": True})
    )
    with pg_store.engine.connect() as conn:
        queries.set_local(conn, settings)
        explained = "\n".join(conn.execute(text("EXPLAIN " + sql)).scalars())
    assert "ix_event_codes_code_date" in explained and "Sort" not in explained.replace(
        "Incremental Sort", ""
    ), explained
    # the ids from indexes only: the codes' date index and the events' lookup index
    ids_query, settings = list_plans.pg_page_ids(
        list_plans.Plan("code_date", "countries"), filters, True
    )
    sql = str(
        ids_query.limit(5).compile(
            dialect=postgresql.dialect(), compile_kwargs={"literal_binds": True}
        )
    )
    with pg_store.engine.connect() as conn:
        queries.set_local(conn, settings)
        explained = "\n".join(conn.execute(text("EXPLAIN " + sql)).scalars())
    assert "Index Only Scan" in explained and "ix_events_id_filters" in explained, explained
    assert "Sort" not in explained and "Seq Scan" not in explained, explained
    page = pg_store.query_events(filters, order="-date", page_size=5)
    with pg_store.engine.connect() as conn:
        plain = list(
            conn.execute(
                select(events.c.id)
                .where(filters.where())
                .order_by(events.c.date_sort.desc(), events.c.id.desc())
                .limit(5)
            ).scalars()
        )
    assert [e["id"] for e in page.events] == plain


@pytest.mark.postgres
@pytest.mark.parametrize(
    ("words", "filters"),
    [
        ("учения", EventFilter(countries=("KG",))),
        ("border security", EventFilter(countries=("KZ", "TJ"), topics=("border_security",))),
        ("边境安全", EventFilter(topics=("border_security",), domains=("military",))),
        ("Переговоры", EventFilter(countries=("UZ",), kinds=("meeting",), until=2016)),
    ],
)
def test_pg_search_tests_codes_on_the_events_lists(pg_store, store, words, filters) -> None:  # type: ignore[no-untyped-def]
    """A PostgreSQL search with code filters tests the codes on the event's own lists (GIN
    indexes, migration 15): the same matches as the codes' table gives, and as SQLite finds."""
    from dataclasses import replace

    support = queries.SearchSupport.detect(pg_store)
    assert support.pg_code_arrays
    by_arrays = queries.where_clause(filters, words, support)
    by_table = queries.where_clause(filters, words, replace(support, pg_code_arrays=False))
    assert "string_to_array" in str(by_arrays) and "string_to_array" not in str(by_table)
    found = []
    with pg_store.engine.connect() as conn:
        for where in (by_arrays, by_table):
            found.append(sorted(conn.execute(select(events.c.id).where(where)).scalars()))
    assert found[0] == found[1] and found[0], words
    page = pg_store.query_events(filters, words, page_size=500)
    assert sorted(e["id"] for e in page.events) == found[0]
    on_sqlite = store.query_events(filters, words, page_size=500)
    assert sorted(e["id"] for e in on_sqlite.events) == found[0]


@pytest.mark.postgres
@pytest.mark.parametrize("order", ["-date", "date"])
def test_pg_search_page_from_the_counting_read(pg_store, order: str) -> None:  # type: ignore[no-untyped-def]
    """A PostgreSQL search with few enough matches counts them and keeps the first ids in page
    order from the same read (``pg_profile_rows_and_page``); its pages are the plain query's,
    page after page, with the exact total."""
    from steppewatch.store.query.profiles import pg_profile_rows_and_page

    support = queries.SearchSupport.detect(pg_store)
    keys = (
        [events.c.date_sort.desc(), events.c.id.desc()]
        if order == "-date"
        else [events.c.date_sort, events.c.id]
    )
    for words, filters in (
        ("безопасность", EventFilter()),
        ("border", EventFilter(countries=("KG",))),
        ("反恐怖", EventFilter(kinds=("meeting",))),
    ):
        where = queries.where_clause(filters, words, support)
        with pg_store.engine.connect() as conn:
            plain = list(conn.execute(select(events.c.id).where(where).order_by(*keys)).scalars())
            both = pg_profile_rows_and_page(
                pg_store, where, 1000, need=7, descending=order == "-date", conn=conn
            )
            too_many = pg_profile_rows_and_page(
                pg_store, where, len(plain) - 1, need=7, descending=True, conn=conn
            )
        assert len(plain) > 7, words
        assert both is not None and both[1] == plain[:7]
        assert sum(n for _, n in both[0]) == len(plain)
        assert too_many is None  # more matches than the limit: no counts, no page
        for page in (1, 2, 3):
            got = pg_store.query_events(filters, words, order=order, page=page, page_size=3)
            assert [e["id"] for e in got.events] == plain[(page - 1) * 3 : page * 3], (words, page)
            assert got.total == len(plain)
