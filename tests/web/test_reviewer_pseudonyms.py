"""Reviewer names on public pages (issue 18, point 11): the audit log, the agreement report and
an event's history stay public, with each reviewer as a stable pseudonym; signed-in reviewers
see names."""

from __future__ import annotations

import re

from starlette.testclient import TestClient
from tests.web.test_review_web import KG, UZ

from steppewatch.review.agreement import assign
from steppewatch.review.pseudonyms import pseudonyms_for
from steppewatch.store import open_store
from steppewatch.web import create_app

PSEUDONYM = re.compile(r"reviewer-[a-z2-7]{8}")


def _review_as_two(client, web) -> None:  # type: ignore[no-untyped-def]
    store = client.app.state.web.store
    assign(store, [UZ, KG], ["alice", "bob"], by="cli")
    for name, kind in (("alice", "meeting"), ("bob", "incident")):
        client.cookies.clear()
        web.login(client, name)
        token = web.csrf_of(client.get("/review/assignments").text)
        for event_id in (UZ, KG):
            client.post(
                f"/review/assignments/{event_id}",
                follow_redirects=False,
                data={"csrf_token": token, "kind": kind, "framework": "bilateral"},
            )
    token = web.csrf_of(client.get("/review").text)
    client.post(f"/review/{UZ}/accept", data={"csrf_token": token}, follow_redirects=False)
    client.cookies.clear()


def test_reviewer_names_were_public_on_agreement_and_audit(client, web) -> None:  # type: ignore[no-untyped-def]
    _review_as_two(client, web)
    public = {
        "/review/agreement": client.get("/review/agreement").text,
        "/review/agreement.json": client.get("/review/agreement.json").text,
        "/audit": client.get("/audit").text,
        "/audit.json": client.get("/audit.json").text,
        f"/events/{UZ}": client.get(f"/events/{UZ}").text,
    }
    for url, body in public.items():
        assert "alice" not in body and "bob" not in body, url
    reviewers = client.get("/review/agreement.json").json()["report"]["reviewers"]
    assert len(reviewers) == 2 and all(PSEUDONYM.fullmatch(r) for r in reviewers)
    entries = client.get("/audit.json").json()["entries"]
    actors = {e["actor"] for e in entries}
    assert set(reviewers) <= actors  # the same pseudonym on both pages: work can be followed
    assigned = next(e for e in entries if e["action"] == "assign")
    assert assigned["actor"] == "cli" and sorted(assigned["after"]["reviewers"]) == sorted(
        reviewers
    )
    assert len(entries) >= 5  # the audit itself stays whole and public
    # a signed-in reviewer sees names
    web.login(client, "alice")
    assert sorted(client.get("/review/agreement.json").json()["report"]["reviewers"]) == [
        "alice",
        "bob",
    ]
    assert "alice" in {e["actor"] for e in client.get("/audit.json").json()["entries"]}
    assert "alice" in client.get(f"/events/{UZ}").text


def test_pseudonyms_stable_across_workers_and_keyed_by_the_database(db_url: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with (
        TestClient(create_app(db_url, secret="one")) as one,
        TestClient(create_app(db_url, secret="two")) as two,
    ):
        first = pseudonyms_for(one.app.state.web.store)("Алия")
        assert first == pseudonyms_for(two.app.state.web.store)("Алия")  # not the session secret
    again = open_store(db_url)
    assert pseudonyms_for(again)("Алия") == first and pseudonyms_for(again)("alice") != first
    other = open_store(f"sqlite:///{tmp_path / 'other.db'}")
    assert pseudonyms_for(other)("Алия") != first  # another database, another key
    again.close()
    other.close()
