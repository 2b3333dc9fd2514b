"""What every request handler needs: the store, the codebook, labels, templates, rendering."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import jinja2
import pycountry
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response

from steppewatch.store import QueryEngine, Store
from steppewatch.web.security import LazyCsrfToken, current_user, safe_url

TEMPLATES = Path(__file__).parent / "templates"
SCHEME_OF_FACET = {
    "kind": "event_kind",
    "topic": "topic",
    "domain": "domain",
    "level": "meeting_level",
    "framework": "framework",
}
FACET_PARAM = {"review_status": "status"}


@dataclass
class WebState:
    """The store and what the pages need; the query engine's state (result cache, in-memory
    profiles and event index, the data version last seen) lives in ``queries`` and is
    reachable here under its old names."""

    store: Store
    queries: QueryEngine  # this app's engine (Store.query_engine): its own cache and indexes
    codebook: Any
    env: jinja2.Environment
    study: Any = None  # the Study the database was made for (focal state, publisher table)

    @property
    def cache(self) -> Any:
        return self.queries.cache

    @property
    def profiles(self) -> Any:
        return self.queries.profiles

    @profiles.setter
    def profiles(self, value: Any) -> None:
        self.queries.profiles = value

    @property
    def index(self) -> Any:
        return self.queries.index

    @index.setter
    def index(self, value: Any) -> None:
        self.queries.index = value

    @property
    def seen_version(self) -> int | None:
        return self.queries.seen_version

    def data_version(self) -> int | None:
        """The database's write counter, or None if the table is absent."""
        return self.queries.data_version()

    def notice_writes(self) -> None:
        """Once per request: if the database was written since this worker last looked (by
        another worker, ``steppewatch ingest`` or ``import``), empty the cached pages and counts
        and reload the profiles (at once when they load quickly, else in the background)."""
        self.queries.notice_writes()

    def label(self, facet: str, value: Any) -> str:
        code = str(value)
        if facet == "country":
            found = pycountry.countries.get(alpha_2=code)
            return str(found.name) if found else code
        scheme = SCHEME_OF_FACET.get(facet)
        if scheme:
            try:
                return str(self.codebook.code(scheme, code).label.en)
            except KeyError:
                return code
        return code

    def labels(self, facet: str, code: Any) -> dict[str, str]:
        scheme = SCHEME_OF_FACET.get(facet)
        if scheme:
            try:
                lab = self.codebook.code(scheme, str(code)).label
                return {"en": lab.en, "zh": lab.zh, "ru": lab.ru}
            except KeyError:
                pass
        return {"en": self.label(facet, code)}


@lru_cache(maxsize=1)
def make_env() -> jinja2.Environment:
    """One template environment per process (compiled templates are cached in it)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,  # every template, whatever its name: user text is always escaped
        auto_reload=False,  # templates ship with the package: no file check on every page
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["safe_url"] = safe_url
    env.filters["tojson_pretty"] = lambda v: json.dumps(
        v, ensure_ascii=False, indent=2, sort_keys=True
    )
    return env


def state_of(request: Request) -> WebState:
    """The app's state, checked once per request for writes made elsewhere."""
    web: WebState = request.app.state.web
    if "steppewatch.fresh" not in request.scope:
        request.scope["steppewatch.fresh"] = True
        web.notice_writes()
    return web


def wants_json(request: Request) -> bool:
    path = request.url.path
    return path.endswith(".json") or path.endswith(".csv") or path.startswith("/api")


def link(path: str, params: list[tuple[str, str]] | tuple[tuple[str, str], ...]) -> str:
    return f"{path}?{urlencode(list(params))}" if params else path


def render(
    request: Request, template: str, context: dict[str, Any], status: int = 200
) -> HTMLResponse:
    web = state_of(request)
    full = {
        "request": request,
        "user": current_user(request),
        "csrf_token": LazyCsrfToken(request),
        "label": web.label,
        "labels": web.labels,
        **context,
    }
    html = web.env.get_template(template).render(full)
    return HTMLResponse(html, status_code=status)


def json_response(payload: dict[str, Any], status: int = 200) -> Response:
    body = json.dumps({"ok": status < 400, **payload}, ensure_ascii=False, default=str)
    return Response(body, status_code=status, media_type="application/json")


__all__ = ["JSONResponse", "WebState", "json_response", "link", "make_env", "render", "state_of"]
