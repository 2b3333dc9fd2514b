"""The agreement report and a reviewer's own assigned items (independent coding)."""

from __future__ import annotations

from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from steppewatch.errors import SteppewatchError
from steppewatch.review.agreement import agreement_report, assignments_for, record_coding
from steppewatch.review.pseudonyms import pseudonyms_for
from steppewatch.web.errors import coded_error, from_library_error
from steppewatch.web.params import check_names, parse_query
from steppewatch.web.reviewing import _form, _login_redirect
from steppewatch.web.security import check_csrf, current_user, require_user
from steppewatch.web.state import json_response, render, state_of


def agreement_page(request: Request) -> Response:
    check_names(parse_query(request.scope.get("query_string", b"")), ())
    store = state_of(request).store
    report = agreement_report(store)
    if current_user(request) is None:  # the public sees pseudonyms, reviewers see names
        report = pseudonyms_for(store).agreement(report)
    if request.url.path.endswith(".json"):
        return json_response({"report": report.model_dump(mode="json")})
    return render(request, "agreement.html", {"report": report})


def assignments_page(request: Request) -> Response:
    if (redirect := _login_redirect(request)) is not None:
        return redirect
    user = require_user(request)
    check_names(parse_query(request.scope.get("query_string", b"")), ())
    web = state_of(request)
    return render(
        request,
        "assignments.html",
        {
            "items": assignments_for(web.store, user),
            "codebook": web.codebook,
        },
    )


async def code_submit(request: Request) -> Response:
    user = require_user(request)
    form = await _form(request)
    check_csrf(request, form)
    web = state_of(request)
    event_id = str(request.path_params["event_id"])
    if len(event_id) > 200:
        raise coded_error("SW304", "no such event")
    codes = {
        "kind": form.get("kind") or None,
        "framework": form.get("framework") or None,
        "level": form.get("level") or None,
        "topics": [v for v in form.get("topics[]", []) if v],
        "domains": [v for v in form.get("domains[]", []) if v],
    }
    try:
        await run_in_threadpool(
            record_coding, web.store, event_id, user, codes, codebook=web.codebook
        )
    except SteppewatchError as error:
        raise from_library_error(error) from None
    return RedirectResponse(f"/review/assignments#{quote(event_id)}", status_code=303)
