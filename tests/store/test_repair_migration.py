"""Migration 0009 repairs a database written by the old ingest: the sources it added to curated
events become suggestions again, and no local path is left as a URL."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select

from steppewatch.models import Source
from steppewatch.review.actions import content_hash_of
from steppewatch.review.audit import list_audit
from steppewatch.store import open_store
from steppewatch.store.document_tables import coded_items, documents, suggestions
from steppewatch.store.migrations import m0009_repair_ingest_writes as m0009
from steppewatch.store.tables import events, sources
from tests.factories import make_event

DOC = "ab" * 32


def test_old_ingest_writes_to_curated_events_and_file_urls_are_repaired(db_url: str) -> None:
    store = open_store(db_url)
    curated = make_event(1)
    machine = make_event(2, review_status="machine", sources=[
        Source(url="https://www.fmprc.gov.cn/a.shtml", publisher="PRC MFA"),
    ])  # fmt: skip
    store.add_events([curated, machine])
    original_hash = content_hash_of(store, curated.id)
    with store.engine.begin() as conn:  # what the old ingest wrote
        conn.execute(documents.insert().values(
            id=DOC, url="file:///tmp/x/页面.html", source_path="/tmp/x/页面.html", status="coded",
            created_at="2026-12-01T00:00:00+00:00",
        ))  # fmt: skip
        for event_id in (curated.id, machine.id):
            conn.execute(sources.insert().values(
                event_id=event_id, position=1, url="file:///tmp/x/页面.html", publisher=None,
                language="zh", document_id=DOC,
            ))  # fmt: skip
            conn.execute(coded_items.insert().values(
                document_id=DOC, item_index=0 if event_id == curated.id else 1, start=0, end=1,
                relevant=1, coded="{}", event_id=event_id, link="added_source",
            ))  # fmt: skip
        conn.execute(events.update().where(events.c.id == curated.id).values(content_hash="x"))
        conn.execute(suggestions.insert().values(
            event_id=curated.id, field="sources", status="open", created_at="2026-12-01",
            value=json.dumps([{"url": "file:///tmp/y.html", "document_id": "cd" * 32}]),
        ))  # fmt: skip
        m0009.upgrade(conn)

    assert store.get_event(curated.id) == curated
    assert content_hash_of(store, curated.id) == original_hash
    assert [s.url for s in store.get_event(machine.id).sources] == [
        "https://www.fmprc.gov.cn/a.shtml",
        f"urn:sha256:{DOC}",
    ]
    with store.engine.connect() as conn:
        assert conn.execute(select(documents.c.url)).scalar() is None
        rows = list(conn.execute(select(suggestions).order_by(suggestions.c.id)))
        links = dict(conn.execute(select(coded_items.c.event_id, coded_items.c.link)).all())
    values = [json.loads(r.value)[0] for r in rows]
    assert values[0]["url"] == "urn:sha256:" + "cd" * 32
    assert values[1]["url"] == f"urn:sha256:{DOC}" and rows[1].event_id == curated.id
    assert rows[1].status == "open"
    assert links == {curated.id: "suggestion", machine.id: "added_source"}
    repair = list_audit(store, event_id=curated.id)[0]
    assert repair.action == "repair" and repair.after["sources_moved_to_suggestions"] == [DOC]
    assert "tmp" not in json.dumps([e.model_dump() for e in list_audit(store)])


def test_repair_of_a_clean_database_changes_nothing(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'c.db'}")
    store.add_events([make_event(1)])
    before = len(list_audit(store))
    with store.engine.begin() as conn:
        m0009.upgrade(conn)
    assert len(list_audit(store)) == before
