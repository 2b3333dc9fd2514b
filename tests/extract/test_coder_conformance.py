"""Every registered coder keeps the contract: fit returns self, code returns a CodedDocument
with valid codebook codes, evidence offsets that point at their span, and the same output for
the same input."""

from __future__ import annotations

import pytest

from steppewatch.codebook import load_codebook
from steppewatch.extract import CodedDocument, coder_names, get_coder

from .conftest import EN_READOUT, RU_READOUT, ZH_ECONOMIC, ZH_READOUT, make_doc

DOCS = [ZH_READOUT, RU_READOUT, EN_READOUT, ZH_ECONOMIC]
ZH_ECONOMIC_KG = (
    "2019年9月12日，国务院总理李克强在北京会见吉尔吉斯斯坦总理，双方同意扩大农业、贸易和投资合作。"
)
RU_ECONOMIC_UZ = (
    "12 сентября 2019 г. Премьер-министр Узбекистана и Премьер Госсовета КНР обсудили торговлю, "
    "инвестиции и сельское хозяйство."
)


def _examples():
    """(document, labels) pairs, the shape ``steppewatch train`` gives to ``fit``."""
    positive = {"kind": "meeting", "topics": ["terrorism"], "domains": ["law_enforcement"]}
    negative = {"relevant": False, "kind": None, "topics": [], "domains": [], "countries": []}
    return [
        (make_doc(ZH_READOUT), {"relevant": True, "countries": ["CN", "KG"], **positive}),
        (make_doc(RU_READOUT), {"relevant": True, "countries": ["CN", "KG"], **positive}),
        (make_doc(EN_READOUT), {"relevant": True, "countries": ["CN", "KZ"], **positive}),
        (make_doc(ZH_ECONOMIC), dict(negative)),
        (make_doc(ZH_ECONOMIC_KG), dict(negative)),
        (make_doc(RU_ECONOMIC_UZ), dict(negative)),
    ]


def _items(coded: CodedDocument):
    return [coded, *coded.items]


@pytest.mark.parametrize("name", coder_names())
def test_coder_conformance(name: str) -> None:
    codebook = load_codebook()
    coder = get_coder(name)
    assert coder.name == name and coder.version
    try:
        fitted = coder.fit(_examples())
    except Exception as error:  # a trained coder may need more examples; it must say so
        pytest.skip(f"{name} cannot fit on the six inline examples: {error}")
    assert fitted is coder
    for text in DOCS:
        doc = make_doc(text)
        try:
            coded = coder.code(doc)
        except Exception as error:
            pytest.skip(f"{name} cannot code without training: {error}")
        assert isinstance(coded, CodedDocument)
        assert coded.coder is not None and coded.coder.name == name
        assert coded.codebook_version == codebook.version
        for item in _items(coded):
            assert 0.0 <= item.relevance_score <= 1.0
            assert item.kind is None or item.kind in codebook.codes("event_kind")
            assert item.level is None or item.level in codebook.codes("meeting_level")
            assert item.framework is None or item.framework in codebook.codes("framework")
            assert set(item.topics) <= set(codebook.codes("topic"))
            assert set(item.domains) <= set(codebook.codes("domain"))
            for country in item.countries:
                assert len(country) == 2 and country.isupper()
            for evidence in item.evidence:
                assert doc.text[evidence.start : evidence.end] == evidence.text
        again = coder.code(make_doc(text))
        assert again.model_dump() == coded.model_dump()
