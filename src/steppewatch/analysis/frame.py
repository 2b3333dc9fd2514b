"""Shared preparation of the events frame for every analysis function.

Every analysis function takes the frame returned by ``Store.events_frame`` (one row per event,
columns ``id, kind, title, date_start, date_end, year, precision, countries, framework, location,
level, domains, topics, attributes, verification, review_status, n_sources``) and returns a tidy
table. The helpers here do the steps they all share: assigning study periods to years, selecting
meetings, and "exploding" an event into one row per Central Asian partner it involves (an event
with ``CN;KZ;KG`` counts once for Kazakhstan and once for Kyrgyzstan).
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from steppewatch.errors import AnalysisError

__all__ = [
    "ANALYSIS_COLUMNS",
    "analysis_frame",
    "ids_distinct",
    "per_frame",
    "per_frame_known",
    "country_keys",
    "lengths",
    "has_topics",
    "any_topic",
    "NO_CONCERN_NOTE",
    "no_concern_marked",
    "concerns_coded",
    "EVENT_COLUMNS",
    "MULTILATERAL_FRAMEWORKS",
    "Period",
    "periods_from_study",
    "clip_periods",
    "assign_periods",
    "period_codes",
    "partner_positions",
    "same_partner_positions",
    "meetings",
    "meetings_of_rows",
    "years_run_of",
    "by_partner",
    "involves",
    "in_periods",
    "framework_group",
    "require_columns",
    "source_total",
    "text_series",
]

EVENT_COLUMNS = (
    "id", "kind", "year", "countries", "framework", "level", "topics", "attributes", "n_sources",
)  # fmt: skip

#: Frameworks counted as multilateral; ``bilateral`` and ``unilateral`` are the others.
MULTILATERAL_FRAMEWORKS = ("SCO", "CICA", "C5+China", "other_multilateral")


@dataclass(frozen=True)
class Period:
    """A labelled span of years, inclusive; ``end=None`` means open ("present")."""

    label: str
    start: int
    end: int | None = None

    def contains(self, year: int) -> bool:
        return year >= self.start and (self.end is None or year <= self.end)


def _year_of(value: Any) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, int):
        return value
    if hasattr(value, "year"):
        return int(value.year)
    text = str(value).strip()
    if text.lower() in {"present", "today", "now"}:
        return None
    return int(text[:4])


#: The columns the analysis reads; :func:`analysis_frame` keeps only these (``date_end`` and
#: ``location``: the claims' sensitivity check places meetings on an SCO summit's sidelines).
ANALYSIS_COLUMNS = (
    "id", "kind", "title", "date_start", "year", "countries", "framework", "level", "topics",
    "attributes", "review_status", "n_sources", "date_end", "location",
)  # fmt: skip
_TEXT_COLUMNS = ("id", "kind", "title", "date_start", "framework", "level", "review_status")


def analysis_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """The events frame slimmed for analysis: only :data:`ANALYSIS_COLUMNS`, text held as plain
    Python objects (not Arrow strings), equal values of the text, country-list and topic-list
    columns as one shared object each (and every empty ``attributes`` dict as one), plus
    ``n_topics``, ``no_concern``, ``topics_key`` and ``countries_key`` (the ``;``-joined
    lists as categoricals) and ``id_key`` (each id's integer code).

    Optional, and the same results either way; it makes the many row selections of a full
    analysis cheap on a million events (taking rows of an object column copies pointers, taking
    rows of an Arrow string column copies the bytes; pointers to a few shared objects stay in
    the processor's cache, pointers to a million scattered ones do not). Made once per frame
    (:func:`per_frame`): treat it as read-only (its shared values above all). Given an
    analysis frame (while it has the columns it was made with), returns that frame.
    """
    made = _ANALYSED.get(id(frame))
    if made is not None and made[1] is frame.columns and made[0]() is frame:
        # an analysis frame is its own: analysis_frame(analysis_frame(f)) is the same frame,
        # so a caller may keep the analysis frame alone (the loaded one's columns freed)
        return frame
    out: pd.DataFrame = per_frame("analysis_frame", frame, lambda: _analysis_frame(frame))
    if id(out) not in _ANALYSED:
        _ANALYSED[id(out)] = (weakref.ref(out, _unlist(id(out))), out.columns)
    return out


#: id -> (weak reference, columns) of each analysis frame alive (weak: an analysis frame is
#: freed as any other; a column added to it makes it a frame to analyse again).
_ANALYSED: dict[int, tuple[weakref.ref[pd.DataFrame], pd.Index]] = {}


def _unlist(key: int) -> Callable[[weakref.ref[pd.DataFrame]], None]:
    table = _ANALYSED  # held here, as in _forget

    def unlist(ref: weakref.ref[pd.DataFrame]) -> None:
        found = table.get(key)
        if found is not None and found[0] is ref:
            del table[key]

    return unlist


#: Text columns with few distinct values: held as one shared object per distinct value.
_SHARED_TEXT = ("kind", "date_start", "framework", "level", "review_status")


def _shared(
    values: np.ndarray, noted: tuple[np.ndarray, np.ndarray] | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``values`` (an object array) with equal values made one object each, plus the factorize
    codes and uniques. The same values (missing ones untouched); but a loaded column holds a
    separate object per row scattered over memory, and every row selection and comparison then
    touches a million of them; shared ones stay in the cache. ``noted``: the codes and objects
    the reader noted for ``values`` (:func:`~steppewatch.store.frames.value_codes`): the same
    result from them, without hashing every row's value (:func:`_shared_by_codes`)."""
    if noted is not None:
        found = _shared_by_codes(values, *noted)
        if found is not None:
            return found
    codes, uniques = pd.factorize(values)
    out = np.array(values, dtype=object, copy=True)
    known = codes >= 0
    out[known] = np.asarray(uniques, dtype=object)[codes[known]]
    return out, codes, np.asarray(uniques, dtype=object)


#: Rows looked at first, when finding the order in which values first appear (doubled each
#: time some value is still unseen).
_FIRST_ROWS = 4096


def _shared_by_codes(
    values: np.ndarray, codes: np.ndarray, objects: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
    """What :func:`_shared` gives for ``values`` (which hold ``objects[codes]`` row by row),
    from the codes: ``pd.factorize``'s codes (values in the order they first appear, a missing
    value -1) and uniques, and the values themselves when no two entries of ``objects`` that
    occur are equal (else each row's value as its equal value's first entry). None when an
    entry cannot be hashed or ``codes`` do not fit ``values``."""
    if len(codes) != len(values) or codes.dtype.kind not in "iu":
        return None
    n_objects = len(objects)
    if len(codes) and (int(codes.min()) < 0 or int(codes.max()) >= n_objects):
        return None
    # equal entries as one (their first), a missing value (None, NaN) as -1, as factorize
    entry = np.empty(n_objects, dtype=np.int64)
    first_of: dict[Any, int] = {}
    for j, value in enumerate(objects.tolist()):
        if value is None or (isinstance(value, float) and value != value):
            entry[j] = -1
            continue
        try:
            entry[j] = first_of.setdefault(value, j)
        except TypeError:  # an unhashable value (factorize would refuse it too)
            return None
    present = np.bincount(codes, minlength=n_objects) > 0
    wanted = len(set(entry[present & (entry >= 0)].tolist()))
    # the order in which the entries first appear: read from the first rows on, in runs
    # that double, until every entry present was seen (a few thousand rows, mostly; all of
    # them for a column in date order, such as the dates); pd.unique keeps the order in
    # which a run's codes first appear (a hash table: no sort)
    order: list[int] = []
    seen = np.zeros(n_objects, dtype=bool)
    start, step = 0, _FIRST_ROWS
    while len(order) < wanted and start < len(codes):
        for j in entry[pd.unique(codes[start : start + step])].tolist():
            if j >= 0 and not seen[j]:
                seen[j] = True
                order.append(j)
        start, step = start + step, step * 2
    rank = np.full(n_objects + 1, -1, dtype=np.intp)  # the last: a missing value's
    rank[np.asarray(order, dtype=np.int64)] = np.arange(len(order), dtype=np.intp)
    out_codes = rank[entry][codes]
    uniques = objects[np.asarray(order, dtype=np.int64)] if order else objects[:0]
    merged = present & (entry >= 0) & (entry != np.arange(n_objects))
    if merged.any():
        canonical = objects[np.where(entry >= 0, entry, np.arange(n_objects))]
        return canonical[codes], out_codes, np.asarray(uniques, dtype=object)
    return values, out_codes, np.asarray(uniques, dtype=object)


def _attributes(
    values: np.ndarray, noted: tuple[np.ndarray, np.ndarray] | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """The ``no_concern`` mask (:func:`no_concern_marked`) and the attributes with every empty
    dict made one (the analysis frame is read-only), in one pass over the column. ``noted``:
    the codes and objects the reader noted for ``values``: both then decided once per
    distinct object and taken by the codes."""
    if noted is not None:
        codes, objects = noted
        if len(codes) == len(values) and codes.dtype.kind in "iu":
            return _attributes_by_codes(codes, objects)
    # kept: every value but an empty dict; truth and type are tested in C (map), not by a
    # Python expression per row
    try:
        truthy = np.fromiter(map(bool, values), dtype=bool, count=len(values))
    except (TypeError, ValueError):  # a value with no truth (pd.NA): tested one by one
        truthy = np.fromiter(
            (not isinstance(a, dict) or bool(a) for a in values), dtype=bool, count=len(values)
        )
    falsy = np.flatnonzero(~truthy)
    types = np.fromiter(map(type, values[falsy]), dtype=object, count=len(falsy))
    is_dict = {t: issubclass(t, dict) for t in set(types)}
    empty_dict = np.fromiter(map(is_dict.__getitem__, types), dtype=bool, count=len(falsy))
    kept = np.ones(len(values), dtype=bool)
    kept[falsy[empty_dict]] = False
    rows = np.flatnonzero(kept)
    attributes = np.empty(len(values), dtype=object)
    attributes.fill({})
    attributes[rows] = values[rows]
    marked = np.zeros(len(values), dtype=bool)
    marked[rows] = [
        isinstance(a, dict) and a.get("topic_note") == NO_CONCERN_NOTE for a in values[rows]
    ]
    return marked, attributes


def _attributes_by_codes(codes: np.ndarray, objects: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """What :func:`_attributes` gives for the column ``objects[codes]``, decided once per
    entry of ``objects``."""
    empty: dict[str, Any] = {}
    table = np.empty(len(objects), dtype=object)
    flags = np.zeros(len(objects), dtype=bool)
    for j, value in enumerate(objects.tolist()):
        if isinstance(value, dict) and not value:
            table[j] = empty  # every empty dict the one object
            continue
        table[j] = value
        flags[j] = isinstance(value, dict) and value.get("topic_note") == NO_CONCERN_NOTE
    marked: np.ndarray = flags[codes]
    attributes: np.ndarray = table[codes]
    return marked, attributes


def _analysis_frame(frame: pd.DataFrame) -> pd.DataFrame:
    columns = [c for c in ANALYSIS_COLUMNS if c in frame.columns]
    if frame.index.is_unique:
        # one view per column of the loaded frame (no copy; copy-on-write: the loaded frame
        # never sees a change made here); the columns redone below replace their view. A
        # copy would be one block of every column, kept alive for the few not redone.
        out = pd.DataFrame({c: frame[c] for c in columns}, copy=False)
    else:
        out = frame[columns].copy()
    for column in _TEXT_COLUMNS:
        if column in out and out[column].dtype != object:
            out[column] = out[column].astype(object)
    if not len(out):
        return country_keys(out)

    def noted(column: str) -> tuple[np.ndarray, np.ndarray] | None:
        # the codes the reader noted for the loaded column, while out holds its very values
        from steppewatch.store.frames import value_codes

        return value_codes(frame, column, out[column].to_numpy())

    for column in _SHARED_TEXT:
        if column in out:
            out[column] = pd.Series(
                _shared(out[column].to_numpy(), noted(column))[0], index=out.index, dtype=object
            )
    topics = _shared(out["topics"].to_numpy(), noted("topics")) if "topics" in out else None
    if topics is not None:
        # the topic lists shared like the text columns, and counted once per distinct list
        shared, codes, uniques = topics
        out["topics"] = pd.Series(shared, index=out.index, dtype=object)
        if (codes >= 0).all():
            sizes = np.array([len(u) for u in uniques], dtype=np.int64)
            out["n_topics"] = pd.Series(sizes[codes], index=out.index)
        else:
            out["n_topics"] = lengths(out["topics"])
    if "attributes" in out:
        marked, attributes = _attributes(out["attributes"].to_numpy(), noted("attributes"))
        out["no_concern"] = pd.Series(marked, index=out.index, dtype=bool)
        out["attributes"] = pd.Series(attributes, index=out.index, dtype=object)
    if topics is not None:
        # the topic lists as a categorical too: "is any of these topics coded?" is then decided
        # once per distinct list (a few hundred) instead of once per event
        _, codes, uniques = topics
        out["topics_key"] = pd.Categorical.from_codes(
            codes, categories=[";".join(u) for u in uniques]
        )
    if "id" in out:
        # each id's code: "the first row of each event" (source_total, on every chart's basis)
        # is then found by hashing integers, not a million id strings; the row numbers when
        # the ids are known to be distinct (the codes factorize gives them: on 10,000,000
        # events, 12 s of CPU hashing the id strings)
        codes = (
            np.arange(len(out), dtype=np.int64)
            if _known_distinct(frame)
            else pd.factorize(out["id"].to_numpy())[0]
        )
        out["id_key"] = pd.Series(codes, index=out.index)
    return _country_keys(out, noted("countries") if "countries" in out else None)


#: id -> (weak reference, columns, length) of frames whose ids are known to be distinct.
_DISTINCT_IDS: dict[int, tuple[weakref.ref[pd.DataFrame], pd.Index, int]] = {}


def ids_distinct(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame``, noted as holding each ``id`` once (the caller vouches for it: a frame of a
    store's events, whose ids are the events table's primary key), so that
    :func:`analysis_frame` need not hash its ids to number them. Forgotten when the frame is
    freed or gets other columns or rows."""
    key = id(frame)
    table = _DISTINCT_IDS

    def forget(_ref: weakref.ref[pd.DataFrame]) -> None:
        found = table.get(key)
        if found is not None and found[0] is _ref:
            del table[key]

    _DISTINCT_IDS[key] = (weakref.ref(frame, forget), frame.columns, len(frame))
    return frame


def _known_distinct(frame: pd.DataFrame) -> bool:
    found = _DISTINCT_IDS.get(id(frame))
    if found is None:
        return False
    held, columns, length = found
    same: bool = held() is frame
    return same and columns is frame.columns and length == len(frame)


def country_keys(out: pd.DataFrame) -> pd.DataFrame:
    """``out`` with ``countries_key`` (re)made from its ``countries`` column, in place (the
    analysis frame's key; for a copy whose countries were changed)."""
    return _country_keys(out, None)


def _country_keys(out: pd.DataFrame, noted: tuple[np.ndarray, np.ndarray] | None) -> pd.DataFrame:
    if "countries" in out and len(out):
        # the country lists as a categorical: row selections copy small integer codes, and
        # per-partner work is done once per distinct list instead of once per event; the lists
        # themselves shared (one object per distinct list)
        shared, codes, uniques = _shared(out["countries"].to_numpy(), noted)
        out["countries"] = pd.Series(shared, index=out.index, dtype=object)
        out["countries_key"] = pd.Categorical.from_codes(
            codes, categories=[";".join(u) for u in uniques]
        )
    return out


def any_topic(frame: pd.DataFrame, topics: Sequence[str]) -> np.ndarray:
    """Boolean mask: is any of ``topics`` coded? Decided once per distinct topic list (from the
    ``topics_key`` column :func:`analysis_frame` adds when present, else by factorizing)."""
    wanted = tuple(topics)
    key = frame["topics_key"] if "topics_key" in frame.columns else None
    if key is not None and isinstance(key.dtype, pd.CategoricalDtype):
        lists = [str(k).split(";") for k in key.cat.categories]
        codes = key.cat.codes.to_numpy()
    else:
        codes, uniques = pd.factorize(frame["topics"].to_numpy())
        lists = [list(u) for u in uniques]
    hit = np.array([any(t in ts for t in wanted) for ts in lists] + [False], dtype=bool)
    return np.asarray(hit[codes], dtype=bool)  # code -1 (no list at all): False


def has_topics(frame: pd.DataFrame) -> np.ndarray:
    """Boolean mask: is at least one topic coded? (uses ``n_topics`` when present)."""
    if "n_topics" in frame.columns:
        return np.asarray(frame["n_topics"].to_numpy() > 0, dtype=bool)
    return np.asarray(lengths(frame["topics"]) > 0, dtype=bool)


#: The ``topic_note`` (dataset 2026.12 on) of a meeting whose sources were read for concerns and
#: name none: such a meeting is coded, with no concern, not missing.
NO_CONCERN_NOTE = "sources name no specific security concern"


def no_concern_marked(frame: pd.DataFrame) -> np.ndarray:
    """Boolean mask: is the event marked ``topic_note: NO_CONCERN_NOTE`` (coded, no concern)?
    Uses the ``no_concern`` column that :func:`analysis_frame` adds when present."""
    if "no_concern" in frame.columns:
        return np.asarray(frame["no_concern"].to_numpy(), dtype=bool)
    if "attributes" not in frame.columns:
        return np.zeros(len(frame), dtype=bool)
    return np.fromiter(
        (
            isinstance(a, dict) and a.get("topic_note") == NO_CONCERN_NOTE
            for a in frame["attributes"].to_numpy()
        ),
        dtype=bool,
        count=len(frame),
    )


def concerns_coded(frame: pd.DataFrame) -> np.ndarray:
    """Boolean mask: was the event coded for concerns? True when at least one topic is coded
    or when its sources were read and name none (:data:`NO_CONCERN_NOTE`). The base of every
    concern share."""
    return np.asarray(has_topics(frame) | no_concern_marked(frame), dtype=bool)


def lengths(values: pd.Series) -> np.ndarray:
    """``len`` of each tuple in a column of tuples, as an int array (fast on a million rows)."""
    return np.fromiter((len(v) for v in values.to_numpy()), dtype=np.int64, count=len(values))


def periods_from_study(study: Any) -> list[Period]:
    """The study's analysis periods as :class:`Period` values, in order.

    Accepts the ``Study`` record (``periods`` entries with ``label``, ``start``, ``end``; start and
    end may be years, ISO dates or ``None``/"present" for an open end) or any object shaped alike.
    """
    raw = getattr(study, "periods", None) or []
    periods = []
    for item in raw:
        get = item.get if isinstance(item, dict) else lambda k, _i=item: getattr(_i, k, None)
        start = _year_of(get("start"))
        if start is None:
            raise AnalysisError(
                f"study period {get('label')!r} has no start year",
                hint="give every period in the study file a start year",
                code="SW601",
            )
        periods.append(Period(str(get("label")), start, _year_of(get("end"))))
    if not periods:
        raise AnalysisError(
            "the study defines no analysis periods",
            hint="add 'periods' (label, start, end) to the study file",
            code="SW601",
        )
    return sorted(periods, key=lambda p: p.start)


def clip_periods(periods: Sequence[Period], since: int | None, until: int | None) -> list[Period]:
    """The periods as a filter ``since``-``until`` (years, inclusive) leaves them: periods wholly
    outside are dropped, those cut by the filter are clipped and relabelled with the years they
    now hold (``2009-2014`` under ``--since 2010`` becomes ``2010-2014``), so no chart or table
    shows a window the data cannot hold."""
    out = []
    for period in periods:
        start = period.start if since is None else max(period.start, since)
        end = (
            period.end
            if until is None
            else (until if period.end is None else min(period.end, until))
        )
        if end is not None and start > end:
            continue
        if (start, end) == (period.start, period.end):
            out.append(period)
            continue
        span = f"{start}-{end}" if end is not None else f"{start}-present"
        plain = period.label.replace("–", "-")
        original = f"{period.start}-{period.end}" if period.end is not None else None
        label = (
            span if plain in (original, f"{period.start}-present") else f"{period.label} ({span})"
        )
        out.append(Period(label, start, end))
    return out


def require_columns(frame: pd.DataFrame, columns: Iterable[str], where: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise AnalysisError(
            f"{where}: the events frame lacks columns {missing}",
            hint="pass the frame returned by Store.events_frame()",
            code="SW602",
        )


def period_codes(years: pd.Series, periods: Sequence[Period]) -> np.ndarray:
    """Each year's first period holding it, as a code into ``periods`` (-1: none)."""
    values = years.to_numpy()
    codes = np.full(len(values), -1, dtype=np.int64)
    for i, period in enumerate(periods):
        end = period.end if period.end is not None else np.iinfo(np.int64).max
        codes[(values >= period.start) & (values <= end) & (codes < 0)] = i
    return codes


def assign_periods(frame: pd.DataFrame, periods: Sequence[Period]) -> pd.DataFrame:
    """Add a categorical ``period`` column (ordered as ``periods``; NaN outside all of them)."""
    # the first period holding each year, as a code into the periods (-1: none), so no label
    # is written or hashed per row
    codes = period_codes(frame["year"], periods)
    out = frame.copy(deep=False)
    out["period"] = pd.Categorical.from_codes(
        codes, categories=[p.label for p in periods], ordered=True
    )
    return out


#: (what, id(frame)) -> (weak reference to the frame, its columns, its length, the result).
_PER_FRAME: dict[tuple[object, int], tuple[weakref.ref[pd.DataFrame], pd.Index, int, Any]] = {}


def _forget(key: tuple[object, int]) -> Callable[[weakref.ref[pd.DataFrame]], None]:
    # the table held here: a frame freed while the interpreter shuts down (module globals
    # already None) then needs no global
    table = _PER_FRAME

    def forget(_ref: weakref.ref[pd.DataFrame]) -> None:
        table.pop(key, None)

    return forget


def _same(cached: object, frame: object) -> bool:
    return cached is frame


def per_frame(what: object, frame: pd.DataFrame, compute: Callable[[], Any]) -> Any:
    """``compute()``, once per ``frame`` and ``what`` (a hashable naming the computation): the
    report asks the same of the same frame many times, and on a million events each row
    selection copies every column. A result is kept while the frame lives and is computed
    again when the frame got a new column or a different length; treat it as read-only."""
    key = (what, id(frame))
    hit = _PER_FRAME.get(key)
    if hit is not None and _same(hit[0](), frame) and hit[1] is frame.columns:
        if hit[2] == len(frame):
            return hit[3]  # the same frame, with the same columns and rows
    out = compute()
    _PER_FRAME[key] = (weakref.ref(frame, _forget(key)), frame.columns, len(frame), out)
    return out


def per_frame_known(what: object, frame: pd.DataFrame) -> Any:
    """What :func:`per_frame` keeps for ``frame`` and ``what``, or None when it was not worked
    out for the frame as it is (nothing is computed)."""
    hit = _PER_FRAME.get((what, id(frame)))
    if hit is not None and _same(hit[0](), frame) and hit[1] is frame.columns:
        if hit[2] == len(frame):
            return hit[3]
    return None


def _selected_meetings(frame: pd.DataFrame) -> pd.DataFrame:
    found = _meetings_in_run(frame)
    if found is not None:
        return found
    return frame[np.asarray(frame["kind"].to_numpy() == "meeting")]


def meetings(frame: pd.DataFrame) -> pd.DataFrame:
    """The meeting events only (selected once per frame: :func:`per_frame`)."""
    out: pd.DataFrame = per_frame(
        # a numpy comparison: several times cheaper than pandas' on a million object cells
        "meetings",
        frame,
        lambda: _selected_meetings(frame),
    )
    return out


#: id -> (weak reference, the frame it is a run of, start, stop) of frames known to be a run of
#: another frame's rows (:func:`meetings_of_rows`).
_RUNS: dict[int, tuple[weakref.ref[pd.DataFrame], weakref.ref[pd.DataFrame], int, int]] = {}


def meetings_of_rows(frame: pd.DataFrame, sub: pd.DataFrame, start: int, stop: int) -> None:
    """Note ``sub`` as ``frame.iloc[start:stop]``: :func:`meetings` of ``sub`` is then the
    matching run of rows of ``meetings(frame)`` (the same rows, columns and labels, a view: no
    copy of every column of the run's meetings; on 10,000,000 events each claim window's
    meetings copied millions of rows), and its partner positions (:func:`partner_positions`)
    the run of ``frame``'s. Nothing is done when ``sub`` is not such a run of ``frame``'s
    rows."""
    if len(sub) != stop - start or not (0 <= start <= stop <= len(frame)):
        return
    if not frame.index.is_unique or not sub.index.equals(frame.index[start:stop]):
        return  # (a range index: compared in constant time)
    key = id(sub)
    table = _RUNS

    def forget(ref: weakref.ref[pd.DataFrame]) -> None:
        found = table.get(key)
        if found is not None and found[0] is ref:
            del table[key]

    _RUNS[key] = (weakref.ref(sub, forget), weakref.ref(frame), start, stop)


def _meetings_in_run(sub: pd.DataFrame) -> pd.DataFrame | None:
    """The meetings of ``sub`` as a run of rows of ``meetings(frame)`` when ``sub`` is a run
    of ``frame``'s rows (:func:`meetings_of_rows`), else None."""
    run = _run_of(sub)
    if run is None:
        return None
    whole, start, stop = run
    held = meetings(whole)
    positions = per_frame(
        "meeting_positions",
        whole,
        lambda: np.flatnonzero(np.asarray(whole["kind"].to_numpy() == "meeting")),
    )
    if len(positions) != len(held):
        return None
    first, last = np.searchsorted(positions, [start, stop])
    out: pd.DataFrame = held.iloc[int(first) : int(last)]
    return out


def _run_of(sub: pd.DataFrame) -> tuple[pd.DataFrame, int, int] | None:
    """The frame ``sub`` is a run of, and the run's start and stop (see
    :func:`meetings_of_rows`), or None."""
    rows = len(sub)
    found = _RUNS.get(id(sub))
    if found is None or found[0]() is not sub:
        return None
    whole = found[1]()
    if whole is None or rows != found[3] - found[2]:
        return None
    return whole, found[2], found[3]


def years_run_of(sub: pd.DataFrame) -> tuple[pd.DataFrame, int, int] | None:
    """The frame ``sub`` is a run of (:func:`meetings_of_rows`, a claim's window) and the run's
    first and last ``year``, when the run holds every row of ``frame`` of the years from its
    first to its last (so anything counted by year on ``frame`` is ``sub``'s for those years),
    else None."""
    run = _run_of(sub)
    if run is None:
        return None
    whole, start, stop = run
    if stop <= start:
        return None
    years = whole["year"].to_numpy()
    inside = years[start:stop]
    first, last = int(inside.min()), int(inside.max())
    # every row of the run is of those years: none of the others may be
    if int(np.count_nonzero((years >= first) & (years <= last))) != stop - start:
        return None
    return whole, first, last


def _text_dtype() -> Any:
    """The dtype pandas gives a column of Python ``str`` (``str``, Arrow-backed, in pandas 3)."""
    return pd.Series(["a"]).dtype


def text_series(
    distinct: Sequence[object], codes: np.ndarray, index: pd.Index | None = None
) -> pd.Series | None:
    """``pd.Series([distinct[c] for c in codes])`` (the same values and dtype), made by Arrow
    taking the few distinct texts by their codes instead of pandas converting a million
    Python strings one by one; None when a distinct value is not a ``str`` (or pandas keeps
    text as objects): then build the Series from the values."""
    dtype = _text_dtype()
    if not all(type(v) is str for v in distinct) or not isinstance(dtype, pd.StringDtype):
        return None
    if dtype.storage != "pyarrow":
        return None
    import pyarrow as pa

    values = pa.array(list(distinct), pa.large_string()).take(
        pa.array(np.asarray(codes, dtype=np.int64))
    )
    return pd.Series(pd.array(values, dtype=dtype), index=index, copy=False)


def framework_group(framework: pd.Series) -> pd.Series:
    """Map a framework column to ``bilateral`` / ``multilateral`` / ``unilateral``."""
    # decided once per distinct framework (a missing one is bilateral), the column made by
    # Arrow from the three group names
    codes, uniques = pd.factorize(framework.to_numpy())
    named = [str(u) for u in uniques]
    if all(type(u) is str for u in uniques):
        group = [
            "multilateral"
            if u in MULTILATERAL_FRAMEWORKS
            else "unilateral"
            if u == "unilateral"
            else "bilateral"
            for u in named
        ]
        found = text_series([*group, "bilateral"], np.where(codes < 0, len(group), codes))
        if found is not None:
            found.index = framework.index
            return found.rename("framework_group")
    values = framework.fillna("").astype(str)
    out = np.where(
        values.isin(MULTILATERAL_FRAMEWORKS),
        "multilateral",
        np.where(values == "unilateral", "unilateral", "bilateral"),
    )
    return pd.Series(out, index=framework.index, name="framework_group")


def _country_codes(frame: pd.DataFrame) -> tuple[np.ndarray, list[tuple[str, ...]]]:
    """Each row's code into a list of distinct country tuples. Uses the categorical
    ``countries_key`` column that :func:`analysis_frame` adds when present (no hashing at all),
    else factorizes the tuples once."""
    key = frame["countries_key"] if "countries_key" in frame.columns else None
    if key is not None and isinstance(key.dtype, pd.CategoricalDtype):
        uniques = [tuple(c for c in str(k).split(";") if c) for k in key.cat.categories]
        return key.cat.codes.to_numpy().astype(np.int64), uniques
    codes, uniq = pd.factorize(frame["countries"].to_numpy())
    return codes.astype(np.int64), [tuple(u) for u in uniq]


def partner_positions(
    frame: pd.DataFrame, partners: Sequence[str]
) -> tuple[np.ndarray, np.ndarray]:
    """(row position, partner index) for every partner state of every event, as
    :func:`by_partner` makes its rows (without making them)."""
    return _partner_positions(frame, partners)


def _partner_positions(
    frame: pd.DataFrame, partners: Sequence[str]
) -> tuple[np.ndarray, np.ndarray]:
    """(row, partner index) for every partner of every event, in row order, then in the order
    the partners appear in the event's ``countries``. Worked out once per frame and partner
    list (:func:`per_frame`: the report asks it of the same frame for several tables and the
    findings); the arrays are read-only."""
    found: tuple[np.ndarray, np.ndarray] = per_frame(
        ("partner_positions", tuple(partners)),
        frame,
        lambda: _positions_in_run(frame, partners),
    )
    return found


def same_partner_positions(
    frame: pd.DataFrame, other: pd.DataFrame, partners: Sequence[str]
) -> pd.DataFrame:
    """``other``, noted as holding ``frame``'s rows in its order with the same countries (a copy
    with other columns changed): its partner positions are ``frame``'s, not worked out again.
    The caller vouches for it."""
    if len(other) == len(frame):
        found = _partner_positions(frame, partners)
        per_frame(("partner_positions", tuple(partners)), other, lambda: found)
    return other


def _positions_in_run(
    frame: pd.DataFrame, partners: Sequence[str]
) -> tuple[np.ndarray, np.ndarray]:
    """:func:`_positions_of_partners`, taken from those of the frame ``frame`` is a run of
    when it is one (rows in order: the run's are one slice of them)."""
    run = _run_of(frame)
    if run is None:
        return _positions_of_partners(frame, partners)
    whole, start, stop = run
    rows, partner = _partner_positions(whole, partners)
    first, last = np.searchsorted(rows, [start, stop])
    mine = rows[int(first) : int(last)] - start
    mine.flags.writeable = False
    return mine, partner[int(first) : int(last)]


def _positions_of_partners(
    frame: pd.DataFrame, partners: Sequence[str]
) -> tuple[np.ndarray, np.ndarray]:
    codes, uniques = _country_codes(frame)
    index = {p: i for i, p in enumerate(partners)}
    per_list = [[index[c] for c in u if c in index] for u in uniques]
    width = max([len(x) for x in per_list] + [1])
    table = np.full((max(len(per_list), 1), width), -1, dtype=np.int64)
    for i, found in enumerate(per_list):
        table[i, : len(found)] = found
    counts = np.array([len(x) for x in per_list] or [0], dtype=np.int64)
    lens = counts[codes] if len(codes) else np.zeros(0, dtype=np.int64)
    rows = np.repeat(np.arange(len(codes)), lens)
    starts = np.cumsum(lens) - lens
    position = np.arange(len(rows)) - np.repeat(starts, lens)
    partner = table[codes[rows], position]
    rows.flags.writeable = False  # shared by every caller (per_frame)
    partner.flags.writeable = False
    return rows, partner


def by_partner(
    frame: pd.DataFrame, partners: Sequence[str], columns: Sequence[str] | None = None
) -> pd.DataFrame:
    """One row per (event, partner state in the event's ``countries``).

    The result has the frame's columns (or only ``columns``) plus ``country``; events involving
    none of ``partners`` are dropped. Vectorised over the distinct country lists, so it stays
    fast on a million events; pass ``columns`` to avoid copying what is not needed.
    """
    cols = [c for c in (frame.columns if columns is None else dict.fromkeys(columns))]
    cols = [c for c in cols if c != "countries_key"]
    if frame.empty:
        out = frame[cols].iloc[0:0].copy()
        out["country"] = pd.Series(dtype=object)
        return out
    rows, partner = _partner_positions(frame, partners)
    out = frame[cols].iloc[rows].reset_index(drop=True)
    names = np.array(list(partners), dtype=object)
    out["country"] = pd.Series(names[partner], dtype=object)  # object: no Arrow string copy
    return out


def involves(frame: pd.DataFrame, partners: Sequence[str]) -> np.ndarray:
    """Boolean mask: does each event's ``countries`` include at least one of ``partners``?"""
    if frame.empty:
        return np.zeros(0, dtype=bool)
    codes, uniques = _country_codes(frame)
    wanted = set(partners)
    hit = np.array([not wanted.isdisjoint(u) for u in uniques] or [False])
    return np.asarray(hit[codes], dtype=bool)


def in_periods(years: pd.Series, periods: Sequence[Period]) -> np.ndarray:
    """Boolean mask: does each year fall in one of ``periods``?"""
    y = years.to_numpy()
    mask = np.zeros(len(y), dtype=bool)
    for p in periods:
        mask |= (y >= p.start) & (y <= (p.end if p.end is not None else np.iinfo(np.int64).max))
    return mask


def source_total(frame: pd.DataFrame) -> int:
    """Number of source citations behind the events in ``frame`` (sum of ``n_sources``)."""
    if frame.empty:
        return 0
    # the first row of each id, as drop_duplicates("id") keeps, without copying every column;
    # by the analysis frame's integer codes of the ids when the frame has them
    key = frame["id_key"] if "id_key" in frame.columns else frame["id"]
    if key.dtype.kind in "iu":
        codes = key.to_numpy()
        if bool((codes[1:] > codes[:-1]).all()):
            # codes rising row by row are all distinct: every row is its event's first (a
            # row selection of the analysis frame; no hashing of ten million codes)
            return int(frame["n_sources"].sum())
    first = ~key.duplicated().to_numpy()
    return int(frame["n_sources"][first].sum())
