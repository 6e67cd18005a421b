"""What the 支付与结案 tab shows and allows: the labels of payment kinds and statuses, and
``PaymentState``, the money of one case (calculated, approved, paid, pending, still payable) with what the
payment and closing services would allow in its status. The services check everything again."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from backoffice.domain.case import TRANSITIONS, CaseStatus
from backoffice.services.cases import CaseDetail
from backoffice.services.payments import PaymentView

CONTEXT = "CasePayments"
KIND_LABELS = {
    "settlement": QT_TRANSLATE_NOOP("CasePayments", "赔款"),
    "advance": QT_TRANSLATE_NOOP("CasePayments", "先行赔付"),
}
PAYMENT_STATUS_LABELS = {
    "pending": QT_TRANSLATE_NOOP("CasePayments", "待导出"),
    "exported": QT_TRANSLATE_NOOP("CasePayments", "已导出"),
    "paid": QT_TRANSLATE_NOOP("CasePayments", "已支付"),
    "cancelled": QT_TRANSLATE_NOOP("CasePayments", "已取消"),
}
CLOSE_REFUSALS = {
    "closed": QT_TRANSLATE_NOOP("CasePayments", "案件已结案。"),
    "open_payments": QT_TRANSLATE_NOOP("CasePayments", "还有 {n} 笔支付没有结果：不能结案。"),
    "unpaid": QT_TRANSLATE_NOOP("CasePayments", "核赔金额尚未全部支付：不能结案。"),
    "status": QT_TRANSLATE_NOOP(
        "CasePayments", "只有已支付、已拒赔或已注销的案件（或核定赔款为零的案件）可以结案。"
    ),
}
OPEN_PAYMENTS = ("pending", "exported")
# Where the service takes an advance payment (先行赔付), and a settlement payment.
ADVANCE_STATUSES = frozenset(
    {"registered", "materials_complete", "calculated", "pending_approval", "returned"}
)
SETTLEMENT_STATUSES = frozenset({"approved", "paid"})


def translated(labels: Mapping[str, str], code: str) -> str:
    text = labels.get(code)
    return QCoreApplication.translate(CONTEXT, text) if text else code


def _yuan(amounts: Mapping[str, Any], key: str) -> Decimal | None:
    value = amounts.get(key)
    return None if value is None else Decimal(str(value))


@dataclass(frozen=True)
class PaymentState:
    """The money of a case and what the payment and closing services would allow now."""

    status: str
    settlement: Decimal | None  # 理算金额
    approved: Decimal | None  # 核定金额
    paid: Decimal  # confirmed by the bank (advance payments included)
    pending: Decimal  # ordered or exported, not yet confirmed
    open_payments: int
    settlement_left: Decimal | None  # None: no settlement payment possible in this status
    advance_left: Decimal | None  # None: no advance payment possible in this status

    @classmethod
    def of(cls, detail: CaseDetail, views: Sequence[PaymentView]) -> PaymentState:
        amounts: Mapping[str, Any] = detail.extra.get("amounts") or {}  # type: ignore[assignment]
        settlement, approved = _yuan(amounts, "settlement"), _yuan(amounts, "approved")
        live = [p for p in views if p.status != "cancelled"]
        committed = sum((p.amount for p in live), Decimal("0.00"))
        pending = sum((p.amount for p in live if p.status in OPEN_PAYMENTS), Decimal("0.00"))
        settlement_left = advance_left = None
        if detail.status in SETTLEMENT_STATUSES:
            settlement_left = max((approved or Decimal(0)) - committed, Decimal("0.00"))
        if detail.status in ADVANCE_STATUSES and (settlement or 0) > 0:
            advance_left = max((settlement or Decimal(0)) - committed, Decimal("0.00"))
        return cls(
            status=detail.status,
            settlement=settlement,
            approved=approved,
            paid=_yuan(amounts, "paid") or Decimal("0.00"),
            pending=pending,
            open_payments=sum(1 for p in views if p.status in OPEN_PAYMENTS),
            settlement_left=settlement_left,
            advance_left=advance_left,
        )

    @property
    def left(self) -> Decimal | None:
        return self.settlement_left if self.settlement_left is not None else self.advance_left

    def may_add(self) -> bool:
        return any(left is not None and left > 0 for left in (self.settlement_left, self.advance_left))

    def close_refusal(self) -> str:
        """Why the case cannot close now ("" when it can), in the words of the closing service."""
        if self.status in ("closed", "archived"):
            text = CLOSE_REFUSALS["closed"]
        elif self.open_payments:
            text = CLOSE_REFUSALS["open_payments"]
        elif self.status == "paid" and self.paid < (self.approved or 0):
            text = CLOSE_REFUSALS["unpaid"]
        elif self.status == "approved" and not self.approved:
            return ""
        elif self.status not in ("paid", "denied", "withdrawn"):
            text = CLOSE_REFUSALS["status"]
        else:
            return ""
        return QCoreApplication.translate(CONTEXT, text).format(n=self.open_payments)

    def may_withdraw(self) -> bool:
        return (CaseStatus(self.status), CaseStatus.WITHDRAWN) in TRANSITIONS

    def may_reopen(self) -> bool:
        return self.status == "closed"
