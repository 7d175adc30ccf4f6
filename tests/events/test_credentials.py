"""The company's signing key, opened once per certificate and kept in the process: a new upload
signs the very next record, a removed one signs nothing, and the cache stays small."""

import base64
import re
from types import SimpleNamespace

import pytest
from cryptography.hazmat.primitives.serialization import pkcs12

from talonario.companies import certificate
from talonario.events import service
from talonario.events.service import CertificateRequired, CredentialCache, signing_credentials
from talonario.records.repository import RecordRepository
from talonario.runtime import Runtime
from tests.events.helpers import company_of, install_certificate, no_verifactu_company
from tests.fixtures.factories import create_company, issue_invoices

_CERTIFICATE = re.compile(r"<ds:X509Certificate>([^<]*)</ds:X509Certificate>")


def _signers(runtime: Runtime, company_id: str) -> list[bytes]:
    """The DER of the certificate each record of the company was signed with, in order."""
    with runtime.db.read_session() as session:
        records = list(RecordRepository(session, company_id).stream())
    return [base64.b64decode("".join(_CERTIFICATE.findall(r.xml)[0].split())) for r in records]


def _replace_certificate(runtime: Runtime, company_id: str) -> bytes:
    with runtime.db.write_session() as session:
        issued = install_certificate(runtime, company_of(session, company_id))
        session.commit()
    return issued.cert_der


def test_a_replaced_certificate_signs_the_next_record(runtime: Runtime) -> None:
    company_id, _ = create_company(runtime.db)
    no_verifactu_company(runtime, company_id)
    issue_invoices(runtime.db, runtime.settings, company_id, 2)
    first = _signers(runtime, company_id)
    assert first[0] == first[1]  # one certificate, opened once and kept
    new = _replace_certificate(runtime, company_id)
    issue_invoices(runtime.db, runtime.settings, company_id, 1)
    signers = _signers(runtime, company_id)
    assert signers[2] == new != signers[0]


def test_the_pkcs12_is_opened_once_per_certificate(
    runtime: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    company_id, _ = create_company(runtime.db)
    no_verifactu_company(runtime, company_id)
    opened = []
    real = pkcs12.load_key_and_certificates

    def load(data: bytes, password: bytes | None) -> object:
        opened.append(data)
        return real(data, password)

    monkeypatch.setattr(service, "pkcs12", SimpleNamespace(load_key_and_certificates=load))

    def sign_twice() -> None:
        for _ in range(2):
            with runtime.db.read_session() as session:
                signing_credentials(session, runtime.settings, company_id)

    sign_twice()
    assert len(opened) == 0  # opened when the start event (01) was signed
    _replace_certificate(runtime, company_id)
    sign_twice()
    assert len(opened) == 1


def test_a_removed_certificate_signs_nothing_and_is_forgotten(runtime: Runtime) -> None:
    company_id, _ = create_company(runtime.db)
    no_verifactu_company(runtime, company_id)
    assert company_id in service.CREDENTIALS
    with runtime.db.write_session() as session:
        certificate.remove(company_of(session, company_id))
        session.commit()
    with runtime.db.read_session() as session, pytest.raises(CertificateRequired):
        signing_credentials(session, runtime.settings, company_id)
    assert company_id not in service.CREDENTIALS


def test_the_cache_keeps_one_certificate_per_company_and_a_few_companies(
    runtime: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = CredentialCache(2)
    monkeypatch.setattr(service, "CREDENTIALS", cache)
    companies = [create_company(runtime.db)[0] for _ in range(3)]
    for company_id in companies:
        no_verifactu_company(runtime, company_id)
    assert len(cache) == 2  # the least recently used (the first) was dropped
    assert companies[0] not in cache
    for _ in range(3):  # a replaced certificate replaces its company's entry
        _replace_certificate(runtime, companies[2])
        issue_invoices(runtime.db, runtime.settings, companies[2], 1)
    assert len(cache) == 2
    assert _signers(runtime, companies[2])[-1] != _signers(runtime, companies[2])[0]
