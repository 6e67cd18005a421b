"""Stored deadlines (时效) of case stages: started, finished (met or missed), cancelled.

The case services call :func:`on_status` when a case changes status (one line each); it starts and
finishes stages through :func:`start_stage` and :func:`finish_stage` after the table ``STATUS_STAGES``.
Events without a status change (a complaint, a callback, a logged contact, a notice) call
:func:`start_stage` / :func:`finish_stage` themselves. Everything runs inside the caller's unit of work.

A deadline is computed once, when its stage starts, and stored with its due date, so that "overdue" is an
index lookup. ``deadline_recompute`` computes every open deadline again after the calendar or the rules
changed; the statutory art. 23 period (pausable) is also recomputed whenever the supplement wait may have
moved (materials complete again, each warning refresh), the wait still running counting up to today.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from backoffice.db.models_intake import Case, ChecklistItem, ContactLogEntry, Coverage
from backoffice.db.models_sla import CaseDeadline, SlaTask
from backoffice.domain.case import CaseStatus
from backoffice.domain.sla import (
    Deadline,
    DeadlineRule,
    DeadlineUnit,
    Pause,
    compute_due,
    rule_for,
    yellow_from,
)
from backoffice.services.context import UserSession
from backoffice.services.sla_config import (
    SHANGHAI,
    SlaContext,
    business_day,
    context,
    end_of_day,
    noon,
)

OPEN, MET, MISSED, CANCELLED = "open", "met", "missed", "cancelled"

# Stage groups (stage names are the rule stages of domain.sla).
AFTER_MATERIALS = (
    "registration",
    "review",
    "statutory_decision",
    "statutory_advance_payment",
    "ctpl_decision",
)
RESTART_WITH_MATERIALS = ("registration", "review")  # office standards count from *complete* materials
DECISION = AFTER_MATERIALS  # the amount is determined (approval) or the claim denied
AFTER_APPROVAL = ("payment", "statutory_payment", "ctpl_payment")
CUSTOMER_SERVICE = ("callback", "callback_issue_contact", "complaint_contact", "complaint_resolution")
#: Legal periods: never extended by the office (an extension would not bind a court).
STATUTORY = frozenset(
    {
        "statutory_decision",
        "statutory_payment",
        "statutory_denial_notice",
        "statutory_advance_payment",
        "ctpl_document_list",
        "ctpl_decision",
        "ctpl_payment",
    }
)
STAGE_LABELS = {
    "registration": "立案登记",
    "review": "审核定损",
    "payment": "赔款支付",
    "return_resubmission": "退回后重新上报",
    "complaint_contact": "投诉联系客户",
    "complaint_resolution": "投诉办结",
    "callback": "赔后回访",
    "callback_issue_contact": "回访异议联系",
    "statutory_decision": "法定核定期限（保险法第23条）",
    "statutory_payment": "法定支付期限（保险法第23条）",
    "statutory_denial_notice": "拒赔通知（保险法第24条）",
    "statutory_advance_payment": "先行赔付（保险法第25条）",
    "ctpl_document_list": "交强险书面告知单证（条例第28条）",
    "ctpl_decision": "交强险核定（条例第29条）",
    "ctpl_payment": "交强险支付（条例第29条）",
    "motor_estimate": "车损定损出具估价单",
    "motor_parts_list": "拆解后出具配件清单",
}
#: Motor damage assessment (seed 004): finished when the 定损单 is received on the checklist.
MOTOR_ESTIMATE = ("motor_estimate", "motor_parts_list")
ESTIMATE_ITEM = "damage_estimate"
#: Estimated loss bands of the motor estimate rule, in fen: ≤ 2,000 small, ≤ 10,000 medium, else large.
ESTIMATE_BANDS = ((200_000, "small"), (1_000_000, "medium"))


@dataclass(frozen=True)
class StatusStages:
    finish: tuple[str, ...] = ()
    cancel: tuple[str, ...] = ()
    start: tuple[str, ...] = ()


_S = CaseStatus
#: What a case's arrival in a status does to its deadlines.
STATUS_STAGES: dict[CaseStatus, StatusStages] = {
    _S.MATERIALS_COMPLETE: StatusStages(start=AFTER_MATERIALS),
    _S.REGISTERED: StatusStages(cancel=RESTART_WITH_MATERIALS),  # materials incomplete again, or reopened
    _S.CALCULATED: StatusStages(finish=("registration",)),  # the handler has taken the complete file up
    _S.PENDING_APPROVAL: StatusStages(finish=("return_resubmission",)),
    _S.RETURNED: StatusStages(start=("return_resubmission",)),
    _S.APPROVED: StatusStages(finish=DECISION, start=AFTER_APPROVAL),
    _S.DENIED: StatusStages(finish=DECISION, start=("statutory_denial_notice",)),
    _S.PAID: StatusStages(finish=AFTER_APPROVAL, start=("callback",)),
}


def on_status(
    db: Session, us: UserSession, case: Case, status: CaseStatus | str, at: datetime | date | None = None
) -> None:
    """The hook of every status change: finish, cancel and start the stages the table names.

    ``at`` defaults to now, and for materials complete to the receipt that completed them.
    """
    status = CaseStatus(status)
    if status is CaseStatus.MATERIALS_COMPLETE and at is None:
        at = case.materials_complete_at
    when = at or us.bo.now()
    if status in (CaseStatus.CLOSED, CaseStatus.WITHDRAWN):
        process = [s for s in STAGE_LABELS if s not in CUSTOMER_SERVICE]
        if status is CaseStatus.CLOSED:
            finish_stage(db, us, case, process, when)
        else:
            cancel_stage(db, us, case, process)
        return
    stages = STATUS_STAGES.get(status)
    if stages is None:
        return
    finish_stage(db, us, case, stages.finish, when)
    cancel_stage(db, us, case, stages.cancel)
    start_stage(db, us, case, stages.start, when)


def _names(stage: str | Sequence[str]) -> tuple[str, ...]:
    return (stage,) if isinstance(stage, str) else tuple(stage)


def _moment(value: datetime | date) -> datetime:
    return value if isinstance(value, datetime) else noon(value)


def _open(db: Session, case_id: int, stages: Iterable[str], ref_id: int | None = None) -> list[CaseDeadline]:
    query = select(CaseDeadline).where(
        CaseDeadline.case_id == case_id, CaseDeadline.status == OPEN, CaseDeadline.stage.in_(list(stages))
    )
    if ref_id is not None:
        query = query.where(CaseDeadline.ref_id == ref_id)
    return list(db.execute(query.order_by(CaseDeadline.id)).scalars())


def _applies(db: Session, case: Case, stage: str) -> bool:
    if stage == "statutory_decision":
        return case.complexity == "complex"  # art. 23: 情形复杂的, 30 days
    if stage.startswith("ctpl_"):
        return _has_ctpl(db, case)
    return True


def estimate_variant(estimated_loss_fen: int) -> str:
    """The motor estimate band of an estimated loss (DOMAIN.md §6, seed 004)."""
    return next((name for limit, name in ESTIMATE_BANDS if estimated_loss_fen <= limit), "large")


def start_motor_estimate(
    db: Session, us: UserSession, case: Case, reported_at: datetime
) -> list[CaseDeadline]:
    """Start the damage-estimate deadlines of a case whose checklist asks for a 定损单.

    The band follows the estimated loss at registration; above 10,000 yuan the parts list (拆解后2日) runs
    beside the 5-day estimate. Cases without the checklist item (theft, property, health…) have none.
    """
    wanted = db.scalar(
        select(ChecklistItem.id)
        .where(ChecklistItem.case_id == case.id, ChecklistItem.code == ESTIMATE_ITEM)
        .limit(1)
    )
    if wanted is None:
        return []
    band = estimate_variant(case.estimated_loss_fen)
    started = start_stage(db, us, case, "motor_estimate", reported_at, variant=band)
    if band == "large":
        started += start_stage(db, us, case, "motor_parts_list", reported_at)
    return started


def on_item_received(db: Session, us: UserSession, case: Case, code: str, at: datetime) -> None:
    """A checklist receipt that ends a stage: the 定损单 ends the motor estimate deadlines."""
    if code == ESTIMATE_ITEM:
        finish_stage(db, us, case, MOTOR_ESTIMATE, at)


def _has_ctpl(db: Session, case: Case) -> bool:
    """A CTPL (交强险) claim: the policy has a coverage with code ``ctpl``."""
    found = db.scalar(
        select(Coverage.id).where(Coverage.policy_id == case.policy_id, Coverage.code == "ctpl").limit(1)
    )
    return found is not None


def _variant(case: Case, stage: str, variant: str | None) -> str | None:
    if variant is not None:
        return variant
    return case.complexity if stage in ("review", "payment") else None


def supplement_pauses(db: Session, case_id: int, today: date) -> list[Pause]:
    """Each one-time notice of missing documents until the next receipt (or today, if still waiting)."""
    notices = db.execute(
        select(ContactLogEntry.at).where(
            ContactLogEntry.case_id == case_id, ContactLogEntry.kind == "missing_documents_notice"
        )
    ).scalars()
    receipts = sorted(
        db.execute(
            select(ChecklistItem.received_at).where(
                ChecklistItem.case_id == case_id, ChecklistItem.received_at.is_not(None)
            )
        ).scalars()
    )
    pauses = []
    for notified in notices:
        received = next((r for r in receipts if r is not None and r > notified), None)
        end = business_day(received) if received is not None else today
        start = business_day(notified)
        pauses.append(Pause(start, max(start, end)))
    return pauses


@dataclass(frozen=True)
class Computed:
    due_day: date
    due_at: datetime
    uncovered_years: str
    paused_days: int


def compute(
    ctx: SlaContext, rule: DeadlineRule, started_at: datetime, pauses: Sequence[Pause] = ()
) -> Computed:
    if rule.unit is DeadlineUnit.HOURS:
        deadline: Deadline = compute_due(started_at.astimezone(SHANGHAI), rule, ctx.calendar)
        assert deadline.due_at is not None
        due_at = deadline.due_at
    else:
        deadline = compute_due(business_day(started_at), rule, ctx.calendar, pauses)
        due_at = end_of_day(deadline.due)
    return Computed(
        business_day(due_at) if rule.unit is DeadlineUnit.HOURS else deadline.due,
        due_at,
        ",".join(str(y) for y in deadline.uncovered_years),
        deadline.paused_days,
    )


def start_stage(
    db: Session,
    us: UserSession,
    case: Case,
    stage: str | Sequence[str],
    started_at: datetime | date,
    *,
    ref_id: int | None = None,
    variant: str | None = None,
) -> list[CaseDeadline]:
    """Store the deadline of each stage that applies to the case and is not already running.

    A stage already open is left as it is (a pausable one is recomputed: its supplement wait may have
    ended). Returns the deadlines created.
    """
    ctx = context(db)
    start = _moment(started_at)
    created = []
    for name in _names(stage):
        if not _applies(db, case, name):
            continue
        running = _open(db, case.id, (name,), ref_id)
        if running:
            for row in running:
                if _rule(ctx, row).pausable:
                    _store(ctx, row, compute(ctx, _rule(ctx, row), row.started_at, _pauses(db, us, row)))
            continue
        rule = rule_for(ctx.rules, name, _variant(case, name, variant))
        pauses = supplement_pauses(db, case.id, business_day(us.bo.now())) if rule.pausable else []
        due = compute(ctx, rule, start, pauses)
        row = CaseDeadline(
            case_id=case.id,
            stage=name,
            rule_key=rule.key,
            ref_id=ref_id,
            line=case.line,
            handler_id=case.handler_id,
            started_at=start,
            start_day=business_day(start),
            due_day=due.due_day,
            due_at=due.due_at,
            effective_due=due.due_day,
            yellow_from=first_yellow_day(ctx, business_day(start), due.due_day),
            uncovered_years=due.uncovered_years,
            paused_days=due.paused_days,
            status=OPEN,
            warning_level="none",
            extension_reason="",
        )
        db.add(row)
        created.append(row)
    if created:
        db.flush()
    return created


def _rule(ctx: SlaContext, row: CaseDeadline) -> DeadlineRule:
    return ctx.rules.get(row.rule_key) or rule_for(ctx.rules, row.stage)


def _pauses(db: Session, us: UserSession, row: CaseDeadline) -> list[Pause]:
    return supplement_pauses(db, row.case_id, business_day(us.bo.now()))


def first_yellow_day(ctx: SlaContext, start_day: date, effective_due: date) -> date:
    """The day the deadline turns yellow (stored, so that the yellow filter is exact and indexed)."""
    return yellow_from(start_day, effective_due, ctx.calendar)


def _store(ctx: SlaContext, row: CaseDeadline, due: Computed) -> None:
    row.due_day, row.due_at = due.due_day, due.due_at
    row.uncovered_years, row.paused_days = due.uncovered_years, due.paused_days
    row.effective_due = row.extended_until or due.due_day
    row.yellow_from = first_yellow_day(ctx, row.start_day, row.effective_due)


def finish_stage(
    db: Session,
    us: UserSession,
    case: Case,
    stage: str | Sequence[str],
    finished_at: datetime | date,
    *,
    ref_id: int | None = None,
) -> list[CaseDeadline]:
    """Close the open deadlines of these stages: met when finished by the (extended) due date."""
    ctx = context(db)
    moment = _moment(finished_at)
    day = business_day(moment)
    rows = _open(db, case.id, _names(stage), ref_id)
    for row in rows:
        rule = _rule(ctx, row)
        if rule.unit is DeadlineUnit.HOURS and row.extended_until is None:
            on_time = moment <= row.due_at
        else:
            on_time = day <= row.effective_due
        row.status = MET if on_time else MISSED
        row.finished_at = moment
        row.line, row.handler_id = case.line, case.handler_id  # who finished it counts in the KPIs
        if rule.unit is DeadlineUnit.WORKING:
            row.elapsed_days = max(0, ctx.calendar.working_days_between(row.start_day, day))
        else:
            row.elapsed_days = max(0, (day - row.start_day).days)
    _drop_progress_tasks(db, [row.id for row in rows])
    return rows


def cancel_stage(
    db: Session, us: UserSession, case: Case, stage: str | Sequence[str], *, ref_id: int | None = None
) -> list[CaseDeadline]:
    """The stage no longer runs (materials incomplete again, case withdrawn): neither met nor missed."""
    rows = _open(db, case.id, _names(stage), ref_id)
    for row in rows:
        row.status, row.finished_at = CANCELLED, us.bo.now()
    _drop_progress_tasks(db, [row.id for row in rows])
    return rows


def _drop_progress_tasks(db: Session, deadline_ids: list[int]) -> None:
    """A progress report is moot once its stage is over; a rectification for a red warning is not."""
    if deadline_ids:
        db.execute(
            update(SlaTask)
            .where(
                SlaTask.deadline_id.in_(deadline_ids),
                SlaTask.status == OPEN,
                SlaTask.kind == "progress_report",
            )
            .values(status="dropped")
        )


def on_contact(db: Session, us: UserSession, case: Case, channel: str, direction: str, at: datetime) -> None:
    """A contact logged by hand: any outgoing one answers a callback's issue (1 working day); an outgoing
    letter or notice on a denied case is its written denial notice (art. 24)."""
    if direction != "out":
        return
    finish_stage(db, us, case, "callback_issue_contact", at)
    if channel in ("letter", "notice"):
        finish_stage(db, us, case, "statutory_denial_notice", at)
