"""PostgreSQL: ``event_search``, for every event its id, date, the columns the explorer's
filters and facets read (kind, level, framework, review status, year, countries, topics,
domains) and its stored text vector (the same ``to_tsvector`` as the text index of migration 3),
in a narrow table of its own, written in date order and kept by a trigger on ``events``
(``store.query.pg_search``).

A date-ordered search on ``events`` itself paid twice for its text vectors: walking the date
index newest-first computed ``to_tsvector`` of every row walked (about 30 us each: a common
word's page walked 10,000 rows in 300 ms), and a phrase or a hyphenated word
(``Tajik-Chinese``) read from the text index computed it again for every candidate row to check
the words' order (28,524 candidates for 3,801 matches: 0.5 s). Here a row is about 350 bytes
(the events' rows are 600 bytes, and in no date order), its vector is stored, and the table is
in date order: walking 140,000 of its rows newest-first takes 27-100 ms, and a phrase's
candidates are checked on their stored vectors (3,801 matches sorted by date in 83 ms). The
filters and the facet counts of a search's matches read the same row (no lookup in
``events``).

- ``ix_event_search_date`` (date_sort, id): the walk in page order;
- ``ix_event_search_tsv`` (GIN on the vector): the matches of rarer words, to be sorted or
  counted;
- GIN indexes of its countries, topics and domains as arrays (as migration 15's on ``events``),
  which a search with a code filter ANDs with the words' bitmap;
- ``cjk``: the lower-cased text of the events whose text holds Chinese (or other CJK)
  characters (NULL for the others), which Chinese searches read as substrings (no words), with
  ``ix_event_search_cjk``, a trigram index of it (where migration 14 created ``pg_trgm``);
- the trigger ``event_search_sync`` (after INSERT, or UPDATE of one of these columns or the
  text, of an event) writes the event's row; a deleted event's row goes with it (foreign key,
  cascade).

SQLite: nothing (its dated text index, migration 6, and the in-memory event index serve the
same reads).

On the 1M-event bench database the migration took 25 s.
"""

from __future__ import annotations

from sqlalchemy import Connection

from steppewatch.store.migrations.m0003_review import PG_EVENT_TSV
from steppewatch.store.migrations.m0014_pg_trigram_search import PG_EVENT_TEXT

VERSION = 16
NAME = "pg_event_search"
TABLE = "event_search"
DATE_INDEX = "ix_event_search_date"
TEXT_INDEX = "ix_event_search_tsv"
TRIGGER = "event_search_sync"
FUNCTION = "steppewatch_event_search_sync"
# copied from events (with their types there)
COPIED = {
    "id": "varchar(200) NOT NULL",
    "date_sort": "varchar(10) NOT NULL",
    "kind": "varchar(40) NOT NULL",
    "level": "varchar(40)",
    "framework": "varchar(40) NOT NULL",
    "review_status": "varchar(20) NOT NULL",
    "year": "integer NOT NULL",
    "countries": "text NOT NULL",
    "topics": "text NOT NULL",
    "domains": "text NOT NULL",
}
# the columns whose change changes the row of event_search (the copied ones and the text)
WATCHED = (*COPIED, "title", "summary", "location", "actors")


# Chinese (and other CJK) text: the events' lower-cased text (the expression of the trigram
# index of migration 14), kept only where it holds a character of queries._CJK's ranges: a
# search with such a character (read as substrings, not words) can only match those events
CJK_CLASS = r"[\u3000-\u9fff\uf900-\ufaff]"  # as PostgreSQL regular expressions write it
CJK_INDEX = "ix_event_search_cjk"
# the codes as arrays, as migration 15 indexes them on events: a search with a code filter
# ANDs the words' bitmap and the code's (Казахстан with country MN: 288 rows read, not the
# word's tens of thousands)
CODE_INDEXES = {f"ix_event_search_{c}": c for c in ("countries", "topics", "domains")}


def event_tsv(prefix: str) -> str:
    """``PG_EVENT_TSV`` (migration 3) over the columns of ``prefix`` (e.g. ``NEW.``)."""
    return _prefixed(PG_EVENT_TSV, prefix)


def event_cjk(prefix: str) -> str:
    """The ``cjk`` column's value: ``PG_EVENT_TEXT`` (migration 14) when it holds a character
    of ``CJK_CLASS``, else NULL."""
    lowered = _prefixed(PG_EVENT_TEXT, prefix)
    return f"CASE WHEN {lowered} ~ '{CJK_CLASS}' THEN {lowered} END"


def _prefixed(expression: str, prefix: str) -> str:
    for column in ("title", "summary", "location", "actors"):
        expression = expression.replace(f"coalesce({column},", f"coalesce({prefix}{column},")
    return expression


# every event's row, in date order (so that a walk of the date index reads consecutive pages);
# also run by bench/load_pg.py after a bulk load with the trigger off
FILL = (
    f"INSERT INTO {TABLE} ({', '.join(COPIED)}, tsv, cjk) "
    f"SELECT {', '.join(COPIED)}, {event_tsv('')}, {event_cjk('')} FROM events "
    "ORDER BY date_sort, id"
)


def upgrade(connection: Connection) -> None:
    if connection.dialect.name != "postgresql":
        return
    run = connection.exec_driver_sql
    columns = ", ".join(f"{name} {kind}" for name, kind in COPIED.items())
    names = ", ".join(COPIED)
    run(f"CREATE TABLE {TABLE} ({columns}, tsv tsvector NOT NULL, cjk text)")
    run(FILL)
    run(f"ALTER TABLE {TABLE} ADD PRIMARY KEY (id)")
    run(
        f"ALTER TABLE {TABLE} ADD CONSTRAINT {TABLE}_event_fkey FOREIGN KEY (id) "
        "REFERENCES events (id) ON DELETE CASCADE ON UPDATE CASCADE"
    )
    run(f"CREATE INDEX {DATE_INDEX} ON {TABLE} (date_sort, id)")
    run(f"CREATE INDEX {TEXT_INDEX} ON {TABLE} USING gin (tsv)")
    for name, column in CODE_INDEXES.items():
        run(f"CREATE INDEX {name} ON {TABLE} USING gin ((string_to_array({column}, ';')))")
    # where migration 14 could create pg_trgm (else Chinese searches stay on events' scan)
    if connection.exec_driver_sql("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'").scalar():
        run(
            f"CREATE INDEX {CJK_INDEX} ON {TABLE} USING gin (cjk gin_trgm_ops) "
            "WHERE cjk IS NOT NULL"
        )
    new = ", ".join(f"NEW.{name}" for name in COPIED)
    updates = ", ".join(
        f"{name} = EXCLUDED.{name}" for name in [*COPIED, "tsv", "cjk"] if name != "id"
    )
    run(
        f"""CREATE OR REPLACE FUNCTION {FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO {TABLE} ({names}, tsv, cjk)
            VALUES ({new}, {event_tsv("NEW.")}, {event_cjk("NEW.")})
            ON CONFLICT (id) DO UPDATE SET {updates};
            RETURN NULL;
        END $$"""
    )
    run(
        f"CREATE TRIGGER {TRIGGER} AFTER INSERT OR UPDATE OF {', '.join(WATCHED)} ON events "
        f"FOR EACH ROW EXECUTE FUNCTION {FUNCTION}()"
    )
    run(f"ANALYZE {TABLE}")
