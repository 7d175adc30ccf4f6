"""XAdES enveloped signatures of standalone records: valid against AEAT's XSD with their
ds:Signature, verified by us and by xmlsec1 (a third party), and broken by one altered byte."""

import shutil
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes
from cryptography.x509.oid import NameOID
from lxml import etree

from talonario.verifactu import signing, xsd
from talonario.verifactu.records import CancellationRecord
from talonario.verifactu.xml import record_document
from tests.verifactu import samples

_DS = "{http://www.w3.org/2000/09/xmldsig#}"
XADES_SIGNED_PROPERTIES = "http://uri.etsi.org/01903/v1.3.2#:SignedProperties"


def _name(cn: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def make_chain(
    key: PrivateKeyTypes | None = None,
) -> tuple[PrivateKeyTypes, list[x509.Certificate], x509.Certificate]:
    """A signer key, its chain [leaf, CA] and the CA (self-signed) that issued it."""
    ca_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    now = datetime.now(UTC)
    ca = (
        x509.CertificateBuilder()
        .subject_name(_name("Talonario Test CA"))
        .issuer_name(_name("Talonario Test CA"))
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    key = key or rsa.generate_private_key(public_exponent=65537, key_size=2048)
    leaf = (
        x509.CertificateBuilder()
        .subject_name(_name("89890001K EMPRESA EJEMPLO SL"))
        .issuer_name(ca.subject)
        .public_key(key.public_key())  # type: ignore[union-attr,arg-type]
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    return key, [leaf, ca], ca


@pytest.fixture(scope="module")
def rsa_chain() -> tuple[PrivateKeyTypes, list[x509.Certificate], x509.Certificate]:
    return make_chain()


def _cancellation() -> CancellationRecord:
    return CancellationRecord(
        invoice=samples.spec_example().invoice,
        system=samples.SYSTEM,
        generated_at=samples.AT,
        previous=samples.PREVIOUS,
        huella="A" * 64,
    )


def xmlsec1_verify(
    document: bytes, ca: x509.Certificate, tmp_path: Path
) -> subprocess.CompletedProcess[str]:
    """xmlsec1 as a third party runs it: the CA as trust anchor, the SignedProperties Id."""
    if shutil.which("xmlsec1") is None:
        pytest.fail("xmlsec1 is missing: apt-get install xmlsec1 (.ci/run installs it)")
    signed = tmp_path / "signed.xml"
    signed.write_bytes(document)
    anchor = tmp_path / "ca.pem"
    anchor.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    return subprocess.run(
        [
            "xmlsec1",
            "--verify",
            "--trusted-pem",
            str(anchor),
            "--id-attr:Id",
            XADES_SIGNED_PROPERTIES,
            str(signed),
        ],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize("kind", ["alta", "anulacion"])
def test_signed_record_is_valid_xsd_and_verifies_here_and_with_xmlsec1(
    kind: str,
    rsa_chain: tuple[PrivateKeyTypes, list[x509.Certificate], x509.Certificate],
    tmp_path: Path,
) -> None:
    key, chain, ca = rsa_chain
    record = samples.spec_example() if kind == "alta" else _cancellation()
    signed = signing.sign_enveloped(record_document(record), key, chain)

    xsd.validate(signed, xsd.Schema.RECORDS)
    root = etree.fromstring(signed)
    assert root[-1].tag == f"{_DS}Signature"  # the record's last child
    reference = root.find(f"{_DS}Signature/{_DS}SignedInfo/{_DS}Reference")
    assert reference is not None and reference.get("URI") == ""  # the record element itself
    assert signed.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n')
    method = root.find(f"{_DS}Signature/{_DS}SignedInfo/{_DS}SignatureMethod")
    assert method is not None
    assert method.get("Algorithm") == "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"

    verified = signing.verify_enveloped(signed)
    assert verified.policy == signing.AGE_POLICY_OID
    assert "EMPRESA EJEMPLO SL" in verified.signer
    assert verified.signed_at is not None

    result = xmlsec1_verify(signed, ca, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "OK" in result.stdout + result.stderr


def test_one_altered_byte_fails_here_and_with_xmlsec1(
    rsa_chain: tuple[PrivateKeyTypes, list[x509.Certificate], x509.Certificate], tmp_path: Path
) -> None:
    key, chain, ca = rsa_chain
    signed = signing.sign_enveloped(record_document(samples.spec_example()), key, chain)
    altered = signed.replace(b"<sf:ImporteTotal>121.00<", b"<sf:ImporteTotal>121.01<", 1)
    assert altered != signed and len(altered) == len(signed)

    with pytest.raises(signing.SignatureInvalid):
        signing.verify_enveloped(altered)
    result = xmlsec1_verify(altered, ca, tmp_path)
    assert result.returncode != 0


def test_an_altered_signing_time_fails(
    rsa_chain: tuple[PrivateKeyTypes, list[x509.Certificate], x509.Certificate],
) -> None:
    key, chain, _ = rsa_chain
    signed = signing.sign_enveloped(record_document(samples.spec_example()), key, chain)
    start = signed.index(b"SigningTime>") + len(b"SigningTime>")
    digit = b"1" if signed[start : start + 1] != b"1" else b"2"
    altered = signed[:start] + digit + signed[start + 1 :]
    with pytest.raises(signing.SignatureInvalid):
        signing.verify_enveloped(altered)


def test_ec_keys_sign_with_ecdsa_and_xmlsec1_agrees(tmp_path: Path) -> None:
    key, chain, ca = make_chain(ec.generate_private_key(ec.SECP256R1()))
    signed = signing.sign_enveloped(record_document(samples.spec_example()), key, chain)
    xsd.validate(signed, xsd.Schema.RECORDS)
    signing.verify_enveloped(signed)
    assert xmlsec1_verify(signed, ca, tmp_path).returncode == 0


def test_the_policy_is_the_age_one_with_its_hash_and_uri(
    rsa_chain: tuple[PrivateKeyTypes, list[x509.Certificate], x509.Certificate],
) -> None:
    key, chain, _ = rsa_chain
    text = signing.sign_enveloped(record_document(samples.spec_example()), key, chain).decode()
    assert "urn:oid:2.16.724.1.3.1.1.2.1.9" in text
    assert "G7roucf600+f03r/o0bAOQ6WAs0=" in text
    assert "politica_de_firma_anexo_1.pdf" in text


def test_unsigned_or_garbage_is_refused() -> None:
    with pytest.raises(signing.SignatureInvalid, match="no ds:Signature"):
        signing.verify_enveloped(record_document(samples.spec_example()))
    with pytest.raises(signing.SignatureInvalid, match="well-formed"):
        signing.verify_enveloped(b"<a>")
