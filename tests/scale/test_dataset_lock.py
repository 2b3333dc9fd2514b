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
