"""Records a coder produces: one ``CodedDocument`` per document, with ``items`` when the
document holds several independent items (a press-conference transcript, a digest).

Every code carries ``Evidence``: character offsets into ``CodedDocument.text`` (the extracted
text) and the short span that supports it. These records are what ``steppewatch code`` prints
(one JSON object per line) and what ``ingest`` stores.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

DatePrecision = Literal["day", "month", "year"]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Evidence(_Record):
    field: str = Field(description="What the evidence supports: topic, kind, country, actor, ...")
    code: str = Field(description="The code or value supported, e.g. 'separatism', 'KG'.")
    start: int = Field(ge=0, description="Offset of the span's first character in the text.")
    end: int = Field(ge=0, description="Offset one past the span's last character.")
    text: str = Field(description="The supporting span itself (short).")
    basis: str | None = Field(
        default=None,
        description="How the code was found: named (the text names it), office (an official's "
        "office), institution, membership (implied by membership of a framework meeting), group "
        "(a region's group name), venue (host of an event in its capital), host (a host state "
        "where the focal state's security firms operate), second_event, "
        "one_partner (framework bilateral: one partner state takes part, no framework named), "
        "several_partners (framework other_multilateral: several partner states take part, "
        "no framework named), "
        "kind (framework unilateral from the event's kind: private security firms abroad; "
        "location: the focal state for its build-up at home, the text naming no venue), "
        "home_region (kind domestic_capacity: the lead places the act in the focal state's own "
        "border region and no partner takes part), "
        "dateline (location: the readout's dateline, the text naming no venue), "
        "title (actor: an official the gazetteer does not know, named after an office's title).",
    )
    mentions: int | None = Field(default=None, ge=0, description="Mentions of the code in scope.")
    confidence: float | None = Field(
        default=None,
        ge=0.0,
        le=1.0,
        description="Calibrated probability that the code is right (see extract/calibration.py).",
    )


class ActorMention(_Record):
    name: str = Field(description="Normalised English name from the gazetteer.")
    office: str | None = None
    country: str | None = Field(default=None, description="ISO alpha-2 of the actor's state.")


class CodedItem(_Record):
    """The codes of one item (or of a whole document with one item)."""

    index: int = 0
    start: int = Field(0, ge=0, description="Item's offset in the document text.")
    end: int = Field(0, ge=0)
    title: str | None = None
    relevant: bool = False
    relevance_score: float = 0.0
    kind: str | None = None
    event_kinds: list[str] = Field(
        default_factory=list,
        description="Kinds of every event the item reports, the main one (kind) first.",
    )
    countries: list[str] = Field(default_factory=list)
    event_date: str | None = None
    date_precision: DatePrecision | None = None
    location: str | None = Field(
        default=None,
        description="Where the event happened: a city's English name (Astana), or a state's "
        "ISO code when the text gives only the state or a province; null when it does not say.",
    )
    actors: list[ActorMention] = Field(default_factory=list)
    level: str | None = None
    framework: str | None = None
    topics: list[str] = Field(default_factory=list)
    domains: list[str] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)


class CoderInfo(_Record):
    name: str
    version: str


class DocumentError(_Record):
    code: str
    message: str


class CodedDocument(CodedItem):
    """A coded document. Top-level codes summarise the relevant items (unions, any-relevant)."""

    source: str
    url: str | None = None
    language: str | None = None
    published: str | None = None
    encoding: str | None = None
    text: str | None = Field(
        default=None, description="Extracted text (omitted from output by default)."
    )
    items: list[CodedItem] = Field(default_factory=list)
    codebook_version: str | None = None
    coder: CoderInfo | None = None
    error: DocumentError | None = None
    warnings: list[str] = Field(
        default_factory=list,
        description="Coded notes on how the text was read: a wrongly declared charset (SW440), "
        "a text cut mid-character (SW443), HTML the parser could not read whole (SW442).",
    )
