"""Issue 13.4: a confidence per code stored with machine events (migration 12) and the review
queue sortable by it, the least certain coding first. The events come from ingesting
hand-written readouts (Chinese and Russian, fictional details) with the default coder."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select
from tests.factories import make_event
from tests.ingest.test_pipeline import write

from steppewatch.ingest import Ingestor
from steppewatch.models import Event
from steppewatch.review import accept_event, review_queue
from steppewatch.sources.archive import Archive
from steppewatch.sources.collect import iter_documents
from steppewatch.store import EventFilter, open_store
from steppewatch.store.records import code_confidences, event_confidence
from steppewatch.store.tables import event_codes, events

ZH_MEETING = (
    "赵克志会见塔吉克斯坦内务部长\n"
    "2019年5月16日，国务委员兼公安部部长赵克志在北京会见塔吉克斯坦内务部长拉希姆佐达。\n"
    "双方就深化执法安全合作、共同打击“三股势力”和毒品犯罪交换意见。\n"
)
RU_EXERCISE = (
    "Совместные антитеррористические учения Кыргызстана и Китая\n"
    "20 августа 2019 г. в Иссык-Кульской области завершились совместные антитеррористические "
    "учения силовых структур Кыргызской Республики и КНР. Военнослужащие отработали "
    "освобождение заложников и ликвидацию террористической группы.\n"
)


def _ingest(db_url: str, tmp_path: Path) -> list[Event]:
    folder = tmp_path / "docs"
    folder.mkdir()
    write(folder, "zh_meeting.txt", ZH_MEETING)
    write(folder, "ru_exercise.txt", RU_EXERCISE)
    Ingestor(open_store(db_url), archive=Archive(tmp_path / "archive")).ingest(
        iter_documents([folder])
    )
    return open_store(db_url).list_events(EventFilter.make(statuses=["machine"]))


def test_machine_events_carried_no_confidence(db_url: str, tmp_path: Path) -> None:
    made = _ingest(db_url, tmp_path)
    assert {e.kind for e in made} == {"meeting", "bilateral_exercise"}
    store = open_store(db_url)
    with store.engine.connect() as conn:
        stored = dict(conn.execute(select(events.c.id, events.c.confidence)).all())
        codes = conn.execute(
            select(event_codes.c.event_id, event_codes.c.facet, event_codes.c.code,
                   event_codes.c.confidence)
        ).all()  # fmt: skip
    for event in made:
        per_code = code_confidences(event)
        every_code = {"kind"} | {
            f"{facet}:{code}"
            for facet, codes in (("country", event.countries), ("topic", event.topics),
                                 ("domain", event.domains))
            for code in codes
        }  # fmt: skip
        assert event.topics and every_code <= set(per_code)
        assert all(0.0 < v <= 1.0 for v in per_code.values())
        assert stored[event.id] == pytest.approx(min(per_code.values()))
        assert event_confidence(event) == pytest.approx(stored[event.id])
    meeting = next(e for e in made if e.kind == "meeting")
    assert "level" in code_confidences(meeting)
    # every code row of a machine event has the coder's confidence in that code
    rows = {(r.event_id, r.facet, r.code): r.confidence for r in codes}
    country = rows[(meeting.id, "country", "TJ")]
    assert country == pytest.approx(code_confidences(meeting)["country:TJ"])
    assert all(v is not None for (eid, _, _), v in rows.items() if eid == meeting.id)


def test_review_queue_could_not_put_the_least_certain_first(db_url: str) -> None:
    store = open_store(db_url)
    sure = make_event(1, review_status="machine", attributes={"confidence": {"kind": 0.97}})
    unsure = make_event(
        2,
        review_status="machine",
        date_start="2019-06-10",
        attributes={"confidence": {"kind": 0.9, "country:KG": 0.41, "topic:terrorism": 0.8}},
    )
    unscored = make_event(3, review_status="machine", date_start="2019-06-20")
    store.add_events([sure, unsure, unscored])
    by_date = [e.id for e in review_queue(store).machine_events]
    assert by_date == [unscored.id, sure.id, unsure.id]  # newest first, as before
    by_confidence = [e.id for e in review_queue(store, order="confidence").machine_events]
    assert by_confidence == [unsure.id, sure.id, unscored.id]  # no score: after every scored one
    with store.engine.connect() as conn:
        low = conn.execute(
            select(event_codes.c.confidence).where(
                event_codes.c.event_id == unsure.id, event_codes.c.code == "KG"
            )
        ).scalar()
    assert low == pytest.approx(0.41)
    accept_event(store, unsure.id, "alice")  # reviewed: leaves the queue, keeps its scores
    assert [e.id for e in review_queue(store, order="confidence").machine_events][0] == sure.id
    with pytest.raises(ValueError, match="order"):
        review_queue(store, order="-confidence")


def test_migration_12_adds_the_columns_to_an_older_database(sqlite_url: str) -> None:
    store = open_store(sqlite_url)
    store.add_events([make_event(1, review_status="machine")])
    with store.engine.begin() as conn:
        for sql in (
            "DROP INDEX ix_events_status_confidence",
            "ALTER TABLE events DROP COLUMN confidence",
            "ALTER TABLE event_codes DROP COLUMN confidence",
            "DELETE FROM schema_migrations WHERE version = 12",
        ):
            conn.exec_driver_sql(sql)
    store.close()
    store = open_store(sqlite_url)  # applies migration 12 again
    with store.engine.connect() as conn:
        assert conn.execute(select(events.c.confidence)).scalars().all() == [None]
        plan = conn.exec_driver_sql(
            "EXPLAIN QUERY PLAN SELECT id FROM events WHERE review_status = 'machine' "
            "ORDER BY confidence"
        ).all()
    assert "ix_events_status_confidence" in " ".join(str(r[-1]) for r in plan)
    store.add_events(
        [make_event(2, review_status="machine", attributes={"confidence": {"kind": 0.5}})]
    )
    assert [e.id for e in review_queue(store, order="confidence").machine_events][0] == make_event(
        2
    ).id
