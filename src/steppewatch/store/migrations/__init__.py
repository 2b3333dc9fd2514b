"""Tracked schema migrations.

Each migration is a module ``m<NNNN>_<name>.py`` in this package with ``VERSION`` (int),
``NAME`` (str) and ``upgrade(connection) -> None``. They are discovered, applied in version order
inside one transaction each, and recorded in ``schema_migrations``; an applied migration is never
edited, a change is a new migration.
"""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil
import sys
from dataclasses import dataclass
from types import ModuleType

from sqlalchemy import Connection, Engine, inspect, select, text

from steppewatch.errors import StoreError
from steppewatch.store.tables import schema_migrations


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    module: ModuleType


def all_migrations() -> list[Migration]:
    package = sys.modules[__name__]
    found: list[Migration] = []
    for info in pkgutil.iter_modules(package.__path__):
        if info.name.startswith("m") and info.name[1:5].isdigit():
            module = importlib.import_module(f"{__name__}.{info.name}")
            found.append(Migration(module.VERSION, module.NAME, module))
    found.sort(key=lambda m: m.version)
    versions = [m.version for m in found]
    if len(versions) != len(set(versions)):
        raise StoreError(f"two migrations share a version: {versions}", code="SW301")
    return found


def applied_versions(connection: Connection) -> set[int]:
    if not inspect(connection).has_table("schema_migrations"):
        return set()
    return set(connection.execute(select(schema_migrations.c.version)).scalars())


def migrate(engine: Engine) -> list[Migration]:
    """Apply every pending migration; returns those applied now.

    Commands started at the same moment on a new database (three ingests) would each create
    the same tables; a lock (PostgreSQL: advisory; SQLite: a file lock beside the database,
    since pysqlite runs DDL outside a transaction) lets one migrate while the others wait and
    then find nothing pending."""
    if not pending(engine):
        return _migrate(engine)
    if engine.dialect.name == "sqlite":
        from steppewatch.store.file_lock import FileLock, lock_path_beside

        path = lock_path_beside(engine.url.database, "migrate-lock")
        if path is None:
            return _migrate(engine)
        with FileLock(path):
            return _migrate(engine)
    if engine.dialect.name != "postgresql":
        return _migrate(engine)
    with engine.connect() as lock_conn:
        lock_conn = lock_conn.execution_options(isolation_level="AUTOCOMMIT")
        lock_conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": _MIGRATION_LOCK})
        try:
            return _migrate(engine)
        finally:
            lock_conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": _MIGRATION_LOCK})


_MIGRATION_LOCK = 0x5357_0300  # "SW" 300: steppewatch's schema


def _migrate(engine: Engine) -> list[Migration]:
    with engine.begin() as connection:
        schema_migrations.create(connection, checkfirst=True)
    applied_now: list[Migration] = []
    for migration in all_migrations():
        with engine.begin() as connection:
            if migration.version in applied_versions(connection):
                continue
            migration.module.upgrade(connection)
            connection.execute(
                schema_migrations.insert().values(
                    version=migration.version,
                    name=migration.name,
                    applied_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                )
            )
            applied_now.append(migration)
    return applied_now


def pending(engine: Engine) -> list[Migration]:
    with engine.connect() as connection:
        done = applied_versions(connection)
    return [m for m in all_migrations() if m.version not in done]
