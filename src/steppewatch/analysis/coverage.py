"""How far the data reach: the numbers a reader needs to judge every other table.

The report's data section is built from these: how many meetings the data hold in the reference
study's window against the study's own count, events per year with thin years marked, how many
events rest on one source, and where the sources come from (language, type, side). All are
computed from the filtered frames the rest of the report uses, so they describe exactly the
events behind its charts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from steppewatch.analysis.frame import meetings, require_columns

__all__ = [
    "THIN_YEAR_EVENTS",
    "SMALL_N",
    "ReferenceCoverage",
    "reference_coverage",
    "events_per_year",
    "single_source_share",
    "sources_by",
    "SOURCE_CATEGORIES",
]

#: A year with fewer events than this is marked "thin" in the events-per-year table.
THIN_YEAR_EVENTS = 5
#: A finding resting on fewer events than this says so beside its verdict.
SMALL_N = 10
#: Source categories, in the order tables list them.
SOURCE_CATEGORIES = ("official", "state media", "independent", "other")


@dataclass(frozen=True)
class ReferenceCoverage:
    """Meetings in the reference study's window here against the study's own count."""

    window: tuple[int, int]
    meetings_here: int
    meetings_reference: int | None
    reference_name: str
    #: What the reference study counted ("official records of high-level meetings").
    counted: str = "records of meetings"

    @property
    def ratio(self) -> float | None:
        if not self.meetings_reference:
            return None
        return self.meetings_here / self.meetings_reference

    def sentence(self) -> str:
        lo, hi = self.window
        text = f"The data hold {self.meetings_here:,} meetings in {lo}-{hi}"
        if self.meetings_reference:
            text += (
                f"; {self.reference_name} coded {self.meetings_reference:,} {self.counted} "
                f"in those years: the data hold "
                f"{round(100 * (self.ratio or 0))}% of its count"
            )
        return text + "."


def reference_coverage(
    frame: pd.DataFrame,
    *,
    window: tuple[int, int],
    reference_meetings: int | None,
    reference_name: str = "the reference study",
    counted: str = "records of meetings",
) -> ReferenceCoverage:
    require_columns(frame, ("kind", "year"), "reference_coverage")
    m = meetings(frame)
    lo, hi = window
    n = int(((m["year"] >= lo) & (m["year"] <= hi)).sum())
    return ReferenceCoverage(window, n, reference_meetings, reference_name, counted)


def events_per_year(frame: pd.DataFrame, *, thin_below: int = THIN_YEAR_EVENTS) -> pd.DataFrame:
    """Columns ``year, events, meetings, single_source, thin``: every year from the first to the
    last in the frame (a year with no event is listed with 0, and is thin)."""
    require_columns(frame, ("kind", "year", "n_sources"), "events_per_year")
    columns = ["year", "events", "meetings", "single_source", "thin"]
    if frame.empty:
        return pd.DataFrame(columns=columns)
    years = np.arange(int(frame["year"].min()), int(frame["year"].max()) + 1)
    events = frame.groupby("year").size().reindex(years, fill_value=0)
    meets = meetings(frame).groupby("year").size().reindex(years, fill_value=0)
    single = frame[frame["n_sources"] <= 1].groupby("year").size().reindex(years, fill_value=0)
    out = pd.DataFrame(
        {
            "year": years,
            "events": events.to_numpy(),
            "meetings": meets.to_numpy(),
            "single_source": single.to_numpy(),
        }
    )
    out["thin"] = out["events"] < thin_below
    return out[columns]


def single_source_share(frame: pd.DataFrame) -> tuple[int, int]:
    """(events resting on one source or none, all events)."""
    require_columns(frame, ("n_sources",), "single_source_share")
    return int((frame["n_sources"] <= 1).sum()), len(frame)


def sources_by(
    sources: pd.DataFrame,
    column: str,
    *,
    order: tuple[str, ...] | None = None,
    label: Callable[[str], str] | None = None,
    weights: str | None = None,
) -> pd.DataFrame:
    """Columns ``<column>, sources, share``: sources counted by one of their columns (language,
    category, side), largest first unless ``order`` is given; missing values count as
    "unknown". ``weights``: a column saying how many sources each row stands for (rows already
    counted, in the order their values first occur among the sources); the same table as
    from one row per source."""
    require_columns(sources, (column,) if weights is None else (column, weights), "sources_by")
    values = sources[column].fillna("unknown").astype(str).replace("", "unknown")
    if weights is None:
        counts = values.value_counts()
    else:
        # value_counts: counts in the order values first occur, then a stable sort
        counts = sources[weights].groupby(values.to_numpy(), sort=False).sum()
        counts = counts.sort_values(ascending=False, kind="stable")
    if order is not None:
        rest = [v for v in counts.index if v not in order]
        counts = counts.reindex([*order, *rest], fill_value=0)
    out = pd.DataFrame({column: counts.index, "sources": counts.to_numpy()})
    total = int(out["sources"].sum())
    out["share"] = out["sources"] / total if total else 0.0
    if label is not None:
        out[column] = out[column].map(label)
    return out
