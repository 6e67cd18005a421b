"""Audit-chain subkeys of retired master key versions, sealed under a live version.

A retired master key is destroyed, but audit records made under it must stay verifiable; only its
HMAC subkey survives (it opens no personal data), sealed with AES-256-GCM under the current version.
"""

from __future__ import annotations

import os

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import select
from sqlalchemy.orm import Session

from backoffice.db.models import RetiredAuditKey
from backoffice.security.audit_chain import AUDIT_PURPOSE
from backoffice.security.keys import Keyring

ARCHIVE_PURPOSE = "audit-key-archive"


def _aad(version: int, under: int) -> bytes:
    return f"retired-audit-key|{version}|{under}".encode()


def _seal(keyring: Keyring, version: int, audit_key: bytes, under: int) -> bytes:
    nonce = os.urandom(12)
    return nonce + AESGCM(keyring.purpose_key(ARCHIVE_PURPOSE, under)).encrypt(
        nonce, audit_key, _aad(version, under)
    )


def _open(keyring: Keyring, row: RetiredAuditKey) -> bytes:
    key = keyring.purpose_key(ARCHIVE_PURPOSE, row.sealed_under)
    return AESGCM(key).decrypt(row.sealed[:12], row.sealed[12:], _aad(row.key_version, row.sealed_under))


def seal_audit_key(keyring: Keyring, version: int, under: int) -> bytes:
    """Seal version ``version``'s audit subkey (derived from its master key) under version ``under``."""
    return _seal(keyring, version, keyring.purpose_key(AUDIT_PURPOSE, version), under)


def reseal_retired_audit_keys(db: Session, keyring: Keyring, under: int) -> None:
    for row in db.execute(select(RetiredAuditKey)).scalars():
        if row.sealed_under in keyring.keys:
            row.sealed, row.sealed_under = _seal(keyring, row.key_version, _open(keyring, row), under), under


def retired_audit_keys(db: Session, keyring: Keyring) -> dict[int, bytes]:
    return {
        row.key_version: _open(keyring, row)
        for row in db.execute(select(RetiredAuditKey)).scalars()
        if row.sealed_under in keyring.keys
    }
