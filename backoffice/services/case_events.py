"""The case timeline and status changes shared by the case services."""

from __future__ import annotations

from sqlalchemy.orm import Session

from backoffice.db.models_intake import Case, CaseEvent
from backoffice.domain.case import CaseStatus
from backoffice.services.context import UserSession


def add_event(
    db: Session,
    us: UserSession,
    case: Case,
    kind: str,
    from_status: CaseStatus | None,
    to_status: CaseStatus | None,
    detail: str = "",
) -> None:
    db.add(
        CaseEvent(
            case_id=case.id,
            at=us.bo.now(),
            kind=kind,
            from_status=from_status.value if from_status else "",
            to_status=to_status.value if to_status else "",
            user_id=us.actor.user_id,
            detail=detail,
        )
    )
