"""Accept, edit or reject an event or a suggestion; list what awaits review.

Each action reads the event, checks it, writes the new row (with its ``event_codes`` and
``sources`` rows kept in sync) and appends to the audit log, all in ONE transaction.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, ValidationError
from sqlalchemy import Connection, MetaData, Table, func, inspect, select, update

from steppewatch.errors import NotFound, ReviewError, ValidationFailed, ValidationIssue
from steppewatch.models import Event
from steppewatch.store import Store, event_writes, records
from steppewatch.store.event_writes import AuditNote
from steppewatch.store.tables import events, sources

if TYPE_CHECKING:
    from steppewatch.store import EventFilter

NOT_EDITABLE = ("id", "review_status")
EDITABLE_FIELDS = tuple(f for f in Event.model_fields if f not in NOT_EDITABLE)
LIST_FIELDS = ("countries", "topics", "domains")


class SuggestionItem(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: int
    event_id: str
    field: str
    value: Any
    document_id: str | None = None
    coder: str | None = None
    created_at: str | None = None
    status: str


class QueueItem(BaseModel):
    """What awaits review: machine-coded events and open suggestions."""

    model_config = ConfigDict(extra="forbid")

    machine_events: list[Event]
    machine_total: int
    suggestions: list[SuggestionItem]
    suggestions_total: int


# -- reading ---------------------------------------------------------------------------------
def _event_and_hash(conn: Connection, event_id: str) -> tuple[Event, str]:
    row = conn.execute(select(events).where(events.c.id == event_id)).first()
    if row is None:
        raise NotFound(f"no event with id '{event_id[:200]}'", hint="check the id in the explorer")
    src = conn.execute(
        select(sources).where(sources.c.event_id == event_id).order_by(sources.c.position)
    ).all()
    return records.event_from_row(
        dict(row._mapping), [dict(s._mapping) for s in src]
    ), row.content_hash


_PRESENT: set[tuple[str, str]] = set()


def optional_table(conn: Connection, name: str) -> Table | None:
    """A table made by another migration (ingest's ``suggestions``, ``coded_items``,
    ``documents``), or None when this database does not have it. Presence is remembered per
    database once seen (tables are never dropped), so the check costs nothing afterwards."""
    key = (str(conn.engine.url), name)
    if key not in _PRESENT:
        if not inspect(conn).has_table(name):
            return None
        _PRESENT.add(key)
    try:
        from steppewatch.store import document_tables
    except ImportError:
        return Table(name, MetaData(), autoload_with=conn)
    table = getattr(document_tables, name, None)
    return table if isinstance(table, Table) else Table(name, MetaData(), autoload_with=conn)


def suggestions_table(conn: Connection) -> Table | None:
    """The ingest's ``suggestions`` table, or None when it does not exist."""
    return optional_table(conn, "suggestions")


def _suggestion_item(row: Any) -> SuggestionItem:
    try:
        value = json.loads(row.value) if row.value is not None else None
    except (TypeError, ValueError):
        value = row.value
    return SuggestionItem(
        id=row.id,
        event_id=row.event_id,
        field=row.field,
        value=value,
        document_id=row.document_id,
        coder=row.coder,
        created_at=str(row.created_at) if row.created_at is not None else None,
        status=row.status,
    )


QUEUE_ORDERS = ("date", "confidence")


def review_queue(
    store: Store, *, limit: int = 50, offset: int = 0, order: str = "date"
) -> QueueItem:
    """Machine events and open suggestions awaiting review. ``order``: ``date`` (newest first)
    or ``confidence`` (the least certain coding first: the event's lowest code confidence)."""
    if order not in QUEUE_ORDERS:
        raise ValueError(f"review queue order must be one of {QUEUE_ORDERS}, not {order!r}")
    machine = events.c.review_status == "machine"
    with store.engine.connect() as conn:
        total = int(
            conn.execute(select(func.count()).select_from(events).where(machine)).scalar() or 0
        )
        table = suggestions_table(conn)
        suggestions: list[SuggestionItem] = []
        s_total = 0
        if table is not None:
            is_open = table.c.status == "open"
            s_total = int(
                conn.execute(select(func.count()).select_from(table).where(is_open)).scalar() or 0
            )
            rows = conn.execute(
                select(table).where(is_open).order_by(table.c.id).limit(limit).offset(offset)
            ).all()
            suggestions = [_suggestion_item(r) for r in rows]
    found = store.list_events(
        _machine_filter(),
        order="-date" if order == "date" else "confidence",
        limit=limit,
        offset=offset,
    )
    return QueueItem(
        machine_events=found,
        machine_total=total,
        suggestions=suggestions,
        suggestions_total=s_total,
    )


def _machine_filter() -> EventFilter:
    from steppewatch.store import EventFilter

    return EventFilter(statuses=("machine",))


def open_suggestions_for(store: Store, event_id: str) -> list[SuggestionItem]:
    with store.engine.connect() as conn:
        table = suggestions_table(conn)
        if table is None:
            return []
        rows = conn.execute(
            select(table)
            .where(table.c.event_id == event_id, table.c.status == "open")
            .order_by(table.c.id)
        ).all()
    return [_suggestion_item(r) for r in rows]


# -- writing ---------------------------------------------------------------------------------
def _write_event(
    conn: Connection,
    event: Event,
    *,
    before: Event,
    actor: str,
    action: str,
    reason: str | None = None,
    target: str | None = None,
) -> None:
    """Rewrite the event (row, codes, sources); the store logs it whole, before and after."""
    event_writes.rewrite_events(
        conn,
        [(event, records.content_hash(event))],
        AuditNote(actor=actor, action=action, reason=reason, target=target),
        stamp=records.now(),
        before={event.id: before},
    )


def _check_hash(event_id: str, current: str, expected: str | None) -> None:
    if expected is not None and expected != current:
        raise ReviewError(
            f"event '{event_id}' was changed by someone else since you opened it",
            hint="reload the page and review it again",
            code="SW712",
        )


def _audit(conn: Connection, **kw: Any) -> None:
    from steppewatch.review.audit import record

    record(conn, **kw)


def _dump(event: Event) -> dict[str, Any]:
    return event.model_dump(mode="json")


def accept_event(
    store: Store, event_id: str, actor: str, *, expected_hash: str | None = None
) -> Event:
    """Mark the event's codes as checked by ``actor`` (status 'accepted')."""
    with store.engine.begin() as conn:
        event, digest = _event_and_hash(conn, event_id)
        _check_hash(event_id, digest, expected_hash)
        if event.review_status == "accepted":
            raise ReviewError(f"event '{event_id}' is already accepted", code="SW713")
        new = event.model_copy(update={"review_status": "accepted"})
        _write_event(conn, new, before=event, actor=actor, action="accept")
    return new


def reject_event(
    store: Store, event_id: str, actor: str, reason: str, *, expected_hash: str | None = None
) -> Event:
    """Mark the event as wrong (status 'rejected'); a reason is required."""
    reason = (reason or "").strip()
    if not reason:
        raise ReviewError(
            "a reason is required to reject an event", hint="say why it is wrong", code="SW701"
        )
    with store.engine.begin() as conn:
        event, digest = _event_and_hash(conn, event_id)
        _check_hash(event_id, digest, expected_hash)
        if event.review_status == "rejected":
            raise ReviewError(f"event '{event_id}' is already rejected", code="SW713")
        new = event.model_copy(update={"review_status": "rejected"})
        _write_event(conn, new, before=event, actor=actor, action="reject", reason=reason)
    return new


def validate_changes(event: Event, changes: dict[str, Any], codebook: Any = None) -> Event:
    """The event with ``changes`` applied and status 'edited', validated against the codebook.
    Raises ValidationFailed listing every problem."""
    issues = [
        ValidationIssue("unknown-field", f"'{k}' cannot be edited", record=event.id, field=str(k))
        for k in changes
        if k not in EDITABLE_FIELDS
    ]
    if issues:
        raise ValidationFailed(
            f"{len(issues)} problem(s) in the edit of '{event.id}'", issues, code="SW702"
        )
    data = _dump(event)
    data.update(changes)
    data["review_status"] = "edited"
    context = {"codebook": codebook} if codebook is not None else None
    try:
        return Event.model_validate(data, context=context)
    except ValidationError as error:
        found = [
            ValidationIssue(
                "invalid-value",
                e["msg"].removeprefix("Value error, "),
                record=event.id,
                field=".".join(str(p) for p in e["loc"]) or None,
            )
            for e in error.errors()
        ]
        raise ValidationFailed(
            f"{len(found)} problem(s) in the edit of '{event.id}'", found, code="SW702"
        ) from None


def edit_event(
    store: Store,
    event_id: str,
    actor: str,
    changes: dict[str, Any],
    *,
    reason: str | None = None,
    expected_hash: str | None = None,
    codebook: Any = None,
) -> Event:
    """Change any fields but the id; the event becomes 'edited'."""
    with store.engine.begin() as conn:
        event, digest = _event_and_hash(conn, event_id)
        _check_hash(event_id, digest, expected_hash)
        new = validate_changes(event, changes, codebook)
        _write_event(conn, new, before=event, actor=actor, action="edit", reason=reason or None)
    return new


def _apply_suggestion(event: Event, field: str, value: Any) -> dict[str, Any]:
    if field == "sources":
        # a sources suggestion carries the sources to add (older ones the whole list): add
        # those the event does not hold yet, so accepting several keeps every one of them
        current = [s.model_dump(mode="json", exclude_none=True) for s in event.sources]
        held = {(s.get("url"), s.get("document_id")) for s in current}
        extra = [v for v in (value if isinstance(value, list) else [value]) if isinstance(v, dict)]
        added = [v for v in extra if (v.get("url"), v.get("document_id")) not in held]
        return {field: current + added}
    if field in LIST_FIELDS:
        current = list(getattr(event, field))
        extra = value if isinstance(value, list) else [value]
        return {field: current + [v for v in extra if v not in current]}
    return {field: value}


def _open_suggestion(conn: Connection, suggestion_id: int) -> tuple[Table, Any]:
    table = suggestions_table(conn)
    if table is None:
        raise NotFound(
            "there are no suggestions in this database", hint="run 'steppewatch ingest' first"
        )
    row = conn.execute(select(table).where(table.c.id == suggestion_id)).first()
    if row is None:
        raise NotFound(f"no suggestion with id {suggestion_id}")
    if row.status != "open":
        raise ReviewError(f"suggestion {suggestion_id} is already {row.status}", code="SW713")
    return table, row


def accept_suggestion(
    store: Store, suggestion_id: int, actor: str, *, codebook: Any = None
) -> Event:
    """Apply a suggested code to its event (which becomes 'edited') and close the suggestion."""
    with store.engine.begin() as conn:
        table, row = _open_suggestion(conn, suggestion_id)
        item = _suggestion_item(row)
        event, _ = _event_and_hash(conn, item.event_id)
        new = validate_changes(event, _apply_suggestion(event, item.field, item.value), codebook)
        _write_event(
            conn,
            new,
            before=event,
            actor=actor,
            action="suggestion_accept",
            target=f"suggestion:{suggestion_id}",
        )
        conn.execute(update(table).where(table.c.id == suggestion_id).values(status="accepted"))
    return new


def reject_suggestion(store: Store, suggestion_id: int, actor: str, reason: str) -> None:
    reason = (reason or "").strip()
    if not reason:
        raise ReviewError("a reason is required to reject a suggestion", code="SW701")
    with store.engine.begin() as conn:
        table, row = _open_suggestion(conn, suggestion_id)
        item = _suggestion_item(row)
        conn.execute(update(table).where(table.c.id == suggestion_id).values(status="rejected"))
        _audit(
            conn,
            actor=actor,
            action="suggestion_reject",
            event_id=item.event_id,
            target=f"suggestion:{suggestion_id}",
            before=item.model_dump(mode="json"),
            after={"status": "rejected"},
            reason=reason,
        )


def content_hash_of(store: Store, event_id: str) -> str:
    with store.engine.connect() as conn:
        return _event_and_hash(conn, event_id)[1]
