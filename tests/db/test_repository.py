"""The repository base (db/repository.py): whatever a feature builds on it sees one company's
rows only, however the row is asked for."""

import pytest
from sqlalchemy.orm import Session

from talonario.db.repository import CompanyRepository, Repository
from talonario.errors import NotFound
from talonario.models import Client
from talonario.runtime import Runtime
from tests.fixtures.factories import create_company


class Clients(Repository[Client]):
    model = Client
    noun = "client"


def two_companies_with_a_client_each(runtime: Runtime) -> tuple[str, str, str, str]:
    """(ours, theirs, our client's id, their client's id); both clients have external_id 'c-1'."""
    ours, _ = create_company(runtime.db)
    theirs, _ = create_company(runtime.db)
    ids = []
    with runtime.db.write_session() as session:
        for company in (ours, theirs):
            client = Client(company_id=company, name=f"Client of {company}", external_id="c-1")
            session.add(client)
            session.flush()
            ids.append(client.id)
        session.commit()
    return ours, theirs, ids[0], ids[1]


def names(session: Session, repo: Clients) -> list[str]:
    return [c.name for c in repo.all(repo.select())]


def test_a_select_sees_only_the_companys_rows(runtime: Runtime) -> None:
    ours, theirs, _, _ = two_companies_with_a_client_each(runtime)
    with runtime.db.read_session() as session:
        assert names(session, Clients(session, ours)) == [f"Client of {ours}"]
        assert names(session, Clients(session, theirs)) == [f"Client of {theirs}"]


def test_another_companys_row_is_not_found_by_id_by_external_id_or_as_a_copy(
    runtime: Runtime,
) -> None:
    ours, _, our_id, their_id = two_companies_with_a_client_each(runtime)
    with runtime.db.read_session() as session:
        repo = Clients(session, ours)
        assert repo.get(their_id) is None
        assert repo.load(their_id) is None
        assert repo.get_by_ref(their_id) is None
        found = repo.get_by_ref("c-1")
        assert found is not None and found.id == our_id
        assert repo.external_id_owner("c-1") == our_id
        assert session.scalars(repo.ids_of_ref(their_id)).all() == []


def test_update_and_delete_touch_only_the_companys_rows(runtime: Runtime) -> None:
    ours, theirs, _, their_id = two_companies_with_a_client_each(runtime)
    with runtime.db.write_session() as session:
        repo = Clients(session, ours)
        session.execute(repo.update().values(name="renamed"))
        session.execute(repo.delete().where(Client.id == their_id))
        session.commit()
    with runtime.db.read_session() as session:
        assert names(session, Clients(session, ours)) == ["renamed"]
        assert names(session, Clients(session, theirs)) == [f"Client of {theirs}"]


def test_adding_a_row_of_another_company_is_refused(runtime: Runtime) -> None:
    ours, theirs, _, _ = two_companies_with_a_client_each(runtime)
    with runtime.db.write_session() as session:
        with pytest.raises(ValueError, match="another company"):
            Clients(session, ours).add(Client(company_id=theirs, name="stray"))
        assert not session.new


def test_the_company_repository_finds_only_its_own_company(runtime: Runtime) -> None:
    ours, theirs, _, _ = two_companies_with_a_client_each(runtime)
    with runtime.db.read_session() as session:
        company = CompanyRepository(session, ours).company()
        assert company is not None and company.id == ours
        assert CompanyRepository(session, ours).get(theirs) is None
        loaded = CompanyRepository(session, theirs).loaded()
        assert loaded is not None and loaded.id == theirs


def test_found_gives_the_row_or_a_404_naming_the_noun_and_the_param(runtime: Runtime) -> None:
    ours, _, our_id, their_id = two_companies_with_a_client_each(runtime)

    class Missing(NotFound):
        code = "client_not_found"

    with runtime.db.read_session() as session:
        repo = Clients(session, ours)
        assert repo.found(Missing, "c-1", by_ref=True).id == our_id
        with pytest.raises(Missing) as refused:
            repo.found(Missing, their_id, param="client")
        assert refused.value.message == f"No client '{their_id}'."
        assert refused.value.param == "client"
        with pytest.raises(Missing):
            repo.found(Missing, "c-1")  # an external_id only with by_ref
