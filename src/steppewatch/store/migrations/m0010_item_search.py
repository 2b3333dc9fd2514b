"""SQLite: ``items_fts`` searches a linked document within the item linked to the event.

Until now the explorer found an event through ``documents_fts`` (migration 5): a word anywhere
in a document linked to the event, so one word of a 10,000-character press-conference transcript
pulled in every event any item of that transcript was linked to, whatever the item was about.
``items_fts`` is a contentless FTS5 table (trigram, like the others) with one row per coded item
linked to an event, its rowid the item's ``coded_items`` rowid:

- ``title``: the document's title, in its original language (a Chinese or Russian readout's own
  title, so that an event is found in the language of its sources);
- ``text``: the item's span of the document's text (``start``..``end``).

Triggers keep it in step with ``coded_items`` (linking, unlinking, deleting, moving a span) and
``documents`` (a document stored after its items, a changed title or text, a deletion). A
contentless table is told the old values to remove a row; they are read from the same rows.

``documents_fts`` is left as it is (the explorer no longer reads it). PostgreSQL checks the item's
span at query time (``store.query.queries.PG_ITEM_EVENT_IDS``): nothing to do.
"""

from __future__ import annotations

from sqlalchemy import Connection, inspect

VERSION = 10
NAME = "item_search"

_SPAN = 'substr({doc}.text, {item}.start + 1, {item}."end" - {item}.start)'
_ADD_ITEM = (
    "INSERT INTO items_fts(rowid, title, text) "
    "SELECT {item}.rowid, d.title, " + _SPAN.format(doc="d", item="{item}") + " "
    "FROM documents d WHERE d.id = {item}.document_id;"
)
_REMOVE_ITEM = (
    "INSERT INTO items_fts(items_fts, rowid, title, text) "
    "SELECT 'delete', {item}.rowid, d.title, " + _SPAN.format(doc="d", item="{item}") + " "
    "FROM documents d WHERE d.id = {item}.document_id;"
)
# every linked item of a document, with the document's values of ``row`` (new or old)
_ADD_DOC = (
    "INSERT INTO items_fts(rowid, title, text) "
    "SELECT c.rowid, {row}.title, " + _SPAN.format(doc="{row}", item="c") + " "
    "FROM coded_items c WHERE c.document_id = {row}.id AND c.event_id IS NOT NULL;"
)
_REMOVE_DOC = (
    "INSERT INTO items_fts(items_fts, rowid, title, text) "
    "SELECT 'delete', c.rowid, {row}.title, " + _SPAN.format(doc="{row}", item="c") + " "
    "FROM coded_items c WHERE c.document_id = {row}.id AND c.event_id IS NOT NULL;"
)


def _triggers() -> list[str]:
    add_new, remove_old = _ADD_ITEM.format(item="new"), _REMOVE_ITEM.format(item="old")
    return [
        "CREATE TRIGGER items_fts_item_ai AFTER INSERT ON coded_items "
        f"WHEN new.event_id IS NOT NULL BEGIN {add_new} END",
        "CREATE TRIGGER items_fts_item_ad AFTER DELETE ON coded_items "
        f"WHEN old.event_id IS NOT NULL BEGIN {remove_old} END",
        "CREATE TRIGGER items_fts_item_link AFTER UPDATE OF event_id ON coded_items "
        f"WHEN old.event_id IS NULL AND new.event_id IS NOT NULL BEGIN {add_new} END",
        "CREATE TRIGGER items_fts_item_unlink AFTER UPDATE OF event_id ON coded_items "
        f"WHEN old.event_id IS NOT NULL AND new.event_id IS NULL BEGIN {remove_old} END",
        'CREATE TRIGGER items_fts_item_span AFTER UPDATE OF start, "end", document_id ON coded_items '
        f"WHEN old.event_id IS NOT NULL AND new.event_id IS NOT NULL BEGIN {remove_old} {add_new} END",
        f"CREATE TRIGGER items_fts_doc_ai AFTER INSERT ON documents BEGIN {_ADD_DOC.format(row='new')} END",
        f"CREATE TRIGGER items_fts_doc_ad AFTER DELETE ON documents BEGIN {_REMOVE_DOC.format(row='old')} END",
        "CREATE TRIGGER items_fts_doc_au AFTER UPDATE OF title, text ON documents "
        f"BEGIN {_REMOVE_DOC.format(row='old')} {_ADD_DOC.format(row='new')} END",
    ]


def upgrade(connection: Connection) -> None:
    if connection.dialect.name != "sqlite":
        return
    names = set(inspect(connection).get_table_names())
    if not {"documents", "coded_items"} <= names:
        return
    run = connection.exec_driver_sql
    run("CREATE VIRTUAL TABLE items_fts USING fts5(title, text, content='', tokenize='trigram')")
    for statement in _triggers():
        run(statement)
    run(
        "INSERT INTO items_fts(rowid, title, text) SELECT c.rowid, d.title, "
        + _SPAN.format(doc="d", item="c")
        + " FROM coded_items c JOIN documents d ON d.id = c.document_id WHERE c.event_id IS NOT NULL"
    )
