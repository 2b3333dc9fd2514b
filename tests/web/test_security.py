"""User text is escaped, javascript: URLs are not links, the CSP is strict, cookies are
SameSite=Lax, and nothing is writable without a signed-in reviewer and a CSRF token."""

from __future__ import annotations

import re

XSS_ID = "2021-03-01-meeting-cn-tj-1"
MACHINE_ID = "2022-04-02-meeting-cn-uz-1"


def test_script_in_title_and_summary_is_text(client, web):
    for url in (f"/events/{XSS_ID}", "/", "/?q=script", "/countries/TJ", f"/review/{XSS_ID}/edit"):
        html = client.get(url).text
        assert "<script>window.__xss" not in html, url
        assert "<img src=x" not in html and "<b>bold</b>" not in html, url
    html = client.get(f"/events/{XSS_ID}").text
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=" in html


def test_javascript_url_is_not_a_link(client, web):
    html = client.get(f"/events/{XSS_ID}").text
    assert 'href="javascript:' not in html.lower()
    assert "javascript:alert(1)" in html  # shown as text
    assert "&lt;i&gt;evil&lt;/i&gt;" not in html or 'href="javascript' not in html


def test_safe_url_filter():
    from steppewatch.web.security import safe_url

    assert safe_url("https://example.org/a") == "https://example.org/a"
    for bad in (
        "javascript:alert(1)",
        " JavaScript:alert(1)",
        "data:text/html,x",
        "vbscript:x",
        "java\nscript:alert(1)",
        "//evil.example",
        None,
    ):
        assert safe_url(bad) is None, bad


def test_strict_csp_and_headers_on_every_response(client, web):
    for url in ("/", "/events.json", "/nope", "/static/style.css", "/events.json?page=0"):
        r = client.get(url)
        csp = r.headers["content-security-policy"]
        assert (
            "default-src 'self'" in csp
            and "script-src 'self'" in csp
            and "unsafe-inline" not in csp
        )
        assert r.headers["x-content-type-options"] == "nosniff"


def test_no_inline_script_or_style_in_pages(client, web):
    web.login(client)
    for url in (
        "/",
        f"/events/{MACHINE_ID}",
        "/review",
        f"/review/{MACHINE_ID}/edit",
        "/audit",
        "/countries/KG",
        "/topics/terrorism",
        "/review/agreement",
        "/review/assignments",
    ):
        html = client.get(url).text
        assert "<script" not in html.replace("&lt;script", ""), url
        assert not re.search(r"\sstyle=", html), url
        assert not re.search(r"\son[a-z]+=", html), url


def test_session_cookie_is_lax_and_httponly(client, web):
    token = web.csrf_of(client.get("/login").text)
    r = client.post(
        "/login",
        data={"name": "alice", "password": web.PASSWORD, "csrf_token": token},
        follow_redirects=False,
    )
    assert r.status_code == 303
    cookie = r.headers["set-cookie"].lower()
    assert "samesite=lax" in cookie and "httponly" in cookie


def test_writes_need_login(client, web):
    page = client.get("/login")
    token = web.csrf_of(page.text)
    for path in (
        f"/review/{MACHINE_ID}/accept",
        f"/review/{MACHINE_ID}/reject",
        f"/review/{MACHINE_ID}/edit",
    ):
        r = client.post(path, data={"csrf_token": token, "reason": "x"}, follow_redirects=False)
        assert r.status_code == 401, path
    assert (
        client.get("/events/" + MACHINE_ID + ".json").json()["event"]["review_status"] == "machine"
    )
    assert client.get("/review", follow_redirects=False).status_code == 303
    assert client.get("/review.json").status_code == 401


def test_writes_need_csrf_token(client, web):
    web.login(client)
    for data in ({}, {"csrf_token": "forged"}, {"csrf_token": ""}):
        r = client.post(f"/review/{MACHINE_ID}/accept", data=data, follow_redirects=False)
        assert r.status_code == 403
    assert client.get(f"/events/{MACHINE_ID}.json").json()["event"]["review_status"] == "machine"


def test_login_form_needs_csrf_and_right_password(client, web):
    r = client.post(
        "/login", data={"name": "alice", "password": web.PASSWORD}, follow_redirects=False
    )
    assert r.status_code == 403
    token = web.csrf_of(client.get("/login").text)
    r = client.post(
        "/login", data={"name": "alice", "password": "wrong password", "csrf_token": token}
    )
    assert r.status_code == 401 and "Wrong name or password" in r.text
    r = client.post(
        "/login", data={"name": "nobody", "password": web.PASSWORD, "csrf_token": token}
    )
    assert r.status_code == 401


def test_next_cannot_redirect_off_site(client, web):
    token = web.csrf_of(client.get("/login").text)
    for target in ("https://evil.example/", "//evil.example/", "/\\evil.example"):
        r = client.post(
            "/login",
            data={"name": "alice", "password": web.PASSWORD, "csrf_token": token, "next": target},
            follow_redirects=False,
        )
        assert r.headers["location"] == "/review"
        token = web.csrf_of(client.get("/login").text)


def test_logout_clears_the_session(client, web):
    web.login(client)
    assert client.get("/review").status_code == 200
    token = web.csrf_of(client.get("/").text)
    assert (
        client.post("/logout", data={"csrf_token": token}, follow_redirects=False).status_code
        == 303
    )
    assert client.get("/review", follow_redirects=False).status_code == 303


def test_public_pages_set_no_session_until_a_form_needs_one(client, web):
    """Browsing without signing in makes no session (no cookie to sign and send on every
    response); the sign-in form makes one, and its token is the one the session holds."""
    for path in (
        "/",
        "/?q=反恐演习&country=KG",
        "/events/2023-07-09-meeting-cn-kg-2",
        "/countries/KZ",
        "/topics/terrorism",
        "/events.json?q=безопасность",
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        assert "set-cookie" not in response.headers, path
    assert not client.cookies
    login_page = client.get("/login")
    assert "set-cookie" in login_page.headers
    token = web.csrf_of(login_page.text)
    assert (
        len(token) >= 32 and client.get("/login").text.count(token) == 1
    )  # same session, same token
