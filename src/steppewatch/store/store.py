"""``Store``: the one object through which everything reads and writes the database."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, delete, func, select

from steppewatch.errors import NotFound
from steppewatch.models import Event
from steppewatch.store import event_writes, records
from steppewatch.store.database import check_connection, describe, make_engine, resolve_url
from steppewatch.store.event_writes import AuditNote
from steppewatch.store.filters import EventFilter
from steppewatch.store.migrations import migrate, pending
from steppewatch.store.query.settings import QuerySettings
from steppewatch.store.tables import event_codes, events, meta, sources

if TYPE_CHECKING:
    import pandas as pd

    from steppewatch.store.query.engine import EventPage, QueryEngine

REVIEWED = ("accepted", "edited")
ORDERS = {
    "date": (events.c.date_sort, events.c.id),
    "-date": (events.c.date_sort.desc(), events.c.id.desc()),
    "id": (events.c.id,),
    "kind": (events.c.kind, events.c.date_sort),
    "title": (events.c.title, events.c.id),
    # lowest confidence first (the review queue); events without one (curated, or coded before
    # migration 12) after all scored ones
    "confidence": (events.c.confidence.is_(None), events.c.confidence, events.c.id),
}


@dataclass
class WriteCounts:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped_reviewed: list[str] | None = None

    @property
    def written(self) -> int:
        return self.new + self.updated


class Store:
    """A steppewatch database (SQLite or PostgreSQL). Opening it applies pending migrations."""

    def __init__(
        self,
        url: str | None = None,
        *,
        migrate_schema: bool = True,
        query_settings: QuerySettings | None = None,
    ) -> None:
        self.url = resolve_url(url)
        self.query_settings = query_settings or QuerySettings()
        self._queries: QueryEngine | None = None
        self.engine: Engine = make_engine(self.url)
        check_connection(self.engine)
        if migrate_schema:
            from sqlalchemy.exc import SQLAlchemyError

            from steppewatch.store.db_errors import store_error

            try:
                migrate(self.engine)
            except SQLAlchemyError as error:  # disk full, not a database, read-only file
                self.engine.dispose()
                raise store_error(error, self.describe()) from None

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def describe(self) -> str:
        return describe(self.url)

    def pending_migrations(self) -> list[str]:
        return [f"{m.version:04d}_{m.name}" for m in pending(self.engine)]

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # -- meta ------------------------------------------------------------------------------
    def get_meta(self, key: str, default: str | None = None) -> str | None:
        with self.engine.connect() as conn:
            value = conn.execute(select(meta.c.value).where(meta.c.key == key)).scalar()
        return value if value is not None else default

    def set_meta(self, key: str, value: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(delete(meta).where(meta.c.key == key))
            conn.execute(meta.insert().values(key=key, value=value))

    # -- writing ---------------------------------------------------------------------------
    def add_events(
        self,
        items: Iterable[Event],
        *,
        replace_reviewed: bool = False,
        progress: Callable[[int], None] | None = None,
        batch_size: int = 500,
        audit: AuditNote | None = None,
    ) -> WriteCounts:
        """Insert new events and update changed ones, all in ONE transaction.

        An event a person has reviewed (accepted or edited) is not overwritten unless
        ``replace_reviewed``; its id is listed in ``skipped_reviewed``. Events whose content is
        unchanged are left alone, so writing the same batch twice changes nothing. Every event
        written leaves an entry in the audit log, by ``audit`` (who and which path; default
        actor ``library``, action ``add_events``).
        """
        note = audit or AuditNote(actor="library", action="add_events")
        counts = WriteCounts(skipped_reviewed=[])
        done = 0
        with self.engine.begin() as conn:
            for batch in records.chunked(items, batch_size):
                ids = [e.id for e in batch]
                existing = {
                    row.id: (row.content_hash, row.review_status)
                    for row in conn.execute(
                        select(events.c.id, events.c.content_hash, events.c.review_status).where(
                            events.c.id.in_(ids)
                        )
                    )
                }
                new_rows, changed = [], []
                for event in batch:
                    digest = records.content_hash(event)
                    old = existing.get(event.id)
                    if old is None:
                        new_rows.append((event, digest))
                    elif old[0] == digest:
                        counts.unchanged += 1
                    elif old[1] in REVIEWED and not replace_reviewed:
                        counts.skipped_reviewed.append(event.id)  # type: ignore[union-attr]
                    else:
                        changed.append((event, digest))
                stamp = records.now()
                event_writes.rewrite_events(conn, changed, note, stamp=stamp)
                counts.updated += len(changed)
                event_writes.insert_events(conn, new_rows, note, stamp=stamp)
                counts.new += len(new_rows)
                done += len(batch)
                if progress:
                    progress(done)
        return counts

    def delete_events(self, ids: Sequence[str], *, audit: AuditNote | None = None) -> int:
        """Delete events; each leaves its whole record in the audit log."""
        note = audit or AuditNote(actor="library", action="delete")
        with self.engine.begin() as conn:
            return event_writes.delete_events(conn, list(ids), note)

    # -- reading ---------------------------------------------------------------------------
    def get_event(self, event_id: str) -> Event:
        found = self.list_events(EventFilter(ids=(event_id,)), limit=1)
        if not found:
            raise NotFound(
                f"no event with id '{event_id}'",
                hint="list ids with 'steppewatch events list'",
            )
        return found[0]

    def list_events(
        self,
        filters: EventFilter | None = None,
        *,
        order: str = "date",
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Event]:
        filters = filters or EventFilter()
        query = select(events).where(filters.where()).order_by(*ORDERS.get(order, ORDERS["date"]))
        if limit is not None:
            query = query.limit(limit)
        if offset:
            query = query.offset(offset)
        with self.engine.connect() as conn:
            rows = [dict(r._mapping) for r in conn.execute(query)]
            by_event: dict[str, list[Any]] = defaultdict(list)
            for chunk in records.chunked([r["id"] for r in rows], 500):
                source_query = (
                    select(sources)
                    .where(sources.c.event_id.in_(chunk))
                    .order_by(sources.c.event_id, sources.c.position)
                )
                for s in conn.execute(source_query):
                    by_event[s.event_id].append(s._mapping)
        return [records.event_from_row(r, by_event.get(r["id"], ())) for r in rows]

    @property
    def queries(self) -> QueryEngine:
        """The query engine behind ``query_events`` (one per Store: its result cache, and the
        in-memory profiles and event index once ``queries.start()`` has loaded them)."""
        if self._queries is None:
            from steppewatch.store.query.engine import QueryEngine

            self._queries = QueryEngine(self, self.query_settings)
        return self._queries

    def query_engine(self, settings: QuerySettings | None = None) -> QueryEngine:
        """A new query engine of its own (own cache; ``start()`` loads its in-memory profiles and
        event index) with ``settings`` (default: this store's ``query_settings``): the explorer
        makes one per app."""
        from steppewatch.store.query.engine import QueryEngine

        return QueryEngine(self, settings or self.query_settings)

    def query_events(
        self,
        filters: EventFilter | None = None,
        text: str | None = None,
        *,
        order: str = "-date",
        page: int = 1,
        page_size: int = 50,
    ) -> EventPage:
        """One page of the events passing ``filters`` whose text matches ``text``, with the
        total and the facet counts of all matches: what the explorer's list and
        ``steppewatch events list --text`` show.

        ``text``: every term must occur in the event's title, summary, location or actors, or
        in the item of a linked document the event was coded from; ``"quoted words"`` must
        occur together, ``word*`` (or just ``word``) also matches inside longer words; terms of
        1-2 characters (e.g. 反恐) are matched without an index, under a time limit
        (``EventPage.incomplete``). ``order``: date, -date (newest first), id, kind or title
        (date orders break ties by insertion order on SQLite). ``page`` counts from 1.
        ``total`` is None when it could not be counted within the limits of
        ``query_settings`` (``QuerySettings``); a facet is None likewise. A page that takes
        longer than ``QuerySettings.search_limit_ms`` raises ``SearchTimeout`` ([SW730]).
        ``filters.text`` (the older LIKE match) still applies as a plain filter."""
        if page < 1 or page_size < 1:
            raise ValueError("page and page_size count from 1")
        self.queries.notice_writes()  # a write since the last call empties the result cache
        return self.queries.page(
            filters or EventFilter(),
            text,
            order=order,
            offset=(page - 1) * page_size,
            limit=page_size,
        )

    def search_ids(
        self, filters: EventFilter | None, text: str, *, page_size: int = 500
    ) -> list[str]:
        """The ids of every event :meth:`query_events` matches for ``filters`` and ``text``, in
        id order (what an export of a search writes). Raises ``SearchTimeout`` ([SW730]) when the
        search cannot list every match within its limits: a partial list would be a silent
        wrong answer."""
        from steppewatch.store.query.engine import SearchTimeout

        ids: list[str] = []
        page = 1
        while True:
            result = self.query_events(filters, text, order="id", page=page, page_size=page_size)
            if result.incomplete:
                raise SearchTimeout(
                    f"the search for '{text}' could not list every match within its time limit",
                    hint="add a filter (country, kind, years) or use longer words (3+ "
                    "characters use the index)",
                )
            ids += [str(e["id"]) for e in result.events]
            if len(result.events) < page_size:
                return ids
            page += 1

    def count_events(self, filters: EventFilter | None = None) -> int:
        filters = filters or EventFilter()
        with self.engine.connect() as conn:
            return int(
                conn.execute(
                    select(func.count()).select_from(events).where(filters.where())
                ).scalar()
                or 0
            )

    def count_sources(self, filters: EventFilter | None = None) -> int:
        filters = filters or EventFilter()
        query = (
            select(func.count())
            .select_from(sources)
            .where(sources.c.event_id.in_(select(events.c.id).where(filters.where())))
        )
        with self.engine.connect() as conn:
            return int(conn.execute(query).scalar() or 0)

    def facet_counts(self, facet: str, filters: EventFilter | None = None) -> dict[str, int]:
        """Count events per value of a facet: kind, level, framework, review_status, year,
        decade, or one of the list facets country, topic, domain."""
        filters = filters or EventFilter()
        matching = select(events.c.id).where(filters.where())
        if facet in ("country", "topic", "domain"):
            query = (
                select(event_codes.c.code, func.count())
                .where(event_codes.c.facet == facet, event_codes.c.event_id.in_(matching))
                .group_by(event_codes.c.code)
            )
        else:
            column = {
                "kind": events.c.kind,
                "level": events.c.level,
                "framework": events.c.framework,
                "review_status": events.c.review_status,
                "year": events.c.year,
                "decade": (events.c.year // 10) * 10,
            }[facet]
            query = select(column, func.count()).where(filters.where()).group_by(column)
        with self.engine.connect() as conn:
            result = {
                (str(int(k)) if facet in ("year", "decade") else k): int(n)
                for k, n in conn.execute(query)
                if k is not None
            }
        return dict(sorted(result.items(), key=lambda kv: (-kv[1], str(kv[0]))))

    def events_frame(self, filters: EventFilter | None = None) -> pd.DataFrame:
        from steppewatch.store.frames import events_frame

        return events_frame(self, filters)

    def codes_frame(self, filters: EventFilter | None = None) -> pd.DataFrame:
        from steppewatch.store.frames import codes_frame

        return codes_frame(self, filters)

    def dataset_info(self) -> dict[str, Any]:
        return {
            "dataset": self.get_meta("dataset"),
            "dataset_version": self.get_meta("dataset_version"),
            "codebook_version": self.get_meta("codebook_version"),
            "events": self.count_events(),
            "sources": self.count_sources(),
        }


def open_store(url: str | None = None, *, query_settings: QuerySettings | None = None) -> Store:
    """Open (and migrate) the database at ``url``, ``$STEPPEWATCH_DB`` or ``./steppewatch.db``;
    ``query_settings``: the limits of ``Store.query_events`` (default: ``QuerySettings()``)."""
    return Store(url, query_settings=query_settings)
