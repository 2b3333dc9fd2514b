"""The events and sources behind each finding: listed under it in the page (escaped titles, links
only to http(s) URLs, capped) and written in full to data/finding_events.csv."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import markupsafe
import pytest

from steppewatch.analysis.findings import evaluate_claims
from steppewatch.report import build_report
from steppewatch.report.evidence import (
    EVIDENCE_COLUMNS,
    MAX_LISTED,
    finding_events,
    safe_href,
    write_evidence_csv,
)
from steppewatch.store import Store
from steppewatch.store.tables import sources
from tests.analysis.fixture_events import fixture_events, fixture_store

PARTNERS = ["KZ", "KG", "TJ", "UZ", "TM"]
SCRIPT_TITLE = '<script>alert("标题")</script> Токаев и Си Цзиньпин'
SCRIPT_ID = "2019-09-11-meeting-cn-kz-1"
BAD_URL = "javascript:alert(1)"
EXTRA_MEETINGS = MAX_LISTED + 5  # bilateral meetings added so the list has to be cut


def _store(path: Path, extra_meetings: int = 0) -> Store:
    events = fixture_events()
    events = [
        e.model_copy(update={"title": SCRIPT_TITLE}) if e.id == SCRIPT_ID else e for e in events
    ]
    base = next(e for e in events if e.id == "2019-12-meeting-cn-kz-2")
    events += [
        base.model_copy(update={"id": f"2005-meeting-cn-kz-{n}", "date_start": "2005"})
        for n in range(extra_meetings)
    ]
    store = fixture_store(path, events)
    # a source URL the models would refuse, written straight to the table as a bad import could
    with store.engine.begin() as conn:
        conn.execute(
            sources.insert().values(
                event_id=SCRIPT_ID, position=9, url=BAD_URL, publisher="Akorda <b>press</b>"
            )
        )
    return store


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Store]:
    tmp = tmp_path_factory.mktemp("evidence")
    store = _store(tmp / "t.db")
    return build_report(tmp / "out", store=store).index.parent, store


def _page(out: Path) -> str:
    return (out / "index.html").read_text(encoding="utf-8")


def _details(page: str, claim_id: str) -> str:
    match = re.search(
        rf'<details class="counted" id="counted-{claim_id}">(.*?)</details>', page, re.S
    )
    assert match, f"no list of counted events for {claim_id}"
    return match.group(1)


def _rows(out: Path) -> list[dict[str, str]]:
    with (out / "data" / "finding_events.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://www.fmprc.gov.cn/web/zyxw/t1.shtml", True),
        ("HTTP://kabar.kg/news/1", True),
        ("javascript:alert(1)", False),
        (" javascript:alert(1)", False),
        ("JaVaScRiPt:alert(1)", False),
        ("data:text/html,<script>alert(1)</script>", False),
        ("https://x.org/a b", False),
        ('https://x.org/"onmouseover="alert(1)', False),
        ("ftp://archive.org/x", False),
        ("doi:10.1000/182", False),
        ("", False),
    ],
)
def test_safe_href(url: str, ok: bool) -> None:
    assert (safe_href(url) == url) is ok


def test_each_finding_lists_the_events_it_counted(built: tuple[Path, Store]) -> None:
    page = _page(built[0])
    sep = _details(page, "separatism_1990s")
    assert "3 events counted" in sep
    assert "meetings coded with separatism, 1996-1999: 3, newest first" in sep
    # newest first: 1998, 1997, 1996
    positions = [sep.index(t) for t in ("唐家璇会见吉尔吉斯斯坦外长", "江泽民会见纳扎尔巴耶夫",
                                        "Шанхайская пятёрка")]  # fmt: skip
    assert positions == sorted(positions)
    assert sep.index("1998-07") < sep.index("1997") < sep.index("1996-04-26")
    # the event id is on the date, for citing and finding it in the CSV
    assert '<span class="date" title="event 1997-meeting-cn-kz-1">1997</span>' in sep
    # each source is a link to its URL with the publisher as text
    assert (
        '<a href="https://example.org/zh/0" rel="noopener noreferrer nofollow">PRC MFA</a>' in sep
    )
    # the two sides of a comparison stay apart
    bil = _details(page, "bilateral_delivers_more")
    assert "10 events counted (bilateral activities 7; multilateral activities 3)" in bil
    assert bil.index("bilateral activities, 1996-2019: 7") < bil.index("Сотрудничество-2019")
    assert bil.index("multilateral activities, 1996-2019: 3") < bil.index("Центр-2019")
    # the index finding lists none and says why
    assert 'id="counted-kg_tj_most_responsive"' not in page
    assert "No events listed: the index sums every meeting and activity" in page
    # an empty group says so, with nothing to list
    assert "0 events counted" in _details(page, "sco_exercise_yearly")


def test_titles_are_escaped_and_only_http_links_are_made(built: tuple[Path, Store]) -> None:
    page = _page(built[0])
    # the one script is the report's own table sorter; the hostile title is not a second one
    assert page.count("<script") == 1
    assert "Sort a table.sortable" in page.split("<script>")[1]
    assert str(markupsafe.escape(SCRIPT_TITLE)) in page
    listed = _details(page, "bilateral_more_meetings")
    item = next(li for li in listed.split("<li>") if "Токаев" in li)
    assert '<a href="https://example.org/ru/0"' in item
    # the javascript: URL is shown as text, never as a link, and its publisher is escaped
    assert "javascript:" not in "".join(re.findall(r'href="([^"]*)"', page)).lower()
    assert "Akorda &lt;b&gt;press&lt;/b&gt; (javascript:alert(1))" in item


def test_csv_has_every_counted_event_with_its_sources(built: tuple[Path, Store]) -> None:
    out, store = built
    rows = _rows(out)
    assert tuple(rows[0]) == EVIDENCE_COLUMNS
    frame = store.events_frame()
    expected = {
        (f.claim_id, g.label, i)
        for f in evaluate_claims(frame, PARTNERS)
        for g in f.counted
        for i in g.ids
    }
    assert {(r["finding_id"], r["group"], r["event_id"]) for r in rows} == expected
    assert len(rows) == len(expected)
    by_event = {r["event_id"]: r for r in rows}
    script = by_event[SCRIPT_ID]
    assert script["title"] == SCRIPT_TITLE
    assert script["countries"] == "CN;KZ" and script["kind"] == "meeting"
    assert script["date"] == "2019-09-11"
    assert script["source_urls"].split(" ") == ["https://example.org/ru/0", BAD_URL]
    uz = by_event["2019-04-25-meeting-cn-uz-1"]
    assert uz["source_urls"].split(" ") == [f"https://example.org/zh/{i}" for i in range(3)]
    # the findings table says how many events each finding counted
    with (out / "data" / "findings.csv").open(encoding="utf-8", newline="") as f:
        counts = {r["claim_id"]: int(r["events_counted"]) for r in csv.DictReader(f)}
    assert counts["bilateral_delivers_more"] == 10
    assert counts["kg_tj_most_responsive"] == 0
    assert 'href="data/finding_events.csv"' in _page(out)


def test_long_lists_are_cut_and_point_to_the_csv(tmp_path: Path) -> None:
    store = _store(tmp_path / "t.db", extra_meetings=EXTRA_MEETINGS)
    out = build_report(tmp_path / "out", store=store).index.parent
    listed = _details(_page(out), "bilateral_more_meetings")
    n_bil = 9 + EXTRA_MEETINGS
    assert f"bilateral meetings, 1996-2019: {n_bil}, newest first" in listed
    bilateral_part = listed.split("multilateral meetings, 1996-2019")[0]
    assert bilateral_part.count("<li>") == MAX_LISTED
    assert (
        f'and {n_bil - MAX_LISTED} more in <a href="data/finding_events.csv">'
        "data/finding_events.csv</a>." in bilateral_part
    )
    # the multilateral side is still listed in full
    assert listed.split("multilateral meetings, 1996-2019")[1].count("<li>") == 2
    # newest first: the 2019 meetings come before the added 2005 ones
    assert bilateral_part.index("2019-12") < bilateral_part.index("2005")
    rows = [r for r in _rows(out) if r["finding_id"] == "bilateral_more_meetings"]
    assert len(rows) == n_bil + 2


def test_finding_events_limit_and_sources(tmp_path: Path) -> None:
    store = _store(tmp_path / "t.db")
    frame = store.events_frame()
    findings = evaluate_claims(frame, PARTNERS)
    evidence = finding_events(frame, findings, store, limit=2)
    by_id = evidence.by_claim
    bil = by_id["bilateral_delivers_more"]
    assert [(g.n, len(g.events), g.n_more) for g in bil.groups] == [(7, 2, 5), (3, 2, 1)]
    assert bil.n == 10 and bil.n_more == 6
    assert [e.id for e in bil.groups[0].events] == [
        "2019-private_security-cn-kg-1", "2019-bilateral_exercise-cn-kg-1",
    ]  # fmt: skip
    uz = next(e for e in by_id["new_concern_investment_security"].groups[0].events)
    assert uz.id == "2019-04-25-meeting-cn-uz-1"
    assert [s.text for s in uz.sources] == ["PRC MFA"] * 3
    # the table does not depend on the page's limit, and has every source URL (few events)
    table = evidence.table.to_pandas()
    assert evidence.urls_for_all
    assert len(table[table["finding_id"] == "bilateral_delivers_more"]) == 10
    assert (table["source_urls"] != "").all()
    assert evidence.n_events == len(set(table["event_id"]))


def test_many_counted_events_get_urls_only_where_listed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = _store(tmp_path / "t.db")
    frame = store.events_frame()
    findings = evaluate_claims(frame, PARTNERS)
    evidence = finding_events(frame, findings, store, limit=1, all_urls_up_to=5)
    assert not evidence.urls_for_all
    table = evidence.table.to_pandas()
    listed = {e.id for v in evidence.views for g in v.groups for e in g.events}
    with_urls = set(table.loc[table["source_urls"] != "", "event_id"])
    assert with_urls == listed and len(listed) < evidence.n_events
    # through build_report: the page says so
    monkeypatch.setattr("steppewatch.report.evidence.ALL_URLS_UP_TO", 5)
    out = build_report(tmp_path / "out", store=store).index.parent
    assert "events counted (more than 5), its source URLs are given only for the" in _page(out)
    # every counted event is listed here (fewer than 50 per group), so every row has its URLs
    assert all(r["source_urls"] for r in _rows(out))


def test_rows_not_matching_the_frame_fall_back_to_ids(tmp_path: Path) -> None:
    store = _store(tmp_path / "t.db")
    frame = store.events_frame()
    findings = evaluate_claims(frame, PARTNERS)
    # the same events in another order and index: the findings' rows no longer point at them
    shuffled = frame.sample(frac=1.0, random_state=3).reset_index(drop=True)
    a = finding_events(frame, findings, store).table.to_pandas()
    b = finding_events(shuffled, findings, store).table.to_pandas()
    key = ["finding_id", "group", "event_id"]
    assert sorted(map(tuple, a[key].to_numpy())) == sorted(map(tuple, b[key].to_numpy()))


def test_csv_round_trip_keeps_native_script_and_quotes(tmp_path: Path) -> None:
    store = _store(tmp_path / "t.db")
    frame = store.events_frame()
    evidence = finding_events(frame, evaluate_claims(frame, PARTNERS), store)
    write_evidence_csv(evidence.table, tmp_path / "e.csv")
    with (tmp_path / "e.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == evidence.table.num_rows
    titles = {r["title"] for r in rows}
    assert SCRIPT_TITLE in titles and "江泽民会见纳扎尔巴耶夫" in titles


def test_csv_written_in_batches_is_the_tables_csv(tmp_path: Path) -> None:
    store = _store(tmp_path / "t.db")
    frame = store.events_frame()
    findings = evaluate_claims(frame, PARTNERS)
    evidence = finding_events(frame, findings, store, limit=1, all_urls_up_to=5)
    write_evidence_csv(evidence.table, tmp_path / "table.csv")
    whole = (tmp_path / "table.csv").read_bytes()
    assert SCRIPT_TITLE.replace('"', '""').encode() in whole  # its quotes doubled
    assert b',""\n' in whole  # rows without source URLs (beyond all_urls_up_to)
    for batch_rows in (3, 1_000_000):  # batches across and within the groups
        evidence.write_csv(tmp_path / "batches.csv", batch_rows=batch_rows)
        assert (tmp_path / "batches.csv").read_bytes() == whole
    assert evidence.n_rows == evidence.table.num_rows == whole.count(b"\n") - 1
    # no counted event: the header alone, either way
    empty = finding_events(frame.iloc[0:0], [], store)
    write_evidence_csv(empty.table, tmp_path / "empty.csv")
    empty.write_csv(tmp_path / "empty_batches.csv")
    assert (tmp_path / "empty.csv").read_bytes() == (tmp_path / "empty_batches.csv").read_bytes()
    assert (tmp_path / "empty.csv").read_bytes().startswith(b'"finding_id","group"')


def test_csv_from_the_analysis_frame_takes_country_lists_by_code(tmp_path: Path) -> None:
    from steppewatch.analysis.frame import analysis_frame

    store = _store(tmp_path / "t.db")
    frame = analysis_frame(store.events_frame())
    assert "countries_key" in frame.columns
    findings = evaluate_claims(frame, PARTNERS)
    evidence = finding_events(frame, findings, store, limit=1, all_urls_up_to=5)
    assert evidence.rows.country_codes is not None
    write_evidence_csv(evidence.table, tmp_path / "table.csv")
    whole = (tmp_path / "table.csv").read_bytes()
    assert b'"CN;KZ"' in whole
    for batch_rows in (2, 1_000_000):
        evidence.write_csv(tmp_path / "batches.csv", batch_rows=batch_rows)
        assert (tmp_path / "batches.csv").read_bytes() == whole
