"""Gold sets for evaluation and training: one JSON object per line naming a document by
``path`` and its expected codes (see ``gold/README.md``).

Paths are resolved relative to the gold file's parent's parent (the repository root for
``gold/dev.jsonl``, so ``../shared/corpora/...`` points beside the repository); absolute paths
are used as they are. Bad lines are reported together (SW451); missing files and documents
that cannot be extracted are returned as ``GoldProblem`` records, never dropped silently.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from steppewatch.errors import InputError, IssueCollector, ValidationFailed

__all__ = [
    "GOLD_FIELDS",
    "GoldActor",
    "GoldDocument",
    "GoldEvent",
    "GoldProblem",
    "date_interval",
    "is_valid_date",
    "load_gold",
    "read_gold_documents",
    "resolve_gold_path",
]

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class GoldProblem(BaseModel):
    """A gold document that could not be used: missing file or extraction error."""

    model_config = ConfigDict(extra="forbid")

    id: str
    path: str
    code: str
    message: str


@dataclass(frozen=True)
class GoldActor:
    name: str
    office: str | None = None


@dataclass(frozen=True)
class GoldEvent:
    """One security event a document reports (a meeting, a handover, ...)."""

    kind: str | None = None
    countries: tuple[str, ...] = ()
    framework: str | None = None
    level: str | None = None
    actors: tuple[GoldActor, ...] = ()
    date: str | None = None
    location: str | None = None
    topics: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()


# Fields a record may annotate; a record annotates one when its key (or ``events``) is present.
GOLD_FIELDS = (
    "relevance",
    "kind",
    "event_kinds",
    "countries",
    "countries_all",
    "framework",
    "level",
    "actors",
    "topics",
    "domains",
    "date",
    "location",
)
_FIELD_KEYS = {
    "kind": "kind",
    "countries": "countries",
    "countries_all": "countries_all",
    "framework": "framework",
    "level": "level",
    "actors": "actors",
    "topics": "topics",
    "domains": "domains",
    "date": "event_date",
    "location": "location",
}


@dataclass(frozen=True)
class GoldDocument:
    id: str
    path: str
    relevant: bool
    kind: str | None = None
    countries: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    event_date: str | None = None
    note: str | None = None
    line: int = 0
    countries_all: tuple[str, ...] = ()
    framework: str | None = None
    level: str | None = None
    actors: tuple[GoldActor, ...] = ()
    location: str | None = None
    events: tuple[GoldEvent, ...] = ()
    language: str | None = None
    source_type: str | None = None
    annotated: frozenset[str] = field(
        default=frozenset({"relevance", "kind", "countries", "topics", "domains", "date"})
    )

    @property
    def kind_of_source(self) -> str:
        """``real_page`` or ``readout``: as the record says, else from the id prefix."""
        if self.source_type:
            return self.source_type
        return "readout" if self.id.startswith("ro-") else "real_page"


def date_interval(value: str) -> tuple[dt.date, dt.date]:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` -> first and last day it covers."""
    parts = [int(x) for x in value.split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
    if len(parts) == 2:
        last = calendar.monthrange(parts[0], parts[1])[1]
        return dt.date(parts[0], parts[1], 1), dt.date(parts[0], parts[1], last)
    day = dt.date(parts[0], parts[1], parts[2])
    return day, day


def is_valid_date(value: str | None) -> bool:
    if not value or not _DATE.match(value):
        return False
    try:
        date_interval(value)
    except ValueError:
        return False
    return True


def load_gold(path: str | Path) -> list[GoldDocument]:
    """Read and check a gold JSONL file; every bad line is reported at once (SW451)."""
    source = Path(path)
    try:
        lines = source.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise InputError(
            f"gold file not found: {source}", hint="check the path", code="SW450"
        ) from None
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"cannot read gold file {source}: {error}", code="SW450") from None
    issues = IssueCollector(source=str(source))
    documents: list[GoldDocument] = []
    seen: set[str] = set()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as error:
            issues.add("invalid-json", f"not JSON: {error.msg}", line=number)
            continue
        ident = raw.get("id") if isinstance(raw, dict) else None
        if ident is not None and ident in seen:
            issues.add("duplicate-id", "id used twice", line=number, record=str(ident))
            continue
        if ident is not None:
            seen.add(ident)
        document = _gold_document(raw, number, issues)
        if document is not None:
            documents.append(document)
    if issues:
        raise ValidationFailed(
            f"{len(issues.issues)} problem(s) in gold file {source}; first: {issues.issues[0]}",
            issues.issues,
            hint="fix the lines listed and run again",
            code="SW451",
        )
    if not documents:
        raise InputError(f"gold file {source} holds no documents", code="SW452")
    return documents


def _gold_document(raw: object, number: int, issues: IssueCollector) -> GoldDocument | None:
    if not isinstance(raw, dict):
        issues.add("not-an-object", "each line must be a JSON object", line=number)
        return None
    record = str(raw.get("id") or f"line-{number}")
    bad = len(issues.issues)
    if not isinstance(raw.get("path"), str) or not raw["path"]:
        issues.add(
            "missing-field",
            "'path' must be a non-empty string",
            line=number,
            record=record,
            field="path",
        )
    if not isinstance(raw.get("relevant"), bool):
        issues.add(
            "invalid-type",
            "'relevant' must be true or false",
            line=number,
            record=record,
            field="relevant",
        )
    kind = raw.get("kind")
    if kind is not None and not isinstance(kind, str):
        issues.add(
            "invalid-type",
            "'kind' must be a string or null",
            line=number,
            record=record,
            field="kind",
        )
    for name in ("countries", "topics", "domains"):
        value = raw.get(name, [])
        if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
            issues.add(
                "invalid-type",
                f"'{name}' must be a list of strings",
                line=number,
                record=record,
                field=name,
            )
    date = raw.get("event_date")
    if date is not None and not is_valid_date(date):
        issues.add(
            "invalid-date",
            f"'event_date' must be YYYY[-MM[-DD]], got {date!r}",
            line=number,
            record=record,
            field="event_date",
        )
    for name in ("framework", "level", "location", "language", "source_type"):
        value = raw.get(name)
        if value is not None and not isinstance(value, str):
            issues.add(
                "invalid-type",
                f"'{name}' must be a string or null",
                line=number,
                record=record,
                field=name,
            )
    value = raw.get("countries_all", [])
    if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
        issues.add(
            "invalid-type",
            "'countries_all' must be a list of strings",
            line=number,
            record=record,
            field="countries_all",
        )
    actors = _actors(raw.get("actors", []), "actors", number, record, issues)
    events = _events(raw.get("events", []), number, record, issues)
    if len(issues.issues) > bad:
        return None
    first = events[0] if events else GoldEvent()
    annotated = {"relevance"} | {
        name for name, key in _FIELD_KEYS.items() if key in raw or "events" in raw
    }
    if "events" in raw:
        annotated.add("event_kinds")
    return GoldDocument(
        id=record,
        path=raw["path"],
        relevant=raw["relevant"],
        kind=kind if "kind" in raw else first.kind,
        countries=tuple(raw["countries"]) if "countries" in raw else _union(events, "countries"),
        topics=tuple(raw["topics"]) if "topics" in raw else _union(events, "topics"),
        domains=tuple(raw["domains"]) if "domains" in raw else _union(events, "domains"),
        event_date=date if "event_date" in raw else first.date,
        note=raw.get("note"),
        line=number,
        countries_all=(
            tuple(raw["countries_all"])
            if "countries_all" in raw
            else _union(events, "countries") or tuple(raw.get("countries", []))
        ),
        framework=raw["framework"] if "framework" in raw else first.framework,
        level=raw["level"] if "level" in raw else first.level,
        actors=actors if "actors" in raw else _union(events, "actors"),
        location=raw["location"] if "location" in raw else first.location,
        events=events,
        language=raw.get("language"),
        source_type=raw.get("source_type"),
        annotated=frozenset(annotated),
    )


def _union(events: Sequence[GoldEvent], name: str) -> tuple[Any, ...]:
    out: list[Any] = []
    for event in events:
        for value in getattr(event, name):
            if value not in out:
                out.append(value)
    return tuple(out)


def _actors(
    value: object, where: str, number: int, record: str, issues: IssueCollector
) -> tuple[GoldActor, ...]:
    ok = isinstance(value, list) and all(
        isinstance(a, dict)
        and isinstance(a.get("name"), str)
        and a["name"].strip()
        and (a.get("office") is None or isinstance(a.get("office"), str))
        and set(a) <= {"name", "office"}
        for a in value
    )
    if not ok:
        issues.add(
            "invalid-type",
            f"'{where}' must be a list of {{name, office}} objects (office a string or null)",
            line=number,
            record=record,
            field=where,
        )
        return ()
    assert isinstance(value, list)
    return tuple(GoldActor(name=a["name"], office=a.get("office")) for a in value)


_EVENT_KEYS = {
    "kind",
    "countries",
    "framework",
    "level",
    "actors",
    "date",
    "location",
    "topics",
    "domains",
}


def _events(
    value: object, number: int, record: str, issues: IssueCollector
) -> tuple[GoldEvent, ...]:
    if not isinstance(value, list):
        issues.add(
            "invalid-type", "'events' must be a list", line=number, record=record, field="events"
        )
        return ()
    events: list[GoldEvent] = []
    for i, raw in enumerate(value):
        where = f"events[{i}]"
        if not isinstance(raw, dict) or not set(raw) <= _EVENT_KEYS:
            extra = sorted(set(raw) - _EVENT_KEYS) if isinstance(raw, dict) else []
            issues.add(
                "invalid-event",
                f"'{where}' must be an object with keys from {sorted(_EVENT_KEYS)}"
                + (f"; unknown: {extra}" if extra else ""),
                line=number,
                record=record,
                field=where,
            )
            continue
        bad = len(issues.issues)
        for name in ("kind", "framework", "level", "location"):
            if raw.get(name) is not None and not isinstance(raw[name], str):
                issues.add(
                    "invalid-type",
                    f"'{where}.{name}' must be a string or null",
                    line=number,
                    record=record,
                    field=f"{where}.{name}",
                )
        for name in ("countries", "topics", "domains"):
            item = raw.get(name, [])
            if not isinstance(item, list) or not all(isinstance(x, str) for x in item):
                issues.add(
                    "invalid-type",
                    f"'{where}.{name}' must be a list of strings",
                    line=number,
                    record=record,
                    field=f"{where}.{name}",
                )
        if raw.get("date") is not None and not is_valid_date(raw["date"]):
            issues.add(
                "invalid-date",
                f"'{where}.date' must be YYYY[-MM[-DD]], got {raw['date']!r}",
                line=number,
                record=record,
                field=f"{where}.date",
            )
        actors = _actors(raw.get("actors", []), f"{where}.actors", number, record, issues)
        if len(issues.issues) > bad:
            continue
        events.append(
            GoldEvent(
                kind=raw.get("kind"),
                countries=tuple(raw.get("countries", [])),
                framework=raw.get("framework"),
                level=raw.get("level"),
                actors=actors,
                date=raw.get("date"),
                location=raw.get("location"),
                topics=tuple(raw.get("topics", [])),
                domains=tuple(raw.get("domains", [])),
            )
        )
    return tuple(events)


def resolve_gold_path(
    document_path: str, gold_path: str | Path, base_dir: str | Path | None = None
) -> Path:
    """A gold ``path`` -> a file path: absolute as is, else relative to ``base_dir`` (default:
    the gold file's parent's parent, the repository root for ``gold/dev.jsonl``)."""
    candidate = Path(document_path)
    if candidate.is_absolute():
        return candidate
    base = Path(base_dir) if base_dir is not None else Path(gold_path).resolve().parent.parent
    return base / candidate


def read_gold_documents(
    gold: Sequence[GoldDocument], gold_path: str | Path, base_dir: str | Path | None = None
) -> tuple[list[tuple[GoldDocument, Any]], list[GoldProblem], list[GoldProblem]]:
    """Extract the text of every gold document: (document, ExtractedDocument) pairs, the
    missing files and the documents that could not be extracted."""
    from steppewatch.errors import SteppewatchError
    from steppewatch.extract import extract_document

    found: list[tuple[GoldDocument, Any]] = []
    missing: list[GoldProblem] = []
    errors: list[GoldProblem] = []
    for document in gold:
        path = resolve_gold_path(document.path, gold_path, base_dir)
        if not path.is_file():
            missing.append(
                GoldProblem(
                    id=document.id,
                    path=document.path,
                    code="SW453",
                    message=f"[SW453] file not found: {path}",
                )
            )
            continue
        try:
            found.append((document, extract_document(path.read_bytes(), source=str(path))))
        except SteppewatchError as error:
            errors.append(
                GoldProblem(id=document.id, path=document.path, code=error.code, message=str(error))
            )
    return found, missing, errors
