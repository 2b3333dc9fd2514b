"""The HTTP client against ``httpx.MockTransport``: no test here opens a socket."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from steppewatch.sources.http import FetchError, HttpClient, is_public_address

PUBLIC = {
    "www.fmprc.gov.cn": ["203.119.26.1"],
    "news.example.kg": ["93.184.216.34"],
    "evil.example.com": ["10.0.0.7"],
    "mixed.example.com": ["93.184.216.34", "127.0.0.1"],
}


def resolver(host: str) -> list[str]:
    return PUBLIC[host]


def make_client(
    handler: Callable[[httpx.Request], httpx.Response], **kw: object
) -> tuple[HttpClient, list[float]]:
    sleeps: list[float] = []
    defaults: dict[str, object] = dict(
        transport=httpx.MockTransport(handler),
        resolver=resolver,
        sleep=sleeps.append,
        min_interval=0.0,
        backoff=0.5,
    )
    defaults.update(kw)
    return HttpClient(**defaults), sleeps  # type: ignore[arg-type]


def site(
    routes: dict[str, httpx.Response | Callable[[httpx.Request], httpx.Response]], seen: list[str]
):
    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        route = routes.get(request.url.path)
        if route is None:
            return httpx.Response(404)
        return route(request) if callable(route) else route

    return handler


@pytest.mark.parametrize(
    "address,public",
    [
        ("93.184.216.34", True),
        ("10.0.0.1", False),
        ("127.0.0.1", False),
        ("169.254.169.254", False),
        ("192.168.1.1", False),
        ("172.16.5.4", False),
        ("0.0.0.0", False),
        ("::1", False),
        ("fe80::1", False),
        ("::ffff:10.0.0.1", False),
        ("100.64.0.1", False),
        ("240.0.0.1", False),
        ("2606:4700::1111", True),
    ],
)
def test_public_address_classification(address: str, public: bool) -> None:
    assert is_public_address(address) is public


def test_get_returns_bytes_headers_and_user_agent() -> None:
    seen: list[str] = []
    agents: list[str] = []
    body = "外交部发言人：中方支持吉尔吉斯斯坦维护国家稳定".encode()

    def article(request: httpx.Request) -> httpx.Response:
        agents.append(request.headers["user-agent"])
        return httpx.Response(
            200, content=body, headers={"Content-Type": "text/html; charset=utf-8"}
        )

    client, _ = make_client(
        site({"/robots.txt": httpx.Response(404), "/web/t1.shtml": article}, seen)
    )
    response = client.get("https://www.fmprc.gov.cn/web/t1.shtml")
    assert response.content == body
    assert response.status == 200
    assert response.content_type == "text/html; charset=utf-8"
    assert "steppewatch" in agents[0]


def test_private_host_refused_without_request() -> None:
    seen: list[str] = []
    client, _ = make_client(site({}, seen))
    for url in (
        "http://evil.example.com/x",
        "http://10.0.0.1/admin",
        "http://169.254.169.254/latest",
        "http://[::1]/",
        "http://mixed.example.com/",
    ):
        with pytest.raises(FetchError) as info:
            client.get(url)
        assert info.value.reason == "private_address"
        assert info.value.code == "SW501"
    assert seen == []


def test_redirect_to_private_address_refused_before_connecting() -> None:
    seen: list[str] = []
    routes = {
        "/robots.txt": httpx.Response(404),
        "/go": httpx.Response(302, headers={"Location": "http://10.0.0.1/secret"}),
    }
    client, _ = make_client(site(routes, seen))
    with pytest.raises(FetchError) as info:
        client.get("https://news.example.kg/go")
    assert info.value.reason == "private_address"
    assert all("10.0.0.1" not in url for url in seen)


def test_allowed_networks_allow_only_those() -> None:
    seen: list[str] = []
    client, _ = make_client(
        site({"/robots.txt": httpx.Response(404), "/a": httpx.Response(200, content=b"ok")}, seen),
        allow_private=["127.0.0.0/8"],
    )
    assert client.get("http://127.0.0.1:8000/a").content == b"ok"
    with pytest.raises(FetchError):
        client.get("http://10.0.0.1/a")


def test_redirects_are_followed_and_recorded() -> None:
    seen: list[str] = []
    routes = {
        "/robots.txt": httpx.Response(404),
        "/old": httpx.Response(301, headers={"Location": "/new"}),
        "/new": httpx.Response(200, content=b"new"),
    }
    client, _ = make_client(site(routes, seen))
    response = client.get("https://news.example.kg/old")
    assert response.url == "https://news.example.kg/new"
    assert response.redirects == ("https://news.example.kg/old",)


def test_robots_disallow_is_respected() -> None:
    seen: list[str] = []
    routes = {
        "/robots.txt": httpx.Response(200, text="User-agent: *\nDisallow: /private/\n"),
        "/private/a": httpx.Response(200, content=b"secret"),
        "/public": httpx.Response(200, content=b"ok"),
    }
    client, _ = make_client(site(routes, seen))
    assert client.get("https://news.example.kg/public").content == b"ok"
    with pytest.raises(FetchError) as info:
        client.get("https://news.example.kg/private/a")
    assert info.value.reason == "robots"
    assert "https://news.example.kg/private/a" not in seen
    assert seen.count("https://news.example.kg/robots.txt") == 1


def test_robots_server_error_means_disallow_all() -> None:
    seen: list[str] = []
    client, _ = make_client(
        site({"/robots.txt": httpx.Response(503), "/a": httpx.Response(200)}, seen), max_retries=0
    )
    with pytest.raises(FetchError) as info:
        client.get("https://news.example.kg/a")
    assert info.value.reason == "robots"


def test_crawl_delay_and_rate_limit_per_host() -> None:
    seen: list[str] = []
    routes = {
        "/robots.txt": httpx.Response(200, text="User-agent: *\nCrawl-delay: 5\n"),
        "/a": httpx.Response(200),
        "/b": httpx.Response(200),
    }
    client, sleeps = make_client(site(routes, seen))
    client.get("https://news.example.kg/a")
    client.get("https://news.example.kg/b")
    assert sleeps and max(sleeps) > 4.0


def test_retries_with_exponential_backoff_then_success() -> None:
    seen: list[str] = []
    answers = iter(
        [httpx.Response(503), httpx.Response(502), httpx.Response(200, content=b"finally")]
    )
    routes = {"/robots.txt": httpx.Response(404), "/flaky": lambda r: next(answers)}
    client, sleeps = make_client(site(routes, seen))
    assert client.get("https://news.example.kg/flaky").content == b"finally"
    assert sleeps == [0.5, 1.0]


def test_persistent_500_raises_after_retries() -> None:
    seen: list[str] = []
    client, sleeps = make_client(
        site({"/robots.txt": httpx.Response(404), "/x": httpx.Response(500)}, seen), max_retries=2
    )
    with pytest.raises(FetchError) as info:
        client.get("https://news.example.kg/x")
    assert info.value.status == 500
    assert seen.count("https://news.example.kg/x") == 3


def test_timeout_is_retried_then_reported() -> None:
    seen: list[str] = []

    def slow(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("slow", request=request)

    client, _ = make_client(
        site({"/robots.txt": httpx.Response(404), "/slow": slow}, seen), max_retries=1
    )
    with pytest.raises(FetchError) as info:
        client.get("https://news.example.kg/slow")
    assert info.value.reason == "timeout"
    assert seen.count("https://news.example.kg/slow") == 2


def test_size_limit_declared_and_streamed() -> None:
    seen: list[str] = []

    def streamed(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=iter([b"x" * 600, b"y" * 600]))

    routes = {
        "/robots.txt": httpx.Response(404),
        "/big": httpx.Response(200, content=b"z" * 5000),
        "/stream": streamed,
        "/small": httpx.Response(200, content=b"a" * 900),
    }
    client, _ = make_client(site(routes, seen), max_bytes=1000)
    for path in ("/big", "/stream"):
        with pytest.raises(FetchError) as info:
            client.get(f"https://news.example.kg{path}")
        assert info.value.reason == "too_large"
    assert len(client.get("https://news.example.kg/small").content) == 900


def test_conditional_request_uses_cache(tmp_path: Path) -> None:
    seen: list[str] = []
    conditional: list[str | None] = []
    body = "Встреча министров обороны Китая и Таджикистана".encode("cp1251")

    def page(request: httpx.Request) -> httpx.Response:
        conditional.append(request.headers.get("if-none-match"))
        if request.headers.get("if-none-match") == '"v1"':
            return httpx.Response(304)
        return httpx.Response(
            200,
            content=body,
            headers={"ETag": '"v1"', "Content-Type": "text/html; charset=windows-1251"},
        )

    client, _ = make_client(
        site({"/robots.txt": httpx.Response(404), "/p": page}, seen), cache_dir=tmp_path
    )
    first = client.get("https://news.example.kg/p")
    second = client.get("https://news.example.kg/p")
    assert conditional == [None, '"v1"']
    assert not first.from_cache and second.from_cache
    assert second.content == body
    assert second.headers["content-type"] == "text/html; charset=windows-1251"


def test_non_http_url_refused() -> None:
    client, _ = make_client(site({}, []))
    with pytest.raises(FetchError) as info:
        client.get("file:///etc/passwd")
    assert info.value.code == "SW507"


def test_dns_rebinding_is_caught_at_connect_time() -> None:
    """The name resolves to a public address when checked, then to loopback when the socket
    connects: the connection is refused before any socket is opened."""
    answers = iter([["93.184.216.34"], ["127.0.0.1"]])
    client = HttpClient(
        resolver=lambda host: next(answers), respect_robots=False, max_retries=0, min_interval=0.0
    )
    with pytest.raises(FetchError) as info:
        client.get("http://rebind.example.org/")
    assert info.value.reason == "private_address" and "127.0.0.1" in str(info.value)
