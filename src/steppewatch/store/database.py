"""Open a store: resolve the database URL, configure the engine, apply migrations.

SQLite is the default (``./steppewatch.db``); PostgreSQL runs through the same code. The URL
comes from ``--db``, else the ``STEPPEWATCH_DB`` environment variable, else the default. A bare
path (``my.db``) means SQLite; ``postgresql://...`` selects the psycopg 3 driver.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError

from steppewatch.errors import StoreError

DEFAULT_DB = "sqlite:///steppewatch.db"
ENV_VAR = "STEPPEWATCH_DB"


def resolve_url(url: str | None = None) -> str:
    url = url or os.environ.get(ENV_VAR) or DEFAULT_DB
    if "://" not in url:
        url = f"sqlite:///{url}"
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        url = "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # the busy timeout first: switching a new database to WAL needs a lock that another
    # process opening it at the same moment may hold (three ingests started together)
    cursor.execute("PRAGMA busy_timeout=30000")
    # WAL: readers never block the writer, and a killed writer leaves the last committed state.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def make_engine(url: str | None = None) -> Engine:
    resolved = resolve_url(url)
    try:
        parsed = make_url(resolved)
    except ArgumentError:
        raise StoreError(
            f"cannot understand database URL '{resolved}'",
            hint="use a file path, sqlite:///path.db or postgresql://user@host/dbname",
            code="SW302",
        ) from None
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database
        if not database:
            raise StoreError(
                f"database URL '{resolved}' names no file",
                hint="give a path such as sqlite:///steppewatch.db (or sqlite:///:memory: for a "
                "throw-away database)",
                code="SW364",
            )
        if database == ":memory:":
            # one in-memory database per connection: SQLAlchemy's own pool for it takes no
            # pool_size/max_overflow
            engine = create_engine(resolved, future=True)
            event.listen(engine, "connect", _sqlite_pragmas)
            return engine
        if database:
            folder = Path(database).expanduser().resolve().parent
            if not folder.is_dir():
                raise StoreError(
                    f"folder for the database does not exist: {folder}",
                    hint="create it or choose another --db path",
                    code="SW303",
                )
        # 20 kept connections (SQLAlchemy's default keeps 5): the explorer's worker threads
        # otherwise open and close extra ones per request under load, each starting with an
        # empty page cache and paying the pragmas again
        engine = create_engine(resolved, future=True, pool_size=20, max_overflow=20)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if parsed.get_backend_name() == "postgresql":
        # 10 kept connections (SQLAlchemy's default keeps 5): under 8 concurrent explorer
        # requests per worker the extra ones were opened and closed per request (bench: 44
        # server processes for 2 workers in one run), each paying 12-15 ms of password
        # authentication and a cold catalogue cache; at most 20 per process, as before
        return create_engine(
            resolved, future=True, pool_pre_ping=True, pool_size=10, max_overflow=10
        )
    raise StoreError(
        f"unsupported database '{parsed.get_backend_name()}'",
        hint="steppewatch supports SQLite and PostgreSQL",
        code="SW302",
    )


def describe(url: str) -> str:
    """The URL without its password, for messages."""
    try:
        return make_url(resolve_url(url)).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def check_connection(engine: Engine) -> None:
    from steppewatch.store.db_errors import store_error

    where = engine.url.render_as_string(hide_password=True)
    try:
        with engine.connect():
            pass
    except OperationalError as error:
        if "unable to open" not in str(error.orig).lower() and engine.dialect.name == "sqlite":
            raise store_error(error, where) from None
        raise StoreError(
            f"cannot open database {engine.url.render_as_string(hide_password=True)}: "
            f"{str(error.orig).strip().splitlines()[0] if error.orig else error}",
            hint="check the path or that the PostgreSQL server is running",
            code="SW305",
        ) from None
    except SQLAlchemyError as error:  # e.g. a file that is not an SQLite database
        raise store_error(error, where) from None
