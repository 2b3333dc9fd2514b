"""Core tables: events, their codes and sources, and a key-value meta table."""

from sqlalchemy import Connection

from steppewatch.store.tables import event_codes, events, meta, sources

VERSION = 1
NAME = "core"


def upgrade(connection: Connection) -> None:
    for table in (meta, events, event_codes, sources):
        table.create(connection)
