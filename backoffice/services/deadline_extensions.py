"""Extensions of a deadline (延期): the handler asks with a reason, a supervisor decides.

An approved extension moves the deadline's effective due date; it is written into the case timeline and
the customer contact log (seed 003 §三(三)2: tell the customer why the review takes longer). Statutory
periods are never extended by the office.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from backoffice.db.models import User
from backoffice.db.models_intake import Case
from backoffice.db.models_sla import CaseDeadline, DeadlineExtension
from backoffice.domain.errors import DomainError, NotFound, ValidationError
from backoffice.security.roles import Permission
from backoffice.services import audit
from backoffice.services.case_events import add_event
from backoffice.services.contact_log import add_entry_row
from backoffice.services.context import UserSession
from backoffice.services.deadlines import OPEN, STAGE_LABELS, STATUTORY, first_yellow_day
from backoffice.services.guard import require
from backoffice.services.sla_config import business_day, context

MAX_REASON = 500


@dataclass(frozen=True)
class ExtensionView:
    id: int
    deadline_id: int
    case_no: str
    stage: str
    stage_label: str
    due: date
    requested_until: date
    reason: str
    requested_by: str
    requested_at: datetime
    decision: str
    decided_by: str
    decision_note: str


def _deadline(db: Session, deadline_id: int) -> tuple[CaseDeadline, Case]:
    row = db.get(CaseDeadline, deadline_id)
    if row is None:
        raise NotFound("没有这个时效记录。")
    case = db.get(Case, row.case_id)
    assert case is not None
    return row, case


def request_extension(us: UserSession, deadline_id: int, *, until: date, reason: str) -> ExtensionView:
    role = require(
        us, Permission.HANDLE_CASES, "deadline.extension.request", "只有理赔内勤可以申请延期。", "deadline"
    )
    if not reason.strip():
        raise ValidationError("reason", "申请延期需要写明原因。")
    if len(reason) > MAX_REASON:
        raise ValidationError("reason", "延期原因过长（最多 {n} 个字符）。", n=MAX_REASON)
    with us.bo.db.unit_of_work() as db:
        row, case = _deadline(db, deadline_id)
        if row.status != OPEN:
            raise DomainError("这个环节已经结束，不能延期。")
        if row.stage in STATUTORY:
            raise DomainError("法定时限不能由公司延期。")
        if until <= row.effective_due:
            raise ValidationError(
                "until", "延期后的日期必须晚于现在的到期日 {due}。", due=row.effective_due.isoformat()
            )
        pending = db.scalar(
            select(DeadlineExtension.id).where(
                DeadlineExtension.deadline_id == row.id, DeadlineExtension.decision == "pending"
            )
        )
        if pending is not None:
            raise DomainError("这个环节已有待批准的延期申请。")
        request = DeadlineExtension(
            deadline_id=row.id,
            requested_until=until,
            reason=reason.strip(),
            requested_by=us.actor.user_id,
            requested_at=us.bo.now(),
            decision="pending",
            decision_note="",
        )
        db.add(request)
        db.flush()
        add_event(
            db,
            us,
            case,
            "deadline.extension_requested",
            None,
            None,
            f"{STAGE_LABELS.get(row.stage, row.stage)} → {until.isoformat()}：{reason.strip()}",
        )
        case.last_activity_at = us.bo.now()
        audit.record(
            db,
            us,
            "deadline.extension.request",
            role=role,
            object_type="case",
            object_id=case.id,
            reason=f"{row.stage} until {until.isoformat()}",
        )
        return _view(db, request)


def decide_extension(us: UserSession, extension_id: int, *, approve: bool, note: str = "") -> ExtensionView:
    """A supervisor approves (the due date moves) or rejects a pending request."""
    role = require(
        us, Permission.APPROVE_EXTENSIONS, "deadline.extension.decide", "只有主管可以批准延期。", "deadline"
    )
    if not approve and not note.strip():
        raise ValidationError("note", "不批准延期时请说明理由。")
    with us.bo.db.unit_of_work() as db:
        request = db.get(DeadlineExtension, extension_id)
        if request is None:
            raise NotFound("没有这个延期申请。")
        if request.decision != "pending":
            raise DomainError("这个延期申请已经处理过。")
        row, case = _deadline(db, request.deadline_id)
        if row.status != OPEN:
            raise DomainError("这个环节已经结束，延期申请不再需要批准。")
        now = us.bo.now()
        request.decision = "approved" if approve else "rejected"
        request.decided_by, request.decided_at, request.decision_note = (
            us.actor.user_id,
            now,
            note.strip()[:500],
        )
        label = STAGE_LABELS.get(row.stage, row.stage)
        if approve:
            row.extended_until = row.effective_due = request.requested_until
            row.extension_reason = request.reason
            row.extension_approved_by, row.extension_approved_at = us.actor.user_id, now
            row.yellow_from = first_yellow_day(context(db), row.start_day, row.effective_due)
            if row.warning_level == "red" and request.requested_until >= business_day(now):
                row.warning_level = "none"  # the next refresh sets the level under the new due date
            add_event(
                db,
                us,
                case,
                "deadline.extended",
                None,
                None,
                f"{label} → {request.requested_until.isoformat()}：{request.reason}",
            )
            add_entry_row(
                db,
                us.keyring,
                case_id=case.id,
                at=now,
                channel="notice",
                direction="out",
                kind="deadline_extension",
                user_id=us.actor.user_id,
                summary=f"{label}期限经主管批准延长至 {request.requested_until.isoformat()}。"
                f"原因：{request.reason}（已向客户说明）",
            )
        else:
            add_event(db, us, case, "deadline.extension_rejected", None, None, f"{label}：{note.strip()}")
        audit.record(
            db,
            us,
            "deadline.extension.decide",
            role=role,
            object_type="case",
            object_id=case.id,
            reason=f"{row.stage} {request.decision}",
        )
        return _view(db, request)


def pending_extensions(us: UserSession) -> list[ExtensionView]:
    require(us, Permission.APPROVE_EXTENSIONS, "deadline.extension.list", "只有主管可以查看延期申请。")
    with us.bo.db.unit_of_work(write=False) as db:
        rows = db.execute(
            select(DeadlineExtension)
            .where(DeadlineExtension.decision == "pending")
            .order_by(DeadlineExtension.requested_at, DeadlineExtension.id)
        ).scalars()
        return [_view(db, r) for r in rows]


def case_extensions(us: UserSession, case_no: str) -> list[ExtensionView]:
    """Every extension request of one case's deadlines, oldest first, for anyone who may see the case
    (so that a handler sees a request still waiting and does not ask twice)."""
    from backoffice.services.intake import case_by_number

    require(us, Permission.VIEW_CASES, "case.extensions", "您没有查看案件的权限。", "case")
    with us.bo.db.unit_of_work(write=False) as db:
        case = case_by_number(db, case_no)
        rows = db.execute(
            select(DeadlineExtension)
            .join(CaseDeadline, CaseDeadline.id == DeadlineExtension.deadline_id)
            .where(CaseDeadline.case_id == case.id)
            .order_by(DeadlineExtension.requested_at, DeadlineExtension.id)
        ).scalars()
        return [_view(db, row) for row in rows]


def _view(db: Session, request: DeadlineExtension) -> ExtensionView:
    row, case = _deadline(db, request.deadline_id)
    names = {
        u.id: u.display_name
        for u in db.execute(
            select(User).where(User.id.in_([request.requested_by, request.decided_by or 0]))
        ).scalars()
    }
    return ExtensionView(
        request.id,
        row.id,
        case.case_no,
        row.stage,
        STAGE_LABELS.get(row.stage, row.stage),
        row.effective_due,
        request.requested_until,
        request.reason,
        names.get(request.requested_by, ""),
        request.requested_at,
        request.decision,
        names.get(request.decided_by or 0, ""),
        request.decision_note,
    )
