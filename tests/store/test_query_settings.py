"""``QuerySettings``: the query engine's limits are named, documented settings, passed to
``open_store`` and obeyed by ``Store.query_events``."""

from __future__ import annotations

import ast
import dataclasses
import inspect

from steppewatch.store import EventFilter, QuerySettings, open_store
from steppewatch.store.query import settings as settings_module
from tests.web.test_dated_search import dated_store


def test_every_setting_has_a_docstring() -> None:
    tree = ast.parse(inspect.getsource(settings_module))
    cls = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "QuerySettings")
    documented = set()
    for field, after in zip(cls.body, cls.body[1:], strict=False):
        if (
            isinstance(field, ast.AnnAssign)
            and isinstance(field.target, ast.Name)
            and isinstance(after, ast.Expr)
            and isinstance(after.value, ast.Constant)
            and isinstance(after.value.value, str)
            and len(after.value.value.split()) >= 5
        ):
            documented.add(field.target.id)
    names = {f.name for f in dataclasses.fields(QuerySettings)}
    assert len(names) >= 20 and names == documented, names - documented


def test_defaults_are_the_explorers_former_constants() -> None:
    s = QuerySettings()
    assert (s.count_cap, s.search_limit_ms, s.list_limit_ms, s.dated_first_ms) == (
        10_000,
        5_000,
        10_000,
        300,
    )
    assert (s.search_facet_rows, s.facet_hits, s.walk_max_read, s.walk_min_hits) == (
        20_000,
        20_000,
        30_000,
        20_000,
    )
    assert (s.short_scan_ms, s.page_ttl, s.cache_size, s.count_limit_ms) == (
        1_500,
        30.0,
        1_024,
        100,
    )


def test_settings_given_to_open_store_are_obeyed(tmp_path) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'q.db'}"
    dated_store(url).close()
    exact = open_store(url).query_events(text="безопасность")
    capped_store = open_store(url, query_settings=QuerySettings(count_cap=3, cache_size=0))
    capped = capped_store.query_events(text="безопасность")
    assert exact.total is not None and exact.total > 3
    # more hits than count_cap: no total, no facets, but the same page of events
    assert capped.total is None and all(v is None for v in capped.facets.values())
    assert [e["id"] for e in capped.events] == [e["id"] for e in exact.events]
    assert capped_store.queries.cache.size == 0


def test_pages_are_the_same_when_counts_and_walks_time_out(db_url: str) -> None:
    """Counts past their (1 ms) limits leave the engine guessing how to read the page (on
    PostgreSQL: a brief walk of the date index, then the matches sorted); the page is the same."""
    dated_store(db_url).close()
    filters = EventFilter(statuses=("curated",))
    tight = QuerySettings(count_limit_ms=1, facet_limit_ms=1, dated_first_ms=1, cache_size=0)
    for q, order in [("security", "-date"), ("безопасность", "date"), ("边境安全", "-date")]:
        plain = open_store(db_url).query_events(filters, q, order=order, page=2, page_size=7)
        rushed = open_store(db_url, query_settings=tight).query_events(
            filters, q, order=order, page=2, page_size=7
        )
        assert [e["id"] for e in plain.events], q
        assert [e["id"] for e in rushed.events] == [e["id"] for e in plain.events], q


def test_an_interrupt_landing_in_an_fts_constructor_is_a_time_out() -> None:
    """SQLite reports an interrupt that stops an FTS5 table's constructor as "vtable constructor
    failed" (seen in CI, once in ~20 runs with 1 ms limits); it is a time-out only when an
    interrupt was sent."""
    import sqlite3

    import pytest
    from sqlalchemy.exc import OperationalError

    from steppewatch.store.query.queries import TimedOut, interrupted_as_timed_out

    error = OperationalError(
        "SELECT ...", {}, sqlite3.OperationalError("vtable constructor failed: items_fts")
    )
    with pytest.raises(TimedOut), interrupted_as_timed_out(lambda: True):
        raise error
    with pytest.raises(OperationalError), interrupted_as_timed_out(lambda: False):
        raise error
    with pytest.raises(TimedOut), interrupted_as_timed_out(lambda: False):
        raise OperationalError("SELECT ...", {}, sqlite3.OperationalError("interrupted"))
