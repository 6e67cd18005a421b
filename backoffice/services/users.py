"""Users and roles: add, list, change or reset passwords, unlock."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from backoffice.db.models import SignInThrottle, User, UserRole
from backoffice.domain.errors import AuthenticationError, NotFound, ValidationError
from backoffice.security.keys import Keyring
from backoffice.security.passwords import hash_password, verify_password
from backoffice.security.roles import Permission, Role, check_role_combination
from backoffice.services import audit
from backoffice.services.context import Backoffice, UserSession
from backoffice.services.guard import require
from backoffice.services.keyslots import PASSWORD, new_slot, rewrap_slot, user_owner

USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")
MIN_PASSWORD = 8


@dataclass(frozen=True)
class UserInfo:
    id: int
    username: str
    display_name: str
    roles: tuple[str, ...]
    approval_level: int | None
    active: bool
    locked_until: datetime | None


def check_password_policy(username: str, password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise ValidationError("password", "密码至少需要 {n} 个字符。", n=MIN_PASSWORD)
    if password.lower() == username.lower():
        raise ValidationError("password", "密码不能与用户名相同。")


def validate_new_user(
    username: str, display_name: str, password: str, roles: frozenset[Role], level: int | None
) -> None:
    if not USERNAME.match(username):
        raise ValidationError(
            "username", "用户名只能使用小写字母、数字和 . _ -，长度 2 至 64 个字符，以字母或数字开头。"
        )
    if not display_name.strip():
        raise ValidationError("display_name", "请填写姓名。")
    check_role_combination(roles, level)
    check_password_policy(username, password)


def create_user_row(
    db: Session,
    bo: Backoffice,
    keyring: Keyring,
    username: str,
    display_name: str,
    password: str,
    roles: frozenset[Role],
    level: int | None,
    now: datetime,
) -> User:
    if db.execute(select(User.id).where(User.username == username)).first():
        raise ValidationError("username", "用户名“{name}”已被使用：请换一个。", name=username)
    user = User(
        username=username,
        display_name=display_name.strip(),
        password_hash=hash_password(password, bo.kdf_params),
        approval_level=level,
        active=True,
        created_at=now,
        password_changed_at=now,
        roles=[UserRole(role=role.value) for role in sorted(roles)],
    )
    db.add(user)
    db.flush()
    new_slot(
        db,
        keyring,
        owner=user_owner(username),
        kind=PASSWORD,
        secret=password,
        params=bo.kdf_params,
        now=now,
        user=user,
    )
    return user


def _require(
    us: UserSession, permission: Permission, action: str, message: str, object_id: object = ""
) -> str:
    return require(us, permission, action, message, "user", object_id)


def _info(user: User, throttle: SignInThrottle | None) -> UserInfo:
    return UserInfo(
        user.id,
        user.username,
        user.display_name,
        tuple(sorted(r.role for r in user.roles)),
        user.approval_level,
        user.active,
        throttle.locked_until if throttle else None,
    )


def add_user(
    us: UserSession,
    *,
    username: str,
    display_name: str,
    password: str,
    roles: frozenset[Role],
    approval_level: int | None = None,
) -> UserInfo:
    role = _require(us, Permission.MANAGE_USERS, "user.add", "只有系统管理员可以添加用户。")
    username = username.strip().lower()
    validate_new_user(username, display_name, password, roles, approval_level)
    now = us.bo.now()
    with us.bo.db.unit_of_work() as db:
        user = create_user_row(
            db, us.bo, us.keyring, username, display_name, password, roles, approval_level, now
        )
        audit.record(
            db,
            us,
            "user.add",
            role=role,
            object_type="user",
            object_id=user.id,
            reason="roles="
            + ",".join(sorted(roles))
            + (f" level={approval_level}" if approval_level else ""),
        )
        return _info(user, None)


def list_users(us: UserSession) -> list[UserInfo]:
    _require(us, Permission.MANAGE_USERS, "user.list", "只有系统管理员可以查看用户列表。")
    with us.bo.db.unit_of_work(write=False) as db:
        throttles = {t.principal: t for t in db.execute(select(SignInThrottle)).scalars()}
        users = db.execute(select(User).order_by(User.username)).scalars().all()
        return [_info(u, throttles.get(user_owner(u.username))) for u in users]


def _user(db: Session, username: str) -> User:
    user = db.execute(select(User).where(User.username == username)).scalar_one_or_none()
    if user is None:
        raise NotFound("没有用户“{name}”。", name=username)
    return user


def change_own_password(us: UserSession, *, old_password: str, new_password: str) -> None:
    """Only this user's slot is rewrapped (same key pair); nothing else changes."""
    check_password_policy(us.actor.username, new_password)
    now = us.bo.now()
    with us.bo.db.unit_of_work() as db:
        user = _user(db, us.actor.username)
        if not verify_password(old_password, user.password_hash):
            raise AuthenticationError("原密码不正确：密码未修改。")
        user.password_hash = hash_password(new_password, us.bo.kdf_params)
        user.password_changed_at = now
        rewrap_slot(
            db,
            owner=user_owner(user.username),
            kind=PASSWORD,
            old_secret=old_password,
            new_secret=new_password,
            params=us.bo.kdf_params,
            now=now,
        )
        audit.record(
            db, us, "user.passwd", role=us.actor.primary_role.value, object_type="user", object_id=user.id
        )


def reset_password(us: UserSession, *, username: str, new_password: str) -> None:
    """An admin sets a new password for another user: a new key pair, granted from the admin's keys."""
    role = _require(us, Permission.MANAGE_USERS, "user.reset_password", "只有系统管理员可以重设他人的密码。")
    check_password_policy(username, new_password)
    now = us.bo.now()
    with us.bo.db.unit_of_work() as db:
        user = _user(db, username)
        user.password_hash = hash_password(new_password, us.bo.kdf_params)
        user.password_changed_at = now
        new_slot(
            db,
            us.keyring,
            owner=user_owner(user.username),
            kind=PASSWORD,
            secret=new_password,
            params=us.bo.kdf_params,
            now=now,
            user=user,
        )
        audit.record(db, us, "user.reset_password", role=role, object_type="user", object_id=user.id)


def unlock_user(us: UserSession, *, username: str) -> None:
    role = _require(us, Permission.MANAGE_USERS, "user.unlock", "只有系统管理员可以解锁账户。")
    with us.bo.db.unit_of_work() as db:
        user = _user(db, username)
        throttle = db.get(SignInThrottle, user_owner(username))
        if throttle is not None:
            db.delete(throttle)
        audit.record(db, us, "user.unlock", role=role, object_type="user", object_id=user.id)


def set_active(us: UserSession, *, username: str, active: bool) -> None:
    role = _require(us, Permission.MANAGE_USERS, "user.set_active", "只有系统管理员可以停用或启用账户。")
    if username == us.actor.username and not active:
        raise ValidationError("username", "不能停用自己的账户。")
    with us.bo.db.unit_of_work() as db:
        user = _user(db, username)
        user.active = active
        audit.record(
            db,
            us,
            "user.enable" if active else "user.disable",
            role=role,
            object_type="user",
            object_id=user.id,
        )
