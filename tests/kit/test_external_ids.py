"""Two requests racing for one external_id: the loser is a 409 naming it, never a 500. On
PostgreSQL the second INSERT waits for the first transaction and the UNIQUE constraint refuses
it after ensure_free looked; SQLite serializes write sessions, so there the check sees it."""

import threading
import time
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from talonario.clients import service as clients
from talonario.clients.schemas import ClientCreate
from talonario.kit.external_ids import ExternalIdTaken
from talonario.products import service as products
from talonario.products.schemas import ProductCreate
from talonario.runtime import Runtime
from tests.fixtures.factories import create_company

CREATE: dict[str, Callable[[Any, str, str], Any]] = {
    "client": lambda session, company, ext: clients.create(
        session, company, ClientCreate(name="Carrera SL", nif="B65410011", external_id=ext)
    ),
    "product": lambda session, company, ext: products.create(
        session,
        company,
        ProductCreate(name="Tornillo", unit_price=Decimal("0.10"), external_id=ext),
        date.today(),
    ),
}


@pytest.mark.parametrize("noun", sorted(CREATE))
def test_a_twin_that_took_the_external_id_first_makes_the_other_a_409(
    runtime: Runtime, noun: str
) -> None:
    company, _ = create_company(runtime.db)
    create = CREATE[noun]
    first_flushed, release_first = threading.Event(), threading.Event()
    outcome: dict[str, Any] = {}

    def first() -> None:
        with runtime.db.write_session() as session:
            create(session, company, "erp-1")
            first_flushed.set()
            release_first.wait(10)
            session.commit()

    def second() -> None:
        try:
            with runtime.db.write_session() as session:
                create(session, company, "erp-1")
                session.commit()
            outcome["result"] = "created"
        except Exception as exc:
            outcome["result"] = exc

    one = threading.Thread(target=first)
    one.start()
    assert first_flushed.wait(10)
    two = threading.Thread(target=second)
    two.start()
    time.sleep(0.5)  # let the twin look, find nothing committed, and queue its INSERT
    release_first.set()
    one.join(10)
    two.join(10)
    error = outcome["result"]
    assert isinstance(error, ExternalIdTaken), error
    assert error.status == 409 and error.param == "external_id"
