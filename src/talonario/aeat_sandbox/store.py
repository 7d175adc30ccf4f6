"""Where the sandbox keeps what it is sent: apart from the server's own data where that helps.

AEAT keeps its records on its own machines; the sandbox that stands in for it keeps them in
its `aeat_sandbox_` tables. On PostgreSQL (and SQLite in memory) those are in the server's
database (migration 0003). With a SQLite file they go in a file of their own beside it
(`talonario.db` → `talonario.aeat-sandbox.db`): SQLite has one write lock per file, and storing
a 1,000-record submission (some 10 MB of XML) held the one the API's issuing waits on for up
to 150 ms. That file is the sandbox's test data only; its tables are made here when missing,
not by Alembic, and a new one starts empty, as a fresh AEAT test environment does.
The operator's control token stays in the server's database (control.py).
"""

from talonario.aeat_sandbox.models import (
    SandboxChainHead,
    SandboxFault,
    SandboxInvoice,
    SandboxRecord,
    SandboxSubmission,
)
from talonario.db import Database
from talonario.models.base import Base, table_of

STORE_NAME = "aeat-sandbox"
_TABLES = [
    table_of(model)
    for model in (SandboxSubmission, SandboxRecord, SandboxInvoice, SandboxChainHead, SandboxFault)
]


def store_of(db: Database) -> Database:
    """The database the sandbox over `db` keeps its submissions, records and faults in."""
    store = db.beside(STORE_NAME)
    if store is not db:
        # Under the store's write lock: two processes starting at once make the tables once.
        with store.write_session() as session:
            Base.metadata.create_all(session.connection(), tables=_TABLES)
            session.commit()
    return store
