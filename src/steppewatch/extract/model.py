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


# An item built from its place alone (``new_item``), for each segment of a document: filling a
# copy of a validated item's fields takes about a fifth fewer instructions than pydantic's
# validation of four keys and the defaults of the rest (callgrind: 16.7 k against 20.5 k an
# item; a press conference has dozens of items, a pass of the china_fm pages some 12,000). The
# same object as ``CodedItem(index=..., start=..., end=..., title=...)`` would give: the same
# fields and values in the same order, the same fields set, fresh empty lists.
_NEW_ITEM_KEYS = ("index", "start", "end", "title")
_ITEM_DEFAULTS = dict(
    CodedItem.__pydantic_validator__.validate_python(
        {"index": 0, "start": 0, "end": 0, "title": None}
    ).__dict__
)
_ITEM_FRESH = tuple((k, type(v)) for k, v in _ITEM_DEFAULTS.items() if type(v) in (list, dict, set))
# (only when every default is an immutable value or an empty list, dict or set: a default of
# another kind would be shared between items; then every item is validated)
_ITEM_COPYABLE = all(
    v is None or type(v) in (bool, int, float, str) or (type(v) in (list, dict, set) and not v)
    for v in _ITEM_DEFAULTS.values()
)
_new_object = object.__new__
_set_slot = object.__setattr__


def new_item(index: int, start: int, end: int, title: str | None) -> CodedItem:
    """``CodedItem(index=index, start=start, end=end, title=title)``, without validation for
    the values it would accept as they are (ints, ``start`` and ``end`` not negative, a str or
    None title); other values are validated (and refused) as by the model itself."""
    if not (
        _ITEM_COPYABLE
        and type(index) is int
        and type(start) is int
        and type(end) is int
        and start >= 0
        and end >= 0
        and (title is None or type(title) is str)
    ):
        validated: CodedItem = CodedItem.__pydantic_validator__.validate_python(
            {"index": index, "start": start, "end": end, "title": title}
        )
        return validated
    fields = _ITEM_DEFAULTS.copy()
    fields["index"] = index
    fields["start"] = start
    fields["end"] = end
    fields["title"] = title
    for key, kind in _ITEM_FRESH:
        fields[key] = kind()
    item: CodedItem = _new_object(CodedItem)
    _set_slot(item, "__dict__", fields)
    _set_slot(item, "__pydantic_fields_set__", set(_NEW_ITEM_KEYS))
    _set_slot(item, "__pydantic_extra__", None)
    _set_slot(item, "__pydantic_private__", None)
    return item


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
