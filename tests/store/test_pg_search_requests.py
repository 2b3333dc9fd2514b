"""PostgreSQL searches read with fewer round trips and cheaper plans (issue 17.3, second round):
one connection per page, counts without the page's rows, the sample kept, a common code's
index left out; each gives the plain query's pages and totals (filters AND words on
``events``)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy import event, func, select, text

from steppewatch.store import EventFilter
from steppewatch.store.query import pg_search
from tests.store.test_pg_event_search import FILTERS, WORDS, _plain, pg_store  # noqa: F401

CODED = [f for f in FILTERS if f.countries or f.topics or f.domains]
ALL_CODES = pg_search.CODE_FIELDS


def test_a_common_code_is_tested_on_the_rows_and_a_rare_one_through_its_index() -> None:
    kz = EventFilter(countries=("KZ",))
    # figures of the bench database (1M events): "Torugart" (5,793 matches) in KZ (466,762)
    assert pg_search.unindexed_codes(kz, 5_793, {"countries": 466_762}, 1_000_000) == ("countries",)
    # "deputy" (19,194) in KG (452,143): the index removes enough rows to pay for itself
    kg = EventFilter(countries=("KG",))
    assert pg_search.unindexed_codes(kg, 19_194, {"countries": 452_143}, 1_000_000) == ()
    # a rare code (MN: 13,503) with a few hundred matches: its index is cheap
    mn = EventFilter(countries=("MN",), topics=("terrorism",))
    assert pg_search.unindexed_codes(
        mn, 500, {"countries": 13_503, "topics": 600_000}, 1_000_000
    ) == ("topics",)
    # fields without codes chosen are never named
    assert pg_search.unindexed_codes(EventFilter(), 10, {}, 1_000_000) == ()


@pytest.mark.postgres
@pytest.mark.parametrize("filters", CODED, ids=lambda f: repr(f)[:60])
def test_unindexed_codes_give_the_plain_pages_and_counts(pg_store, filters: EventFilter) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    found = 0
    with pg_store.engine.connect() as conn:
        for q in WORDS:
            words = pg_search.words_of(q, cjk=True)
            assert words is not None, q
            plain = _plain(pg_store, filters, q, "-date")
            found += bool(plain)
            counted = conn.execute(
                select(func.count())
                .select_from(pg_search.event_search)
                .where(pg_search.search_where(words, filters, unindexed=ALL_CODES))
            ).scalar()
            assert counted == len(plain), q
            for limit, offset in ((5, 0), (7, 3)):
                ids = pg_search.page_ids(
                    conn, words, filters, descending=True, way="sort", bound=0,
                    limit=limit, offset=offset, unindexed=ALL_CODES,
                )  # fmt: skip
                assert ids == plain[offset : offset + limit], (q, limit, offset)
                conn.rollback()
    assert found >= 2


@pytest.mark.postgres
def test_an_unindexed_code_is_not_read_from_its_index(pg_store) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    from sqlalchemy.dialects import postgresql

    security = pg_search.Words(tsquery="security:*")
    kg = EventFilter(countries=("KG",))

    def plan(unindexed: tuple[str, ...]) -> str:
        query = pg_search.sort_query(
            security, kg, descending=True, limit=5, offset=0, unindexed=unindexed
        )
        sql = query.compile(dialect=postgresql.dialect(), compile_kwargs={"literal_binds": True})
        with pg_store.engine.connect() as conn:
            # as on a large table: the planner would AND both GIN indexes
            conn.exec_driver_sql("SET LOCAL enable_seqscan = off")
            conn.exec_driver_sql("SET LOCAL enable_indexscan = off")
            return "\n".join(conn.execute(text("EXPLAIN " + str(sql))).scalars())

    assert "ix_event_search_countries" in plan(())
    unindexed = plan(("countries",))
    assert "ix_event_search_countries" not in unindexed, unindexed
    assert "ix_event_search_tsv" in unindexed, unindexed


@pytest.mark.postgres
def test_the_sample_counts_the_words_with_and_without_their_codes(pg_store) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    for q, filters in (("security", CODED[0]), ("反恐", CODED[1]), ("border", CODED[2])):
        words = pg_search.words_of(q, cjk=True)
        assert words is not None
        without = replace(filters, countries=(), topics=(), domains=())
        with pg_store.engine.connect() as conn:  # 300 rows: the whole table, exact
            matches, years, hits, word_matches = pg_search.sampled_with_codes(
                conn, words, filters, 300
            )
        plain = _plain(pg_store, filters, q, "-date")
        assert matches == hits == len(plain) and sum(years.values()) == len(plain), q
        assert word_matches == len(_plain(pg_store, without, q, "-date")), q
        assert all(n > 0 for n in years.values())


def _engine(store: Any) -> Any:
    engine = store.query_engine(replace(store.query_settings, cache_size=0))
    engine.start()
    engine.notice_writes()
    return engine


@pytest.mark.postgres
def test_a_search_page_reads_through_one_connection(pg_store) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    engine = _engine(pg_store)
    checkouts: list[int] = []

    def checked_out(*_args: Any) -> None:
        checkouts.append(1)

    event.listen(pg_store.engine, "checkout", checked_out)
    try:
        for q in ("security", "Peace Mission", "反恐", "border security"):
            for filters in (FILTERS[0], FILTERS[2], FILTERS[4]):
                checkouts.clear()
                page = engine.page(filters, q, order="-date", offset=0, limit=4)
                assert len(checkouts) == 1, (q, filters)
                plain = _plain(pg_store, filters, q, "-date")
                assert [e["id"] for e in page.events] == plain[:4], (q, filters)
                assert page.total == len(plain), (q, filters)
    finally:
        event.remove(pg_store.engine, "checkout", checked_out)


@pytest.mark.postgres
def test_search_counts_without_the_page_are_the_pages_counts(pg_store) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    """``list_counts`` of a search (a facet link's numbers) reads no event rows on
    PostgreSQL, and its total and facets are those of the page."""
    engine = _engine(pg_store)
    statements: list[str] = []

    def executed(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    for q in ("security", "учения", "反恐", "zzz-nothing"):
        for filters in FILTERS[:4]:
            for order in ("-date", "title"):
                statements.clear()
                event.listen(pg_store.engine, "before_cursor_execute", executed)
                try:
                    total, facets = engine.list_counts(filters, q, order=order, limit=5)
                finally:
                    event.remove(pg_store.engine, "before_cursor_execute", executed)
                assert not [s for s in statements if "FROM events" in s], statements
                page = engine.page(filters, q, order=order, offset=0, limit=5)
                assert (total, facets) == (page.total, page.facets), (q, filters, order)
                # the total is exact (300 events: every search is counted), in any order
                assert total == len(_plain(pg_store, filters, q, "-date")), (q, filters, order)


@pytest.mark.postgres
def test_a_search_with_a_code_reads_its_words_once_for_page_and_links(pg_store) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    """A search with a country: one read of the words' matches in the page's statuses gives
    the page, its total and facets, and the numbers of its facet links (the same words
    without the country), equal to the counts read apart; other statuses are read apart."""
    engine = _engine(pg_store)
    statuses = ("curated", "accepted", "edited")
    for q in ("security", "учения", "反恐", "border security"):
        for codes in ({"countries": ("KG",)}, {"countries": ("KZ", "TJ"), "topics": ("drills",)}):
            filters = EventFilter(statuses=statuses, **codes)  # type: ignore[arg-type]
            page = engine.page(filters, q, order="-date", offset=0, limit=4)
            plain = _plain(pg_store, filters, q, "-date")
            assert [e["id"] for e in page.events] == plain[:4], (q, codes)
            assert page.total == len(plain), (q, codes)
            assert page.hit_profiles is not None and page.hit_statuses == statuses
            for other in (
                EventFilter(statuses=statuses),
                replace(filters, countries=()),
                EventFilter(statuses=("curated",), countries=("TJ",)),
            ):
                fresh = _engine(pg_store)
                assert page.counts_for(other) == fresh.list_counts(other, q), (q, codes, other)
            # statuses the hits do not hold: not counted from them
            assert page.counts_for(EventFilter(statuses=("suggested",))) is None
            assert page.counts_for(replace(filters, statuses=())) is None


@pytest.mark.postgres
def test_search_pages_and_facet_links_are_sqlites(pg_store, tmp_path) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    """The explorer's JSON of searches with codes chosen (page, total, facets and the facet
    links' numbers) on PostgreSQL and on SQLite, over the same events."""
    from starlette.testclient import TestClient

    from steppewatch.store import open_store
    from steppewatch.web import create_app
    from tests.web.test_dated_search import _events

    lite = open_store(str(tmp_path / "same.db"))
    lite.add_events(_events(300, seed=5))
    urls = [
        "/events.json?q=security&country=KG",
        "/events.json?q=security&country=KG&country=TJ&page=2",
        "/events.json?q=%D1%83%D1%87%D0%B5%D0%BD%D0%B8%D1%8F&country=KZ",
        "/events.json?q=%E5%8F%8D%E6%81%90&topic=border_security",
        "/events.json?q=border+security&country=KG&kind=meeting",
        "/events.json?q=security&country=KG&status=curated",
    ]
    with (
        TestClient(create_app(pg_store, secret="s")) as pg,
        TestClient(create_app(lite, secret="s")) as sqlite,
    ):
        for url in urls:
            mine, theirs = pg.get(url).json(), sqlite.get(url).json()
            assert mine["ok"] and theirs["ok"], (url, mine, theirs)
            for key in ("total", "facets", "facet_links"):
                assert mine[key] == theirs[key], (url, key)
            # (events of one day are in id order on PostgreSQL, in insertion order on SQLite)
            assert [e["date_start"] for e in mine["events"]] == [
                e["date_start"] for e in theirs["events"]
            ], url
    lite.close()


def test_a_common_word_is_left_to_the_rows_of_a_rare_one() -> None:
    shares = {"china": 0.5, "chinese": 0.15, "turkmenistan": 0.027, "kazakhstan": 0.18}
    phrase = pg_search.words_of("China-Turkmenistan", cjk=True)
    assert phrase is not None and phrase.tsquery == "(China:* <-> Turkmenistan:*)"
    narrowed = pg_search.narrowed(phrase, shares)
    assert narrowed.index_tsquery == "turkmenistan:*" and narrowed.tsquery == phrase.tsquery
    assert narrowed.whole() == phrase
    # "chin" starts both lexemes: 65 % of the events; no rare word, or one word: unchanged
    two = pg_search.words_of("chin Turkmenistan", cjk=True)
    assert two is not None and pg_search.narrowed(two, shares).index_tsquery == "turkmenistan:*"
    for q in ("China-Kazakhstan", "China", "Turkmenistan border"):
        words = pg_search.words_of(q, cjk=True)
        assert words is not None and pg_search.narrowed(words, shares) == words, q
    assert pg_search.narrowed(phrase, {}) == phrase


@pytest.mark.postgres
@pytest.mark.parametrize("filters", FILTERS[:4], ids=lambda f: repr(f)[:60])
def test_narrowed_words_give_the_plain_pages_and_counts(pg_store, filters: EventFilter) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    with pg_store.engine.connect() as conn:
        shares = pg_search.lexeme_shares(conn)
    assert shares  # the fixture's database was analysed
    # as if "border", "peace" and "security" were in most events and the others rare
    common = {**{k: 0.001 for k in shares}, "border": 0.9, "peace": 0.9, "security": 0.9}
    found = 0
    with pg_store.engine.connect() as conn:
        for q in ("Mission security", "Peace Mission", "border drill", "security учения"):
            words = pg_search.narrowed(pg_search.words_of(q, cjk=True), common)  # type: ignore[arg-type]
            assert words.index_tsquery is not None, q
            plain = _plain(pg_store, filters, q, "-date")
            found += bool(plain)
            counted = conn.execute(
                select(func.count())
                .select_from(pg_search.event_search)
                .where(pg_search.search_where(words, filters))
            ).scalar()
            assert counted == len(plain), q
            for way, bound in (("sort", 0), ("walk", 10_000)):
                ids = pg_search.page_ids(
                    conn, words, filters, descending=True, way=way, bound=bound,
                    limit=5, offset=2, whole=True,
                )  # fmt: skip
                assert ids == plain[2:7], (q, way)
                conn.rollback()
    assert found >= 2


@pytest.mark.postgres
@pytest.mark.parametrize("outcome", ["too_many", "timed_out"])
def test_reading_every_hit_fails(pg_store, monkeypatch, outcome: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    """More hits than ``search_facet_rows`` whatever the codes: the matches with the codes
    are counted as before; past the count's time limit, no second count (the page says
    "many"); the page is the plain query's either way."""
    from steppewatch.store.query import engine as engine_module
    from steppewatch.store.query import queries

    real = engine_module.pg_profile_rows_and_page
    reads: list[bool] = []

    def failing(*args: Any, **kwargs: Any) -> Any:
        hits = kwargs.get("page_tests") is not None
        reads.append(hits)
        if hits and outcome == "too_many":
            return None
        if hits:
            raise queries.TimedOut()
        return real(*args, **kwargs)

    monkeypatch.setattr(engine_module, "pg_profile_rows_and_page", failing)
    engine = _engine(pg_store)
    filters = EventFilter(statuses=("curated", "accepted", "edited"), countries=("KG",))
    page = engine.page(filters, "security", order="-date", offset=0, limit=4)
    plain = _plain(pg_store, filters, "security", "-date")
    assert [e["id"] for e in page.events] == plain[:4]
    assert page.hit_profiles is None
    if outcome == "too_many":
        assert reads == [True, False] and page.total == len(plain)
    else:
        assert reads == [True] and page.total is None
        assert all(v is None for v in page.facets.values())
