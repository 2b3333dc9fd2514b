"""Issue 11.2: an ingested document keeps its real URL (sidecar index.csv beside or above it,
the page's canonical link or og:url, the WARC target URI) and never a ``file://`` path."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from steppewatch.sources.collect import iter_documents
from steppewatch.sources.raw import RawDocument
from steppewatch.sources.warc import iter_warc

CANONICAL = (
    '<html><head><meta charset="utf-8"><title>王毅同哈萨克斯坦外长会谈</title>'
    '<link rel="stylesheet" href="../../images/base.css">'
    '<link rel="Canonical" href="https://www.fmprc.gov.cn/web/wjbzhd/202306/t20230608_1.shtml?a=1&amp;b=2">'
    "</head><body><p>2023年6月8日，王毅同哈萨克斯坦外长努尔特列乌会谈。</p></body></html>"
)
OG_URL = (
    "<html><head><meta property='og:url' content='https://ru.sputnik.kg/20190613/x.html'>"
    "<title>Переговоры в Бишкеке</title></head><body><p>Стороны обсудили безопасность.</p></body>"
)


def _docs(*paths: Path) -> list[RawDocument]:
    found = [d for d in iter_documents(paths) if isinstance(d, RawDocument)]
    assert found
    return found


def test_folder_ingest_recorded_file_paths(tmp_path: Path) -> None:
    """The index sits two folders above the pages and the user names the folder above it: the
    old code looked only in the named folder and its parent, and fell back to file:// URIs."""
    pages = tmp_path / "corpora" / "china_fm" / "pages"
    pages.mkdir(parents=True)
    (pages / "4a30e28f0968ef09.html").write_text(
        "<html><body><p>外交部发言人答记者问。</p></body></html>", encoding="utf-8"
    )
    (pages / "no_row.html").write_text("<html><body><p>Без строки.</p></body></html>")
    with (tmp_path / "corpora" / "china_fm" / "index.csv").open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "url", "lang_hint", "retrieved_at"])
        writer.writerow(
            [
                "4a30e28f0968ef09",
                "https://www.fmprc.gov.cn/mfa_eng/t1.shtml",
                "zh",
                "2020-07-04T03:55:41Z",
            ]
        )
    docs = {Path(d.source_path or "").name: d for d in _docs(tmp_path / "corpora")}
    assert docs["4a30e28f0968ef09.html"].url == "https://www.fmprc.gov.cn/mfa_eng/t1.shtml"
    assert docs["4a30e28f0968ef09.html"].retrieved == "2020-07-04T03:55:41Z"
    assert docs["4a30e28f0968ef09.html"].language_hint == "zh"
    assert docs["no_row.html"].url is None  # no real URL known: none, never a local path
    assert not any((d.url or "").startswith("file:") for d in docs.values())


def test_page_canonical_link_and_og_url_give_the_url(tmp_path: Path) -> None:
    (tmp_path / "zh.html").write_text(CANONICAL, encoding="utf-8")
    (tmp_path / "ru.html").write_bytes(OG_URL.encode("cp1251"))
    (tmp_path / "plain.txt").write_text("https://example.org/not-a-canonical", encoding="utf-8")
    docs = {Path(d.source_path or "").name: d for d in _docs(tmp_path)}
    assert (
        docs["zh.html"].url
        == "https://www.fmprc.gov.cn/web/wjbzhd/202306/t20230608_1.shtml?a=1&b=2"
    )
    assert (
        docs["zh.html"].publisher == "Ministry of Foreign Affairs of the People's Republic of China"
    )
    assert docs["ru.html"].url == "https://ru.sputnik.kg/20190613/x.html"
    assert docs["plain.txt"].url is None


@pytest.mark.parametrize(
    "head",
    [
        '<link rel="canonical" href="javascript:alert(1)">',
        '<link rel="canonical" href="file:///etc/passwd">',
        '<link rel="canonical" href="/relative/path.html">',
        '<link rel="canonical" href="https://exa mple.org/">',
        "<meta property=og:url content=>",
        '<link rel="canonical" href="https://example.org/\x00">',
        "<link rel=canonical href=" + "a" * 100_000,
        "<" * 50_000,
    ],
)
def test_hostile_canonical_links_are_ignored(head: str) -> None:
    from steppewatch.sources.page_url import page_url

    assert page_url(f"<html><head>{head}</head><body>x</body></html>".encode()) is None


def test_canonical_link_in_the_body_does_not_count() -> None:
    from steppewatch.sources.page_url import page_url

    body = '<html><head></head><body><link rel="canonical" href="https://example.org/a"></body>'
    assert page_url(body.encode()) is None


def test_warc_record_keeps_its_target_uri_and_never_a_file_uri(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for url in ("https://www.mfa.gov.kg/ru/news/1", "file:///home/user/page.html"):
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1"
            )
            body = "<html><body><p>Кыргызстан и Китай.</p></body></html>".encode()
            record = writer.create_warc_record(
                url, "response", payload=__import__("io").BytesIO(body), http_headers=headers
            )
            writer.write_record(record)
    from steppewatch.sources.raw import CollectFailure, RawDocument

    items = list(iter_warc(path))
    # the web capture keeps its address; a record whose target is no web address is reported
    # as that record's failure (SW540, issue 18), never stored with a file: URL
    assert [type(i) for i in items] == [RawDocument, CollectFailure]
    assert items[0].url == "https://www.mfa.gov.kg/ru/news/1"  # type: ignore[union-attr]
    assert "[SW540]" in items[1].message  # type: ignore[union-attr]


def test_china_fm_pages_get_their_index_url(china_fm_dir: Path, tmp_path: Path) -> None:
    """Saved MFA pages (no canonical link in them) named one by one and as a folder copy."""
    names = sorted(p.name for p in china_fm_dir.iterdir())[:3]
    docs = _docs(*(china_fm_dir / n for n in names))
    assert all((d.url or "").startswith("https://www.fmprc.gov.cn/") for d in docs)
    # a copy of the pages with no index beside or above them has no URL, not a file:// one
    copy = tmp_path / "copy"
    copy.mkdir()
    for name in names:
        shutil.copy(china_fm_dir / name, copy / name)
    assert [d.url for d in _docs(copy)] == [None, None, None]
