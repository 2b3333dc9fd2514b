"""Cheap language identification by script counts: zh, ru, en or other.

Counts Han, Cyrillic and Latin letters in a sample of the text. Latin-script text is English
when common English function words make up a fair share of its words; otherwise "other".
"""

from __future__ import annotations

import re

__all__ = ["detect_language"]

_WORD = re.compile(r"[a-z]+")
_EN_FUNCTION = frozenset(
    "the of and to in a is that for on with as by at from it be are was this has have will".split()
)
_SAMPLE = 3000


_HAN = re.compile("[\u4e00-\u9fff\u3400-\u4dbf]")
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_LATIN = re.compile("[A-Za-z]")


def detect_language(text: str) -> str:
    sample = text[:_SAMPLE] if len(text) <= 3 * _SAMPLE else text[len(text) // 3 :][:_SAMPLE]
    han = len(_HAN.findall(sample))
    cyr = len(_CYRILLIC.findall(sample))
    lat = len(_LATIN.findall(sample))
    # a Han character carries about as much as a two- or three-letter word
    if han and han * 3 >= max(cyr, lat) * 0.5:
        return "zh"
    if cyr and cyr >= lat:
        return "ru"
    if lat < 20:
        return "other"
    words = _WORD.findall(sample.lower())
    if not words:
        return "other"
    share = sum(1 for w in words if w in _EN_FUNCTION) / len(words)
    return "en" if share >= 0.08 else "other"
