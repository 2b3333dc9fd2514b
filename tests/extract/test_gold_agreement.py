"""Agreement between two annotations of the same gold documents (Krippendorff's alpha)."""

from __future__ import annotations

import json
from pathlib import Path

import krippendorff
import numpy as np
import pytest

from steppewatch.errors import InputError
from steppewatch.extract.gold_agreement import gold_agreement


def _write(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", "utf-8")
    return path


def _row(i: int, relevant: bool, countries: list[str], level: str | None) -> dict[str, object]:
    events = (
        [{"kind": "meeting", "countries": countries, "framework": "SCO", "level": level}]
        if relevant
        else []
    )
    return {"id": f"fm-{i}", "path": f"p{i}.html", "relevant": relevant, "events": events}


def test_alpha_per_field_matches_the_package_on_the_same_decisions(tmp_path: Path) -> None:
    first = [
        _row(1, True, ["CN", "KZ"], "foreign_minister"),
        _row(2, False, [], None),
        _row(3, True, ["CN", "UZ"], "head_of_state"),
        _row(4, False, [], None),
    ]
    # the second annotator: same relevance; doc 3 level differs ("Presidential Aide" read as
    # security council), doc 1 adds KG (named, not taking part in the first's reading)
    second = [
        _row(1, True, ["CN", "KZ", "KG"], "foreign_minister"),
        _row(2, False, [], None),
        _row(3, True, ["CN", "UZ"], "security_council"),
        _row(4, False, [], None),
    ]
    report = gold_agreement(
        _write(tmp_path / "a.jsonl", first), _write(tmp_path / "b.jsonl", second)
    )
    assert report.common == 4 and report.fields["relevance"].krippendorff_alpha == 1.0
    # countries: codes used anywhere = KG KZ UZ -> 12 yes/no decisions, one differs
    c = report.fields["countries"]
    assert (c.documents, c.decisions) == (4, 12)
    assert c.percent_agreement == pytest.approx(100 * 11 / 12)
    a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0]
    b = [1, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0]
    expected = krippendorff.alpha(
        reliability_data=np.array([a, b], float), level_of_measurement="nominal"
    )
    assert c.krippendorff_alpha == pytest.approx(expected)
    level = report.fields["level"]
    assert level.percent_agreement == pytest.approx(75.0)
    assert level.krippendorff_alpha is not None and level.krippendorff_alpha < 1.0
    # every decision the same value: alpha undefined, not 1.0
    assert report.fields["topics"].krippendorff_alpha is None


def test_old_records_without_the_field_are_left_out(tmp_path: Path) -> None:
    old = {
        "id": "ro-a",
        "path": "a.txt",
        "relevant": True,
        "kind": "meeting",
        "countries": ["CN", "KZ"],
    }
    report = gold_agreement(
        _write(tmp_path / "a.jsonl", [old]), _write(tmp_path / "b.jsonl", [old])
    )
    assert report.fields["framework"].documents == 0
    assert report.fields["kind"].documents == 1


def test_files_sharing_no_id_are_refused(tmp_path: Path) -> None:
    a = _write(tmp_path / "a.jsonl", [_row(1, False, [], None)])
    b = _write(tmp_path / "b.jsonl", [_row(2, False, [], None)])
    with pytest.raises(InputError) as caught:
        gold_agreement(a, b)
    assert caught.value.code == "SW472"


def test_cli_prints_alpha_per_field(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from steppewatch.cli import app

    rows = [_row(1, True, ["CN", "KZ"], "foreign_minister"), _row(2, False, [], None)]
    a, b = _write(tmp_path / "a.jsonl", rows), _write(tmp_path / "b.jsonl", rows)
    result = CliRunner().invoke(app, ["gold-agreement", str(a), str(b)], env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    assert "relevance" in result.output and "alpha" in result.output
    result = CliRunner().invoke(app, ["gold-agreement", str(a), str(b), "--format", "json"])
    assert json.loads(result.output)["fields"]["relevance"]["krippendorff_alpha"] == 1.0


def test_each_central_asian_state_is_a_yes_no_decision_per_document(tmp_path: Path) -> None:
    # the first annotation split over two files (tune and held-out), as for the real pages
    tune = [_row(1, True, ["CN", "KZ", "UZ"], "head_of_state"), _row(2, False, [], None)]
    heldout = [_row(3, True, ["CN", "UZ"], None), _row(4, False, [], None)]
    # the second annotator: page 1 without KZ (a venue, not taking part), page 4 relevant
    second = [
        _row(1, True, ["CN", "UZ"], "head_of_state"),
        _row(2, False, [], None),
        _row(3, True, ["CN", "UZ"], None),
        _row(4, True, ["CN", "TJ"], None),
    ]
    report = gold_agreement(
        [_write(tmp_path / "t.jsonl", tune), _write(tmp_path / "h.jsonl", heldout)],
        _write(tmp_path / "s.jsonl", second),
    )
    assert report.common == 4 and report.first.count(".jsonl") == 2
    kz, uz, tj = (report.fields[f"country_{c}"] for c in ("KZ", "UZ", "TJ"))
    assert (kz.documents, kz.decisions, kz.disagreements) == (4, 4, ["fm-1"])
    assert kz.percent_agreement == pytest.approx(75.0)
    expected = krippendorff.alpha(
        reliability_data=np.array([[1, 0, 0, 0], [0, 0, 0, 0]], float),
        level_of_measurement="nominal",
    )
    assert kz.krippendorff_alpha == pytest.approx(expected)
    assert uz.krippendorff_alpha == 1.0 and uz.disagreements == []
    assert tj.disagreements == ["fm-4"]
    # TM: nobody lists it anywhere -> all decisions equal, alpha undefined
    assert report.fields["country_TM"].krippendorff_alpha is None
    assert report.fields["relevance"].disagreements == ["fm-4"]
    assert report.fields["countries"].disagreements == ["fm-1", "fm-4"]


def test_cli_reads_several_first_files_and_lists_the_disagreements(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from steppewatch.cli import app

    a = _write(tmp_path / "a.jsonl", [_row(1, True, ["CN", "KZ"], "foreign_minister")])
    b = _write(tmp_path / "b.jsonl", [_row(2, False, [], None)])
    second = _write(
        tmp_path / "s.jsonl",
        [_row(1, True, ["CN", "KZ"], "foreign_minister"), _row(2, True, ["CN", "KG"], None)],
    )
    runner = CliRunner()
    result = runner.invoke(
        app, ["gold-agreement", str(a), str(b), str(second)], env={"COLUMNS": "160"}
    )
    assert result.exit_code == 0, result.output
    assert "country_KG" in result.output and "relevance: 1 differ: fm-2" in result.output
    result = runner.invoke(app, ["gold-agreement", str(a)])
    assert result.exit_code != 0 and "Traceback" not in result.output
