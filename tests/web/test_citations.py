"""Citations of events: the Cite box on every event page, /events/ID.bib, .ris and .csl.json,
escaped for each format (title with braces, percent, markup, Chinese and Russian)."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from tests.factories import HOSTILE_TITLE, hostile_event

from steppewatch.store import open_store

EVENT = "2019-06-13-meeting-cn-kg-99"


@pytest.fixture()
def cite_client(db_url: str):  # type: ignore[no-untyped-def]
    from starlette.testclient import TestClient

    from steppewatch.web import create_app

    store = open_store(db_url)
    store.add_events([hostile_event()])
    store.set_meta("dataset_version", "2026.12")
    store.close()
    with TestClient(create_app(db_url, secret="test-secret")) as c:
        yield c


def _balanced(text: str) -> bool:
    depth = 0
    for match in re.finditer(r"\\.|[{}]", text):
        token = match.group(0)
        if token == "{":
            depth += 1
        elif token == "}":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def test_bibtex_escapes_braces_percent_and_keeps_native_script(cite_client) -> None:  # type: ignore[no-untyped-def]
    r = cite_client.get(f"/events/{EVENT}.bib")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/x-bibtex")
    body = r.text
    assert body.startswith("@misc{steppewatch:2019-06-13-meeting-cn-kg-99,")
    title = re.search(r"^  title = \{(.*)\},$", body, re.M)
    assert title is not None
    assert title.group(1) == (
        r"Talks on \{border\} 100\% <script>alert(1)</script> 边境安全 Пограничная безопасность "
        r"\& \$x\_1\textasciicircum{}2\textasciitilde{}\#"
    )
    assert _balanced(body)
    assert "version = {2026.12}" in body
    assert f"urldate = {{{dt.datetime.now(dt.UTC).date().isoformat()}}}" in body


def test_ris_is_one_line_per_field(cite_client) -> None:  # type: ignore[no-untyped-def]
    body = cite_client.get(f"/events/{EVENT}.ris").text
    lines = body.split("\r\n")
    assert lines[0] == "TY  - DATA" and lines[-2] == "ER  - "
    assert f"TI  - {HOSTILE_TITLE}" in lines
    assert "DA  - 2019/06" in lines and "ET  - 2026.12" in lines
    assert all(re.match(r"^[A-Z][A-Z0-9]  - ", line) for line in lines[:-1] if line)


def test_csl_json_is_valid_json_with_exact_title(cite_client) -> None:  # type: ignore[no-untyped-def]
    r = cite_client.get(f"/events/{EVENT}.csl.json")
    assert r.status_code == 200
    (item,) = json.loads(r.text)
    assert item["title"] == HOSTILE_TITLE and item["type"] == "dataset"
    assert item["issued"] == {"date-parts": [[2019, 6]]}
    assert item["URL"].endswith(f"/events/{EVENT}") and item["version"] == "2026.12"


def test_event_json_route_still_serves_json(cite_client) -> None:  # type: ignore[no-untyped-def]
    assert cite_client.get(f"/events/{EVENT}.json").json()["event"]["title"] == HOSTILE_TITLE


def test_event_page_has_cite_box_with_version_and_access_date(cite_client) -> None:  # type: ignore[no-untyped-def]
    html = cite_client.get(f"/events/{EVENT}").text
    assert '<section class="cite" id="cite">' in html
    assert '<span id="dataset-version">2026.12</span>' in html
    assert f'<span id="access-date">{dt.datetime.now(dt.UTC).date().isoformat()}</span>' in html
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert f'href="http://testserver/events/{EVENT}.ris"' in html


def test_every_event_page_has_a_cite_box(cite_client) -> None:  # type: ignore[no-untyped-def]
    html = cite_client.get("/events/2016-08-10-bilateral_exercise-cn-kg-1").text
    assert 'id="cite"' in html and "中吉联合反恐演习" in html and 'id="dataset-version"' in html


@pytest.mark.parametrize("suffix", ["bib", "ris", "csl.json"])
def test_unknown_event_citation_is_404(cite_client, suffix: str) -> None:  # type: ignore[no-untyped-def]
    r = cite_client.get(f"/events/2019-01-01-meeting-cn-kg-404.{suffix}")
    assert r.status_code == 404 and "SW304" in r.text


def test_csv_download_uses_export_writer_with_every_field(cite_client) -> None:  # type: ignore[no-untyped-def]
    import csv
    import io

    r = cite_client.get("/events.csv?country=KG&bom=1")
    assert r.status_code == 200 and r.content.startswith(b"\xef\xbb\xbfid,kind,title,")
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(r.content.decode("utf-8-sig")))}
    row = rows[EVENT]
    assert row["date_precision"] == "month" and row["cn_actors"] == "习近平 (国家主席)"
    assert json.loads(row["actors"])[1]["name"] == "Сооронбай Жээнбеков"
    assert row["dataset_version"] == "2026.12" and row["codebook_version"] == "1.0.0"
    assert row["source_urls"].split() == [
        "https://www.fmprc.gov.cn/x/99.shtml?a=1&b={2}",
        "https://kabar.kg/ru/99",
    ]
    assert not cite_client.get("/events.csv?country=KG").content.startswith(b"\xef\xbb\xbf")
    assert cite_client.get("/events.csv?bom=2").status_code == 400


def test_bibtex_url_is_not_latex_escaped(cite_client) -> None:  # type: ignore[no-untyped-def]
    body = cite_client.get("/events/2016-08-10-bilateral_exercise-cn-kg-1.bib").text
    assert "url = {http://testserver/events/2016-08-10-bilateral_exercise-cn-kg-1}," in body
    assert "title = {中吉联合反恐演习“天山-2016”}," in body


def test_source_bibtex_keeps_url_verbatim_but_closes_no_brace() -> None:
    from steppewatch.export.citations import source_bibtex

    event = hostile_event()
    entry = source_bibtex(event.sources[0], event, 0)
    assert "url = {https://www.fmprc.gov.cn/x/99.shtml?a=1&b=%7B2%7D}," in entry
    assert r"author = {{外交部 \{MFA\} 100\%}}," in entry
    assert r"title = {会谈 <b>readout</b> \} \textbackslash{}end\{document\}}," in entry
    assert "langid = {zh}," in entry and _balanced(entry)
