"""The faster forms of extraction steps give what the plain forms they replaced gave."""

from __future__ import annotations

import random
import re
import sys

from steppewatch.extract import language, text
from steppewatch.extract.dates import find_dates


def test_script_tag_search_is_the_lower_cased_test() -> None:
    # the only characters outside ASCII that lower-case to ASCII letters
    odd = [
        c for c in map(chr, range(0x80, sys.maxunicode + 1)) if any(x < "\x80" for x in c.lower())
    ]
    assert odd == ["\u0130", "\u212a"]
    rng = random.Random(7)
    pieces = ["<", "s", "S", "c", "C", "r", "R", "i", "I", "p", "P", "t", "T", "\u0130", "x"]
    for _ in range(20000):
        markup = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert (text._SCRIPT_TAG.search(markup) is not None) == ("<script" in markup.lower())
    assert text._SCRIPT_TAG.search("<SCRİPT") is None


def test_english_words_as_bytes_are_the_regex_words() -> None:
    rng = random.Random(8)
    pieces = ["the ", "of ", "And ", "a", "\u0130", "\u212a", "\ud800", "x", "中", "д", "é", "\n"]
    for _ in range(5000):
        sample = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        words = sample.lower().encode("utf-8", "replace").translate(language._LATIN_WORDS).split()
        assert [w.decode() for w in words] == re.findall(r"[a-z]+", sample.lower())
    assert language.detect_language("The talks of the two sides and the " * 5) == "en"


def test_dates_read_once_when_every_mention_has_its_year() -> None:
    # with a year everywhere, no reference; a yearless mention takes the first one's year
    assert [m.iso for m in find_dates("2019年6月13日和2020年1月2日")] == [
        "2019-06-13",
        "2020-01-02",
    ]
    assert [m.iso for m in find_dates("June 13, 2019. On June 20 they met.")] == [
        "2019-06-13",
        "2019-06-20",
    ]
    assert find_dates("on June 20 they met") == []


def test_letters_re_folds_unlike_lower_are_known() -> None:
    from steppewatch.extract.prefilter import FOLDED_UNLIKE_LOWER

    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    letters = "abcdefghijklmnopqrstuvwxyz" + "".join(map(chr, range(0x430, 0x450))) + "ё"
    lowers_to: dict[str, set[str]] = {letter: set() for letter in letters}
    for char in every:
        if char.lower() in lowers_to:
            lowers_to[char.lower()].add(char)
    for letter in letters:
        folded = set(re.findall(re.escape(letter), every, re.IGNORECASE))
        # re folds to the letter what lowers to it, and only the listed others
        assert lowers_to[letter] <= folded, letter
        assert folded - lowers_to[letter] <= set(FOLDED_UNLIKE_LOWER), letter


def _guarded() -> list[object]:
    from steppewatch.extract import (
        codebook_coder,
        coder_background,
        coder_entities,
        coder_officials,
        coder_rules,
        coder_specificity,
    )
    from steppewatch.extract.prefilter import Guarded

    return [
        value
        for module in (
            coder_entities,
            coder_background,
            coder_rules,
            codebook_coder,
            coder_specificity,
            coder_officials,
        )
        for value in vars(module).values()
        if isinstance(value, Guarded)
    ]


def test_guarded_patterns_find_what_they_found_unguarded() -> None:
    from steppewatch.extract.prefilter import Guarded

    guarded = _guarded()
    assert guarded
    words = [" ", ", ", "\n", "the ", "China", "Kazakhstan ", "中国", "哈萨克斯坦", "Китай ", "с "]
    for pattern in guarded:
        assert isinstance(pattern, Guarded)
        pieces = [p for piece in pattern.pieces for p in (piece, piece.upper(), piece.title())]
        rng = random.Random(pattern.pattern.pattern)
        for _ in range(400):
            text = "".join(rng.choice(words + pieces + ["\u017f", "\u0130"]) for _ in range(12))
            pos = rng.randint(0, len(text))
            endpos = rng.randint(pos, len(text))
            plain = pattern.pattern.search(text, pos, endpos)
            got = pattern.search(text, pos, endpos)
            assert (plain and plain.span()) == (got and got.span())
            assert [m.span() for m in pattern.pattern.finditer(text, pos, endpos)] == [
                m.span() for m in pattern.finditer(text, pos, endpos)
            ]


def test_chinese_lists_found_as_finditer_finds_them() -> None:
    from steppewatch.extract import coder_entities

    rng = random.Random(21)
    pieces = [
        "中国",
        "哈萨克斯坦",
        "、",
        "、",
        "，",
        "和",
        "等",
        " ",
        "俄罗斯联邦共和国的",
        "A",
        "。",
    ]
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 20)))
        lo = rng.randint(0, len(text))
        hi = rng.randint(lo, len(text))
        want = [m.span() for m in coder_entities._CJK_LIST.finditer(text, lo, hi)]
        assert coder_entities._list_spans(True, text, lo, hi) == want


def test_literals_find_what_the_pattern_finds() -> None:
    from steppewatch.extract import coder_rules
    from steppewatch.extract.prefilter import Literals

    found = [v for v in vars(coder_rules).values() if isinstance(v, Literals)]
    assert found
    for literals in found:
        words = literals.pattern.pattern.split("|")
        pieces = [p for w in words for p in (w, w.upper(), w.title())]
        pieces += [" ", "中", "x", "\u017f", "\u0130", "\u1c82"]
        rng = random.Random(literals.pattern.pattern)
        for _ in range(500):
            text = "".join(rng.choice(pieces) for _ in range(10))
            pos = rng.randint(0, len(text))
            endpos = rng.randint(pos, len(text))
            want = literals.pattern.search(text, pos, endpos)
            got = literals.search(text, pos, endpos)
            assert (want and want.span()) == (got and got.span())
            assert [m.span() for m in literals.pattern.finditer(text, pos, endpos)] == [
                m.span() for m in literals.finditer(text, pos, endpos)
            ]


def test_remembered_sentence_answers_are_the_answers() -> None:
    """The per-text memories of coder_background (a sentence's span, whether it speaks of
    another event, whether it is background) answer as the functions they wrap, also when one
    span is asked about with different events and after another text was read."""
    from steppewatch.extract import coder_background as cb

    sentences = [
        "China and Kazakhstan held a joint exercise in 2019. ",
        "Earlier, the sides had signed a plan. ",
        "Analysts say the SCO will meet next year.\n",
        "Китай и Киргизия провели учения в 2018 году. ",
        "Ранее стороны подписали соглашение. ",
        "中哈两国举行联合反恐演习。",
        "此前双方曾签署协议。",
    ]
    rng = random.Random(27)
    for _ in range(40):
        body = "".join(rng.choice(sentences) for _ in range(rng.randint(1, 12)))
        for _ in range(30):
            position = rng.randint(0, len(body))
            start = rng.randint(0, position)
            end = rng.randint(position, len(body))
            span = cb._sentence(body, position, start, end)
            assert span == cb._read_sentence(body, position, start, end)
            assert cb._sentence(body, position, start, end) == span
            lo, hi = span
            year = rng.choice([None, 2019, 2026])
            plain = cb._another_event(body, lo, hi, year)
            assert cb._another_event_once(body, lo, hi, year) == plain
            for _ in range(3):
                events = sorted(rng.sample(range(len(body) + 1), rng.randint(0, 4)))
                want = cb._is_background(body, lo, hi, year, events)
                assert cb._is_background_once(body, lo, hi, year, events) == want


def test_whitespace_but_the_space_is_never_printable() -> None:
    """clean_text keeps a line as it is when, its ends cut, it is printable with no double
    space: that is its collapsed form only because no whitespace but the space is printable."""
    spaces = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
    assert " " in spaces
    assert not [c for c in spaces if c != " " and c.isprintable()]


def test_clean_text_collapses_as_split_and_join() -> None:
    pieces = ["a", "Ж", "中", " ", "  ", "\t", "\u3000", "\u00a0", "\u2003", "\u200b", "\n", "\r"]
    pieces += ["\x1c", "\u2028", "\x85", "\x07", "word", "\n \n"]
    rng = random.Random(14)
    for _ in range(3000):
        raw = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 16)))
        lines = raw.replace("\r", "\n").split("\n")
        plain = "\n".join(
            [" ".join(line.split()) for line in lines if line and not line.isspace()]
        ).replace("\u200b", "")
        assert text.clean_text(raw) == plain


def test_drop_hint_is_the_four_substring_tests() -> None:
    pieces = ["<script", "<SCRIPT", "<Script", "<style", "<STYLE", "<!--", "<!-", "<", "-", "x"]
    rng = random.Random(15)
    for _ in range(3000):
        markup = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 6)))
        want = any(p in markup for p in ("<script", "<style", "<!--", "<SCRIPT"))
        assert (text._DROP_HINT.search(markup) is not None) == want


def test_latin_prefilter_found_as_its_search_finds() -> None:
    from steppewatch.extract.coder_resources import _latin_found, load_resources

    prefilter = load_resources(None).latin_prefilter
    assert prefilter is not None
    pieces = ["sco", "rats", "kazakh", "uzbek", "x", "1", "_", " ", "中", "哈", "-", "ж"]
    rng = random.Random(16)
    for _ in range(3000):
        normal = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        assert _latin_found(prefilter, normal) == (prefilter.search(normal) is not None)
    assert _latin_found(re.compile(r"(?!)"), "sco") is False


def test_dates_searched_from_candidates_as_their_patterns_search() -> None:
    """dates._search (a pattern matched where its candidate pattern starts) finds what the
    pattern's own search finds, from any position, in any case, and with the letters re folds
    unlike str.lower left to the pattern itself."""
    from steppewatch.extract import dates
    from steppewatch.extract.prefilter import FOLDED_UNLIKE_LOWER

    pieces = [
        "12",
        "3",
        "2019",
        "1998",
        ".",
        "-",
        "/",
        " ",
        "年",
        "月",
        "日",
        "至",
        "June",
        "jun",
        "SEPT.",
        "sep",
        "Dec",
        "мая",
        "сен",
        "and",
        "x",
        "\u017f",
        "\u0130",
    ]
    rng = random.Random(16)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        lowered = text.lower()
        folds = (
            lowered
            if len(lowered) == len(text) and not any(c in text for c in FOLDED_UNLIKE_LOWER)
            else None
        )
        position = rng.randint(0, len(text))
        for index, pattern in enumerate(dates._PATTERNS):
            want = pattern.search(text, position)
            got = dates._search(index, text, folds, position)
            assert (want and (want.span(), want.groupdict())) == (
                got and (got.span(), got.groupdict())
            ), (index, text, position)


def test_last_sentence_end_is_the_last_match_end() -> None:
    """coder_rules' and coder_background's _last_sentence_end (read from the right) end where
    the last match of their _SENTENCE pattern found from the left ends."""
    from steppewatch.extract import coder_background, coder_rules

    pieces = [".", ". ", ".  ", ".\n", "\n", " ", "  ", "a", "B", "я", "Ё", "ё", "。", "！", "?"]
    pieces += ["\u00a0", "\t", "x.y", "1", "中", "!"]
    rng = random.Random(1616)
    for module in (coder_rules, coder_background):
        for _ in range(20000):
            text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
            lo = rng.randint(0, len(text))
            position = rng.randint(lo, len(text))
            want = lo
            for match in module._SENTENCE.finditer(text, lo, position):
                want = match.end()
            assert module._last_sentence_end(text, lo, position) == want, (text, lo, position)


def test_years_found_as_with_the_lookbehind_first() -> None:
    """The year patterns that check for a digit before them after their first two digits find
    what the pattern with the lookbehind first finds."""
    from steppewatch.extract import coder_background, dates

    plain = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
    pieces = ["19", "20", "1", "2", "0", "9", "5", " ", "年", "x"]
    rng = random.Random(2026)
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        pos = rng.randint(0, len(text))
        endpos = rng.randint(pos, len(text))
        want = [(m.span(), m.group(1)) for m in plain.finditer(text, pos, endpos)]
        for pattern in (coder_background._YEAR, dates._BARE_YEAR):
            assert [(m.span(), m.group(1)) for m in pattern.finditer(text, pos, endpos)] == want


def test_guarded_spans_out_of_range_as_re_reads_them() -> None:
    """Guarded.possible reads a position before the text's start or past its end as re does."""
    from steppewatch.extract.coder_rules import _SIDELINES_BEFORE

    text = "Talks on the sidelines of the summit"
    for pos in (-5, 0, 3, 13, len(text), len(text) + 4):
        for endpos in (None, -2, 0, 9, 25, len(text), len(text) + 9):
            want = (
                _SIDELINES_BEFORE.pattern.search(text, pos)
                if endpos is None
                else _SIDELINES_BEFORE.pattern.search(text, pos, endpos)
            )
            got = _SIDELINES_BEFORE.search(text, pos, endpos)
            assert (want and want.span()) == (got and got.span()), (pos, endpos)


def test_relative_dates_matched_from_their_starts_as_finditer_finds_them() -> None:
    """dates._relative_matches finds what _RELATIVE.finditer finds, in any case, and with the
    letters re folds unlike str.lower."""
    from steppewatch.extract import dates

    pieces = ["yesterday", "Yesterday", "вчера", "Вчера", "昨天", "昨日", "on ", "On  ", "Monday"]
    pieces += ["SUNDAY", "friday", "в ", "во ", "Во ", "среду", "Пятницу", "周", "星期", "一"]
    pieces += ["日", "天", "年", "每", "3", "12", "0", "9", "至", "-", " ", "x", "电", "\u017f"]
    rng = random.Random(1607)
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        want = [(m.span(), m.groupdict()) for m in dates._RELATIVE.finditer(text)]
        got = [(m.span(), m.groupdict()) for m in dates._relative_matches(text, text.lower())]
        assert got == want, text


def test_new_item_is_the_validated_item() -> None:
    import pytest
    from pydantic import ValidationError

    from steppewatch.extract.model import CodedItem, new_item

    for index, start, end, title in [
        (0, 0, 0, None),
        (3, 17, 905, "Q: a question…"),
        (9, 5, 5, ""),
    ]:
        made = new_item(index, start, end, title)
        validated = CodedItem(index=index, start=start, end=end, title=title)
        assert made == validated
        assert repr(made) == repr(validated)
        assert made.model_fields_set == validated.model_fields_set
        assert made.model_dump_json() == validated.model_dump_json()
        assert list(made.__dict__) == list(validated.__dict__)
    # each item has lists of its own
    first, second = new_item(0, 0, 1, None), new_item(1, 1, 2, None)
    first.countries.append("KZ")
    first.evidence.clear()
    assert second.countries == [] and new_item(2, 0, 1, None).countries == []
    # values the model refuses are refused
    with pytest.raises(ValidationError):
        new_item(0, -1, 5, None)
    with pytest.raises(ValidationError):
        new_item(0, 0, 5, 7)  # type: ignore[arg-type]


def test_unescape_with_no_break_spaces_first_is_html_unescape() -> None:
    import html

    rng = random.Random(11)
    pieces = [
        "&",
        "nbsp",
        ";",
        "lt",
        "amp",
        "not",
        "#",
        "x",
        "1",
        "a",
        " ",
        "\u00a0",
        "\n",
        "&nbsp;",
    ]
    for _ in range(30000):
        sample = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        assert text._unescape(sample) == html.unescape(sample), sample
    long_name = "&" + "q" * 30 + "&nbsp;;x&lt&nbsp;y&l&nbsp;&#&nbsp;&notit&nbsp;z;"
    assert text._unescape(long_name) == html.unescape(long_name)


def test_guarded_wide_ascii_spans_answer_as_the_alternation() -> None:
    """On a wide span of an ASCII text the pieces are looked for one by one (str.find): the
    same answer as the alternation of all of them, and the same matches of the pattern."""
    from steppewatch.extract.prefilter import ASCII_FIND_SPAN, _lowered

    words = [" ", ", ", "\n", "the ", "China", "Kazakhstan ", "talks ", "on ", "of ", "."]
    for pattern in _guarded():
        pieces = [
            p
            for piece in pattern.pieces
            if piece.isascii()
            for p in (piece, piece.upper(), piece.title(), piece[:-1])
        ]
        rng = random.Random(pattern.pattern.pattern)
        for _ in range(60):
            text = "".join(rng.choice(words + pieces) for _ in range(rng.randint(60, 160)))
            assert text.isascii()
            pos = rng.randint(0, max(0, len(text) - ASCII_FIND_SPAN))
            endpos = rng.randint(min(pos + ASCII_FIND_SPAN, len(text)), len(text))
            haystack = _lowered(text) if pattern.pattern.flags & re.IGNORECASE else text
            assert haystack is not None
            want = pattern._pieces.search(haystack, pos, endpos) is not None
            assert pattern.possible(text, pos, endpos) == want or endpos <= pos
            plain = pattern.pattern.search(text, pos, endpos)
            got = pattern.search(text, pos, endpos)
            assert (plain and plain.span()) == (got and got.span())


def test_script_counts_by_class_marks_are_the_deleting_counts() -> None:
    """detect_language counts Han, Cyrillic and Latin lead bytes with one translation to class
    marks: the same counts as deleting every other byte, for every byte value."""
    all_bytes = bytes(range(256))
    data = all_bytes * 3 + "中国 Казахстан China «»—".encode()
    marks = data.translate(language._CLASS_MARKS)
    for mark, keep in ((b"H", language._KEEP_HAN), (b"C", language._KEEP_CYRILLIC)):
        assert marks.count(mark) == len(data.translate(None, all_bytes.translate(None, keep)))
    drop_latin = all_bytes.translate(None, language._KEEP_LATIN)
    assert marks.count(b"L") == len(data.translate(None, drop_latin))
