"""Patterns anchored at the start of a line, searched from line starts only.

``re`` has no fast path for a pattern that opens with ``^`` in MULTILINE mode: it tries the
whole pattern at every character of the text and fails on the anchor each time (a third of the
segmentation of a press conference went there). ``LinePattern`` finds the candidate lines with
a twin pattern that opens with a literal newline (``\\n(?=...)``, which ``re`` scans for at C
speed) and then matches the pattern itself there, so its matches are exactly those of the
pattern's own ``search`` and ``finditer``, the same ``re.Match`` objects with the same groups.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator
from typing import Any

__all__ = ["LinePattern"]


class LinePattern:
    """A compiled ``^...`` pattern (MULTILINE) searched from line starts only."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        flags |= re.MULTILINE
        if not _anchored(pattern, flags):
            raise ValueError(
                f"not anchored at a line start as a whole, or may match empty: {pattern!r}"
            )
        self.pattern = re.compile(pattern, flags)
        # the same pattern after the newline that ends the line before (the "^" dropped: a
        # line start follows a newline)
        self._after_newline = re.compile(r"\n(?=(?:" + pattern[1:] + "))", flags)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        """As ``re.Pattern.search``."""
        end = len(text) if endpos is None else min(endpos, len(text))
        if pos <= 0 or (pos <= end and text[pos - 1] == "\n"):
            match = self.pattern.match(text, max(pos, 0), end)
            if match is not None:
                return match
        found = self._after_newline.search(text, max(pos, 0), end)
        return self.pattern.match(text, found.start() + 1, end) if found is not None else None

    def finditer(
        self, text: str, pos: int = 0, endpos: int | None = None
    ) -> Iterator[re.Match[str]]:
        """As ``re.Pattern.finditer``."""
        end = len(text) if endpos is None else min(endpos, len(text))
        pos = max(pos, 0)
        allowed = pos  # where the next match may start: not inside the one before
        if pos == 0 or (pos <= end and text[pos - 1] == "\n"):
            match = self.pattern.match(text, pos, end)
            if match is not None:
                yield match
                allowed = match.end()
        for found in self._after_newline.finditer(text, pos, end):
            line = found.start() + 1
            if line < allowed:
                continue
            match = self.pattern.match(text, line, end)
            if match is not None:  # always: the twin found it there
                yield match
                allowed = match.end()


def _anchored(pattern: str, flags: int) -> bool:
    """The pattern opens with ``^`` that applies to all of it (no ``^a|b``), and every match
    takes at least one character (so that matches never start inside the one before)."""
    if not pattern.startswith("^") or flags & re.VERBOSE:
        return False
    parser: Any = importlib.import_module("re._parser")
    constants: Any = importlib.import_module("re._constants")
    parsed = parser.parse(pattern, flags)
    return (
        bool(parsed.data)
        and parsed.data[0] == (constants.AT, constants.AT_BEGINNING)
        and parsed.getwidth()[0] > 0
    )
