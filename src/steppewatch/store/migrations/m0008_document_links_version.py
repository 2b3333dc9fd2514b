"""Linking a document's item to an event (or unlinking it) bumps ``data_version`` (migration 6).

The explorer keeps in memory which event each searchable document is linked to
(``store.query.event_index``), and trusts it only while ``data_version`` is the one it read it at. Until
now only writes to ``events`` bumped the counter; a link changed without touching the event
(ingest adding a second item of a document to an event whose row is unchanged, or a review
tool relinking items) would have left that map out of date.
"""

from __future__ import annotations

from sqlalchemy import Connection, inspect

VERSION = 8
NAME = "document_links_version"

_BUMP = "UPDATE data_version SET version = version + 1 WHERE id = 1"


def upgrade(connection: Connection) -> None:
    run = connection.exec_driver_sql
    tables = set(inspect(connection).get_table_names())
    if "coded_items" not in tables or "data_version" not in tables:
        return
    if connection.dialect.name == "sqlite":
        for action in ("INSERT", "UPDATE OF event_id", "DELETE"):
            name = action.split()[0].lower()
            run(
                f"CREATE TRIGGER data_version_coded_items_{name} AFTER {action} ON coded_items "
                f"BEGIN {_BUMP}; END"
            )
    elif connection.dialect.name == "postgresql":
        run(
            "CREATE TRIGGER data_version_coded_items AFTER INSERT OR UPDATE OF event_id OR DELETE "
            "ON coded_items FOR EACH STATEMENT EXECUTE FUNCTION steppewatch_bump_data_version()"
        )
