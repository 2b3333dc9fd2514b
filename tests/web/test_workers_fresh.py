"""Two app instances over one database file (as ``serve --workers 2`` runs them): a review write
made through one is seen by the other at its next request (data_version, migration 6), in the
page, the total and the facet counts, with both caches on; and a write by another process
(``Store.add_events``, as ingest does) likewise."""

from __future__ import annotations

from typing import Any

from sqlalchemy import text
from starlette.testclient import TestClient

from steppewatch.store import open_store
from steppewatch.web import create_app

MACHINE_EVENT = "2022-04-02-meeting-cn-uz-1"
PARAMS = {"status": "machine", "country": "UZ"}


def _version(db_url: str) -> int:
    store = open_store(db_url)
    with store.engine.connect() as conn:
        value = int(
            conn.execute(text("SELECT version FROM data_version WHERE id = 1")).scalar_one()
        )
    store.close()
    return value


def test_review_write_in_one_worker_is_seen_by_the_other_at_once(db_url: str, web: Any) -> None:
    with (
        TestClient(create_app(db_url, secret="s")) as one,
        TestClient(create_app(db_url, secret="s")) as two,
    ):
        before = two.get("/events.json", params=PARAMS).json()
        assert [e["id"] for e in before["events"]] == [MACHINE_EVENT] and before["total"] == 1
        assert before["facets"]["review_status"] == {"machine": 1}
        assert two.get("/events.json", params=PARAMS).json() == before  # now cached in two
        version = _version(db_url)
        web.login(one)
        token = web.csrf_of(one.get(f"/events/{MACHINE_EVENT}").text)
        r = one.post(
            f"/review/{MACHINE_EVENT}/accept", data={"csrf_token": token}, follow_redirects=False
        )
        assert r.status_code == 303
        assert _version(db_url) > version  # bumped in the write's transaction
        after = two.get("/events.json", params=PARAMS).json()
        assert after["events"] == [] and after["total"] == 0
        accepted = two.get("/events.json", params={"status": "accepted", "country": "UZ"}).json()
        assert [e["id"] for e in accepted["events"]] == [MACHINE_EVENT]
        assert accepted["facets"]["review_status"] == {"accepted": 1}
        # the writer's own caches: updated by the write, not reloaded again for it
        assert one.app.state.web.seen_version == _version(db_url)
        assert one.get("/events.json", params=PARAMS).json()["total"] == 0


def test_write_by_another_process_is_seen_at_once(db_url: str) -> None:
    from steppewatch.models import Event

    with TestClient(create_app(db_url, secret="s")) as client:
        q = {"q": "Пограничники"}
        assert client.get("/events.json", params=q).json()["total"] == 0
        store = open_store(db_url)  # another writer, e.g. steppewatch ingest
        store.add_events(
            [
                Event.model_validate(
                    {
                        "id": "2025-02-03-meeting-cn-kz-9",
                        "kind": "meeting",
                        "framework": "bilateral",
                        "title": "Пограничники Китая и Казахстана провели встречу",
                        "date_start": "2025-02-03",
                        "countries": ["CN", "KZ"],
                        "sources": [{"url": "https://example.kz/1", "language": "ru"}],
                    }
                )
            ]
        )
        store.close()
        found = client.get("/events.json", params=q).json()
        assert [e["id"] for e in found["events"]] == ["2025-02-03-meeting-cn-kz-9"]
        assert (
            client.get("/events.json", params={"country": "KZ", "year": "2025"}).json()["total"]
            == 1
        )
