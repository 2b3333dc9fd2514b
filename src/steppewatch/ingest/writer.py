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

from sqlalchemy import Connection, delete, select, update

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

    An update that only appends sources (what linking does) inserts just the new source rows
    and leaves the event's codes alone when they did not change; anything else rewrites the
    event's codes and sources, as ``Store.add_events`` does."""
    if not changed:
        return 0, 0
    ids = list(changed)
    existing: dict[str, Any] = {}
    stored_sources: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
    for chunk in records.chunked(ids, 500):
        query = select(
            events.c.id,
            events.c.content_hash,
            events.c.review_status,
            events.c.countries,
            events.c.topics,
            events.c.domains,
        ).where(events.c.id.in_(chunk))
        for found in conn.execute(query):
            existing[found.id] = found
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
    updated = 0
    for event_id, event in changed.items():
        digest = records.content_hash(event)
        old = existing.get(event_id)
        if old is None:
            new_rows.append(records.event_row(event, digest=digest, timestamp=stamp))
            code_rows += records.code_rows(event)
            source_rows += records.source_rows(event)
            continue
        if old.content_hash == digest or old.review_status in REVIEWED:
            continue
        row = records.event_row(event, digest=digest, timestamp=stamp)
        row.pop("created_at")
        conn.execute(update(events).where(events.c.id == event_id).values(**row))
        if (old.countries, old.topics, old.domains) != (
            row["countries"],
            row["topics"],
            row["domains"],
        ):
            conn.execute(delete(event_codes).where(event_codes.c.event_id == event_id))
            code_rows += records.code_rows(event)
        before = stored_sources.get(event_id, [])
        now = [(s.url, s.document_id) for s in event.sources]
        if now[: len(before)] == before:
            source_rows += records.source_rows(event)[len(before) :]
        else:
            conn.execute(delete(sources).where(sources.c.event_id == event_id))
            source_rows += records.source_rows(event)
        updated += 1
    if new_rows:
        conn.execute(events.insert(), new_rows)
    if code_rows:
        conn.execute(event_codes.insert(), code_rows)
    if source_rows:
        conn.execute(sources.insert(), source_rows)
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
