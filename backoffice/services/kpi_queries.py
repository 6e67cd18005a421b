"""The SQL behind the KPIs: counts per (line, handler) cell, and the cases behind each count.

Every count is a grouped index range (``ix_cases_closed_kpi``, ``ix_cases_reported_kpi``,
``ix_case_deadlines_finished``, ``ix_callbacks_done_at``, ``ix_complaints_received_at``); "open at the start
of the month" comes from ``domain.kpi.open_at_start`` so that no query scans every older case. The
drill-down predicates (:func:`case_predicate`) select the same cases as the counts.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Date, and_, case, cast, exists, func, literal, or_, select
from sqlalchemy.orm import Session

from backoffice.db.models_intake import Case
from backoffice.db.models_sla import Callback, CaseDeadline, Complaint
from backoffice.domain.kpi import SATISFIED_FROM, KpiId

Cell = tuple[str, int | None]  # (line, handler id)
FINISHED = ("met", "missed")


def _flag(condition: ColumnElement[bool]) -> Any:
    return func.sum(case((condition, 1), else_=0))


def local_days(db: Session, later: Any, earlier: Any) -> Any:
    """Calendar days between two timestamps' business dates (Asia/Shanghai), in SQL."""
    if db.get_bind().dialect.name == "postgresql":
        return cast(func.timezone("Asia/Shanghai", later), Date) - cast(
            func.timezone("Asia/Shanghai", earlier), Date
        )
    return func.julianday(func.date(later, "+8 hours")) - func.julianday(func.date(earlier, "+8 hours"))


def count_cells(
    db: Session, start: datetime, end: datetime, year_start: datetime
) -> dict[Cell, Counter[str]]:
    """Every count a month's KPIs need, per (line, handler) cell."""
    cells: dict[Cell, Counter[str]] = {}

    def add(rows: Any, *names: str) -> None:
        for line, handler, *values in rows:
            counter = cells.setdefault((line, handler), Counter())
            for name, value in zip(names, values, strict=True):
                counter[name] += int(value or 0)

    group = (Case.line, Case.handler_id)
    injury_paid = Case.has_injury.is_(True) & (Case.closing_reason == "paid")
    add(
        db.execute(
            select(
                *group,
                func.count(),
                func.sum(local_days(db, Case.closed_at, Case.reported_at)),
                _flag(injury_paid),
                _flag(injury_paid & (Case.injury_settlement == "mediation")),
            )
            .where(Case.closed_at >= start, Case.closed_at < end)
            .group_by(*group)
        ),
        "closed",
        "cycle_days",
        "injury_closed",
        "injury_mediated",
    )
    add(_grouped(db, Case.reported_at >= start, Case.reported_at < end), "registered")
    add(_grouped(db, Case.closed_at.is_(None)), "open_now")
    add(_grouped(db, Case.closed_at >= start), "closed_since")
    add(_grouped(db, Case.reported_at >= start), "reported_since")
    add(
        db.execute(
            select(*group, func.count(), _flag(Case.closed_at.is_not(None) & (Case.closed_at < end)))
            .where(Case.reported_at >= year_start, Case.reported_at < end)
            .group_by(*group)
        ),
        "ytd_reported",
        "ytd_closed",
    )
    deadlines = db.execute(
        select(
            CaseDeadline.line,
            CaseDeadline.handler_id,
            func.count(),
            _flag(CaseDeadline.status == "met"),
            _flag(CaseDeadline.stage == "payment"),
            func.sum(case((CaseDeadline.stage == "payment", CaseDeadline.elapsed_days), else_=0)),
        )
        .where(
            CaseDeadline.finished_at >= start,
            CaseDeadline.finished_at < end,
            CaseDeadline.status.in_(FINISHED),
        )
        .group_by(CaseDeadline.line, CaseDeadline.handler_id)
    )
    add(deadlines, "completions", "on_time", "paid", "paid_working_days")
    add(
        db.execute(
            select(*group, func.count(), _flag(Callback.satisfaction >= SATISFIED_FROM))
            .select_from(Callback)
            .join(Case, Case.id == Callback.case_id)
            .where(Callback.done_at >= start, Callback.done_at < end)
            .group_by(*group)
        ),
        "callbacks",
        "satisfied",
    )
    add(
        db.execute(
            select(*group, func.count())
            .select_from(Complaint)
            .join(Case, Case.id == Complaint.case_id)
            .where(Complaint.received_at >= start, Complaint.received_at < end)
            .group_by(*group)
        ),
        "complaints",
    )
    return cells


def _grouped(db: Session, *conditions: ColumnElement[bool]) -> Any:
    return db.execute(
        select(Case.line, Case.handler_id, func.count())
        .where(*conditions)
        .group_by(Case.line, Case.handler_id)
    )


@dataclass(frozen=True)
class Group:
    """One group of a dimension: a line, some handlers, or the cases nobody handles."""

    line: str | None = None
    handler_ids: tuple[int, ...] | None = None
    unassigned: bool = False

    def on(self, line: Any, handler: Any) -> list[ColumnElement[bool]]:
        conditions: list[ColumnElement[bool]] = []
        if self.line is not None:
            conditions.append(line == self.line)
        if self.unassigned:
            conditions.append(handler.is_(None))
        elif self.handler_ids is not None:
            conditions.append(handler.in_(self.handler_ids))
        return conditions


def case_predicate(
    kpi: KpiId, part: str, start: datetime, end: datetime, year_start: datetime, group: Group = Group()
) -> ColumnElement[bool]:
    """Which cases stand behind a KPI's numerator or denominator for a group (the drill-down).

    Stage completions count for the line and handler recorded when the stage finished, like the counts.
    """
    numerator = part == "numerator"
    if kpi in (KpiId.PAYMENT_TIMELINESS, KpiId.SLA_COMPLIANCE):
        finished = [
            CaseDeadline.case_id == Case.id,
            CaseDeadline.finished_at >= start,
            CaseDeadline.finished_at < end,
            *group.on(CaseDeadline.line, CaseDeadline.handler_id),
        ]
        if kpi is KpiId.PAYMENT_TIMELINESS:
            finished += [CaseDeadline.stage == "payment", CaseDeadline.status.in_(FINISHED)]
        else:
            finished.append(CaseDeadline.status == "met" if numerator else CaseDeadline.status.in_(FINISHED))
        return exists().where(*finished)
    return and_(
        _case_predicate(kpi, numerator, start, end, year_start), *group.on(Case.line, Case.handler_id)
    )


def _case_predicate(
    kpi: KpiId, numerator: bool, start: datetime, end: datetime, year_start: datetime
) -> ColumnElement[bool]:
    closed_in_month = and_(Case.closed_at >= start, Case.closed_at < end)
    reported_in_month = and_(Case.reported_at >= start, Case.reported_at < end)
    if kpi is KpiId.MONTHLY_CLOSURE:
        if numerator:
            return closed_in_month
        return and_(Case.reported_at < end, or_(Case.closed_at.is_(None), Case.closed_at >= start))
    if kpi is KpiId.CUMULATIVE_CLOSURE:
        reported = and_(Case.reported_at >= year_start, Case.reported_at < end)
        return and_(reported, Case.closed_at < end) if numerator else reported
    if kpi is KpiId.CLOSING_CYCLE:
        return closed_in_month
    if kpi is KpiId.CALLBACK_SATISFACTION:
        done = [Callback.case_id == Case.id, Callback.done_at >= start, Callback.done_at < end]
        if numerator:
            done.append(Callback.satisfaction >= SATISFIED_FROM)
        return exists().where(*done)
    if kpi is KpiId.COMPLAINT_RATE:
        if numerator:
            return exists().where(
                Complaint.case_id == Case.id, Complaint.received_at >= start, Complaint.received_at < end
            )
        return reported_in_month
    if kpi is KpiId.INJURY_MEDIATION:
        injury = and_(closed_in_month, Case.has_injury.is_(True), Case.closing_reason == "paid")
        return and_(injury, Case.injury_settlement == "mediation") if numerator else injury
    return literal(False)
