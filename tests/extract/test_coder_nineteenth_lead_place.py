"""The event's venue from a long page's lead (nineteenth round): the lead says where the event was
held (В Ашхабаде состоялась…, was held in Tashkent, 在杜尚别举行) even when the passages that carry
its security content come later and name another place (a summit recalled there). A short item is
one passage already; a lead that names no venue leaves the later passages to decide. Hand-written
zh/ru/en texts, not copied from any gold text."""

from __future__ import annotations

import pytest

from steppewatch.extract import code_document

from .conftest import make_doc

_FILLER = {
    "ru": "Стороны отметили высокий уровень взаимного доверия и обменялись мнениями о развитии "
    "торговли, транспорта и культурных связей. ",
    "en": "The sides noted the high level of mutual trust and exchanged views on trade, transport "
    "and cultural ties. ",
    "zh": "双方高度评价彼此关系的发展，就贸易、交通和人文交流等问题交换了意见，一致同意继续推进务实合作。",
}
_SECURITY = {
    "ru": "Министры Китая и Казахстана договорились укреплять сотрудничество в борьбе с терроризмом "
    "и экстремизмом, как было условлено на саммите в Астане.",
    "en": "The ministers of China and Kazakhstan agreed to step up cooperation against terrorism "
    "and extremism, as agreed at the summit in Astana.",
    "zh": "中国和哈萨克斯坦外长同意加强打击恐怖主义和极端主义合作，落实在阿斯塔纳峰会上达成的共识。",
}
_LEAD = {
    "ru": "В Ташкенте состоялась встреча министров иностранных дел Китая и Казахстана.",
    "en": "A meeting of the foreign ministers of China and Kazakhstan was held in Tashkent.",
    "zh": "中国和哈萨克斯坦外长会晤在塔什干举行。",
}
_NO_VENUE_LEAD = {
    "ru": "Состоялась встреча министров иностранных дел Китая и Казахстана.",
    "en": "A meeting of the foreign ministers of China and Kazakhstan was held.",
    "zh": "中国和哈萨克斯坦外长举行会晤。",
}
_REPEAT = {"ru": 25, "en": 30, "zh": 60}


@pytest.mark.parametrize("language", ["ru", "en", "zh"])
def test_a_long_pages_lead_names_the_venue(language: str) -> None:
    text = (
        "Новости | News | 新闻\n"
        + _LEAD[language]
        + "\n"
        + _FILLER[language] * _REPEAT[language]
        + "\n"
        + _SECURITY[language]
        + "\n"
    )
    coded = code_document(make_doc(text))
    assert coded.relevant
    assert coded.location == "Tashkent", coded.evidence


@pytest.mark.parametrize("language", ["ru", "en", "zh"])
def test_a_lead_naming_no_venue_leaves_the_later_passages(language: str) -> None:
    # (contrast: the lead names no place; the later passage decides as before)
    text = (
        "Новости | News | 新闻\n"
        + _NO_VENUE_LEAD[language]
        + "\n"
        + _FILLER[language] * _REPEAT[language]
        + "\n"
        + _SECURITY[language]
        + "\n"
    )
    coded = code_document(make_doc(text))
    assert coded.relevant
    assert coded.location != "Tashkent", coded.evidence
