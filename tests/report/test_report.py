from __future__ import annotations

import re
from pathlib import Path

import pytest

from steppewatch.cli import main
from steppewatch.errors import AnalysisError
from steppewatch.report import build_report
from steppewatch.store import EventFilter, open_store
from tests.analysis.fixture_events import fixture_store

CHARTS = {
    "topic_heatmap", "concern_shares", "meetings_by_country", "activity_mix",
    "exercise_timeline", "engagement_index", "country_concerns", "meeting_levels",
}  # fmt: skip

# anything that makes a browser fetch on its own: src/srcset/poster/data attributes, <link href>,
# CSS url(...) and @import, and meta refresh. Plain <a href> links are allowed.
_LOADING = [
    re.compile(
        r"""\b(?:src|srcset|poster|data|action|formaction)\s*=\s*["']?\s*(?!data:)[a-z]+:""", re.I
    ),
    re.compile(r"<link\b[^>]*>", re.I),
    re.compile(r"url\(\s*['\"]?\s*(?!data:)[a-z]+:", re.I),
    re.compile(r"@import", re.I),
    re.compile(r"http-equiv\s*=\s*['\"]?refresh", re.I),
    re.compile(r"<(?:script|iframe|embed|object)\b[^>]*\bsrc", re.I),
]


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("report")
    store = fixture_store(tmp / "t.db")
    return build_report(tmp / "out", store=store).index


def test_report_files(report: Path) -> None:
    out = report.parent
    assert {p.stem for p in (out / "charts").glob("*.png")} == CHARTS
    assert {p.stem for p in (out / "charts").glob("*.svg")} == CHARTS
    data = {p.stem for p in (out / "data").glob("*.csv")}
    assert CHARTS <= data
    assert {"findings", "concern_lifespan", "concern_trends", "country_ranking"} <= data
    assert (out / "charts" / "topic_heatmap.svg").read_text().lstrip().startswith("<?xml")
    assert (out / "charts" / "topic_heatmap.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_report_loads_nothing_from_elsewhere(report: Path) -> None:
    page = report.read_text(encoding="utf-8")
    for pattern in _LOADING:
        assert not pattern.search(page), f"{pattern.pattern} matches: {pattern.search(page)}"
    # every http(s) URL in the page is inside a plain <a href="..."> (citations), never loaded
    for match in re.finditer(r"https?://", page):
        before = page[max(0, match.start() - 10) : match.start()]
        assert before.endswith('<a href="'), page[match.start() - 80 : match.end() + 40]
    assert page.count("data:image/png;base64,") == len(CHARTS)


def test_report_sections(report: Path) -> None:
    page = report.read_text(encoding="utf-8")
    for section in ("findings", "charts", "tables", "methods"):
        assert f'<section id="{section}">' in page
    assert "codebook 1.0.0" in page or "codebook version 1.0.0" in page
    assert "Kyrgyzstan and Tajikistan are the most responsive partners." in page
    assert 'class="verdict verdict-supported"' in page
    assert "Default multilateral factor: 0.5" in page


def test_empty_database_writes_nothing(tmp_path: Path) -> None:
    store = open_store("sqlite:///" + str(tmp_path / "empty.db"))
    with pytest.raises(AnalysisError, match=r"SW610.*holds no events"):
        build_report(tmp_path / "out", store=store)
    assert not (tmp_path / "out").exists()


def test_filters_matching_nothing_write_nothing(tmp_path: Path) -> None:
    store = fixture_store(tmp_path / "t.db")
    with pytest.raises(AnalysisError, match=r"SW611.*from 2030.*24 events"):
        build_report(tmp_path / "out", store=store, filters=EventFilter(since=2030))
    assert not (tmp_path / "out").exists()


def test_filters_with_nothing_to_chart(tmp_path: Path) -> None:
    store = fixture_store(tmp_path / "t.db")
    with pytest.raises(AnalysisError, match="SW612"):
        build_report(
            tmp_path / "out", store=store, filters=EventFilter(kinds=("domestic_capacity",))
        )
    assert not (tmp_path / "out").exists()


def test_machine_events_are_left_out_by_default(tmp_path: Path) -> None:
    from tests.analysis.fixture_events import fixture_events

    events = [e.model_copy(update={"review_status": "machine"}) for e in fixture_events()]
    store = fixture_store(tmp_path / "t.db", events)
    with pytest.raises(AnalysisError, match="SW611"):
        build_report(tmp_path / "out", store=store)


def test_cli_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fixture_store(tmp_path / "t.db").close()
    db = "sqlite:///" + str(tmp_path / "t.db")
    main(["report", "--db", db, "--out", str(tmp_path / "r"), "--country", "kg"])
    out = capsys.readouterr().out
    assert f"Report written: {tmp_path / 'r' / 'index.html'}" in out
    page = (tmp_path / "r" / "index.html").read_text(encoding="utf-8")
    assert "filters: country KG" in page
    # per-country charts show only Kyrgyzstan
    csv = (tmp_path / "r" / "data" / "meetings_by_country.csv").read_text()
    assert set(line.split(",")[1] for line in csv.splitlines()[1:]) == {"KG"}


def test_cli_report_errors_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = "sqlite:///" + str(tmp_path / "empty.db")
    with pytest.raises(SystemExit) as done:
        main(["report", "--db", db, "--out", str(tmp_path / "r")])
    assert done.value.code == 1
    err = capsys.readouterr().err
    assert err.startswith("Error: [SW610]") and "Traceback" not in err
    with pytest.raises(SystemExit):
        main(["report", "--db", db, "--since", "2020", "--until", "2010"])
    assert "[SW122]" in capsys.readouterr().err


@pytest.mark.filterwarnings("ignore:Glyph:UserWarning")  # CJK period label, no CJK chart font
def test_cli_report_with_another_study(tmp_path: Path) -> None:
    study = tmp_path / "study.yaml"
    study.write_text(
        "id: cn_kg_tj\n"
        "name: PRC and two neighbours\n"
        "focal_state: CN\n"
        "partner_states: [KG, TJ]\n"
        "period_start: 1992\n"
        "codebook_version: 1.0.0\n"
        "periods:\n"
        "  - {label: 'до 2010', start: 1990, end: 2009}\n"
        "  - {label: '2010 以后', start: 2010, end: null}\n",
        encoding="utf-8",
    )
    fixture_store(tmp_path / "t.db").close()
    db = "sqlite:///" + str(tmp_path / "t.db")
    main(["report", "--db", db, "--out", str(tmp_path / "r"), "--study", str(study)])
    page = (tmp_path / "r" / "index.html").read_text(encoding="utf-8")
    assert "<title>PRC and two neighbours: analysis report</title>" in page
    heat = (tmp_path / "r" / "data" / "topic_heatmap.csv").read_text(encoding="utf-8")
    assert {line.split(",")[0] for line in heat.splitlines()[1:]} == {"до 2010", "2010 以后"}
    # 1996-2009: 4 meetings with concerns; 2010 on: 6; terrorism 1 of 4, then 5 of 6
    assert "Terrorism is coded in 25% of до 2010 meetings and 83% of 2010 以后 meetings." in page
    mix = (tmp_path / "r" / "data" / "activity_mix.csv").read_text(encoding="utf-8")
    assert {line.split(",")[0] for line in mix.splitlines()[1:]} == {"KG", "TJ"}


def test_unwritable_output_is_a_clear_error(tmp_path: Path) -> None:
    store = fixture_store(tmp_path / "t.db")
    blocker = tmp_path / "taken"
    blocker.write_text("a file, not a folder", encoding="utf-8")
    with pytest.raises(AnalysisError, match="SW613"):
        build_report(blocker, store=store, filters=EventFilter(kinds=("multilateral_exercise",)))
    assert blocker.read_text(encoding="utf-8") == "a file, not a folder"


def test_filtered_report_shows_impossible_windows(tmp_path: Path) -> None:
    """Regression (issue 11.9): ``--country KG --since 2010`` printed windows such as
    "2010-1999" (a 1990s claim clipped to the filtered years) and kept study periods that the
    filter empties or cuts. Now every window shown is a real span and periods are clipped."""
    from steppewatch.store.importing import load_bundled_dataset
    from steppewatch.study import load_study

    store = open_store(f"sqlite:///{tmp_path / 'b.db'}")
    load_bundled_dataset(store, load_study())
    result = build_report(
        tmp_path / "out", store=store, filters=EventFilter(countries=("KG",), since=2010)
    )
    out = result.index.parent
    texts = [result.index.read_text(encoding="utf-8")]
    texts += [p.read_text(encoding="utf-8-sig") for p in (out / "data").glob("*.csv")]
    spans = [
        (int(a), int(b))
        for text in texts
        for a, b in re.findall(r"\b((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)\b", text)
    ]
    assert spans, "the report shows no windows at all"
    assert [s for s in spans if s[1] < s[0]] == []
    # the 1990s claim is judged on its own window, with nothing in it
    assert "0 meetings with concerns coded in 1990-1999" in texts[0]
    # study periods: 1992-2000 and 2001-2008 dropped, 2009-2014 clipped to 2010-2014
    from steppewatch.analysis.frame import Period, clip_periods

    periods = clip_periods(
        [Period("1992-2000", 1992, 2000), Period("2009-2014", 2009, 2014), Period("Now", 2021)],
        2010,
        2022,
    )
    assert [(p.label, p.start, p.end) for p in periods] == [
        ("2010-2014", 2010, 2014),
        ("Now (2021-2022)", 2021, 2022),
    ]
    concern_csv = (out / "data" / "concern_shares.csv").read_text(encoding="utf-8-sig")
    assert "1992-2000" not in concern_csv and "2009-2014" not in concern_csv


def test_report_uses_jemalloc_for_arrow_and_restores_the_pool(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pyarrow as pa

    try:
        pa.jemalloc_memory_pool()
    except NotImplementedError:
        pytest.skip("this pyarrow is built without jemalloc")
    monkeypatch.delenv("ARROW_DEFAULT_MEMORY_POOL", raising=False)
    monkeypatch.setenv("STEPPEWATCH_CHART_WORKERS", "0")
    store = fixture_store(tmp_path / "t.db")
    original = pa.default_memory_pool()
    before = original.backend_name
    seen: list[str] = []
    build_report(
        tmp_path / "out",
        store=store,
        progress=lambda _s: seen.append(pa.default_memory_pool().backend_name),
    )
    assert set(seen) == {"jemalloc"}
    assert pa.default_memory_pool().backend_name == before
    # chosen by the user: left alone (the system allocator here)
    monkeypatch.setenv("ARROW_DEFAULT_MEMORY_POOL", "system")
    pa.set_memory_pool(pa.system_memory_pool())
    try:
        seen.clear()
        build_report(
            tmp_path / "out2",
            store=store,
            progress=lambda _s: seen.append(pa.default_memory_pool().backend_name),
        )
        assert set(seen) == {"system"}
    finally:
        pa.set_memory_pool(original)
