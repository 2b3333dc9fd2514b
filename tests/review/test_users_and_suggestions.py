"""Reviewer accounts (argon2 hashes) and suggestions from ingest."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from steppewatch.errors import ReviewError
from steppewatch.review import accept_suggestion, list_audit, reject_suggestion, review_queue
from steppewatch.review.users import add_user, verify_user
from steppewatch.store.review_tables import users

PASSWORD = "correct horse battery"


def test_passwords_are_hashed_and_verified(store):
    with store.engine.connect() as conn:
        stored = conn.execute(select(users.c.password_hash).where(users.c.name == "alice")).scalar()
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    assert verify_user(store, "alice", PASSWORD).name == "alice"
    assert verify_user(store, "alice", PASSWORD + "x") is None
    assert verify_user(store, "nobody", PASSWORD) is None


@pytest.mark.parametrize(
    ("name", "password", "code"),
    [
        ("alice", "long enough", "SW711"),
        ("bad name", "long enough", "SW710"),
        ("<script>", "long enough", "SW710"),
        ("dave", "short", "SW716"),
    ],
)
def test_bad_accounts_are_refused(store, name, password, code):
    with pytest.raises(ReviewError, match=rf"^\[{code}\]"):
        add_user(store, name, password)


def test_unknown_role_is_its_own_code(store):
    with pytest.raises(ReviewError, match=r"^\[SW715\] unknown role 'редактор'"):
        add_user(store, "dave", "long enough", role="редактор")


def _suggest(store, event_id, field, value):
    from steppewatch.store.document_tables import suggestions

    with store.engine.begin() as conn:
        return conn.execute(
            suggestions.insert().values(
                event_id=event_id,
                field=field,
                value=json.dumps(value, ensure_ascii=False),
                coder="rules 0.1",
                created_at="2026-11-28T00:00:00+00:00",
                status="open",
            )
        ).inserted_primary_key[0]


def test_accept_and_reject_suggestions(store):
    event_id = "2019-06-meeting-cn-tj-1"
    first = _suggest(store, event_id, "topics", ["extremism"])
    second = _suggest(store, event_id, "level", "defence_minister")
    assert review_queue(store).suggestions_total == 2
    event = accept_suggestion(store, first, "alice")
    assert event.topics == ["terrorism", "extremism"] and event.review_status == "edited"
    reject_suggestion(store, second, "bob", "the readout names the foreign ministers")
    assert review_queue(store).suggestions_total == 0
    actions = [e.action for e in list_audit(store, event_id=event_id)]
    assert actions == ["suggestion_reject", "suggestion_accept", "add_events"]
    with pytest.raises(ReviewError):
        accept_suggestion(store, first, "alice")


def test_bad_suggestion_is_refused_without_writing(store):
    from steppewatch.errors import ValidationFailed

    sid = _suggest(store, "2019-06-meeting-cn-tj-1", "topics", ["no_such_topic"])
    with pytest.raises(ValidationFailed):
        accept_suggestion(store, sid, "alice")
    assert review_queue(store).suggestions_total == 1
