"""The domain records: Study, Event, Source, Document, Actor.

Pydantic v2 models with ``extra="forbid"`` for everything stored, exported or served. Codes
(kinds, levels, frameworks, domains, topics) are checked against the codebook: the one passed in
the validation context (``Event.model_validate(data, context={"codebook": cb})``) or, failing that,
the default codebook shipped with the package.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from steppewatch.study_schema import (
    COUNTRY_CODES,
    Claim,
    Framework,
    ReferenceStudy,
    Region,
    check_country,
)

__all__ = [
    "ActorRef",
    "Actor",
    "Office",
    "Document",
    "Event",
    "Source",
    "Study",
    "Claim",
    "Framework",
    "Period",
    "ReviewStatus",
    "DatePrecision",
    "parse_partial_date",
    "partial_date_bounds",
    "date_precision",
    "local_document",
]

ReviewStatus = Literal["curated", "machine", "accepted", "edited", "rejected"]
DatePrecision = Literal["day", "month", "year"]
Verification = Literal["single_source", "multi_source", "official_source"]
SourceType = Literal["official", "news", "report", "analysis"]

_PARTIAL_DATE = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")
_EVENT_ID = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?-[a-z_]+-[a-z]{2}(?:-[a-z]{2})*-\d+$")
_COUNTRY_CODES = COUNTRY_CODES
_LANGUAGE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z]{2,4})?$")
_HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


def parse_partial_date(value: str) -> tuple[int, int | None, int | None]:
    """``"2019"``, ``"2019-06"`` or ``"2019-06-13"`` -> (year, month, day); ValueError if invalid."""
    match = _PARTIAL_DATE.match(value)
    if not match:
        raise ValueError(f"'{value}' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    if not 1900 <= year <= 2100:
        raise ValueError(f"year {year} is out of range 1900-2100")
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"month {month:02d} does not exist in '{value}'")
    if day is not None:
        assert month is not None
        try:
            dt.date(year, month, day)
        except ValueError:
            raise ValueError(f"day {day:02d} does not exist in '{value}'") from None
    return year, month, day


def date_precision(value: str) -> DatePrecision:
    _, month, day = parse_partial_date(value)
    return "day" if day else "month" if month else "year"


def partial_date_bounds(value: str) -> tuple[dt.date, dt.date]:
    """First and last day a partial date may stand for: ``"2019-07"`` -> (1 July, 31 July)."""
    year, month, day = parse_partial_date(value)
    if day is not None:
        assert month is not None
        return dt.date(year, month, day), dt.date(year, month, day)
    if month is not None:
        following = dt.date(year + (month == 12), month % 12 + 1, 1)
        return dt.date(year, month, 1), following - dt.timedelta(days=1)
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _codebook(info: ValidationInfo) -> Any:
    if info.context and info.context.get("codebook") is not None:
        return info.context["codebook"]
    from steppewatch.codebook import load_codebook

    return load_codebook()


_KNOWN_CODES: dict[tuple[int, str], tuple[Any, frozenset[str]]] = {}


def _known_codes(codebook: Any, scheme: str) -> frozenset[str]:
    key = (id(codebook), scheme)
    cached = _KNOWN_CODES.get(key)
    if cached is None or cached[0] is not codebook:
        cached = (codebook, frozenset(codebook.codes(scheme)))
        _KNOWN_CODES[key] = cached
    return cached[1]


def _check_codes(values: list[str], scheme: str, info: ValidationInfo) -> list[str]:
    known = _known_codes(_codebook(info), scheme)
    unknown = [v for v in values if v not in known]
    if unknown:
        raise ValueError(
            f"unknown {scheme} code(s) {', '.join(map(repr, unknown))}; "
            f"known: {', '.join(sorted(known))}"
        )
    return values


def _dedupe(values: list[str]) -> list[str]:
    seen: dict[str, None] = {}
    for value in values:
        seen.setdefault(value, None)
    return list(seen)


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Period(Record):
    label: str
    start: int
    end: int | None = None  # None: to the present

    def contains(self, year: int) -> bool:
        return self.start <= year and (self.end is None or year <= self.end)


class Study(Record):
    """What is studied: a focal state, its partner states (the region), the frameworks that
    matter, the gazetteer and publisher table, a period, a codebook, a dataset and the reference
    claims the report checks. Every part beyond the first few has a default, so a minimal study
    file (focal, partners, period, codebook) stays valid."""

    id: str = Field(pattern=r"^[a-z0-9_\-]+$")
    name: str
    description: str = ""
    focal_state: str
    partner_states: list[str] = Field(min_length=1)
    period_start: int
    period_end: int | None = None
    codebook_version: str
    dataset: str | None = Field(None, description="Bundled dataset folder name, or a path.")
    dataset_version: str | None = None
    periods: list[Period] = Field(default_factory=list)
    focal_names: dict[str, list[str]] = Field(
        default_factory=dict,
        description="Words naming the focal state per language (中国, 中方, China, Sino, Китай, "
        "КНР): a region's group name joined to one of them is the focal state's dialogue with "
        "the region; a border compound with one is the focal state's border. Empty: the "
        "gazetteer's names of the focal state.",
    )
    focal_pair_prefixes: dict[str, list[str]] = Field(
        default_factory=dict,
        description="Per language, the short form that opens a two-state abbreviation in the "
        "gazetteer (zh 中: 中哈 is China-Kazakhstan): such a name names the focal state too.",
    )
    focal_home_region: dict[str, list[str]] = Field(
        default_factory=dict,
        description="Per language, names of the focal state's own region bordering the partners "
        "(Xinjiang, 新疆, Синьцзян, the Western Theater): a build-up an item's lead places there, "
        "no partner taking part, is domestic capacity (codebook domestic_capacity). Empty: none.",
    )
    region: Region | None = None
    frameworks: list[Framework] = Field(default_factory=list)
    gazetteer: str | None = Field(
        None,
        description="Bundled gazetteer name or a folder with states.yaml, officials.yaml "
        "and institutions.yaml. Default: the bundled gazetteer.",
    )
    publishers: str | None = Field(
        None,
        description="The publisher table that decides which side a source speaks for and "
        "whether it is official: a bundled table's name or a YAML file (beside the study "
        "file or a path). Default: the bundled table (data/publishers.yaml).",
    )
    reference_studies: list[ReferenceStudy] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    colours: dict[str, str] = Field(
        default_factory=dict,
        description="Chart colour of each partner state (#rrggbb); a partner given none gets "
        "the next colour of the report's automatic palette.",
    )

    @field_validator("focal_state")
    @classmethod
    def _focal(cls, value: str) -> str:
        return check_country(value)

    @field_validator("colours")
    @classmethod
    def _colours(cls, value: dict[str, str]) -> dict[str, str]:
        bad = [f"{k}: {v}" for k, v in value.items() if not _HEX_COLOUR.match(str(v))]
        if bad:
            raise ValueError(f"colours are #rrggbb hex values (not {', '.join(bad)})")
        return {check_country(k): v for k, v in value.items()}

    @field_validator("partner_states")
    @classmethod
    def _partners(cls, values: list[str]) -> list[str]:
        bad = [v for v in values if v not in COUNTRY_CODES]
        if bad:
            raise ValueError(f"not ISO 3166 alpha-2 country codes: {', '.join(bad)}")
        if len(set(values)) != len(values):
            raise ValueError("a partner state is listed twice")
        return values

    @model_validator(mode="after")
    def _consistent(self) -> Study:
        problems = []
        if self.focal_state in self.partner_states:
            problems.append(f"focal state {self.focal_state} is also a partner state")
        ids = [f.id for f in self.frameworks]
        if len(set(ids)) != len(ids):
            problems.append("two frameworks have the same id")
        known = {r.id for r in self.reference_studies}
        for claim in self.claims:
            if claim.source not in known:
                problems.append(
                    f"claim '{claim.id}' names source '{claim.source}', not a reference study "
                    f"of this file (known: {', '.join(sorted(known)) or 'none'})"
                )
        strangers = [c for c in self.colours if c not in self.partner_states]
        if strangers:
            problems.append(
                f"colours given for states that are not partners: {', '.join(strangers)}"
            )
        claim_ids = [c.id for c in self.claims]
        if len(set(claim_ids)) != len(claim_ids):
            problems.append("two claims have the same id")
        if problems:
            raise ValueError("; ".join(problems))
        return self

    @property
    def partners(self) -> tuple[str, ...]:
        return tuple(self.partner_states)

    def frameworks_coded(self, code: str) -> list[Framework]:
        """The study's frameworks coded with the codebook framework ``code``."""
        return [f for f in self.frameworks if f.code == code]

    def period_of(self, year: int) -> str | None:
        for period in self.periods:
            if period.contains(year):
                return period.label
        return None


def local_document(url: str | None) -> str | None:
    """How to cite a source that has no web address, or None for one that has: a document
    ingested from a file with no sidecar index, canonical link or WARC target URI is stored as
    ``urn:sha256:<hash>`` (its archived copy); an older database may hold a ``file://`` path,
    which is never shown."""
    if not url:
        return None
    lowered = url.strip().lower()
    if lowered.startswith("urn:sha256:"):
        return f"local document (no public URL), sha256 {url.strip()[11:23]}"
    if lowered.startswith("file:"):
        return "local document (no public URL)"
    return None


class Source(Record):
    """One source of an event: where a claim about it was published."""

    url: str = Field(min_length=1)
    publisher: str | None = None
    language: str | None = None
    published: str | None = None
    source_type: SourceType | None = None
    attests: str | None = None
    document_id: str | None = Field(None, description="Archived document, when ingested.")

    @field_validator("url")
    @classmethod
    def _url(cls, value: str) -> str:
        value = value.strip()
        if not re.match(r"^(https?|ftp|file)://\S+$|^doi:\S+$|^urn:\S+$", value):
            raise ValueError(f"'{value[:80]}' is not a URL (http://, https://, doi: or urn:)")
        return value

    @field_validator("language")
    @classmethod
    def _language(cls, value: str | None) -> str | None:
        if value and not _LANGUAGE.match(value):
            raise ValueError(f"'{value}' is not an ISO 639 language code such as en, zh, ru")
        return value or None

    @field_validator("published")
    @classmethod
    def _published(cls, value: str | None) -> str | None:
        if value:
            parse_partial_date(value)
        return value or None


class ActorRef(Record):
    """An official or institution named in an event, with the office held at the time."""

    name: str = Field(min_length=1)
    office: str | None = None
    side: Literal["focal", "partner"]
    country: str | None = None
    actor_id: str | None = None

    def label(self) -> str:
        return f"{self.name} ({self.office})" if self.office else self.name


class Event(Record):
    """One meeting or activity, with its codes, its sources and how it was made."""

    id: str
    kind: str
    title: str = Field(min_length=1)
    date_start: str
    date_end: str | None = None
    countries: list[str] = Field(min_length=1)
    framework: str
    location: str | None = None
    actors: list[ActorRef] = Field(default_factory=list)
    level: str | None = None
    domains: list[str] = Field(default_factory=list)
    topics: list[str] = Field(default_factory=list)
    attributes: dict[str, Any] = Field(default_factory=dict)
    summary: str | None = None
    verification: Verification | None = None
    sources: list[Source] = Field(default_factory=list)
    review_status: ReviewStatus = "curated"
    codebook_version: str | None = None
    coder: str | None = Field(None, description="Coder name and version for machine events.")
    dataset_version: str | None = None

    @property
    def date_precision(self) -> DatePrecision:
        return date_precision(self.date_start)

    @property
    def year(self) -> int:
        return parse_partial_date(self.date_start)[0]

    @field_validator("id")
    @classmethod
    def _id(cls, value: str) -> str:
        if not _EVENT_ID.match(value):
            raise ValueError(
                f"'{value}' is not an event id of the form YYYY[-MM[-DD]]-<kind>-<countries>-<n>, "
                "e.g. 2002-10-10-bilateral_exercise-cn-kg-1"
            )
        return value

    @field_validator("date_start", "date_end")
    @classmethod
    def _date(cls, value: str | None) -> str | None:
        if value:
            parse_partial_date(value)
        return value or None

    @field_validator("countries")
    @classmethod
    def _countries(cls, values: list[str]) -> list[str]:
        bad = [v for v in values if v not in _COUNTRY_CODES]
        if bad:
            raise ValueError(f"not ISO 3166 alpha-2 country codes: {', '.join(map(repr, bad))}")
        return _dedupe(values)

    @field_validator("kind")
    @classmethod
    def _kind(cls, value: str, info: ValidationInfo) -> str:
        return _check_codes([value], "event_kind", info)[0]

    @field_validator("framework")
    @classmethod
    def _framework(cls, value: str, info: ValidationInfo) -> str:
        return _check_codes([value], "framework", info)[0]

    @field_validator("level")
    @classmethod
    def _level(cls, value: str | None, info: ValidationInfo) -> str | None:
        return _check_codes([value], "meeting_level", info)[0] if value else None

    @field_validator("domains")
    @classmethod
    def _domains(cls, values: list[str], info: ValidationInfo) -> list[str]:
        return _dedupe(_check_codes(values, "domain", info))

    @field_validator("topics")
    @classmethod
    def _topics(cls, values: list[str], info: ValidationInfo) -> list[str]:
        return _dedupe(_check_codes(values, "topic", info))

    @model_validator(mode="after")
    def _consistent(self) -> Event:
        # A partial end date ("2019-08") may end after a precise start ("2019-08-03").
        if self.date_end and (
            partial_date_bounds(self.date_end)[1] < partial_date_bounds(self.date_start)[0]
        ):
            raise ValueError(f"date_end {self.date_end} is before date_start {self.date_start}")
        if self.level and self.kind != "meeting":
            raise ValueError(
                f"level '{self.level}' is given but kind is '{self.kind}', not meeting"
            )
        return self


class Office(Record):
    title: str
    institution: str | None = None
    start: str | None = None
    end: str | None = None


class Actor(Record):
    """A person or institution, with names in several languages and offices over time."""

    id: str
    kind: Literal["person", "institution"]
    country: str | None = None
    names: dict[str, list[str]] = Field(description="Language code -> names, preferred first.")
    offices: list[Office] = Field(default_factory=list)


class Document(Record):
    """A source text as collected: where from, when, its bytes' hash and its extracted text."""

    id: str = Field(description="sha256 of the raw bytes (content address).")
    url: str | None = None
    source_path: str | None = None
    publisher: str | None = None
    language: str | None = None
    title: str | None = None
    published: str | None = None
    retrieved: str | None = None
    content_type: str | None = None
    encoding: str | None = None
    archive_path: str | None = None
    text: str | None = None
