"""The store: SQLite by default, PostgreSQL for a team, one code path, tracked migrations."""

from steppewatch.store.database import DEFAULT_DB, ENV_VAR, resolve_url
from steppewatch.store.event_writes import AuditNote
from steppewatch.store.filters import EventFilter
from steppewatch.store.store import Store, WriteCounts, open_store

__all__ = [
    "AuditNote",
    "DEFAULT_DB",
    "ENV_VAR",
    "EventFilter",
    "Store",
    "WriteCounts",
    "open_store",
    "resolve_url",
]
