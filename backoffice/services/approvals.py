"""Tiered approval (核赔): submit, sign level by level, return, deny; the approver queue; delegation.

The route is every level from 1 up to the lowest whose limit covers the amount. Each step is signed with
the password by a different person who is neither the handler nor the calculator and has not signed in
this chain; *agree* is final when the signer's own limit covers the amount. Two approvers acting at once:
the case's version column lets exactly one succeed.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from backoffice.db.models import User
from backoffice.db.models_approval import ApprovalSignature
from backoffice.db.models_intake import Calculation, Case
from backoffice.db.models_sla import CaseDeadline
from backoffice.domain.approval import LineOfBusiness, may_sign, route
from backoffice.domain.case import CaseStatus, check_transition
from backoffice.domain.errors import ConflictError, DomainError, PermissionDenied, ValidationError
from backoffice.domain.money import fen_to_yuan
from backoffice.security.fields import FieldCipher
from backoffice.security.roles import Permission, Role
from backoffice.services import audit, deadlines
from backoffice.services.auth import confirm_password
from backoffice.services.authority import current_matrix
from backoffice.services.case_events import add_event
from backoffice.services.context import UserSession
from backoffice.services.guard import require
from backoffice.services.intake import case_by_number

RETURN_REASONS = {
    "documents_missing": "单证不全或不清晰",
    "calculation_error": "理算有误",
    "liability_unclear": "责任认定需要补充",
    "investigation_needed": "需要补充调查",
    "other": "其他",
}
DENIAL_REASONS = {
    "not_covered": "不属于保险责任",
    "exclusion": "属于责任免除",
    "outside_period": "不在保险期间内",
    "fraud": "虚假索赔",
    "late_notice": "未及时通知致无法确定损失",
    "other": "其他",
}
SIGN_REFUSALS = {
    "not_an_approver": "您不是核赔人员。",
    "is_handler": "经办人不能审批自己的案件。",
    "is_calculator": "理算人不能审批自己的理算。",
    "already_signed": "您已在本轮审批中签过字，同一人不能重复签字。",
    "level_too_low": "您的审批级别低于当前待审级别。",
}


@dataclass(frozen=True)
class SignatureView:
    level: int
    signer: str
    signer_level: int
    decision: str
    amount: Decimal
    matrix_version: int
    at: datetime
    reason_code: str
    clause: str
    chain_no: int
    voided: bool


@dataclass(frozen=True)
class QueueItem:
    case_no: str
    line: str
    amount: Decimal
    next_level: int
    top_level: int
    flags: tuple[str, ...]
    handler: str
    waiting_since: datetime
    due: date | None = None  # the earliest open deadline of the case (effective due day)
    warning: str = "none"  # its live warning level: none, yellow or red


def _calculation(db: Session, case: Case) -> Calculation:
    calc = db.execute(
        select(Calculation).where(Calculation.case_id == case.id, Calculation.current.is_(True))
    ).scalar_one_or_none()
    if calc is None:
        raise DomainError("案件还没有理算，不能提交审批。")
    return calc


def _check_version(case: Case, expected_version: int) -> None:
    if case.version != expected_version:
        raise ConflictError("这个案件刚被其他人处理过：请刷新后查看最新状态。")


def submit(us: UserSession, case_no: str, *, expected_version: int) -> tuple[int, ...]:
    """Send the case for approval; returns the route (levels to sign)."""
    role = require(us, Permission.HANDLE_CASES, "approval.submit", "只有理赔内勤可以提交审批。", "case")
    with us.bo.db.unit_of_work() as db:
        case = case_by_number(db, case_no)
        _check_version(case, expected_version)
        if case.materials_complete_at is None:
            raise DomainError("材料尚未齐全，不能提交审批。")
        status = CaseStatus(case.status)
        if status not in (CaseStatus.CALCULATED, CaseStatus.RETURNED):
            raise DomainError("只有已理算或已退回的案件可以提交审批。")
        calc = _calculation(db, case)
        version, matrix = current_matrix(db)
        levels = route(fen_to_yuan(calc.total_fen), LineOfBusiness(case.line), matrix)
        check_transition(status, CaseStatus.PENDING_APPROVAL)
        case.status = CaseStatus.PENDING_APPROVAL.value
        deadlines.on_status(db, us, case, CaseStatus.PENDING_APPROVAL)
        case.approval_chain_no += 1
        case.approval_next_level, case.approval_top_level = levels[0], levels[-1]
        case.approval_assignee_id = None
        case.last_activity_at = us.bo.now()
        add_event(
            db,
            us,
            case,
            "submitted",
            status,
            CaseStatus.PENDING_APPROVAL,
            f"route {'-'.join(map(str, levels))}, matrix v{version}",
        )
        audit.record(
            db,
            us,
            "approval.submit",
            role=role,
            object_type="case",
            object_id=case.id,
            reason=f"levels={levels[-1]}",
        )
        return levels


def _signers(db: Session, case: Case) -> list[int]:
    return list(
        db.execute(
            select(ApprovalSignature.signer_id).where(
                ApprovalSignature.case_id == case.id,
                ApprovalSignature.chain_no == case.approval_chain_no,
                ApprovalSignature.voided_at.is_(None),
            )
        ).scalars()
    )


def sign_check(db: Session, us: UserSession, case: Case) -> tuple[bool, str]:
    """Whether ``us`` may sign the waiting step (the UI disables what this refuses)."""
    if us.actor.role_for(Permission.VIEW_CASES) is None or Role.APPROVER not in us.actor.roles:
        return False, "not_an_approver"
    if CaseStatus(case.status) != CaseStatus.PENDING_APPROVAL or case.approval_next_level is None:
        return False, "not_pending"
    if case.approval_assignee_id not in (None, us.actor.user_id):
        return False, "assigned_to_other"
    calc = _calculation(db, case)
    ok, code = may_sign(
        us.actor.user_id,
        us.actor.approval_level,
        handler_id=case.handler_id,
        calculator_id=calc.created_by,
        previous_signer_ids=_signers(db, case),
        required_level=case.approval_next_level,
    )
    return ok, code.value


def can_sign(us: UserSession, case_no: str) -> tuple[bool, str]:
    with us.bo.db.unit_of_work(write=False) as db:
        return sign_check(db, us, case_by_number(db, case_no))


def sign(
    us: UserSession,
    case_no: str,
    decision: str,
    *,
    password: str,
    expected_version: int,
    reason_code: str = "",
    clause: str = "",
    facts: str = "",
) -> str:
    """agree / return / deny the waiting step; returns the case's new status."""
    if Role.APPROVER not in us.actor.roles:
        audit.record_denied(us, "approval.sign", "case")
        raise PermissionDenied("只有核赔人员可以审批。")
    if decision not in ("agree", "return", "deny"):
        raise ValidationError("decision", "审批结论必须是同意、退回或拒赔。")
    if decision == "return" and reason_code not in RETURN_REASONS:
        raise ValidationError("reason_code", "退回需要选择退回原因。")
    if decision == "deny":
        if reason_code not in DENIAL_REASONS:
            raise ValidationError("reason_code", "拒赔需要选择拒赔原因。")
        if not clause.strip() or not facts.strip():
            raise ValidationError("clause", "拒赔需要写明所依据的条款和事实。")
    confirm_password(us, password, purpose="approval")
    with us.bo.db.unit_of_work() as db:
        case = case_by_number(db, case_no)
        _check_version(case, expected_version)
        ok, code = sign_check(db, us, case)
        if not ok:
            raise PermissionDenied(SIGN_REFUSALS.get(code, "这个案件现在不能由您审批。"))
        version, matrix = current_matrix(db)
        own = matrix.level(us.actor.approval_level or 1)
        if decision == "deny" and not own.can_deny:
            raise PermissionDenied("您的级别没有拒赔权限：拒赔需要第 3 级及以上。")
        calc = _calculation(db, case)
        amount = fen_to_yuan(calc.total_fen)
        step = case.approval_next_level
        assert step is not None
        signature = ApprovalSignature(
            case_id=case.id,
            chain_no=case.approval_chain_no,
            calculation_id=calc.id,
            level=step,
            signer_level=us.actor.approval_level or 0,
            signer_id=us.actor.user_id,
            decision=decision,
            amount_fen=calc.total_fen,
            matrix_version=version,
            reason_code=reason_code,
            clause=clause.strip()[:500],
            at=us.bo.now(),
        )
        db.add(signature)
        db.flush()
        if facts.strip():
            signature.facts_enc = FieldCipher(us.keyring).encrypt(
                facts.strip(), table="approval_signatures", column="facts_enc", row_id=signature.id
            )
        current = CaseStatus(case.status)
        if decision == "agree" and own.covers(amount, LineOfBusiness(case.line)):
            target = CaseStatus.APPROVED
            case.approved_fen, case.approved_at = calc.total_fen, us.bo.now()
            case.approval_next_level = None
        elif decision == "agree":
            target = CaseStatus.PENDING_APPROVAL
            case.approval_next_level = min(
                (us.actor.approval_level or step) + 1, case.approval_top_level or 5
            )
            case.approval_next_level = max(case.approval_next_level, step + 1)
        elif decision == "return":
            target = CaseStatus.RETURNED
            case.approval_next_level = None
        else:
            target = CaseStatus.DENIED
            case.approval_next_level = None
        check_transition(current, target)
        case.status = target.value
        deadlines.on_status(db, us, case, target)
        case.approval_assignee_id = None
        case.last_activity_at = us.bo.now()
        add_event(db, us, case, f"approval.{decision}", current, target, f"level {step}")
        audit.record(
            db,
            us,
            f"approval.{decision}",
            role=Role.APPROVER.value,
            object_type="case",
            object_id=case.id,
            reason=f"level={step} matrix=v{version} {reason_code}".strip(),
        )
        return target.value


def void_chain(db: Session, us: UserSession, case: Case, reason: str) -> int:
    """Void every live signature of the case (the amount or calculation changed after a signature)."""
    result = db.execute(
        update(ApprovalSignature)
        .where(
            ApprovalSignature.case_id == case.id,
            ApprovalSignature.voided_at.is_(None),
            ApprovalSignature.decision == "agree",
        )
        .values(voided_at=us.bo.now(), void_reason=reason[:200])
    )
    count = int(result.rowcount or 0)  # type: ignore[attr-defined]
    if count:
        add_event(db, us, case, "approval.voided", None, None, f"{count} signature(s): {reason}")
    return count


def signatures(db: Session, case_id: int) -> list[SignatureView]:
    rows = db.execute(
        select(ApprovalSignature, User.display_name)
        .join(User, User.id == ApprovalSignature.signer_id)
        .where(ApprovalSignature.case_id == case_id)
        .order_by(ApprovalSignature.at, ApprovalSignature.id)
    ).all()
    return [
        SignatureView(
            s.level,
            name,
            s.signer_level,
            s.decision,
            fen_to_yuan(s.amount_fen),
            s.matrix_version,
            s.at,
            s.reason_code,
            s.clause,
            s.chain_no,
            s.voided_at is not None,
        )
        for s, name in rows
    ]


def queue(us: UserSession) -> list[QueueItem]:
    """Cases waiting at this approver's level (or delegated to them), in their lines."""
    if Role.APPROVER not in us.actor.roles:
        raise PermissionDenied("只有核赔人员有审批队列。")
    level = us.actor.approval_level or 0
    with us.bo.db.unit_of_work(write=False) as db:
        me = db.get(User, us.actor.user_id)
        lines = [x for x in (me.lines if me else "").split(",") if x]
        query = (
            select(Case, Calculation.total_fen, User.display_name)
            .join(Calculation, (Calculation.case_id == Case.id) & Calculation.current.is_(True))
            .outerjoin(User, User.id == Case.handler_id)
            .where(Case.status == CaseStatus.PENDING_APPROVAL.value)
        )
        query = query.where(
            ((Case.approval_next_level <= level) & Case.approval_assignee_id.is_(None))
            | (Case.approval_assignee_id == us.actor.user_id)
        )
        if lines:
            query = query.where(Case.line.in_(lines))
        items = []
        rows = db.execute(query.order_by(Case.last_activity_at)).all()
        for case, total, handler in rows:
            ok, _code = sign_check(db, us, case)
            if ok:
                items.append(
                    QueueItem(
                        case.case_no,
                        case.line,
                        fen_to_yuan(total),
                        case.approval_next_level or 0,
                        case.approval_top_level or 0,
                        tuple(f for f in case.flags.split(",") if f),
                        handler or "",
                        case.last_activity_at,
                    )
                )
        return _with_deadlines(db, us, items, {case.case_no: case.id for case, _t, _h in rows})


def _with_deadlines(
    db: Session, us: UserSession, items: list[QueueItem], ids: dict[str, int]
) -> list[QueueItem]:
    """Each queue item with its case's earliest open deadline and live warning level (two queries)."""
    from backoffice.services.sla_warnings import levels_in

    wanted = [ids[item.case_no] for item in items]
    if not wanted:
        return items
    levels = levels_in(db, us, wanted)
    due = dict(
        db.execute(
            select(CaseDeadline.case_id, func.min(CaseDeadline.effective_due))
            .where(CaseDeadline.case_id.in_(wanted), CaseDeadline.status == "open")
            .group_by(CaseDeadline.case_id)
        ).all()
    )
    return [
        replace(item, due=due.get(ids[item.case_no]), warning=levels.get(ids[item.case_no], "none"))
        for item in items
    ]


def delegate(us: UserSession, case_no: str, to_username: str, *, reason: str) -> None:
    """An admin moves a waiting step to an approver of the same or a higher level (logged)."""
    role = require(us, Permission.MANAGE_USERS, "approval.delegate", "只有系统管理员可以转交审批。", "case")
    if not reason.strip():
        raise ValidationError("reason", "请填写转交原因。")
    with us.bo.db.unit_of_work() as db:
        case = case_by_number(db, case_no)
        if CaseStatus(case.status) != CaseStatus.PENDING_APPROVAL:
            raise DomainError("只有待审批的案件可以转交。")
        target = db.execute(
            select(User).where(User.username == to_username.strip().lower())
        ).scalar_one_or_none()
        roles = {r.role for r in target.roles} if target else set()
        if target is None or Role.APPROVER.value not in roles or not target.active:
            raise ValidationError("to_username", "“{name}”不是在岗的核赔人员。", name=to_username)
        if (target.approval_level or 0) < (case.approval_next_level or 0):
            raise ValidationError("to_username", "只能转交给同级或更高级别的核赔人员。")
        case.approval_assignee_id = target.id
        add_event(
            db, us, case, "approval.delegated", None, None, f"to {target.username}: {reason.strip()[:100]}"
        )
        audit.record(
            db,
            us,
            "approval.delegate",
            role=role,
            object_type="case",
            object_id=case.id,
            reason=f"to={target.username}",
        )
