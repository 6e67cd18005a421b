"""Read-only views for the administrator's screens: the authority matrix with its history, the
approvers and the queue of one (absent) approver, the working-day calendar and the deadline rules.

The matrix, the calendar and the rules are readable by case staff through ``authority.get_matrix``,
``sla_config.calendar_info`` and ``sla_config.list_rules``; the administrator, who edits them but does not
view cases, reads them here. Nothing here writes, except the default matrix being stored as version 1
the first time anybody asks for it (as ``authority.current_matrix`` does).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from backoffice.db.models import User
from backoffice.db.models_approval import ApprovalSignature, AuthorityMatrixVersion
from backoffice.db.models_intake import Calculation, Case
from backoffice.db.models_sla import CalendarOverride, CalendarYear, CaseDeadline, DeadlineRuleOverride
from backoffice.domain.approval import AuthorityMatrix, may_sign
from backoffice.domain.case import CaseStatus
from backoffice.domain.errors import ValidationError
from backoffice.domain.money import fen_to_yuan
from backoffice.domain.sla import package_years
from backoffice.security.roles import Permission, Role
from backoffice.services.authority import current_matrix
from backoffice.services.context import UserSession
from backoffice.services.deadlines import OPEN
from backoffice.services.guard import require
from backoffice.services.sla_config import CalendarDay, CalendarInfo, RuleView, load_rules

HISTORY_LIMIT = 200


@dataclass(frozen=True)
class MatrixVersion:
    version: int
    created_at: datetime
    created_by: str  # display name; empty for the default stored by the system
    note: str


@dataclass(frozen=True)
class AuthorityOverview:
    version: int
    matrix: AuthorityMatrix
    current: MatrixVersion
    history: tuple[MatrixVersion, ...]  # newest first


@dataclass(frozen=True)
class ApproverInfo:
    username: str
    display_name: str
    level: int
    lines: tuple[str, ...]  # empty: every line
    active: bool


@dataclass(frozen=True)
class PendingApproval:
    case_no: str
    line: str
    amount: Decimal
    next_level: int
    top_level: int
    flags: tuple[str, ...]
    handler: str
    assignee: str  # username the step was delegated to; empty when waiting for its level
    waiting_since: datetime
    due: date | None  # the case's earliest open deadline (effective due day)


def _require_any(
    us: UserSession, permissions: Sequence[Permission], action: str, message: str, object_type: str
) -> str:
    """The role through which ``us`` holds the first of ``permissions`` it has; else audit and refuse."""
    for permission in permissions:
        role = us.actor.role_for(permission)
        if role is not None:
            return role.value
    return require(us, permissions[0], action, message, object_type)


# --- the authority matrix ------------------------------------------------------------------------


def authority_overview(us: UserSession) -> AuthorityOverview:
    """The current matrix, who made it and when, and every earlier version (newest first)."""
    _require_any(
        us,
        (Permission.MANAGE_SETTINGS, Permission.VIEW_CASES),
        "authority.view",
        "您没有查看权限表的权限。",
        "authority",
    )
    with us.bo.db.unit_of_work() as db:  # the default matrix is stored on first use
        version, matrix = current_matrix(db)
        creator = aliased(User)
        rows = db.execute(
            select(AuthorityMatrixVersion, creator.display_name)
            .outerjoin(creator, creator.id == AuthorityMatrixVersion.created_by)
            .order_by(AuthorityMatrixVersion.id.desc())
            .limit(HISTORY_LIMIT)
        ).all()
        history = tuple(MatrixVersion(row.id, row.created_at, name or "", row.note) for row, name in rows)
    current = next(item for item in history if item.version == version)
    return AuthorityOverview(version, matrix, current, history)


# --- approvers and delegation --------------------------------------------------------------------


def _approver_rows(db: Session) -> list[User]:
    users = db.execute(select(User).order_by(User.approval_level, User.username)).scalars().all()
    return [u for u in users if Role.APPROVER.value in {r.role for r in u.roles}]


def approvers(us: UserSession) -> list[ApproverInfo]:
    """Every approver (active or not), by level, for choosing who is away and who takes over."""
    require(us, Permission.MANAGE_USERS, "approval.approvers", "只有系统管理员可以查看核赔人员。", "user")
    with us.bo.db.unit_of_work(write=False) as db:
        return [
            ApproverInfo(
                u.username,
                u.display_name,
                u.approval_level or 0,
                tuple(x for x in u.lines.split(",") if x),
                u.active,
            )
            for u in _approver_rows(db)
        ]


def approver_queue(us: UserSession, username: str) -> list[PendingApproval]:
    """The cases waiting for ``username`` to sign — what their own 核赔 queue shows — for delegation."""
    require(
        us, Permission.MANAGE_USERS, "approval.queue_of", "只有系统管理员可以查看他人的审批队列。", "user"
    )
    with us.bo.db.unit_of_work(write=False) as db:
        target = db.execute(
            select(User).where(User.username == username.strip().lower())
        ).scalar_one_or_none()
        if target is None or Role.APPROVER.value not in {r.role for r in target.roles}:
            raise ValidationError("username", "“{name}”不是核赔人员。", name=username)
        level = target.approval_level or 0
        handler, assignee = aliased(User), aliased(User)
        query = (
            select(
                Case,
                Calculation.total_fen,
                Calculation.created_by,
                handler.display_name,
                assignee.username,
            )
            .join(Calculation, (Calculation.case_id == Case.id) & Calculation.current.is_(True))
            .outerjoin(handler, handler.id == Case.handler_id)
            .outerjoin(assignee, assignee.id == Case.approval_assignee_id)
            .where(Case.status == CaseStatus.PENDING_APPROVAL.value)
            .where(
                ((Case.approval_next_level <= level) & Case.approval_assignee_id.is_(None))
                | (Case.approval_assignee_id == target.id)
            )
        )
        lines = [x for x in target.lines.split(",") if x]
        if lines:
            query = query.where(Case.line.in_(lines))
        rows = db.execute(query.order_by(Case.last_activity_at, Case.id)).all()
        ids = [case.id for case, *_rest in rows]
        signed = _live_signers(db, ids)
        due = _earliest_due(db, ids)
        items = []
        for case, total, calculator, handler_name, assignee_name in rows:
            ok, _code = may_sign(
                target.id,
                level,
                handler_id=case.handler_id,
                calculator_id=calculator,
                previous_signer_ids=signed.get((case.id, case.approval_chain_no), ()),
                required_level=case.approval_next_level or 0,
            )
            if ok:
                items.append(
                    PendingApproval(
                        case.case_no,
                        case.line,
                        fen_to_yuan(total),
                        case.approval_next_level or 0,
                        case.approval_top_level or 0,
                        tuple(f for f in case.flags.split(",") if f),
                        handler_name or "",
                        assignee_name or "",
                        case.last_activity_at,
                        due.get(case.id),
                    )
                )
        return items


def _earliest_due(db: Session, case_ids: list[int]) -> dict[int, date]:
    found: dict[int, date] = {}
    for first in range(0, len(case_ids), 500):
        rows = db.execute(
            select(CaseDeadline.case_id, func.min(CaseDeadline.effective_due))
            .where(CaseDeadline.case_id.in_(case_ids[first : first + 500]), CaseDeadline.status == OPEN)
            .group_by(CaseDeadline.case_id)
        ).all()
        found.update({case_id: day for case_id, day in rows})
    return found


def _live_signers(db: Session, case_ids: list[int]) -> dict[tuple[int, int], list[int]]:
    """(case id, chain no) → the signers whose signatures still stand."""
    found: dict[tuple[int, int], list[int]] = {}
    for first in range(0, len(case_ids), 500):
        chunk = case_ids[first : first + 500]
        rows = db.execute(
            select(ApprovalSignature.case_id, ApprovalSignature.chain_no, ApprovalSignature.signer_id).where(
                ApprovalSignature.case_id.in_(chunk), ApprovalSignature.voided_at.is_(None)
            )
        ).all()
        for case_id, chain_no, signer in rows:
            found.setdefault((case_id, chain_no), []).append(signer)
    return found


# --- the calendar and the rules ------------------------------------------------------------------


def calendar_overview(us: UserSession) -> CalendarInfo:
    """As ``sla_config.calendar_info``, for the administrator as well as for case staff."""
    _require_any(
        us,
        (Permission.MANAGE_CALENDAR, Permission.VIEW_CASES),
        "sla.calendar",
        "您没有查看工作日历的权限。",
        "calendar",
    )
    with us.bo.db.unit_of_work(write=False) as db:
        rows = db.execute(select(CalendarOverride).order_by(CalendarOverride.day)).scalars()
        overrides = tuple(CalendarDay(r.day, r.is_working_day, r.note) for r in rows)
        years = db.execute(select(CalendarYear.year).order_by(CalendarYear.year)).scalars().all()
    known = package_years()
    return CalendarInfo((min(known), max(known)), tuple(years), overrides)


def rules_overview(us: UserSession) -> list[RuleView]:
    """As ``sla_config.list_rules`` (but in the order of DOMAIN.md §6, stage by stage), for the
    administrator as well as for case staff."""
    _require_any(
        us,
        (Permission.MANAGE_CALENDAR, Permission.VIEW_CASES),
        "sla.rules",
        "您没有查看时效规则的权限。",
        "deadline_rule",
    )
    with us.bo.db.unit_of_work(write=False) as db:
        rules = load_rules(db)
        overridden = set(db.execute(select(DeadlineRuleOverride.key)).scalars())
    return [
        RuleView(key, r.stage, r.variant, r.days, r.unit.value, r.pausable, r.basis, key in overridden)
        for key, r in rules.items()
    ]
