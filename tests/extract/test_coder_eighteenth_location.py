"""Eighteenth-round location rules, found on fresh pages (test17, test18): a state's capital
named by the state with no city (in the capital of Kyrgyzstan, в столице Таджикистана,
乌兹别克斯坦首都) is that city (``places.yaml``: ``capital: true``). Texts written for these
tests, none copied from a gold text; each rule has a text it changes and one it leaves alone."""

from __future__ import annotations

import pytest

from steppewatch.extract import ExtractedDocument, get_coder
from steppewatch.extract.gazetteer import load_gazetteer
from steppewatch.extract.model import CodedDocument


def _code(text: str, language: str) -> CodedDocument:
    return get_coder().code(ExtractedDocument(source="t.txt", text=text, language=language))


CAPITALS = [
    (
        "ru",
        "Заседание Совета министров обороны ШОС прошло 12 мая в столице Таджикистана. Министры "
        "обсудили совместную борьбу с терроризмом и экстремизмом, Китай представлял министр "
        "обороны КНР.",
        "Dushanbe",
    ),
    (
        "en",
        "The China-Kyrgyzstan consultations on border security were held on May 12 in the capital "
        "of Kyrgyzstan. The two sides agreed to step up joint action against terrorism and drug "
        "trafficking across the border.",
        "Bishkek",
    ),
    (
        "zh",
        "2026年5月12日，中乌两国执法安全合作磋商在乌兹别克斯坦首都举行，双方就联合打击恐怖主义和"
        "毒品走私交换意见。",
        "Tashkent",
    ),
]
# the state alone, no capital: its code, as before
STATES = [
    (
        "ru",
        "Совместные антитеррористические учения спецподразделений Китая и Таджикистана прошли "
        "12 мая в Таджикистане. Отрабатывались действия по освобождению заложников.",
        "TJ",
    ),
    (
        "en",
        "The China-Kyrgyzstan joint counter-terrorism exercise was held on May 12 in Kyrgyzstan, "
        "with special forces of the two countries practising the release of hostages.",
        "KG",
    ),
    (
        "zh",
        "2026年5月12日，中乌两国执法安全合作磋商在乌兹别克斯坦举行，双方就联合打击恐怖主义和"
        "毒品走私交换意见。",
        "UZ",
    ),
]


@pytest.mark.parametrize(("language", "text", "expected"), CAPITALS + STATES)
def test_the_capital_of_a_state_is_its_city(language: str, text: str, expected: str) -> None:
    assert _code(text, language).location == expected


def test_every_partner_and_the_focal_state_has_one_capital() -> None:
    places = load_gazetteer().places
    capitals = {p.country for p in places if p.capital}
    assert {"CN", "KZ", "KG", "TJ", "UZ", "TM"} <= capitals
    assert all(p.kind == "city" for p in places if p.capital)
    assert len(capitals) == sum(1 for p in places if p.capital)  # one a state
