"""HTML -> main text, title and publication date. Fast: one lxml parse, targeted XPath for
the page templates we know (PRC MFA Chinese and English), a generic fallback otherwise.

The main text keeps paragraph breaks as ``\\n``; runs of spaces and the ideographic indent
(``\\u3000\\u3000``) that opens MFA paragraphs are removed. No trafilatura on this path.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.etree

__all__ = ["HtmlText", "LARGE_HTML_CHARS", "MAX_TEXT_CHARS", "html_to_text", "clean_text"]

#: Pages longer than this (characters) are read by linear tag stripping, not parsed: lxml's
#: tree of a page near the 50 MB document limit took over 600 MB (a news page is < 1 MB).
LARGE_HTML_CHARS = 8_000_000
#: Extracted text longer than this is cut to it (``extract_document`` warns, SW445): a readout
#: is under 50,000 characters, and coding, near-duplicate search and storage of a
#: 25-million-character text took over 500 MB.
MAX_TEXT_CHARS = 5_000_000

# Known templates, most specific first: (main text, title, date) XPath expressions.
_TEMPLATES: tuple[tuple[str, str, str], ...] = (
    # fmprc.gov.cn Chinese: <div id="News_Body_Txt_A" class="content">, title div, div.time
    (
        '//div[@id="News_Body_Txt_A"]',
        '//div[@id="News_Body_Title"]',
        '//div[@class="time"]|//div[@id="News_Body_Time"]',
    ),
    # fmprc.gov.cn English: <div class="content"> inside content_mod, <h2 class="title">
    (
        '//div[@class="content_mod"]//div[@class="content"]|//div[@id="content"]',
        '//h2[@class="title"]|//h1',
        '//div[@id="News_Body_Time"]',
    ),
)
_GENERIC_MAIN = (
    '//article|//main|//div[@id="content" or @class="content" or @id="main" or '
    '@class="article" or @id="article" or @class="TRS_Editor"]'
)
_DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "nav",
    "header",
    "footer",
    "form",
    "iframe",
    "select",
    "button",
    "aside",
    "template",
    "svg",
)
_BOILERPLATE_CLASS = re.compile(
    r"(^|[\s_-])(nav|menu|header|footer|copyright|breadcrumb|urhere|sidebar|share|jiathis|"
    r"search|lang|tool|related|relnews|subnav|logo)([\s_-]|$)",
    re.IGNORECASE,
)
_BLOCK_TAGS = (
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "blockquote",
    "section",
    "article",
    "table",
    "ul",
    "ol",
    "dd",
    "dt",
    "pre",
)
_META_DATE = (
    '//meta[@property="article:published_time"]/@content|'
    '//meta[@name="PubDate" or @name="pubdate" or @name="publishdate" or @name="date" or '
    '@name="DC.date" or @itemprop="datePublished"]/@content|//time/@datetime'
)
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u2002\u2003\u2009\u200b\u3000]+")
_NEWLINES = re.compile(r" ?\n[ \n]*")
_TITLE_SUFFIX = re.compile(
    r"\s*(—|--|-|_|\|)\s*(中华人民共和国外交部|Ministry of Foreign Affairs.*)$"
)


@dataclass(frozen=True)
class HtmlText:
    title: str | None
    text: str
    date_text: str | None  # raw text that holds the page's own date, parsed by dates.py
    # why the parser could not read the page (e.g. nested too deep), when the text was taken
    # by stripping tags instead
    parser_limit: str | None = None


_LINE_ENDS = " \u3000\u00a0\t"  # whitespace often at a line's ends: spaces and indents


def clean_text(raw: str) -> str:
    """Collapse spaces inside lines, strip lines, drop empty lines (str.split: C speed, and it
    knows the ideographic space and the no-break space)."""
    lines = raw.replace("\r", "\n").split("\n")
    if len(raw) < 100_000 or max(map(len, lines)) < 100_000:
        # (the same, with the lines of whitespace only, most lines of a page, skipped at once;
        # and a line whose only whitespace, once the spaces and indents at its ends are cut, is
        # single spaces is its own collapsed form: isprintable is False for every whitespace
        # character but the space, so only lines with tabs, no-break or double spaces inside
        # are split and joined)
        return "\n".join(
            [
                cut
                if (cut := line.strip(_LINE_ENDS)).isprintable() and "  " not in cut
                else " ".join(line.split())
                for line in lines
                if line and not line.isspace()
            ]
        ).replace("\u200b", "")
    cleaned = (
        " ".join(line.split()) if len(line) < 100_000 else _long_line(line) for line in lines
    )
    return "\n".join(line for line in cleaned if line).replace("\u200b", "")


_WHITESPACE = re.compile(r"\s+")


def _long_line(line: str) -> str:
    """``" ".join(line.split())`` a megabyte at a time: on a 25-million-character line, one
    split (or one regex substitution) made millions of small strings at once (over 200 MB)."""
    parts: list[str] = []
    position = 0
    while position < len(line):
        end = position + _CHUNK
        if end < len(line):  # cut where whitespace starts, never inside a word
            gap = _WHITESPACE.search(line, end)
            end = gap.start() if gap else len(line)
        part = " ".join(line[position:end].split())
        if part:
            parts.append(part)
        position = max(end, position + 1)
    return " ".join(parts)


_CHUNK = 1_000_000


def _text_of(element: lxml.etree._Element) -> str:
    return str(lxml.etree.tostring(element, method="text", encoding="unicode", with_tail=False))


# huge_tree: libxml2 otherwise stops at 256 levels of nesting and at a 10 MB text node or
# attribute, dropping the rest of the page; the input is already capped (MAX_DOCUMENT_BYTES),
# and the HTML parser loads no DTD and no network entity.
_PARSER = lxml.etree.HTMLParser(no_network=True, huge_tree=True)


class _ParserLimit(Exception):
    """The parser gave up part way (nesting deeper than it allows): its tree misses text."""


def _parse(html: str | bytes) -> lxml.etree._Element | None:
    try:
        root = lxml.etree.fromstring(html, _PARSER)
    except (lxml.etree.ParserError, ValueError):
        return None
    for entry in _PARSER.error_log:
        if "Excessive depth" in entry.message:
            raise _ParserLimit("HTML nested deeper than the parser reads (2048 levels)")
        if entry.type_name == "ERR_RESOURCE_LIMIT":
            raise _ParserLimit(f"HTML past the parser's limits ({entry.message.strip()[:80]})")
    return root


def _element_text(element: lxml.etree._Element) -> str:
    lxml.etree.strip_elements(element, *_DROP_TAGS, with_tail=False)
    for block in element.iter(*_BLOCK_TAGS):
        block.tail = "\n" + block.tail if block.tail else "\n"
        if block.tag != "br":
            block.text = "\n" + block.text if block.text else "\n"
    return clean_text(_text_of(element))


def _first_text(root: lxml.etree._Element, xpath: str) -> str | None:
    for element in root.xpath(xpath):
        lxml.etree.strip_elements(element, "script", "style", with_tail=False)
        text = _SPACES.sub(" ", _text_of(element)).strip()
        if text:
            return text
    return None


def _drop(element: lxml.etree._Element) -> None:
    """Remove an element but keep its tail text."""
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def _generic(root: lxml.etree._Element) -> str:
    body = root.find("body")
    if body is None:
        body = root
    if not isinstance(body.tag, str):
        return ""
    lxml.etree.strip_elements(body, *_DROP_TAGS, with_tail=False)
    for element in list(body.iter("div", "ul", "table", "section", "span", "p")):
        if element.getparent() is None:
            continue
        attrs = (element.get("class") or "") + " " + (element.get("id") or "")
        if attrs.strip() and _BOILERPLATE_CLASS.search(attrs) and element.getparent() is not None:
            _drop(element)
    candidates = body.xpath(_GENERIC_MAIN)
    if candidates:
        best = max(candidates, key=lambda e: len(_text_of(e)))
        text = _element_text(best)
        if len(text) > 200:
            return text
    return _element_text(body)


# Known page templates cut to the part that holds title, date and text before parsing: the
# parse is the largest cost and the navigation, scripts and footers are most of each page.
_FRAGMENTS: tuple[tuple[str, str], ...] = (
    ('<div class="title" id="News_Body_Title">', '<div class="news" id="appendix_list"'),  # MFA zh
    ('<div class="content_mod">', '<div class="tool"'),  # MFA en
)
# Inside those fragments: where the main text starts and the tag that holds the title. These
# fragments are small, regular and well formed, so tags are stripped with regular expressions
# (about twice as fast as parsing); anything unexpected falls back to the lxml path.
_FAST: dict[str, tuple[str, re.Pattern[str]]] = {
    _FRAGMENTS[0][0]: (
        '<div id="News_Body_Txt_A"',
        re.compile(r'id="News_Body_Title">(.*?)</div>', re.S),
    ),
    _FRAGMENTS[1][0]: ('<div class="content">', re.compile(r'<h2 class="title">(.*?)</h2>', re.S)),
}
# Linear time on any input: a tag is matched up to the next '<' or '>' (never across a page
# of '<' without '>'), and a script or comment is cut by searching for its end once.
_DROP_OPEN = re.compile(r"<(script|style|noscript)\b|<!--", re.IGNORECASE)
# (the block names grouped by their first letter: a tag that is no block, most of a page's,
# fails after one or two letters instead of trying each name in turn; the same matches, as
# every name is followed by the same ``\b[^<>]*>``)
_BLOCK_RX = re.compile(
    r"<(?:/?(?:p(?:re)?|d(?:iv|d|t)|li|h[1-6]|t(?:r|able)|[uo]l|blockquote|section|article)\b"
    r"|br\b)[^<>]*>",
    re.IGNORECASE,
)
_TAG_RX = re.compile(r"<[^<>]*>")
# whether a chunk has scripts, styles or comments to drop: "<script", "<style", "<!--" or
# "<SCRIPT" in it, found in one scan (four substring tests of a Chinese page, two bytes a
# character, took three times as long)
_DROP_HINT = re.compile("<(?:script|style|!--|SCRIPT)")
# "<script" in any case: the same test as ``"<script" in markup.lower()`` (no character outside
# ASCII lowers to one of these letters but U+0130, to "i" and a combining dot, which no "p"
# follows), without a lower-cased copy of the markup
_SCRIPT_TAG = re.compile("<script", re.IGNORECASE | re.ASCII)


def _drop_scripts(markup: str) -> str:
    kept: list[str] = []
    position = 0
    while True:
        opening = _DROP_OPEN.search(markup, position)
        if opening is None:
            kept.append(markup[position:])
            break
        kept.append(markup[position : opening.start()])
        if opening.group(1) is None:
            end = markup.find("-->", opening.end())
            close_length = 3
        else:
            closing = re.compile(rf"</{opening.group(1)}\s*>", re.IGNORECASE)
            found = closing.search(markup, opening.end())
            end, close_length = (found.start(), len(found.group())) if found else (-1, 0)
        if end < 0:
            break  # unclosed: the rest is script or comment
        kept.append(" ")
        position = end + close_length
    return "".join(kept)


def _strip_tags(markup: str, start: int = 0, limit: int | None = None) -> str:
    """Text of ``markup[start:]`` by removing tags; a large page a megabyte at a time, cut
    before a ``<``, so that no step holds millions of pieces at once. With ``limit``, stops
    once that many characters of text are read (the rest would be cut anyway)."""
    if len(markup) - start <= 2 * _CHUNK:
        return _strip_chunk(markup[start:] if start else markup)
    parts: list[str] = []
    position, size = start, 0
    while position < len(markup) and (limit is None or size <= limit):
        end = markup.find("<", position + _CHUNK)
        end = len(markup) if end < 0 else end
        part = _strip_chunk(markup[position:end])
        if part:
            parts.append(part)
            size += len(part) + 1
        position = end
    return "\n".join(parts)


def _unescape(text: str) -> str:
    """``html.unescape(text)``, the no-break spaces replaced first at C speed: ``&nbsp;`` is
    nearly every entity of the MFA pages (11,594 of 11,637), and ``html.unescape`` calls a
    Python function for each. The same text: an entity's match never spans an ``&``, and a name
    without its ``;`` that now runs on into the no-break space keeps the same longest known
    prefix (no entity's name holds U+00A0) and the same characters after it."""
    if "&" not in text:
        return text
    text = text.replace("&nbsp;", "\u00a0")
    if "&" not in text:
        return text
    import html as html_lib

    return html_lib.unescape(text)


# a script tag in any case, a style or a comment: a fragment's main text without one (nearly
# all of them) has neither a script (``_SCRIPT_TAG``) nor anything to drop (``_DROP_HINT``)
_PLAIN_BODY = re.compile("<(?:[sS][cC][rR][iI][pP][tT]|style|!--)")


def _strip_chunk(markup: str, plain: bool = False) -> str:
    """``plain``: the caller found no ``_DROP_HINT`` in ``markup``."""
    if not plain and _DROP_HINT.search(markup) is not None:
        markup = _drop_scripts(markup)
    text = markup.replace("\n", " ").replace("\r", " ")
    text = _TAG_RX.sub("", _BLOCK_RX.sub("\n", text))
    return clean_text(_unescape(text))


def _fast_fragment(fragment: str) -> HtmlText | None:
    for start_marker, (main_marker, title_rx) in _FAST.items():
        if not fragment.startswith(start_marker):
            continue
        main = fragment.find(main_marker)
        if main < 0:
            return None
        body = fragment[main:]
        if len(body) <= 2 * _CHUNK and _PLAIN_BODY.search(body) is None:
            text = _strip_chunk(body, plain=True)  # (the two tests below in one scan)
        elif _SCRIPT_TAG.search(body):
            return None
        else:
            text = _strip_tags(body)
        if not text:
            return None
        head = fragment[:main]
        match = title_rx.search(head)
        title = _strip_tags(match.group(1)).replace("\n", "") if match else ""
        return HtmlText(title=title or None, text=text, date_text=_strip_tags(head) or None)
    return None


_TITLE_OPEN = re.compile(r"<title[^<>]*>", re.IGNORECASE)
_TITLE_CLOSE = re.compile(r"</title", re.IGNORECASE)


def _head_title(html: str, limit: int) -> str | None:
    """The raw ``<title>`` text in the first ``limit`` characters (one search each way:
    linear even on a page of a million unclosed titles)."""
    opening = _TITLE_OPEN.search(html, 0, limit)
    if opening is None:
        return None
    closing = _TITLE_CLOSE.search(html, opening.end(), opening.end() + 2000)
    return html[opening.end() : closing.start()] if closing else None


def _known_fragment(html: str) -> str | None:
    for start_marker, end_marker in _FRAGMENTS:
        start = html.find(start_marker)
        if start < 0:
            continue
        end = html.find(end_marker, start)
        if end > start:
            return html[start:end]
    return None


def html_to_text(html: str) -> HtmlText:
    """Main text, title and the raw date text of an HTML page (never raises on bad HTML)."""
    if len(html) > LARGE_HTML_CHARS:
        return _stripped(
            html,
            f"a page of {len(html) / 1e6:.0f} million characters is too "
            "large for the HTML parser's tree",
        )
    try:
        fragment = _known_fragment(html)
        if fragment is not None:
            result = _fast_fragment(fragment) or _from_fragment(html, fragment)
            if result is not None:
                return result
        return _from_page(html)
    except _ParserLimit as limit:
        return _stripped(html, str(limit))


def _stripped(html: str, reason: str | None) -> HtmlText:
    """The page's text by stripping tags, for pages the parser cannot read whole."""
    import html as html_lib

    raw_title = _head_title(html, 100_000)
    title = None
    if raw_title:
        title = _TITLE_SUFFIX.sub("", " ".join(html_lib.unescape(raw_title).split()))[:300]
    body = html.find("<body")
    text = _strip_tags(html, max(body, 0), MAX_TEXT_CHARS)
    return HtmlText(title=title or None, text=text, date_text=title or None, parser_limit=reason)


def _from_fragment(html: str, fragment: str) -> HtmlText | None:
    root = _parse(fragment)
    if root is None:
        return None
    for main_xpath, title_xpath, date_xpath in _TEMPLATES:
        mains = root.xpath(main_xpath)
        if not mains:
            continue
        title = _first_text(root, title_xpath)
        date_text = _first_text(root, date_xpath)
        text = "\n".join(t for t in (_element_text(m) for m in mains) if t)
        if not text:
            continue
        if not title:
            raw_title = _head_title(html, 20000)
            if raw_title:
                import html as html_lib

                title = (
                    _TITLE_SUFFIX.sub("", " ".join(html_lib.unescape(raw_title).split())) or None
                )
        if not date_text and title:
            date_text = title
        return HtmlText(title=title, text=text, date_text=date_text)
    return None


def _from_page(html: str) -> HtmlText:
    root = _parse(html)
    if root is None:  # e.g. a string with an XML encoding declaration
        root = _parse(html.encode("utf-8"))
    if root is None:
        return _stripped(html, None)
    head_title = root.findtext(".//title")
    meta_date = root.xpath(_META_DATE)
    title = date_text = None
    text = ""
    for main_xpath, title_xpath, date_xpath in _TEMPLATES:
        mains = root.xpath(main_xpath)
        if not mains:
            continue
        title = _first_text(root, title_xpath)
        date_text = _first_text(root, date_xpath)
        text = "\n".join(t for t in (_element_text(m) for m in mains) if t)
        if text:
            break
    if not text:
        text = _generic(root)
    if not title and head_title:
        title = _TITLE_SUFFIX.sub("", _SPACES.sub(" ", head_title).strip()) or None
    if meta_date:
        date_text = str(meta_date[0])
    elif date_text is None and head_title:
        date_text = head_title
    return HtmlText(title=title, text=text, date_text=date_text)
