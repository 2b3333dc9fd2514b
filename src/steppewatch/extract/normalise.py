"""Normalise text for indicator matching without moving any character.

The codebook's matching rules: case-insensitive on NFKC text (letters and digits), Traditional Chinese folded to
Simplified, ё folded to е, the full-width plus to "+". Every step here maps one character to one character, so an offset in
the normalised text is the same offset in the original text and evidence spans need no mapping.
Characters whose NFKC or lower-case form is longer than one character are left as they are.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

__all__ = ["normalise_for_matching", "looks_traditional", "t2s_table"]

# Frequent characters that exist only in Traditional script: a text with several of them is
# Traditional and is folded to Simplified character by character.
_TRADITIONAL_MARKERS = re.compile(
    "[們這國會說與對為於個來後時經發關當過還進將兩聯邊開問題門長區總實現義無學軍]"
)


@lru_cache(maxsize=1)
def t2s_table() -> dict[int, str]:
    """Single-character Traditional -> Simplified map from OpenCC's TSCharacters dictionary."""
    table: dict[int, str] = {}
    try:
        path = resources.files("opencc") / "dictionary" / "TSCharacters.txt"
        lines = path.read_text(encoding="utf-8").splitlines()
    except (ModuleNotFoundError, FileNotFoundError):  # pragma: no cover - dependency present
        lines = []
    for line in lines:
        parts = line.split("\t")
        if len(parts) != 2:
            continue
        source, targets = parts
        target = targets.split(" ")[0]
        if len(source) == 1 and len(target) == 1 and source != target:
            table[ord(source)] = target
    return table


@lru_cache(maxsize=1)
def _t2s_chars() -> dict[str, str]:
    return {chr(k): v for k, v in t2s_table().items()}


def looks_traditional(text: str) -> bool:
    return len(set(_TRADITIONAL_MARKERS.findall(text, 0, 20000))) >= 3


@lru_cache(maxsize=1)
def _compat() -> dict[str, str]:
    """Letters and digits whose NFKC form is one other character (fullwidth Latin, compat
    ideographs, circled and Roman-numeral letters). Punctuation is left alone: it never takes
    part in a match and folding it would cost a pass over every Chinese text."""
    mapping: dict[str, str] = {}
    for point in range(0x80, 0x30000):
        if 0xD800 <= point < 0xE000:
            continue
        char = chr(point)
        normal = unicodedata.normalize("NFKC", char)
        if normal != char and len(normal) == 1 and (normal.isalnum() or char.isalnum()):
            mapping[char] = normal
    return mapping


def _char_class(chars: list[str]) -> str:
    """A regex character class of ``chars`` (BMP only: sre keeps it as one fast bitmap)."""
    points = sorted(ord(c) for c in chars if ord(c) < 0x10000)
    parts: list[str] = []
    start = prev = points[0]
    for point in points[1:] + [0x110000]:
        if point != prev + 1:
            parts.append(
                re.escape(chr(start)) + ("-" + re.escape(chr(prev)) if prev > start else "")
            )
            start = point
        prev = point
    return "[" + "".join(parts) + "]"


@lru_cache(maxsize=1)
def _compat_pattern() -> re.Pattern[str]:
    return re.compile(_char_class(list(_compat())))


@lru_cache(maxsize=1)
def _t2s_pattern() -> re.Pattern[str]:
    return re.compile(_char_class(list(_t2s_chars())))


def _fold(text: str, present: set[str], mapping: dict[str, str]) -> str:
    """Replace each character of ``present`` found in ``mapping``: a few C-speed passes, much
    faster than ``str.translate`` with a dict when few distinct characters change."""
    todo = present
    if not todo:
        return text
    if len(todo) > 150:
        return text.translate({ord(c): mapping[c] for c in todo})
    for char in todo:
        text = text.replace(char, mapping[char])
    return text


def _lower(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def normalise_for_matching(text: str, *, traditional: bool | None = None) -> str:
    """NFKC (letters and digits), Traditional->Simplified (when the text looks Traditional),
    lower case, ё->е, and the full-width plus as "+" (it joins the names of formats:
    中国＋中亚五国 is 中国+中亚五国). The result has exactly the length of ``text``."""
    if text.isascii():
        return text.lower()
    text = _fold(text, set(_compat_pattern().findall(text)), _compat())
    if traditional if traditional is not None else looks_traditional(text):
        text = _fold(text, set(_t2s_pattern().findall(text)), _t2s_chars())
    return _lower(text).replace("ё", "е").replace("Ё", "е").replace("＋", "+")
