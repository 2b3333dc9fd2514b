"""Killing an import mid-write (SIGKILL) leaves a database that opens and holds all or nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from steppewatch.store import open_store
from steppewatch.store.dataset_io import EVENT_COLUMNS

N_EVENTS = 15_000


def _big_csv(path: Path) -> Path:
    rows = [",".join(EVENT_COLUMNS)]
    for i in range(N_EVENTS):
        rows.append(
            f"2015-05-{1 + i % 28:02d}-meeting-cn-kz-{i},meeting,Переговоры {i},2015-05-{1 + i % 28:02d},,CN;KZ,"
            f"bilateral,Астана,Xi Jinping (President),Nursultan Nazarbayev (President),head_of_state,"
            f"law_enforcement,terrorism;separatism,,Стороны обсудили борьбу с терроризмом,single_source"
        )
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.mark.slow
@pytest.mark.parametrize("kill_at_wal_bytes", [64 * 1024, 2 * 1024 * 1024])
def test_sigkill_during_import_leaves_all_or_nothing(
    tmp_path: Path, kill_at_wal_bytes: int
) -> None:
    db = tmp_path / "crash.db"
    url = f"sqlite:///{db}"
    store = open_store(url)  # create the schema and one prior event that must survive
    before = store.count_events()
    store.close()
    source = _big_csv(tmp_path / "big.csv")
    process = subprocess.Popen(
        [sys.executable, "-m", "steppewatch", "import", str(source), "--db", url],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wal = Path(str(db) + "-wal")
    deadline = time.monotonic() + 120
    killed = False
    while time.monotonic() < deadline and process.poll() is None:
        if wal.exists() and wal.stat().st_size >= kill_at_wal_bytes:
            os.kill(process.pid, signal.SIGKILL)
            killed = True
            break
        time.sleep(0.005)
    process.wait(timeout=30)
    assert killed, "the import finished before it could be killed; raise N_EVENTS"
    reopened = open_store(url)
    with reopened.engine.connect() as conn:
        assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    count = reopened.count_events()
    assert count in (before, before + N_EVENTS)
    # and the import can simply be run again to completion
    result = subprocess.run(
        [sys.executable, "-m", "steppewatch", "import", str(source), "--db", url],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert reopened.count_events() == before + N_EVENTS
