"""Agreement between two independent annotations of the same gold documents
(``steppewatch gold-agreement FIRST.jsonl SECOND.jsonl``): Krippendorff's alpha (nominal) and
percent agreement per field, on the documents both files hold and both annotate the field for.

- single-valued fields (relevance, kind, framework, level, date, location): one decision per
  document, ``null`` a value of its own;
- each Central Asian state (``country_KZ`` ... ``country_TM``): one yes/no decision per
  document (does the state take part), so a state neither annotator lists is still scored;
- set-valued fields (Central Asian countries, all countries, topics, domains, actors as
  ``name|office``, kinds per event): one yes/no decision per document and code, over the codes
  either annotator used anywhere in the field (a code neither used says nothing).

The first annotation may be split over several files (``real_tune.jsonl`` and
``real_heldout.jsonl``); they are read together. Each field lists the ids of the documents on
which the two annotations differ, to read them.

Alpha is ``None`` when it is undefined (every decision the same value).
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from steppewatch.errors import InputError
from steppewatch.extract.gold import GoldDocument, load_gold
from steppewatch.study import partner_states as _partner_states

__all__ = ["FieldAgreement", "GoldAgreementReport", "field_agreement", "gold_agreement"]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class FieldAgreement(_Record):
    field: str
    documents: int = Field(description="Documents both files annotate this field for.")
    decisions: int = Field(description="Decisions compared (documents, or documents x codes).")
    percent_agreement: float | None
    krippendorff_alpha: float | None
    disagreements: list[str] = Field(
        default_factory=list, description="Ids of the documents the two annotations differ on."
    )


class GoldAgreementReport(_Record):
    first: str = Field(description="The first annotation's file(s), comma-separated.")
    second: str
    common: int
    only_first: list[str] = Field(default_factory=list)
    only_second: list[str] = Field(default_factory=list)
    fields: dict[str, FieldAgreement]


def _takes_part(code: str) -> Callable[[GoldDocument], bool]:
    return lambda g: code in g.countries


def _actor(a: Any) -> str:
    return f"{' '.join(a.name.casefold().split())}|{a.office or 'null'}"


FieldSpec = tuple[str, bool, Callable[[GoldDocument], Any]]


def _fields(partners: Sequence[str]) -> dict[str, FieldSpec]:
    """name -> (annotation needed, single or set, how to read it); each partner state of the
    study is also a yes/no field of its own (``country_KZ``)."""
    region = frozenset(partners)
    return {
        **_COMMON_FIELDS,
        **{f"country_{code}": ("countries", True, _takes_part(code)) for code in partners},
        "countries": ("countries", False, lambda g: {c for c in g.countries if c in region}),
    }


_COMMON_FIELDS: dict[str, FieldSpec] = {
    "relevance": ("relevance", True, lambda g: g.relevant),
    "kind": ("kind", True, lambda g: g.kind),
    "framework": ("framework", True, lambda g: g.framework),
    "level": ("level", True, lambda g: g.level),
    "date": ("date", True, lambda g: g.event_date),
    "location": ("location", True, lambda g: (g.location or "").casefold() or None),
    "countries_all": ("countries_all", False, lambda g: set(g.countries_all)),
    "topics": ("topics", False, lambda g: set(g.topics)),
    "domains": ("domains", False, lambda g: set(g.domains)),
    "actors": ("actors", False, lambda g: {_actor(a) for a in g.actors}),
    "event_kinds": ("event_kinds", False, lambda g: {e.kind for e in g.events if e.kind}),
}


def _alpha(a: Sequence[Any], b: Sequence[Any]) -> float | None:
    values = sorted({repr(x) for x in [*a, *b]})
    if len(values) < 2:
        return None
    import krippendorff
    import numpy as np

    index = {v: i for i, v in enumerate(values)}
    data = np.array([[index[repr(x)] for x in a], [index[repr(y)] for y in b]], dtype=float)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            alpha = float(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"))
        except (ValueError, ZeroDivisionError):
            return None
    return None if math.isnan(alpha) else alpha


def field_agreement(
    name: str,
    first: Sequence[GoldDocument],
    second: Sequence[GoldDocument],
    partners: Sequence[str] | None = None,
) -> FieldAgreement:
    """Agreement on one field over aligned documents (same order, same ids); ``partners``
    (default: the default study's partner states) defines the country fields."""
    needed, single, read = _fields(_partner_states(partners))[name]
    pairs = [
        (x, y)
        for x, y in zip(first, second, strict=True)
        if needed in x.annotated and needed in y.annotated
    ]
    if single:
        a = [read(x) for x, _ in pairs]
        b = [read(y) for _, y in pairs]
    else:
        codes = sorted(set().union(*(read(x) | read(y) for x, y in pairs))) if pairs else []
        a = [code in read(x) for x, _ in pairs for code in codes]
        b = [code in read(y) for _, y in pairs for code in codes]
    same = sum(x == y for x, y in zip(a, b, strict=True))
    return FieldAgreement(
        field=name,
        documents=len(pairs),
        decisions=len(a),
        percent_agreement=100.0 * same / len(a) if a else None,
        krippendorff_alpha=_alpha(a, b),
        disagreements=[x.id for x, y in pairs if read(x) != read(y)],
    )


def gold_agreement(
    first_path: str | Path | Iterable[str | Path],
    second_path: str | Path,
    partners: Sequence[str] | None = None,
) -> GoldAgreementReport:
    """Compare two annotations of the same documents, matched by ``id`` (SW472 when they
    share none). ``first_path`` may be several files holding the first annotation together."""
    first_paths = (
        [first_path] if isinstance(first_path, str | Path) else [Path(p) for p in first_path]
    )
    first = [g for path in first_paths for g in load_gold(path)]
    second = load_gold(second_path)
    first_path = ", ".join(str(p) for p in first_paths)
    by_id = {g.id: g for g in second}
    common = [g for g in first if g.id in by_id]
    if not common:
        raise InputError(
            f"{first_path} and {second_path} share no document id",
            hint="the second annotation must use the ids of the first (e.g. fm-<page id>)",
            code="SW472",
        )
    firsts, seconds = common, [by_id[g.id] for g in common]
    regions = _partner_states(partners)
    first_ids = {g.id for g in first}
    return GoldAgreementReport(
        first=str(first_path),
        second=str(second_path),
        common=len(common),
        only_first=sorted(first_ids - set(by_id)),
        only_second=sorted(set(by_id) - first_ids),
        fields={name: field_agreement(name, firsts, seconds, regions) for name in _fields(regions)},
    )
