"""Citations of events: ``/events/ID.bib``, ``/events/ID.ris``, ``/events/ID.csl.json``, and the
"Cite" box of every event page (the ``cite_event`` template global, used by ``cite.html``).

The dataset version is the event's own (the version it was loaded from), else the database's;
the access date is the day of the request (UTC). The formats' escaping is in
``steppewatch.export.citations``; the HTML box is escaped by the templates' autoescape.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from steppewatch.errors import NotFound
from steppewatch.export.citations import (
    CiteContext,
    event_bibtex,
    event_citation_text,
    event_csl_json,
    event_ris,
)
from steppewatch.models import Event
from steppewatch.web.errors import coded_error, from_library_error
from steppewatch.web.params import check_names, parse_query
from steppewatch.web.state import state_of

FORMATS = {
    "bib": ("application/x-bibtex; charset=utf-8", event_bibtex),
    "ris": ("application/x-research-info-systems; charset=utf-8", event_ris),
    "csl.json": ("application/vnd.citationstyles.csl+json; charset=utf-8", event_csl_json),
}


@lru_cache(maxsize=1)
def _study_name() -> str:
    from steppewatch.study import load_study

    return load_study().name


def cite_context(request: Request, event: Event) -> CiteContext:
    web = state_of(request)
    version = event.dataset_version or web.store.get_meta("dataset_version") or None
    return CiteContext(
        dataset_title=f"steppewatch: {_study_name()}",
        dataset_version=version,
        accessed=dt.datetime.now(dt.UTC).date(),
        base_url=str(request.base_url).rstrip("/"),
    )


def cite_event(request: Request, event: Event) -> dict[str, Any]:
    """What the Cite box shows: the reference as text, the version, the access date, links."""
    ctx = cite_context(request, event)
    base = ctx.event_url(event)
    return {
        "text": event_citation_text(event, ctx),
        "bibtex": event_bibtex(event, ctx),
        "dataset_version": ctx.dataset_version or "unversioned",
        "accessed": ctx.accessed.isoformat(),
        "links": [
            (f"{base}.{ext}", label)
            for ext, label in (("bib", "BibTeX"), ("ris", "RIS"), ("csl.json", "CSL-JSON"))
        ],
    }


def _citation(request: Request, fmt: str) -> Response:
    web = state_of(request)
    check_names(parse_query(request.scope.get("query_string", b"")), ())
    event_id = str(request.path_params["event_id"])
    if len(event_id) > 200 or any(ord(c) < 32 for c in event_id):
        raise coded_error("SW304", "no such event_id")
    try:
        event = web.store.get_event(event_id)
    except NotFound as error:
        raise from_library_error(error) from None
    media_type, render = FORMATS[fmt]
    filename = event_id + "." + fmt
    return Response(
        render(event, cite_context(request, event)),
        media_type=media_type,
        headers={"content-disposition": f'inline; filename="{filename}"'},
    )


def event_bib(request: Request) -> Response:
    return _citation(request, "bib")


def event_ris_page(request: Request) -> Response:
    return _citation(request, "ris")


def event_csl_page(request: Request) -> Response:
    return _citation(request, "csl.json")


def routes() -> list[Route]:
    """To be listed before ``/events/{event_id}.json``, which would take ``ID.csl.json``."""
    return [
        Route("/events/{event_id}.bib", event_bib),
        Route("/events/{event_id}.ris", event_ris_page),
        Route("/events/{event_id}.csl.json", event_csl_page),
    ]


def install(env: Any) -> None:
    env.globals["cite_event"] = cite_event


__all__ = ["cite_context", "cite_event", "install", "routes"]
