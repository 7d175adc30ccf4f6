"""XAdES enveloped signatures (XAdES-EPES, the AGE policy) of NO VERI*FACTU records and events.

A NO VERI*FACTU system signs each billing record (`sf:RegistroAlta`, `sf:RegistroAnulacion`)
and each event (`RegistroEvento`) as it makes it: an enveloped signature whose reference is the
whole standalone document (`URI=""`, the record element itself as its root, never a submission
around it), placed as the element's last child `ds:Signature` where AEAT's XSDs put it.

signxml does the canonicalisation, digests and XAdES properties. What is ours is the policy
element: AEAT asks for XAdES-EPES with the AGE signature policy (OID
urn:oid:2.16.724.1.3.1.1.2.1.9, policy v1.9), whose published hash is SHA-1, a digest signxml no
longer offers for signing, so `_AgePolicySigner` writes `SignaturePolicyIdentifier` itself
(identifier, SHA-1 hash, SPURI qualifier) instead of signxml's SHA-2-only writer. Origin of the
policy values: the AGE policy document `politica_de_firma_anexo_1.pdf` as cited by the Spanish
government's own signing client (Cliente @firma / AutoFirma "AGE 1.9" preset): identifier
2.16.724.1.3.1.1.2.1.9, SHA-1 `G7roucf600+f03r/o0bAOQ6WAs0=`, qualifier
https://sede.060.gob.es/politica_de_firma_anexo_1.pdf. Digest and signature: SHA-256 with
RSA (AEAT's recommendation) or ECDSA for an EC key.

Inside a larger document (a submission answering a requirement, an export) the signature still
covers the record as the standalone document it was made on: `standalone` takes the element out
as any XML tool does (a copy, without the namespace declarations it does not use), and that
document verifies. The canonicalisation is inclusive (C14N 1.0), so a copy that kept the
submission's unused declarations would not.

`verify_enveloped` checks the signature with the certificate it carries: integrity and
authorship of the document, not trust in the issuing CA (that is the certificate upload's
business, `companies.certificate`).
"""

import base64
import copy
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes
from cryptography.hazmat.primitives.serialization import Encoding
from lxml import etree
from signxml import CanonicalizationMethod, SignatureMethod, methods
from signxml.exceptions import InvalidInput, InvalidSignature
from signxml.util import SigningSettings, ds_tag, xades_tag
from signxml.xades import XAdESSigner, XAdESVerifier

AGE_POLICY_OID = "urn:oid:2.16.724.1.3.1.1.2.1.9"
AGE_POLICY_DESCRIPTION = "Política de firma electrónica de la AGE v1.9"
AGE_POLICY_SHA1 = "G7roucf600+f03r/o0bAOQ6WAs0="
AGE_POLICY_URI = "https://sede.060.gob.es/politica_de_firma_anexo_1.pdf"
_SHA1 = "http://www.w3.org/2000/09/xmldsig#sha1"
_XADES_NS = "http://uri.etsi.org/01903/v1.3.2#"
_DS_NS = "http://www.w3.org/2000/09/xmldsig#"
_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'


class SignatureInvalid(ValueError):
    """The document carries no valid enveloped signature; the message says why."""


@dataclass(frozen=True)
class VerifiedSignature:
    """What a valid signature tells: who signed (the certificate it carries), when they say
    they did, and under which policy."""

    certificate: x509.Certificate
    signed_at: datetime | None
    policy: str | None

    @property
    def signer(self) -> str:
        return self.certificate.subject.rfc4514_string()


class _AgePolicySigner(XAdESSigner):
    """signxml's XAdES signer with the AGE policy written with its SHA-1 hash and SPURI."""

    def add_signature_policy_identifier(
        self,
        signed_signature_properties: Any,
        sig_root: Any,
        signing_settings: SigningSettings,
    ) -> None:
        sub = etree.SubElement
        identifier = sub(signed_signature_properties, xades_tag("SignaturePolicyIdentifier"))
        policy_id = sub(identifier, xades_tag("SignaturePolicyId"))
        sig_policy_id = sub(policy_id, xades_tag("SigPolicyId"))
        sub(sig_policy_id, xades_tag("Identifier")).text = AGE_POLICY_OID
        sub(sig_policy_id, xades_tag("Description")).text = AGE_POLICY_DESCRIPTION
        policy_hash = sub(policy_id, xades_tag("SigPolicyHash"))
        sub(policy_hash, ds_tag("DigestMethod"), Algorithm=_SHA1)
        sub(policy_hash, ds_tag("DigestValue")).text = AGE_POLICY_SHA1
        qualifiers = sub(policy_id, xades_tag("SigPolicyQualifiers"))
        qualifier = sub(qualifiers, xades_tag("SigPolicyQualifier"))
        sub(qualifier, xades_tag("SPURI")).text = AGE_POLICY_URI


def sign_enveloped(
    xml: bytes, key: PrivateKeyTypes, certificate_chain: Sequence[x509.Certificate]
) -> bytes:
    """`xml` (a standalone document: a record, an event) with a XAdES-EPES enveloped signature
    appended as the root element's last child `ds:Signature`.

    `certificate_chain` starts with the signer's certificate (the one matching `key`), then any
    intermediates; all go in `KeyInfo`. The text of the document is kept as it was (the
    signature covers it byte for byte after canonicalisation); the answer starts with the same
    XML declaration `verifactu.xml` writes, so a signed record is stored like any other.
    """
    if not certificate_chain:
        raise ValueError("a signature needs the signer's certificate")
    if isinstance(key, rsa.RSAPrivateKey):
        algorithm = SignatureMethod.RSA_SHA256
    elif isinstance(key, ec.EllipticCurvePrivateKey):
        algorithm = SignatureMethod.ECDSA_SHA256
    else:
        raise ValueError(f"cannot sign with a {type(key).__name__}: RSA or EC keys only")
    root = etree.fromstring(xml, etree.XMLParser(resolve_entities=False, no_network=True))
    signer = _AgePolicySigner(
        method=methods.enveloped,
        signature_algorithm=algorithm,
        digest_algorithm="sha256",
        c14n_algorithm=CanonicalizationMethod.CANONICAL_XML_1_0,
    )
    pems = [c.public_bytes(Encoding.PEM).decode("ascii") for c in certificate_chain]
    signed = signer.sign(root, key=key, cert=pems)
    return (_DECLARATION + etree.tostring(signed, encoding="unicode")).encode("utf-8")


def verify_enveloped(xml: bytes) -> VerifiedSignature:
    """Check the enveloped XAdES signature of `xml` against the certificate it carries; raise
    SignatureInvalid when there is none, it does not cover the whole document, or any digest or
    the signature value does not match (one altered byte anywhere in the document is enough)."""
    try:
        root = etree.fromstring(xml, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError as error:
        raise SignatureInvalid(f"not well-formed XML: {error}") from error
    signature = root.find(f"{{{_DS_NS}}}Signature")
    if signature is None:
        raise SignatureInvalid("the document has no ds:Signature child")
    if root[-1] is not signature:
        raise SignatureInvalid("ds:Signature is not the last child of the signed element")
    certificate_text = signature.findtext(f".//{{{_DS_NS}}}X509Certificate")
    if not certificate_text:
        raise SignatureInvalid("the signature carries no X509Certificate")
    try:
        certificate = x509.load_der_x509_certificate(_b64(certificate_text))
        results = XAdESVerifier().verify(root, x509_cert=certificate)
    except (InvalidSignature, InvalidInput, ValueError) as error:
        raise SignatureInvalid(str(error)) from error
    if not any(_covers_document(r.signed_xml, root) for r in results):
        raise SignatureInvalid("the signature does not cover the whole document")
    props = root.find(f".//{{{_XADES_NS}}}SignedSignatureProperties")
    signed_at = None
    policy = None
    if props is not None:
        time_text = props.findtext(f"{{{_XADES_NS}}}SigningTime")
        signed_at = datetime.fromisoformat(time_text) if time_text else None
        policy = props.findtext(f".//{{{_XADES_NS}}}Identifier")
    return VerifiedSignature(certificate, signed_at, policy)


def standalone(element: Any) -> bytes:
    """A signed record or event embedded in a larger document, as the standalone document its
    signature covers: the element copied out, only the namespace declarations it uses."""
    copied = copy.deepcopy(element)
    etree.cleanup_namespaces(copied)
    return (_DECLARATION + etree.tostring(copied, encoding="unicode")).encode("utf-8")


def _covers_document(signed: Any, root: Any) -> bool:
    return signed is not None and getattr(signed, "tag", None) == root.tag


def _b64(text: str) -> bytes:
    return base64.b64decode("".join(text.split()))
