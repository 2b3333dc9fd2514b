"""XML sitemaps and sitemap indexes: page URLs with their ``lastmod`` dates."""

from __future__ import annotations

from dataclasses import dataclass

import lxml.etree

__all__ = ["SitemapEntry", "parse_sitemap", "looks_like_sitemap"]


@dataclass(frozen=True)
class SitemapEntry:
    url: str
    lastmod: str | None
    is_index: bool  # a nested sitemap, not a page


def looks_like_sitemap(data: bytes) -> bool:
    head = data[:2048].lower()
    return b"<urlset" in head or b"<sitemapindex" in head


def parse_sitemap(data: bytes) -> list[SitemapEntry]:
    parser = lxml.etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = lxml.etree.fromstring(data, parser)
    except lxml.etree.XMLSyntaxError:
        return []
    is_index = lxml.etree.QName(root).localname == "sitemapindex"
    entries = []
    for element in root:
        if not isinstance(element.tag, str):
            continue
        loc = lastmod = None
        for child in element:
            if not isinstance(child.tag, str):
                continue
            name = lxml.etree.QName(child).localname
            if name == "loc":
                loc = (child.text or "").strip()
            elif name == "lastmod":
                lastmod = (child.text or "").strip()[:10] or None
        if loc:
            entries.append(SitemapEntry(loc, lastmod, is_index))
    return entries
