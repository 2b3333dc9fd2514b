"""Reviewer accounts: names and argon2id password hashes (never the passwords)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from steppewatch.errors import ReviewError
from steppewatch.review.audit import record
from steppewatch.store import Store
from steppewatch.store.records import now
from steppewatch.store.review_tables import users

if TYPE_CHECKING:  # argon2 is imported when a password is hashed, not at start-up
    from argon2 import PasswordHasher

NAME_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,63}$")
ROLES = ("reviewer", "admin")
MIN_PASSWORD = 8


@dataclass(frozen=True)
class User:
    name: str
    role: str
    active: bool
    created_at: str


def _hasher() -> PasswordHasher:
    from argon2 import PasswordHasher

    return PasswordHasher()


def add_user(
    store: Store, name: str, password: str, *, role: str = "reviewer", by: str = "cli"
) -> User:
    """Create a reviewer account. Raises ReviewError for a bad name (SW710), a taken name
    (SW711), an unknown role (SW715) or a weak password (SW716)."""
    if not NAME_PATTERN.match(name):
        raise ReviewError(
            f"'{name[:70]}' is not a valid user name",
            hint="use 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit",
            code="SW710",
        )
    if role not in ROLES:
        raise ReviewError(
            f"unknown role '{role}'", hint=f"use one of {', '.join(ROLES)}", code="SW715"
        )
    if len(password) < MIN_PASSWORD:
        raise ReviewError(
            f"password for '{name}' is too short ({len(password)} characters)",
            hint=f"use at least {MIN_PASSWORD} characters",
            code="SW716",
        )
    digest = _hasher().hash(password)
    stamp = now()
    with store.engine.begin() as conn:
        if conn.execute(select(users.c.name).where(users.c.name == name)).first():
            raise ReviewError(
                f"user '{name}' already exists", hint="choose another name", code="SW711"
            )
        conn.execute(
            users.insert().values(
                name=name, password_hash=digest, role=role, active=1, created_at=stamp
            )
        )
        record(
            conn,
            actor=by,
            action="user_add",
            target=f"user:{name}",
            after={"name": name, "role": role},
        )
    return User(name, role, True, stamp)


def verify_user(store: Store, name: str, password: str) -> User | None:
    """The user if the name exists, is active and the password matches; else None."""
    from argon2.exceptions import InvalidHashError, VerificationError

    with store.engine.connect() as conn:
        row = conn.execute(select(users).where(users.c.name == name)).first()
    if row is None or not row.active:
        _hasher().hash("timing-equaliser")  # same work whether or not the name exists
        return None
    try:
        _hasher().verify(row.password_hash, password)
    except (VerificationError, InvalidHashError):
        return None
    return User(row.name, row.role, bool(row.active), row.created_at)


def get_user(store: Store, name: str) -> User | None:
    with store.engine.connect() as conn:
        row = conn.execute(select(users).where(users.c.name == name)).first()
    return User(row.name, row.role, bool(row.active), row.created_at) if row else None


def list_users(store: Store) -> list[User]:
    with store.engine.connect() as conn:
        rows = conn.execute(select(users).order_by(users.c.name)).all()
    return [User(r.name, r.role, bool(r.active), r.created_at) for r in rows]
