"""The terms of a search box query: words, "quoted phrases" and prefixes (``Kyrgyz*``).

Every term must occur (AND). The SQLite indexes are trigram indexes, which match any substring,
case-insensitively: a word also matches inside longer words (``Kyrgyz`` finds ``Kyrgyzstan``), so
a prefix needs no operator of its own (the ``*`` is dropped), and a quoted phrase is one FTS5
string, matched as those characters in a row (``"Peace Mission"``). Before, quotes and ``*`` were
searched for as characters and every such query silently found nothing. Terms of fewer than
three characters cannot use a trigram index and are matched with LIKE.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_TERMS = 12
_TOKEN = re.compile(r'"([^"]*)"?|(\S+)')
SYNTAX_HELP = (
    "Every word must occur; a word also matches inside longer words (Kyrgyz finds Kyrgyzstan; "
    'Kyrgyz* means the same); "quoted words" must occur together, in that order.'
)


@dataclass(frozen=True)
class Term:
    text: str  # what must occur (case-insensitive substring)
    phrase: bool = False  # given in quotes (may hold spaces)
    prefix: bool = False  # given with a trailing *


def parse(q: str | None) -> list[Term]:
    """The terms of ``q`` (at most MAX_TERMS); quotes and ``*`` are syntax, never searched for."""
    terms: list[Term] = []
    for quoted, bare in _TOKEN.findall(q or ""):
        phrase = bool(quoted) or (not bare)
        raw = " ".join(quoted.split()) if phrase else bare.strip('"')
        prefix = raw.endswith("*")
        raw = raw.strip("*").strip()
        if raw:
            terms.append(Term(raw, phrase=phrase and " " in raw, prefix=prefix))
    return terms[:MAX_TERMS]


def long_terms(terms: list[Term]) -> list[Term]:
    """Terms a trigram index serves (3+ characters)."""
    return [t for t in terms if len(t.text) >= 3]


def short_terms(terms: list[Term]) -> list[str]:
    """Terms of 1-2 characters (LIKE only)."""
    return [t.text for t in terms if len(t.text) < 3]


def fts_query(terms: list[Term]) -> str | None:
    """The FTS5 (trigram) query of the long terms, each one quoted string, or None."""
    strings = ['"' + t.text.replace('"', '""') + '"' for t in long_terms(terms)]
    return " ".join(strings) or None


def pg_tsquery(terms: list[Term]) -> str | None:
    """A ``to_tsquery('simple', ...)`` text: every word as a prefix (Russian stems), a phrase's
    words joined with ``<->`` (next to each other). Only word characters reach it, so its syntax
    cannot be injected."""
    parts = []
    for term in terms:
        tokens = re.findall(r"\w+", term.text)
        if tokens:
            joined = " <-> ".join(f"{t}:*" for t in tokens)
            parts.append(f"({joined})" if len(tokens) > 1 else joined)
    return " & ".join(parts) or None


__all__ = ["SYNTAX_HELP", "Term", "fts_query", "long_terms", "parse", "pg_tsquery", "short_terms"]
