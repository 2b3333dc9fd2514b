"""Core tables (SQLAlchemy Core), shared by SQLite and PostgreSQL.

Lists (countries, domains, topics) are stored twice on purpose: as ``;``-joined text on the event
row, so one row read gives the whole record, and as rows of ``event_codes`` with an index on
(facet, code), so filters and facet counts stay fast on a million events.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

schema_migrations = Table(
    "schema_migrations",
    metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("name", String(200), nullable=False),
    Column("applied_at", String(40), nullable=False),
)

meta = Table(
    "meta",
    metadata,
    Column("key", String(100), primary_key=True),
    Column("value", Text, nullable=False),
)

events = Table(
    "events",
    metadata,
    Column("id", String(200), primary_key=True),
    Column("kind", String(40), nullable=False),
    Column("title", Text, nullable=False),
    Column("date_start", String(10), nullable=False),
    Column("date_end", String(10)),
    Column("year", Integer, nullable=False),
    Column("date_sort", String(10), nullable=False),  # YYYY-MM-DD, unknown parts as 00
    Column("precision", String(5), nullable=False),
    Column("countries", Text, nullable=False),
    Column("framework", String(40), nullable=False),
    Column("location", Text),
    Column("actors", Text, nullable=False),  # JSON list of ActorRef
    Column("level", String(40)),
    Column("domains", Text, nullable=False),
    Column("topics", Text, nullable=False),
    Column("attributes", Text, nullable=False),  # JSON object
    Column("summary", Text),
    Column("verification", String(20)),
    Column("review_status", String(20), nullable=False),
    Column("codebook_version", String(20)),
    Column("coder", String(100)),
    Column("dataset_version", String(40)),
    Column("content_hash", String(64), nullable=False),
    Column("created_at", String(40), nullable=False),
    Column("updated_at", String(40), nullable=False),
    # the lowest confidence of a machine event's codes (migration 12): the review queue's
    # lowest-first order; NULL for events no coder made
    Column("confidence", Float),
    Index("ix_events_year", "year"),
    Index("ix_events_kind_year", "kind", "year"),
    Index("ix_events_date_sort", "date_sort"),
    Index("ix_events_status", "review_status"),
    Index("ix_events_framework", "framework"),
    Index("ix_events_level", "level"),
    Index("ix_events_status_confidence", "review_status", "confidence", "id"),
)

event_codes = Table(
    "event_codes",
    metadata,
    Column("event_id", String(200), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("facet", String(10), primary_key=True),  # country | topic | domain
    Column("code", String(40), primary_key=True),
    # the event's date_sort, copied here (migration 7) so that one code's events can be read
    # in date order from an index: the explorer's newest-first pages filtered by a code
    Column("date_sort", String(10)),
    # the coder's calibrated confidence in this code (migration 12); NULL for curated codes
    Column("confidence", Float),
    Index("ix_event_codes_facet_code", "facet", "code", "event_id"),
    Index("ix_event_codes_code_date", "facet", "code", "date_sort", "event_id"),
)

sources = Table(
    "sources",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(200), ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("url", Text, nullable=False),
    Column("publisher", Text),
    Column("language", String(12)),
    Column("published", String(10)),
    Column("source_type", String(20)),
    Column("attests", Text),
    Column("document_id", String(64)),
    Index("ix_sources_event", "event_id", "position"),
)

CODE_FACETS = ("country", "topic", "domain")
