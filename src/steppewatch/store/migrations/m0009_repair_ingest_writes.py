"""Repair what ingest wrote before issue 11: local paths as URLs, and sources added to curated
events behind a reviewer's back.

- ``documents.url`` holding a ``file:`` path becomes NULL (the path stays in ``source_path``).
- A source of a *curated* event that came from an ingested document (it has a ``document_id``;
  bundled and imported sources have none) is taken off the event and filed as an open
  ``sources`` suggestion instead, as ingest now does; its item's link becomes ``suggestion``.
- Any other source whose URL is a ``file:`` path gets ``urn:sha256:<document id>`` (the archived
  copy), or ``urn:local-document`` when it has no document.
- ``sources`` suggestions carrying a ``file:`` URL get the same replacement.

Each repaired event gets its content hash recomputed and one audit entry (actor
``migration 0009``, action ``repair``) that counts what changed without repeating the paths.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from sqlalchemy import Connection, inspect, text

VERSION = 9
NAME = "repair_ingest_writes"
ACTOR = "migration 0009"
SOURCE_FIELDS = ("url", "publisher", "language", "published", "source_type", "attests", "document_id")  # fmt: skip


def _local(url: str | None) -> bool:
    return bool(url) and str(url).strip().lower().startswith("file:")


def _urn(document_id: str | None) -> str:
    return f"urn:sha256:{document_id}" if document_id else "urn:local-document"


def upgrade(connection: Connection) -> None:
    tables = set(inspect(connection).get_table_names())
    if not {"events", "sources", "audit_log"} <= tables:
        return
    if "documents" in tables:
        connection.execute(text("UPDATE documents SET url = NULL WHERE url LIKE 'file:%'"))
    has_suggestions = {"suggestions", "coded_items"} <= tables
    query = text(
        "SELECT s.*, e.review_status AS event_status FROM sources s JOIN events e "
        "ON e.id = s.event_id WHERE s.event_id IN (SELECT event_id FROM sources WHERE "
        "url LIKE 'file:%' OR (document_id IS NOT NULL AND event_id IN "
        "(SELECT id FROM events WHERE review_status = 'curated'))) "
        "ORDER BY s.event_id, s.position"
    )
    by_event: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in connection.execute(query):
        by_event[row.event_id].append(dict(row._mapping))
    for event_id, rows in by_event.items():
        _repair_event(connection, event_id, rows, has_suggestions)
    if has_suggestions:
        _repair_suggestions(connection)


def _repair_event(
    connection: Connection, event_id: str, rows: list[dict[str, Any]], has_suggestions: bool
) -> None:
    from steppewatch.store import records
    from steppewatch.store.event_writes import AuditNote, audit_row, write_audit

    curated = rows[0]["event_status"] == "curated"
    kept: list[dict[str, Any]] = []
    moved: list[dict[str, Any]] = []
    relabelled = 0
    stamp = records.now()
    # rows are changed in place (their ids kept): a relabelled URL is updated, a moved source
    # deleted, and the positions after it closed up
    for row in rows:
        source = {k: row.get(k) for k in SOURCE_FIELDS}
        if _local(source["url"]):
            source["url"] = _urn(source["document_id"])
            relabelled += 1
        if curated and source["document_id"] and has_suggestions:
            moved.append(source)
            connection.execute(text("DELETE FROM sources WHERE id = :i"), {"i": row["id"]})
            continue
        position = len(kept)
        kept.append(source)
        if source["url"] != row["url"] or position != row["position"]:
            connection.execute(
                text("UPDATE sources SET url = :u, position = :p WHERE id = :i"),
                {"u": source["url"], "p": position, "i": row["id"]},
            )
    for source in moved:
        value = [{k: v for k, v in source.items() if v is not None}]
        connection.execute(
            text(
                "INSERT INTO suggestions (event_id, field, value, document_id, coder, created_at, "
                "status) VALUES (:e, 'sources', :v, :d, :c, :t, 'open')"
            ),
            {"e": event_id, "v": json.dumps(value, ensure_ascii=False, sort_keys=True),
             "d": source["document_id"], "c": ACTOR, "t": stamp},
        )  # fmt: skip
        connection.execute(
            text(
                "UPDATE coded_items SET link = 'suggestion' WHERE event_id = :e "
                "AND document_id = :d"
            ),
            {"e": event_id, "d": source["document_id"]},
        )
    event_row = connection.execute(
        text("SELECT * FROM events WHERE id = :e"), {"e": event_id}
    ).first()
    if event_row is None:  # pragma: no cover - sources reference their event
        return
    old_hash = event_row._mapping["content_hash"]
    new_hash = records.content_hash(records.event_from_row(dict(event_row._mapping), kept))
    connection.execute(
        text("UPDATE events SET content_hash = :h, updated_at = :t WHERE id = :e"),
        {"h": new_hash, "t": stamp, "e": event_id},
    )
    after: dict[str, Any] = {"content_hash": new_hash}
    if relabelled:
        after["local_paths_replaced"] = relabelled
    if moved:
        after["sources_moved_to_suggestions"] = [s["document_id"] for s in moved]
    write_audit(
        connection,
        [
            audit_row(
                AuditNote(actor=ACTOR, action="repair", reason="issue 11: ingest writes"),
                event_id,
                before={"content_hash": old_hash},
                after=after,
                at=stamp,
            )
        ],
    )


def _repair_suggestions(connection: Connection) -> None:
    found = connection.execute(
        text("SELECT id, value FROM suggestions WHERE field = 'sources' AND value LIKE '%file:%'")
    ).all()
    for suggestion_id, raw in found:
        try:
            value = json.loads(raw)
        except (TypeError, ValueError):
            continue
        items = value if isinstance(value, list) else [value]
        for item in items:
            if isinstance(item, dict) and _local(item.get("url")):
                item["url"] = _urn(item.get("document_id"))
        connection.execute(
            text("UPDATE suggestions SET value = :v WHERE id = :i"),
            {"v": json.dumps(value, ensure_ascii=False, sort_keys=True), "i": suggestion_id},
        )
