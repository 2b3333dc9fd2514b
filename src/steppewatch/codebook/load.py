"""Load a codebook file (YAML) into a validated ``Codebook``."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from steppewatch import yamlio
from steppewatch.codebook.model import Codebook
from steppewatch.errors import CodebookError

DEFAULT_VERSION = "v1"


@lru_cache(maxsize=8)
def default_codebook_path(version: str = DEFAULT_VERSION) -> Path:
    return Path(str(resources.files("steppewatch") / "data" / "codebook" / f"{version}.yaml"))


def read_codebook_yaml(path: str | Path) -> object:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CodebookError(f"codebook file not found: {path}", code="SW201") from None
    except UnicodeDecodeError as error:
        raise CodebookError(
            f"{path}: not UTF-8 at byte {error.start}",
            hint="save the codebook as UTF-8",
            code="SW202",
        ) from None
    try:
        return yamlio.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{path}, line {mark.line + 1}" if mark is not None else str(path)
        raise CodebookError(
            f"{where}: invalid YAML: {getattr(error, 'problem', error)}", code="SW203"
        ) from None


@lru_cache(maxsize=8)
def _load_cached(path: str) -> Codebook:
    from steppewatch.codebook.check import check_codebook_data

    data = read_codebook_yaml(path)
    issues = check_codebook_data(data)
    if issues:
        listed = "; ".join(str(i) for i in issues[:5])
        more = f" (and {len(issues) - 5} more)" if len(issues) > 5 else ""
        raise CodebookError(
            f"{path}: invalid codebook: {listed}{more}",
            hint="run 'steppewatch codebook check FILE' for the full list",
            code="SW204",
        )
    return Codebook.model_validate(data)


def load_codebook(path: str | Path | None = None) -> Codebook:
    """The default codebook (v1, shipped in the package) or the one at ``path``. Cached."""
    return _load_cached(str(Path(path) if path else default_codebook_path()))
