"""The parts of a study file beyond its focal and partner states: the region's names, the
multilateral frameworks with their membership over time, the publisher table, the reference
studies and their claims (see ``models.Study``, which holds them).

Everything here is data a researcher writes for a new dyad; the coder, the linker and evaluate
read it from the study (``steppewatch.study.load_study``) instead of from code.
"""

from __future__ import annotations

import re
from typing import Any

import pycountry
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

__all__ = [
    "CLAIM_METRICS",
    "METRIC_PARAMS",
    "COUNTRY_CODES",
    "Claim",
    "ClaimRule",
    "ReferenceCount",
    "ClaimWindow",
    "Framework",
    "Membership",
    "ReferenceStudy",
    "Region",
    "check_country",
]

# ISO 3166-1 alpha-2, Kosovo's XK, and the user-assigned QM-QZ (ISO keeps them free for local
# use: a made-up state in an exercise or a test study)
COUNTRY_CODES = (
    frozenset(c.alpha_2 for c in pycountry.countries)
    | {"XK"}
    | {f"Q{letter}" for letter in "MNOPQRSTUVWXYZ"}
)
_PARTIAL_DATE = re.compile(r"^[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?$")
_ID = re.compile(r"^[a-z0-9_\-]+$")
_LANGUAGE = re.compile(r"^[a-z]{2,3}$")

#: The rules a claim can name (the report implements them; a study may use any of them).
#: ``top_concern_share``: in the window, a topic is the most frequent concern of meetings and is
#: coded in at least ``threshold`` of them; ``new_concern``: topics coded in at most
#: ``threshold`` of meetings before ``split_year`` and in a larger share from it;
#: ``framework_dialogue``: meetings of a framework span ``min_levels`` levels in at least
#: ``threshold`` of the years; ``framework_exercise_yearly``: an exercise of a framework every
#: year; ``framework_mechanisms``: at least ``threshold`` mechanisms of a framework whose title
#: matches ``title_pattern``; ``bilateral_activities`` / ``bilateral_meetings``: bilateral
#: outnumber multilateral (activities: of more kinds too); ``top_partners``: the named partners
#: lead the engagement index; ``focal_capacity_trend``: more focal domestic-capacity events in
#: the window's second half.
CLAIM_METRICS = frozenset({
    "top_concern_share", "new_concern", "framework_dialogue", "framework_exercise_yearly",
    "framework_mechanisms", "bilateral_activities", "bilateral_meetings", "top_partners",
    "focal_capacity_trend",
})  # fmt: skip


#: The parameters each metric cannot do without (others have defaults: see
#: ``analysis.findings``).
METRIC_PARAMS: dict[str, tuple[str, ...]] = {
    "top_concern_share": ("topic",),
    "new_concern": ("topics", "split_year"),
    "framework_dialogue": ("framework",),
    "framework_exercise_yearly": ("framework",),
    "framework_mechanisms": ("framework", "title_pattern"),
    "top_partners": ("countries",),
}


def check_country(value: str) -> str:
    if value not in COUNTRY_CODES:
        raise ValueError(f"'{value}' is not an ISO 3166 alpha-2 country code")
    return value


def _check_date(value: str | None) -> str | None:
    if value is None:
        return None
    value = str(value)
    if not _PARTIAL_DATE.match(value):
        raise ValueError(f"'{value}' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
    return value


def _check_names(value: dict[str, list[str]]) -> dict[str, list[str]]:
    bad = [lang for lang in value if not _LANGUAGE.match(lang)]
    if bad:
        raise ValueError(f"not ISO 639 language codes: {', '.join(map(repr, bad))}")
    empty = [lang for lang, names in value.items() if any(not n.strip() for n in names)]
    if empty:
        raise ValueError(f"empty name in language(s) {', '.join(empty)}")
    return value


class _Part(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Region(_Part):
    """The region the partner states make up, as texts name it.

    ``names`` name the region itself (中亚, Central Asia); ``group_names`` name its states at
    once (中亚国家, "Central Asian states"): a mention of one names every partner state."""

    name: str
    names: dict[str, list[str]] = Field(default_factory=dict)
    group_names: dict[str, list[str]] = Field(default_factory=dict)

    @field_validator("names", "group_names")
    @classmethod
    def _names_ok(cls, value: Any) -> Any:
        return _check_names(value)


class Membership(_Part):
    """A state's membership of a framework from ``from`` to ``to`` (null: still a member)."""

    state: str
    start: str = Field(alias="from")
    end: str | None = Field(None, alias="to")

    @field_validator("state")
    @classmethod
    def _state_ok(cls, value: Any) -> Any:
        return check_country(value)

    @field_validator("start", "end", mode="before")
    @classmethod
    def _dates_ok(cls, value: Any) -> Any:
        return _check_date(value)

    @model_validator(mode="after")
    def _order(self) -> Membership:
        if self.end is not None and self.end < self.start:
            raise ValueError(f"membership of {self.state} ends ({self.end}) before it starts")
        return self

    def holds_on(self, day: str) -> bool:
        """``day`` (ISO, as precise as known) within the membership, compared on the common
        precision: a membership ``to: 2012`` covers every day of 2012."""
        return _not_before(day, self.start) and (self.end is None or _not_before(self.end, day))


class Framework(_Part):
    """A multilateral framework that matters for the study.

    ``code``: the codebook framework code events in it are coded with (SCO, CICA, C5+China,
    other_multilateral). ``anchor_weight``: how much naming it makes a passage the study's
    business (0: not at all; a regional framework of the partners: 1). ``implied_members``: a
    meeting of its bodies involves every member at the item's date, named or not."""

    id: str
    name: str
    code: str
    start: str | None = Field(None, alias="from")
    end: str | None = Field(None, alias="to")
    anchor_weight: float = Field(0.0, ge=0.0, le=1.0)
    implied_members: bool = False
    members: list[Membership] = Field(default_factory=list)

    @field_validator("id")
    @classmethod
    def _id_ok(cls, value: Any) -> Any:
        return _check_id(value)

    @field_validator("start", "end", mode="before")
    @classmethod
    def _dates_ok(cls, value: Any) -> Any:
        return _check_date(value)

    @model_validator(mode="after")
    def _memberships(self) -> Framework:
        # runs once every member is valid (a bad state code is reported first)
        problems = []
        by_state: dict[str, list[Membership]] = {}
        for membership in self.members:
            by_state.setdefault(membership.state, []).append(membership)
        for state, spans in by_state.items():
            spans = sorted(spans, key=lambda m: m.start)
            for before, after in zip(spans, spans[1:], strict=False):
                if before.end is None or _not_before(before.end, after.start):
                    problems.append(
                        f"memberships of {state} overlap ({before.start} to "
                        f"{before.end or 'now'} and {after.start} to {after.end or 'now'})"
                    )
        if self.end is not None and self.start is not None and self.end < self.start:
            problems.append(f"framework ends ({self.end}) before it starts ({self.start})")
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def active_on(self, day: str) -> bool:
        return (self.start is None or _not_before(day, self.start)) and (
            self.end is None or _not_before(self.end, day)
        )

    def members_on(self, day: str | None, partners: tuple[str, ...] = ()) -> list[str]:
        """Member states on ``day``; with no day, the ``partners`` that were ever members (the
        date cannot place anyone else)."""
        if day is None:
            ever = {m.state for m in self.members}
            return [p for p in partners if p in ever]
        if not self.active_on(day):
            return []
        return list(dict.fromkeys(m.state for m in self.members if m.holds_on(day)))


class ReferenceCount(_Part):
    """How many meetings a reference study counted over which years: the report's data section
    sets the data's own count beside it (what is counted is said in ``counted``)."""

    start: int = Field(ge=1900, le=2100)
    end: int = Field(ge=1900, le=2100)
    meetings: int = Field(ge=1)
    counted: str = Field(
        "records of meetings",
        min_length=1,
        description="What the study counted, as the report's sentence names it.",
    )

    @model_validator(mode="after")
    def _order(self) -> ReferenceCount:
        if self.end < self.start:
            raise ValueError(f"coverage {self.start}-{self.end} ends before it starts")
        return self


class ReferenceStudy(_Part):
    """A published study whose claims the report checks against the data."""

    id: str
    title: str
    author: str | None = None
    year: int | None = None
    url: str | None = None
    coverage: ReferenceCount | None = None
    #: The years the study covered, as the report names them ("1993–2020").
    covers: str | None = None

    @field_validator("id")
    @classmethod
    def _id_ok(cls, value: Any) -> Any:
        return _check_id(value)


class ClaimWindow(_Part):
    start: int = Field(ge=1900, le=2100)
    end: int = Field(ge=1900, le=2100)

    @model_validator(mode="after")
    def _order(self) -> ClaimWindow:
        if self.end < self.start:
            raise ValueError(f"window {self.start}-{self.end} ends before it starts")
        return self

    @property
    def label(self) -> str:
        return f"{self.start}-{self.end}"


class ClaimRule(_Part):
    """How the report checks a claim: a metric (``CLAIM_METRICS``), the windows it looks at,
    its threshold and the parameters the metric takes (topics, framework, countries, ...)."""

    metric: str
    windows: list[ClaimWindow] = Field(min_length=1)
    threshold: float | None = None
    min_events: int = Field(0, ge=0)
    params: dict[str, Any] = Field(default_factory=dict)
    text: str = Field(
        "",
        description="The rule in words, as the report prints it; {window}, {start}, {end} and "
        "{midpoint} are filled in with the window used (the claim's, clipped to the data).",
    )

    @field_validator("metric")
    @classmethod
    def _metric(cls, value: str) -> str:
        if value not in CLAIM_METRICS:
            raise ValueError(f"unknown metric '{value}'; known: {', '.join(sorted(CLAIM_METRICS))}")
        return value

    @model_validator(mode="after")
    def _params(self) -> ClaimRule:
        missing = [p for p in METRIC_PARAMS.get(self.metric, ()) if p not in self.params]
        if missing:
            raise ValueError(
                f"metric '{self.metric}' needs params {', '.join(missing)} (params: "
                f"{', '.join(METRIC_PARAMS[self.metric])})"
            )
        pattern = self.params.get("title_pattern")
        if pattern is not None:
            try:
                re.compile(str(pattern))
            except re.error as error:
                raise ValueError(
                    f"params.title_pattern is not a regular expression: {error}"
                ) from None
        return self


class Claim(_Part):
    """One reference claim: its text, the study that made it and the rule that checks it."""

    id: str
    text: str = Field(min_length=1)
    source: str = Field(description="The id of a reference study of this file.")
    rule: ClaimRule

    @field_validator("id")
    @classmethod
    def _id_ok(cls, value: Any) -> Any:
        return _check_id(value)


def _not_before(later: str, earlier: str) -> bool:
    """``later`` is on or after ``earlier``, compared on their common precision."""
    n = min(len(later), len(earlier))
    return later[:n] >= earlier[:n]


def _check_id(value: str) -> str:
    if not _ID.match(value):
        raise ValueError(f"'{value}' is not an id (lower case letters, digits, _ and -)")
    return value
