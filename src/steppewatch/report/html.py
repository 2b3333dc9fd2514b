"""Render the report content to one self-contained HTML file plus chart and data files.

Self-contained means: the CSS and the one small script (sorting the activity tables) are
inline, every chart is an inline ``data:`` PNG, and no script, font, image or style is loaded
from anywhere else; the only URLs are plain links to the chart and data files written next to
the report and to the events' sources.
"""

from __future__ import annotations

import base64
import os
import shutil
import struct
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
import pandas as pd

from steppewatch.analysis.coverage import SMALL_N
from steppewatch.report.activity_html import activity_views
from steppewatch.report.content import ReportContent
from steppewatch.report.early_files import EarlyFiles
from steppewatch.report.evidence import CSV_NAME
from steppewatch.report.figures import PNG_DPI, SCREEN_DPI
from steppewatch.report.limits import limits_view
from steppewatch.report.table_csv import write_table_csv

__all__ = ["TABLES", "render_html", "write_report"]

#: Tables shown in the report: name -> (title, note). Others are written as CSV only.
TABLES: dict[str, tuple[str, str]] = {
    "concern_trends": (
        "Concerns rising or falling between periods",
        "Changes of at least 10 percentage points in the share of meetings.",
    ),
    "concern_lifespan": (
        "First and last appearance of each concern in meetings",
        "With the number of meetings coded with it.",
    ),
    "country_ranking": (
        "Ranking of partner states by engagement index",
        "Total index over the years analysed; 1 = most responsive.",
    ),
    "index_sensitivity": (
        "Rank stability of the index under other weightings",
        "Kendall's tau of country rankings and Spearman's rho of country-year values, vs default.",
    ),
    "claims_sensitivity": (
        "Verdict stability under other classification choices",
        "Each finding's verdict as coded and under two alternatives: bilateral meetings on the "
        "sidelines of an SCO summit counted as SCO meetings (sidelines), and every SCO meeting "
        "counted as attended by all SCO members on its date (members); changed = the verdict "
        "differs from the one as coded.",
    ),
    "format_mix": ("Meeting formats by period", "Share of meetings in each framework."),
    "multilateral_vs_bilateral": (
        "Multilateral against bilateral, by period and kind",
        "Event counts.",
    ),
}


#: Longer tables are cut in the page (the CSV beside it has every row).
MAX_TABLE_ROWS = 300


@dataclass(frozen=True)
class _TableView:
    name: str
    title: str
    note: str
    html: str


def _png_size(png: bytes) -> tuple[int, int]:
    width, height = struct.unpack(">II", png[16:24])
    return int(width), int(height)


def _table_html(frame: pd.DataFrame, name: str) -> str:
    shown = frame
    if name == "concern_trends" and not frame.empty:
        shown = frame[frame["direction"] != "stable"]
    if name == "exercises":
        shown = frame.drop(columns=["troops_total_n", "troops_cn_n", "id"], errors="ignore")
    note = ""
    if len(shown) > MAX_TABLE_ROWS:
        note = (
            f'<p class="meta">First {MAX_TABLE_ROWS:,} of {len(shown):,} rows; '
            f'all of them are in <a href="data/{name}.csv">{name}.csv</a>.</p>'
        )
        shown = shown.head(MAX_TABLE_ROWS)
    return note + str(
        shown.to_html(
            index=False, border=0, classes="data", na_rep="", float_format=lambda x: f"{x:.2f}"
        )
    )


def _sortable(frame: pd.DataFrame, name: str, heads: dict[str, str]) -> str:
    """``frame``'s columns named in ``heads`` (in that order, renamed) as a sortable table;
    pandas escapes every cell."""
    shown = frame[list(heads)].rename(columns=heads).head(MAX_TABLE_ROWS)
    return str(
        shown.to_html(index=False, border=0, classes=["data", "sortable"], table_id=f"table-{name}")
    )


_SIDES_TOPICS = {
    "topic": "concern", "focal_mentions": "PRC account mentions",
    "partner_mentions": "partner's account mentions", "both": "both mention",
    "only_focal": "only the PRC's", "only_partner": "only the partner's",
}  # fmt: skip
_SIDES_MEETINGS = {
    "date": "date", "title": "meeting", "partner": "partner", "focal_topics": "PRC account",
    "partner_topics": "partner's account", "only_focal": "only the PRC's",
    "only_partner": "only the partner's",
}  # fmt: skip


def _sides_view(content: ReportContent) -> dict[str, Any] | None:
    sides = content.both_sides
    if sides is None:
        return None
    result = sides.result  # type: ignore[attr-defined]
    meetings = result.meetings.copy()
    for col in ("focal_topics", "partner_topics", "only_focal", "only_partner"):
        meetings[col] = meetings[col].str.replace("_", " ").str.replace(";", ", ")
    topics = result.topics.assign(topic=result.topics["topic"].str.replace("_", " "))
    return {
        "n": len(result.meetings),
        "n_meetings": result.n_meetings,
        "n_sources_coded": sides.n_sources_coded,  # type: ignore[attr-defined]
        "capped": sides.capped,  # type: ignore[attr-defined]
        "coder": sides.coder,  # type: ignore[attr-defined]
        "topics_html": _sortable(topics, "both_sides_topics", _SIDES_TOPICS) if len(topics) else "",
        "meetings_html": _sortable(meetings, "both_sides", _SIDES_MEETINGS)
        if len(meetings)
        else "",
    }


def render_html(content: ReportContent, context: dict[str, Any]) -> str:
    """The report page as a string."""
    templates = resources.files("steppewatch.report").joinpath("templates")
    env = jinja2.Environment(
        autoescape=jinja2.select_autoescape(["html", "j2"], default_for_string=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    template = env.from_string(templates.joinpath("report.html.j2").read_text(encoding="utf-8"))
    css = templates.joinpath("report.css").read_text(encoding="utf-8")
    script = templates.joinpath("sort_tables.js").read_text(encoding="utf-8")
    charts = []
    for chart in content.charts:
        # the PNG is drawn at PNG_DPI; shown at SCREEN_DPI's size (sharp on dense screens)
        width, height = (round(v * SCREEN_DPI / PNG_DPI) for v in _png_size(chart.png))
        charts.append(
            {
                "name": chart.name,
                "title": chart.title,
                "caption": chart.caption,
                "basis": chart.basis,
                "png_b64": base64.b64encode(chart.png).decode("ascii"),
                "width": width,
                "height": height,
                "section": chart.section,
            }
        )
    tables = [
        _TableView(name, title, note, _table_html(content.tables[name], name))
        for name, (title, note) in TABLES.items()
        if name in content.tables and not content.tables[name].empty
    ]
    evidence = content.evidence.by_claim if content.evidence else {}
    return template.render(
        css=css,
        script=script,
        charts=[c for c in charts if c["section"] == "charts"],
        country_charts={c["name"]: c for c in charts if c["section"] == "countries"},
        country_text=content.country_text,
        activities=activity_views(content.tables, content.activity_sources),
        sides=_sides_view(content),
        tables=tables,
        findings=content.findings,
        small_n=SMALL_N,
        limits=limits_view(content.limits, content.tables.get("claims_sensitivity")),
        evidence=evidence,
        evidence_csv=f"data/{CSV_NAME}",
        evidence_data=content.evidence,
        **context,
    )


def _atomic_write(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def write_report(
    out: Path, content: ReportContent, html: str, early: EarlyFiles | None = None
) -> Path:
    """Write charts/, data/ and index.html (last, atomically) under ``out``; return index.html.
    ``early``: the files already being written into ``out`` while the report was made (only
    the others are written here); without it finding_events.csv is written by a thread of its
    own while the tables are written here (both CSV writers work without Python's lock)."""
    charts_dir, data_dir = out / "charts", out / "data"
    charts_dir.mkdir(parents=True, exist_ok=True)
    data_dir.mkdir(parents=True, exist_ok=True)
    # a table shown twice (a chart's data that is also a table: the exercises) made into CSV
    # once; the content holds every table, so no id is reused while this runs
    # (only those kept: the text of a million events' tables is large)
    shown = [id(c.data) for c in content.charts] + [id(t) for t in content.tables.values()]
    twice = {i for i in shown if shown.count(i) > 1}
    made: dict[int, bytes] = {}
    written: dict[int, Path] = {}  # a large table shown twice: the file written first, copied

    def write_csv(table: pd.DataFrame, path: Path) -> None:
        tmp = path.with_name(f".{path.name}.tmp")
        first = written.get(id(table))
        if first is not None:
            shutil.copyfile(first, tmp)
            os.replace(tmp, path)
            return
        # a large table by DuckDB (the same bytes, several times faster: report/table_csv.py)
        if write_table_csv(table, tmp):
            os.replace(tmp, path)
            if id(table) in twice:
                written[id(table)] = path
            return
        found = made.get(id(table))
        if found is None and id(table) in twice:
            found = made[id(table)] = table.to_csv(index=False).encode()
        if found is not None:
            _atomic_write(path, found)
            return
        # straight to the file (the same bytes): no text and bytes of a large table in memory
        with tmp.open("wb") as handle:
            table.to_csv(handle, index=False, encoding="utf-8")
        os.replace(tmp, path)

    done: dict[str, int] = {}
    evidence_done = False
    if early is not None:  # the tables written early: not again (under another name, copied)
        done, evidence_done = early.finish()
        for name, key in done.items():
            written[key] = data_dir / f"{name}.csv"
    alone = EarlyFiles(out) if early is None and content.evidence is not None else None
    try:
        if alone is not None and content.evidence is not None:
            alone.evidence(content.evidence)
        for chart in content.charts:
            _atomic_write(charts_dir / f"{chart.name}.png", chart.png)
            _atomic_write(charts_dir / f"{chart.name}.svg", chart.svg)
            write_csv(chart.data, data_dir / f"{chart.name}.csv")
        for name, table in content.tables.items():
            if done.get(name) != id(table):
                write_csv(table, data_dir / f"{name}.csv")
        if alone is not None:
            _, evidence_done = alone.finish()
    finally:
        if alone is not None:
            alone.close()
    if content.evidence is not None and not evidence_done:
        tmp = data_dir / f".{CSV_NAME}.tmp"
        content.evidence.write_csv(tmp)
        os.replace(tmp, data_dir / CSV_NAME)
    index = out / "index.html"
    _atomic_write(index, html.encode("utf-8"))
    return index
