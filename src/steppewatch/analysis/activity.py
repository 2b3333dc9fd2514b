"""Meeting volume, formats, activity mix, and multilateral against bilateral engagement."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from steppewatch.analysis.frame import (
    Period,
    assign_periods,
    by_partner,
    framework_group,
    meetings,
    partner_positions,
    per_frame,
    period_codes,
    require_columns,
)
from steppewatch.analysis.grouped import event_codes, group_counts, partner_lists

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
    # once per frame and partners (the report's table, and its meetings per year chart): a
    # copy of the table each time, so no caller changes another's
    made: pd.DataFrame = per_frame(
        ("meeting_volume", tuple(partners)), frame, lambda: _meeting_volume(frame, partners)
    )
    return made.copy()


def _meeting_volume(frame: pd.DataFrame, partners: Sequence[str]) -> pd.DataFrame:
    counted = _level_counts(meetings(frame), partners)
    if counted is not None:
        return counted
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
    counted = _kind_counts(frame, partners, periods)
    if counted is not None:
        return counted
    rows = by_partner(frame, partners, ["id", "kind", "year"])
    keys = ["country", "kind"]
    if periods is not None:
        rows = assign_periods(rows, periods)
        rows = rows[rows["period"].notna()]
        keys = ["country", "period", "kind"]
    return rows.groupby(keys, observed=True).size().rename("count").reset_index()


def _sorted_ranks(values: Sequence[str]) -> tuple[np.ndarray, list[str]]:
    """Each value's rank in value order, and the distinct values in that order."""
    ordered = sorted(set(values))
    at = {v: i for i, v in enumerate(ordered)}
    return np.array([at[v] for v in values], dtype=np.int64), ordered


#: Keys (beyond one per row) up to which :func:`_level_counts` counts in a table of every key.
_COUNTED_KEYS = 1 << 20


def _level_counts(m: pd.DataFrame, partners: Sequence[str]) -> pd.DataFrame | None:
    """What :func:`meeting_volume` gives for the meetings ``m`` (the (meeting, partner) rows
    grouped by year, country and level, a missing or empty level as ``unknown``), counted
    from codes without making the rows; None (group the rows) when years are not integers,
    a level not text, or nothing is counted."""
    event, partner = partner_positions(m, partners)
    years = m["year"].to_numpy()
    names = list(partners)
    if not len(event) or years.dtype.kind not in "iu" or len(set(names)) != len(names):
        return None
    level_codes, levels = pd.factorize(m["level"].to_numpy(), use_na_sentinel=False)
    labels = []
    for level in levels:
        if level is None or (isinstance(level, float) and np.isnan(level)) or level == "":
            labels.append("unknown")
        elif type(level) is str:
            labels.append(level)
        else:
            return None
    if not all(type(n) is str for n in names):
        return None
    level_rank, level_order = _sorted_ranks(labels)
    country_rank, country_order = _sorted_ranks(names)
    first = int(years.min())
    n_c, n_l = len(country_order), max(len(level_order), 1)
    key = ((years[event].astype(np.int64) - first) * n_c + country_rank[partner]) * n_l + (
        level_rank[level_codes[event]]
    )
    if int(key.max()) <= _COUNTED_KEYS + len(key):
        # each key's rows counted in a table of every possible key (years x countries x
        # levels: small), not by sorting the (meeting, partner) rows' keys
        every = np.bincount(key)
        found = np.flatnonzero(every)
        counts = every[found]
    else:  # years far apart
        found, counts = np.unique(key, return_counts=True)
    rest, level_at = np.divmod(found, n_l)
    year_at, country_at = np.divmod(rest, n_c)
    return pd.DataFrame(
        {
            "year": (year_at + first).astype(np.int64),
            "country": pd.Series([country_order[i] for i in country_at]),
            "level": pd.Series([level_order[i] for i in level_at]),
            "count": counts.astype(np.int64),
        }
    )


def _kind_counts(
    frame: pd.DataFrame, partners: Sequence[str], periods: Sequence[Period] | None
) -> pd.DataFrame | None:
    """What :func:`activity_mix` gives (the (event, partner) rows grouped by country,
    [period,] kind and counted), counted from codes without making the rows: the same table
    (keys sorted as grouping sorts them, text columns as pandas types them). None (group the
    rows instead) when a kind is not text or nothing is counted."""
    kind_codes, kinds = pd.factorize(frame["kind"].to_numpy())
    if not all(type(k) is str for k in kinds):
        return None
    names = list(partners)
    if len(set(names)) != len(names) or not all(type(n) is str for n in names):
        return None
    grouped = _grouped_kinds(frame, partners, periods, kind_codes)
    if grouped is not None:
        # (partner, period, kind code) of each group, and its number of (event, partner) rows
        partner, period_of, kind_of, weight = grouped
    else:
        event, partner = partner_positions(frame, partners)
        kind_of, weight = kind_codes[event], np.ones(len(event), dtype=np.int64)
        period_of = np.zeros(len(event), dtype=np.int64)
        if periods is not None:
            period_of = period_codes(frame["year"], periods)[event]
    if not len(partner):
        return None
    # grouping sorts text keys by value and categorical ones by their categories' order
    country_order = np.argsort(np.array(names, dtype=object), kind="stable")
    country_rank = np.empty(len(names), dtype=np.int64)
    country_rank[country_order] = np.arange(len(names))
    kind_order = np.argsort(np.asarray(kinds, dtype=object), kind="stable")
    kind_rank = np.append(np.argsort(kind_order), -1)[kind_of]
    keep = kind_rank >= 0
    n_periods = 1
    if periods is not None:
        keep &= period_of >= 0
        n_periods = max(len(periods), 1)
    key = (country_rank[partner] * n_periods + period_of) * len(kinds) + kind_rank
    found, inverse = np.unique(key[keep], return_inverse=True)
    counts = np.bincount(inverse.reshape(-1), weights=weight[keep], minlength=len(found))
    if not len(found):
        return None
    rest, kind_at = np.divmod(found, len(kinds))
    country_at, period_at = np.divmod(rest, n_periods)
    sorted_names = np.array(names, dtype=object)[country_order]
    sorted_kinds = np.asarray(kinds, dtype=object)[kind_order]
    data: dict[str, Any] = {"country": pd.Series(list(sorted_names[country_at]))}
    if periods is not None:
        data["period"] = pd.Categorical.from_codes(
            period_at, categories=[p.label for p in periods], ordered=True
        )
    data["kind"] = pd.Series(list(sorted_kinds[kind_at]))
    data["count"] = counts.astype(np.int64)
    return pd.DataFrame(data)


def _grouped_kinds(
    frame: pd.DataFrame,
    partners: Sequence[str],
    periods: Sequence[Period] | None,
    kind_codes: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray] | None:
    """The events counted per (country list, [period,] kind) by a DuckDB group-by over their
    codes (:mod:`steppewatch.analysis.grouped`), spread over the partner states of each list:
    (partner, period code, kind code, number of events) per group and partner; None when the
    frame lacks the codes."""
    codes = event_codes(frame, periods or [])
    if codes is None:
        return None
    period = codes.period if periods is not None else np.zeros(len(frame), dtype=np.int64)
    found = group_counts(
        {"c": codes.country, "p": period, "k": kind_codes.astype(np.int64)}, ["c", "p", "k"]
    )
    lists = partner_lists(codes.lists, partners)
    spread = [len(lists[c]) for c in found["c"].tolist()]
    at = np.repeat(np.arange(len(spread)), spread)
    partner = np.array([i for c in found["c"].tolist() for i in lists[c]], dtype=np.int64)
    return partner, found["p"][at], found["k"][at], found["n"][at]


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
