"""Store behaviour on SQLite and on a real PostgreSQL (see conftest.db_url)."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect, select

from steppewatch.errors import NotFound, StoreError
from steppewatch.store import EventFilter, open_store
from steppewatch.store.tables import schema_migrations
from tests.factories import make_event


def test_open_applies_migrations_once(db_url: str) -> None:
    store = open_store(db_url)
    with store.engine.connect() as conn:
        versions = list(conn.execute(select(schema_migrations.c.version)).scalars())
        assert 1 in versions
        assert inspect(conn).has_table("events")
    assert store.pending_migrations() == []
    again = open_store(db_url)  # second open: nothing pending, nothing re-applied
    with again.engine.connect() as conn:
        assert sorted(conn.execute(select(schema_migrations.c.version)).scalars()) == sorted(
            versions
        )


def test_add_events_is_idempotent_and_detects_changes(db_url: str) -> None:
    store = open_store(db_url)
    batch = [make_event(1), make_event(2)]
    first = store.add_events(batch)
    assert (first.new, first.updated, first.unchanged) == (2, 0, 0)
    second = store.add_events(batch)
    assert (second.new, second.updated, second.unchanged) == (0, 0, 2)
    changed = make_event(2, topics=["terrorism", "drug_trafficking"])
    third = store.add_events([changed])
    assert (third.new, third.updated) == (0, 1)
    stored = store.get_event(changed.id)
    assert stored.topics == ["terrorism", "drug_trafficking"]
    assert store.count_events(EventFilter(topics=("separatism",))) == 1
    assert store.count_events(EventFilter(topics=("drug_trafficking",))) == 1
    assert store.count_sources() == 2


def test_round_trip_keeps_every_field_and_native_script(db_url: str) -> None:
    store = open_store(db_url)
    event = make_event(
        7,
        title="Встреча министров обороны КНР и Таджикистана; 中塔防长会谈",
        attributes={
            "exercise_name": "Сотрудничество-2019",
            "troops_total": 500,
            "nested": {"a": [1, 2]},
        },
        date_end="2019-06-14",
    )
    store.add_events([event])
    loaded = store.get_event(event.id)
    assert loaded.model_dump() == event.model_dump()


def test_reviewed_events_are_not_overwritten(db_url: str) -> None:
    store = open_store(db_url)
    store.add_events([make_event(1, review_status="accepted")])
    counts = store.add_events([make_event(1, review_status="machine", topics=["corruption"])])
    assert counts.skipped_reviewed == ["2019-06-13-meeting-cn-kg-1"]
    assert store.get_event("2019-06-13-meeting-cn-kg-1").topics == ["terrorism", "separatism"]
    forced = store.add_events([make_event(1, topics=["corruption"])], replace_reviewed=True)
    assert forced.updated == 1


def test_filters_combine_and_within_field_alternatives(db_url: str) -> None:
    store = open_store(db_url)
    store.add_events(
        [
            make_event(1),
            make_event(
                2,
                id="2010-09-10-multilateral_exercise-cn-kz-kg-tj-ru-1",
                kind="multilateral_exercise",
                date_start="2010-09-10",
                countries=["CN", "KZ", "KG", "TJ", "RU"],
                framework="SCO",
                level=None,
                domains=["military"],
                topics=["terrorism"],
                title="Peace Mission 2010",
            ),
            make_event(
                3,
                id="2016-10-20-bilateral_exercise-cn-tj-1",
                kind="bilateral_exercise",
                date_start="2016-10-20",
                countries=["CN", "TJ"],
                level=None,
                domains=["military"],
                topics=["terrorism"],
                title="Joint counter-terrorism exercise in Ishkashim",
            ),
        ]
    )
    assert store.count_events(EventFilter(countries=("TJ",))) == 2
    assert store.count_events(EventFilter(countries=("TJ",), kinds=("bilateral_exercise",))) == 1
    assert store.count_events(EventFilter(countries=("KG", "TJ"))) == 3
    assert store.count_events(EventFilter(since=2011, until=2018)) == 1
    assert store.count_events(EventFilter(frameworks=("SCO",))) == 1
    assert store.count_events(EventFilter(text="peace mission")) == 1
    assert store.count_events(EventFilter(text="Ishkashim exercise")) == 1
    assert store.count_events(EventFilter(text="100%_")) == 0  # LIKE wildcards are escaped
    assert store.count_events(EventFilter(levels=("head_of_state",))) == 1
    assert store.facet_counts("country")["TJ"] == 2
    assert store.facet_counts("decade") == {"2010": 3}
    ordered = [e.id for e in store.list_events(order="-date")]
    assert ordered[0] == "2019-06-13-meeting-cn-kg-1"


def test_events_frame_columns(db_url: str) -> None:
    store = open_store(db_url)
    store.add_events(
        [make_event(1), make_event(2, date_start="2019-06", id="2019-06-meeting-cn-kg-2")]
    )
    frame = store.events_frame()
    assert list(frame["id"]) == ["2019-06-meeting-cn-kg-2", "2019-06-13-meeting-cn-kg-1"]
    row = frame.iloc[1]
    assert row["countries"] == ("CN", "KG") and row["topics"] == ("terrorism", "separatism")
    assert row["year"] == 2019 and row["precision"] == "day" and row["n_sources"] == 1
    assert frame.iloc[0]["precision"] == "month"
    codes = store.codes_frame(EventFilter(topics=("separatism",)))
    assert set(codes["facet"]) == {"country", "topic", "domain"}


def test_missing_event_and_bad_urls(db_url: str, tmp_path) -> None:
    store = open_store(db_url)
    with pytest.raises(NotFound, match=r"\[SW304\] no event with id 'nope'"):
        store.get_event("nope")
    with pytest.raises(StoreError, match="SW303"):
        open_store(str(tmp_path / "no" / "such" / "folder" / "x.db"))
    with pytest.raises(StoreError, match="SW302"):
        open_store("mysql://x@y/z")
