"""Signing in, confirming the password for sign-off actions, and recovery with the printed code."""

from __future__ import annotations

import logging
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from backoffice.db.models import SignInThrottle, User
from backoffice.domain.errors import AuthenticationError, ConflictError
from backoffice.security.keys import KeyUnwrapError, normalise_recovery_code
from backoffice.security.passwords import hash_password, needs_rehash, verify_password
from backoffice.security.roles import Role
from backoffice.security.throttle import ThrottleState, after_failure
from backoffice.services import audit
from backoffice.services.context import Actor, Backoffice, UserSession
from backoffice.services.keyslots import (
    PASSWORD,
    RECOVERY,
    RECOVERY_OWNER,
    new_slot,
    open_slot,
    rewrap_slot,
    slot_params,
    user_owner,
)
from backoffice.services.users import check_password_policy

SHANGHAI = ZoneInfo("Asia/Shanghai")
log = logging.getLogger(__name__)
_DUMMY_HASH: str | None = None


def _dummy_hash(bo: Backoffice) -> str:
    """A hash to verify against when the user does not exist, so timing does not tell."""
    global _DUMMY_HASH
    if _DUMMY_HASH is None:
        _DUMMY_HASH = hash_password("not-a-real-password", bo.kdf_params)
    return _DUMMY_HASH


def _state(row: SignInThrottle | None) -> ThrottleState:
    if row is None:
        return ThrottleState()
    return ThrottleState(row.failures, row.first_failure_at, row.locked_until, row.lockouts)


def _store(db: Session, principal: str, state: ThrottleState) -> None:
    row = db.get(SignInThrottle, principal)
    if row is None:
        row = SignInThrottle(principal=principal)
        db.add(row)
    row.failures, row.first_failure_at = state.failures, state.first_failure_at
    row.locked_until, row.lockouts = state.locked_until, state.lockouts


def _locked_error(until: datetime) -> AuthenticationError:
    local = until.astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M")
    return AuthenticationError("账户已被锁定，请在 {until} 之后再试，或请系统管理员解锁。", until=local)


def _fail(bo: Backoffice, principal: str, username: str, action: str, now: datetime) -> AuthenticationError:
    """Count one failed attempt (its own transaction) and say what happened."""
    with bo.db.unit_of_work() as db:
        state = after_failure(_state(db.get(SignInThrottle, principal)), now)
        _store(db, principal, state)
        locked = state.is_locked(now)
        audit.note_unsigned(
            db, at=now, username=username, action=action, outcome="locked" if locked else "failed"
        )
    if locked:
        assert state.locked_until is not None
        return _locked_error(state.locked_until)
    if principal == RECOVERY_OWNER:
        return AuthenticationError("恢复码不正确。")
    return AuthenticationError("用户名或密码不正确。")


def _refuse_if_locked(bo: Backoffice, principal: str, username: str, action: str, now: datetime) -> None:
    with bo.db.unit_of_work() as db:
        state = _state(db.get(SignInThrottle, principal))
        if state.is_locked(now):
            audit.note_unsigned(db, at=now, username=username, action=action, outcome="locked")
            assert state.locked_until is not None
            raise _locked_error(state.locked_until)


def _actor(user: User) -> Actor:
    return Actor(
        user.id,
        user.username,
        user.display_name,
        frozenset(Role(r.role) for r in user.roles),
        user.approval_level,
    )


def _rehash_if_needed(bo: Backoffice, username: str, password: str) -> None:
    """New Argon2 parameters for the hash and the slot, after a successful sign-in.

    Opportunistic: when another client signed the same user in at the same moment and already did it,
    the conflict is ignored; the next sign-in tries again.
    """
    principal = user_owner(username)
    try:
        with bo.db.unit_of_work() as db:
            user = db.execute(select(User).where(User.username == username)).scalar_one()
            if needs_rehash(user.password_hash, bo.kdf_params):
                user.password_hash = hash_password(password, bo.kdf_params)
            if slot_params(db, principal) != bo.kdf_params:
                rewrap_slot(
                    db,
                    owner=principal,
                    kind=PASSWORD,
                    old_secret=password,
                    new_secret=password,
                    params=bo.kdf_params,
                    now=bo.now(),
                )
    except ConflictError:
        log.info("rehash of a password skipped: changed concurrently")


def sign_in(bo: Backoffice, username: str, password: str) -> UserSession:
    """Check the password, unwrap the user's key slots, and return the signed-in session."""
    username = username.strip().lower()
    principal = user_owner(username)
    now = bo.now()
    _refuse_if_locked(bo, principal, username, "session.sign_in", now)
    with bo.db.unit_of_work() as db:
        user = db.execute(select(User).where(User.username == username)).scalar_one_or_none()
        if user is None or not user.active:
            verify_password(password, _dummy_hash(bo))
            good = False
        else:
            good = verify_password(password, user.password_hash)
        if good:
            assert user is not None
            try:
                keyring = open_slot(db, owner=principal, kind=PASSWORD, secret=password)
            except KeyUnwrapError:
                good = False
        if good:
            assert user is not None
            db.execute(delete(SignInThrottle).where(SignInThrottle.principal == principal))
            actor = _actor(user)
            session = UserSession(bo, actor, keyring, now)
            audit.record(
                db,
                session,
                "session.sign_in",
                role=actor.primary_role.value,
                object_type="user",
                object_id=user.id,
            )
    if not good:
        raise _fail(bo, principal, username, "session.sign_in", now)
    _rehash_if_needed(bo, username, password)
    return session


def confirm_password(us: UserSession, password: str, *, purpose: str) -> None:
    """Ask for the password again before a sign-off action; failures count like sign-in failures."""
    principal = user_owner(us.actor.username)
    now = us.bo.now()
    _refuse_if_locked(us.bo, principal, us.actor.username, f"confirm.{purpose}", now)
    with us.bo.db.unit_of_work(write=False) as db:
        user = db.get(User, us.actor.user_id)
        good = user is not None and user.active and verify_password(password, user.password_hash)
    if not good:
        raise _fail(us.bo, principal, us.actor.username, f"confirm.{purpose}", now)


def recover(bo: Backoffice, *, code: str, username: str, new_password: str) -> UserSession:
    """Open the recovery slot with the printed code and give ``username`` a new password."""
    username = username.strip().lower()
    check_password_policy(username, new_password)
    now = bo.now()
    _refuse_if_locked(bo, RECOVERY_OWNER, username, "keys.recover", now)
    with bo.db.unit_of_work() as db:
        try:
            keyring = open_slot(db, owner=RECOVERY_OWNER, kind=RECOVERY, secret=normalise_recovery_code(code))
        except KeyUnwrapError:
            keyring = None
        user = db.execute(select(User).where(User.username == username)).scalar_one_or_none()
        if keyring is not None and user is not None:
            user.password_hash = hash_password(new_password, bo.kdf_params)
            user.password_changed_at = now
            user.active = True
            new_slot(
                db,
                keyring,
                owner=user_owner(username),
                kind=PASSWORD,
                secret=new_password,
                params=bo.kdf_params,
                now=now,
                user=user,
            )
            for principal in (RECOVERY_OWNER, user_owner(username)):
                throttle = db.get(SignInThrottle, principal)
                if throttle is not None:
                    db.delete(throttle)
            session = UserSession(bo, _actor(user), keyring, now)
            audit.record(
                db,
                session,
                "keys.recover",
                role=session.actor.primary_role.value,
                object_type="user",
                object_id=user.id,
            )
            return session
    raise _fail(bo, RECOVERY_OWNER, username, "keys.recover", now)
