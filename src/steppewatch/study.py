"""Load a study file (YAML): focal state, partner states, period, codebook, dataset, periods."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import yaml
from pydantic import ValidationError

from steppewatch import yamlio
from steppewatch.errors import InputError
from steppewatch.models import Study

DEFAULT_STUDY = "prc_central_asia"


def default_study_path() -> Path:
    return Path(str(resources.files("steppewatch") / "data" / "studies" / f"{DEFAULT_STUDY}.yaml"))


def bundled_dataset_dir(name: str = DEFAULT_STUDY) -> Path:
    return Path(str(resources.files("steppewatch") / "data" / "dataset" / name))


def load_study(path: str | Path | None = None) -> Study:
    """The default PRC-Central Asia study, or the study file at ``path``."""
    path = Path(path) if path else default_study_path()
    try:
        data = yamlio.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"study file not found: {path}", code="SW110") from None
    except (UnicodeDecodeError, yaml.YAMLError) as error:
        raise InputError(f"{path}: cannot read study file: {error}", code="SW111") from None
    try:
        return Study.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(str(p) for p in first["loc"])
        raise InputError(
            f"{path}: field '{field}': {first['msg']}",
            hint=f"{error.error_count()} problem(s) in all; fix the study file",
            code="SW112",
        ) from None


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
