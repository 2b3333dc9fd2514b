"""Throttling of failed sign-ins, counted in the database so it holds across web workers.

The rule slows password guessing down without letting a stranger lock a reviewer out:

- **account and address**: ``ACCOUNT_ADDRESS_LIMIT`` (5) failures on one account from one
  client address in ``WINDOW_SECONDS`` (15 minutes) refuse further attempts on that account
  *from that address* only; the reviewer, elsewhere, is not affected;
- **address**: ``CLIENT_LIMIT`` (20) failures from one address across accounts refuse that
  address (higher than the first limit because several people may share an address);
- **account, from anywhere**: beyond ``ACCOUNT_SLOW_AFTER`` (10) failures on one account in the
  window (guessing spread over many addresses), an attempt from an address the account has
  not signed in from must wait a delay after the account's latest failure, doubling with each
  further failure up to ``MAX_DELAY_SECONDS`` (60 s): a slowdown, never a lockout;
- a reviewer's **own addresses** (a successful sign-in from there in the last
  ``KNOWN_ADDRESS_DAYS``, 30 days) skip that delay, so an attack on the account from elsewhere
  does not even slow them down.

A failed sign-in is one row of ``login_failures`` (account name as typed, lower-cased; client
address; time; migration 6); a success removes that account's failures from that address and
records the address in ``login_known_addresses`` (migration 11). Rows older than their window
are deleted as new rows come in. The client address is the connecting one unless ``serve`` is
told to trust a proxy (``--trusted-proxy``).
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

from sqlalchemy import (
    Column,
    Float,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    and_,
    delete,
    func,
    select,
)

from steppewatch.store import Store

WINDOW_SECONDS = 15 * 60
ACCOUNT_ADDRESS_LIMIT = 5
CLIENT_LIMIT = 20
ACCOUNT_SLOW_AFTER = 10
MAX_DELAY_SECONDS = 60
KNOWN_ADDRESS_DAYS = 30

_metadata = MetaData()  # not the store's metadata: migrations 6 and 11 create these tables
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
login_known_addresses = Table(
    "login_known_addresses",
    _metadata,
    Column("account", String(200), primary_key=True),
    Column("client", String(100), primary_key=True),
    Column("at", Float, nullable=False),  # latest successful sign-in from there
)


@dataclass(frozen=True)
class Throttle:
    """A refusal: which limit was reached and in how many seconds a new attempt is allowed."""

    scope: str  # "account_address" | "client" | "account"
    retry_after: int


def _account(name: str) -> str:
    return name.strip().lower()[:200]


def _client(address: str | None) -> str:
    return (address or "unknown")[:100]


def check(
    store: Store, name: str, address: str | None, *, now: float | None = None
) -> Throttle | None:
    """A Throttle if this attempt must wait (see the module doc), else None."""
    now = time.time() if now is None else now
    since = now - WINDOW_SECONDS
    account, client = _account(name), _client(address)
    recent = login_failures.c.at > since
    with store.engine.connect() as conn:
        for scope, where, limit in (
            (
                "account_address",
                and_(login_failures.c.account == account, login_failures.c.client == client),
                ACCOUNT_ADDRESS_LIMIT,
            ),
            ("client", login_failures.c.client == client, CLIENT_LIMIT),
        ):
            times = select(login_failures.c.at).where(where, recent)
            count = conn.execute(select(func.count()).select_from(times.subquery())).scalar_one()
            if count >= limit:
                # allowed again when the oldest failure that keeps the count at the limit ages out
                kept = conn.execute(times.order_by(login_failures.c.at.desc()).limit(limit))
                return Throttle(scope, max(1, int(min(kept.scalars()) + WINDOW_SECONDS - now) + 1))
        count, latest = conn.execute(
            select(func.count(), func.max(login_failures.c.at)).where(
                login_failures.c.account == account, recent
            )
        ).one()
        if count <= ACCOUNT_SLOW_AFTER or latest is None:
            return None
        known = conn.execute(
            select(login_known_addresses.c.at).where(
                login_known_addresses.c.account == account,
                login_known_addresses.c.client == client,
                login_known_addresses.c.at > now - KNOWN_ADDRESS_DAYS * 86400,
            )
        ).first()
    if known is not None:
        return None
    wait = latest + account_delay(count) - now
    return Throttle("account", math.ceil(wait)) if wait > 0 else None


def account_delay(failures: int) -> float:
    """Seconds an unknown address waits after an account's latest failure, given the
    account's failures in the window: 1, 2, 4, ... past ``ACCOUNT_SLOW_AFTER``, at most 60."""
    if failures <= ACCOUNT_SLOW_AFTER:
        return 0.0
    return float(min(2 ** min(failures - ACCOUNT_SLOW_AFTER - 1, 16), MAX_DELAY_SECONDS))


def record_failure(
    store: Store, name: str, address: str | None, *, now: float | None = None
) -> None:
    now = time.time() if now is None else now
    with store.engine.begin() as conn:
        conn.execute(
            login_failures.insert().values(account=_account(name), client=_client(address), at=now)
        )
        conn.execute(delete(login_failures).where(login_failures.c.at <= now - WINDOW_SECONDS))


def record_success(
    store: Store, name: str, address: str | None = None, *, now: float | None = None
) -> None:
    """Forget this account's failures from this address and remember the address as one the
    reviewer uses. Failures from other addresses stay counted: a reviewer signing in does not
    give a guesser elsewhere a fresh start."""
    now = time.time() if now is None else now
    account, client = _account(name), _client(address)
    with store.engine.begin() as conn:
        conn.execute(
            delete(login_failures).where(
                login_failures.c.account == account, login_failures.c.client == client
            )
        )
        conn.execute(
            delete(login_known_addresses).where(
                (login_known_addresses.c.account == account)
                & (login_known_addresses.c.client == client)
                | (login_known_addresses.c.at <= now - KNOWN_ADDRESS_DAYS * 86400)
            )
        )
        conn.execute(login_known_addresses.insert().values(account=account, client=client, at=now))


def describe_rule() -> str:
    """The rule in one sentence, for the 429 response."""
    return (
        f"at most {ACCOUNT_ADDRESS_LIMIT} failed sign-ins per account from one address and "
        f"{CLIENT_LIMIT} per address in {WINDOW_SECONDS // 60} minutes; past "
        f"{ACCOUNT_SLOW_AFTER} failures on an account, new addresses wait up to "
        f"{MAX_DELAY_SECONDS} s between attempts (addresses the reviewer signed in from are not "
        "slowed down)"
    )
