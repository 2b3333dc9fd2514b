"""PostgreSQL ``event_search`` (migration 16) and the reads of ``store.query.pg_search``: the
table follows every write to ``events``; the walk of its date index, the sort of its text
index's matches and the list walk give the pages of the plain query on ``events`` (filters AND
words, ORDER BY date_sort, id), through the engine too; SQLite migrates without it."""

from __future__ import annotations

import os
from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy import select, text

from steppewatch.models import Event
from steppewatch.store import EventFilter, open_store
from steppewatch.store.migrations.m0003_review import PG_EVENT_TSV
from steppewatch.store.query import engine as engine_module
from steppewatch.store.query import pg_search, queries
from steppewatch.store.tables import events
from tests.web.test_dated_search import _events

WORDS = [
    "security",
    "Peace Mission",  # a phrase: the words next to each other
    "counter-terrorism",  # a hyphenated word: a phrase of its parts
    "учения",
    "Бишкеке",
    "border security",
    "border\u3000security",  # an ideographic space (Chinese keyboards) between two words
    "drill",
    "Kyrgyz*",
    "zzz-nothing",
    "反恐",  # Chinese: substrings of the cjk text (its trigram index)
    "边境安全",
    "上海合作组织",
    "border 中",
]
ALL_STATUSES = ("curated", "accepted", "edited", "suggested")
FILTERS = [
    EventFilter(),
    EventFilter(statuses=ALL_STATUSES),  # keeps every event: not tested per row
    EventFilter(countries=("KG",)),
    EventFilter(countries=("KZ", "TJ"), kinds=("meeting",)),
    EventFilter(topics=("border_security",), since=2005, until=2016),
    EventFilter(frameworks=("SCO",), statuses=("curated",), domains=("military",)),
]


@pytest.fixture(scope="module")
def pg_store():  # type: ignore[no-untyped-def]
    from tests.conftest import PG_ENV, _pg_database

    admin = os.environ.get(PG_ENV)
    if not admin:
        pytest.skip(f"PostgreSQL tests need {PG_ENV}=postgresql://user:pass@host/db")
    databases = _pg_database(admin)
    store = open_store(next(databases))
    store.add_events(_events(300, seed=5))
    with store.engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")
    yield store
    store.close()
    next(databases, None)


def _plain(store: Any, filters: EventFilter, q: str | None, order: str) -> list[str]:
    """Every match in page order, by the plain query on ``events``."""
    support = queries.SearchSupport.detect(store)
    keys = (
        [events.c.date_sort.desc(), events.c.id.desc()]
        if order == "-date"
        else [events.c.date_sort, events.c.id]
    )
    where = queries.where_clause(filters, q, support) if q else filters.where()
    with store.engine.connect() as conn:
        return list(conn.execute(select(events.c.id).where(where).order_by(*keys)).scalars())


def test_sqlite_migrates_without_event_search(tmp_path) -> None:  # type: ignore[no-untyped-def]
    store = open_store(f"sqlite:///{tmp_path / 'plain.db'}")
    with store.engine.connect() as conn:
        names = set(conn.execute(text("SELECT name FROM sqlite_master")).scalars())
        versions = set(conn.execute(text("SELECT version FROM schema_migrations")).scalars())
    store.close()
    assert 16 in versions and "event_search" not in names


def test_choose_walks_dense_words_and_sorts_rare_ones() -> None:
    way, bound = pg_search.choose(40_000, 150, 1_000_000)  # 4 %: 3,750 rows for the page
    assert way == "walk" and bound == 320_000
    assert pg_search.choose(300, 50, 1_000_000) == ("sort", 0)  # 0.03 %: 166,667 rows
    assert pg_search.choose(0, 50, 1_000_000) == ("sort", 0)
    assert pg_search.choose(None, 50, 1_000_000) == ("walk", 100_000)  # unknown: walk, see
    assert pg_search.choose(5, 50, 100) == ("walk", pg_search.MIN_WALK_ROWS)


def test_words_of_a_search() -> None:
    assert pg_search.words_of("Peace Mission", cjk=True) == pg_search.Words(
        tsquery="Peace:* & Mission:*"
    )
    assert pg_search.words_of('"Peace Mission"', cjk=False) == pg_search.Words(
        tsquery="(Peace:* <-> Mission:*)"
    )
    assert pg_search.words_of("边境 Border", cjk=True) == pg_search.Words(
        substrings=("边境", "border")
    )
    assert pg_search.words_of("边境", cjk=False) is None  # no trigram index of the cjk text
    # an ideographic space separates two Latin words: a word search, not a search of cjk texts
    assert pg_search.words_of("border\u3000security", cjk=True) == pg_search.Words(
        tsquery="border:* & security:*"
    )
    assert pg_search.words_of("", cjk=True) is None


def test_choose_by_years_sorts_a_word_of_earlier_years() -> None:
    all_years = {"2023": 100_000, "2024": 100_000, "2025": 100_000}
    span = {"descending": True, "since": None, "until": None}
    # 2 % of every year: the page's 150 within 7,500 rows of 2025
    way, bound = pg_search.choose_by_years(
        6_000, dict.fromkeys(all_years, 2_000), 60, all_years, 150, **span
    )
    assert (way, bound) == ("walk", pg_search.MIN_WALK_ROWS)
    # as many matches, all in 2023: the walk would pass 200,000 rows first
    assert pg_search.choose_by_years(6_000, {"2023": 6_000}, 60, all_years, 150, **span) == (
        "sort",
        0,
    )
    assert pg_search.choose_by_years(400, {"2025": 400}, 4, all_years, 50, **span)[0] == "sort"
    # oldest first, the same word of 2023 is near the start
    assert pg_search.choose_by_years(
        6_000, {"2023": 6_000}, 60, all_years, 150, descending=False, since=None, until=None
    ) == ("walk", pg_search.MIN_WALK_ROWS)


@pytest.mark.postgres
def test_sampled_matches_of_a_small_table_are_exact(pg_store) -> None:  # type: ignore[no-untyped-def]
    for q, filters in (("security", EventFilter()), ("反恐", EventFilter(countries=("KG",)))):
        plain = _plain(pg_store, filters, q, "-date")
        words = pg_search.words_of(q, cjk=True)
        assert words is not None
        with pg_store.engine.connect() as conn:
            matches, years, hits = pg_search.sampled_matches(conn, words, filters, 300)
        assert matches == hits == len(plain) > 0
        assert sum(years.values()) == len(plain)


@pytest.mark.postgres
def test_event_search_follows_every_write(pg_store) -> None:  # type: ignore[no-untyped-def]
    copied = (
        "id, date_sort, kind, level, framework, review_status, year, countries, topics, domains"
    )

    def both() -> tuple[list[Any], list[Any]]:
        with pg_store.engine.connect() as conn:
            mine = conn.execute(
                text(f"SELECT {copied}, tsv::text FROM event_search ORDER BY id")
            ).all()
            theirs = conn.execute(
                text(f"SELECT {copied}, ({PG_EVENT_TSV})::text FROM events ORDER BY id")
            ).all()
        return mine, theirs

    mine, theirs = both()
    assert len(mine) == 300 and mine == theirs
    first = pg_store.list_events(limit=2, order="id")
    changed = Event.model_validate(
        {
            **first[0].model_dump(mode="json"),
            "title": "Совместные учения «Мирная миссия»",
            "date_start": "1999-03-04",
            "countries": ["CN", "TM"],
        }
    )
    pg_store.add_events([changed], replace_reviewed=True)
    with pg_store.engine.begin() as conn:  # as a review does
        conn.execute(
            events.update().where(events.c.id == first[1].id).values(review_status="accepted")
        )
    pg_store.delete_events([first[1].id])
    mine, theirs = both()
    assert len(mine) == 299 and mine == theirs
    row = next(r for r in mine if r[0] == first[0].id)
    assert row[1] == "1999-03-04" and row[7] == "CN;TM" and "'учения'" in row[-1]
    pg_store.add_events(_events(300, seed=5), replace_reviewed=True)  # back as it was
    pg_store.delete_events([first[0].id])
    pg_store.add_events(_events(300, seed=5))
    mine, theirs = both()
    assert len(mine) == 300 and mine == theirs


@pytest.mark.postgres
@pytest.mark.parametrize("order", ["-date", "date"])
@pytest.mark.parametrize("filters", FILTERS, ids=lambda f: repr(f)[:60])
def test_walk_and_sort_give_the_plain_page(pg_store, filters: EventFilter, order: str) -> None:  # type: ignore[no-untyped-def]
    descending = order == "-date"
    found = 0
    with pg_store.engine.connect() as conn:
        rows = conn.execute(text("SELECT count(*) FROM event_search")).scalar()
        for q in WORDS:
            words = pg_search.words_of(q, cjk=True)
            assert words is not None, q
            plain = _plain(pg_store, filters, q, order)
            found += bool(plain)
            for limit, offset in ((5, 0), (5, 5), (7, 21), (400, 0)):
                want = plain[offset : offset + limit]
                sort = pg_search.page_ids(
                    conn, words, filters, descending=descending, way="sort", bound=0,
                    limit=limit, offset=offset,
                )  # fmt: skip
                whole = pg_search.page_ids(
                    conn, words, filters, descending=descending, way="walk", bound=rows,
                    limit=limit, offset=offset, whole=True,
                )  # fmt: skip
                short = pg_search.page_ids(
                    conn, words, filters, descending=descending, way="walk", bound=40,
                    limit=limit, offset=offset,
                )  # fmt: skip
                assert sort == want and whole == want, (q, limit, offset)
                # a walk of 40 rows: the page if it lies within them, else None (sort then)
                assert short is None or short == want, (q, limit, offset)
                conn.rollback()
    assert found >= 3


@pytest.mark.postgres
def test_the_walk_reads_the_date_index_and_the_sort_the_text_index(pg_store) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy.dialects import postgresql

    filters = EventFilter(countries=("KG",), statuses=("curated",))

    def explain(query: Any, settings: dict[str, str]) -> str:
        sql = str(
            query.compile(dialect=postgresql.dialect(), compile_kwargs={"literal_binds": True})
        )
        with pg_store.engine.connect() as conn:
            queries.set_local(conn, settings)
            return "\n".join(conn.execute(text("EXPLAIN " + sql)).scalars())

    security = pg_search.Words(tsquery="security:*")
    walk = pg_search.walk_query(security, filters, descending=True, bound=1000, limit=5, offset=0)
    plan = explain(walk, pg_search.WALK_SETTINGS)
    assert "ix_event_search_date" in plan and "Sort" not in plan, plan
    assert "to_tsvector" not in plan and "events" not in plan.replace("event_search", ""), plan
    sort = pg_search.sort_query(security, filters, descending=True, limit=5, offset=0)
    plan = explain(sort, pg_search.SORT_SETTINGS)
    # the code filter from its GIN index (with the words' where the planner finds it worth it)
    assert "ix_event_search_countries" in plan and "Sort" in plan, plan
    sort = pg_search.sort_query(security, EventFilter(), descending=True, limit=5, offset=0)
    plan = explain(sort, pg_search.SORT_SETTINGS)
    assert "ix_event_search_tsv" in plan and "Sort" in plan, plan
    listed = pg_search.walk_query(None, filters, descending=False, bound=None, limit=5, offset=0)
    plan = explain(listed, pg_search.WALK_SETTINGS)
    assert "ix_event_search_date" in plan and "Sort" not in plan, plan


@pytest.mark.postgres
@pytest.mark.parametrize("profiles", [True, False], ids=["profiles", "no-profiles"])
def test_engine_search_pages_equal_the_plain_query(pg_store, monkeypatch, profiles: bool) -> None:  # type: ignore[no-untyped-def]
    """Through the query engine (as ``Store.query_events``): every page of a date-ordered search is the plain
    query's, by the walk, the sort, and a walk too short for the page followed by the sort."""
    # search_facet_rows=0: no search is counted, so its page is read by pg_search (a search
    # whose matches are counted gets its page ids from that read: test_list_plans)
    engine = pg_store.query_engine(
        replace(pg_store.query_settings, cache_size=0, search_facet_rows=0)
    )
    if profiles:
        engine.start()
    assert engine.support.pg_event_search
    ways: list[str] = []
    real = pg_search.page_ids

    def recorded(*args: Any, **kwargs: Any) -> list[str] | None:
        ways.append(kwargs["way"])
        return real(*args, **kwargs)

    monkeypatch.setattr(pg_search, "page_ids", recorded)
    for min_rows in (100_000, 3):  # the whole table walked at once; a walk of a few rows
        monkeypatch.setattr(pg_search, "MIN_WALK_ROWS", min_rows)
        monkeypatch.setattr(pg_search, "WALK_ROWS_PER_MATCH", 1 if min_rows == 3 else 8)
        for q in WORDS:
            for filters in FILTERS[:4]:
                for order in ("-date", "date"):
                    plain = _plain(pg_store, filters, q, order)
                    for offset in (0, 4, 12):
                        page = engine.page(filters, q, order=order, offset=offset, limit=4)
                        got = [e["id"] for e in page.events]
                        assert got == plain[offset : offset + 4], (q, filters, order, offset)
    assert {"walk", "sort"} <= set(ways)


@pytest.mark.postgres
@pytest.mark.parametrize("way", ["walk", "bitmap"])
def test_engine_list_pages_by_event_search_and_bitmaps(pg_store, monkeypatch, way: str) -> None:  # type: ignore[no-untyped-def]
    """The two new ways of a list page without words (``event_search`` walked with the
    filters tested on its rows; the filters' bitmaps ANDed and the matches sorted) give the
    plain query's pages."""
    from tests.web.test_list_plans import FILTERS as LIST_FILTERS

    engine = pg_store.query_engine(replace(pg_store.query_settings, cache_size=0))
    engine.start()
    engine.notice_writes()
    if way == "walk":
        monkeypatch.setattr(pg_search, "LIST_WALK_COST", 0.0)
    else:
        monkeypatch.setattr(pg_search, "LIST_WALK_COST", 1e9)
        monkeypatch.setattr(engine_module, "PG_BITMAP_COST", 0.0)
    used: list[str] = []
    walk_page = engine._pg_search_list_page
    read_page = engine._read_page

    def walked(*args: Any, **kwargs: Any) -> Any:
        used.append("walk")
        return walk_page(*args, **kwargs)

    def read(query: Any, where: Any, *args: Any, **kwargs: Any) -> Any:
        if "string_to_array" in str(where) or "date_sort || ''" in str(args):
            used.append("bitmap")
        return read_page(query, where, *args, **kwargs)

    monkeypatch.setattr(engine, "_pg_search_list_page", walked)
    monkeypatch.setattr(engine, "_read_page", read)
    for filters in [*LIST_FILTERS, EventFilter(countries=("KG",), statuses=ALL_STATUSES)]:
        for order in ("-date", "date"):
            plain = _plain(pg_store, filters, None, order)
            for offset in (0, 5, 40):
                page = engine.page(filters, None, order=order, offset=offset, limit=5)
                assert [e["id"] for e in page.events] == plain[offset : offset + 5], (
                    filters,
                    order,
                    offset,
                )
    assert used and set(used) == {way}
