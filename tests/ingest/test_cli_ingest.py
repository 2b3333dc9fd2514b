"""``steppewatch ingest`` from the command line (in process, with the test coder)."""

from __future__ import annotations

from pathlib import Path

import pytest

import tests.ingest.fake_coder  # noqa: F401  (registers test.fake.v0)
from steppewatch.cli import main
from tests.ingest.test_pipeline import RU_MEETING, ZH_MEETING


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        main(args)
        code = 0
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_ingest_folder_twice_then_list_machine_events(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "zh.txt").write_text(ZH_MEETING, encoding="utf-8")
    (folder / "ru.txt").write_text(RU_MEETING, encoding="utf-8")
    db = str(tmp_path / "sw.db")
    code, out, err = run(["ingest", str(folder), "--coder", "test.fake.v0", "--db", db], capsys)
    assert code == 0, err
    assert "2 documents: 2 new, 0 unchanged" in out and "1 events created, 1 sources added" in out
    assert "committed 2 documents" in err  # plain progress when stderr is not a terminal
    assert (tmp_path / "archive").is_dir()
    code, out, _ = run(["ingest", str(folder), "--coder", "test.fake.v0", "--db", db], capsys)
    assert "0 new, 2 unchanged" in out and "0 events created" in out
    code, out, _ = run(
        ["events", "list", "--status", "machine", "--format", "csv", "--db", db], capsys
    )
    assert "2019-06-14-meeting-cn-kg-1" in out and ",machine,2" in out  # ru.txt comes first


def test_missing_path_is_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["ingest", str(tmp_path / "nope"), "--db", str(tmp_path / "sw.db")], capsys)
    assert code == 1 and "SW142" in err and "Traceback" not in err
