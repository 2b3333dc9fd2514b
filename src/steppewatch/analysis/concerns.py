"""Security concerns (topics) raised in meetings: shares over time, by country, first and last
appearance, and concerns that rise or fall between periods.

Denominator rule, used everywhere here: the share of a topic in a year or period is the number of
meetings coded with that topic divided by the number of meetings *coded for concerns*: meetings
with at least one topic, and meetings whose sources were read and name no specific concern
(``topic_note`` :data:`~steppewatch.analysis.frame.NO_CONCERN_NOTE`, dataset 2026.12 on), which
count as coded with no concern, not as missing. This follows the reference study, whose base was
"official records of high-level meetings where security was discussed". Meetings neither coded
nor so marked are counted in ``n_meetings_all`` so a reader sees how many were left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from steppewatch.analysis.frame import (
    Period,
    assign_periods,
    by_partner,
    concerns_coded,
    meetings,
    require_columns,
    text_series,
)
from steppewatch.analysis.grouped import coded_codes, event_codes, group_counts, partner_lists

__all__ = [
    "topic_rows",
    "concerns_by_year",
    "concerns_by_period",
    "concern_lifespan",
    "concern_trends",
]


def topic_rows(frame: pd.DataFrame, keys: Sequence[str]) -> pd.DataFrame:
    """One row per (event, topic) carrying ``keys`` columns; events without topics dropped."""
    cols = [*dict.fromkeys(["id", *keys])]
    found = _topic_lists(frame)
    if found is None:
        slim = frame[cols].copy()
        slim["topic"] = frame["topics"].to_numpy()
        slim = slim.explode("topic")
        return slim[slim["topic"].notna() & (slim["topic"] != "")]
    # the rows exploding the topic lists gives, made once per distinct list instead of once
    # per event: each row repeated once per topic of its list (once for an empty list, whose
    # missing topic is dropped below, as explode gives it)
    codes, lists = found
    sizes = np.array([len(t) for t in lists] + [0], dtype=np.int64)
    width = max(int(sizes.max()), 1)
    table = np.full((len(lists) + 1, width), None, dtype=object)
    for i, topics in enumerate(lists):
        for j, topic in enumerate(topics):
            table[i, j] = topic
    reps = np.maximum(sizes[codes], 1)
    rows = np.repeat(np.arange(len(frame)), reps)
    position = np.arange(len(rows)) - np.repeat(np.cumsum(reps) - reps, reps)
    topic = table[codes[rows], position]
    keep = np.flatnonzero(pd.notna(topic) & (topic != ""))
    slim = frame[cols].iloc[rows[keep]]
    # the topic column's type inferred from its values, as explode does (made from the codes
    # of the distinct topics when they are text: the same column, without a conversion per row)
    cells = table.reshape(-1)
    column = None
    if all(type(t) is str for t in cells if t is not None):
        at = {t: i for i, t in enumerate(dict.fromkeys(t for t in cells if t is not None))}
        cell_code = np.array([at.get(t, 0) for t in cells], dtype=np.int64)
        flat = (codes[rows] * width + position)[keep]
        column = text_series(list(at), cell_code[flat], slim.index)
    if column is None:
        column = pd.Series(list(topic[keep]), index=slim.index)
    return slim.assign(topic=column)


def _topic_lists(frame: pd.DataFrame) -> tuple[np.ndarray, list[tuple[Any, ...]]] | None:
    """Each row's code into the distinct topic lists, and the lists (a row with no list at all
    has code ``len(lists)``); None when a value is not a tuple or list (explode it instead).
    Uses the analysis frame's ``topics_key`` codes when present."""
    values = frame["topics"].to_numpy()
    key = frame["topics_key"] if "topics_key" in frame.columns else None
    if key is not None and isinstance(key.dtype, pd.CategoricalDtype):
        codes = key.cat.codes.to_numpy().astype(np.int64)
        n = len(key.cat.categories)
        # each list as the row holds it (the first row with each code)
        first = np.full(n, -1, dtype=np.int64)
        rows = np.flatnonzero(codes >= 0)
        first[codes[rows]] = rows  # any row of a code holds an equal list
        uniques = [values[i] if i >= 0 else () for i in first]
    else:
        raw, found = pd.factorize(values)
        codes, uniques = raw.astype(np.int64), list(found)
    if not all(isinstance(u, (tuple, list)) for u in uniques):
        return None
    codes[codes < 0] = len(uniques)
    return codes, [tuple(u) for u in uniques]


def _shares(frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Count and share of each topic within each group of ``keys`` (meetings already selected)."""
    coded = frame["_coded"].to_numpy() if "_coded" in frame else concerns_coded(frame)
    base = frame.assign(_discussed=coded)
    totals = base.groupby(keys, observed=True).agg(
        n_meetings_all=("id", "size"), n_meetings=("_discussed", "sum")
    )
    by_list = _counts_by_list(frame, keys)
    if by_list is None:
        rows = topic_rows(frame, keys)
        counts = rows.groupby([*keys, "topic"], observed=True).size().rename("count")
        topics = sorted(rows["topic"].unique())
    else:
        counted, topics = by_list
    return _share_table(totals, counts if by_list is None else counted, topics, keys)


def _share_table(
    totals: pd.DataFrame,
    counts: pd.Series | dict[tuple[Any, ...], int],
    topics: list[str],
    keys: list[str],
) -> pd.DataFrame:
    """The table of :func:`_shares` from ``totals`` (``n_meetings_all, n_meetings`` per group
    of ``keys``), the count of each ``(*keys, topic)`` (a Series, or a dict with no entry
    for a zero) and the topics shown."""
    if totals.empty or not topics:
        return pd.DataFrame(
            columns=[*keys, "topic", "count", "n_meetings", "n_meetings_all", "share"]
        )
    # complete the grid: every topic in every group, zero where absent
    grid = pd.MultiIndex.from_tuples(
        [(*(k if isinstance(k, tuple) else (k,)), t) for k in totals.index for t in topics],
        names=[*keys, "topic"],
    )
    if isinstance(counts, pd.Series):
        out = counts.reindex(grid, fill_value=0).reset_index()
    else:
        found = [counts.get(cell, 0) for cell in grid]
        out = pd.Series(found, index=grid, dtype=np.int64, name="count").reset_index()
    out = out.merge(totals.reset_index(), on=keys, how="left")
    out["n_meetings"] = out["n_meetings"].astype(int)
    out["share"] = np.where(
        out["n_meetings"] > 0, out["count"] / out["n_meetings"].clip(lower=1), 0.0
    )
    return out


def _counts_by_list(
    frame: pd.DataFrame, keys: list[str]
) -> tuple[dict[tuple[Any, ...], int], list[str]] | None:
    """What the exploded (event, topic) rows give, counted once per group of ``keys`` and
    distinct topic list (a few thousand) instead of once per row: the number of rows per
    ``(*keys, topic)`` (rows with a missing key left out, as grouping does) and the sorted
    topics of all rows. None (explode the rows instead) unless every list holds text."""
    found = _topic_lists(frame)
    if found is None:
        return None
    codes, lists = found
    cells = [t for topics in lists for t in topics]
    if not all(t is None or type(t) is str for t in cells):
        return None
    combined = codes.copy()
    scale = len(lists) + 1
    values: list[list[Any]] = []
    missing = np.zeros(len(frame), dtype=bool)
    for key in reversed(keys):
        column = frame[key]
        if isinstance(column.dtype, pd.CategoricalDtype):
            key_codes = column.cat.codes.to_numpy().astype(np.int64)
            uniques: list[Any] = list(column.cat.categories)
        else:
            raw, found_uniques = pd.factorize(column.to_numpy())
            key_codes, uniques = raw.astype(np.int64), list(found_uniques)
        missing |= key_codes < 0
        combined = combined + np.maximum(key_codes, 0) * scale
        scale *= max(len(uniques), 1)
        values.insert(0, uniques)
    # the codes are combined as mixed-radix digits: the list's lowest, the keys' above it
    present = ~missing & (codes < len(lists))
    groups, sizes = np.unique(combined[present], return_counts=True)
    counted: dict[tuple[Any, ...], int] = {}
    radix = [len(v) or 1 for v in values]
    for group, n in zip(groups.tolist(), sizes.tolist(), strict=True):
        list_code, rest = group % (len(lists) + 1), group // (len(lists) + 1)
        digits = []
        for size in reversed(radix):
            digits.append(rest % size)
            rest //= size
        labels = tuple(v[d] for v, d in zip(values, reversed(digits), strict=True))
        for topic in lists[list_code]:
            if topic is not None and topic != "":
                cell = (*labels, topic)
                counted[cell] = counted.get(cell, 0) + n
    shown = {t for c in np.unique(codes[codes < len(lists)]) for t in lists[c]}
    topics = sorted(t for t in shown if t is not None and t != "")
    return counted, topics


def concerns_by_year(frame: pd.DataFrame, *, partners: Sequence[str] | None = None) -> pd.DataFrame:
    """Meetings: count and share of each topic by year (and by partner if ``partners`` given).

    Columns: ``[country,] year, topic, count, n_meetings, n_meetings_all, share``.
    """
    require_columns(frame, ("id", "kind", "year", "topics", "countries"), "concerns_by_year")
    m = meetings(frame)
    m = m.assign(_coded=concerns_coded(m))
    if partners is not None:
        cols = ["id", "topics", "year", "_coded"]
        return _shares(by_partner(m, partners, cols), ["country", "year"])
    return _shares(m, ["year"])


#: The columns concern shares read (row selections copy only these).
_SHARE_COLUMNS = (
    "id", "year", "topics", "n_topics", "no_concern", "attributes", "countries", "countries_key",
)  # fmt: skip


def concerns_by_period(
    frame: pd.DataFrame, periods: Sequence[Period], *, partners: Sequence[str] | None = None
) -> pd.DataFrame:
    """Meetings: count and share of each topic by study period (and partner if given).

    Columns: ``[country,] period, topic, count, n_meetings, n_meetings_all, share``; ``period``
    is ordered as ``periods``; meetings outside every period are left out.
    """
    require_columns(frame, ("id", "kind", "year", "topics", "countries"), "concerns_by_period")
    m = meetings(frame)
    out = _period_shares(m, periods, partners)
    if out is None:
        m = assign_periods(m[[c for c in _SHARE_COLUMNS if c in m.columns]], periods)
        m = m[m["period"].notna()]
        m = m.assign(_coded=concerns_coded(m))
        if partners is not None:
            cols = ["id", "topics", "period", "_coded"]
            out = _shares(by_partner(m, partners, cols), ["country", "period"])
        else:
            out = _shares(m, ["period"])
    if not out.empty:
        out["period"] = pd.Categorical(
            out["period"].astype(str), categories=[p.label for p in periods], ordered=True
        )
        out = out.sort_values([c for c in ("country", "period", "topic") if c in out]).reset_index(
            drop=True
        )
    return out


def _period_shares(
    m: pd.DataFrame, periods: Sequence[Period], partners: Sequence[str] | None
) -> pd.DataFrame | None:
    """:func:`_shares` of the meetings ``m`` by ``[country,] period``, counted by a DuckDB
    group-by over their codes (:mod:`steppewatch.analysis.grouped`) per (country list, period,
    topic list) and spread over the partner states and topics in pandas; None when ``m``
    lacks the codes or a topic is not text (the rows are then made and counted)."""
    codes = event_codes(m, periods)
    lists = _topic_lists(m) if codes is not None and "topics_key" in m.columns else None
    if codes is None or lists is None:
        return None
    topic_codes, topic_lists = lists
    if not all(t is None or type(t) is str for ts in topic_lists for t in ts):
        return None
    found = group_counts(
        {"c": codes.country, "p": codes.period, "t": topic_codes, "k": coded_codes(m)},
        ["c", "p", "t"],
        ["k"],
    )
    labels = [p.label for p in periods]
    if partners is None:
        owners = [[0] for _ in codes.lists]  # every meeting once, in no country's name
    else:
        owners = partner_lists(codes.lists, partners)
    spread = [len(owners[c]) for c in found["c"].tolist()]
    at = np.repeat(np.arange(len(spread)), spread)
    owner = np.array([i for c in found["c"].tolist() for i in owners[c]], dtype=np.int64)
    keys = ["period"] if partners is None else ["country", "period"]
    groups = pd.DataFrame(
        {
            "period": pd.Categorical.from_codes(found["p"][at], categories=labels, ordered=True),
            "n": found["n"][at],
            "k": found["k"][at],
        }
    )
    if partners is not None:
        names = np.array(list(partners), dtype=object)
        groups.insert(0, "country", pd.Series(names[owner] if len(owner) else [], dtype=object))
    totals = groups.groupby(keys, observed=True).agg(
        n_meetings_all=("n", "sum"), n_meetings=("k", "sum")
    )
    counted: dict[tuple[Any, ...], int] = {}
    shown: set[str] = set()
    period_of = [labels[p] for p in found["p"][at].tolist()]
    owner_of = [partners[i] for i in owner.tolist()] if partners is not None else []
    rows = zip(found["t"][at].tolist(), groups["n"].tolist(), period_of, strict=True)
    for i, (list_code, n, period) in enumerate(rows):
        if list_code >= len(topic_lists):
            continue  # no topic list at all
        group: tuple[Any, ...] = (period,) if partners is None else (owner_of[i], period)
        for topic in topic_lists[list_code]:
            if topic is not None and topic != "":
                shown.add(topic)
                cell = (*group, topic)
                counted[cell] = counted.get(cell, 0) + n
    return _share_table(totals, counted, sorted(shown), keys)


def concern_lifespan(frame: pd.DataFrame) -> pd.DataFrame:
    """First and last year each topic is coded in a meeting, with its meeting count.

    Columns: ``topic, first_year, last_year, n_meetings, first_event, last_event``; sorted by
    first year.
    """
    keys = ["year", "date_start"] if "date_start" in frame else ["year"]
    order = [*keys, "id"]
    fast = _lifespan_by_list(meetings(frame), keys)
    if fast is not None:
        return fast
    # the meetings sorted before their topics are exploded (explode keeps the order): the same
    # order within each topic as sorting the exploded rows, at a fraction of the rows
    m = meetings(frame)[[*order, "topics"]].sort_values(order)
    rows = topic_rows(m, keys)
    if rows.empty:
        return pd.DataFrame(
            columns=["topic", "first_year", "last_year", "n_meetings", "first_event", "last_event"]
        )
    grouped = rows.groupby("topic")
    out = pd.DataFrame(
        {
            "first_year": grouped["year"].min(),
            "last_year": grouped["year"].max(),
            "n_meetings": grouped["id"].nunique(),
            "first_event": grouped["id"].first(),
            "last_event": grouped["id"].last(),
        }
    ).reset_index()
    return out.sort_values(["first_year", "topic"]).reset_index(drop=True)


def _distinct_ids(m: pd.DataFrame, ids: np.ndarray) -> bool:
    """Is each id of ``m`` there once? Its ids' integer codes rising row by row (the analysis
    frame's ``id_key``: equal codes, equal ids) say so without hashing the ids."""
    key = m["id_key"].to_numpy() if "id_key" in m.columns else None
    if key is not None and key.dtype.kind in "iu" and bool((key[1:] > key[:-1]).all()):
        return True
    return bool(pd.Index(ids).is_unique)


def _lifespan_by_list(m: pd.DataFrame, keys: list[str]) -> pd.DataFrame | None:
    """:func:`concern_lifespan` of the meetings ``m`` worked out once per distinct topic list
    (a million events have a few hundred) instead of once per (meeting, topic) row: each
    list's earliest and latest meeting in (year, date, id) order and its number of meetings,
    then each topic's from the lists holding it. None (the rows are then exploded) unless ids
    are distinct text, years integers and dates text."""
    if m.empty or "topics" not in m:
        return None
    found = _topic_lists(m)
    ids = m["id"].to_numpy()
    years = m["year"].to_numpy()
    if found is None or years.dtype.kind not in "iu":
        return None
    codes, lists = found
    if set(map(type, ids)) != {str} or not _distinct_ids(m, ids):
        return None
    if "date_start" in keys:
        dates = m["date_start"].to_numpy()
        date_codes, date_uniques = pd.factorize(dates)
        if (date_codes < 0).any() or not all(type(d) is str for d in date_uniques):
            return None
        rank = np.empty(len(date_uniques), dtype=np.int64)
        rank[np.argsort(np.asarray(date_uniques, dtype=object), kind="stable")] = np.arange(
            len(date_uniques)
        )
        date_rank = rank[date_codes]
    else:
        date_rank = np.zeros(len(m), dtype=np.int64)
    width = int(date_rank.max()) + 1 if len(date_rank) else 1
    key = years.astype(np.int64) * width + date_rank
    n_lists = len(lists) + 1
    low = np.full(n_lists, np.iinfo(np.int64).max, dtype=np.int64)
    high = np.full(n_lists, np.iinfo(np.int64).min, dtype=np.int64)
    np.minimum.at(low, codes, key)
    np.maximum.at(high, codes, key)
    sizes = np.bincount(codes, minlength=n_lists)
    # the earliest (latest) meeting of each list: the smallest (largest) id among its rows on
    # the list's first (last) key
    first_id: dict[int, str] = {}
    last_id: dict[int, str] = {}
    for row in np.flatnonzero(key == low[codes]):
        c = int(codes[row])
        if c not in first_id or ids[row] < first_id[c]:
            first_id[c] = ids[row]
    for row in np.flatnonzero(key == high[codes]):
        c = int(codes[row])
        if c not in last_id or ids[row] > last_id[c]:
            last_id[c] = ids[row]
    by_topic: dict[str, list[int]] = {}
    for c, topics in enumerate(lists):
        if not all(t is None or type(t) is str for t in topics):
            return None
        if sizes[c] == 0:
            continue
        for t in dict.fromkeys(t for t in topics if t is not None and t != ""):
            by_topic.setdefault(t, []).append(c)
    if not by_topic:
        return None  # the empty table, made as the rows make it
    records = []
    for topic, held in by_topic.items():
        first = min((int(low[c]), first_id[c]) for c in held)
        last = max((int(high[c]), last_id[c]) for c in held)
        records.append(
            (topic, first[0] // width, last[0] // width, int(sizes[held].sum()), first[1], last[1])
        )
    records.sort(key=lambda r: (r[1], r[0]))
    columns = ["topic", "first_year", "last_year", "n_meetings", "first_event", "last_event"]
    out = pd.DataFrame.from_records(records, columns=columns)
    for column in ("first_year", "last_year", "n_meetings"):
        out[column] = out[column].astype(np.int64)
    for column in ("first_event", "last_event"):  # as the grouped rows give them
        out[column] = pd.Series(out[column].to_numpy(dtype=object), dtype=object)
    return out


def concern_trends(
    by_period: pd.DataFrame, *, threshold: float = 0.10, min_meetings: int = 5
) -> pd.DataFrame:
    """Concerns that rise or fall between consecutive periods.

    Input: the overall table from :func:`concerns_by_period`. For each pair of consecutive
    periods where both have at least ``min_meetings`` meetings in the base, a topic is
    ``rising`` if its share grew by at least ``threshold`` (absolute, 0.10 = 10 percentage
    points), ``falling`` if it shrank by at least that much, else ``stable``.

    Columns: ``topic, period_from, period_to, share_from, share_to, change, direction``.
    """
    cols = ["topic", "period_from", "period_to", "share_from", "share_to", "change", "direction"]
    if by_period.empty:
        return pd.DataFrame(columns=cols)
    periods = [p for p in by_period["period"].cat.categories]
    sizes = by_period.groupby("period", observed=True)["n_meetings"].first()
    usable = [p for p in periods if p in sizes.index and sizes[p] >= min_meetings]
    wide = by_period.pivot_table(index="topic", columns="period", values="share", observed=True)
    records = []
    for a, b in zip(usable, usable[1:], strict=False):
        for topic in wide.index:
            sa, sb = float(wide.at[topic, a]), float(wide.at[topic, b])
            change = sb - sa
            direction = (
                "rising" if change >= threshold else "falling" if change <= -threshold else "stable"
            )
            records.append((topic, a, b, sa, sb, change, direction))
    return pd.DataFrame.from_records(records, columns=cols)
