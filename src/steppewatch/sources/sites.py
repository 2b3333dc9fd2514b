"""Site adapters: walk a publisher's listing pages to its article pages.

- ``mfa-cn`` / ``mfa-en``: the PRC Ministry of Foreign Affairs (fmprc.gov.cn / mfa.gov.cn), in
  Chinese and English. Listing pages (``.../default.shtml``, ``default_1.shtml``, ...) hold
  ``<li><a href="./t1696371.shtml">title</a>(2019-09-10)</li>`` (Chinese) or links whose title
  ends with the date (English "... on April 30, 2020"); newer pages link
  ``./202401/t20240102_11216547.shtml``. The pager is a script: ``var currentPage = 16;``,
  ``var countPage = 67``; page n+1 is ``default_{n+1}.shtml`` (the name as the pager script
  writes it: ``default`` or ``index``).
- ``generic-ru``: news and official sites in Russian: headline links on the same host, dated by
  a nearby ``dd.mm.yyyy``, "12 марта 2024" or ``<time datetime>``; the next page by
  ``rel=next``, "Следующая"/"Далее"/"»", or ``page=N+1``.

Listings are newest first: paging stops at the first page whose dated links are all older than
``since``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import lxml.html

from steppewatch.sources.http import FetchError, HttpClient
from steppewatch.sources.raw import CollectFailure, RawDocument

__all__ = ["ADAPTERS", "ListingLink", "ListingPage", "SiteAdapter", "collect_site", "get_adapter"]

_MFA_ARTICLE = re.compile(r"(?:^|/)t\d+(?:_\d+)?\.s?html?$")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_ZH_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
_EN_MONTHS = {
    m: i
    for i, m in enumerate(
        "january february march april may june july august september october november december".split(),
        1,
    )
}
_EN_DATE = re.compile(r"(" + "|".join(_EN_MONTHS) + r")\s+(\d{1,2}),?\s+(\d{4})", re.IGNORECASE)
_RU_MONTHS = {
    m: i
    for i, m in enumerate(
        "января февраля марта апреля мая июня июля августа сентября октября ноября декабря".split(),
        1,
    )
}
_RU_DATE = re.compile(r"(\d{1,2})\s+(" + "|".join(_RU_MONTHS) + r")\s+(\d{4})", re.IGNORECASE)
_DOTTED = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
_HREF_DATE = re.compile(r"/t(\d{4})(\d{2})(\d{2})_\d+")
_CURRENT = re.compile(r"currentPage\s*=\s*(\d+)")
_COUNT = re.compile(r"countPage\s*=\s*(\d+)")
_PAGER_NAME = re.compile(r'href=\\"(\w+)"\s*\+\s*"_"\s*\+\s*\w+\s*\+\s*"\."\s*\+\s*"(\w+)')
_NEXT_TEXT = ("下一页", "next", "следующая", "далее", "вперед", "вперёд", "»", "→", ">")


@dataclass(frozen=True)
class ListingLink:
    url: str
    title: str
    date: str | None  # YYYY-MM-DD


@dataclass(frozen=True)
class ListingPage:
    links: list[ListingLink]
    next_url: str | None


def _iso(year: str | int, month: str | int, day: str | int) -> str | None:
    y, m, d = int(year), int(month), int(day)
    if 1990 <= y <= 2100 and 1 <= m <= 12 and 1 <= d <= 31:
        return f"{y:04d}-{m:02d}-{d:02d}"
    return None


def find_date(text: str) -> str | None:
    """The first date in ``text`` in any of the forms listings use."""
    for pattern, order in ((_ISO, "ymd"), (_ZH_DATE, "ymd"), (_DOTTED, "dmy")):
        match = pattern.search(text)
        if match:
            a, b, c = match.groups()
            found = _iso(a, b, c) if order == "ymd" else _iso(c, b, a)
            if found:
                return found
    match = _EN_DATE.search(text)
    if match:
        return _iso(match.group(3), _EN_MONTHS[match.group(1).lower()], match.group(2))
    match = _RU_DATE.search(text)
    if match:
        return _iso(match.group(3), _RU_MONTHS[match.group(2).lower()], match.group(1))
    return None


def _parse(data: bytes) -> lxml.html.HtmlElement | None:
    try:
        return lxml.html.fromstring(data)
    except (lxml.etree.ParserError, ValueError):
        return None


def _context_text(anchor: lxml.html.HtmlElement) -> str:
    """Text of the link's list item / row / block, where listings put the date."""
    node = anchor
    for _ in range(3):
        parent = node.getparent()
        if parent is None:
            break
        node = parent
        if node.tag in ("li", "tr", "article", "dd", "dl"):
            break
    times = node.xpath(".//time/@datetime")
    return " ".join([*map(str, times), node.text_content()])


@dataclass
class SiteAdapter:
    name: str
    start_urls: list[str]
    description: str
    article: Callable[[str, str], bool]  # (absolute url, anchor text) -> is an article link
    publisher: str | None = None
    seen: set[str] = field(default_factory=set)

    def parse_listing(self, data: bytes, url: str) -> ListingPage:
        root = _parse(data)
        if root is None:
            return ListingPage([], None)
        links: dict[str, ListingLink] = {}
        for anchor in root.iter("a"):
            href = (anchor.get("href") or "").strip()
            if not href or href.startswith(("#", "javascript:", "mailto:")):
                continue
            absolute = urljoin(url, href).split("#", 1)[0]
            title = " ".join(anchor.text_content().split())
            if absolute in links or not self.article(absolute, title):
                continue
            date = find_date(title) or _href_date(absolute) or find_date(_context_text(anchor))
            links[absolute] = ListingLink(absolute, title, date)
        return ListingPage(list(links.values()), _next_page(root, data, url))


def _href_date(url: str) -> str | None:
    match = _HREF_DATE.search(url)
    return _iso(*match.groups()) if match else None


def _next_page(root: lxml.html.HtmlElement, data: bytes, url: str) -> str | None:
    text = data.decode("utf-8", "replace")
    current, count = _CURRENT.search(text), _COUNT.search(text)
    if current and count:
        nxt = int(current.group(1)) + 1
        if nxt >= int(count.group(1)):
            return None
        named = _PAGER_NAME.search(text)  # href=\"default"+"_" + page ... (or "index")
        stem = re.sub(r"_\d+$", "", urlsplit(url).path.rsplit("/", 1)[-1].split(".")[0])
        base = named.group(1) if named else (stem or "default")
        suffix = named.group(2) if named else "shtml"
        return urljoin(url, f"{base}_{nxt}.{suffix}")
    for anchor in root.iter("a"):
        label = " ".join(anchor.text_content().split()).lower()
        if (
            anchor.get("rel") == "next"
            or (label and label in _NEXT_TEXT)
            or label.startswith(("следующая", "next page", "下一页"))
        ):
            href = anchor.get("href")
            if href and not href.startswith(("#", "javascript:")):
                return str(urljoin(url, str(href)))
    return None


def _mfa_article(url: str, _title: str) -> bool:
    host = urlsplit(url).hostname or ""
    return bool(_MFA_ARTICLE.search(urlsplit(url).path)) and (
        host.endswith(("fmprc.gov.cn", "mfa.gov.cn")) or host in ("127.0.0.1", "localhost")
    )


def _generic_article(url: str, title: str) -> bool:
    path = urlsplit(url).path
    return len(title) >= 20 and path.count("/") >= 2 and not path.endswith((".jpg", ".png", ".pdf"))


ADAPTERS: dict[str, Callable[[], SiteAdapter]] = {
    "mfa-cn": lambda: SiteAdapter(
        "mfa-cn",
        [
            "https://www.mfa.gov.cn/web/wjdt_674879/fyrbt_674889/",
            "https://www.mfa.gov.cn/web/wjdt_674879/wjbxw_674885/",
        ],
        "PRC Ministry of Foreign Affairs, Chinese: spokesperson remarks and ministry news",
        _mfa_article,
        "Ministry of Foreign Affairs of the People's Republic of China",
    ),
    "mfa-en": lambda: SiteAdapter(
        "mfa-en",
        ["https://www.fmprc.gov.cn/mfa_eng/xwfw_665399/s2510_665401/2511_665403/"],
        "PRC Ministry of Foreign Affairs, English: regular press conferences",
        _mfa_article,
        "Ministry of Foreign Affairs of the People's Republic of China",
    ),
    "generic-ru": lambda: SiteAdapter(
        "generic-ru",
        [],
        "Any news or official site in Russian (give --start URLs)",
        _generic_article,
    ),
}


def get_adapter(name: str) -> SiteAdapter:
    from steppewatch.errors import InputError

    try:
        return ADAPTERS[name]()
    except KeyError:
        raise InputError(
            f"unknown site '{name}'", hint=f"choose one of: {', '.join(ADAPTERS)}", code="SW143"
        ) from None


def collect_site(
    adapter: SiteAdapter,
    client: HttpClient,
    *,
    since: str | None = None,
    start_urls: list[str] | None = None,
    max_pages: int = 50,
    skip_url: Callable[[str], bool] | None = None,
    keep_listing: Callable[[RawDocument], None] | None = None,
) -> Iterator[RawDocument | CollectFailure]:
    """Walk listing pages from each start URL; fetch the articles dated ``since`` or later (or
    undated) that ``skip_url`` does not know yet."""
    from steppewatch.sources.collect import fetch_document, response_document

    for start in start_urls or adapter.start_urls:
        url: str | None = start
        pages = 0
        while url and pages < max_pages:
            pages += 1
            try:
                response = client.get(url)
            except FetchError as error:
                yield CollectFailure(url, error.reason, str(error))
                break
            if keep_listing:
                keep_listing(response_document(response))
            listing = adapter.parse_listing(response.content, response.url)
            dated = [link for link in listing.links if link.date]
            for link in listing.links:
                if since and link.date and link.date < since:
                    continue
                if link.url in adapter.seen or (skip_url and skip_url(link.url)):
                    continue
                adapter.seen.add(link.url)
                item = fetch_document(client, link.url)
                if isinstance(item, RawDocument) and adapter.publisher:
                    item = RawDocument(**{**item.__dict__, "publisher": adapter.publisher})
                yield item
            if since and dated and all(link.date < since for link in dated):  # type: ignore[operator]
                break
            url = listing.next_url
