"""A submission is judged reading only and stored in a short write (aeat_sandbox/service.py):
what another submission of the same taxpayer stored in between is never overwritten."""

from lxml import etree
from sqlalchemy import select

from talonario.aeat_sandbox import service
from talonario.aeat_sandbox.models import SandboxChainHead, SandboxInvoice
from talonario.aeat_sandbox.protocol import read_request
from talonario.runtime import Runtime
from tests.aeat_sandbox.helpers import Taxpayer


def _document(envelope: bytes) -> etree._Element:
    request = read_request(envelope)
    return request.body  # type: ignore[union-attr]


def _judged(runtime: Runtime, envelope: bytes) -> service.Judged:
    with runtime.db.read_session() as session:
        judged = service.judge(session, _document(envelope), envelope, wait_seconds=0, locked=False)
    assert judged is not None
    return judged


def _store(runtime: Runtime, judged: service.Judged) -> None:
    with runtime.db.write_session() as session:
        assert service.is_current(session, judged)
        service.store(session, judged)
        session.commit()


def test_a_judgement_overtaken_by_another_submission_is_stale(runtime: Runtime) -> None:
    taxpayer = Taxpayer()
    _store(runtime, _judged(runtime, taxpayer.envelope(taxpayer.alta("F-0001"))))
    second = taxpayer.envelope(taxpayer.alta("F-0002"))
    early = _judged(runtime, second)  # judged while the head is F-0001

    _store(runtime, _judged(runtime, second))  # the same records, stored first by another

    with runtime.db.write_session() as session:
        assert not service.is_current(session, early)
        again = service.judge(session, _document(second), second, wait_seconds=0, locked=True)
        assert again is not None
        body = service.store(session, again)
        session.commit()
    # Judged again under the lock: a resend of what is held (3000), not a second link.
    assert b">3000<" in body
    with runtime.db.read_session() as session:
        mine = SandboxInvoice.issuer_nif == taxpayer.nif
        numbers = session.scalars(select(SandboxInvoice.number).where(mine)).all()
        heads = session.scalars(
            select(SandboxChainHead.number).where(SandboxChainHead.issuer_nif == taxpayer.nif)
        ).all()
    assert sorted(numbers) == ["F-0001", "F-0002"]
    assert heads == ["F-0002"]


def test_a_judgement_with_nothing_stored_in_between_is_current(runtime: Runtime) -> None:
    taxpayer = Taxpayer()
    first = _judged(runtime, taxpayer.envelope(taxpayer.alta("F-0001")))
    other = Taxpayer()
    _store(runtime, _judged(runtime, other.envelope(other.alta("F-0001"))))  # another taxpayer

    with runtime.db.write_session() as session:
        assert service.is_current(session, first)
