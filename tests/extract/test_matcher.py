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
