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
    def __init__(self, path: Path, table: Table, *, bom: bool = False) -> None:
        self.path = path
        self._file: IO[str] = path.open("w", encoding="utf-8", newline="")
        self._text = CsvText(table.header, bom=bom)

    def write(self, rows: Iterable[dict[str, Any]]) -> None:
        for row in rows:
            self._text.add(row)
        self._file.write(self._text.take())

    def close(self) -> None:
        self._file.write(self._text.take())
        self._file.close()


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

    def write(self, rows: Iterable[dict[str, Any]]) -> None:
        self._rows.extend(rows)
        if len(self._rows) >= self.GROUP:
            self._flush()

    def _flush(self) -> None:
        if self._rows:
            self._writer.write_table(self._pa.Table.from_pylist(self._rows, schema=self.schema))
            self._rows = []

    def close(self) -> None:
        self._flush()
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
    "csv_cell",
    "csv_chunks",
    "guard_formula",
]
