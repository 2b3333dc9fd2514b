"""The codebook's own schema: Pydantic models from which its JSON Schema is generated.

The codebook is data (``data/codebook/v<N>.yaml``); this module only says what a valid
codebook looks like. Cross-field rules that JSON Schema cannot express (unique codes, one label
per required language, retired codes that name an existing replacement) live in ``check.py``.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

LANGUAGES = ("en", "zh", "ru")
SCHEME_NAMES = ("event_kind", "meeting_level", "framework", "domain", "topic")
CODE_PATTERN = r"^[A-Za-z][A-Za-z0-9_+]*$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Labels(_Strict):
    en: str = Field(min_length=1)
    zh: str = Field(min_length=1)
    ru: str = Field(min_length=1)


class Indicators(_Strict):
    """Indicator terms per language. See ``matching`` in the codebook for how they match."""

    en: list[str] = Field(default_factory=list)
    zh: list[str] = Field(default_factory=list)
    ru: list[str] = Field(default_factory=list)


class Code(_Strict):
    code: str = Field(pattern=CODE_PATTERN, description="Stable identifier, never reused.")
    label: Labels
    definition: str = Field(min_length=10)
    include: list[str] = Field(default_factory=list, description="Inclusion notes.")
    exclude: list[str] = Field(default_factory=list, description="Exclusion notes.")
    indicators: Indicators = Field(default_factory=Indicators)
    added_in: str = Field(pattern=r"^\d+\.\d+\.\d+$")
    retired_in: str | None = Field(default=None, pattern=r"^\d+\.\d+\.\d+$")
    replaced_by: str | None = None


class Scheme(_Strict):
    label: Labels
    description: str
    multiple: bool = Field(description="Whether one record can carry several codes of it.")
    codes: list[Code] = Field(min_length=1)


class Schemes(_Strict):
    event_kind: Scheme
    meeting_level: Scheme
    framework: Scheme
    domain: Scheme
    topic: Scheme


class Codebook(_Strict):
    codebook: str = Field(description="Name of the codebook.")
    version: str = Field(pattern=r"^\d+\.\d+\.\d+$")
    title: str
    description: str
    matching: str = Field(description="How indicator terms are matched against text.")
    schemes: Schemes

    def scheme(self, name: str) -> Scheme:
        return getattr(self.schemes, name)  # type: ignore[no-any-return]

    def codes(self, scheme: str, *, active_only: bool = True) -> list[str]:
        return [c.code for c in self.scheme(scheme).codes if not (active_only and c.retired_in)]

    def code(self, scheme: str, code: str) -> Code:
        for c in self.scheme(scheme).codes:
            if c.code == code:
                return c
        raise KeyError(f"{scheme}:{code}")
