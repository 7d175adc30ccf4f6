"""Mutual TLS from a PKCS#12 (the company's qualified certificate) for the AEAT client.

Python's `ssl` only loads a client certificate from a file path, so the key must reach OpenSSL
through a file. Two precautions keep it off the disk in the clear: the key is written
re-encrypted with a one-time random passphrase (only this process ever knows it), and on Linux
the "file" is an anonymous memory file (memfd) that never touches a filesystem; elsewhere it is
a 0600 temporary file removed as soon as OpenSSL has read it. The decrypted key then lives only
inside the returned SSLContext.
"""

import os
import secrets
import ssl
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager

from cryptography import x509
from cryptography.hazmat.primitives.serialization import (
    BestAvailableEncryption,
    Encoding,
    PrivateFormat,
    pkcs12,
)


class InvalidCertificate(ValueError):
    """The PKCS#12 cannot be opened (wrong password, damaged) or holds no key and certificate."""


class InvalidCaBundle(ValueError):
    """The extra CAs to trust for the server (`cafile`/`cadata`) cannot be loaded."""


def load_pkcs12(
    data: bytes, password: str | bytes | None
) -> tuple[object, x509.Certificate, list[x509.Certificate]]:
    """(private key, certificate, chain) of a PKCS#12 bundle."""
    secret = password.encode() if isinstance(password, str) else password
    try:
        key, certificate, chain = pkcs12.load_key_and_certificates(data, secret or None)
    except ValueError as exc:
        raise InvalidCertificate(f"cannot open the PKCS#12: {exc}") from None
    if key is None or certificate is None:
        raise InvalidCertificate("the PKCS#12 holds no private key with its certificate")
    return key, certificate, list(chain)


def client_context(
    data: bytes,
    password: str | bytes | None,
    *,
    cafile: str | None = None,
    cadata: str | None = None,
) -> ssl.SSLContext:
    """A client SSLContext presenting the PKCS#12's certificate, verifying the server against
    the system trust store plus the CAs in `cafile` (a PEM bundle) or `cadata` (PEM text), e.g.
    a proxy's private CA or a test CA."""
    key, certificate, chain = load_pkcs12(data, password)
    context = ssl.create_default_context()
    if cafile or cadata:
        try:
            context.load_verify_locations(cafile=cafile, cadata=cadata)
        except (OSError, ValueError) as exc:  # missing file, not PEM, no certificate in it
            source = cafile or "cadata"
            raise InvalidCaBundle(f"cannot load the CAs of {source}: {exc}") from None
    passphrase = secrets.token_urlsafe(32)
    pem = key.private_bytes(  # type: ignore[attr-defined]
        Encoding.PEM, PrivateFormat.PKCS8, BestAvailableEncryption(passphrase.encode())
    )
    for cert in (certificate, *chain):
        pem += cert.public_bytes(Encoding.PEM)
    with _private_file(pem) as path:
        context.load_cert_chain(path, password=passphrase)
    return context


@contextmanager
def _private_file(content: bytes) -> Iterator[str]:
    """A path OpenSSL can read `content` from, gone when the block ends."""
    if hasattr(os, "memfd_create"):
        fd = os.memfd_create("talonario-client-cert", os.MFD_CLOEXEC)
        try:
            os.write(fd, content)
            yield f"/proc/self/fd/{fd}"
        finally:
            os.close(fd)
        return
    fd, path = tempfile.mkstemp(prefix="talonario-", suffix=".pem")  # created 0600
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(content)
        yield path
    finally:
        os.unlink(path)
