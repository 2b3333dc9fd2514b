"""Collect documents: local files and folders, WARC archives, RSS/Atom feeds, sitemaps, web
pages and site adapters, all fetched through the one HTTP client (``sources.http``) and kept
byte for byte in a content-addressed archive (``sources.archive``)."""

from steppewatch.sources.http import FetchError, HttpClient, HttpResponse

__all__ = ["FetchError", "HttpClient", "HttpResponse"]
