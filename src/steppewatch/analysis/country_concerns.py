"""Each partner state's concerns per period: the leading concerns and how they changed.

Input is the per-country table of :func:`~steppewatch.analysis.concerns.concerns_by_period`
(``country, period, topic, count, n_meetings, n_meetings_all, share``); the outputs feed the
report's per-country paragraphs, so every number in them comes from that table (written beside
the report as CSV).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from steppewatch.analysis.frame import Period

__all__ = [
    "MIN_MEETINGS",
    "CountryChange",
    "CountryPeriod",
    "country_change",
    "country_concern_periods",
    "leading_concerns",
]

#: Periods with fewer meetings coded for concerns are marked and never compared.
MIN_MEETINGS = 5


@dataclass(frozen=True)
class CountryPeriod:
    country: str
    period: str
    n_meetings: int
    #: (topic, count, share), most frequent first (ties by topic name); at most ``top``.
    leading: tuple[tuple[str, int, float], ...]

    @property
    def thin(self) -> bool:
        return self.n_meetings < MIN_MEETINGS


@dataclass(frozen=True)
class CountryChange:
    """The largest rise and fall in share between a country's first and last period with at
    least :data:`MIN_MEETINGS` meetings (None when fewer than two such periods)."""

    country: str
    first: str
    last: str
    rise: tuple[str, float, float] | None  # topic, share in first, share in last
    fall: tuple[str, float, float] | None


def leading_concerns(
    by_country: pd.DataFrame, countries: Sequence[str], *, top: int = 3
) -> list[CountryPeriod]:
    """For each country and period with meetings coded for concerns: its ``top`` concerns."""
    out: list[CountryPeriod] = []
    if by_country.empty:
        return out
    periods = list(by_country["period"].cat.categories)
    for country in countries:
        rows = by_country[by_country["country"] == country]
        for period in periods:
            cell = rows[rows["period"] == period]
            if cell.empty or int(cell["n_meetings"].iloc[0]) == 0:
                continue
            ranked = cell[cell["count"] > 0].sort_values(
                ["count", "topic"], ascending=[False, True], kind="stable"
            )
            leading = tuple(
                (str(r.topic), int(r.count), float(r.share)) for r in ranked.head(top).itertuples()
            )
            out.append(
                CountryPeriod(country, str(period), int(cell["n_meetings"].iloc[0]), leading)
            )
    return out


def country_change(by_country: pd.DataFrame, country: str) -> CountryChange | None:
    """Largest rise and fall in a country's concern shares between its first and last period
    with at least :data:`MIN_MEETINGS` meetings; None when it has fewer than two."""
    rows = by_country[by_country["country"] == country]
    if rows.empty:
        return None
    sizes = rows.groupby("period", observed=True)["n_meetings"].first()
    usable = [p for p in rows["period"].cat.categories if sizes.get(p, 0) >= MIN_MEETINGS]
    if len(usable) < 2:
        return None
    first, last = usable[0], usable[-1]
    wide = rows.pivot_table(index="topic", columns="period", values="share", observed=True)
    change = (wide[last] - wide[first]).sort_index()
    up = change.sort_values(ascending=False, kind="stable")
    down = change.sort_values(ascending=True, kind="stable")
    rise = (str(up.index[0]), float(wide.at[up.index[0], first]), float(wide.at[up.index[0], last]))
    fall = (
        str(down.index[0]),
        float(wide.at[down.index[0], first]),
        float(wide.at[down.index[0], last]),
    )
    return CountryChange(
        country,
        str(first),
        str(last),
        rise if up.iloc[0] > 0 else None,
        fall if down.iloc[0] < 0 else None,
    )


def country_concern_periods(
    frame: pd.DataFrame, country: str, periods: Sequence[Period], *, top: int = 3
) -> dict[str, Any]:
    """One country's concerns per period, ready for JSON: ``periods`` (period, n_meetings,
    thin, leading: [{topic, count, share}]) for every period with meetings coded for concerns,
    and ``change`` (first, last, rise, fall; None with fewer than two periods of at least
    :data:`MIN_MEETINGS` meetings). What the explorer's country page shows."""
    from steppewatch.analysis.concerns import concerns_by_period

    table = concerns_by_period(frame, periods, partners=[country])
    rows = [
        {
            "period": p.period,
            "n_meetings": p.n_meetings,
            "thin": p.thin,
            "leading": [
                {"topic": t, "count": c, "share": round(s, 4), "percent": _percent(s)}
                for t, c, s in p.leading
            ],
        }
        for p in leading_concerns(table, [country], top=top)
    ]
    change = country_change(table, country) if len(table) else None
    moved = None
    if change is not None:
        moved = {
            "first": change.first,
            "last": change.last,
            "rise": _move(change.rise),
            "fall": _move(change.fall),
        }
    return {"min_meetings": MIN_MEETINGS, "periods": rows, "change": moved}


def _move(move: tuple[str, float, float] | None) -> dict[str, Any] | None:
    if move is None:
        return None
    topic, before, after = move
    return {
        "topic": topic,
        "share_first": round(before, 4),
        "share_last": round(after, 4),
        "percent_first": _percent(before),
        "percent_last": _percent(after),
    }


def _percent(share: float) -> int:
    """0.645 -> 65 (half up, as the report's captions)."""
    return math.floor(100 * share + 0.5)
