"""Issue 18, points 1 and 2: one bad WARC record or one damaged WARC file never stops a batch.
Every readable record is kept; what cannot be read is a coded failure named by file and record
offset; the other files of the same command are ingested."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest
import tests.ingest.fake_coder  # noqa: F401  (registers test.fake.v0)
from tests.ingest.test_pipeline import RU_MEETING, ZH_MEETING

from steppewatch.cli import main
from steppewatch.sources.raw import CollectFailure, RawDocument
from steppewatch.sources.warc import iter_warc, normalise_target_uri

RU_PAGE = f"<html><body><p>{RU_MEETING}</p></body></html>".encode("cp1251")
ZH_PAGE = f"<html><body><p>{ZH_MEETING}</p></body></html>".encode("gb18030")


def warc_bytes(records: list[tuple[str, bytes]], *, per_record_gzip: bool = False) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=per_record_gzip)
    for url, body in records:
        charset = "windows-1251" if body is RU_PAGE else "gb18030"
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", f"text/html; charset={charset}")], protocol="HTTP/1.1"
        )
        record = writer.create_warc_record(
            "https://placeholder.example/",
            "response",
            payload=io.BytesIO(body),
            http_headers=headers,
        )
        record.rec_headers.replace_header("WARC-Target-URI", url)
        writer.write_record(record)
    return buffer.getvalue()


GOOD = [("https://mfa.gov.kg/ru/news/1", RU_PAGE), ("https://www.fmprc.gov.cn/zh/1", ZH_PAGE)]


def split(items: list[RawDocument | CollectFailure]) -> tuple[list[RawDocument], list[str]]:
    docs = [i for i in items if isinstance(i, RawDocument)]
    return docs, [i.message for i in items if isinstance(i, CollectFailure)]


@pytest.mark.parametrize(
    ("uri", "expected"),
    [
        ("HTTPS://MFA.gov.kg/ru/news/1", "https://MFA.gov.kg/ru/news/1"),
        ("<http://www.fmprc.gov.cn/a b>", "http://www.fmprc.gov.cn/a%20b"),
        ("javascript:alert(1)", None),
        ("dns:www.fmprc.gov.cn", None),
        ("mailto:press@mfa.gov.kg", None),
        ("https://", None),
        ("", None),
    ],
)
def test_normalise_target_uri(uri: str, expected: str | None) -> None:
    assert normalise_target_uri(uri) == expected


def test_upper_case_scheme_javascript_and_dns_target_uris_do_not_stop_the_run(
    tmp_path: Path,
) -> None:
    path = tmp_path / "crawl.warc"
    path.write_bytes(
        warc_bytes(
            [
                ("HTTPS://mfa.gov.kg/ru/news/1", RU_PAGE),
                ("dns:www.fmprc.gov.cn", b"20191010 www.fmprc.gov.cn 1.2.3.4"),
                ("javascript:alert(1)", ZH_PAGE),
                ("https://www.fmprc.gov.cn/zh/1", ZH_PAGE),
            ]
        )
    )
    docs, failures = split(list(iter_warc(path)))
    assert [d.url for d in docs] == [
        "https://mfa.gov.kg/ru/news/1",
        "https://www.fmprc.gov.cn/zh/1",
    ]
    assert len(failures) == 1  # dns: records are the crawler's lookups, skipped quietly
    assert failures[0].startswith("[SW540]") and str(path) in failures[0]
    assert "record at offset" in failures[0] and "javascript:alert(1)" in failures[0]


def test_bad_warc_target_uri_fails_one_record_and_ingest_keeps_the_others(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Was: a pydantic ValidationError traceback, nothing stored, and the same on a rerun."""
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(
        warc_bytes(
            [
                ("HTTPS://mfa.gov.kg/ru/news/1", RU_PAGE),
                ("javascript:void(0)", ZH_PAGE),
                ("https://www.fmprc.gov.cn/zh/1", ZH_PAGE),
            ],
            per_record_gzip=True,
        )
    )
    db = str(tmp_path / "sw.db")
    for _ in range(2):  # and a rerun behaves the same
        code, out, err = run(["ingest", str(path), "--coder", "test.fake.v0", "--db", db], capsys)
        assert code == 0 and "Traceback" not in err and "ValidationError" not in err
        assert "[SW540]" in err and "javascript:void(0)" in err
    assert "0 new, 2 unchanged" in out
    code, out, _ = run(["events", "list", "--format", "csv", "--db", db], capsys)
    assert "meeting-cn-kg" in out


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        main(args)
        code = 0
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _damaged(kind: str) -> bytes:
    plain = warc_bytes(GOOD)
    second = plain.index(b"WARC/1.", 10)
    if kind == "garbage first record":
        return b"this is not a WARC record\r\n\r\n" + plain
    if kind == "garbage after a good record":
        return plain[:second] + b"\x00\x01garbage \xff\xfe between records\r\n\r\n" + plain[second:]
    if kind == "one gzip stream":
        return gzip.compress(plain)
    if kind == "garbage gzip member":
        members = warc_bytes(GOOD, per_record_gzip=True)
        cut = members.index(b"\x1f\x8b\x08", 10)
        return members[:cut] + gzip.compress(b"NOT A WARC RECORD\r\n\r\n") + members[cut:]
    raise AssertionError(kind)


@pytest.mark.parametrize(
    "kind",
    [
        "garbage first record",
        "garbage after a good record",
        "one gzip stream",
        "garbage gzip member",
    ],
)
def test_malformed_warc_keeps_every_readable_record(tmp_path: Path, kind: str) -> None:
    """Was: [SW140] not a readable WARC file, and no record of the file at all."""
    path = tmp_path / ("crawl.warc.gz" if "gzip" in kind else "crawl.warc")
    path.write_bytes(_damaged(kind))
    docs, failures = split(list(iter_warc(path)))
    assert [d.url for d in docs] == [url for url, _ in GOOD]
    assert docs[0].data == RU_PAGE and docs[1].data == ZH_PAGE
    if kind == "one gzip stream":
        assert failures == []
    else:
        assert len(failures) == 1 and failures[0].startswith("[SW541]")
        assert "record at offset" in failures[0] and "skipped to the next record" in failures[0]


@pytest.mark.parametrize("compressed", [False, True])
def test_truncated_last_warc_record_is_reported_not_stored_as_complete(
    tmp_path: Path, compressed: bool
) -> None:
    whole = warc_bytes(GOOD, per_record_gzip=compressed)
    path = tmp_path / ("cut.warc.gz" if compressed else "cut.warc")
    path.write_bytes(whole[: len(whole) - 60])
    docs, failures = split(list(iter_warc(path)))
    assert [d.url for d in docs] == [GOOD[0][0]]
    assert len(failures) == 1 and failures[0].startswith("[SW542]")
    assert GOOD[1][0] in failures[0] and "cut short" in failures[0]


def test_one_malformed_warc_does_not_abort_the_batch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Was: exit 1 with SW140 at the first bad file; the files after it never processed."""
    folder = tmp_path / "crawls"
    folder.mkdir()
    (folder / "a_bad.warc").write_bytes(_damaged("garbage first record"))
    (folder / "b_worse.warc.gz").write_bytes(b"\x1f\x8b\x08 this is no gzip at all" * 10)
    (folder / "c_cut.warc").write_bytes(warc_bytes(GOOD)[:-80])
    (folder / "d_page.txt").write_text(ZH_MEETING, encoding="utf-8")
    db = str(tmp_path / "sw.db")
    code, out, err = run(["ingest", str(folder), "--coder", "test.fake.v0", "--db", db], capsys)
    assert code == 0, err
    assert "Traceback" not in err and "SW140" not in err
    assert "a_bad.warc" in err and "b_worse.warc.gz" in err and "[SW542]" in err
    # a_bad: 2 documents; c_cut: the first again (unchanged copy in this batch); d_page: 1
    assert "3 new" in out
