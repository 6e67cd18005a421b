"""User administration and the role × action table at the service layer."""

from __future__ import annotations

import pytest
from conftest import make_user

from backoffice.domain.errors import NotFound, PermissionDenied, ValidationError
from backoffice.security.roles import Role
from backoffice.services import audit, auth, users

NON_ADMIN_ROLES = [
    ("clerk", None),
    ("approver", 2),
    ("archivist", None),
    ("supervisor", None),
    ("auditor", None),
]


def test_admin_adds_and_lists_users(bo, admin) -> None:
    make_user(admin, "approver3", {"approver"}, level=3)
    listed = {u.username: u for u in users.list_users(admin)}
    assert listed["approver3"].roles == ("approver",) and listed["approver3"].approval_level == 3
    us = auth.sign_in(bo, "approver3", "approver3-pass-1")
    assert us.actor.approval_level == 3
    assert us.keyring.master() == admin.keyring.master()


def test_admin_cannot_be_approver_and_duplicates_are_refused(bo, admin) -> None:
    with pytest.raises(ValidationError):
        make_user(admin, "both", {"admin", "approver"}, level=1)
    make_user(admin, "dup", {"clerk"})
    with pytest.raises(ValidationError, match="已被使用"):
        make_user(admin, "dup", {"clerk"})


@pytest.mark.parametrize(("role", "level"), NON_ADMIN_ROLES)
def test_only_admin_manages_users(bo, admin, role: str, level: int | None) -> None:
    make_user(admin, "someone", {role}, level)
    us = auth.sign_in(bo, "someone", "someone-pass-1")
    actions = [
        lambda: users.add_user(
            us, username="x1", display_name="x", password="xxxxxxxx1", roles=frozenset({Role.CLERK})
        ),
        lambda: users.list_users(us),
        lambda: users.unlock_user(us, username="admin"),
        lambda: users.reset_password(us, username="admin", new_password="hijacked-1"),
        lambda: users.set_active(us, username="admin", active=False),
    ]
    for action in actions:
        with pytest.raises(PermissionDenied):
            action()


@pytest.mark.parametrize(("role", "level"), [*NON_ADMIN_ROLES, ("admin", None)])
def test_only_auditor_reads_the_audit_log(bo, admin, role: str, level: int | None) -> None:
    if role == "admin":
        us = admin
    else:
        make_user(admin, "someone", {role}, level)
        us = auth.sign_in(bo, "someone", "someone-pass-1")
    if role == "auditor":
        assert audit.verify(us).ok
        assert audit.list_records(us)
    else:
        with pytest.raises(PermissionDenied):
            audit.verify(us)
        with pytest.raises(PermissionDenied):
            audit.list_records(us)


def test_reset_password_and_disable(bo, admin) -> None:
    make_user(admin, "clerk9", {"clerk"})
    users.reset_password(admin, username="clerk9", new_password="reset-by-admin")
    assert auth.sign_in(bo, "clerk9", "reset-by-admin").keyring.master() == admin.keyring.master()
    users.set_active(admin, username="clerk9", active=False)
    with pytest.raises(Exception, match="用户名或密码不正确"):
        auth.sign_in(bo, "clerk9", "reset-by-admin")
    with pytest.raises(NotFound):
        users.unlock_user(admin, username="ghost")
    with pytest.raises(ValidationError):
        users.set_active(admin, username="admin", active=False)


def test_bad_usernames_are_refused(bo, admin) -> None:
    for name in ["a", "with space", "中文名", "-lead", "x" * 65]:
        with pytest.raises(ValidationError):
            users.add_user(
                admin,
                username=name,
                display_name="x",
                password="long-enough-1",
                roles=frozenset({Role.CLERK}),
            )
