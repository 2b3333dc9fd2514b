"""Both sides' accounts: sides decided by publisher, concerns machine-coded from each source's
``attests`` text, compared per meeting; the page's numbers equal both_sides*.csv."""

from __future__ import annotations

import csv
import html
import re
from pathlib import Path

import pandas as pd
import pytest

from steppewatch.analysis.both_sides import compare_sides
from steppewatch.models import Event, Source
from steppewatch.report import build_report
from tests.analysis.fixture_events import fixture_events, fixture_store

PARTNERS = ["KZ", "KG", "TJ", "UZ", "TM"]


def test_compare_sides_keeps_only_meetings_with_both_sides() -> None:
    meetings = pd.DataFrame({
        "id": ["m1", "m2", "m3"], "date_start": ["2019-06-13", "2019-09-11", "2020"],
        "title": ["习近平同热恩别科夫会谈", "Токаев и Си Цзиньпин", "SCO"],
        "countries": [("CN", "KG"), ("CN", "KZ"), ("CN", "KZ", "KG", "RU")],
    })  # fmt: skip
    sources = pd.DataFrame.from_records([
        ("m1", "CN", ("terrorism", "separatism")), ("m1", "KG", ("terrorism", "drug_trafficking")),
        ("m1", "RU", ("extremism",)),  # a third state's voice: neither side
        ("m2", "CN", ("terrorism",)), ("m2", "KG", ("terrorism",)),  # KG is not in m2
        ("m3", "CN", ()), ("m3", None, ("terrorism",)), ("m3", "KZ", ()), ("m3", "KG", ("afghanistan",)),
    ], columns=["event_id", "side", "topics"])  # fmt: skip
    got = compare_sides(meetings, sources, "CN", PARTNERS)
    assert got.n_meetings == 3
    assert got.meetings["id"].tolist() == ["m3", "m1"]  # newest first; m2 has no partner voice
    m1 = got.meetings.set_index("id").loc["m1"]
    assert (m1["partner"], m1["focal_topics"], m1["partner_topics"]) == (
        "KG", "separatism;terrorism", "drug_trafficking;terrorism",
    )  # fmt: skip
    assert (m1["both_mention"], m1["only_focal"], m1["only_partner"]) == (
        "terrorism", "separatism", "drug_trafficking",
    )  # fmt: skip
    m3 = got.meetings.set_index("id").loc["m3"]
    assert (m3["partner"], m3["n_partner_sources"], m3["partner_topics"]) == (
        "KG;KZ",
        2,
        "afghanistan",
    )
    topics = got.topics.set_index("topic")
    assert topics.loc["terrorism"].tolist() == [1, 1, 1, 0, 0]
    assert topics.loc["afghanistan"].tolist() == [0, 1, 0, 0, 1]
    assert "extremism" not in topics.index


def _src(url: str, publisher: str, lang: str, attests: str) -> Source:
    return Source(url=url, publisher=publisher, language=lang, attests=attests)


def _two_sided() -> list[Event]:
    base = {"kind": "meeting", "framework": "bilateral", "verification": "official_source"}
    return [
        Event.model_validate(base | {
            "id": "2020-01-10-meeting-cn-kz-1", "title": "王毅会见哈萨克斯坦外长",
            "date_start": "2020-01-10", "countries": ["CN", "KZ"], "level": "foreign_minister",
            "topics": ["three_evils"],
            "sources": [
                _src("https://www.fmprc.gov.cn/a.html", "PRC MFA", "zh",
                     "双方同意合作打击“三股势力”"),
                _src("https://www.akorda.kz/b", "Akorda", "ru",
                     "Стороны обсудили борьбу с незаконным оборотом наркотиков"),
            ],
        }),
        Event.model_validate(base | {
            "id": "2020-02-meeting-cn-kg-1", "title": "Жапаров и посол КНР",
            "date_start": "2020-02", "countries": ["CN", "KG"], "level": "head_of_state",
            "topics": [],
            "sources": [
                _src("https://example.org/x", "Xinhua", "en", "Talks on trade and energy"),
                _src("https://example.org/y", "Kabar", "ru", "Торговля и инвестиции"),
            ],
        }),
    ]  # fmt: skip


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("sides")
    store = fixture_store(tmp / "t.db", fixture_events() + _two_sided())
    return build_report(tmp / "out", store=store).index.parent


def _csv(out: Path, name: str) -> list[dict[str, str]]:
    with open(out / "data" / f"{name}.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_report_shows_each_sides_account(out: Path) -> None:
    rows = {r["id"]: r for r in _csv(out, "both_sides")}
    assert set(rows) == {"2020-01-10-meeting-cn-kz-1", "2020-02-meeting-cn-kg-1"}
    kz = rows["2020-01-10-meeting-cn-kz-1"]
    # machine-coded from the attests texts: the PRC note names the three evils, the Kazakh one drugs
    assert (kz["focal_topics"], kz["partner_topics"]) == ("three_evils", "drug_trafficking")
    assert (kz["only_focal"], kz["only_partner"], kz["both_mention"]) == (
        "three_evils", "drug_trafficking", "",
    )  # fmt: skip
    kg = rows["2020-02-meeting-cn-kg-1"]
    assert (kg["focal_topics"], kg["partner_topics"], kg["partner"]) == ("", "", "KG")

    page = html.unescape((out / "index.html").read_text(encoding="utf-8"))
    section = page[page.index('<section id="both-sides">') :]
    section = section[: section.index("</section>")]
    found = re.search(r"<b>(\d+)</b> of the (\d+) meetings with sources", section)
    assert found and int(found.group(1)) == len(rows)
    # every meeting of the fixture has sources: 11 there and 2 here
    assert int(found.group(2)) == 13
    assert "machine-coded" in section and "attests" in section
    topics = {r["topic"]: r for r in _csv(out, "both_sides_topics")}
    assert set(topics) == {"three_evils", "drug_trafficking"}
    table = re.search(r'<table[^>]*id="table-both_sides_topics"[^>]*>(.*?)</table>', section, re.S)
    assert table
    for topic, r in topics.items():
        cells = re.search(
            rf"<td>{topic.replace('_', ' ')}</td>((?:\s*<td>[^<]*</td>)+)", table.group(1)
        )
        assert cells, topic
        shown = re.findall(r"<td>([^<]*)</td>", cells.group(1))
        assert shown == [
            r[c]
            for c in ("focal_mentions", "partner_mentions", "both", "only_focal", "only_partner")
        ]


def test_side_cached_by_publisher_agrees_with_source_side() -> None:
    """The report looks a source's side up once per publisher (the URL is only a fallback):
    the same answer as source_side for every bundled source."""
    from importlib import resources

    from steppewatch.report.both_sides import _side
    from steppewatch.sources.publishers import source_side

    path = resources.files("steppewatch").joinpath(
        "data", "dataset", "prc_central_asia", "sources.csv"
    )
    with path.open(encoding="utf-8", newline="") as fh:
        rows = [(r["publisher"] or None, r["url"]) for r in csv.DictReader(fh)]
    assert len(rows) == 1075
    assert [_side(p, u) for p, u in rows] == [source_side(p, u) for p, u in rows]
    assert _side(None, "https://www.akorda.kz/x") == "KZ"  # no publisher: the domain decides
