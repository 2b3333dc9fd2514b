"""Fixtures for the extraction and coding tests: hand-written readouts in the native script."""

from __future__ import annotations

import functools

import pytest

from steppewatch.extract import ExtractedDocument, extract_document
from steppewatch.extract.codebook_coder import CodebookCoder
from steppewatch.extract.model import CodedDocument, CodedItem

# Hand-written readouts of the kinds the codebook covers (not copied from any page).
ZH_READOUT = (
    "2019年6月13日，国家主席习近平在比什凯克同吉尔吉斯斯坦总统热恩别科夫举行会谈。\n"
    "两国元首同意深化执法安全合作，共同打击“三股势力”和“东突”恐怖组织，加强边境管控和禁毒合作。\n"
    "双方签署了两国公安部合作协议。"
)
RU_READOUT = (
    "13 июня 2019 г. в Бишкеке состоялись переговоры Президента Кыргызской Республики "
    "Сооронбая Жээнбекова и Председателя КНР Си Цзиньпина.\n"
    "Стороны договорились укреплять сотрудничество в сфере безопасности, совместно бороться "
    "с терроризмом, сепаратизмом и экстремизмом, а также с незаконным оборотом наркотиков."
)
EN_READOUT = (
    "On June 13, 2019, President Xi Jinping held talks with Kazakh President Kassym-Jomart "
    "Tokayev in Bishkek. The two sides agreed to strengthen law enforcement and security "
    "cooperation and jointly fight terrorism, separatism and extremism."
)
# hard negatives
ZH_ECONOMIC = (
    "2019年9月11日，国务院总理李克强在北京会见哈萨克斯坦总统托卡耶夫。"
    "双方同意扩大贸易、投资和农业合作，推进产能合作项目。"
)
ZH_TURKEY = "2019年5月3日，中土两国外长通电话，双方就反恐合作和打击恐怖主义交换意见。"
ZH_CHINA_RUSSIA_DRILL = (
    "2019年7月23日，中俄两国空军在日本海上空举行联合空中战略巡航和联合军事演习，打击恐怖主义。"
)
ZH_ETHNIC_KAZAKH = "新疆伊犁的哈萨克族牧民今年增收明显，当地反恐维稳形势良好。"
RU_CHINA_RUSSIA = (
    "23 июля 2019 г. Россия и Китай провели совместное патрулирование в Японском море; "
    "стороны договорились о совместной борьбе с терроризмом."
)


def make_doc(
    text: str, source: str = "inline.txt", language: str | None = None
) -> ExtractedDocument:
    return extract_document(text.encode("utf-8"), source=source)


@pytest.fixture
def readouts() -> dict[str, ExtractedDocument]:
    return {
        "zh": make_doc(ZH_READOUT, "zh.txt"),
        "ru": make_doc(RU_READOUT, "ru.txt"),
        "en": make_doc(EN_READOUT, "en.txt"),
    }


def first_relevant(coded: CodedDocument) -> CodedDocument | CodedItem | None:
    """The unit a page's main kind is read from: the document when it was coded as one item,
    else its first relevant item (None when nothing is relevant)."""
    if not coded.items:
        return coded if coded.relevant else None
    return next((i for i in coded.items if i.relevant), None)


CENTRAL_ASIA = frozenset({"KZ", "KG", "TJ", "TM", "UZ"})


@functools.cache
def _contrast_coder() -> CodebookCoder:
    return CodebookCoder()


def states_taking_part(text: str) -> set[str]:
    """The Central Asian states the default coder codes as taking part in a hand-written text:
    the document's and every relevant item's partner states (the contrast tests' question)."""
    document = _contrast_coder().code(extract_document(text.encode("utf-8"), source="contrast.txt"))
    countries: set[str] = set(document.countries)
    for item in document.items:
        if item.relevant:
            countries |= set(item.countries)
    return countries & CENTRAL_ASIA


def code_contrast(text: str) -> CodedDocument:
    """A hand-written contrast text coded by the default coder (one coder for the session)."""
    return _contrast_coder().code(extract_document(text.encode("utf-8"), source="contrast.txt"))


def main_kind(text: str) -> str | None:
    """The main kind of a contrast text: its first relevant unit's (``first_relevant``)."""
    unit = first_relevant(code_contrast(text))
    return None if unit is None else unit.kind


def event_kinds_of(text: str) -> set[str]:
    """Every event kind coded for a contrast text, as the evaluation reads them."""
    from steppewatch.extract.evaluate import prediction_from_record

    return set(prediction_from_record(code_contrast(text)).fields().event_kinds)
