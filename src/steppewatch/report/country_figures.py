"""Small-multiple charts, one panel per partner state, on one shared scale: concern shares per
period (% of the country's meetings coded for concerns) and meeting levels per period (meetings).

Each panel is a grid (rows: concerns or levels; columns: periods) with the value written in the
cell; the column label carries the panel's n. A period with fewer than ``min_n`` meetings is
hatched and its label marked with an asterisk, so a share of a handful of meetings is not read
as a trend.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.transforms import ScaledTranslation

from steppewatch.report import figures  # (also sets the Agg backend and the fonts)
from steppewatch.report.captions import topic_label

__all__ = ["country_panels"]

#: Panels per row of the small multiples.
COLUMNS = 3
#: Gap between a panel and its row and column labels (inches; matplotlib's tick label pad).
_TICK_PAD = 3.5 / 72


def _panel_grid(n: int) -> tuple[int, int]:
    cols = min(COLUMNS, max(n, 1))
    return (n + cols - 1) // cols, cols


def country_panels(
    data: pd.DataFrame,
    *,
    row_key: str,
    rows: Sequence[str],
    value: str,
    countries: Sequence[str],
    names: dict[str, str],
    title: str,
    percent: bool,
    min_n: int = 5,
    cmap: str = "YlOrRd",
) -> Figure:
    """One panel per country of ``data`` (``country, period, <row_key>, <value>, n_meetings``).

    ``rows``: the row labels, the same in every panel; ``percent``: values are shares (0-1,
    shown as %) else counts. The colour scale is shared across panels: 0-100% for shares, 0 to
    the largest count for counts.
    """
    periods = list(data["period"].cat.categories)
    n_rows, n_cols = _panel_grid(len(countries))
    # a fixed layout in inches (a layout engine would cost a solve on every draw): per panel
    # row, a title above, the grid, three lines of period labels below
    panel, above, below, head, foot, width = 0.28 * len(rows), 0.3, 0.6, 0.4, 0.3, 9.2
    height = head + n_rows * (above + panel + below) + foot
    fig = Figure(figsize=(width, height))
    top, bottom = 1 - (head + above) / height, (foot + below) / height
    grid = fig.add_gridspec(n_rows, n_cols, left=1.5 / width, right=1 - 1.2 / width, top=top,
                            bottom=bottom, wspace=0.06, hspace=(above + below) / panel)  # fmt: skip
    vmax = 1.0 if percent else max(float(data[value].max()) if len(data) else 1.0, 1.0)
    # the row and column labels are plain texts where tick labels would be (no tick machinery
    # to lay out on every draw); only the first panel of each row names the rows
    pad = ScaledTranslation(_TICK_PAD, 0, fig.dpi_scale_trans)
    grids, n_meetings = _grids(data, row_key, rows, value, countries, periods)
    image = None
    for k, country in enumerate(countries):
        ax = fig.add_subplot(grid[k // n_cols, k % n_cols])
        ax.set_axis_off()
        values, sizes = grids[k], n_meetings[k]
        image = figures.cells(ax, np.nan_to_num(values), cmap=cmap, vmin=0, vmax=vmax)
        for (i, j), v in np.ndenumerate(values):
            if not np.isnan(v) and v > 0:
                text = f"{100 * v:.0f}" if percent else f"{int(v)}"
                ax.text(j, i, text, ha="center", va="center", fontsize=7,
                        color="white" if v > 0.55 * vmax else "black")  # fmt: skip
        under = ax.get_xaxis_transform() + ScaledTranslation(0, -_TICK_PAD, fig.dpi_scale_trans)
        for j, period in enumerate(periods):
            n = int(sizes[j])
            thin = n < min_n
            if thin:
                ax.add_patch(_hatch(j, len(rows)))
            label = f"{_two_lines(period)}\nn={n}{'*' if thin else ''}"
            ax.text(j, 0, label, transform=under, ha="center", va="top", fontsize=7)
        if k % n_cols == 0:
            left = ax.get_yaxis_transform() - pad
            for i, row in enumerate(rows):
                ax.text(0, i, topic_label(row), transform=left, ha="right",
                        va="center_baseline", fontsize=7.5)  # fmt: skip
        ax.set_title(f"{names.get(country, country)} ({country})", fontsize=9, loc="left")
    if image is not None:
        cax = fig.add_axes((1 - 1.0 / width, bottom, 0.14 / width, top - bottom))
        bar = fig.colorbar(image, cax=cax)
        bar.set_label("% of the state's meetings\ncoded for concerns" if percent else "meetings")
        if percent:
            bar.set_ticks([0, 0.25, 0.5, 0.75, 1.0], labels=["0", "25", "50", "75", "100"])
    fig.text(0.02, 1 - 0.12 / height, title, fontsize=10, ha="left", va="top")
    fig.text(0.02, 0.08 / height, f"* fewer than {min_n} meetings in the period (hatched): "
             "read with care", fontsize=7.5, color="#444444", ha="left", va="bottom")  # fmt: skip
    return fig


def _grids(
    data: pd.DataFrame,
    row_key: str,
    rows: Sequence[str],
    value: str,
    countries: Sequence[str],
    periods: Sequence[str],
) -> tuple[np.ndarray, np.ndarray]:
    """Each country's grid of ``value`` (countries x rows x periods; NaN where ``data`` has no
    row, the sum where it has several) and its meetings per period (the first ``n_meetings``
    given for it, 0 if none): what a pivot table per country gives, in one pass."""
    shape = (len(countries), len(rows), len(periods))
    country = data["country"].map({c: i for i, c in enumerate(countries)})
    row = data[row_key].map({r: i for i, r in enumerate(rows)})
    period = data["period"].map({p: i for i, p in enumerate(periods)})
    known = (country.notna() & period.notna()).to_numpy()
    c, p = country.to_numpy()[known].astype(int), period.to_numpy()[known].astype(int)
    sizes = np.zeros(shape[::2], dtype=int)
    # the first n_meetings given for each country and period
    cells, first = np.unique(c * len(periods) + p, return_index=True)
    sizes.flat[cells] = data["n_meetings"].to_numpy()[known][first]
    placed = known & row.notna().to_numpy()
    c, p = country.to_numpy()[placed].astype(int), period.to_numpy()[placed].astype(int)
    r = row.to_numpy()[placed].astype(int)
    total, seen = np.zeros(shape), np.zeros(shape, dtype=bool)
    np.add.at(total, (c, r, p), data[value].to_numpy(dtype=float)[placed])
    seen[c, r, p] = True
    return np.where(seen, total, np.nan), sizes


def _two_lines(period: str) -> str:
    """'1992-2000' -> '1992-\n2000' (so five period labels fit under a narrow panel)."""
    head, sep, tail = period.partition("-")
    return f"{head}-\n{tail}" if sep and tail else period


def _hatch(column: int, n_rows: int):  # type: ignore[no-untyped-def]
    from matplotlib.patches import Rectangle

    return Rectangle((column - 0.5, -0.5), 1, n_rows, fill=False, hatch="///",
                     edgecolor="#9aa3ab", linewidth=0)  # fmt: skip
