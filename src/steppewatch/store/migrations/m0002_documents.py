"""Documents, coded items and suggestions (the ingest pipeline's tables)."""

from sqlalchemy import Connection

from steppewatch.store.document_tables import coded_items, documents, suggestions

VERSION = 2
NAME = "documents"


def upgrade(connection: Connection) -> None:
    for table in (documents, coded_items, suggestions):
        table.create(connection)
