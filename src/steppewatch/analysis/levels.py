"""Who meets whom: meetings by partner state, period and level (which ranks meet, how often).

The reference study's claim is that dialogue was regularised at every rank; this table shows
at which ranks each partner state met the PRC in each period.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from steppewatch.analysis.frame import Period, assign_periods, by_partner, meetings
from steppewatch.analysis.grouped import event_codes, group_counts, partner_lists

__all__ = ["LEVELS", "meeting_levels"]

#: Meeting levels in the codebook's order (highest rank first); ``unknown`` for an empty level.
LEVELS = (
    "head_of_state", "head_of_government", "foreign_minister", "defence_minister",
    "interior_public_security", "security_council", "state_security_intelligence",
    "border_guard_chief", "chief_of_general_staff", "parliament", "party",
    "vice_minister_working", "other", "unknown",
)  # fmt: skip


def meeting_levels(
    frame: pd.DataFrame, partners: Sequence[str], periods: Sequence[Period]
) -> pd.DataFrame:
    """Meetings per partner state, period and level.

    Columns: ``country, period, level, count, n_meetings`` (``n_meetings``: the country's
    meetings in that period, all levels). A meeting with several partners counts once for each;
    only levels that occur are listed; meetings outside every period are left out.
    """
    cols = ["country", "period", "level", "count", "n_meetings"]
    m = meetings(frame)
    rows = _level_rows(m, partners, periods) if "level" in m.columns else None
    if rows is not None:
        # one row per (partner, period, level) with its number of meetings (``n``)
        if rows.empty:
            return pd.DataFrame(columns=cols)
        return _levels_table(rows, partners, periods, cols)
    # only the columns read below (each row selection copies every column it keeps)
    m = m[[c for c in ("id", "year", "level", "countries", "countries_key") if c in m.columns]]
    m = assign_periods(m, periods)
    m = m[m["period"].notna()]
    if m.empty:
        return pd.DataFrame(columns=cols)
    rows = by_partner(m, partners, ["id", "period", "level"])
    if rows.empty:
        return pd.DataFrame(columns=cols)
    rows["n"] = 1
    return _levels_table(rows, partners, periods, cols)


def _levels_table(
    rows: pd.DataFrame, partners: Sequence[str], periods: Sequence[Period], cols: list[str]
) -> pd.DataFrame:
    """The table of :func:`meeting_levels` from ``rows`` (``country, period, level, n``: ``n``
    (meeting, partner) rows of each)."""
    rows["level"] = rows["level"].fillna("").replace("", "unknown")
    present = set(rows["level"].unique())
    known = [lv for lv in LEVELS if lv in present]
    extra = sorted(present - set(known))
    rows["level"] = pd.Categorical(rows["level"], categories=[*known, *extra], ordered=True)
    rows["country"] = pd.Categorical(rows["country"], categories=list(partners), ordered=True)
    counts = rows.groupby(["country", "period", "level"], observed=True)["n"].sum()
    counts = counts.rename("count")
    out = counts[counts > 0].reset_index()
    totals = rows.groupby(["country", "period"], observed=True)["n"].sum().rename("n_meetings")
    out = out.merge(totals.reset_index(), on=["country", "period"], how="left")
    out = out.sort_values(["country", "period", "level"]).reset_index(drop=True)
    for c in ("country", "level"):
        out[c] = out[c].astype(str)
    out["period"] = pd.Categorical(
        out["period"].astype(str), categories=[p.label for p in periods], ordered=True
    )
    return out[cols]


def _level_rows(
    m: pd.DataFrame, partners: Sequence[str], periods: Sequence[Period]
) -> pd.DataFrame | None:
    """The meetings ``m`` counted per (partner, period, level) by a DuckDB group-by over their
    codes (:mod:`steppewatch.analysis.grouped`): columns ``country, period, level, n``, the
    rows ``by_partner`` would make, counted; None when ``m`` lacks the codes."""
    codes = event_codes(m, periods)
    if codes is None:
        return None
    level_codes, levels = pd.factorize(m["level"].to_numpy())
    # a missing level is its own group (code len(levels)), read as missing below
    level_codes = np.where(level_codes < 0, len(levels), level_codes).astype(np.int64)
    found = group_counts({"c": codes.country, "p": codes.period, "l": level_codes}, ["c", "p", "l"])
    lists = partner_lists(codes.lists, partners)
    spread = [len(lists[c]) for c in found["c"].tolist()]
    at = np.repeat(np.arange(len(spread)), spread)
    partner = np.array([i for c in found["c"].tolist() for i in lists[c]], dtype=np.int64)
    names = np.array(list(partners), dtype=object)
    level_values = np.array([*levels, None], dtype=object)
    return pd.DataFrame(
        {
            "country": pd.Series(names[partner] if len(partner) else [], dtype=object),
            "period": pd.Categorical.from_codes(
                found["p"][at], categories=[p.label for p in periods], ordered=True
            ),
            "level": pd.Series(level_values[found["l"][at]], dtype=object),
            "n": pd.Series(found["n"][at], dtype=np.int64),
        }
    )
