"""Extract text from documents and code them by the codebook.

Use as a library::

    from steppewatch.extract import extract_document, code_document, code_paths
    doc = extract_document(open("page.html", "rb").read(), source="page.html")
    coded = code_document(doc)            # the default coder
    for record in code_paths(["pages/"]):  # files and folders, one record per document
        print(record.relevant, record.topics)
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from steppewatch.errors import ExtractionError, SteppewatchError
from steppewatch.extract.formats import MAX_DOCUMENT_BYTES, MAX_UNCOMPRESSED_BYTES, check_size
from steppewatch.extract.model import (
    ActorMention,
    CodedDocument,
    CodedItem,
    CoderInfo,
    DocumentError,
    Evidence,
)
from steppewatch.extract.registry import (
    DEFAULT_CODER,
    Coder,
    coder_names,
    get_coder,
    register_coder,
)
from steppewatch.extract.text import MAX_TEXT_CHARS

__all__ = [
    "ActorMention",
    "CodedDocument",
    "CodedItem",
    "Coder",
    "CoderInfo",
    "DEFAULT_CODER",
    "DocumentError",
    "Evidence",
    "ExtractedDocument",
    "MAX_DOCUMENT_BYTES",
    "MAX_TEXT_CHARS",
    "MAX_UNCOMPRESSED_BYTES",
    "SUPPORTED_SUFFIXES",
    "code_document",
    "code_paths",
    "coder_names",
    "error_record",
    "extract_document",
    "get_coder",
    "iter_document_paths",
    "register_coder",
]

SUPPORTED_SUFFIXES = (".html", ".htm", ".shtml", ".txt", ".pdf", ".docx")


@dataclass(frozen=True)
class ExtractedDocument:
    """A document's main text and what is known about it, ready for a coder."""

    source: str
    text: str
    url: str | None = None
    title: str | None = None
    language: str | None = None
    published: str | None = None  # ISO date of the page itself, if found
    encoding: str | None = None
    format: str | None = None  # html, txt, pdf, docx
    warnings: tuple[str, ...] = ()  # coded notes on how the text was read (SW440, SW443, ...)


FOOT_REACH = 600  # characters from the text's end a page's own date line may stand in
FOOT_LINE = 60  # a line of the foot this short holding a full date is the page's stamp
FOOT_REST = 32  # characters besides the date on it (a place, a time, a photo credit)


def _foot_date(text: str) -> str | None:
    """The page's date when it stands at the page's foot, not its head (Ашхабад, 15 мая 2026;
    18 марта 2026, 16:42; 02.02.2026 | 18:05; Фото: КНБ РК | 28 августа 2026, 11:20): the last
    short line of the foot that holds a day with its year and little else. A dated link to
    another article is a longer line and is not taken."""
    from steppewatch.extract.dates import find_dates

    lines = text[-FOOT_REACH:].split("\n")[1:] if len(text) > FOOT_REACH else text.split("\n")
    for line in reversed(lines):
        line = line.strip()
        if not line or len(line) > FOOT_LINE:
            continue
        for m in find_dates(line):
            if m.precision == "day" and len(line) - (m.end - m.start) <= FOOT_REST:
                return m.iso
    return None


def extract_document(
    data: bytes, *, source: str, url: str | None = None, content_type: str | None = None
) -> ExtractedDocument:
    """Bytes of one document -> its text, title, language and date.

    Raises ExtractionError (SW41x) for empty, binary, oversized, undecodable input and for a
    PDF without a text layer.
    """
    from steppewatch.extract.dates import find_dates, parse_date_text
    from steppewatch.extract.formats import read_formatted
    from steppewatch.extract.language import detect_language
    from steppewatch.extract.text import clean_text, html_to_text

    raw = read_formatted(data, source=source, content_type=content_type)
    warnings = raw.warnings
    if raw.format == "html":
        page = html_to_text(raw.content)
        title, text = page.title, page.text
        if page.parser_limit:
            warnings += (
                f"[SW442] {source}: {page.parser_limit}: text taken by stripping tags, "
                "boilerplate included",
            )
        published = parse_date_text(page.date_text) or parse_date_text(title)
    else:
        text = clean_text(raw.content)
        first_line = text.split("\n", 1)[0].strip()
        title = first_line if 0 < len(first_line) <= 200 else None
        head = find_dates(text[:400])
        published = next((m.iso for m in head if m.precision == "day"), None)
        if published is None:
            published = _foot_date(text)
    if len(text) > MAX_TEXT_CHARS:
        warnings += (
            f"[SW445] {source}: text of {len(text):,} characters cut to the first "
            f"{MAX_TEXT_CHARS:,} for coding and storage (MAX_TEXT_CHARS)",
        )
        text = text[:MAX_TEXT_CHARS]
    if not text or text.isspace():  # (as ``not text.strip()``, without copying the text)
        raise ExtractionError(
            f"{source}: no text found in the document",
            hint="the page may be empty, a frame or built by JavaScript",
            code="SW410",
        )
    return ExtractedDocument(
        source=source,
        text=text,
        url=url,
        title=title,
        language=detect_language(text),
        published=published,
        encoding=raw.encoding,
        format=raw.format,
        warnings=warnings,
    )


def code_document(doc: ExtractedDocument, coder: Coder | None = None) -> CodedDocument:
    """Code one extracted document with ``coder`` (default: the codebook coder)."""
    coded: CodedDocument = (coder or _default_coder()).code(doc)
    return coded


_DEFAULT: list[Coder] = []


def _default_coder() -> Coder:
    if not _DEFAULT:
        _DEFAULT.append(get_coder(DEFAULT_CODER))
    return _DEFAULT[0]


def error_record(source: str, error: BaseException, coder: Coder | None = None) -> CodedDocument:
    """A record for a document that could not be coded; the run goes on."""
    if isinstance(error, SteppewatchError):
        code, message = error.code, str(error)
    else:
        code, message = "SW499", f"[SW499] {source}: unexpected {type(error).__name__}: {error}"
    return CodedDocument(
        start=0,
        end=0,
        source=source,
        error=DocumentError(code=code, message=message),
        coder=CoderInfo(name=coder.name, version=coder.version) if coder else None,
    )


def iter_document_paths(paths: Iterable[str | Path]) -> Iterator[str]:
    """Files named, and supported files under folders (recursively, sorted); "-" is stdin."""
    for entry in paths:
        entry = str(entry)
        if entry == "-":
            yield "-"
            continue
        path = Path(entry)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in SUPPORTED_SUFFIXES:
                    yield str(child)
        else:
            yield str(path)


def _read(source: str) -> bytes:
    if source == "-":
        data = sys.stdin.buffer.read(MAX_DOCUMENT_BYTES + 1)
        check_size(len(data), "<stdin>")
        return data
    path = Path(source)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ExtractionError(
            f"{source}: no such file", hint="check the path", code="SW417"
        ) from None
    except OSError as error:
        raise ExtractionError(f"{source}: cannot read ({error.strerror})", code="SW417") from None
    check_size(size, source)  # refuse before reading a byte
    try:
        return path.read_bytes()
    except OSError as error:
        raise ExtractionError(f"{source}: cannot read ({error.strerror})", code="SW417") from None


def code_paths(
    paths: Iterable[str | Path],
    *,
    coder: str | Coder = DEFAULT_CODER,
    include_text: bool = False,
) -> Iterator[CodedDocument]:
    """Code every document under ``paths``; one record per document, errors as records."""
    active = get_coder(coder) if isinstance(coder, str) else coder
    for source in iter_document_paths(paths):
        try:
            data = _read(source)
            doc = extract_document(data, source="<stdin>" if source == "-" else source)
            record = active.code(doc)
        except Exception as error:  # one bad document never stops the run
            yield error_record(source, error, active)
            continue
        record.warnings = list(doc.warnings)
        if not include_text:
            record.text = None
        yield record
