"""Every registered coder keeps the contract: fit returns self, code returns a CodedDocument
with valid codebook codes, evidence offsets that point at their span, and the same output for
the same input."""

from __future__ import annotations

import pytest

from steppewatch.codebook import load_codebook
from steppewatch.extract import CodedDocument, coder_names, get_coder

from .conftest import EN_READOUT, RU_READOUT, ZH_ECONOMIC, ZH_READOUT, make_doc

DOCS = [ZH_READOUT, RU_READOUT, EN_READOUT, ZH_ECONOMIC]


def _items(coded: CodedDocument):
    return [coded, *coded.items]


@pytest.mark.parametrize("name", coder_names())
def test_coder_conformance(name: str) -> None:
    codebook = load_codebook()
    coder = get_coder(name)
    assert coder.name == name and coder.version
    try:
        fitted = coder.fit([])
    except Exception as error:  # a trained coder may need examples; it must say so clearly
        pytest.skip(f"{name} cannot fit on no examples: {error}")
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
