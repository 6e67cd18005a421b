"""Key rotation: a new master key version, every slot granted it, all data re-encrypted, the old retired.

``begin`` makes the new version current and grants it to every slot (no password needed: grants are
sealed to each slot's public key). ``continue_rotation`` re-encrypts personal fields (and recomputes their
blind indexes, whose keys derive from the master key), attachments, and every other encrypted column
(cases, loss items, payments, … — services.key_fields) in batches, each batch its own transaction, so it
is safe to interrupt and run again. ``retire_unused`` retires versions nothing uses any more (no person,
attachment or encrypted value of any table): their grants are deleted (the key is gone), only their
audit-chain subkey is kept, sealed under the current version, so old audit records stay verifiable.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import delete, func, select, update

from backoffice.db.models import Attachment, KeyGrant, KeyVersion, Person, RetiredAuditKey
from backoffice.domain.errors import PermissionDenied
from backoffice.security.fields import FieldCipher
from backoffice.security.files import reencrypt_stream
from backoffice.security.keys import new_master_key
from backoffice.security.roles import Permission
from backoffice.services import audit
from backoffice.services.attachments import readable_path, stored_path
from backoffice.services.audit_keys import reseal_retired_audit_keys, seal_audit_key
from backoffice.services.context import UserSession
from backoffice.services.key_fields import reencrypt_fields, versions_in_use
from backoffice.services.keyslots import current_version, grant_to_all, live_versions
from backoffice.services.people import PersonInput, decrypt_person, write_person_fields

Progress = Callable[[str, int, int], None]  # (stage, done, total)


@dataclass(frozen=True)
class RotationStatus:
    current_version: int
    live_versions: tuple[int, ...]
    persons_pending: int
    attachments_pending: int

    @property
    def complete(self) -> bool:
        return self.persons_pending == 0 and self.attachments_pending == 0


def _require_admin(us: UserSession, action: str) -> str:
    role = us.actor.role_for(Permission.MANAGE_KEYS)
    if role is None:
        audit.record_denied(us, action, "keys")
        raise PermissionDenied("只有系统管理员可以轮换密钥。")
    return role.value


def status(us: UserSession) -> RotationStatus:
    _require_admin(us, "keys.status")
    with us.bo.db.unit_of_work(write=False) as db:
        current = current_version(db)
        persons = (
            db.scalar(select(func.count()).select_from(Person).where(Person.key_version != current)) or 0
        )
        files = db.scalar(
            select(func.count()).select_from(Attachment).where(Attachment.key_version != current)
        )
        return RotationStatus(current, tuple(live_versions(db)), persons, files or 0)


def begin(us: UserSession) -> int:
    """A new master key version, current from now on, granted to every slot. Returns the version."""
    role = _require_admin(us, "keys.rotate")
    now = us.bo.now()
    with us.bo.db.unit_of_work() as db:
        previous = current_version(db)
        version = (db.scalar(select(func.max(KeyVersion.id))) or 0) + 1
        master = new_master_key()
        db.execute(update(KeyVersion).where(KeyVersion.status == "active").values(status="retiring"))
        db.add(KeyVersion(id=version, status="active", created_at=now))
        db.flush()
        slots = grant_to_all(db, version, master, now)
        us.keyring.keys[version] = master
        us.keyring.current_version = version
        reseal_retired_audit_keys(db, us.keyring, version)
        audit.record(
            db,
            us,
            "keys.rotate.begin",
            role=role,
            object_type="key_version",
            object_id=version,
            reason=f"from v{previous}, granted to {slots} slots",
        )
    return version


def _rotate_people(us: UserSession, batch: int, progress: Progress | None) -> int:
    done = 0
    current = us.keyring.current_version
    with us.bo.db.unit_of_work(write=False) as db:
        total = db.scalar(select(func.count()).select_from(Person).where(Person.key_version != current)) or 0
    while True:
        with us.bo.db.unit_of_work() as db:
            rows = (
                db.execute(
                    select(Person).where(Person.key_version != current).order_by(Person.id).limit(batch)
                )
                .scalars()
                .all()
            )
            for person in rows:
                clear = decrypt_person(person, us)
                write_person_fields(person, us, _person_input(clear))
            done += len(rows)
        if progress:
            progress("persons", done, total)
        if len(rows) < batch:
            return done


def _person_input(clear: dict[str, str | None]) -> PersonInput:
    from datetime import date

    birth = clear.get("birth_date")
    return PersonInput(
        full_name=clear["full_name"] or "",
        id_number=clear["id_number"],
        mobile=clear["mobile"],
        bank_account=clear["bank_account"],
        gender=clear.get("gender"),
        birth_date=date.fromisoformat(birth) if birth else None,
        address=clear.get("address"),
    )


def _rotate_attachments(us: UserSession, progress: Progress | None) -> int:
    root = us.bo.settings.attachments_dir
    current = us.keyring.current_version
    cipher = FieldCipher(us.keyring)
    with us.bo.db.unit_of_work(write=False) as db:
        ids = list(db.execute(select(Attachment.id).where(Attachment.key_version != current)).scalars())
    for done, attachment_id in enumerate(ids, start=1):
        with us.bo.db.unit_of_work() as db:
            row = db.get(Attachment, attachment_id)
            if row is None or row.key_version == current:
                continue
            source = readable_path(root, row)
            final = stored_path(root, row.file_id)
            pending = final.with_suffix(".new")
            tmp = final.with_suffix(".new.tmp")
            with source.open("rb") as src, tmp.open("wb") as dst:
                info = reencrypt_stream(us.keyring, src, dst, file_id=row.file_id, expected_digest=row.digest)
                dst.flush()
                os.fsync(dst.fileno())
            os.replace(tmp, pending)
            row.digest, row.key_version = info.digest_hex, info.key_version
            row.filename_enc = cipher.reencrypt(
                row.filename_enc, table="attachments", column="filename_enc", row_id=row.id
            )
        os.replace(pending, final)  # after the commit: the row and the file agree again
        if progress:
            progress("attachments", done, len(ids))
    return len(ids)


def continue_rotation(
    us: UserSession, *, batch: int = 500, progress: Progress | None = None
) -> RotationStatus:
    """Re-encrypt everything still under an older version; safe to interrupt and run again."""
    role = _require_admin(us, "keys.rotate")
    people_done = _rotate_people(us, batch, progress)
    files_done = _rotate_attachments(us, progress)
    fields_done = reencrypt_fields(us, batch=batch, progress=progress)
    with us.bo.db.unit_of_work() as db:
        audit.record(
            db,
            us,
            "keys.rotate.reencrypt",
            role=role,
            object_type="key_version",
            object_id=us.keyring.current_version,
            reason=f"persons={people_done} attachments={files_done} fields={fields_done}",
        )
    return status(us)


def retire_unused(us: UserSession) -> list[int]:
    """Retire every non-current version that no record uses any more; returns the retired versions."""
    role = _require_admin(us, "keys.retire")
    retired: list[int] = []
    with us.bo.db.unit_of_work() as db:
        current = current_version(db)
        in_use = versions_in_use(db)  # cases, payments, …: never retire a key something still needs
        for version in live_versions(db):
            if version == current:
                continue
            used = (
                db.scalar(select(func.count()).select_from(Person).where(Person.key_version == version)) or 0
            )
            used += (
                db.scalar(
                    select(func.count()).select_from(Attachment).where(Attachment.key_version == version)
                )
                or 0
            )
            if used or version in in_use or version not in us.keyring.keys:
                continue
            db.add(
                RetiredAuditKey(
                    key_version=version,
                    sealed_under=current,
                    sealed=seal_audit_key(us.keyring, version, current),
                )
            )
            db.execute(delete(KeyGrant).where(KeyGrant.key_version == version))
            db.execute(
                update(KeyVersion)
                .where(KeyVersion.id == version)
                .values(status="retired", retired_at=us.bo.now())
            )
            retired.append(version)
        for version in retired:
            audit.record(db, us, "keys.retire", role=role, object_type="key_version", object_id=version)
    for version in retired:
        us.keyring.keys.pop(version, None)
    return retired


def rotate(us: UserSession, *, batch: int = 500, progress: Progress | None = None) -> RotationStatus:
    """Begin (unless a rotation is already under way), re-encrypt, retire."""
    current_status = status(us)
    if len(current_status.live_versions) == 1:
        begin(us)
    final = continue_rotation(us, batch=batch, progress=progress)
    if final.complete:
        retire_unused(us)
    return status(us)
