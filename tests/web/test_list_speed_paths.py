"""The fast paths of the events list (issue #6 latency): the kind+date index of migration 4,
the date walk of a text search through linked documents, and the page cache emptied on a write."""

from __future__ import annotations

import json
import sqlite3

from steppewatch.store import open_store

MACHINE_EVENT = "2022-04-02-meeting-cn-uz-1"


def test_kind_pages_walk_the_kind_date_index(db_url: str) -> None:
    open_store(db_url).close()  # migrations applied
    conn = sqlite3.connect(db_url.removeprefix("sqlite:///"))
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert "ix_events_kind_date" in names
    plan = " ".join(
        r[3]
        for r in conn.execute(
            "EXPLAIN QUERY PLAN SELECT * FROM events WHERE kind IN ('meeting') "
            "ORDER BY date_sort DESC, rowid DESC LIMIT 25"
        )
    )
    conn.close()
    assert "ix_events_kind_date" in plan and "TEMP B-TREE" not in plan


def _link_document(client, event_id: str, text: str) -> None:  # type: ignore[no-untyped-def]
    from steppewatch.store.document_tables import coded_items, documents

    store = client.app.state.web.store
    with store.engine.begin() as conn:
        conn.execute(
            documents.insert().values(
                id="e" * 64,
                url="https://mfa.uz/ru/1",
                language="ru",
                title="Встреча",
                text=text,
                status="coded",
                created_at="2026-11-28T00:00:00+00:00",
            )
        )
        conn.execute(
            coded_items.insert().values(
                document_id="e" * 64,
                item_index=0,
                start=0,
                end=len(text),
                relevant=1,
                coded=json.dumps({"index": 0}),
                event_id=event_id,
            )
        )


def test_search_through_a_document_with_the_date_walk(client, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    _link_document(client, MACHINE_EVENT, "Стороны обсудили наркотрафик из Афганистана.")
    engine = client.app.state.web.queries
    monkeypatch.setattr(
        engine, "settings", replace(engine.settings, walk_min_hits=0)
    )  # walk always
    client.app.state.web.index = None  # the SQL path, not the in-memory event index
    found = client.get("/events.json", params={"q": "наркотрафик", "status": "machine"}).json()[
        "events"
    ]
    assert [e["id"] for e in found] == [MACHINE_EVENT]
    # the event's own text still matches on the walk, newest first
    ids = [
        e["id"]
        for e in client.get(
            "/events.json", params={"q": "Machine-coded", "status": "machine"}
        ).json()["events"]
    ]
    assert ids == ["2023-07-09-meeting-cn-kg-2", MACHINE_EVENT]


def test_cached_page_is_emptied_by_a_write(client, web) -> None:  # type: ignore[no-untyped-def]
    params = {"status": "machine", "country": "UZ"}
    first = client.get("/events.json", params=params).json()
    assert [e["id"] for e in first["events"]] == [MACHINE_EVENT]
    hits = client.app.state.web.cache.hits
    assert client.get("/events.json", params=params).json() == first
    assert client.app.state.web.cache.hits > hits  # the second answer came from the cache
    web.login(client)
    token = web.csrf_of(client.get(f"/events/{MACHINE_EVENT}").text)
    r = client.post(
        f"/review/{MACHINE_EVENT}/accept", data={"csrf_token": token}, follow_redirects=False
    )
    assert r.status_code == 303
    after = client.get("/events.json", params=params).json()
    assert after["events"] == [] and after["total"] == 0


def test_fts_hits_counts_only_up_to_the_cap(db_url: str) -> None:
    from steppewatch.store.query.queries import fts_hits

    store = open_store(db_url)
    exact = fts_hits(store, "Machine-coded")
    assert exact == 2
    assert fts_hits(store, "Machine-coded", cap=1) == 2  # cap + 1: "more than the cap"
    assert fts_hits(store, "Machine-coded", cap=0) == 1
    assert fts_hits(store, "Machine-coded", cap=10) == 2
    store.close()
