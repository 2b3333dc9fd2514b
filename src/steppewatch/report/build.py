"""``build_report``: from a store, filters and a study to a report folder.

Everything is computed in memory first; files are written only when all charts and tables are
ready, so a failure (or an empty selection) never leaves a half-written report behind.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from steppewatch import __version__
from steppewatch.atomic_output import staged_folder, write_error
from steppewatch.errors import AnalysisError
from steppewatch.report.chart_registry import CHARTS

if TYPE_CHECKING:
    import pandas as pd

    from steppewatch.models import Study
    from steppewatch.report.content import ReportContent
    from steppewatch.store import EventFilter, Store
    from steppewatch.store.arrow_reader import SourceTally
    from steppewatch.store.parquet_store import ParquetStore

__all__ = ["DEFAULT_STATUSES", "ReportResult", "REPORT_STEPS", "build_report", "describe_filters"]

#: Review statuses analysed unless the caller asks otherwise: curated data and events a person
#: accepted or edited. Machine suggestions not yet reviewed, and rejected ones, are left out.
DEFAULT_STATUSES = ("curated", "accepted", "edited")
#: Progress steps reported through ``progress``: load, one per chart of the registry
#: (``chart_registry.CHARTS``), tables, evidence, write (evidence before the charts when
#: worker processes draw them).
REPORT_STEPS = 4 + len(CHARTS)


@dataclass(frozen=True)
class ReportResult:
    index: Path
    n_events: int
    n_sources: int
    n_charts: int
    charts: tuple[str, ...]
    #: Worker processes that drew the charts (0: the report's own process).
    chart_workers: int = 0


def describe_filters(filters: EventFilter) -> str:
    parts = []
    for label, values in (
        ("country", filters.countries),
        ("kind", filters.kinds),
        ("topic", filters.topics),
        ("framework", filters.frameworks),
        ("status", filters.statuses),
    ):
        if values:
            parts.append(f"{label} {', '.join(values)}")
    if filters.since is not None:
        parts.append(f"from {filters.since}")
    if filters.until is not None:
        parts.append(f"until {filters.until}")
    if filters.text:
        parts.append(f"text '{filters.text}'")
    return "; ".join(parts) if parts else "none"


def _partners(study: Study, filters: EventFilter) -> list[str]:
    chosen = [c for c in study.partner_states if c in filters.countries]
    return chosen or list(study.partner_states)


def _counts(frame: pd.DataFrame) -> dict[str, Any]:
    from steppewatch.analysis.frame import (
        analysis_frame,
        concerns_coded,
        meetings,
        no_concern_marked,
        source_total,
    )

    # the analysis frame (made once per frame by build_content): the same values, read cheaply
    frame = analysis_frame(frame)
    m = meetings(frame)
    kinds = frame["kind"].value_counts()
    statuses = frame["review_status"].value_counts()
    return {
        "events": len(frame),
        "sources": source_total(frame),
        "first_year": int(frame["year"].min()),
        "last_year": int(frame["year"].max()),
        "meetings": len(m),
        "meetings_without_concerns": int((~concerns_coded(m)).sum()),
        "meetings_no_concern": int(no_concern_marked(m).sum()),
        "by_kind": ", ".join(f"{k.replace('_', ' ')} {n:,}" for k, n in kinds.items()),
        "by_status": ", ".join(f"{k} {n:,}" for k, n in statuses.items()),
    }


@contextmanager
def _gc_paused() -> Iterator[None]:
    """No garbage collection while the block runs. Reading a million events makes millions of
    tuples and dicts, and each full collection would walk every one of them again (about a
    third of the load's time); none of them forms a reference cycle."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _load_frame(
    store: Store | ParquetStore, filters: EventFilter, tally: SourceTally | None = None
) -> pd.DataFrame:
    from steppewatch.analysis.frame import ids_distinct

    with _gc_paused():
        # a store's events: their ids are the events table's primary key (an export keeps it)
        return ids_distinct(_read_frame(store, filters, tally))


#: The meeting attribute the report reads (``topic_note``: "sources name no specific concern").
_NOTE_KEY = "topic_note"


def _read_frame(
    store: Store | ParquetStore, filters: EventFilter, tally: SourceTally | None = None
) -> pd.DataFrame:
    """The events frame for the report: only the columns the analysis reads, text as Python
    objects, and ``attributes`` parsed only where the report reads them: the activity kinds
    that have a table, and meetings whose attributes carry a ``topic_note`` (found by SQL, so
    the other meetings' JSON is never read); every other row gets an empty dict. Much cheaper
    on a million events. ``tally``: filled with the sources counted by publisher and language
    when the Arrow route reads them (see ``arrow_reader.report_events_frame``)."""
    from steppewatch.analysis.activity_tables import TABLE_KINDS
    from steppewatch.analysis.frame import ANALYSIS_COLUMNS
    from steppewatch.store.arrow_reader import report_events_frame
    from steppewatch.store.frames import events_frame, notes_attributes
    from steppewatch.store.parquet_store import ParquetStore

    slim = [c for c in ANALYSIS_COLUMNS if c != "attributes"]
    kinds = tuple(k for k in TABLE_KINDS if not filters.kinds or k in filters.kinds)
    # SQLite files and PostgreSQL: read through Arrow (store/arrow_reader.py), same frame
    fast = report_events_frame(
        store,
        filters,
        [*slim, "attributes"],
        attribute_kinds=kinds,
        attribute_key=_NOTE_KEY,
        tally=tally,
    )
    if fast is not None:
        return fast
    if isinstance(store, ParquetStore):  # no event matches (the Arrow route's None)
        import pandas as pd

        return pd.DataFrame({name: pd.Series([], dtype=object) for name in [*slim, "attributes"]})
    frame = events_frame(store, filters, columns=slim, object_text=True)
    found: dict[str, Any] = {}
    if kinds and len(frame):
        ex = events_frame(
            store, replace(filters, kinds=kinds), columns=("id", "attributes"), object_text=True
        )
        found = dict(zip(ex["id"], ex["attributes"], strict=True))
    if len(frame) and (not filters.kinds or "meeting" in filters.kinds):
        found.update(notes_attributes(store, replace(filters, kinds=("meeting",)), _NOTE_KEY))
    frame["attributes"] = [found.get(i) or {} for i in frame["id"]]
    return frame


def build_report(
    out: str | Path,
    *,
    store: Store | ParquetStore,
    filters: EventFilter | None = None,
    study: Study | None = None,
    progress: Callable[[str], None] | None = None,
) -> ReportResult:
    """Analyse the events in ``store`` matching ``filters`` and write the report to ``out``.

    Raises :class:`AnalysisError` (SW610, SW611, SW612) when there is nothing to report; in that
    case nothing is written. SW613: the output folder cannot be written.
    """
    # the loaded events are frozen out of the garbage collector's walks while the report is
    # built (they hold no reference cycle; each full collection would walk millions of them)
    # and given back to it afterwards
    freeze = gc.get_freeze_count() == 0
    try:
        with _arrow_memory_pool(), _gc_spaced(), ExitStack() as heap:
            return _build_report(out, store, filters, study, progress, freeze=freeze, heap=heap)
    finally:
        if freeze:
            gc.unfreeze()


#: Allocations (less deallocations) of container objects between two young collections while
#: the report runs (Python's default: 700).
_GC_YOUNG_THRESHOLD = 50_000


@contextmanager
def _gc_spaced() -> Iterator[None]:
    """Young garbage collections spaced out while the report runs, then the thresholds as
    they were. Each young collection walks every young container, and the report makes large
    ones (lists and tuples of a million ids); on 1,000,000 events from Parquet the collections
    took about 3.2 s (433 young ones, 0.1-0.6 s each once such a list was alive), 0.65 s
    spaced out. The report makes few reference cycles (the charts' figures), freed as before,
    only later."""
    before = gc.get_threshold()
    gc.set_threshold(max(before[0], _GC_YOUNG_THRESHOLD), *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


#: Set by a user to choose Arrow's memory pool (then the report leaves it as it is).
_POOL_VARIABLE = "ARROW_DEFAULT_MEMORY_POOL"


@contextmanager
def _arrow_memory_pool() -> Iterator[None]:
    """Arrow's jemalloc pool (when this pyarrow has it) for the Arrow buffers the report makes,
    then the previous default again. pyarrow's default (mimalloc) hands freed pages back to the
    system at once and faults them in again on the next allocation: on a million events that
    was 2-3 s of system CPU in the load alone (1M from Parquet, load 3.8 -> 2.2 s CPU; whole
    report 8.3 -> 3.5 s system time). A buffer is freed to the pool it came from, so buffers
    outliving the report are safe. Left alone when ``ARROW_DEFAULT_MEMORY_POOL`` is set."""
    import os

    if os.environ.get(_POOL_VARIABLE):
        yield
        return
    import pyarrow as pa

    try:
        pool = pa.jemalloc_memory_pool()
    except NotImplementedError:  # a pyarrow built without jemalloc
        yield
        return
    before = pa.default_memory_pool()
    pa.set_memory_pool(pool)
    try:
        yield
    finally:
        pa.set_memory_pool(before)


#: Set by a user to tune glibc's allocator (then the report leaves it as it is).
_MALLOC_VARIABLES = ("MALLOC_MMAP_MAX_", "MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_")
#: glibc's mallopt parameters and their defaults.
_M_TRIM_THRESHOLD, _M_MMAP_MAX = -1, -4
_DEFAULT_TRIM_THRESHOLD, _DEFAULT_MMAP_MAX = 128 * 1024, 65536
#: Free memory at the heap's top kept for the report's next arrays (at most 2 GB: an int).
_KEPT_TRIM_THRESHOLD = 2**31 - 1
#: Events from which the heap is kept (:func:`_heap_reused`): a column of 8-byte values is then
#: over 32 MB, glibc's largest threshold for a mapping of its own. Below it glibc already
#: reuses the heap for such arrays, and keeping the heap untrimmed only raised the peak (1M
#: events from Parquet: 949 MB against 877 MB, CLI process, no chart worker).
_HEAP_KEPT_FROM_EVENTS = 4 * 1024 * 1024


@contextmanager
def _heap_reused() -> Iterator[None]:
    """Large arrays (numpy's, pandas') taken from the heap and their memory reused while the
    report runs, then glibc's defaults again and the free memory given back to the system.

    glibc gives each allocation over 32 MB its own mapping and unmaps it when freed; the next
    such array then faults in fresh zeroed pages. On 10,000,000 events every column is 80 MB
    and the report selects rows hundreds of times: that was about 100 s of system CPU (the
    report's user CPU about 140 s). Left alone when one of :data:`_MALLOC_VARIABLES` is set,
    and where there is no glibc ``mallopt``."""
    import ctypes
    import os

    if any(os.environ.get(name) for name in _MALLOC_VARIABLES):
        yield
        return
    try:
        libc = ctypes.CDLL(None)
        mallopt, malloc_trim = libc.mallopt, libc.malloc_trim
    except (OSError, AttributeError):  # not glibc (musl, macOS, Windows)
        yield
        return
    if not mallopt(_M_MMAP_MAX, 0):
        yield
        return
    mallopt(_M_TRIM_THRESHOLD, _KEPT_TRIM_THRESHOLD)
    try:
        yield
    finally:
        mallopt(_M_MMAP_MAX, _DEFAULT_MMAP_MAX)
        mallopt(_M_TRIM_THRESHOLD, _DEFAULT_TRIM_THRESHOLD)
        malloc_trim(0)


def _build_report(
    out: str | Path,
    store: Store | ParquetStore,
    filters: EventFilter | None,
    study: Study | None,
    progress: Callable[[str], None] | None,
    *,
    freeze: bool,
    heap: ExitStack | None = None,
) -> ReportResult:
    from steppewatch.analysis.activity_tables import ACTIVITY_TABLES
    from steppewatch.analysis.engagement import load_index_config
    from steppewatch.analysis.frame import analysis_frame, clip_periods, periods_from_study
    from steppewatch.analysis.sensitivity import claims_sensitivity
    from steppewatch.report.activity_html import add_source_urls
    from steppewatch.report.both_sides import both_sides
    from steppewatch.report.chart_drawing import CpuWindow
    from steppewatch.report.content import build_content
    from steppewatch.report.country_text import country_names
    from steppewatch.report.early_files import EarlyFiles
    from steppewatch.report.evidence import finding_events
    from steppewatch.report.html import render_html, write_report
    from steppewatch.report.limits import count_sources, data_limits, members_at_from
    from steppewatch.store import EventFilter
    from steppewatch.store.arrow_reader import SourceTally
    from steppewatch.study import load_study

    step = progress or (lambda _name: None)
    cpu_window = CpuWindow()  # how busy the cores are while the data is read decides the workers
    study = study or load_study()
    filters = filters or EventFilter()
    if not filters.statuses:
        filters = replace(filters, statuses=DEFAULT_STATUSES)
    total = store.count_events()
    if total == 0:
        raise AnalysisError(
            f"the database {store.describe()} holds no events; no report written",
            hint="run 'steppewatch init' to load the bundled dataset, or 'steppewatch import FILE'",
            code="SW610",
        )
    tally = SourceTally()
    # the analysis frame (analysis.frame.analysis_frame) is the only frame kept: every step
    # reads it (as analysis_frame of it is itself); the loaded frame's columns it redid are
    # freed (on a million events, 8 object columns: about 65 MB)
    frame = analysis_frame(_load_frame(store, filters, tally))
    if freeze:
        gc.freeze()
    if heap is not None and len(frame) >= _HEAP_KEPT_FROM_EVENTS:
        heap.enter_context(_heap_reused())
    step("load")
    if frame.empty:
        raise AnalysisError(
            f"no event matches the filters ({describe_filters(filters)}) among the {total:,} "
            "events in the database; no report written",
            hint="widen the filters (--country, --since, --until, --kind)",
            code="SW611",
        )
    periods = clip_periods(periods_from_study(study), filters.since, filters.until)
    partners = _partners(study, filters)

    members_at = members_at_from(study)

    def sensitivity() -> pd.DataFrame:
        # in a chart worker (it reads only the frame and the study): the verdicts as coded
        # are evaluated there again (the findings are not made yet when the workers start)
        return claims_sensitivity(frame, partners, members_at=members_at, claims=study.claims)

    def add_evidence(content: ReportContent, side: Callable[[], Any]) -> None:
        # done while worker processes draw the charts (the findings are already checked)
        # the sources counted by language, category and side as they are read (not a row each)
        sources = count_sources(store, list(frame["id"]), study, partners, counted=tally.pairs)
        limits = data_limits(frame, sources, study, partners)
        content.limits = limits
        content.tables.update(limits.tables())
        content.evidence = finding_events(frame, content.findings, store)
        files.evidence(content.evidence)  # written from now on, beside the work below
        content.activity_sources = add_source_urls(store, content.tables)
        for table in ACTIVITY_TABLES:  # done once their source URLs are in
            if table.name in content.tables:
                files.table(table.name, content.tables[table.name])
        sides = both_sides(store, frame, study.focal_state, partners, country_names())
        content.both_sides = sides
        # the claims' sensitivity from the worker that checked it beside the above, else here
        table = side()
        if table is None:
            table = claims_sensitivity(
                frame, partners, members_at=members_at, claims=study.claims, base=content.findings
            )
        content.tables["claims_sensitivity"] = table
        content.tables["both_sides"] = sides.result.meetings
        content.tables["both_sides_topics"] = sides.result.topics
        step("evidence")

    # the whole report is written into a staging folder, then moved into place: a disk that
    # fills halfway leaves the previous report (or nothing), never a mix; its largest files are
    # written into it by a thread while the report is made (report/early_files.py)
    writing = True  # an OSError now is the report's folder's (SW613), not the analysis'
    try:
        with ExitStack() as staged:
            stage = staged.enter_context(staged_folder(out, last="index.html"))
            files = EarlyFiles(stage)
            staged.callback(files.close)
            writing = False
            content = build_content(
                frame,
                partners,
                periods,
                study=study,
                progress=step,
                while_drawing=add_evidence,
                cpu_window=cpu_window,
                side=sensitivity,
                table_ready=files.table,
            )
            if not content.charts:
                raise AnalysisError(
                    f"the {len(frame):,} events matching the filters "
                    f"({describe_filters(filters)}) give nothing to chart (no meeting, exercise "
                    "or activity involving a partner state); no report written",
                    hint="widen the filters",
                    code="SW612",
                )
            # what the page says of the whole database (Store.dataset_info without its count
            # of sources, which the page does not show: a scan of two million rows on 1M
            # events)
            info: dict[str, Any] = {
                key: store.get_meta(key)
                for key in ("dataset", "dataset_version", "codebook_version")
            }
            info["events"] = total
            info["codebook_version"] = info.get("codebook_version") or study.codebook_version
            info["dataset_version"] = info.get("dataset_version") or study.dataset_version
            counts = _counts(frame)
            context = {
                "title": f"{study.name}: analysis report",
                "study": study,
                "info": info,
                "counts": counts,
                "filters_text": describe_filters(replace(filters, statuses=())),
                "statuses": ", ".join(filters.statuses),
                "partners": partners,
                "periods": periods,
                "index": load_index_config(),
                "version": __version__,
            }
            html = render_html(content, context)
            writing = True
            write_report(stage, content, html, files)
        index = Path(out) / "index.html"
    except OSError as error:
        if not writing:
            raise
        raise AnalysisError(
            f"report not written: {write_error(error, out)}; nothing half-written was left "
            f"in {out} (a report already there is unchanged)",
            hint="free space, or give --out a folder you can write to (it is created if "
            "missing), and run again",
            code="SW613",
        ) from None
    step("write")
    return ReportResult(
        index=index,
        n_events=counts["events"],
        n_sources=counts["sources"],
        n_charts=len(content.charts),
        charts=tuple(c.name for c in content.charts),
        chart_workers=content.chart_workers,
    )
