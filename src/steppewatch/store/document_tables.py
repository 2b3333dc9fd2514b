"""Tables of collected documents, their coded items and review suggestions (SQLAlchemy Core, on
the same ``metadata`` as the core tables; created by migration 0002).

- ``documents``: one row per distinct raw byte string (id = sha256 of the bytes). ``status`` is
  ``coded`` (extracted and coded), ``duplicate`` (near-duplicate of ``duplicate_of``; archived,
  not coded again) or ``failed`` (could not be extracted; ``error`` says why).
- ``coded_items``: the items a coder found in a document (``coded`` is the ``CodedItem`` JSON,
  with its evidence), and the event each relevant item was linked to.
- ``suggestions``: machine codes that differ from an event a person has reviewed; the event is
  never overwritten, a reviewer accepts or rejects the suggestion.
"""

from __future__ import annotations

from sqlalchemy import Column, Index, Integer, String, Table, Text

from steppewatch.store.tables import metadata

__all__ = ["documents", "coded_items", "suggestions", "DOCUMENT_STATUSES", "SUGGESTION_STATUSES"]

DOCUMENT_STATUSES = ("coded", "duplicate", "failed")
SUGGESTION_STATUSES = ("open", "accepted", "rejected")

documents = Table(
    "documents",
    metadata,
    Column("id", String(64), primary_key=True),  # sha256 of the raw bytes
    Column("url", Text),
    Column("source_path", Text),
    Column("publisher", Text),
    Column("language", String(12)),
    Column("title", Text),
    Column("published", String(10)),
    Column("retrieved", String(40)),
    Column("content_type", String(200)),
    Column("encoding", String(40)),
    Column("archive_path", Text),
    Column("http_headers", Text),  # JSON object
    Column("text", Text),
    Column("minhash", Text),  # hex of the MinHash signature (uint32 x num_perm), or NULL
    Column("status", String(20), nullable=False),
    Column("duplicate_of", String(64)),
    Column("error", Text),
    Column("coder", String(100)),
    Column("codebook_version", String(20)),
    Column("created_at", String(40), nullable=False),
    Index("ix_documents_url", "url"),
    Index("ix_documents_status", "status"),
)

coded_items = Table(
    "coded_items",
    metadata,
    Column("document_id", String(64), primary_key=True),
    Column("item_index", Integer, primary_key=True, autoincrement=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("relevant", Integer, nullable=False),  # 0/1
    Column("coded", Text, nullable=False),  # CodedItem JSON, evidence included
    Column("event_id", String(200)),
    Column("link", String(20)),  # new_event | added_source | suggestion | same_event | None
    Column("coder", String(100)),
    Column("codebook_version", String(20)),
    Index("ix_coded_items_event", "event_id"),
)

suggestions = Table(
    "suggestions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(200), nullable=False),
    Column("field", String(40), nullable=False),
    Column("value", Text, nullable=False),  # JSON
    Column("document_id", String(64)),
    Column("coder", String(100)),
    Column("created_at", String(40), nullable=False),
    Column("status", String(20), nullable=False, default="open"),
    Index("ix_suggestions_event", "event_id", "status"),
)
