"""Database writes of the ingest pipeline, all on ONE connection inside the caller's transaction.

Documents, their coded items, suggestions and the events they create or extend are written
together, so a batch is stored whole or not at all (a killed ingest leaves no half-written
document). Events are written with the same row helpers as ``Store.add_events``
(``store.records``) and logged like every write (``store.event_writes``): content-hash
idempotent, and an event that is not ``machine`` (curated, accepted, edited, rejected) is never
written here, only suggestions about it.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, select

from steppewatch.models import Event
from steppewatch.store import event_writes, records
from steppewatch.store.document_tables import coded_items, documents, suggestions
from steppewatch.store.event_writes import AuditNote
from steppewatch.store.tables import events, sources

__all__ = ["INGEST_ACTOR", "PROTECTED", "load_events", "write_batch"]

#: Statuses ingest never writes: a person made (curated) or reviewed these events. A document
#: about one of them becomes suggestions, reviewed like any other.
PROTECTED = frozenset({"curated", "accepted", "edited", "rejected"})
INGEST_ACTOR = "steppewatch ingest"


def load_events(conn: Connection, ids: Iterable[str]) -> dict[str, Event]:
    """Full events (with sources) by id, as stored."""
    wanted = list(ids)
    if not wanted:
        return {}
    found: dict[str, Event] = {}
    for chunk in records.chunked(wanted, 500):
        rows: list[Mapping[str, Any]] = [
            dict(r._mapping) for r in conn.execute(select(events).where(events.c.id.in_(chunk)))
        ]
        by_event: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
        query = (
            select(sources)
            .where(sources.c.event_id.in_(chunk))
            .order_by(sources.c.event_id, sources.c.position)
        )
        for source_row in conn.execute(query):
            by_event[source_row.event_id].append(dict(source_row._mapping))
        for row in rows:
            found[row["id"]] = records.event_from_row(row, by_event.get(row["id"], ()))
    return found


def _write_events(
    conn: Connection, changed: Mapping[str, Event], actor: str = INGEST_ACTOR
) -> tuple[int, int]:
    """Insert new machine events or update stored MACHINE events; returns (new, updated).

    An event in any other status (curated, accepted, edited, rejected) is never written here
    (the pipeline files suggestions for it instead; this is the last guard, for an event a
    person reviewed while the run was going). An update sets only the columns whose value
    changed (adding a source changes the hash, the time stamp and perhaps the verification, not
    the title or date, so the text-search triggers, which watch those columns, do no work), in
    one executemany per set of changed columns. An update that only appends sources inserts
    just the new source rows and leaves the event's codes alone when they did not change;
    anything else rewrites the event's codes and sources. Every write is logged
    (``store.event_writes``)."""
    if not changed:
        return 0, 0
    ids = list(changed)
    existing: dict[str, Mapping[str, Any]] = {}
    stored_sources: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
    for chunk in records.chunked(ids, 500):
        for found in conn.execute(select(events).where(events.c.id.in_(chunk))):
            existing[found.id] = dict(found._mapping)
        source_query = (
            select(sources.c.event_id, sources.c.url, sources.c.document_id)
            .where(sources.c.event_id.in_([i for i in chunk if i in existing]))
            .order_by(sources.c.event_id, sources.c.position)
        )
        for source_row in conn.execute(source_query):
            stored_sources[source_row.event_id].append((source_row.url, source_row.document_id))
    stamp = records.now()
    new_events: list[tuple[Event, str]] = []
    patches: list[tuple[str, dict[str, Any], Mapping[str, Any]]] = []
    code_rows: list[dict[str, Any]] = []
    source_rows: list[dict[str, Any]] = []
    recode: list[str] = []
    resource: list[str] = []
    for event_id, event in changed.items():
        digest = records.content_hash(event)
        old = existing.get(event_id)
        if old is None:
            new_events.append((event, digest))
            continue
        if old["content_hash"] == digest or old["review_status"] != "machine":
            continue
        row = records.event_row(event, digest=digest, timestamp=stamp)
        row.pop("created_at")
        diff = {k: v for k, v in row.items() if k != "id" and old[k] != v}
        patches.append((event_id, diff, old))
        if (old["countries"], old["topics"], old["domains"], old["attributes"]) != (
            row["countries"],
            row["topics"],
            row["domains"],
            row["attributes"],  # the codes' confidences live there (migration 12)
        ):
            recode.append(event_id)
            code_rows += records.code_rows(event)
        before = stored_sources.get(event_id, [])
        now = [(s.url, s.document_id) for s in event.sources]
        if now[: len(before)] == before:
            source_rows += records.source_rows(event)[len(before) :]
        else:
            resource.append(event_id)
            source_rows += records.source_rows(event)
    event_writes.patch_events(
        conn,
        patches,
        AuditNote(actor=actor, action="ingest_update"),
        new_code_rows=code_rows,
        recode=recode,
        new_source_rows=source_rows,
        resource=resource,
        stamp=stamp,
    )
    event_writes.insert_events(
        conn, new_events, AuditNote(actor=actor, action="ingest_create"), stamp=stamp
    )
    return len(new_events), len(patches)


def write_batch(
    conn: Connection,
    *,
    document_rows: list[dict[str, Any]],
    item_rows: list[dict[str, Any]],
    suggestion_rows: list[dict[str, Any]],
    changed_events: Mapping[str, Event],
    replace_failed: Sequence[str] = (),
    actor: str = INGEST_ACTOR,
) -> tuple[int, int]:
    """Write one batch (call inside ``engine.begin()``); returns events (new, updated).

    ``replace_failed``: ids of documents stored as failed by an earlier run that this batch
    holds again; their old rows are deleted first (only failed rows: nothing else is touched)."""
    for start in range(0, len(replace_failed), 500):
        chunk = list(replace_failed[start : start + 500])
        conn.execute(
            documents.delete().where(documents.c.id.in_(chunk), documents.c.status == "failed")
        )
    if document_rows:
        conn.execute(documents.insert(), document_rows)
    if item_rows:
        conn.execute(coded_items.insert(), item_rows)
    if suggestion_rows:
        conn.execute(suggestions.insert(), suggestion_rows)
    return _write_events(conn, changed_events, actor)


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
