"""The slim, object-text events frame the report loads holds the same values as the default."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from steppewatch.analysis.frame import ANALYSIS_COLUMNS
from steppewatch.store import EventFilter
from steppewatch.store.frames import FRAME_COLUMNS, events_frame
from tests.analysis.fixture_events import fixture_store


@pytest.mark.parametrize(
    "filters",
    [EventFilter(), EventFilter(countries=("KG",), since=2016), EventFilter(since=2040)],
)
def test_slim_frame_matches_default(tmp_path: Path, filters: EventFilter) -> None:
    store = fixture_store(tmp_path / "t.db")
    full = events_frame(store, filters)
    slim = events_frame(store, filters, columns=ANALYSIS_COLUMNS, object_text=True)
    assert list(full.columns) == FRAME_COLUMNS
    assert list(slim.columns) == [c for c in FRAME_COLUMNS if c in ANALYSIS_COLUMNS]
    for column in slim.columns:  # missing values: None in one, NaN in the other
        assert _norm(slim[column]) == _norm(full[column]), column
    assert all(slim[c].dtype == object for c in ("id", "kind", "title", "framework"))
    # ordered by date (year-only dates first within their year), then id
    years = full["year"].tolist()
    assert years == sorted(years)


def _norm(values: pd.Series) -> list[object]:
    return [None if not isinstance(v, tuple | dict) and pd.isna(v) else v for v in values]


def test_unknown_column_is_refused(tmp_path: Path) -> None:
    store = fixture_store(tmp_path / "t.db")
    with pytest.raises(ValueError, match="summary"):
        events_frame(store, columns=("id", "summary"))
