"""Search pages read in date order from ``events_fts_dated`` (migration 6) are exactly the pages of
the plain query (filters AND search condition, ORDER BY date_sort, rowid), on a small database of
English, Chinese and Russian events with date ties and events found through linked documents;
and the JSON API's totals and facet counts for a search equal counts over the plain query's rows."""

from __future__ import annotations

import json
import random
from collections import Counter
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy import literal_column, select

from steppewatch.models import Event
from steppewatch.store import EventFilter, open_store
from steppewatch.store.document_tables import coded_items, documents
from steppewatch.store.query import dated_search
from steppewatch.store.query.queries import SearchSupport, where_clause
from steppewatch.store.tables import events

TITLES = [
    "中吉联合反恐演习“天山”",
    "中哈边境安全会谈",
    "上海合作组织反恐怖机构理事会会议",
    "Переговоры министров обороны Китая и Кыргызстана",
    "Совместные антитеррористические учения",
    "Пограничная безопасность: встреча в Бишкеке",
    "Peace Mission joint exercise",
    "Border security talks in Astana",
    "SCO counter-terrorism drill",
]
SUMMARIES = [
    None,
    "双方同意加强边境安全合作。",
    "Стороны обсудили наркотрафик и экстремизм.",
    "Both sides discussed drug trafficking and border security.",
]
COUNTRIES = ["KZ", "KG", "TJ", "UZ"]
KINDS = ["meeting", "bilateral_exercise", "multilateral_exercise"]
TOPICS = ["terrorism", "border_security", "extremism", "drug_trafficking"]
SEARCHES = [
    "反恐",
    "边境安全",
    "反恐怖",
    "учения",
    "безопасность",
    "Бишкек",
    "border security",
    "наркотрафик",
    "drug",
    "security",
    "SCO",
    "天山",
    "zzz-nothing",
    "Peace Mission",
    "border 中",
    "Переговоры и",
]


def _events(n: int = 240, seed: int = 3) -> list[Event]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        year = rng.choice([2001, 2005, 2016, 2016, 2023])
        date = f"{year}-{rng.randint(1, 2):02d}-{rng.choice([1, 1, 15]):02d}"  # many ties
        country, kind = rng.choice(COUNTRIES), rng.choice(KINDS)
        out.append(
            Event.model_validate(
                {
                    "id": f"{date}-{kind}-cn-{country.lower()}-{i + 1}",
                    "kind": kind,
                    "title": rng.choice(TITLES),
                    "date_start": date,
                    "countries": ["CN", country],
                    "framework": rng.choice(["bilateral", "SCO"]),
                    "topics": rng.sample(TOPICS, rng.randint(1, 2)),
                    "domains": ["military"],
                    "summary": rng.choice(SUMMARIES),
                    "sources": [
                        {"url": f"https://example.org/{i}", "publisher": "x", "language": "en"}
                    ],
                }
            )
        )
    rng.shuffle(out)  # rowid order differs from date order
    return out


def dated_store(path: Any) -> Any:
    """The database of these tests (also used by test_event_index): at ``path``, a file or a
    database URL."""
    url = str(path)
    store = open_store(url if url.startswith(("sqlite:", "postgresql")) else f"sqlite:///{url}")
    store.add_events(_events())
    ids = [e.id for e in store.list_events(limit=30, order="id")]
    with store.engine.begin() as conn:  # documents linked to events, one with a word no event has
        for i, event_id in enumerate(ids[::3]):
            text = ["关于打击贩毒的联合声明", "Совместное заявление о пограничной безопасности"][
                i % 2
            ]
            conn.execute(
                documents.insert().values(
                    id=f"{i:064x}",
                    url=f"https://mfa.example/{i}",
                    language="zh",
                    title="声明",
                    text=text,
                    status="coded",
                    created_at="2026-11-28T00:00:00+00:00",
                )
            )
            conn.execute(
                coded_items.insert().values(
                    document_id=f"{i:064x}",
                    item_index=0,
                    start=0,
                    end=len(text),
                    relevant=1,  # the whole statement
                    coded=json.dumps({"index": 0}),
                    event_id=event_id,
                )
            )
    return store


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    store = dated_store(tmp_path_factory.mktemp("dated") / "dated.db")
    yield store
    store.close()


def _plain(
    store: Any, filters: EventFilter, q: str, order: str, limit: int, offset: int
) -> list[str]:
    support = SearchSupport.detect(store)
    rowid = literal_column("events.rowid")
    keys = (
        (events.c.date_sort, rowid)
        if order == "date"
        else (events.c.date_sort.desc(), rowid.desc())
    )
    query = (
        select(events.c.id)
        .where(where_clause(filters, q, support))
        .order_by(*keys)
        .limit(limit)
        .offset(offset)
    )
    with store.engine.connect() as conn:
        return list(conn.execute(query).scalars())


FILTERS = [
    EventFilter(),
    EventFilter(countries=("KG",)),
    EventFilter(countries=("KZ", "TJ"), kinds=("meeting",)),
    EventFilter(topics=("border_security",), since=2005, until=2016),
    EventFilter(frameworks=("SCO",), statuses=("curated",)),
]


@pytest.mark.parametrize("order", ["-date", "date"])
@pytest.mark.parametrize("filters", FILTERS, ids=lambda f: repr(f)[:60])
def test_dated_pages_equal_the_plain_query(store, filters: EventFilter, order: str) -> None:  # type: ignore[no-untyped-def]
    support = SearchSupport.detect(store)
    assert support.events_fts_dated
    checked = 0
    for q in SEARCHES:
        if not dated_search.usable(support, q, order):
            continue
        for limit, offset in ((10, 0), (10, 10), (7, 21), (200, 0)):
            got = [
                e["id"]
                for e in dated_search.search_page(
                    store, filters, q, support, order=order, limit=limit, offset=offset
                )
            ]
            assert got == _plain(store, filters, q, order, limit, offset), (q, limit, offset)
            checked += bool(got)
    assert checked > 10  # the searches do find events


def test_document_arm_finds_events_the_event_text_does_not(store) -> None:  # type: ignore[no-untyped-def]
    support = SearchSupport.detect(store)
    found = dated_search.search_page(
        store, EventFilter(), "打击贩毒", support, order="-date", limit=50, offset=0
    )
    assert len(found) == 5  # documents 0, 2, 4, 6, 8 (every other of the ten linked)
    assert [e["id"] for e in found] == _plain(store, EventFilter(), "打击贩毒", "-date", 50, 0)


@pytest.mark.parametrize("q", ["反恐怖", "безопасность", "border security", "打击贩毒", "天山 KG"])
@pytest.mark.parametrize("params", [{}, {"country": "KG"}, {"kind": "meeting", "sort": "date"}])
@pytest.mark.parametrize("dated_first_ms", [300, 0], ids=["dated", "planner-fallback"])
def test_api_totals_facets_and_pages_equal_the_plain_query(
    store,
    monkeypatch,
    q: str,
    params: dict[str, str],
    dated_first_ms: int,  # type: ignore[no-untyped-def]
) -> None:
    """(0 ms: the date-ordered read of a filtered search gives up at once and the planner's
    path answers.)"""
    from starlette.testclient import TestClient

    from steppewatch.web import create_app

    if dated_first_ms == 0:  # as if the walk had run out of time before filling the page
        from steppewatch.store.query import queries

        real = dated_search.search_page

        def out_of_time(*args, limit_ms=None, **kwargs):  # type: ignore[no-untyped-def]
            if limit_ms == 0:
                raise queries.TimedOut()
            return real(*args, limit_ms=limit_ms, **kwargs)

        monkeypatch.setattr(dated_search, "search_page", out_of_time)

    filters = EventFilter.make(countries=params.get("country"), kinds=params.get("kind"))
    order = params.get("sort", "-date")
    expected = _plain(store, filters, q, order, 10_000, 0)
    rows = (
        {e.id: e for e in store.list_events(EventFilter(ids=tuple(expected)))} if expected else {}
    )
    app = create_app(store, secret="t", cache_size=0, use_event_index=False)  # the SQL paths (the
    engine = app.state.web.queries
    engine.settings = replace(engine.settings, dated_first_ms=dated_first_ms)
    with TestClient(app) as client:  # index's pages are compared with them in test_event_index)
        ids: list[str] = []
        for page in (1, 2, 3):
            body = client.get(
                "/events.json", params={**params, "q": q, "per_page": 4, "page": page}
            ).json()
            ids += [e["id"] for e in body["events"]]
        assert ids == expected[:12]
        assert body["total"] == len(expected)
        facets = body["facets"]
    assert facets["kind"] == dict(Counter(rows[i].kind for i in expected))
    assert facets["country"] == dict(Counter(c for i in expected for c in rows[i].countries))
    assert facets["year"] == dict(Counter(str(rows[i].year) for i in expected))


@pytest.mark.parametrize("scan_ms", [60_000, 0])
def test_short_word_search_is_bounded_and_says_so(store, monkeypatch, scan_ms: int) -> None:  # type: ignore[no-untyped-def]
    """反恐 (two characters) has no index: the scan is time-limited; cut short, the page holds
    the first matches in order (a prefix of the full answer) and says it is incomplete."""
    from starlette.testclient import TestClient

    from steppewatch.web import create_app

    if scan_ms == 0:  # the limit reached mid-scan, deterministically: interrupted after 500 steps
        monkeypatch.setattr(dated_search, "time_limit", _cut_after_steps)
    expected = _plain(store, EventFilter(), "反恐", "-date", 50, 0)
    assert len(expected) > 20
    app = create_app(store, secret="t", cache_size=0)
    app.state.web.queries.settings = replace(app.state.web.queries.settings, short_scan_ms=scan_ms)
    with TestClient(app) as client:
        body = client.get("/events.json", params={"q": "反恐", "per_page": 50}).json()
        html = client.get("/", params={"q": "反恐", "per_page": 50}).text
    ids = [e["id"] for e in body["events"]]
    if scan_ms:
        assert ids == expected and "incomplete" not in body and 'id="search-notice"' not in html
    else:
        assert (
            body["incomplete"] is True and "cut short" in body["notice"] and body["total"] is None
        )
        assert ids == expected[: len(ids)]
        assert 'id="search-notice"' in html and "反恐演习" in html


@contextmanager
def _cut_after_steps(conn, ms):  # type: ignore[no-untyped-def]

    from steppewatch.store.query.queries import interrupted_as_timed_out

    raw = conn.connection.dbapi_connection
    raw.set_progress_handler(lambda: 1, 500)
    try:
        with interrupted_as_timed_out():
            yield
    finally:
        raw.set_progress_handler(None, 0)


def test_time_limit_interrupts_a_long_query_and_leaves_the_connection_usable(store) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import text

    from steppewatch.store.query.queries import TimedOut, time_limit

    endless = (
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n"
    )
    with store.engine.connect() as conn:
        with pytest.raises(TimedOut), time_limit(conn, 50):
            conn.execute(text(endless)).scalar()
        assert conn.execute(text("SELECT count(*) FROM events")).scalar() == 240
        with time_limit(conn, 60_000):  # a limit not reached: no interrupt afterwards either
            assert conn.execute(text("SELECT count(*) FROM events")).scalar() == 240
        assert conn.execute(text("SELECT count(*) FROM events")).scalar() == 240


def test_time_limit_past_before_the_query_starts_still_interrupts_it(store) -> None:  # type: ignore[no-untyped-def]
    """A deadline reached while no statement runs (e.g. during Python work before it) must
    still stop the statement started after it."""
    import time

    from sqlalchemy import text

    from steppewatch.store.query.queries import TimedOut, time_limit

    # long (seconds), not endless: without the repeated interrupt this fails instead of hanging
    endless = (
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50000000) "
        "SELECT count(*) FROM n"
    )
    with store.engine.connect() as conn:
        with pytest.raises(TimedOut), time_limit(conn, 1):
            time.sleep(0.1)  # the deadline passes here
            conn.execute(text(endless)).scalar()
