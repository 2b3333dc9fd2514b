"""An event's evidence and readouts: spans from coded documents (``coded_items`` from ingest)
and, when both sides published a readout of one meeting, the two side by side with the topics
each side raised."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import Table, select

from steppewatch.models import Event, Source
from steppewatch.store import Store

PRC_HOSTS = re.compile(
    r"(\.cn$|fmprc|mfa\.gov\.cn|chinamil|china-embassy|chineseembassy|xinhua|news\.cn|"
    r"china\.org\.cn|chinadaily|cctv|people\.com\.cn|gov\.cn)"
)
CA_TLDS = {"kz": "KZ", "kg": "KG", "tj": "TJ", "uz": "UZ", "tm": "TM"}
CA_LANGUAGES = {"kk": "KZ", "ky": "KG", "tg": "TJ", "uz": "UZ", "tk": "TM"}


def source_side(source: Source) -> str | None:
    """'CN' for a PRC outlet, a Central Asian country code for theirs, None if neither."""
    host = (urlsplit(source.url).hostname or "").lower() if "://" in source.url else ""
    if PRC_HOSTS.search(host) or source.language in ("zh", "zh-Hans", "zh-Hant"):
        return "CN"
    tld = host.rsplit(".", 1)[-1] if host else ""
    if tld in CA_TLDS:
        return CA_TLDS[tld]
    if source.language in CA_LANGUAGES:
        return CA_LANGUAGES[source.language]
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
                {"side": r.side, "url": r.source.url, "publisher": r.source.publisher,
                 "language": r.source.language, "topics": r.topics, "coded": r.coded}
                for r in self.readouts
            ],
        }


def _reflect(conn: Any, name: str) -> Table | None:
    from steppewatch.review.actions import optional_table

    return optional_table(conn, name)


def event_evidence(store: Store, event: Event) -> EventEvidence:
    result = EventEvidence()
    topics_by_doc: dict[str, set[str]] = {}
    language_by_doc: dict[str, str | None] = {s.document_id: s.language for s in event.sources if s.document_id}
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
    readouts = [Readout(side, s) for s in event.sources if (side := source_side(s))]
    for r in readouts:
        if r.source.document_id and r.source.document_id in topics_by_doc:
            r.topics = sorted(topics_by_doc[r.source.document_id])
            r.coded = True
    sides = {r.side for r in readouts}
    if "CN" in sides and sides - {"CN"}:
        result.readouts = sorted(readouts, key=lambda r: r.side != "CN")
    return result
