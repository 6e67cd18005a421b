"""Translated labels for things the services name by code (roles)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

from backoffice.security.roles import ROLE_LABELS, Role

# tools/update_translations.py puts every ROLE_LABELS value into context "roles" of the .ts file.


def role_label(role: Role | str) -> str:
    role = Role(role)
    return QCoreApplication.translate("roles", ROLE_LABELS[role])


def roles_text(roles: Iterable[Role | str], approval_level: int | None = None) -> str:
    """E.g. "核赔（3 级）、主管": roles in their fixed order, the approval level beside 核赔."""
    chosen = {Role(r) for r in roles}
    parts = []
    for role in Role:
        if role not in chosen:
            continue
        label = role_label(role)
        if role is Role.APPROVER and approval_level is not None:
            label = QCoreApplication.translate("roles", "{role}（{level} 级）").format(
                role=label, level=approval_level
            )
        parts.append(label)
    return QCoreApplication.translate("roles", "、").join(parts)
