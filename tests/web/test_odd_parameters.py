"""Property tests: odd query parameters on every route give a 2xx/3xx or a 4xx with the one
error shape, never a 500 (huge numbers, negative pages, unknown codes, injection strings,
control characters, non-UTF-8 percent-escapes)."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from steppewatch.errors import http_status

ROUTES = [
    "/",
    "/events.json",
    "/events.csv",
    "/events/2001-06-15-meeting-cn-kz-1",
    "/events/2001-06-15-meeting-cn-kz-1.json",
    "/countries/KG",
    "/countries/KG.json",
    "/topics/terrorism",
    "/topics/terrorism.json",
    "/audit",
    "/audit.json",
    "/review",
    "/review.json",
    "/review/agreement",
    "/review/agreement.json",
    "/login",
    "/openapi.json",
]
NAMES = [
    "country",
    "kind",
    "topic",
    "domain",
    "level",
    "framework",
    "status",
    "since",
    "until",
    "year",
    "q",
    "sort",
    "page",
    "per_page",
    "next",
    "x",
]
NASTY = [
    "",
    "-1",
    "0",
    "99999999999999999999999",
    "1e9",
    "NaN",
    "KG",
    "kg",
    "ZZ",
    "meeting",
    "separatism",
    "' OR 1=1 --",
    '"; DROP TABLE events; --',
    "<script>alert(1)</script>",
    "../../etc/passwd",
    "NEAR(a b)",
    '"',
    "*",
    "%",
    "_",
    "\\",
    "反恐",
    "сепаратизм",
    "javascript:alert(1)",
    "  ",
    "a" * 400,
]
values = st.one_of(st.sampled_from(NASTY), st.text(max_size=40), st.integers().map(str))
RAW_ESCAPES = ["%FF", "%C3%28", "%00", "%E2%82", "%80abc", "%F0%9F%98%80", "%0A", "%25"]


def _check(response, path: str) -> None:
    assert response.status_code < 500, (path, response.status_code, response.text[:300])
    if response.status_code >= 400 and (path.endswith((".json", ".csv"))):
        body = response.json()
        assert body["ok"] is False and body["status"] == response.status_code
        assert isinstance(body["errors"], list) and body["errors"]
        # every error names a catalogue code, and the status is the catalogue's for that code
        coded = re.match(r"\[(SW\d{3})\] ", body["error"])
        assert coded and http_status(coded.group(1)) == response.status_code, body["error"]


@pytest.mark.parametrize("path", ROUTES)
@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(params=st.lists(st.tuples(st.sampled_from(NAMES), values), max_size=5))
def test_no_500_on_odd_parameters(client, path, params):
    query = "&".join(f"{quote(k)}={quote(v, safe='')}" for k, v in params)
    _check(client.get(f"{path}?{query}" if query else path), path)


@pytest.mark.parametrize("path", ["/events.json", "/", "/events.csv", "/countries/KG.json"])
@pytest.mark.parametrize("escape", RAW_ESCAPES)
def test_raw_percent_escapes(client, path, escape):
    _check(client.get(f"{path}?q={escape}"), path)
    _check(client.get(f"{path}?country={escape}"), path)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(segment=st.one_of(st.sampled_from(NASTY), st.text(min_size=1, max_size=60)))
def test_odd_path_segments(client, segment):
    quoted = quote(segment, safe="")
    if not quoted:
        return
    for template in (
        "/events/{}",
        "/events/{}.json",
        "/countries/{}.json",
        "/topics/{}.json",
        "/countries/{}",
    ):
        path = template.format(quoted)
        response = client.get(path)
        assert response.status_code in (200, 307, 308, 404), (path, response.status_code)
        _check(response, path)


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("country=%FF", "SW732"),
        ("&".join(f"q{i}=1" for i in range(300)), "SW733"),
        ("page=-1", "SW734"),
        ("страна=KG", "SW735"),
    ],
)
def test_bad_queries_have_their_own_codes(client, query, code):
    response = client.get(f"/events.json?{query}")
    assert response.status_code == 400
    assert response.json()["error"].startswith(f"[{code}] ")
