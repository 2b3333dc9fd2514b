"""The four tables of an export (events, sources, event_codes, actors): their Table Schemas and
their rows, read from the store in batches so that memory stays flat on a million events.

Every table is a list of columns (name, Table Schema type, description, constraints); the same
list gives the CSV header, the Parquet and XLSX columns and the ``datapackage.json`` schema, so a
file and its description cannot drift apart. Cell values are Python values (str, int, None); the
writers turn them into text or typed columns.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, select

from steppewatch.models import Event
from steppewatch.store import EventFilter, Store
from steppewatch.store import records as rec
from steppewatch.store.dataset_io import format_actors
from steppewatch.store.document_tables import coded_items
from steppewatch.store.tables import events as events_table
from steppewatch.store.tables import sources as sources_table

BATCH = 2_000
PARTIAL_DATE = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # Table Schema type: string, integer, array, object
    description: str
    constraints: dict[str, Any] = field(default_factory=dict)

    def descriptor(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "name": self.name,
            "type": self.type,
            "description": self.description,
        }
        if self.constraints:
            out["constraints"] = dict(self.constraints)
        return out


@dataclass(frozen=True)
class Table:
    name: str
    title: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    foreign_key: str | None = None  # column referring to events.id

    @property
    def header(self) -> list[str]:
        return [c.name for c in self.columns]

    def schema(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "fields": [c.descriptor() for c in self.columns],
            "primaryKey": list(self.primary_key),
            "missingValues": [""],
        }
        if self.foreign_key:
            out["foreignKeys"] = [
                {
                    "fields": [self.foreign_key],
                    "reference": {"resource": "events", "fields": ["id"]},
                }
            ]
        return out


def _req(**more: Any) -> dict[str, Any]:
    return {"required": True, **more}


def _codes(codebook: Any, scheme: str) -> list[str]:
    return list(codebook.codes(scheme))


def tables(codebook: Any) -> dict[str, Table]:
    """The four tables, with code lists (enums) from ``codebook``."""
    S, I, N, A, O = "string", "integer", "number", "array", "object"  # noqa: E741
    events = Table(
        "events",
        "Events",
        "One row per event: a meeting or activity with its codes, actors and provenance. "
        "List columns are ';'-separated codes; `actors` and `attributes` are JSON.",
        (
            Column(
                "id",
                S,
                "Stable event id: YYYY[-MM[-DD]]-<kind>-<countries>-<n>.",
                _req(unique=True),
            ),
            Column(
                "kind",
                S,
                "Event kind (codebook scheme event_kind).",
                _req(enum=_codes(codebook, "event_kind")),
            ),
            Column("title", S, "Short English title.", _req()),
            Column(
                "date_start",
                S,
                "Start date as precise as known: YYYY, YYYY-MM or YYYY-MM-DD.",
                _req(pattern=PARTIAL_DATE),
            ),
            Column(
                "date_end",
                S,
                "End date, same form; empty when one day or unknown.",
                {"pattern": PARTIAL_DATE},
            ),
            Column(
                "date_precision", S, "Precision of date_start.", _req(enum=["day", "month", "year"])
            ),
            Column("year", I, "Year of date_start.", _req()),
            Column(
                "countries", S, "ISO 3166 alpha-2 codes of the participants, ';'-separated.", _req()
            ),
            Column(
                "framework",
                S,
                "Framework (codebook scheme framework).",
                _req(enum=_codes(codebook, "framework")),
            ),
            Column("location", S, "Place, if known."),
            Column(
                "cn_actors",
                S,
                "Focal state's officials and institutions: 'Name (office)', ';'-separated.",
            ),
            Column("partner_actors", S, "Partner side's officials and institutions, same form."),
            Column(
                "actors",
                A,
                "Every actor as JSON: name, office, side (focal|partner), country, actor_id.",
                _req(),
            ),
            Column(
                "level",
                S,
                "Meeting level (meetings only).",
                {"enum": _codes(codebook, "meeting_level")},
            ),
            Column("domains", S, "Cooperation domains, ';'-separated codes."),
            Column("topics", S, "Security concerns, ';'-separated codes."),
            Column(
                "attributes",
                O,
                "Kind-specific attributes and coding notes as a JSON object.",
                _req(),
            ),
            Column("summary", S, "Summary in the compilers' own words."),
            Column(
                "verification",
                S,
                "How well the row is supported.",
                {"enum": ["single_source", "multi_source", "official_source"]},
            ),
            Column(
                "review_status",
                S,
                "curated, machine, accepted, edited or rejected.",
                _req(enum=["curated", "machine", "accepted", "edited", "rejected"]),
            ),
            Column("codebook_version", S, "Codebook version the codes follow."),
            Column("coder", S, "Coder name and version (machine-coded events)."),
            Column("dataset_version", S, "Dataset version the event comes from."),
            Column("n_sources", I, "Number of rows in sources for this event.", _req(minimum=0)),
        ),
        ("id",),
    )
    sources = Table(
        "sources",
        "Sources",
        "One row per source of an event, in the event's order.",
        (
            Column("event_id", S, "The event (events.id).", _req()),
            Column("position", I, "Order among the event's sources, from 0.", _req(minimum=0)),
            Column("url", S, "Where it was published (http, https, doi: or urn:).", _req()),
            Column("publisher", S, "Publisher."),
            Column(
                "language",
                S,
                "ISO 639 language code of the source.",
                {"pattern": r"^[a-z]{2,3}(-[A-Za-z]{2,4})?$"},
            ),
            Column(
                "published",
                S,
                "Publication date: YYYY, YYYY-MM or YYYY-MM-DD.",
                {"pattern": PARTIAL_DATE},
            ),
            Column(
                "source_type",
                S,
                "official, news, report or analysis.",
                {"enum": ["official", "news", "report", "analysis"]},
            ),
            Column("attests", S, "What the source states about the event."),
            Column("document_id", S, "sha256 of the archived document, when ingested."),
        ),
        ("event_id", "position"),
        "event_id",
    )
    event_codes = Table(
        "event_codes",
        "Event codes",
        "One row per code of an event (kind, framework, level, country, topic, domain) with the "
        "text that supports it where a coder recorded it (machine-coded or ingested events).",
        (
            Column("event_id", S, "The event (events.id).", _req()),
            Column(
                "facet",
                S,
                "Which scheme the code belongs to.",
                _req(enum=["kind", "framework", "level", "country", "topic", "domain"]),
            ),
            Column("code", S, "The code.", _req()),
            Column(
                "evidence_text", S, "Span of source text supporting the code (original language)."
            ),
            Column("evidence_document_id", S, "Document the span was read from."),
            Column("evidence_start", I, "Offset of the span in the document's text."),
            Column("evidence_end", I, "Offset one past the span's end."),
            Column("n_evidence", I, "How many spans support the code.", _req(minimum=0)),
            Column(
                "confidence",
                N,
                "The coder's calibrated probability that the code is right (machine-coded "
                "events; empty for curated codes).",
                {"minimum": 0, "maximum": 1},
            ),
        ),
        ("event_id", "facet", "code"),
        "event_id",
    )
    actors = Table(
        "actors",
        "Actors",
        "One row per official or institution named in an event, with the office held then.",
        (
            Column("event_id", S, "The event (events.id).", _req()),
            Column("position", I, "Order among the event's actors, from 0.", _req(minimum=0)),
            Column("name", S, "Name (English).", _req()),
            Column("office", S, "Office held at the time."),
            Column(
                "side", S, "focal (the studied state) or partner.", _req(enum=["focal", "partner"])
            ),
            Column("country", S, "ISO 3166 alpha-2 code of the actor's state, when known."),
            Column("actor_id", S, "Actor identifier, when known."),
        ),
        ("event_id", "position"),
        "event_id",
    )
    return {t.name: t for t in (events, sources, event_codes, actors)}


# -- rows ----------------------------------------------------------------------------------


def event_cells(event: Event) -> dict[str, Any]:
    return {
        "id": event.id,
        "kind": event.kind,
        "title": event.title,
        "date_start": event.date_start,
        "date_end": event.date_end,
        "date_precision": event.date_precision,
        "year": event.year,
        "countries": ";".join(event.countries),
        "framework": event.framework,
        "location": event.location,
        "cn_actors": format_actors(event.actors, "focal") or None,
        "partner_actors": format_actors(event.actors, "partner") or None,
        "actors": json.dumps(
            [a.model_dump(mode="json", exclude_none=True) for a in event.actors], ensure_ascii=False
        ),
        "level": event.level,
        "domains": ";".join(event.domains) or None,
        "topics": ";".join(event.topics) or None,
        "attributes": json.dumps(event.attributes, ensure_ascii=False, sort_keys=True),
        "summary": event.summary,
        "verification": event.verification,
        "review_status": event.review_status,
        "codebook_version": event.codebook_version,
        "coder": event.coder,
        "dataset_version": event.dataset_version,
        "n_sources": len(event.sources),
    }


def source_cells(event: Event) -> Iterator[dict[str, Any]]:
    for i, s in enumerate(event.sources):
        yield {"event_id": event.id, "position": i, **s.model_dump(mode="json")}


def actor_cells(event: Event) -> Iterator[dict[str, Any]]:
    for i, a in enumerate(event.actors):
        yield {
            "event_id": event.id,
            "position": i,
            "name": a.name,
            "office": a.office,
            "side": a.side,
            "country": a.country,
            "actor_id": a.actor_id,
        }


Evidence = dict[tuple[str, str], list[dict[str, Any]]]


def code_cells(event: Event, evidence: Evidence) -> Iterator[dict[str, Any]]:
    codes = [("kind", event.kind), ("framework", event.framework)]
    if event.level:
        codes.append(("level", event.level))
    codes += [("country", c) for c in event.countries]
    codes += [("topic", t) for t in event.topics]
    codes += [("domain", d) for d in event.domains]
    confidence = rec.code_confidences(event)
    for facet, code in codes:
        spans = evidence.get((facet, code), [])
        first = spans[0] if spans else {}
        yield {
            "event_id": event.id,
            "facet": facet,
            "code": code,
            "evidence_text": first.get("text"),
            "evidence_document_id": first.get("document_id"),
            "evidence_start": first.get("start"),
            "evidence_end": first.get("end"),
            "n_evidence": len(spans),
            "confidence": confidence.get(
                facet if facet in ("kind", "framework", "level") else f"{facet}:{code}"
            ),
        }


# Evidence 'field' names used by coders -> the facet of the exported code.
_EVIDENCE_FACET = {"countries": "country", "topics": "topic", "domains": "domain"}


def _evidence(store: Store, ids: Sequence[str]) -> dict[str, Evidence]:
    out: dict[str, Evidence] = defaultdict(lambda: defaultdict(list))
    query = (
        select(coded_items.c.event_id, coded_items.c.document_id, coded_items.c.coded)
        .where(coded_items.c.event_id.in_(list(ids)))
        .order_by(coded_items.c.event_id, coded_items.c.document_id, coded_items.c.item_index)
    )
    with store.engine.connect() as conn:
        for row in conn.execute(query):
            try:
                item = json.loads(row.coded)
            except (TypeError, ValueError):
                continue
            for ev in item.get("evidence") or []:
                facet = str(ev.get("field", ""))
                facet = _EVIDENCE_FACET.get(facet, facet)
                out[row.event_id][(facet, str(ev.get("code", "")))].append(
                    {
                        "text": ev.get("text"),
                        "start": ev.get("start"),
                        "end": ev.get("end"),
                        "document_id": row.document_id,
                    }
                )
    return out


@dataclass
class Batch:
    """One batch of events and the rows of the four tables that belong to them."""

    events: list[Event]
    evidence: dict[str, Evidence]

    def rows(self, table: str) -> Iterator[dict[str, Any]]:
        for event in self.events:
            if table == "events":
                yield event_cells(event)
            elif table == "sources":
                yield from source_cells(event)
            elif table == "actors":
                yield from actor_cells(event)
            else:
                yield from code_cells(event, self.evidence.get(event.id, {}))


def event_batches(
    store: Store,
    filters: EventFilter | None = None,
    *,
    where: ColumnElement[bool] | None = None,
    order_by: Sequence[Any] | None = None,
    batch_size: int = BATCH,
    ids: Sequence[str] | None = None,
) -> Iterator[Batch]:
    """The matching events (``filters``, or a ready ``where`` clause) in id order, or in
    ``order_by``, ``batch_size`` at a time, with their sources and evidence (or the events
    ``ids``, in that order). Ids are read first
    (a few tens of MB for a million events) and each batch is then read by id, so no cursor stays
    open while the caller writes, and SQLite and PostgreSQL behave alike."""
    if ids is None:  # else: the ids already chosen (a search), read in that order
        if where is None:
            where = (filters or EventFilter()).where()
        order = list(order_by) if order_by else [events_table.c.id]
        with store.engine.connect() as conn:
            ids = list(
                conn.execute(select(events_table.c.id).where(where).order_by(*order)).scalars()
            )
    for chunk in rec.chunked(ids, batch_size):
        with store.engine.connect() as conn:
            rows = {
                r.id: dict(r._mapping)
                for r in conn.execute(select(events_table).where(events_table.c.id.in_(chunk)))
            }
            by_event: dict[str, list[Any]] = defaultdict(list)
            for s in conn.execute(
                select(sources_table)
                .where(sources_table.c.event_id.in_(chunk))
                .order_by(sources_table.c.event_id, sources_table.c.position)
            ):
                by_event[s.event_id].append(s._mapping)
        batch = [rec.event_from_row(rows[i], by_event.get(i, ())) for i in chunk if i in rows]
        yield Batch(batch, _evidence(store, chunk))


def web_csv_rows(
    store: Store, where: ColumnElement[bool], order_by: Sequence[Any]
) -> Iterator[dict[str, Any]]:
    """Rows of the events table plus ``source_urls`` (space-separated), for the explorer's CSV
    download: the same columns as an export's events.csv."""
    for batch in event_batches(store, where=where, order_by=order_by):
        for event in batch.events:
            row = event_cells(event)
            row["source_urls"] = " ".join(s.url for s in event.sources)
            yield row
