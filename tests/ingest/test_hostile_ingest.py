"""Issue 18: per-document error handling and input reading in ingest and code. A document whose
URL no event source accepts fails alone; an oversized file is refused before it is read;
caveats on how a text was read are reported as warnings by both commands."""

from __future__ import annotations

from pathlib import Path

import pytest

from steppewatch.extract import MAX_TEXT_CHARS, extract_document
from steppewatch.sources.collect import iter_documents
from steppewatch.sources.raw import CollectFailure, RawDocument
from tests.ingest.test_cli_ingest import run
from tests.ingest.test_pipeline import RU_MEETING, ZH_MEETING, make_ingestor


def test_document_url_no_source_accepts_fails_one_document_not_the_run(tmp_path: Path) -> None:
    """Was: a pydantic ValidationError from linking ended the run (e.g. an index.csv url)."""
    ingestor = make_ingestor(f"sqlite:///{tmp_path / 'sw.db'}", tmp_path)
    items = [
        RawDocument(data=ZH_MEETING.encode(), url="javascript:void(0)", source_path="a.txt"),
        RawDocument(data=RU_MEETING.encode(), url="https://mfa.gov.kg/ru/1", source_path="b.txt"),
    ]
    summary = ingestor.ingest(items)
    assert summary.new == 1 and summary.failed == 1
    assert summary.failures[0].message.startswith("[SW544] a.txt:")
    assert "javascript:void(0)" in summary.failures[0].message


def test_oversized_file_in_a_folder_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: ingest read all 200 MB into memory before the size check failed it."""
    folder = tmp_path / "docs"
    folder.mkdir()
    with (folder / "huge.txt").open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # sparse: no disk used
    (folder / "ok.txt").write_text(ZH_MEETING, encoding="utf-8")
    read: list[str] = []
    original = Path.read_bytes

    def recording(self: Path) -> bytes:
        read.append(self.name)
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", recording)
    items = list(iter_documents([folder]))
    assert read == ["ok.txt"]
    assert isinstance(items[0], CollectFailure) and items[0].message.startswith("[SW412]")
    assert isinstance(items[1], RawDocument)


def test_text_over_max_text_chars_is_cut_with_a_warning() -> None:
    text = ("Министр обороны Китая посетил Бишкек. " * (MAX_TEXT_CHARS // 30)).encode()
    doc = extract_document(text, source="long.txt")
    assert len(doc.text) == MAX_TEXT_CHARS
    assert any(w.startswith("[SW445] long.txt:") for w in doc.warnings)


def test_code_and_ingest_print_charset_warnings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "lying.html"
    html = f'<html><head><meta charset="iso-8859-1"></head><body><p>{ZH_MEETING}</p></body></html>'
    page.write_bytes(html.encode("gb18030"))
    code, out, err = run(["code", str(page)], capsys)
    assert code == 0 and "warning: [SW440]" in err and '"warnings":["[SW440]' in out
    code, out, err = run(
        ["ingest", str(page), "--coder", "test.fake.v0", "--db", str(tmp_path / "sw.db")], capsys
    )
    assert code == 0 and "warning: [SW440]" in err and "1 new" in out
