"""Risk flags at intake (DOMAIN.md §4, seed 002 anti-fraud). Thresholds are configurable."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from enum import StrEnum


class RiskFlag(StrEnum):
    EARLY_CLAIM = "early_claim"  # incident soon after inception
    REPEAT_CLAIMANT = "repeat_claimant"  # same ID or phone with another claim within 12 months
    OUTSIDE_PERIOD = "outside_period"
    LATE_REPORT = "late_report"
    NEAR_AUTHORITY_LIMIT = "near_authority_limit"
    SHARED_BANK_ACCOUNT = "shared_bank_account"


FLAG_LABELS: dict[RiskFlag, str] = {
    RiskFlag.EARLY_CLAIM: "出险距起保日过近",
    RiskFlag.REPEAT_CLAIMANT: "同一证件或电话 12 个月内另有索赔",
    RiskFlag.OUTSIDE_PERIOD: "出险时间不在保险期间内",
    RiskFlag.LATE_REPORT: "报案延迟超过 48 小时",
    RiskFlag.NEAR_AUTHORITY_LIMIT: "金额略低于审批权限上限",
    RiskFlag.SHARED_BANK_ACCOUNT: "同一银行账户被无关客户使用",
}


@dataclass(frozen=True)
class RiskRules:
    early_claim_days: int = 30
    repeat_window_days: int = 365
    late_report_hours: int = 48
    near_limit_fraction: Decimal = Decimal("0.05")


@dataclass(frozen=True)
class IntakeFacts:
    incident_at: datetime
    reported_at: datetime
    period_start: date
    period_end: date
    incident_day: date  # the incident's business date (Asia/Shanghai)
    estimated_loss: Decimal
    authority_limits: tuple[Decimal, ...]  # the line's limits by level, for the near-limit check
    other_claims_same_identity: int = 0  # within the repeat window
    other_customers_same_account: int = 0


def risk_flags(facts: IntakeFacts, rules: RiskRules | None = None) -> tuple[RiskFlag, ...]:
    rules = rules or RiskRules()
    flags: list[RiskFlag] = []
    inside = facts.period_start <= facts.incident_day <= facts.period_end
    if inside and (facts.incident_day - facts.period_start).days <= rules.early_claim_days:
        flags.append(RiskFlag.EARLY_CLAIM)
    if facts.other_claims_same_identity > 0:
        flags.append(RiskFlag.REPEAT_CLAIMANT)
    if not inside:
        flags.append(RiskFlag.OUTSIDE_PERIOD)
    if facts.reported_at - facts.incident_at > timedelta(hours=rules.late_report_hours):
        flags.append(RiskFlag.LATE_REPORT)
    amount = facts.estimated_loss
    for limit in facts.authority_limits:
        if limit > 0 and limit * (1 - rules.near_limit_fraction) <= amount < limit:
            flags.append(RiskFlag.NEAR_AUTHORITY_LIMIT)
            break
    if facts.other_customers_same_account > 0:
        flags.append(RiskFlag.SHARED_BANK_ACCOUNT)
    return tuple(flags)
