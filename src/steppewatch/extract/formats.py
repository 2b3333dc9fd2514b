"""Read a document's bytes by format: HTML, plain text, PDF (pypdf), DOCX (streamed, capped).

The format comes from the content type, the file name, then the bytes themselves (magic
numbers). Hostile input fails early with a coded ``ExtractionError``: empty, binary, too large
(``MAX_DOCUMENT_BYTES``), a zip that inflates past ``MAX_UNCOMPRESSED_BYTES``, undecodable, a
PDF without a text layer. UTF-16/32 text with a byte order mark is text, not binary.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from steppewatch.errors import ExtractionError
from steppewatch.extract.docx_text import MAX_UNCOMPRESSED_BYTES

__all__ = [
    "MAX_DOCUMENT_BYTES",
    "MAX_UNCOMPRESSED_BYTES",
    "RawText",
    "detect_format",
    "read_formatted",
    "check_size",
]

#: Documents larger than this are refused with SW412 before any parsing (50 MB).
MAX_DOCUMENT_BYTES = 50 * 1024 * 1024

_HTML_START = re.compile(
    rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title|div|p)\b",
    re.IGNORECASE | re.DOTALL,
)
_SUFFIX_FORMAT = {
    ".html": "html",
    ".htm": "html",
    ".shtml": "html",
    ".xhtml": "html",
    ".txt": "txt",
    ".text": "txt",
    ".md": "txt",
    ".pdf": "pdf",
    ".docx": "docx",
}


_WIDE_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")
_NOT_CONTROL = bytes(b for b in range(256) if not (b < 9 or 13 < b < 32 and b != 27))


@dataclass(frozen=True)
class RawText:
    """What a format reader gives: HTML markup or plain text, with its encoding."""

    format: str  # html, txt, pdf, docx
    content: str
    encoding: str | None
    warnings: tuple[str, ...] = ()  # coded one-line notes, e.g. SW440 charset declared wrongly


def check_size(size: int, source: str) -> None:
    if size > MAX_DOCUMENT_BYTES:
        raise ExtractionError(
            f"{source}: {size / 1e6:.0f} MB is over the {MAX_DOCUMENT_BYTES // (1024 * 1024)} MB "
            "limit for one document",
            hint="split the file, or extract its text first",
            code="SW412",
        )


def detect_format(data: bytes, source: str, content_type: str | None = None) -> str:
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    if content_type:
        lowered = content_type.lower()
        if "html" in lowered:
            return "html"
        if "pdf" in lowered:
            return "pdf"
        if "wordprocessingml" in lowered:
            return "docx"
        if lowered.startswith("text/"):
            return "txt"
    lowered_source = source.lower()
    for suffix, fmt in _SUFFIX_FORMAT.items():
        if lowered_source.endswith(suffix):
            if fmt in ("pdf", "docx"):
                return "txt" if not data.startswith((b"%PDF", b"PK")) else fmt
            return fmt
    head = data[:2048]
    if _HTML_START.match(head) or b"<html" in head.lower():
        return "html"
    return "txt"


def _refuse_binary(data: bytes, source: str) -> None:
    head = data[:8192]
    if b"\x00" in head:
        raise ExtractionError(
            f"{source}: looks like a binary file (NUL bytes), not text, HTML, PDF or DOCX",
            hint="give a .html, .txt, .pdf or .docx document",
            code="SW411",
        )
    control = len(head.translate(None, _NOT_CONTROL))
    if head and control / len(head) > 0.05:
        raise ExtractionError(
            f"{source}: looks like a binary file ({control} control bytes in the first {len(head)})",
            hint="give a .html, .txt, .pdf or .docx document",
            code="SW411",
        )


def _read_pdf(data: bytes, source: str) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as error:
        raise ExtractionError(
            f"{source}: unreadable PDF ({error})",
            hint="check the file is a complete PDF",
            code="SW415",
        ) from None
    text = "\n".join(pages)
    if not text.strip():
        raise ExtractionError(
            f"{source}: PDF has no text layer ({len(pages)} page(s) of images or blank)",
            hint="no text layer, OCR it first (e.g. ocrmypdf) and code the result",
            code="SW414",
        )
    return text


def read_formatted(data: bytes, *, source: str, content_type: str | None = None) -> RawText:
    """Bytes -> HTML markup or plain text, raising ExtractionError for hostile input."""
    from steppewatch.extract.encoding import decode_bytes

    check_size(len(data), source)
    if not data or data.isspace():  # (as ``not data.strip()``, without copying the bytes)
        raise ExtractionError(f"{source}: empty document", hint="nothing to code", code="SW410")
    fmt = detect_format(data, source, content_type)
    if fmt == "pdf":
        return RawText("pdf", _read_pdf(data, source), None)
    if fmt == "docx":
        from steppewatch.extract.docx_text import read_docx

        return RawText("docx", read_docx(data, source), None)
    notes: list[str] = []
    if data.startswith(_WIDE_BOMS):
        # UTF-16/32 text is half NUL bytes: decode it before any test for binary content
        text, encoding = decode_bytes(
            data, content_type=content_type, source=source, warnings=notes
        )
        if fmt == "txt" and _HTML_START.match(text[:2048].encode("utf-8", "replace")):
            fmt = "html"
        _refuse_binary(text[:8192].encode("utf-8", "replace"), source)
        return RawText(fmt, text, encoding, tuple(notes))
    _refuse_binary(data, source)
    text, encoding = decode_bytes(data, content_type=content_type, source=source, warnings=notes)
    return RawText(fmt, text, encoding, tuple(notes))
