"""HTTP errors of the web layer and how library errors map onto them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from steppewatch.errors import NotFound, SteppewatchError, ValidationFailed

# Review error codes that are the user's input, not a conflict with the stored state.
BAD_INPUT_CODES = {"SW701", "SW710", "SW711"}


@dataclass
class HTTPError(Exception):
    status: int
    message: str
    errors: list[dict[str, Any]] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)  # e.g. Retry-After

    def __str__(self) -> str:
        return f"{self.status} {self.message}"


def bad_request(message: str, *errors: dict[str, Any]) -> HTTPError:
    return HTTPError(400, message, list(errors) or [{"type": "bad-parameter", "message": message}])


def issue(type_: str, message: str, param: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"type": type_, "message": message}
    if param is not None:
        out["param"] = param
    return out


def from_library_error(error: SteppewatchError) -> HTTPError:
    """Map the package's exception hierarchy onto HTTP statuses."""
    if isinstance(error, NotFound):
        return HTTPError(404, str(error))
    if isinstance(error, ValidationFailed):
        return HTTPError(
            400,
            str(error),
            [
                {"type": i.type, "message": i.message, **({"field": i.field} if i.field else {})}
                for i in error.issues
            ],
        )
    if error.code in BAD_INPUT_CODES:
        return HTTPError(400, str(error))
    if error.code.startswith("SW7"):
        return HTTPError(409, str(error))
    return HTTPError(500, str(error))


def error_payload(error: HTTPError) -> dict[str, Any]:
    """The ONE JSON error shape of the API."""
    errors = error.errors or [{"type": "error", "message": error.message}]
    return {"ok": False, "error": error.message, "errors": errors, "status": error.status}
