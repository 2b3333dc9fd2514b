"""Security plumbing: response headers (strict CSP), the session secret, CSRF tokens and the
signed-in reviewer.

- Content-Security-Policy ``default-src 'self'``: no inline script or style runs, even if some
  text slipped through escaping; every asset is served by the app itself.
- Sessions are signed cookies (Starlette SessionMiddleware, itsdangerous), SameSite=Lax,
  HttpOnly. The signing secret comes from ``$STEPPEWATCH_SECRET`` or is generated once and kept
  in the database's meta table.
- CSRF: a random per-session token, rendered as a hidden field in every form and compared in
  constant time on every POST (``X-CSRF-Token`` header accepted for scripts).
"""

from __future__ import annotations

import hmac
import os
import secrets
from typing import Any

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from steppewatch.store import Store
from steppewatch.web.errors import coded_error

SECRET_ENV = "STEPPEWATCH_SECRET"
SECRET_META_KEY = "web_session_secret"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
]


class SecurityHeaders:
    """Pure ASGI middleware adding the security headers to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {k.lower() for k, _ in headers}
                headers += [(k, v) for k, v in SECURITY_HEADERS if k not in present]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


def session_secret(store: Store) -> str:
    value = os.environ.get(SECRET_ENV)
    if value:
        return value
    stored = store.get_meta(SECRET_META_KEY)
    if stored:
        return stored
    fresh = secrets.token_urlsafe(48)
    store.set_meta(SECRET_META_KEY, fresh)
    return fresh


def csrf_token(request: Request) -> str:
    token = request.session.get(CSRF_FIELD)
    if not token:
        token = secrets.token_urlsafe(32)
        request.session[CSRF_FIELD] = token
    return str(token)


class LazyCsrfToken:
    """The CSRF token for a template, made (and stored in the session) only if the page shows a
    form that uses it: a public page viewed without signing in then sets no session cookie, and
    the session is neither signed nor sent on every response."""

    def __init__(self, request: Request) -> None:
        self._request = request

    def __str__(self) -> str:
        return csrf_token(self._request)

    def __html__(self) -> str:  # Jinja's autoescape: URL-safe base64, nothing to escape
        return str(self)


def check_csrf(request: Request, form: Any) -> None:
    expected = request.session.get(CSRF_FIELD)
    given = form.get(CSRF_FIELD) or request.headers.get(CSRF_HEADER) or ""
    if not expected or not isinstance(given, str) or not hmac.compare_digest(str(expected), given):
        raise coded_error("SW720", "missing or wrong CSRF token (reload the form and try again)")


def current_user(request: Request) -> str | None:
    user = request.session.get("user")
    return str(user) if user else None


def require_user(request: Request) -> str:
    user = current_user(request)
    if not user:
        raise coded_error("SW721", "sign in to do this (reviewer account needed)")
    return user


SAFE_SCHEMES = ("http://", "https://", "ftp://")


def safe_url(url: Any) -> str | None:
    """The URL if it is safe to render as a link (http, https, ftp); None otherwise
    (``javascript:``, ``data:``, ``file:``...), so it is shown as text."""
    if not isinstance(url, str):
        return None
    stripped = url.strip()
    if any(ord(ch) < 32 for ch in stripped):
        return None
    return stripped if stripped.lower().startswith(SAFE_SCHEMES) else None
