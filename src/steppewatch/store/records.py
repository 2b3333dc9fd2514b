"""Convert between ``Event`` records and table rows."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from steppewatch.models import ActorRef, Event, Source, date_precision, parse_partial_date

SEP = ";"


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def date_sort_key(value: str) -> str:
    year, month, day = parse_partial_date(value)
    return f"{year:04d}-{month or 0:02d}-{day or 0:02d}"


def content_hash(event: Event) -> str:
    """Hash of everything a user can see in the record; equal records hash equal."""
    payload = event.model_dump(mode="json")
    return hashlib.sha256(
        json.dumps(payload, sort_keys=True, ensure_ascii=False).encode("utf-8")
    ).hexdigest()


def event_row(
    event: Event, *, digest: str | None = None, timestamp: str | None = None
) -> dict[str, Any]:
    stamp = timestamp or now()
    return {
        "id": event.id,
        "kind": event.kind,
        "title": event.title,
        "date_start": event.date_start,
        "date_end": event.date_end,
        "year": event.year,
        "date_sort": date_sort_key(event.date_start),
        "precision": date_precision(event.date_start),
        "countries": SEP.join(event.countries),
        "framework": event.framework,
        "location": event.location,
        "actors": json.dumps(
            [a.model_dump(mode="json", exclude_none=True) for a in event.actors], ensure_ascii=False
        ),
        "level": event.level,
        "domains": SEP.join(event.domains),
        "topics": SEP.join(event.topics),
        "attributes": json.dumps(event.attributes, ensure_ascii=False, sort_keys=True),
        "summary": event.summary,
        "verification": event.verification,
        "review_status": event.review_status,
        "codebook_version": event.codebook_version,
        "coder": event.coder,
        "dataset_version": event.dataset_version,
        "confidence": event_confidence(event),
        "content_hash": digest or content_hash(event),
        "created_at": stamp,
        "updated_at": stamp,
    }


CONFIDENCE = "confidence"  # attributes key: {"kind": 0.9, "country:KZ": 0.8, ...} (machine events)


def code_confidences(event: Event) -> dict[str, float]:
    """The coder's calibrated confidence per code of a machine event, keyed ``kind``,
    ``framework``, ``level`` and ``facet:code`` (``country:KZ``, ``topic:terrorism``); empty
    for events no coder made. Values that are not numbers in [0, 1] are ignored."""
    raw = event.attributes.get(CONFIDENCE) if event.attributes else None
    if not isinstance(raw, dict):
        return {}
    return {
        str(k): float(v)
        for k, v in raw.items()
        if isinstance(v, (int, float)) and not isinstance(v, bool) and 0.0 <= v <= 1.0
    }


def event_confidence(event: Event) -> float | None:
    """The lowest confidence of the event's codes (the review queue's order), or None."""
    values = code_confidences(event)
    return min(values.values()) if values else None


def code_rows(event: Event) -> list[dict[str, Any]]:
    key = date_sort_key(event.date_start)
    confidence = code_confidences(event)
    rows = [
        {
            "event_id": event.id,
            "facet": facet,
            "code": code,
            "date_sort": key,
            "confidence": confidence.get(f"{facet}:{code}"),
        }
        for facet, codes in (
            ("country", event.countries),
            ("topic", event.topics),
            ("domain", event.domains),
        )
        for code in codes
    ]
    return rows


def source_rows(event: Event) -> list[dict[str, Any]]:
    return [
        {"event_id": event.id, "position": i, **s.model_dump(mode="json")}
        for i, s in enumerate(event.sources)
    ]


def split_list(value: str | None) -> list[str]:
    return [v for v in (value or "").split(SEP) if v]


def event_from_row(row: Mapping[str, Any], sources: Sequence[Mapping[str, Any]] = ()) -> Event:
    """Rebuild an Event from a stored row (already validated when stored: no re-validation)."""
    return Event.model_construct(
        id=row["id"],
        kind=row["kind"],
        title=row["title"],
        date_start=row["date_start"],
        date_end=row["date_end"],
        countries=split_list(row["countries"]),
        framework=row["framework"],
        location=row["location"],
        actors=[ActorRef.model_construct(**a) for a in json.loads(row["actors"] or "[]")],
        level=row["level"],
        domains=split_list(row["domains"]),
        topics=split_list(row["topics"]),
        attributes=json.loads(row["attributes"] or "{}"),
        summary=row["summary"],
        verification=row["verification"],
        sources=[Source.model_construct(**_source_fields(s)) for s in sources],
        review_status=row["review_status"],
        codebook_version=row["codebook_version"],
        coder=row["coder"],
        dataset_version=row["dataset_version"],
    )


#: A source's stored fields, in the order the records, the explorer's JSON and the export use.
SOURCE_FIELDS = (
    "url",
    "publisher",
    "language",
    "published",
    "source_type",
    "attests",
    "document_id",
)


def _source_fields(row: Mapping[str, Any]) -> dict[str, Any]:
    return {k: row[k] for k in SOURCE_FIELDS}


def chunked(items: Iterable[Any], size: int) -> Iterable[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
