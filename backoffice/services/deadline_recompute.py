"""Recomputing stored deadlines after the calendar or the rules changed (and art. 23 supplement waits).

:func:`recompute_open` is the service call (the GUI runs it on a worker after an administrator's change);
``sla_warnings.refresh_warnings`` calls :func:`recompute_all` itself when the change left the deadlines
stale, and for the pausable (art. 23) ones every time.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from backoffice.db.models_sla import CaseDeadline
from backoffice.domain.sla import DeadlineUnit, rule_for
from backoffice.security.roles import Permission
from backoffice.services import audit
from backoffice.services.context import UserSession
from backoffice.services.deadlines import OPEN, Computed, compute, first_yellow_day, supplement_pauses
from backoffice.services.guard import require
from backoffice.services.sla_config import business_day, clear_stale, context


def recompute_all(db: Session, us: UserSession, *, pausable_only: bool = False) -> int:
    """Compute every open deadline again (after a calendar or rule change); returns how many moved."""
    ctx = context(db)
    today = business_day(us.bo.now())
    rows = db.execute(
        select(
            CaseDeadline.id,
            CaseDeadline.case_id,
            CaseDeadline.stage,
            CaseDeadline.rule_key,
            CaseDeadline.started_at,
            CaseDeadline.start_day,
            CaseDeadline.due_day,
            CaseDeadline.due_at,
            CaseDeadline.effective_due,
            CaseDeadline.extended_until,
            CaseDeadline.uncovered_years,
            CaseDeadline.paused_days,
            CaseDeadline.yellow_from,
        ).where(CaseDeadline.status == OPEN)
    ).all()
    cache: dict[tuple[Any, ...], Computed] = {}
    changes: list[dict[str, Any]] = []
    yellow_days: dict[tuple[date, date], date] = {}
    for row in rows:
        rule = ctx.rules.get(row.rule_key) or rule_for(ctx.rules, row.stage)
        if pausable_only and not rule.pausable:
            continue
        if rule.pausable:
            due = compute(ctx, rule, row.started_at, supplement_pauses(db, row.case_id, today))
        else:
            start_key = row.started_at if rule.unit is DeadlineUnit.HOURS else business_day(row.started_at)
            key = (start_key, rule)
            due = cache.get(key) or cache.setdefault(key, compute(ctx, rule, row.started_at))
        effective = row.extended_until or due.due_day
        span = (row.start_day, effective)
        yellow = yellow_days.get(span) or yellow_days.setdefault(span, first_yellow_day(ctx, *span))
        if (due.due_day, due.due_at, effective, due.uncovered_years, due.paused_days, yellow) != (
            row.due_day,
            row.due_at,
            row.effective_due,
            row.uncovered_years,
            row.paused_days,
            row.yellow_from,
        ):
            changes.append(
                {
                    "id": row.id,
                    "due_day": due.due_day,
                    "due_at": due.due_at,
                    "effective_due": effective,
                    "uncovered_years": due.uncovered_years,
                    "paused_days": due.paused_days,
                    "yellow_from": yellow,
                }
            )
    for first in range(0, len(changes), 1000):
        db.execute(update(CaseDeadline), changes[first : first + 1000])
    if not pausable_only:
        clear_stale(db)
    return len(changes)


def recompute_open(us: UserSession) -> int:
    """The service call after the calendar or the rules changed (the GUI runs it on a worker)."""
    role = require(
        us, Permission.MANAGE_CALENDAR, "sla.recompute", "只有系统管理员可以重新计算时效。", "deadline"
    )
    with us.bo.db.unit_of_work() as db:
        moved = recompute_all(db, us)
        audit.record(db, us, "sla.recompute", role=role, object_type="deadline", reason=f"moved={moved}")
        return moved
