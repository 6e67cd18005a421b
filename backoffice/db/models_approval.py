"""Authority matrices, approval signatures, payments (issue 6)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, ForeignKey, Index, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from backoffice.db.base import Base


class AuthorityMatrixVersion(Base):
    """An authority matrix as JSON; a new row for every change (signatures record the version)."""

    __tablename__ = "authority_matrices"

    id: Mapped[int] = mapped_column(primary_key=True)
    data: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    note: Mapped[str] = mapped_column(Text, default="")


class ApprovalSignature(Base):
    __tablename__ = "approval_signatures"
    __table_args__ = (Index("ix_approval_signatures_case_chain", "case_id", "chain_no"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    chain_no: Mapped[int]
    calculation_id: Mapped[int | None] = mapped_column(ForeignKey("calculations.id"))
    level: Mapped[int]  # the step signed
    signer_level: Mapped[int]
    signer_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    decision: Mapped[str] = mapped_column(String(12))  # agree | return | deny
    amount_fen: Mapped[int] = mapped_column(BigInteger)
    matrix_version: Mapped[int] = mapped_column(ForeignKey("authority_matrices.id"))
    reason_code: Mapped[str] = mapped_column(String(32), default="")
    clause: Mapped[str] = mapped_column(Text, default="")
    facts_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    at: Mapped[datetime]
    voided_at: Mapped[datetime | None]
    void_reason: Mapped[str] = mapped_column(Text, default="")


class Payment(Base):
    __tablename__ = "payments"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(12))  # advance | settlement
    amount_fen: Mapped[int] = mapped_column(BigInteger)
    payee_person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"))
    bank_account_enc: Mapped[bytes] = mapped_column(LargeBinary)
    bank_name: Mapped[str] = mapped_column(String(64), default="")
    status: Mapped[str] = mapped_column(String(12), index=True)  # pending | exported | paid | cancelled
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("payment_batches.id"))
    paid_on: Mapped[date | None]
    reference: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime]
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class PaymentBatch(Base):
    __tablename__ = "payment_batches"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime]
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    payments: Mapped[int]
    total_fen: Mapped[int] = mapped_column(BigInteger)
    file_digest: Mapped[str] = mapped_column(String(64), default="")
