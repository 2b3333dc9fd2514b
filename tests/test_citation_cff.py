"""CITATION.cff parses and follows Citation File Format 1.2.0 (the rules of its schema that this
file can break: keys, required fields, types, date form, versions). The official JSON Schema
is not vendored: cffconvert, which ships it, pins jsonschema<4."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
ROOT_KEYS = {
    "abstract",
    "authors",
    "cff-version",
    "commit",
    "contact",
    "date-released",
    "doi",
    "identifiers",
    "keywords",
    "license",
    "license-url",
    "message",
    "preferred-citation",
    "references",
    "repository",
    "repository-artifact",
    "repository-code",
    "title",
    "type",
    "url",
    "version",
}
REFERENCE_TYPES = {
    "art",
    "article",
    "audiovisual",
    "bill",
    "blog",
    "book",
    "catalogue",
    "conference-paper",
    "conference",
    "data",
    "database",
    "dictionary",
    "edited-work",
    "encyclopedia",
    "film-broadcast",
    "generic",
    "government-document",
    "grant",
    "hearing",
    "historical-work",
    "legal-case",
    "legal-rule",
    "magazine-article",
    "manual",
    "map",
    "multimedia",
    "music",
    "newspaper-article",
    "pamphlet",
    "patent",
    "personal-communication",
    "proceedings",
    "report",
    "serial",
    "slides",
    "software-code",
    "software-container",
    "software-executable",
    "software-virtual-machine",
    "software",
    "sound-recording",
    "standard",
    "statute",
    "thesis",
    "unpublished",
    "video",
    "website",
}
DATE = re.compile(r"^[0-9]{4}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])$")


def _check_authors(authors: object, where: str) -> None:
    assert isinstance(authors, list) and authors, f"{where}: authors must be a non-empty list"
    for person in authors:
        assert isinstance(person, dict)
        assert person.get("name") or person.get("family-names") or person.get("given-names"), where


def test_citation_cff_is_valid_cff_1_2() -> None:
    # BaseLoader keeps every scalar a string, as CFF wants (a YAML date would not validate)
    data = yaml.load((REPO / "CITATION.cff").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert set(data) <= ROOT_KEYS, set(data) - ROOT_KEYS
    assert data["cff-version"] == "1.2.0"
    for key in ("message", "title"):
        assert isinstance(data[key], str) and data[key].strip()
    assert data.get("type", "software") in ("software", "dataset")
    _check_authors(data["authors"], "root")
    assert data["license"] == "MIT"
    for ref in data["references"]:
        assert ref["type"] in REFERENCE_TYPES
        assert ref["title"].strip()
        _check_authors(ref["authors"], ref["title"])
        if "date-released" in ref:
            assert DATE.match(ref["date-released"]), ref["date-released"]


def test_citation_cff_versions_match_the_code_and_the_data() -> None:
    from steppewatch.study import load_study

    data = yaml.load((REPO / "CITATION.cff").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert data["version"] == project["version"]
    (dataset,) = [r for r in data["references"] if r["type"] == "data"]
    assert dataset["version"] == load_study().dataset_version
