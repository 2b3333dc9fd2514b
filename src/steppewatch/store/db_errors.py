"""Database failures as coded ``StoreError``s: one line a user can act on, never a traceback.

The driver's exceptions (sqlite3, psycopg) arrive wrapped by SQLAlchemy; ``store_error`` reads
what happened (not a database, disk full, locked, connection lost, read-only) and says what to
do. ``is_transient`` tells which failures are worth retrying a whole transaction for (a lock
held too long by another writer, a PostgreSQL connection that dropped): the ingest writer
retries its batch on those (``ingest.retry``).
"""

from __future__ import annotations

import errno

from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from steppewatch.errors import StoreError

__all__ = ["store_error", "is_transient", "is_disk_full"]

_DISK_FULL = ("database or disk is full", "no space left on device", "could not extend file")
_NOT_A_DATABASE = ("file is not a database", "file is encrypted or is not a database")
_LOCKED = ("database is locked", "database table is locked", "database is busy")
_READ_ONLY = ("attempt to write a readonly database", "unable to open database file")
_CONNECTION_LOST = (
    "server closed the connection",
    "terminating connection",
    "connection already closed",
    "the connection is closed",
    "connection is lost",
    "ssl connection has been closed",
    "could not receive data from server",
    "consuming input failed",
    "connection reset",
    "broken pipe",
)


def _first_line(error: BaseException) -> str:
    orig = getattr(error, "orig", None)
    text = str(orig if orig is not None else error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def is_disk_full(error: BaseException) -> bool:
    if isinstance(error, OSError) and error.errno == errno.ENOSPC:
        return True
    orig = getattr(error, "orig", None)
    if getattr(orig, "sqlstate", None) == "53100":  # PostgreSQL disk_full
        return True
    text = _first_line(error).lower()
    return any(marker in text for marker in _DISK_FULL)


def is_transient(error: BaseException) -> bool:
    """A failure that a fresh transaction may not meet again: a lock held by another writer
    past the busy timeout, or a lost connection (PostgreSQL restarted, backend terminated)."""
    if not isinstance(error, DBAPIError):
        return False
    if error.connection_invalidated:
        return True
    text = _first_line(error).lower()
    if any(marker in text for marker in _LOCKED + _CONNECTION_LOST):
        return True
    orig = getattr(error, "orig", None)
    sqlstate = getattr(orig, "sqlstate", None) or ""
    # 08xxx connection exceptions; 57P01 admin_shutdown (pg_terminate_backend); 40001/40P01
    # serialization failure and deadlock: the transaction can simply run again
    return sqlstate.startswith("08") or sqlstate in ("57P01", "57P02", "57P03", "40001", "40P01")


def store_error(error: BaseException, where: str) -> StoreError:
    """The coded error for a database failure on ``where`` (the URL without its password)."""
    detail = _first_line(error)
    lower = detail.lower()
    if is_disk_full(error):
        return StoreError(
            f"the disk holding {where} is full ({detail}); the last transaction was rolled back",
            hint="free space (or move the database with --db) and run the command again: "
            "nothing half-written was kept",
            code="SW361",
        )
    if any(marker in lower for marker in _NOT_A_DATABASE):
        return StoreError(
            f"{where} is not a steppewatch database (it is not an SQLite file: {detail})",
            hint="check the --db path; a new database is created at a path that does not exist",
            code="SW360",
        )
    sqlstate = getattr(getattr(error, "orig", None), "sqlstate", None)
    if any(marker in lower for marker in _LOCKED) or sqlstate in ("40001", "40P01"):
        return StoreError(
            f"{where} stayed locked by another writer ({detail})",
            hint="wait until the other command or the reviewer's save finishes, then run again",
            code="SW362",
        )
    if isinstance(error, DBAPIError) and is_transient(error):
        return StoreError(
            f"lost the connection to {where} ({detail})",
            hint="check that the PostgreSQL server is running, then run the command again: "
            "what was committed is kept, the rest is redone",
            code="SW363",
        )
    if any(marker in lower for marker in _READ_ONLY):
        return StoreError(
            f"cannot write to {where} ({detail})",
            hint="check the file's and its folder's permissions, or choose another --db",
            code="SW365",
        )
    return StoreError(
        f"database error on {where}: {detail}",
        hint="check the --db URL and the database server",
        code="SW366",
    )


def is_database_error(error: BaseException) -> bool:
    return isinstance(error, SQLAlchemyError)
