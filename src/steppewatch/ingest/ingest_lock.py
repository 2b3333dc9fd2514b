"""One ingest at a time per database, and a generation stamp that proves it.

An ingest decides what is new (documents, near-duplicates, events to extend) against what it
read from the database when it started. Two ingests writing at once would each decide
against a stale picture: the same document inserted twice (the ``UNIQUE constraint failed:
documents.id`` of issue 18), an event created twice under two ids. So a run holds the
database's *ingest lock* from start to end, and a second run waits for it, then reads what
the first stored (everything it would have added is then ``unchanged``):

``steppewatch import`` and ``init`` take the same lock while they load events, and renew the
generation afterwards (:func:`bump_generation`), so an ingest never decides against events an
import is writing.

- SQLite: an exclusive ``flock`` on ``<database>.ingest-lock`` beside the file; the kernel
  releases it when the process ends, however it ends. Reviewers and readers are not blocked:
  this is not a database lock.
- PostgreSQL: a session advisory lock (``pg_advisory_lock``) on a connection kept for the run;
  the server releases it when that connection closes.

Every batch transaction also checks and renews a *generation* stamp in the ``meta`` table
(``check_generation`` / ``new_generation``): if another writer ingested since this run last
looked (a lock lost with a dropped PostgreSQL connection, a process that bypassed the lock),
the batch is refused with [SW367] instead of being written against a stale picture. After a
failed commit, the stamp also tells whether that commit in fact went through.
"""

from __future__ import annotations

import uuid
import zlib
from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, delete, select, text
from sqlalchemy.engine import make_url

from steppewatch.errors import StoreError
from steppewatch.store import Store
from steppewatch.store.file_lock import FileLock, lock_path_beside
from steppewatch.store.tables import meta

__all__ = [
    "IngestLock",
    "GENERATION_KEY",
    "read_generation",
    "check_generation",
    "new_generation",
    "bump_generation",
]

GENERATION_KEY = "ingest_generation"
_PG_LOCK_KEY = zlib.crc32(b"steppewatch ingest")  # one advisory lock key per database


def read_generation(conn: Connection) -> str | None:
    value = conn.execute(select(meta.c.value).where(meta.c.key == GENERATION_KEY)).scalar()
    return str(value) if value is not None else None


def check_generation(conn: Connection, expected: str | None) -> None:
    found = read_generation(conn)
    if found != expected:
        raise StoreError(
            "another ingest wrote to this database while this one was running; this batch was "
            "not written (it was decided against an outdated view of the stored documents)",
            hint="run the same ingest again: what is stored is kept, the rest is redone",
            code="SW367",
        )


def new_generation(conn: Connection) -> str:
    stamp = uuid.uuid4().hex
    conn.execute(delete(meta).where(meta.c.key == GENERATION_KEY))
    conn.execute(meta.insert().values(key=GENERATION_KEY, value=stamp))
    return stamp


def bump_generation(store: Store) -> None:
    """Renew the stamp after events were written outside an ingest (``import``, ``init``), so
    that an ingest which read the database before that write reloads it when its turn comes."""
    with store.engine.begin() as conn:
        new_generation(conn)


class IngestLock:
    """The database's ingest lock (see the module doc). ``acquire`` returns True if it had to
    wait for another run."""

    def __init__(self, store: Store, *, on_wait: Callable[[str], None] | None = None) -> None:
        self.store = store
        self.on_wait = on_wait
        self._file: FileLock | None = None
        self._conn: Connection | None = None

    def acquire(self) -> bool:
        if self.store.dialect == "postgresql":
            return self._acquire_pg()
        if self.store.dialect == "sqlite":
            path = lock_path_beside(make_url(self.store.url).database, "ingest-lock")
            if path is None:
                return False
            self._file = FileLock(path)
            return self._file.acquire(self._say_waiting)
        return False

    def _say_waiting(self) -> None:
        if self.on_wait:
            self.on_wait(
                f"waiting for another ingest or import into {self.store.describe()} to finish "
                "(one ingest or import at a time writes to a database)"
            )

    def _acquire_pg(self) -> bool:
        conn = self.store.engine.connect().execution_options(isolation_level="AUTOCOMMIT")
        got = conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": _PG_LOCK_KEY}).scalar()
        waited = False
        if not got:
            self._say_waiting()
            conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": _PG_LOCK_KEY})
            waited = True
        self._conn = conn
        return waited

    def release(self) -> None:
        if self._file is not None:
            self._file.release()
            self._file = None
        if self._conn is not None:
            try:
                self._conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": _PG_LOCK_KEY})
            except Exception:  # noqa: BLE001 - a dropped connection released the lock already
                pass
            try:
                self._conn.close()
            except Exception:  # noqa: BLE001
                pass
            self._conn = None

    def __enter__(self) -> IngestLock:
        self.acquire()
        return self

    def __exit__(self, *_: Any) -> None:
        self.release()
