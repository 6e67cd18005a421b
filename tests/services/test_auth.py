"""Sign-in, lockout, unlock, rehash, confirmation and recovery — on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from conftest import ADMIN_PASSWORD, FAST_KDF, make_user
from sqlalchemy import select

from backoffice.db.models import KeyGrant, KeySlot, SignInThrottle, User
from backoffice.domain.errors import AuthenticationError, DomainError, ValidationError
from backoffice.security.kdf import Argon2Params
from backoffice.security.passwords import params_of
from backoffice.services import auth, users
from backoffice.services.setup import initialise


def test_sign_in_unwraps_the_master_key(bo, admin) -> None:
    again = auth.sign_in(bo, "ADMIN ", ADMIN_PASSWORD)
    assert again.actor.username == "admin"
    assert again.keyring.master() == admin.keyring.master()
    assert {r.value for r in again.actor.roles} == {"admin"}


def test_wrong_password_is_counted_and_nothing_else_changes(bo, admin) -> None:
    with bo.db.unit_of_work(write=False) as db:
        before = db.execute(select(User.password_hash, User.version)).all()
    with pytest.raises(AuthenticationError) as err:
        auth.sign_in(bo, "admin", "wrong password")
    assert "用户名或密码不正确" in str(err.value)
    with bo.db.unit_of_work(write=False) as db:
        assert db.execute(select(User.password_hash, User.version)).all() == before
        assert db.get(SignInThrottle, "user:admin").failures == 1


def test_unknown_user_gets_the_same_message(bo, admin) -> None:
    with pytest.raises(AuthenticationError) as err:
        auth.sign_in(bo, "nobody", "whatever-1")
    assert "用户名或密码不正确" in str(err.value)


def test_five_failures_lock_then_admin_unlocks(bo, admin, clock) -> None:
    password = make_user(admin, "clerk1", {"clerk"})
    for _ in range(4):
        with pytest.raises(AuthenticationError):
            auth.sign_in(bo, "clerk1", "bad-password")
    with pytest.raises(AuthenticationError) as err:
        auth.sign_in(bo, "clerk1", "bad-password")
    assert "锁定" in str(err.value)
    # Even the right password is refused while locked.
    with pytest.raises(AuthenticationError) as err:
        auth.sign_in(bo, "clerk1", password)
    assert "锁定" in str(err.value)
    listed = {u.username: u for u in users.list_users(admin)}
    assert listed["clerk1"].locked_until is not None
    users.unlock_user(admin, username="clerk1")
    assert auth.sign_in(bo, "clerk1", password).actor.username == "clerk1"


def test_lock_expires_after_fifteen_minutes_and_doubles(bo, admin, clock) -> None:
    password = make_user(admin, "clerk2", {"clerk"})
    for _ in range(5):
        with pytest.raises(AuthenticationError):
            auth.sign_in(bo, "clerk2", "bad-password")
    clock.advance(minutes=15, seconds=1)
    for _ in range(5):
        with pytest.raises(AuthenticationError):
            auth.sign_in(bo, "clerk2", "bad-password")
    clock.advance(minutes=16)
    with pytest.raises(AuthenticationError, match="锁定"):
        auth.sign_in(bo, "clerk2", password)
    clock.advance(minutes=15)
    assert auth.sign_in(bo, "clerk2", password)


def test_rehash_on_login_when_parameters_change(bo, admin) -> None:
    stronger = Argon2Params(memory_kib=FAST_KDF.memory_kib * 2, iterations=2, lanes=1)
    bo.kdf_params = stronger
    auth.sign_in(bo, "admin", ADMIN_PASSWORD)
    with bo.db.unit_of_work(write=False) as db:
        user = db.execute(select(User).where(User.username == "admin")).scalar_one()
        assert params_of(user.password_hash) == stronger
        slot = db.execute(select(KeySlot).where(KeySlot.owner == "user:admin")).scalar_one()
        assert slot.wrapped_private.split("$")[1] == stronger.encode()
    assert auth.sign_in(bo, "admin", ADMIN_PASSWORD)


def test_changing_a_password_rewraps_only_that_slot(bo, admin) -> None:
    make_user(admin, "clerk3", {"clerk"})
    with bo.db.unit_of_work(write=False) as db:
        before = {s.owner: s.wrapped_private for s in db.execute(select(KeySlot)).scalars()}
        grants_before = db.execute(select(KeyGrant.owner, KeyGrant.sealed)).all()
    us = auth.sign_in(bo, "clerk3", "clerk3-pass-1")
    users.change_own_password(us, old_password="clerk3-pass-1", new_password="brand-new-pw")
    with bo.db.unit_of_work(write=False) as db:
        after = {s.owner: s.wrapped_private for s in db.execute(select(KeySlot)).scalars()}
        assert db.execute(select(KeyGrant.owner, KeyGrant.sealed)).all() == grants_before
    assert [o for o in after if after[o] != before[o]] == ["user:clerk3"]
    with pytest.raises(AuthenticationError):
        auth.sign_in(bo, "clerk3", "clerk3-pass-1")
    assert auth.sign_in(bo, "clerk3", "brand-new-pw").keyring.master() == admin.keyring.master()


def test_wrong_old_password_changes_nothing(bo, admin) -> None:
    with pytest.raises(AuthenticationError):
        users.change_own_password(admin, old_password="nope-nope", new_password="another-pw")
    assert auth.sign_in(bo, "admin", ADMIN_PASSWORD)


def test_confirm_password_counts_failures(bo, admin) -> None:
    auth.confirm_password(admin, ADMIN_PASSWORD, purpose="reveal")
    with pytest.raises(AuthenticationError):
        auth.confirm_password(admin, "wrong", purpose="reveal")
    with bo.db.unit_of_work(write=False) as db:
        assert db.get(SignInThrottle, "user:admin").failures == 1


def test_recovery_code_sets_a_new_password(bo, admin) -> None:
    session = auth.recover(
        bo, code=admin.recovery_code.lower(), username="admin", new_password="recovered-pw"
    )
    assert session.keyring.master() == admin.keyring.master()
    assert auth.sign_in(bo, "admin", "recovered-pw")


def test_wrong_recovery_code_is_refused_and_counted(bo, admin) -> None:
    for _ in range(4):
        with pytest.raises(AuthenticationError, match="恢复码不正确"):
            auth.recover(
                bo, code="AAAA-BBBB-CCCC-DDDD-EEEE-FFFF", username="admin", new_password="new-pw-123"
            )
    with pytest.raises(AuthenticationError, match="锁定"):
        auth.recover(bo, code="AAAA-BBBB-CCCC-DDDD-EEEE-FFFF", username="admin", new_password="new-pw-123")
    assert auth.sign_in(bo, "admin", ADMIN_PASSWORD)


def test_initialise_only_once_and_validates(bo, admin) -> None:
    with pytest.raises(DomainError, match="已经初始化"):
        initialise(bo, admin_username="other", admin_display_name="x", admin_password="long-enough")


def test_initialise_refuses_a_short_password(bo) -> None:
    with pytest.raises(ValidationError) as err:
        initialise(bo, admin_username="admin", admin_display_name="x", admin_password="short")
    assert err.value.field == "password"
