"""Multi-pattern matching of indicator terms (codebook) and names (gazetteer) in one pass.

All terms of all languages go into one Aho-Corasick automaton (``pyahocorasick``), built once
per term set and cached. Matching follows the codebook's ``matching`` text: on normalised text
(see ``normalise.py``; same offsets as the original), English terms match whole words and a
trailing ``*`` lets the last word take any ending; Russian terms are word beginnings (left word
boundary only); Chinese terms match anywhere. A term's rule is chosen by the language list it
comes from. Hits report the offsets of the whole word(s) matched, for evidence.
"""

from __future__ import annotations

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


def _is_word_char(char: str) -> bool:
    # letters and digits of alphabetic scripts; Han characters never glue to a Latin word
    return char.isalnum() and char < "\u2e80"


class Matcher:
    """Finds every term of a term list in a text. Immutable once built; safe to share."""

    def __init__(self, terms: Iterable[Term]):
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
        for key, entries in table.items():
            automaton.add_word(key, (len(key), tuple(entries)))
        if table:
            automaton.make_automaton()
        self._automaton = automaton
        self._empty = not table
        self.size = count

    def iter_hits(self, normal: str, start: int = 0, end: int | None = None) -> Iterator[Hit]:
        """Hits in ``normal`` (text already normalised) between ``start`` and ``end``."""
        if self._empty:
            return
        stop = len(normal) if end is None else end
        is_word = _is_word_char
        for last, (length, entries) in self._automaton.iter(normal, start, stop):
            first = last - length + 1
            after = last + 1
            left_ok = first == 0 or not is_word(normal[first - 1])
            for payload, mode, wildcard, text in entries:
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

    def hits(self, normal: str, start: int = 0, end: int | None = None) -> list[Hit]:
        return list(self.iter_hits(normal, start, end))
