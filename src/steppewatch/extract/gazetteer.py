"""The gazetteer: states, officials (with offices and dates), institutions and places (where
events happen: ``places.yaml``, optional), in English, Chinese and Russian, shipped as package
data (``data/gazetteer/*.yaml``).

Names are matched with the codebook's rules (see ``matcher.py``). ``blocks`` are phrases that
contain a state's name but do not mean the state (哈萨克族 "ethnic Kazakh", 塔利班 around 中塔,
"Astana process"); a state mention overlapping a block is dropped by the coder. ``ambiguous``
names mean one state usually and another in a text that names the other (中土 / 土方: Turkey in
MFA usage, Turkmenistan in an item about Turkmenistan).

Which states are the focal state and the region is the study's business, not the gazetteer's:
``for_study`` adds the study's region group (中亚国家 names every partner state) to the names.
A study names its gazetteer (``gazetteer:``, a folder of the three files; default the bundled
one).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from steppewatch import yamlio
from steppewatch.errors import ExtractionError, InputError
from steppewatch.extract.matcher import Term

if TYPE_CHECKING:
    from steppewatch.models import Study

__all__ = [
    "Ambiguity", "State", "Group", "Office", "Official", "Institution", "Place", "Gazetteer",
    "for_study", "load_gazetteer",
]  # fmt: skip

PLACE_KINDS = ("city", "region", "state")


@dataclass(frozen=True)
class State:
    code: str
    name: str
    region: str | None
    names: dict[str, tuple[str, ...]]
    # names in ``names`` that are cities (the capital): after 在/于/in/в they name a venue
    cities: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # how its officials' Russian-written names are romanised (``coder_officials.latin``:
    # zh_j, kh_h, kyrgyz; chinese: read back to pinyin)
    romanisation: tuple[str, ...] = ()


@dataclass(frozen=True)
class Group:
    """A name for several states at once (中亚五国, "Central Asian countries"): a mention names
    every member."""

    name: str
    members: tuple[str, ...]
    names: dict[str, tuple[str, ...]]


@dataclass(frozen=True)
class Ambiguity:
    """Names (as written) that mean ``usual`` unless a text names ``alternative`` and not
    ``usual`` otherwise."""

    names: frozenset[str]
    usual: str
    alternative: str


@dataclass(frozen=True)
class Office:
    office: str  # a meeting_level code
    title: str
    start: str | None  # ISO, as precise as known
    end: str | None

    def holds_on(self, day: str | None) -> bool:
        if day is None:
            return True
        # compare on the common precision: "2019-03" covers every day of March 2019
        if self.start:
            n = min(len(day), len(self.start))
            if day[:n] < self.start[:n]:
                return False
        if self.end:
            n = min(len(day), len(self.end))
            if day[:n] > self.end[:n]:
                return False
        return True


@dataclass(frozen=True)
class Official:
    name: str
    country: str
    names: dict[str, tuple[str, ...]]
    offices: tuple[Office, ...]

    def office_on(self, day: str | None) -> Office | None:
        """The office held on ``day`` (the latest that started if several); else the last one."""
        held = [o for o in self.offices if o.holds_on(day)]
        if held:
            return max(held, key=lambda o: o.start or "")
        return None


@dataclass(frozen=True)
class Institution:
    name: str
    country: str | None
    domain: str | None
    level: str | None
    framework: str | None
    names: dict[str, tuple[str, ...]]


@dataclass(frozen=True)
class Place:
    """Where an event can happen (``places.yaml``): a city, town, site or crossing (``city``:
    the location is ``name``), a province or district (``region``) or a state (``state``):
    the location is the state's code, ``country``."""

    name: str
    country: str
    kind: str  # city | region | state
    names: dict[str, tuple[str, ...]]
    capital: bool = False  # the state's capital: "the capital of X" with no city named is it
    # a border crossing, pass or range with no town (``site: true``): a venue as precise as a
    # city, but written as its state's code (guide point F: Torugart, the Matybulak range)
    site: bool = False

    @property
    def location(self) -> str:
        return self.name if self.kind == "city" and not self.site else self.country


@dataclass
class Gazetteer:
    states: dict[str, State] = field(default_factory=dict)
    officials: list[Official] = field(default_factory=list)
    institutions: list[Institution] = field(default_factory=list)
    blocks: dict[str, tuple[str, ...]] = field(default_factory=dict)
    groups: list[Group] = field(default_factory=list)
    ambiguous: list[Ambiguity] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    place_blocks: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def place_terms(self) -> list[Term]:
        """Every place name as a matcher term. Payloads: ("place", index), ("block", "").
        ``ru_words`` names match as whole words (the matcher's English rule)."""
        terms: list[Term] = []
        for index, place in enumerate(self.places):
            for lang, values in place.names.items():
                if lang == "zh_short":
                    continue  # (one character: read only after 在/赴, by ``locations``)
                mode = "en" if lang == "ru_words" else lang
                terms.extend(Term(name, mode, ("place", index)) for name in values)
        terms.extend(_terms(self.place_blocks, ("block", "")))
        return terms

    def city_terms(self) -> frozenset[str]:
        """The city names of every state, as written (compare with ``Hit.term``)."""
        return frozenset(
            n for s in self.states.values() for names in s.cities.values() for n in names
        )

    def terms(self) -> list[Term]:
        """Every name as a matcher term. Payloads: ("state", code), ("group", index),
        ("official", index), ("institution", index), ("block", "")."""
        terms: list[Term] = []
        for code, state in self.states.items():
            terms.extend(_terms(state.names, ("state", code)))
        for index, group in enumerate(self.groups):
            terms.extend(_terms(group.names, ("group", index)))
        for index, official in enumerate(self.officials):
            terms.extend(_terms(official.names, ("official", index)))
        for index, institution in enumerate(self.institutions):
            terms.extend(_terms(institution.names, ("institution", index)))
        terms.extend(_terms(self.blocks, ("block", "")))
        return terms


def _terms(names: dict[str, tuple[str, ...]], payload: tuple[str, Any]) -> list[Term]:
    return [Term(name, lang, payload) for lang, values in names.items() for name in values]


def _names(raw: Any, where: str) -> dict[str, tuple[str, ...]]:
    if not isinstance(raw, dict):
        raise ExtractionError(
            f"gazetteer {where}: 'names' must map en/zh/ru to lists", code="SW430"
        )
    return {lang: tuple(str(v) for v in (values or [])) for lang, values in raw.items()}


def _iso(value: Any) -> str | None:
    return None if value is None else str(value)


def _folder(source: str | None) -> Any:
    bundled = resources.files("steppewatch") / "data" / "gazetteer"
    if source is None or source == "default":
        return bundled
    path = Path(source)
    if not path.is_dir():
        raise InputError(
            f"gazetteer folder not found: {source}",
            hint="a study's 'gazetteer' names a folder holding states.yaml, officials.yaml, "
            "institutions.yaml and, for event locations, places.yaml (relative paths: to the "
            "study file), or is left out for the bundled one",
            code="SW115",
        )
    return path


def _read(folder: Any, name: str, required: bool = True) -> dict[str, Any]:
    path = folder / name
    if not path.is_file():
        if required:
            raise InputError(f"gazetteer file missing: {path}", code="SW115")
        return {}
    try:
        data = yamlio.safe_load(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, yaml.YAMLError) as error:
        raise ExtractionError(
            f"gazetteer file {path}: cannot read: {error}", code="SW430"
        ) from None
    if not isinstance(data, dict):
        raise ExtractionError(f"gazetteer file {name} is not a mapping", code="SW430")
    return data


@lru_cache(maxsize=8)
def load_gazetteer(source: str | None = None) -> Gazetteer:
    """A gazetteer folder (``source``; default: the shipped gazetteer), cached. The study's
    region group is not in it: see ``for_study``."""
    try:
        return _load(_folder(source))
    except (KeyError, TypeError) as error:
        raise ExtractionError(
            f"gazetteer {source or 'default'}: an entry lacks a field or has the wrong type "
            f"({type(error).__name__}: {error})",
            code="SW430",
        ) from None


def for_study(study: Study) -> Gazetteer:
    """The study's gazetteer with its region group first (a mention of 中亚国家 names every
    partner state); every state of the study must have names in it."""
    base = load_gazetteer(study.gazetteer)
    missing = [c for c in (study.focal_state, *study.partner_states) if c not in base.states]
    if missing:
        raise InputError(
            f"study '{study.id}': the gazetteer has no names for {', '.join(missing)}",
            hint="add the state to the gazetteer's states.yaml (code, name, names per language) "
            "or name another gazetteer in the study file",
            code="SW116",
        )
    groups = list(base.groups)
    region = study.region
    if region is not None and region.group_names:
        names = {lang: tuple(values) for lang, values in region.group_names.items()}
        groups.insert(0, Group(f"{region.name} states", tuple(study.partner_states), names))
    # a body of states the study lists among its frameworks (the CSTO of the Russia study) is
    # that framework, not an organisation of other states: it takes the framework's code
    own = {f.name.casefold(): f.code for f in study.frameworks}
    institutions = [
        dataclasses.replace(i, framework=own[i.name.casefold()])
        if i.framework is None and i.country is None and i.name.casefold() in own
        else i
        for i in base.institutions
    ]
    return dataclasses.replace(base, groups=groups, institutions=institutions)


ROMANISATION_RULES = ("zh_j", "kh_h", "kyrgyz", "chinese")


def _romanisation(raw: Any, where: str) -> tuple[str, ...]:
    rules = tuple(str(r) for r in raw) if isinstance(raw, list) else ()
    unknown = [r for r in rules if r not in ROMANISATION_RULES]
    if not isinstance(raw, list) or unknown:
        raise ExtractionError(
            f"gazetteer states.yaml {where}/romanisation: a list of "
            f"{', '.join(ROMANISATION_RULES)} (unknown: {unknown or raw!r})",
            code="SW430",
        )
    return rules


def _load(folder: Any) -> Gazetteer:
    gazetteer = Gazetteer()
    states = _read(folder, "states.yaml")
    for i, raw in enumerate(states.get("states", [])):
        state = State(
            raw["code"],
            raw["name"],
            raw.get("region"),
            _names(raw["names"], f"states/{i}"),
            _names(raw.get("cities") or {}, f"states/{i}/cities"),
            _romanisation(raw.get("romanisation") or [], f"states/{i}"),
        )
        gazetteer.states[state.code] = state
    gazetteer.blocks = _names(states.get("blocks", {}), "blocks")
    for i, raw in enumerate(states.get("groups", [])):
        members = tuple(str(m) for m in raw.get("members", []))
        unknown = [m for m in members if m not in gazetteer.states]
        if not members or unknown:
            raise ExtractionError(
                f"gazetteer states.yaml groups/{i}: members must be state codes of the file "
                f"(unknown: {unknown or 'none given'})",
                code="SW430",
            )
        gazetteer.groups.append(Group(raw["name"], members, _names(raw["names"], f"groups/{i}")))
    for i, raw in enumerate(states.get("ambiguous", [])):
        codes = (raw.get("usual"), raw.get("alternative"))
        if any(c not in gazetteer.states for c in codes) or not raw.get("names"):
            raise ExtractionError(
                f"gazetteer states.yaml ambiguous/{i}: needs names and usual/alternative state "
                f"codes of the file (got {codes})",
                code="SW430",
            )
        gazetteer.ambiguous.append(
            Ambiguity(frozenset(str(n) for n in raw["names"]), str(codes[0]), str(codes[1]))
        )
    places = _read(folder, "places.yaml", False)
    for i, raw in enumerate(places.get("places", [])):
        if raw.get("kind") not in PLACE_KINDS:
            raise ExtractionError(
                f"gazetteer places.yaml places/{i} ({raw.get('name')}): kind must be one of "
                f"{', '.join(PLACE_KINDS)} (got {raw.get('kind')!r})",
                code="SW430",
            )
        gazetteer.places.append(
            Place(
                str(raw["name"]),
                str(raw["country"]),
                str(raw["kind"]),
                _names(raw["names"], f"places/{i}"),
                bool(raw.get("capital", False)),
                bool(raw.get("site", False)),
            )
        )
    gazetteer.place_blocks = _names(places.get("blocks", {}), "places blocks")
    for i, raw in enumerate(_read(folder, "officials.yaml", False).get("officials", [])):
        offices = tuple(
            Office(
                o["office"], o.get("title") or o["office"], _iso(o.get("from")), _iso(o.get("to"))
            )
            for o in raw.get("offices", [])
        )
        gazetteer.officials.append(
            Official(raw["name"], raw["country"], _names(raw["names"], f"officials/{i}"), offices)
        )
    for i, raw in enumerate(_read(folder, "institutions.yaml", False).get("institutions", [])):
        gazetteer.institutions.append(
            Institution(
                raw["name"],
                raw.get("country"),
                raw.get("domain"),
                raw.get("level"),
                raw.get("framework"),
                _names(raw["names"], f"institutions/{i}"),
            )
        )
    return gazetteer
