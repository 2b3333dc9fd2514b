"""Text computed from the per-country tables: each partner state's leading concerns per period
and how they changed (one paragraph per state), and the caption of the meeting-levels chart.

Every number here is read from the table written beside the report
(``data/concerns_by_country.csv``, ``data/meeting_levels.csv``), so a test can recompute it.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from importlib import resources

import pandas as pd
import yaml

from steppewatch.analysis.country_concerns import (
    MIN_MEETINGS,
    CountryPeriod,
    country_change,
    leading_concerns,
)
from steppewatch.analysis.levels import LEVELS
from steppewatch.report.captions import pct, topic_label

__all__ = ["country_names", "country_paragraphs", "country_concerns_caption", "levels_caption"]


@cache
def country_names() -> dict[str, str]:
    """ISO code -> English name, from the bundled gazetteer."""
    path = resources.files("steppewatch").joinpath("data", "gazetteer", "states.yaml")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {s["code"]: s["name"] for s in data.get("states", [])}


def _lower(code: str) -> str:
    return topic_label(code).lower()


def country_paragraphs(
    by_country: pd.DataFrame,
    countries: Sequence[str],
    leading: Sequence[CountryPeriod] | None = None,
) -> dict[str, str]:
    """One paragraph per country: its leading concerns in each period (with counts and
    shares), the periods too thin to compare, and the largest rise and fall between its first
    and last period with at least :data:`MIN_MEETINGS` meetings. ``leading``: the leading
    concerns already worked out (``leading_concerns(by_country, countries)``)."""
    names = country_names()
    periods = leading_concerns(by_country, countries) if leading is None else leading
    out: dict[str, str] = {}
    for country in countries:
        mine = [p for p in periods if p.country == country]
        name = names.get(country, country)
        if not mine:
            out[country] = f"{name}: no meeting coded for concerns in the selection."
            continue
        parts = []
        for p in mine:
            star = "*" if p.thin else ""
            n = f"{p.n_meetings} meeting{'' if p.n_meetings == 1 else 's'}{star}"
            if p.leading:
                lead = ", ".join(f"{_lower(t)} {c} ({pct(s)})" for t, c, s in p.leading)
                parts.append(f"{p.period} ({n}): {lead}")
            else:
                parts.append(f"{p.period} ({n}): no specific concern")
        text = f"{name}. Leading concerns: " + "; ".join(parts) + "."
        thin = [p.period for p in mine if p.thin]
        if thin:
            text += f" *Fewer than {MIN_MEETINGS} meetings in {', '.join(thin)}: not compared."
        change = country_change(by_country, country)
        if change is None:
            text += (
                f" Fewer than two periods with at least {MIN_MEETINGS} meetings: no change "
                "is measured."
            )
        else:
            moves = []
            if change.rise:
                t, a, b = change.rise
                moves.append(f"{_lower(t)} rose most, from {pct(a)} to {pct(b)}")
            if change.fall:
                t, a, b = change.fall
                moves.append(f"{_lower(t)} fell most, from {pct(a)} to {pct(b)}")
            if moves:
                text += f" From {change.first} to {change.last}, " + "; ".join(moves) + "."
            else:
                text += f" No share changed from {change.first} to {change.last}."
        out[country] = text
    return out


def country_concerns_caption(by_country: pd.DataFrame, countries: Sequence[str]) -> str:
    """Which country has the most meetings coded for concerns, and how many panels are thin."""
    if by_country.empty:
        return "No meeting of a partner state is coded for concerns."
    sizes = by_country.groupby(["country", "period"], observed=True)["n_meetings"].first()
    per_country = sizes.groupby(level=0).sum().reindex(list(countries)).fillna(0).astype(int)
    top = per_country.sort_values(ascending=False, kind="stable")
    thin = int(((sizes > 0) & (sizes < MIN_MEETINGS)).sum())
    listed = ", ".join(f"{c} {int(n)}" for c, n in per_country.items())
    return (
        f"Meetings coded for concerns per state: {listed} ({top.index[0]} the most). "
        f"{thin} country-periods have fewer than {MIN_MEETINGS} meetings (marked). "
        "Same colour scale in every panel; a meeting with several partner states counts for each."
    )


def levels_caption(levels: pd.DataFrame, countries: Sequence[str]) -> str:
    """Per country: its meetings, how many distinct levels meet, and the most frequent level
    (ties: the higher rank, in the codebook's order)."""
    if levels.empty:
        return "No meeting of a partner state in the selection."
    parts = []
    for country in countries:
        rows = levels[levels["country"] == country]
        if rows.empty:
            continue
        by_level = rows.groupby("level")["count"].sum()
        ranks = {lv: i for i, lv in enumerate(LEVELS)}
        by_level = by_level.loc[sorted(by_level.index, key=lambda lv: ranks.get(lv, len(ranks)))]
        order = by_level.sort_values(ascending=False, kind="stable")  # ties: higher rank first
        total = int(by_level.sum())
        parts.append(
            f"{country}: {total} meetings at {len(by_level)} levels, most often "
            f"{order.index[0].replace('_', ' ')} ({int(order.iloc[0])})"
        )
    return "; ".join(parts) + ". A meeting with several partner states counts for each."
