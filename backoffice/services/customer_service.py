"""Customer service (seeds 001, 004): callbacks after payment and complaints, both in the contact log.

A callback (回访) records a short questionnaire: overall satisfaction 1-5, whether the payment felt timely,
whether the customer raised an issue (then the office must contact them within 1 working day). A complaint
(投诉) has its own deadlines: contact within 1 working day, resolution within 5 (simple) or 10 (complex)
working days, 2 for motor complaints (seed 004). Summaries are encrypted like the contact log.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from backoffice.db.models import User
from backoffice.db.models_intake import Case
from backoffice.db.models_sla import Callback, Complaint
from backoffice.domain.errors import ConflictError, DomainError, NotFound, ValidationError
from backoffice.security.fields import FieldCipher
from backoffice.security.roles import Permission
from backoffice.services import audit
from backoffice.services.contact_log import CHANNELS, MAX_SUMMARY, add_entry_row
from backoffice.services.context import UserSession
from backoffice.services.deadlines import finish_stage, start_stage
from backoffice.services.guard import require
from backoffice.services.intake import case_by_number

COMPLAINT_CATEGORIES = {
    "timeliness": "理赔时效",
    "amount": "赔款金额",
    "attitude": "服务态度",
    "procedure": "手续与单证",
    "other": "其他",
}
COMPLAINT_COMPLEXITY = {"simple": "简单投诉", "complex": "复杂投诉"}


@dataclass(frozen=True)
class CallbackView:
    id: int
    case_no: str
    done_at: datetime
    user: str
    channel: str
    satisfaction: int
    paid_on_time: bool | None
    issues_raised: bool
    remarks: str


@dataclass(frozen=True)
class ComplaintView:
    id: int
    case_no: str
    received_at: datetime
    channel: str
    category: str
    complexity: str
    summary: str
    contacted_at: datetime | None
    resolved_at: datetime | None
    resolution: str
    version: int


def _when(us: UserSession, at: datetime | None, field: str) -> datetime:
    now = us.bo.now()
    when = at or now
    if when.tzinfo is None:
        raise ValidationError(field, "时间缺少时区。")
    if when > now:
        raise ValidationError(field, "时间不能晚于现在。")
    return when


def _text(value: str, field: str, message: str) -> str:
    if not value.strip():
        raise ValidationError(field, message)
    if len(value) > MAX_SUMMARY:
        raise ValidationError(field, "内容过长（最多 {n} 个字符）。", n=MAX_SUMMARY)
    return value.strip()


# --- callbacks ---------------------------------------------------------------------------------


def record_callback(
    us: UserSession,
    case_no: str,
    *,
    satisfaction: int,
    issues_raised: bool = False,
    paid_on_time: bool | None = None,
    remarks: str = "",
    channel: str = "phone",
    done_at: datetime | None = None,
) -> CallbackView:
    role = require(us, Permission.HANDLE_CASES, "callback.record", "只有理赔内勤可以记录回访。", "case")
    if not 1 <= satisfaction <= 5:
        raise ValidationError("satisfaction", "满意度请选择 1 至 5 分。")
    if channel not in CHANNELS:
        raise ValidationError("channel", "请选择联系方式。")
    if issues_raised and not remarks.strip():
        raise ValidationError("remarks", "客户提出异议时，请记录异议内容。")
    if len(remarks) > MAX_SUMMARY:
        raise ValidationError("remarks", "内容过长（最多 {n} 个字符）。", n=MAX_SUMMARY)
    when = _when(us, done_at, "done_at")
    with us.bo.db.unit_of_work() as db:
        case = case_by_number(db, case_no)
        if case.paid_fen <= 0:
            raise DomainError("赔款尚未支付：赔后回访在支付之后进行。")
        row = Callback(
            case_id=case.id,
            done_at=when,
            user_id=us.actor.user_id,
            channel=channel,
            satisfaction=satisfaction,
            paid_on_time=paid_on_time,
            issues_raised=issues_raised,
        )
        db.add(row)
        db.flush()
        row.remarks_enc = FieldCipher(us.keyring).encrypt_optional(
            remarks.strip() or None, table="callbacks", column="remarks_enc", row_id=row.id
        )
        timely = {True: "；认为赔付及时", False: "；认为赔付不及时", None: ""}[paid_on_time]
        issue = (
            f"；客户提出异议：{remarks.strip()}"
            if issues_raised
            else (f"；{remarks.strip()}" if remarks.strip() else "")
        )
        add_entry_row(
            db,
            us.keyring,
            case_id=case.id,
            at=when,
            channel=channel,
            direction="out",
            kind="callback",
            user_id=us.actor.user_id,
            summary=f"赔后回访：满意度 {satisfaction}/5{timely}{issue}"[:MAX_SUMMARY],
        )
        finish_stage(db, us, case, "callback", when)
        if issues_raised:
            start_stage(db, us, case, "callback_issue_contact", when)
        case.last_activity_at = us.bo.now()
        audit.record(
            db,
            us,
            "callback.record",
            role=role,
            object_type="case",
            object_id=case.id,
            reason=f"satisfaction={satisfaction} issues={int(issues_raised)}",
        )
        return _callback_view(db, us, row, case.case_no)


def _callback_view(db: Session, us: UserSession, row: Callback, case_no: str) -> CallbackView:
    user = db.get(User, row.user_id)
    remarks = FieldCipher(us.keyring).decrypt_optional(
        row.remarks_enc, table="callbacks", column="remarks_enc", row_id=row.id
    )
    return CallbackView(
        row.id,
        case_no,
        row.done_at,
        user.display_name if user else "",
        row.channel,
        row.satisfaction,
        row.paid_on_time,
        row.issues_raised,
        remarks or "",
    )


def callbacks(us: UserSession, case_no: str) -> list[CallbackView]:
    require(us, Permission.VIEW_CASES, "callback.list", "您没有查看案件的权限。", "case")
    with us.bo.db.unit_of_work(write=False) as db:
        case = case_by_number(db, case_no)
        rows = db.execute(
            select(Callback).where(Callback.case_id == case.id).order_by(Callback.done_at)
        ).scalars()
        return [_callback_view(db, us, row, case.case_no) for row in rows]


# --- complaints --------------------------------------------------------------------------------


def resolution_variant(complexity: str, line: str) -> str:
    """complex → 10 working days; a simple motor complaint → 2 (seed 004); other simple ones → 5."""
    if complexity == "complex":
        return "complex"
    return "motor" if line == "motor" else "simple"


def register_complaint(
    us: UserSession,
    case_no: str,
    *,
    channel: str,
    category: str,
    complexity: str,
    summary: str,
    received_at: datetime | None = None,
) -> ComplaintView:
    role = require(us, Permission.HANDLE_CASES, "complaint.register", "只有理赔内勤可以登记投诉。", "case")
    if channel not in CHANNELS:
        raise ValidationError("channel", "请选择投诉渠道。")
    if category not in COMPLAINT_CATEGORIES:
        raise ValidationError("category", "请选择投诉类别。")
    if complexity not in COMPLAINT_COMPLEXITY:
        raise ValidationError("complexity", "请选择简单投诉或复杂投诉。")
    text = _text(summary, "summary", "请填写投诉内容摘要。")
    when = _when(us, received_at, "received_at")
    with us.bo.db.unit_of_work() as db:
        case = case_by_number(db, case_no)
        row = Complaint(
            case_id=case.id,
            received_at=when,
            channel=channel,
            category=category,
            complexity=complexity,
            summary_enc=b"",
            created_by=us.actor.user_id,
        )
        db.add(row)
        db.flush()
        row.summary_enc = FieldCipher(us.keyring).encrypt(
            text, table="complaints", column="summary_enc", row_id=row.id
        )
        add_entry_row(
            db,
            us.keyring,
            case_id=case.id,
            at=when,
            channel=channel,
            direction="in",
            kind="complaint",
            user_id=us.actor.user_id,
            summary=f"客户投诉（{COMPLAINT_CATEGORIES[category]}）：{text}"[:MAX_SUMMARY],
        )
        start_stage(db, us, case, "complaint_contact", when, ref_id=row.id)
        variant = resolution_variant(complexity, case.line)
        start_stage(db, us, case, "complaint_resolution", when, ref_id=row.id, variant=variant)
        case.last_activity_at = us.bo.now()
        audit.record(
            db,
            us,
            "complaint.register",
            role=role,
            object_type="case",
            object_id=case.id,
            reason=f"{category} {complexity}",
        )
        return _complaint_view(us, row, case.case_no)


def _complaint(db: Session, complaint_id: int, expected_version: int | None) -> tuple[Complaint, Case]:
    row = db.get(Complaint, complaint_id)
    if row is None:
        raise NotFound("没有这件投诉。")
    if expected_version is not None and row.version != expected_version:
        raise ConflictError("这件投诉刚被其他人处理过：请刷新。")
    case = db.get(Case, row.case_id)
    assert case is not None
    return row, case


def complaint_contacted(
    us: UserSession, complaint_id: int, *, summary: str, at: datetime | None = None, expected_version: int
) -> ComplaintView:
    """The customer was contacted about the complaint (within 1 working day)."""
    role = require(
        us, Permission.HANDLE_CASES, "complaint.contact", "只有理赔内勤可以处理投诉。", "complaint"
    )
    text = _text(summary, "summary", "请填写联系情况。")
    when = _when(us, at, "at")
    with us.bo.db.unit_of_work() as db:
        row, case = _complaint(db, complaint_id, expected_version)
        if row.contacted_at is not None:
            raise DomainError("已经记录过与投诉人的联系。")
        row.contacted_at = when
        add_entry_row(
            db,
            us.keyring,
            case_id=case.id,
            at=when,
            channel="phone",
            direction="out",
            kind="complaint_contact",
            user_id=us.actor.user_id,
            summary=f"投诉联系：{text}"[:MAX_SUMMARY],
        )
        finish_stage(db, us, case, "complaint_contact", when, ref_id=row.id)
        case.last_activity_at = us.bo.now()
        audit.record(db, us, "complaint.contact", role=role, object_type="case", object_id=case.id)
        db.flush()
        return _complaint_view(us, row, case.case_no)


def resolve_complaint(
    us: UserSession, complaint_id: int, *, resolution: str, at: datetime | None = None, expected_version: int
) -> ComplaintView:
    role = require(
        us, Permission.HANDLE_CASES, "complaint.resolve", "只有理赔内勤可以处理投诉。", "complaint"
    )
    text = _text(resolution, "resolution", "请填写处理结果。")
    when = _when(us, at, "at")
    with us.bo.db.unit_of_work() as db:
        row, case = _complaint(db, complaint_id, expected_version)
        if row.resolved_at is not None:
            raise DomainError("这件投诉已经办结。")
        if when < row.received_at:
            raise ValidationError("at", "办结时间不能早于投诉时间。")
        row.resolved_at = when
        row.contacted_at = row.contacted_at or when
        row.resolution_enc = FieldCipher(us.keyring).encrypt(
            text, table="complaints", column="resolution_enc", row_id=row.id
        )
        add_entry_row(
            db,
            us.keyring,
            case_id=case.id,
            at=when,
            channel="phone",
            direction="out",
            kind="complaint_resolved",
            user_id=us.actor.user_id,
            summary=f"投诉办结：{text}"[:MAX_SUMMARY],
        )
        finish_stage(db, us, case, ("complaint_contact", "complaint_resolution"), when, ref_id=row.id)
        case.last_activity_at = us.bo.now()
        audit.record(db, us, "complaint.resolve", role=role, object_type="case", object_id=case.id)
        db.flush()
        return _complaint_view(us, row, case.case_no)


def _complaint_view(us: UserSession, row: Complaint, case_no: str) -> ComplaintView:
    cipher = FieldCipher(us.keyring)
    return ComplaintView(
        row.id,
        case_no,
        row.received_at,
        row.channel,
        row.category,
        row.complexity,
        cipher.decrypt(row.summary_enc, table="complaints", column="summary_enc", row_id=row.id),
        row.contacted_at,
        row.resolved_at,
        cipher.decrypt_optional(
            row.resolution_enc, table="complaints", column="resolution_enc", row_id=row.id
        )
        or "",
        row.version,
    )


def complaints(us: UserSession, case_no: str) -> list[ComplaintView]:
    require(us, Permission.VIEW_CASES, "complaint.list", "您没有查看案件的权限。", "case")
    with us.bo.db.unit_of_work(write=False) as db:
        case = case_by_number(db, case_no)
        rows = db.execute(
            select(Complaint).where(Complaint.case_id == case.id).order_by(Complaint.received_at)
        ).scalars()
        return [_complaint_view(us, row, case.case_no) for row in rows]
