"""The Starlette application: routes, middleware, error pages and the JSON error shape."""

from __future__ import annotations

import json
import logging
from dataclasses import replace
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from steppewatch.errors import SteppewatchError
from steppewatch.store import Store, open_store
from steppewatch.study import study_for_store
from steppewatch.web import agreement_views, citations, explorer, reviewing
from steppewatch.web.errors import HTTPError, coded_error, error_payload, from_library_error
from steppewatch.web.openapi import openapi_spec
from steppewatch.web.security import SecurityHeaders, session_secret
from steppewatch.web.state import WebState, json_response, make_env, render, wants_json

log = logging.getLogger("steppewatch.web")
STATIC = Path(__file__).parent / "static"
SESSION_COOKIE = "steppewatch_session"
MAX_BODY = 1_000_000


async def _error_response(request: Request, error: HTTPError) -> Response:
    if wants_json(request):
        return json_response(error_payload(error), error.status)
    try:
        return render(request, "error.html", {"error": error}, error.status)
    except Exception:  # the error page itself must never fail
        log.exception("error page failed")
        return Response(
            f"{error.status} {error.message}", status_code=error.status, media_type="text/plain"
        )


async def _on_http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPError)
    response = await _error_response(request, exc)
    if exc.headers:
        response.headers.update(exc.headers)
    return response


async def _on_starlette_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    messages = {404: "[SW304] page not found", 405: "[SW723] method not allowed"}
    error = HTTPError(exc.status_code, messages.get(exc.status_code, str(exc.detail)))
    response = await _error_response(request, error)
    if exc.headers:
        response.headers.update(exc.headers)
    return response


async def _on_library_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, SteppewatchError)
    return await _error_response(request, from_library_error(exc))


async def _on_crash(request: Request, exc: Exception) -> Response:
    log.exception("unhandled error on %s", request.url.path)
    return await _error_response(
        request, coded_error("SW799", "internal error (see the server log)")
    )


async def openapi(request: Request) -> Response:
    return Response(json.dumps(openapi_spec(), ensure_ascii=False), media_type="application/json")


async def home_redirect(request: Request) -> Response:
    from starlette.responses import RedirectResponse

    return RedirectResponse("/", status_code=308)


def routes() -> list[Any]:
    r = reviewing
    a = agreement_views
    return [
        Route("/", explorer.events_list),
        Route("/events", home_redirect),
        Route("/events.json", explorer.events_list),
        Route("/events.csv", explorer.events_csv),
        *citations.routes(),  # before /events/{event_id}.json, which would take ID.csl.json
        Route("/events/{event_id}.json", explorer.event_page),
        Route("/events/{event_id}", explorer.event_page),
        Route("/countries/{code}.json", explorer.country_page),
        Route("/countries/{code}", explorer.country_page),
        Route("/topics/{code}.json", explorer.topic_page),
        Route("/topics/{code}", explorer.topic_page),
        Route("/openapi.json", openapi),
        Route("/login", r.login_page, methods=["GET"]),
        Route("/login", r.login_submit, methods=["POST"]),
        Route("/logout", r.logout_page, methods=["GET"]),
        Route("/logout", r.logout_submit, methods=["POST"]),
        Route("/review", r.review_page),
        Route("/review.json", r.review_page),
        Route("/review/agreement.json", a.agreement_page),
        Route("/review/agreement", a.agreement_page),
        Route("/review/assignments", a.assignments_page, methods=["GET"]),
        Route("/review/assignments/{event_id}", a.code_submit, methods=["POST"]),
        Route("/review/suggestions/{suggestion_id}/accept", r.suggestion_accept, methods=["POST"]),
        Route("/review/suggestions/{suggestion_id}/reject", r.suggestion_reject, methods=["POST"]),
        Route("/review/{event_id}/accept", r.accept, methods=["POST"]),
        Route("/review/{event_id}/reject", r.reject, methods=["POST"]),
        Route("/review/{event_id}/edit", r.edit_page, methods=["GET"]),
        Route("/review/{event_id}/edit", r.edit_submit, methods=["POST"]),
        Route("/audit", r.audit_page),
        Route("/audit.json", r.audit_page),
        Mount("/static", app=StaticFiles(directory=str(STATIC)), name="static"),
    ]


def create_app(
    store: Store | str | None = None,
    *,
    codebook: Any = None,
    secret: str | None = None,
    count_limit_ms: int | None = 100,
    facet_limit_ms: int | None = 100,
    facet_budget_ms: int | None = 150,
    cache_size: int = 1024,
    use_profiles: bool = True,
    use_event_index: bool = True,
    https_only: bool = False,
    statement_timeout_ms: int | None = 10_000,
    study: Any = None,
) -> Starlette:
    """The explorer over ``store`` (a Store, a database URL, or the default database). On
    PostgreSQL every statement of the app's connections runs under ``statement_timeout_ms``
    (searches and counts under shorter limits of their own). ``use_profiles``: keep facet
    profiles in memory; ``use_event_index`` (SQLite, with profiles): also every event's date key
    and profile (``store.query.event_index``), which serves date-ordered pages. ``study`` (a Study, a
    study file or a bundled study's name): default, the study the database was made for."""
    if not isinstance(store, Store):
        store = open_store(store)
    if store.dialect == "postgresql" and statement_timeout_ms:
        _pg_statement_timeout(store, statement_timeout_ms)
    if store.dialect == "sqlite":
        _sqlite_memory_map(store)
    if codebook is None:
        from steppewatch.codebook import load_codebook

        codebook = load_codebook()
    app = Starlette(
        routes=routes(),
        middleware=[
            Middleware(SecurityHeaders),
            Middleware(
                SessionMiddleware,
                secret_key=secret or session_secret(store),
                session_cookie=SESSION_COOKIE,
                same_site="lax",
                https_only=https_only,
                max_age=8 * 3600,
            ),
        ],
        exception_handlers={
            HTTPError: _on_http_error,
            HTTPException: _on_starlette_error,
            SteppewatchError: _on_library_error,
            Exception: _on_crash,
        },
        max_body_size=MAX_BODY,
    )
    engine = store.query_engine(
        replace(
            store.query_settings,
            count_limit_ms=count_limit_ms,
            facet_limit_ms=facet_limit_ms,
            facet_budget_ms=facet_budget_ms,
            cache_size=cache_size,
            use_profiles=use_profiles,
            use_event_index=use_event_index,
        )
    )
    web_state = app.state.web = WebState(
        store=store,
        queries=engine,
        codebook=codebook,
        env=make_env(),
        study=study_for_store(store, study),
    )
    citations.install(web_state.env)
    engine.start()
    return app


def _pg_statement_timeout(store: Store, ms: int) -> None:
    """Set ``statement_timeout`` and one process per query (``max_parallel_workers_per_gather
    = 0``) on every new connection of the store's engine (and drop the pooled ones)."""
    from sqlalchemy import event

    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        autocommit = dbapi_connection.autocommit
        dbapi_connection.autocommit = True  # a session setting, not undone by a rollback
        dbapi_connection.execute(f"SET statement_timeout = {int(ms)}")
        # many requests at once on few cores: a page's query in one process (parallel workers
        # per query made every other request wait)
        dbapi_connection.execute("SET max_parallel_workers_per_gather = 0")
        dbapi_connection.autocommit = autocommit

    event.listen(store.engine, "connect", on_connect)
    store.engine.dispose()


SQLITE_MMAP_BYTES = 2 << 30


def _sqlite_memory_map(store: Store) -> None:
    """Read the database file through a memory map on the app's connections (SQLite's
    ``mmap_size``): page reads become memory reads instead of a system call each, which makes the
    explorer's row and text-index reads 10-35% faster on a large database. The pages are the
    operating system's file cache, shared by all workers; writes still go through SQLite's usual
    path, and SQLite caps the size at its compile-time limit."""
    from sqlalchemy import event

    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute(f"PRAGMA mmap_size = {SQLITE_MMAP_BYTES}")

    event.listen(store.engine, "connect", on_connect)
    store.engine.dispose()


def app_from_env() -> Starlette:
    """Factory for multi-worker uvicorn: database from $STEPPEWATCH_DB, study (a file or a
    bundled study's name; default: the database's) from $STEPPEWATCH_STUDY."""
    import os

    return create_app(
        None,
        https_only=os.environ.get("STEPPEWATCH_HTTPS_ONLY") == "1",
        cache_size=int(os.environ.get("STEPPEWATCH_WEB_CACHE", "1024")),
        study=os.environ.get("STEPPEWATCH_STUDY") or None,
    )
