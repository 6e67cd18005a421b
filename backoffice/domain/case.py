"""Claim case statuses, the transition table, and complexity classification (DOMAIN.md §2, §4)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from backoffice.domain.approval import LineOfBusiness
from backoffice.domain.errors import DomainError, ValidationError


class CaseStatus(StrEnum):
    REPORTED = "reported"
    REGISTERED = "registered"  # collecting documents
    MATERIALS_COMPLETE = "materials_complete"
    CALCULATED = "calculated"
    PENDING_APPROVAL = "pending_approval"
    RETURNED = "returned"
    APPROVED = "approved"
    PAID = "paid"
    DENIED = "denied"
    WITHDRAWN = "withdrawn"
    CLOSED = "closed"
    ARCHIVED = "archived"


STATUS_LABELS: dict[CaseStatus, str] = {
    CaseStatus.REPORTED: "已报案",
    CaseStatus.REGISTERED: "收集单证",
    CaseStatus.MATERIALS_COMPLETE: "材料齐全",
    CaseStatus.CALCULATED: "已理算",
    CaseStatus.PENDING_APPROVAL: "待核赔",
    CaseStatus.RETURNED: "已退回",
    CaseStatus.APPROVED: "已核赔",
    CaseStatus.PAID: "已支付",
    CaseStatus.DENIED: "已拒赔",
    CaseStatus.WITHDRAWN: "已注销",
    CaseStatus.CLOSED: "已结案",
    CaseStatus.ARCHIVED: "已归档",
}

S = CaseStatus
TRANSITIONS: frozenset[tuple[CaseStatus, CaseStatus]] = frozenset(
    {
        (S.REPORTED, S.REGISTERED),
        (S.REGISTERED, S.MATERIALS_COMPLETE),
        (S.MATERIALS_COMPLETE, S.REGISTERED),  # a received item withdrawn or a new mandatory item
        (S.MATERIALS_COMPLETE, S.CALCULATED),
        (S.CALCULATED, S.CALCULATED),  # recalculation keeps earlier versions
        (S.CALCULATED, S.PENDING_APPROVAL),
        (S.PENDING_APPROVAL, S.PENDING_APPROVAL),  # one signature, next level
        (S.PENDING_APPROVAL, S.RETURNED),
        (S.PENDING_APPROVAL, S.APPROVED),
        (S.PENDING_APPROVAL, S.DENIED),
        (S.RETURNED, S.CALCULATED),
        (S.RETURNED, S.PENDING_APPROVAL),
        (S.APPROVED, S.PAID),
        (S.APPROVED, S.CLOSED),  # only when the approved amount is zero (nothing to pay)
        (S.PAID, S.PAID),  # several payments
        (S.PAID, S.CLOSED),
        (S.DENIED, S.CLOSED),
        (S.WITHDRAWN, S.CLOSED),
        (S.CLOSED, S.ARCHIVED),
        (S.CLOSED, S.REGISTERED),  # reopening
        (S.ARCHIVED, S.CLOSED),  # retrieval before reopening
        *(
            (s, S.WITHDRAWN)
            for s in (S.REPORTED, S.REGISTERED, S.MATERIALS_COMPLETE, S.CALCULATED, S.RETURNED)
        ),
    }
)
OPEN_STATUSES = frozenset(set(CaseStatus) - {S.CLOSED, S.ARCHIVED})


def check_transition(current: CaseStatus, target: CaseStatus) -> None:
    """Refuse an illegal status change with a message the user understands."""
    if (current, target) not in TRANSITIONS:
        raise DomainError(
            "案件当前状态为“{current}”，不能变为“{target}”。",
            current=STATUS_LABELS[current],
            target=STATUS_LABELS[target],
        )


class Complexity(StrEnum):
    SIMPLE = "simple"
    NORMAL = "normal"
    COMPLEX = "complex"


COMPLEXITY_LABELS = {Complexity.SIMPLE: "简易", Complexity.NORMAL: "普通", Complexity.COMPLEX: "复杂"}


@dataclass(frozen=True)
class ClassificationRules:
    """Thresholds of DOMAIN.md §4 (configurable)."""

    simple_limits: dict[LineOfBusiness, Decimal] = field(
        default_factory=lambda: {
            LineOfBusiness.MOTOR: Decimal(5000),
            LineOfBusiness.HEALTH_ACCIDENT: Decimal(3000),
            LineOfBusiness.PROPERTY: Decimal(10000),
            LineOfBusiness.LIABILITY: Decimal(10000),
        }
    )
    complex_amount: Decimal = Decimal(200_000)


@dataclass(frozen=True)
class CaseFacts:
    line: LineOfBusiness
    estimated_loss: Decimal
    has_injury: bool = False
    death_or_disability: bool = False
    litigation: bool = False
    disputed_liability: bool = False
    fraud_flag: bool = False
    risk_flags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Classification:
    complexity: Complexity
    reasons: tuple[str, ...]


def classify(facts: CaseFacts, rules: ClassificationRules | None = None) -> Classification:
    """simple / normal / complex with the reasons; a flagged case is never simple."""
    rules = rules or ClassificationRules()
    complex_reasons = [
        text
        for present, text in (
            (facts.death_or_disability, "涉及死亡或伤残"),
            (facts.estimated_loss > rules.complex_amount, f"估损金额超过 {rules.complex_amount} 元"),
            (facts.litigation, "涉及诉讼"),
            (facts.disputed_liability, "责任有争议"),
            (facts.fraud_flag, "存在欺诈风险提示"),
        )
        if present
    ]
    if complex_reasons:
        return Classification(Complexity.COMPLEX, tuple(complex_reasons))
    limit = rules.simple_limits[facts.line]
    blockers = [
        text
        for present, text in (
            (facts.has_injury, "涉及人伤"),
            (bool(facts.risk_flags), "存在风险提示"),
            (facts.estimated_loss > limit, f"估损金额超过简易案件上限 {limit} 元"),
        )
        if present
    ]
    if blockers:
        return Classification(Complexity.NORMAL, tuple(blockers))
    return Classification(Complexity.SIMPLE, (f"无人伤、无风险提示、估损不超过 {limit} 元",))


def check_override(facts: CaseFacts, automatic: Classification, chosen: Complexity, reason: str) -> None:
    """An override needs a reason; a flagged case cannot be made simple."""
    if chosen == automatic.complexity:
        return
    if not reason.strip():
        raise ValidationError("complexity_reason", "更改案件分类需要填写理由。")
    if chosen == Complexity.SIMPLE and (facts.risk_flags or facts.fraud_flag):
        raise DomainError("存在风险提示的案件不能定为简易案件。")
