"""Database writes of the ingest pipeline, all on ONE connection inside the caller's transaction.

Documents, their coded items, suggestions and the events they create or extend are written
together, so a batch is stored whole or not at all (a killed ingest leaves no half-written
document). Events are written with the same row helpers as ``Store.add_events``
(``store.records``), with the same rules: content-hash idempotent, and an event a person has
reviewed (accepted, edited, rejected) is never written here, only suggestions about it.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, bindparam, delete, select, update

from steppewatch.models import Event
from steppewatch.store import records
from steppewatch.store.document_tables import coded_items, documents, suggestions
from steppewatch.store.tables import event_codes, events, sources

__all__ = ["load_events", "write_batch", "REVIEWED"]

REVIEWED = frozenset({"accepted", "edited", "rejected"})


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


def _write_events(conn: Connection, changed: Mapping[str, Event]) -> tuple[int, int]:
    """Insert or update machine/curated events; returns (new, updated).

    An update sets only the columns whose value changed (adding a source changes the hash,
    the time stamp and perhaps the verification, not the title or date, so the text-search
    triggers, which watch those columns, do no work), in one executemany per set of changed
    columns. An update that only appends sources inserts just the new source rows and leaves
    the event's codes alone when they did not change; anything else rewrites the event's codes
    and sources, as ``Store.add_events`` does."""
    if not changed:
        return 0, 0
    ids = list(changed)
    existing: dict[str, Mapping[str, Any]] = {}
    stored_sources: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
    for chunk in records.chunked(ids, 500):
        for found in conn.execute(select(events).where(events.c.id.in_(chunk))):
            existing[found.id] = found._mapping
        source_query = (
            select(sources.c.event_id, sources.c.url, sources.c.document_id)
            .where(sources.c.event_id.in_([i for i in chunk if i in existing]))
            .order_by(sources.c.event_id, sources.c.position)
        )
        for source_row in conn.execute(source_query):
            stored_sources[source_row.event_id].append((source_row.url, source_row.document_id))
    stamp = records.now()
    new_rows: list[dict[str, Any]] = []
    code_rows: list[dict[str, str]] = []
    source_rows: list[dict[str, Any]] = []
    updates: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    recode: list[str] = []
    resource: list[str] = []
    for event_id, event in changed.items():
        digest = records.content_hash(event)
        old = existing.get(event_id)
        if old is None:
            new_rows.append(records.event_row(event, digest=digest, timestamp=stamp))
            code_rows += records.code_rows(event)
            source_rows += records.source_rows(event)
            continue
        if old["content_hash"] == digest or old["review_status"] in REVIEWED:
            continue
        row = records.event_row(event, digest=digest, timestamp=stamp)
        row.pop("created_at")
        diff = {k: v for k, v in row.items() if k != "id" and old[k] != v}
        updates[tuple(sorted(diff))].append({**diff, "_id": event_id})
        if (old["countries"], old["topics"], old["domains"]) != (
            row["countries"],
            row["topics"],
            row["domains"],
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
    for columns, params in updates.items():
        statement = (
            update(events)
            .where(events.c.id == bindparam("_id"))
            .values({c: bindparam(c) for c in columns})
        )
        conn.execute(statement, params)
    for table, column, event_ids in (
        (event_codes, event_codes.c.event_id, recode),
        (sources, sources.c.event_id, resource),
    ):
        for chunk in records.chunked(event_ids, 500):
            conn.execute(delete(table).where(column.in_(chunk)))
    if new_rows:
        conn.execute(events.insert(), new_rows)
    if code_rows:
        conn.execute(event_codes.insert(), code_rows)
    if source_rows:
        conn.execute(sources.insert(), source_rows)
    updated = sum(len(p) for p in updates.values())
    return len(new_rows), updated


def write_batch(
    conn: Connection,
    *,
    document_rows: list[dict[str, Any]],
    item_rows: list[dict[str, Any]],
    suggestion_rows: list[dict[str, Any]],
    changed_events: Mapping[str, Event],
    replace_failed: Sequence[str] = (),
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
    return _write_events(conn, changed_events)


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
