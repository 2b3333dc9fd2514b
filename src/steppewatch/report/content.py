"""Everything the report shows, computed in memory before anything is written: charts (data,
caption, PNG, SVG), tables and findings."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any

import pandas as pd

from steppewatch.analysis import activity, concerns, exercises, findings
from steppewatch.analysis.activity_tables import ACTIVITY_TABLES, activity_table
from steppewatch.analysis.frame import Period, analysis_frame, source_total
from steppewatch.models import Study
from steppewatch.report import captions, chart_drawing, chart_registry, country_text, figures
from steppewatch.report.chart_drawing import ChartDrawing
from steppewatch.report.evidence import Evidence
from steppewatch.report.limits import DataLimits

__all__ = ["Chart", "ReportContent", "chart_bases", "build_content", "TOP_TOPICS"]

TOP_TOPICS = chart_registry.TOP_TOPICS


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
    #: Worker processes that drew the charts (0: this process) and the CPU seconds they spent.
    chart_workers: int = 0
    chart_worker_cpu_s: float = 0.0


def chart_bases(
    frame: pd.DataFrame, partners: Sequence[str], periods: Sequence[Period]
) -> dict[str, tuple[pd.DataFrame, str]]:
    """The events behind each chart and how the caption names them."""
    inputs = chart_registry.ChartInputs(frame, partners, periods)
    return {spec.name: (spec.basis(inputs), spec.what) for spec in chart_registry.CHARTS}


def build_content(
    frame: pd.DataFrame,
    partners: Sequence[str],
    periods: Sequence[Period],
    *,
    study: Study | None = None,
    progress: Callable[[str], None] | None = None,
    workers: int | None = None,
    while_drawing: Callable[[ReportContent, Callable[[], Any]], None] | None = None,
    cpu_window: chart_drawing.CpuWindow | None = None,
    side: Callable[[], Any] | None = None,
    table_ready: Callable[[str, pd.DataFrame], None] | None = None,
) -> ReportContent:
    """Run every analysis on ``frame`` (already filtered), draw every chart of the registry
    (``chart_registry.CHARTS``) whose data is not empty, and check the study's claims (None:
    the default study). ``workers``: processes drawing the charts (None: decided by
    :func:`chart_drawing.chart_workers` from the cores idle since ``cpu_window`` opened; 0:
    drawn in this process). ``while_drawing(content)``
    adds more to the content (its tables and findings done) while worker processes draw the
    charts; it is not called when there is no chart to draw. ``side``: a job given to the
    chart workers first (:class:`chart_drawing.ChartDrawing`); ``while_drawing`` gets, as its
    second argument, the function returning its result (None when no worker ran it).
    ``table_ready(name, table)``: called with each table that is not changed once made (not
    the activity tables), as soon as it is made: the report writes the large ones while it goes
    on (report/early_files.py)."""
    from steppewatch.study import default_study

    step = progress or (lambda _name: None)
    study = study or default_study()
    frame = analysis_frame(frame)
    content = ReportContent()
    colours = figures.country_colours(partners, study.colours)
    inputs = chart_registry.ChartInputs(frame, partners, periods, colours)
    # each chart's data and caption here; the figures drawn in worker processes when cores are
    # idle (chart_drawing), while this process goes on with the tables and findings
    shown = []
    for spec in chart_registry.CHARTS:
        data = spec.data(inputs)
        if not data.empty:
            shown.append((spec, data))
    jobs = [partial(_draw_chart, spec, data, inputs) for spec, data in shown]
    if workers is None:
        workers = chart_drawing.chart_workers(len(jobs), cpu_window)
    drawing = ChartDrawing(jobs, workers, side)
    try:
        # each chart's basis (events and sources counted) while the frame is about all this
        # process holds: a basis is a row selection of every column (on a million events, a
        # copy of most of the frame), made and dropped one at a time
        # (taken from the columns a basis reads: a selection of all of them was the report's
        # peak on a million events)
        basis_inputs = chart_registry.ChartInputs(_basis_frame(frame), partners, periods)
        bases = []
        for spec, _data in shown:
            basis = spec.basis(basis_inputs)
            bases.append((len(basis), source_total(basis)))
            del basis
        del basis_inputs
        _add_tables(content, frame, partners, periods, study, inputs, table_ready)
        step("tables")
        if shown and while_drawing is not None:
            while_drawing(content, drawing.side_result)
        drawn = drawing.results(lambda i: step(shown[i][0].name))
    finally:
        drawing.close()
    content.chart_workers, content.chart_worker_cpu_s = drawing.workers, drawing.worker_cpu_s
    for (spec, data), (png, svg), (n_events, n_sources) in zip(shown, drawn, bases, strict=True):
        content.charts.append(
            Chart(spec.name, spec.title, spec.caption(data, inputs), n_events, n_sources,
                  spec.what, data, png, svg, spec.section)
        )  # fmt: skip
    return content


#: The analysis frame's columns the charts' bases select rows by, and count
#: (:func:`~steppewatch.analysis.frame.source_total`) rows and sources with.
_BASIS_COLUMNS = ("kind", "year", "countries_key", "n_topics", "no_concern", "id_key", "n_sources")


def _basis_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with only :data:`_BASIS_COLUMNS` (the same columns, not copied), or ``frame``
    itself when it lacks one of them (an empty frame)."""
    if not all(c in frame.columns for c in _BASIS_COLUMNS):
        return frame
    return pd.DataFrame({c: frame[c] for c in _BASIS_COLUMNS}, copy=False)


def _draw_chart(
    spec: chart_registry.ChartSpec, data: pd.DataFrame, inputs: chart_registry.ChartInputs
) -> tuple[bytes, bytes]:
    return figures.render(spec.figure(data, inputs), tight=spec.tight)


def _add_tables(
    content: ReportContent,
    frame: pd.DataFrame,
    partners: Sequence[str],
    periods: Sequence[Period],
    study: Study,
    inputs: chart_registry.ChartInputs,
    table_ready: Callable[[str, pd.DataFrame], None] | None = None,
) -> None:
    ready = table_ready or (lambda _name, _table: None)
    by_country = chart_registry.by_country(inputs)
    content.country_text = country_text.country_paragraphs(
        by_country, partners, chart_registry.leading(inputs)
    )
    _index, ranking, sens = chart_registry.index_parts(inputs)
    ex = chart_registry.exercise_table(inputs)

    content.tables.update(
        {
            "concerns_by_period_by_country": by_country,
            "concern_lifespan": concerns.concern_lifespan(frame),
            "concern_trends": concerns.concern_trends(chart_registry.by_period(inputs)),
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
    for name, made in content.tables.items():
        ready(name, made)  # (not the activity tables: build_report adds their source URLs)
    for table in ACTIVITY_TABLES:
        # the cells as categoricals: the tables are kept until the files are written
        content.tables[table.name] = activity_table(frame, table, compact=True)
    content.findings = findings.evaluate_claims(frame, partners, study.claims)
    content.tables["findings"] = findings.findings_frame(content.findings)
