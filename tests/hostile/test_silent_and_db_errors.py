"""Hostile flags and files (issue 18, points 7 and 8): every database failure and every bad
option is ONE coded line with exit 1, and nothing is silently accepted."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from steppewatch.errors import CollectionError
from steppewatch.sources.collect import iter_documents
from steppewatch.sources.http import FetchError, HttpClient
from steppewatch.sources.raw import CollectFailure
from steppewatch.sources.sitemaps import parse_sitemap


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "steppewatch", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "STEPPEWATCH_DB": ""},
    )


def one_coded_line(result: subprocess.CompletedProcess[str], code: str) -> str:
    assert result.returncode == 1, (result.returncode, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert lines[0].startswith(f"Error: [{code}]"), lines[0]
    return lines[0]


# -- point 7: database errors as tracebacks ----------------------------------------------------
def test_database_errors_were_tracebacks_not_a_database(tmp_path: Path) -> None:
    fake = tmp_path / "passwd"
    fake.write_text("root:x:0:0:root:/root:/bin/bash\nдемон:x:1:1::/:/usr/sbin/nologin\n")
    line = one_coded_line(run("stats", "--db", str(fake), cwd=tmp_path), "SW360")
    assert "not a steppewatch database" in line and "passwd" in line
    assert fake.read_text().startswith("root:x")  # the file is not touched


def test_database_errors_were_tracebacks_empty_sqlite_url(tmp_path: Path) -> None:
    line = one_coded_line(run("stats", "--db", "sqlite:///", cwd=tmp_path), "SW364")
    assert "names no file" in line


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (Linux)")
def test_database_errors_were_tracebacks_disk_full(tmp_path: Path) -> None:
    journal = Path("/dev/full-journal")  # SQLite's rollback journal, made beside the "file"
    existed = journal.exists()
    try:
        line = one_coded_line(run("init", "--db", "/dev/full", "--no-data", cwd=tmp_path), "SW361")
    finally:
        if not existed:
            journal.unlink(missing_ok=True)
    assert "full" in line


# -- point 8: silent acceptance ------------------------------------------------------------------
def test_unknown_country_gave_empty_table(tmp_path: Path) -> None:
    line = one_coded_line(
        run("events", "list", "--country", "XX", "--db", str(tmp_path / "e.db"), cwd=tmp_path),
        "SW121",
    )
    assert "--country" in line and "'XX'" in line and "KG" in line


@pytest.mark.parametrize("option,value", [("--until", "-5"), ("--since", "99999")])
def test_nonsense_year_gave_empty_table(tmp_path: Path, option: str, value: str) -> None:
    result = run("events", "list", option, value, "--db", str(tmp_path / "e.db"), cwd=tmp_path)
    line = one_coded_line(result, "SW370")
    assert option in line and "1000 to 9999" in line


@pytest.mark.parametrize("url", ["file:///etc/passwd", "FTP://example.kz/x", "gopher://h/1"])
def test_file_url_was_reported_as_missing_file(tmp_path: Path, url: str) -> None:
    line = one_coded_line(run("ingest", url, "--db", str(tmp_path / "i.db"), cwd=tmp_path), "SW550")
    assert "not an http(s) URL" in line and "no such file" not in line


ENTITY_SITEMAP = """<?xml version="1.0"?>
<!DOCTYPE urlset [<!ENTITY site "https://news.example.kg">
 <!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>&site;/новости/1</loc><lastmod>2024-05-01</lastmod></url>
<url><loc>&lol2;</loc></url></urlset>""".encode()


def _client(routes: dict[str, httpx.Response], seen: list[str]) -> HttpClient:
    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.url.path)
        if request.url.host == "down.example.kz":
            raise httpx.ConnectError("[Errno 111] Connection refused", request=request)
        return routes.get(request.url.path, httpx.Response(404))

    return HttpClient(
        transport=httpx.MockTransport(handler),
        resolver=lambda host: ["93.184.216.34"],
        min_interval=0,
        sleep=lambda seconds: None,
        max_retries=0,
    )


def test_sitemap_with_entities_gave_zero_documents_silently() -> None:
    with pytest.raises(CollectionError) as info:
        parse_sitemap(ENTITY_SITEMAP, "https://news.example.kg/sitemap.xml")
    assert info.value.code == "SW551" and "entities" in str(info.value)
    seen: list[str] = []
    client = _client(
        {
            "/robots.txt": httpx.Response(404),
            "/sitemap.xml": httpx.Response(200, content=ENTITY_SITEMAP),
        },
        seen,
    )
    items = list(iter_documents(["https://news.example.kg/sitemap.xml"], client=client))
    assert len(items) == 1 and isinstance(items[0], CollectFailure)
    assert items[0].reason == "sitemap_refused" and "[SW551] sitemap refused" in items[0].message
    assert seen == ["/robots.txt", "/sitemap.xml"]  # nothing fetched from it


def test_broken_sitemap_is_refused_with_its_reason() -> None:
    with pytest.raises(CollectionError) as info:
        parse_sitemap(b"<urlset><url><loc>https://x.kz/a</loc></url>", "s.xml")
    assert info.value.code == "SW552" and "not well-formed" in str(info.value)


def test_unreachable_feed_link_was_reported_as_robots_disallow() -> None:
    feed = """<?xml version="1.0"?><rss version="2.0"><channel><title>Новости</title>
    <item><title>Встреча</title><link>https://down.example.kz/2024/05/01.html</link></item>
    </channel></rss>""".encode()
    seen: list[str] = []
    client = _client(
        {"/robots.txt": httpx.Response(404), "/feed": httpx.Response(200, content=feed)}, seen
    )
    items = list(iter_documents(["https://news.example.kg/feed"], client=client))
    assert len(items) == 1 and isinstance(items[0], CollectFailure)
    assert items[0].reason == "unreachable"
    assert (
        "cannot reach down.example.kz" in items[0].message and "disallows" not in items[0].message
    )
    with pytest.raises(FetchError) as info:
        client.get("https://down.example.kz/other")
    assert info.value.code == "SW553"
