"""The report's events frame read through Arrow (store/arrow_reader.py) is the frame the
row-by-row reader gives: same rows, order, values and dtypes, on SQLite and PostgreSQL, on the
bundled dataset and on a synthetic one, with filters in Chinese and Russian text too; and the
data section's source counts read through Arrow are the ones counted in SQL and as read."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pytest

from steppewatch.report import DEFAULT_STATUSES
from steppewatch.report import build as report_build
from steppewatch.report.limits import count_sources
from steppewatch.store import EventFilter, Store, arrow_reader, open_store, source_reader
from steppewatch.store.importing import load_bundled_dataset
from steppewatch.study import load_study
from tests.analysis.fixture_events import fixture_events, fixture_store

REPO = Path(__file__).resolve().parents[2]

FILTERS = [
    EventFilter(statuses=DEFAULT_STATUSES),
    EventFilter(statuses=DEFAULT_STATUSES, countries=("KG", "TJ"), since=2005, until=2019),
    EventFilter(statuses=DEFAULT_STATUSES, kinds=("meeting", "training_education")),
    EventFilter(kinds=("meeting",), topics=("separatism", "terrorism")),
    EventFilter(statuses=DEFAULT_STATUSES, text="SCO"),
    EventFilter(statuses=DEFAULT_STATUSES, text="ministers' meeting"),  # a quote in the text
    EventFilter(statuses=DEFAULT_STATUSES, text="никакого такого события"),  # none match
    EventFilter(statuses=DEFAULT_STATUSES, text="上海 50%_\\"),  # none match
]


@pytest.fixture(autouse=True)
def _arrow_for_small_files(monkeypatch: pytest.MonkeyPatch) -> None:
    """The Arrow route is kept for SQLite files of 20,000 events and more; here for all."""
    monkeypatch.setattr(arrow_reader, "SQLITE_MIN_EVENTS", 0)


def _row_by_row(
    store: Store, filters: EventFilter, monkeypatch: pytest.MonkeyPatch
) -> pd.DataFrame:
    with monkeypatch.context() as m:
        m.setattr(arrow_reader, "report_events_frame", lambda *_a, **_k: None)
        return report_build._read_frame(store, filters)


def _same_frames(store: Store, monkeypatch: pytest.MonkeyPatch) -> int:
    shown = 0
    for filters in FILTERS:
        fast = report_build._read_frame(store, filters)
        slow = _row_by_row(store, filters, monkeypatch)
        pd.testing.assert_frame_equal(fast, slow)
        assert list(fast.dtypes) == list(slow.dtypes), filters
        if len(slow):  # the Arrow route answered (no driver error hidden by the fallback)
            assert arrow_reader.report_events_frame(store, filters, ["id"]) is not None, filters
        shown += len(fast)
    return shown


def test_bundled_frame_is_the_row_by_row_frame(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = open_store(db_url)
    load_bundled_dataset(store, load_study())
    filters = EventFilter(statuses=DEFAULT_STATUSES)
    frame = arrow_reader.report_events_frame(
        store, filters, ["id", "kind", "countries", "n_sources", "attributes"]
    )
    assert frame is not None, "the Arrow route was not taken"
    assert len(frame) == 525
    # a filter's values reach the database as they are (quoted, not broken): the Arrow route
    # answers, it does not fall back
    quoted = EventFilter(statuses=DEFAULT_STATUSES, text="ministers' meeting", since=2005)
    found = arrow_reader.report_events_frame(store, quoted, ["id", "title"])
    assert found is not None and len(found) > 0
    assert len(found) == store.count_events(quoted)
    assert _same_frames(store, monkeypatch) > 525
    # what the report reads from the frame, checked on real rows
    fast = report_build._read_frame(store, filters)
    assert fast["n_sources"].sum() == store.count_sources(filters)
    assert all(isinstance(c, tuple) for c in fast["countries"])
    assert fast["date_end"].isna().any() and fast["date_end"].notna().any()
    notes = fast[[bool(a.get("topic_note")) for a in fast["attributes"]]]
    assert set(notes["kind"]) == {"meeting"}
    store.close()


def test_synthetic_frame_is_the_row_by_row_frame(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sys.path.insert(0, str(REPO / "bench"))
    try:
        from make_synthetic_db import generate
    finally:
        sys.path.remove(str(REPO / "bench"))
    generate(tmp_path / "syn.db", 3_000)
    store = open_store("sqlite:///" + str(tmp_path / "syn.db"))
    assert _same_frames(store, monkeypatch) > 3_000
    store.close()


def test_columns_null_in_the_first_rows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The SQLite driver types a column from its first batch: with one row per batch, a column
    NULL in the first rows (level, location, date_end) must still read as text later."""
    monkeypatch.setattr(arrow_reader, "BATCH_ROWS", 1)
    events = sorted(fixture_events(), key=lambda e: e.level is not None)
    assert events[0].level is None and events[-1].level is not None
    store = fixture_store(tmp_path / "nulls.db", events)
    assert _same_frames(store, monkeypatch) > 0
    frame = report_build._read_frame(store, EventFilter(statuses=DEFAULT_STATUSES))
    assert frame["level"].isna().any() and "head_of_state" in set(frame["level"])


def test_store_still_writes_after_an_arrow_read(tmp_path: Path) -> None:
    """The ADBC driver links its own SQLite, which does not see the locks of Python's SQLite
    in the same process: closing it once removed the WAL files under the store's pooled
    connections, and opening the file again while the store was open was a "disk I/O error"
    (SW366): a command that wrote after the report's read would have hit it."""
    path = tmp_path / "wal.db"
    store = open_store("sqlite:///" + str(path))
    load_bundled_dataset(store, load_study())
    assert store.count_events(EventFilter()) == 525  # a pooled connection is open now
    frame = arrow_reader.report_events_frame(store, EventFilter(), ["id", "title"])
    assert frame is not None and len(frame) == 525
    added = fixture_events()[:1]
    added[0].id = "после-чтения-arrow"
    store.add_events(added)
    again = open_store("sqlite:///" + str(path))  # the first store is still open
    assert again.count_events(EventFilter()) == 526
    assert again.get_event("после-чтения-arrow") is not None
    again.close()
    store.close()


def test_no_route_for_a_database_in_memory() -> None:
    store = open_store("sqlite:///:memory:")
    store.add_events(fixture_events())
    assert arrow_reader.report_events_frame(store, EventFilter(), ["id"]) is None
    assert arrow_reader.source_pairs(store, ["x"], lambda _p: True, 500) is None
    assert len(report_build._read_frame(store, EventFilter(statuses=DEFAULT_STATUSES))) > 0


def test_unknown_column() -> None:
    store = open_store("sqlite:///:memory:")
    with pytest.raises(ValueError, match="unknown frame columns"):
        arrow_reader.report_events_frame(store, EventFilter(), ["id", "no_such"])


def test_source_counts_through_arrow_are_counted_in_sql_and_as_read(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = open_store(db_url)
    load_bundled_dataset(store, load_study())
    study = load_study()
    partners = list(study.partner_states)
    ids = list(report_build._read_frame(store, EventFilter(statuses=DEFAULT_STATUSES))["id"])
    assert arrow_reader.source_pairs(store, ids, lambda _p: True, source_reader.CHUNK)
    through_arrow = count_sources(store, ids, study, partners)
    monkeypatch.setattr(arrow_reader, "source_pairs", lambda *_a, **_k: None)
    in_sql_or_read = count_sources(store, ids, study, partners)
    pd.testing.assert_frame_equal(through_arrow, in_sql_or_read)
    assert through_arrow["sources"].sum() == store.count_sources(
        EventFilter(statuses=DEFAULT_STATUSES)
    )
    store.close()
