"""XML sitemaps and sitemap indexes: page URLs with their ``lastmod`` dates."""

from __future__ import annotations

from dataclasses import dataclass

import lxml.etree

from steppewatch.errors import CollectionError

__all__ = ["SitemapEntry", "SitemapRefused", "parse_sitemap", "looks_like_sitemap"]


class SitemapRefused(CollectionError):
    """A sitemap that is not read at all (entity definitions, broken XML): said, not hidden
    behind "0 documents"."""

    code = "SW551"


@dataclass(frozen=True)
class SitemapEntry:
    url: str
    lastmod: str | None
    is_index: bool  # a nested sitemap, not a page


def looks_like_sitemap(data: bytes) -> bool:
    head = data[:2048].lower()
    return b"<urlset" in head or b"<sitemapindex" in head


def parse_sitemap(data: bytes, where: str = "sitemap") -> list[SitemapEntry]:
    """The entries of a sitemap or sitemap index. Raises ``SitemapRefused`` for a document
    that defines entities (a sitemap never needs them; expanding them is how "billion laughs"
    and external-entity attacks work, and leaving them unexpanded silently loses URLs) or that
    is not well-formed XML."""
    parser = lxml.etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False
    )
    try:
        root = lxml.etree.fromstring(data, parser)
    except lxml.etree.XMLSyntaxError as error:
        if b"<!ENTITY" in data[:65536].upper():
            raise _entities_refused(where) from None
        raise SitemapRefused(
            f"sitemap refused: {where} is not well-formed XML ({error})",
            hint="check the URL serves a sitemap; nothing was fetched from it",
            code="SW552",
        ) from None
    internal = root.getroottree().docinfo.internalDTD
    if internal is not None and any(True for _ in internal.iterentities()):
        raise _entities_refused(where)
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


def _entities_refused(where: str) -> SitemapRefused:
    return SitemapRefused(
        f"sitemap refused: {where} defines XML entities (<!ENTITY> in its DOCTYPE)",
        hint="a sitemap never needs entity definitions; steppewatch does not expand them "
        "(entity-expansion and external-entity attacks), so none of its URLs were fetched",
        code="SW551",
    )
