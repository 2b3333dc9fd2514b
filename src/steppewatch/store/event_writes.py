"""Every write to ``events`` and its child tables (``event_codes``, ``sources``) goes through this
module, and each one appends an entry to the audit log in the same transaction.

The callers are ``Store.add_events`` (``init``, the dataset reload, ``import``),
``Store.delete_events``, the ingest writer and the review actions; a test checks that no other
module of the package writes those tables. Each caller names who (``actor``) and which path
(``action``: ``dataset_load``, ``import``, ``ingest_create``, ``ingest_update``, ``accept``,
``edit``...).

What an entry holds:

- a change to an event a person vouched for (``curated``, ``accepted``, ``edited``,
  ``rejected``) or a deletion: the whole event before and after, so nothing is lost;
- a new event: its content hash, status and number of sources (the row itself is the content);
- a change to a ``machine`` event: the content hashes before and after, the columns that changed
  and the sources added (bulk ingest writes these by the thousand; a compact entry keeps the log
  small while still saying what changed and when).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, bindparam, delete, select, update

from steppewatch.models import Event
from steppewatch.store import records
from steppewatch.store.review_tables import audit_log
from steppewatch.store.tables import event_codes, events, sources

__all__ = [
    "VOUCHED",
    "AuditNote",
    "audit_row",
    "delete_events",
    "insert_events",
    "patch_events",
    "rewrite_events",
    "write_audit",
]

#: Statuses a person stands behind: their events are written in full to the log when changed.
VOUCHED = frozenset({"curated", "accepted", "edited", "rejected"})


@dataclass(frozen=True)
class AuditNote:
    """Who writes and why: carried by every write function into its audit entries."""

    actor: str
    action: str
    reason: str | None = None
    target: str | None = None


def _dump(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


def audit_row(
    note: AuditNote,
    event_id: str | None,
    *,
    before: Any = None,
    after: Any = None,
    at: str | None = None,
) -> dict[str, Any]:
    return {
        "at": at or records.now(),
        "actor": note.actor,
        "action": note.action,
        "event_id": event_id,
        "target": note.target,
        "before": _dump(before),
        "after": _dump(after),
        "reason": note.reason,
    }


def write_audit(conn: Connection, rows: Sequence[dict[str, Any]]) -> None:
    if rows:
        conn.execute(audit_log.insert(), list(rows))


def _full(event: Event) -> dict[str, Any]:
    return event.model_dump(mode="json")


def _summary(event: Event, digest: str) -> dict[str, Any]:
    return {
        "content_hash": digest,
        "review_status": event.review_status,
        "sources": len(event.sources),
    }


def insert_events(
    conn: Connection, items: Sequence[tuple[Event, str]], note: AuditNote, *, stamp: str
) -> None:
    """Insert new events (with their content hash), their codes and sources."""
    if not items:
        return
    conn.execute(
        events.insert(),
        [records.event_row(e, digest=d, timestamp=stamp) for e, d in items],
    )
    _insert_children(conn, [e for e, _ in items])
    write_audit(conn, [audit_row(note, e.id, after=_summary(e, d), at=stamp) for e, d in items])


def _insert_children(conn: Connection, written: Iterable[Event]) -> None:
    written = list(written)
    code_rows = [r for e in written for r in records.code_rows(e)]
    source_rows = [r for e in written for r in records.source_rows(e)]
    if code_rows:
        conn.execute(event_codes.insert(), code_rows)
    if source_rows:
        conn.execute(sources.insert(), source_rows)


def _stored(conn: Connection, ids: Sequence[str]) -> dict[str, Event]:
    found: dict[str, Event] = {}
    for chunk in records.chunked(ids, 500):
        rows = [
            dict(r._mapping) for r in conn.execute(select(events).where(events.c.id.in_(chunk)))
        ]
        by_event: dict[str, list[Mapping[str, Any]]] = {}
        query = (
            select(sources)
            .where(sources.c.event_id.in_(chunk))
            .order_by(sources.c.event_id, sources.c.position)
        )
        for s in conn.execute(query):
            by_event.setdefault(s.event_id, []).append(dict(s._mapping))
        for row in rows:
            found[row["id"]] = records.event_from_row(row, by_event.get(row["id"], ()))
    return found


def rewrite_events(
    conn: Connection,
    items: Sequence[tuple[Event, str]],
    note: AuditNote,
    *,
    stamp: str,
    before: Mapping[str, Event] | None = None,
) -> None:
    """Replace stored events whole (row, codes, sources). ``before``: the stored events when
    the caller has read them already (else they are read here, for the log)."""
    if not items:
        return
    ids = [e.id for e, _ in items]
    old = dict(before) if before is not None else _stored(conn, ids)
    for chunk in records.chunked(ids, 500):
        conn.execute(delete(event_codes).where(event_codes.c.event_id.in_(chunk)))
        conn.execute(delete(sources).where(sources.c.event_id.in_(chunk)))
    for event, digest in items:
        row = records.event_row(event, digest=digest, timestamp=stamp)
        row.pop("created_at")
        conn.execute(update(events).where(events.c.id == event.id).values(**row))
    _insert_children(conn, [e for e, _ in items])
    entries = []
    for event, digest in items:
        previous = old.get(event.id)
        if previous is not None and (
            previous.review_status in VOUCHED or event.review_status in VOUCHED
        ):
            entries.append(
                audit_row(note, event.id, before=_full(previous), after=_full(event), at=stamp)
            )
        else:
            after = _summary(event, digest)
            prior = {"content_hash": records.content_hash(previous)} if previous else None
            entries.append(audit_row(note, event.id, before=prior, after=after, at=stamp))
    write_audit(conn, entries)


def patch_events(
    conn: Connection,
    patches: Sequence[tuple[str, dict[str, Any], Mapping[str, Any]]],
    note: AuditNote,
    *,
    new_code_rows: Sequence[dict[str, Any]] = (),
    recode: Sequence[str] = (),
    new_source_rows: Sequence[dict[str, Any]] = (),
    resource: Sequence[str] = (),
    stamp: str,
) -> None:
    """Update only the changed columns of MACHINE events (the ingest's fast path): ``patches``
    holds (event id, changed columns, the stored row before). Codes of ``recode`` events and
    sources of ``resource`` events are deleted first; the new code and source rows inserted.
    An event that is not ``machine`` in ``before`` is refused (ValueError): a person's events
    change only through ``rewrite_events`` with a full entry in the log."""
    for event_id, _, before in patches:
        if before["review_status"] != "machine":
            raise ValueError(f"patch_events: event '{event_id}' is {before['review_status']}")
    grouped: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for event_id, diff, _ in patches:
        grouped.setdefault(tuple(sorted(diff)), []).append({**diff, "_id": event_id})
    for columns, params in grouped.items():
        if not columns:
            continue
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
    if new_code_rows:
        conn.execute(event_codes.insert(), list(new_code_rows))
    if new_source_rows:
        conn.execute(sources.insert(), list(new_source_rows))
    added: dict[str, list[str]] = {}
    for row in new_source_rows:
        added.setdefault(row["event_id"], []).append(row["url"])
    entries = []
    for event_id, diff, before in patches:
        after: dict[str, Any] = {
            "content_hash": diff.get("content_hash", before["content_hash"]),
            "changed": sorted(k for k in diff if k not in ("content_hash", "updated_at")),
        }
        if added.get(event_id):
            after["sources_added"] = added[event_id]
        entries.append(
            audit_row(
                note,
                event_id,
                before={"content_hash": before["content_hash"]},
                after=after,
                at=stamp,
            )
        )
    write_audit(conn, entries)


def delete_events(conn: Connection, ids: Sequence[str], note: AuditNote) -> int:
    """Delete events (their codes and sources go with them); each is logged whole."""
    old = _stored(conn, list(ids))
    stamp = records.now()
    count = 0
    for chunk in records.chunked(list(old), 500):
        conn.execute(delete(event_codes).where(event_codes.c.event_id.in_(chunk)))
        conn.execute(delete(sources).where(sources.c.event_id.in_(chunk)))
        count += conn.execute(delete(events).where(events.c.id.in_(chunk))).rowcount or 0
    write_audit(conn, [audit_row(note, i, before=_full(e), at=stamp) for i, e in old.items()])
    return count
