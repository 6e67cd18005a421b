from __future__ import annotations

import pytest

from backoffice.domain.errors import ValidationError
from backoffice.security.roles import Permission, Role, check_role_combination, parse_roles, role_for


def test_admin_cannot_approve() -> None:
    with pytest.raises(ValidationError) as err:
        check_role_combination(frozenset({Role.ADMIN, Role.APPROVER}), 2)
    assert err.value.field == "roles"


@pytest.mark.parametrize("level", [None, 0, 6])
def test_approver_needs_a_level_between_one_and_five(level: int | None) -> None:
    with pytest.raises(ValidationError):
        check_role_combination(frozenset({Role.APPROVER}), level)


def test_level_only_for_approvers_and_several_roles_allowed() -> None:
    with pytest.raises(ValidationError):
        check_role_combination(frozenset({Role.CLERK}), 1)
    check_role_combination(frozenset({Role.CLERK, Role.SUPERVISOR}), None)
    check_role_combination(frozenset({Role.APPROVER, Role.SUPERVISOR}), 3)


def test_parse_roles_and_unknown_role() -> None:
    assert parse_roles(["Clerk", " auditor "]) == {Role.CLERK, Role.AUDITOR}
    with pytest.raises(ValidationError):
        parse_roles(["boss"])


def test_only_auditor_reads_audit_and_only_admin_manages_users() -> None:
    for role in Role:
        assert (role_for(Permission.READ_AUDIT, frozenset({role})) is not None) == (role is Role.AUDITOR)
        assert (role_for(Permission.MANAGE_USERS, frozenset({role})) is not None) == (role is Role.ADMIN)
