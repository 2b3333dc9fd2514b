"""The activity tables in the report: source links added from the database, one sortable HTML
table per kind (a small inline script sorts on a click on a column head), and the CSV beside
the report (``data/activity_<kind>.csv``, a ``source_urls`` column, space-separated).

Only plain http(s) URLs become links (:func:`~steppewatch.report.evidence.safe_href`); every
text is escaped. On a large selection the page shows the newest :data:`MAX_SHOWN` rows of a kind
(the CSV has all), and source URLs are read for at most :data:`ALL_URLS_UP_TO` rows in all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

import pandas as pd

from steppewatch.analysis.activity_tables import ACTIVITY_TABLES, ActivityTable
from steppewatch.report.evidence import _link, _sources_by_id

if TYPE_CHECKING:
    from steppewatch.store import Store
    from steppewatch.store.parquet_store import ParquetStore

__all__ = ["ActivityView", "MAX_SHOWN", "ALL_URLS_UP_TO", "add_source_urls", "activity_views"]

MAX_SHOWN = 300
ALL_URLS_UP_TO = 20_000
#: Column heads for attribute names that read badly as they are.
_HEADS = {"troops_cn": "PRC troops", "value_usd": "value (USD)", "value_cny": "value (CNY)"}


@dataclass(frozen=True)
class ActivityView:
    name: str
    title: str
    n: int
    html: str  # empty when the kind has no row


#: (url, publisher) of each listed event's sources, by event id.
SourcesById = dict[str, list[tuple[str, str | None]]]


def add_source_urls(store: Store | ParquetStore, tables: dict[str, pd.DataFrame]) -> SourcesById:
    """Add ``source_urls`` (space-separated, in source order) to every activity table in
    ``tables``: for every row up to :data:`ALL_URLS_UP_TO` rows in all, else for the rows the
    page shows (the others get an empty cell). Returns the sources of the rows the page shows
    (kept apart from the frames: pandas deep-copies ``DataFrame.attrs`` on every operation)."""
    names = [t.name for t in ACTIVITY_TABLES if t.name in tables]
    total = sum(len(tables[n]) for n in names)
    ids: list[str] = []
    for name in names:
        frame = tables[name]
        ids.extend(frame["id"] if total <= ALL_URLS_UP_TO else frame["id"].head(MAX_SHOWN))
    found = _sources_by_id(store, ids) if ids else {}
    shown: SourcesById = {}
    for name in names:
        frame = tables[name]
        # most rows of a million events' tables are not listed: their cell made without a join
        frame["source_urls"] = [
            "" if (got := found.get(i)) is None else " ".join(u for u, _p in got)
            for i in frame["id"].to_numpy()
        ]
        shown.update({i: found.get(i, []) for i in frame["id"].head(MAX_SHOWN)})
    return shown


#: Longer "other" cells fold into a <details> (the CSV has the text in full).
OTHER_FOLD = 60


def _cell(value: object, column: str = "") -> str:
    text = "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)
    if column == "countries":  # a line may break after each code
        return escape(text).replace(";", ";<wbr>")
    if column == "other" and len(text) > OTHER_FOLD:
        cut = text[:OTHER_FOLD].rsplit(" ", 1)[0]
        return f"<details><summary>{escape(cut)} …</summary>{escape(text[len(cut) :])}</details>"
    return escape(text)


def _sources_cell(sources: Sequence[tuple[str, str | None]]) -> str:
    links = []
    for url, publisher in sources:
        link = _link(url, publisher)
        if link.href:
            links.append(
                f'<a href="{escape(link.href)}" rel="noopener noreferrer nofollow">'
                f"{escape(link.text)}</a>"
            )
        else:
            links.append(f'<span class="url">{escape(link.text)}</span>')
    return ", ".join(links)


def _numeric(values: pd.Series) -> bool:
    """Is the column numbers (ignoring empty cells)? Sorted as numbers in the page."""
    shown = [v for v in values if str(v).strip()]
    return bool(shown) and all(str(v).replace(",", "").replace(".", "", 1).isdigit() for v in shown)


def _table_html(table: ActivityTable, frame: pd.DataFrame, sources: SourcesById) -> str:
    shown = frame.head(MAX_SHOWN)
    columns = ["date", "countries", "framework", "title", *table.attributes, "other"]
    columns = [
        c for c in columns
        if c in ("date", "countries", "title") or shown[c].astype(str).str.strip().ne("").any()
    ]  # fmt: skip
    numeric = {c for c in columns if _numeric(shown[c])}
    heads = "".join(
        f'<th data-type="{"num" if c in numeric else "text"}">'
        f"{escape(_HEADS.get(c, 'title and sources' if c == 'title' else c.replace('_', ' ')))}"
        "</th>"
        for c in columns
    )
    body = []
    for row in shown.itertuples(index=False):
        data = row._asdict()
        links = _sources_cell(sources.get(data["id"], []))
        links = f'<div class="src">Sources: {links}</div>' if links else ""
        cells = "".join(
            f'<td class="{"num " if c in numeric else ""}col-{c}">{_cell(data[c], c)}'
            f"{links if c == 'title' else ''}</td>"
            for c in columns
        )
        row_id = escape(f"{table.name}-{data['id']}")
        body.append(f'<tr id="{row_id}">{cells}</tr>')
    note = ""
    if len(frame) > MAX_SHOWN:
        note = (
            f'<p class="meta">Newest {MAX_SHOWN:,} of {len(frame):,} rows; all of them are in '
            f'<a href="data/{table.name}.csv">{table.name}.csv</a>.</p>'
        )
    return (
        f'{note}<table class="data sortable" id="table-{table.name}"><thead><tr>{heads}'
        f"</tr></thead><tbody>{''.join(body)}</tbody></table>"
    )


def activity_views(
    tables: dict[str, pd.DataFrame], sources: SourcesById | None = None
) -> list[ActivityView]:
    """One view per activity kind, in the report's order; a kind with no row has no HTML."""
    views = []
    for table in ACTIVITY_TABLES:
        frame = tables.get(table.name)
        n = 0 if frame is None else len(frame)
        html = _table_html(table, frame, sources or {}) if frame is not None and n else ""
        views.append(ActivityView(table.name, table.title, n, html))
    return views
