"""Matplotlib figures for the report (Agg backend, DejaVu Sans shipped with matplotlib, so
nothing is fetched and no system font is needed). Each function takes a chart's data table and
returns a Figure; rendering to PNG/SVG bytes is done by :func:`render`.
"""

from __future__ import annotations

import io
import struct
import textwrap
import zlib
from collections.abc import Mapping, Sequence
from typing import Any

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib._tight_bbox import adjust_bbox  # noqa: E402
from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.transforms import Bbox  # noqa: E402

from steppewatch.report.captions import topic_label  # noqa: E402

__all__ = [
    "PALETTE",
    "PNG_DPI",
    "country_colours",
    "SCREEN_DPI",
    "cells",
    "render",
    "topic_heatmap",
    "concern_shares",
    "meetings_by_country",
    "activity_mix_bars",
    "exercise_timeline",
    "index_lines",
]

plt.rcParams.update(
    {
        "font.family": "DejaVu Sans",
        "font.size": 9,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "svg.hashsalt": "steppewatch",
    }
)
#: Colours given in turn to the partner states a study gives none (``colours`` in the study
#: file): distinct, colour-blind-tolerable hues of matplotlib's tab10, red second.
PALETTE = (
    "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e",
    "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f",
)  # fmt: skip
_CYCLE = plt.get_cmap("tab20").colors  # type: ignore[attr-defined]


def country_colours(
    partners: Sequence[str], given: Mapping[str, str] | None = None
) -> dict[str, str]:
    """The chart colour of each partner state: the study's own (``given``), else the next
    colour of :data:`PALETTE` not already taken, in the order of ``partners``."""
    given = given or {}
    out = {p: given[p] for p in partners if p in given}
    free = [c for c in PALETTE if c.lower() not in {v.lower() for v in out.values()}]
    for partner in partners:
        if partner not in out:
            out[partner] = free.pop(0) if free else PALETTE[len(out) % len(PALETTE)]
    return out


def _chart_text(text: str, fallback: str) -> str:
    """``text`` if DejaVu Sans can draw it (Latin, Cyrillic...), else ``fallback``: the charts
    use no CJK font, so a Chinese-only name is replaced rather than drawn as boxes."""
    return fallback if any(ord(ch) >= 0x2E80 for ch in text) else text


def _colour(country: str, i: int, colours: Mapping[str, str] | None = None) -> Any:
    return (colours or {}).get(country, _CYCLE[i % len(_CYCLE)])


#: Resolution of the PNG files (print quality; the PNG's pHYs chunk says so). The page shows the
#: same PNG at :data:`SCREEN_DPI` worth of CSS pixels, so it stays the size it was.
PNG_DPI = 300
SCREEN_DPI = 110


#: Inches drawn around a "tight" figure: its labels and legends may lie outside the figure
#: (tick labels left of the axes, a legend below them); a chart reaching further is drawn again.
MARGIN = 1.0
#: zlib level of the PNG files: the same pixels at every level; 3 takes half the time of zlib's
#: default 6 for files about a fifth larger.
PNG_COMPRESSION = 3


def render(fig: Figure, *, tight: bool = True) -> tuple[bytes, bytes]:
    """PNG (at :data:`PNG_DPI`) and SVG bytes of ``fig`` (no timestamps, so reruns give the same
    files); closes it.

    The figure is drawn once at :data:`PNG_DPI` (for a ``tight`` figure with :data:`MARGIN`
    inches around it); its "tight" bounding box (padded as ``savefig`` pads it, rounded out to
    whole pixels) is measured on that drawing and cut out of it as the PNG, and the SVG shows
    exactly the same area. ``tight=False`` for a figure laid out to fit its canvas: the whole
    canvas is saved."""
    try:
        box, rgb = _draw(fig, tight)
        png = _png_bytes(rgb, PNG_DPI)
        svg = io.BytesIO()
        fig.savefig(svg, format="svg", bbox_inches=box, metadata={"Date": None, "Creator": None})
    finally:
        plt.close(fig)
    return png, svg.getvalue()


def _draw(fig: Figure, tight: bool) -> tuple[Bbox | None, np.ndarray]:
    """Draw ``fig`` with Agg at :data:`PNG_DPI`: the area saved (inches, None: the canvas) and
    its pixels (RGB, rows from the top)."""
    fig.set_dpi(PNG_DPI)
    canvas = FigureCanvasAgg(fig)
    width, height = fig.get_size_inches()
    if not tight:
        canvas.draw()  # type: ignore[no-untyped-call]
        return None, _rgb(canvas)
    drawn = Bbox.from_extents(-MARGIN, -MARGIN, width + MARGIN, height + MARGIN)
    box = _draw_area(fig, canvas, drawn)
    if box.x0 < drawn.x0 or box.y0 < drawn.y0 or box.x1 > drawn.x1 or box.y1 > drawn.y1:
        # it reaches beyond the margin: drawn again on exactly its area
        drawn = box
        _draw_area(fig, canvas, drawn)
        return box, _rgb(canvas)
    pixels = _rgb(canvas)
    rows, cols = pixels.shape[:2]
    left, right = (round((v - drawn.x0) * PNG_DPI) for v in (box.x0, box.x1))
    bottom, top = (round((v - drawn.y0) * PNG_DPI) for v in (box.y0, box.y1))
    return box, pixels[max(rows - top, 0) : rows - bottom, left : min(right, cols)]


def _rgb(canvas: FigureCanvasAgg) -> np.ndarray:
    """The canvas's pixels without their alpha (the figure is opaque)."""
    return np.asarray(canvas.buffer_rgba())[:, :, :3]  # type: ignore[no-untyped-call]


def _draw_area(fig: Figure, canvas: FigureCanvasAgg, area: Bbox) -> Bbox:
    """Draw the ``area`` (inches, in figure coordinates) of ``fig`` on ``canvas`` and return
    the figure's padded tight bounding box, rounded out to whole pixels of the drawing."""
    restore = adjust_bbox(fig, area, None)  # type: ignore[no-untyped-call]
    try:
        canvas.draw()  # type: ignore[no-untyped-call]
        found = fig.get_tightbbox(canvas.get_renderer())  # type: ignore[no-untyped-call]
    finally:
        restore()
    pad = matplotlib.rcParams["savefig.pad_inches"]
    # found is measured from the drawn area's corner: back to figure inches, whole pixels
    return Bbox.from_extents(
        area.x0 + _floor(found.x0 - pad),
        area.y0 + _floor(found.y0 - pad),
        area.x0 + _ceil(found.x1 + pad),
        area.y0 + _ceil(found.y1 + pad),
    )


def _floor(inches: float) -> float:
    return float(np.floor(inches * PNG_DPI + 1e-6)) / PNG_DPI


def _ceil(inches: float) -> float:
    return float(np.ceil(inches * PNG_DPI - 1e-6)) / PNG_DPI


def _png_bytes(rgb: np.ndarray, dpi: int) -> bytes:
    """A PNG file of ``rgb`` (height x width x 3, 8-bit) whose pHYs chunk says ``dpi``; no
    text chunk, so the same pixels give the same bytes."""
    height, width, _ = rgb.shape
    raw = np.empty((height, 1 + 3 * width), dtype=np.uint8)
    raw[:, 0] = 0  # filter type None on every row
    pixels = raw[:, 1:].reshape(height, width, 3)
    for channel in range(3):
        # a plane at a time: four times faster than one copy of 3-byte pixels out of RGBA
        pixels[:, :, channel] = rgb[:, :, channel]
    per_metre = round(dpi / 0.0254)

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(body, zlib.crc32(kind))
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    return b"".join(
        (
            b"\x89PNG\r\n\x1a\n",
            chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)),
            chunk(b"pHYs", struct.pack(">IIB", per_metre, per_metre, 1)),
            chunk(b"IDAT", zlib.compress(raw.data, PNG_COMPRESSION)),
            chunk(b"IEND", b""),
        )
    )


def cells(ax: Any, grid: np.ndarray, **style: Any) -> Any:
    """Draw ``grid`` (rows x columns) on ``ax`` as coloured cells, row 0 at the top and cell
    (i, j) centred on (j, i), as ``imshow`` places them (empty cells left blank). One quad per
    cell: drawing it at 300 dpi costs far less than an image resampled to every pixel; each
    cell is edged in its own colour so that no SVG viewer shows seams between cells."""
    rows, cols = grid.shape
    mesh = ax.pcolormesh(np.arange(cols + 1) - 0.5, np.arange(rows + 1) - 0.5, grid,
                         edgecolors="face", linewidth=0.3, **style)  # fmt: skip
    ax.set_xlim(-0.5, cols - 0.5)
    ax.set_ylim(rows - 0.5, -0.5)
    return mesh


def topic_heatmap(by_period: pd.DataFrame) -> Figure:
    """Topics (rows, most frequent first) x periods (columns), coloured by share, annotated."""
    wide = by_period.pivot_table(index="topic", columns="period", values="share", observed=True)
    counts = by_period.groupby("topic")["count"].sum()
    wide = wide.loc[counts.sort_values(ascending=False, kind="stable").index]
    sizes = by_period.groupby("period", observed=True)["n_meetings"].first()
    fig, ax = plt.subplots(figsize=(7.5, 0.32 * len(wide) + 1.6))
    im = cells(ax, wide.to_numpy(), cmap="YlOrRd", vmin=0, vmax=1)
    ax.set_yticks(range(len(wide)), [topic_label(t) for t in wide.index])
    ax.set_xticks(
        range(len(wide.columns)), [f"{p}\n(n={int(sizes.get(p, 0))})" for p in wide.columns]
    )
    ax.xaxis.tick_top()
    for (i, j), value in np.ndenumerate(wide.to_numpy()):
        if value > 0:
            ax.text(j, i, f"{100 * value:.0f}", ha="center", va="center", fontsize=7,
                    color="white" if value > 0.55 else "black")  # fmt: skip
    fig.colorbar(im, ax=ax, fraction=0.03, pad=0.02, label="share of meetings")
    ax.set_title("Security concerns in meetings, % of meetings per period", pad=28)
    return fig


#: A year with fewer meetings coded for concerns than this is masked in the yearly concern chart.
THIN_YEAR_MEETINGS = 5


def concern_shares(by_year: pd.DataFrame, topics: Sequence[str]) -> Figure:
    """Yearly share of meetings coded with each of ``topics`` (3-year centred mean as line,
    yearly values as dots). Years with fewer than :data:`THIN_YEAR_MEETINGS` meetings coded for
    concerns are masked: shaded grey, their dots hollow, and left out of the mean."""
    fig, ax = plt.subplots(figsize=(8, 4.4))
    thin_years = sorted(
        int(y) for y in by_year.loc[by_year["n_meetings"] < THIN_YEAR_MEETINGS, "year"].unique()
    )
    for k, year in enumerate(thin_years):
        ax.axvspan(year - 0.5, year + 0.5, color="#dddddd", zorder=0, linewidth=0,
                   label=f"fewer than {THIN_YEAR_MEETINGS} meetings (masked)" if k == 0 else None)  # fmt: skip
    for i, topic in enumerate(topics):
        rows = by_year[by_year["topic"] == topic].sort_values("year")
        thin = rows["n_meetings"] < THIN_YEAR_MEETINGS
        colour = _CYCLE[(2 * i) % len(_CYCLE)]
        ax.scatter(rows.loc[~thin, "year"], 100 * rows.loc[~thin, "share"], s=8, color=colour,
                   alpha=0.5)  # fmt: skip
        ax.scatter(rows.loc[thin, "year"], 100 * rows.loc[thin, "share"], s=8, facecolor="none",
                   edgecolor=colour, alpha=0.5, linewidth=0.6)  # fmt: skip
        kept = rows.loc[~thin].set_index("year")["share"]
        smooth = kept.rolling(3, center=True, min_periods=1).mean()
        ax.plot(smooth.index, 100 * smooth.to_numpy(), color=colour, label=topic_label(topic))
    ax.set_ylabel("% of meetings with concerns coded")
    ax.set_ylim(0, 105)
    ax.legend(frameon=False, fontsize=8, ncols=2, loc="upper center",
              bbox_to_anchor=(0.5, -0.1))  # fmt: skip
    ax.set_title("Concern shares over time (dots: yearly; lines: 3-year mean; grey: masked years)")
    return fig


def meetings_by_country(per_year: pd.DataFrame, colours: Mapping[str, str] | None = None) -> Figure:
    """Meetings per year for each partner, stacked bars (``colours``: per partner state)."""
    wide = per_year.pivot_table(index="year", columns="country", values="count", fill_value=0)
    order = list(dict.fromkeys(per_year["country"]))
    wide = wide[[c for c in order if c in wide.columns]]
    fig, ax = plt.subplots(figsize=(8, 3.8))
    bottom = np.zeros(len(wide))
    for i, country in enumerate(wide.columns):
        ax.bar(
            wide.index,
            wide[country],
            bottom=bottom,
            color=_colour(country, i, colours),
            label=country,
        )
        bottom += wide[country].to_numpy()
    ax.set_ylabel("meetings (a meeting counts for each partner in it)")
    ax.legend(frameon=False, ncols=len(wide.columns), fontsize=8)
    ax.set_title("Meetings per year by partner country")
    return fig


def activity_mix_bars(mix: pd.DataFrame) -> Figure:
    """Horizontal stacked bars: events per partner by kind."""
    wide = mix.pivot_table(index="country", columns="kind", values="count", fill_value=0)
    wide = wide[wide.sum().sort_values(ascending=False).index]
    wide = wide.loc[wide.sum(axis=1).sort_values().index]
    fig, ax = plt.subplots(figsize=(8, 0.5 * len(wide) + 1.8))
    left = np.zeros(len(wide))
    for i, kind in enumerate(wide.columns):
        ax.barh(wide.index, wide[kind], left=left, color=_CYCLE[i % len(_CYCLE)],
                label=kind.replace("_", " "))  # fmt: skip
        left += wide[kind].to_numpy()
    ax.set_xlabel("events involving the country")
    ax.legend(frameon=False, fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.18), ncols=3)
    ax.set_title("Activity mix by partner country")
    return fig


#: Above this many exercises the timeline draws one marker per year and series.
TIMELINE_MAX_POINTS = 400


def exercise_timeline(table: pd.DataFrame) -> Figure:
    """Exercises by year and series; marker area by total troops (hollow: size unknown).

    With more than ``TIMELINE_MAX_POINTS`` exercises, one marker per year and series is drawn,
    sized by the largest troop figure that year and labelled with the number of exercises.
    """
    series = table["framework"].map(
        lambda f: "SCO" if f == "SCO" else "bilateral" if f == "bilateral" else "other multilateral"
    )
    rows = {"SCO": 2, "other multilateral": 1, "bilateral": 0}
    aggregated = len(table) > TIMELINE_MAX_POINTS
    if aggregated:
        grouped = (
            table.assign(series=series)
            .groupby(["year", "series"])
            .agg(n=("id", "size"), troops_total_n=("troops_total_n", "max"), name=("name", "first"))
            .reset_index()
        )
        table, series = grouped, grouped["series"]
    fig, ax = plt.subplots(figsize=(8, 3.2))
    troops = table["troops_total_n"].to_numpy(dtype=float)
    known = ~np.isnan(troops)
    scale = np.nanmax(troops) if known.any() else 1.0
    size = np.where(known, 20 + 380 * np.sqrt(np.nan_to_num(troops) / max(scale, 1.0)), 30)
    jitter = 0 if aggregated else (table.groupby(["year", series]).cumcount() * 0.12).to_numpy()
    y = series.map(rows).to_numpy() + jitter
    years = table["year"].to_numpy()
    ax.scatter(years[known], y[known], s=size[known], alpha=0.55, color="#c0392b",
               edgecolor="black", linewidth=0.5, label="troops known")  # fmt: skip
    ax.scatter(years[~known], y[~known], s=size[~known], facecolor="none",
               edgecolor="#555555", label="size unknown")  # fmt: skip
    if aggregated:
        for yr, yy, n in zip(years, y, table["n"], strict=True):
            ax.annotate(str(n), (yr, yy), fontsize=5, ha="center", va="center")
    elif known.any():
        big = table[known].sort_values("troops_total_n", ascending=False).head(3)
        for r in big.itertuples():
            name = _chart_text(r.name, f"{r.kind.replace('_', ' ')} {r.year}")
            name = "\n".join(textwrap.wrap(name, 28))  # wrapped, never cut
            ax.annotate(f"{name} ({int(r.troops_total_n):,})", (r.year, rows[series[r.Index]]),
                        fontsize=7, xytext=(4, 8), textcoords="offset points")  # fmt: skip
    ax.set_yticks(list(rows.values()), list(rows.keys()))
    ax.set_ylim(-0.6, 2.9)
    ax.legend(frameon=False, fontsize=7, loc="lower right")
    title = "Exercises by year (marker area: total troops, first figure stated)"
    if aggregated:
        title = "Exercises by year (number per year; marker area: largest total troops)"
    ax.set_title(title)
    return fig


def index_lines(index: pd.DataFrame, colours: Mapping[str, str] | None = None) -> Figure:
    """Engagement index per country over time (3-year centred mean; thin line: yearly;
    ``colours``: per partner state)."""
    fig, ax = plt.subplots(figsize=(8, 3.8))
    for i, (country, rows) in enumerate(index.groupby("country", sort=False)):
        rows = rows.sort_values("year")
        colour = _colour(str(country), i, colours)
        ax.plot(rows["year"], rows["index"], color=colour, alpha=0.3, linewidth=0.8)
        smooth = rows["index"].rolling(3, center=True, min_periods=1).mean()
        ax.plot(rows["year"], smooth, color=colour, label=str(country), linewidth=1.8)
    ax.set_ylabel("engagement index")
    ax.legend(frameon=False, ncols=5, fontsize=8)
    ax.set_title("Engagement index by partner country (thick: 3-year mean)")
    return fig
