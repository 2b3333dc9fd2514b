"""Validate a codebook and report every problem at once.

Two layers: the JSON Schema generated from ``model.Codebook`` (structure, types, patterns), then
rules a schema cannot express: codes unique within a scheme, retired codes point to an existing
replacement, no indicator repeated within a code, every code has indicators in each language
(for topic and event_kind schemes).
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema

from steppewatch.codebook.model import LANGUAGES, SCHEME_NAMES, Codebook
from steppewatch.errors import ValidationIssue

SCHEMA_FILE = "codebook.schema.json"
SCHEMES_NEEDING_INDICATORS = ("event_kind", "topic", "domain", "framework", "meeting_level")


def generated_schema() -> dict[str, Any]:
    schema = Codebook.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://steppewatch.org/schema/codebook.schema.json"
    return schema


@lru_cache(maxsize=1)
def shipped_schema() -> dict[str, Any]:
    path = resources.files("steppewatch") / "data" / "codebook" / SCHEMA_FILE
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _path_of(error: jsonschema.ValidationError) -> str:
    return "/".join(str(p) for p in error.absolute_path) or "(top)"


def check_codebook_data(data: Any, source: str | None = None) -> list[ValidationIssue]:
    """All problems in a parsed codebook; an empty list means it is valid."""
    issues: list[ValidationIssue] = []
    validator = jsonschema.Draft202012Validator(shipped_schema())
    for error in sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path))):
        issues.append(
            ValidationIssue("schema", error.message, source=source, field=_path_of(error))
        )
    if issues or not isinstance(data, dict):
        return issues
    schemes = data.get("schemes", {})
    for scheme_name in SCHEME_NAMES:
        codes = schemes.get(scheme_name, {}).get("codes", [])
        seen: set[str] = set()
        names = {c.get("code") for c in codes}
        for i, code in enumerate(codes):
            where = f"schemes/{scheme_name}/codes/{i}"
            name = code.get("code")
            if name in seen:
                issues.append(
                    ValidationIssue(
                        "duplicate-code", f"code '{name}' appears twice", source=source, field=where
                    )
                )
            seen.add(name)
            replaced = code.get("replaced_by")
            if replaced and replaced not in names:
                issues.append(
                    ValidationIssue(
                        "unknown-replacement",
                        f"replaced_by '{replaced}' is not a code of {scheme_name}",
                        source=source,
                        field=where,
                    )
                )
            if code.get("retired_in") is None and replaced:
                issues.append(
                    ValidationIssue(
                        "replacement-without-retirement",
                        f"'{name}' names replaced_by but has no retired_in",
                        source=source,
                        field=where,
                    )
                )
            indicators = code.get("indicators") or {}
            for lang in LANGUAGES:
                terms = indicators.get(lang) or []
                if (
                    scheme_name in SCHEMES_NEEDING_INDICATORS
                    and not terms
                    and not code.get("retired_in")
                ):
                    issues.append(
                        ValidationIssue(
                            "missing-indicators",
                            f"'{name}' has no {lang} indicators",
                            source=source,
                            field=f"{where}/indicators/{lang}",
                        )
                    )
                lowered = [t.strip().lower() for t in terms]
                dupes = sorted({t for t in lowered if lowered.count(t) > 1})
                for dupe in dupes:
                    issues.append(
                        ValidationIssue(
                            "duplicate-indicator",
                            f"'{name}' lists {lang} indicator '{dupe}' more than once",
                            source=source,
                            field=f"{where}/indicators/{lang}",
                        )
                    )
                for term in terms:
                    if not term.strip():
                        issues.append(
                            ValidationIssue(
                                "empty-indicator",
                                f"'{name}' has an empty {lang} indicator",
                                source=source,
                                field=f"{where}/indicators/{lang}",
                            )
                        )
    return issues


def check_codebook_file(path: str | Path) -> list[ValidationIssue]:
    from steppewatch.codebook.load import read_codebook_yaml
    from steppewatch.errors import CodebookError

    try:
        data = read_codebook_yaml(path)
    except CodebookError as error:
        return [ValidationIssue("unreadable", error.message, source=str(path))]
    return check_codebook_data(data, source=str(path))
