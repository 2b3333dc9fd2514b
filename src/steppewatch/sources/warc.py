"""Read documents from WARC files (``.warc``, ``.warc.gz``) with warcio: every ``response``
record with HTTP status 200 becomes a document with its target URI, WARC date and headers.

A damaged file never stops a batch: what cannot be read is reported as a ``CollectFailure``
named by file and record offset, and reading goes on at the next record.

- unreadable bytes where a record should start (garbage first, garbage between records):
  SW541, reading resumes at the next ``WARC/1.x`` line (at the next gzip member in a
  ``.warc.gz``);
- a ``.warc.gz`` compressed as one gzip stream instead of one member per record: read as a
  stream (offsets are then positions in the uncompressed WARC);
- a record cut short (the file ends inside it): SW542, not stored;
- a record whose target URI is not an http(s) URL (``javascript:``, ``mailto:``, garbage):
  SW540; an upper-case scheme (``HTTPS://``) is just normalised; ``dns:`` records (a crawler's
  DNS lookups, not documents) are skipped like non-200 responses;
- a payload larger than ``MAX_DOCUMENT_BYTES`` once inflated: SW543, read no further.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from steppewatch.sources.raw import CollectFailure, RawDocument, publisher_for

__all__ = ["iter_warc", "normalise_target_uri", "MAX_BAD_SPOTS"]

#: After this many unreadable spots in one file, the rest of the file is given up (SW541).
MAX_BAD_SPOTS = 100
_RECORD_START = re.compile(rb"(?:^|\n)WARC/1\.[01]\r?\n")
_RECORD_OR_MEMBER = re.compile(rb"\x1f\x8b\x08|(?:^|\n)WARC/1\.[01]\r?\n")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_HTTP_URL = re.compile(r"^https?://[^\s/?#]+\S*$")
_SCAN_CHUNK = 1 << 20

Item = RawDocument | CollectFailure


def normalise_target_uri(uri: str | None) -> str | None:
    """An http(s) URL with a lower-case scheme, or None if ``uri`` is not one. Angle brackets
    (WARC/1.0 examples wrote ``<http://...>``) and inner spaces are tolerated."""
    if not uri:
        return None
    uri = uri.strip()
    if uri.startswith("<") and uri.endswith(">"):
        uri = uri[1:-1].strip()
    scheme = _SCHEME.match(uri)
    if scheme is None:
        return None
    uri = scheme.group(1).lower() + uri[len(scheme.group(1)) :]
    uri = re.sub(r"\s", lambda m: f"%{ord(m.group()):02X}", uri)
    return uri if _HTTP_URL.match(uri) else None


def _short(value: object, limit: int = 100) -> str:
    """One printable line: errors from warcio quote the bad bytes, which may be binary."""
    text = " ".join(str(value).split())
    text = "".join(c if c.isprintable() else "?" for c in text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _failure(path: Path, offset: int | None, code: str, reason: str, message: str) -> Item:
    where = f"{path}@{offset}" if offset is not None else str(path)
    at = f", record at offset {offset}" if offset is not None else ""
    return CollectFailure(where, reason, f"[{code}] {path}{at}: {message}")


def iter_warc(path: Path) -> Iterator[Item]:
    """Documents of a WARC file, and a failure for each part that could not be read."""
    try:
        handle = path.open("rb")
    except OSError as error:
        yield _failure(path, None, "SW541", "unreadable", f"cannot read ({error.strerror})")
        return
    with handle:
        state = _Scan(path, handle, stream=False)
        yield from state.run()
    if state.single_stream:  # one gzip stream for the whole file: read it as a stream
        with gzip.open(path, "rb") as stream:
            yield from _Scan(path, stream, skip=state.records, stream=True).run()


class _NotWarc(Exception):
    pass


class _Scan:
    """Records from ``start``; on an unreadable spot, a failure and a search for the next
    record start (a ``WARC/1.x`` line, or a gzip member in a per-record compressed file)."""

    def __init__(
        self, path: Path, handle: IO[bytes] | gzip.GzipFile, *, skip: int = 0, stream: bool
    ) -> None:
        self.path, self.handle = path, handle
        self.skip, self.stream = skip, stream
        # in the file itself a record starts with a WARC line or a gzip member; in an inflated
        # stream only with a WARC line
        self.pattern = _RECORD_START if stream else _RECORD_OR_MEMBER
        self.records = 0  # records read (documents or not), to skip on a second pass
        self.single_stream = False

    def run(self) -> Iterator[Item]:
        from warcio.archiveiterator import ArchiveIterator

        start: int | None = 0
        bad_spots = 0
        # warcio reads any five words on a line as an old ARC header: in a WARC file that is
        # garbage, and taking it for ARC would make every later WARC record "invalid"
        arc_allowed = ".arc" in self.path.name.lower()
        while start is not None:
            self.handle.seek(start)
            iterator = ArchiveIterator(self.handle)
            offset = start
            try:
                for record in iterator:
                    offset = iterator.offset
                    if record.format != "warc" and not arc_allowed:
                        raise _NotWarc(f"not a WARC record: {record.format} header")
                    self.records += 1
                    if self.records <= self.skip:
                        continue
                    item = self._document(record, offset)
                    if item is not None:
                        yield item
                return
            except Exception as error:  # warcio, zlib, gzip, OSError: all the same to a user
                offset = getattr(iterator, "offset", offset)
                if not self.stream and "non-chunked gzip" in str(error):
                    self.single_stream = True
                    return
                bad_spots += 1
                if bad_spots > MAX_BAD_SPOTS:
                    yield _failure(
                        self.path,
                        offset,
                        "SW541",
                        "unreadable",
                        f"more than {MAX_BAD_SPOTS} unreadable spots; rest of the file skipped",
                    )
                    return
                start = self._next_start(offset + 1)
                skipped = (
                    f"skipped to the next record at offset {start}"
                    if start is not None
                    else "no readable record after it"
                )
                yield _failure(
                    self.path,
                    offset,
                    "SW541",
                    "unreadable",
                    f"not a readable WARC record ({_short(error)}); {skipped}"
                    + (" (offsets in the uncompressed stream)" if self.stream else ""),
                )

    def _next_start(self, position: int) -> int | None:
        """Offset of the next record start at or after ``position``, scanning in chunks."""
        pattern = self.pattern
        try:
            self.handle.seek(max(position - 1, 0))
            base = self.handle.tell()
            tail = b""
            while True:
                chunk = self.handle.read(_SCAN_CHUNK)
                if not chunk:
                    return None
                window = tail + chunk
                for match in pattern.finditer(window):
                    found = base - len(tail) + match.start()
                    if window[match.start() : match.start() + 1] == b"\n":
                        found += 1
                    if found >= position:
                        return found
                tail = window[-16:]
                base += len(chunk)
        except Exception:  # a stream that cannot be read further (corrupt gzip)
            return None

    def _document(self, record: Any, offset: int) -> Item | None:
        from steppewatch.extract.formats import MAX_DOCUMENT_BYTES

        if record.rec_type != "response":
            return None
        status = record.http_headers.get_statuscode() if record.http_headers else "200"
        if status != "200":
            return None
        raw_uri = record.rec_headers.get_header("WARC-Target-URI")
        if (raw_uri or "").strip().lower().startswith("dns:"):
            return None
        url = normalise_target_uri(raw_uri)
        if url is None:
            return _failure(
                self.path,
                offset,
                "SW540",
                "not-a-url",
                (
                    f"WARC-Target-URI '{_short(raw_uri, 80)}' is not an http(s) URL"
                    if raw_uri
                    else "no WARC-Target-URI"
                )
                + "; record skipped",
            )
        data = record.content_stream().read(MAX_DOCUMENT_BYTES + 1)
        if len(data) > MAX_DOCUMENT_BYTES:
            return _failure(
                self.path,
                offset,
                "SW543",
                "too-large",
                f"{url}: payload over the {MAX_DOCUMENT_BYTES // (1024 * 1024)} MB "
                "limit for one document once inflated; record skipped",
            )
        missing = getattr(record.raw_stream, "limit", 0)
        if missing:
            return _failure(
                self.path,
                offset,
                "SW542",
                "truncated",
                f"{url}: record cut short ({missing} of {record.length} bytes "
                "missing: the file ends inside it); record skipped, fetch it again",
            )
        headers = (
            {k.lower(): v for k, v in record.http_headers.headers} if record.http_headers else {}
        )
        return RawDocument(
            data=data,
            url=url,
            source_path=f"{self.path}#{record.rec_headers.get_header('WARC-Record-ID')}",
            content_type=headers.get("content-type"),
            retrieved=record.rec_headers.get_header("WARC-Date"),
            headers=headers,
            publisher=publisher_for(url),
        )
