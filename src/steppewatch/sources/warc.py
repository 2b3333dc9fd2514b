"""Read documents from WARC files (``.warc``, ``.warc.gz``) with warcio: every ``response``
record with HTTP status 200 becomes a document with its target URI, WARC date and headers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from steppewatch.errors import InputError
from steppewatch.sources.page_url import web_url
from steppewatch.sources.raw import RawDocument, publisher_for

__all__ = ["iter_warc"]


def iter_warc(path: Path) -> Iterator[RawDocument]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        with path.open("rb") as handle:
            for record in ArchiveIterator(handle):
                if record.rec_type != "response":
                    continue
                status = record.http_headers.get_statuscode() if record.http_headers else "200"
                if status != "200":
                    continue
                # the record's target URI is the page's real address (a file: or other
                # scheme is no web address: the document is then a local one)
                url = web_url(record.rec_headers.get_header("WARC-Target-URI"))
                headers = (
                    {k.lower(): v for k, v in record.http_headers.headers}
                    if record.http_headers
                    else {}
                )
                yield RawDocument(
                    data=record.content_stream().read(),
                    url=url,
                    source_path=f"{path}#{record.rec_headers.get_header('WARC-Record-ID')}",
                    content_type=headers.get("content-type"),
                    retrieved=record.rec_headers.get_header("WARC-Date"),
                    headers=headers,
                    publisher=publisher_for(url),
                )
    except ArchiveLoadFailed as error:
        raise InputError(
            f"{path}: not a readable WARC file ({error})",
            hint="give a .warc or .warc.gz file written by a web archiver",
            code="SW140",
        ) from None
