"""Property-based fuzzing of text extraction (issue 18): random bytes, real Chinese pages and
Russian text in random encodings (with true, lying or no charset declarations), random
truncation, deep nesting and huge attributes. Whatever comes in: no unhandled exception; a
document either gives text or fails with a coded ``ExtractionError`` (one record per document,
never ``SW499`` "unexpected").

Budget: a few hundred examples in total, about 20-30 s on one core.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from steppewatch.errors import ExtractionError
from steppewatch.extract import code_paths, extract_document
from tests.conftest import SHARED

from .conftest import RU_READOUT, ZH_READOUT

CORPUS = SHARED / "corpora" / "china_fm"
ENCODINGS = ("utf-8", "gb18030", "gbk", "big5", "cp1251", "koi8-r", "utf-16")
DECLARED = (
    None,
    "utf-8",
    "gb2312",
    "gbk",
    "big5",
    "windows-1251",
    "koi8-r",
    "iso-8859-1",
    "utf-16",
    "no-such-charset",
)
SUFFIXES = (".html", ".txt", ".htm", ".pdf", ".docx", "")
CODE = re.compile(r"^SW[1-7]\d\d$")
RU_TEXTS = (
    RU_READOUT,
    "Министр обороны КНР Вэй Фэнхэ провёл переговоры с министром обороны Таджикистана "
    "Шерали Мирзо; стороны обсудили охрану границы и борьбу с «тремя силами зла».",
    "Совместные антитеррористические учения ШОС «Мирная миссия — 2018» прошли в Чебаркуле.",
)
SETTINGS = settings(
    max_examples=120,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@functools.cache
def corpus_pages() -> tuple[str, ...]:
    """A few real Chinese pages of the shared corpus, decoded (six, for a bounded run)."""
    folder = CORPUS / "pages"
    if not folder.is_dir():
        return ()
    import csv

    with (CORPUS / "index.csv").open(encoding="utf-8", newline="") as handle:
        ids = [row["id"] for row in csv.DictReader(handle) if row.get("lang_hint") == "zh"]
    pages = []
    for page_id in sorted(ids)[:: max(1, len(ids) // 6)][:6]:
        path = folder / f"{page_id}.html"
        if path.is_file():
            pages.append(path.read_bytes().decode("utf-8", errors="replace"))
    return tuple(pages)


def _check(
    data: bytes, source: str, content_type: str | None = None, expected: str | None = None
) -> None:
    """The property: text, or a coded ExtractionError; never anything else. When the bytes are
    whole and honestly labelled (or unlabelled), the text must come out too."""
    try:
        doc = extract_document(data, source=source, content_type=content_type)
    except ExtractionError as error:
        assert expected is None, f"text lost: {error}"
        assert CODE.match(error.code), error
        assert source in str(error)
        return
    assert isinstance(doc.text, str) and doc.text.strip()
    if expected is not None:
        assert expected in " ".join(doc.text.split()), (doc.encoding, doc.text[:200])
    for warning in doc.warnings:
        assert re.match(r"^\[SW4\d\d\] ", warning), warning


# declared labels that honestly describe bytes in each encoding
HONEST = {
    "utf-8": {"utf-8"},
    "gb18030": {"gbk", "gb2312"},
    "gbk": {"gbk", "gb2312"},
    "big5": {"big5"},
    "cp1251": {"windows-1251"},
    "koi8-r": {"koi8-r"},
    "utf-16": set(),
}


@st.composite
def hostile_html(
    draw: st.DrawFn, texts: tuple[str, ...], expect: bool = False
) -> tuple[bytes, str, str | None, str | None]:
    text = draw(st.sampled_from(texts))
    if "<html" not in text[:2000].lower():
        text = f"<p>{text}</p>"
    declared = draw(st.sampled_from(DECLARED))
    head = f'<meta charset="{declared}">' if declared else ""
    depth = draw(st.sampled_from((0, 0, 10, 300, 2100, 6000)))
    attribute = draw(
        st.sampled_from(
            ("", "", 'title="' + "x" * 2_000_000 + '"', 'data-x="' + "ж" * 300_000 + '"')
        )
    )
    body = f"<div {attribute}>" + "<div>" * depth + text + "</div>" * depth + "</div>"
    html = f"<html><head>{head}<title>t</title></head><body>{body}</body></html>"
    encoding = draw(st.sampled_from(ENCODINGS))
    data = html.encode(encoding, errors=draw(st.sampled_from(("replace", "ignore"))))
    cut = draw(st.booleans())
    if cut:  # cut anywhere, often mid-character
        data = data[: draw(st.integers(0, len(data)))]
    suffix = draw(st.sampled_from(SUFFIXES))
    content_type = draw(st.sampled_from((None, "text/html", f"text/html; charset={declared}")))
    expected = None
    honest = declared is None or declared in HONEST[encoding] or encoding.startswith("utf")
    if expect and not cut and honest and _encodes(text, encoding):
        words = " ".join(re.sub(r"<[^>]+>", " ", text).split())
        expected = words[len(words) // 2 : len(words) // 2 + 8].strip()
    return data, f"fuzz{suffix}", content_type, expected or None


def _encodes(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


@SETTINGS
@given(data=st.binary(max_size=4096), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes_give_text_or_a_coded_error(data: bytes, suffix: str) -> None:
    _check(data, f"random{suffix}")


@SETTINGS
@given(
    prefix=st.sampled_from(
        (b"%PDF-1.4\n", b"PK\x03\x04", b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf", b"<html>", b"")
    ),
    data=st.binary(max_size=2048),
    suffix=st.sampled_from(SUFFIXES),
)
def test_random_bytes_behind_magic_numbers_give_text_or_a_coded_error(
    prefix: bytes, data: bytes, suffix: str
) -> None:
    _check(prefix + data, f"magic{suffix}")


@SETTINGS
@given(case=hostile_html((ZH_READOUT, *RU_TEXTS), expect=True))
def test_russian_and_chinese_text_in_any_encoding_nesting_and_cut(
    case: tuple[bytes, str, str | None, str | None],
) -> None:
    _check(*case)


@settings(SETTINGS, max_examples=40)
@given(case=hostile_html(corpus_pages() or ("",)))
def test_real_chinese_pages_in_any_encoding_nesting_and_cut(
    case: tuple[bytes, str, str | None, str | None],
) -> None:
    if not corpus_pages():
        pytest.skip(f"the china_fm corpus is not at {CORPUS} (../shared absent)")
    _check(*case)


def test_fuzzed_files_through_code_paths_are_one_record_each_never_sw499(tmp_path: Path) -> None:
    """The same hostile classes through the command's own loop: coded per-document errors."""
    cases = {
        "deep.html": ("<div>" * 5000 + RU_TEXTS[1]).encode("koi8-r", errors="replace"),
        "cut.htm": RU_READOUT.encode("utf-16")[:-1],
        "binary.txt": bytes(range(256)) * 8,
        "zip.docx": b"PK\x03\x04" + b"\x00" * 200,
        "pdf.pdf": b"%PDF-1.7\n" + b"\x00garbage" * 50,
        "attr.html": ('<p title="' + "я" * 500_000 + '">' + ZH_READOUT).encode("gb18030"),
    }
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
    records = list(code_paths(sorted(tmp_path.iterdir())))
    assert len(records) == len(cases)
    for record in records:
        if record.error:
            assert record.error.code != "SW499" and CODE.match(record.error.code), record.error


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("depth", [0, 6000])
@pytest.mark.parametrize("attribute", ["", 'data-x="' + "ж" * 300_000 + '"'])
def test_unlabelled_pages_keep_their_text_under_deep_nesting_and_huge_attributes(
    encoding: str, depth: int, attribute: str
) -> None:
    """Found by the fuzz test: thousands of tags or a huge attribute before the text made the
    charset statistics read cp1251, KOI8-R or GBK pages as cp1250, cp1006 or cp949 noise."""
    for text in (ZH_READOUT, *RU_TEXTS):
        if not _encodes(text, encoding):
            continue
        body = f"<div {attribute}>" + "<div>" * depth + f"<p>{text}</p>" + "</div>" * depth
        data = f"<html><body>{body}</div></body></html>".encode(encoding)
        words = " ".join(text.split())
        _check(data, "page.html", None, words[len(words) // 2 : len(words) // 2 + 8].strip())
