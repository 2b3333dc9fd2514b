"""The report's "Data and its limits" section, the finding n, the masked years of the yearly
concern chart, the verdict sensitivity table and the 300 dpi PNGs: every number recomputed here
from the fixture events with plain loops, and every number shown equal to its CSV."""

from __future__ import annotations

import csv
import re
import struct
import zlib
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from steppewatch.models import Event
from steppewatch.report import build_report
from steppewatch.sources.publishers import lookup
from tests.analysis.fixture_events import fixture_events, fixture_store


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("limits")
    return build_report(tmp / "out", store=fixture_store(tmp / "t.db")).index


@pytest.fixture(scope="module")
def events() -> list[Event]:
    return fixture_events()


def _csv(report: Path, name: str) -> list[dict[str, str]]:
    with (report.parent / "data" / f"{name}.csv").open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _section(report: Path, ident: str) -> str:
    page = report.read_text(encoding="utf-8")
    start = page.index(f'id="{ident}"')
    return page[start : page.index("</section>", start)]


def test_coverage_and_single_source_recomputed(report: Path, events: list[Event]) -> None:
    meetings_in_window = 0
    for e in events:
        if e.kind == "meeting" and 1993 <= e.year <= 2020:
            meetings_in_window += 1
    single = 0
    for e in events:
        if len(e.sources) <= 1:
            single += 1
    row = _csv(report, "data_limits")[0]
    assert int(row["meetings_here"]) == meetings_in_window
    assert int(row["meetings_reference"]) == 265
    assert int(row["events"]) == len(events)
    assert int(row["single_source_events"]) == single
    text = _text(_section(report, "data-limits"))
    assert f"The data hold {meetings_in_window} meetings in 1993-2020" in text
    assert f"the data hold {round(100 * meetings_in_window / 265)}% of its count." in text
    assert f"{single} of the {len(events)} events ({round(100 * single / len(events))}%)" in text


def test_events_per_year_marks_thin_years(report: Path, events: list[Event]) -> None:
    per_year: Counter[int] = Counter()
    for e in events:
        per_year[e.year] += 1
    years = range(min(per_year), max(per_year) + 1)
    thin = [y for y in years if per_year[y] < 5]
    rows = _csv(report, "events_per_year")
    assert [int(r["year"]) for r in rows] == list(years)
    assert [int(r["events"]) for r in rows] == [per_year[y] for y in years]
    assert [int(r["year"]) for r in rows if r["thin"] == "True"] == thin
    section = _section(report, "data-limits")
    shown = re.findall(r'<tr class="thin"><td>(\d+)</td><td class="num">(\d+)</td>', section)
    assert [(int(y), int(n)) for y, n in shown] == [(y, per_year[y]) for y in thin]
    assert thin and f"Thin years (fewer than 5 events): {', '.join(map(str, thin))}" in _text(
        section
    )


def _category(publisher: str | None, url: str) -> tuple[str, str | None]:
    match = lookup(publisher, None) or lookup(None, url)
    if match is None:
        return "other", None
    kind = match.entry.kind
    category = {
        "government": "official",
        "multilateral": "official",
        "state_media": "state media",
        "media": "independent",
    }.get(kind, "other")
    return category, match.side


def test_sources_by_language_type_and_side(report: Path, events: list[Event]) -> None:
    languages: Counter[str] = Counter()
    types: Counter[str] = Counter()
    sides: Counter[str] = Counter()
    partners = ["KZ", "KG", "TJ", "UZ", "TM"]
    for e in events:
        for s in e.sources:
            languages[s.language or "unknown"] += 1
            category, side = _category(s.publisher, str(s.url))
            types[category] += 1
            sides["focal (CN)" if side == "CN" else side if side in partners else "neither"] += 1
    assert sum(languages.values()) > 0
    section = _section(report, "data-limits")
    for name, expected, ident in (
        ("language", languages, "sources-by-language"),
        ("type", types, "sources-by-type"),
        ("side", sides, "sources-by-side"),
    ):
        rows = _csv(report, f"sources_by_{name}")
        got = {r[name]: int(r["sources"]) for r in rows if int(r["sources"])}
        assert got == dict(expected), name
        start = section.index(f'id="{ident}"')
        shown = re.findall(
            r'<tr><td>([^<]+)</td><td class="num">([\d,]+)</td>', section[start : start + 4000]
        )
        shown_counts = {v: int(n.replace(",", "")) for v, n in shown[: len(rows)]}
        assert shown_counts == {r[name]: int(r["sources"]) for r in rows}, name
    # the four categories are always listed, in their order
    assert [r["type"] for r in _csv(report, "sources_by_type")][:4] == [
        "official", "state media", "independent", "other",
    ]  # fmt: skip


def test_every_finding_shows_its_n_and_small_n_says_so(report: Path) -> None:
    findings = _csv(report, "findings")
    page = report.read_text(encoding="utf-8")
    table = page[
        page.index('id="findings-table"') : page.index(
            "</table>", page.index('id="findings-table"')
        )
    ]
    rows = table.split("<tr><td>")[1:]
    assert len(rows) == len(findings)
    for row, finding in zip(rows, findings, strict=True):
        n = int(finding["events_counted"])
        if re.search(r'class="num finding-n"[^>]*>—</td>', row):
            # a rule that lists no events (the index ranking): no n, and no small-n note
            assert n == 0 and "Rests on" not in row
            continue
        assert re.search(rf'class="num finding-n"[^>]*>{n:,}</td>', row)
        note = f"Rests on {n} event{'' if n == 1 else 's'} (fewer than 10)"
        assert (note in row) == (n < 10), (finding["claim_id"], n)
    assert any(int(f["events_counted"]) < 10 for f in findings)


def test_yearly_concern_chart_masks_years_with_few_meetings(
    report: Path, events: list[Event]
) -> None:
    coded: dict[int, int] = defaultdict(int)
    for e in events:
        if e.kind == "meeting" and e.topics:
            coded[e.year] += 1
    masked = sorted(y for y, n in coded.items() if n < 5)
    assert masked
    rows = _csv(report, "concern_shares")
    assert sorted({int(r["year"]) for r in rows if r["masked"] == "True"}) == masked
    page = _text(report.read_text(encoding="utf-8"))
    assert f"left out of the 3-year mean): {', '.join(map(str, masked))}." in page


def test_sensitivity_table_has_both_alternatives(report: Path) -> None:
    rows = _csv(report, "claims_sensitivity")
    findings = _csv(report, "findings")
    assert [r["claim_id"] for r in rows] == [f["claim_id"] for f in findings]
    for r, f in zip(rows, findings, strict=True):
        assert r["verdict"] == f["verdict"]
        for name in ("sidelines", "members"):
            assert r[f"changed_{name}"] == str(r[f"verdict_{name}"] != r["verdict"])
    page = report.read_text(encoding="utf-8")
    assert 'id="table-claims_sensitivity"' in page
    summary = _text(_section(report, "data-limits"))
    assert "bilateral meetings on the sidelines of an SCO summit counted as SCO meetings" in summary
    assert "every SCO meeting counted as attended by all SCO members on its date" in summary


def _png_dpi(png: bytes) -> float:
    """Pixels per inch from the PNG's pHYs chunk (unit 1 = metre)."""
    pos = 8
    while pos < len(png):
        (length,) = struct.unpack(">I", png[pos : pos + 4])
        kind = png[pos + 4 : pos + 8]
        body = png[pos + 8 : pos + 8 + length]
        assert (
            zlib.crc32(kind + body)
            == struct.unpack(">I", png[pos + 8 + length : pos + 12 + length])[0]
        )
        if kind == b"pHYs":
            x, _y, unit = struct.unpack(">IIB", body)
            assert unit == 1
            return x * 0.0254
        pos += 12 + length
    raise AssertionError("no pHYs chunk")


def test_charts_are_300_dpi_png_and_svg(report: Path) -> None:
    charts = report.parent / "charts"
    pngs = sorted(charts.glob("*.png"))
    assert pngs
    page = report.read_text(encoding="utf-8")
    for png in pngs:
        assert round(_png_dpi(png.read_bytes())) == 300, png.name
        assert (charts / f"{png.stem}.svg").exists()
        width, height = struct.unpack(">II", png.read_bytes()[16:24])
        # the page shows it at the screen size it had before (110 dpi)
        tag = re.search(
            rf'<figure id="chart-{png.stem}">\s*<img [^>]*width="(\d+)" height="(\d+)"', page
        )
        assert tag, png.stem
        assert int(tag[1]) == round(width * 110 / 300)


def test_coverage_window_and_count_come_from_the_study_file(events: list[Event]) -> None:
    """The reference count is the study file's (``reference_studies[].coverage``), not code: a
    study stating another count gets its own window and words; one stating none gets the years
    the data hold and no count."""
    import pandas as pd

    from steppewatch.report.limits import data_limits
    from steppewatch.study import load_study
    from steppewatch.study_schema import ReferenceCount

    prc = load_study(None)
    frame = pd.DataFrame({"kind": [e.kind for e in events], "year": [e.year for e in events]})
    frame["n_sources"] = [len(e.sources) for e in events]
    empty = pd.DataFrame(columns=["event_id", "url", "publisher", "language"])
    partners = list(prc.partner_states)
    other_ref = prc.reference_studies[0].model_copy(
        update={
            "author": "Институт мировой экономики",
            "year": 2019,
            "coverage": ReferenceCount(start=2001, end=2010, meetings=40, counted="визитов"),
        }
    )
    other = prc.model_copy(update={"reference_studies": [other_ref]})
    lo_hi = [e for e in events if e.kind == "meeting" and 2001 <= e.year <= 2010]
    coverage = data_limits(frame, empty, other, partners).coverage
    assert (coverage.window, coverage.meetings_here, coverage.meetings_reference) == (
        (2001, 2010),
        len(lo_hi),
        40,
    )
    assert "Институт мировой экономики (2019) coded 40 визитов in those years" in (
        coverage.sentence()
    )
    none = prc.model_copy(update={"reference_studies": []})
    coverage = data_limits(frame, empty, none, partners).coverage
    years = [e.year for e in events]
    assert coverage.window == (min(years), max(years)) and coverage.meetings_reference is None
    assert coverage.sentence() == (
        f"The data hold {sum(e.kind == 'meeting' for e in events):,} meetings in "
        f"{min(years)}-{max(years)}."
    )
