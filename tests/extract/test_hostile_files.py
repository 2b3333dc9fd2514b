"""Issue 18, points 3 to 5: a zip bomb, UTF-16 text, lying charsets, text cut mid-character and
HTML nested past the parser's depth limit. Each test is named after the bug it pins."""

from __future__ import annotations

import io
import resource
import zipfile
from pathlib import Path

import pytest

from steppewatch.errors import ExtractionError
from steppewatch.extract import MAX_UNCOMPRESSED_BYTES, code_paths, extract_document
from steppewatch.extract.text import clean_text

from .conftest import RU_READOUT, ZH_READOUT


def _docx(body_xml: str) -> bytes:
    """A real python-docx package whose body is replaced by ``body_xml``."""
    import docx

    document = docx.Document()
    document.add_paragraph("placeholder")
    saved = io.BytesIO()
    document.save(saved)
    source = zipfile.ZipFile(io.BytesIO(saved.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "word/document.xml":
                xml = data.decode("utf-8")
                start = xml.index("<w:body>") + len("<w:body>")
                end = xml.index("<w:sectPr")
                data = (xml[:start] + body_xml + xml[end:]).encode("utf-8")
            target.writestr(info, data)
    return out.getvalue()


def _bomb(inflated: int) -> bytes:
    """A DOCX whose document.xml inflates to ``inflated`` bytes, written without holding them."""
    import docx

    document = docx.Document()
    document.add_paragraph("Министр обороны Китая посетил Бишкек.")
    saved = io.BytesIO()
    document.save(saved)
    source = zipfile.ZipFile(io.BytesIO(saved.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename != "word/document.xml":
                target.writestr(info, source.read(info.filename))
                continue
            xml = source.read(info.filename).decode("utf-8")
            start = xml.index("<w:body>") + len("<w:body>")
            member = zipfile.ZipInfo("word/document.xml")
            member.compress_type = zipfile.ZIP_DEFLATED
            with target.open(member, "w", force_zip64=True) as part:
                part.write(xml[:start].encode())
                paragraph = b"<w:p><w:r><w:t>x</w:t></w:r></w:p>" * 30_000  # ~1 MB
                for _ in range(inflated // len(paragraph)):
                    part.write(paragraph)
                part.write(xml[start:].encode())
    return out.getvalue()


def test_docx_zip_bomb_is_refused_without_inflating_it() -> None:
    """Was: a 972 KB DOCX inflating to 1 GB took 2 GB of memory before failing."""
    bomb = _bomb(MAX_UNCOMPRESSED_BYTES * 3)
    assert len(bomb) < 2 * 1024 * 1024
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with pytest.raises(ExtractionError) as info:
        extract_document(bomb, source="bomb.docx")
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert info.value.code == "SW441" and "bomb.docx" in str(info.value)
    assert f"{MAX_UNCOMPRESSED_BYTES // (1024 * 1024)} MB" in str(info.value)
    assert grown_mb < 100, f"peak grew by {grown_mb:.0f} MB"


def test_docx_inflated_bytes_are_counted_while_streaming() -> None:
    """zipfile stops at a member's declared size; the count is the second line of defence."""
    from steppewatch.extract.docx_text import _CappedReader

    reader = _CappedReader(io.BytesIO(b"x" * 300_000), 200_000, "bomb.docx", "word/document.xml")
    with pytest.raises(ExtractionError) as info:
        while reader.read(65536):
            pass
    assert info.value.code == "SW441"


def test_docx_text_matches_python_docx_paragraphs_then_tables() -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("13 июня 2019 г.")
    document.add_paragraph(RU_READOUT.split("\n")[0])
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Дата", "Событие"
    table.cell(1, 0).text, table.cell(1, 1).text = "2019", "会谈\n第二段"
    run = document.add_paragraph("Си Цзиньпин").add_run()
    run.add_tab()
    run.add_text("Рахмон")
    saved = io.BytesIO()
    document.save(saved)
    expected = docx.Document(io.BytesIO(saved.getvalue()))
    parts = [p.text for p in expected.paragraphs]
    for t in expected.tables:
        parts.extend(" | ".join(c.text for c in row.cells) for row in t.rows)
    doc = extract_document(saved.getvalue(), source="readout.docx")
    assert doc.format == "docx"
    assert doc.text == clean_text("\n".join(parts))


def test_docx_with_a_million_tiny_paragraphs_reads_in_bounded_memory() -> None:
    data = _docx("<w:p><w:r><w:t>Бишкек</w:t></w:r></w:p>" * 200_000)
    doc = extract_document(data, source="many.docx")
    assert doc.text.count("Бишкек") == 200_000


@pytest.mark.parametrize("suffix", [".html", ".txt"])
@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be-bom", "utf-32"])
def test_utf16_with_bom_is_decoded_not_rejected_as_binary(
    tmp_path: Path, suffix: str, codec: str
) -> None:
    """Was: SW411 'looks like a binary file' and the text lost."""
    text = f"<html><head><title>会谈</title></head><body><p>{ZH_READOUT}</p><p>{RU_READOUT}</p></body></html>"
    if suffix == ".txt":
        text = ZH_READOUT + "\n" + RU_READOUT
    data = ("\ufeff" + text).encode("utf-16-be") if codec == "utf-16-be-bom" else text.encode(codec)
    path = tmp_path / f"page{suffix}"
    path.write_bytes(data)
    doc = extract_document(data, source=str(path))
    assert doc.format == suffix[1:] and doc.encoding in ("utf-16", "utf-32")
    assert "吉尔吉斯斯坦" in doc.text and "Сооронбая Жээнбекова" in doc.text
    [record] = code_paths([path])
    assert record.error is None and record.relevant


def test_gb18030_page_declaring_iso_8859_1_is_decoded_as_gb18030_with_a_warning() -> None:
    """Was: decoded as cp1252 mojibake and coded with no warning."""
    html = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
        f"<title>会谈</title></head><body><p>{ZH_READOUT}</p></body></html>"
    )
    doc = extract_document(html.encode("gb18030"), source="lying.html")
    assert doc.encoding == "gb18030" and "吉尔吉斯斯坦" in doc.text
    assert len(doc.warnings) == 1 and doc.warnings[0].startswith("[SW440] lying.html:")
    assert "iso-8859-1" in doc.warnings[0]


def test_cp1251_page_declaring_windows_1252_is_decoded_as_russian() -> None:
    html = (
        f'<html><head><meta charset="windows-1252"></head><body><p>{RU_READOUT}</p></body></html>'
    )
    doc = extract_document(html.encode("cp1251"), source="ru.html")
    assert doc.encoding == "cp1251" and "Сооронбая" in doc.text
    assert doc.warnings and doc.warnings[0].startswith("[SW440]")


def test_latin_page_declaring_iso_8859_1_is_left_alone() -> None:
    text = "Le ministre des Affaires étrangères a reçu son homologue kirghize à Pékin. " * 5
    html = f'<html><head><meta charset="iso-8859-1"></head><body><p>{text}</p></body></html>'
    doc = extract_document(html.encode("cp1252"), source="fr.html")
    assert doc.encoding == "cp1252" and "étrangères" in doc.text and doc.warnings == ()


def test_small_utf8_page_cut_mid_character_keeps_its_text() -> None:
    """Was: SW413 'cannot tell the text encoding': the whole text lost."""
    page = f"<html><body><p>{RU_READOUT[:120]}</p></body></html>".encode()
    cut = page[: page.index("Председателя".encode()) + 1]  # inside the two bytes of 'П'
    assert cut[-1] >= 0x80
    doc = extract_document(cut, source="cut.html")
    assert doc.encoding == "utf-8" and "Сооронбая Жээнбекова" in doc.text
    assert doc.warnings and doc.warnings[0].startswith("[SW443] cut.html:")
    zh = ZH_READOUT[:40].encode("utf-8")[:-1]
    assert "比什凯克" in extract_document(zh, source="cut.txt").text


@pytest.mark.parametrize("depth", [300, 1000, 5000])
def test_html_nested_deeper_than_255_levels_keeps_its_text(depth: int) -> None:
    """Was: 'no text found' (SW410) although the text is there."""
    html = (
        "<html><head><title>Визит</title></head><body>"
        + "<div>" * depth
        + f"<p>{RU_READOUT}</p>"
        + "</div>" * depth
        + "<p>Конец.</p></body></html>"
    )
    doc = extract_document(html.encode("utf-8"), source="deep.html")
    assert "Сооронбая Жээнбекова" in doc.text and "Конец." in doc.text
    assert doc.title == "Визит"


def test_tag_stripping_is_linear_on_unclosed_tags_and_scripts() -> None:
    from steppewatch.extract.text import _strip_tags

    assert _strip_tags("<p>Текст</p><script>x</script>") == "Текст"
    # quadratic regexes took minutes on each of these
    assert _strip_tags("<p" * 200_000 + " Бишкек").endswith("Бишкек")
    assert _strip_tags("Бишкек" + "<script" * 200_000) == "Бишкек"
    assert _strip_tags("Бишкек" + "<!--" * 200_000) == "Бишкек"
