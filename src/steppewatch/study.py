"""Load a study file (YAML): focal state and its names, partner states and the region's names,
frameworks with their membership, gazetteer, publisher table, period, codebook, dataset, periods
and reference claims (the schema: ``models.Study`` and ``study_schema.py``)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from steppewatch import yamlio
from steppewatch.errors import InputError, ValidationFailed, ValidationIssue
from steppewatch.models import Study

DEFAULT_STUDY = "prc_central_asia"


def default_study_path() -> Path:
    return Path(str(resources.files("steppewatch") / "data" / "studies" / f"{DEFAULT_STUDY}.yaml"))


def bundled_dataset_dir(name: str = DEFAULT_STUDY) -> Path:
    return Path(str(resources.files("steppewatch") / "data" / "dataset" / name))


def bundled_study_names() -> list[str]:
    folder = resources.files("steppewatch") / "data" / "studies"
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".yaml"))


def _study_path(path: str | Path | None) -> Path:
    if not path:
        return default_study_path()
    path = Path(path)
    if not path.exists() and path.suffix == "" and path.name in bundled_study_names():
        # a bundled study by name: `--study russia_central_asia`
        return Path(str(resources.files("steppewatch") / "data" / "studies" / f"{path.name}.yaml"))
    return path


@lru_cache(maxsize=8)
def default_study() -> Study:
    """The bundled default study (cached: the coder and linker fall back to it)."""
    return load_study(None)


def load_study(path: str | Path | None = None) -> Study:
    """The default PRC-Central Asia study, or the study file at ``path`` (or a bundled study
    by name, e.g. ``russia_central_asia``). Every problem of an invalid file is reported at
    once, each with its field."""
    path = _study_path(path)
    try:
        data = yamlio.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"study file not found: {path}", code="SW110") from None
    except (UnicodeDecodeError, yaml.YAMLError) as error:
        raise InputError(f"{path}: cannot read study file: {error}", code="SW111") from None
    except IsADirectoryError:
        raise InputError(f"study file is a folder: {path}", code="SW110") from None
    if not isinstance(data, dict):
        raise InputError(
            f"{path}: a study file is a mapping (id: ..., focal_state: ...)", code="SW111"
        )
    try:
        study = Study.model_validate(data)
    except ValidationError as error:
        issues = [
            ValidationIssue(
                "invalid-study",
                problem["msg"].removeprefix("Value error, "),
                source=str(path),
                field=".".join(str(p) for p in problem["loc"]) or None,
            )
            for problem in error.errors()
        ]
        listed = "; ".join(
            f"field '{i.field}': {i.message}" if i.field else i.message for i in issues
        )
        raise ValidationFailed(
            f"{path}: {len(issues)} problem(s): {listed}",
            issues,
            hint="fix the study file",
            code="SW112",
        ) from None
    if study.gazetteer and study.gazetteer != "default":
        # a gazetteer folder relative to the study file
        beside = path.parent / study.gazetteer
        if not Path(study.gazetteer).is_absolute() and beside.is_dir():
            study = study.model_copy(update={"gazetteer": str(beside)})
    if study.publishers and study.publishers != "publishers":
        # a publisher table file relative to the study file
        beside = path.parent / study.publishers
        if not Path(study.publishers).is_absolute() and beside.is_file():
            study = study.model_copy(update={"publishers": str(beside)})
    return study


def resolve_study(study: Study | str | Path | None) -> Study:
    """A ``Study`` as given, the study file or bundled study named, or the default study."""
    if isinstance(study, Study):
        return study
    if study is None or study == "":
        return default_study()
    return load_study(study)


def partner_states(partners: Sequence[str] | None = None) -> tuple[str, ...]:
    """``partners`` as given, else the default study's partner states."""
    if partners is not None:
        return tuple(partners)
    return tuple(default_study().partner_states)


def study_for_store(store: Any, study: Study | str | Path | None = None) -> Study:
    """The study to work with on ``store``: ``study`` if given, else the one ``init`` recorded
    in the database (a bundled study), else the default study. A given study that is not the
    database's is an error: its events were linked for another focal state and region."""
    recorded = store.get_meta("study") if store is not None else None
    if study:
        chosen = resolve_study(study)
        if recorded and recorded != chosen.id:
            raise InputError(
                f"the database was initialised for study '{recorded}', --study gives '{chosen.id}'",
                hint="use another --db for another study, or the study file it was made with",
                code="SW117",
            )
        return chosen
    default = default_study()
    if not recorded or recorded == default.id:
        return default
    if recorded in bundled_study_names():
        return load_study(recorded)
    raise InputError(
        f"the database was initialised for study '{recorded}', not a bundled study",
        hint="give its study file with --study FILE",
        code="SW118",
    )


def dataset_dir(study: Study) -> Path:
    """Folder holding the study's events.csv and sources.csv."""
    if not study.dataset:
        raise InputError(f"study '{study.id}' names no dataset", code="SW113")
    bundled = bundled_dataset_dir(study.dataset)
    if bundled.is_dir():
        return bundled
    path = Path(study.dataset)
    if path.is_dir():
        return path
    raise InputError(
        f"dataset folder not found for study '{study.id}': {study.dataset}", code="SW114"
    )
