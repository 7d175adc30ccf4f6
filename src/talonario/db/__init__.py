"""Persistence: engines and sessions, the request/task boundary, group commit, staged rows and the
transaction memo. The rules every write path follows are on one page: docs/persistence.md."""

from talonario.db.engine import Database, create_database

__all__ = ["Database", "create_database"]
