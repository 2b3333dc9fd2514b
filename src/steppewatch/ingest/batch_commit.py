"""Commit one ingest batch, retrying the whole transaction when the database hiccups.

A batch is ONE transaction (``writer.write_batch``), so running it again after a failure can
neither half-write nor duplicate anything. Retried: a failure that a fresh transaction may not
meet again (``store.db_errors.is_transient``): SQLite locked past its busy timeout by a long
reviewer write, a PostgreSQL connection dropped (server restart, ``pg_terminate_backend``).
When the connection drops during COMMIT, the client cannot know whether the commit went
through; the generation stamp written in the batch (``ingest_lock``) tells: if the stored stamp is
this batch's, the batch is in, and it is not written a second time.

Anything else (disk full, a constraint broken by a bug) is not retried: it is raised as the
coded ``StoreError`` of ``db_errors.store_error``, with the batch rolled back.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from steppewatch.ingest.ingest_lock import check_generation, new_generation, read_generation
from steppewatch.ingest.writer import write_batch
from steppewatch.store.database import describe
from steppewatch.store.db_errors import is_transient, store_error

__all__ = ["commit_batch", "RETRY_DELAYS"]

# seconds to wait before each retry: about a minute in all, longer than any reviewer's save
RETRY_DELAYS = (0.2, 0.5, 1.0, 2.0, 4.0, 8.0, 15.0, 30.0)


def commit_batch(
    engine: Engine,
    *,
    generation: str | None,
    delays: tuple[float, ...] = RETRY_DELAYS,
    sleep: Callable[[float], None] = time.sleep,
    on_retry: Callable[[int, BaseException], None] | None = None,
    write: Callable[..., tuple[int, int]] = write_batch,
    **batch: Any,
) -> tuple[str, tuple[int, int]]:
    """Write ``batch`` with ``write`` (``writer.write_batch`` and its keyword arguments) in
    one transaction; returns the new generation stamp and the (new, updated) event counts."""
    where = describe(engine.url.render_as_string(hide_password=False))
    sent: str | None = None  # the stamp of an attempt whose COMMIT failed: maybe it went in
    counts: tuple[int, int] = (0, 0)
    for attempt in range(len(delays) + 1):
        stamp: str | None = None
        try:
            with engine.begin() as conn:
                if sent is not None and read_generation(conn) == sent:
                    return sent, counts  # the commit went through before the connection dropped
                check_generation(conn, generation)
                counts = write(conn, **batch)
                stamp = new_generation(conn)
            return stamp, counts
        except DBAPIError as error:
            if not is_transient(error) or attempt == len(delays):
                raise store_error(error, where) from None
            sent = stamp or sent
            if on_retry:
                on_retry(attempt + 1, error)
            sleep(delays[attempt])
        except SQLAlchemyError as error:
            raise store_error(error, where) from None
    raise AssertionError("unreachable")  # pragma: no cover
