"""Read event datasets (CSV in the bundled schema, or JSON Lines) into validated Events.

Validation collects every problem, Frictionless-style, with its file, line, record id and
field, and keeps every good record. A row with an unclosed quote is reported at the line where
it starts and reading resumes on the next line, so one broken row does not swallow the rest.
See ``data/dataset/prc_central_asia/SCHEMA.md`` for the columns.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import ValidationError

from steppewatch.codebook.model import Codebook
from steppewatch.errors import InputError, IssueCollector, ValidationIssue
from steppewatch.models import ActorRef, Event, Source

EVENT_COLUMNS = (
    "id",
    "kind",
    "title",
    "date_start",
    "date_end",
    "countries",
    "framework",
    "location",
    "cn_actors",
    "partner_actors",
    "level",
    "domains",
    "topics",
    "attributes",
    "summary",
    "verification",
)
OPTIONAL_EVENT_COLUMNS = ("review_status", "codebook_version", "coder", "dataset_version")
SOURCE_COLUMNS = ("event_id", "url", "publisher", "language", "published", "source_type", "attests")
_ACTOR = re.compile(r"^(?P<name>.*?)\s*\((?P<office>[^()]*)\)\s*$")
_LINE = re.compile(r"[^\n]*\n|[^\n]+$")
_SURROGATE = re.compile("[\udc80-\udcff]")
# Model field -> the column a user sees in the file.
_FIELD_COLUMN = {"actors": "cn_actors/partner_actors"}


@dataclass
class ReadResult:
    events: list[Event] = field(default_factory=list)
    issues: list[ValidationIssue] = field(default_factory=list)
    rows: int = 0

    @property
    def rejected(self) -> int:
        return len(
            {
                (i.source, i.line)
                for i in self.issues
                if i.line is not None and i.type != "bad-source"
            }
        )


def split_actor_list(value: str) -> list[str]:
    """Split ``a (office; role);b`` at the semicolons outside parentheses: an office may list
    several roles, ``Wang Yi (Minister of Foreign Affairs; CPC Politburo member)``."""
    parts: list[str] = []
    depth = 0
    start = 0
    for i, char in enumerate(value or ""):
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        elif char == ";" and depth == 0:
            parts.append(value[start:i])
            start = i + 1
    parts.append((value or "")[start:])
    return [p.strip() for p in parts if p.strip()]


def parse_actors(value: str, side: Literal["focal", "partner"]) -> list[ActorRef]:
    actors = []
    for part in split_actor_list(value):
        if not part:
            continue
        match = _ACTOR.match(part)
        if match and match["name"]:
            office = match["office"].strip() or None
            actors.append(ActorRef(name=match["name"], office=office, side=side))
        else:
            actors.append(ActorRef(name=part, side=side))
    return actors


def format_actors(actors: list[ActorRef], side: str) -> str:
    return ";".join(a.label() for a in actors if a.side == side)


def _split(value: Any) -> list[str]:
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    return [v.strip() for v in str(value or "").split(";") if v.strip()]


def _decode(path: Path) -> str:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"file not found: {path}", code="SW102") from None
    except IsADirectoryError:
        raise InputError(f"{path} is a folder, not a file", code="SW102") from None
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: looks like a binary file, not CSV or JSON Lines", code="SW103")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    # Undecodable bytes become lone surrogates, reported per row below, so good rows survive.
    return data.decode("utf-8", errors="surrogateescape")


def _csv_records(
    text: str, issues: IssueCollector, expected: tuple[str, ...], required: tuple[str, ...]
) -> Iterator[tuple[int, dict[str, str]]]:
    lines = _LINE.findall(text)
    if not lines:
        issues.add("empty-file", "the file is empty")
        return
    header = [h.strip() for h in next(csv.reader([lines[0]]))]
    missing = [c for c in required if c not in header]
    if missing:
        issues.add(
            "missing-column",
            f"header lacks required column(s) {', '.join(missing)}; expected {', '.join(expected)}",
            line=1,
        )
        return
    unknown = [h for h in header if h not in expected]
    if unknown:
        issues.add(
            "extra-column",
            f"column(s) {', '.join(unknown)} are not in the schema and were ignored",
            line=1,
        )
    i = 1
    while i < len(lines):
        if not lines[i].strip():
            i += 1
            continue
        consumed = 0

        def feed(start: int = i) -> Iterator[str]:
            nonlocal consumed
            for j in range(start, len(lines)):  # by index: slicing would copy the rest each row
                consumed += 1
                yield lines[j]

        try:
            row = next(csv.reader(feed(), strict=True))
        except (csv.Error, StopIteration) as error:
            issues.add(
                "broken-quoting", f"cannot parse the row: {error}; check its quotes", line=i + 1
            )
            i += 1
            continue
        if len(row) != len(header):
            if consumed > 1:
                issues.add(
                    "broken-quoting",
                    "a quoted field opened on this line is not closed where it should be "
                    f"(the row runs over {consumed} lines and has {len(row)} fields, not {len(header)})",
                    line=i + 1,
                )
                i += 1
            else:
                issues.add(
                    "wrong-column-count",
                    f"{len(row)} fields, the header has {len(header)}",
                    line=i + 1,
                )
                i += 1
            continue
        yield i + 1, dict(zip(header, row, strict=True))
        i += consumed


def _jsonl_records(text: str, issues: IssueCollector) -> Iterator[tuple[int, dict[str, Any]]]:
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        if _SURROGATE.search(line):
            issues.add(
                "bad-encoding",
                "the line holds bytes that are not UTF-8; save the file as UTF-8",
                line=number,
            )
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            issues.add(
                "invalid-json", f"not valid JSON: {error.msg} at column {error.colno}", line=number
            )
            continue
        if not isinstance(record, dict):
            issues.add("invalid-json", "each line must be a JSON object", line=number)
            continue
        yield number, record


def _bad_encoding(record: dict[str, Any]) -> list[str]:
    return [k for k, v in record.items() if isinstance(v, str) and _SURROGATE.search(v)]


def _event_data(record: dict[str, Any], defaults: dict[str, Any]) -> dict[str, Any]:
    data: dict[str, Any] = {k: v for k, v in defaults.items() if v is not None}
    for key in (
        "id",
        "kind",
        "title",
        "date_start",
        "date_end",
        "framework",
        "location",
        "level",
        "summary",
        "verification",
        *OPTIONAL_EVENT_COLUMNS,
    ):
        value = record.get(key)
        if isinstance(value, str):
            value = value.strip()
        if value not in (None, ""):
            data[key] = value
    for key in ("countries", "domains", "topics"):
        data[key] = (
            [c.upper() for c in _split(record.get(key))]
            if key == "countries"
            else _split(record.get(key))
        )
    if "actors" in record and isinstance(record["actors"], list):
        data["actors"] = record["actors"]
    else:
        data["actors"] = parse_actors(record.get("cn_actors", ""), "focal") + parse_actors(
            record.get("partner_actors", ""), "partner"
        )
    attributes = record.get("attributes")
    if isinstance(attributes, str):
        attributes = attributes.strip()
        data["attributes"] = json.loads(attributes) if attributes else {}
    elif attributes is not None:
        data["attributes"] = attributes
    if isinstance(record.get("sources"), list):
        data["sources"] = record["sources"]
    return data


def _issue_for(
    error: ValidationError, collector: IssueCollector, line: int, record_id: str | None
) -> None:
    for detail in error.errors():
        loc = [str(p) for p in detail["loc"]]
        column = _FIELD_COLUMN.get(loc[0], loc[0]) if loc else None
        message = detail["msg"].removeprefix("Value error, ")
        kind = "missing-cell" if detail["type"] == "missing" else "invalid-value"
        if "unknown" in message and "code" in message:
            kind = "unknown-code"
        elif column in ("date_start", "date_end") or "date" in message:
            kind = "invalid-date" if kind == "invalid-value" else kind
        elif column == "countries":
            kind = "unknown-country" if kind == "invalid-value" else kind
        if kind == "missing-cell":
            message = f"required value '{column}' is empty or missing"
        collector.add(
            kind,
            message,
            line=line,
            record=record_id,
            field=".".join([column or "", *loc[1:]]).strip("."),
        )


def read_events(
    path: str | Path,
    *,
    sources_path: str | Path | None = None,
    codebook: Codebook | None = None,
    defaults: dict[str, Any] | None = None,
) -> ReadResult:
    """Read and validate a CSV or JSON Lines file of events (and an optional sources CSV)."""
    path = Path(path)
    text = _decode(path)
    collector = IssueCollector(source=path.name)
    result = ReadResult()
    context = {"codebook": codebook} if codebook else None
    is_jsonl = path.suffix.lower() in (".jsonl", ".ndjson", ".json")
    records = (
        _jsonl_records(text, collector)
        if is_jsonl
        else _csv_records(
            text,
            collector,
            EVENT_COLUMNS + OPTIONAL_EVENT_COLUMNS,
            ("id", "kind", "title", "date_start", "countries", "framework"),
        )
    )
    seen: set[str] = set()
    line_of: dict[str, int] = {}
    for line, record in records:
        result.rows += 1
        record_id = str(record.get("id") or "").strip() or None
        bad = _bad_encoding(record)
        if bad:
            collector.add(
                "bad-encoding",
                "holds bytes that are not UTF-8; save the file as UTF-8",
                line=line,
                record=record_id,
                field=", ".join(bad),
            )
            continue
        if record_id and record_id in seen:
            collector.add(
                "duplicate-id",
                f"id also used on line {line_of[record_id]}",
                line=line,
                record=record_id,
                field="id",
            )
            continue
        try:
            data = _event_data(record, defaults or {})
        except json.JSONDecodeError as error:
            collector.add(
                "invalid-value",
                f"attributes is not a JSON object: {error.msg}",
                line=line,
                record=record_id,
                field="attributes",
            )
            continue
        try:
            event = Event.model_validate(data, context=context)
        except ValidationError as error:
            _issue_for(error, collector, line, record_id)
            continue
        seen.add(event.id)
        line_of[event.id] = line
        result.events.append(event)
    if sources_path is not None:
        _attach_sources(Path(sources_path), result, line_of)
    result.issues = collector.issues + result.issues
    return result


def _attach_sources(path: Path, result: ReadResult, line_of: dict[str, int]) -> None:
    text = _decode(path)
    collector = IssueCollector(source=path.name)
    by_id = {e.id: e for e in result.events}
    for line, record in _csv_records(text, collector, SOURCE_COLUMNS, ("event_id", "url")):
        event_id = record.get("event_id", "").strip()
        bad = _bad_encoding(record)
        if bad:
            collector.add(
                "bad-source",
                f"holds bytes that are not UTF-8 in {', '.join(bad)}",
                line=line,
                record=event_id,
            )
            continue
        event = by_id.get(event_id)
        if event is None:
            if event_id not in line_of:
                collector.add(
                    "bad-source",
                    f"names event '{event_id}', which is not in the events file or was rejected",
                    line=line,
                    record=event_id,
                    field="event_id",
                )
            continue
        data = {k: (record.get(k) or "").strip() or None for k in SOURCE_COLUMNS if k != "event_id"}
        try:
            event.sources.append(Source.model_validate(data))
        except ValidationError as error:
            for detail in error.errors():
                collector.add(
                    "bad-source",
                    detail["msg"].removeprefix("Value error, "),
                    line=line,
                    record=event_id,
                    field=str(detail["loc"][0]),
                )
    result.issues.extend(collector.issues)


def event_csv_row(e: Event) -> list[str]:
    """An event as a row of the bundled CSV schema (``EVENT_COLUMNS``); ``read_events`` reads
    it back to an equal event (sources aside: they go in sources.csv)."""
    return [
        e.id,
        e.kind,
        e.title,
        e.date_start,
        e.date_end or "",
        ";".join(e.countries),
        e.framework,
        e.location or "",
        format_actors(e.actors, "focal"),
        format_actors(e.actors, "partner"),
        e.level or "",
        ";".join(e.domains),
        ";".join(e.topics),
        json.dumps(e.attributes, ensure_ascii=False) if e.attributes else "",
        e.summary or "",
        e.verification or "",
    ]
