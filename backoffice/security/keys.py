"""Master keys, key slots and key grants.

A master key is 256 random bits, one per key version. It never sits in the database in the clear.
Every owner (a user, or the printed recovery code) has a *key slot*: an X25519 key pair whose private
half is wrapped with AES-256-GCM under a key derived with Argon2id from the owner's secret. Each master
key version is *granted* to each slot: sealed to the slot's public key (ephemeral X25519, HKDF-SHA256,
AES-256-GCM). So a password change rewraps one slot, and key rotation grants the new version to every
slot at once without anybody's password. Associated data binds every wrapped or sealed blob to its owner,
kind and key version, so a blob copied elsewhere does not open. Purpose keys (audit chain, field
encryption, blind indexes) are derived from the master key with HKDF-SHA256; they are never stored.
"""

from __future__ import annotations

import base64
import os
import secrets
from dataclasses import dataclass, field

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from backoffice.security.kdf import Argon2Params, derive_key, new_salt

KEY_BYTES = 32
NONCE_BYTES = 12
SLOT_FORMAT = 1


class KeyUnwrapError(Exception):
    """The secret is wrong or the slot was altered."""


def new_master_key() -> bytes:
    return os.urandom(KEY_BYTES)


def slot_aad(owner: str, kind: str) -> bytes:
    return f"backoffice-slot|v{SLOT_FORMAT}|{kind}|{owner}".encode()


@dataclass(frozen=True)
class WrappedKey:
    """A wrapped slot key as stored: KDF parameters, salt, nonce and the AES-GCM ciphertext."""

    params: Argon2Params
    salt: bytes
    nonce: bytes
    ciphertext: bytes

    def to_text(self) -> str:
        parts = [
            f"{SLOT_FORMAT}",
            self.params.encode(),
            base64.b64encode(self.salt).decode(),
            base64.b64encode(self.nonce).decode(),
            base64.b64encode(self.ciphertext).decode(),
        ]
        return "$".join(parts)

    @classmethod
    def from_text(cls, text: str) -> WrappedKey:
        try:
            version, params, salt, nonce, ct = text.split("$")
            if int(version) != SLOT_FORMAT:
                raise ValueError(version)
            return cls(
                Argon2Params.decode(params),
                base64.b64decode(salt, validate=True),
                base64.b64decode(nonce, validate=True),
                base64.b64decode(ct, validate=True),
            )
        except (ValueError, KeyError) as exc:
            raise KeyUnwrapError("malformed key slot") from exc


def wrap_key(key: bytes, secret: str, aad: bytes, params: Argon2Params) -> WrappedKey:
    """Wrap a 256-bit key under a key derived with Argon2id from ``secret``."""
    salt = new_salt()
    kek = derive_key(secret.encode("utf-8"), salt, params)
    nonce = os.urandom(NONCE_BYTES)
    return WrappedKey(params, salt, nonce, AESGCM(kek).encrypt(nonce, key, aad))


def unwrap_key(wrapped: WrappedKey, secret: str, aad: bytes) -> bytes:
    kek = derive_key(secret.encode("utf-8"), wrapped.salt, wrapped.params)
    try:
        key = AESGCM(kek).decrypt(wrapped.nonce, wrapped.ciphertext, aad)
    except InvalidTag as exc:
        raise KeyUnwrapError("wrong secret or altered slot") from exc
    if len(key) != KEY_BYTES:
        raise KeyUnwrapError("unexpected key length")
    return key


def new_key_pair() -> tuple[bytes, bytes]:
    """(private, public) raw X25519 keys for a new slot."""
    private = X25519PrivateKey.generate()
    return private.private_bytes_raw(), private.public_key().public_bytes_raw()


def grant_aad(owner: str, key_version: int) -> bytes:
    return f"backoffice-grant|v{SLOT_FORMAT}|{key_version}|{owner}".encode()


def _grant_key(shared: bytes, ephemeral_public: bytes, recipient_public: bytes) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(),
        length=KEY_BYTES,
        salt=ephemeral_public + recipient_public,
        info=b"backoffice|key-grant",
    ).derive(shared)


def seal_key(master_key: bytes, recipient_public: bytes, aad: bytes) -> bytes:
    """ephemeral public (32) ‖ nonce (12) ‖ AES-GCM(master key) — only the slot's private key opens it."""
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes_raw()
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient_public))
    nonce = os.urandom(NONCE_BYTES)
    key = _grant_key(shared, ephemeral_public, recipient_public)
    return ephemeral_public + nonce + AESGCM(key).encrypt(nonce, master_key, aad)


def open_sealed_key(sealed: bytes, recipient_private: bytes, aad: bytes) -> bytes:
    if len(sealed) != 32 + NONCE_BYTES + KEY_BYTES + 16:
        raise KeyUnwrapError("malformed key grant")
    ephemeral_public, nonce, ciphertext = (
        sealed[:32],
        sealed[32 : 32 + NONCE_BYTES],
        sealed[32 + NONCE_BYTES :],
    )
    private = X25519PrivateKey.from_private_bytes(recipient_private)
    recipient_public = private.public_key().public_bytes_raw()
    shared = private.exchange(X25519PublicKey.from_public_bytes(ephemeral_public))
    try:
        return AESGCM(_grant_key(shared, ephemeral_public, recipient_public)).decrypt(nonce, ciphertext, aad)
    except InvalidTag as exc:
        raise KeyUnwrapError("altered key grant") from exc


def derive_purpose_key(master_key: bytes, purpose: str, length: int = KEY_BYTES) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(), length=length, salt=None, info=f"backoffice|{purpose}".encode()
    ).derive(master_key)


# Recovery codes: 24 characters of Crockford base32 (120 bits), printed in groups of four.
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def new_recovery_code() -> str:
    raw = "".join(secrets.choice(_CROCKFORD) for _ in range(24))
    return "-".join(raw[i : i + 4] for i in range(0, 24, 4))


def normalise_recovery_code(code: str) -> str:
    cleaned = code.upper().replace("-", "").replace(" ", "")
    cleaned = cleaned.replace("O", "0").replace("I", "1").replace("L", "1")
    return "-".join(cleaned[i : i + 4] for i in range(0, len(cleaned), 4))


@dataclass
class Keyring:
    """The master keys a signed-in user has unwrapped, by key version. Lives in memory only."""

    keys: dict[int, bytes] = field(default_factory=dict)
    current_version: int = 0
    # The signed-in owner's slot private key, kept so that grants of a version made during this session
    # (key rotation) can be opened without asking for the password again.
    owner: str = ""
    slot_private: bytes = field(default=b"", repr=False)
    _derived: dict[tuple[str, int], tuple[bytes, bytes]] = field(
        default_factory=dict, repr=False, compare=False
    )

    def master(self, version: int | None = None) -> bytes:
        return self.keys[self.current_version if version is None else version]

    def purpose_key(self, purpose: str, version: int | None = None) -> bytes:
        version = self.current_version if version is None else version
        master = self.keys[version]
        cached = self._derived.get((purpose, version))
        if cached is None or cached[0] != master:
            cached = (master, derive_purpose_key(master, purpose))
            self._derived[(purpose, version)] = cached
        return cached[1]

    def __repr__(self) -> str:  # never print key material
        return f"Keyring(versions={sorted(self.keys)}, current={self.current_version})"
