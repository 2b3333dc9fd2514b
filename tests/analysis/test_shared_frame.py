"""The analysis frame holds the loaded values with equal ones shared (one object per distinct
kind, date, country list, topic list...), and the shortcuts built on it give what the plain
pandas steps give: topic rows as ``explode``, periods as labels, the index and its
sensitivity counted once, the alternatives as copies that leave the frame as coded alone."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from steppewatch.analysis.activity_tables import ACTIVITY_TABLES, ActivityTable, activity_table
from steppewatch.analysis.concerns import topic_rows
from steppewatch.analysis.engagement import (
    engagement_index,
    index_sensitivity,
    index_with_sensitivity,
)
from steppewatch.analysis.frame import analysis_frame, assign_periods, meetings
from steppewatch.analysis.sensitivity import (
    sco_members_as_participants,
    sideline_meetings,
    sidelines_as_multilateral,
)
from steppewatch.report import DEFAULT_STATUSES
from steppewatch.report.build import _load_frame
from steppewatch.report.limits import members_at_from
from steppewatch.store import EventFilter, open_store
from steppewatch.store.importing import load_bundled_dataset
from steppewatch.study import load_study
from tests.analysis.fixture_events import fixture_store

SHARED = ("kind", "date_start", "framework", "level", "review_status", "countries", "topics")


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> pd.DataFrame:
    store = fixture_store(tmp_path_factory.mktemp("shared") / "t.db")
    return _load_frame(store, EventFilter(statuses=DEFAULT_STATUSES))


def _plain(values: pd.Series) -> list[object]:
    return [None if isinstance(v, float) and math.isnan(v) else v for v in values]


def test_same_values_one_object_per_distinct_value(loaded: pd.DataFrame) -> None:
    analysed = analysis_frame(loaded)
    assert analysed.index.equals(loaded.index)
    for column in SHARED:
        assert analysed[column].dtype == object, column
        assert _plain(analysed[column]) == _plain(loaded[column]), column
        present = [v for v in analysed[column] if v is not None and v == v]
        assert len({id(v) for v in present}) == len(set(present)), column
    # the loaded frame has a new object per row; the analysis frame one per value
    kinds = [v for v in loaded["kind"]]
    assert len({id(v) for v in kinds}) > len(set(kinds))
    attributes = analysed["attributes"].tolist()
    assert attributes == loaded["attributes"].tolist()
    empty = [a for a in attributes if a == {}]
    assert empty and len({id(a) for a in empty}) == 1
    assert analysed["n_topics"].tolist() == [len(t) for t in loaded["topics"]]


def _exploded(frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    slim = frame[["id", *keys]].copy()
    slim["topic"] = frame["topics"].to_numpy()
    slim = slim.explode("topic")
    return slim[slim["topic"].notna() & (slim["topic"] != "")]


def test_topic_rows_are_the_exploded_rows(loaded: pd.DataFrame) -> None:
    analysed = analysis_frame(loaded)
    m = meetings(analysed)
    assert len(_exploded(m, ["year"])) > len(m) // 2
    for frame in (m, m.iloc[::3], loaded, analysed[analysed["year"] >= 2015]):
        pd.testing.assert_frame_equal(topic_rows(frame, ["year"]), _exploded(frame, ["year"]))
    # a frame without the analysis frame's key, with a missing list and an empty one
    odd = loaded[["id", "year", "topics"]].head(6).copy()
    lists = np.empty(6, dtype=object)
    lists[:] = [
        ("terrorism", "separatism"),
        None,
        (),
        ("border_security",),
        ("",),
        ("afghanistan",),
    ]
    odd["topics"] = lists
    pd.testing.assert_frame_equal(topic_rows(odd, ["year"]), _exploded(odd, ["year"]))
    assert topic_rows(odd, ["year"])["topic"].tolist() == [
        "terrorism", "separatism", "border_security", "afghanistan"
    ]  # fmt: skip


def test_periods_as_codes_are_the_labels(loaded: pd.DataFrame) -> None:
    from steppewatch.analysis.frame import periods_from_study

    periods = periods_from_study(load_study())
    got = assign_periods(loaded, periods)["period"]
    want = []
    for year in loaded["year"]:
        inside = [p.label for p in periods if p.contains(int(year))]
        want.append(inside[0] if inside else None)
    assert _plain(got.astype(object)) == want
    assert list(got.cat.categories) == [p.label for p in periods]


def test_index_and_sensitivity_counted_once_equal_the_two_calls(loaded: pd.DataFrame) -> None:
    partners = list(load_study().partner_states)
    index, sens = index_with_sensitivity(loaded, partners)
    pd.testing.assert_frame_equal(index, engagement_index(loaded, partners))
    pd.testing.assert_frame_equal(sens, index_sensitivity(loaded, partners))
    assert index["index"].sum() > 0 and len(sens) > 0


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> pd.DataFrame:
    """The bundled dataset (it has meetings on an SCO summit's sidelines)."""
    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('bundled') / 'b.db'}")
    load_bundled_dataset(store, load_study())
    return _load_frame(store, EventFilter(statuses=DEFAULT_STATUSES))


def test_alternatives_leave_the_frame_as_coded_alone(bundled: pd.DataFrame) -> None:
    analysed = analysis_frame(bundled)
    frameworks, countries = analysed["framework"].tolist(), analysed["countries"].tolist()
    labels = sideline_meetings(bundled)
    assert len(labels) > 0
    sidelines = sidelines_as_multilateral(analysed, labels)
    members = sco_members_as_participants(analysed, members_at_from(load_study()))
    assert analysed["framework"].tolist() == frameworks
    assert analysed["countries"].tolist() == countries
    changed = sidelines["framework"].to_numpy() != analysed["framework"].to_numpy()
    assert set(sidelines.index[changed]) == set(labels) - set(
        analysed.index[analysed["framework"] == "SCO"]
    )
    assert (sidelines.loc[labels, "framework"] == "SCO").all()
    widened = members["countries"].to_numpy() != analysed["countries"].to_numpy()
    sco = (analysed["kind"] == "meeting") & (analysed["framework"] == "SCO")
    assert widened.any() and not widened[~sco.to_numpy()].any()


def test_an_analysis_frame_is_its_own(loaded: pd.DataFrame) -> None:
    analysed = analysis_frame(loaded)
    assert analysed is not loaded
    assert analysis_frame(analysed) is analysed
    assert analysis_frame(loaded) is analysed
    # a column added to it: made again (its keys may no longer hold)
    grown = analysed.copy(deep=False)
    grown["extra"] = 1
    assert analysis_frame(grown) is not grown


def test_an_analysis_frame_is_freed_with_its_last_reference(loaded: pd.DataFrame) -> None:
    import gc
    import weakref

    copy = loaded.copy(deep=False)
    analysed = analysis_frame(copy)
    assert analysis_frame(analysed) is analysed
    gone = weakref.ref(analysed)
    del copy, analysed
    gc.collect()
    assert gone() is None


@pytest.mark.parametrize("table", ACTIVITY_TABLES, ids=lambda t: t.kind)
def test_compact_activity_table_has_the_same_cells_and_csv(
    loaded: pd.DataFrame, table: ActivityTable
) -> None:
    analysed = analysis_frame(loaded)
    plain = activity_table(analysed, table)
    compact = activity_table(analysed, table, compact=True)
    assert list(compact.columns) == list(plain.columns)
    for column in compact.columns:
        assert compact[column].dtype == object or isinstance(
            compact[column].dtype, pd.CategoricalDtype
        ), column
        assert compact[column].tolist() == plain[column].tolist(), column
    assert compact.to_csv(index=False) == plain.to_csv(index=False)


def test_compact_activity_table_keeps_chinese_and_russian_cells(loaded: pd.DataFrame) -> None:
    analysed = analysis_frame(loaded)
    tables = {t.kind: t for t in ACTIVITY_TABLES}
    transfers = activity_table(analysed, tables["equipment_transfer"], compact=True)
    row = transfers[transfers["id"] == "2018-05-equipment_transfer-cn-tj-1"].iloc[0]
    assert row["title"] == "Китай передал Таджикистану патрульные машины"
    assert (row["item"], row["quantity"], row["date"]) == ("patrol vehicles", "50", "2018-05")
    training = activity_table(analysed, tables["training_education"], compact=True)
    assert "军事院校培训" in set(training["program"])
    assert "军事院校培训" in training.to_csv(index=False)
    # the id cells are the frame's own strings (pointers), not copies
    ids = {id(i) for i in analysed["id"]}
    assert all(id(i) in ids for i in transfers["id"])


def test_loaded_ids_numbered_by_row_as_factorize_numbers_them(loaded: pd.DataFrame) -> None:
    from steppewatch.analysis.frame import by_partner, source_total

    # the report's loaded frame is noted as holding each id once: its id codes are the row
    # numbers, which are what factorizing the ids gives
    analysed = analysis_frame(loaded)
    expected = pd.factorize(loaded["id"].to_numpy())[0]
    assert analysed["id_key"].tolist() == expected.tolist() == list(range(len(loaded)))
    # a copy not so noted is numbered by factorizing (the same numbers here)
    again = analysis_frame(loaded.copy(deep=False))
    assert again["id_key"].tolist() == expected.tolist()
    # the sources counted once per event: on rows (rising codes) and on partner rows (an
    # event repeated once per partner state: codes not rising, counted by first rows)
    assert source_total(analysed) == int(loaded["n_sources"].sum())
    rows = by_partner(analysed, ["KZ", "KG", "TJ", "UZ", "TM"], ["id", "id_key", "n_sources"])
    assert rows["id"].duplicated().any()
    first = ~rows["id"].duplicated().to_numpy()
    assert source_total(rows) == int(rows["n_sources"][first].sum())
    assert source_total(rows) < int(rows["n_sources"].sum())


def test_ids_not_known_distinct_are_hashed() -> None:
    from steppewatch.analysis.frame import ids_distinct, source_total

    twice = pd.DataFrame(
        {
            "id": ["2019-06-14-meeting-cn-kz-1", "2019-06-14-meeting-cn-kz-1", "2020-01-02-x"],
            "kind": ["meeting", "meeting", "exercise"],
            "year": [2019, 2019, 2020],
            "countries": [("CN", "KZ"), ("CN", "KZ"), ("CN", "TJ")],
            "n_sources": [2, 2, 5],
        }
    )
    analysed = analysis_frame(twice)
    assert analysed["id_key"].tolist() == [0, 0, 1]
    assert source_total(analysed) == 7
    # noted for a frame, then changed: forgotten
    noted = ids_distinct(twice.copy())
    noted["extra"] = 1
    assert analysis_frame(noted)["id_key"].tolist() == [0, 0, 1]


def _as_shared(values: list[object], codes: list[int], objects: list[object]) -> tuple:
    from steppewatch.analysis.frame import _shared, _shared_by_codes

    array = np.empty(len(values), dtype=object)
    array[:] = values
    entries = np.empty(len(objects), dtype=object)
    entries[:] = objects
    by_codes = _shared_by_codes(array, np.asarray(codes, dtype=np.uint8), entries)
    assert by_codes is not None
    return by_codes, _shared(array)


def test_shared_by_the_readers_codes_is_factorize() -> None:
    # text with a missing value, first seen in another order than the reader's entries
    kinds = ["совещание", "会晤", None, "учения"]
    codes = [1, 1, 2, 0, 1, 3, 0, 2]
    (out, got, uniques), (want_out, want, want_uniques) = _as_shared(
        [kinds[c] for c in codes], codes, kinds
    )
    assert got.tolist() == want.tolist() == [0, 0, -1, 1, 0, 2, 1, -1]
    assert uniques.tolist() == want_uniques.tolist() == ["会晤", "совещание", "учения"]
    assert _plain(pd.Series(out)) == _plain(pd.Series(want_out))
    # country lists: "" and NULL both read as the empty list, two entries of one value
    lists = [("KZ",), (), ("KG", "TJ"), (), ("KZ",)]
    codes = [3, 2, 0, 1, 4, 3, 2]
    (out, got, uniques), (want_out, want, want_uniques) = _as_shared(
        [lists[c] for c in codes], codes, lists
    )
    assert got.tolist() == want.tolist() == [0, 1, 2, 0, 2, 0, 1]
    assert uniques.tolist() == want_uniques.tolist() == [(), ("KG", "TJ"), ("KZ",)]
    assert out.tolist() == want_out.tolist()
    assert len({id(v) for v in out}) == 3  # equal lists one object, as factorize makes them


def test_shared_by_codes_refuses_codes_that_do_not_fit() -> None:
    from steppewatch.analysis.frame import _shared_by_codes

    values = np.array(["a", "b"], dtype=object)
    entries = np.array(["a", "b"], dtype=object)
    assert _shared_by_codes(values, np.array([0, 2], dtype=np.int64), entries) is None
    assert _shared_by_codes(values, np.array([0], dtype=np.int64), entries) is None
    assert _shared_by_codes(values, np.array([0.0, 1.0]), entries) is None


def test_frame_read_through_arrow_is_analysed_from_the_readers_codes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Parquet export is read through Arrow: the reader notes each shared column's codes,
    and the analysis frame made from them is the one made by hashing every row's value."""
    from steppewatch.analysis import frame as frame_module
    from steppewatch.analysis.frame import NO_CONCERN_NOTE
    from steppewatch.export import export_package
    from steppewatch.store import frames
    from steppewatch.store.parquet_store import ParquetStore
    from tests.analysis.fixture_events import fixture_events

    # one meeting whose sources name no concern (read by the analysis: no_concern)
    events = fixture_events()
    at = next(i for i, e in enumerate(events) if e.kind == "meeting" and not e.topics)
    events[at] = events[at].model_copy(update={"attributes": {"topic_note": NO_CONCERN_NOTE}})
    store = fixture_store(tmp_path / "t.db", events)
    export_package(tmp_path / "export", store=store, formats=("parquet",))
    filters = EventFilter(statuses=DEFAULT_STATUSES)
    parquet = ParquetStore(tmp_path / "export")
    plain_frame = _load_frame(parquet, filters)
    frames._VALUE_CODES.pop(id(plain_frame), None)
    plain = analysis_frame(plain_frame)
    used: list[int] = []
    by_codes = frame_module._shared_by_codes

    def spy(values: np.ndarray, codes: np.ndarray, objects: np.ndarray) -> object:
        used.append(len(values))
        return by_codes(values, codes, objects)

    monkeypatch.setattr(frame_module, "_shared_by_codes", spy)
    attributes_by_codes = frame_module._attributes_by_codes
    monkeypatch.setattr(
        frame_module,
        "_attributes_by_codes",
        lambda codes, objects: used.append(-1) or attributes_by_codes(codes, objects),
    )
    noted = analysis_frame(_load_frame(parquet, filters))
    # every shared column from the codes, and the attributes too
    assert len(used) == len(SHARED) + 1 and used.count(-1) == 1
    assert noted["no_concern"].any() and noted["attributes"].map(bool).any()
    assert list(noted.columns) == list(plain.columns)
    for column in noted.columns:
        a, b = noted[column], plain[column]
        if isinstance(a.dtype, pd.CategoricalDtype):
            assert list(a.cat.categories) == list(b.cat.categories), column
            assert a.cat.codes.tolist() == b.cat.codes.tolist(), column
        else:
            assert _plain(a) == _plain(b), column
    # a frame whose column was replaced after it was read is factorized as before
    replaced = _load_frame(parquet, filters)
    replaced["kind"] = replaced["kind"].to_numpy().copy()
    used.clear()
    again = analysis_frame(replaced)
    assert len(used) == len(SHARED)  # the other shared columns and the attributes
    assert _plain(again["kind"]) == _plain(plain["kind"])
