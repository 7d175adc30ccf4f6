"""The company's AEAT certificate as remission reads it: decrypted for mutual TLS, with the kind
that picks AEAT's host. `companies/certificate.py` checks and stores uploads under the same
encryption context."""

from typing import Any

from sqlalchemy.orm import Session

from talonario.kit import secrets
from talonario.records.remission_repository import certificate_of
from talonario.verifactu.client import CertificateKind

KINDS: dict[str, CertificateKind] = {
    "personal": CertificateKind.PERSONAL,
    "seal": CertificateKind.SEAL,
}


def secret_context(company_id: str, column: str) -> bytes:
    # Binds each token to its row and column: a copied blob does not decrypt elsewhere.
    return f"company/{company_id}/{column}".encode()


def load_for_tls(
    session: Session, settings: Any, company_id: str
) -> tuple[bytes, str, CertificateKind] | None:
    """(PKCS#12 bytes, password, kind) for `verifactu.tls.client_context` and the endpoint
    choice, or None when the company has no certificate. Raises `secrets.SecretKeyChanged` (a
    `secrets.DecryptionError`) when TALONARIO_SECRET_KEY is not the one it was stored under:
    the company must upload it again. An expired certificate is returned all the same; AEAT's
    refusal is the worker's to report."""
    row = certificate_of(session, company_id)
    if row is None or row.certificate_p12 is None or row.certificate_password is None:
        return None
    p12 = secrets.decrypt(
        settings, row.certificate_p12, context=secret_context(company_id, "certificate_p12")
    )
    password = secrets.decrypt(
        settings,
        row.certificate_password,
        context=secret_context(company_id, "certificate_password"),
    ).decode()
    return p12, password, KINDS.get(row.certificate_kind or "personal", CertificateKind.PERSONAL)
