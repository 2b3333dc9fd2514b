"""A report table written as CSV by DuckDB: the bytes ``DataFrame.to_csv(index=False)`` writes,
several times faster on large tables (on 10,000,000 events the activity and exercise tables are
about 1.1 GB of CSV, which pandas wrote in about 30 s).

pandas writes through Python's ``csv`` module (minimal quoting: a field is quoted when it holds
a comma, a double quote or a newline; a missing value is an empty field). DuckDB's writer
(``COPY ... TO``) quotes the same fields when its comment character is turned off, with two
differences, both kept away here: it also quotes a field holding a carriage return (such a
table is left to pandas) and an empty string (written here as a missing value, which is the
same empty field). Each column is made into the text pandas would write first: integers as
they are, floats as numpy writes them (``repr``), booleans as ``True``/``False``, text and
categories of text as they are. A table with a column of another kind (dates, mixed objects),
with a single column (pandas quotes a lone empty field) or with labels that are not text is left
to pandas: :func:`write_table_csv` says so by returning False.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

__all__ = ["BATCH_ROWS", "MIN_ROWS", "write_table_csv"]

#: Tables with fewer rows are written by pandas (a DuckDB connection costs more than it saves).
MIN_ROWS = 5_000
#: Rows converted to Arrow at a time (the text of a whole large table is not copied at once).
BATCH_ROWS = 262_144


class _Unsupported(Exception):
    """A column DuckDB would not write as pandas does."""


def _text(array: pa.Array) -> pa.Array:
    """Text as DuckDB should write it: an empty string made missing (the same empty field);
    :class:`_Unsupported` when a value holds a carriage return (DuckDB would quote it)."""
    if len(array) and pc.any(pc.match_substring(array, "\r")).as_py():
        raise _Unsupported("carriage return")
    empty = pc.equal(array, "")
    if pc.any(empty).as_py():
        array = pc.if_else(empty, pa.scalar(None, array.type), array)
    return array


def _object_text(values: np.ndarray) -> pa.Array:
    """An object column of ``str`` and missing values (None, NaN) as Arrow text. The values'
    types are checked by pandas' ``infer_dtype`` (in C) and only the missing values' in Python:
    a set of every value's type took about 3 s of the 10,000,000-event report's writing."""
    inferred = pd.api.types.infer_dtype(values, skipna=True)
    if inferred not in ("string", "empty"):
        raise _Unsupported(f"object column of {inferred}")
    missing = pd.isna(values)
    if missing.any():
        # a missing value is None or the float NaN (not pd.NA, NaT or numpy's NaN)
        kinds = set(map(type, values[missing]))
        if not kinds <= {type(None), float}:
            raise _Unsupported(f"missing values of {sorted(k.__name__ for k in kinds)}")
    return _text(pa.array(values, type=pa.string(), from_pandas=True))


def _categories(categories: pd.Index) -> pa.Array:
    values = np.asarray(categories, dtype=object)
    if not all(type(v) is str for v in values):
        raise _Unsupported("categories not text")
    return _text(pa.array(values, type=pa.string()))


def _column(series: pd.Series) -> pa.Array:
    """The column as Arrow values DuckDB writes as pandas writes ``series``."""
    dtype = series.dtype
    if isinstance(dtype, pd.CategoricalDtype):
        codes = series.cat.codes.to_numpy().astype(np.int32)
        # the categories' text (an empty one missing), each row's by its code (-1: missing)
        text = _categories(series.cat.categories)
        return pa.DictionaryArray.from_arrays(pa.array(codes, mask=codes < 0), text)
    if isinstance(dtype, np.dtype) and dtype.kind == "O":
        return _object_text(series.to_numpy())
    if isinstance(dtype, pd.StringDtype):
        return _object_text(series.to_numpy(dtype=object, na_value=None))
    if dtype.kind in "iu" and isinstance(dtype, np.dtype):
        return pa.array(series.to_numpy())
    if dtype.kind == "b" and isinstance(dtype, np.dtype):
        words = pa.array(["False", "True"], pa.string())
        return pa.DictionaryArray.from_arrays(pa.array(series.to_numpy().astype(np.int32)), words)
    if dtype == np.float64:
        # as pandas formats floats without float_format: numpy's text of each, NaN empty
        values = series.to_numpy()
        missing = np.isnan(values)
        text = values.astype(str).astype(object)
        text[missing] = None
        return pa.array(text, type=pa.string())
    raise _Unsupported(f"dtype {dtype}")


def _batches(table: pd.DataFrame, names: list[str]) -> Iterator[pa.RecordBatch]:
    for start in range(0, len(table), BATCH_ROWS):
        part = table.iloc[start : start + BATCH_ROWS]
        arrays = [_column(part.iloc[:, i]) for i in range(len(names))]
        yield pa.RecordBatch.from_arrays(arrays, names=names)


def write_table_csv(table: pd.DataFrame, path: Path, *, min_rows: int = MIN_ROWS) -> bool:
    """Write ``table`` to ``path`` as ``table.to_csv(path, index=False)`` would (the same
    bytes), through DuckDB; False (nothing written) when the table has fewer than ``min_rows``
    rows or a column DuckDB would write differently: the caller then writes it with pandas."""
    from steppewatch.store.parquet_store import duckdb_module

    names = [str(c) for c in table.columns]
    if len(table) < max(min_rows, 1) or len(names) < 2:
        return False
    if not all(type(c) is str for c in table.columns) or len(set(names)) != len(names):
        return False
    if any(any(ch in name for ch in ',"\n\r') for name in names):
        return False  # a header cell pandas would quote (none of the report's)
    try:
        first = next(_batches(table.iloc[:BATCH_ROWS], names))
    except _Unsupported:
        return False
    schema = first.schema
    refused: list[_Unsupported] = []

    def rest() -> Iterator[pa.RecordBatch]:
        yield first
        try:
            for batch in _batches(table.iloc[BATCH_ROWS:], names):
                # a later batch's dictionary columns typed as the first's
                yield batch.cast(schema) if batch.schema != schema else batch
        except _Unsupported as error:  # the file is dropped below: pandas writes it
            refused.append(error)

    reader = pa.RecordBatchReader.from_batches(schema, rest())
    db = duckdb_module().connect(":memory:")
    try:
        db.register("sw_table", reader)
        db.execute("SET preserve_insertion_order = true")
        db.execute(
            f"COPY sw_table TO '{_quoted(path)}' (FORMAT csv, HEADER, DELIMITER ',', "
            "QUOTE '\"', ESCAPE '\"', COMMENT '', NULL '')"
        )
    except BaseException:
        Path(path).unlink(missing_ok=True)
        raise
    finally:
        db.close()
    if refused:
        Path(path).unlink(missing_ok=True)
        return False
    return True


def _quoted(path: Path) -> str:
    return str(path).replace("'", "''")
