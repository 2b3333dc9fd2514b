"""The audit log: one row per change (who, when, action, before, after, reason).

Every write to an event, by any path (review, import, init, ingest), is logged by the store
itself (``steppewatch.store.event_writes``); ``record`` logs the other actions.

Rows are only ever inserted. The database itself refuses UPDATE and DELETE on ``audit_log``
(triggers created by migration 0003), so a bug or a hand-written query cannot rewrite history.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel, ConfigDict
from sqlalchemy import Connection, func, select

from steppewatch.store import Store
from steppewatch.store.event_writes import AuditNote, audit_row, write_audit
from steppewatch.store.review_tables import audit_log


class AuditEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: int
    at: str
    actor: str
    action: str
    event_id: str | None = None
    target: str | None = None
    before: Any = None
    after: Any = None
    reason: str | None = None


def record(
    conn: Connection,
    *,
    actor: str,
    action: str,
    event_id: str | None = None,
    target: str | None = None,
    before: Any = None,
    after: Any = None,
    reason: str | None = None,
) -> None:
    """Append one entry inside the caller's transaction (so the change and its record commit
    together or not at all). Writes to events log themselves (``store.event_writes``); this is
    for the other actions (users, rejected suggestions)."""
    note = AuditNote(actor=actor, action=action, reason=reason, target=target)
    write_audit(conn, [audit_row(note, event_id, before=before, after=after)])


def list_audit(
    store: Store, *, event_id: str | None = None, limit: int = 100, offset: int = 0
) -> list[AuditEntry]:
    """Newest first."""
    query = select(audit_log).order_by(audit_log.c.id.desc()).limit(limit).offset(offset)
    if event_id:
        query = query.where(audit_log.c.event_id == event_id)
    with store.engine.connect() as conn:
        rows = conn.execute(query).all()
    return [
        AuditEntry(
            id=r.id,
            at=r.at,
            actor=r.actor,
            action=r.action,
            event_id=r.event_id,
            target=r.target,
            before=json.loads(r.before) if r.before else None,
            after=json.loads(r.after) if r.after else None,
            reason=r.reason,
        )
        for r in rows
    ]


def count_audit(store: Store, *, event_id: str | None = None) -> int:
    query = select(func.count()).select_from(audit_log)
    if event_id:
        query = query.where(audit_log.c.event_id == event_id)
    with store.engine.connect() as conn:
        return int(conn.execute(query).scalar() or 0)
