"""Key slots and grants in the database (see security.keys for the scheme)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from backoffice.db.models import KeyGrant, KeySlot, KeyVersion, User
from backoffice.domain.errors import IntegrityError
from backoffice.security.kdf import Argon2Params
from backoffice.security.keys import (
    Keyring,
    KeyUnwrapError,
    WrappedKey,
    grant_aad,
    new_key_pair,
    open_sealed_key,
    seal_key,
    slot_aad,
    unwrap_key,
    wrap_key,
)

PASSWORD, RECOVERY = "password", "recovery"
RECOVERY_OWNER = "recovery"


def user_owner(username: str) -> str:
    return f"user:{username}"


def live_versions(db: Session) -> list[int]:
    """Key versions still in use (not retired), oldest first."""
    rows = db.execute(select(KeyVersion.id).where(KeyVersion.status != "retired").order_by(KeyVersion.id))
    return list(rows.scalars())


def current_version(db: Session) -> int:
    rows = db.execute(select(KeyVersion.id).where(KeyVersion.status == "active").order_by(KeyVersion.id))
    versions = list(rows.scalars())
    if not versions:
        raise IntegrityError("数据库中没有可用的主密钥版本：请用恢复码恢复，或从备份恢复。")
    return versions[-1]


def _slot(db: Session, owner: str) -> KeySlot | None:
    return db.execute(select(KeySlot).where(KeySlot.owner == owner)).scalar_one_or_none()


def grant(db: Session, owner_public: bytes, owner: str, version: int, master: bytes, now: datetime) -> None:
    """Seal one master key version to one slot (replacing an earlier grant of that version)."""
    sealed = seal_key(master, owner_public, grant_aad(owner, version))
    row = db.execute(
        select(KeyGrant).where(KeyGrant.owner == owner, KeyGrant.key_version == version)
    ).scalar_one_or_none()
    if row is None:
        db.add(KeyGrant(owner=owner, key_version=version, sealed=sealed, created_at=now))
    else:
        row.sealed, row.created_at = sealed, now


def new_slot(
    db: Session,
    keyring: Keyring,
    *,
    owner: str,
    kind: str,
    secret: str,
    params: Argon2Params,
    now: datetime,
    user: User | None = None,
) -> None:
    """A fresh key pair for ``owner`` under ``secret``, granted every version in the keyring.

    Replaces an existing slot (an admin's password reset, a new recovery code).
    """
    private, public = new_key_pair()
    wrapped = wrap_key(private, secret, slot_aad(owner, kind), params).to_text()
    slot = _slot(db, owner)
    if slot is None:
        db.add(
            KeySlot(
                kind=kind,
                owner=owner,
                user_id=user.id if user else None,
                public_key=public,
                wrapped_private=wrapped,
                created_at=now,
                updated_at=now,
            )
        )
        db.flush()
    else:
        slot.public_key, slot.wrapped_private, slot.updated_at = public, wrapped, now
        for old in db.execute(select(KeyGrant).where(KeyGrant.owner == owner)).scalars():
            db.delete(old)
        db.flush()
    for version, master in keyring.keys.items():
        grant(db, public, owner, version, master, now)


def rewrap_slot(
    db: Session,
    *,
    owner: str,
    kind: str,
    old_secret: str,
    new_secret: str,
    params: Argon2Params,
    now: datetime,
) -> None:
    """Same key pair, wrapped under a new secret (or new Argon2 parameters): only this slot changes."""
    slot = _slot(db, owner)
    if slot is None:
        raise KeyUnwrapError("no slot")
    private = unwrap_key(WrappedKey.from_text(slot.wrapped_private), old_secret, slot_aad(owner, kind))
    slot.wrapped_private = wrap_key(private, new_secret, slot_aad(owner, kind), params).to_text()
    slot.updated_at = now


def slot_params(db: Session, owner: str) -> Argon2Params | None:
    slot = _slot(db, owner)
    return WrappedKey.from_text(slot.wrapped_private).params if slot else None


def open_slot(db: Session, *, owner: str, kind: str, secret: str) -> Keyring:
    """Unwrap ``owner``'s private key and open its grants of every live version.

    Raises KeyUnwrapError on a wrong secret, an altered slot, or a missing grant of the current version.
    """
    slot = _slot(db, owner)
    if slot is None or slot.kind != kind:
        raise KeyUnwrapError("no slot")
    private = unwrap_key(WrappedKey.from_text(slot.wrapped_private), secret, slot_aad(owner, kind))
    keyring = Keyring(owner=owner, slot_private=private)
    refresh(db, keyring)
    return keyring


def refresh(db: Session, keyring: Keyring) -> None:
    """Bring the keyring up to the live versions (after a rotation began or retired a version)."""
    versions = live_versions(db)
    current = current_version(db)
    if keyring.current_version == current and set(keyring.keys) == set(versions):
        return
    grants = db.execute(
        select(KeyGrant).where(KeyGrant.owner == keyring.owner, KeyGrant.key_version.in_(versions))
    ).scalars()
    keys = {
        row.key_version: open_sealed_key(
            row.sealed, keyring.slot_private, grant_aad(keyring.owner, row.key_version)
        )
        for row in grants
    }
    if current not in keys:
        raise KeyUnwrapError("no grant of the current key version")
    keyring.keys, keyring.current_version = keys, current


def grant_to_all(db: Session, version: int, master: bytes, now: datetime) -> int:
    """Grant a (new) master key version to every slot; returns how many slots."""
    slots = db.execute(select(KeySlot)).scalars().all()
    for slot in slots:
        grant(db, slot.public_key, slot.owner, version, master, now)
    return len(slots)
