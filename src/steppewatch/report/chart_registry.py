"""Charts declared once: each entry names its analysis (the data table, written as
``data/<name>.csv``), the events its basis sentence counts, its figure and its caption, so one
entry is all a new chart needs. ``build_content`` draws every entry whose data is not empty.

The per-country charts live here; the six older charts are still drawn by ``build_content``
directly (moving them is mechanical and left for a later change).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
from matplotlib.figure import Figure

from steppewatch.analysis.concerns import concerns_by_period
from steppewatch.analysis.country_concerns import MIN_MEETINGS, leading_concerns
from steppewatch.analysis.frame import Period, concerns_coded, in_periods, involves, meetings
from steppewatch.analysis.levels import LEVELS, meeting_levels
from steppewatch.report import country_text
from steppewatch.report.country_figures import country_panels

__all__ = ["CHARTS", "ChartInputs", "ChartSpec", "concern_rows"]

#: Concern rows drawn in the per-country panels at most (the CSV has every concern).
MAX_CONCERN_ROWS = 12


@dataclass
class ChartInputs:
    """What every chart entry reads; ``cache`` keeps tables several entries share."""

    frame: pd.DataFrame
    partners: Sequence[str]
    periods: Sequence[Period]
    cache: dict[str, Any] = field(default_factory=dict)

    def once(self, key: str, make: Callable[[], Any]) -> Any:
        if key not in self.cache:
            self.cache[key] = make()
        return self.cache[key]


@dataclass(frozen=True)
class ChartSpec:
    name: str
    title: str
    #: How the basis sentence names the events (``"meetings coded for concerns"``).
    what: str
    #: Where the report shows it: ``charts`` or ``countries``.
    section: str
    data: Callable[[ChartInputs], pd.DataFrame]
    basis: Callable[[ChartInputs], pd.DataFrame]
    figure: Callable[[pd.DataFrame, ChartInputs], Figure]
    caption: Callable[[pd.DataFrame, ChartInputs], str]
    #: False when the figure is laid out to fit its canvas (saves a draw per file).
    tight: bool = True


def by_country(inputs: ChartInputs) -> pd.DataFrame:
    """Concern shares per partner state and period (``concerns_by_period`` by partner)."""
    return inputs.once(
        "concerns_by_country",
        lambda: concerns_by_period(inputs.frame, inputs.periods, partners=inputs.partners),
    )


def concern_rows(data: pd.DataFrame, countries: Sequence[str]) -> list[str]:
    """The concerns drawn in every panel: each country-period's leading three, then the most
    frequent others, at most :data:`MAX_CONCERN_ROWS`, most frequent first."""
    totals = data.groupby("topic")["count"].sum()
    leading = {t for p in leading_concerns(data, countries) for t, _c, _s in p.leading}
    ranked = sorted(totals.index, key=lambda t: (t not in leading, -int(totals[t]), t))
    kept = [t for t in ranked if totals[t] > 0][:MAX_CONCERN_ROWS]
    return sorted(kept, key=lambda t: (-int(totals[t]), t))


def _levels(inputs: ChartInputs) -> pd.DataFrame:
    return inputs.once(
        "meeting_levels", lambda: meeting_levels(inputs.frame, inputs.partners, inputs.periods)
    )


def _partner_meetings(inputs: ChartInputs) -> pd.DataFrame:
    m = meetings(inputs.frame)
    m = m[in_periods(m["year"], inputs.periods)]
    return m[involves(m, inputs.partners)]


def _coded_partner_meetings(inputs: ChartInputs) -> pd.DataFrame:
    m = _partner_meetings(inputs)
    return m[concerns_coded(m)]


def _countries(data: pd.DataFrame, inputs: ChartInputs) -> list[str]:
    present = set(data["country"])
    return [c for c in inputs.partners if c in present]


def _concern_figure(data: pd.DataFrame, inputs: ChartInputs) -> Figure:
    countries = _countries(data, inputs)
    return country_panels(
        data, row_key="topic", rows=concern_rows(data, countries), value="share",
        countries=countries, names=country_text.country_names(), percent=True,
        min_n=MIN_MEETINGS,
        title="Security concerns in each partner state's meetings, % of its meetings per period",
    )  # fmt: skip


def _levels_figure(data: pd.DataFrame, inputs: ChartInputs) -> Figure:
    countries = _countries(data, inputs)
    present = set(data["level"])
    levels = [lv for lv in LEVELS if lv in present] + sorted(present - set(LEVELS))
    return country_panels(
        data, row_key="level", rows=levels, value="count", countries=countries,
        names=country_text.country_names(), percent=False, min_n=MIN_MEETINGS, cmap="Blues",
        title="Who meets whom: meetings by level, per partner state and period",
    )  # fmt: skip


def _concern_data(inputs: ChartInputs) -> pd.DataFrame:
    data = by_country(inputs)
    return data[data["n_meetings"] > 0].reset_index(drop=True) if len(data) else data


CHARTS: tuple[ChartSpec, ...] = (
    ChartSpec(
        "country_concerns", "Security concerns by partner state and period",
        "meetings coded for concerns", "countries",
        _concern_data, _coded_partner_meetings, _concern_figure,
        lambda data, inputs: country_text.country_concerns_caption(data, inputs.partners),
        tight=False,
    ),
    ChartSpec(
        "meeting_levels", "Who meets whom: meeting levels by partner state and period",
        "meetings", "countries",
        _levels, _partner_meetings, _levels_figure,
        lambda data, inputs: country_text.levels_caption(data, inputs.partners),
        tight=False,
    ),
)  # fmt: skip
