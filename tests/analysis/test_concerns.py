from __future__ import annotations

import pandas as pd
import pytest

from steppewatch.analysis import (
    concern_lifespan,
    concern_trends,
    concerns_by_period,
    concerns_by_year,
)
from steppewatch.analysis.frame import Period, assign_periods, by_partner, periods_from_study
from steppewatch.errors import AnalysisError


def _row(table: pd.DataFrame, **where: object) -> pd.Series:
    mask = pd.Series(True, index=table.index)
    for key, value in where.items():
        mask &= table[key].astype(str) == str(value)
    rows = table[mask]
    assert len(rows) == 1, f"expected one row for {where}, got {len(rows)}"
    return rows.iloc[0]


def test_default_periods_come_from_the_study(periods: list[Period]) -> None:
    assert [p.label for p in periods] == [
        "1992-2000", "2001-2008", "2009-2014", "2015-2020", "2021-present",
    ]  # fmt: skip
    assert periods[-1].end is None and periods[-1].contains(2031)


def test_study_without_periods_is_an_analysis_error() -> None:
    class Bare:
        periods: list[object] = []

    with pytest.raises(AnalysisError, match="SW601"):
        periods_from_study(Bare())


def test_assign_periods_leaves_years_outside_every_period_empty(periods: list[Period]) -> None:
    frame = pd.DataFrame({"year": [1991, 1992, 2000, 2001, 2040]})
    got = assign_periods(frame, periods)["period"].astype(object).tolist()
    assert pd.isna(got[0])
    assert got[1:] == ["1992-2000", "1992-2000", "2001-2008", "2021-present"]


def test_by_partner_counts_a_multilateral_event_once_per_partner(frame: pd.DataFrame) -> None:
    rows = by_partner(frame[frame["id"] == "2016-04-meeting-cn-kz-kg-tj-uz-1"], ["KZ", "KG", "TM"])
    assert sorted(rows["country"]) == ["KG", "KZ"]


def test_concerns_by_period_share_uses_meetings_with_concerns(
    frame: pd.DataFrame, periods: list[Period]
) -> None:
    table = concerns_by_period(frame, periods)
    sep = _row(table, period="1992-2000", topic="separatism")
    # 1996, 1997, 1998 meetings coded separatism; 4 meetings with concerns, 5 in all
    assert (sep["count"], sep["n_meetings"], sep["n_meetings_all"]) == (3, 4, 5)
    assert sep["share"] == pytest.approx(0.75)
    ter = _row(table, period="2015-2020", topic="terrorism")
    assert (ter["count"], ter["n_meetings"]) == (5, 6)
    # zero rows are filled in: border demarcation is never coded after 2000
    assert _row(table, period="2015-2020", topic="border_demarcation")["count"] == 0
    # periods without meetings are absent rather than shown as 0%
    assert set(table["period"].astype(str)) == {"1992-2000", "2015-2020"}


def test_concerns_by_period_by_country(frame: pd.DataFrame, periods: list[Period]) -> None:
    table = concerns_by_period(frame, periods, partners=["KZ", "KG", "TJ", "UZ", "TM"])
    kz = _row(table, country="KZ", period="2015-2020", topic="terrorism")
    # KZ 2015-2020 meetings: SCO 2016 (terrorism), 2019-09 (terrorism), 2019-12 (separatism)
    assert (kz["count"], kz["n_meetings"]) == (2, 3)
    uz = _row(table, country="UZ", period="1992-2000", topic="separatism")
    # UZ's only 1990s meeting has no concern coded: base 0, share 0, not a division error
    assert (uz["n_meetings"], uz["n_meetings_all"], uz["share"]) == (0, 1, 0.0)


def test_concerns_by_year(frame: pd.DataFrame) -> None:
    table = concerns_by_year(frame)
    row = _row(table, year=2019, topic="terrorism")
    assert (row["count"], row["n_meetings"]) == (4, 5)
    assert row["share"] == pytest.approx(0.8)


def test_concern_lifespan(frame: pd.DataFrame) -> None:
    table = concern_lifespan(frame).set_index("topic")
    assert table.loc["terrorism", ["first_year", "last_year", "n_meetings"]].tolist() == [
        1998, 2019, 6,
    ]  # fmt: skip
    assert table.loc["investment_security", "first_year"] == 2016
    assert table.loc["border_demarcation", "last_event"] == "1999-08-25-meeting-cn-tj-1"


def test_concern_trends_rising_and_falling(frame: pd.DataFrame, periods: list[Period]) -> None:
    trends = concern_trends(concerns_by_period(frame, periods), min_meetings=4)
    got = trends.set_index("topic")["direction"].to_dict()
    assert got["terrorism"] == "rising"  # 25% -> 83%
    assert got["border_demarcation"] == "falling"  # 50% -> 0%
    assert got["separatism"] == "falling"  # 75% -> 33%
    # with the default minimum of 5 meetings the 1990s period (4) is not compared at all
    assert concern_trends(concerns_by_period(frame, periods)).empty


def test_no_meetings_gives_empty_tables(frame: pd.DataFrame, periods: list[Period]) -> None:
    no_meetings = frame[frame["kind"] != "meeting"]
    assert concerns_by_period(no_meetings, periods).empty
    assert concern_lifespan(no_meetings).empty


def test_missing_column_is_reported(periods: list[Period]) -> None:
    with pytest.raises(AnalysisError, match=r"SW602.*topics"):
        concerns_by_period(pd.DataFrame({"id": [], "kind": [], "year": []}), periods)


def test_analysis_frame_gives_the_same_partner_rows(frame: pd.DataFrame) -> None:
    from steppewatch.analysis.frame import analysis_frame, involves

    partners = ["TM", "KG", "KZ"]
    slim = analysis_frame(frame)
    assert str(slim["countries_key"].dtype) == "category"
    a = by_partner(frame, partners, ["id", "year"])
    b = by_partner(slim[slim["year"] >= 1990], partners, ["id", "year"])
    assert a.to_dict("list") == b.to_dict("list")
    # a multilateral event gives one row per partner, in the event's own country order
    rows = a[a["id"] == "2016-04-meeting-cn-kz-kg-tj-uz-1"]["country"].tolist()
    assert rows == ["KZ", "KG"]
    assert involves(frame, partners).tolist() == involves(slim, partners).tolist()
    assert involves(frame, ["TM"]).sum() == 0


def test_concern_lifespan_by_list_is_the_lifespan_of_the_exploded_rows(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Worked out per distinct topic list (the analysis frame's shared lists): the table the
    exploded (meeting, topic) rows give, ties on a date decided by id, a list naming a topic
    twice counted once, empty codes left out; in Chinese and Russian ids too."""
    from steppewatch.analysis import concerns
    from steppewatch.analysis.frame import analysis_frame

    rows = [
        ("2001-06-15-会晤-cn-kz", 2001, "2001-06-15", ("terrorism", "separatism")),
        ("2001-06-15-встреча-cn-kg", 2001, "2001-06-15", ("terrorism", "separatism")),
        ("2001-06-15-a", 2001, "2001-06-15", ("terrorism", "terrorism")),
        ("2003-01-02-b", 2003, "2003-01-02", ("", "extremism")),
        ("2003-01-02-c", 2003, "2003", ("drug_trafficking",)),
        ("2009-05-01-d", 2009, "2009-05-01", ()),
        ("2009-05-01-e", 2009, "2009-05-01", ("separatism", "terrorism")),
        ("1999-08-25-f", 1999, "1999-08", ("separatism",)),
    ]
    frame = pd.DataFrame(
        {
            "id": [r[0] for r in rows],
            "kind": "meeting",
            "year": [r[1] for r in rows],
            "date_start": [r[2] for r in rows],
            "countries": [("CN", "KZ")] * len(rows),
            "topics": [r[3] for r in rows],
        }
    )
    analysed = analysis_frame(frame)
    fast = concern_lifespan(analysed)
    assert concerns._lifespan_by_list(analysed, ["year", "date_start"]) is not None
    monkeypatch.setattr(concerns, "_lifespan_by_list", lambda *_a: None)
    exploded = concern_lifespan(analysed)
    pd.testing.assert_frame_equal(fast, exploded)
    table = fast.set_index("topic")
    assert table.loc["terrorism", "n_meetings"] == 4
    assert table.loc["terrorism", "first_event"] == "2001-06-15-a"
    assert table.loc["separatism", "first_event"] == "1999-08-25-f"
    assert table.loc["terrorism", "last_event"] == "2009-05-01-e"
    assert "" not in set(fast["topic"])


def test_shares_counted_by_list_are_the_shares_of_the_exploded_rows(
    frame: pd.DataFrame, periods: list[Period], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Counted once per (group, distinct topic list): the tables the exploded rows give, by
    year, by period and by partner state, a list naming a code twice counted twice (as
    explode does) and an empty code left out."""
    from steppewatch.analysis import concerns
    from steppewatch.analysis.frame import analysis_frame

    extra = frame[frame["kind"] == "meeting"].iloc[:3].copy()
    extra["id"] = [f"{i}-копия" for i in extra["id"]]
    extra["topics"] = [("terrorism", "terrorism"), ("", "separatism"), ("恐怖主义",)]
    analysed = analysis_frame(pd.concat([frame, extra], ignore_index=True))
    partners = ["KZ", "KG", "TJ", "UZ", "TM"]

    def tables() -> list[pd.DataFrame]:
        return [
            concerns_by_year(analysed),
            concerns_by_year(analysed, partners=partners),
            concerns_by_period(analysed, periods),
            concerns_by_period(analysed, periods, partners=partners),
        ]

    by_list = tables()
    assert concerns._counts_by_list(analysed, ["year"]) is not None
    monkeypatch.setattr(concerns, "_counts_by_list", lambda *_a: None)
    for fast, exploded in zip(by_list, tables(), strict=True):
        pd.testing.assert_frame_equal(fast, exploded)
    assert "恐怖主义" in set(by_list[0]["topic"]) and "" not in set(by_list[0]["topic"])
