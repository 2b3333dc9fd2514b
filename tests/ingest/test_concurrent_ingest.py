"""Three ``steppewatch ingest`` processes at once on one database (issue 18, point 6): all
finish with exit 0, and the database holds exactly what one ingest stores. Real processes on
real saved pages (the china_fm corpus), on SQLite and PostgreSQL."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text

from steppewatch.store.database import resolve_url

NAMES = ("吉尔吉斯", "哈萨克斯坦", "塔吉克斯坦", "Kyrgyz", "Kazakhstan", "Tajikistan")


def _corpus(pages: Path, folder: Path, count: int = 48) -> Path:
    """Pages that name a Central Asian state: they create events and add sources to them."""
    folder.mkdir()
    chosen = 0
    for page in sorted(pages.iterdir()):
        data = page.read_bytes()
        if any(name.encode() in data for name in NAMES):
            shutil.copy(page, folder / page.name)
            chosen += 1
            if chosen == count:
                break
    return folder


def _ingest(folder: Path, db: str, cwd: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "steppewatch", "ingest", str(folder), "--batch", "4", "--db", db],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "STEPPEWATCH_DB": ""},
    )


def snapshot(db: str) -> dict[str, list[tuple[Any, ...]]]:
    """What an ingest stores, without time stamps."""
    queries = {
        "documents": "SELECT id, status, duplicate_of, error, title FROM documents ORDER BY id",
        "items": "SELECT document_id, item_index, relevant, event_id, link FROM coded_items "
        "ORDER BY document_id, item_index",
        "events": "SELECT id, kind, countries, date_start, date_end, title, review_status, "
        "content_hash FROM events ORDER BY id",
        "sources": "SELECT event_id, position, url, document_id FROM sources "
        "ORDER BY event_id, position",
        "suggestions": "SELECT event_id, field, document_id FROM suggestions "
        "ORDER BY event_id, field, document_id",
    }
    engine = create_engine(resolve_url(db))
    try:
        with engine.connect() as conn:
            return {name: [tuple(r) for r in conn.execute(text(q))] for name, q in queries.items()}
    finally:
        engine.dispose()


def test_three_concurrent_ingests_crashed_with_unique_constraint(
    db_url: str, tmp_path: Path, china_fm_dir: Path
) -> None:
    folder = _corpus(china_fm_dir, tmp_path / "pages")
    work = tmp_path / "work"
    work.mkdir()
    runs = [_ingest(folder, db_url, work) for _ in range(3)]
    results = [(p.wait(timeout=600), *p.communicate()) for p in runs]
    for code, out, err in results:
        assert code == 0 and "Traceback" not in err, err[-3000:]
        assert "48 documents:" in out
    # one run stored the 48 documents; the others, started at the same moment, waited for it
    # and then found every document already stored
    new = sorted(int(out.split(": ", 1)[1].split(" new")[0]) for _, out, _ in results)
    assert new == [0, 0, 48], [out for _, out, _ in results]

    reference = f"sqlite:///{tmp_path / 'reference' / 'one.db'}"
    (tmp_path / "reference").mkdir()
    single = _ingest(folder, reference, tmp_path / "reference")
    assert single.wait(timeout=600) == 0, single.communicate()[1]
    single.communicate()
    together, alone = snapshot(db_url), snapshot(reference)
    # (4 events since the tenth coder round: a question on Xinjiang's 教培中心 among these pages
    # is no infrastructure event, as dev's gold codes it)
    assert len(alone["documents"]) == 48 and len(alone["events"]) >= 4
    assert any(link == "added_source" for *_, link in alone["items"])
    assert together == alone
