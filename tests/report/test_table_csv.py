"""report/table_csv: large report tables written by DuckDB, byte for byte as pandas writes them."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from steppewatch.report import table_csv
from steppewatch.report.table_csv import write_table_csv

TITLES = [
    "Си Цзиньпин и Токаев провели переговоры в Астане",
    "习近平同哈萨克斯坦总统托卡耶夫会谈",
    'SCO exercise "Peace Mission-2007", Chelyabinsk',
    "line one\nline two",
    "",
    None,
    "  spaces kept  ",
    "#hashtag, and a comma",
    'quote " inside',
    "Ташкент; Бишкек",
]


def _table(n: int) -> pd.DataFrame:
    rng = np.random.default_rng(7)
    picks = rng.integers(0, len(TITLES), n)
    titles = np.empty(n, dtype=object)
    titles[:] = [TITLES[i] for i in picks]
    titles[::13] = np.nan  # a missing value as pandas holds it in object columns
    troops = rng.integers(0, 5000, n).astype(float)
    troops[::7] = np.nan
    troops[1] = 1e16
    troops[2] = 1 / 3
    kinds = pd.Categorical.from_codes(rng.integers(-1, 3, n), categories=["meeting", "учения", ""])
    return pd.DataFrame(
        {
            "id": pd.Series([f"2024-05-{i % 28 + 1:02d}-meeting-cn-kz-{i}" for i in range(n)],
                            dtype=object),
            "year": rng.integers(1991, 2026, n),
            "title": pd.Series(titles, dtype=object),
            "kind": kinds,
            "troops": troops,
            "thin": rng.integers(0, 2, n).astype(bool),
            "text": pd.Series([TITLES[i] for i in picks]),  # pandas' own text dtype
        }
    )  # fmt: skip


def test_same_bytes_as_pandas(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(table_csv, "BATCH_ROWS", 97)  # several batches, one cut mid-table
    table = _table(1000)
    path = tmp_path / "t.csv"
    assert write_table_csv(table, path, min_rows=1)
    assert path.read_bytes() == table.to_csv(index=False).encode()


def test_carriage_return_left_to_pandas(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # DuckDB quotes a field holding \r, Python's csv module does not: pandas writes it
    monkeypatch.setattr(table_csv, "BATCH_ROWS", 50)
    table = _table(200)
    table.loc[150, "title"] = "Бишкек\rАлматы"  # in a later batch than the first
    path = tmp_path / "t.csv"
    assert not write_table_csv(table, path, min_rows=1)
    assert not path.exists()
    table.loc[150, "title"] = "Бишкек"
    table["kind"] = table["kind"].cat.rename_categories({"": "a\rb"})
    assert not write_table_csv(table, path, min_rows=1)


@pytest.mark.parametrize(
    "table",
    [
        pd.DataFrame({"only": pd.Series(["a", None] * 20, dtype=object)}),  # pandas quotes ""
        pd.DataFrame({"a": pd.Series([1, "x"] * 20, dtype=object), "b": 1}),  # mixed objects
        pd.DataFrame({"a": pd.Series([(1, 2)] * 40, dtype=object), "b": 1}),
        pd.DataFrame({"d": pd.date_range("2020-01-01", periods=40), "b": 1}),
        pd.DataFrame({"a": pd.Series([1.5] * 40, dtype=object), "b": 1}),
    ],
)
def test_other_tables_left_to_pandas(tmp_path: Path, table: pd.DataFrame) -> None:
    path = tmp_path / "t.csv"
    assert not write_table_csv(table, path, min_rows=1)
    assert not path.exists()


def test_small_tables_left_to_pandas(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    assert not write_table_csv(_table(10), path)
    assert write_table_csv(_table(table_csv.MIN_ROWS), path)
    assert path.read_bytes() == _table(table_csv.MIN_ROWS).to_csv(index=False).encode()
