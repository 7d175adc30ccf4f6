"""The request's transaction (db/boundary.py): nothing written stays unless it commits, and a
commit a constraint refuses leaves nothing and frees the write lock for the next request."""

import pytest
from sqlalchemy.exc import IntegrityError

from talonario.db.boundary import Transaction
from talonario.db.repository import Repository
from talonario.models import Client
from talonario.runtime import Runtime
from tests.fixtures.factories import create_company


class Clients(Repository[Client]):
    model = Client


def client_names(runtime: Runtime, company_id: str) -> list[str]:
    with runtime.db.read_session() as session:
        repo = Clients(session, company_id)
        return sorted(c.name for c in repo.all(repo.select()))


def test_a_write_closed_without_commit_is_rolled_back(runtime: Runtime) -> None:
    company, _ = create_company(runtime.db)
    tx = Transaction(runtime.db, write=True)
    tx.session.add(Client(company_id=company, name="never"))
    tx.session.flush()
    tx.close()
    assert not tx.is_open
    assert client_names(runtime, company) == []


def test_a_committed_write_stays_and_releases_the_session(runtime: Runtime) -> None:
    company, _ = create_company(runtime.db)
    tx = Transaction(runtime.db, write=True)
    tx.session.add(Client(company_id=company, name="kept"))
    tx.commit()
    assert not tx.is_open
    assert client_names(runtime, company) == ["kept"]


def test_a_refused_commit_leaves_nothing_and_the_next_writer_proceeds(runtime: Runtime) -> None:
    company, _ = create_company(runtime.db)
    tx = Transaction(runtime.db, write=True)
    tx.session.add(Client(company_id=company, name="first", external_id="dup"))
    tx.session.add(Client(company_id=company, name="second", external_id="dup"))
    with pytest.raises(IntegrityError):
        tx.commit()
    assert not tx.is_open
    # On SQLite a leaked transaction would hold the database's write lock: this would wait.
    after = Transaction(runtime.db, write=True)
    after.session.add(Client(company_id=company, name="after"))
    after.commit()
    assert client_names(runtime, company) == ["after"]


def test_a_reader_never_opens_a_write_transaction(runtime: Runtime) -> None:
    company, _ = create_company(runtime.db)
    tx = Transaction(runtime.db, write=False)
    assert Clients(tx.session, company).all(Clients(tx.session, company).select()) == []
    assert not tx.has_writes
    tx.commit()
    assert not tx.is_open
