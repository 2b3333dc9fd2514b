"""Migration 7: every ``event_codes`` row carries its event's ``date_sort`` (filled by the
writers, copied by a trigger when only the date changes, backfilled on older databases)."""

from __future__ import annotations

from sqlalchemy import select, text, update

from steppewatch.ingest.writer import write_batch
from steppewatch.store import open_store
from steppewatch.store.tables import event_codes, events
from tests.factories import make_event


def _code_dates(store, event_id: str) -> set[str | None]:  # type: ignore[no-untyped-def]
    with store.engine.connect() as conn:
        query = select(event_codes.c.date_sort).where(event_codes.c.event_id == event_id)
        return set(conn.execute(query).scalars())


def test_writers_and_date_changes_keep_code_dates(db_url: str) -> None:
    store = open_store(db_url)
    kg = make_event(1, review_status="machine")
    tj = make_event(2, date_start="2016-08", countries=["CN", "TJ"], title="中塔联合反恐演习")
    store.add_events([kg, tj])
    assert _code_dates(store, kg.id) == {"2019-06-13"}
    assert _code_dates(store, tj.id) == {"2016-08-00"}  # a month: day 00, as events.date_sort

    # ingest's partial update writes the new date and not the codes: the trigger copies it
    with store.engine.begin() as conn:
        moved = kg.model_copy(update={"date_start": "2019-06-14"})
        write_batch(
            conn, document_rows=[], item_rows=[], suggestion_rows=[], changed_events={kg.id: moved}
        )
    assert _code_dates(store, kg.id) == {"2019-06-14"}
    # any other writer of events.date_sort (here plain SQL) too
    with store.engine.begin() as conn:
        conn.execute(update(events).where(events.c.id == tj.id).values(date_sort="2016-09-01"))
    assert _code_dates(store, tj.id) == {"2016-09-01"}
    # a full rewrite (Store.add_events of a changed event) writes the codes with the date
    store.add_events([tj.model_copy(update={"date_start": "2017-05-20", "topics": ["extremism"]})])
    assert _code_dates(store, tj.id) == {"2017-05-20"}


def test_migration_fills_an_older_database(sqlite_url: str) -> None:
    """A database from before migration 7 (no column, no index, no trigger) gets all three, and
    every existing code row its event's date."""
    store = open_store(sqlite_url)
    store.add_events([make_event(n, date_start=f"20{10 + n}-0{n}-1{n}") for n in range(1, 6)])
    with store.engine.begin() as conn:
        for sql in (
            "DROP TRIGGER event_codes_date",
            "DROP INDEX ix_event_codes_code_date",
            "ALTER TABLE event_codes DROP COLUMN date_sort",
            "DELETE FROM schema_migrations WHERE version = 7",
        ):
            conn.exec_driver_sql(sql)
    store.close()
    store = open_store(sqlite_url)  # applies migration 7 again
    with store.engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT c.date_sort, e.date_sort FROM event_codes c JOIN events e ON e.id = c.event_id"
            )
        ).all()
        plan = conn.exec_driver_sql(
            "EXPLAIN QUERY PLAN SELECT event_id FROM event_codes WHERE facet = 'topic' "
            "AND code = 'terrorism' ORDER BY date_sort DESC"
        ).all()
    assert rows and all(code_date == event_date for code_date, event_date in rows)
    assert "ix_event_codes_code_date" in " ".join(str(r[-1]) for r in plan)
    assert _code_dates(store, make_event(3).id) == {"2013-03-13"}
