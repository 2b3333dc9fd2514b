"""A saved page's own web address: ``<link rel="canonical">``, else ``<meta property="og:url">``.

Only the document head is read (the first 256 KiB at most), with the standard library's HTML
parser, which unescapes attribute values and survives broken markup. Only an absolute http(s)
URL without spaces or control characters is taken; anything else (relative paths,
``javascript:``, ``file:``) is ignored.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

__all__ = ["page_url", "web_url"]

HEAD_BYTES = 256 * 1024
_WEB_URL = re.compile(r"https?://[^\s\x00-\x1f\x7f<>\"'`]+\Z", re.IGNORECASE)


def web_url(value: str | None) -> str | None:
    """``value`` stripped if it is an absolute http(s) URL, else None."""
    if not value:
        return None
    value = value.strip()
    return value if _WEB_URL.match(value) else None


class _HeadLinks(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.canonical: str | None = None
        self.og_url: str | None = None
        self.done = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.done:
            return
        if tag == "body":
            self.done = True
            return
        values = {k.lower(): (v or "") for k, v in attrs}
        if tag == "link" and self.canonical is None:
            rels = values.get("rel", "").lower().split()
            if "canonical" in rels:
                self.canonical = web_url(values.get("href"))
        elif tag == "meta" and self.og_url is None:
            key = (values.get("property") or values.get("name") or "").lower()
            if key == "og:url":
                self.og_url = web_url(values.get("content"))


def page_url(data: bytes) -> str | None:
    """The canonical URL an HTML page declares for itself, or None."""
    head = data[:HEAD_BYTES]
    lowered = head.lower()
    if b"canonical" not in lowered and b"og:url" not in lowered:
        return None
    # URLs are ASCII (or percent-encoded) in practice; decoding as UTF-8 with replacement keeps
    # the markup readable in any ASCII-compatible encoding (GBK, Windows-1251, KOI8-R)
    parser = _HeadLinks()
    try:
        parser.feed(head.decode("utf-8", errors="replace"))
        parser.close()
    except Exception:  # noqa: BLE001 - a page the parser cannot read simply declares nothing
        pass
    return parser.canonical or parser.og_url
