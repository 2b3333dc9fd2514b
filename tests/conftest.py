"""Fixtures shared by the whole suite.

- ``shared_dir``: the read-only ../shared folder (corpora, curated data); tests that need it skip
  with a clear reason when it is absent.
- ``db_url``: parametrized over SQLite and PostgreSQL. PostgreSQL runs when STEPPEWATCH_TEST_PG
  holds an admin URL (``.ci/run`` sets it after starting the cluster); each test gets a fresh
  database that is dropped afterwards. If the variable is set but the server cannot be reached,
  the test fails rather than skips, so CI cannot pass without really testing PostgreSQL.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = (REPO / ".." / "shared").resolve()
PG_ENV = "STEPPEWATCH_TEST_PG"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "data" / "events.csv").is_file():
        pytest.skip(f"../shared is absent ({SHARED}); these tests read the shared corpora and data")
    return SHARED


@pytest.fixture(scope="session")
def china_fm_dir(shared_dir: Path) -> Path:
    pages = shared_dir / "corpora" / "china_fm" / "pages"
    if not pages.is_dir():
        pytest.skip(f"corpus folder {pages} is absent")
    return pages


def _pg_database(admin_url: str) -> Iterator[str]:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from steppewatch.store.database import resolve_url

    admin = create_engine(resolve_url(admin_url), isolation_level="AUTOCOMMIT")
    name = f"sw_test_{uuid.uuid4().hex[:12]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(resolve_url(admin_url)).set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        from sqlalchemy.pool import NullPool  # noqa: F401

        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.db'}"
        return
    admin_url = os.environ.get(PG_ENV)
    if not admin_url:
        pytest.skip(
            f"PostgreSQL tests need {PG_ENV}=postgresql://user:pass@host/db (.ci/run sets it)"
        )
    yield from _pg_database(admin_url)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'test.db'}"
