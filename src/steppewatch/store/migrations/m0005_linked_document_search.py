"""SQLite: ``documents_fts`` indexes the documents that the explorer's search can reach.

The explorer finds an event through a document only via ``coded_items.event_id`` (the search
joins ``documents_fts`` -> ``documents`` -> ``coded_items`` -> ``events``), so a document none of
whose items is linked to an event can never appear in a search result. Indexing its text (a
trigram index: one token per character, ~2-3 ms per MFA page, more than the rest of ingest) is
work no query reads. From this migration on, ``documents_fts`` holds exactly the documents that
have at least one coded item with an ``event_id``, kept so by triggers:

- a coded item inserted with an event (or updated to one) indexes its document if it is the
  document's first linked item; deleting or unlinking its last linked item removes the document;
- a document inserted after its linked items is indexed; a linked document whose title or text
  changes is re-indexed, and one deleted is removed.

The index is rebuilt to that rule here. PostgreSQL keeps its expression index (nothing to do).
"""

from __future__ import annotations

from sqlalchemy import Connection, inspect

VERSION = 5
NAME = "linked_document_search"

# a document with at least one item linked to an event, seen from a trigger on coded_items
_LINKED = (
    "EXISTS (SELECT 1 FROM coded_items c WHERE c.document_id = {doc} "
    "AND c.event_id IS NOT NULL{other})"
)
_INDEX_DOC = (
    "INSERT INTO documents_fts(rowid, title, text) "
    "SELECT rowid, title, text FROM documents WHERE id = {doc};"
)
_UNINDEX_DOC = (
    "INSERT INTO documents_fts(documents_fts, rowid, title, text) "
    "SELECT 'delete', rowid, title, text FROM documents WHERE id = {doc};"
)


def _others_linked(row: str) -> str:
    """Another linked item of the same document than ``row`` (new/old) exists."""
    other = f" AND c.item_index != {row}.item_index"
    return _LINKED.format(doc=f"{row}.document_id", other=other)


def _triggers() -> list[str]:
    new_doc, old_doc = "new.document_id", "old.document_id"
    return [
        # coded items: the first linked item of a document indexes it, the last one removes it
        "CREATE TRIGGER documents_fts_item_ai AFTER INSERT ON coded_items "
        f"WHEN new.event_id IS NOT NULL AND NOT {_others_linked('new')} "
        f"BEGIN {_INDEX_DOC.format(doc=new_doc)} END",
        "CREATE TRIGGER documents_fts_item_ad AFTER DELETE ON coded_items "
        f"WHEN old.event_id IS NOT NULL AND NOT {_others_linked('old')} "
        f"BEGIN {_UNINDEX_DOC.format(doc=old_doc)} END",
        "CREATE TRIGGER documents_fts_item_link AFTER UPDATE OF event_id ON coded_items "
        "WHEN old.event_id IS NULL AND new.event_id IS NOT NULL "
        f"AND NOT {_others_linked('new')} "
        f"BEGIN {_INDEX_DOC.format(doc=new_doc)} END",
        "CREATE TRIGGER documents_fts_item_unlink AFTER UPDATE OF event_id ON coded_items "
        "WHEN old.event_id IS NOT NULL AND new.event_id IS NULL "
        f"AND NOT {_others_linked('new')} "
        f"BEGIN {_UNINDEX_DOC.format(doc=new_doc)} END",
        # documents: only linked ones are in the index
        "CREATE TRIGGER documents_fts_ai AFTER INSERT ON documents "
        f"WHEN {_LINKED.format(doc='new.id', other='')} "
        "BEGIN INSERT INTO documents_fts(rowid, title, text) "
        "VALUES (new.rowid, new.title, new.text); END",
        "CREATE TRIGGER documents_fts_ad AFTER DELETE ON documents "
        f"WHEN {_LINKED.format(doc='old.id', other='')} "
        "BEGIN INSERT INTO documents_fts(documents_fts, rowid, title, text) "
        "VALUES ('delete', old.rowid, old.title, old.text); END",
        "CREATE TRIGGER documents_fts_au AFTER UPDATE OF title, text ON documents "
        f"WHEN {_LINKED.format(doc='new.id', other='')} "
        "BEGIN INSERT INTO documents_fts(documents_fts, rowid, title, text) "
        "VALUES ('delete', old.rowid, old.title, old.text); "
        "INSERT INTO documents_fts(rowid, title, text) "
        "VALUES (new.rowid, new.title, new.text); END",
    ]


def upgrade(connection: Connection) -> None:
    if connection.dialect.name != "sqlite":
        return
    names = set(inspect(connection).get_table_names())
    if not {"documents", "coded_items", "documents_fts"} <= names:
        return
    for old in ("documents_fts_ai", "documents_fts_ad", "documents_fts_au"):
        connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {old}")
    for statement in _triggers():
        connection.exec_driver_sql(statement)
    connection.exec_driver_sql("INSERT INTO documents_fts(documents_fts) VALUES ('delete-all')")
    connection.exec_driver_sql(
        "INSERT INTO documents_fts(rowid, title, text) SELECT d.rowid, d.title, d.text "
        f"FROM documents d WHERE {_LINKED.format(doc='d.id', other='')}"
    )
