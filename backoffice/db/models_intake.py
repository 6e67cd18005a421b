"""Policies, claim cases and what intake records about them (issue 4).

Personal data (reporter name and phone, place, narrative, loss descriptions, contact summaries) is
encrypted per cell like ``persons``; money is integer fen; timestamps UTC.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, ForeignKey, Index, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from backoffice.db.base import Base


class Policy(Base):
    __tablename__ = "policies"

    id: Mapped[int] = mapped_column(primary_key=True)
    policy_no: Mapped[str] = mapped_column(String(40), unique=True)
    product: Mapped[str] = mapped_column(String(64))
    line: Mapped[str] = mapped_column(String(24), index=True)
    insured_id: Mapped[int] = mapped_column(ForeignKey("persons.id"))
    period_start: Mapped[date]
    period_end: Mapped[date]
    insured_value_fen: Mapped[int | None] = mapped_column(BigInteger)
    new_vehicle_price_fen: Mapped[int | None] = mapped_column(BigInteger)
    vehicle_plate_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class Coverage(Base):
    __tablename__ = "coverages"
    __table_args__ = (UniqueConstraint("policy_id", "code", name="uq_coverages_policy_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    policy_id: Mapped[int] = mapped_column(ForeignKey("policies.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(64))
    sum_insured_fen: Mapped[int | None] = mapped_column(BigInteger)  # None: no limit stated
    deductible_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    deductible_rate: Mapped[str] = mapped_column(String(12), default="0")  # decimal as text
    per_person_limit_fen: Mapped[int | None] = mapped_column(BigInteger)


class CaseNumberCounter(Base):
    """Next sequence number per prefix; locked while a number is taken, so numbers never collide."""

    __tablename__ = "case_number_counters"

    prefix: Mapped[str] = mapped_column(String(32), primary_key=True)
    next_value: Mapped[int] = mapped_column(BigInteger)


class Case(Base):
    __tablename__ = "cases"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_no: Mapped[str] = mapped_column(String(40), unique=True)
    policy_id: Mapped[int] = mapped_column(ForeignKey("policies.id"), index=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("persons.id"), index=True)
    line: Mapped[str] = mapped_column(String(24))
    status: Mapped[str] = mapped_column(String(24))
    complexity: Mapped[str] = mapped_column(String(12))
    complexity_auto: Mapped[str] = mapped_column(String(12))
    complexity_reason: Mapped[str] = mapped_column(Text, default="")
    handler_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    channel: Mapped[str] = mapped_column(String(16))
    reporter_name_enc: Mapped[bytes] = mapped_column(LargeBinary)
    reporter_phone_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    reporter_relation: Mapped[str] = mapped_column(String(16))
    received_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    reported_at: Mapped[datetime]
    incident_at: Mapped[datetime]
    incident_place_enc: Mapped[bytes] = mapped_column(LargeBinary)
    cause: Mapped[str] = mapped_column(String(32))
    narrative_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    estimated_loss_fen: Mapped[int] = mapped_column(BigInteger)
    settlement_fen: Mapped[int | None] = mapped_column(BigInteger)  # the current calculation's total
    has_injury: Mapped[bool] = mapped_column(default=False)
    death_or_disability: Mapped[bool] = mapped_column(default=False)
    litigation: Mapped[bool] = mapped_column(default=False)
    disputed_liability: Mapped[bool] = mapped_column(default=False)
    conditions: Mapped[str] = mapped_column(String(200), default="")  # checklist conditions, comma-separated
    flags: Mapped[str] = mapped_column(String(200), default="")  # risk flags, comma-separated
    materials_complete_at: Mapped[datetime | None]
    approval_chain_no: Mapped[int] = mapped_column(default=0)
    approval_next_level: Mapped[int | None]  # the step waiting for a signature
    approval_top_level: Mapped[int | None]  # the lowest level whose limit covers the amount
    approval_assignee_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))  # delegation
    approved_fen: Mapped[int | None] = mapped_column(BigInteger)
    approved_at: Mapped[datetime | None]
    paid_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    closed_at: Mapped[datetime | None]
    closing_reason: Mapped[str] = mapped_column(String(32), default="")
    injury_settlement: Mapped[str] = mapped_column(String(16), default="", server_default="")  # mediation…
    last_activity_at: Mapped[datetime]
    key_version: Mapped[int]
    created_at: Mapped[datetime]
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
    __table_args__ = (
        Index("ix_cases_status_id", "status", "id"),
        Index("ix_cases_handler_status", "handler_id", "status"),
        Index("ix_cases_reported_at", "reported_at"),
        Index("ix_cases_policy_incident", "policy_id", "incident_at"),
        Index(  # KPIs and pending cases: closed_at IS NULL / ranges, covering
            "ix_cases_closed_kpi",
            "closed_at",
            "line",
            "handler_id",
            "reported_at",
            "has_injury",
            "closing_reason",
            "injury_settlement",
        ),
        Index("ix_cases_reported_kpi", "reported_at", "line", "handler_id", "closed_at"),
        # The case list: a status or complexity filter with the default order, and the sortable columns.
        Index("ix_cases_status_reported", "status", "reported_at", "id"),
        Index("ix_cases_complexity_reported", "complexity", "reported_at", "id"),
        Index("ix_cases_estimated_loss_id", "estimated_loss_fen", "id"),
    )


class CaseFlagRow(Base):
    """Risk flags one row each, so that the case list can filter on them through an index."""

    __tablename__ = "case_flags"

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True)
    code: Mapped[str] = mapped_column(String(32), primary_key=True, index=True)


class CaseWarningOverride(Base):
    """A registration warning (outside period, duplicate, late report) the clerk overrode, with the reason."""

    __tablename__ = "case_warning_overrides"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(32))
    reason: Mapped[str] = mapped_column(Text)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime]


class LossItem(Base):
    """One line of the loss list: a property item, or an injured person."""

    __tablename__ = "loss_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(12))  # property | injury
    description_enc: Mapped[bytes] = mapped_column(LargeBinary)  # item, or the injured person's name
    quantity: Mapped[int] = mapped_column(default=1)
    value_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    body_part_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    severity: Mapped[str] = mapped_column(String(16), default="")


class ProofReference(Base):
    __tablename__ = "proof_references"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    reference: Mapped[str] = mapped_column(String(120))


class ChecklistItem(Base):
    __tablename__ = "checklist_items"
    __table_args__ = (UniqueConstraint("case_id", "code", name="uq_checklist_items_case_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    code: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(120))
    mandatory: Mapped[bool]
    original_required: Mapped[bool] = mapped_column(default=False)
    received_at: Mapped[datetime | None]
    is_original: Mapped[bool | None]
    pages: Mapped[int | None]
    received_from: Mapped[str] = mapped_column(String(64), default="")
    received_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class ContactLogEntry(Base):
    """The customer contact log: calls, SMS, letters, notices (summary encrypted)."""

    __tablename__ = "contact_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime]
    channel: Mapped[str] = mapped_column(String(16))
    direction: Mapped[str] = mapped_column(String(8))  # in | out
    kind: Mapped[str] = mapped_column(String(32), default="")  # e.g. missing_documents_notice
    summary_enc: Mapped[bytes] = mapped_column(LargeBinary)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))


class CaseEvent(Base):
    """The case timeline: status transitions, assignments, classification changes."""

    __tablename__ = "case_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime]
    kind: Mapped[str] = mapped_column(String(32))
    from_status: Mapped[str] = mapped_column(String(24), default="")
    to_status: Mapped[str] = mapped_column(String(24), default="")
    detail: Mapped[str] = mapped_column(Text, default="")
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class Calculation(Base):
    """One version of a case's settlement calculation; recalculating adds a version, never overwrites."""

    __tablename__ = "calculations"
    __table_args__ = (UniqueConstraint("case_id", "version_no", name="uq_calculations_case_version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    version_no: Mapped[int]
    current: Mapped[bool] = mapped_column(default=True)
    engine_version: Mapped[str] = mapped_column(String(16))
    total_fen: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[datetime]
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    note: Mapped[str] = mapped_column(Text, default="")


class CalculationLine(Base):
    """One coverage's calculation: method, inputs and result with its steps (JSON, encrypted)."""

    __tablename__ = "calculation_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    calculation_id: Mapped[int] = mapped_column(ForeignKey("calculations.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    coverage_code: Mapped[str] = mapped_column(String(40))
    method: Mapped[str] = mapped_column(String(32))
    inputs_enc: Mapped[bytes] = mapped_column(LargeBinary)
    result_enc: Mapped[bytes] = mapped_column(LargeBinary)
    payable_fen: Mapped[int] = mapped_column(BigInteger)
