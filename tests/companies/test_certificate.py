"""The company's AEAT certificate: upload checks, encryption at rest, and the TLS hand-off."""

import base64
import ssl
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from sqlalchemy import text

from talonario.auth.keys import issue_key
from talonario.companies import certificate
from talonario.companies.schemas import CertificateOut
from talonario.kit import secrets
from talonario.models import Company
from talonario.records import credentials
from talonario.runtime import Runtime
from talonario.verifactu import tls
from talonario.verifactu.client import CertificateKind
from tests.conftest import Api, make_settings

PASSWORD = "s3cret pass ñ "  # a trailing space and a non-ASCII letter must survive


@dataclass
class Issued:
    p12: bytes
    password: str
    key_der: bytes
    cert_der: bytes

    @property
    def b64(self) -> str:
        return base64.b64encode(self.p12).decode()


class TestCa:
    __test__ = False

    def __init__(self) -> None:
        self.key = ec.generate_private_key(ec.SECP256R1())
        self.name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Talonario Test CA")])
        now = datetime.now(UTC)
        self.cert = self._sign(
            self.name, self.key.public_key(), now, now + timedelta(days=30), True
        )
        self.pem = self.cert.public_bytes(serialization.Encoding.PEM).decode()

    def _sign(
        self, subject: x509.Name, public_key: Any, start: datetime, end: datetime, ca: bool
    ) -> x509.Certificate:
        return (
            x509.CertificateBuilder()
            .subject_name(subject)
            .issuer_name(self.name)
            .public_key(public_key)
            .serial_number(x509.random_serial_number())
            .not_valid_before(start)
            .not_valid_after(end)
            .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
            .add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(self.key.public_key()),
                critical=False,
            )
            .sign(self.key, hashes.SHA256())
        )

    def issue(
        self,
        subject: x509.Name,
        *,
        days: float = 365,
        start_days: float = -1,
        password: str = PASSWORD,
    ) -> Issued:
        key = ec.generate_private_key(ec.SECP256R1())
        now = datetime.now(UTC)
        cert = self._sign(
            subject,
            key.public_key(),
            now + timedelta(days=start_days),
            now + timedelta(days=days),
            False,
        )
        p12 = pkcs12.serialize_key_and_certificates(
            b"aeat",
            key,
            cert,
            [self.cert],
            serialization.BestAvailableEncryption(password.encode()),
        )
        key_der = key.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        return Issued(p12, password, key_der, cert.public_bytes(serialization.Encoding.DER))


def representative(nif: str) -> x509.Name:
    """A representative's certificate (FNMT style): a person acting for the entity `nif`."""
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "ES"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "EMPRESA DE PRUEBAS SL"),
            x509.NameAttribute(NameOID.ORGANIZATION_IDENTIFIER, f"VATES-{nif}"),
            x509.NameAttribute(NameOID.SERIAL_NUMBER, "IDCES-12345678Z"),
            x509.NameAttribute(NameOID.GIVEN_NAME, "JUAN"),
            x509.NameAttribute(NameOID.SURNAME, "ESPAÑOL"),
            x509.NameAttribute(NameOID.COMMON_NAME, f"12345678Z JUAN ESPAÑOL (R: {nif})"),
        ]
    )


def seal(nif: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "ES"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "EMPRESA DE PRUEBAS SL"),
            x509.NameAttribute(NameOID.ORGANIZATION_IDENTIFIER, f"VATES-{nif}"),
            x509.NameAttribute(NameOID.COMMON_NAME, "SELLO FACTURACION"),
        ]
    )


@pytest.fixture(scope="module")
def ca() -> TestCa:
    return TestCa()


def company_nif(api: Api) -> str:
    return str(api.get("/v1/company").json()["nif"])


def upload(api: Api, issued: Issued, **extra: Any) -> Any:
    body = {"pkcs12": issued.b64, "password": issued.password} | extra
    return api.post("/v1/company/certificate", json=body)


def raw_row(runtime: Runtime, company_id: str) -> dict[str, Any]:
    with runtime.db.read_session() as session:
        row = session.execute(
            text("SELECT * FROM companies WHERE id = :id"), {"id": company_id}
        ).one()
        return dict(row._mapping)


def as_bytes(value: Any) -> bytes:
    if value is None:
        return b""
    if isinstance(value, str):
        return value.encode()
    if isinstance(value, datetime):
        return value.isoformat().encode()
    return bytes(value) if isinstance(value, bytes | memoryview | bytearray) else b""


def test_upload_shows_public_facts_and_stores_no_key_material_in_clear(
    api: Api, runtime: Runtime, ca: TestCa
) -> None:
    nif = company_nif(api)
    issued = ca.issue(representative(nif))

    answer = upload(api, issued)

    assert answer.status_code == 200, answer.text
    cert = answer.json()["verifactu"]["certificate"]
    assert cert["nif"] == nif
    assert f"2.5.4.97=VATES-{nif}" in cert["subject"]
    assert "CN=12345678Z JUAN ESPAÑOL" in cert["subject"]
    assert cert["kind"] == "personal"
    assert cert["warning"] is None
    assert 363 <= cert["expires_in_days"] <= 365
    assert cert["not_after"].startswith(str((datetime.now(UTC) + timedelta(days=365)).year))
    assert len(cert["fingerprint"]) == 64
    assert cert["uploaded_at"]
    assert set(cert) == {
        "subject",
        "nif",
        "kind",
        "not_before",
        "not_after",
        "fingerprint",
        "uploaded_at",
        "expires_in_days",
        "warning",
    }
    assert api.get("/v1/company").json()["verifactu"]["certificate"] == cert
    assert PASSWORD.strip() not in answer.text
    assert issued.b64[:40] not in answer.text

    row = raw_row(runtime, api.company_id)
    stored = b"".join(as_bytes(v) for v in row.values())
    for secret in (
        issued.p12,
        issued.key_der,
        issued.key_der[-32:],  # the EC private scalar's neighbourhood
        issued.cert_der,  # the whole file is sealed, certificate included
        issued.password.encode(),
        PASSWORD.strip().encode(),
        issued.b64[:40].encode(),
    ):
        assert secret not in stored
    assert row["certificate_p12"] is not None and row["certificate_password"] is not None


def test_wrong_password_is_422_naming_password(api: Api, ca: TestCa) -> None:
    issued = ca.issue(representative(company_nif(api)))

    answer = upload(api, issued, password="not-the-password")

    assert answer.status_code == 422
    error = answer.json()["error"]
    assert (error["param"], error["code"]) == ("password", "invalid_certificate_password")


@pytest.mark.parametrize(
    "pkcs12_b64",
    [
        "this is not base64 !!!",
        base64.b64encode(b"garbage bytes, not a PKCS#12 file").decode(),
        base64.b64encode(b"0\x82\x10\x00\x02\x01\x03 truncated").decode(),
        "",
    ],
)
def test_garbage_is_422_naming_pkcs12(api: Api, pkcs12_b64: str) -> None:
    answer = api.post("/v1/company/certificate", json={"pkcs12": pkcs12_b64, "password": PASSWORD})

    assert answer.status_code == 422, answer.text
    assert answer.json()["error"]["param"] == "pkcs12"


def test_pkcs12_without_a_private_key_is_422(api: Api, ca: TestCa) -> None:
    data = pkcs12.serialize_key_and_certificates(
        b"ca-only", None, None, [ca.cert], serialization.BestAvailableEncryption(b"pw")
    )

    answer = api.post(
        "/v1/company/certificate",
        json={"pkcs12": base64.b64encode(data).decode(), "password": "pw"},
    )

    assert answer.status_code == 422
    assert answer.json()["error"]["param"] == "pkcs12"


def test_expired_certificate_is_422(api: Api, ca: TestCa) -> None:
    issued = ca.issue(representative(company_nif(api)), start_days=-400, days=-1)

    answer = upload(api, issued)

    assert answer.status_code == 422
    error = answer.json()["error"]
    assert (error["param"], error["code"]) == ("pkcs12", "certificate_expired")
    assert api.get("/v1/company").json()["verifactu"]["certificate"] is None


def test_certificate_not_yet_valid_is_422(api: Api, ca: TestCa) -> None:
    issued = ca.issue(representative(company_nif(api)), start_days=2, days=30)

    answer = upload(api, issued)

    assert answer.status_code == 422
    assert answer.json()["error"]["code"] == "certificate_not_yet_valid"


def test_near_expiry_carries_a_warning(api: Api, ca: TestCa) -> None:
    issued = ca.issue(representative(company_nif(api)), days=10)

    cert = upload(api, issued).json()["verifactu"]["certificate"]

    assert cert["expires_in_days"] in (9, 10)
    assert cert["warning"] is not None and "expires" in cert["warning"]


def test_expired_after_upload_warns(api: Api, runtime: Runtime, ca: TestCa) -> None:
    upload(api, ca.issue(representative(company_nif(api)), days=5))
    with runtime.db.read_session() as session:
        company = session.get(Company, api.company_id)
        assert company is not None
        later = datetime.now(UTC) + timedelta(days=7)
        found = CertificateOut.of(company, now=later)
        shown = found.model_dump() if found is not None else None

    assert shown is not None
    assert shown["expires_in_days"] < 0
    assert "expired" in shown["warning"]


def test_certificate_for_another_nif_is_accepted_with_a_warning(api: Api, ca: TestCa) -> None:
    other = "A58818501" if company_nif(api) != "A58818501" else "B65410011"

    answer = upload(api, ca.issue(representative(other)))

    assert answer.status_code == 200
    cert = answer.json()["verifactu"]["certificate"]
    assert cert["nif"] == other
    assert other in cert["warning"]


def test_kind_is_detected_from_the_subject_and_can_be_overridden(
    api: Api, runtime: Runtime, ca: TestCa
) -> None:
    nif = company_nif(api)
    issued = ca.issue(seal(nif))

    assert upload(api, issued).json()["verifactu"]["certificate"]["kind"] == "seal"
    with runtime.db.read_session() as session:
        loaded = credentials.load_for_tls(session, runtime.settings, api.company_id)
    assert loaded is not None and loaded[2] is CertificateKind.SEAL

    forced = upload(api, issued, kind="personal").json()["verifactu"]["certificate"]
    assert forced["kind"] == "personal"


def test_load_for_tls_round_trips_to_a_working_client_context(
    api: Api, runtime: Runtime, ca: TestCa, tmp_path: Path
) -> None:
    issued = ca.issue(representative(company_nif(api)))
    upload(api, issued)

    with runtime.db.read_session() as session:
        loaded = credentials.load_for_tls(session, runtime.settings, api.company_id)

    assert loaded is not None
    p12, password, kind = loaded
    assert (p12, password, kind) == (issued.p12, issued.password, CertificateKind.PERSONAL)
    context = tls.client_context(p12, password, cadata=ca.pem)
    assert _handshake_presents_client_certificate(context, ca, tmp_path) == issued.cert_der


def test_another_secret_key_cannot_decrypt(api: Api, runtime: Runtime, ca: TestCa) -> None:
    upload(api, ca.issue(representative(company_nif(api))))
    other = make_settings(runtime.settings.database_url, secret_key="another-secret")

    with runtime.db.read_session() as session, pytest.raises(secrets.SecretKeyChanged):
        credentials.load_for_tls(session, other, api.company_id)


def test_delete_removes_the_certificate(api: Api, runtime: Runtime, ca: TestCa) -> None:
    upload(api, ca.issue(representative(company_nif(api))))

    assert api.delete("/v1/company/certificate").status_code == 204

    assert api.get("/v1/company").json()["verifactu"]["certificate"] is None
    row = raw_row(runtime, api.company_id)
    assert all(v is None for k, v in row.items() if k.startswith("certificate_"))
    with runtime.db.read_session() as session:
        assert credentials.load_for_tls(session, runtime.settings, api.company_id) is None
    assert api.delete("/v1/company/certificate").status_code == 204  # idempotent


def test_upload_needs_company_write(api: Api, runtime: Runtime, ca: TestCa) -> None:
    with runtime.db.write_session() as session:
        _, secret = issue_key(session, api.company_id, ["company:read"], name="read-only")
        session.commit()
    headers = {"Authorization": f"Bearer {secret}"}
    issued = ca.issue(representative(company_nif(api)))
    body = {"pkcs12": issued.b64, "password": issued.password}

    answer = api.client.post("/v1/company/certificate", json=body, headers=headers)

    assert answer.status_code == 403
    assert api.client.delete("/v1/company/certificate", headers=headers).status_code == 403


def test_production_without_certificate_is_allowed_but_requires_one(
    api: Api, runtime: Runtime
) -> None:
    answer = api.patch("/v1/company", json={"verifactu": {"environment": "production"}})

    assert answer.status_code == 200
    assert answer.json()["verifactu"] == {
        "environment": "production",
        "mode": "verifactu",
        "mode_since": None,
        "next_mode": None,
        "next_mode_on": None,
        "next_mode_reported_at": None,
        "certificate": None,
    }
    with runtime.db.read_session() as session:
        company = session.get(Company, api.company_id)
        assert company is not None and certificate.requires_certificate(company)
        company.verifactu_environment = "sandbox"
        assert not certificate.requires_certificate(company)


def test_secrets_are_authenticated_and_bound_to_their_context() -> None:
    token = secrets.encrypt("key-one", b"payload", context=b"a")

    assert secrets.decrypt("key-one", token, context=b"a") == b"payload"
    assert token[0] == secrets.VERSION
    assert secrets.encrypt("key-one", b"payload", context=b"a") != token  # fresh nonce
    with pytest.raises(secrets.DecryptionError):
        secrets.decrypt("key-one", token, context=b"b")
    tampered = token[:-1] + bytes([token[-1] ^ 1])
    with pytest.raises(secrets.DecryptionError):
        secrets.decrypt("key-one", tampered, context=b"a")
    with pytest.raises(secrets.SecretKeyChanged):
        secrets.decrypt("key-two", token, context=b"a")
    with pytest.raises(secrets.DecryptionError):
        secrets.decrypt("key-one", token[:10])


def _handshake_presents_client_certificate(
    client: ssl.SSLContext, ca: TestCa, directory: Path
) -> bytes:
    """An in-memory TLS handshake against a server that demands a client certificate from the
    test CA: what the server received."""
    server_key = ec.generate_private_key(ec.SECP256R1())
    now = datetime.now(UTC)
    server_cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "aeat.test")]))
        .issuer_name(ca.name)
        .public_key(server_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("aeat.test")]), False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.SubjectKeyIdentifier.from_public_key(server_key.public_key()), critical=False
        )
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca.key.public_key()),
            critical=False,
        )
        .sign(ca.key, hashes.SHA256())
    )
    pem = server_key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ) + server_cert.public_bytes(serialization.Encoding.PEM)
    server = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server.verify_mode = ssl.CERT_REQUIRED
    server.load_verify_locations(cadata=ca.pem)
    (directory / "server.pem").write_bytes(pem)
    server.load_cert_chain(directory / "server.pem")

    c_in, c_out, s_in, s_out = (ssl.MemoryBIO() for _ in range(4))
    client_side = client.wrap_bio(c_in, c_out, server_hostname="aeat.test")
    server_side = server.wrap_bio(s_in, s_out, server_side=True)
    done = {"client": False, "server": False}
    for _ in range(20):
        for name, conn, out, peer_in in (
            ("client", client_side, c_out, s_in),
            ("server", server_side, s_out, c_in),
        ):
            if not done[name]:
                try:
                    conn.do_handshake()
                    done[name] = True
                except ssl.SSLWantReadError:
                    pass
            peer_in.write(out.read())
        if all(done.values()):
            break
    assert all(done.values()), "the TLS handshake did not complete"
    received = server_side.getpeercert(binary_form=True)
    assert received is not None
    return received
