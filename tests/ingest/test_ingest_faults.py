"""Faults during ingest (issue 18): a reviewer's long write holding the SQLite database, a
PostgreSQL connection dropped mid-batch, a disk that fills. The run waits or retries and goes
on; when it cannot, it stops with one coded line and leaves whole batches, never half of one."""

from __future__ import annotations

import sqlite3
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, event, func, select, text

import steppewatch.ingest.batch_commit as batch_commit
import steppewatch.ingest.pipeline as pipeline
from steppewatch.errors import StoreError
from steppewatch.sources.collect import iter_documents
from steppewatch.store.document_tables import coded_items, documents
from steppewatch.store.tables import events, sources
from tests.ingest.test_pipeline import (
    IRRELEVANT,
    RU_MEETING,
    TJ_EXERCISE,
    ZH_MEETING,
    make_ingestor,
    write,
)


def _corpus(folder: Path, copies: int = 6) -> Path:
    folder.mkdir(parents=True)
    for i in range(copies):  # distinct bytes per copy: distinct documents
        for name, body in (
            ("zh", ZH_MEETING),
            ("ru", RU_MEETING),
            ("tj", TJ_EXERCISE),
            ("x", IRRELEVANT),
        ):
            write(folder, f"{i:02d}_{name}.txt", body + f"\n（第{i}份）\n" * (i + 1))
    return folder


def _counts(engine: Any) -> tuple[int, int, int, int]:
    with engine.connect() as conn:
        return tuple(  # type: ignore[return-value]
            conn.execute(select(func.count()).select_from(t)).scalar_one()
            for t in (documents, coded_items, events, sources)
        )


def test_reviewer_write_locking_sqlite_stopped_ingest(tmp_path: Path) -> None:
    """A reviewer's save holds SQLite's write lock longer than the busy timeout (shortened to
    0.1 s here, 30 s in use): the batch is written again once the lock is gone."""
    db = tmp_path / "sw.db"
    ingestor = make_ingestor(f"sqlite:///{db}", tmp_path, batch_size=4)
    engine = ingestor.store.engine
    event.listen(engine, "connect", lambda dbapi, _r: dbapi.execute("PRAGMA busy_timeout=100"))
    engine.dispose()  # new connections get the short timeout
    retries: list[int] = []
    reviewer = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    reviewer.execute("BEGIN IMMEDIATE")
    reviewer.execute("INSERT INTO meta(key, value) VALUES ('reviewer_note', 'сохраняю правку')")
    release = threading.Timer(1.5, lambda: reviewer.execute("COMMIT"))
    release.start()
    try:
        summary = ingestor.ingest(
            iter_documents([_corpus(tmp_path / "docs")]),
            on_retry=lambda attempt, error: retries.append(attempt),
        )
    finally:
        release.join()
        reviewer.close()
    assert retries, "the ingest never met the reviewer's lock"
    assert (summary.new, summary.failed) == (24, 0)
    assert _counts(engine)[0] == 24
    assert ingestor.store.get_meta("reviewer_note") == "сохраняю правку"


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh PostgreSQL database (STEPPEWATCH_TEST_PG, as in tests/conftest.py)."""
    import os

    from tests.conftest import PG_ENV, _pg_database

    admin_url = os.environ.get(PG_ENV)
    if not admin_url:
        pytest.skip(f"PostgreSQL tests need {PG_ENV} (.ci/run sets it)")
    yield from _pg_database(admin_url)


@pytest.mark.postgres
def test_postgres_connection_lost_mid_ingest_duplicated_or_lost_batch(
    pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ingestor = make_ingestor(pg_url, tmp_path, batch_size=4)
    admin = create_engine(ingestor.store.engine.url, isolation_level="AUTOCOMMIT")
    real_write = pipeline.write_batch
    killed: list[int] = []

    def write_then_lose_connection(conn: Any, **batch: Any) -> Any:
        counts = real_write(conn, **batch)
        if len(killed) < 2:  # the second and third batches lose their connection before COMMIT
            pid = conn.execute(text("SELECT pg_backend_pid()")).scalar_one()
            with admin.connect() as other:
                other.execute(text("SELECT pg_terminate_backend(:p)"), {"p": pid})
            killed.append(pid)
        return counts

    monkeypatch.setattr(pipeline, "write_batch", write_then_lose_connection)
    monkeypatch.setattr(batch_commit, "RETRY_DELAYS", (0.1,) * 8)
    folder = _corpus(tmp_path / "docs")
    summary = ingestor.ingest(iter_documents([folder]))
    admin.dispose()
    assert len(killed) == 2 and (summary.new, summary.failed) == (24, 0)

    (tmp_path / "clean").mkdir()
    clean = make_ingestor(f"sqlite:///{tmp_path / 'clean' / 'c.db'}", tmp_path / "clean")
    clean.ingest(iter_documents([folder]))
    assert _counts(ingestor.store.engine) == _counts(clean.store.engine)
    with ingestor.store.engine.connect() as conn:
        ids = conn.execute(select(documents.c.id)).scalars().all()
    assert len(ids) == len(set(ids)) == 24


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 3 MB tmpfs that fills up (needs root and mount; skips otherwise)."""
    mount = tmp_path / "small"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_disk_full_during_ingest_gave_traceback(small_disk: Path, tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    for i in range(60):  # ~60 KB each: the disk fills after a few batches
        write(folder, f"{i:02d}_zh.txt", ZH_MEETING + ("双方同意深化安全合作。" * 2000) + f"{i}")
    db = small_disk / "sw.db"
    ingestor = make_ingestor(f"sqlite:///{db}", small_disk, batch_size=5)
    with pytest.raises(StoreError) as info:
        ingestor.ingest(iter_documents([folder]))
    assert info.value.code in ("SW361", "SW368"), str(info.value)
    assert "full" in str(info.value) or "space" in str(info.value)
    ingestor.store.close()
    check = sqlite3.connect(db)
    try:
        assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        stored = check.execute("SELECT count(*) FROM documents").fetchone()[0]
        items = check.execute("SELECT count(DISTINCT document_id) FROM coded_items").fetchone()[0]
    finally:
        check.close()
    assert stored % 5 == 0 and stored < 60  # whole batches only
    assert items == stored  # every stored document has its coded items: nothing half-written


def test_disk_full_during_ingest_cli_is_one_coded_line(small_disk: Path, tmp_path: Path) -> None:
    import os
    import sys

    folder = tmp_path / "docs"
    folder.mkdir()
    for i in range(60):
        write(
            folder,
            f"{i:02d}_ru.txt",
            RU_MEETING + ("Стороны обсудили безопасность. " * 2000) + f"{i}",
        )
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "steppewatch",
            "ingest",
            str(folder),
            "--batch",
            "5",
            "--db",
            str(small_disk / "sw.db"),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "STEPPEWATCH_DB": ""},
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr[-2000:]
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith(("Error: [SW361]", "Error: [SW368]")), last
    assert "documents:" not in result.stdout  # no summary passed off as a finished run


class _CommitThenDrop:
    """An engine whose first transaction commits and then reports a dropped connection, as
    when PostgreSQL goes away between receiving COMMIT and answering it."""

    def __init__(self, engine: Any) -> None:
        self.engine, self.url, self.dropped = engine, engine.url, 0

    def begin(self) -> Any:
        from contextlib import contextmanager

        from sqlalchemy.exc import OperationalError

        @contextmanager
        def transaction() -> Iterator[Any]:
            with self.engine.begin() as conn:
                yield conn
            if not self.dropped:
                self.dropped += 1
                raise OperationalError(
                    "COMMIT", {}, Exception("server closed the connection unexpectedly")
                )

        return transaction()


def test_commit_lost_after_it_went_through_wrote_batch_twice(tmp_path: Path) -> None:
    from steppewatch.ingest.ingest_lock import read_generation
    from steppewatch.ingest.pipeline import _document_row
    from steppewatch.sources.raw import RawDocument

    ingestor = make_ingestor(f"sqlite:///{tmp_path / 'sw.db'}", tmp_path)
    raw = RawDocument(data=RU_MEETING.encode(), source_path="ru.txt")
    row = _document_row(raw, raw.sha256, "archive/ru")
    engine = _CommitThenDrop(ingestor.store.engine)
    stamp, _ = batch_commit.commit_batch(
        engine,
        generation=ingestor._generation,
        delays=(0.0,),  # type: ignore[arg-type]
        document_rows=[row],
        item_rows=[],
        suggestion_rows=[],
        changed_events={},
    )
    assert engine.dropped == 1
    with ingestor.store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(documents)).scalar_one() == 1
        assert read_generation(conn) == stamp  # the retry saw its own stamp: not inserted again
