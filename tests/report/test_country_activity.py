"""The report's per-country concerns, meeting levels and activity tables, recomputed here from the
fixture events with plain Python loops (not with steppewatch.analysis) and compared with the CSV
files beside the report and with the numbers the page shows."""

from __future__ import annotations

import csv
import html
import math
import re
from collections import Counter
from pathlib import Path

import pytest

from steppewatch.analysis.activity_tables import ACTIVITY_TABLES
from steppewatch.analysis.levels import LEVELS
from steppewatch.models import Event, Source
from steppewatch.report import build_report
from steppewatch.store import EventFilter
from steppewatch.study import load_study
from tests.analysis.fixture_events import fixture_events, fixture_store

PARTNERS = ["KZ", "KG", "TJ", "UZ", "TM"]
NO_CONCERN = "sources name no specific security concern"
HOSTILE_ITEM = '无人机 <img src=x onerror="alert(1)">'


def _extra() -> list[Event]:
    zh = Source(url="https://example.org/zh/extra", publisher="PRC MFA", language="zh",
                source_type="official", attests="中方新闻稿")  # fmt: skip
    return [
        Event.model_validate({
            "id": "2019-10-meeting-cn-kg-2", "kind": "meeting", "title": "王毅会见吉尔吉斯斯坦外长",
            "date_start": "2019-10", "countries": ["CN", "KG"], "framework": "bilateral",
            "level": "foreign_minister", "topics": [], "attributes": {"topic_note": NO_CONCERN},
            "sources": [zh], "verification": "official_source",
        }),
        Event.model_validate({
            "id": "2018-meeting-cn-tm-1", "kind": "meeting", "title": "Встреча президентов",
            "date_start": "2018", "countries": ["CN", "TM"], "framework": "bilateral",
            "level": "head_of_state", "topics": ["regime_stability"], "sources": [zh],
            "verification": "official_source",
        }),
        Event.model_validate({
            "id": "2020-equipment_transfer-cn-kg-1", "kind": "equipment_transfer",
            "title": "Китай передал <b>дроны</b> Кыргызстану", "date_start": "2020",
            "countries": ["CN", "KG"], "framework": "bilateral",
            "attributes": {"item": HOSTILE_ITEM, "quantity": 4, "value_usd": 1000000,
                           "recipient": "Пограничная служба", "funding": "PRC aid",
                           "date_note": "year only"},
            "sources": [
                Source(url="https://example.org/ru/drones", publisher="Kabar", language="ru"),
                Source(url="ftp://example.org/pub/drones.txt", publisher="local <copy>",
                       language="ru"),
            ],
            "verification": "single_source",
        }),
    ]  # fmt: skip


@pytest.fixture(scope="module")
def events() -> list[Event]:
    return fixture_events() + _extra()


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory, events: list[Event]) -> Path:
    tmp = tmp_path_factory.mktemp("country")
    store = fixture_store(tmp / "t.db", events)
    return build_report(tmp / "out", store=store).index.parent


def _csv(out: Path, name: str) -> list[dict[str, str]]:
    with open(out / "data" / f"{name}.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _page(out: Path) -> str:
    return (out / "index.html").read_text(encoding="utf-8")


def _period(year: int) -> str | None:
    return next((p.label for p in load_study().periods if p.contains(year)), None)


def pct(x: float) -> str:
    return f"{math.floor(100 * x + 0.5)}%"


def _concerns(
    events: list[Event],
) -> tuple[Counter[tuple[str, str]], Counter[tuple[str, str, str]]]:
    n: Counter[tuple[str, str]] = Counter()
    count: Counter[tuple[str, str, str]] = Counter()
    for e in events:
        period = _period(e.year)
        if e.kind != "meeting" or period is None:
            continue
        coded = bool(e.topics) or e.attributes.get("topic_note") == NO_CONCERN
        for c in e.countries:
            if c in PARTNERS and coded:
                n[c, period] += 1
                for t in e.topics:
                    count[c, period, t] += 1
    return n, count


def test_country_concerns_csv_equals_the_events(out: Path, events: list[Event]) -> None:
    n, count = _concerns(events)
    rows = _csv(out, "country_concerns")
    assert {(r["country"], r["period"]) for r in rows} == set(n)
    for r in rows:
        key = (r["country"], r["period"])
        assert int(r["n_meetings"]) == n[key]
        assert int(r["count"]) == count[(*key, r["topic"])]
        assert math.isclose(float(r["share"]), count[(*key, r["topic"])] / n[key])


def test_no_concern_meeting_counted_as_missing(out: Path) -> None:
    """A meeting marked 'sources name no specific security concern' is in the base of every
    share (KG 2015-2020: two meetings with concerns and this one), not left out."""
    kg = [
        r
        for r in _csv(out, "country_concerns")
        if (r["country"], r["period"]) == ("KG", "2015-2020")
    ]
    assert {int(r["n_meetings"]) for r in kg} == {3}
    terrorism = next(r for r in kg if r["topic"] == "terrorism")
    assert (int(terrorism["count"]), float(terrorism["share"])) == (2, 2 / 3)
    overall = [r for r in _csv(out, "topic_heatmap") if r["period"] == "2015-2020"]
    assert {int(r["n_meetings"]) for r in overall} == {8}
    assert "1 meetings whose sources were read and name no specific" not in _page(out)
    assert "(1 meetings, marked so in the data)" in _page(out)


def test_country_paragraphs_name_the_leading_concerns(out: Path, events: list[Event]) -> None:
    n, count = _concerns(events)
    page = html.unescape(_page(out))
    for country in PARTNERS:
        para = re.search(rf'<p id="country-{country}">(.*?)</p>', page, flags=re.S)
        assert para, country
        text = para.group(1)
        for c, period in sorted(k for k in n if k[0] == country):
            top = sorted(
                ((t, k) for (cc, p, t), k in count.items() if (cc, p) == (c, period) and k),
                key=lambda tk: (-tk[1], tk[0]),
            )[:3]
            star = "*" if n[c, period] < 5 else ""
            lead = ", ".join(f"{t.replace('_', ' ')} {k} ({pct(k / n[c, period])})" for t, k in top)
            meetings = f"{n[c, period]} meeting{'' if n[c, period] == 1 else 's'}{star}"
            assert f"{period} ({meetings}): {lead}" in text, (country, text)
    # the change is measured only between periods with at least 5 meetings
    assert "Fewer than two periods with at least 5 meetings" in page


def _levels(events: list[Event]) -> Counter[tuple[str, str, str]]:
    out: Counter[tuple[str, str, str]] = Counter()
    for e in events:
        period = _period(e.year)
        if e.kind == "meeting" and period:
            for c in e.countries:
                if c in PARTNERS:
                    out[c, period, e.level or "unknown"] += 1
    return out


def test_meeting_levels_csv_and_caption(out: Path, events: list[Event]) -> None:
    want = _levels(events)
    rows = _csv(out, "meeting_levels")
    assert {(r["country"], r["period"], r["level"]): int(r["count"]) for r in rows} == want
    for r in rows:
        total = sum(k for (c, p, _lv), k in want.items() if (c, p) == (r["country"], r["period"]))
        assert int(r["n_meetings"]) == total
    caption = re.search(
        r'<figure id="chart-meeting_levels">.*?<span class="caption">(.*?)</span>',
        _page(out), flags=re.S,
    ).group(1)  # type: ignore[union-attr]  # fmt: skip
    for country in ("KZ", "KG"):
        mine = Counter({lv: k for (c, _p, lv), k in want.items() if c == country})
        by_level: Counter[str] = Counter()
        for (c, _p, lv), k in want.items():
            if c == country:
                by_level[lv] += k
        # ties: the higher rank first (the codebook's order of levels)
        top = sorted(by_level.items(), key=lambda lk: (-lk[1], LEVELS.index(lk[0])))[0]
        assert (
            f"{country}: {sum(by_level.values())} meetings at {len(mine)} levels, most often "
            f"{top[0].replace('_', ' ')} ({top[1]})"
        ) in html.unescape(caption)


def test_activity_tables_csv_equal_the_events(out: Path, events: list[Event]) -> None:
    for table in ACTIVITY_TABLES:
        rows = _csv(out, table.name)
        mine = sorted((e for e in events if e.kind == table.kind), key=lambda e: e.id)
        mine = sorted(mine, key=lambda e: e.date_start, reverse=True)
        assert [r["id"] for r in rows] == [e.id for e in mine], table.kind
        for r, e in zip(rows, mine, strict=True):
            assert r["date"] == e.date_start
            assert r["countries"] == ";".join(e.countries)
            assert r["title"] == e.title
            assert r["source_urls"] == " ".join(s.url for s in e.sources)
            for name in table.attributes:
                value = e.attributes.get(name)
                assert r[name] == ("" if value is None else str(value)), (e.id, name)


def _table(page: str, name: str) -> str:
    found = re.search(rf'<table class="data sortable" id="table-{name}">(.*?)</table>', page, re.S)
    assert found, name
    return found.group(1)


def test_activity_table_cells_are_its_csv_escaped(out: Path) -> None:
    page = _page(out)
    table = _table(page, "activity_equipment_transfer")
    row = next(r for r in _csv(out, "activity_equipment_transfer") if r["id"].startswith("2020"))
    heads = [html.unescape(h) for h in re.findall(r"<th\b[^>]*>(.*?)</th>", table)]
    assert heads[:4] == ["date", "countries", "framework", "title and sources"]
    assert {"item", "quantity", "value (USD)", "recipient", "other"} <= set(heads)
    tr = re.search(r'<tr id="activity_equipment_transfer-2020[^"]*">(.*?)</tr>', table, re.S)
    assert tr
    cells = [html.unescape(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", tr.group(1))]
    assert cells[heads.index("quantity")] == row["quantity"] == "4"
    assert cells[heads.index("value (USD)")] == row["value_usd"] == "1000000"
    assert cells[heads.index("item")] == row["item"] == HOSTILE_ITEM
    assert row["other"] == "funding: PRC aid"  # the date note is not an attribute of the transfer
    # hostile text is escaped, only the http(s) source is a link
    assert "<img" not in table and "<b>дроны" not in table
    assert (
        '<a href="https://example.org/ru/drones" rel="noopener noreferrer nofollow">Kabar</a>'
        in tr.group(1)
    )
    assert "ftp:" not in "".join(re.findall(r'href="([^"]*)"', page))
    assert '<span class="url">local &lt;copy&gt;</span>' in tr.group(1)
    # numbers sort as numbers
    assert '<th data-type="num">quantity</th>' in table
    # the sources sit under the title, in the same cell
    title_cell = re.search(r'<td class="col-title">(.*?)</td>', tr.group(1), re.S)
    assert (
        title_cell
        and 'class="src">Sources: <a href="https://example.org/ru/drones"' in title_cell.group(1)
    )


def test_activity_kinds_without_rows_say_so(tmp_path: Path, events: list[Event]) -> None:
    store = fixture_store(tmp_path / "t.db", events)
    filters = EventFilter(kinds=("meeting", "training_education"))
    page = _page(build_report(tmp_path / "out", store=store, filters=filters).index.parent)
    assert "No equipment transfers in this selection." in page
    assert "No joint patrols and operations in this selection." in page
    assert 'id="table-activity_training_education"' in page
    assert "Training and education (1)" in page
