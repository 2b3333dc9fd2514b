"""Fixtures for export, citation and release tests: the bundled dataset loaded once per session
(copied for each test), and a few hostile events built in code."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def bundled_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from steppewatch.store import open_store
    from steppewatch.store.importing import load_bundled_dataset
    from steppewatch.study import load_study

    path = tmp_path_factory.mktemp("bundled") / "bundled.db"
    store = open_store(f"sqlite:///{path}")
    load_bundled_dataset(store, load_study())
    store.close()
    return path


@pytest.fixture()
def db_url(bundled_db: Path, tmp_path: Path) -> str:
    copy = tmp_path / "work.db"
    shutil.copy(bundled_db, copy)
    return f"sqlite:///{copy}"
