"""Who meets whom: meetings by partner state, period and level (which ranks meet, how often).

The reference study's claim is that dialogue was regularised at every rank; this table shows
at which ranks each partner state met the PRC in each period.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from steppewatch.analysis.frame import Period, assign_periods, by_partner, meetings

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
    # only the columns read below (each row selection copies every column it keeps)
    m = m[[c for c in ("id", "year", "level", "countries", "countries_key") if c in m.columns]]
    m = assign_periods(m, periods)
    m = m[m["period"].notna()]
    if m.empty:
        return pd.DataFrame(columns=cols)
    rows = by_partner(m, partners, ["id", "period", "level"])
    if rows.empty:
        return pd.DataFrame(columns=cols)
    rows["level"] = rows["level"].fillna("").replace("", "unknown")
    present = set(rows["level"].unique())
    known = [lv for lv in LEVELS if lv in present]
    extra = sorted(present - set(known))
    rows["level"] = pd.Categorical(rows["level"], categories=[*known, *extra], ordered=True)
    rows["country"] = pd.Categorical(rows["country"], categories=list(partners), ordered=True)
    counts = rows.groupby(["country", "period", "level"], observed=True).size().rename("count")
    out = counts[counts > 0].reset_index()
    totals = rows.groupby(["country", "period"], observed=True).size().rename("n_meetings")
    out = out.merge(totals.reset_index(), on=["country", "period"], how="left")
    out = out.sort_values(["country", "period", "level"]).reset_index(drop=True)
    for c in ("country", "level"):
        out[c] = out[c].astype(str)
    out["period"] = pd.Categorical(
        out["period"].astype(str), categories=[p.label for p in periods], ordered=True
    )
    return out[cols]
