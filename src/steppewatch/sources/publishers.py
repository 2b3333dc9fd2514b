"""Whose voice a source carries: its side, decided from its publisher (and URL as a fallback).

The table is package data (``data/publishers.yaml``): each entry names a publisher or a family
of publishers, its side (an ISO 3166-1 alpha-2 code, or ``neither``) and the name variants and
URL domains that identify it. Decisions taken there (see the file's header):

- every mainland PRC outlet, and the Beijing-run Hong Kong press, is ``CN``;
- a Central Asian presidency, ministry, state agency, embassy or state news agency is that state;
  privately owned Central Asian media are ``neither``;
- other states' official voices get their own code (``RU``, ``BY``...): no side of a PRC -
  Central Asia pair, so readouts leave them out;
- RFE/RL, VOA, RFA, wire agencies, research, reference and multilateral bodies are ``neither``.

Publisher strings in the bundled dataset often name a carrier and the original voice together:
``Trend (Xinhua)``, ``24.kg (citing Kyrgyz presidential press service)``, ``Xinhua via People's
Daily (mirror)``, ``Kabar (via Super.kg)``. The side is the voice, not the carrier: a state named
in brackets or after "citing" wins over the outer name; a name after "via" is a carrier and is
ignored; otherwise the outer name decides. A publisher that names nothing in the table falls back
to the URL's domain, and only then is unknown (``lookup`` returns None, ``source_side`` None).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

import yaml

from steppewatch.errors import InputError

__all__ = [
    "NEITHER",
    "PublisherEntry",
    "PublisherMatch",
    "lookup",
    "publisher_table",
    "source_side",
    "is_official",
    "table_path",
    "OFFICIAL_KINDS",
]

NEITHER = "neither"
_SIDE = re.compile(r"^(?:[A-Z]{2}|neither)$")


@dataclass(frozen=True)
class PublisherEntry:
    name: str
    side: str  # ISO alpha-2 or "neither"
    kind: str
    names: tuple[str, ...]
    patterns: tuple[str, ...]
    domains: tuple[str, ...]


@dataclass(frozen=True)
class PublisherMatch:
    """How a source's side was decided: the entry, and from what (``publisher`` or ``url``)."""

    entry: PublisherEntry
    by: str
    matched: str

    @property
    def side(self) -> str | None:
        return None if self.entry.side == NEITHER else self.entry.side


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: a key of _lookup's cache
class _Table:
    entries: tuple[PublisherEntry, ...]
    regex: re.Pattern[str]  # one alternation; group ``a<i>`` <-> entries[owners[i]]
    owners: tuple[int, ...]
    domains: dict[str, int]


def _entry(raw: dict[str, Any], where: int) -> PublisherEntry:
    side = str(raw.get("side", ""))
    if not _SIDE.match(side):
        raise ValueError(f"publishers.yaml entry {where} ({raw.get('name')}): bad side {side!r}")
    return PublisherEntry(
        name=str(raw["name"]),
        side=side,
        kind=str(raw.get("kind", "other")),
        names=tuple(str(n) for n in raw.get("names") or ()),
        patterns=tuple(str(p) for p in raw.get("patterns") or ()),
        domains=tuple(str(d).lower() for d in raw.get("domains") or ()),
    )


def _normalise(text: str) -> str:
    return text.replace("\u2019", "'").replace("\u2018", "'").casefold()


BUNDLED = "publishers"


def table_path(name: str | None = None) -> str:
    """The file of a publisher table: a bundled table's name (``publishers``, the default) or a
    path to a YAML file of the same shape."""
    if not name or name == BUNDLED:
        return str(resources.files("steppewatch") / "data" / f"{BUNDLED}.yaml")
    return name


@lru_cache(maxsize=8)
def publisher_table(name: str | None = None) -> _Table:
    """The publisher table named by a study (``Study.publishers``); default: the bundled one."""
    path = table_path(name)
    try:
        with open(path, encoding="utf-8") as handle:
            raw = yaml.safe_load(handle)
    except OSError as error:
        raise InputError(
            f"publisher table not found or unreadable: {path} ({error.strerror})",
            hint="give the study's 'publishers' as a YAML file beside the study file",
            code="SW119",
        ) from None
    if not isinstance(raw, dict) or not isinstance(raw.get("publishers"), list):
        raise InputError(f"{path}: a publisher table needs a 'publishers' list", code="SW119")
    entries = tuple(_entry(item, i) for i, item in enumerate(raw["publishers"], 1))
    alternatives: list[tuple[str, int, bool]] = []  # (regex, entry, is a pattern)
    domains: dict[str, int] = {}
    for i, entry in enumerate(entries):
        for name in entry.names:
            alternatives.append((re.escape(_normalise(name)), i, False))
        for pattern in entry.patterns:
            alternatives.append((pattern, i, True))
        for domain in entry.domains:
            domains.setdefault(domain, i)
    # Python's alternation takes the first alternative that matches, not the longest: names
    # longest first ("people's daily online" before "people's daily"), then the patterns
    names = sorted((a for a in alternatives if not a[2]), key=lambda a: -len(a[0]))
    patterns = [a for a in alternatives if a[2]]
    alternatives = names + patterns
    # the "no word character before" test is the same for every alternative, so it is made
    # once, before the alternation: a position inside a word is then rejected at once instead
    # of by each of the hundreds of alternatives (the same matches, several times faster)
    regex = re.compile(
        "(?<![\\w])(?:"
        + "|".join(f"(?P<a{k}>{a})(?![\\w])" for k, (a, _, _) in enumerate(alternatives))
        + ")",
        re.IGNORECASE,
    )
    owners = tuple(i for _, i, _ in alternatives)
    return _Table(entries, regex, owners, domains)


_MARKER = re.compile(r"\(|\)|,|\bciting\b|\bvia\b", re.IGNORECASE)


def _zone(markers: list[tuple[int, str]], position: int) -> str:
    """``outer`` before any bracket/citing/via, ``via`` after a 'via', else ``inner``."""
    last = None
    for at, marker in markers:
        if at >= position:
            break
        last = marker
    if last is None:
        return "outer"
    return "via" if last == "via" else "inner"


def _from_publisher(table: _Table, publisher: str) -> PublisherMatch | None:
    text = _normalise(publisher)
    markers = [(m.start(), m.group(0).lower()) for m in _MARKER.finditer(text)]
    found: dict[str, list[tuple[PublisherEntry, str]]] = {"outer": [], "inner": []}
    for m in table.regex.finditer(text):
        entry = table.entries[table.owners[int((m.lastgroup or "a0")[1:])]]
        zone = _zone(markers, m.start())
        if zone in found:
            found[zone].append((entry, m.group(0)))

    def first(zone: str, *, state: bool) -> tuple[PublisherEntry, str] | None:
        for entry, matched in found[zone]:
            if (entry.side != NEITHER) == state:
                return entry, matched
        return None

    for zone, state in (("inner", True), ("outer", True), ("outer", False), ("inner", False)):
        hit = first(zone, state=state)
        if hit:
            return PublisherMatch(hit[0], "publisher", hit[1])
    return None


def _from_url(table: _Table, url: str) -> PublisherMatch | None:
    if "://" not in url or url.startswith("file:"):
        return None
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    parts = host.split(".")
    for i in range(len(parts)):
        suffix = ".".join(parts[i:])
        if suffix in table.domains:
            return PublisherMatch(table.entries[table.domains[suffix]], "url", suffix)
    return None


def lookup(
    publisher: str | None, url: str | None = None, table_name: str | None = None
) -> PublisherMatch | None:
    """The table entry deciding this source's side, or None when the table knows neither the
    publisher nor the URL's domain (an unknown, as opposed to an explicit ``neither``).
    ``table_name``: the study's publisher table (default: the bundled one)."""
    # None and "publishers" name the same bundled table: one cache entry, read once
    table = publisher_table(None if not table_name or table_name == BUNDLED else table_name)
    return _lookup(table, publisher, url)


# the same few hundred publishers are looked up for every source of a report or an export; a
# table read again (publisher_table.cache_clear()) is a new key, so no answer goes stale
@lru_cache(maxsize=65536)
def _lookup(table: _Table, publisher: str | None, url: str | None) -> PublisherMatch | None:
    if publisher and publisher.strip():
        match = _from_publisher(table, publisher)
        if match:
            return match
    if url:
        return _from_url(table, url.strip())
    return None


def source_side(
    publisher: str | None, url: str | None, table_name: str | None = None
) -> str | None:
    """ISO alpha-2 code of the state whose voice the source carries (``CN``, ``KZ``...), or
    None when it is independent, foreign, multilateral or unknown."""
    match = lookup(publisher, url, table_name)
    return match.side if match else None


#: Publisher kinds whose sources are official publications (a government or a multilateral body).
OFFICIAL_KINDS = frozenset({"government", "multilateral"})


def is_official(publisher: str | None, url: str | None, table_name: str | None = None) -> bool:
    """Does the table say the source is an official publication (``OFFICIAL_KINDS``)?"""
    match = lookup(publisher, url, table_name)
    return bool(match and match.entry.kind in OFFICIAL_KINDS)
