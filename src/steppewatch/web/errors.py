"""HTTP errors of the web layer and how library errors map onto them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from steppewatch.errors import SteppewatchError, ValidationFailed, coded, http_status


@dataclass
class HTTPError(Exception):
    status: int
    message: str
    errors: list[dict[str, Any]] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)  # e.g. Retry-After

    def __str__(self) -> str:
        return f"{self.status} {self.message}"


def coded_error(
    code: str,
    message: str,
    *errors: dict[str, Any],
    headers: dict[str, str] | None = None,
) -> HTTPError:
    """An HTTPError for a catalogue code: the status is the code's in the catalogue and the
    message reads ``[SWnnn] message``."""
    return HTTPError(http_status(code), coded(code, message), list(errors), dict(headers or {}))


def bad_request(message: str, *errors: dict[str, Any]) -> HTTPError:
    """A 400 for bad query parameters (SW734), listing ``errors`` (default: the message)."""
    return coded_error("SW734", message, *(errors or [issue("bad-parameter", message)]))


def issue(type_: str, message: str, param: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"type": type_, "message": message}
    if param is not None:
        out["param"] = param
    return out


def from_library_error(error: SteppewatchError) -> HTTPError:
    """A library error as an HTTPError: the status is its code's in the error catalogue (500 for
    a code the catalogue gives none); a validation error lists its issues."""
    if isinstance(error, ValidationFailed):
        return HTTPError(
            error.http_status,
            str(error),
            [
                {"type": i.type, "message": i.message, **({"field": i.field} if i.field else {})}
                for i in error.issues
            ],
        )
    return HTTPError(error.http_status, str(error))


def error_payload(error: HTTPError) -> dict[str, Any]:
    """The ONE JSON error shape of the API."""
    errors = error.errors or [{"type": "error", "message": error.message}]
    return {"ok": False, "error": error.message, "errors": errors, "status": error.status}
