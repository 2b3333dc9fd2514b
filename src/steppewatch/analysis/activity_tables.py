"""One table per activity kind, with the attributes that kind carries.

The reference study lists its activities in tables (exercises, training and education, equipment
transfers...); the same tables are built here from the events frame. Each kind has its own
columns, taken from the ``attributes`` its events carry in the bundled dataset (``item,
quantity, value_usd, recipient`` for an equipment transfer...). Attributes a kind's events carry
that are not among its columns are kept together in ``other``, so nothing the data says is lost;
notes on dates and codes (``date_note``, ``topic_note``...) are left out.

Source links are not in the frame: the report adds them from the database.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from steppewatch.analysis.frame import text_series

__all__ = ["ACTIVITY_TABLES", "ActivityTable", "TABLE_KINDS", "activity_table", "BASE_COLUMNS"]


@dataclass(frozen=True)
class ActivityTable:
    """A table of one kind: its name (``activity_<kind>``), title and attribute columns."""

    kind: str
    title: str
    attributes: tuple[str, ...]

    @property
    def name(self) -> str:
        return f"activity_{self.kind}"


#: Every activity kind with a table, in the order the report shows them.
ACTIVITY_TABLES: tuple[ActivityTable, ...] = (
    ActivityTable("multilateral_exercise", "Multilateral exercises",
                  ("exercise_name", "host", "troops_total", "troops_cn", "scenario")),
    ActivityTable("bilateral_exercise", "Bilateral exercises",
                  ("exercise_name", "troops_total", "troops_cn", "scenario")),
    ActivityTable("training_education", "Training and education",
                  ("program", "trainees", "duration", "period", "direction")),
    ActivityTable("equipment_transfer", "Equipment transfers",
                  ("item", "quantity", "value_usd", "value_cny", "recipient", "transfer_type")),
    ActivityTable("infrastructure", "Security infrastructure",
                  ("facility", "builder", "funding", "value_usd", "value_cny", "status")),
    ActivityTable("private_security", "Chinese private security",
                  ("company", "facility", "capacity", "assessment")),
    ActivityTable("mechanism", "Mechanisms (treaties, agreements, bodies, expert groups)",
                  ("instrument", "body", "focus", "periodicity")),
    ActivityTable("joint_patrol_operation", "Joint patrols and operations",
                  ("operation_name", "operation_type", "persons", "detained", "organiser")),
)  # fmt: skip
TABLE_KINDS = tuple(t.kind for t in ACTIVITY_TABLES)
#: Columns every activity table starts with; ``sources`` is added by the report.
BASE_COLUMNS = ("id", "date", "countries", "framework", "title")
#: Attributes that annotate a code or a date rather than describe the activity.
_NOTES = frozenset({"date_note", "topic_note", "participants_note", "acquisition_date_note"})


def _text(value: Any) -> str:
    """An attribute value as the text a table cell shows (numbers as written, lists joined)."""
    if value is None:
        return ""
    if type(value) is str:  # the common case first (a str subclass goes the long way)
        return value
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (int, float)):
        return f"{value:g}" if isinstance(value, float) else str(value)
    if isinstance(value, (list, tuple)):
        return "; ".join(_text(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def _other(attributes: dict[str, Any], hidden: frozenset[str]) -> str:
    """The attributes not in ``hidden`` (the table's columns and the notes) as one cell."""
    if not attributes or attributes.keys() <= hidden:
        return ""
    return "; ".join(
        [f"{k.replace('_', ' ')}: {_text(v)}" for k, v in attributes.items() if k not in hidden]
    )


def _joined_countries(rows: pd.DataFrame) -> list[str] | np.ndarray:
    """Each row's countries ``;``-joined: the analysis frame's ``countries_key`` categories are
    exactly that (joined once per distinct list), else joined row by row."""
    key = rows["countries_key"] if "countries_key" in rows.columns else None
    if key is not None and isinstance(key.dtype, pd.CategoricalDtype):
        codes = key.cat.codes.to_numpy()
        if (codes >= 0).all():
            joined: np.ndarray = np.asarray(key.cat.categories, dtype=object)[codes]
            return joined
    return [";".join(c) for c in rows["countries"].to_numpy()]


def _per_row(
    cells: list[str], inverse: np.ndarray, compact: bool = False
) -> pd.Series | pd.Categorical | np.ndarray:
    """One cell per row from the cells of the distinct attributes (``inverse``: each row's),
    as the column pandas makes of them (text taken by Arrow, not converted row by row); with
    ``compact``, a categorical of the distinct cells (the same text, a small code per row)."""
    if compact:
        codes, distinct = pd.factorize(np.asarray(cells, dtype=object))
        return pd.Categorical.from_codes(codes[inverse.reshape(-1)], categories=distinct)
    found = text_series(cells, inverse.reshape(-1))
    if found is not None:
        return found
    distinct = np.empty(len(cells), dtype=object)
    distinct[:] = cells
    taken: np.ndarray = distinct[inverse.reshape(-1)]
    return taken


def _dates(dates: pd.Series, compact: bool) -> np.ndarray:
    """The ``date`` cells: the dates as text (each row's own ``str``); with ``compact`` the
    frame's text itself when every date is one (the same cells, no new object per row)."""
    values = dates.to_numpy()
    if compact and all(t is str for t in set(map(type, values))):
        return np.asarray(values, dtype=object)
    found: np.ndarray = dates.astype(str).to_numpy()
    return found


def activity_table(
    frame: pd.DataFrame, table: ActivityTable, *, compact: bool = False
) -> pd.DataFrame:
    """The events of ``table.kind`` in ``frame`` as rows: ``id, date, countries, framework,
    title``, then the kind's attribute columns (text as reported) and ``other``. Newest first
    (the order a reader scans a list of activities); empty (with the columns) when none.

    ``compact``: the attribute and ``other`` columns as categoricals and the others as object
    columns holding the frame's own text (the same cells, and the same CSV; a code or pointer
    per row instead of a copy of the text): the report keeps every table until its files are
    written, which on a million events was about 170 MB of text (324,000 rows)."""
    columns = [*BASE_COLUMNS, *table.attributes, "other"]
    # a numpy comparison (several times cheaper than pandas' on a million object cells); rows
    # taken with all their columns (taking a few columns of a wide frame costs more here)
    rows = frame[frame["kind"].to_numpy() == table.kind]
    if rows.empty:
        return pd.DataFrame(columns=columns)
    # the cells made once per distinct attributes object: the report's frame holds one dict
    # per distinct JSON text (a million events have a few hundred), shared by its rows
    objects = rows["attributes"].to_numpy()
    keys = np.fromiter(map(id, objects), dtype=np.int64, count=len(objects))
    _, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
    attrs = [a if isinstance(a, dict) else {} for a in objects[first]]
    base: dict[str, Any] = {
        "id": rows["id"].to_numpy(),
        "date": _dates(rows["date_start"], compact),
        "countries": _joined_countries(rows),
        "framework": rows["framework"].fillna("").to_numpy(),
        "title": rows["title"].fillna("").to_numpy(),
    }
    if compact:
        # object columns: pointers to the frame's (shared) text, not a copy of it as Arrow
        # strings (which pandas makes of a column of str)
        base = {k: pd.Series(v, dtype=object, copy=False) for k, v in base.items()}
    out = pd.DataFrame(base)
    for name in table.attributes:
        # _text inlined for the common cells (missing, or text): a call per cell costs more
        values = [a.get(name) for a in attrs]
        cells = ["" if v is None else v if type(v) is str else _text(v) for v in values]
        out[name] = _per_row(cells, inverse, compact)
    hidden = frozenset(table.attributes) | _NOTES
    out["other"] = _per_row([_other(a, hidden) for a in attrs], inverse, compact)
    order = _newest_first(out["date"].to_numpy(), out["id"].to_numpy())
    if order is not None:
        return out.take(order).reset_index(drop=True)
    return out.sort_values(["date", "id"], ascending=[False, True], kind="stable").reset_index(
        drop=True
    )


def _newest_first(dates: np.ndarray, ids: np.ndarray) -> np.ndarray | None:
    """The row order of a stable sort by date (newest first), then id, when the rows are in
    (date, id) order already (the report's frame is: by date, then id), found without sorting:
    the runs of equal dates in reverse, each as it is (sorting factorized both text columns: on
    10,000,000 events about 2.5 s of the report). None when the rows are not in that order, or
    not every date and id is text."""
    if len(dates) < 2:
        return np.arange(len(dates), dtype=np.int64)
    if set(map(type, dates)) != {str} or set(map(type, ids)) != {str}:
        return None
    same = dates[1:] == dates[:-1]
    if not bool(((dates[1:] > dates[:-1]) | (same & (ids[1:] >= ids[:-1]))).all()):
        return None
    run = np.zeros(len(dates), dtype=np.int64)
    np.cumsum(~same, out=run[1:])
    found: np.ndarray = np.argsort(run[-1] - run, kind="stable")
    return found
