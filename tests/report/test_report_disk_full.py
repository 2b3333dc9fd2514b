"""``report`` on a disk that fills (issue 18, faults): the report is written to a staging
folder and moved into place, so a failed run leaves the previous report whole (or nothing),
never a mix passed off as complete."""

from __future__ import annotations

import errno
import hashlib
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

import steppewatch.report.html as report_html
from steppewatch.atomic_output import STAGING_PREFIX, atomic_file, staged_folder
from steppewatch.cli import main
from steppewatch.errors import AnalysisError
from steppewatch.report import build_report
from steppewatch.store import EventFilter
from tests.analysis.fixture_events import fixture_store


def tree(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_report_on_full_disk_left_a_mix_of_old_and_new_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = fixture_store(tmp_path / "t.db")
    out = tmp_path / "report"
    build_report(out, store=store)
    (out / "my notes.txt").write_text("заметки читателя", encoding="utf-8")  # not ours: kept
    before = tree(out)
    real_write, calls = report_html._atomic_write, []

    def fills_up(path: Path, data: bytes, **kw: object) -> None:
        calls.append(path)
        if len(calls) > 4:
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        real_write(path, data, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(report_html, "_atomic_write", fills_up)
    with pytest.raises(AnalysisError) as info:
        build_report(out, store=store, filters=EventFilter(countries=("KG",)))
    assert info.value.code == "SW613" and "full" in str(info.value)
    assert len(calls) == 5
    assert tree(out) == before  # the previous report, byte for byte
    assert not [p for p in out.iterdir() if p.name.startswith(STAGING_PREFIX)]
    monkeypatch.undo()
    build_report(out, store=store, filters=EventFilter(countries=("KG",)))
    assert (out / "my notes.txt").read_text(encoding="utf-8") == "заметки читателя"
    assert tree(out) != before and "country KG" in (out / "index.html").read_text("utf-8")


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    mount = tmp_path / "tiny"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=96k", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_report_to_full_disk_left_partial_report(
    tiny_disk: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fixture_store(tmp_path / "t.db").close()
    out = tiny_disk / "report"
    with pytest.raises(SystemExit) as done:
        main(["report", "--db", f"sqlite:///{tmp_path / 't.db'}", "--out", str(out)])
    assert done.value.code == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("Error: [SW613]") and "is full" in err[0], err
    assert not out.exists()  # nothing that looks like a report
    assert list(tiny_disk.iterdir()) == []


def test_atomic_file_keeps_old_content_on_failure(tmp_path: Path) -> None:
    target = tmp_path / "events.csv"
    target.write_text("id\nold\n", encoding="utf-8")
    with pytest.raises(OSError):
        with atomic_file(target) as handle:
            handle.write("id\nновое\n".encode())
            raise OSError(errno.ENOSPC, "No space left on device")
    assert target.read_text(encoding="utf-8") == "id\nold\n"
    assert [p.name for p in tmp_path.iterdir()] == ["events.csv"]
    with atomic_file(target) as handle:
        handle.write("id\nновое\n".encode())
    assert target.read_text(encoding="utf-8") == "id\nновое\n"


def test_staged_folder_replaces_whole_subfolders(tmp_path: Path) -> None:
    out = tmp_path / "release"
    (out / "data").mkdir(parents=True)
    (out / "data" / "stale.csv").write_text("old", encoding="utf-8")
    with staged_folder(out, last="index.html") as stage:
        (stage / "data").mkdir()
        (stage / "data" / "events.csv").write_text("new", encoding="utf-8")
        (stage / "index.html").write_text("<h1>ok</h1>", encoding="utf-8")
    assert sorted(tree(out)) == ["data/events.csv", "index.html"]
