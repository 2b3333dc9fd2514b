"""A tiny coder for ingest tests, registered under a test-only name (never in the package).

Each line ``@item kind=meeting countries=CN,KG date=2019-06-13 topics=terrorism actors=Xi Jinping``
in a document's text is one relevant item; the rest of the text is native-script prose.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from steppewatch.errors import ExtractionError
from steppewatch.extract.model import ActorMention, CodedDocument, CodedItem, CoderInfo
from steppewatch.extract.registry import register_coder

NAME = "test.fake.v0"


@dataclass(frozen=True)
class FakeExtracted:
    source: str
    text: str
    url: str | None = None
    title: str | None = None
    language: str | None = None
    published: str | None = None
    encoding: str | None = "utf-8"


def fake_extract(
    data: bytes, *, source: str, url: str | None = None, content_type: str | None = None
) -> FakeExtracted:
    if data.startswith(b"BROKEN"):
        raise ExtractionError(f"{source}: cannot read this test document", code="SW410")
    text = data.decode("utf-8")
    first = text.split("\n", 1)[0]
    language = (
        "zh"
        if any("\u4e00" <= c <= "\u9fff" for c in text)
        else "ru"
        if any("\u0400" <= c <= "\u04ff" for c in text)
        else "en"
    )
    return FakeExtracted(source=source, text=text, url=url, title=first[:80], language=language)


def _parse(line: str) -> dict[str, str]:
    fields: dict[str, str] = {}
    key = None
    for token in line.split()[1:]:
        if "=" in token:
            key, value = token.split("=", 1)
            fields[key] = value
        elif key:
            fields[key] += " " + token
    return fields


@register_coder(NAME)
class FakeCoder:
    name = NAME
    version = "0.1"

    def fit(self, examples: Iterable[Any]) -> FakeCoder:
        return self

    def code(self, document: Any) -> CodedDocument:
        items = []
        offset = 0
        for line in document.text.splitlines(keepends=True):
            if line.startswith("@item"):
                f = _parse(line)
                items.append(
                    CodedItem(
                        index=len(items),
                        start=offset,
                        end=offset + len(line),
                        title=document.title,
                        relevant=True,
                        relevance_score=1.0,
                        kind=f.get("kind"),
                        countries=[c for c in f.get("countries", "").split(",") if c],
                        event_date=f.get("date"),
                        date_precision={4: "year", 7: "month"}.get(len(f.get("date", "")), "day"),
                        level=f.get("level"),
                        framework=f.get("framework"),
                        topics=[t for t in f.get("topics", "").split(",") if t],
                        actors=[
                            ActorMention(name=a.strip())
                            for a in f.get("actors", "").split(";")
                            if a.strip()
                        ],
                    )
                )
            offset += len(line)
        return CodedDocument(
            source=document.source,
            url=document.url,
            language=document.language,
            relevant=bool(items),
            items=items,
            codebook_version="1.0.0",
            coder=CoderInfo(name=self.name, version=self.version),
        )
