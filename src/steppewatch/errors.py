"""One exception hierarchy for steppewatch.

Every error carries a stable code (``SW###``) that a user can search for, says what went wrong,
where (file, line, field) and what to do. The CLI prints ``str(error)`` on one line and exits
non-zero; it never shows a traceback for a user's mistake.

Every code is defined once, with its meaning, hint and HTTP status, in the catalogue
(:mod:`steppewatch.error_codes`, rendered as ``docs/errors.md``); an error's ``info`` is its entry.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from steppewatch.error_codes import CATALOGUE, ErrorCode

__all__ = [
    "ErrorCode",
    "CATALOGUE",
    "error_info",
    "http_status",
    "coded",
    "SteppewatchError",
    "InputError",
    "ValidationIssue",
    "ValidationFailed",
    "CodebookError",
    "StoreError",
    "NotFound",
    "ExtractionError",
    "CollectionError",
    "AnalysisError",
    "ExportError",
    "ReviewError",
]


class SteppewatchError(Exception):
    """Base class. ``code`` is stable; ``hint`` tells the user what to do."""

    code = "SW000"

    def __init__(self, message: str, *, hint: str | None = None, code: str | None = None):
        self.message = message
        self.hint = hint
        if code is not None:
            self.code = code
        super().__init__(str(self))

    def __str__(self) -> str:
        text = f"[{self.code}] {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text

    @property
    def info(self) -> ErrorCode | None:
        """This error's catalogue entry (name, meaning, hint, HTTP status)."""
        return error_info(self.code)

    @property
    def http_status(self) -> int:
        """The HTTP status the web answers this error with (from the catalogue)."""
        return http_status(self.code)


def error_info(code: str) -> ErrorCode | None:
    """The catalogue entry of ``code`` ('SW304'), or None for a code not in the catalogue."""
    return CATALOGUE.get(code)


def http_status(code: str) -> int:
    """The HTTP status for ``code`` from the catalogue; 500 when it names none."""
    entry = CATALOGUE.get(code)
    return entry.http if entry is not None and entry.http is not None else 500


def coded(code: str, message: str) -> str:
    """``[SWnnn] message``: how a code is written in a message, a warning or a failure."""
    return f"[{code}] {message}"


class InputError(SteppewatchError):
    """A file or argument the user gave cannot be read or used."""

    code = "SW100"


@dataclass(frozen=True)
class ValidationIssue:
    """One problem in one record: where it is and what is wrong (Frictionless-style)."""

    type: str  # e.g. "invalid-date", "unknown-code", "missing-cell", "bad-encoding"
    message: str
    source: str | None = None  # file name
    line: int | None = None  # 1-based physical line (CSV) or line number (JSONL)
    record: str | None = None  # record id when known
    field: str | None = None

    def where(self) -> str:
        parts = []
        if self.source:
            parts.append(self.source)
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.record:
            parts.append(f"id {self.record}")
        if self.field:
            parts.append(f"field '{self.field}'")
        return ", ".join(parts)

    def __str__(self) -> str:
        where = self.where()
        return (
            f"{where}: {self.message} [{self.type}]" if where else f"{self.message} [{self.type}]"
        )


class ValidationFailed(SteppewatchError):
    """Raised when validation found problems; ``issues`` holds all of them, not just the first."""

    code = "SW101"

    def __init__(self, message: str, issues: list[ValidationIssue] | None = None, **kw: object):
        self.issues: list[ValidationIssue] = list(issues or [])
        super().__init__(message, **kw)  # type: ignore[arg-type]


class CodebookError(SteppewatchError):
    code = "SW200"


class StoreError(SteppewatchError):
    code = "SW300"


class NotFound(StoreError):
    code = "SW304"


class ExtractionError(SteppewatchError):
    code = "SW400"


class CollectionError(SteppewatchError):
    code = "SW500"


class AnalysisError(SteppewatchError):
    code = "SW600"


class ExportError(SteppewatchError):
    """An export, citation or release cannot be written (SW16x, SW66x)."""

    code = "SW160"


class ReviewError(SteppewatchError):
    code = "SW700"


@dataclass
class IssueCollector:
    """Collects issues while validating a batch so all are reported together."""

    source: str | None = None
    issues: list[ValidationIssue] = field(default_factory=list)

    def add(self, type: str, message: str, **where: object) -> None:
        self.issues.append(ValidationIssue(type, message, source=self.source, **where))  # type: ignore[arg-type]

    def __bool__(self) -> bool:
        return bool(self.issues)
