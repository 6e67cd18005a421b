"""Initialising a new installation: the first master key, the first admin and the recovery slot."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from backoffice.db.models import AppMeta, KeyVersion
from backoffice.domain.errors import DomainError
from backoffice.security.keys import Keyring, new_master_key, new_recovery_code
from backoffice.security.roles import Role
from backoffice.services import audit
from backoffice.services.context import Backoffice
from backoffice.services.keyslots import RECOVERY, RECOVERY_OWNER, new_slot
from backoffice.services.users import create_user_row, validate_new_user


@dataclass(frozen=True)
class Initialised:
    admin_username: str
    recovery_code: str


def is_initialised(bo: Backoffice) -> bool:
    with bo.db.unit_of_work(write=False) as db:
        return db.get(AppMeta, "initialised_at") is not None


def initialise(
    bo: Backoffice, *, admin_username: str, admin_display_name: str, admin_password: str, demo: bool = False
) -> Initialised:
    """Create key version 1, the first admin with a slot, and the recovery slot. Only once."""
    roles = frozenset({Role.ADMIN})
    validate_new_user(admin_username, admin_display_name, admin_password, roles, None)
    now = bo.now()
    code = new_recovery_code()
    keyring = Keyring({1: new_master_key()}, current_version=1)
    with bo.db.unit_of_work() as db:
        if db.execute(select(AppMeta).where(AppMeta.key == "initialised_at")).scalar_one_or_none():
            raise DomainError("这个数据库已经初始化过：请直接登录。")
        db.add(KeyVersion(id=1, status="active", created_at=now))
        db.add(AppMeta(key="initialised_at", value=now.isoformat()))
        db.add(AppMeta(key="demo", value="1" if demo else "0"))
        user = create_user_row(
            db, bo, keyring, admin_username, admin_display_name, admin_password, roles, None, now
        )
        new_slot(db, keyring, owner=RECOVERY_OWNER, kind=RECOVERY, secret=code, params=bo.kdf_params, now=now)
        audit.append(
            db,
            keyring,
            at=now,
            username=admin_username,
            role=Role.ADMIN.value,
            action="system.initialise",
            object_type="user",
            object_id=str(user.id),
        )
    return Initialised(admin_username, code)


def is_demo(bo: Backoffice) -> bool:
    with bo.db.unit_of_work(write=False) as db:
        row = db.get(AppMeta, "demo")
        return row is not None and row.value == "1"
