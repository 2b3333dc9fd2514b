"""Stable pseudonyms for reviewers on public pages.

The audit log and the agreement report are public (that is the point of them), but the names
of the people who reviewed are not everybody's business. Public pages show
``reviewer-<8 characters>``: an HMAC-SHA256 of the name under a random key made once and kept in
the database's ``meta`` table. The same reviewer always gets the same pseudonym (their work can
be followed across pages and over time), and nobody without the key (the database) can tell
who it is, not even by hashing a list of likely names. Signed-in reviewers see names.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from steppewatch.store import Store
from steppewatch.store.tables import meta

__all__ = ["Pseudonyms", "pseudonyms_for", "KEY_META"]

KEY_META = "reviewer_pseudonym_key"
SYSTEM_ACTORS = frozenset({"cli"})  # not people: shown as they are


def _key(store: Store) -> bytes:
    """The key, made on first use; several workers starting at once agree on one (the first
    insert wins, the others read it)."""
    with store.engine.connect() as conn:
        found = conn.execute(select(meta.c.value).where(meta.c.key == KEY_META)).scalar()
    if found is None:
        try:
            with store.engine.begin() as conn:
                conn.execute(meta.insert().values(key=KEY_META, value=secrets.token_hex(32)))
        except IntegrityError:
            pass
        with store.engine.connect() as conn:
            found = conn.execute(select(meta.c.value).where(meta.c.key == KEY_META)).scalar()
    return bytes.fromhex(str(found))


class Pseudonyms:
    def __init__(self, key: bytes) -> None:
        self._key = key
        self._cache: dict[str, str] = {}

    def __call__(self, name: str) -> str:
        if name in SYSTEM_ACTORS:
            return name
        found = self._cache.get(name)
        if found is None:
            digest = hmac.new(self._key, f"reviewer:{name}".encode(), hashlib.sha256).digest()
            found = "reviewer-" + base64.b32encode(digest[:5]).decode().lower()
            self._cache[name] = found
        return found

    def audit_entry(self, entry: Any) -> Any:
        """An ``AuditEntry`` as the public sees it: actor, named accounts and reviewer lists
        replaced by pseudonyms."""
        update: dict[str, Any] = {"actor": self(entry.actor)}
        if entry.target and entry.target.startswith("user:"):
            update["target"] = "user:" + self(entry.target[5:])
        if isinstance(entry.after, dict):
            after = dict(entry.after)
            if entry.action.startswith("user") and isinstance(after.get("name"), str):
                after["name"] = self(after["name"])
            if isinstance(after.get("reviewers"), list):
                after["reviewers"] = [self(str(n)) for n in after["reviewers"]]
            update["after"] = after
        return entry.model_copy(update=update)

    def agreement(self, report: Any) -> Any:
        return report.model_copy(update={"reviewers": [self(n) for n in report.reviewers]})


def pseudonyms_for(store: Store) -> Pseudonyms:
    """The store's pseudonyms (the key read once per Store object)."""
    cached = getattr(store, "_reviewer_pseudonyms", None)
    if cached is None:
        cached = Pseudonyms(_key(store))
        store._reviewer_pseudonyms = cached  # type: ignore[attr-defined]
    return cached
