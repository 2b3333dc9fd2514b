"""How the report's charts are drawn: each figure drawn once at 300 dpi and its tight area cut
out as the PNG (the same pixels as matplotlib's own ``savefig`` of that area), the SVG of the
same area, and the charts drawn in forked worker processes giving the same bytes, with a
failing or dying worker leaving no report behind."""

from __future__ import annotations

import io
import multiprocessing
import os
import re
import struct
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pytest
from PIL import Image

from steppewatch.errors import AnalysisError, InputError
from steppewatch.report import build_report, chart_drawing, figures
from tests.analysis.fixture_events import fixture_store

needs_fork = pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="this system cannot fork"
)


def _legend_below() -> plt.Figure:
    """A chart whose tick labels and legend lie outside the figure, with Cyrillic labels."""
    fig, ax = plt.subplots(figsize=(4, 2.5))
    ax.plot([2001, 2010, 2020], [1, 3, 2], label="Кыргызстан (KG)")
    ax.plot([2001, 2010, 2020], [2, 1, 4], label="Таджикистан (TJ)")
    ax.set_yticks([1, 2, 3, 4], ["одна встреча", "две", "три", "четыре встречи"])
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.15), ncols=2)
    ax.set_title("Встречи по годам")
    return fig


def _pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))


def _dpi(png: bytes) -> float:
    at = png.index(b"pHYs")
    x, y, unit = struct.unpack(">IIB", png[at + 4 : at + 13])
    assert unit == 1 and x == y
    return x * 0.0254


def test_png_is_the_tight_area_drawn_once_as_savefig_draws_it() -> None:
    box, rgb = figures._draw(_legend_below(), True)
    assert box is not None
    # the legend below the axes and the tick labels left of them are inside the area
    assert box.y0 < 0 and box.x0 < 0
    expected = io.BytesIO()
    fig = _legend_below()
    fig.savefig(expected, format="png", dpi=figures.PNG_DPI, bbox_inches=box)
    plt.close("all")
    assert np.array_equal(rgb, _pixels(expected.getvalue()))
    png, _svg = figures.render(_legend_below())
    assert np.array_equal(_pixels(png), rgb)
    assert round(_dpi(png)) == figures.PNG_DPI
    assert rgb.shape[:2] == (round(box.height * 300), round(box.width * 300))


def test_a_label_beyond_the_margin_is_drawn_again_not_cut() -> None:
    def figure() -> plt.Figure:
        fig = _legend_below()
        # two inches left of the figure: beyond the margin drawn around it
        fig.text(-0.5, 0.5, "Ош, 2019", transform=fig.transFigure, fontsize=14)
        return fig

    box, rgb = figures._draw(figure(), True)
    assert box is not None and box.x0 < -figures.MARGIN
    expected = io.BytesIO()
    figure().savefig(expected, format="png", dpi=figures.PNG_DPI, bbox_inches="tight")
    plt.close("all")
    want = _pixels(expected.getvalue())
    assert abs(rgb.shape[0] - want.shape[0]) <= 2 and abs(rgb.shape[1] - want.shape[1]) <= 2
    # the text is there: dark pixels in the leftmost inch
    assert (rgb[:, : figures.PNG_DPI] < 100).any()


def test_svg_shows_the_png_area_and_reruns_give_the_same_bytes() -> None:
    png, svg = figures.render(_legend_below())
    png2, svg2 = figures.render(_legend_below())
    assert (png, svg) == (png2, svg2)
    root = ET.fromstring(svg)
    _x, _y, width, height = (float(v) for v in root.attrib["viewBox"].split())
    rows, cols = _pixels(png).shape[:2]
    assert width == pytest.approx(cols * 72 / figures.PNG_DPI, abs=0.01)
    assert height == pytest.approx(rows * 72 / figures.PNG_DPI, abs=0.01)
    assert b"Date" not in svg and not re.search(rb"\d{4}-\d{2}-\d{2}T", svg)


def test_heatmap_cells_sit_where_imshow_puts_them() -> None:
    grid = np.array([[0.1, np.nan, 0.9], [0.5, 0.2, 0.0]])
    drawn = []
    for draw in ("imshow", "cells"):
        fig = plt.figure(figsize=(3, 2), dpi=100)
        ax = fig.add_axes((0, 0, 1, 1))
        if draw == "imshow":
            ax.imshow(grid, aspect="auto", cmap="YlOrRd", vmin=0, vmax=1)
        else:
            mesh = figures.cells(ax, grid, cmap="YlOrRd", vmin=0, vmax=1)
            assert mesh.get_array().mask.tolist() == [[False, True, False], [False] * 3]
        _box, rgb = figures._draw(fig, False)
        plt.close(fig)
        drawn.append(rgb)
    rows, cols = drawn[0].shape[:2]
    for i in range(2):
        for j in range(3):  # the centre pixel of each cell, row 0 at the top
            y, x = int((i + 0.5) * rows / 2), int((j + 0.5) * cols / 3)
            # the same colour (imshow's resampling rounds a level differently at most)
            diff = np.abs(drawn[0][y, x].astype(int) - drawn[1][y, x].astype(int))
            assert diff.max() <= 2, (i, j, drawn[0][y, x], drawn[1][y, x])
    assert drawn[1][int(rows / 4), int(cols / 2)].tolist() == [255, 255, 255]  # empty: blank


@pytest.mark.parametrize("value", ["two", "-1", "1.5"])
def test_a_bad_worker_count_is_refused_with_its_code(
    monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv(chart_drawing.WORKERS_VARIABLE, value)
    with pytest.raises(InputError, match=r"SW176.*STEPPEWATCH_CHART_WORKERS"):
        chart_drawing.chart_workers(8)


@needs_fork
def test_workers_follow_the_idle_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(chart_drawing.WORKERS_VARIABLE, raising=False)
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0, 1, 2, 3})
    for load, workers in ((0.4, 4), (1.4, 3), (2.2, 2), (2.6, 0), (9.0, 0)):
        monkeypatch.setattr(os, "getloadavg", lambda load=load: (load, load, load))
        assert chart_drawing.chart_workers(8) == workers, load
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0, 1})  # an idle laptop
    monkeypatch.setattr(os, "getloadavg", lambda: (0.3, 0.3, 0.3))
    assert chart_drawing.chart_workers(8) == 2
    monkeypatch.setattr(os, "getloadavg", lambda: (0.6, 0.6, 0.6))  # one core busy elsewhere
    assert chart_drawing.chart_workers(8) == 0
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: set(range(16)))
    monkeypatch.setattr(os, "getloadavg", lambda: (0.0, 0.0, 0.0))
    assert chart_drawing.chart_workers(8) == 8
    monkeypatch.setenv(chart_drawing.WORKERS_VARIABLE, "3")
    assert chart_drawing.chart_workers(8) == 3
    assert chart_drawing.chart_workers(2) == 2


@needs_fork
def test_workers_follow_the_cores_idle_since_the_report_started(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The window says what the cores do now: a report run just before this one raises the load
    average for a minute but leaves the cores idle again."""
    monkeypatch.delenv(chart_drawing.WORKERS_VARIABLE, raising=False)
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0, 1})
    monkeypatch.setattr(os, "getloadavg", lambda: (1.3, 1.0, 0.6))  # our last run's load
    ticks = iter([(0, 0), (30, 60), (0, 0), (2, 60), (0, 0), (4, 8)])
    monkeypatch.setattr(chart_drawing, "_cpu_ticks", lambda _cores: next(ticks))
    # the other core idle while this process read the data: both are free for workers
    assert chart_drawing.chart_workers(8, chart_drawing.CpuWindow()) == 2
    # the other core busy with something else: no workers
    assert chart_drawing.chart_workers(8, chart_drawing.CpuWindow()) == 0
    # too short to say: the load average decides (1.3 on 2 cores: no workers)
    assert chart_drawing.chart_workers(8, chart_drawing.CpuWindow()) == 0


@pytest.mark.skipif(not Path("/proc/stat").exists(), reason="needs Linux's /proc/stat")
def test_the_cpu_window_reads_this_machines_cores() -> None:
    window = chart_drawing.CpuWindow()
    deadline = time.process_time() + 0.5
    while time.process_time() < deadline:  # keep one core busy for the window
        pass
    idle = window.idle_cores()
    assert idle is not None
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1
    # this process kept one core busy: at most the others were idle
    assert 0.0 <= idle <= cores - 0.5


def _report_files(out: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(out)): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and p.parent.name == "charts"
    }


@needs_fork
def test_charts_drawn_by_workers_are_the_same_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = fixture_store(tmp_path / "t.db")
    monkeypatch.setenv(chart_drawing.WORKERS_VARIABLE, "0")
    build_report(tmp_path / "here", store=store)
    monkeypatch.setenv(chart_drawing.WORKERS_VARIABLE, "2")
    build_report(tmp_path / "workers", store=store)
    here, workers = _report_files(tmp_path / "here"), _report_files(tmp_path / "workers")
    assert len(here) == 16 and here == workers
    page = (tmp_path / "workers" / "index.html").read_text(encoding="utf-8")
    assert page.count("data:image/png;base64,") == 8


def _fails(*_args: object, **_kwargs: object) -> plt.Figure:
    raise ValueError("индекс не нарисован")


def _dies(*_args: object, **_kwargs: object) -> plt.Figure:
    os._exit(3)


@needs_fork
def test_a_chart_failing_in_a_worker_leaves_no_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = fixture_store(tmp_path / "t.db")
    monkeypatch.setenv(chart_drawing.WORKERS_VARIABLE, "2")
    monkeypatch.setattr(figures, "index_lines", _fails)  # the workers fork with it
    with pytest.raises(ValueError, match="индекс не нарисован"):
        build_report(tmp_path / "out", store=store)
    assert not (tmp_path / "out").exists()


@needs_fork
def test_a_worker_that_dies_is_sw177_and_leaves_the_old_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = fixture_store(tmp_path / "t.db")
    out = tmp_path / "out"
    monkeypatch.setenv(chart_drawing.WORKERS_VARIABLE, "0")
    build_report(out, store=store)
    before = _report_files(out)
    monkeypatch.setenv(chart_drawing.WORKERS_VARIABLE, "2")
    monkeypatch.setattr(figures, "exercise_timeline", _dies)
    with pytest.raises(AnalysisError, match=r"SW177.*no report written"):
        build_report(out, store=store)
    assert _report_files(out) == before


def _no_chart() -> tuple[bytes, bytes]:
    return b"png", b"svg"


def _side_fails() -> object:
    raise ValueError("чувствительность не проверена")


@needs_fork
def test_the_side_job_runs_in_a_worker_beside_the_charts() -> None:
    drawing = chart_drawing.ChartDrawing([_no_chart, _no_chart], 1, side=os.getpid)
    try:
        pid = drawing.side_result()
        assert isinstance(pid, int) and pid != os.getpid()
        assert drawing.results() == [(b"png", b"svg")] * 2
    finally:
        drawing.close()
    # no workers: nothing ran it (the caller does that work itself)
    drawing = chart_drawing.ChartDrawing([_no_chart], 0, side=os.getpid)
    assert drawing.side_result() is None
    assert drawing.results() == [(b"png", b"svg")]
    # its error comes back as it was raised; a worker dying in it is SW177
    drawing = chart_drawing.ChartDrawing([_no_chart], 1, side=_side_fails)
    with pytest.raises(ValueError, match="чувствительность не проверена"):
        drawing.side_result()
    drawing.close()
    drawing = chart_drawing.ChartDrawing([_no_chart], 1, side=lambda: os._exit(3))
    with pytest.raises(AnalysisError, match="SW177"):
        drawing.side_result()
    drawing.close()


@needs_fork
def test_claims_sensitivity_from_a_worker_is_the_same_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = fixture_store(tmp_path / "t.db")
    monkeypatch.setenv(chart_drawing.WORKERS_VARIABLE, "0")
    build_report(tmp_path / "here", store=store)
    monkeypatch.setenv(chart_drawing.WORKERS_VARIABLE, "2")
    build_report(tmp_path / "workers", store=store)
    for name in ("data/claims_sensitivity.csv", "data/findings.csv", "index.html"):
        here = (tmp_path / "here" / name).read_bytes()
        assert here == (tmp_path / "workers" / name).read_bytes(), name
    table = (tmp_path / "workers" / "data" / "claims_sensitivity.csv").read_text()
    assert table.startswith("claim_id,claim,verdict,verdict_sidelines,changed_sidelines")
