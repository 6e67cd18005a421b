"""Yellow and red warnings (DOMAIN.md §6, seed 003 §四): refresh, "my warnings", the supervisor queue.

Levels come from ``domain.sla.warning_level`` for the injected clock's business date. Red (overdue) is
exact in every query (``effective_due < today`` on an index); yellow is the level cached by the last
:func:`refresh_warnings`, which also creates the follow-up tasks (a progress report within 1 working day
of yellow, a written rectification within 2 of red) and keeps the art. 23 periods in step with their
supplement waits. "My warnings" compute the live level of the user's few open deadlines.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select, update
from sqlalchemy import case as when
from sqlalchemy.orm import Session

from backoffice.db.models import User
from backoffice.db.models_intake import Case
from backoffice.db.models_sla import CaseDeadline, SlaTask
from backoffice.domain.errors import PermissionDenied, ValidationError
from backoffice.domain.sla import (
    CALENDAR_NOT_COVERED_MESSAGE,
    YELLOW_DAYS_LEFT,
    YELLOW_FRACTION,
    WorkingCalendar,
    warning_level,
)
from backoffice.security.roles import Permission
from backoffice.services import audit
from backoffice.services.context import UserSession
from backoffice.services.deadline_recompute import recompute_all
from backoffice.services.deadlines import OPEN, STAGE_LABELS
from backoffice.services.guard import require
from backoffice.services.sla_config import WorkingDayIndex, business_day, context, is_stale

PROGRESS_REPORT_DAYS, RECTIFICATION_DAYS = 1, 2
LEVELS = ("yellow", "red")


@dataclass(frozen=True)
class RefreshResult:
    today: date
    checked: int
    changed: int
    yellow: int
    red: int
    tasks_created: int
    recomputed: int


@dataclass(frozen=True)
class WarningItem:
    deadline_id: int
    case_id: int
    case_no: str
    stage: str
    stage_label: str
    handler: str
    started_on: date
    due: date  # after any extension
    level: str  # none | yellow | red
    days_left: int  # working days after today up to the due day; negative: working days overdue
    extended: bool
    calendar_note: str | None  # the calendar did not know a year of this period


@dataclass(frozen=True)
class RedNotice:
    deadline_id: int
    case_no: str
    stage_label: str
    handler: str
    due: date
    red_since: datetime | None


def _viewer(us: UserSession, action: str) -> str:
    role = us.actor.role_for(Permission.VIEW_KPIS) or us.actor.role_for(Permission.VIEW_CASES)
    if role is None:
        audit.record_denied(us, action, "deadline", "")
        raise PermissionDenied("您没有查看时效预警的权限。")
    return role.value


def today_of(us: UserSession) -> date:
    return business_day(us.bo.now())


def _level_function(today: date, calendar: WorkingCalendar) -> Callable[[date, date], str]:
    @functools.lru_cache(maxsize=65536)
    def level(start: date, due: date) -> str:
        return warning_level(today, start, due, calendar, YELLOW_DAYS_LEFT, YELLOW_FRACTION).value

    return level


def refresh_warnings(us: UserSession, today: date | None = None) -> RefreshResult:
    """Cache the level of every open deadline for ``today`` (default: the clock's business date) and
    create the follow-up tasks of new warnings. Recomputes open deadlines first when stale."""
    role = _viewer(us, "sla.refresh")
    today = today or today_of(us)
    with us.bo.db.unit_of_work() as db:
        recomputed = recompute_all(db, us, pausable_only=not is_stale(db))
        ctx = context(db)
        level_of = _level_function(today, ctx.calendar)
        rows = db.execute(
            select(
                CaseDeadline.id,
                CaseDeadline.case_id,
                CaseDeadline.start_day,
                CaseDeadline.effective_due,
                CaseDeadline.warning_level,
                Case.handler_id,
            )
            .join(Case, Case.id == CaseDeadline.case_id)
            .where(CaseDeadline.status == OPEN)
        ).all()
        now = us.bo.now()
        counts = {"none": 0, "yellow": 0, "red": 0}
        changes: list[dict[str, Any]] = []
        tasks: list[dict[str, Any]] = []
        for row in rows:
            level = level_of(row.start_day, row.effective_due)
            counts[level] += 1
            if level == row.warning_level:
                continue
            change: dict[str, Any] = {"id": row.id, "warning_level": level}
            if level == "yellow" and row.warning_level == "none":
                change["yellow_at"] = now
                due = ctx.calendar.add_working_days(today, PROGRESS_REPORT_DAYS)
                tasks.append(_task(row.id, row.case_id, "progress_report", row.handler_id, now, due))
            elif level == "red":
                change["red_at"] = now
                due = ctx.calendar.add_working_days(today, RECTIFICATION_DAYS)
                tasks.append(_task(row.id, row.case_id, "rectification", None, now, due))
            changes.append(change)
        for first in range(0, len(changes), 1000):
            db.execute(update(CaseDeadline), changes[first : first + 1000])
        created = _insert_tasks(db, tasks)
        if changes or recomputed:
            audit.record(
                db,
                us,
                "sla.refresh",
                role=role,
                object_type="deadline",
                reason=f"today={today} changed={len(changes)} tasks={created} recomputed={recomputed}",
            )
        return RefreshResult(
            today, len(rows), len(changes), counts["yellow"], counts["red"], created, recomputed
        )


def _task(
    deadline_id: int, case_id: int, kind: str, assignee: int | None, now: datetime, due: date
) -> dict[str, Any]:
    return {
        "deadline_id": deadline_id,
        "case_id": case_id,
        "kind": kind,
        "assignee_id": assignee,
        "created_at": now,
        "due_day": due,
        "status": "open",
    }


def _insert_tasks(db: Session, tasks: list[dict[str, Any]]) -> int:
    """Insert, skipping a task that a concurrent refresh created first (unique deadline + kind)."""
    if not tasks:
        return 0
    dialect = db.get_bind().dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    else:
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    statement = dialect_insert(SlaTask).on_conflict_do_nothing(index_elements=["deadline_id", "kind"])
    before = db.scalar(select(func.count()).select_from(SlaTask)) or 0
    for first in range(0, len(tasks), 1000):
        db.execute(statement, tasks[first : first + 1000])
    return (db.scalar(select(func.count()).select_from(SlaTask)) or 0) - before


# --- queries -----------------------------------------------------------------------------------


def _base() -> Select[Any]:
    return (
        select(CaseDeadline, Case.case_no, User.display_name)
        .join(Case, Case.id == CaseDeadline.case_id)
        .outerjoin(User, User.id == Case.handler_id)
    )


def _items(db: Session, us: UserSession, rows: Sequence[Any], *, live: bool) -> list[WarningItem]:
    ctx = context(db)
    today = today_of(us)
    level_of = _level_function(today, ctx.calendar)
    dues = [deadline.effective_due for deadline, _no, _handler in rows]
    index = WorkingDayIndex(ctx.calendar, min([*dues, today]), max([*dues, today]))
    items = []
    for deadline, case_no, handler in rows:
        if live:
            level = level_of(deadline.start_day, deadline.effective_due)
        else:
            level = _stored_level(deadline, today)
        note = None
        if deadline.uncovered_years:
            note = CALENDAR_NOT_COVERED_MESSAGE.format(years="、".join(deadline.uncovered_years.split(",")))
        items.append(
            WarningItem(
                deadline.id,
                deadline.case_id,
                case_no,
                deadline.stage,
                STAGE_LABELS.get(deadline.stage, deadline.stage),
                handler or "",
                deadline.start_day,
                deadline.effective_due,
                level,
                index.between(today, deadline.effective_due),
                deadline.extended_until is not None,
                note,
            )
        )
    return items


def _stored_level(deadline: CaseDeadline, today: date) -> str:
    if deadline.effective_due < today:
        return "red"
    if deadline.yellow_from is None:
        return deadline.warning_level
    return "yellow" if deadline.yellow_from <= today else "none"


def my_warnings(us: UserSession) -> list[WarningItem]:
    """Yellow and red deadlines of the cases the user handles, most urgent first (live levels)."""
    with us.bo.db.unit_of_work(write=False) as db:
        rows = db.execute(
            _base().where(Case.handler_id == us.actor.user_id, CaseDeadline.status == OPEN)
        ).all()
        items = [i for i in _items(db, us, rows, live=True) if i.level in LEVELS]
    return sorted(items, key=lambda i: (i.level != "red", i.due, i.case_no, i.deadline_id))


def yellow_today(today: date) -> ColumnElement[bool]:
    """Open deadlines yellow on ``today``: from their stored first yellow day up to the due day (exact and
    indexed); rows not yet recomputed since that column arrived fall back to the cached level."""
    stored = CaseDeadline.yellow_from.is_not(None) & (CaseDeadline.yellow_from <= today)
    cached = CaseDeadline.yellow_from.is_(None) & (CaseDeadline.warning_level == "yellow")
    return (stored | cached) & (CaseDeadline.effective_due >= today)


def _queue_filter(
    query: Select[Any], level: str, today: date, stage: str | None, handler: str | None
) -> Select[Any]:
    if level not in ("red", "yellow", "all"):
        raise ValidationError("level", "预警级别必须是 red、yellow 或 all。")
    query = query.where(CaseDeadline.status == OPEN)
    if level == "red":
        query = query.where(CaseDeadline.effective_due < today)
    elif level == "yellow":
        query = query.where(yellow_today(today))
    else:
        query = query.where((CaseDeadline.effective_due < today) | yellow_today(today))
    if stage:
        query = query.where(CaseDeadline.stage == stage)
    if handler:
        query = query.where(
            Case.handler_id
            == select(User.id).where(User.username == handler.strip().lower()).scalar_subquery()
        )
    return query


def warning_case_ids(level: str, today: date) -> Select[Any]:
    """A subquery of the ids of cases with an open deadline at ``level`` (the case list's filter)."""
    return _queue_filter(select(CaseDeadline.case_id), level, today, None, None)


def supervisor_queue(
    us: UserSession,
    level: str = "red",
    *,
    stage: str | None = None,
    handler: str | None = None,
    offset: int = 0,
    limit: int = 200,
) -> list[WarningItem]:
    """Open deadlines at ``level`` (red: overdue; yellow: as of the last refresh; all), due date first."""
    require(us, Permission.VIEW_KPIS, "sla.queue", "只有主管和审计员可以查看时效预警队列。", "deadline")
    with us.bo.db.unit_of_work(write=False) as db:
        query = _queue_filter(_base(), level, today_of(us), stage, handler)
        query = query.order_by(CaseDeadline.effective_due, CaseDeadline.id).offset(max(0, offset))
        rows = db.execute(query.limit(max(1, min(limit, 1000)))).all()
        return _items(db, us, rows, live=False)


def count_queue(us: UserSession, level: str = "red", *, stage: str | None = None) -> int:
    require(us, Permission.VIEW_KPIS, "sla.queue", "只有主管和审计员可以查看时效预警队列。", "deadline")
    with us.bo.db.unit_of_work(write=False) as db:
        query = select(func.count()).select_from(CaseDeadline)
        return db.scalar(_queue_filter(query, level, today_of(us), stage, None)) or 0


@dataclass(frozen=True)
class WarningCounts:
    today: date
    open: int
    yellow: int
    red: int
    by_stage: tuple[tuple[str, str, int, int, int], ...]  # stage, label, open, yellow, red


def warning_counts(us: UserSession) -> WarningCounts:
    """Open deadlines per stage with their yellow and red counts (both exact for today)."""
    require(us, Permission.VIEW_KPIS, "sla.counts", "只有主管和审计员可以查看时效统计。", "deadline")
    today = today_of(us)
    with us.bo.db.unit_of_work(write=False) as db:
        red = func.sum(when((CaseDeadline.effective_due < today, 1), else_=0))
        yellow = func.sum(when((yellow_today(today), 1), else_=0))
        rows = db.execute(
            select(CaseDeadline.stage, func.count(), yellow, red)
            .where(CaseDeadline.status == OPEN)
            .group_by(CaseDeadline.stage)
        ).all()
    by_stage = tuple(
        sorted(
            ((s, STAGE_LABELS.get(s, s), n, int(y or 0), int(r or 0)) for s, n, y, r in rows),
            key=lambda t: list(STAGE_LABELS).index(t[0]) if t[0] in STAGE_LABELS else 99,
        )
    )
    return WarningCounts(
        today,
        sum(t[2] for t in by_stage),
        sum(t[3] for t in by_stage),
        sum(t[4] for t in by_stage),
        by_stage,
    )


def red_notifications(us: UserSession, since: datetime | None = None, *, limit: int = 50) -> list[RedNotice]:
    """Overdue deadlines to notify: every one for supervisors and auditors, the user's own otherwise."""
    _viewer(us, "sla.notifications")
    today = today_of(us)
    with us.bo.db.unit_of_work(write=False) as db:
        query = _base().where(CaseDeadline.status == OPEN, CaseDeadline.effective_due < today)
        if us.actor.role_for(Permission.VIEW_KPIS) is None:
            query = query.where(Case.handler_id == us.actor.user_id)
        if since is not None:
            query = query.where(CaseDeadline.red_at > since)
        rows = db.execute(query.order_by(CaseDeadline.effective_due, CaseDeadline.id).limit(limit)).all()
        return [
            RedNotice(
                d.id, case_no, STAGE_LABELS.get(d.stage, d.stage), handler or "", d.effective_due, d.red_at
            )
            for d, case_no, handler in rows
        ]


@dataclass(frozen=True)
class DeadlineView:
    id: int
    stage: str
    stage_label: str
    rule_key: str
    started_at: datetime
    due_day: date
    effective_due: date
    status: str
    finished_at: datetime | None
    level: str
    paused_days: int
    extended_until: date | None
    extension_reason: str
    calendar_note: str | None
    due_at: datetime | None = None  # the exact moment, for hour rules (e.g. the 24-hour motor estimate)


def case_deadlines(us: UserSession, case_no: str) -> list[DeadlineView]:
    """Every deadline of one case, open ones with their live level."""
    from backoffice.services.intake import case_by_number

    require(us, Permission.VIEW_CASES, "case.deadlines", "您没有查看案件的权限。", "case")
    with us.bo.db.unit_of_work(write=False) as db:
        case = case_by_number(db, case_no)
        rows = db.execute(
            _base().where(CaseDeadline.case_id == case.id).order_by(CaseDeadline.started_at, CaseDeadline.id)
        ).all()
        live = {i.deadline_id: i for i in _items(db, us, rows, live=True)}
        return [
            DeadlineView(
                d.id,
                d.stage,
                STAGE_LABELS.get(d.stage, d.stage),
                d.rule_key,
                d.started_at,
                d.due_day,
                d.effective_due,
                d.status,
                d.finished_at,
                live[d.id].level if d.status == OPEN else "none",
                d.paused_days,
                d.extended_until,
                d.extension_reason,
                live[d.id].calendar_note,
                d.due_at,
            )
            for d, _no, _handler in rows
        ]


def case_warning_levels(us: UserSession, case_ids: list[int]) -> dict[int, str]:
    """The worst live level of each case's open deadlines (for colour badges in case lists)."""
    require(us, Permission.VIEW_CASES, "case.list", "您没有查看案件的权限。", "case")
    with us.bo.db.unit_of_work(write=False) as db:
        return levels_in(db, us, case_ids)


def levels_in(db: Session, us: UserSession, case_ids: list[int]) -> dict[int, str]:
    """``case_warning_levels`` inside the caller's unit of work; cases without a warning are left out."""
    worst: dict[int, str] = {}
    for first in range(0, len(case_ids), 500):
        chunk = case_ids[first : first + 500]
        rows = db.execute(_base().where(CaseDeadline.case_id.in_(chunk), CaseDeadline.status == OPEN)).all()
        for item in _items(db, us, rows, live=True):
            if item.level == "red" or (item.level == "yellow" and worst.get(item.case_id) != "red"):
                worst[item.case_id] = item.level
    return worst
