"""Accept, edit, reject; event_codes stay in sync; every change is in the audit log."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text

from steppewatch.errors import NotFound, ReviewError, ValidationFailed
from steppewatch.review import (
    accept_event,
    edit_event,
    list_audit,
    reject_event,
    review_queue,
)
from steppewatch.review.actions import content_hash_of
from steppewatch.store import EventFilter
from steppewatch.store.tables import event_codes

UZ = "2022-04-02-meeting-cn-uz-1"
KG = "2023-07-09-meeting-cn-kg-1"


def codes(store, event_id, facet):
    with store.engine.connect() as conn:
        return sorted(
            conn.execute(
                select(event_codes.c.code).where(
                    event_codes.c.event_id == event_id, event_codes.c.facet == facet
                )
            ).scalars()
        )


def test_queue_lists_machine_events(store):
    queue = review_queue(store)
    assert queue.machine_total == 2
    assert {e.id for e in queue.machine_events} == {UZ, KG}
    assert queue.suggestions_total == 0  # no ingest tables here


def test_accept(store):
    event = accept_event(store, UZ, "alice")
    assert event.review_status == "accepted"
    assert store.get_event(UZ).review_status == "accepted"
    entry = list_audit(store, event_id=UZ)[0]
    assert (entry.actor, entry.action) == ("alice", "accept")
    assert entry.before["review_status"] == "machine" and entry.after["review_status"] == "accepted"
    with pytest.raises(ReviewError):
        accept_event(store, UZ, "alice")
    assert review_queue(store).machine_total == 1


def test_edit_keeps_event_codes_in_sync(store):
    edit_event(
        store,
        KG,
        "bob",
        {
            "topics": ["border_security", "drug_trafficking"],
            "countries": ["CN", "KG", "TJ"],
            "title": "Встреча пограничных служб",
        },
        reason="два источника",
    )
    event = store.get_event(KG)
    assert event.review_status == "edited" and event.title == "Встреча пограничных служб"
    assert codes(store, KG, "topic") == ["border_security", "drug_trafficking"]
    assert codes(store, KG, "country") == ["CN", "KG", "TJ"]
    assert [e.id for e in store.list_events(EventFilter(topics=("drug_trafficking",)))] == [KG]
    assert store.facet_counts("country")["TJ"] == 2
    entry = list_audit(store, event_id=KG)[0]
    assert entry.action == "edit" and entry.reason == "два источника"
    assert entry.before["topics"] == ["border_security"]
    assert entry.after["topics"] == ["border_security", "drug_trafficking"]


def _dated_hits(store, word):
    """Event ids whose text matches ``word`` in ``events_fts_dated``, with the date in the key."""
    sql = (
        "SELECT e.id, h.rowid >> 32 FROM events_fts_dated h JOIN events e "
        "ON e.rowid = (h.rowid & 4294967295) WHERE events_fts_dated MATCH :w"
    )
    with store.engine.connect() as conn:
        return sorted(tuple(r) for r in conn.execute(text(sql), {"w": f'"{word}"'}))


def test_edit_is_searchable_at_once(store):
    edit_event(store, KG, "bob", {"summary": "Обсуждали наркотрафик через таджикскую границу"})
    hits = _dated_hits(store, "наркотрафик")
    assert len(hits) == 1 and hits[0][0] == KG


def test_date_edit_moves_the_event_in_the_search_index(store):
    """The search index's rowid holds the date: an edited date replaces the old key (a stale one
    would put the event twice in the date order, or under its old date)."""
    edit_event(store, KG, "bob", {"summary": "Обсуждали наркотрафик", "date_start": "2011-03-04"})
    assert _dated_hits(store, "наркотрафик") == [(KG, 20110304)]
    edit_event(store, KG, "bob", {"date_start": "2019-12-31"})
    assert _dated_hits(store, "наркотрафик") == [(KG, 20191231)]
    with store.engine.connect() as conn:
        conn.exec_driver_sql(
            "INSERT INTO events_fts_dated(events_fts_dated) VALUES ('integrity-check')"
        )


def test_edit_rejects_unknown_codes_and_lists_all_problems(store):
    with pytest.raises(ValidationFailed) as caught:
        edit_event(
            store, KG, "bob", {"topics": ["not_a_topic"], "kind": "battle", "date_start": "2023-13"}
        )
    fields = {i.field for i in caught.value.issues}
    assert {"topics", "kind", "date_start"} <= fields
    assert caught.value.code == "SW702"
    assert store.get_event(KG).review_status == "machine"  # nothing written
    assert [e.action for e in list_audit(store, event_id=KG)] == ["add_events"]  # the fixture


def test_edit_cannot_change_id_or_status(store):
    with pytest.raises(ValidationFailed, match=r"^\[SW702\]"):
        edit_event(store, KG, "bob", {"id": "2023-07-09-meeting-cn-kg-9"})
    with pytest.raises(ValidationFailed):
        edit_event(store, KG, "bob", {"review_status": "accepted"})


def test_reject_needs_a_reason(store):
    with pytest.raises(ReviewError, match=r"^\[SW701\]"):
        reject_event(store, UZ, "alice", "  ")
    reject_event(store, UZ, "alice", "не про безопасность")
    assert store.get_event(UZ).review_status == "rejected"
    assert list_audit(store, event_id=UZ)[0].reason == "не про безопасность"


def test_stale_form_is_refused(store):
    digest = content_hash_of(store, UZ)
    edit_event(store, UZ, "bob", {"title": "王毅会见乌兹别克斯坦外长萨伊多夫"})
    with pytest.raises(ReviewError) as caught:
        accept_event(store, UZ, "alice", expected_hash=digest)
    assert caught.value.code == "SW712"


def test_unknown_event(store):
    with pytest.raises(NotFound):
        accept_event(store, "2020-01-01-meeting-cn-kg-99", "alice")


def test_reviewed_event_survives_a_reimport(store):
    before = store.get_event(KG)
    edit_event(store, KG, "bob", {"topics": ["drug_trafficking"]})
    counts = store.add_events([before])  # the machine writes its old codes again
    assert counts.skipped_reviewed == [KG]
    assert store.get_event(KG).topics == ["drug_trafficking"]


def test_audit_log_is_append_only(store):
    accept_event(store, UZ, "alice")
    with store.engine.connect() as conn:
        for statement in ("UPDATE audit_log SET actor = 'mallory'", "DELETE FROM audit_log"):
            with pytest.raises(Exception, match="append-only"):
                conn.execute(text(statement))
            conn.rollback()
    assert list_audit(store)[0].actor == "alice"
