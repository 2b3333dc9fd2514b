from __future__ import annotations

import pytest

from steppewatch.extract import extract_document
from steppewatch.extract.encoding import declared_charset, decode_bytes

ZH = "中华人民共和国外交部发言人就上海合作组织成员国安全会议秘书会议答记者问。"
RU = "Министр иностранных дел Кыргызской Республики провел переговоры о безопасности границы."


def test_gbk_bytes_declared_as_utf8_are_decoded_as_gb18030() -> None:
    html = (
        f'<html><head><meta charset="utf-8"><title>t</title></head><body><p>{ZH}</p></body></html>'
    )
    data = html.encode("gbk")
    text, encoding = decode_bytes(data)
    assert ZH in text
    assert encoding == "gb18030"
    doc = extract_document(data, source="wrong.html")
    assert ZH in doc.text and doc.language == "zh"


def test_cp1251_declared_as_koi8r_is_corrected() -> None:
    html = f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=koi8-r"></head><body><p>{RU}</p></body></html>'
    text, encoding = decode_bytes(html.encode("cp1251"))
    assert RU in text
    assert encoding == "cp1251"


def test_true_koi8r_is_kept() -> None:
    data = f'<meta charset="koi8-r"><p>{RU}</p>'.encode("koi8_r")
    text, encoding = decode_bytes(data)
    assert RU in text and encoding == "koi8-r"


def test_big5_declared_is_read_and_folded_for_matching() -> None:
    trad = "中華人民共和國與吉爾吉斯斯坦加強邊境安全合作，共同打擊恐怖主義。這是兩國的共識。"
    data = f'<meta charset="big5"><p>{trad}</p>'.encode("big5")
    doc = extract_document(data, source="big5.html")
    assert trad in doc.text


def test_http_header_charset_wins_over_nothing() -> None:
    assert declared_charset(b"<p>x</p>", "text/html; charset=GB2312") == "gb18030"


@pytest.mark.parametrize("bom,codec", [(b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le")])
def test_bom(bom: bytes, codec: str) -> None:
    text, _ = decode_bytes(bom + RU.encode(codec))
    assert RU in text


def test_utf8_with_stale_gb2312_meta_stays_utf8() -> None:
    data = f'<meta charset="gb2312"><p>{ZH}</p>'.encode()
    text, encoding = decode_bytes(data)
    assert ZH in text and encoding == "utf-8"
