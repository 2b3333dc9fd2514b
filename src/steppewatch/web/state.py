"""What every request handler needs: the store, the codebook, labels, templates, rendering."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import jinja2
import pycountry
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response

from steppewatch.store import Store
from steppewatch.web.queries import ResultCache, SearchSupport
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
    store: Store
    codebook: Any
    support: SearchSupport
    env: jinja2.Environment
    count_limit_ms: int | None = 100
    facet_limit_ms: int | None = 100
    facet_budget_ms: int | None = 150
    cache: ResultCache = field(default_factory=ResultCache)
    profiles: Any = None  # web.profiles.Profiles, or None
    index: Any = None  # web.event_index.EventIndex (SQLite), or None
    seen_version: int | None = None  # data_version when this worker last checked (migration 6)
    has_data_version: bool = True
    study: Any = None  # the Study the database was made for (focal state, publisher table)

    def data_version(self) -> int | None:
        """The database's write counter (bumped by triggers in the transaction of every write to
        events and the review tables, whoever writes), or None if the table is absent."""
        if not self.has_data_version:
            return None
        from sqlalchemy.exc import DBAPIError

        try:
            with self.store.engine.connect() as conn:
                # once per request, so as a plain driver statement (no SQLAlchemy compiling)
                value = conn.exec_driver_sql(
                    "SELECT version FROM data_version WHERE id = 1"
                ).scalar()
        except DBAPIError:  # a database older than migration 6 (opened without migrating)
            self.has_data_version = False
            return None
        return None if value is None else int(value)

    def notice_writes(self) -> None:
        """Once per request: if the database was written since this worker last looked (by
        another worker, ``steppewatch ingest`` or ``import``), empty the cached pages and counts
        and reload the profiles (at once when they load quickly, else in the background)."""
        version = self.data_version()
        if version is None or version == self.seen_version:
            return
        first = self.seen_version is None
        self.seen_version = version
        if first:
            return
        self.cache.clear()
        if self.profiles is not None:
            self.profiles.reload_after_write()
            self.cache.clear()
        if self.index is not None:
            self.index.refresh()

    def own_write_done(self) -> None:
        """After a write made through this worker (caches already updated): remember the new
        version, so the write is not taken for another process's."""
        self.seen_version = self.data_version()
        if self.index is not None:
            self.index.refresh()

    def current_index(self) -> Any:
        """The event index if it holds the database as this request sees it, else None."""
        index = self.index
        if index is None or self.seen_version is None:
            return None
        if not index.current(self.seen_version):
            index.refresh()  # nothing if a load is under way; at once on small databases
        return index if index.current(self.seen_version) else None

    def label(self, facet: str, code: Any) -> str:
        code = str(code)
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
