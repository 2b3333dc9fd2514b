"""Sign in and out, the review queue, accept / edit / reject, and the audit log.

Every POST needs a signed-in reviewer and the session's CSRF token. Read-only pages (the audit
log) are public, like the data.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from steppewatch import review
from steppewatch.errors import SteppewatchError, ValidationFailed
from steppewatch.review import login_limits
from steppewatch.review.actions import EDITABLE_FIELDS, QUEUE_ORDERS, content_hash_of
from steppewatch.review.pseudonyms import pseudonyms_for
from steppewatch.store import event_confidence
from steppewatch.web.errors import coded_error, from_library_error, issue
from steppewatch.web.params import MAX_PAGE, check_names, parse_query
from steppewatch.web.security import CSRF_FIELD, check_csrf, current_user, require_user
from steppewatch.web.state import json_response, link, render, state_of

MAX_FORM_VALUE = 100_000


def _safe_next(value: Any) -> str:
    """Only same-site relative paths, so ?next= cannot send a user elsewhere."""
    if (
        isinstance(value, str)
        and value.startswith("/")
        and not value.startswith("//")
        and "\\" not in value
    ):
        return value
    return "/review"


async def _form(request: Request) -> dict[str, Any]:
    try:
        form = await request.form(max_files=0, max_fields=200)
    except Exception:
        raise coded_error("SW722", "cannot read the form data") from None
    data: dict[str, Any] = {}
    for key in form:
        values = form.getlist(key)
        if any(not isinstance(v, str) or len(v) > MAX_FORM_VALUE for v in values):
            raise coded_error("SW722", f"form field '{key[:40]}' is too long or not text")
        data[key] = values if len(values) > 1 else values[0]
        data[f"{key}[]"] = values
    return data


def _page(request: Request, allowed: tuple[str, ...] = ("page",)) -> int:
    pairs = parse_query(request.scope.get("query_string", b""))
    check_names(pairs, allowed)
    value = dict(pairs).get("page", "1")
    if not value.isdigit() or not 1 <= int(value) <= MAX_PAGE:
        raise coded_error(
            "SW734",
            "bad query parameters",
            issue("out-of-range", f"page must be 1-{MAX_PAGE}", "page"),
        )
    return int(value)


# -- sign in / out ---------------------------------------------------------------------------
def login_page(request: Request) -> Response:
    pairs = parse_query(request.scope.get("query_string", b""))
    check_names(pairs, ("next",))
    return render(
        request, "login.html", {"next": _safe_next(dict(pairs).get("next")), "error": None}
    )


async def login_submit(request: Request) -> Response:
    web = state_of(request)
    form = await _form(request)
    check_csrf(request, form)
    name, password = form.get("name", ""), form.get("password", "")
    target = _safe_next(form.get("next"))
    user = None
    address = request.client.host if request.client else None
    if isinstance(name, str) and isinstance(password, str) and name and password:
        throttle = await run_in_threadpool(login_limits.check, web.store, name, address)
        if throttle is not None:
            minutes = -(-throttle.retry_after // 60)
            who = {
                "account_address": "this account from your address",
                "client": "your address",
                "account": "this account",
            }[throttle.scope]
            when = (
                f"{throttle.retry_after} second{'s' if throttle.retry_after != 1 else ''}"
                if throttle.retry_after < 120
                else f"{minutes} minutes"
            )
            raise coded_error(
                "SW731",
                f"too many failed sign-ins for {who}; try again in {when}",
                issue("too-many-attempts", login_limits.describe_rule(), "name"),
                headers={"Retry-After": str(throttle.retry_after)},
            )
        user = await run_in_threadpool(review.verify_user, web.store, name, password)
        if user is None:
            await run_in_threadpool(login_limits.record_failure, web.store, name, address)
        else:
            await run_in_threadpool(login_limits.record_success, web.store, name, address)
    if user is None:
        return render(
            request, "login.html", {"next": target, "error": "Wrong name or password."}, 401
        )
    request.session.clear()  # new session on sign-in: no fixation
    request.session["user"] = user.name
    return RedirectResponse(target, status_code=303)


def logout_page(request: Request) -> Response:
    return render(request, "logout.html", {})


async def logout_submit(request: Request) -> Response:
    form = await _form(request)
    check_csrf(request, form)
    request.session.clear()
    return RedirectResponse("/", status_code=303)


def _login_redirect(request: Request) -> Response | None:
    if current_user(request) is None and not request.url.path.endswith(".json"):
        return RedirectResponse(f"/login?next={quote(request.url.path)}", status_code=303)
    return None


# -- queue and actions -----------------------------------------------------------------------
def review_page(request: Request) -> Response:
    if (redirect := _login_redirect(request)) is not None:
        return redirect
    require_user(request)
    web = state_of(request)
    page = _page(request, ("page", "sort"))
    sort = dict(parse_query(request.scope.get("query_string", b""))).get("sort", "date")
    if sort not in QUEUE_ORDERS:
        raise coded_error(
            "SW734",
            "bad query parameters",
            issue("unknown-sort", f"sort must be one of {', '.join(QUEUE_ORDERS)}", "sort"),
        )
    per_page = 25
    queue = review.review_queue(web.store, limit=per_page, offset=(page - 1) * per_page, order=sort)
    if request.url.path.endswith(".json"):
        return json_response({"page": page, "sort": sort, **queue.model_dump(mode="json")})
    more = page * per_page < max(queue.machine_total, queue.suggestions_total)
    keep = [("sort", sort)] if sort != "date" else []
    return render(
        request,
        "review.html",
        {
            "queue": queue,
            "page": page,
            "sort": sort,
            "prev": link("/review", [("page", str(page - 1)), *keep]) if page > 1 else None,
            "next": link("/review", [("page", str(page + 1)), *keep]) if more else None,
            "hashes": {e.id: content_hash_of(web.store, e.id) for e in queue.machine_events},
            "confidence": {e.id: event_confidence(e) for e in queue.machine_events},
        },
    )


async def _post_action(request: Request) -> tuple[str, dict[str, Any]]:
    user = require_user(request)
    form = await _form(request)
    check_csrf(request, form)
    return user, form


def _event_id(request: Request) -> str:
    value = str(request.path_params["event_id"])
    if len(value) > 200:
        raise coded_error("SW304", "no such event")
    return value


def _written(request: Request, before: Any = None, after: Any = None) -> None:
    """Counts and facets cached by the explorer are stale after a write: empty the cache and
    update the in-memory profiles with the event before and after (reload them when unknown)."""
    state_of(request).queries.written(
        before.model_dump(mode="json") if before is not None and after is not None else None,
        after.model_dump(mode="json") if before is not None and after is not None else None,
    )


async def _before(request: Request, event_id: str) -> Any:
    return await run_in_threadpool(state_of(request).store.get_event, event_id)


def _done(form: dict[str, Any], event_id: str) -> Response:
    target = _safe_next(form.get("next") or f"/events/{quote(event_id)}")
    return RedirectResponse(target, status_code=303)


def _expected(form: dict[str, Any]) -> str | None:
    value = form.get("content_hash")
    return value if isinstance(value, str) and value else None


async def accept(request: Request) -> Response:
    user, form = await _post_action(request)
    event_id = _event_id(request)
    try:
        before = await _before(request, event_id)
        after = await run_in_threadpool(
            review.accept_event,
            state_of(request).store,
            event_id,
            user,
            expected_hash=_expected(form),
        )
    except SteppewatchError as error:
        raise from_library_error(error) from None
    _written(request, before, after)
    return _done(form, event_id)


async def reject(request: Request) -> Response:
    user, form = await _post_action(request)
    event_id = _event_id(request)
    try:
        before = await _before(request, event_id)
        after = await run_in_threadpool(
            review.reject_event,
            state_of(request).store,
            event_id,
            user,
            str(form.get("reason", "")),
            expected_hash=_expected(form),
        )
    except SteppewatchError as error:
        raise from_library_error(error) from None
    _written(request, before, after)
    return _done(form, event_id)


JSON_FIELDS = ("actors", "attributes", "sources")
LIST_TEXT_FIELDS = ("countries",)
CHECKBOX_FIELDS = ("domains", "topics")


def changes_from_form(event: Any, form: dict[str, Any]) -> dict[str, Any]:
    """The fields the form changed, decoded; HTTPError(400) listing every undecodable field."""
    current = event.model_dump(mode="json")
    changes: dict[str, Any] = {}
    problems = []
    for name in EDITABLE_FIELDS:
        if name in CHECKBOX_FIELDS:
            if f"{name}__present" not in form:
                continue
            value: Any = [v for v in form.get(f"{name}[]", []) if v]
        elif name not in form:
            continue
        elif name in JSON_FIELDS:
            try:
                value = json.loads(form[name] or ("{}" if name == "attributes" else "[]"))
            except ValueError as error:
                problems.append(issue("bad-json", f"not valid JSON: {error}", name))
                continue
        elif name in LIST_TEXT_FIELDS:
            value = [
                v.strip().upper() for v in str(form[name]).replace(",", ";").split(";") if v.strip()
            ]
        else:
            value = str(form[name]).strip() or None
        if value != current.get(name):
            changes[name] = value
    if problems:
        raise coded_error("SW736", "bad form fields", *problems)
    return changes


def edit_page(request: Request) -> Response:
    if (redirect := _login_redirect(request)) is not None:
        return redirect
    require_user(request)
    web = state_of(request)
    event_id = _event_id(request)
    try:
        event = web.store.get_event(event_id)
    except SteppewatchError as error:
        raise from_library_error(error) from None
    return _edit_form(request, event, content_hash_of(web.store, event_id), [], 200)


def _edit_form(
    request: Request, event: Any, digest: str, errors: list[Any], status: int
) -> Response:
    return render(
        request,
        "edit.html",
        {
            "event": event,
            "content_hash": digest,
            "errors": errors,
            "codebook": state_of(request).codebook,
        },
        status,
    )


async def edit_submit(request: Request) -> Response:
    user, form = await _post_action(request)
    web = state_of(request)
    event_id = _event_id(request)
    try:
        event = await run_in_threadpool(web.store.get_event, event_id)
        changes = changes_from_form(event, form)
        after = await run_in_threadpool(
            review.edit_event,
            web.store,
            event_id,
            user,
            changes,
            reason=str(form.get("reason") or "") or None,
            expected_hash=_expected(form),
            codebook=web.codebook,
        )
    except ValidationFailed as error:
        mapped = from_library_error(error)
        if request.url.path.endswith(".json"):
            raise mapped from None
        return _edit_form(request, event, content_hash_of(web.store, event_id), mapped.errors, 400)
    except SteppewatchError as error:
        raise from_library_error(error) from None
    _written(request, event, after)
    return _done(form, event_id)


def _suggestion_id(request: Request) -> int:
    value = str(request.path_params["suggestion_id"])
    if not value.isdigit() or len(value) > 12:
        raise coded_error("SW304", "no such suggestion")
    return int(value)


async def suggestion_accept(request: Request) -> Response:
    user, form = await _post_action(request)
    web = state_of(request)
    try:
        event = await run_in_threadpool(
            review.accept_suggestion,
            web.store,
            _suggestion_id(request),
            user,
            codebook=web.codebook,
        )
    except SteppewatchError as error:
        raise from_library_error(error) from None
    _written(request)
    return _done(form, event.id)


async def suggestion_reject(request: Request) -> Response:
    user, form = await _post_action(request)
    web = state_of(request)
    try:
        await run_in_threadpool(
            review.reject_suggestion,
            web.store,
            _suggestion_id(request),
            user,
            str(form.get("reason", "")),
        )
    except SteppewatchError as error:
        raise from_library_error(error) from None
    _written(request)
    return RedirectResponse(_safe_next(form.get("next") or "/review"), status_code=303)


# -- audit -----------------------------------------------------------------------------------
def audit_page(request: Request) -> Response:
    from steppewatch.review.audit import count_audit, list_audit

    web = state_of(request)
    page = _page(request)
    per_page = 50
    entries = list_audit(web.store, limit=per_page, offset=(page - 1) * per_page)
    if current_user(request) is None:  # the public sees pseudonyms, reviewers see names
        entries = [pseudonyms_for(web.store).audit_entry(e) for e in entries]
    total = count_audit(web.store)
    if request.url.path.endswith(".json"):
        return json_response(
            {"total": total, "page": page, "entries": [e.model_dump(mode="json") for e in entries]}
        )
    return render(
        request,
        "audit.html",
        {
            "entries": entries,
            "total": total,
            "page": page,
            "prev": link("/audit", [("page", str(page - 1))]) if page > 1 else None,
            "next": link("/audit", [("page", str(page + 1))]) if page * per_page < total else None,
        },
    )


__all__ = ["CSRF_FIELD"]
