"""The store: SQLite by default, PostgreSQL for a team, one code path, tracked migrations."""

from steppewatch.store.database import DEFAULT_DB, ENV_VAR, resolve_url
from steppewatch.store.event_writes import AuditNote
from steppewatch.store.filters import EventFilter
from steppewatch.store.query import search_terms
from steppewatch.store.query.engine import EventPage, QueryEngine, SearchTimeout
from steppewatch.store.query.settings import QuerySettings
from steppewatch.store.records import event_confidence
from steppewatch.store.store import ORDERS, Store, WriteCounts, open_store

SEARCH_SYNTAX_HELP = search_terms.SYNTAX_HELP
SORT_ORDERS = tuple(ORDERS)

__all__ = [
    "AuditNote",
    "DEFAULT_DB",
    "ENV_VAR",
    "EventFilter",
    "EventPage",
    "QueryEngine",
    "QuerySettings",
    "SEARCH_SYNTAX_HELP",
    "SORT_ORDERS",
    "SearchTimeout",
    "Store",
    "WriteCounts",
    "event_confidence",
    "open_store",
    "resolve_url",
]
