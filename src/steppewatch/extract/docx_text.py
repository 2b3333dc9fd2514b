"""DOCX -> text, streamed: the main document part is inflated and parsed a piece at a time
(lxml ``iterparse``), so a zip bomb is refused at ``MAX_UNCOMPRESSED_BYTES`` without ever being
inflated whole, and a document of a million tiny paragraphs does not build a million objects.

The text is what python-docx gives (``paragraph.text`` of the body's paragraphs, then each row
of each body table as its cells' text joined by `` | ``), without loading every part of the
package into memory as python-docx does.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from typing import IO

import lxml.etree

from steppewatch.errors import ExtractionError

__all__ = ["read_docx", "MAX_UNCOMPRESSED_BYTES", "MAX_ZIP_MEMBERS"]

#: Largest uncompressed size of a zip's main part (DOCX ``word/document.xml``) and of any gzip
#: stream read (WARC ``.warc.gz`` record payloads use ``MAX_DOCUMENT_BYTES`` per record):
#: past it the document is refused with SW441 while inflating, never inflated whole (50 MB).
MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024
#: A zip holding more members than this is refused (SW441) before its directory is read: every
#: member costs memory in ``zipfile`` even when never opened.
MAX_ZIP_MEMBERS = 10_000

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MAIN_REL = re.compile(
    rb"""<Relationship\b[^>]*?Type="[^"]*/officeDocument"[^>]*?Target="/?([^"]+)\"""", re.S
)
_MAIN_REL_REVERSED = re.compile(
    rb"""<Relationship\b[^>]*?Target="/?([^"]+)"[^>]*?Type="[^"]*/officeDocument\"""", re.S
)


def _too_large(source: str, what: str) -> ExtractionError:
    return ExtractionError(
        f"{source}: {what} inflates past the {MAX_UNCOMPRESSED_BYTES // (1024 * 1024)} MB limit "
        "for uncompressed content (a zip bomb, or a document too large to code)",
        hint="extract the text another way, or split the document",
        code="SW441",
    )


def _unreadable(source: str, error: object) -> ExtractionError:
    reason = " ".join(str(error).split())[:160]
    return ExtractionError(
        f"{source}: unreadable DOCX ({reason})", hint="save it again as .docx", code="SW415"
    )


class _CappedReader(io.RawIOBase):
    """A member's inflated bytes, counted: past ``limit`` the read raises SW441."""

    def __init__(self, stream: IO[bytes], limit: int, source: str, name: str) -> None:
        self._stream, self._left = stream, limit
        self._source, self._name = source, name

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        chunk = self._stream.read(min(size if size > 0 else 65536, 65536))
        self._left -= len(chunk)
        if self._left < 0:
            raise _too_large(self._source, self._name)
        return chunk

    def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
        chunk = self.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)


def _main_part(archive: zipfile.ZipFile) -> str:
    try:
        info = archive.getinfo("_rels/.rels")
    except KeyError:
        return "word/document.xml"
    if info.file_size > 1_000_000:
        return "word/document.xml"
    rels = archive.read(info)
    match = _MAIN_REL.search(rels) or _MAIN_REL_REVERSED.search(rels)
    return match.group(1).decode("utf-8", "replace") if match else "word/document.xml"


def _run_text(run: lxml.etree._Element, parts: list[str]) -> None:
    for node in run:
        tag = node.tag
        if tag == f"{_W}t":
            parts.append(node.text or "")
        elif tag in (f"{_W}tab", f"{_W}ptab"):
            parts.append("\t")
        elif tag == f"{_W}noBreakHyphen":
            parts.append("-")
        elif tag == f"{_W}cr" or (
            tag == f"{_W}br" and node.get(f"{_W}type") in (None, "textWrapping")
        ):
            parts.append("\n")


def _paragraph_text(paragraph: lxml.etree._Element) -> str:
    """Runs of the paragraph and of its hyperlinks, as python-docx reads them (text boxes,
    whose text a run holds twice for old and new readers, are left out as there)."""
    parts: list[str] = []
    for child in paragraph:
        if child.tag == f"{_W}r":
            _run_text(child, parts)
        elif child.tag == f"{_W}hyperlink":
            for run in child.iterchildren(f"{_W}r"):
                _run_text(run, parts)
    return "".join(parts)


def _table_rows(table: lxml.etree._Element) -> Iterator[str]:
    for row in table.iterchildren(f"{_W}tr"):
        cells = (
            "\n".join(_paragraph_text(p) for p in cell.iterchildren(f"{_W}p"))
            for cell in row.iterchildren(f"{_W}tc")
        )
        yield " | ".join(cells)


def read_docx(data: bytes, source: str) -> str:
    """The text of a DOCX, or ExtractionError: SW441 for a bomb, SW415 for a broken file."""
    if data.count(b"PK\x01\x02") > MAX_ZIP_MEMBERS:
        raise ExtractionError(
            f"{source}: zip with more than {MAX_ZIP_MEMBERS} members (not a document)",
            hint="give a .docx saved by a word processor",
            code="SW441",
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        name = _main_part(archive)
        info = archive.getinfo(name)
        if info.file_size > MAX_UNCOMPRESSED_BYTES:  # declared size: refused without inflating
            raise _too_large(source, name)
        stream = _CappedReader(archive.open(info), MAX_UNCOMPRESSED_BYTES, source, name)
        paragraphs: list[str] = []
        rows: list[str] = []
        events = lxml.etree.iterparse(
            stream,
            events=("end",),
            tag=(f"{_W}p", f"{_W}tbl"),
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
        )
        for _, element in events:
            parent = element.getparent()
            if parent is None or parent.tag != f"{_W}body":
                continue  # nested in a table or a content control: read with its container
            if element.tag == f"{_W}p":
                paragraphs.append(_paragraph_text(element))
            else:
                rows.extend(_table_rows(element))
            element.clear()
            while element.getprevious() is not None:  # free what was read
                del parent[0]
    except ExtractionError:
        raise
    except KeyError:
        raise _unreadable(source, "no word/document.xml: not a Word document") from None
    except (
        zipfile.BadZipFile,
        zlib.error,
        lxml.etree.XMLSyntaxError,
        EOFError,
        OSError,
        ValueError,
        RuntimeError,
        NotImplementedError,
    ) as error:
        raise _unreadable(source, error) from None
    return "\n".join(paragraphs + rows)
