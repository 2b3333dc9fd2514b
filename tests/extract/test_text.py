"""Extraction from real saved PRC MFA pages (../shared, skipped when absent)."""

from __future__ import annotations

from pathlib import Path

from steppewatch.extract import code_document, extract_document
from steppewatch.extract.segment import segment_text
from steppewatch.extract.text import html_to_text


def _doc(china_fm_dir: Path, page_id: str):
    path = china_fm_dir / f"{page_id}.html"
    return extract_document(path.read_bytes(), source=str(path))


def test_chinese_transcript(china_fm_dir: Path) -> None:
    doc = _doc(china_fm_dir, "3f514cb844b0f77a")
    assert doc.title == "2020年7月1日外交部发言人赵立坚主持例行记者会"
    assert doc.published == "2020-07-01"
    assert doc.language == "zh" and doc.encoding == "utf-8"
    assert doc.text.startswith("近年来，美国政府对中国媒体驻美机构")
    # navigation, scripts and footer are gone
    for boilerplate in ("外交部长", "版权所有", "document.getElementById", "首页"):
        assert boilerplate not in doc.text
    items = segment_text(doc.text)
    assert len(items) == 12
    assert items[1].title and items[1].title.startswith("中央电视台记者：")


def test_english_transcript(china_fm_dir: Path) -> None:
    doc = _doc(china_fm_dir, "819256b7319ec97a")
    assert (
        doc.title
        == "Foreign Ministry Spokesperson Lu Kang's Regular Press Conference on May 14, 2018"
    )
    assert doc.published == "2018-05-14"
    assert doc.language == "en"
    assert "Q: It is reported that a high-level DPRK official" in doc.text
    assert "Copyright" not in doc.text
    assert len(segment_text(doc.text)) > 5


def test_sco_security_council_secretaries_page_is_relevant(china_fm_dir: Path) -> None:
    doc = _doc(china_fm_dir, "014c31f49667be4e")
    coded = code_document(doc)
    assert coded.relevant
    relevant = [i for i in coded.items if i.relevant]
    assert any(i.framework == "SCO" and "terrorism" in i.topics for i in relevant)


def test_listing_page_falls_back_to_generic(china_fm_dir: Path) -> None:
    # a "default_N.shtml" index page: no article template; the list of titles is the text
    page = china_fm_dir / "0bb1cb8523ad95c4.html"  # .../fyrbt_674889/default_1.shtml
    result = html_to_text(page.read_text("utf-8"))
    assert "主持例行记者会" in result.text
    assert "版权所有" not in result.text


def test_fast_fragment_path_equals_lxml_path(china_fm_dir: Path) -> None:
    # the regex fast path for known MFA templates must give exactly what the lxml path gives
    from steppewatch.extract.text import _fast_fragment, _from_fragment, _known_fragment

    pages = sorted(china_fm_dir.glob("*.html"))[::25]
    checked = 0
    for page in pages:
        html = page.read_text("utf-8")
        fragment = _known_fragment(html)
        if fragment is None:
            continue
        fast, slow = _fast_fragment(fragment), _from_fragment(html, fragment)
        assert fast is not None and slow is not None, page.name
        assert (fast.title, fast.text) == (slow.title, slow.text), page.name
        checked += 1
    assert checked >= 30
