"""Read queries of the explorer: list, count, facet counts, full-text search (CSV rows: export.tables).

Full text uses the indexes made by migration 0003: SQLite FTS5 (trigram) tables, or
PostgreSQL ``to_tsvector`` GIN indexes. Facet and count queries on big databases run under a
time limit (SQLite progress handler), like Datasette's facet time limit: a facet that takes too
long is reported as such instead of slowing every page.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    and_,
    func,
    inspect,
    literal_column,
    or_,
    select,
    text,
)
from sqlalchemy.exc import OperationalError

from steppewatch.store import records
from steppewatch.store.filters import EventFilter
from steppewatch.store.migrations.m0003_review import PG_DOCUMENT_TSV, PG_EVENT_TSV
from steppewatch.store.migrations.m0014_pg_trigram_search import INDEX as PG_TRGM_INDEX
from steppewatch.store.migrations.m0014_pg_trigram_search import PG_EVENT_TEXT
from steppewatch.store.migrations.m0015_pg_event_lookup_index import (
    ARRAY_INDEXES as PG_ARRAY_INDEXES,
)
from steppewatch.store.migrations.m0015_pg_event_lookup_index import CODE_ARRAYS as PG_CODE_ARRAYS
from steppewatch.store.migrations.m0015_pg_event_lookup_index import INDEX as PG_LOOKUP_INDEX
from steppewatch.store.migrations.m0016_pg_event_search import CJK_INDEX as PG_SEARCH_CJK_INDEX
from steppewatch.store.migrations.m0016_pg_event_search import TEXT_INDEX as PG_SEARCH_INDEX
from steppewatch.store.query import search_terms
from steppewatch.store.store import ORDERS
from steppewatch.store.tables import event_codes, events, sources

if TYPE_CHECKING:
    from steppewatch.store.store import Store

FACETS = ("kind", "country", "topic", "domain", "year", "level", "framework", "review_status")
LIST_FACETS = ("country", "topic", "domain")
_CJK = re.compile(r"[\u3000-\u9fff\uf900-\ufaff]")


class TimedOut(Exception):
    """A query ran past its time limit."""


@dataclass(frozen=True)
class SearchSupport:
    dialect: str
    events_fts: bool
    documents_fts: bool  # SQLite: ``items_fts`` (migration 10), linked items' text and titles
    coded_items: bool
    events_fts_dated: bool = False  # SQLite, migration 6: rowid = (YYYYMMDD << 32) | events.rowid
    pg_trigram: bool = False  # PostgreSQL, migration 14: trigram index of the events' text
    # PostgreSQL, migration 15: events' ids with the filters' columns (``list_plans``)
    pg_lookup_index: bool = False
    # PostgreSQL, migration 15: GIN indexes of the events' codes as arrays (``where_clause``)
    pg_code_arrays: bool = False
    # PostgreSQL, migration 16: the events' stored text vectors in date order (``pg_search``)
    pg_event_search: bool = False
    # ... and the trigram index of its Chinese text (``cjk``)
    pg_event_search_cjk: bool = False

    @classmethod
    def detect(cls, store: Store) -> SearchSupport:
        with store.engine.connect() as conn:
            insp = inspect(conn)
            if store.dialect == "sqlite":
                names = set(
                    conn.execute(
                        text("SELECT name FROM sqlite_master WHERE type='table'")
                    ).scalars()
                )
                dated = "events_fts_dated" in names
                # linked documents are searched item by item (migration 10): a database without
                # that index gets no document arm rather than the whole-document one
                return cls(
                    "sqlite",
                    dated or "events_fts" in names,
                    "items_fts" in names,
                    "coded_items" in names,
                    dated,
                )
            # the linked-item arm only while some item is linked to an event (the explorer
            # detects again after every write): an empty arm still kept PostgreSQL from walking
            # the date index for a page of a common word (4 s instead of milliseconds)
            has_docs = (
                insp.has_table("documents")
                and insp.has_table("coded_items")
                and bool(
                    conn.execute(
                        text("SELECT 1 FROM coded_items WHERE event_id IS NOT NULL LIMIT 1")
                    ).scalar()
                )
            )
            found = set()
            if store.dialect == "postgresql":
                found = set(
                    conn.execute(
                        text("SELECT indexname FROM pg_indexes WHERE indexname = ANY(:names)"),
                        {
                            "names": [
                                PG_TRGM_INDEX,
                                PG_LOOKUP_INDEX,
                                PG_SEARCH_INDEX,
                                PG_SEARCH_CJK_INDEX,
                                *PG_ARRAY_INDEXES,
                            ]
                        },
                    ).scalars()
                )
            return cls(
                store.dialect,
                True,
                has_docs,
                insp.has_table("coded_items"),
                pg_trigram=PG_TRGM_INDEX in found,
                pg_lookup_index=PG_LOOKUP_INDEX in found,
                pg_code_arrays=found.issuperset(PG_ARRAY_INDEXES),
                pg_event_search=PG_SEARCH_INDEX in found,
                pg_event_search_cjk=PG_SEARCH_CJK_INDEX in found,
            )

    def event_rowids(self) -> str:
        """SQL selecting the rowids of events whose own text matches ``:ev_q`` (SQLite)."""
        if self.events_fts_dated:
            return (
                f"SELECT rowid & {ROWID_MASK} FROM events_fts_dated "
                "WHERE events_fts_dated MATCH :ev_q"
            )
        return "SELECT rowid FROM events_fts WHERE events_fts MATCH :ev_q"


ROWID_MASK = (1 << 32) - 1  # events_fts_dated: the low 32 bits of a rowid are the event's rowid


def _escape_like(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _like_all(words: list[str]) -> ColumnElement[bool]:
    return EventFilter(text=" ".join(words)).where()


def fts_match(q: str) -> str | None:
    """The FTS5 (trigram) query for the terms of ``q`` with 3+ characters (``search_terms``:
    words, phrases, prefixes), each one quoted string."""
    return search_terms.fts_query(search_terms.parse(q))


# a linked document matches an event only within the item linked to it (its text and the
# document's title: ``items_fts``, migration 10), never anywhere in a long transcript
ITEM_EVENTS = (
    "SELECT event_id FROM coded_items WHERE rowid IN "
    "(SELECT rowid FROM items_fts WHERE items_fts MATCH :doc_q)"
)
PG_ITEM_EVENT_IDS = (
    "SELECT c.event_id FROM coded_items c JOIN documents d ON d.id = c.document_id "
    f"WHERE c.event_id IS NOT NULL AND {PG_DOCUMENT_TSV.replace('title', 'd.title').replace('text', 'd.text')} "
    "@@ to_tsquery('simple', :doc_q) AND to_tsvector('simple', coalesce(d.title,'') || ' ' || "
    "substr(coalesce(d.text,''), c.start + 1, c.\"end\" - c.start)) @@ to_tsquery('simple', :doc_q)"
)
# the events whose own text matches, or one of whose linked items does: one UNION, so that
# PostgreSQL reads both from their indexes (an OR of the two made it compute the text vector of
# every event: 30 us each, half a minute on a million events)
PG_MATCHING_EVENTS = (
    f"events.id IN (SELECT hit.id FROM events AS hit WHERE {PG_EVENT_TSV} @@ "
    f"to_tsquery('simple', :ev_q) UNION {PG_ITEM_EVENT_IDS})"
)


def fts_hits(
    store: Store, q: str, limit_ms: int = 100, cap: int | None = None, table: str | None = None
) -> int | None:
    """How many events' own text matches ``q`` (SQLite FTS5), or None if unknown; with ``cap``,
    min(that number, cap + 1), which stops reading the index early (5x faster for common words
    on a million events)."""
    match = fts_match(q)
    if store.dialect != "sqlite" or match is None:
        return None
    if table is None:
        table = "events_fts_dated" if SearchSupport.detect(store).events_fts_dated else "events_fts"
    if table not in ("events_fts", "events_fts_dated"):
        raise ValueError(table)
    sql = f"SELECT count(*) FROM {table} WHERE {table} MATCH :m"
    if cap is not None:
        sql = f"SELECT count(*) FROM (SELECT 1 FROM {table} WHERE {table} MATCH :m LIMIT {int(cap) + 1})"
    with store.engine.connect() as conn:
        try:
            with time_limit(conn, limit_ms):
                return int(conn.execute(text(sql), {"m": match}).scalar() or 0)
        except (TimedOut, OperationalError):
            return None


def pg_text_hits(
    store: Store, q: str, support: SearchSupport, *, cap: int, limit_ms: int = 100
) -> int | None:
    """PostgreSQL: how many events' own text matches ``q``, up to ``cap`` (read from the text
    or trigram index, stopping at ``cap``), or None if unknown in ``limit_ms``."""
    if not q.strip():
        return None
    own = replace(support, documents_fts=False)
    inner = (
        select(literal_column("1"))
        .select_from(events)
        .where(search_condition(q, own))
        .limit(cap)
        .subquery()
    )
    with store.engine.connect() as conn:
        try:
            with time_limit(conn, limit_ms):
                return int(conn.execute(select(func.count()).select_from(inner)).scalar() or 0)
        except TimedOut:
            return None


def pg_estimate(
    store: Store, where: ColumnElement[bool], table: Any = None, *, conn: Connection | None = None
) -> int | None:
    """PostgreSQL: the planner's estimate of how many events match ``where`` (EXPLAIN, no
    rows read: a millisecond), or None. Its statistics of the text index's words are good
    for single words (34,167 estimated, 34,394 found for "forces") and high for phrases."""
    import json as _json

    source = events if table is None else table  # table: e.g. pg_search.event_search
    statement: Any = select(literal_column("1")).select_from(source).where(where)
    with using(store, conn) as conn:
        compiled = statement.compile(
            dialect=conn.dialect, compile_kwargs={"render_postcompile": True}
        )
        try:
            with time_limit(conn, 100):
                plan = conn.exec_driver_sql(
                    "EXPLAIN (FORMAT JSON) " + str(compiled), compiled.params
                ).scalar()
        except TimedOut:
            return None
    if isinstance(plan, str):
        plan = _json.loads(plan)
    try:
        return int(plan[0]["Plan"]["Plan Rows"])  # type: ignore[index]
    except (KeyError, IndexError, TypeError, ValueError):
        return None


def search_condition(q: str, support: SearchSupport, *, walk: bool = False) -> ColumnElement[bool]:
    """Events whose title, summary, location or actors match every word of ``q``, or one of
    whose archived documents matches every word. ``walk``: write the rowid test as
    ``+events.rowid`` so SQLite walks the date index instead of sorting every hit (good when
    the hits are many)."""
    terms = search_terms.parse(q)
    if support.dialect == "sqlite" and support.events_fts:
        short = search_terms.short_terms(terms)
        match = search_terms.fts_query(terms)
        conds: list[ColumnElement[bool]] = []
        if match is not None:
            plus = "+" if walk else ""
            event_hit: ColumnElement[bool] = text(
                f"{plus}events.rowid IN ({support.event_rowids()})"
            ).bindparams(ev_q=match)  # type: ignore[assignment]
            if support.documents_fts and support.coded_items and not short:
                # items linked to events (the coded_items rowid is the items_fts rowid); tested
                # on the rowid like the arm above, so a walk of the date index reads an event's
                # row only when it matches
                via = (
                    f"{plus}events.rowid IN (SELECT linked.rowid FROM events AS linked "
                    f"WHERE linked.id IN ({ITEM_EVENTS}))"
                )
                event_hit = or_(event_hit, text(f"({via})").bindparams(doc_q=match))
            conds.append(event_hit)
        if short:
            conds.append(_like_all(short))
        return and_(*conds) if conds else and_(True)
    if support.dialect == "postgresql" and not any(_CJK.search(t.text) for t in terms):
        # (a term with a Chinese character goes to the trigram search below; the ideographic
        # space U+3000 a Chinese keyboard types between words only separates terms)
        # every word as a prefix (Russian stems: сепаратизм matches сепаратизмом), phrases as
        # words next to each other
        tsquery = search_terms.pg_tsquery(terms)
        if tsquery is None:
            return _like_all([t.text for t in terms])
        tsq: ColumnElement[bool] = text(
            f"{PG_EVENT_TSV} @@ to_tsquery('simple', :ev_q)"
        ).bindparams(ev_q=tsquery)  # type: ignore[assignment]
        if support.documents_fts and support.coded_items:
            return text(PG_MATCHING_EVENTS).bindparams(ev_q=tsquery, doc_q=tsquery)  # type: ignore[return-value]
        return tsq
    if support.dialect == "postgresql" and support.pg_trigram:
        # Chinese (no words for to_tsvector): each term a substring of the events' text, read
        # from the trigram index of that same expression (migration 14)
        searched: Any = literal_column(PG_EVENT_TEXT)
        likes = [searched.like(f"%{_escape_like(t.text.lower())}%", escape="\\") for t in terms]
        return and_(*likes) if likes else and_(True)
    return _like_all([t.text for t in terms])


def where_clause(
    filters: EventFilter, q: str | None, support: SearchSupport
) -> ColumnElement[bool]:
    """For counts and facets: code filters as ``id IN (subquery)`` (one pass over the codes).

    A PostgreSQL search (migration 15) tests the codes on the event's own lists instead
    (``string_to_array(countries, ';') && ARRAY[...]``), whose GIN indexes PostgreSQL intersects
    with the text index's bitmap: only the rows matching both are read."""
    if q and support.pg_code_arrays and (filters.countries or filters.topics or filters.domains):
        conds = replace(filters, countries=(), topics=(), domains=()).conditions()
        conds += [
            pg_codes_overlap(field, getattr(filters, field))
            for field in ("countries", "topics", "domains")
            if getattr(filters, field)
        ]
    else:
        conds = filters.conditions()
    if q:
        conds.append(search_condition(q, support))
    return and_(*conds) if conds else and_(True)


def pg_array_where(filters: EventFilter) -> ColumnElement[bool]:
    """PostgreSQL (migration 15): ``filters`` with the codes tested on the events' own lists,
    which the planner reads as one bitmap per condition and ANDs (``list_plans.PG_BITMAP_COST``)."""
    conds = replace(filters, countries=(), topics=(), domains=()).conditions()
    conds += [
        pg_codes_overlap(field, getattr(filters, field))
        for field in ("countries", "topics", "domains")
        if getattr(filters, field)
    ]
    return and_(*conds) if conds else and_(True)


def pg_codes_overlap(field: str, values: tuple[str, ...]) -> ColumnElement[bool]:
    """PostgreSQL: the event's ``field`` (countries, topics, domains) holds one of ``values``,
    in the form its GIN index serves (migration 15)."""
    from sqlalchemy import Text, cast
    from sqlalchemy.dialects.postgresql import ARRAY, array

    codes: Any = literal_column(PG_CODE_ARRAYS[field], type_=ARRAY(Text))
    return codes.op("&&")(cast(array(list(values)), ARRAY(Text)))  # type: ignore[no-any-return]


def page_where(
    filters: EventFilter, q: str | None, support: SearchSupport, *, walk_date_index: bool = False
) -> ColumnElement[bool]:
    """For a page of events: code filters as correlated EXISTS, so that walking the date index
    stops once the page is full instead of first collecting every matching id.

    ``walk_date_index`` (SQLite, date order, no text search): the event columns are written as
    ``+events.kind`` etc., SQLite's documented way to keep the planner from using their indexes,
    so it walks ``ix_events_date_sort`` in order and needs no sort of every match.
    """
    conds: list[ColumnElement[bool]] = []
    for facet, values in (
        ("country", filters.countries),
        ("topic", filters.topics),
        ("domain", filters.domains),
    ):
        if values:
            conds.append(
                select(event_codes.c.event_id)  # covered by the key: no table row read
                .where(
                    event_codes.c.event_id == events.c.id,
                    event_codes.c.facet == facet,
                    event_codes.c.code.in_(values),
                )
                .exists()
            )
    if walk_date_index and not q:  # (with q: the walk is set on the rowid test instead)

        def col(name: str) -> Any:
            return literal_column(f"+events.{name}")

        for name, values in (
            ("kind", filters.kinds),
            ("level", filters.levels),
            ("framework", filters.frameworks),
            ("review_status", filters.statuses),
        ):
            if values:
                conds.append(col(name).in_(values))
        # years as a range of the walked index itself (date_sort is YYYY-MM-DD)
        if filters.since is not None:
            conds.append(events.c.date_sort >= f"{filters.since:04d}")
        if filters.until is not None:
            conds.append(events.c.date_sort < f"{filters.until + 1:04d}")
        if filters.ids:
            conds.append(events.c.id.in_(filters.ids))
    else:
        rest = EventFilter(**{**filters.__dict__, "countries": (), "topics": (), "domains": ()})
        conds += rest.conditions()
        if q:
            conds.append(search_condition(q, support, walk=walk_date_index))
    return and_(*conds) if conds else and_(True)


def page_query(
    where: ColumnElement[bool], order: str, dialect: str, keys: list[Any] | None = None
) -> Any:
    """SELECT of one page's rows. On SQLite the date orders break ties by rowid, which
    ``ix_events_date_sort`` holds, so walking that index gives the order directly. ``keys``:
    ORDER BY keys of the caller's own (``list_plans``)."""
    query = select(events).where(where)
    if keys is not None:
        return query.order_by(*keys)
    if dialect == "sqlite" and order in ("date", "-date"):
        rowid: Any = literal_column("events.rowid")
        date_keys: tuple[Any, ...] = (
            (events.c.date_sort, rowid)
            if order == "date"
            else (events.c.date_sort.desc(), rowid.desc())
        )
        return query.order_by(*date_keys)
    return query.order_by(*ORDERS[order])


# How SQLite reports a query stopped by sqlite3_interrupt(): "interrupted" from the statement,
# but "vtable constructor failed: <table>" when the interrupt lands while an FTS5 table is being
# connected (it reads its configuration with a statement of its own, which the interrupt stops).
_SQLITE_INTERRUPT_MESSAGES = ("interrupted", "vtable constructor failed")


@contextmanager
def interrupted_as_timed_out(fired: Callable[[], bool] = lambda: True) -> Iterator[None]:
    """An SQLite query stopped by ``sqlite3_interrupt`` (its OperationalError) as TimedOut.

    ``fired`` says whether an interrupt was sent: a "vtable constructor failed" error without
    one is a real error and is raised as it is."""
    try:
        yield
    except OperationalError as error:
        message = str(error)
        if "interrupted" in message or (
            fired() and any(m in message for m in _SQLITE_INTERRUPT_MESSAGES)
        ):
            raise TimedOut() from None
        raise


# PostgreSQL, for the explorer's reads (set with their time limit, for their transaction only):
# - work_mem: with the server's default (4 MB) the bitmap of a common word's hits on a million
#   events became lossy (whole pages instead of rows), and PostgreSQL then recomputed the text
#   vector of every event on those pages (391,314 rows for one search: 13.6 s instead of 0.3 s);
#   32 MB keeps such bitmaps exact (a sort or hash of one query may use as much, once);
# - jit off: queries priced over jit_above_cost were compiled first (10-50 ms), although they
#   stop after a page of rows.
PG_WORK_MEM = "32MB"


@contextmanager
def using(store: Store, conn: Connection | None) -> Iterator[Connection]:
    """``conn`` when given (a request's own connection, left open), else a new connection of
    ``store`` for the block."""
    if conn is not None:
        yield conn
        return
    with store.engine.connect() as own:
        yield own


# conn.info keys (PostgreSQL): the connection one explorer request reads through (QueryEngine:
# its reads share one transaction, ended when a read changed planner settings: LOCAL_SETTINGS)
REQUEST_CONNECTION = "steppewatch.request_connection"
LOCAL_SETTINGS = "steppewatch.local_settings"


def end_local(conn: Connection) -> None:
    """End ``conn``'s transaction if a read in it changed planner settings (``set_local``), so
    the next read runs under the defaults; else keep it (no round trip to the server)."""
    if conn.info.pop(LOCAL_SETTINGS, False) and conn.in_transaction():
        conn.rollback()


@contextmanager
def time_limit(conn: Connection, ms: int | None) -> Iterator[None]:
    """Interrupt queries running longer than ``ms`` (raises TimedOut): SQLite through a progress
    handler, PostgreSQL through ``SET LOCAL statement_timeout`` (the transaction is rolled back
    after a timeout, so ``conn`` stays usable; with it ``work_mem`` and ``jit``, see PG_WORK_MEM)."""
    if ms is None or conn.dialect.name not in ("sqlite", "postgresql"):
        yield
        return
    if conn.dialect.name == "postgresql":
        before = conn.execute(
            text(
                "SELECT current_setting('statement_timeout'), "
                "set_config('statement_timeout', :ms, true), "
                "set_config('work_mem', :work_mem, true), set_config('jit', 'off', true)"
            ),
            {"ms": str(max(1, int(ms))), "work_mem": PG_WORK_MEM},
        ).scalar()
        try:
            yield
        except OperationalError as error:
            if "statement timeout" in str(error) or "canceling statement" in str(error):
                conn.rollback()
                conn.info.pop(LOCAL_SETTINGS, None)
                raise TimedOut() from None
            raise
        if conn.in_transaction() and not conn.info.get(REQUEST_CONNECTION):
            # back to the session's timeout for the rest of the transaction (a request's own
            # connection: each of its reads sets its limit, and the transaction ends with it)
            conn.execute(text("SELECT set_config('statement_timeout', :v, true)"), {"v": before})
        return
    # sqlite3_interrupt() from a timer thread: the query's thread never needs the GIL for it (a
    # progress handler is Python code run every N steps, and waits for the GIL each time: with
    # other requests' threads busy in the same process, queries ran 10-30x slower)
    # An interrupt when no statement runs is a no-op (the next statement would run unbounded),
    # so past the deadline it is repeated every 20 ms until the block ends.
    raw = conn.connection.dbapi_connection
    guard = threading.Lock()
    done = threading.Event()
    active = [True]
    fired = [False]

    def watch() -> None:
        if done.wait(max(0, ms) / 1000):
            return
        while True:
            with guard:
                if not active[0]:
                    return
                fired[0] = True  # before the interrupt: the query's thread may fail at once
                raw.interrupt()  # type: ignore[union-attr]
            if done.wait(0.02):
                return

    threading.Thread(target=watch, name="steppewatch-time-limit", daemon=True).start()
    try:
        with interrupted_as_timed_out(lambda: fired[0]):
            yield
    finally:
        with guard:
            active[0] = False
        done.set()


_ACTOR_KEYS = ("name", "office", "side", "country", "actor_id")


def event_dict(row: Any, srcs: list[Any]) -> dict[str, Any]:
    """A stored event as ``Event.model_dump(mode="json")`` would give it, without building
    Pydantic models (a list page shows many events; this is several times faster)."""
    actors = json.loads(row["actors"] or "[]")
    return {
        "id": row["id"],
        "kind": row["kind"],
        "title": row["title"],
        "date_start": row["date_start"],
        "date_end": row["date_end"],
        "countries": records.split_list(row["countries"]),
        "framework": row["framework"],
        "location": row["location"],
        "actors": [{k: a.get(k) for k in _ACTOR_KEYS} for a in actors],
        "level": row["level"],
        "domains": records.split_list(row["domains"]),
        "topics": records.split_list(row["topics"]),
        "attributes": json.loads(row["attributes"] or "{}"),
        "summary": row["summary"],
        "verification": row["verification"],
        "sources": [{k: s[k] for k in records.SOURCE_FIELDS} for s in srcs],
        "review_status": row["review_status"],
        "codebook_version": row["codebook_version"],
        "coder": row["coder"],
        "dataset_version": row["dataset_version"],
    }


def list_event_dicts(
    store: Store,
    where: ColumnElement[bool],
    *,
    order: str,
    limit: int,
    offset: int,
    limit_ms: int | None = None,
    keys: list[Any] | None = None,
    pg_settings: dict[str, str] | None = None,
    conn: Connection | None = None,
) -> list[dict[str, Any]]:
    """One page of events as dicts; raises TimedOut past ``limit_ms``. ``pg_settings``
    (PostgreSQL): planner settings for the page's transaction only (``list_plans``). ``conn``:
    read through it (a request's own connection) instead of a new one."""
    query = page_query(where, order, store.dialect, keys).limit(limit).offset(offset)
    with using(store, conn) as conn:
        with time_limit(conn, limit_ms):
            if pg_settings and store.dialect == "postgresql":
                set_local(conn, pg_settings)
            rows = [r._mapping for r in conn.execute(query)]
        if pg_settings:
            end_local(conn)  # the planner settings were for the page's query only
        by_event: dict[str, list[Any]] = defaultdict(list)
        ids = [r["id"] for r in rows]
        if ids:
            src = (
                select(sources)
                .where(sources.c.event_id.in_(ids))
                .order_by(sources.c.event_id, sources.c.position)
            )
            for s in conn.execute(src):
                by_event[s.event_id].append(s._mapping)
    return [event_dict(r, by_event.get(r["id"], [])) for r in rows]


def set_local(conn: Connection, settings: dict[str, str]) -> None:
    """PostgreSQL: ``SET LOCAL`` each setting (for the current transaction only; on a request's
    own connection, ``end_local`` ends that transaction after the read that needed them)."""
    conn.info[LOCAL_SETTINGS] = True
    names = sorted(settings)
    calls = ", ".join(f"set_config(:n{i}, :v{i}, true)" for i in range(len(names)))
    values: dict[str, str] = {}
    for i, name in enumerate(names):
        values[f"n{i}"], values[f"v{i}"] = name, settings[name]
    conn.execute(text(f"SELECT {calls}"), values)


def count_at_most(
    store: Store, where: ColumnElement[bool], cap: int, *, limit_ms: int | None = None
) -> int | None:
    """min(number of matching events, cap + 1): cheap when there are many; None past ``limit_ms``."""
    inner = select(literal_column("1")).select_from(events).where(where).limit(cap + 1).subquery()
    with store.engine.connect() as conn:
        try:
            with time_limit(conn, limit_ms):
                return int(conn.execute(select(func.count()).select_from(inner)).scalar() or 0)
        except TimedOut:
            return None


def count_events(
    store: Store, where: ColumnElement[bool], *, limit_ms: int | None = None
) -> int | None:
    """The number of matching events, or None if counting took longer than ``limit_ms``."""
    with store.engine.connect() as conn:
        try:
            with time_limit(conn, limit_ms):
                return int(
                    conn.execute(select(func.count()).select_from(events).where(where)).scalar()
                    or 0
                )
        except TimedOut:
            return None


def facet_query(facet: str, where: ColumnElement[bool], filtered: bool) -> Any:
    if facet in ("country", "topic", "domain"):
        query = select(event_codes.c.code, func.count()).where(event_codes.c.facet == facet)
        if filtered:
            query = query.where(event_codes.c.event_id.in_(select(events.c.id).where(where)))
        return query.group_by(event_codes.c.code)
    column = {
        "kind": events.c.kind,
        "level": events.c.level,
        "framework": events.c.framework,
        "review_status": events.c.review_status,
        "year": events.c.year,
    }[facet]
    return select(column, func.count()).where(where).group_by(column)


def facet_counts(
    store: Store,
    where: ColumnElement[bool],
    facets: tuple[str, ...] = FACETS,
    *,
    filtered: bool = True,
    limit_ms: int | None = None,
    budget_ms: int | None = None,
) -> dict[str, dict[str, int] | None]:
    """Counts per value of each facet; a facet whose query ran past ``limit_ms``, or that was
    not started because the facets together had used up ``budget_ms``, maps to None."""
    out: dict[str, dict[str, int] | None] = {}
    started = time.perf_counter()
    with store.engine.connect() as conn:
        for facet in facets:
            limit = limit_ms
            if budget_ms is not None:
                left = budget_ms - (time.perf_counter() - started) * 1000
                if left <= 5:
                    out[facet] = None
                    continue
                limit = int(left) if limit is None else int(min(limit, left))
            try:
                with time_limit(conn, limit):
                    rows = conn.execute(facet_query(facet, where, filtered)).all()
            except TimedOut:
                out[facet] = None
                continue
            counts = {str(k): int(n) for k, n in rows if k is not None}
            if facet == "year":
                out[facet] = dict(sorted(counts.items()))
            else:
                out[facet] = dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    return out


class ResultCache:
    """A small LRU of count, facet and page results keyed by (what, filter, search), emptied on
    every write made through the web app (in that worker) and expired after ``ttl`` seconds, or
    the ttl given to ``put`` (pages: 30 s), so writes made elsewhere, e.g. by another worker or
    ``steppewatch ingest``, show within that time."""

    def __init__(self, size: int = 1024, ttl: float = 300.0) -> None:
        import threading
        from collections import OrderedDict

        self.size, self.ttl = size, ttl
        self._items: OrderedDict[Any, tuple[float, Any]] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get(self, key: Any) -> Any:
        with self._lock:
            found = self._items.get(key)
            if found is None or time.monotonic() > found[0]:
                self.misses += 1
                return None
            self._items.move_to_end(key)
            self.hits += 1
            return found[1]

    def put(self, key: Any, value: Any, ttl: float | None = None) -> None:
        """Keep ``value`` for ``ttl`` seconds (default: the cache's ttl)."""
        if self.size <= 0:
            return
        with self._lock:
            self._items[key] = (time.monotonic() + (self.ttl if ttl is None else ttl), value)
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


def filter_is_empty(filters: EventFilter, q: str | None) -> bool:
    return filters.is_empty() and not q
