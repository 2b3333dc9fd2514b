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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from steppewatch.errors import InputError, IssueCollector, ValidationFailed

__all__ = [
    "GoldDocument",
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
    if len(issues.issues) > bad:
        return None
    return GoldDocument(
        id=record,
        path=raw["path"],
        relevant=raw["relevant"],
        kind=kind,
        countries=tuple(raw.get("countries", [])),
        topics=tuple(raw.get("topics", [])),
        domains=tuple(raw.get("domains", [])),
        event_date=date,
        note=raw.get("note"),
        line=number,
    )


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
