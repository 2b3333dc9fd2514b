"""``steppewatch release``: reproducible to the byte, immutable, atomic, with a changelog of
events added, changed and removed since the previous release."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from steppewatch.cli import app
from steppewatch.errors import ExportError
from steppewatch.export.release import build_release, release_date
from steppewatch.store import open_store
from tests.factories import hostile_event

runner = CliRunner()


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def test_release_twice_gives_identical_bytes(db_url: str, tmp_path: Path) -> None:
    first, second = tmp_path / "a" / "2026.12", tmp_path / "b" / "2026.12"
    for out in (first, second):
        result = runner.invoke(app, ["release", "--out", str(out), "--db", db_url])
        assert result.exit_code == 0, result.output
    assert "Release 2026.12 (2026-12-01) written" in result.output
    sums = (first / "SHA256SUMS").read_text(encoding="utf-8")
    assert sums == (second / "SHA256SUMS").read_text(encoding="utf-8")
    assert _files(first) == _files(second)
    names = {line.split("  ", 1)[1] for line in sums.splitlines()}
    assert {
        "CHANGELOG.md",
        "codebook.md",
        "release.json",
        "data/datapackage.json",
        "data/events.csv",
        "data/events.jsonl",
        "data/sources.bib",
        "report/index.html",
    } <= names
    assert any(n.endswith(".svg") for n in names) and any(n.endswith(".png") for n in names)
    for line in sums.splitlines():  # every listed checksum is true (sha256sum -c)
        digest, name = line.split("  ", 1)
        assert hashlib.sha256((first / name).read_bytes()).hexdigest() == digest
    manifest = json.loads((first / "release.json").read_text(encoding="utf-8"))
    assert manifest["version"] == "2026.12" and manifest["date"] == "2026-12-01"
    assert manifest["rows"]["events"] == 525 and manifest["previous"] is None
    package = json.loads((first / "data" / "datapackage.json").read_text(encoding="utf-8"))
    assert package["steppewatch"]["exported_at"] == "2026-12-01T00:00:00Z"
    changelog = (first / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "No previous release" in changelog and "## 2026.12 (from 2026.11)" in changelog
    assert not list(first.parent.glob(".*partial*"))


def test_changed_added_and_removed_events_appear_in_the_changelog(
    db_url: str, tmp_path: Path
) -> None:
    store = open_store(db_url)
    first = build_release(tmp_path / "rel" / "2026.12", store=store, with_report=False)
    event = store.list_events(limit=1, order="id")[0]
    changed = event.model_copy(
        update={"title": event.title + " (corrected)", "topics": ["terrorism"]}
    )
    store.add_events([changed, hostile_event()])
    removed = store.list_events(limit=1, order="-date")[0].id
    store.delete_events([removed])
    result = runner.invoke(
        app,
        [
            "release",
            "--out",
            str(tmp_path / "rel" / "2026.12.1"),
            "--date",
            "2026-12-20",
            "--version",
            "2026.12.1",
            "--db",
            db_url,
        ],
    )
    assert result.exit_code == 0, result.output
    assert "1 added, 1 changed, 1 removed" in result.output
    second = tmp_path / "rel" / "2026.12.1"
    text = (second / "CHANGELOG.md").read_text(encoding="utf-8")
    assert (
        "Compared with release 2026.12 of 2026-12-01: 1 event added, 1 changed, 1 removed." in text
    )
    assert f"- `{event.id}` {event.title} (corrected) (fields: title, topics)" in text.replace(
        "\\", ""
    )
    assert "- `2019-06-13-meeting-cn-kg-99` Talks on" in text
    assert "<script>" not in text  # titles are escaped for Markdown
    assert f"## Removed (1)\n\n- `{removed}`" in text
    manifest = json.loads((second / "release.json").read_text(encoding="utf-8"))
    assert manifest["previous"] == {"version": "2026.12", "date": "2026-12-01"}
    assert manifest["changes"] == {"added": 1, "changed": 1, "removed": 1}
    assert first.changes.added and len(first.changes.added) == 525


def test_release_folder_is_never_overwritten(db_url: str, tmp_path: Path) -> None:
    out = tmp_path / "rel" / "2026.12"
    out.mkdir(parents=True)
    result = runner.invoke(app, ["release", "--out", str(out), "--db", db_url])
    assert result.exit_code == 1
    assert "[SW660]" in str(result.output) + str(result.exception)


def test_failed_release_leaves_no_folder(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import steppewatch.export.release as release

    def broken(*_args: object, **_kw: object) -> str:
        raise RuntimeError("disk full")

    monkeypatch.setattr(release, "changelog_text", broken)
    with pytest.raises(RuntimeError):
        build_release(tmp_path / "rel" / "x", store=open_store(db_url), with_report=False)
    assert list((tmp_path / "rel").iterdir()) == []


def test_previous_that_is_not_a_release_is_refused(db_url: str, tmp_path: Path) -> None:
    (tmp_path / "junk").mkdir()
    with pytest.raises(ExportError, match="SW662"):
        build_release(
            tmp_path / "new",
            store=open_store(db_url),
            previous=tmp_path / "junk",
            with_report=False,
        )


@pytest.mark.parametrize(
    "version, given, expected",
    [
        ("2026.12", None, dt.date(2026, 12, 1)),
        ("2026-03-15", None, dt.date(2026, 3, 15)),
        ("v7", dt.date(2027, 1, 2), dt.date(2027, 1, 2)),
    ],
)
def test_release_date_comes_from_version_or_option(
    version: str, given: dt.date | None, expected: dt.date
) -> None:
    assert release_date(version, given) == expected


def test_release_date_never_from_the_clock() -> None:
    with pytest.raises(ExportError, match="SW661"):
        release_date("unversioned", None)


def test_bad_date_option_is_one_line_error(db_url: str, tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["release", "--out", str(tmp_path / "r"), "--date", "2026-13-01", "--db", db_url]
    )
    assert result.exit_code != 0 and "SW664" in str(result.output) + str(result.exception)


def test_new_dataset_version_alone_changes_no_event(tmp_path: Path) -> None:
    from steppewatch.export.release import compare_releases

    new = tmp_path / "events.jsonl"
    old = {"a": {"id": "a", "title": "T", "dataset_version": "2026.11"}}
    new.write_text(
        json.dumps({"id": "a", "title": "T", "dataset_version": "2026.12"}) + "\n", encoding="utf-8"
    )
    assert not compare_releases(old, new)
    new.write_text(
        json.dumps({"id": "a", "title": "T2", "dataset_version": "2026.12"}) + "\n",
        encoding="utf-8",
    )
    assert compare_releases(old, new).changed == {"a": ["title"]}
