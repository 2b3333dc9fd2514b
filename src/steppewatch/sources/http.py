"""The ONE HTTP client of steppewatch: everything that fetches goes through ``HttpClient``.

Polite and safe by default:

- **SSRF protection**: before every connection (the first request and every redirect hop) the
  host is resolved and the request is refused if any address is private, loopback, link-local,
  reserved, multicast or unspecified, unless ``allow_private=True`` (any) or
  ``allow_private=["127.0.0.1/32"]`` (only those networks: what the local-server tests use, so a
  redirect to 10.0.0.1 is still refused). The socket then connects only to an address that
  passed the check (a guarded network backend), so DNS rebinding cannot slip in between.
  Redirects are followed by hand so that each hop is checked *before* connecting.
- **robots.txt** per host (``urllib.robotparser``); 4xx means no rules, 5xx or a network error
  means "disallow all" (RFC 9309). A ``Crawl-delay`` raises the host's rate limit.
- **Rate limit** per host (minimum interval between requests).
- **Retries** with exponential backoff on 429/5xx and timeouts/connection errors
  (``Retry-After`` honoured, capped).
- **Size limit**: the body is streamed and the download aborted past ``max_bytes``.
- **Timeouts**: connect/read timeouts and an overall deadline per request (a page that
  trickles bytes forever is cut off).
- **Cache and conditional requests**: with ``cache_dir``, ETag/Last-Modified are stored per URL
  and sent back (If-None-Match / If-Modified-Since); a 304 returns the cached body.
- A user agent naming steppewatch.

Tests use ``httpx.MockTransport`` (``transport=``) and a fake ``resolver``; nothing in the test
suite touches the internet.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import ipaddress
import json
import os
import socket
import tempfile
import threading
import time
import urllib.robotparser
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpx

from steppewatch import __version__
from steppewatch.errors import CollectionError

__all__ = [
    "DEFAULT_USER_AGENT",
    "FetchError",
    "HttpClient",
    "HttpResponse",
    "is_public_address",
]

DEFAULT_USER_AGENT = (
    f"steppewatch/{__version__} (+https://github.com/steppewatch/steppewatch; research crawler)"
)
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
Resolver = Callable[[str], Iterable[str]]


class FetchError(CollectionError):
    """A URL could not be fetched. ``reason`` is a short stable word for summaries."""

    code = "SW500"

    def __init__(
        self,
        message: str,
        *,
        url: str,
        reason: str,
        status: int | None = None,
        code: str = "SW500",
        hint: str | None = None,
    ) -> None:
        self.url = url
        self.reason = reason
        self.status = status
        super().__init__(message, hint=hint, code=code)


@dataclass(frozen=True)
class HttpResponse:
    """A fetched resource: final URL, status, headers and the raw bytes as served."""

    url: str
    status: int
    headers: dict[str, str]
    content: bytes
    retrieved: str
    requested_url: str
    redirects: tuple[str, ...] = ()
    from_cache: bool = False

    @property
    def content_type(self) -> str | None:
        return self.headers.get("content-type")


def is_public_address(address: str) -> bool:
    """True if ``address`` (an IP literal) is a globally routable unicast address."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_reserved
        or ip.is_multicast
        or ip.is_unspecified
        or not ip.is_global
    )


def _system_resolver(host: str) -> list[str]:
    infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    return sorted({str(info[4][0]) for info in infos})


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


@dataclass
class _HostState:
    next_allowed: float = 0.0
    interval: float = 0.0
    robots: urllib.robotparser.RobotFileParser | None = None
    robots_checked: bool = False
    robots_error: FetchError | None = None  # robots.txt unreachable (network, DNS, timeout)
    robots_status: int | None = None  # robots.txt answered 5xx
    lock: threading.Lock = field(default_factory=threading.Lock)


class HttpClient:
    """Fetch URLs politely and safely. Use as a context manager or call ``close()``."""

    def __init__(
        self,
        *,
        user_agent: str = DEFAULT_USER_AGENT,
        timeout: float = 20.0,
        total_timeout: float = 60.0,
        max_bytes: int = 20 * 1024 * 1024,
        max_retries: int = 3,
        backoff: float = 1.0,
        max_backoff: float = 60.0,
        min_interval: float = 1.0,
        respect_robots: bool = True,
        allow_private: bool | Iterable[str] = False,
        max_redirects: int = 5,
        cache_dir: str | Path | None = None,
        transport: httpx.BaseTransport | None = None,
        resolver: Resolver | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.user_agent = user_agent
        self.total_timeout = total_timeout
        self.max_bytes = max_bytes
        self.max_retries = max_retries
        self.backoff = backoff
        self.max_backoff = max_backoff
        self.min_interval = min_interval
        self.respect_robots = respect_robots
        # True: any address; an iterable of networks ("127.0.0.0/8"): only those non-public ones
        self.allow_private = allow_private is True
        self.allowed_networks = (
            ()
            if isinstance(allow_private, bool)
            else tuple(ipaddress.ip_network(n, strict=False) for n in allow_private)
        )
        self.max_redirects = max_redirects
        self.cache_dir = Path(cache_dir) if cache_dir else None
        self._resolve = resolver or _system_resolver
        self._sleep = sleep
        self._hosts: dict[str, _HostState] = {}
        self._hosts_lock = threading.Lock()
        if transport is None:
            transport = httpx.HTTPTransport()
            _guard_connections(transport, self._connect_addresses)
        self._client = httpx.Client(
            transport=transport,
            timeout=httpx.Timeout(timeout),
            follow_redirects=False,
            headers={"User-Agent": user_agent, "Accept-Encoding": "gzip, deflate"},
            trust_env=False,
        )
        self.requests_sent = 0

    # -- lifecycle ---------------------------------------------------------------------------
    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> HttpClient:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # -- public API --------------------------------------------------------------------------
    def get(self, url: str, *, use_cache: bool = True) -> HttpResponse:
        """GET ``url`` following redirects (each hop checked); raises ``FetchError``."""
        cached = self._cache_read(url) if use_cache else None
        headers: dict[str, str] = {}
        if cached:
            if cached.get("etag"):
                headers["If-None-Match"] = str(cached["etag"])
            if cached.get("last_modified"):
                headers["If-Modified-Since"] = str(cached["last_modified"])
        current = url
        redirects: list[str] = []
        for _hop in range(self.max_redirects + 1):
            self.check_url(current)
            if self.respect_robots and not self.allowed_by_robots(current):
                state = self._host(urlsplit(current).netloc)
                if state.robots_error is not None:
                    # robots.txt could not be fetched because the host cannot be reached: say
                    # so, rather than blaming rules the site never served
                    raise FetchError(
                        f"cannot reach {urlsplit(current).netloc} for {current}: "
                        f"{state.robots_error.message}",
                        url=current,
                        reason="unreachable",
                        code="SW553",
                        hint="check the address and the network; run again later",
                    )
                if state.robots_status is not None:
                    raise FetchError(
                        f"robots.txt of {urlsplit(current).netloc} answered HTTP "
                        f"{state.robots_status}, which means disallow all (RFC 9309): "
                        f"{current} not fetched",
                        url=current,
                        reason="robots",
                        code="SW502",
                        hint="the site's server is failing; run again later",
                    )
                raise FetchError(
                    f"robots.txt of {urlsplit(current).netloc} disallows {current}",
                    url=current,
                    reason="robots",
                    code="SW502",
                    hint="the site asks crawlers not to fetch this path; steppewatch respects it",
                )
            status, resp_headers, body = self._fetch_with_retries(current, headers)
            if status in (301, 302, 303, 307, 308) and "location" in resp_headers:
                target = urljoin(current, resp_headers["location"])
                redirects.append(current)
                current = target
                headers = {}  # conditional headers belong to the first URL only
                continue
            if status == 304 and cached is not None:
                cached_body = self._cache_body(cached)
                if cached_body is not None:
                    cached_headers = cached.get("headers")
                    return HttpResponse(
                        url=str(cached.get("final_url") or current),
                        status=200,
                        headers=dict(cached_headers) if isinstance(cached_headers, dict) else {},
                        content=cached_body,
                        retrieved=_now(),
                        requested_url=url,
                        redirects=tuple(redirects),
                        from_cache=True,
                    )
            if status >= 400:
                raise FetchError(
                    f"HTTP {status} for {current}",
                    url=current,
                    reason=f"http_{status}",
                    status=status,
                    code="SW505",
                )
            response = HttpResponse(
                url=current,
                status=status,
                headers=resp_headers,
                content=body,
                retrieved=_now(),
                requested_url=url,
                redirects=tuple(redirects),
            )
            if use_cache:
                self._cache_write(url, response)
            return response
        raise FetchError(
            f"more than {self.max_redirects} redirects from {url}",
            url=url,
            reason="redirects",
            code="SW506",
        )

    def _connect_addresses(self, host: str) -> list[str]:
        """Addresses the connection may use, checked at connect time (no DNS-rebinding gap
        between the check and the connection: the socket connects to a checked address)."""
        url = f"http://{host}/"
        addresses = self._checked_addresses(url, host)
        if addresses is None:  # private addresses allowed: resolve normally
            return [host] if _is_ip_literal(host) else list(self._resolve(host))
        return addresses

    def check_url(self, url: str) -> None:
        """Refuse non-HTTP URLs and hosts resolving to non-public addresses (SSRF)."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError(
                f"'{url}' is not an http(s) URL",
                url=url,
                reason="bad_url",
                code="SW507",
                hint="give a URL starting with http:// or https://",
            )
        self._checked_addresses(url, parts.hostname)

    def _checked_addresses(self, url: str, host: str) -> list[str] | None:
        if self.allow_private:
            return None
        try:
            addresses = [host] if _is_ip_literal(host) else list(self._resolve(host))
        except (OSError, UnicodeError) as error:
            raise FetchError(
                f"cannot resolve host '{host}': {error}",
                url=url,
                reason="dns",
                code="SW508",
            ) from None
        blocked = [
            a for a in addresses if not is_public_address(a) and not self._allowed_network(a)
        ]
        if not addresses or blocked:
            raise FetchError(
                f"refused {url}: host '{host}' resolves to a non-public address "
                f"({', '.join(blocked) or 'none'})",
                url=url,
                reason="private_address",
                code="SW501",
                hint="steppewatch never fetches private, loopback or link-local addresses "
                "unless allow_private is set",
            )
        return addresses

    def _allowed_network(self, address: str) -> bool:
        try:
            ip = ipaddress.ip_address(address.split("%", 1)[0])
        except ValueError:
            return False
        return any(ip in network for network in self.allowed_networks)

    def allowed_by_robots(self, url: str) -> bool:
        parts = urlsplit(url)
        state = self._host(parts.netloc)
        if not state.robots_checked:
            self._load_robots(parts.scheme, parts.netloc, state)
        if state.robots is None:
            return True
        return state.robots.can_fetch(self.user_agent, url)

    # -- internals ---------------------------------------------------------------------------
    def _host(self, netloc: str) -> _HostState:
        with self._hosts_lock:
            state = self._hosts.get(netloc)
            if state is None:
                state = self._hosts[netloc] = _HostState(interval=self.min_interval)
            return state

    def _load_robots(self, scheme: str, netloc: str, state: _HostState) -> None:
        robots_url = f"{scheme}://{netloc}/robots.txt"
        parser = urllib.robotparser.RobotFileParser(robots_url)
        state.robots_checked = True
        try:
            status, _headers, body = self._fetch_with_retries(robots_url, {}, retries=1)
        except FetchError as error:
            parser.disallow_all = True  # type: ignore[attr-defined]
            state.robots = parser
            state.robots_error = error
            return
        if status >= 500:
            parser.disallow_all = True  # type: ignore[attr-defined]
            state.robots_status = status
        elif status >= 400 or status in (301, 302, 303, 307, 308):
            # no rules (4xx); a redirected robots.txt is treated the same (simplification)
            parser.allow_all = True  # type: ignore[attr-defined]
        else:
            parser.parse(body.decode("utf-8", "replace").splitlines())
            delay = parser.crawl_delay(self.user_agent)
            if delay:
                state.interval = max(state.interval, min(float(delay), 60.0))
        state.robots = parser

    def _wait_turn(self, netloc: str) -> None:
        state = self._host(netloc)
        with state.lock:
            wait = state.next_allowed - time.monotonic()
            if wait > 0:
                self._sleep(wait)
            state.next_allowed = time.monotonic() + state.interval

    def _fetch_with_retries(
        self, url: str, headers: dict[str, str], *, retries: int | None = None
    ) -> tuple[int, dict[str, str], bytes]:
        attempts = (self.max_retries if retries is None else retries) + 1
        last_error: FetchError | None = None
        for attempt in range(attempts):
            if attempt:
                delay = min(self.backoff * 2 ** (attempt - 1), self.max_backoff)
                if last_error is not None and last_error.status in (429, 503):
                    delay = max(delay, getattr(last_error, "retry_after", 0.0))
                self._sleep(delay)
            try:
                status, resp_headers, body = self._fetch_once(url, headers)
            except FetchError as error:
                if error.reason in ("timeout", "connection"):
                    last_error = error
                    continue
                raise
            if status in RETRY_STATUSES and attempt < attempts - 1:
                last_error = FetchError(
                    f"HTTP {status} for {url}",
                    url=url,
                    reason=f"http_{status}",
                    status=status,
                    code="SW505",
                )
                last_error.retry_after = _retry_after(resp_headers, self.max_backoff)  # type: ignore[attr-defined]
                continue
            return status, resp_headers, body
        assert last_error is not None
        last_error.message = f"{last_error.message} (gave up after {attempts} attempts)"
        raise last_error

    def _fetch_once(self, url: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        self._wait_turn(urlsplit(url).netloc)
        deadline = time.monotonic() + self.total_timeout
        self.requests_sent += 1
        try:
            with self._client.stream("GET", url, headers=headers) as response:
                resp_headers = {k.lower(): v for k, v in response.headers.items()}
                declared = resp_headers.get("content-length", "")
                if declared.isdigit() and int(declared) > self.max_bytes:
                    raise _too_large(url, self.max_bytes)
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise _too_large(url, self.max_bytes)
                    if time.monotonic() > deadline:
                        raise FetchError(
                            f"download of {url} took longer than {self.total_timeout:g} s",
                            url=url,
                            reason="timeout",
                            code="SW504",
                        )
                    chunks.append(chunk)
                return response.status_code, resp_headers, b"".join(chunks)
        except httpx.TimeoutException:
            raise FetchError(
                f"timed out fetching {url}", url=url, reason="timeout", code="SW504"
            ) from None
        except httpx.TransportError as error:
            raise FetchError(
                f"cannot connect to {url}: {error}", url=url, reason="connection", code="SW509"
            ) from None

    # -- cache -------------------------------------------------------------------------------
    def _cache_key(self, url: str) -> Path | None:
        if self.cache_dir is None:
            return None
        digest = hashlib.sha256(url.encode("utf-8")).hexdigest()
        return self.cache_dir / digest[:2] / f"{digest}.json"

    def _cache_read(self, url: str) -> dict[str, object] | None:
        path = self._cache_key(url)
        if path is None or not path.exists():
            return None
        try:
            data: dict[str, object] = json.loads(path.read_text("utf-8"))
            return data
        except (OSError, ValueError):
            return None

    def _cache_body(self, entry: dict[str, object]) -> bytes | None:
        assert self.cache_dir is not None
        body = self.cache_dir / "bodies" / str(entry.get("sha256", ""))
        try:
            return body.read_bytes()
        except OSError:
            return None

    def _cache_write(self, url: str, response: HttpResponse) -> None:
        path = self._cache_key(url)
        if path is None:
            return
        etag = response.headers.get("etag")
        modified = response.headers.get("last-modified")
        if not etag and not modified:
            return
        assert self.cache_dir is not None
        digest = hashlib.sha256(response.content).hexdigest()
        _atomic_write(self.cache_dir / "bodies" / digest, response.content)
        entry = {
            "url": url,
            "final_url": response.url,
            "etag": etag,
            "last_modified": modified,
            "sha256": digest,
            "headers": response.headers,
            "retrieved": response.retrieved,
        }
        _atomic_write(path, json.dumps(entry, ensure_ascii=False).encode("utf-8"))


def _guard_connections(
    transport: httpx.HTTPTransport, addresses: Callable[[str], list[str]]
) -> None:
    """Make the transport's sockets connect only to addresses that passed the SSRF check."""
    import httpcore

    class GuardedBackend(httpcore.SyncBackend):
        def connect_tcp(
            self,
            host: str,
            port: int,
            timeout: float | None = None,
            local_address: str | None = None,
            socket_options: Any = None,
        ) -> httpcore.NetworkStream:
            last: Exception | None = None
            for address in addresses(host):
                try:
                    return super().connect_tcp(
                        address, port, timeout, local_address, socket_options
                    )
                except httpcore.ConnectError as error:
                    last = error
            raise last or httpcore.ConnectError(f"no address for {host}")

    pool = getattr(transport, "_pool", None)
    if pool is not None and hasattr(pool, "_network_backend"):
        pool._network_backend = GuardedBackend()


def _is_ip_literal(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]").split("%", 1)[0])
        return True
    except ValueError:
        return False


def _too_large(url: str, limit: int) -> FetchError:
    return FetchError(
        f"{url} is larger than the size limit of {limit:,} bytes; download aborted",
        url=url,
        reason="too_large",
        code="SW503",
        hint="raise max_bytes if this document is really wanted",
    )


def _retry_after(headers: dict[str, str], cap: float) -> float:
    value = headers.get("retry-after", "")
    try:
        return min(float(value), cap)
    except ValueError:
        return 0.0


def _atomic_write(path: Path, data: bytes, *, fsync: bool = True) -> None:
    """Write to a temporary file in the same folder (fsync if asked), then rename over ``path``.

    The rename is atomic, so a killed process leaves the old file or the new one, never half.
    ``fsync`` adds durability against power loss, at a cost of milliseconds per file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if fsync:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
