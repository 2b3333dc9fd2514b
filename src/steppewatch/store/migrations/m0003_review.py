"""Review workflow tables, the append-only guard on the audit log, and full-text search.

Full text is the one dialect-specific part of the schema:
- SQLite: an FTS5 table ``events_fts`` (trigram tokenizer, so Chinese text without spaces and
  Russian word stems match as substrings) over title, summary, location and actors, an external
  content table kept in sync with ``events`` by triggers; ``documents_fts`` likewise over
  document titles and text when the ingest tables exist.
- PostgreSQL: GIN indexes on ``to_tsvector('simple', ...)`` of the same columns.
"""

from __future__ import annotations

from sqlalchemy import Connection, inspect, text

from steppewatch.store.review_tables import REVIEW_TABLES

VERSION = 3
NAME = "review"

EVENT_FTS_COLUMNS = ("title", "summary", "location", "actors")
PG_EVENT_TSV = (
    "to_tsvector('simple', coalesce(title,'') || ' ' || coalesce(summary,'') || ' ' || "
    "coalesce(location,'') || ' ' || coalesce(actors,''))"
)
PG_DOCUMENT_TSV = "to_tsvector('simple', coalesce(title,'') || ' ' || coalesce(text,''))"


def _sqlite_fts(connection: Connection, table: str, columns: tuple[str, ...]) -> None:
    cols = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    fts = f"{table}_fts"
    connection.exec_driver_sql(
        f"CREATE VIRTUAL TABLE {fts} USING fts5({cols}, content='{table}', "
        f"content_rowid='rowid', tokenize='trigram')"
    )
    connection.exec_driver_sql(
        f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} BEGIN "
        f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.rowid, {new}); END"
    )
    connection.exec_driver_sql(
        f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.rowid, {old}); END"
    )
    connection.exec_driver_sql(
        f"CREATE TRIGGER {fts}_au AFTER UPDATE ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.rowid, {old}); "
        f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.rowid, {new}); END"
    )
    connection.exec_driver_sql(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")


def upgrade(connection: Connection) -> None:
    for table in REVIEW_TABLES:
        table.create(connection, checkfirst=True)
    has_documents = inspect(connection).has_table("documents")
    if connection.dialect.name == "sqlite":
        for action in ("UPDATE", "DELETE"):
            connection.exec_driver_sql(
                f"CREATE TRIGGER audit_log_no_{action.lower()} BEFORE {action} ON audit_log "
                "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"
            )
        _sqlite_fts(connection, "events", EVENT_FTS_COLUMNS)
        if has_documents:
            _sqlite_fts(connection, "documents", ("title", "text"))
    elif connection.dialect.name == "postgresql":
        connection.execute(
            text(
                "CREATE FUNCTION steppewatch_audit_append_only() RETURNS trigger AS $$ "
                "BEGIN RAISE EXCEPTION 'audit_log is append-only'; END; $$ LANGUAGE plpgsql"
            )
        )
        connection.execute(
            text(
                "CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE "
                "ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION steppewatch_audit_append_only()"
            )
        )
        connection.execute(text(f"CREATE INDEX ix_events_fts ON events USING gin ({PG_EVENT_TSV})"))
        if has_documents:
            connection.execute(
                text(f"CREATE INDEX ix_documents_fts ON documents USING gin ({PG_DOCUMENT_TSV})")
            )
