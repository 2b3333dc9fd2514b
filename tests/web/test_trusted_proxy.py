"""``steppewatch serve`` believes X-Forwarded-For only from a proxy named with
``--trusted-proxy`` (issue 18, point 9): a real server on 127.0.0.1, real HTTP requests."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx

from steppewatch.review import login_limits


@contextmanager
def serving(db_url: str, *extra: str) -> Iterator[str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [sys.executable, "-m", "steppewatch", "serve", "--db", db_url, "--port", str(port), *extra],
        env={**os.environ, "STEPPEWATCH_SECRET": "proxy-test"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                httpx.get(f"{base}/login", timeout=2)
                break
            except httpx.HTTPError:
                if proc.poll() is not None:
                    raise AssertionError(
                        proc.stderr.read() if proc.stderr else "server died"
                    ) from None
                time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        if proc.stderr:
            proc.stderr.close()


def _failed_sign_ins(base: str, web, count: int) -> list[int]:  # type: ignore[no-untyped-def]
    statuses = []
    with httpx.Client(base_url=base, timeout=10) as client:
        for i in range(count):
            token = web.csrf_of(client.get("/login").text)
            forged = {"X-Forwarded-For": f"203.0.113.{i + 1}"}  # a new "address" every time
            r = client.post(
                "/login",
                headers=forged,
                data={
                    "name": f"гость{i}",
                    "password": "не тот пароль",
                    "csrf_token": token,
                    "next": "/review",
                },
            )
            statuses.append(r.status_code)
    return statuses


def test_forwarded_for_from_loopback_bypassed_address_limit(db_url: str, web) -> None:  # type: ignore[no-untyped-def]
    limit = login_limits.CLIENT_LIMIT
    with serving(db_url) as base:
        statuses = _failed_sign_ins(base, web, limit + 1)
    assert statuses[:limit] == [401] * limit
    assert statuses[limit] == 429  # the forged header changed nothing: the address is 127.0.0.1


def test_trusted_proxy_option_believes_its_forwarded_for(db_url: str, web) -> None:  # type: ignore[no-untyped-def]
    limit = login_limits.CLIENT_LIMIT
    with serving(db_url, "--trusted-proxy", "127.0.0.1") as base:
        statuses = _failed_sign_ins(base, web, limit + 1)
    assert statuses == [401] * (limit + 1)  # each forwarded address is its own client


def test_trusted_proxy_must_be_an_address(db_url: str) -> None:
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "steppewatch",
            "serve",
            "--db",
            db_url,
            "--trusted-proxy",
            "nginx.local",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode == 1 and "[SW770]" in r.stderr and "Traceback" not in r.stderr
