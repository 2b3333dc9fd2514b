from __future__ import annotations

import math

import pandas as pd
import pytest

from steppewatch.analysis import (
    activity_mix,
    exercise_series,
    exercises_table,
    format_mix,
    meeting_volume,
    meetings_per_year_by_country,
    multilateral_vs_bilateral,
    parse_count,
)
from steppewatch.analysis.frame import Period


def test_meeting_volume_by_year_country_level(frame: pd.DataFrame, partners: list[str]) -> None:
    vol = meeting_volume(frame, partners)
    kz = vol[vol["country"] == "KZ"]
    assert int(kz["count"].sum()) == 5
    row = vol[(vol["year"] == 2019) & (vol["country"] == "KZ")].set_index("level")["count"]
    assert row.to_dict() == {"foreign_minister": 1, "head_of_state": 1}


def test_meetings_per_year_fills_empty_years(frame: pd.DataFrame, partners: list[str]) -> None:
    per = meetings_per_year_by_country(frame, partners)
    assert per["year"].min() == 1996 and per["year"].max() == 2019
    assert len(per) == (2019 - 1996 + 1) * len(partners)
    assert per[(per["year"] == 2005)]["count"].sum() == 0
    assert per.groupby("country")["count"].sum().to_dict() == {
        "KG": 4, "KZ": 5, "TJ": 4, "TM": 0, "UZ": 3,
    }  # fmt: skip


def test_format_mix_by_period(frame: pd.DataFrame, periods: list[Period]) -> None:
    mix = format_mix(frame, periods)
    p1 = mix[mix["period"] == "1992-2000"].set_index("framework")
    assert p1["count"].to_dict() == {"bilateral": 4, "other_multilateral": 1}
    assert p1.loc["bilateral", "share"] == pytest.approx(0.8)


def test_activity_mix_counts_each_partner(frame: pd.DataFrame, partners: list[str]) -> None:
    mix = activity_mix(frame, partners).set_index(["country", "kind"])["count"]
    assert mix[("KG", "meeting")] == 4
    assert mix[("KG", "multilateral_exercise")] == 3
    assert mix[("TJ", "equipment_transfer")] == 1
    assert "TM" not in mix.index.get_level_values(0)  # nothing involves Turkmenistan


def test_multilateral_vs_bilateral(frame: pd.DataFrame) -> None:
    t = multilateral_vs_bilateral(frame).set_index(["framework_group", "kind"])["count"]
    assert t[("multilateral", "meeting")] == 2  # Shanghai Five 1996 and SCO 2016
    assert t[("bilateral", "meeting")] == 9
    assert t[("multilateral", "multilateral_exercise")] == 3
    assert t[("unilateral", "private_security")] == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (1300, 1300.0),
        ("128,000", 128000.0),
        ("450-500", 450.0),
        ("about 100", 100.0),
        ("3,400 (RU MoD) to 5,500 (TASS)", 3400.0),
        ("约 1,000 人", 1000.0),
        ("около 500 военнослужащих", 500.0),
        ("one PLA company", math.nan),
        (None, math.nan),
    ],
)
def test_parse_count(text: object, expected: float) -> None:
    got = parse_count(text)
    assert (math.isnan(got) and math.isnan(expected)) or got == expected


def test_exercises_table(frame: pd.DataFrame) -> None:
    table = exercises_table(frame).set_index("id")
    assert len(table) == 5
    center = table.loc["2019-09-multilateral_exercise-cn-kz-kg-tj-uz-ru-in-pk-1"]
    assert center["name"] == "Center-2019"
    assert center["troops_total_n"] == 128000 and center["troops_total"] == "128,000"
    assert center["participants"] == "CN;KZ;KG;TJ;UZ;RU;IN;PK"
    unnamed = table.loc["2016-10-bilateral_exercise-cn-tj-1"]
    assert unnamed["name"] == "中塔联合反恐演习"  # falls back to the title
    assert unnamed["troops_cn"] == "one PLA company" and math.isnan(unnamed["troops_cn_n"])
    assert list(table["year"]) == sorted(table["year"])


def test_exercise_series(frame: pd.DataFrame) -> None:
    series = exercise_series(exercises_table(frame)).set_index(["year", "series"])
    assert series.loc[(2019, "bilateral"), "count"] == 1
    assert math.isnan(series.loc[(2019, "bilateral"), "max_troops"])
    assert series.loc[(2007, "SCO"), "max_troops"] == 6500


def test_activity_mix_counted_from_codes_is_the_grouped_rows(
    frame: pd.DataFrame, periods: list[Period], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Counted from (event, partner) codes without making the rows: the table grouping the
    rows gives (keys sorted by value, not in the partners' order; same dtypes), by period or
    not, on the events frame and on its analysis frame."""
    from steppewatch.analysis import activity
    from steppewatch.analysis.frame import analysis_frame

    cases = [
        (f, partners, per)
        for f in (frame, analysis_frame(frame))
        for partners in (["KZ", "KG", "TJ", "UZ", "TM"], ["TJ", "KZ"])
        for per in (None, periods)
    ]
    from_codes = [activity.activity_mix(f, p, per) for f, p, per in cases]
    assert activity._kind_counts(frame, ["TJ", "KZ"], None) is not None
    monkeypatch.setattr(activity, "_kind_counts", lambda *_a: None)
    for table, (f, p, per) in zip(from_codes, cases, strict=True):
        pd.testing.assert_frame_equal(table, activity.activity_mix(f, p, per))
    assert list(from_codes[2]["country"].unique()) == ["KZ", "TJ"]


def test_meeting_volume_counted_from_codes_is_the_grouped_rows(
    frame: pd.DataFrame, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Meetings by year, country and level counted from codes (an empty level as unknown):
    the table grouping the (meeting, partner) rows gives."""
    from steppewatch.analysis import activity
    from steppewatch.analysis.frame import analysis_frame

    blank = frame.copy()
    blank.loc[blank.index[blank["kind"] == "meeting"][:2], "level"] = ["", None]
    cases = [(f, p) for f in (blank, analysis_frame(blank)) for p in (["KZ", "KG"], ["TJ", "KZ"])]
    from_codes = [activity.meeting_volume(f, p) for f, p in cases]
    assert activity._level_counts(blank[blank["kind"] == "meeting"], ["KZ"]) is not None
    # the keys counted by sorting them (years far apart) give the same tables
    monkeypatch.setattr(activity, "_COUNTED_KEYS", -(10**9))
    for table, (f, p) in zip(from_codes, cases, strict=True):
        pd.testing.assert_frame_equal(table, activity._meeting_volume(f, p))
    monkeypatch.setattr(activity, "_level_counts", lambda *_a: None)
    for table, (f, p) in zip(from_codes, cases, strict=True):
        # (not meeting_volume: it gives the table made once per frame and partners)
        pd.testing.assert_frame_equal(table, activity._meeting_volume(f, p))
    assert "unknown" in set(from_codes[0]["level"])


def test_meeting_volume_made_once_per_frame_and_partners_each_caller_a_copy(
    frame: pd.DataFrame,
) -> None:
    from steppewatch.analysis import activity

    first = activity.meeting_volume(frame, ["KZ", "KG"])
    first.loc[:, "count"] = 0  # a caller changing its table
    again = activity.meeting_volume(frame, ["KZ", "KG"])
    pd.testing.assert_frame_equal(again, activity._meeting_volume(frame, ["KZ", "KG"]))
    assert int(again["count"].sum()) > 0
    other = activity.meeting_volume(frame, ["TJ"])
    pd.testing.assert_frame_equal(other, activity._meeting_volume(frame, ["TJ"]))


def test_exercises_table_of_shared_values_is_the_table_of_separate_ones(
    frame: pd.DataFrame,
) -> None:
    """The fields are read once per distinct attributes and country-list object: a frame
    whose equal values are one object (the analysis frame's) and one where every row holds
    its own copy give the same table."""
    import copy

    from steppewatch.analysis.exercises import EXERCISE_KINDS
    from steppewatch.analysis.frame import analysis_frame

    ex = frame[frame["kind"].isin(EXERCISE_KINDS)]
    # the same values again as copies, and one attributes object shared by two rows
    doubled = pd.concat([frame, ex.assign(id=ex["id"] + "~2")], ignore_index=True)
    separate = doubled.copy()
    separate["attributes"] = [copy.deepcopy(a) for a in doubled["attributes"]]
    separate["countries"] = [tuple(c) for c in doubled["countries"]]
    shared = analysis_frame(doubled)
    table = exercises_table(shared)
    assert len(table) == 2 * len(ex) and table["troops_total_n"].notna().any()
    assert "中塔联合反恐演习" in set(table["name"])  # a title where no name is coded
    pd.testing.assert_frame_equal(table, exercises_table(separate))


def test_activity_rows_newest_first_as_sorted() -> None:
    import numpy as np

    from steppewatch.analysis.activity_tables import _newest_first

    dates = np.array(["2001-01-02", "2001-01-02", "2003", "2003", "2003-05"], dtype=object)
    ids = np.array(["a", "b", "a", "a", "c"], dtype=object)
    rows = pd.DataFrame({"date": dates, "id": ids, "n": range(5)})
    want = rows.sort_values(["date", "id"], ascending=[False, True], kind="stable")
    assert list(_newest_first(dates, ids)) == list(want.index)
    # not in (date, id) order, or not all text: None (the rows are sorted instead)
    assert _newest_first(dates[::-1].copy(), ids[::-1].copy()) is None
    assert _newest_first(np.array(["2001", None], dtype=object), ids[:2]) is None
    assert list(_newest_first(dates[:1], ids[:1])) == [0]
