"""The review workflow over HTTP: queue, accept, edit, reject, suggestions, audit, assignments,
and the evidence spans of coded documents on the event page."""

from __future__ import annotations

import json
import re

UZ = "2022-04-02-meeting-cn-uz-1"
KG = "2023-07-09-meeting-cn-kg-2"
TJ = "2024-01-11-equipment_transfer-cn-tj-1"


def _form_fields(html: str) -> dict[str, object]:
    """The edit form's current values as a browser would submit them."""
    data: dict[str, object] = {}
    for m in re.finditer(
        r'<input type="(?:text|hidden)" name="([^"]+)"(?: id="[^"]*")? value="([^"]*)"', html
    ):
        data[m.group(1)] = _unescape(m.group(2))
    for m in re.finditer(r'<select name="([^"]+)"[^>]*>(.*?)</select>', html, re.S):
        chosen = re.search(r'<option value="([^"]*)" selected', m.group(2))
        data[m.group(1)] = chosen.group(1) if chosen else ""
    for m in re.finditer(r'<textarea name="([^"]+)"[^>]*>(.*?)</textarea>', html, re.S):
        data[m.group(1)] = _unescape(m.group(2))
    for name in ("topics", "domains"):
        data[name] = re.findall(rf'name="{name}" value="([^"]+)"[^>]* checked', html)
    return data


def _unescape(text: str) -> str:
    import html

    return html.unescape(text)


def test_queue_accept_edit_and_audit(client, web):
    web.login(client)
    queue = client.get("/review")
    assert queue.status_code == 200 and UZ in queue.text and KG in queue.text
    token = web.csrf_of(queue.text)
    digest = re.search(
        rf'/review/{UZ}/accept".*?name="content_hash" value="([0-9a-f]+)"', queue.text, re.S
    ).group(1)
    r = client.post(
        f"/review/{UZ}/accept",
        data={"csrf_token": token, "content_hash": digest, "next": "/review"},
        follow_redirects=False,
    )
    assert r.status_code == 303 and r.headers["location"] == "/review"
    assert client.get(f"/events/{UZ}.json").json()["event"]["review_status"] == "accepted"

    form = _form_fields(client.get(f"/review/{KG}/edit").text)
    form.update(
        {
            "title": "Переговоры о безопасности границы (исправлено)",
            "reason": "title from the readout",
        }
    )
    form["topics"] = ["border_security", "drug_trafficking"]
    r = client.post(f"/review/{KG}/edit", data=form, follow_redirects=False)
    assert r.status_code == 303, r.text[:500]
    event = client.get(f"/events/{KG}.json").json()["event"]
    assert event["review_status"] == "edited" and event["topics"] == [
        "border_security",
        "drug_trafficking",
    ]
    assert event["title"] == "Переговоры о безопасности границы (исправлено)"
    assert event["sources"] and event["countries"] == ["CN", "KG"]  # untouched fields kept
    assert client.get("/events.json?topic=drug_trafficking").json()["total"] == 1

    audit = client.get("/audit.json").json()["entries"]
    assert [(e["actor"], e["action"], e["event_id"]) for e in audit[:2]] == [
        ("alice", "edit", KG),
        ("alice", "accept", UZ),
    ]
    assert audit[0]["reason"] == "title from the readout"
    page = client.get("/audit").text
    assert "Переговоры о безопасности границы (исправлено)" in page and "drug_trafficking" in page
    assert UZ not in client.get("/review").text.split("Machine-coded events")[1].split("</ol>")[0]


def test_edit_with_unknown_code_shows_errors(client, web):
    web.login(client)
    form = _form_fields(client.get(f"/review/{KG}/edit").text)
    form["topics"] = ["not_a_topic"]
    form["date_start"] = "2023-02-30"
    r = client.post(f"/review/{KG}/edit", data=form)
    assert r.status_code == 400 and "not_a_topic" in r.text and "date_start" in r.text
    form["attributes"] = "{not json"
    r = client.post(f"/review/{KG}/edit", data=form)
    assert r.status_code == 400
    assert client.get(f"/events/{KG}.json").json()["event"]["review_status"] == "machine"


def test_reject_needs_reason(client, web):
    web.login(client)
    token = web.csrf_of(client.get("/review").text)
    r = client.post(f"/review/{TJ}/reject", data={"csrf_token": token, "reason": " "})
    assert r.status_code == 400
    r = client.post(
        f"/review/{TJ}/reject",
        data={"csrf_token": token, "reason": "duplicate"},
        follow_redirects=False,
    )
    assert r.status_code == 303
    r = client.post(f"/review/{TJ}/reject", data={"csrf_token": token, "reason": "again"})
    assert r.status_code == 409
    r = client.post("/review/1999-01-01-meeting-cn-kg-1/accept", data={"csrf_token": token})
    assert r.status_code == 404


def test_review_json_twin(client, web):
    web.login(client)
    body = client.get("/review.json").json()
    assert body["ok"] and body["machine_total"] == 3


def _add_document(client, event_id: str) -> int:
    from steppewatch.store.document_tables import coded_items, documents, suggestions
    from steppewatch.store.tables import sources

    store = client.app.state.web.store
    text = "双方表示，将共同打击“东突”恐怖势力，维护地区安全稳定。"
    coded = {
        "index": 0,
        "topics": ["separatism", "terrorism"],
        "evidence": [
            {"field": "topic", "code": "separatism", "start": 8, "end": 10, "text": "东突"}
        ],
    }
    with store.engine.begin() as conn:
        conn.execute(
            documents.insert().values(
                id="d" * 64,
                url="https://www.fmprc.gov.cn/zyxw/1.shtml",
                language="zh",
                title="王毅会见",
                text=text,
                status="coded",
                created_at="2026-11-28T00:00:00+00:00",
            )
        )
        conn.execute(
            coded_items.insert().values(
                document_id="d" * 64,
                item_index=0,
                start=0,
                end=len(text),
                relevant=1,
                coded=json.dumps(coded, ensure_ascii=False),
                event_id=event_id,
            )
        )
        conn.execute(
            sources.update()
            .where(sources.c.event_id == event_id, sources.c.position == 0)
            .values(document_id="d" * 64)
        )
        return conn.execute(
            suggestions.insert().values(
                event_id=event_id,
                field="topics",
                value='["extremism"]',
                document_id="d" * 64,
                coder="rules 0.1",
                created_at="2026-11-28T00:00:00+00:00",
                status="open",
            )
        ).inserted_primary_key[0]


def test_evidence_readouts_document_search_and_suggestions(client, web):
    event_id = "2001-06-15-meeting-cn-kz-1"
    sid = _add_document(client, event_id)
    body = client.get(f"/events/{event_id}.json").json()
    assert body["evidence"][0]["text"] == "东突" and body["evidence"][0]["language"] == "zh"
    cn = body["readouts"][0]
    assert cn["side"] == "CN" and cn["coded"] and cn["topics"] == ["separatism", "terrorism"]
    assert body["suggestions"][0]["value"] == ["extremism"]
    html = client.get(f"/events/{event_id}").text
    assert '<td lang="zh">东突</td>' in html
    # the document's text is searchable (it is not in the event's own fields)
    assert [
        e["id"] for e in client.get("/events.json", params={"q": "恐怖势力"}).json()["events"]
    ] == [event_id]
    web.login(client)
    assert "extremism" in client.get("/review").text
    token = web.csrf_of(client.get(f"/events/{event_id}").text)
    r = client.post(
        f"/review/suggestions/{sid}/accept", data={"csrf_token": token}, follow_redirects=False
    )
    assert r.status_code == 303
    assert "extremism" in client.get(f"/events/{event_id}.json").json()["event"]["topics"]


def test_assignments_and_agreement_pages(client, web):
    from steppewatch.review.agreement import assign

    store = client.app.state.web.store
    assign(store, [UZ, KG], ["alice", "bob"], by="admin")
    for name, kind in (("alice", "meeting"), ("bob", "incident")):
        client.cookies.clear()
        web.login(client, name)
        page = client.get("/review/assignments")
        assert UZ in page.text
        token = web.csrf_of(page.text)
        for event_id in (UZ, KG):
            r = client.post(
                f"/review/assignments/{event_id}",
                follow_redirects=False,
                data={
                    "csrf_token": token,
                    "kind": kind,
                    "framework": "bilateral",
                    "topics": ["terrorism"],
                },
            )
            assert r.status_code == 303, r.text[:300]
    report = client.get("/review/agreement.json").json()["report"]
    assert report["items"] == 2
    kind = next(c for c in report["per_code"] if c["field"] == "kind")
    assert kind["percent_agreement"] == 0.0
    assert "Krippendorff" in client.get("/review/agreement").text
    token = web.csrf_of(client.get("/review/assignments").text)
    r = client.post(f"/review/assignments/{UZ}", data={"csrf_token": token, "kind": "battle"})
    assert r.status_code == 400


def test_cached_counts_follow_writes(client, web):
    assert client.get("/events.json?status=machine").json()["total"] == 3  # now cached
    assert (
        client.get("/events.json?status=curated,machine").json()["facets"]["review_status"][
            "machine"
        ]
        == 3
    )
    web.login(client)
    token = web.csrf_of(client.get("/review").text)
    client.post(f"/review/{UZ}/accept", data={"csrf_token": token}, follow_redirects=False)
    assert client.get("/events.json?status=machine").json()["total"] == 2
    assert (
        client.get("/events.json?status=curated,machine").json()["facets"]["review_status"][
            "machine"
        ]
        == 2
    )


def test_facet_budget_reports_skipped_facets(db_url):
    from starlette.testclient import TestClient

    from steppewatch.web import create_app

    app = create_app(db_url, secret="x", facet_budget_ms=0, cache_size=0, use_profiles=False)
    with TestClient(app) as c:
        body = c.get("/events.json?country=KG").json()
        assert body["total"] == 3 and all(v is None for v in body["facets"].values())  # curated KG
        assert "Too slow to count here" in c.get("/?country=KG").text


def test_review_queue_could_not_be_sorted_by_confidence(client, web):
    store = client.app.state.web.store
    scores = {UZ: {"kind": 0.93, "country:UZ": 0.88}, KG: {"kind": 0.9, "country:KG": 0.37}}
    store.add_events(
        [
            store.get_event(i).model_copy(update={"attributes": {"confidence": s}})
            for i, s in scores.items()
        ]
    )
    web.login(client)
    newest = client.get("/review.json").json()
    assert [e["id"] for e in newest["machine_events"]] == [TJ, KG, UZ]
    lowest = client.get("/review.json?sort=confidence").json()
    assert lowest["sort"] == "confidence"
    assert [e["id"] for e in lowest["machine_events"]] == [KG, UZ, TJ]  # TJ has no score
    page = client.get("/review?sort=confidence").text
    assert "lowest confidence first</strong>" in page
    queue = page.split('id="queue"')[1]
    assert queue.index(KG) < queue.index(UZ) < queue.index(TJ)
    assert "confidence 0.37" in queue
    bad = client.get("/review.json?sort=random")
    assert bad.status_code == 400 and "sort" in bad.text
