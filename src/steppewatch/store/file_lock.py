"""An exclusive lock on a file beside an SQLite database, across processes (``flock``).

The kernel releases it when the holder's descriptor closes, including when the process is
killed, so a crashed command never leaves a stale lock behind. Used for what SQLite's own
locking does not cover: migrations run by several commands started at once (pysqlite runs
DDL outside a transaction) and the one-ingest-at-a-time rule (``ingest.ingest_lock``).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import IO

__all__ = ["FileLock", "lock_path_beside"]


def lock_path_beside(database: str | None, suffix: str) -> Path | None:
    """``<database file>.<suffix>``, or None for an in-memory database or one that is not a
    regular file (``/dev/full``: nothing is created beside a device)."""
    if not database or database == ":memory:":
        return None
    path = Path(database).expanduser().resolve()
    if path.exists() and not path.is_file():
        return None
    return path.with_name(f"{path.name}.{suffix}")


class FileLock:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._handle: IO[bytes] | None = None

    def acquire(self, on_wait: Callable[[], None] | None = None) -> bool:
        """Take the lock, waiting as long as needed; True if it had to wait."""
        try:
            import fcntl
        except ImportError:  # pragma: no cover - no flock (Windows): unguarded
            return False
        try:
            handle = open(self.path, "ab")  # noqa: SIM115 - held open while locked
        except OSError:  # a read-only folder: SQLite reports what it cannot do itself
            return False
        waited = False
        try:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if on_wait:
                    on_wait()
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
                waited = True
            handle.truncate(0)
            handle.write(f"{os.getpid()}\n".encode())
            handle.flush()
        except BaseException:
            handle.close()
            raise
        self._handle = handle
        return waited

    def release(self) -> None:
        if self._handle is not None:
            handle, self._handle = self._handle, None
            handle.close()  # closing the descriptor releases the flock

    def __enter__(self) -> FileLock:
        self.acquire()
        return self

    def __exit__(self, *_: object) -> None:
        self.release()
