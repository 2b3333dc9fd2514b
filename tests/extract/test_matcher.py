from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from steppewatch.extract.matcher import Matcher, Term
from steppewatch.extract.normalise import normalise_for_matching

MATCHER = Matcher(
    [
        Term("separatis*", "en", "sep"),
        Term("East Turkestan", "en", "sep"),
        Term("сепаратис", "ru", "sep"),
        Term("东突", "zh", "sep"),
        Term("SCO", "en", "sco"),
        Term("ШОС", "ru", "sco"),
        Term("terror", "en", "terror"),
        Term("ёлк", "ru", "tree"),
        Term("国家安全部", "zh", "mss"),
    ]
)


def spans(text: str) -> list[tuple[str, str]]:
    normal = normalise_for_matching(text)
    return [(str(h.payload), text[h.start : h.end]) for h in MATCHER.hits(normal)]


def test_english_whole_words_and_wildcard() -> None:
    assert spans("Separatists met; SCO yes, SCOs no, terrorism no") == [
        ("sep", "Separatists"),
        ("sco", "SCO"),
    ]


def test_russian_prefix_left_boundary_only() -> None:
    assert spans("Сепаратистскими силами; антисепаратист; ШОС") == [
        ("sep", "Сепаратистскими"),
        ("sco", "ШОС"),
    ]


def test_chinese_substring_traditional_and_fullwidth() -> None:
    assert spans("打擊東突勢力。這是國家安全部們的說法，ＳＣＯ") == [
        ("sep", "東突"),
        ("mss", "國家安全部"),
        ("sco", "ＳＣＯ"),
    ]


def test_yo_folds_to_e() -> None:
    assert spans("Ёлки и елки") == [("tree", "Ёлки"), ("tree", "елки")]


def test_latin_word_next_to_han_still_matches() -> None:
    assert spans("上合组织(SCO)峰会") == [("sco", "SCO")]


@given(
    st.text(
        alphabet=st.sampled_from(list("ab 东突SCOsco.ШОСшос сепаратисЁё國家安全部ＳＣＯ\n")),
        max_size=60,
    )
)
def test_property_offsets_are_spans_of_the_original(text: str) -> None:
    normal = normalise_for_matching(text)
    assert len(normal) == len(text)
    for hit in MATCHER.hits(normal):
        assert 0 <= hit.start < hit.end <= len(text)
        assert normalise_for_matching(text[hit.start : hit.end]) == normal[hit.start : hit.end]


# the terms of MATCHER again, with lean automata for a text without Cyrillic or Latin letters
LEAN_TERMS = [
    Term("separatis*", "en", "sep"),
    Term("East Turkestan", "en", "sep"),
    Term("сепаратис", "ru", "sep"),
    Term("ШОС", "ru", "sco"),
    Term("SCO", "en", "sco"),
    Term("东突", "zh", "sep"),
    Term("东突厥", "zh", "sep"),
    Term("突厥斯坦", "zh", "sep"),
    Term("SCO峰会", "zh", "summit"),
    Term("国家安全部", "zh", "mss"),
]
WITHOUT_CYRILLIC = Matcher(LEAN_TERMS, lean="[\u0400-\u04ff]")
WITHOUT_LATIN = Matcher(LEAN_TERMS, lean="[A-Za-z]")
FULL = Matcher(LEAN_TERMS)


def _all_hits(matcher: Matcher, text: str) -> list[tuple[int, int, object, str]]:
    normal = normalise_for_matching(text)
    return [(h.start, h.end, h.payload, h.term) for h in matcher.hits(normal)]


def test_lean_automata_give_the_same_hits_in_the_same_order() -> None:
    assert WITHOUT_CYRILLIC._lean is not None and WITHOUT_LATIN._lean is not None
    texts = [
        "东突厥斯坦 国家安全部 SCO峰会",  # Latin: the full automaton
        "东突厥斯坦伊斯兰运动，国家安全部",  # no Latin letter: the lean one
        "Separatists and the SCO in East Turkestan",  # ASCII: no Cyrillic
        "Separatists at the café\u00a0SCO meeting",  # Latin-1: no Cyrillic
        "Separatists — the SCO, ШОС, сепаратисты",  # Cyrillic: the full automaton
        "",
    ]
    for text in texts:
        full = _all_hits(FULL, text)
        assert _all_hits(WITHOUT_CYRILLIC, text) == full
        assert _all_hits(WITHOUT_LATIN, text) == full
    assert _all_hits(WITHOUT_LATIN, texts[1]) == [
        (0, 2, "sep", "东突"),
        (0, 3, "sep", "东突厥"),
        (1, 5, "sep", "突厥斯坦"),
        (11, 16, "mss", "国家安全部"),
    ]


@given(st.text(alphabet="东突厥斯坦国家安全部SCOsepratisШОСсепаратис峰会 ", max_size=40))
def test_property_lean_automata_change_no_hit(text: str) -> None:
    full = _all_hits(FULL, text)
    assert _all_hits(WITHOUT_CYRILLIC, text) == full
    assert _all_hits(WITHOUT_LATIN, text) == full


def test_latin1_test() -> None:
    from steppewatch.extract.matcher import _latin1

    assert _latin1("") and _latin1("SCO") and _latin1("café\u00a0ÿ")
    assert not _latin1("café Ā") and not _latin1("ШОС") and not _latin1("上合")
