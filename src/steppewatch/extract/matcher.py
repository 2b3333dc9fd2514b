"""Multi-pattern matching of indicator terms (codebook) and names (gazetteer) in one pass.

All terms of all languages go into one Aho-Corasick automaton (``pyahocorasick``), built once
per term set and cached. Matching follows the codebook's ``matching`` text: on normalised text
(see ``normalise.py``; same offsets as the original), English terms match whole words and a
trailing ``*`` lets the last word take any ending; Russian terms are word beginnings (left word
boundary only); Chinese terms match anywhere. A term's rule is chosen by the language list it
comes from. Hits report the offsets of the whole word(s) matched, for evidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import ahocorasick

from steppewatch.extract.normalise import normalise_for_matching

__all__ = ["Term", "Hit", "Matcher", "Payload"]

#: What a hit means: (kind, value), e.g. ("topic", "separatism"), ("state", "KZ").
Payload = tuple[str, Any]


@dataclass(frozen=True)
class Term:
    text: str  # as written in the codebook or gazetteer, e.g. "separatis*", "сепаратис", "东突"
    lang: str  # en, ru or zh: decides the matching rule
    payload: Payload  # what a hit means, e.g. ("topic", "separatism")


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    payload: Payload
    term: str


# a Russian compound adjective and the space after it (таджикско-узбекской, военно-морских):
# a multi-word term may have one between its words
_RU_COMPOUND = re.compile(r"(?<![^\W\d_])[а-я]+[оеи]-[а-я]+\s+")
_CYRILLIC = re.compile(r"[а-я]{3}")
# two adjectives in a row with the same ending (совместные пограничные, совместных
# антитеррористических, совместного военного): the second may sit inside a term's words
_RU_ADJECTIVE_PAIR = re.compile(
    r"(?<![^\W\d_])[а-я]{3,}(ые|ых|ый|ой|ая|ую|ое|ого|ому|ыми|ими|ие|их)\s+"
    r"(?=([а-я]{3,}(?:ые|ых|ый|ой|ая|ую|ое|ого|ому|ыми|ими|ие|их))(\s+)[а-я])"
)


def _has_cyrillic(normal: str, start: int, stop: int) -> bool:
    """``_CYRILLIC.search(normal, start, stop)``, at once when the span has no Cyrillic letter
    at all: such a span's UTF-8 has no lead byte 0xD0 or 0xD1 (U+0400-U+047F; a byte of a
    Han or Latin character never is one), which bytes search finds at C speed."""
    data = normal[start:stop].encode("utf-8", "surrogatepass")
    return (b"\xd0" in data or b"\xd1" in data) and _CYRILLIC.search(
        normal, start, stop
    ) is not None


def _agreeing_adjectives(normal: str, start: int, stop: int) -> list[tuple[int, int]]:
    """Spans (word and the space after it) of the second of two adjectives that agree."""
    spans = []
    for match in _RU_ADJECTIVE_PAIR.finditer(normal, start, stop):
        second = match.group(2)
        if second.endswith(match.group(1)):
            begin = match.end()
            spans.append((begin, begin + len(second) + len(match.group(3))))
    return spans


# Latin and Cyrillic letters, most frequent first in English and Russian text
_FREQUENT_LETTERS = {
    letter: rank
    for rank, letter in enumerate(
        "etaoinsrhldcumfpgwybvkxjqz" + "оеаинтсрвлкмдпуяыьгзбчйхжшюцщэфъё"
    )
}


def _first_letter_rank(key: str) -> int:
    return _FREQUENT_LETTERS.get(key[0], len(_FREQUENT_LETTERS))


def _latin1(text: str) -> bool:
    """Whether every character of ``text`` is Latin-1 (U+0000-U+00FF): at once for ASCII text,
    a copy of the bytes for other Latin-1 text (the codec copies a one-byte string as it is,
    where a regex test of every character took some 20 instructions a character), and an
    error at the first wider character otherwise."""
    if text.isascii():
        return True
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        return False
    return True


def _is_word_char(char: str) -> bool:
    # letters and digits of alphabetic scripts; Han characters never glue to a Latin word
    return char.isalnum() and char < "\u2e80"


class Matcher:
    """Finds every term of a term list in a text. Immutable once built; safe to share."""

    def __init__(self, terms: Iterable[Term], lean: str | None = None):
        """``lean``: a character class (e.g. ``"[\\u0400-\\u04ff]"``) of a script the texts
        scanned seldom hold; the terms with a character of it also go to a second, smaller
        automaton without them, used on a text that has none of those characters (where they
        cannot match: the same hits, in the same order, with fewer steps per character, as
        pyahocorasick looks a character up among a node's children one by one)."""
        automaton = ahocorasick.Automaton()
        table: dict[str, list[tuple[Payload, str, bool, str]]] = {}
        count = 0
        for term in terms:
            raw = term.text.strip()
            wildcard = raw.endswith("*")
            if wildcard:
                raw = raw[:-1].rstrip()
            key = normalise_for_matching(raw, traditional=False)
            if not key:
                continue
            mode = "zh" if term.lang == "zh" else ("ru" if term.lang == "ru" else "en")
            table.setdefault(key, []).append((term.payload, mode, wildcard, term.text))
            count += 1
        # (pyahocorasick looks a character up among a node's children one by one, in the order
        # they were added: letters that open many words of the text first make every step
        # shorter; the order changes no match)
        ordered = sorted(table.items(), key=lambda item: _first_letter_rank(item[0]))
        for key, entries in ordered:
            automaton.add_word(key, (len(key), tuple(entries)))
        if table:
            automaton.make_automaton()
        self._automaton = automaton
        self._lean: tuple[re.Pattern[str], bool, ahocorasick.Automaton] | None = None
        if lean is not None:
            guard = re.compile(lean)
            kept = [(key, entries) for key, entries in ordered if guard.search(key) is None]
            if kept and len(kept) < len(ordered):
                lean_automaton = ahocorasick.Automaton()
                for key, entries in kept:
                    lean_automaton.add_word(key, (len(key), tuple(entries)))
                lean_automaton.make_automaton()
                # (whether a text of Latin-1 characters only never holds one of the class)
                latin1_free = guard.search("".join(map(chr, range(256)))) is None
                self._lean = (guard, latin1_free, lean_automaton)
        self._empty = not table
        self._multiword_ru = any(
            mode == "ru" and " " in key
            for key, entries in table.items()
            for _, mode, _, _ in entries
        )
        self.size = count

    def iter_hits(self, normal: str, start: int = 0, end: int | None = None) -> Iterator[Hit]:
        """Hits in ``normal`` (text already normalised) between ``start`` and ``end``; Russian
        terms also across a compound adjective between their words (see ``_compound_hits``)."""
        if self._empty:
            return
        stop = len(normal) if end is None else end
        if not (self._multiword_ru and _has_cyrillic(normal, start, min(stop, start + 4000))):
            yield from self._scan(normal, start, stop)
            return
        # hits in the order of their ends, those across a compound among them
        found = list(self._scan(normal, start, stop))
        found.extend(self._compound_hits(normal, start, stop))
        found.sort(key=lambda h: h.end)
        yield from found

    def _scan(self, normal: str, start: int, stop: int, only: str | None = None) -> Iterator[Hit]:
        is_word = _is_word_char
        automaton = self._automaton
        if self._lean is not None:
            guard, latin1_free, lean_automaton = self._lean
            if (latin1_free and _latin1(normal)) or guard.search(normal, start, stop) is None:
                automaton = lean_automaton
        for last, (length, entries) in automaton.iter(normal, start, stop):
            first = last - length + 1
            after = last + 1
            left_ok = first == 0 or not is_word(normal[first - 1])
            for payload, mode, wildcard, text in entries:
                if only is not None and (mode != only or " " not in text.strip()):
                    continue
                if mode == "zh":
                    yield Hit(first, after, payload, text)
                    continue
                if not left_ok:
                    continue
                right_is_word = after < len(normal) and is_word(normal[after])
                if mode == "en" and not wildcard and right_is_word:
                    continue
                span_end = after
                if right_is_word:  # a stem or a wildcard: evidence covers the whole word
                    while span_end < len(normal) and is_word(normal[span_end]):
                        span_end += 1
                yield Hit(first, span_end, payload, text)

    def _compound_hits(self, normal: str, start: int, stop: int) -> Iterator[Hit]:
        """Russian terms of several words found across a word inserted between them: a
        compound adjective (на границе in на таджикско-узбекской границе) or a second adjective
        agreeing with the term's own (совместные учения in совместные пограничные учения): the
        text is read once more without them, and only hits that span one are new."""
        cuts = [m.span() for m in _RU_COMPOUND.finditer(normal, start, stop)]
        cuts.extend(_agreeing_adjectives(normal, start, stop))
        if not cuts:
            return
        keep: list[tuple[int, int]] = []
        position = start
        for cut_start, cut_end in sorted(cuts):
            if cut_start < position:  # overlapping cuts: the first one wins
                continue
            keep.append((position, cut_start))
            position = cut_end
        keep.append((position, stop))
        offsets: list[int] = []
        parts: list[str] = []
        for a, b in keep:
            parts.append(normal[a:b])
            offsets.extend(range(a, b))
        short = "".join(parts)
        offsets.append(stop)
        for hit in self._scan(short, 0, len(short), only="ru"):
            first, end = offsets[hit.start], offsets[hit.end - 1] + 1
            if end - first != hit.end - hit.start:  # the hit spans a compound left out
                yield Hit(first, end, hit.payload, hit.term)

    def hits(self, normal: str, start: int = 0, end: int | None = None) -> list[Hit]:
        return list(self.iter_hits(normal, start, end))
