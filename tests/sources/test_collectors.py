"""Collectors: files with an index, WARC, RSS/Atom, sitemaps, archive, and the site adapters on
real saved MFA listing pages."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from pathlib import Path

import httpx
import pytest

from steppewatch.sources.archive import Archive
from steppewatch.sources.collect import iter_documents
from steppewatch.sources.feeds import looks_like_feed, parse_feed
from steppewatch.sources.http import HttpClient
from steppewatch.sources.raw import CollectFailure, RawDocument
from steppewatch.sources.sitemaps import parse_sitemap
from steppewatch.sources.sites import find_date, get_adapter
from steppewatch.sources.warc import iter_warc

RU_PAGE = "<html><body><p>Министр обороны Китая посетил Бишкек.</p></body></html>".encode("cp1251")


def write_warc(path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for url, status, body in [
            ("https://mfa.gov.kg/ru/news/1", "200 OK", RU_PAGE),
            ("https://mfa.gov.kg/ru/missing", "404 Not Found", b"no"),
        ]:
            headers = StatusAndHeaders(
                status, [("Content-Type", "text/html; charset=windows-1251")], protocol="HTTP/1.1"
            )
            writer.write_record(
                writer.create_warc_record(
                    url, "response", payload=io.BytesIO(body), http_headers=headers
                )
            )


def test_warc_yields_ok_responses_with_url_and_headers(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    write_warc(path)
    docs = list(iter_warc(path))
    assert len(docs) == 1
    assert docs[0].data == RU_PAGE and docs[0].url == "https://mfa.gov.kg/ru/news/1"
    assert docs[0].headers["content-type"] == "text/html; charset=windows-1251"
    assert docs[0].publisher == "Ministry of Foreign Affairs of the Kyrgyz Republic"
    assert [d.url for d in iter_documents([tmp_path])] == ["https://mfa.gov.kg/ru/news/1"]


def test_folder_with_index_csv_gives_urls(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "abc.html").write_text("<p>中吉安全合作</p>", encoding="utf-8")
    (pages / ".hidden.html").write_text("x")
    with (tmp_path / "index.csv").open("w", newline="") as handle:
        csv.writer(handle).writerows(
            [
                ["id", "url", "lang_hint", "retrieved_at"],
                ["abc", "https://www.fmprc.gov.cn/web/t1.shtml", "zh", "2020-07-04T03:55:41Z"],
            ]
        )
    docs = list(iter_documents([pages]))
    assert len(docs) == 1 and isinstance(docs[0], RawDocument)
    assert docs[0].url == "https://www.fmprc.gov.cn/web/t1.shtml"
    assert docs[0].retrieved == "2020-07-04T03:55:41Z" and docs[0].language_hint == "zh"


def test_archive_is_content_addressed_and_idempotent(tmp_path: Path) -> None:
    archive = Archive(tmp_path / "archive")
    doc = RawDocument(
        data="Встреча в Душанбе".encode(), url="https://example.tj/a", headers={"etag": "x"}
    )
    first, second = archive.put(doc), archive.put(doc)
    sha = hashlib.sha256(doc.data).hexdigest()
    assert first.new and not second.new and first.sha256 == sha
    assert first.path == tmp_path / "archive" / sha[:2] / sha
    assert archive.get(sha) == doc.data
    assert archive.metadata(sha)["headers"] == {"etag": "x"}
    assert (
        json.loads((first.path.parent / f"{sha}.json").read_text())["url"] == "https://example.tj/a"
    )


@pytest.mark.parametrize("fsync", [False, True])
def test_archive_rewrites_a_copy_cut_short_by_a_kill(tmp_path: Path, fsync: bool) -> None:
    """A bytes file shorter than the document (a write cut short) or metadata that does not
    parse is not a stored copy: the next put writes it again; a complete copy is kept."""
    archive = Archive(tmp_path / "archive", fsync=fsync)
    doc = RawDocument(data=("中吉两国元首会谈。" * 2000).encode(), url="https://example.kg/b")
    sha = hashlib.sha256(doc.data).hexdigest()
    path = archive.put(doc).path
    meta = path.with_name(f"{sha}.json")
    path.write_bytes(doc.data[:4096])  # what SIGKILL during a large write leaves
    assert archive.put(doc).new and archive.get(sha) == doc.data
    meta.write_text('{"sha256": "' + sha[:10])  # metadata cut short
    assert archive.put(doc).new and archive.metadata(sha)["url"] == "https://example.kg/b"
    other = RawDocument(data=doc.data, url="https://mirror.example.kg/b")
    assert not archive.put(other).new  # complete: the first metadata is kept
    assert archive.metadata(sha)["url"] == "https://example.kg/b"
    assert sorted(p.name for p in path.parent.iterdir()) == sorted([sha, f"{sha}.json"])


def test_rss_and_atom() -> None:
    rss = b"""<?xml version="1.0"?><rss version="2.0"><channel><item><title>\xe4\xb8\xad\xe5\x90\x89</title>
    <link>https://example.kg/1</link><pubDate>Tue, 05 Mar 2024 08:00:00 GMT</pubDate></item></channel></rss>"""
    atom = b"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry><title>x</title>
    <link href="https://example.kz/2"/><updated>2024-01-02T00:00:00Z</updated></entry></feed>"""
    assert looks_like_feed(rss) and looks_like_feed(atom)
    assert [(e.url, e.published, e.title) for e in parse_feed(rss)] == [
        ("https://example.kg/1", "2024-03-05", "中吉")
    ]
    assert [(e.url, e.published) for e in parse_feed(atom)] == [
        ("https://example.kz/2", "2024-01-02")
    ]


def test_sitemap_and_index_through_client() -> None:
    index = b"""<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
    <sitemap><loc>https://news.example.kg/s1.xml</loc></sitemap></sitemapindex>"""
    urlset = b"""<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
    <url><loc>https://news.example.kg/new</loc><lastmod>2024-05-01</lastmod></url>
    <url><loc>https://news.example.kg/old</loc><lastmod>2019-05-01</lastmod></url></urlset>"""
    assert [e.url for e in parse_sitemap(urlset)] == [
        "https://news.example.kg/new",
        "https://news.example.kg/old",
    ]
    routes = {
        "/robots.txt": httpx.Response(404),
        "/sitemap.xml": httpx.Response(200, content=index),
        "/s1.xml": httpx.Response(200, content=urlset),
        "/new": httpx.Response(200, content="Новости".encode()),
    }

    def handler(request: httpx.Request) -> httpx.Response:
        return routes.get(request.url.path, httpx.Response(404))

    client = HttpClient(
        transport=httpx.MockTransport(handler),
        resolver=lambda h: ["93.184.216.34"],
        min_interval=0,
        sleep=lambda s: None,
    )
    items = list(
        iter_documents(["https://news.example.kg/sitemap.xml"], client=client, since="2024-01-01")
    )
    assert [i.url for i in items if isinstance(i, RawDocument)] == ["https://news.example.kg/new"]
    failed = list(iter_documents(["https://news.example.kg/gone"], client=client))
    assert isinstance(failed[0], CollectFailure) and failed[0].reason == "http_404"


@pytest.mark.parametrize(
    "text,date",
    [
        ("2019年9月10日外交部发言人华春莹主持例行记者会", "2019-09-10"),
        ("Regular Press Conference on April 30, 2020", "2020-04-30"),
        ("Встреча состоялась 12 марта 2024 года", "2024-03-12"),
        ("опубликовано 03.05.2023", "2023-05-03"),
        ("(2019-09-10)", "2019-09-10"),
        ("без даты", None),
    ],
)
def test_find_date(text: str, date: str | None) -> None:
    assert find_date(text) == date


def _page(index_rows: dict[str, str], pages: Path, url: str) -> bytes:
    return (pages / f"{index_rows[url]}.html").read_bytes()


@pytest.mark.parametrize(
    "site,url,first_title,first_date,next_page",
    [
        (
            "mfa-cn",
            "https://www.fmprc.gov.cn/web/wjdt_674879/fyrbt_674889/default_16.shtml",
            "2019年9月10日外交部发言人华春莹主持例行记者会",
            "2019-09-10",
            "default_17.shtml",
        ),
        (
            "mfa-en",
            "https://www.fmprc.gov.cn/mfa_eng/xwfw_665399/s2510_665401/2511_665403/default_1.shtml",
            "Foreign Ministry Spokesperson Geng Shuang's Regular Press Conference on April 30, 2020",
            "2020-04-30",
            "default_2.shtml",
        ),
    ],
)
def test_mfa_adapters_on_saved_listing_pages(
    china_fm_dir: Path, site: str, url: str, first_title: str, first_date: str, next_page: str
) -> None:
    with (china_fm_dir.parent / "index.csv").open(newline="") as handle:
        rows = {r["url"]: r["id"] for r in csv.DictReader(handle)}
    listing = get_adapter(site).parse_listing(_page(rows, china_fm_dir, url), url)
    assert listing.links[0].title == first_title and listing.links[0].date == first_date
    assert all(link.url.endswith(".shtml") and "/t" in link.url for link in listing.links)
    assert all(link.date for link in listing.links)
    assert listing.next_url == url.rsplit("/", 1)[0] + "/" + next_page
    # the articles it links to are in the saved corpus, as the crawler found them
    assert sum(1 for link in listing.links if link.url in rows) >= len(listing.links) // 2


@pytest.mark.parametrize(
    "url,expected",
    [
        ("https://www.mfa.gov.cn/web/a/", "https://www.mfa.gov.cn/web/a/index_1.shtml"),
        (
            "https://www.mfa.gov.cn/web/a/index_1.shtml",
            "https://www.mfa.gov.cn/web/a/index_2.shtml",
        ),
    ],
)
def test_mfa_pager_follows_the_name_its_script_writes(url: str, expected: str) -> None:
    page = int(url.rsplit("_", 1)[1].split(".")[0]) if "_1." in url else 0
    html = (
        '<html><body><ul><li><a href="./202401/t20240102_11216547.shtml">王毅会见塔吉克斯坦外长</a></li></ul>'
        f"<script>var currentPage = {page};var countPage = 5;"
        'document.write("<a href=\\"index"+"_" + nextPage + "."+"shtml\\">下一页</a>");</script>'
        "</body></html>"
    ).encode()
    listing = get_adapter("mfa-cn").parse_listing(html, url)
    assert listing.next_url == expected
    assert listing.links[0].date == "2024-01-02"  # from the new-style article address
