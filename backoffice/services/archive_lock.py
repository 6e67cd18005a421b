"""An archived case is read-only: the services that change a case call :func:`ensure_not_archived`.

Most changes are already refused by the status checks of their services (an archived case is in no
status they accept); this covers the ones that do not look at the status (extra checklist items,
corrections of receipts, contact log entries, notices, attachments).
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from backoffice.db.models_intake import Case, ChecklistItem
from backoffice.domain.case import CaseStatus
from backoffice.domain.errors import DomainError


def ensure_not_archived(case: Case) -> None:
    if case.status == CaseStatus.ARCHIVED.value:
        raise DomainError(
            "案件 {no} 已归档，只能查阅：如需修改，请先由档案管理员调阅并重开案件。", no=case.case_no
        )


def ensure_owner_not_archived(db: Session, owner_type: str, owner_id: int | None) -> None:
    """For an attachment: refuse when its checklist item belongs to an archived case."""
    if owner_type != "checklist_item" or owner_id is None:
        return
    item = db.get(ChecklistItem, owner_id)
    case = db.get(Case, item.case_id) if item is not None else None
    if case is not None:
        ensure_not_archived(case)
