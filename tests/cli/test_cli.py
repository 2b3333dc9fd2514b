"""The command line as a user runs it: init, stats, events list/show, import, errors."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def run(*args: str, cwd: Path, ok: bool = True) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "steppewatch", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        env={**__import__("os").environ, "STEPPEWATCH_DB": ""},
    )
    if ok:
        assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="module")
def initialised(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli")
    run("init", cwd=folder)
    return folder


def test_init_loads_every_bundled_event(initialised: Path, shared_dir: Path) -> None:
    assert (initialised / "steppewatch.db").is_file()
    stats = json.loads(run("stats", "--json", cwd=initialised).stdout)
    with (shared_dir / "data" / "events.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert stats["events"] == len(rows) == 525
    assert stats["sources"] == 1075
    assert sum(stats["by_kind"].values()) == 525
    assert stats["by_country"]["CN"] == 525
    assert stats["dataset_version"] == "2026.12"
    again = run("init", cwd=initialised)  # idempotent
    assert "0 new" in again.stdout and "525 unchanged" in again.stdout


def test_stats_table_output(initialised: Path) -> None:
    out = run("stats", cwd=initialised).stdout
    assert "525 events, 1075 sources" in out
    assert "bilateral_exercise" in out and "1990s" in out


def test_events_list_json_matches_bundled_rows(initialised: Path, shared_dir: Path) -> None:
    out = run(
        "events",
        "list",
        "--country",
        "TJ",
        "--kind",
        "bilateral_exercise",
        "--format",
        "json",
        cwd=initialised,
    ).stdout
    events = json.loads(out)
    with (shared_dir / "data" / "events.csv").open(encoding="utf-8", newline="") as handle:
        expected = {
            r["id"]
            for r in csv.DictReader(handle)
            if r["kind"] == "bilateral_exercise" and "TJ" in r["countries"].split(";")
        }
    assert {e["id"] for e in events} == expected and expected
    first = events[0]
    assert set(first) >= {
        "id",
        "kind",
        "title",
        "date_start",
        "countries",
        "topics",
        "sources",
        "actors",
        "date_precision",
    }
    assert all(e["sources"] for e in events)


def test_events_list_filters_and_csv(initialised: Path) -> None:
    out = run(
        "events",
        "list",
        "--topic",
        "terrorism",
        "--domain",
        "military",
        "--framework",
        "SCO",
        "--since",
        "2010",
        "--until",
        "2020",
        "--format",
        "csv",
        cwd=initialised,
    ).stdout
    rows = list(csv.DictReader(out.splitlines()))
    assert rows
    for row in rows:
        assert "terrorism" in row["topics"].split(";") and "military" in row["domains"].split(";")
        assert 2010 <= int(row["date_start"][:4]) <= 2020
    levels = json.loads(
        run(
            "events", "list", "--level", "defence_minister", "--format", "json", cwd=initialised
        ).stdout
    )
    assert levels and all(e["level"] == "defence_minister" for e in levels)
    text = json.loads(
        run("events", "list", "--text", "Peace Mission", "--format", "json", cwd=initialised).stdout
    )
    haystacks = [
        json.dumps(
            [e["title"], e["summary"], e["location"], e["actors"]], ensure_ascii=False
        ).lower()
        for e in text
    ]
    assert text and all("peace" in h and "mission" in h for h in haystacks)


def test_events_show(initialised: Path) -> None:
    event_id = json.loads(
        run(
            "events",
            "list",
            "--kind",
            "equipment_transfer",
            "--format",
            "json",
            "--limit",
            "1",
            cwd=initialised,
        ).stdout
    )[0]["id"]
    shown = json.loads(run("events", "show", event_id, "--format", "json", cwd=initialised).stdout)
    assert shown["id"] == event_id and shown["sources"]
    table = run("events", "show", event_id, cwd=initialised).stdout
    assert "Sources (" in table and shown["sources"][0]["url"] in table


def test_user_mistakes_print_one_line_no_traceback(initialised: Path, tmp_path: Path) -> None:
    for args in (
        ["events", "show", "no-such-id"],
        ["events", "list", "--topic", "uyghur"],
        ["import", str(tmp_path / "missing.csv")],
        ["events", "list", "--country", "Kyrgyzstan"],
    ):
        result = run(*args, cwd=initialised, ok=False)
        assert result.returncode == 1, args
        assert "Traceback" not in result.stderr
        assert result.stderr.startswith("Error: [SW"), result.stderr


def test_unknown_cli_options_print_one_line_not_a_traceback(tmp_path: Path) -> None:
    """Regression (issue 11.8): typer releases that vendor their own click raised usage errors
    that main() did not catch, so every mistyped option printed a traceback. Runs the installed
    console script, as a user does, not ``python -m``."""
    script = Path(sys.executable).with_name("steppewatch")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "steppewatch"]
    cases = {
        ("report", "--bogus"): "--bogus",
        ("events", "list", "--contry", "KG"): "--contry",
        ("no-such-command",): "no-such-command",
        ("events", "show"): "Missing argument",
        ("report", "--out", str(tmp_path), "--since", "abc"): "--since",
    }
    for args, named in cases.items():
        result = subprocess.run(
            [*command, *args], cwd=tmp_path, capture_output=True, text=True, timeout=120
        )
        assert result.returncode == 2, (args, result.stderr)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1, (args, result.stderr)
        assert lines[0].startswith("Error: [SW105] "), lines[0]
        assert named in lines[0] and "--help" in lines[0]
        assert "Traceback" not in result.stderr


def test_import_reports_bad_rows_and_exits_1(initialised: Path, tmp_path: Path) -> None:
    path = tmp_path / "mine.csv"
    header = "id,kind,title,date_start,date_end,countries,framework,location,cn_actors,partner_actors,level,domains,topics,attributes,summary,verification"
    path.write_text(
        header + "\n"
        "2024-05-01-training_education-cn-uz-1,training_education,Курс для узбекских пограничников,2024-05,,CN;UZ,bilateral,,,,,border_guard,border_security,,,single_source\n"
        "2024-05-02-training_education-cn-uz-1,training_education,Bad,2024-5-2,,CN;UZ,bilateral,,,,,border_guard,,,,\n",
        encoding="utf-8",
    )
    result = run("import", str(path), "--db", str(tmp_path / "own.db"), cwd=initialised, ok=False)
    assert result.returncode == 1
    assert (
        "mine.csv, line 3, id 2024-05-02-training_education-cn-uz-1, field 'date_start'"
        in result.stderr
    )
    assert "1 new" in result.stdout


def test_codebook_commands(tmp_path: Path) -> None:
    assert "valid codebook" in run("codebook", "check", cwd=tmp_path).stdout
    manual = run("codebook", "manual", cwd=tmp_path).stdout
    assert "### `three_evils`" in manual and "三股势力" in manual
    bad = tmp_path / "bad.yaml"
    bad.write_text("codebook: x\nversion: one\nschemes: {}\n", encoding="utf-8")
    result = run("codebook", "check", str(bad), cwd=tmp_path, ok=False)
    assert result.returncode == 1
    assert result.stderr.count("[schema]") >= 3  # every problem at once


def test_help_and_version(tmp_path: Path) -> None:
    assert "init" in run("--help", cwd=tmp_path).stdout
    assert run("--version", cwd=tmp_path).stdout.startswith("steppewatch ")


def test_fit_topics_refuses_a_held_out_set_in_one_line(tmp_path: Path) -> None:
    """`steppewatch fit-topics` as a user runs it: a held-out gold set is refused by name,
    with the error's code and no traceback, and nothing is written."""
    out = tmp_path / "layer.json"
    result = run("fit-topics", "gold/test27.jsonl", "--out", str(out), cwd=REPO, ok=False)
    assert result.returncode != 0
    assert "[SW397]" in result.stderr and "test27.jsonl" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_fit_topics_writes_the_same_bytes_twice(tmp_path: Path) -> None:
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    for target in (first, second):
        result = run("fit-topics", "gold/dev.jsonl", "--out", str(target), cwd=REPO)
        assert "topics from" in result.stdout
    data = json.loads(first.read_text(encoding="utf-8"))
    assert data["fitted_on"] == ["dev.jsonl"] and data["topics"]
    assert first.read_bytes() == second.read_bytes()


def test_fit_participation_refuses_held_out_and_validation_sets(tmp_path: Path) -> None:
    """`steppewatch fit-participation`: held-out sets (and the validation pair) are refused by
    name in one line, and nothing is written."""
    out = tmp_path / "participation.json"
    for name in ("gold/test28.jsonl", "gold/test27_second.jsonl", "gold/tune6.jsonl"):
        result = run("fit-participation", name, "--out", str(out), cwd=REPO, ok=False)
        assert result.returncode != 0
        assert "[SW393]" in result.stderr and Path(name).name in result.stderr
        assert "Traceback" not in result.stderr
        assert not out.exists()


def test_fit_participation_writes_the_same_bytes_twice_disabled(tmp_path: Path) -> None:
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    for target in (first, second):
        result = run(
            "fit-participation",
            "gold/tune4.jsonl",
            "gold/test18.jsonl",
            "--out",
            str(target),
            cwd=REPO,
        )
        assert "disabled" in result.stdout
    data = json.loads(first.read_text(encoding="utf-8"))
    assert data["fitted_on"] == ["test18", "tune4"] and data["enabled"] is False
    assert first.read_bytes() == second.read_bytes()
