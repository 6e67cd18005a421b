"""Roles and what each may do. The services check these; the UI only mirrors them."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from backoffice.domain.errors import ValidationError


class Role(StrEnum):
    CLERK = "clerk"
    APPROVER = "approver"
    ARCHIVIST = "archivist"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"
    AUDITOR = "auditor"


ROLE_LABELS: dict[Role, str] = {
    Role.CLERK: "理赔内勤",
    Role.APPROVER: "核赔",
    Role.ARCHIVIST: "档案管理员",
    Role.SUPERVISOR: "主管",
    Role.ADMIN: "系统管理员",
    Role.AUDITOR: "审计员",
}

MIN_LEVEL, MAX_LEVEL = 1, 5


def parse_roles(names: Iterable[str]) -> frozenset[Role]:
    roles = set()
    for name in names:
        try:
            roles.add(Role(name.strip().lower()))
        except ValueError:
            raise ValidationError(
                "roles", "未知角色“{name}”。可用角色：{known}。", name=name, known=", ".join(Role)
            ) from None
    return frozenset(roles)


def check_role_combination(roles: frozenset[Role], approval_level: int | None) -> None:
    """Refuse combinations the office does not allow."""
    if not roles:
        raise ValidationError("roles", "用户至少需要一个角色。")
    if Role.ADMIN in roles and Role.APPROVER in roles:
        raise ValidationError("roles", "系统管理员不能同时担任核赔人员：请分设两个用户。")
    if Role.APPROVER in roles:
        if approval_level is None or not MIN_LEVEL <= approval_level <= MAX_LEVEL:
            raise ValidationError("level", "核赔人员需要 1 至 5 级的审批权限级别。")
    elif approval_level is not None:
        raise ValidationError("level", "只有核赔人员才有审批权限级别。")


class Permission(StrEnum):
    MANAGE_USERS = "manage_users"
    READ_AUDIT = "read_audit"
    MANAGE_KEYS = "manage_keys"
    MANAGE_SETTINGS = "manage_settings"
    VIEW_PERSONS = "view_persons"  # masked
    EDIT_PERSONS = "edit_persons"
    REVEAL_PERSONAL = "reveal_personal"  # un-mask one field, with password and reason
    EDIT_POLICIES = "edit_policies"
    REGISTER_CASES = "register_cases"
    HANDLE_CASES = "handle_cases"  # checklist receipts, contact log, notices
    ASSIGN_CASES = "assign_cases"  # reassignment, classification override
    VIEW_CASES = "view_cases"
    MANAGE_BACKUPS = "manage_backups"  # backup create / verify / restore, doctor
    VIEW_KPIS = "view_kpis"  # KPI dashboard, supervisor queue of warnings, pending-case reports
    APPROVE_EXTENSIONS = "approve_extensions"  # deadline extensions (延期), written rectifications
    MANAGE_CALENDAR = "manage_calendar"  # working-day calendar overrides and deadline rules
    BUILD_ARCHIVE = "build_archive"  # seal archive volumes (一案一卷), retrieval for reopening
    UNMASKED_ARCHIVE = "unmasked_archive"  # an archive volume with personal data in the clear


PERMISSIONS: dict[Permission, frozenset[Role]] = {
    Permission.MANAGE_USERS: frozenset({Role.ADMIN}),
    Permission.READ_AUDIT: frozenset({Role.AUDITOR}),
    Permission.MANAGE_KEYS: frozenset({Role.ADMIN}),
    Permission.MANAGE_SETTINGS: frozenset({Role.ADMIN}),
    Permission.VIEW_PERSONS: frozenset({Role.CLERK, Role.APPROVER, Role.SUPERVISOR, Role.ARCHIVIST}),
    Permission.EDIT_PERSONS: frozenset({Role.CLERK}),
    # Clerks: on cases assigned to them once cases exist (issue 4); approvers and supervisors: any.
    Permission.REVEAL_PERSONAL: frozenset({Role.CLERK, Role.APPROVER, Role.SUPERVISOR}),
    Permission.EDIT_POLICIES: frozenset({Role.CLERK, Role.SUPERVISOR}),
    Permission.REGISTER_CASES: frozenset({Role.CLERK}),
    Permission.HANDLE_CASES: frozenset({Role.CLERK}),
    Permission.ASSIGN_CASES: frozenset({Role.SUPERVISOR, Role.CLERK}),
    Permission.VIEW_CASES: frozenset(
        {Role.CLERK, Role.APPROVER, Role.SUPERVISOR, Role.ARCHIVIST, Role.AUDITOR}
    ),
    Permission.MANAGE_BACKUPS: frozenset({Role.ADMIN}),
    Permission.VIEW_KPIS: frozenset({Role.SUPERVISOR, Role.AUDITOR}),
    Permission.APPROVE_EXTENSIONS: frozenset({Role.SUPERVISOR}),
    Permission.MANAGE_CALENDAR: frozenset({Role.ADMIN}),
    Permission.BUILD_ARCHIVE: frozenset({Role.ARCHIVIST}),
    Permission.UNMASKED_ARCHIVE: frozenset({Role.ARCHIVIST, Role.SUPERVISOR}),
}


def role_for(permission: Permission, roles: frozenset[Role]) -> Role | None:
    """The role through which a user holding ``roles`` has ``permission``, or None."""
    for role in Role:  # stable order
        if role in roles and role in PERMISSIONS[permission]:
            return role
    return None
