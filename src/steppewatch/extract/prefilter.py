"""Patterns that skip their regex scan where they cannot match.

Many rules search a window of text around each name (300 characters either side for an
observer, 120 before for "researchers from") with patterns of many alternatives, which ``re``
tries at every position of the window. ``Guarded`` wraps such a pattern with its *pieces*:
literal strings one of which every match of the pattern contains (for ``observer|наблюд|嘉宾``
the words themselves). Where none occurs in the span searched the pattern cannot match and
is not run; elsewhere it runs as before. The pieces are searched as one case-sensitive
alternation of plain literals, which ``re`` scans several times faster than the pattern's own
alternatives with their lookarounds and case folding. The answer is the same, so the pieces
must be necessary: each alternative of the pattern must contain one of them.

A case-insensitive pattern's pieces (lower case) are looked for in the lower-cased text, made
once per text (the last few texts are kept). That is the regex's own case-insensitive matching
exactly when lower-casing keeps every character one character and the text has none of the
letters ``re`` folds unlike ``str.lower`` (dotted and dotless i, long s, the old Cyrillic
letter forms U+1C80-U+1C88); a text with one is searched without the pieces.

For whoever writes a rule (speed target: 900 documents/s per core for extraction and coding):
``re`` skips at C speed only to where a pattern can start when it opens with a literal, a
character class without case folding, or an alternation of literals; a pattern that opens with
a lookbehind (``(?<![^\\W\\d_])``), ``\\b``, ``^`` or a case-insensitive letter is tried at every
position of the span. Such a pattern searched per name, per sentence or per passage is guarded
here, or moves its lookbehind after its first literal (``coder_background._YEAR``), or is
matched where a literal twin finds its start (``dates._search``, ``lines.LinePattern``). Whole
texts are read once per document only: the anchor scan and normalisation (about a fifth of the
coder's time), segmentation; a rule reads an item, its lead, or a window around a name, and
what several rules ask about one span (its sentence, another event) is remembered per text
(``coder_background._LastText``, ``coder_rules._occasion_at``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["Guarded", "Literals"]

# characters that re.IGNORECASE matches to a letter they do not lower-case to (checked by
# tests/extract/test_fast_paths.py over every code point)
FOLDED_UNLIKE_LOWER = "\u0130\u0131\u017f" + "".join(map(chr, range(0x1C80, 0x1C89)))

# the last texts read and their lower-cased forms, the latest first: the rules of an item ask
# about the document's text and its normalised form in turn, and a single entry was lower-cased
# anew at each switch (a long press conference, up to 14 times); a few entries, as each keeps its
# text alive (a tuple replaced whole: threads that code documents at once see one or the other)
_LAST: tuple[tuple[str, str | None], ...] = ()
LOWERED_KEPT = 4
# characters at least in a span of an ASCII text searched piece by piece (``Guarded.possible``)
ASCII_FIND_SPAN = 200


def _lowered(text: str) -> str | None:
    """``text.lower()`` when it folds like re.IGNORECASE, offset for offset; else None."""
    global _LAST
    last = _LAST
    for entry in last:
        if entry[0] is text:
            return entry[1]
    lowered: str | None = text.lower()
    if len(lowered or "") != len(text) or (
        not text.isascii() and any(c in text for c in FOLDED_UNLIKE_LOWER)
    ):
        lowered = None
    _LAST = ((text, lowered), *last[: LOWERED_KEPT - 1])
    return lowered


class Guarded:
    """A compiled pattern and its necessary pieces (see the module docstring). Whoever adds an
    alternative to a guarded pattern adds its piece too: the tests only try texts made of the
    pieces and cannot see an alternative that lacks one."""

    def __init__(self, pattern: re.Pattern[str], *pieces: str) -> None:
        if not pieces:
            raise ValueError("a guarded pattern needs at least one piece")
        self.pattern = pattern
        self._fold = bool(pattern.flags & re.IGNORECASE)
        if self._fold and any(p != p.lower() for p in pieces):
            raise ValueError("the pieces of a case-insensitive pattern are written in lower case")
        self.pieces = pieces
        # the pieces as one plain alternation of literals, searched in the lower-cased text (or
        # the text itself): faster than a str.find per piece
        self._pieces = re.compile("|".join(re.escape(piece) for piece in pieces))
        # the pieces an ASCII text can hold, for the wide spans of an ASCII text: a str.find
        # each (a memchr) instead of the alternation, which re scans by testing every character
        # against the set of the pieces' first characters
        self._ascii_pieces = tuple(piece for piece in pieces if piece.isascii())

    def possible(self, text: str, pos: int = 0, endpos: int | None = None) -> bool:
        """Whether one of the pieces occurs inside ``text[pos:endpos]`` (True when the text
        cannot be checked)."""
        # (asked some 15,000 times a pass over the china_fm pages: comparisons, not min/max)
        size = len(text)
        lo = pos if pos > 0 else 0
        if lo > size:
            lo = size
        hi = size if endpos is None or endpos > size else (endpos if endpos > 0 else 0)
        if hi <= lo:
            return True  # let the pattern itself answer an empty span
        if self._fold:
            last = _LAST
            # (the text read last: the cache's first entry, without the call)
            haystack = last[0][1] if last and last[0][0] is text else _lowered(text)
            if haystack is None:
                return True
        else:
            haystack = text
        if hi - lo >= ASCII_FIND_SPAN and haystack.isascii():
            # (the same answer: a piece occurs inside the span; one that is not ASCII cannot)
            for piece in self._ascii_pieces:
                if haystack.find(piece, lo, hi) >= 0:
                    return True
            return False
        return self._pieces.search(haystack, lo, hi) is not None

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        if not self.possible(text, pos, endpos):
            return None
        if endpos is None:
            return self.pattern.search(text, pos)
        return self.pattern.search(text, pos, endpos)

    def finditer(
        self, text: str, pos: int = 0, endpos: int | None = None
    ) -> Iterator[re.Match[str]]:
        if not self.possible(text, pos, endpos):
            return iter(())
        if endpos is None:
            return self.pattern.finditer(text, pos)
        return self.pattern.finditer(text, pos, endpos)


_META = frozenset(".^$*+?{}[]\\|()")


class Literals:
    """A case-insensitive alternation of plain words (``双方|both sides|стороны``) found in the
    lower-cased text by the same alternation without case folding, which ``re`` scans several
    times faster; each match found is matched again by the pattern itself at its start, so the
    matches are the pattern's own (the same words, in the same order, at the same places: see
    the module docstring for when lower-casing folds like the pattern)."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        words = pattern.pattern.split("|")
        if not pattern.flags & re.IGNORECASE or any(_META & set(w) or not w for w in words):
            raise ValueError(f"not a case-insensitive alternation of words: {pattern.pattern!r}")
        self.pattern = pattern
        self._lower = re.compile("|".join(re.escape(w.lower()) for w in words))

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        end = len(text) if endpos is None else endpos
        lowered = _lowered(text)
        if lowered is None:
            return self.pattern.search(text, pos, end)
        found = self._lower.search(lowered, pos, end)
        return self.pattern.match(text, found.start(), end) if found is not None else None

    def finditer(
        self, text: str, pos: int = 0, endpos: int | None = None
    ) -> Iterator[re.Match[str]]:
        end = len(text) if endpos is None else endpos
        lowered = _lowered(text)
        if lowered is None:
            yield from self.pattern.finditer(text, pos, end)
            return
        for found in self._lower.finditer(lowered, pos, end):
            match = self.pattern.match(text, found.start(), end)
            if match is not None:  # always
                yield match
