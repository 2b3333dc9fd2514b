"""report/early_files: the report's large files written by a thread while the report goes on,
with the bytes the report wrote at the end before, and a failed write still SW613."""

from __future__ import annotations

import errno
import hashlib
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from steppewatch.errors import AnalysisError
from steppewatch.report import build_report, early_files
from steppewatch.report.content import ReportContent
from steppewatch.report.early_files import EarlyFiles
from steppewatch.report.html import write_report
from steppewatch.store import EventFilter
from tests.analysis.fixture_events import fixture_store


def _table(n: int) -> pd.DataFrame:
    words = np.array(["Астана, talks", 'a "quoted" title', "习近平会谈", None], dtype=object)
    return pd.DataFrame(
        {
            "id": [f"e{i}" for i in range(n)],
            "title": words[np.arange(n) % len(words)],
            "size": np.arange(n) * 3,
            "kind": pd.Categorical.from_codes(np.arange(n) % 2, categories=["meeting", ""]),
        }
    )


def _tree(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_large_tables_written_as_pandas_writes_them(tmp_path: Path) -> None:
    big, small, single = _table(12), _table(3), pd.DataFrame({"only": ["a", "b"] * 6})
    files = EarlyFiles(tmp_path, min_rows=10)
    try:
        files.table("big", big)
        files.table("small", small)  # fewer rows: left to write_report
        files.table("single", single)  # one column: refused by DuckDB's writer, left too
        done, evidence = files.finish()
    finally:
        files.close()
    assert done == {"big": id(big)} and not evidence
    assert (tmp_path / "data" / "big.csv").read_bytes() == big.to_csv(index=False).encode()
    assert sorted(p.name for p in (tmp_path / "data").iterdir()) == ["big.csv"]


def test_write_report_writes_only_what_is_left(tmp_path: Path) -> None:
    big = _table(12)
    content = ReportContent(tables={"big": big, "big_again": big, "small": _table(3)})
    files = EarlyFiles(tmp_path, min_rows=10)
    try:
        files.table("big", big)
        write_report(tmp_path, content, "<html></html>", files)
    finally:
        files.close()
    data = tmp_path / "data"
    for name, table in content.tables.items():
        assert (data / f"{name}.csv").read_bytes() == table.to_csv(index=False).encode()
    assert not [p for p in data.iterdir() if p.name.startswith(".")]  # no file left half-made


def test_an_error_in_the_thread_is_raised_by_finish(tmp_path: Path) -> None:
    (tmp_path / "data").write_text("a file where the folder should be", encoding="utf-8")
    files = EarlyFiles(tmp_path, min_rows=10)
    try:
        files.table("big", _table(12))
        with pytest.raises(OSError):
            files.finish()
    finally:
        files.close()


def test_report_with_every_table_written_early_is_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = fixture_store(tmp_path / "t.db")
    build_report(tmp_path / "before", store=store)
    monkeypatch.setattr(early_files, "MIN_ROWS", 2)  # the fixture's tables all written early
    build_report(tmp_path / "early", store=store)
    assert _tree(tmp_path / "early") == _tree(tmp_path / "before")


def test_full_disk_while_writing_early_is_sw613_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = fixture_store(tmp_path / "t.db")

    def full(*_args: object, **_kw: object) -> bool:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(early_files, "MIN_ROWS", 2)
    monkeypatch.setattr(early_files, "write_table_csv", full)
    out = tmp_path / "report"
    with pytest.raises(AnalysisError) as info:
        build_report(out, store=store, filters=EventFilter(countries=("KZ",)))
    assert info.value.code == "SW613" and "full" in str(info.value)
    assert not out.exists()
