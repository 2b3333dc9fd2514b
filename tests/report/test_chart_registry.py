"""A chart is declared once (issue 16): one entry of ``chart_registry.CHARTS`` names its data,
basis, figure and caption; the report draws the entries in order, its progress display counts
one step per entry and the README's chart count is the number of entries."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from steppewatch.models import Study
from steppewatch.report import figures
from steppewatch.report.build import REPORT_STEPS
from steppewatch.report.chart_registry import CHARTS
from steppewatch.study import load_study

README = Path(__file__).resolve().parents[2] / "README.md"
_WORDS = "one two three four five six seven eight nine ten eleven twelve".split()
_COUNT = re.compile(r"\b(\d+|" + "|".join(_WORDS) + r") charts\b", re.IGNORECASE)


def _number(text: str) -> int:
    return int(text) if text.isdigit() else _WORDS.index(text.lower()) + 1


def test_the_readme_chart_count_is_the_registrys() -> None:
    counts = [_number(m.group(1)) for m in _COUNT.finditer(README.read_text(encoding="utf-8"))]
    assert counts, "the README names no chart count"
    assert set(counts) == {len(CHARTS)}, (counts, [c.name for c in CHARTS])


def test_every_entry_is_complete_and_named_once() -> None:
    names = [c.name for c in CHARTS]
    assert len(set(names)) == len(names)
    assert REPORT_STEPS == len(CHARTS) + 4  # load, tables, evidence, write
    for spec in CHARTS:
        assert spec.section in {"charts", "countries"}
        assert spec.data_file == f"data/{spec.name}.csv"
        assert callable(spec.data) and callable(spec.figure) and callable(spec.caption)


def test_chart_colours_come_from_the_study_else_the_palette() -> None:
    prc = load_study()
    colours = figures.country_colours(prc.partner_states, prc.colours)
    assert colours == {
        "KZ": "#1f77b4", "KG": "#d62728", "TJ": "#2ca02c", "UZ": "#9467bd", "TM": "#ff7f0e",
    }  # fmt: skip
    # no colours given: the palette in turn; one given: the others skip its colour
    assert figures.country_colours(["QM", "QN"]) == {"QM": "#1f77b4", "QN": "#d62728"}
    given = figures.country_colours(["QM", "QN", "QO"], {"QN": "#1F77B4"})
    assert given == {"QN": "#1F77B4", "QM": "#d62728", "QO": "#2ca02c"}
    many = figures.country_colours([f"Q{c}" for c in "MNOPQRSTUVWX"])
    assert len(many) == 12 and all(re.fullmatch(r"#[0-9a-f]{6}", c) for c in many.values())


@pytest.mark.parametrize(
    ("colours", "message"),
    [
        ({"KG": "red"}, "#rrggbb"),
        ({"RU": "#123456"}, "not partners: RU"),
    ],
)
def test_a_bad_colour_in_a_study_file_is_reported(colours: dict[str, str], message: str) -> None:
    data = load_study().model_dump(by_alias=True)
    data["colours"] = colours
    with pytest.raises(ValueError, match=message):
        Study.model_validate(data)


@pytest.mark.parametrize("filters", [{}, {"countries": ("KZ",), "since": 2005}])
def test_bases_counted_on_their_columns_equal_the_whole_frames(
    tmp_path: Path, filters: dict[str, object]
) -> None:
    from steppewatch.analysis.frame import (
        analysis_frame,
        clip_periods,
        periods_from_study,
        source_total,
    )
    from steppewatch.report import DEFAULT_STATUSES
    from steppewatch.report.build import _load_frame
    from steppewatch.report.chart_registry import ChartInputs
    from steppewatch.report.content import _basis_frame
    from steppewatch.store import EventFilter
    from tests.analysis.fixture_events import fixture_store

    store = fixture_store(tmp_path / "t.db")
    chosen = EventFilter.make(statuses=DEFAULT_STATUSES, **filters)  # type: ignore[arg-type]
    frame = analysis_frame(_load_frame(store, chosen))
    study = load_study()
    periods = clip_periods(periods_from_study(study), chosen.since, chosen.until)
    partners = list(study.partner_states)
    slim = _basis_frame(frame)
    assert slim is not frame and len(slim.columns) < len(frame.columns)
    whole, narrow = ChartInputs(frame, partners, periods), ChartInputs(slim, partners, periods)
    counts = []
    for spec in CHARTS:
        a, b = spec.basis(whole), spec.basis(narrow)
        assert (len(b), source_total(b)) == (len(a), source_total(a)), spec.name
        assert b.index.equals(a.index), spec.name
        counts.append(len(a))
    assert any(counts)  # the fixture's events are behind the charts
