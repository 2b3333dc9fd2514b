"""RSS and Atom feeds (feedparser): the article links they list, with their dates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

__all__ = ["FeedEntry", "parse_feed", "looks_like_feed"]


@dataclass(frozen=True)
class FeedEntry:
    url: str
    title: str | None
    published: str | None  # YYYY-MM-DD


def looks_like_feed(data: bytes) -> bool:
    head = data[:1024].lstrip().lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def parse_feed(data: bytes, base_url: str | None = None) -> list[FeedEntry]:
    import feedparser

    parsed = feedparser.parse(data, response_headers={"content-location": base_url or ""})
    entries = []
    for entry in parsed.entries:
        link = entry.get("link")
        if not link:
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        published = dt.date(*stamp[:3]).isoformat() if stamp else None
        entries.append(FeedEntry(url=link, title=entry.get("title"), published=published))
    return entries
