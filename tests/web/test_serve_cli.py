"""``steppewatch serve`` starts a real server on 127.0.0.1 that answers the explorer routes."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import httpx


def test_serve_answers_and_stops(db_url):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "STEPPEWATCH_SECRET": "cli-test"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "steppewatch", "serve", "--db", db_url, "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        body = None
        for _ in range(150):
            try:
                body = httpx.get(
                    f"http://127.0.0.1:{port}/events.json?country=KG", timeout=2
                ).json()
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        assert body is not None, proc.stderr.read() if proc.poll() is not None else "no answer"
        assert (
            body["ok"] and body["total"] == 3
        )  # curated only (the KG machine event is not public)
        r = httpx.get(f"http://127.0.0.1:{port}/", timeout=5)
        assert "default-src 'self'" in r.headers["content-security-policy"]
    finally:
        proc.terminate()
        proc.communicate(timeout=10)  # waits and closes both pipes


def test_serve_refuses_a_bad_database_url(tmp_path):
    r = subprocess.run(
        [sys.executable, "-m", "steppewatch", "serve", "--db", str(tmp_path / "no" / "x.db")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode == 1 and "[SW303]" in r.stderr and "Traceback" not in r.stderr
