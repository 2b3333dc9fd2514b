"""Issue 11.1: every write to an event, by any path, leaves an audit entry, and the store is the
only place that writes events, their codes and their sources."""

from __future__ import annotations

import re
from pathlib import Path

from steppewatch.review.actions import accept_event, edit_event
from steppewatch.review.audit import count_audit, list_audit
from steppewatch.store import open_store
from steppewatch.store.importing import import_events, load_bundled_dataset
from steppewatch.study import load_study
from tests.factories import make_event

SRC = Path(__file__).resolve().parents[2] / "src" / "steppewatch"
WRITER = SRC / "store" / "event_writes.py"


def test_event_writes_left_no_audit_entry(db_url: str) -> None:
    from steppewatch.store import AuditNote

    store = open_store(db_url)
    store.add_events([make_event(1)], audit=AuditNote(actor="tester", action="import"))
    [entry] = list_audit(store, event_id=make_event(1).id)
    assert (entry.actor, entry.action, entry.after["review_status"]) == (
        "tester",
        "import",
        "curated",
    )

    # a reload that changes a curated event logs it whole, before and after
    changed = make_event(1, topics=["terrorism", "drug_trafficking"])
    store.add_events([changed], audit=AuditNote(actor="tester", action="dataset_load"))
    latest = list_audit(store, event_id=changed.id)[0]
    assert latest.action == "dataset_load"
    assert latest.before["topics"] == ["terrorism", "separatism"]
    assert latest.after["topics"] == ["terrorism", "drug_trafficking"]

    # writing the same content again is no write, and no entry
    store.add_events([changed])
    assert count_audit(store, event_id=changed.id) == 2

    # review actions
    store.add_events([make_event(2, review_status="machine")])
    accept_event(store, make_event(2).id, "alice")
    edit_event(store, make_event(2).id, "bob", {"topics": ["extremism"]}, reason="readout says so")
    actions = [e.action for e in list_audit(store, event_id=make_event(2).id)]
    assert actions == ["edit", "accept", "add_events"]

    # deletion keeps the whole record in the log
    assert store.delete_events([changed.id], audit=AuditNote(actor="admin", action="delete")) == 1
    gone = list_audit(store, event_id=changed.id)[0]
    assert gone.action == "delete" and gone.before["id"] == changed.id and gone.after is None


def test_init_and_import_log_every_event(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'a.db'}")
    report = load_bundled_dataset(store, load_study(None))
    assert report.counts.new == 525
    entries = list_audit(store, limit=1000)
    assert len(entries) == 525 and {e.action for e in entries} == {"dataset_load"}
    assert {e.actor for e in entries} == {"steppewatch init"}

    events_csv = tmp_path / "events.jsonl"
    events_csv.write_text(
        make_event(5, title="Встреча министров; 中塔防长会谈").model_dump_json() + "\n",
        encoding="utf-8",
    )
    import_events(store, events_csv)
    [entry] = list_audit(store, event_id=make_event(5).id)
    assert (entry.actor, entry.action, entry.target) == (
        "steppewatch import",
        "import",
        "file:events.jsonl",
    )


# Statements that write the event tables: SQLAlchemy Core and raw SQL.
_WRITES = re.compile(
    r"\b(events|event_codes|sources)\.(insert|update|delete)\(|"
    r"\b(update|delete|insert)\((events|event_codes|sources)\b|"
    r"(INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+(events|event_codes|sources)\b",
    re.IGNORECASE,
)


def test_no_module_writes_event_tables_outside_the_store_writer() -> None:
    offenders = []
    for path in SRC.rglob("*.py"):
        if path == WRITER or path.parent.name == "migrations":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if _WRITES.search(line):
                offenders.append(f"{path.relative_to(SRC)}:{number}: {line.strip()}")
    assert offenders == [], "write events only through store.event_writes (it logs each write)"


def test_ingest_writes_to_machine_events_are_logged(sqlite_url: str, tmp_path: Path) -> None:
    from steppewatch.ingest import Ingestor
    from steppewatch.sources.archive import Archive
    from steppewatch.sources.collect import iter_documents
    from tests.ingest.fake_coder import FakeCoder, fake_extract
    from tests.ingest.test_pipeline import RU_MEETING, ZH_MEETING

    (tmp_path / "a_zh.txt").write_text(ZH_MEETING, encoding="utf-8")
    (tmp_path / "b_ru.txt").write_text(RU_MEETING, encoding="utf-8")
    store = open_store(sqlite_url)
    ingestor = Ingestor(
        store, archive=Archive(tmp_path / "archive"), coder=FakeCoder(), extractor=fake_extract,
        batch_size=1,
    )  # fmt: skip
    summary = ingestor.ingest(iter_documents([tmp_path / "a_zh.txt", tmp_path / "b_ru.txt"]))
    assert (summary.events_created, summary.sources_added) == (1, 1)
    entries = list_audit(store, event_id="2019-06-13-meeting-cn-kg-1")
    assert [e.action for e in entries] == ["ingest_update", "ingest_create"]
    assert {e.actor for e in entries} == {"steppewatch ingest"}
    update = entries[0]
    assert update.before["content_hash"] != update.after["content_hash"]
    assert len(update.after["sources_added"]) == 1 and "sources" not in update.after["changed"]
