"""Key slots in the database: wrapping the master keys for a user or the recovery code."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from backoffice.db.models import KeySlot, KeyVersion, User
from backoffice.domain.errors import IntegrityError
from backoffice.security.kdf import Argon2Params
from backoffice.security.keys import (
    Keyring,
    KeyUnwrapError,
    WrappedKey,
    slot_aad,
    unwrap_master_key,
    wrap_master_key,
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


def write_slots(
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
    """Create or replace ``owner``'s slot for every key version in the keyring."""
    for version, master in keyring.keys.items():
        wrapped = wrap_master_key(master, secret, slot_aad(version, owner, kind), params).to_text()
        slot = db.execute(
            select(KeySlot).where(
                KeySlot.key_version == version, KeySlot.owner == owner, KeySlot.kind == kind
            )
        ).scalar_one_or_none()
        if slot is None:
            db.add(
                KeySlot(
                    key_version=version,
                    kind=kind,
                    owner=owner,
                    user_id=user.id if user else None,
                    wrapped=wrapped,
                    created_at=now,
                    updated_at=now,
                )
            )
        else:
            slot.wrapped, slot.updated_at = wrapped, now


def open_slots(db: Session, *, owner: str, kind: str, secret: str) -> Keyring:
    """Unwrap every live key version's slot of ``owner``; raises KeyUnwrapError on a wrong secret."""
    versions = live_versions(db)
    slots = db.execute(
        select(KeySlot).where(KeySlot.owner == owner, KeySlot.kind == kind, KeySlot.key_version.in_(versions))
    ).scalars()
    keyring = Keyring(current_version=current_version(db))
    for slot in slots:
        keyring.keys[slot.key_version] = unwrap_master_key(
            WrappedKey.from_text(slot.wrapped), secret, slot_aad(slot.key_version, owner, kind)
        )
    if keyring.current_version not in keyring.keys:
        raise KeyUnwrapError("no slot for the current key version")
    return keyring
