"""Failed sign-ins are throttled per account and per client address, counted in the database
(two app instances share the count, as workers do); other accounts and addresses are not
affected; the refusal is a 429 in the error shape with Retry-After."""

from __future__ import annotations

from typing import Any

from starlette.testclient import TestClient

from steppewatch.review import login_limits
from steppewatch.store import open_store
from steppewatch.web import create_app


def _attempt(client: Any, web: Any, name: str, password: str) -> Any:
    token = web.csrf_of(client.get("/login").text)
    return client.post(
        "/login",
        data={"name": name, "password": password, "csrf_token": token, "next": "/review"},
        follow_redirects=False,
    )


def test_account_throttled_across_workers_other_account_not(db_url: str, web: Any) -> None:
    with (
        TestClient(create_app(db_url, secret="s")) as one,
        TestClient(create_app(db_url, secret="s")) as two,
    ):
        for i in range(login_limits.ACCOUNT_ADDRESS_LIMIT):
            worker = (one, two)[i % 2]
            assert _attempt(worker, web, "alice", f"wrong password {i}").status_code == 401
        # the limit is reached in both workers, even with the right password
        for worker in (one, two):
            r = _attempt(worker, web, "alice", web.PASSWORD)
            assert r.status_code == 429
            assert 1 <= int(r.headers["retry-after"]) <= login_limits.WINDOW_SECONDS + 1
            assert "SW731" in r.text and "too many failed sign-ins" in r.text
        # bob, from the same address, signs in: alice's failures are not his
        assert _attempt(two, web, "bob", web.PASSWORD).status_code == 303


def test_client_address_throttled_and_window_expires(db_url: str) -> None:
    store = open_store(db_url)
    start = 1_000_000.0
    for i in range(login_limits.CLIENT_LIMIT):
        login_limits.record_failure(store, f"user{i}", "10.0.0.7", now=start + i)
    refused = login_limits.check(store, "bob", "10.0.0.7", now=start + 30)
    assert refused is not None and refused.scope == "client"
    assert refused.retry_after == login_limits.WINDOW_SECONDS - 30 + 1
    assert login_limits.check(store, "bob", "10.0.0.8", now=start + 30) is None  # another address
    later = start + login_limits.WINDOW_SECONDS + 1  # the first failure has aged out
    assert login_limits.check(store, "bob", "10.0.0.7", now=later) is None
    store.close()


def test_success_clears_the_accounts_failures(db_url: str, web: Any) -> None:
    with TestClient(create_app(db_url, secret="s")) as client:
        for i in range(login_limits.ACCOUNT_ADDRESS_LIMIT - 1):
            assert _attempt(client, web, "Alice", f"bad {i}").status_code == 401
        assert _attempt(client, web, "alice", web.PASSWORD).status_code == 303
        store = client.app.state.web.store
        assert login_limits.check(store, "alice", "testclient") is None
        with store.engine.connect() as conn:
            left = conn.execute(login_limits.login_failures.select()).all()
        assert left == []


def _from(address: str, db_url: str) -> TestClient:
    return TestClient(create_app(db_url, secret="s"), client=(address, 50000))


def test_stranger_locked_reviewer_out_with_five_wrong_passwords(db_url: str, web: Any) -> None:
    """Issue 18 point 10: five wrong passwords from anywhere locked alice out for 15 minutes.
    Now they refuse that stranger's address for alice only; alice signs in from her own."""
    with _from("198.51.100.66", db_url) as stranger, _from("192.0.2.10", db_url) as alice:
        for i in range(login_limits.ACCOUNT_ADDRESS_LIMIT):
            assert _attempt(stranger, web, "alice", f"угадываю {i}").status_code == 401
        assert _attempt(stranger, web, "alice", f"угадываю {i}").status_code == 429
        assert _attempt(stranger, web, "alice", web.PASSWORD).status_code == 429  # even if right
        assert _attempt(alice, web, "alice", web.PASSWORD).status_code == 303


def test_guessing_from_many_addresses_slows_strangers_not_the_reviewer(db_url: str) -> None:
    store = open_store(db_url)
    start = 2_000_000.0
    login_limits.record_success(store, "alice", "192.0.2.10", now=start - 86400)  # her office
    failures = 30  # 6 addresses x 5 attempts: every address stays under its own limits
    for i in range(failures):
        login_limits.record_failure(store, "Alice", f"198.51.100.{i // 5}", now=start + i)
    latest = start + failures - 1
    # her own address: not slowed at all
    assert login_limits.check(store, "alice", "192.0.2.10", now=latest + 0.5) is None
    # a new address (alice at a conference, or a seventh guesser) waits, at most a minute ...
    slowed = login_limits.check(store, "alice", "203.0.113.9", now=latest + 0.5)
    assert slowed is not None and slowed.scope == "account"
    assert slowed.retry_after <= login_limits.MAX_DELAY_SECONDS
    # ... and is then let in: a slowdown, never a lockout
    after = latest + login_limits.MAX_DELAY_SECONDS + 0.1
    assert login_limits.check(store, "alice", "203.0.113.9", now=after) is None
    assert [login_limits.account_delay(n) for n in (10, 11, 12, 13, 20)] == [0, 1, 2, 4, 60]
    # alice signing in does not wipe the guessers' record elsewhere
    login_limits.record_success(store, "alice", "192.0.2.10", now=after)
    assert login_limits.check(store, "alice", "198.51.100.0", now=after) is not None
    store.close()
