"""``collect`` and ``ingest`` against a small site served on 127.0.0.1 from a tmp folder: MFA-style
listing pages and articles, an RSS feed, a redirect to a private address, a 500, a slow page, an
oversized page and a windows-1251 page. Nothing here touches the internet."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from sqlalchemy import select

from steppewatch.cli import main
from steppewatch.store import open_store
from steppewatch.store.document_tables import documents

LIST = "/web/wjdt_674879/fyrbt_674889/"
ZH_ARTICLE = """<html><head><meta charset="utf-8"><title>{title} — 中华人民共和国外交部</title></head>
<body><div class="title" id="News_Body_Title">{title}</div>
<div class="time"><span id="News_Body_Time">{date}</span></div>
<div id="News_Body_Txt_A" class="content"><p>{body}</p></div></body></html>"""
ZH_LISTING = """<html><head><meta charset="utf-8"><title>发言人表态</title></head><body>
<div class="rebox_news"><ul>{items}</ul></div>
<script>var currentPage = {page};//所在页从0开始
var countPage = 2//共多少页</script></body></html>"""
RU_ARTICLE = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">
<title>Встреча министров обороны Китая и Таджикистана</title></head><body><article>
<h1>Встреча министров обороны Китая и Таджикистана</h1><time datetime="2024-03-12">12 марта 2024</time>
<p>12 марта 2024 года в Душанбе министр обороны Таджикистана встретился с министром обороны Китая.
Стороны обсудили борьбу с терроризмом, экстремизмом и сепаратизмом, охрану границы и проведение
совместных антитеррористических учений.</p></article></body></html>"""
RU_LISTING = """<html><head><meta charset="utf-8"></head><body><ul>
<li><a href="/ru/news/2024/03/vstrecha.html">Встреча министров обороны Китая и Таджикистана в Душанбе</a> 12.03.2024</li>
<li><a href="/ru/news/2023/05/staroe.html">Старая новость о сотрудничестве в сфере безопасности</a> 03.05.2023</li>
</ul></body></html>"""


def zh_article(title: str, date: str, body: str) -> bytes:
    return ZH_ARTICLE.format(title=title, date=date, body=body).encode("utf-8")


def build_site(root: Path) -> dict[str, bytes]:
    items0 = "".join(
        f'<li><a href="./{name}" target="_blank">{title}</a>({date})</li>'
        for name, title, date in [
            ("t1001.shtml", "王毅同吉尔吉斯斯坦外长会谈", "2024-03-05"),
            ("t1002.shtml", "中塔两国防长举行会谈", "2024-02-01"),
            ("t1003.shtml", "外交部发言人答记者问（跳转）", "2024-02-01"),
            ("t1004.shtml", "服务器错误页", "2024-01-20"),
            ("t1005.shtml", "很慢的页面", "2024-01-15"),
            ("t1006.shtml", "超大页面", "2024-01-10"),
        ]
    )
    items1 = '<li><a href="./t0999.shtml" target="_blank">2023年旧闻</a>(2023-12-20)</li>'
    pages = {
        "/robots.txt": b"User-agent: *\nDisallow: /private/\n",
        LIST + "default.shtml": ZH_LISTING.format(items=items0, page=0).encode(),
        LIST + "default_1.shtml": ZH_LISTING.format(items=items1, page=1).encode(),
        LIST + "t1001.shtml": zh_article(
            "王毅同吉尔吉斯斯坦外长会谈",
            "2024-03-05",
            "2024年3月5日，外交部长王毅在北京同吉尔吉斯斯坦外长库卢巴耶夫会谈。双方同意加强执法安全合作，共同打击“三股势力”。",
        ),
        LIST + "t1002.shtml": zh_article(
            "中塔两国防长举行会谈",
            "2024-02-01",
            "2024年2月1日，国务委员兼国防部长在北京同塔吉克斯坦国防部长会谈，双方表示将深化两军反恐合作和边境安全合作。",
        ),
        LIST + "t0999.shtml": zh_article("2023年旧闻", "2023-12-20", "旧闻。"),
        "/ru/news/": RU_LISTING.encode("utf-8"),
        "/ru/news/2024/03/vstrecha.html": RU_ARTICLE.encode("cp1251"),
        "/ru/news/2023/05/staroe.html": "<html><body><p>Старая новость</p></body></html>".encode(
            "cp1251"
        ),
    }
    for path, data in pages.items():
        target = root / path.lstrip("/")
        if path.endswith("/"):
            target = target / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return pages


class SiteHandler(BaseHTTPRequestHandler):
    root: Path
    requests: list[str]

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802
        self.requests.append(self.path)
        port = self.server.server_address[1]
        if self.path == LIST + "t1003.shtml":
            self.send_response(302)
            self.send_header("Location", "http://10.0.0.1/internal/secret")
            self.end_headers()
            return
        if self.path == LIST + "t1004.shtml":
            self.send_error(500)
            return
        if self.path == LIST + "t1005.shtml":
            time.sleep(2.0)
        if self.path == LIST + "t1006.shtml":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(64):
                    self.wfile.write(b"<p>" + b"x" * 65536 + b"</p>")
            except OSError:
                pass
            return
        if self.path == "/feed.xml":
            base = f"http://127.0.0.1:{port}"
            feed = f"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>
<item><title>王毅同吉尔吉斯斯坦外长会谈</title><link>{base}{LIST}t1001.shtml</link><pubDate>Tue, 05 Mar 2024 08:00:00 GMT</pubDate></item>
<item><title>Встреча</title><link>{base}/ru/news/2024/03/vstrecha.html</link><pubDate>Tue, 12 Mar 2024 08:00:00 GMT</pubDate></item>
</channel></rss>"""
            self._send(feed.encode(), "application/rss+xml")
            return
        path = self.root / self.path.lstrip("/")
        if self.path.endswith("/"):
            path = path / "index.html"
        if not path.is_file():
            self.send_error(404)
            return
        ctype = "text/plain" if path.suffix == ".txt" else "text/html"
        if "/ru/news/2024" in self.path:
            ctype = "text/html; charset=windows-1251"
        self._send(path.read_bytes(), ctype)

    def _send(self, data: bytes, ctype: str) -> None:
        try:
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except OSError:
            pass


@pytest.fixture
def site(tmp_path: Path) -> Iterator[tuple[str, list[str]]]:
    root = tmp_path / "site"
    build_site(root)
    requests: list[str] = []
    handler = type("Handler", (SiteHandler,), {"root": root, "requests": requests})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", requests
    finally:
        server.shutdown()
        server.server_close()


HTTP_OPTIONS = [
    "--allow-private",
    "127.0.0.1/32",
    "--delay",
    "0",
    "--timeout",
    "0.5",
    "--max-bytes",
    "1000000",
    "--retries",
    "1",
]


def run_cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        main(args)
        code = 0
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out = capsys.readouterr()
    return code, out.out, out.err


def stored(db: str) -> dict[str, object]:
    with open_store(db).engine.connect() as conn:
        return {r.url: r for r in conn.execute(select(documents))}


def test_collect_mfa_cn_walks_listings_and_handles_every_failure(
    tmp_path: Path, site: tuple[str, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    base, requests = site
    db = str(tmp_path / "sw.db")
    code, out, err = run_cli(
        [
            "collect",
            "--site",
            "mfa-cn",
            "--since",
            "2024-01-01",
            "--start",
            base + LIST + "default.shtml",
            *HTTP_OPTIONS,
            "--db",
            db,
        ],
        capsys,
    )
    assert code == 0, err
    docs = stored(db)
    assert set(docs) == {base + LIST + "t1001.shtml", base + LIST + "t1002.shtml"}
    first = docs[base + LIST + "t1001.shtml"]
    assert first.status == "coded" and "三股势力" in first.text  # type: ignore[attr-defined]
    assert first.publisher.startswith("Ministry of Foreign Affairs")  # type: ignore[attr-defined]
    assert "refused" in err and "10.0.0.1" in err  # redirect to a private address refused
    assert "HTTP 500" in err
    assert "timed out" in err or "took longer" in err
    assert "size limit" in err
    assert "2 new" in out and "4 failed" in out
    assert LIST + "t0999.shtml" not in requests  # older than --since: not fetched
    assert LIST + "default_1.shtml" in requests  # the pager was followed to the older page
    assert requests.count(LIST + "t1004.shtml") == 2  # one retry on the 500
    # a second run fetches no article again and stores nothing new
    before = len(requests)
    code, out, err = run_cli(
        [
            "collect",
            "--site",
            "mfa-cn",
            "--since",
            "2024-01-01",
            "--start",
            base + LIST + "default.shtml",
            *HTTP_OPTIONS,
            "--db",
            db,
        ],
        capsys,
    )
    assert "0 new" in out
    assert not any(p in requests[before:] for p in (LIST + "t1001.shtml", LIST + "t1002.shtml"))
    assert LIST + "t1004.shtml" in requests[before:]  # what failed is tried again


def test_ingest_feed_and_windows_1251_page(
    tmp_path: Path, site: tuple[str, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    base, _ = site
    db = str(tmp_path / "sw.db")
    code, out, err = run_cli(["ingest", base + "/feed.xml", *HTTP_OPTIONS, "--db", db], capsys)
    assert code == 0, err
    docs = stored(db)
    ru = docs[base + "/ru/news/2024/03/vstrecha.html"]
    assert ru.encoding in ("cp1251", "windows-1251") and "Душанбе" in ru.text  # type: ignore[attr-defined]
    assert ru.language == "ru"  # type: ignore[attr-defined]
    assert "2 new" in out
    code, out, _ = run_cli(["ingest", base + "/feed.xml", *HTTP_OPTIONS, "--db", db], capsys)
    assert "2 unchanged" in out


def test_collect_generic_ru(
    tmp_path: Path, site: tuple[str, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    base, requests = site
    db = str(tmp_path / "sw.db")
    code, out, err = run_cli(
        [
            "collect",
            "--site",
            "generic-ru",
            "--since",
            "2024-01-01",
            "--start",
            base + "/ru/news/",
            *HTTP_OPTIONS,
            "--db",
            db,
        ],
        capsys,
    )
    assert code == 0, err
    assert set(stored(db)) == {base + "/ru/news/2024/03/vstrecha.html"}
    assert "/ru/news/2023/05/staroe.html" not in requests


def test_private_addresses_refused_without_allow(
    tmp_path: Path, site: tuple[str, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    base, requests = site
    code, out, err = run_cli(
        ["ingest", base + LIST + "t1001.shtml", "--db", str(tmp_path / "x.db")], capsys
    )
    assert "SW501" in err and requests == []
