"""The explorer and the review workflow on PostgreSQL: same routes, full text through
``to_tsvector`` (prefix matching), the audit log append-only by trigger."""

from __future__ import annotations

import pytest
from sqlalchemy import text

pytestmark = pytest.mark.postgres


def test_filters_facets_search(pg_client):
    c = pg_client
    body = c.get("/events.json?country=KG&kind=meeting&status=curated,machine").json()
    assert {e["id"] for e in body["events"]} == {
        "2019-05-meeting-cn-kg-1",
        "2023-07-09-meeting-cn-kg-2",
    }
    assert body["total"] == 2 and body["facets"]["kind"] == {"meeting": 2}
    for q, expected in [
        ("Astana", "2001-06-15-meeting-cn-kz-1"),
        ("сепаратизм", "2019-05-meeting-cn-kg-1"),
        ("反恐演习", "2016-08-10-bilateral_exercise-cn-kg-1"),
        ("反恐", "2016-08-10-bilateral_exercise-cn-kg-1"),
    ]:
        assert [e["id"] for e in c.get("/events.json", params={"q": q}).json()["events"]] == [
            expected
        ], q
    for q in ["a & b", "x:*", "!!", "' OR 1=1 --", "(", "|"]:
        assert c.get("/events.json", params={"q": q}).status_code == 200, q
    for url in (
        "/",
        "/countries/KG.json",
        "/topics/terrorism.json",
        "/events/2021-03-01-meeting-cn-tj-1",
        "/events.csv?country=TJ",
        "/audit.json",
        "/review/agreement.json",
    ):
        assert c.get(url).status_code == 200, url


def test_review_and_append_only_audit(pg_client, web):
    c = pg_client
    web.login(c)
    token = web.csrf_of(c.get("/review").text)
    r = c.post(
        "/review/2022-04-02-meeting-cn-uz-1/accept",
        data={"csrf_token": token},
        follow_redirects=False,
    )
    assert r.status_code == 303
    assert (
        c.get("/events/2022-04-02-meeting-cn-uz-1.json").json()["event"]["review_status"]
        == "accepted"
    )
    store = c.app.state.web.store
    for statement in ("UPDATE audit_log SET actor = 'mallory'", "DELETE FROM audit_log"):
        with store.engine.connect() as conn, pytest.raises(Exception, match="append-only"):
            conn.execute(text(statement))
    assert c.get("/audit.json").json()["entries"][0]["actor"] == "alice"


def test_statement_timeouts(pg_client):
    """Every connection of the app has a statement timeout; a query under ``time_limit`` is
    cancelled at its own limit, and the connection stays usable with the session's timeout."""
    from steppewatch.store.query import queries

    store = pg_client.app.state.web.store
    with store.engine.connect() as conn:
        assert conn.execute(text("SHOW statement_timeout")).scalar() == "10s"
        with pytest.raises(queries.TimedOut), queries.time_limit(conn, 50):
            conn.execute(text("SELECT pg_sleep(3)"))
        assert conn.execute(text("SELECT 1")).scalar() == 1
        assert conn.execute(text("SHOW statement_timeout")).scalar() == "10s"
        with queries.time_limit(conn, 5000):
            assert conn.execute(text("SHOW statement_timeout")).scalar() == "5s"
        assert conn.execute(text("SHOW statement_timeout")).scalar() == "10s"


def test_data_version_is_bumped_by_every_event_write(pg_client, web):
    c = pg_client
    store = c.app.state.web.store

    def version() -> int:
        with store.engine.connect() as conn:
            return int(
                conn.execute(text("SELECT version FROM data_version WHERE id = 1")).scalar_one()
            )

    first = version()
    web.login(c)
    token = web.csrf_of(c.get("/review").text)
    c.post(
        "/review/2023-07-09-meeting-cn-kg-2/accept",
        data={"csrf_token": token},
        follow_redirects=False,
    )
    assert version() > first
    assert c.app.state.web.seen_version == version()
