"""The transaction a request works in (docs/persistence.md, rule 1).

Services never commit: the boundary does. Its session opens on first use (for a writer, that is
when SQLite's BEGIN IMMEDIATE takes the write lock), `commit()` ends it, and `close()` without a
commit rolls back. The HTTP dependency (`auth/context.writer`) commits on an endpoint's normal
return and closes on an exception, so no write depends on remembering a call.
"""

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager

from sqlalchemy.orm import Session

from talonario.db.engine import Database


class Transaction:
    def __init__(self, db: Database, write: bool) -> None:
        self.db = db
        self.write = write
        self._stack = ExitStack()
        self._session: Session | None = None

    @property
    def session(self) -> Session:
        if self._session is None:
            opener = self.db.write_session() if self.write else self.db.read_session()
            self._session = self._stack.enter_context(opener)
        return self._session

    @property
    def is_open(self) -> bool:
        return self._session is not None

    @property
    def has_writes(self) -> bool:
        """A write session was opened: there is something to commit or roll back."""
        return self.write and self._session is not None

    def commit(self) -> None:
        """Commit what was written and release the session. A constraint's refusal
        (IntegrityError) propagates after the rollback, for the caller to name."""
        if self.has_writes:
            assert self._session is not None
            try:
                self._session.commit()
            except BaseException:
                self._session.rollback()
                self.close()
                raise
        self.close()

    def close(self) -> None:
        """Release the session; an uncommitted write is rolled back."""
        self._session = None
        self._stack.close()

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only session beside this one: work prepared there holds no write lock."""
        with self.db.read_session() as session:
            yield session
