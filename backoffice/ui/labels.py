"""Translated labels for things the services and the domain name by code (roles, statuses, causes…)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QCoreApplication

from backoffice.security.roles import ROLE_LABELS, Role

# tools/update_translations.py puts every ROLE_LABELS value into context "roles" of the .ts file, and
# the values of the label dictionaries it lists in LABEL_SOURCES (STATUS_LABELS, CAUSE_LABELS,
# CHANNELS…) into context "labels".
LABELS_CONTEXT = "labels"


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


def label(text: str) -> str:
    """A label from one of the service or domain dictionaries, in the current language."""
    return QCoreApplication.translate(LABELS_CONTEXT, text) if text else text


def code_label(labels: Mapping[str, str], code: str | None) -> str:
    """The translated label of ``code`` in ``labels``; the code itself when it has none."""
    if code is None:
        return ""
    text = labels.get(code)
    return label(text) if text is not None else code


def choices(labels: Mapping[str, str]) -> list[tuple[str, str]]:
    """(code, translated label) pairs in the dictionary's order, for a combo box."""
    return [(str(code), label(text)) for code, text in labels.items()]
