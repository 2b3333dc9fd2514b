"""``steppewatch import`` and ``init`` take the ingest lock (issue 18: one writer of documents and
events at a time). While another process holds it, an import waits and says so, writes nothing,
and loads everything once the lock is free; it then renews the generation stamp, so an ingest
that read the database before the import reloads it."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from steppewatch.ingest.ingest_lock import IngestLock, read_generation
from steppewatch.store import open_store
from steppewatch.study import dataset_dir, load_study


def _read_lines(stream: object, into: list[str]) -> None:
    for line in stream:  # type: ignore[attr-defined]
        into.append(line)


def test_import_waits_for_the_ingest_lock_then_loads_everything(
    db_url: str, tmp_path: Path
) -> None:
    store = open_store(db_url)
    events_csv = dataset_dir(load_study(None)) / "events.csv"
    with store.engine.connect() as conn:
        before = read_generation(conn)
    lock = IngestLock(store)
    lock.acquire()
    proc = subprocess.Popen(
        [sys.executable, "-m", "steppewatch", "import", str(events_csv), "--db", db_url],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "STEPPEWATCH_DB": ""},
    )
    err: list[str] = []
    reader = threading.Thread(target=_read_lines, args=(proc.stderr, err), daemon=True)
    reader.start()
    try:
        deadline = time.monotonic() + 120
        while not any("waiting for another ingest or import" in line for line in err):
            assert proc.poll() is None, "".join(err)[-3000:]
            assert time.monotonic() < deadline, "the import never said it was waiting"
            time.sleep(0.1)
        assert store.count_events() == 0  # nothing written while the lock is held
    finally:
        lock.release()
    out, _ = proc.communicate(timeout=300)
    reader.join(timeout=10)
    assert proc.returncode == 0, "".join(err)[-3000:]
    assert "525 rows, 525 valid, 0 rejected; 525 new" in out
    assert store.count_events() == 525
    with store.engine.connect() as conn:
        assert read_generation(conn) not in (None, before)
    store.engine.dispose()
