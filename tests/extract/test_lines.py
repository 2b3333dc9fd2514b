"""LinePattern finds exactly what re finds for a ^-anchored MULTILINE pattern."""

from __future__ import annotations

import random
import re

import pytest

from steppewatch.extract import coder_background, coder_rules, segment
from steppewatch.extract.lines import LinePattern

PATTERNS = [
    segment._QUESTION,
    segment._OUTLET_QUESTION,
    segment._ANNOUNCEMENT,
    coder_background._NOTE_HEADER,
    coder_background._LINKS_INLINE,
    coder_background._LINKS_ONLY_INLINE,
    coder_rules._QUESTION,
    coder_rules._ANSWER,
    coder_rules._TURN,
    LinePattern(r"^\s+"),  # a match may run over several lines
    LinePattern(r"^a\s*b?$"),
]
PIECES = [
    "\n",
    " ",
    "\t",
    "问",
    "答",
    "：",
    ":",
    "Q",
    "A",
    "a",
    "b",
    "记者",
    "?",
    "Related",
    "news",
    "«",
    " | ",
    "Вопрос",
    "Читайте также",
    "X",
    "Read also",
    "应中方邀请",
    "Справка.",
    "【相关新闻】",
]


@pytest.mark.parametrize("line_pattern", PATTERNS, ids=lambda p: p.pattern.pattern[:20])
def test_same_matches_as_re(line_pattern: LinePattern) -> None:
    plain = line_pattern.pattern
    rng = random.Random(13)
    for _ in range(1500):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 25)))
        pos = rng.randint(-1, len(text) + 1)
        endpos = rng.choice([None, rng.randint(-1, len(text) + 1)])
        args: tuple[str, int] | tuple[str, int, int] = (
            (text, pos) if endpos is None else (text, pos, endpos)
        )
        want = plain.search(*args)
        got = line_pattern.search(*args)
        assert (want and (want.span(), want.groups())) == (got and (got.span(), got.groups()))
        assert [(m.span(), m.groups()) for m in plain.finditer(*args)] == [
            (m.span(), m.groups()) for m in line_pattern.finditer(*args)
        ]


@pytest.mark.parametrize("pattern", [r"a^b", r"^a|b", r"^\s*", r"(?i)^a", r"(?:^a)"])
def test_refuses_patterns_it_cannot_search_alike(pattern: str) -> None:
    with pytest.raises(ValueError):
        LinePattern(pattern)


def test_refuses_verbose() -> None:
    with pytest.raises(ValueError):
        LinePattern(r"^a  # a comment", re.VERBOSE)
