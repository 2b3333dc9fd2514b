"""Exercises: one row per SCO, multilateral and bilateral exercise, and the series over time.

Troop figures in the dataset are often text ("450-500", "about 100", "3,400 (RU MoD) to 5,500
(TASS)"). The numeric columns ``troops_total_n`` / ``troops_cn_n`` take the first number stated
(commas removed), i.e. the lower bound of a range; text with no number ("one PLA company") gives
no value. The raw text is kept beside it.
"""

from __future__ import annotations

import math
import re
from typing import Any

import numpy as np
import pandas as pd

from steppewatch.analysis.frame import require_columns

__all__ = ["EXERCISE_KINDS", "parse_count", "exercises_table", "exercise_series"]

EXERCISE_KINDS = ("multilateral_exercise", "bilateral_exercise")
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def parse_count(value: Any) -> float:
    """The first number in a troop figure (``"3,400 (RU MoD) to 5,500"`` -> 3400.0), or NaN."""
    if value is None or isinstance(value, bool):
        return math.nan
    if isinstance(value, int | float):
        return float(value)
    match = _NUMBER.search(str(value))
    if not match:
        return math.nan
    return float(match.group(0).replace(",", ""))


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, list | tuple):
        return "; ".join(str(v) for v in value)
    return str(value)


def _distinct_objects(values: np.ndarray) -> tuple[np.ndarray, list[Any]]:
    """Each row's index into the distinct objects of ``values`` (told apart by identity: an
    equal value held twice is looked at twice, with the same result), and those objects."""
    keys = np.fromiter(map(id, values), dtype=np.int64, count=len(values))
    codes, uniques = pd.factorize(keys)
    row = np.zeros(len(uniques), dtype=np.int64)
    row[codes] = np.arange(len(codes), dtype=np.int64)  # any row of each: the same object
    return codes, values[row].tolist()


def exercises_table(frame: pd.DataFrame) -> pd.DataFrame:
    """Every exercise with name, year, framework, participants, troops and scenario.

    ``name`` is ``attributes.exercise_name`` (the title when absent). Columns: ``id, year,
    date_start, kind, framework, name, participants, troops_total, troops_cn, troops_total_n,
    troops_cn_n, scenario, n_sources``; sorted by date.
    """
    require_columns(
        frame, ("id", "kind", "year", "countries", "framework", "attributes"), "exercises"
    )
    ex = frame[frame["kind"].isin(EXERCISE_KINDS)]
    # built column by column (one pass per field, no dict per row); the rows are then given
    # to from_records as before, so every column's type is inferred as it was. The fields
    # of the attributes and the joined country lists are made once per distinct object
    # (the analysis frame shares equal values: one object each), then taken per row.
    at, attrs = _distinct_objects(ex["attributes"].to_numpy())
    attrs = [a if isinstance(a, dict) else {} for a in attrs]
    years = ex["year"].tolist()
    titles = [t or "" for t in ex["title"].tolist()] if "title" in ex.columns else [""] * len(ex)
    total = [a.get("troops_total") for a in attrs]
    cn = [a.get("troops_cn") for a in attrs]

    def per_row(values: list[Any]) -> list[Any]:
        table = np.empty(len(values), dtype=object)
        table[:] = values
        taken: list[Any] = table[at].tolist()
        return taken

    country_at, country_lists = _distinct_objects(ex["countries"].to_numpy())
    joined = np.empty(len(country_lists), dtype=object)
    joined[:] = [";".join(c) for c in country_lists]
    records = list(
        zip(
            ex["id"].tolist(),
            [int(y) for y in years],
            ex["date_start"].tolist() if "date_start" in ex.columns else [str(y) for y in years],
            ex["kind"].tolist(),
            ex["framework"].tolist(),
            [
                v or t
                for v, t in zip(
                    per_row([_text(a.get("exercise_name")) for a in attrs]), titles, strict=True
                )
            ],
            joined[country_at].tolist(),
            per_row([_text(v) for v in total]),
            per_row([_text(v) for v in cn]),
            per_row([parse_count(v) for v in total]),
            per_row([parse_count(v) for v in cn]),
            per_row([_text(a.get("scenario")) for a in attrs]),
            [int(n) for n in ex["n_sources"].tolist()],
            strict=True,
        )
    )
    cols = [
        "id", "year", "date_start", "kind", "framework", "name", "participants", "troops_total",
        "troops_cn", "troops_total_n", "troops_cn_n", "scenario", "n_sources",
    ]  # fmt: skip
    out = pd.DataFrame.from_records(records, columns=cols)
    return out.sort_values(["date_start", "id"]).reset_index(drop=True)


def exercise_series(table: pd.DataFrame) -> pd.DataFrame:
    """Exercises per year by series: ``SCO`` (any exercise held in the SCO framework),
    ``other multilateral`` and ``bilateral`` (by framework, whatever the kind says).

    Columns: ``year, series, count, max_troops`` (largest parsed total troop figure, NaN if none).
    """
    if table.empty:
        return pd.DataFrame(columns=["year", "series", "count", "max_troops"])
    series = table["framework"].map(
        lambda f: "SCO" if f == "SCO" else "bilateral" if f == "bilateral" else "other multilateral"
    )
    out = (
        table.assign(series=series)
        .groupby(["year", "series"])
        .agg(count=("id", "size"), max_troops=("troops_total_n", "max"))
        .reset_index()
    )
    return out
