"""Writers of the export formats: CSV, JSON Lines, Parquet and XLSX, each fed one batch of rows
at a time so nothing holds a whole table in memory.

CSV is UTF-8 with RFC 4180 quoting and ``\\r\\n`` line ends (Python's csv module); ``bom`` puts a
byte-order mark first, which spreadsheet programs need to read UTF-8 (Chinese, Russian) right.
``formula_guard`` prefixes text starting with ``= + - @`` with ``'`` so a spreadsheet does not
run it as a formula (OWASP CSV injection): on for the web download, off in a data package,
whose cells must read back unchanged.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from steppewatch.errors import ExportError
from steppewatch.export.tables import Table

BOM = "\ufeff"
XLSX_MAX_ROWS = 1_048_576  # Excel's limit, header included


def guard_formula(text: str) -> str:
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def csv_cell(value: Any, *, formula_guard: bool = False) -> str:
    text = "" if value is None else str(value)
    return guard_formula(text) if formula_guard else text


class CsvText:
    """Rows -> CSV text in chunks (for a file or a streamed HTTP response)."""

    def __init__(self, header: Sequence[str], *, bom: bool = False, formula_guard: bool = False):
        self.header = list(header)
        self.formula_guard = formula_guard
        self._buffer = io.StringIO()
        self._writer = csv.writer(self._buffer)
        if bom:
            self._buffer.write(BOM)
        self._writer.writerow(self.header)

    def add(self, row: dict[str, Any]) -> None:
        get = row.get
        cells: list[Any]
        if self.formula_guard:
            cells = [csv_cell(get(name), formula_guard=True) for name in self.header]
        else:  # the csv module writes None as an empty cell and ints as digits
            cells = [get(name) for name in self.header]
        self._writer.writerow(cells)

    def take(self) -> str:
        text = self._buffer.getvalue()
        self._buffer.seek(0)
        self._buffer.truncate()
        return text

    def pending(self) -> int:
        return self._buffer.tell()


def csv_chunks(
    header: Sequence[str],
    rows: Iterable[dict[str, Any]],
    *,
    bom: bool = False,
    formula_guard: bool = False,
    chunk_chars: int = 64_000,
) -> Iterator[str]:
    """CSV text of ``rows`` in chunks of about ``chunk_chars`` characters."""
    out = CsvText(header, bom=bom, formula_guard=formula_guard)
    for row in rows:
        out.add(row)
        if out.pending() > chunk_chars:
            yield out.take()
    yield out.take()


class CsvFile:
    """A CSV file of ``table``, fed rows (dicts) or Arrow tables with the table's columns
    (written column-wise: :func:`arrow_csv_bytes`, the same bytes)."""

    def __init__(self, path: Path, table: Table, *, bom: bool = False) -> None:
        self.path = path
        self._file: IO[str] = path.open("w", encoding="utf-8", newline="")
        self._text = CsvText(table.header, bom=bom)

    def write(self, rows: Iterable[dict[str, Any]] | Any) -> None:
        if hasattr(rows, "column_names"):  # an Arrow table
            self._file.write(self._text.take())
            self._file.flush()
            for block in arrow_csv_bytes(rows):
                self._file.buffer.write(block)  # type: ignore[attr-defined]
            return
        for row in rows:
            self._text.add(row)
        self._file.write(self._text.take())

    def close(self) -> None:
        self._file.write(self._text.take())
        self._file.close()


#: Characters that make Python's csv module quote a cell (QUOTE_MINIMAL, ``,``, ``"``, ``\r\n``).
_NEEDS_QUOTES = '[,"\r\n]'


def float_texts(column: Any) -> Any:
    """A float column as text, each value as Python writes it (``repr``: ``0.7``, ``1.0``,
    ``1e-05``), NULL where NULL; computed once per distinct value."""
    import pyarrow as pa
    import pyarrow.compute as pc

    encoded = pc.dictionary_encode(column)
    if isinstance(encoded, pa.ChunkedArray):
        encoded = encoded.combine_chunks()
    texts = pa.array([repr(v) for v in encoded.dictionary.to_pylist()], pa.string())
    return texts.take(encoded.indices)


def _csv_cells(column: Any) -> Any:
    import pyarrow as pa
    import pyarrow.compute as pc

    if pa.types.is_floating(column.type):
        text = float_texts(column)
    elif pa.types.is_integer(column.type):  # digits and '-': never quoted
        return pc.fill_null(pc.cast(column, pa.string()), "")
    else:
        text = column
    needs = pc.match_substring_regex(text, _NEEDS_QUOTES)
    if pc.any(needs).as_py():
        quoted = pc.binary_join_element_wise('"', pc.replace_substring(text, '"', '""'), '"', "")
        text = pc.if_else(needs, quoted, text)
    return pc.fill_null(text, "")


def arrow_csv_bytes(table: Any) -> Iterator[memoryview]:
    """The CSV lines (no header) of an Arrow table, byte for byte what :class:`CsvText`
    writes for the same values: cells quoted as Python's csv module quotes them (when they
    hold ``,``, ``"``, CR or LF; quotes doubled), NULL as an empty cell, integers as digits,
    floats as ``repr``, ``\r\n`` after every row. Built column-wise, one block per chunk."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    if table.num_rows == 0:
        return
    cells = [_csv_cells(table.column(i).combine_chunks()) for i in range(table.num_columns)]
    lines = pc.binary_join_element_wise(pc.binary_join_element_wise(*cells, ","), "\r\n", "")
    chunks = lines.chunks if isinstance(lines, pa.ChunkedArray) else [lines]
    for chunk in chunks:
        if len(chunk) == 0:
            continue
        offsets = np.frombuffer(chunk.buffers()[1], dtype=np.int32)
        start = int(offsets[chunk.offset])
        end = int(offsets[chunk.offset + len(chunk)])
        yield memoryview(chunk.buffers()[2])[start:end]


class JsonlFile:
    """One JSON object per line (keys sorted, UTF-8 as is)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._file: IO[str] = path.open("w", encoding="utf-8", newline="\n")

    def write(self, records: Iterable[dict[str, Any]]) -> None:
        self._file.writelines(
            json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in records
        )

    def close(self) -> None:
        self._file.close()


class ParquetFile:
    """A Parquet file with the table's columns: integers as int64, everything else as text
    (JSON columns hold the same JSON text as the CSV). Rows are buffered into row groups."""

    GROUP = 10_000

    def __init__(self, path: Path, table: Table) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        self.path = path
        self._pa = pa
        self.schema = pa.schema(
            [(c.name, pa.int64() if c.type == "integer" else pa.string()) for c in table.columns]
        )
        self._writer = pq.ParquetWriter(str(path), self.schema, compression="zstd")
        self._rows: list[dict[str, Any]] = []
        self._pending: list[Any] = []  # Arrow slices (write_columns)
        self._pending_rows = 0

    def write(self, rows: Iterable[dict[str, Any]]) -> None:
        self._rows.extend(rows)
        if len(self._rows) >= self.GROUP:
            self._flush()

    def _flush(self) -> None:
        if self._rows:
            self._writer.write_table(self._pa.Table.from_pylist(self._rows, schema=self.schema))
            self._rows = []

    def write_columns(
        self, table: Any, event_index: Any, n_events: int, first_event: int, batch: int
    ) -> None:
        """The rows of an Arrow table (the export's columns) for ``n_events`` events, the first
        of them the export's ``first_event``-th; ``event_index``: per row, its event (from 0).
        Row groups end where :meth:`write`'s end when it is fed ``batch`` events at a time (the
        row route), so the file is the same, byte for byte. A float column is written as
        text, as the CSV writes it."""
        import numpy as np

        pa = self._pa
        columns = []
        for field_ in self.schema:
            column = table.column(field_.name)
            if pa.types.is_floating(column.type):
                column = float_texts(column)
            columns.append(column.cast(field_.type))
        table = pa.Table.from_arrays(columns, schema=self.schema)
        # the row route checks for a full group after each of its batches; the end of this
        # table is one of them only if it falls on one (else the next call or close goes on)
        ends = [*range(batch - first_event % batch, n_events + 1, batch)]
        if not ends or ends[-1] != n_events:
            ends.append(n_events)
        rows = np.searchsorted(np.asarray(event_index), np.asarray(ends), side="left")
        done = 0
        for at, end in zip(ends, rows.tolist(), strict=True):
            if end > done:
                self._pending.append(table.slice(done, end - done))
                self._pending_rows += end - done
                done = end
            if (first_event + at) % batch == 0 and self._pending_rows >= self.GROUP:
                self._flush_columns()

    def _flush_columns(self) -> None:
        if self._pending_rows:
            whole = self._pa.concat_tables(self._pending).combine_chunks()
            self._writer.write_table(whole)
            self._pending, self._pending_rows = [], 0

    def close(self) -> None:
        self._flush()
        self._flush_columns()
        self._writer.close()


class XlsxBook:
    """One workbook, one sheet per table, written row by row (xlsxwriter's constant-memory
    mode). Text is always written as text: never a formula, never a link."""

    def __init__(self, path: Path, tables: Sequence[Table], created: dt.datetime) -> None:
        import xlsxwriter

        self.path = path
        self._book = xlsxwriter.Workbook(
            str(path),
            {
                "constant_memory": True,
                "strings_to_formulas": False,
                "strings_to_urls": False,
                "strings_to_numbers": False,
            },
        )
        # also the timestamp of the parts in the zip: same data, same bytes
        self._book.set_properties({"created": created, "title": "steppewatch export"})
        bold = self._book.add_format({"bold": True})
        self._sheets: dict[str, Any] = {}
        self._next: dict[str, int] = {}
        self._header: dict[str, list[str]] = {}
        for table in tables:
            sheet = self._book.add_worksheet(table.name)
            for col, name in enumerate(table.header):
                sheet.write_string(0, col, name, bold)
            self._sheets[table.name] = sheet
            self._next[table.name] = 1
            self._header[table.name] = table.header

    def write(self, table: str, rows: Iterable[dict[str, Any]]) -> None:
        sheet, header = self._sheets[table], self._header[table]
        row_no = self._next[table]
        for row in rows:
            if row_no >= XLSX_MAX_ROWS:
                raise ExportError(
                    f"the {table} table has more than {XLSX_MAX_ROWS - 1:,} rows, more than a "
                    "spreadsheet sheet holds; no XLSX file written",
                    hint="export with filters (--since, --country, ...) or use csv or parquet",
                    code="SW163",
                )
            for col, name in enumerate(header):
                value = row.get(name)
                if value is None:
                    continue
                if isinstance(value, int):
                    sheet.write_number(row_no, col, value)
                else:
                    sheet.write_string(row_no, col, str(value))
            row_no += 1
        self._next[table] = row_no

    def close(self) -> None:
        self._book.close()


__all__ = [
    "BOM",
    "CsvFile",
    "CsvText",
    "ExportError",
    "JsonlFile",
    "ParquetFile",
    "XlsxBook",
    "arrow_csv_bytes",
    "csv_cell",
    "csv_chunks",
    "guard_formula",
]
