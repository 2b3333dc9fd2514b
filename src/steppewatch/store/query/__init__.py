"""The event query engine behind ``Store.query_events``: page planning, full-text search,
counts and facets, the in-memory profiles and event index (moved here from ``steppewatch.web``,
which now reaches it only through ``steppewatch.store``'s public names)."""
