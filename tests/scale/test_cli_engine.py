"""``steppewatch code/ingest --engine ...`` from the command line (in process): options checked
before any work, --inputs-from, --parquet with the local engine, ingest --engine dask on a
2-worker local cluster."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.dataset as ds
import pytest

from steppewatch.cli import main

ZH = (
    "2019年8月12日\n中塔两军举行联合反恐演习\n"
    "8月12日，中国人民解放军和塔吉克斯坦武装力量在杜尚别举行联合反恐演习，"
    "双方同意深化安全合作，共同打击恐怖主义、分裂主义和极端主义“三股势力”。\n"
)
RU = (
    "14 июня 2019 г.\nПереговоры Сооронбая Жээнбекова и Си Цзиньпина\n"
    "14 июня в Бишкеке президенты Кыргызстана и Китая обсудили сотрудничество в сфере "
    "безопасности и борьбу с терроризмом и экстремизмом.\n"
)


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        main(args)
        code = 0
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a_zh.txt").write_text(ZH, encoding="utf-8")
    (docs / "b_ru.txt").write_text(RU, encoding="utf-8")
    (docs / "c_bad.pdf").write_bytes(b"%PDF-1.4 cut")
    return docs


def test_dask_engine_needs_a_parquet_folder(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["code", str(folder), "--engine", "dask"], capsys)
    assert code == 1 and "[SW910]" in err and "--parquet" in err
    code, _, err = run(["code", str(folder), "--parquet", "p", "--out", "x.jsonl"], capsys)
    assert code == 1 and "[SW912]" in err


def test_scheduler_needs_the_dask_engine(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(
        ["code", str(folder), "--parquet", str(tmp_path / "p"), "--scheduler", "tcp://x:1"],
        capsys,
    )
    assert code == 1 and "[SW907]" in err


def test_unknown_engine_and_missing_list(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["code", str(folder), "--engine", "spark"], capsys)
    assert code == 1 and "[SW903]" in err and "spark" in err
    missing = tmp_path / "nope.txt"
    code, _, err = run(["code", "--inputs-from", str(missing), "--parquet", "x"], capsys)
    assert code == 1 and "[SW900]" in err and "nope.txt" in err


def test_code_parquet_locally_from_a_list_of_inputs(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    listing = tmp_path / "inputs.txt"
    listing.write_text("# the two good files and the bad one\ndocs/a_zh.txt\n\ndocs\n", "utf-8")
    out = tmp_path / "coded"
    code, _, err = run(["code", "--inputs-from", str(listing), "--parquet", str(out)], capsys)
    assert code == 0, err
    assert "4 documents coded now (3 coded, 1 failed)" in err
    rows = ds.dataset(out / "documents", format="parquet", partitioning="hive").to_table()
    inputs = rows.column("input").to_pylist()
    assert sorted(Path(p).name for p in inputs) == ["a_zh.txt", "a_zh.txt", "b_ru.txt", "c_bad.pdf"]
    assert set(rows.column("year").to_pylist()) == {2019, 0}
    # again: nothing to do
    code, _, err = run(["code", "--inputs-from", str(listing), "--parquet", str(out)], capsys)
    assert code == 0 and "0 coded now, 1 done before" in err


def test_ingest_urls_need_the_local_engine(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(
        [
            "ingest",
            "https://www.fmprc.gov.cn/rss.xml",
            "--engine",
            "dask",
            "--db",
            str(tmp_path / "sw.db"),
        ],
        capsys,
    )
    assert code == 1 and "[SW908]" in err


def test_ingest_on_dask_then_again(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "sw.db")
    args = ["ingest", str(folder), "--engine", "dask", "--workers", "2", "--db", db]
    code, out, err = run(args, capsys)
    assert code == 0, err
    assert "3 documents: 2 new, 0 unchanged" in out and "1 failed" in out
    assert "[SW415]" in err and "c_bad.pdf" in err
    manifest = json.loads((tmp_path / "coded" / "manifest.json").read_text())
    assert manifest["complete"] and len(manifest["partitions"]) == 1
    assert (tmp_path / "archive").is_dir()  # the workers archived the bytes
    code, out, err = run(args, capsys)
    assert code == 0 and "0 coded now, 1 done before" in err
    assert "0 new, 2 unchanged, 1 retried" in out


def test_the_folder_holds_the_last_runs_inputs_once(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "coded"
    assert (
        run(["code", str(folder), "--parquet", str(out), "--partition-size", "1"], capsys)[0] == 0
    )
    # the Russian readout is redated: its partition is coded again, its old month file goes
    (folder / "b_ru.txt").write_text(RU.replace("14 июня 2019", "3 марта 2021"), "utf-8")
    code, _, err = run(
        ["code", str(folder), "--parquet", str(out), "--partition-size", "1"], capsys
    )
    assert code == 0 and "1 coded now, 2 done before" in err
    rows = ds.dataset(out / "documents", format="parquet", partitioning="hive").to_table()
    assert sorted(
        zip(rows.column("year").to_pylist(), rows.column("month").to_pylist(), strict=True)
    ) == [
        (0, 0),
        (2019, 8),
        (2021, 3),
    ]
    # other inputs in the same folder: the earlier partitions' files and entries are removed
    code, _, _ = run(["code", str(folder / "a_zh.txt"), "--parquet", str(out)], capsys)
    rows = ds.dataset(out / "documents", format="parquet", partitioning="hive").to_table()
    assert [Path(p).name for p in rows.column("input").to_pylist()] == ["a_zh.txt"]
    assert len(list((out / "_manifest").glob("*.json"))) == 1


def test_parquet_rows_carry_the_location_and_format_1_is_coded_again(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "coded"
    code, _, err = run(["code", str(folder), "--parquet", str(out)], capsys)
    assert code == 0, err
    rows = ds.dataset(out / "documents", format="parquet", partitioning="hive").to_table()
    found = {
        Path(i).name: (loc, json.loads(c)["location"] if c else None)
        for i, loc, c in zip(
            rows.column("input").to_pylist(),
            rows.column("location").to_pylist(),
            rows.column("coded").to_pylist(),
            strict=True,
        )
    }
    # 在杜尚别举行; 14 июня в Бишкеке: the column and the coded record agree
    assert found["a_zh.txt"] == ("Dushanbe", "Dushanbe")
    assert found["b_ru.txt"] == ("Bishkek", "Bishkek")
    assert found["c_bad.pdf"] == (None, None)
    # a partition coded by a version that wrote format 1 (no location column) is coded again
    for entry in (out / "_manifest").glob("*.json"):
        data = json.loads(entry.read_text(encoding="utf-8"))
        entry.write_text(json.dumps({**data, "format": 1}), encoding="utf-8")
    code, _, err = run(["code", str(folder), "--parquet", str(out)], capsys)
    assert code == 0 and "0 done before" in err
