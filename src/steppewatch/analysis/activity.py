"""Meeting volume, formats, activity mix, and multilateral against bilateral engagement."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from steppewatch.analysis.frame import (
    Period,
    assign_periods,
    by_partner,
    framework_group,
    meetings,
    require_columns,
)

__all__ = [
    "meeting_volume",
    "meetings_per_year_by_country",
    "format_mix",
    "activity_mix",
    "multilateral_vs_bilateral",
]


def meeting_volume(frame: pd.DataFrame, partners: Sequence[str]) -> pd.DataFrame:
    """Meetings by year, partner country and level.

    A meeting counts once for each partner state among its ``countries``. Meetings without a
    level are counted under ``unknown``. Columns: ``year, country, level, count``.
    """
    require_columns(frame, ("id", "kind", "year", "countries", "level"), "meeting_volume")
    m = by_partner(meetings(frame), partners, ["id", "year", "level"])
    level = m["level"].fillna("").replace("", "unknown")
    out = (
        m.assign(level=level)
        .groupby(["year", "country", "level"])
        .size()
        .rename("count")
        .reset_index()
    )
    return out.sort_values(["year", "country", "level"]).reset_index(drop=True)


def meetings_per_year_by_country(frame: pd.DataFrame, partners: Sequence[str]) -> pd.DataFrame:
    """Meetings per year for each partner, every year of the span filled (zero where none).

    Columns: ``year, country, count``.
    """
    vol = meeting_volume(frame, partners)
    if vol.empty:
        return pd.DataFrame(columns=["year", "country", "count"])
    per = vol.groupby(["year", "country"])["count"].sum()
    years = range(int(vol["year"].min()), int(vol["year"].max()) + 1)
    grid = pd.MultiIndex.from_product([years, list(partners)], names=["year", "country"])
    return per.reindex(grid, fill_value=0).reset_index()


def format_mix(frame: pd.DataFrame, periods: Sequence[Period] | None = None) -> pd.DataFrame:
    """The mix of formats (frameworks) of meetings over time.

    Without ``periods``: by year; with ``periods``: by period. Columns: ``year`` or ``period``,
    ``framework, count, share`` where share is within the year/period.
    """
    require_columns(frame, ("id", "kind", "year", "framework"), "format_mix")
    m = meetings(frame).assign(framework=lambda d: d["framework"].fillna("").replace("", "unknown"))
    key = "year"
    if periods is not None:
        m = assign_periods(m, periods)
        m = m[m["period"].notna()]
        key = "period"
    out = m.groupby([key, "framework"], observed=True).size().rename("count").reset_index()
    out["share"] = out["count"] / out.groupby(key, observed=True)["count"].transform("sum")
    return out


def activity_mix(
    frame: pd.DataFrame, partners: Sequence[str], periods: Sequence[Period] | None = None
) -> pd.DataFrame:
    """Counts of each event kind by partner country (and by period when ``periods`` given).

    An event counts once for each partner among its ``countries``. Columns: ``country,
    [period,] kind, count``.
    """
    require_columns(frame, ("id", "kind", "year", "countries"), "activity_mix")
    rows = by_partner(frame, partners, ["id", "kind", "year"])
    keys = ["country", "kind"]
    if periods is not None:
        rows = assign_periods(rows, periods)
        rows = rows[rows["period"].notna()]
        keys = ["country", "period", "kind"]
    return rows.groupby(keys, observed=True).size().rename("count").reset_index()


def multilateral_vs_bilateral(
    frame: pd.DataFrame, periods: Sequence[Period] | None = None
) -> pd.DataFrame:
    """Event counts by framework group (bilateral / multilateral / unilateral) and kind.

    Multilateral = SCO, CICA, C5+China and other multilateral frameworks. Columns:
    ``[period,] framework_group, kind, count``.
    """
    require_columns(frame, ("id", "kind", "year", "framework"), "multilateral_vs_bilateral")
    groups = framework_group(frame["framework"])
    # the column as it is (same index: no alignment work); by position when labels repeat
    rows = frame.assign(framework_group=groups if frame.index.is_unique else groups.to_numpy())
    keys = ["framework_group", "kind"]
    if periods is not None:
        rows = assign_periods(rows, periods)
        rows = rows[rows["period"].notna()]
        keys = ["period", *keys]
    return rows.groupby(keys, observed=True).size().rename("count").reset_index()
