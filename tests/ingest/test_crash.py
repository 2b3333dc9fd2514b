"""Crash safety: ingest killed with SIGKILL at several points, then rerun: no duplicates, no
half-written records, nothing committed before the kill lost."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import func, select

from steppewatch.ingest import Ingestor
from steppewatch.sources.archive import Archive
from steppewatch.sources.collect import iter_documents
from steppewatch.store import open_store
from steppewatch.store.document_tables import coded_items, documents
from steppewatch.store.tables import events, sources
from tests.ingest.fake_coder import FakeCoder, fake_extract

REPO = Path(__file__).resolve().parents[2]
PARTNERS = ["KZ", "KG", "TJ", "UZ", "TM"]
N_EVENTS = 20
TEMPLATES = (
    "中国国防部长同{cc}国防部长会谈 第{n}号\n@item kind=meeting countries=CN,{cc} date={date} topics=terrorism\n双方表示将深化防务安全合作。\n",
    "Министры обороны Китая и {cc} провели переговоры №{n}\n@item kind=meeting countries={cc},CN date={date} topics=extremism\nСтороны договорились углублять сотрудничество.\n",
    "Defence ministers of China and {cc} meet, no. {n}\n@item kind=meeting countries=CN,{cc} date={date} topics=border_security\nBoth sides agreed to deepen cooperation.\n",
)

RUNNER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from steppewatch.ingest import Ingestor
    from steppewatch.sources.archive import Archive
    from steppewatch.sources.collect import iter_documents
    from steppewatch.store import open_store
    from tests.ingest.fake_coder import FakeCoder, fake_extract

    db, folder, archive = sys.argv[1:4]
    ingestor = Ingestor(open_store(db), archive=Archive(archive), coder=FakeCoder(),
                        extractor=fake_extract, batch_size=4)
    def committed(n):
        print(f"committed {n}", flush=True)
    ingestor.ingest(iter_documents([Path(folder)]), on_commit=committed)
    print("done", flush=True)
""")


def make_corpus(folder: Path) -> int:
    folder.mkdir()
    count = 0
    for n in range(N_EVENTS):
        cc = PARTNERS[n % 5]
        date = f"2018-{1 + n % 12:02d}-{1 + 2 * (n // 12):02d}"
        for lang, template in enumerate(TEMPLATES):
            # documents about one event are spread over the run, so linking crosses batches
            (folder / f"{lang}_{n:03d}.txt").write_text(template.format(cc=cc, n=n, date=date))
            count += 1
    return count


def run_and_kill(db: str, folder: Path, archive: Path, kill_after: int | None) -> int:
    """Run ingest in a subprocess; SIGKILL it right after the ``kill_after``-th commit line.
    Returns the number of documents that process reported committed."""
    process = subprocess.Popen(
        [sys.executable, "-c", RUNNER, db, str(folder), str(archive)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    committed = 0
    assert process.stdout is not None
    for line in process.stdout:
        if line.startswith("committed"):
            committed = int(line.split()[1])
            if kill_after is not None and committed >= kill_after:
                os.kill(process.pid, signal.SIGKILL)
                break
    process.wait(timeout=120)
    if kill_after is None:
        assert process.returncode == 0, process.stderr.read() if process.stderr else ""
    return committed


def check_consistent(db: str, expected_docs: int | None = None) -> tuple[int, int]:
    store = open_store(db)
    with store.engine.connect() as conn:
        n_docs = conn.execute(select(func.count()).select_from(documents)).scalar_one()
        coded_docs = set(
            conn.execute(select(documents.c.id).where(documents.c.status == "coded")).scalars()
        )
        item_docs = set(conn.execute(select(coded_items.c.document_id)).scalars())
        assert item_docs == coded_docs  # no document without its items, no orphan items
        n_events = conn.execute(select(func.count()).select_from(events)).scalar_one()
        pairs = list(conn.execute(select(sources.c.event_id, sources.c.document_id)))
        assert len(pairs) == len(set(pairs))  # a document is never twice a source of one event
        linked = set(
            conn.execute(
                select(coded_items.c.event_id).where(coded_items.c.event_id.is_not(None))
            ).scalars()
        )
        stored_events = set(conn.execute(select(events.c.id)).scalars())
        assert linked <= stored_events
    if expected_docs is not None:
        assert n_docs == expected_docs
    store.close()
    return n_docs, n_events


@pytest.mark.parametrize("kill_points", [(1, 4, 9)])
def test_sigkill_then_rerun_gives_no_duplicates(
    tmp_path: Path, kill_points: tuple[int, ...]
) -> None:
    folder = tmp_path / "docs"
    total = make_corpus(folder)
    db = f"sqlite:///{tmp_path / 'crash.db'}"
    archive = tmp_path / "archive"
    open_store(db).close()
    previous = 0
    for point in kill_points:
        reported = run_and_kill(db, folder, archive, kill_after=point * 4)
        stored, _ = check_consistent(db)
        assert stored >= previous  # nothing committed before is lost
        assert stored >= min(reported, total) or reported == 0
        previous = stored
    run_and_kill(db, folder, archive, kill_after=None)
    stored, n_events = check_consistent(db, expected_docs=total)
    assert n_events == N_EVENTS
    store = open_store(db)
    for event in store.list_events():
        assert len(event.sources) == 3, event.id
    final = Ingestor(store, archive=Archive(archive), coder=FakeCoder(), extractor=fake_extract)
    summary = final.ingest(iter_documents([folder]))
    assert summary.unchanged == total and summary.new == 0
    import hashlib

    for path in archive.glob("*/*"):
        if not path.name.endswith((".json", ".tmp")):  # a .tmp is a write cut short by the kill
            assert hashlib.sha256(path.read_bytes()).hexdigest() == path.name
