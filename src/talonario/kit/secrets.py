"""Authenticated encryption at rest, keyed by TALONARIO_SECRET_KEY.

A token is `version (1 byte) | key id (4) | nonce (12) | AES-256-GCM ciphertext and tag`. The
AES key is derived from the secret with HKDF-SHA256, so any string makes a full-strength key;
the key id is derived beside it, so a token sealed under another secret is recognised as such
(and, when keys rotate, tells which key to try) instead of failing as "damaged". The header and
a caller's `context` (e.g. "company/<id>/certificate_p12") are authenticated too: a token copied
to another row or column does not decrypt.
"""

import os
from typing import Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

VERSION = 1
_HEADER = 1 + 4
_NONCE = 12
_TAG = 16
_SALT = b"talonario/secrets"


class HasSecretKey(Protocol):
    secret_key: str


SecretSource = HasSecretKey | str | bytes


class DecryptionError(ValueError):
    """A token that cannot be opened: damaged, truncated, or bound to another context."""


class SecretKeyChanged(DecryptionError):
    """The token was sealed under another TALONARIO_SECRET_KEY."""


def _secret(source: SecretSource) -> bytes:
    raw = source if isinstance(source, str | bytes) else source.secret_key
    secret = raw.encode() if isinstance(raw, str) else raw
    if not secret:
        raise ValueError("TALONARIO_SECRET_KEY is empty")
    return secret


def _derive(secret: bytes, purpose: bytes, length: int) -> bytes:
    info = b"talonario/at-rest/v%d/" % VERSION + purpose
    return HKDF(algorithm=hashes.SHA256(), length=length, salt=_SALT, info=info).derive(secret)


def key_id(source: SecretSource) -> bytes:
    """4 bytes naming the key, safe to store: it reveals nothing of the key itself."""
    return _derive(_secret(source), b"key-id", 4)


def encrypt(source: SecretSource, plaintext: bytes, *, context: bytes = b"") -> bytes:
    secret = _secret(source)
    header = bytes([VERSION]) + _derive(secret, b"key-id", 4)
    nonce = os.urandom(_NONCE)
    sealed = AESGCM(_derive(secret, b"aes-256-gcm", 32)).encrypt(nonce, plaintext, header + context)
    return header + nonce + sealed


def decrypt(source: SecretSource, token: bytes, *, context: bytes = b"") -> bytes:
    token = bytes(token)  # memoryview from some drivers
    if len(token) < _HEADER + _NONCE + _TAG:
        raise DecryptionError("the encrypted value is truncated")
    if token[0] != VERSION:
        raise DecryptionError(f"unknown encryption format version {token[0]}")
    secret = _secret(source)
    header = token[:_HEADER]
    if header[1:] != _derive(secret, b"key-id", 4):
        raise SecretKeyChanged(
            "the value was encrypted under another TALONARIO_SECRET_KEY: restore that key "
            "or upload the secret again"
        )
    nonce, sealed = token[_HEADER : _HEADER + _NONCE], token[_HEADER + _NONCE :]
    try:
        return AESGCM(_derive(secret, b"aes-256-gcm", 32)).decrypt(nonce, sealed, header + context)
    except InvalidTag:
        raise DecryptionError("the encrypted value is damaged or belongs elsewhere") from None
