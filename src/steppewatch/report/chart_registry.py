"""Charts declared once: each entry of :data:`CHARTS` names its analysis (the data table,
written as ``data/<name>.csv``: :attr:`ChartSpec.data_file`), the events its basis sentence
counts, its figure and its caption, so one entry is all a new chart needs. ``build_content``
draws every entry whose data is not empty, in this order; the report's progress display counts
one step per entry (``report.build.REPORT_STEPS``) and the README's chart count is the number
of entries (a test checks it).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
from matplotlib.figure import Figure

from steppewatch.analysis import activity, concerns, engagement, exercises
from steppewatch.analysis.concerns import concerns_by_period
from steppewatch.analysis.country_concerns import MIN_MEETINGS, CountryPeriod, leading_concerns
from steppewatch.analysis.frame import Period, concerns_coded, in_periods, involves, meetings
from steppewatch.analysis.levels import LEVELS, meeting_levels
from steppewatch.report import captions, country_text, figures
from steppewatch.report.country_figures import country_panels

__all__ = [
    "CHARTS",
    "ChartInputs",
    "ChartSpec",
    "by_country",
    "by_period",
    "concern_rows",
    "leading",
    "exercise_table",
    "index_parts",
]

#: Concern rows drawn in the per-country panels at most (the CSV has every concern).
MAX_CONCERN_ROWS = 12
#: Topics drawn in the yearly concern-share chart (the most frequent ones).
TOP_TOPICS = 5


@dataclass
class ChartInputs:
    """What every chart entry reads; ``cache`` keeps tables several entries share."""

    frame: pd.DataFrame
    partners: Sequence[str]
    periods: Sequence[Period]
    #: Chart colour of each partner state (``figures.country_colours`` of the study).
    colours: Mapping[str, str] = field(default_factory=dict)
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

    @property
    def data_file(self) -> str:
        """The chart's data table in the report folder."""
        return f"data/{self.name}.csv"


def by_country(inputs: ChartInputs) -> pd.DataFrame:
    """Concern shares per partner state and period (``concerns_by_period`` by partner)."""
    return inputs.once(
        "concerns_by_country",
        lambda: concerns_by_period(inputs.frame, inputs.periods, partners=inputs.partners),
    )


def leading(inputs: ChartInputs) -> list[CountryPeriod]:
    """Each partner state's leading concerns per period (``leading_concerns`` of
    :func:`by_country`), worked out once for the panels and the paragraphs."""
    found: list[CountryPeriod] = inputs.once(
        "leading_concerns", lambda: leading_concerns(by_country(inputs), inputs.partners)
    )
    return found


def concern_rows(
    data: pd.DataFrame, countries: Sequence[str], periods: Sequence[CountryPeriod] | None = None
) -> list[str]:
    """The concerns drawn in every panel: each country-period's leading three, then the most
    frequent others, at most :data:`MAX_CONCERN_ROWS`, most frequent first. ``periods``: the
    leading concerns already worked out (``leading_concerns`` of ``data``, or of a table of
    which ``data`` keeps the rows with meetings)."""
    totals = data.groupby("topic")["count"].sum()
    if periods is None:
        periods = leading_concerns(data, countries)
    shown = set(countries)
    leading = {t for p in periods if p.country in shown for t, _c, _s in p.leading}
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
        data, row_key="topic", rows=concern_rows(data, countries, leading(inputs)), value="share",
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


# -- the overall charts ----------------------------------------------------------------------


def _involving(frame: pd.DataFrame, partners: Sequence[str]) -> pd.DataFrame:
    return frame[involves(frame, partners)]


def _with_concerns(inputs: ChartInputs) -> pd.DataFrame:
    m = meetings(inputs.frame)
    return m[concerns_coded(m)]


def by_period(inputs: ChartInputs) -> pd.DataFrame:
    """Concern shares per period (all partners together)."""
    return inputs.once(
        "concerns_by_period", lambda: concerns.concerns_by_period(inputs.frame, inputs.periods)
    )


def _by_year(inputs: ChartInputs) -> pd.DataFrame:
    return inputs.once("concerns_by_year", lambda: concerns.concerns_by_year(inputs.frame))


def _top_topics(inputs: ChartInputs) -> list[str]:
    by_year = _by_year(inputs)
    totals = by_year.groupby("topic")["count"].sum().sort_values(ascending=False, kind="stable")
    return list(totals.index[:TOP_TOPICS])


def _concern_shares_data(inputs: ChartInputs) -> pd.DataFrame:
    by_year = _by_year(inputs)
    if by_year.empty:
        return by_year
    shown = by_year[by_year["topic"].isin(_top_topics(inputs))].reset_index(drop=True)
    shown["masked"] = shown["n_meetings"] < figures.THIN_YEAR_MEETINGS
    return shown


def _per_year(inputs: ChartInputs) -> pd.DataFrame:
    return inputs.once(
        "meetings_per_year",
        lambda: activity.meetings_per_year_by_country(inputs.frame, inputs.partners),
    )


def _distinct_meetings(inputs: ChartInputs) -> pd.Series:
    return _involving(meetings(inputs.frame), inputs.partners).groupby("year").size()


def _meetings_data(inputs: ChartInputs) -> pd.DataFrame:
    per_year = _per_year(inputs)
    if per_year.empty:
        return per_year
    distinct = _distinct_meetings(inputs)
    data = per_year.merge(
        distinct.rename("meetings_total").reset_index(), on="year", how="left"
    ).fillna({"meetings_total": 0})
    data["meetings_total"] = data["meetings_total"].astype(int)
    return data


def exercise_table(inputs: ChartInputs) -> pd.DataFrame:
    """Every exercise with its size and series (``exercises.exercises_table``)."""
    return inputs.once("exercises", lambda: exercises.exercises_table(inputs.frame))


def index_parts(inputs: ChartInputs) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The engagement index by country and year, its country ranking and its sensitivity to
    the alternative weightings (empty frames when there is no index)."""

    def make() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
        config = engagement.load_index_config()
        # the events counted once for the index and its sensitivity
        index, sens = engagement.index_with_sensitivity(inputs.frame, inputs.partners, config)
        if index.empty:
            return index, pd.DataFrame(), pd.DataFrame()
        return index, engagement.country_ranking(index), sens

    parts: tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame] = inputs.once("index", make)
    return parts


def _index_data(inputs: ChartInputs) -> pd.DataFrame:
    index = index_parts(inputs)[0]
    return index if not index.empty and index["index"].sum() > 0 else index.iloc[0:0]


def _index_basis(inputs: ChartInputs) -> pd.DataFrame:
    config = engagement.load_index_config()
    kinds = [k for ks in config.components.values() for k in ks]
    return _involving(inputs.frame[inputs.frame["kind"].isin(kinds)], inputs.partners)


def _index_caption(data: pd.DataFrame, inputs: ChartInputs) -> str:
    _, ranking, sens = index_parts(inputs)
    return captions.index_caption(data, ranking, sens)


CHARTS: tuple[ChartSpec, ...] = (
    ChartSpec(
        "topic_heatmap", "Security concerns by period", "meetings coded for concerns", "charts",
        by_period,
        lambda inputs: (lambda m: m[in_periods(m["year"], inputs.periods)])(_with_concerns(inputs)),
        lambda data, inputs: figures.topic_heatmap(data),
        lambda data, inputs: captions.heatmap_caption(data),
    ),
    ChartSpec(
        "concern_shares", "Concern shares over time", "meetings coded for concerns", "charts",
        _concern_shares_data, _with_concerns,
        lambda data, inputs: figures.concern_shares(_by_year(inputs), _top_topics(inputs)),
        lambda data, inputs: captions.concern_shares_caption(_by_year(inputs), _top_topics(inputs))
        + captions.masked_years_sentence(_by_year(inputs), figures.THIN_YEAR_MEETINGS),
    ),
    ChartSpec(
        "meetings_by_country", "Meetings per year by country", "meetings", "charts",
        _meetings_data,
        lambda inputs: _involving(meetings(inputs.frame), inputs.partners),
        lambda data, inputs: figures.meetings_by_country(_per_year(inputs), inputs.colours),
        lambda data, inputs: captions.meetings_caption(_per_year(inputs), _distinct_meetings(inputs)),
    ),
    ChartSpec(
        "activity_mix", "Activity mix by country", "events", "charts",
        lambda inputs: activity.activity_mix(inputs.frame, inputs.partners),
        lambda inputs: _involving(inputs.frame, inputs.partners),
        lambda data, inputs: figures.activity_mix_bars(data),
        lambda data, inputs: captions.activity_mix_caption(data),
    ),
    ChartSpec(
        "exercise_timeline", "Exercises over time", "exercises", "charts",
        exercise_table,
        lambda inputs: inputs.frame[inputs.frame["kind"].isin(exercises.EXERCISE_KINDS)],
        lambda data, inputs: figures.exercise_timeline(data),
        lambda data, inputs: captions.exercise_caption(data),
    ),
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
    ChartSpec(
        "engagement_index", "Engagement index by country", "events", "charts",
        _index_data, _index_basis,
        lambda data, inputs: figures.index_lines(data, inputs.colours),
        _index_caption,
    ),
)  # fmt: skip
