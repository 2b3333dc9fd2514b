"""One run at a time codes into a Parquet folder: a second run waits for the first's lock, then
codes only what is missing (without the lock, a run over other inputs pruned the files the first
was still writing). Runs on the local engine with a few Chinese and Russian readouts; no Dask."""

from __future__ import annotations

import json
import threading
from pathlib import Path

from steppewatch.scale.engine import CodingRun, code_dataset, dataset_lock

READOUTS = {
    "zh.txt": "2019年8月12日\n中塔两军举行联合反恐演习\n8月12日，中国人民解放军和塔吉克斯坦武装力量"
    "在杜尚别举行联合反恐演习，双方同意深化安全合作。\n",
    "ru.txt": "14 июня 2019 г.\nПереговоры Сооронбая Жээнбекова и Си Цзиньпина\n14 июня в Бишкеке "
    "президенты Кыргызстана и Китая обсудили сотрудничество в сфере безопасности.\n",
}


def _inputs(folder: Path) -> Path:
    folder.mkdir()
    for name, text in READOUTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_a_second_run_waits_for_the_first_then_codes_nothing_twice(tmp_path: Path) -> None:
    inputs, out = _inputs(tmp_path / "in"), tmp_path / "coded"
    waited = threading.Event()
    results: list[object] = []

    def second() -> None:
        run = CodingRun([str(inputs)], out, on_wait=waited.set)
        results.append(code_dataset(run)[0])

    with dataset_lock(out):  # the "first run"
        worker = threading.Thread(target=second)
        worker.start()
        assert waited.wait(10), "the second run did not wait for the lock"
        assert not (out / "manifest.json").exists()  # nothing written while it waits
    worker.join(60)
    assert not worker.is_alive()
    summary = results[0]
    assert summary.coded_partitions == 1 and summary.documents == 2  # type: ignore[attr-defined]
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["complete"] is True

    again = code_dataset(CodingRun([str(inputs)], out))[0]  # lock free: no wait, nothing to do
    assert again.skipped == 1 and again.coded_partitions == 0


def test_the_lock_file_is_not_part_of_the_dataset(tmp_path: Path) -> None:
    import pyarrow.dataset as ds

    inputs, out = _inputs(tmp_path / "in"), tmp_path / "coded"
    code_dataset(CodingRun([str(inputs)], out))
    assert (out / ".coding-lock").exists()
    table = ds.dataset(out / "documents", format="parquet", partitioning="hive").to_table()
    assert table.num_rows == 2


def test_a_partition_is_written_as_it_is_coded_with_the_same_rows(
    tmp_path: Path, monkeypatch: object
) -> None:
    """Rows go to disk every FLUSH_ROWS rows (a 50,000-page WARC file never sits in memory
    whole); the dataset holds the same rows, in the same order, as one write at the end."""
    import pyarrow.dataset as ds
    import pyarrow.parquet as pq
    import pytest

    from steppewatch.scale import partition as partition_module

    inputs = tmp_path / "in"
    inputs.mkdir()
    for n in range(9):
        for name, text in READOUTS.items():
            (inputs / f"{n}-{name}").write_text(text.replace("12日", f"{n + 1}日"), "utf-8")

    def rows(out: Path) -> list[dict[str, object]]:
        table = ds.dataset(out / "documents", format="parquet", partitioning="hive").to_table()
        return sorted(table.to_pylist(), key=lambda r: (r["input_index"], r["record"]))

    whole = tmp_path / "whole"
    code_dataset(CodingRun([str(inputs)], whole))
    patch = pytest.MonkeyPatch()
    patch.setattr(partition_module, "FLUSH_ROWS", 4)
    try:
        streamed = tmp_path / "streamed"
        code_dataset(CodingRun([str(inputs)], streamed))
    finally:
        patch.undo()
    assert rows(streamed) == rows(whole) and len(rows(whole)) == 18
    groups = sum(pq.ParquetFile(p).num_row_groups for p in streamed.glob("documents/**/*.parquet"))
    assert groups > sum(
        pq.ParquetFile(p).num_row_groups for p in whole.glob("documents/**/*.parquet")
    )


def test_files_left_by_a_killed_attempt_are_removed(tmp_path: Path) -> None:
    inputs, out = _inputs(tmp_path / "in"), tmp_path / "coded"
    code_dataset(CodingRun([str(inputs)], out))
    folder = next((out / "documents").glob("year=*/month=*"))
    leftover = folder / ".tmp-part-000000-abc.parquet"
    leftover.write_bytes(b"PAR1 half written")
    code_dataset(CodingRun([str(inputs)], out))  # nothing to code; the leftover goes
    assert not leftover.exists()
