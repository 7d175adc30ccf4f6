"""The company's AEAT certificate: the PKCS#12 the worker presents over mutual TLS.

An upload is checked here (it decodes, the password opens it, it holds a key matching its
certificate, it is valid today, and `verifactu.tls` can build a client context from it) and
stored encrypted with TALONARIO_SECRET_KEY (kit.secrets); only public facts (subject, NIF,
validity, fingerprint) are kept in the clear. `load_for_tls` is what the worker calls.

A NIF in the certificate that differs from the company's is shown with a warning, not refused:
a representative or a third party may be authorised to present for the company (AEAT decides,
answering 4112 when the holder is not).
"""

import base64
import binascii
import hashlib
import re
import ssl
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat, pkcs12
from cryptography.x509.oid import NameOID, ObjectIdentifier

from talonario.errors import InvalidRequest
from talonario.kit import secrets
from talonario.kit.clock import utcnow
from talonario.kit.taxid import spanish_nif
from talonario.models import Company
from talonario.records.credentials import secret_context
from talonario.verifactu import tls

Kind = Literal["personal", "seal"]
EXPIRY_WARNING_DAYS = 30
MAX_PKCS12_BYTES = 64 * 1024  # real bundles are a few KB; a bound keeps parsing cheap
# Environments that reach the real AEAT, which only accepts mutual TLS.
CERTIFICATE_ENVIRONMENTS = frozenset({"preproduction", "production"})

_QC_STATEMENTS = ObjectIdentifier("1.3.6.1.5.5.7.1.3")
# DER of the eIDAS QcType OIDs (ETSI EN 319 412-5): id-etsi-qct-esign / -eseal.
_QCT_ESIGN = bytes.fromhex("060704008e46010601")
_QCT_ESEAL = bytes.fromhex("060704008e46010602")
# ETSI EN 319 412-1 semantics identifiers: VATES-B12345674, IDCES-12345678Z.
_IDENTIFIER = re.compile(r"^(?:VAT|IDC|NTR)ES[-:]?(?P<nif>[0-9A-Z]{9})$")


class InvalidPkcs12(InvalidRequest):
    code = "invalid_certificate"


class WrongCertificatePassword(InvalidRequest):
    code = "invalid_certificate_password"


class CertificateExpired(InvalidRequest):
    code = "certificate_expired"


class CertificateNotYetValid(InvalidRequest):
    code = "certificate_not_yet_valid"


@dataclass(frozen=True)
class ParsedCertificate:
    p12: bytes
    password: str
    subject: str
    nif: str | None
    kind: Kind
    not_before: datetime
    not_after: datetime
    fingerprint: str


def parse(
    pkcs12_b64: str, password: str, kind: Kind | None = None, *, now: datetime | None = None
) -> ParsedCertificate:
    """Check an upload; every refusal is a 422 naming `pkcs12` or `password`."""
    try:
        secret = password.encode() or None
    except UnicodeEncodeError:  # a lone surrogate from JSON's \uD800 escapes
        raise WrongCertificatePassword(
            "The password is not valid text.", param="password"
        ) from None
    data = _decode(pkcs12_b64)
    if not _looks_like_pfx(data):
        raise InvalidPkcs12("pkcs12 is not a PKCS#12 (.p12/.pfx) file.", param="pkcs12")
    try:
        bundle = pkcs12.load_pkcs12(data, secret)
    except ValueError:
        # The structure is a PFX, so what failed is the MAC or the decryption: the password.
        raise WrongCertificatePassword(
            "The password does not open this PKCS#12 (or the file is damaged).", param="password"
        ) from None
    except Exception:  # unsupported algorithms and the like: never a 500
        raise InvalidPkcs12("The PKCS#12 cannot be read.", param="pkcs12") from None
    key = bundle.key
    cert = bundle.cert.certificate if bundle.cert is not None else None
    if key is None or cert is None:
        raise InvalidPkcs12(
            "The PKCS#12 must hold a private key and its certificate.", param="pkcs12"
        )
    if _spki(key.public_key()) != _spki(cert.public_key()):
        raise InvalidPkcs12(
            "The PKCS#12's private key does not match its certificate.", param="pkcs12"
        )
    now = now or utcnow()
    not_before, not_after = cert.not_valid_before_utc, cert.not_valid_after_utc
    if not_after <= now:
        raise CertificateExpired(
            f"The certificate expired on {not_after.date().isoformat()}.", param="pkcs12"
        )
    if not_before > now:
        raise CertificateNotYetValid(
            f"The certificate is not valid until {not_before.isoformat()}.", param="pkcs12"
        )
    # What the worker will do with it: refuse now rather than at the first remission.
    try:
        tls.client_context(data, password)
    except (tls.InvalidCertificate, ssl.SSLError, ValueError, TypeError):
        raise InvalidPkcs12(
            "The certificate cannot be used for TLS (unsupported key or format).", param="pkcs12"
        ) from None
    return ParsedCertificate(
        p12=data,
        password=password,
        subject=cert.subject.rfc4514_string(),
        nif=nif_of(cert),
        kind=kind or detect_kind(cert),
        not_before=not_before,
        not_after=not_after,
        fingerprint=hashlib.sha256(cert.public_bytes(Encoding.DER)).hexdigest(),
    )


def _decode(text: str) -> bytes:
    compact = "".join(text.split())  # base64 wrapped at 64 or 76 columns is common
    if len(compact) > MAX_PKCS12_BYTES * 4 // 3 + 4:
        raise InvalidPkcs12(f"pkcs12 is larger than {MAX_PKCS12_BYTES // 1024} KB.", param="pkcs12")
    if not compact:
        raise InvalidPkcs12("pkcs12 is empty.", param="pkcs12")
    try:
        if "-" in compact or "_" in compact:
            return base64.urlsafe_b64decode(compact + "=" * (-len(compact) % 4))
        return base64.b64decode(compact + "=" * (-len(compact) % 4), validate=True)
    except (binascii.Error, ValueError):
        raise InvalidPkcs12("pkcs12 must be the file in base64.", param="pkcs12") from None


def _looks_like_pfx(data: bytes) -> bool:
    """A DER (or BER, as some Windows/Java exports are) SEQUENCE opening with version 3: tells a
    damaged or foreign file from a wrong password, which the library reports alike."""
    if len(data) < 8 or data[0] != 0x30:
        return False
    first = data[1]
    if first == 0x80:  # BER indefinite length
        header, length = 2, None
    elif first < 0x80:
        header, length = 2, first
    else:
        size = first & 0x7F
        if not 1 <= size <= 4 or len(data) < 2 + size:
            return False
        header, length = 2 + size, int.from_bytes(data[2 : 2 + size], "big")
    if length is not None and header + length > len(data):
        return False  # truncated
    return data[header : header + 3] == b"\x02\x01\x03"


def _spki(public_key: Any) -> bytes:
    return public_key.public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo)  # type: ignore[no-any-return]


def _values(name: x509.Name, oid: ObjectIdentifier) -> list[str]:
    return [str(a.value).strip().upper() for a in name.get_attributes_for_oid(oid)]


def nif_of(cert: x509.Certificate) -> str | None:
    """The NIF the certificate speaks for: the entity's (organizationIdentifier VATES-…) when
    there is one, as on a representative's certificate; else the holder's serialNumber."""
    subject = cert.subject
    candidates = _values(subject, NameOID.ORGANIZATION_IDENTIFIER) + _values(
        subject, NameOID.SERIAL_NUMBER
    )
    for value in candidates:
        match = _IDENTIFIER.match(value)
        raw = match.group("nif") if match else value
        try:
            return spanish_nif(raw)
        except ValueError:
            continue
    return None


def detect_kind(cert: x509.Certificate) -> Kind:
    """Seal (sello electrónico) or personal/representative. The eIDAS QcType says it outright;
    otherwise the subject: a person's names or identity number mean personal, an organisation
    alone means seal. When unsure, personal (AEAT's main host)."""
    try:
        qc = cert.extensions.get_extension_for_oid(_QC_STATEMENTS).value
        raw = qc.value if isinstance(qc, x509.UnrecognizedExtension) else b""
    except (x509.ExtensionNotFound, ValueError):
        raw = b""
    if _QCT_ESEAL in raw:
        return "seal"
    if _QCT_ESIGN in raw:
        return "personal"
    subject = cert.subject
    if _values(subject, NameOID.GIVEN_NAME) or _values(subject, NameOID.SURNAME):
        return "personal"
    if any(v.startswith("IDC") for v in _values(subject, NameOID.SERIAL_NUMBER)):
        return "personal"
    labels = _values(subject, NameOID.COMMON_NAME) + _values(
        subject, NameOID.ORGANIZATIONAL_UNIT_NAME
    )
    if any("SELLO" in v or "SEAL" in v for v in labels):
        return "seal"
    if _values(subject, NameOID.ORGANIZATION_IDENTIFIER):
        return "seal"
    return "personal"


def install(settings: Any, company: Company, cert: ParsedCertificate) -> Company:
    """Store `cert` on `company` (replacing any previous one); the caller commits."""
    company.certificate_p12 = secrets.encrypt(
        settings, cert.p12, context=secret_context(company.id, "certificate_p12")
    )
    company.certificate_password = secrets.encrypt(
        settings, cert.password.encode(), context=secret_context(company.id, "certificate_password")
    )
    company.certificate_subject = cert.subject[:1024]
    company.certificate_nif = cert.nif
    company.certificate_kind = cert.kind
    company.certificate_not_before = cert.not_before
    company.certificate_not_after = cert.not_after
    company.certificate_fingerprint = cert.fingerprint
    company.certificate_uploaded_at = utcnow()
    return company


def remove(company: Company) -> Company:
    for column in (
        "certificate_p12",
        "certificate_password",
        "certificate_subject",
        "certificate_nif",
        "certificate_kind",
        "certificate_not_before",
        "certificate_not_after",
        "certificate_fingerprint",
        "certificate_uploaded_at",
    ):
        setattr(company, column, None)
    return company


def requires_certificate(company: Company) -> bool:
    """Whether the company's environment reaches the real AEAT, which takes only mutual TLS.
    Switching to such an environment without a certificate is allowed; the worker reports
    the missing certificate when it tries to remit."""
    return company.verifactu_environment in CERTIFICATE_ENVIRONMENTS


def standing(company: Company, not_after: datetime, now: datetime) -> tuple[int, str | None]:
    """Whole days left (negative once expired) and the warning the answer shows, if any: expiry
    within EXPIRY_WARNING_DAYS or past, or a NIF that is not the company's."""
    days = (not_after - now).days  # floor: negative once expired
    warnings = []
    if not_after <= now:
        warnings.append(
            f"The certificate expired on {not_after.date().isoformat()}: AEAT will refuse "
            "remissions until a new one is uploaded."
        )
    elif days < EXPIRY_WARNING_DAYS:
        warnings.append(
            f"The certificate expires on {not_after.date().isoformat()} (in {days} day(s)): "
            "upload its renewal."
        )
    if company.certificate_nif is None:
        warnings.append("No Spanish NIF was found in the certificate's subject.")
    elif company.certificate_nif != company.nif:
        warnings.append(
            f"The certificate is for NIF {company.certificate_nif}, not the company's "
            f"{company.nif}: AEAT accepts it only if that holder may present for the company."
        )
    return days, " ".join(warnings) or None
