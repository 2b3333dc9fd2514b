"""The charts' meeting counts by DuckDB group-bys (analysis/grouped.py) give the tables the
(meeting, partner) rows gave: the analysis frame takes the DuckDB route, a frame without its
codes the rows; both must agree byte for byte, on meetings with missing and empty levels,
years outside every period, no partner, no topic, an empty topic and the no-concern note."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

from steppewatch.analysis import activity, concerns, levels
from steppewatch.analysis.frame import NO_CONCERN_NOTE, Period, analysis_frame


def _meeting(base: pd.Series, eid: str, **changes: Any) -> dict[str, Any]:
    row = base.to_dict()
    row.update(id=eid, **changes)
    return row


@pytest.fixture(scope="module")
def raw(frame: pd.DataFrame) -> pd.DataFrame:
    """The fixture's events plus meetings the counts must handle."""
    base = frame[frame["kind"] == "meeting"].iloc[0]
    extra = [
        _meeting(base, "2003-05-meeting-cn-kz-9", year=2003, level=None,
                 countries=("CN", "KZ"), topics=("terrorism",),
                 title="Встреча министров: борьба с терроризмом"),
        _meeting(base, "2003-09-meeting-cn-kz-9", year=2003, level=None,
                 countries=("CN", "KZ"), topics=("terrorism",),
                 title="Консультации по безопасности"),
        _meeting(base, "2004-06-meeting-cn-kz-kg-9", year=2004, level="",
                 countries=("CN", "KZ", "KG"), topics=("separatism", ""),
                 title="上海合作组织成员国会议"),
        _meeting(base, "1985-meeting-cn-kz-9", year=1985, level="head_of_state",
                 countries=("CN", "KZ"), topics=("border_demarcation",),
                 title="中苏边界谈判"),
        _meeting(base, "2010-meeting-cn-ru-9", year=2010, level="foreign_minister",
                 countries=("CN", "RU"), topics=("terrorism",),
                 title="Переговоры министров иностранных дел КНР и России"),
        _meeting(base, "2011-meeting-cn-tj-9", year=2011, level="vice_minister_working",
                 countries=("CN", "TJ"), topics=(),
                 attributes={"topic_note": NO_CONCERN_NOTE},
                 title="中塔外交部磋商"),
        _meeting(base, "2012-meeting-cn-uz-9", year=2012, level="party",
                 countries=("CN", "UZ"), topics=(), title="中乌政党对话"),
    ]  # fmt: skip
    return pd.concat([frame, pd.DataFrame(extra)], ignore_index=True)


def _spy(monkeypatch: pytest.MonkeyPatch, module: Any) -> list[int]:
    calls: list[int] = []
    original = module.group_counts

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(module, "group_counts", counted)
    return calls


def _same(by_duckdb: pd.DataFrame, by_rows: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(by_duckdb, by_rows)
    assert by_duckdb.to_csv(index=False) == by_rows.to_csv(index=False)


def test_meeting_levels_by_duckdb_are_the_rows_counts(
    raw: pd.DataFrame,
    partners: list[str],
    periods: list[Period],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = _spy(monkeypatch, levels)
    by_rows = levels.meeting_levels(raw, partners, periods)
    assert not calls  # no codes: the rows route
    by_duckdb = levels.meeting_levels(analysis_frame(raw), partners, periods)
    assert calls  # the analysis frame's codes: the DuckDB route
    _same(by_duckdb, by_rows)
    kz = by_duckdb[(by_duckdb["country"] == "KZ") & (by_duckdb["period"] == "2001-2008")]
    # the two missing levels and the empty one are all "unknown"; 1985 is in no period
    assert kz.set_index("level")["count"].to_dict()["unknown"] == 3
    assert "RU" not in set(by_duckdb["country"])


@pytest.mark.parametrize("by_partner", [True, False])
def test_concerns_by_period_by_duckdb_are_the_rows_counts(
    raw: pd.DataFrame,
    partners: list[str],
    periods: list[Period],
    monkeypatch: pytest.MonkeyPatch,
    by_partner: bool,
) -> None:
    calls = _spy(monkeypatch, concerns)
    who = partners if by_partner else None
    by_rows = concerns.concerns_by_period(raw, periods, partners=who)
    assert not calls
    by_duckdb = concerns.concerns_by_period(analysis_frame(raw), periods, partners=who)
    assert calls
    _same(by_duckdb, by_rows)
    if by_partner:
        tj = by_duckdb[(by_duckdb["country"] == "TJ") & (by_duckdb["period"] == "2009-2014")]
        # the meeting marked "no specific concern" is coded (a base), the uncoded one is not
        assert set(tj["n_meetings_all"]) == {1} and set(tj["n_meetings"]) == {1}
        assert set(tj["count"]) == {0}
        assert "" not in set(by_duckdb["topic"])
        kz = by_duckdb[(by_duckdb["country"] == "KZ") & (by_duckdb["period"] == "2001-2008")]
        assert kz.set_index("topic")["count"].to_dict()["terrorism"] >= 2


def test_no_meeting_in_any_period_gives_empty_tables(
    raw: pd.DataFrame, partners: list[str]
) -> None:
    later = [Period("2040-2050", 2040, 2050)]
    frame = analysis_frame(raw)
    assert levels.meeting_levels(frame, partners, later).empty
    assert concerns.concerns_by_period(frame, later, partners=partners).empty
    assert concerns.concerns_by_period(frame, later).empty


@pytest.mark.parametrize("with_periods", [True, False])
def test_activity_mix_by_duckdb_is_the_rows_counts(
    raw: pd.DataFrame,
    partners: list[str],
    periods: list[Period],
    monkeypatch: pytest.MonkeyPatch,
    with_periods: bool,
) -> None:
    calls = _spy(monkeypatch, activity)
    spans = periods if with_periods else None
    by_rows = activity.activity_mix(raw, partners, spans)
    assert not calls
    by_duckdb = activity.activity_mix(analysis_frame(raw), partners, spans)
    assert calls
    _same(by_duckdb, by_rows)
    meetings_kz = by_duckdb[(by_duckdb["country"] == "KZ") & (by_duckdb["kind"] == "meeting")]
    # the 1985 meeting counts only when no periods are given
    assert int(meetings_kz["count"].sum()) == int(
        ((raw["kind"] == "meeting") & raw["countries"].map(lambda c: "KZ" in c)
         & (raw["year"] >= (1992 if with_periods else 0))).sum()
    )  # fmt: skip
