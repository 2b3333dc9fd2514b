"""An event's evidence and readouts: spans from coded documents (``coded_items`` from ingest)
and, when both sides published a readout of one meeting, the two side by side with the topics
each side raised.

A source's side is decided from its publisher (and URL as a fallback) by the publisher table
(``steppewatch.sources.publishers``), the same for curated sources and ingested documents. Only
the focal state and the event's partner states count as sides of its readouts (a Kremlin or TASS
source of a PRC-Kazakh meeting is no side of it); the panel shows when the focal state and at
least one partner state each have one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, select

from steppewatch.models import Event, Source, Study, local_document
from steppewatch.sources import publishers
from steppewatch.store import Store
from steppewatch.study import resolve_study


def source_side(
    source: Source, event: Event | None = None, study: Study | None = None
) -> str | None:
    """The side whose readout ``source`` is: the study's focal state, one of the event's partner
    states, or None (independent or foreign media, another state's voice, unknown). The study
    (default: the default study) names the focal state and the publisher table."""
    study = resolve_study(study)
    focal = study.focal_state
    side = publishers.source_side(source.publisher, source.url, study.publishers)
    if side is None:
        return None
    if side == focal or event is None or side in event.countries:
        return side
    return None


@dataclass
class Span:
    field: str
    code: str
    text: str
    language: str | None
    document_id: str


@dataclass
class Readout:
    side: str
    source: Source
    topics: list[str] = field(default_factory=list)
    coded: bool = False


@dataclass
class EventEvidence:
    spans: list[Span] = field(default_factory=list)
    readouts: list[Readout] = field(default_factory=list)  # filled only when both sides exist

    def as_json(self) -> dict[str, Any]:
        return {
            "evidence": [s.__dict__ for s in self.spans],
            "readouts": [
                {
                    "side": r.side,
                    "url": None if local_document(r.source.url) else r.source.url,
                    "local_document": bool(local_document(r.source.url)),
                    "document_id": r.source.document_id,
                    "publisher": r.source.publisher,
                    "language": r.source.language,
                    "topics": r.topics,
                    "coded": r.coded,
                }
                for r in self.readouts
            ],
        }


def _reflect(conn: Any, name: str) -> Table | None:
    from steppewatch.review.actions import optional_table

    return optional_table(conn, name)


def event_evidence(store: Store, event: Event, study: Study | None = None) -> EventEvidence:
    """Evidence spans of ``event``'s coded items and, when the study's focal state and a partner
    state each published a readout of it, both readouts with the topics each raised."""
    study = resolve_study(study)
    focal = study.focal_state
    result = EventEvidence()
    topics_by_doc: dict[str, set[str]] = {}
    language_by_doc: dict[str, str | None] = {
        s.document_id: s.language for s in event.sources if s.document_id
    }
    with store.engine.connect() as conn:
        coded = _reflect(conn, "coded_items")
        if coded is not None:
            documents = _reflect(conn, "documents")
            rows = conn.execute(select(coded).where(coded.c.event_id == event.id)).all()
            doc_ids = {r.document_id for r in rows}
            if documents is not None and doc_ids:
                for d in conn.execute(
                    select(documents.c.id, documents.c.language).where(documents.c.id.in_(doc_ids))
                ):
                    language_by_doc[d.id] = d.language
            for row in rows:
                try:
                    item = json.loads(row.coded) if isinstance(row.coded, str) else dict(row.coded)
                except (TypeError, ValueError):
                    continue
                topics_by_doc.setdefault(row.document_id, set()).update(item.get("topics") or [])
                for ev in item.get("evidence") or []:
                    result.spans.append(
                        Span(
                            field=str(ev.get("field", "")),
                            code=str(ev.get("code", "")),
                            text=str(ev.get("text", "")),
                            language=language_by_doc.get(row.document_id),
                            document_id=row.document_id,
                        )
                    )
    readouts = [Readout(side, s) for s in event.sources if (side := source_side(s, event, study))]
    for r in readouts:
        if r.source.document_id and r.source.document_id in topics_by_doc:
            r.topics = sorted(topics_by_doc[r.source.document_id])
            r.coded = True
    sides = {r.side for r in readouts}
    if focal in sides and sides - {focal}:
        result.readouts = sorted(readouts, key=lambda r: (r.side != focal, r.side))
    return result
