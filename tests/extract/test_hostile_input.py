"""Malformed input gives a per-document error record with a clear message; the run goes on."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from steppewatch.errors import ExtractionError
from steppewatch.extract import MAX_DOCUMENT_BYTES, code_paths, extract_document

from .conftest import ZH_READOUT


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_bad_documents_give_error_records_and_good_ones_are_coded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pypdf

    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=200, height=200)
    pdf = io.BytesIO()
    writer.write(pdf)
    big = tmp_path / "huge.html"
    with big.open("wb") as handle:  # 200 MB, sparse: refused by size before any read
        handle.truncate(200 * 1024 * 1024)
    files = [
        _write(tmp_path, "a_good.txt", ZH_READOUT.encode("utf-8")),
        _write(tmp_path, "binary.html", bytes(range(256)) * 40),
        _write(tmp_path, "empty.txt", b""),
        _write(tmp_path, "blank.pdf", pdf.getvalue()),
        _write(tmp_path, "truncated.html", ("<html><body><div><p>" + ZH_READOUT[:60]).encode()),
        big,
        _write(tmp_path, "z_good.txt", ZH_READOUT.encode("gb18030")),
    ]
    read: list[str] = []
    original = Path.read_bytes

    def recording_read_bytes(self: Path) -> bytes:
        read.append(self.name)
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", recording_read_bytes)
    records = {Path(r.source).name: r for r in code_paths([str(f) for f in files])}
    assert "huge.html" not in read  # refused by its size before a byte is read
    assert "a_good.txt" in read
    assert records["a_good.txt"].relevant and records["z_good.txt"].relevant
    assert records["binary.html"].error and records["binary.html"].error.code == "SW411"
    assert records["empty.txt"].error and records["empty.txt"].error.code == "SW410"
    assert records["blank.pdf"].error and "OCR it first" in records["blank.pdf"].error.message
    assert records["huge.html"].error and records["huge.html"].error.code == "SW412"
    assert "limit" in records["huge.html"].error.message
    truncated = records["truncated.html"]
    assert truncated.error is None and "吉尔吉斯斯坦" in (
        extract_document(files[4].read_bytes(), source="t.html").text
    )


def test_size_limit_is_enforced_on_bytes_too() -> None:
    with pytest.raises(ExtractionError) as info:
        extract_document(b" " * (MAX_DOCUMENT_BYTES + 1), source="big.txt")
    assert info.value.code == "SW412"


def test_docx_is_read(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("13 июня 2019 г.")
    document.add_paragraph(
        "Председатель КНР Си Цзиньпин и Президент Таджикистана Эмомали Рахмон обсудили "
        "борьбу с терроризмом и охрану границы."
    )
    path = tmp_path / "readout.docx"
    document.save(str(path))
    (record,) = list(code_paths([path]))
    assert record.error is None
    assert record.language == "ru"
    assert record.relevant and "TJ" in record.countries
    assert record.published == "2019-06-13"


def test_missing_file_is_an_error_record(tmp_path: Path) -> None:
    (record,) = list(code_paths([tmp_path / "nope.html"]))
    assert record.error and record.error.code == "SW417"


def test_folder_is_walked_recursively(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    _write(tmp_path / "sub", "x.txt", ZH_READOUT.encode())
    _write(tmp_path, "skip.jpg", b"\xff\xd8\xff")
    records = list(code_paths([tmp_path], include_text=True))
    assert [Path(r.source).name for r in records] == ["x.txt"]
    assert records[0].text
