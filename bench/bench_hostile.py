"""Memory ceiling on hostile input: every class of hostile file through ``steppewatch code`` and
``steppewatch ingest`` in a subprocess; prints survived/failed and peak memory (RSS of the
child), writes ``bench/results/hostile.json``. The goal (issue 18): all survive, every peak
under 500 MB.

The files are generated at run time in a temporary folder (never committed): a DOCX zip bomb
(about 1 MB inflating to 1 GB), a gzip bomb (a .warc.gz record inflating to 1 GB), a 45 MB HTML
page on one line, HTML nested 100,000 levels deep, a 40 MB attribute, a 200 MB text file, a
WARC with bad records (garbage, javascript: and HTTPS:// target URIs, a truncated record), a
one-stream .warc.gz, UTF-16 and a lying charset. "Survived" means: exit 0, no traceback, and
the good documents of the class were coded.

    python bench/bench_hostile.py            # about 2-4 minutes on one core
"""

from __future__ import annotations

import gzip
import io
import json
import os
import subprocess
import sys
import tempfile
import time
import zipfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results" / "hostile.json"
LIMIT_MB = 500
RU = (
    "13 июня 2019 г. в Бишкеке состоялись переговоры Президента Кыргызской Республики "
    "Сооронбая Жээнбекова и Председателя КНР Си Цзиньпина. Стороны договорились укреплять "
    "сотрудничество в сфере безопасности и совместно бороться с терроризмом. "
)
ZH = "2019年6月13日，国家主席习近平在比什凯克同吉尔吉斯斯坦总统热恩别科夫举行会谈，双方同意深化执法安全合作。"
GOOD_PAGE = f"<html><head><title>Визит</title></head><body><p>{RU}</p></body></html>"


def docx_bomb(path: Path, inflated: int) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph(RU)
    saved = io.BytesIO()
    document.save(saved)
    source = zipfile.ZipFile(io.BytesIO(saved.getvalue()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for info in source.infolist():
            if info.filename != "word/document.xml":
                target.writestr(info.filename, source.read(info.filename))
                continue
            xml = source.read(info.filename)
            start = xml.index(b"<w:body>") + len(b"<w:body>")
            member = zipfile.ZipInfo("word/document.xml")
            member.compress_type = zipfile.ZIP_DEFLATED
            with target.open(member, "w", force_zip64=True) as part:
                part.write(xml[:start])
                block = b"<w:p><w:r><w:t>x</w:t></w:r></w:p>" * 30_000
                for _ in range(inflated // len(block)):
                    part.write(block)
                part.write(xml[start:])


def warc_record(url: str, body: bytes, *, length: int | None = None) -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
    size = len(http) + (len(body) if length is None else length)
    head = (
        f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {url}\r\n"
        f"WARC-Date: 2020-01-01T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:{abs(hash(url))}>\r\n"
        f"Content-Type: application/http; msgtype=response\r\nContent-Length: {size}\r\n\r\n"
    ).encode()
    return head + http + body + (b"\r\n\r\n" if length is None else b"")


def gzip_bomb_warc(path: Path, inflated: int) -> None:
    """One gzip member per record; the first record's payload inflates to ``inflated``."""
    with path.open("wb") as out:
        compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
        # the header declares ``inflated`` payload bytes, written compressed after it
        out.write(compressor.compress(warc_record("https://bomb.example/", b"", length=inflated)))
        chunk = b"a" * (1 << 20)
        for _ in range(inflated // len(chunk)):
            out.write(compressor.compress(chunk))
        out.write(compressor.compress(b"\r\n\r\n") + compressor.flush())
        out.write(gzip.compress(warc_record("https://mfa.gov.kg/ru/1", GOOD_PAGE.encode())))


def make_files(folder: Path) -> dict[str, Path]:
    files: dict[str, Path] = {}

    def put(name: str, data: bytes | str) -> None:
        path = folder / name
        path.mkdir()
        target = path / ("page" + "".join(Path(name).suffixes))
        files[name] = target
        target.write_bytes(data.encode() if isinstance(data, str) else data)

    bomb = folder / "zip_bomb.docx"
    bomb.mkdir()
    docx_bomb(bomb / "bomb.docx", 1024 * 1024 * 1024)
    files["zip_bomb.docx"] = bomb / "bomb.docx"
    gz = folder / "gzip_bomb.warc.gz"
    gz.mkdir()
    gzip_bomb_warc(gz / "bomb.warc.gz", 1024 * 1024 * 1024)
    files["gzip_bomb.warc.gz"] = gz / "bomb.warc.gz"
    line = RU.replace("\n", " ") * (45_000_000 // len(RU.encode()))
    put(
        "one_line_45mb.html",
        f"<html><head><title>t</title></head><body><p>{line}</p></body></html>",
    )
    del line
    put("deep_100k.html", "<html><body>" + "<div>" * 100_000 + f"<p>{RU}</p>" + "</div>" * 100_000)
    put("attribute_40mb.html", f'<html><body><p title="{"x" * 40_000_000}">{RU}</p></body></html>')
    text_200 = folder / "text_200mb.txt"
    text_200.mkdir()
    with (text_200 / "page.txt").open("wb") as handle:
        block = (RU * 1000).encode()
        for _ in range(200_000_000 // len(block) + 1):
            handle.write(block)
    files["text_200mb.txt"] = text_200 / "page.txt"
    good = GOOD_PAGE.encode()
    bad = (
        b"garbage before any record\r\n\r\n"
        + warc_record("HTTPS://mfa.gov.kg/ru/2", good)
        + warc_record("javascript:alert(1)", good)
        + warc_record("dns:mfa.gov.kg", b"1.2.3.4")
        + b"\x00\xffgarbage between records\r\n\r\n"
        + warc_record("https://mfa.gov.kg/ru/3", good)
        + warc_record("https://mfa.gov.kg/ru/4", good)[:-120]
    )
    put("bad_records.warc", bad)
    put(
        "one_stream.warc.gz",
        gzip.compress(
            warc_record("https://mfa.gov.kg/ru/5", good)
            + warc_record("https://mfa.gov.kg/ru/6", good)
        ),
    )
    put("utf16.html", GOOD_PAGE.encode("utf-16"))
    lying = f'<html><head><meta charset="iso-8859-1"></head><body><p>{ZH}</p></body></html>'
    put("lying_charset.html", lying.encode("gb18030"))
    return files


def run(args: list[str], cwd: Path) -> tuple[int, float, float, str, str]:
    """Exit code, peak RSS of the child in MB, seconds, stdout tail, stderr tail."""
    exe = Path(sys.executable).with_name("steppewatch")
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen([str(exe), *args], cwd=cwd, stdout=out, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        out_tail = out.read().decode("utf-8", "replace")[-2000:]
        err_tail = err.read().decode("utf-8", "replace")[-4000:]
    seconds = time.perf_counter() - started
    return process.returncode, usage.ru_maxrss / 1024, seconds, out_tail, err_tail


def outcome(command: str, out: str, err: str) -> str:
    """What happened, in short: the coded messages seen, and the run's summary line."""
    import re

    codes = sorted(set(re.findall(r"\[(SW\d{3})\]", err)))
    lines = [line for line in (out if command == "ingest" else err).splitlines() if line]
    summary = lines[-1] if lines else ""
    if command == "ingest":
        summary = summary.split(";")[0]
    return f"{' '.join(codes) or 'no errors'}; {summary}"


def main() -> int:
    rows = []
    with tempfile.TemporaryDirectory(prefix="sw-hostile-") as tmp:
        folder = Path(tmp)
        print("generating hostile files ...", flush=True)
        files = make_files(folder)
        print(f"{'class':24} {'command':7} {'result':9} {'peak MB':>8} {'s':>6}")
        for name, path in files.items():
            for command in ("code", "ingest"):
                args = [command, str(path)]
                if command == "code":
                    args += ["-o", str(folder / f"{name}.jsonl")]
                else:
                    args += ["--db", str(folder / f"{name}.db")]
                code, peak, seconds, out, err = run(args, folder)
                survived = code == 0 and "Traceback" not in err
                result = "survived" if survived else "FAILED"
                what = outcome(command, out, err)
                print(
                    f"{name:24} {command:7} {result:9} {peak:8.0f} {seconds:6.1f}  {what}",
                    flush=True,
                )
                if not survived:
                    print("    " + err.strip().replace("\n", "\n    ")[-600:])
                rows.append(
                    {
                        "class": name,
                        "command": command,
                        "survived": survived,
                        "exit_code": code,
                        "peak_rss_mb": round(peak, 1),
                        "seconds": round(seconds, 2),
                        "outcome": what,
                        "bytes": path.stat().st_size,
                    }
                )
    worst = max(r["peak_rss_mb"] for r in rows)
    ok = all(r["survived"] for r in rows) and worst < LIMIT_MB
    print(
        f"all survived: {all(r['survived'] for r in rows)}; worst peak {worst:.0f} MB "
        f"(limit {LIMIT_MB} MB): {'OK' if ok else 'OVER'}"
    )
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({"limit_mb": LIMIT_MB, "ok": ok, "runs": rows}, indent=1) + "\n")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
