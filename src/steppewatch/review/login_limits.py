"""Throttling of failed sign-ins, counted in the database so it holds across web workers.

A failed sign-in is one row of ``login_failures`` (account name as typed, lower-cased; client
address; time). Before a password is checked, the account and the client address are looked up:

- an account with ``ACCOUNT_LIMIT`` failures in the last ``WINDOW_SECONDS`` is refused (password
  guessing on one account), whoever asks;
- a client address with ``CLIENT_LIMIT`` failures in that window is refused (guessing across
  accounts from one address; higher than the account limit because several people may share
  an address).

Other accounts and other addresses are not affected, so a reviewer signing in from their own
address is never blocked by someone else's failures on another account. A successful sign-in
removes its account's failures. Rows older than the window are deleted as new failures come in.
The table is created by migration 6.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from sqlalchemy import Column, Float, Index, Integer, MetaData, String, Table, delete, func, select

from steppewatch.store import Store

WINDOW_SECONDS = 15 * 60
ACCOUNT_LIMIT = 5
CLIENT_LIMIT = 20

_metadata = MetaData()  # not the store's metadata: only migration 6 creates this table
login_failures = Table(
    "login_failures",
    _metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("account", String(200), nullable=False),
    Column("client", String(100), nullable=False),
    Column("at", Float, nullable=False),  # seconds since the epoch
    Index("ix_login_failures_account", "account", "at"),
    Index("ix_login_failures_client", "client", "at"),
)


@dataclass(frozen=True)
class Throttle:
    """A refusal: which limit was reached and in how many seconds a new attempt is allowed."""

    scope: str  # "account" | "client"
    retry_after: int


def _account(name: str) -> str:
    return name.strip().lower()[:200]


def _client(address: str | None) -> str:
    return (address or "unknown")[:100]


def check(store: Store, name: str, address: str | None, *, now: float | None = None) -> Throttle | None:
    """A Throttle if the account or the client address has reached its limit, else None."""
    now = time.time() if now is None else now
    since = now - WINDOW_SECONDS
    with store.engine.connect() as conn:
        for scope, column, value, limit in (
            ("account", login_failures.c.account, _account(name), ACCOUNT_LIMIT),
            ("client", login_failures.c.client, _client(address), CLIENT_LIMIT),
        ):
            recent = select(login_failures.c.at).where(column == value, login_failures.c.at > since)
            count = conn.execute(select(func.count()).select_from(recent.subquery())).scalar_one()
            if count >= limit:
                # allowed again when the oldest failure that keeps the count at the limit ages out
                times = conn.execute(recent.order_by(login_failures.c.at.desc()).limit(limit)).scalars().all()
                return Throttle(scope, max(1, int(min(times) + WINDOW_SECONDS - now) + 1))
    return None


def record_failure(store: Store, name: str, address: str | None, *, now: float | None = None) -> None:
    now = time.time() if now is None else now
    with store.engine.begin() as conn:
        conn.execute(login_failures.insert().values(account=_account(name), client=_client(address), at=now))
        conn.execute(delete(login_failures).where(login_failures.c.at <= now - WINDOW_SECONDS))


def record_success(store: Store, name: str) -> None:
    with store.engine.begin() as conn:
        conn.execute(delete(login_failures).where(login_failures.c.account == _account(name)))
