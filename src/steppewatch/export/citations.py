"""Citations of events and sources: BibTeX, RIS and CSL-JSON.

An event is cited as a record of the dataset (author: the dataset's compilers; container: the
dataset with its version; URL: the event's page; accessed: the access date). A source is cited as
what it is: a web page of its publisher. Every text field is escaped for its format: BibTeX
specials (``{ } % & $ # _ ^ ~ \\``) become LaTeX commands, so a title can never close a brace
or start a comment; RIS fields are one line each; CSL-JSON is JSON. Non-Latin text (Chinese,
Russian) is kept as it is (UTF-8; biblatex and every RIS/CSL reader take it).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from steppewatch.models import Event, Source, parse_partial_date

DATASET_AUTHOR = "steppewatch contributors"
_BIB_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "%": r"\%",
    "&": r"\&",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "^": r"\textasciicircum{}",
    "~": r"\textasciitilde{}",
}
_BIB_RE = re.compile("[" + re.escape("".join(_BIB_SPECIAL)) + "]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]+")


@dataclass(frozen=True)
class CiteContext:
    """What a citation of an event needs beyond the event: the dataset and where it is read."""

    dataset_title: str
    dataset_version: str | None
    accessed: dt.date
    base_url: str = ""
    author: str = DATASET_AUTHOR

    def event_url(self, event: Event) -> str:
        from urllib.parse import quote

        return f"{self.base_url.rstrip('/')}/events/{quote(event.id, safe='')}"


def one_line(text: str | None) -> str:
    return _CONTROL.sub(" ", text or "").strip()


def bib_escape(text: str | None) -> str:
    return _BIB_RE.sub(lambda m: _BIB_SPECIAL[m.group(0)], one_line(text))


def bib_url(url: str | None) -> str:
    """A URL for BibTeX's verbatim ``url`` field: kept as it is (``_ % # &`` included, which
    LaTeX escaping would corrupt) except braces, backslashes and spaces, percent-encoded so the
    field cannot be closed early."""
    text = one_line(url)
    for char, code in (("\\", "%5C"), ("{", "%7B"), ("}", "%7D"), (" ", "%20")):
        text = text.replace(char, code)
    return text


def bib_key(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9:_\-]", "_", text)[:120] or "entry"


def _bib_entry(kind: str, key: str, fields: list[tuple[str, str | None]]) -> str:
    lines = [f"@{kind}{{{bib_key(key)},"]
    for name, value in fields:
        if value:
            lines.append(f"  {name} = {{{value}}},")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _date_parts(value: str | None) -> list[int]:
    if not value:
        return []
    try:
        year, month, day = parse_partial_date(value)
    except ValueError:
        return []
    return [p for p in (year, month, day) if p is not None]


def event_bibtex(event: Event, ctx: CiteContext) -> str:
    version = f", version {ctx.dataset_version}" if ctx.dataset_version else ""
    return _bib_entry(
        "misc",
        f"steppewatch:{event.id}",
        [
            ("author", "{" + bib_escape(ctx.author) + "}"),
            ("title", bib_escape(event.title)),
            ("howpublished", bib_escape(f"{ctx.dataset_title}{version}")),
            ("date", event.date_start),
            ("version", bib_escape(ctx.dataset_version)),
            ("url", bib_url(ctx.event_url(event))),
            ("urldate", ctx.accessed.isoformat()),
            ("note", bib_escape(f"Event record {event.id}")),
        ],
    )


def event_ris(event: Event, ctx: CiteContext) -> str:
    lines = [
        ("TY", "DATA"),
        ("AU", ctx.author),
        ("TI", event.title),
        ("T2", ctx.dataset_title),
        ("ET", ctx.dataset_version or ""),
        ("DA", "/".join(f"{p:02d}" for p in _date_parts(event.date_start))),
        ("PY", str(event.year)),
        ("UR", ctx.event_url(event)),
        ("Y2", ctx.accessed.strftime("%Y/%m/%d")),
        ("ID", event.id),
        ("N1", f"Event record {event.id}"),
    ]
    body = "".join(f"{tag}  - {one_line(value)}\r\n" for tag, value in lines if one_line(value))
    return body + "ER  - \r\n"


def event_csl(event: Event, ctx: CiteContext) -> dict[str, Any]:
    return {
        "id": event.id,
        "type": "dataset",
        "title": event.title,
        "author": [{"literal": ctx.author}],
        "container-title": ctx.dataset_title,
        **({"version": ctx.dataset_version} if ctx.dataset_version else {}),
        "issued": {"date-parts": [_date_parts(event.date_start)]},
        "accessed": {"date-parts": [[ctx.accessed.year, ctx.accessed.month, ctx.accessed.day]]},
        "URL": ctx.event_url(event),
        "note": f"Event record {event.id}",
    }


def event_csl_json(event: Event, ctx: CiteContext) -> str:
    return json.dumps([event_csl(event, ctx)], ensure_ascii=False, indent=2) + "\n"


def event_citation_text(event: Event, ctx: CiteContext) -> str:
    """A plain-text reference: Author. "Title." Dataset, version. URL (accessed DATE)."""
    version = f", version {ctx.dataset_version}" if ctx.dataset_version else ""
    return (
        f'{ctx.author}. "{one_line(event.title)}" ({event.date_start}). '
        f"{ctx.dataset_title}{version}. {ctx.event_url(event)} (accessed {ctx.accessed.isoformat()})."
    )


def source_bibtex(source: Source, event: Event, position: int) -> str:
    year_month = _date_parts(source.published)
    publisher = source.publisher or ""
    return _bib_entry(
        "online",
        f"{event.id}:{position}",
        [
            ("author", "{" + bib_escape(publisher) + "}" if publisher else None),
            ("title", bib_escape(one_line(source.attests)[:200] or f"Source for {event.title}")),
            ("organization", bib_escape(publisher)),
            ("date", source.published if year_month else None),
            ("url", bib_url(source.url)),
            ("langid", bib_escape(source.language)),
            ("note", bib_escape(f"Source of event {event.id}: {event.title}")),
        ],
    )


class SourceBib:
    """``sources.bib``: one BibTeX entry per source of every exported event."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._file: IO[str] = path.open("w", encoding="utf-8", newline="\n")

    def write(self, events: Iterable[Event]) -> None:
        for event in events:
            for i, source in enumerate(event.sources):
                self._file.write(source_bibtex(source, event, i) + "\n")

    def close(self) -> None:
        self._file.close()


__all__ = [
    "CiteContext",
    "SourceBib",
    "bib_escape",
    "bib_url",
    "event_bibtex",
    "event_citation_text",
    "event_csl",
    "event_csl_json",
    "event_ris",
    "source_bibtex",
]
