"""Addresses each reviewer signed in from (``review.login_limits``): an attack on an account
from elsewhere slows attempts from unknown addresses, never from the reviewer's own."""

from __future__ import annotations

from sqlalchemy import Connection

VERSION = 11
NAME = "login_known_addresses"


def upgrade(connection: Connection) -> None:
    from steppewatch.review.login_limits import login_known_addresses

    login_known_addresses.create(connection, checkfirst=True)
