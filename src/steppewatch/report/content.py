"""Everything the report shows, computed in memory before anything is written: charts (data,
caption, PNG, SVG), tables and findings."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import pandas as pd

from steppewatch.analysis import activity, concerns, engagement, exercises, findings
from steppewatch.analysis.activity_tables import ACTIVITY_TABLES, activity_table
from steppewatch.analysis.frame import (
    Period,
    analysis_frame,
    concerns_coded,
    in_periods,
    involves,
    meetings,
    source_total,
)
from steppewatch.report import captions, chart_registry, country_text, figures
from steppewatch.report.evidence import Evidence
from steppewatch.report.limits import DataLimits

__all__ = ["Chart", "ReportContent", "chart_bases", "build_content", "TOP_TOPICS"]

TOP_TOPICS = 5


@dataclass(frozen=True)
class Chart:
    name: str
    title: str
    caption: str
    n_events: int
    n_sources: int
    basis_what: str
    data: pd.DataFrame
    png: bytes
    svg: bytes
    #: Where the report shows it: ``charts`` (the overall charts) or ``countries``.
    section: str = "charts"

    @property
    def basis(self) -> str:
        return captions.basis_sentence(self.n_events, self.n_sources, self.basis_what)


@dataclass
class ReportContent:
    charts: list[Chart] = field(default_factory=list)
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    findings: list[findings.Finding] = field(default_factory=list)
    #: The events each finding counted: listed under it and in finding_events.csv (filled by
    #: ``build_report``, which reads their sources from the database).
    evidence: Evidence | None = None
    #: Both sides' accounts of the meetings (filled by ``build_report``, which reads sources).
    both_sides: object | None = None
    #: Sources of the activity-table rows the page shows (filled by ``build_report``).
    activity_sources: dict[str, list[tuple[str, str | None]]] = field(default_factory=dict)
    #: One paragraph per partner state: its leading concerns per period and how they changed.
    country_text: dict[str, str] = field(default_factory=dict)
    #: The data section's numbers (filled by ``build_report``, which reads the sources).
    limits: DataLimits | None = None


def _involving(frame: pd.DataFrame, partners: Sequence[str]) -> pd.DataFrame:
    return frame[involves(frame, partners)]


def chart_bases(
    frame: pd.DataFrame, partners: Sequence[str], periods: Sequence[Period]
) -> dict[str, tuple[pd.DataFrame, str]]:
    """The events behind each chart and how the caption names them."""
    m = meetings(frame)
    with_concerns = m[concerns_coded(m)]
    periodised = with_concerns[in_periods(with_concerns["year"], periods)]
    index_kinds = [k for kinds in engagement.load_index_config().components.values() for k in kinds]
    return {
        "topic_heatmap": (periodised, "meetings coded for concerns"),
        "concern_shares": (with_concerns, "meetings coded for concerns"),
        "meetings_by_country": (_involving(m, partners), "meetings"),
        "activity_mix": (_involving(frame, partners), "events"),
        "exercise_timeline": (frame[frame["kind"].isin(exercises.EXERCISE_KINDS)], "exercises"),
        "engagement_index": (
            _involving(frame[frame["kind"].isin(index_kinds)], partners),
            "events",
        ),
    }


def build_content(
    frame: pd.DataFrame,
    partners: Sequence[str],
    periods: Sequence[Period],
    *,
    progress: Callable[[str], None] | None = None,
) -> ReportContent:
    """Run every analysis on ``frame`` (already filtered) and draw every chart."""
    step = progress or (lambda _name: None)
    frame = analysis_frame(frame)
    content = ReportContent()
    bases = chart_bases(frame, partners, periods)

    def add(name: str, title: str, caption: str, data: pd.DataFrame, fig: object) -> None:
        basis, what = bases[name]
        png, svg = figures.render(fig)  # type: ignore[arg-type]
        content.charts.append(
            Chart(name, title, caption, len(basis), source_total(basis), what, data, png, svg)
        )
        step(name)

    # concerns
    by_period = concerns.concerns_by_period(frame, periods)
    by_year = concerns.concerns_by_year(frame)
    if not by_period.empty:
        add("topic_heatmap", "Security concerns by period", captions.heatmap_caption(by_period),
            by_period, figures.topic_heatmap(by_period))  # fmt: skip
    if not by_year.empty:
        totals = by_year.groupby("topic")["count"].sum().sort_values(ascending=False, kind="stable")
        top = list(totals.index[:TOP_TOPICS])
        shown = by_year[by_year["topic"].isin(top)].reset_index(drop=True)
        shown["masked"] = shown["n_meetings"] < figures.THIN_YEAR_MEETINGS
        add("concern_shares", "Concern shares over time",
            captions.concern_shares_caption(by_year, top) + captions.masked_years_sentence(
                by_year, figures.THIN_YEAR_MEETINGS),
            shown, figures.concern_shares(by_year, top))  # fmt: skip
    # meetings
    per_year = activity.meetings_per_year_by_country(frame, partners)
    if not per_year.empty:
        m = _involving(meetings(frame), partners)
        distinct = m.groupby("year").size()
        data = per_year.merge(
            distinct.rename("meetings_total").reset_index(), on="year", how="left"
        ).fillna({"meetings_total": 0})
        data["meetings_total"] = data["meetings_total"].astype(int)
        add("meetings_by_country", "Meetings per year by country",
            captions.meetings_caption(per_year, distinct), data,
            figures.meetings_by_country(per_year))  # fmt: skip
    # activity mix
    mix = activity.activity_mix(frame, partners)
    if not mix.empty:
        add("activity_mix", "Activity mix by country", captions.activity_mix_caption(mix), mix,
            figures.activity_mix_bars(mix))  # fmt: skip
    # exercises
    ex = exercises.exercises_table(frame)
    if not ex.empty:
        add("exercise_timeline", "Exercises over time", captions.exercise_caption(ex), ex,
            figures.exercise_timeline(ex))  # fmt: skip
    # declared charts (per-country views)
    inputs = chart_registry.ChartInputs(frame, partners, periods)
    for spec in chart_registry.CHARTS:
        data = spec.data(inputs)
        if data.empty:
            continue
        basis = spec.basis(inputs)
        png, svg = figures.render(spec.figure(data, inputs), tight=spec.tight)
        content.charts.append(
            Chart(spec.name, spec.title, spec.caption(data, inputs), len(basis),
                  source_total(basis), spec.what, data, png, svg, spec.section)
        )  # fmt: skip
        step(spec.name)
    by_country = chart_registry.by_country(inputs)
    content.country_text = country_text.country_paragraphs(by_country, partners)
    # engagement index
    config = engagement.load_index_config()
    index = engagement.engagement_index(frame, partners, config)
    ranking = engagement.country_ranking(index) if not index.empty else pd.DataFrame()
    sens = (
        engagement.index_sensitivity(frame, partners, config) if not index.empty else pd.DataFrame()
    )
    if not index.empty and index["index"].sum() > 0:
        add("engagement_index", "Engagement index by country",
            captions.index_caption(index, ranking, sens), index,
            figures.index_lines(index))  # fmt: skip

    content.tables.update(
        {
            "concerns_by_period_by_country": by_country,
            "concern_lifespan": concerns.concern_lifespan(frame),
            "concern_trends": concerns.concern_trends(by_period),
            "meeting_volume": activity.meeting_volume(frame, partners),
            "format_mix": activity.format_mix(frame, periods),
            "activity_mix_by_period": activity.activity_mix(frame, partners, periods),
            "multilateral_vs_bilateral": activity.multilateral_vs_bilateral(frame, periods),
            "exercises": ex,
            "exercise_series": exercises.exercise_series(ex),
            "country_ranking": ranking,
            "index_sensitivity": sens,
        }
    )
    for table in ACTIVITY_TABLES:
        content.tables[table.name] = activity_table(frame, table)
    content.findings = findings.evaluate_claims(frame, partners)
    content.tables["findings"] = findings.findings_frame(content.findings)
    step("tables")
    return content
