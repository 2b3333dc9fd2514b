"""A long hostile text (one security sentence repeated to about a megabyte) codes as its first
sentences do (the main kind and so the level aside: a thousand meetings and exercises weigh differently from
three): the rules that look for a framework's meeting, a paragraph's lead and a sentence's
ends work per hit in bounded time (they once rescanned the text for every hit, which made a
2 MB text take minutes; speed itself is measured by bench/bench_code.py --hostile, not here)."""

from __future__ import annotations

from steppewatch.extract import ExtractedDocument, get_coder

RU_SENTENCE = (
    "Китай и Казахстан провели совместные антитеррористические учения в рамках ШОС, "
    "министры обороны двух стран провели переговоры. "
)
EN_SENTENCE = (
    "China and Kazakhstan held a joint counter-terrorism exercise under the SCO, and the "
    "defence ministers of the two countries held talks. "
)


def _codes(text: str, language: str) -> tuple[object, ...]:
    coded = get_coder().code(ExtractedDocument(source="long.txt", text=text, language=language))
    assert coded.kind in ("multilateral_exercise", "meeting")
    return (
        coded.relevant,
        coded.framework,
        tuple(coded.countries),
        tuple(coded.topics),
    )


def test_a_megabyte_of_repeated_russian_security_sentences_codes_like_a_few() -> None:
    repeats = 1_000_000 // len(RU_SENTENCE.encode("utf-8")) + 1
    long = _codes(RU_SENTENCE * repeats, "ru")
    assert len((RU_SENTENCE * repeats).encode("utf-8")) >= 1_000_000
    assert long == _codes(RU_SENTENCE * 3, "ru")
    relevant, framework, countries, topics = long
    assert relevant is True and framework == "SCO"
    assert "CN" in countries and "KZ" in countries
    assert "terrorism" in topics


def test_a_megabyte_of_repeated_english_security_sentences_codes_like_a_few() -> None:
    repeats = 1_000_000 // len(EN_SENTENCE) + 1
    long = _codes(EN_SENTENCE * repeats, "en")
    assert long == _codes(EN_SENTENCE * 3, "en")
    assert long[0] is True and long[1] == "SCO" and "KZ" in long[2]
