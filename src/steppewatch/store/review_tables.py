"""Tables of the review workflow: reviewer accounts, the append-only audit log, and the
assignments and independent codings behind the inter-coder agreement report.

They live on the SAME ``metadata`` as the core tables; migration 0003 creates them.
"""

from __future__ import annotations

from sqlalchemy import Column, Index, Integer, String, Table, Text, UniqueConstraint

from steppewatch.store.tables import metadata

users = Table(
    "users",
    metadata,
    Column("name", String(100), primary_key=True),
    Column("password_hash", Text, nullable=False),  # argon2id, never the password
    Column("role", String(20), nullable=False),  # reviewer | admin
    Column("active", Integer, nullable=False),
    Column("created_at", String(40), nullable=False),
)

# Append-only: triggers (SQLite) or a trigger function (PostgreSQL) refuse UPDATE and DELETE.
audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", String(40), nullable=False),
    Column("actor", String(100), nullable=False),
    Column("action", String(40), nullable=False),
    Column("event_id", String(200)),
    Column("target", String(200)),  # e.g. "suggestion:12", "user:alice"
    Column("before", Text),  # JSON
    Column("after", Text),  # JSON
    Column("reason", Text),
    Index("ix_audit_event", "event_id", "id"),
)

review_assignments = Table(
    "review_assignments",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(200), nullable=False),
    Column("reviewer", String(100), nullable=False),
    Column("assigned_by", String(100), nullable=False),
    Column("assigned_at", String(40), nullable=False),
    UniqueConstraint("event_id", "reviewer", name="uq_assignment"),
    Index("ix_assignments_reviewer", "reviewer"),
)

review_codings = Table(
    "review_codings",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(200), nullable=False),
    Column("reviewer", String(100), nullable=False),
    Column("codes", Text, nullable=False),  # JSON: {"kind": ..., "topics": [...], ...}
    Column("coded_at", String(40), nullable=False),
    UniqueConstraint("event_id", "reviewer", name="uq_coding"),
)

REVIEW_TABLES = (users, audit_log, review_assignments, review_codings)
