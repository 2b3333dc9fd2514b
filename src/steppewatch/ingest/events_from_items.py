"""Turn a coded item into an event candidate, a new machine event, an added source or
suggestions for a reviewed event. Pure functions over records; no database access."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any, Literal

from steppewatch.codebook import load_codebook
from steppewatch.ingest.linking import Candidate
from steppewatch.models import ActorRef, Event, Source, parse_partial_date
from steppewatch.sources.publishers import is_official
from steppewatch.store.records import CONFIDENCE

__all__ = [
    "build_event",
    "candidate_from_item",
    "event_kinds",
    "merge_into",
    "same_document_event",
    "source_for",
    "suggestion_values",
]

TITLE_MAX = 200


def _valid_date(value: str | None) -> str | None:
    if not value:
        return None
    try:
        parse_partial_date(value)
    except ValueError:
        return None
    return value


def event_kinds(item: Any) -> list[str]:
    """The kinds of the events an item reports, its main kind first: a meeting that also signs
    an agreement or hands over equipment is two events (the coder's ``event_kinds``)."""
    kinds = [item.kind] if item.kind else []
    kinds += [k for k in getattr(item, "event_kinds", None) or () if k and k not in kinds]
    return kinds


def candidate_from_item(
    item: Any,
    published: str | None,
    *,
    focal: str,
    partners: Collection[str],
    kind: str | None = None,
) -> Candidate | None:
    """A candidate needs a kind, a date (the item's, else the document's) and at least one
    partner state of the study; otherwise the item is stored but linked to no event. ``kind``
    picks one of the item's other events (``event_kinds``); default: its main one."""
    kind = kind or item.kind
    if not item.relevant or not kind:
        return None
    countries = tuple(dict.fromkeys(c.upper() for c in item.countries if len(c) == 2))
    if not set(countries) & set(partners):
        return None
    date = _valid_date(item.event_date) or _valid_date(published)
    if date is None:
        return None
    precision = item.date_precision if item.event_date else "day"
    date = {"year": date[:4], "month": date[:7]}.get(precision or "day", date)
    if focal not in countries:
        countries = (focal, *countries)
    actors = frozenset(a.name.lower() for a in item.actors if a.name)
    return Candidate(kind=kind, countries=countries, date=date, actors=actors)


SAME_EVENT_DAYS = 7


def _day(value: str) -> Any:
    import datetime as dt

    parts = [int(p) for p in value.split("-")] + [1, 1]
    return dt.date(parts[0], parts[1], parts[2])


def same_document_event(
    candidate: Candidate, earlier: Collection[tuple[str, Candidate]], *, focal: str
) -> str | None:
    """One event per event per document: a later item of the same document (a transcript that
    mentions a meeting twice, in the answer and in a closing announcement) that names an event
    of the same kind with a partner state in common, on a date within ``SAME_EVENT_DAYS`` (or
    at a coarser precision that contains it), is that event. Returns its id, or None."""
    partners = set(candidate.countries) - {focal}
    for event_id, other in earlier:
        if other.kind != candidate.kind or not partners & (set(other.countries) - {focal}):
            continue
        a, b = sorted((candidate.date, other.date), key=len)
        if len(a) < 10 and b.startswith(a):
            return event_id
        if len(a) == 10 and abs((_day(a) - _day(b)).days) <= SAME_EVENT_DAYS:
            return event_id
    return None


def source_for(row: dict[str, Any], item: Any, publisher_table: str | None = None) -> Source:
    """The item's document as a source; official when the study's publisher table says its
    publisher or host is a government or multilateral body."""
    url = row.get("url") or f"urn:sha256:{row['id']}"
    host = url.split("/")[2] if "://" in url and url.count("/") >= 2 else ""
    official = bool(host) and is_official(row.get("publisher"), url, publisher_table)
    language = row.get("language")
    attests = (item.title or "").strip() or None
    return Source(
        url=url,
        publisher=row.get("publisher"),
        language=language if language and language.isalpha() and len(language) <= 3 else None,
        published=_valid_date(row.get("published")),
        source_type="official" if official else ("news" if host else None),
        attests=attests[:300] if attests else None,
        document_id=row["id"],
    )


def _framework(item: Any, countries: tuple[str, ...], focal: str) -> str:
    known = set(load_codebook().codes("framework"))
    if item.framework in known:
        return str(item.framework)
    partners = [c for c in countries if c != focal]
    return "bilateral" if len(partners) == 1 else "other_multilateral"


def _title(item: Any, row: dict[str, Any], candidate: Candidate) -> str:
    text = (item.title or row.get("title") or "").strip()
    if not text:
        text = f"{candidate.kind.replace('_', ' ')}: {', '.join(candidate.countries)}"
    elif item.kind and candidate.kind != item.kind:  # a second event of the item: say which
        text = f"{text} ({candidate.kind.replace('_', ' ')})"
    return text if len(text) <= TITLE_MAX else text[: TITLE_MAX - 1] + "…"


def _actors(item: Any, focal: str) -> list[ActorRef]:
    refs: dict[str, ActorRef] = {}
    for mention in item.actors:
        country = (mention.country or "").upper() or None
        side: Literal["focal", "partner"] = "focal" if country == focal else "partner"
        refs.setdefault(
            mention.name,
            ActorRef(name=mention.name, office=mention.office, side=side, country=country),
        )
    return list(refs.values())


# evidence field -> the event's confidence key (store.records.code_confidences)
_FACETS = {"country": "country", "topic": "topic", "domain": "domain"}


def item_confidences(item: Any, kind: str, framework: str, level: str | None) -> dict[str, float]:
    """The coder's calibrated confidence per code of the event made from ``item`` (as ``kind``):
    ``kind``, ``framework``, ``level`` and ``facet:code``, the highest of the code's evidence.
    Codes without a confidence (a coder that does not calibrate) are left out."""
    found: dict[str, float] = {}
    for ev in getattr(item, "evidence", None) or ():
        confidence = getattr(ev, "confidence", None)
        if confidence is None:
            continue
        if ev.field in _FACETS:
            key = f"{_FACETS[ev.field]}:{ev.code}"
        elif (ev.field, ev.code) in (("kind", kind), ("framework", framework), ("level", level)):
            key = ev.field
        else:
            continue
        found[key] = max(found.get(key, 0.0), round(float(confidence), 4))
    return found


def build_event(
    event_id: str,
    candidate: Candidate,
    item: Any,
    row: dict[str, Any],
    source: Source,
    *,
    coder: str,
    codebook_version: str | None,
    focal: str,
) -> Event:
    framework = _framework(item, candidate.countries, focal)
    level = item.level if candidate.kind == "meeting" else None
    confidence = item_confidences(item, candidate.kind, framework, level)
    return Event.model_validate(
        {
            "id": event_id,
            "kind": candidate.kind,
            "title": _title(item, row, candidate),
            "date_start": candidate.date,
            "countries": [focal, *[c for c in candidate.countries if c != focal]],
            "framework": framework,
            "location": _location(item, candidate.kind),
            "actors": _actors(item, focal),
            "level": level,
            "attributes": {CONFIDENCE: confidence} if confidence else {},
            "domains": list(item.domains),
            "topics": list(item.topics),
            "verification": "official_source"
            if source.source_type == "official"
            else "single_source",
            "sources": [source],
            "review_status": "machine",
            "codebook_version": codebook_version,
            "coder": coder,
        }
    )


def _location(item: Any, kind: str) -> str | None:
    """The item's location, for its main event (a second event of the item, an agreement signed
    at a meeting, happened there too)."""
    location = getattr(item, "location", None)
    return str(location) if location and item.relevant and kind else None


def _has_source(event: Event, source: Source) -> bool:
    return any(
        (s.document_id and s.document_id == source.document_id) or s.url == source.url
        for s in event.sources
    )


def merge_into(event: Event, item: Any, source: Source, *, machine: bool) -> Event | None:
    """The event with ``source`` added (and, for a machine event, the item's new topics and
    domains); None when the document is already one of its sources."""
    if _has_source(event, source):
        return None
    update: dict[str, Any] = {"sources": [*event.sources, source]}
    if machine:
        update["topics"] = list(dict.fromkeys([*event.topics, *item.topics]))
        update["domains"] = list(dict.fromkeys([*event.domains, *item.domains]))
        known = event.attributes.get(CONFIDENCE)
        if isinstance(known, dict):  # codes the new source brings get their confidence
            codes = {
                *(f"country:{c}" for c in event.countries),
                *(f"topic:{c}" for c in update["topics"]),
                *(f"domain:{c}" for c in update["domains"]),
            }
            added = item_confidences(item, event.kind, event.framework, event.level)
            merged = {k: v for k, v in added.items() if k in codes and k not in known}
            merged = {**known, **merged}  # the event's own codes keep theirs
            update["attributes"] = {**event.attributes, CONFIDENCE: merged}
        location = _location(item, event.kind)
        if location and not event.location:  # a later source may say where it happened
            update["location"] = location
        if len({s.publisher for s in update["sources"]}) > 1:
            update["verification"] = "multi_source"
    return event.model_copy(update=update)


def source_suggestion(source: Source) -> list[dict[str, Any]]:
    """The value of a ``sources`` suggestion: the source to add (a list of one). Accepting it
    appends it to the event's sources at that time, so accepting several keeps them all."""
    return [source.model_dump(mode="json", exclude_none=True)]


def suggestion_values(
    event: Event, item: Any, source: Source, candidate: Candidate
) -> list[tuple[str, Any]]:
    """What a new document says that a reviewed event does not: one (field, value) each.
    List fields (topics, domains, countries, sources) carry only what to add; scalar fields
    the new value."""
    found: list[tuple[str, Any]] = []
    if not _has_source(event, source):
        found.append(("sources", source_suggestion(source)))
    for field_name, values in (
        ("topics", item.topics),
        ("domains", item.domains),
        ("countries", candidate.countries),
    ):
        extra = [v for v in values if v not in getattr(event, field_name)]
        if extra:
            found.append((field_name, extra))
    if event.kind == "meeting" and item.level and item.level != event.level:
        found.append(("level", item.level))
    if item.framework and item.framework != event.framework:
        found.append(("framework", item.framework))
    if candidate.date != event.date_start and len(candidate.date) > len(event.date_start):
        found.append(("date_start", candidate.date))
    location = _location(item, candidate.kind)
    if location and not event.location:  # where it happened, when the event does not say
        found.append(("location", location))
    return found
