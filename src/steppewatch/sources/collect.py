"""Turn what a user names (files, folders, WARC files, feed, sitemap and page URLs) into a
stream of ``RawDocument`` (or ``CollectFailure`` for what could not be fetched)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from steppewatch.errors import ExtractionError, InputError
from steppewatch.extract.formats import check_size
from steppewatch.sources.feeds import looks_like_feed, parse_feed
from steppewatch.sources.files import SidecarIndex, is_warc, iter_path, read_file
from steppewatch.sources.http import FetchError, HttpClient, HttpResponse
from steppewatch.sources.raw import CollectFailure, RawDocument, publisher_for
from steppewatch.sources.sitemaps import SitemapRefused, looks_like_sitemap, parse_sitemap
from steppewatch.sources.warc import iter_warc

__all__ = ["iter_documents", "fetch_document", "is_url", "check_source"]

Item = RawDocument | CollectFailure
MAX_SITEMAP_DEPTH = 3


def is_url(value: str) -> bool:
    return value[:8].lower().startswith(("http://", "https://"))


def check_source(value: str) -> None:
    """Refuse a URL of another scheme (``file://``, ``ftp://``, ``javascript:``...) by what it
    is, rather than looking for a file of that name."""
    scheme = value.split("://", 1)[0] if "://" in value else ""
    if scheme and not is_url(value) and scheme.replace("+", "").replace(".", "").isalnum():
        raise InputError(
            f"'{value}' is not an http(s) URL (scheme '{scheme}')",
            hint="give URLs starting with http:// or https://, and local files as plain paths",
            code="SW550",
        )


def response_document(response: HttpResponse) -> RawDocument:
    return RawDocument(
        data=response.content,
        url=response.url,
        content_type=response.content_type,
        retrieved=response.retrieved,
        headers=response.headers,
        publisher=publisher_for(response.url),
    )


def fetch_document(client: HttpClient, url: str) -> Item:
    try:
        return response_document(client.get(url))
    except FetchError as error:
        return CollectFailure(url, error.reason, str(error))


def iter_documents(
    sources: Iterable[str | Path],
    *,
    client: HttpClient | None = None,
    since: str | None = None,
    skip_url: Callable[[str], bool] | None = None,
) -> Iterator[Item]:
    """Documents from every source in order. ``since`` (YYYY-MM-DD) filters feed and sitemap
    entries by date; ``skip_url`` says which URLs are already stored (not fetched again)."""
    for source in sources:
        text = str(source)
        if not isinstance(source, Path):
            check_source(text)
        if is_url(text):
            if client is None:
                raise InputError(f"{text}: URLs need an HTTP client", code="SW141")
            yield from _from_url(client, text, since, skip_url, depth=0)
            continue
        path = Path(text)
        if not path.exists():
            raise InputError(f"{path}: no such file or folder", hint="check the path", code="SW142")
        index = SidecarIndex(path)  # index.csv beside or above each file, read once
        for file in iter_path(path):
            if is_warc(file):
                yield from iter_warc(file)
            else:
                try:
                    check_size(file.stat().st_size, str(file))  # before reading a byte
                    yield read_file(file, index)
                except ExtractionError as error:
                    yield CollectFailure(str(file), "too-large", str(error))
                except OSError as error:
                    yield CollectFailure(str(file), "unreadable", f"{file}: {error.strerror}")


def _from_url(
    client: HttpClient,
    url: str,
    since: str | None,
    skip_url: Callable[[str], bool] | None,
    depth: int,
) -> Iterator[Item]:
    try:
        response = client.get(url)
    except FetchError as error:
        yield CollectFailure(url, error.reason, str(error))
        return
    data = response.content
    if looks_like_feed(data):
        for entry in parse_feed(data, response.url):
            if since and entry.published and entry.published < since:
                continue
            if skip_url and skip_url(entry.url):
                continue
            yield fetch_document(client, entry.url)
    elif looks_like_sitemap(data) and depth < MAX_SITEMAP_DEPTH:
        try:
            entries = parse_sitemap(data, response.url)
        except SitemapRefused as error:
            yield CollectFailure(url, "sitemap_refused", str(error))
            return
        for item in entries:
            if since and item.lastmod and item.lastmod < since:
                continue
            if item.is_index:
                yield from _from_url(client, item.url, since, skip_url, depth + 1)
            elif not (skip_url and skip_url(item.url)):
                yield fetch_document(client, item.url)
    else:
        yield response_document(response)
