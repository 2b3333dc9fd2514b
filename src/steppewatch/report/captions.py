"""Chart captions generated from each chart's data table.

Every number in a caption is computed here from the table the chart draws (and which is written
beside it as CSV), so a reader can check it and a test can recompute it from a fixture database.
Percentages are rounded half up to whole numbers.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import pandas as pd

__all__ = [
    "pct",
    "basis_sentence",
    "heatmap_caption",
    "concern_shares_caption",
    "masked_years_sentence",
    "meetings_caption",
    "activity_mix_caption",
    "exercise_caption",
    "index_caption",
    "topic_label",
]


#: A yearly peak is only named among years with at least this many meetings in the base.
PEAK_MIN_MEETINGS = 5


def pct(x: float) -> str:
    """0.645 -> '65%' (half up, unlike Python's round)."""
    return f"{math.floor(100 * x + 0.5)}%"


def topic_label(code: str) -> str:
    """'three_evils' -> 'Three evils'."""
    text = code.replace("_", " ")
    return text[:1].upper() + text[1:]


def _n(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.1f}"


def basis_sentence(n_events: int, n_sources: int, what: str = "events") -> str:
    return f"Based on {n_events:,} {what} citing {n_sources:,} sources."


def heatmap_caption(by_period: pd.DataFrame) -> str:
    """Which concern changed most between the first and last period with meetings, and what
    leads the last period.

    ``by_period``: the overall table of ``concerns_by_period``.
    """
    if by_period.empty:
        return "No meeting in the selection has a security concern coded."
    sizes = by_period.groupby("period", observed=True)["n_meetings"].first()
    used = [p for p in by_period["period"].cat.categories if p in sizes.index and sizes[p] > 0]
    first, last = used[0], used[-1]
    wide = by_period.pivot_table(index="topic", columns="period", values="share", observed=True)
    parts = []
    if first != last:
        change = (wide[last] - wide[first]).abs()
        topic = change.sort_values(ascending=False, kind="stable").index[0]
        parts.append(
            f"{topic_label(topic)} is coded in {pct(wide.at[topic, first])} of {first} meetings "
            f"and {pct(wide.at[topic, last])} of {last} meetings."
        )
    lead = wide[last].sort_values(ascending=False, kind="stable")
    parts.append(
        f"In {last} the most frequent concern is {topic_label(lead.index[0]).lower()} "
        f"({pct(lead.iloc[0])} of {int(sizes[last])} meetings)."
    )
    return " ".join(parts)


def masked_years_sentence(by_year: pd.DataFrame, below: int) -> str:
    """Which years the yearly concern chart masks (fewer than ``below`` meetings coded)."""
    years = sorted(int(y) for y in by_year.loc[by_year["n_meetings"] < below, "year"].unique())
    if not years:
        return ""
    return (
        f" Years with fewer than {below} meetings coded for concerns are masked (grey, hollow "
        f"dots, left out of the 3-year mean): {', '.join(str(y) for y in years)}."
    )


def concern_shares_caption(by_year: pd.DataFrame, topics: Sequence[str]) -> str:
    """The charted concerns with their meeting counts, and each one's peak year.

    ``by_year``: the overall table of ``concerns_by_year``; ``topics``: the ones drawn.
    """
    if by_year.empty or not topics:
        return "No meeting in the selection has a security concern coded."
    totals = by_year.groupby("topic")["count"].sum()
    listed = ", ".join(f"{topic_label(t).lower()} ({int(totals[t])} meetings)" for t in topics)
    text = f"The most frequently coded concerns are {listed}."
    t0 = topics[0]
    rows = by_year[(by_year["topic"] == t0) & (by_year["n_meetings"] >= PEAK_MIN_MEETINGS)]
    if not rows.empty:
        peak = rows.sort_values(["share", "year"], ascending=[False, True]).iloc[0]
        text += (
            f" Among years with at least {PEAK_MIN_MEETINGS} meetings, {topic_label(t0).lower()} "
            f"peaks in {int(peak['year'])}, coded in {int(peak['count'])} of "
            f"{int(peak['n_meetings'])} meetings ({pct(peak['share'])})."
        )
    return text


def meetings_caption(per_year: pd.DataFrame, distinct: pd.Series) -> str:
    """Who meets most, and the busiest year.

    ``per_year``: ``meetings_per_year_by_country``; ``distinct``: distinct meetings per year
    involving any partner (a meeting with three partners counts once).
    """
    if per_year.empty or distinct.empty:
        return "No meeting in the selection."
    totals = per_year.groupby("country")["count"].sum().sort_values(ascending=False, kind="stable")
    busiest_year = int(distinct.sort_values(ascending=False, kind="stable").index[0])
    parts = [
        f"{totals.index[0]} takes part in the most meetings ({int(totals.iloc[0])}), "
        f"{totals.index[-1]} in the fewest ({int(totals.iloc[-1])})."
    ]
    parts.append(
        f"The busiest year is {busiest_year} with {int(distinct[busiest_year])} meetings; "
        f"{int(distinct.sum())} meetings in all."
    )
    return " ".join(parts)


def activity_mix_caption(mix: pd.DataFrame) -> str:
    """Share of meetings in each partner's events and the most frequent other activity.

    ``mix``: ``activity_mix`` without periods (country, kind, count).
    """
    if mix.empty:
        return "No event in the selection involves a partner state."
    per_country = mix.groupby("country")["count"].sum()
    meet = mix[mix["kind"] == "meeting"].groupby("country")["count"].sum()
    other = mix[mix["kind"] != "meeting"]
    parts = []
    top = per_country.sort_values(ascending=False, kind="stable").index[0]
    parts.append(
        f"{top} is involved in the most events ({int(per_country[top])}), "
        f"{pct(meet.get(top, 0) / per_country[top])} of them meetings."
    )
    if not other.empty:
        by_kind = other.groupby("kind")["count"].sum().sort_values(ascending=False, kind="stable")
        by_c = other.groupby("country")["count"].sum().sort_values(ascending=False, kind="stable")
        parts.append(
            f"Beyond meetings, the most frequent activity is {by_kind.index[0].replace('_', ' ')} "
            f"({int(by_kind.iloc[0])} country-events); {by_c.index[0]} has the most non-meeting "
            f"activities ({int(by_c.iloc[0])})."
        )
    return " ".join(parts)


def exercise_caption(table: pd.DataFrame) -> str:
    """How many exercises, in which series, and the largest by troops.

    ``table``: ``exercises_table``.
    """
    if table.empty:
        return "No exercise in the selection."
    fw = table["framework"]
    n_sco = int((fw == "SCO").sum())
    n_bil = int((fw == "bilateral").sum())
    n_oth = len(table) - n_sco - n_bil
    text = (
        f"{len(table)} exercises from {int(table['year'].min())} to {int(table['year'].max())}: "
        f"{n_sco} in the SCO framework, {n_bil} bilateral, {n_oth} other multilateral."
    )
    known = table[table["troops_total_n"].notna()]
    text += f" Total troop numbers are known for {len(known)}."
    if not known.empty:
        big = known.sort_values(["troops_total_n", "year"], ascending=[False, True]).iloc[0]
        text += f" The largest is {big['name']} ({int(big['year'])}, {_n(big['troops_total_n'])} troops)."
    return text


def index_caption(index: pd.DataFrame, ranking: pd.DataFrame, sensitivity: pd.DataFrame) -> str:
    """The ranking by total index, the highest country-year, and rank stability."""
    if index.empty or ranking.empty:
        return "No event in the selection enters the engagement index."
    order = ", ".join(f"{r.country} ({_n(r.total)})" for r in ranking.itertuples())
    best = index.sort_values(["index", "year"], ascending=[False, True]).iloc[0]
    text = (
        f"Total index {int(index['year'].min())}-{int(index['year'].max())}: {order}. "
        f"The highest single year is {best['country']} in {int(best['year'])} "
        f"({_n(best['index'])})."
    )
    if not sensitivity.empty:
        taus = sensitivity["kendall_tau"].dropna()
        same = int(sensitivity["same_top2"].sum())
        if not taus.empty:
            text += (
                f" Under {len(sensitivity)} alternative weightings Kendall's tau against the "
                f"default ranking is {taus.min():.2f} to {taus.max():.2f}; the top two stay "
                f"the same under {same} of them."
            )
    return text
