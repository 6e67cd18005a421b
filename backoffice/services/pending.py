"""Pending cases (未决): aging buckets, cases without activity, the clean-up list per handler (seed 004).

A case is pending until it is closed (``closed_at`` is empty; a denied or withdrawn case still needs its
closing). Age is counted in calendar days from the report's business date. Supervisors and auditors see
everybody's cases; a clerk sees their own.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Select, case, func, select
from sqlalchemy.orm import Session

from backoffice.db.models import User
from backoffice.db.models_intake import Case
from backoffice.domain.errors import PermissionDenied, ValidationError
from backoffice.domain.kpi import AGING_BUCKETS
from backoffice.security.roles import Permission
from backoffice.services import audit
from backoffice.services.context import UserSession
from backoffice.services.sla_config import business_day, day_start
from backoffice.services.sla_warnings import levels_in

MAX_ROWS = 1000


@dataclass(frozen=True)
class PendingCase:
    case_id: int
    case_no: str
    status: str
    line: str
    handler: str
    reported_on: date
    age_days: int
    idle_days: int  # calendar days since the last recorded activity
    level: str  # the worst open warning: none | yellow | red


@dataclass(frozen=True)
class HandlerAging:
    handler: str  # username; empty: not assigned
    name: str
    counts: tuple[int, ...]  # one per bucket of domain.kpi.AGING_BUCKETS
    total: int


@dataclass(frozen=True)
class AgingReport:
    today: date
    buckets: tuple[tuple[str, int], ...]
    by_handler: tuple[HandlerAging, ...]
    total: int


def _handler_scope(db: Session, us: UserSession, handler: str | None, action: str) -> int | str | None:
    """The handler's user id to restrict to; ``"all"`` for a supervisor asking for everybody."""
    if us.actor.role_for(Permission.VIEW_KPIS) is not None:
        if not handler:
            return "all"
        user_id = db.scalar(select(User.id).where(User.username == handler.strip().lower()))
        if user_id is None:
            raise ValidationError("handler", "没有用户“{name}”。", name=handler)
        return user_id
    if us.actor.role_for(Permission.HANDLE_CASES) is not None and handler in (None, "", us.actor.username):
        return us.actor.user_id
    audit.record_denied(us, action, "case", "")
    raise PermissionDenied("您只能查看自己经办的未决案件。")


def _bucket(today: date) -> Any:
    """SQL: the aging bucket of a case from its report time (an index range per bucket)."""
    whens = [
        (Case.reported_at >= day_start(today - timedelta(days=last)), key)
        for key, _first, last in AGING_BUCKETS
        if last is not None
    ]
    return case(*whens, else_=AGING_BUCKETS[-1][0])


def aging(us: UserSession, handler: str | None = None) -> AgingReport:
    today = business_day(us.bo.now())
    keys = [key for key, _first, _last in AGING_BUCKETS]
    with us.bo.db.unit_of_work(write=False) as db:
        scope = _handler_scope(db, us, handler, "pending.aging")
        bucket = _bucket(today).label("bucket")
        query = select(Case.handler_id, bucket, func.count()).where(Case.closed_at.is_(None))
        if scope != "all":
            query = query.where(Case.handler_id == scope)
        rows = db.execute(query.group_by(Case.handler_id, bucket)).all()
        users = {u.id: u for u in db.execute(select(User)).scalars()}
    per_handler: dict[int | None, list[int]] = {}
    for handler_id, key, count in rows:
        per_handler.setdefault(handler_id, [0] * len(keys))[keys.index(key)] += count
    by_handler = []
    for handler_id, counts in per_handler.items():
        user = users.get(handler_id) if handler_id is not None else None
        by_handler.append(
            HandlerAging(
                user.username if user else "", user.display_name if user else "", tuple(counts), sum(counts)
            )
        )
    by_handler.sort(key=lambda h: (-h.total, h.handler))
    totals = tuple((key, sum(h.counts[i] for h in by_handler)) for i, key in enumerate(keys))
    return AgingReport(today, totals, tuple(by_handler), sum(count for _key, count in totals))


def _rows(db: Session, us: UserSession, query: Select[Any], limit: int) -> list[PendingCase]:
    today = business_day(us.bo.now())
    rows = db.execute(query.limit(max(1, min(limit, MAX_ROWS)))).all()
    levels = levels_in(db, us, [c.id for c, _name in rows])
    return [
        PendingCase(
            c.id,
            c.case_no,
            c.status,
            c.line,
            name or "",
            business_day(c.reported_at),
            (today - business_day(c.reported_at)).days,
            (today - business_day(c.last_activity_at)).days,
            levels.get(c.id, "none"),
        )
        for c, name in rows
    ]


def _pending(scope: int | str | None) -> Select[Any]:
    query = (
        select(Case, User.display_name)
        .outerjoin(User, User.id == Case.handler_id)
        .where(Case.closed_at.is_(None))
    )
    return query if scope == "all" else query.where(Case.handler_id == scope)


def aging_cases(
    us: UserSession, bucket: str, handler: str | None = None, *, limit: int = 500
) -> list[PendingCase]:
    """The cases behind one aging bucket (the drill-down of the dashboard), oldest first."""
    today = business_day(us.bo.now())
    spec = next((b for b in AGING_BUCKETS if b[0] == bucket), None)
    if spec is None:
        raise ValidationError("bucket", "未知的账龄区间“{bucket}”。", bucket=bucket)
    _key, first, last = spec
    with us.bo.db.unit_of_work(write=False) as db:
        query = _pending(_handler_scope(db, us, handler, "pending.aging"))
        query = query.where(Case.reported_at < day_start(today - timedelta(days=first - 1)))
        if last is not None:
            query = query.where(Case.reported_at >= day_start(today - timedelta(days=last)))
        return _rows(db, us, query.order_by(Case.reported_at, Case.id), limit)


def inactive_cases(
    us: UserSession, days: int, handler: str | None = None, *, limit: int = 500
) -> list[PendingCase]:
    """Pending cases nobody has touched for ``days`` calendar days or more, longest idle first."""
    if days < 1:
        raise ValidationError("days", "天数至少为 1。")
    today = business_day(us.bo.now())
    with us.bo.db.unit_of_work(write=False) as db:
        query = _pending(_handler_scope(db, us, handler, "pending.inactive"))
        query = query.where(Case.last_activity_at < day_start(today - timedelta(days=days - 1)))
        return _rows(db, us, query.order_by(Case.last_activity_at, Case.id), limit)


def cleanup_list(us: UserSession, handler: str | None = None, *, limit: int = 500) -> list[PendingCase]:
    """One handler's pending cases for the periodic clean-up (清理), oldest report first."""
    with us.bo.db.unit_of_work(write=False) as db:
        scope = _handler_scope(db, us, handler, "pending.cleanup")
        if scope == "all":
            raise ValidationError("handler", "请指定经办人。")
        return _rows(db, us, _pending(scope).order_by(Case.reported_at, Case.id), limit)
