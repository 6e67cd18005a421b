"""Timeliness (时效, issue 8): calendar and rule overrides, stored deadlines, follow-up tasks, callbacks and
complaints.

A deadline is stored when its stage starts (``case_deadlines``), so "overdue" and "my warnings" are index
lookups: ``effective_due`` is the due date after any approved extension, ``warning_level`` the level cached
by the last warning refresh. Free text typed by staff (complaint summaries, callback remarks, task notes)
may hold personal data and is encrypted per cell like the contact log.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from backoffice.db.base import Base


class CalendarOverride(Base):
    """One day whose working status differs from ``chinesecalendar`` (or that the package does not know)."""

    __tablename__ = "calendar_overrides"

    day: Mapped[date] = mapped_column(primary_key=True)
    is_working_day: Mapped[bool]
    note: Mapped[str] = mapped_column(String(200), default="")
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime]


class CalendarYear(Base):
    """A year an administrator has entered completely through overrides: it counts as covered."""

    __tablename__ = "calendar_years"

    year: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime]


class DeadlineRuleOverride(Base):
    """An administrator's value for one rule of ``domain.sla.default_rules`` (or an additional rule)."""

    __tablename__ = "deadline_rule_overrides"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    days: Mapped[int]
    unit: Mapped[str] = mapped_column(String(12))
    pausable: Mapped[bool] = mapped_column(default=False)
    basis: Mapped[str] = mapped_column(Text, default="")
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    updated_at: Mapped[datetime]


class CaseDeadline(Base):
    """One stage of one case under one rule: started, due, and (once finished) met or missed."""

    __tablename__ = "case_deadlines"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    stage: Mapped[str] = mapped_column(String(40))
    rule_key: Mapped[str] = mapped_column(String(64))
    ref_id: Mapped[int | None]  # the complaint a complaint deadline belongs to
    line: Mapped[str] = mapped_column(String(24), default="")  # the case's, for the KPIs
    handler_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))  # at the start, then at the finish
    started_at: Mapped[datetime]
    start_day: Mapped[date]  # business date (Asia/Shanghai) of started_at
    due_day: Mapped[date]  # as the rule computes it
    due_at: Mapped[datetime]  # late from this instant (end of the due day, or start + n hours)
    effective_due: Mapped[date]  # extended_until when extended, else due_day
    uncovered_years: Mapped[str] = mapped_column(String(40), default="")  # calendar did not know them
    paused_days: Mapped[int] = mapped_column(default=0)
    status: Mapped[str] = mapped_column(String(12), default="open")  # open | met | missed | cancelled
    finished_at: Mapped[datetime | None]
    elapsed_days: Mapped[int | None]  # start to finish, in the rule's unit (working or calendar days)
    warning_level: Mapped[str] = mapped_column(String(8), default="none")  # none | yellow | red
    yellow_at: Mapped[datetime | None]
    # The first day the deadline is yellow (domain.sla.yellow_from), stored with the due date so that
    # "yellow today" is an index lookup; NULL for rows not recomputed since migration 0010.
    yellow_from: Mapped[date | None]
    red_at: Mapped[datetime | None]
    extended_until: Mapped[date | None]
    extension_reason: Mapped[str] = mapped_column(Text, default="")
    extension_approved_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    extension_approved_at: Mapped[datetime | None]

    __table_args__ = (
        Index("ix_case_deadlines_case_status", "case_id", "status"),
        Index("ix_case_deadlines_status_due", "status", "effective_due"),
        Index("ix_case_deadlines_status_level", "status", "warning_level", "effective_due"),
        Index("ix_case_deadlines_status_yellow", "status", "yellow_from", "effective_due"),
        Index(  # the KPIs count completions per line and handler from this index alone
            "ix_case_deadlines_finished",
            "finished_at",
            "stage",
            "status",
            "line",
            "handler_id",
            "elapsed_days",
            "case_id",
        ),
        # The same counts for one month: status first, so that the planner prefers it to the status indexes
        # above even on a database without statistics (no ANALYZE), where 3 M deadlines took seconds.
        Index(
            "ix_case_deadlines_status_finished",
            "status",
            "finished_at",
            "stage",
            "line",
            "handler_id",
            "elapsed_days",
        ),
    )


class DeadlineExtension(Base):
    """A request to extend a deadline (延期): the handler's reason, then a supervisor's decision."""

    __tablename__ = "deadline_extensions"

    id: Mapped[int] = mapped_column(primary_key=True)
    deadline_id: Mapped[int] = mapped_column(ForeignKey("case_deadlines.id", ondelete="CASCADE"), index=True)
    requested_until: Mapped[date]
    reason: Mapped[str] = mapped_column(Text)
    requested_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    requested_at: Mapped[datetime]
    decision: Mapped[str] = mapped_column(String(12), default="pending")  # pending | approved | rejected
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[datetime | None]
    decision_note: Mapped[str] = mapped_column(Text, default="")


class SlaTask(Base):
    """A follow-up duty of a warning: a progress report (yellow) or a written rectification (red)."""

    __tablename__ = "sla_tasks"
    __table_args__ = (
        UniqueConstraint("deadline_id", "kind", name="uq_sla_tasks_deadline_kind"),
        Index("ix_sla_tasks_status_assignee", "status", "assignee_id", "due_day"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    deadline_id: Mapped[int] = mapped_column(ForeignKey("case_deadlines.id", ondelete="CASCADE"))
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(24))  # progress_report | rectification
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))  # None: any supervisor
    created_at: Mapped[datetime]
    due_day: Mapped[date]
    status: Mapped[str] = mapped_column(String(12), default="open")  # open | done | dropped
    done_at: Mapped[datetime | None]
    done_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    note_enc: Mapped[bytes | None] = mapped_column(LargeBinary)


class Callback(Base):
    """A callback (回访) after payment with its questionnaire; also written into the contact log."""

    __tablename__ = "callbacks"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    done_at: Mapped[datetime] = mapped_column(index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    channel: Mapped[str] = mapped_column(String(16))
    satisfaction: Mapped[int]  # 1 (very dissatisfied) to 5 (very satisfied)
    paid_on_time: Mapped[bool | None]  # the customer's view of the payment's timeliness
    issues_raised: Mapped[bool] = mapped_column(default=False)
    remarks_enc: Mapped[bytes | None] = mapped_column(LargeBinary)


class Complaint(Base):
    """A complaint (投诉) about a case: its own deadlines for contact and resolution."""

    __tablename__ = "complaints"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    received_at: Mapped[datetime] = mapped_column(index=True)
    channel: Mapped[str] = mapped_column(String(16))
    category: Mapped[str] = mapped_column(String(24))
    complexity: Mapped[str] = mapped_column(String(8))  # simple | complex
    summary_enc: Mapped[bytes] = mapped_column(LargeBinary)
    contacted_at: Mapped[datetime | None]
    resolved_at: Mapped[datetime | None]
    resolution_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
