"""PostgreSQL: the ids of one date-ordered page of a text search, and the rows its counts and
facets read, from ``event_search`` (migration 16: every event's id, date, filter columns and
stored text vector, in date order).

Two reads, chosen on the planner's estimate of the matches (``choose``):

- ``walk``: the table's date index in page order, each row's stored vector tested against the
  words, at most ``bound`` rows; fast when the matches are dense near the start of the order
  (a common word's page: a few thousand rows). Fewer than a page of matches within ``bound``
  rows (a word of some years only) and the page is read the other way.
- ``sort``: the matches from the vectors' GIN index, sorted by date; fast when they are few. A
  phrase's or hyphenated word's candidates are checked on their stored vectors, not on vectors
  computed again from the events' text.

The filters (review statuses, kind, codes ...) are tested on the same row (``row_tests``). A
filter that keeps every event of the searched years (the default review statuses, on most
databases) is left out by the caller (``QueryEngine``), which also counts a search's matches
and facets from these rows when they are few (``search_where``).

The words are matched as ``queries.search_condition`` matches them on ``events`` (the same
``to_tsquery``), so the pages are the same; searches it cannot serve (Chinese words, no word
characters, events found through linked documents) are left to ``queries``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    ColumnElement,
    Connection,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    and_,
    func,
    literal_column,
    select,
    text,
)
from sqlalchemy.dialects.postgresql import TSVECTOR

from steppewatch.store.filters import EventFilter
from steppewatch.store.migrations.m0016_pg_event_search import TABLE
from steppewatch.store.query import search_terms

event_search = Table(
    TABLE,
    MetaData(),
    Column("id", String(200), primary_key=True),
    Column("date_sort", String(10), nullable=False),
    Column("kind", String(40), nullable=False),
    Column("level", String(40)),
    Column("framework", String(40), nullable=False),
    Column("review_status", String(20), nullable=False),
    Column("year", Integer, nullable=False),
    Column("countries", Text, nullable=False),
    Column("topics", Text, nullable=False),
    Column("domains", Text, nullable=False),
    Column("tsv", TSVECTOR, nullable=False),
    Column("cjk", Text),
)

# the walk and the sort keep to their plan: nested loops probing the filters' indexes by id (a
# hash join would read the whole of events or event_codes), no parallel workers
WALK_SETTINGS = {
    "enable_hashjoin": "off",
    "enable_mergejoin": "off",
    "enable_seqscan": "off",
    "enable_bitmapscan": "off",
    "enable_sort": "off",
}
# (the same names: a sort after a walk runs in the walk's transaction)
SORT_SETTINGS = {**WALK_SETTINGS, "enable_bitmapscan": "on", "enable_sort": "on"}
# rows walked for one estimated match before sorting the matches instead: a walked row (its
# stored vector tested, in date order) costs about a tenth of a sorted match (read from the GIN
# index's bitmap, its row fetched, sorted) on the bench machine (27-100 ms for 140,000 rows
# walked; 83-143 ms for 3,801-34,394 matches sorted)
WALK_ROWS_PER_MATCH = 8
MIN_WALK_ROWS = 50_000


@dataclass(frozen=True)
class Words:
    """What a search matches in ``event_search``: a ``to_tsquery('simple', ...)`` text (words
    of letters or digits, as ``queries.search_condition`` matches them on ``events``), or, for
    a search with Chinese (CJK) characters, the lower-cased substrings that must all occur in
    the ``cjk`` text (as the trigram search of migration 14 matches them). ``index_tsquery``:
    the rarer of the words (``narrowed``), the only ones read from the text index; the whole
    ``tsquery`` is then tested on the rows they find."""

    tsquery: str | None = None
    substrings: tuple[str, ...] = ()
    index_tsquery: str | None = None

    def whole(self) -> Words:
        """The same words, all read from the index (for reads that use none: walks, samples)."""
        return self if self.index_tsquery is None else replace(self, index_tsquery=None)


# A word (prefix) in more than COMMON_SHARE of the events is not read from the text index when
# the search has one in at most RARE_SHARE: its posting list is a large part of the table
# ("china" in half the events: the phrase "China-Turkmenistan" read 78 ms from the index for
# 7,538 candidates), so the rarer words' candidates are read from the index (26,728 of
# "turkmenistan") and the whole search is tested on their rows (count read 123 -> 45 ms).
# Two common words are both read from the index (each row fetched costs more than an entry)
COMMON_SHARE = 0.25
RARE_SHARE = 0.05
_TOKEN = re.compile(r"(\w+):\*")


def narrowed(words: Words, shares: dict[str, float]) -> Words:
    """``words`` with ``index_tsquery`` set to its words that are not common (by ``shares``,
    the planner's statistics of the text vectors' most common lexemes, ``lexeme_shares``; a
    prefix counts the shares of every lexeme it starts) when some are and one of the others
    is rare (``COMMON_SHARE``, ``RARE_SHARE``); else unchanged (one word, none common, or no
    rare one)."""
    if words.tsquery is None or not shares:
        return words
    tokens = list(dict.fromkeys(t.lower() for t in _TOKEN.findall(words.tsquery)))
    if len(tokens) < 2:
        return words
    share = {t: sum(f for lexeme, f in shares.items() if lexeme.startswith(t)) for t in tokens}
    keep = [t for t in tokens if share[t] <= COMMON_SHARE]
    if len(keep) == len(tokens) or not keep or min(share[t] for t in keep) > RARE_SHARE:
        return words
    return replace(words, index_tsquery=" & ".join(f"{t}:*" for t in keep))


def lexeme_shares(conn: Connection) -> dict[str, float]:
    """The most common lexemes of ``event_search``'s text vectors and the share of rows that
    have each (``pg_stats``, from ANALYZE; empty before it)."""
    rows = conn.execute(
        text(
            "SELECT most_common_elems::text::text[], most_common_elem_freqs FROM pg_stats "
            "WHERE tablename = :t AND attname = 'tsv'"
        ),
        {"t": TABLE},
    ).first()
    if rows is None or rows[0] is None or rows[1] is None:
        return {}
    return {str(e): float(f) for e, f in zip(rows[0], rows[1], strict=False) if e}


def words_of(q: str | None, *, cjk: bool) -> Words | None:
    """The ``Words`` of ``q``, or None when ``event_search`` does not serve it (no word
    characters; Chinese without ``cjk``, the trigram index of its ``cjk`` column)."""
    from steppewatch.store.query.queries import _CJK

    if not q:
        return None
    terms = search_terms.parse(q)
    substrings = tuple(t.text.lower() for t in terms)
    # only events with such a character have a cjk text: one must be in a term (the
    # ideographic space U+3000 is in the range, but only separates terms: words it separates
    # are searched like any others)
    if any(_CJK.search(t) for t in substrings):
        return Words(substrings=substrings) if cjk else None
    found = search_terms.pg_tsquery(terms)
    return None if found is None else Words(tsquery=found)


def choose(estimate: int | None, need: int, rows: int) -> tuple[str, int]:
    """(``walk`` or ``sort``, rows to walk at most): walk when ``need`` matches are expected
    within as many rows as sorting the estimated matches would cost, else sort. ``rows``: the
    events of the searched years; ``estimate``: the planner's estimate of the matches (None:
    unknown, walk and see)."""
    if rows <= 0:
        return "sort", 0
    if estimate is None:
        return "walk", max(MIN_WALK_ROWS, rows // 10)
    bound = max(MIN_WALK_ROWS, WALK_ROWS_PER_MATCH * estimate)
    if estimate <= 0 or need * rows / estimate > bound:
        return "sort", 0
    return "walk", bound


def planner_estimates(words: Words, filters: EventFilter) -> bool:
    """Is the planner's estimate of ``words`` and ``filters`` as good as a sample's
    (``sampled_matches``, 5-10 ms of the server's time against its planning, well under one)?
    For one word and no filter but the review statuses: its statistics of the text vectors'
    lexemes (prefixes too) put 80 of 80 bench words on the right side of the count margin
    (10,000 matches; the sample 78), within a median 0.3 %. Not for phrases, several words,
    Chinese or other filters, where they are 5-10x off."""
    return (
        words.tsquery is not None
        and re.fullmatch(r"\w+:\*", words.tsquery) is not None
        and replace(filters, statuses=()).is_empty()
    )


SAMPLE_ROWS = 10_000  # rows of event_search read (in whole pages) to estimate a search
CODE_FIELDS = ("countries", "topics", "domains")


def sampled_matches(
    conn: Connection, words: Words, filters: EventFilter, rows: int
) -> tuple[int, dict[str, int], int]:
    """The matches of ``words`` and ``filters`` estimated from a sample of about
    ``SAMPLE_ROWS`` rows of ``event_search`` (``TABLESAMPLE SYSTEM``: whole pages at random,
    the same ones each time; all of a table of at most that many rows, exact): about 1 % of a
    million rows, 5-10 ms. Returns (matches, matches per year, matches in the sample): the
    years tell a walk in date order where the matches lie (``choose_by_years``)."""
    matches, years, hits, _ = sampled_with_codes(conn, words, filters, rows)
    return matches, years, hits


def sampled_with_codes(
    conn: Connection, words: Words, filters: EventFilter, rows: int
) -> tuple[int, dict[str, int], int, int]:
    """``sampled_matches`` and, from the same sample, the matches of ``words`` and
    ``filters`` without their code lists (countries, topics, domains): what reading the
    words' matches costs when a code's index is not ANDed with them (``unindexed_codes``)."""
    percent = min(100.0, max(0.1, 100.0 * SAMPLE_ROWS / max(rows, 1)))
    seed: Any = literal_column("17")
    sample = event_search.tablesample(func.system(percent), name="sample", seed=seed)
    year = func.substr(sample.c.date_sort, 1, 4)
    without = replace(filters, countries=(), topics=(), domains=())
    codes = code_tests(filters, sample)
    with_codes: Any = func.count().filter(and_(*codes)) if codes else func.count()
    found = conn.execute(
        select(year, with_codes, func.count())
        .select_from(sample)
        .where(search_where(words.whole(), without, sample))
        .group_by(year)
    ).all()
    scale = 100.0 / percent
    years = {str(y): round(int(n) * scale) for y, n, _ in found if n}
    hits = sum(int(n) for _, n, _ in found)
    word_hits = sum(int(m) for _, _, m in found)
    return round(hits * scale), years, hits, round(word_hits * scale)


# A code's GIN index ANDed with the words' (migration 16) reads every entry of the code: 0.1 us
# each on the bench machine (KZ, 466,762 events: 54 ms), and saves fetching and testing the
# words' matches without the code (5-6 us a row: 5,793 rows of "Torugart" 34 ms). So the index
# serves a code when its entries cost less than the rows it saves: code events < this many
# times the words' matches it removes ("Torugart" in KZ: 56 -> 34 ms, "village" in UZ 39 ->
# 24 ms; "deputy" in KG keeps the index: 61 ms against 123 ms without)
CODE_INDEX_ROWS_PER_MATCH = 50


def unindexed_codes(
    filters: EventFilter, word_matches: int, code_events: dict[str, int], events: int
) -> tuple[str, ...]:
    """The code fields of ``filters`` (countries, topics, domains) whose GIN index would cost
    more than it saves, given the words' estimated matches without the codes
    (``sampled_with_codes``) and the events with any of each field's codes (``code_events``,
    of ``events`` in all): ``row_tests`` then tests them on the words' rows instead."""
    out = []
    for name in CODE_FIELDS:
        if not getattr(filters, name) or name not in code_events:
            continue
        share = code_events[name] / max(events, 1)
        saved = word_matches * (1.0 - share)
        if code_events[name] > CODE_INDEX_ROWS_PER_MATCH * saved:
            out.append(name)
    return tuple(out)


def choose_by_years(
    matches: int,
    match_years: dict[str, int],
    hits: int,
    all_years: dict[str, int],
    need: int,
    *,
    descending: bool,
    since: int | None,
    until: int | None,
) -> tuple[str, int]:
    """(``walk`` or ``sort``, rows to walk at most) from a sample's matches per year
    (``sampled_matches``) and every event's (the profiles): the walk reads every event of the
    years it passes until the page's end (``list_plans.ordered_reads``), so a word of earlier
    years only is sorted instead, and so are words with too few hits in the sample to say."""
    from steppewatch.store.query.list_plans import ordered_reads

    if hits < MIN_SAMPLE_HITS or matches <= 0:
        return "sort", 0
    reads = ordered_reads(
        all_years, match_years, need, descending=descending, since=since, until=until
    )
    if sum(match_years.values()) < need or reads > WALK_ROWS_PER_MATCH * matches:
        return "sort", 0
    return "walk", int(max(MIN_WALK_ROWS, 2 * reads))


MIN_SAMPLE_HITS = 5  # fewer in the sample: a few hundred matches at most on 1M, sorted at once


def searched_rows(conn: Connection, years: EventFilter) -> int:
    """The rows of ``event_search`` in the years of ``years`` as the planner estimates them
    (no rows read): the walk's scale when the profiles are not loaded."""
    import json

    statement: Any = (
        select(literal_column("1")).select_from(event_search).where(*_dates(years, event_search))
    )
    compiled = statement.compile(dialect=conn.dialect, compile_kwargs={"literal_binds": True})
    plan = conn.exec_driver_sql("EXPLAIN (FORMAT JSON) " + str(compiled)).scalar()
    if isinstance(plan, str):
        plan = json.loads(plan)
    return int(plan[0]["Plan"]["Plan Rows"])  # type: ignore[index]


def _dates(filters: EventFilter, table: Any) -> list[ColumnElement[bool]]:
    """The filter's years as a range of ``date_sort`` (YYYY-MM-DD)."""
    conds: list[ColumnElement[bool]] = []
    if filters.since is not None:
        conds.append(table.c.date_sort >= f"{filters.since:04d}")
    if filters.until is not None:
        conds.append(table.c.date_sort < f"{filters.until + 1:04d}")
    return conds


def row_tests(
    filters: EventFilter, table: Any, unindexed: tuple[str, ...] = ()
) -> list[ColumnElement[bool]]:
    """``filters`` tested on the columns of ``table`` (``event_search`` or a subquery of it):
    the same conditions as ``EventFilter.conditions`` on ``events``, the years also as a range
    of ``date_sort`` (which the date index serves), the codes on the lists (``;``-separated,
    as ``records.SEP``, the same values as ``event_codes``). The code fields named in
    ``unindexed`` are written so that no index serves them (``unindexed_codes``): tested on
    the rows the other conditions find."""
    if filters.ids or filters.text:
        raise ValueError("pg_search: filters by ids or text are not read here")
    c = table.c
    tests = _dates(filters, table)
    for name, values in (
        ("kind", filters.kinds),
        ("level", filters.levels),
        ("framework", filters.frameworks),
        ("review_status", filters.statuses),
    ):
        if values:
            tests.append(c[name].in_(values))
    if filters.since is not None:
        tests.append(c.year >= filters.since)
    if filters.until is not None:
        tests.append(c.year <= filters.until)
    return tests + code_tests(filters, table, unindexed)


def code_tests(
    filters: EventFilter, table: Any, unindexed: tuple[str, ...] = ()
) -> list[ColumnElement[bool]]:
    """The code lists' part of ``row_tests`` (countries, topics, domains)."""
    from sqlalchemy import cast
    from sqlalchemy.dialects.postgresql import ARRAY, array

    tests: list[ColumnElement[bool]] = []
    for name in CODE_FIELDS:
        values = getattr(filters, name)
        if values:
            # written as migration 16 indexes it (the separator a constant, not a parameter);
            # || '' (the same text) where its index is not wanted
            column = table.c[name]
            listed: Any = column.op("||")(literal_column("''")) if name in unindexed else column
            codes: Any = func.string_to_array(listed, literal_column("';'"), type_=ARRAY(Text))
            tests.append(codes.op("&&")(cast(array(list(values)), ARRAY(Text))))
    return tests


def search_where(
    words: Words, filters: EventFilter, table: Any = None, unindexed: tuple[str, ...] = ()
) -> ColumnElement[bool]:
    """The rows of ``event_search`` (or ``table``) whose vector matches ``words`` and that pass
    ``filters`` (for counts, facets and the planner's estimate); ``unindexed``: see
    ``row_tests``."""
    t = event_search if table is None else table
    return and_(_matches(t, words), *row_tests(filters, t, unindexed))


def _matches(table: Any, words: Words) -> ColumnElement[bool]:
    from sqlalchemy import and_

    from steppewatch.store.query.queries import _escape_like

    if words.tsquery is not None:
        simple: Any = literal_column("'simple'")  # as queries.search_condition writes it
        every = func.to_tsquery(simple, words.tsquery)
        if words.index_tsquery is None:
            return table.c.tsv.op("@@")(every)  # type: ignore[no-any-return]
        # the rarer words from the index, the whole search on their rows (the function of
        # the @@ operator: no index serves it)
        rarer = table.c.tsv.op("@@")(func.to_tsquery(simple, words.index_tsquery))
        return and_(rarer, func.ts_match_vq(table.c.tsv, every, type_=Boolean))
    text = table.c.cjk
    likes = [text.like(f"%{_escape_like(s)}%", escape="\\") for s in words.substrings]
    return and_(text.isnot(None), *likes)


def walk_query(
    words: Words | None,
    filters: EventFilter,
    *,
    descending: bool,
    bound: int | None,
    limit: int,
    offset: int,
) -> Any:
    """The ids of the page read by walking at most ``bound`` rows of ``event_search`` in page
    order (fewer than ``limit`` ids: the page lies further, or there is none). ``words`` None:
    a list without text search; ``bound`` None: walk until the page is full."""
    s = event_search
    if bound is None:  # the table itself, in the date index's order
        keys = [s.c.date_sort.desc(), s.c.id.desc()] if descending else [s.c.date_sort, s.c.id]
        tests = row_tests(filters, s)
        if words is not None:
            tests.append(_matches(s, words.whole()))
        return select(s.c.id).where(*tests).order_by(*keys).limit(limit).offset(offset)
    keys = [s.c.date_sort.desc(), s.c.id.desc()] if descending else [s.c.date_sort, s.c.id]
    walked = select(s).where(*_dates(filters, s)).order_by(*keys).limit(bound).subquery("walked")
    w = walked.c
    order = [w.date_sort.desc(), w.id.desc()] if descending else [w.date_sort, w.id]
    tests = row_tests(filters, walked)
    if words is not None:
        tests.append(_matches(walked, words.whole()))
    return select(w.id).where(*tests).order_by(*order).limit(limit).offset(offset)


# a row of event_search walked in date order (its columns tested on the row itself, pages read
# in order) against a row read by list_plans' PostgreSQL plans (an index entry, and the codes
# probed in event_codes), in list_plans.PG_COSTS units: 61,156 such reads took 165-290 ms on
# the bench machine, 140,000 rows of event_search 27-100 ms
LIST_WALK_COST = 0.25


def list_ids(
    conn: Connection, filters: EventFilter, *, descending: bool, limit: int, offset: int
) -> list[str]:
    """A list page (no text search) by walking ``event_search`` in page order, the filters
    tested on each row, until the page is full."""
    from steppewatch.store.query.queries import set_local

    set_local(conn, WALK_SETTINGS)
    query = walk_query(None, filters, descending=descending, bound=None, limit=limit, offset=offset)
    return [str(i) for i in conn.execute(query).scalars()]


def sort_query(
    words: Words,
    filters: EventFilter,
    *,
    descending: bool,
    limit: int,
    offset: int,
    unindexed: tuple[str, ...] = (),
) -> Any:
    """The ids of the page read from every match of the words (GIN index), sorted by date
    (``date_sort || ''``: no index gives that order, so PostgreSQL does not walk one);
    ``unindexed``: see ``row_tests``."""
    s = event_search
    date: Any = literal_column(f"({TABLE}.date_sort || '')")
    keys = [date.desc(), s.c.id.desc()] if descending else [date, s.c.id]
    return (
        select(s.c.id)
        .where(_matches(s, words), *row_tests(filters, s, unindexed))
        .order_by(*keys)
        .limit(limit)
        .offset(offset)
    )


def page_ids(
    conn: Connection,
    words: Words,
    filters: EventFilter,
    *,
    descending: bool,
    way: str,
    bound: int,
    limit: int,
    offset: int,
    whole: bool = False,
    unindexed: tuple[str, ...] = (),
) -> list[str] | None:
    """The page's ids read the ``way`` chosen (``choose``); None when a walk of ``bound`` rows
    did not reach the end of the page (read it with ``sort`` then). ``whole``: ``bound`` covers
    every row of the searched years, so a short walk is the whole answer."""
    from steppewatch.store.query.queries import set_local

    if way == "walk":
        set_local(conn, WALK_SETTINGS)
        query = walk_query(
            words, filters, descending=descending, bound=bound, limit=limit, offset=offset
        )
        ids = [str(i) for i in conn.execute(query).scalars()]
        return ids if whole or len(ids) == limit else None
    set_local(conn, SORT_SETTINGS)
    query = sort_query(
        words, filters, descending=descending, limit=limit, offset=offset, unindexed=unindexed
    )
    return [str(i) for i in conn.execute(query).scalars()]


__all__ = [
    "LIST_WALK_COST",
    "choose",
    "list_ids",
    "event_search",
    "row_tests",
    "search_where",
    "page_ids",
    "choose_by_years",
    "sampled_matches",
    "sampled_with_codes",
    "narrowed",
    "lexeme_shares",
    "planner_estimates",
    "unindexed_codes",
    "searched_rows",
    "sort_query",
    "Words",
    "words_of",
    "walk_query",
]
