"""Identifiers: UUIDv7, time-ordered, so the primary key is also the creation order."""

import uuid6


def new_id() -> str:
    return str(uuid6.uuid7())
