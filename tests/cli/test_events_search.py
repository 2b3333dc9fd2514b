"""``steppewatch events list --text Q`` and the explorer's ``/events.json?q=Q`` are one search
(``Store.query_events``): the same events in the same order and the same total, on SQLite and
(with STEPPEWATCH_TEST_PG) on PostgreSQL."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from starlette.testclient import TestClient
from typer.testing import CliRunner

from steppewatch.cli import app as cli_app
from steppewatch.store import EventFilter, open_store
from steppewatch.web import create_app
from tests.web.test_dated_search import dated_store

# (explorer parameters, the same as CLI options): English words, a quoted phrase, a prefix,
# Chinese and Russian words (trigram-indexed and short), words only in linked documents,
# combined with filters and both date orders
QUERIES: list[tuple[dict[str, str], list[str]]] = [
    ({"q": "security"}, []),
    ({"q": "border security", "sort": "date"}, ["--order", "date"]),
    ({"q": '"Peace Mission"'}, []),
    ({"q": '"security talks" Astana'}, []),
    ({"q": "Astan*"}, []),
    ({"q": "counter*", "country": "KG"}, ["--country", "KG"]),
    ({"q": "边境安全"}, []),
    ({"q": "反恐", "sort": "date"}, ["--order", "date"]),
    ({"q": "天山", "kind": "bilateral_exercise"}, ["--kind", "bilateral_exercise"]),
    (
        {"q": "безопасность", "since": "2005", "until": "2016"},
        ["--since", "2005", "--until", "2016"],
    ),
    ({"q": "Бишкек", "country": "KZ"}, ["--country", "KZ"]),
    ({"q": "наркотрафик", "topic": "extremism"}, ["--topic", "extremism"]),
    ({"q": "贩毒"}, []),  # only in the text of linked documents
    ({"q": "пограничной", "sort": "date"}, ["--order", "date"]),  # linked documents too
    ({"q": "zzz-nothing"}, []),
]


def _cli(url: str, q: str, options: list[str], fmt: str, limit: int) -> str:
    args = ["events", "list", "--db", url, "--text", q, "--format", fmt, "--limit", str(limit)]
    if "--order" not in options:
        args += ["--order", "-date"]  # the explorer's default order
    result = CliRunner().invoke(cli_app, [*args, *options, "--status", "curated"])
    assert result.exit_code == 0, result.output
    return result.stdout


def _explorer(client: TestClient, params: dict[str, str]) -> tuple[list[str], Any]:
    ids: list[str] = []
    total = None
    page = 1
    while True:
        body = client.get(
            "/events.json", params={**params, "status": "curated", "per_page": 200, "page": page}
        ).json()
        assert body["ok"], body
        total = body["total"] if page == 1 else total
        ids += [e["id"] for e in body["events"]]
        if not body["next"]:
            return ids, total
        page += 1


@pytest.fixture
def search_db(db_url: str) -> str:
    """The database of test_dated_search (Chinese, Russian and English titles, date ties,
    documents linked to events) on SQLite and PostgreSQL."""
    dated_store(db_url).close()
    return db_url


def test_cli_text_search_equals_the_explorer(search_db: str) -> None:
    with TestClient(create_app(search_db, secret="t")) as client:
        checked = 0
        for params, options in QUERIES:
            ids, total = _explorer(client, params)
            cli_ids = [
                e["id"] for e in json.loads(_cli(search_db, params["q"], options, "json", 500))
            ]
            assert cli_ids == ids, params
            table = _cli(search_db, params["q"], options, "table", 5)
            said = re.search(r"(\d+) of (\d+|many) matching events shown", table)
            assert said is not None, table
            assert said.group(2) == ("many" if total is None else str(total)), params
            assert int(said.group(1)) == min(5, len(ids)), params
            checked += bool(ids)
    assert checked >= 10  # most queries find something: the comparison is not of empty lists


def test_query_events_is_the_explorers_page(search_db: str) -> None:
    """The library call gives the explorer's page and facets (the explorer adds only labels)."""
    store = open_store(search_db)
    with TestClient(create_app(search_db, secret="t")) as client:
        body = client.get(
            "/events.json", params={"q": "security", "country": "KG", "status": "curated"}
        ).json()
    page = store.query_events(
        EventFilter(countries=("KG",), statuses=("curated",)), "security", page=1, page_size=50
    )
    assert [e["id"] for e in page.events] == [e["id"] for e in body["events"]]
    assert page.total == body["total"] and page.facets == body["facets"]
    assert page.total and page.facets["country"]["KG"] == page.total
    store.close()


def test_query_events_sees_a_write_through_the_same_store(sqlite_url: str) -> None:
    """The result cache never hides the store's own writes."""
    from tests.web.test_dated_search import _events

    store = open_store(sqlite_url)
    batch = _events(40)
    store.add_events(batch[:20])
    before = store.query_events(text="security").total
    store.add_events(batch[20:])
    after = store.query_events(text="security").total
    expected = sum("security" in (e.title + " " + (e.summary or "")).lower() for e in batch)
    assert before is not None and after == expected and after > before
    store.close()


def test_cli_rejects_an_unknown_order(sqlite_url: str) -> None:
    result = CliRunner().invoke(
        cli_app, ["events", "list", "--db", sqlite_url, "--text", "x", "--order", "newest"]
    )
    assert result.exit_code != 0 and "[SW800]" in str(result.exception)


def test_export_text_writes_exactly_the_explorers_matches(search_db: str, tmp_path: Any) -> None:
    """``export --text Q`` is the same search: its events.csv holds the explorer's matches for
    every query (none for a word nothing holds: not the whole database), and datapackage.json
    records the search as given."""
    import csv

    with TestClient(create_app(search_db, secret="t")) as client:
        for n, (params, options) in enumerate(QUERIES):
            ids, _ = _explorer(client, params)
            out = tmp_path / f"pkg{n}"
            args = ["export", "--db", search_db, "--out", str(out), "--text", params["q"]]
            args += [o for o in options if o not in ("--order", "date")]
            result = CliRunner().invoke(cli_app, [*args, "--status", "curated"])
            assert result.exit_code == 0, result.output
            with (out / "events.csv").open(encoding="utf-8", newline="") as handle:
                exported = [row["id"] for row in csv.DictReader(handle)]
            assert exported == sorted(ids), params
            package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
            assert package["steppewatch"]["filters"]["text"] == params["q"]
