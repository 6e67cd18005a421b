"""KPI definitions (DOMAIN.md §7, targets from seed 004) as pure functions of counts.

The services count in SQL; this module divides, rounds (half-up, two decimals, in the KPI's unit) and
compares with the target using the exact ratio, so a value shown as 65.00 % that is really 64.996 % is
not "met". A KPI whose denominator is zero has no value (None) and is neither met nor missed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from fractions import Fraction
from types import MappingProxyType
from typing import Final

from backoffice.domain.errors import ValidationError


class KpiId(StrEnum):
    MONTHLY_CLOSURE = "monthly_closure_rate"
    CUMULATIVE_CLOSURE = "cumulative_closure_rate"
    CLOSING_CYCLE = "closing_cycle"
    PAYMENT_TIMELINESS = "payment_timeliness"
    SLA_COMPLIANCE = "sla_compliance"
    CALLBACK_SATISFACTION = "callback_satisfaction"
    COMPLAINT_RATE = "complaint_rate"
    INJURY_MEDIATION = "injury_mediation"


class Unit(StrEnum):
    PERCENT = "percent"
    PERMILLE = "permille"
    DAYS = "days"
    WORKING_DAYS = "working_days"


SCALE: Final[Mapping[Unit, int]] = MappingProxyType(
    {Unit.PERCENT: 100, Unit.PERMILLE: 1000, Unit.DAYS: 1, Unit.WORKING_DAYS: 1}
)
UNIT_SUFFIX: Final[Mapping[Unit, str]] = MappingProxyType(
    {Unit.PERCENT: "%", Unit.PERMILLE: "‰", Unit.DAYS: "天", Unit.WORKING_DAYS: "个工作日"}
)


@dataclass(frozen=True, slots=True)
class KpiDefinition:
    id: KpiId
    label: str
    unit: Unit
    target: Decimal | None  # in the unit; None: no target stated
    higher_is_better: bool
    numerator: str  # what the numerator counts (for the drill-down and the export)
    denominator: str


_D = Decimal
DEFINITIONS: Final[Mapping[KpiId, KpiDefinition]] = MappingProxyType(
    {
        d.id: d
        for d in (
            KpiDefinition(
                KpiId.MONTHLY_CLOSURE,
                "当月结案率",
                Unit.PERCENT,
                _D(65),
                True,
                "当月结案件数",
                "月初未决件数 + 当月报案件数",
            ),
            KpiDefinition(
                KpiId.CUMULATIVE_CLOSURE,
                "累计结案率",
                Unit.PERCENT,
                _D(98),
                True,
                "本报案年度已结案件数",
                "本报案年度报案件数",
            ),
            KpiDefinition(
                KpiId.CLOSING_CYCLE,
                "结案周期",
                Unit.DAYS,
                _D(40),
                False,
                "报案至结案的自然日合计",
                "当月结案件数",
            ),
            KpiDefinition(
                KpiId.PAYMENT_TIMELINESS,
                "支付时效",
                Unit.WORKING_DAYS,
                _D(1),
                False,
                "核赔通过至支付的工作日合计",
                "当月支付完毕件数",
            ),
            KpiDefinition(
                KpiId.SLA_COMPLIANCE,
                "时效达标率",
                Unit.PERCENT,
                None,
                True,
                "按时完成的环节数",
                "当月完成的环节数",
            ),
            KpiDefinition(
                KpiId.CALLBACK_SATISFACTION,
                "回访满意度",
                Unit.PERCENT,
                _D(100),
                True,
                "满意的回访数（4 分及以上）",
                "当月回访数",
            ),
            KpiDefinition(
                KpiId.COMPLAINT_RATE,
                "投诉率",
                Unit.PERMILLE,
                _D(1),
                False,
                "当月投诉件数",
                "当月报案件数",
            ),
            KpiDefinition(
                KpiId.INJURY_MEDIATION,
                "人伤案件和解率",
                Unit.PERCENT,
                _D(92),
                True,
                "以调解或和解结案的人伤案件数",
                "当月赔付结案的人伤案件数",
            ),
        )
    }
)

#: A callback answer of this score or more counts as satisfied (scale 1-5).
SATISFIED_FROM: Final = 4
#: How an injury case was settled, chosen when it is closed (the data has no other source for it).
INJURY_SETTLEMENTS: Final[Mapping[str, str]] = MappingProxyType(
    {"mediation": "调解或和解", "judgment": "判决", "other": "其他"}
)
#: Pending-case (未决) age buckets in calendar days since the report: (key, first day, last day or None).
AGING_BUCKETS: Final = (
    ("0-30", 0, 30),
    ("31-60", 31, 60),
    ("61-90", 61, 90),
    ("91-180", 91, 180),
    (">180", 181, None),
)
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_CENT = Decimal("0.01")


@dataclass(frozen=True, slots=True)
class KpiValue:
    kpi: KpiId
    numerator: int
    denominator: int
    value: Decimal | None  # in the KPI's unit, rounded half-up to two decimals
    target: Decimal | None
    met: bool | None

    @property
    def definition(self) -> KpiDefinition:
        return DEFINITIONS[self.kpi]


def exact(kpi: KpiId, numerator: int, denominator: int) -> Fraction | None:
    """The value in the KPI's unit as an exact fraction (None when the denominator is zero)."""
    if numerator < 0 or denominator < 0:
        raise ValueError("counts must not be negative")
    if denominator == 0:
        return None
    return Fraction(numerator * SCALE[DEFINITIONS[kpi].unit], denominator)


def rounded(value: Fraction) -> Decimal:
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(_CENT, rounding=ROUND_HALF_UP)


def evaluate(
    kpi: KpiId, numerator: int, denominator: int, target: Decimal | str | None = "default"
) -> KpiValue:
    """Value and target comparison; ``target`` overrides the default (None: no target)."""
    definition = DEFINITIONS[kpi]
    goal = definition.target if target == "default" else target
    assert goal is None or isinstance(goal, Decimal)
    value = exact(kpi, numerator, denominator)
    met = None
    if value is not None and goal is not None:
        met = value >= Fraction(goal) if definition.higher_is_better else value <= Fraction(goal)
    return KpiValue(kpi, numerator, denominator, None if value is None else rounded(value), goal, met)


def monthly_closure_rate(closed: int, open_at_start: int, registered: int) -> KpiValue:
    """closed in month ÷ (open at start of month + registered in month)."""
    return evaluate(KpiId.MONTHLY_CLOSURE, closed, open_at_start + registered)


def cumulative_closure_rate(closed: int, registered: int) -> KpiValue:
    """closed ÷ registered, both among the cases reported in the report year (up to the month's end)."""
    return evaluate(KpiId.CUMULATIVE_CLOSURE, closed, registered)


def closing_cycle(total_days: int, closed: int) -> KpiValue:
    """Mean calendar days from report to close."""
    return evaluate(KpiId.CLOSING_CYCLE, total_days, closed)


def payment_timeliness(total_working_days: int, paid: int) -> KpiValue:
    """Mean working days from approval to payment."""
    return evaluate(KpiId.PAYMENT_TIMELINESS, total_working_days, paid)


def sla_compliance(on_time: int, completions: int) -> KpiValue:
    return evaluate(KpiId.SLA_COMPLIANCE, on_time, completions)


def callback_satisfaction(satisfied: int, callbacks: int) -> KpiValue:
    return evaluate(KpiId.CALLBACK_SATISFACTION, satisfied, callbacks)


def complaint_rate(complaints: int, cases: int) -> KpiValue:
    return evaluate(KpiId.COMPLAINT_RATE, complaints, cases)


def injury_mediation(mediated: int, injury_cases: int) -> KpiValue:
    return evaluate(KpiId.INJURY_MEDIATION, mediated, injury_cases)


def open_at_start(open_now: int, closed_since_start: int, reported_since_start: int) -> int:
    """Cases open at the start of a month, from counts that avoid scanning all older cases.

    A case reported before the start is open then if it is open now or closed since; a case reported since
    the start is either open now or closed since. Hence open_at_start = open now + closed since start −
    reported since start.
    """
    result = open_now + closed_since_start - reported_since_start
    if result < 0:
        raise ValueError("inconsistent counts")
    return result


def parse_month(month: str) -> tuple[date, date]:
    """'2026-03' → (first day, first day of the next month)."""
    match = _MONTH.match(month.strip())
    if match is None or not 1 <= int(match.group(2)) <= 12:
        raise ValidationError("month", "月份格式应为 YYYY-MM，例如 2026-03。")
    year, number = int(match.group(1)), int(match.group(2))
    start = date(year, number, 1)
    end = date(year + (number == 12), number % 12 + 1, 1)
    return start, end


def aging_bucket(age_days: int) -> str:
    for key, first, last in AGING_BUCKETS:
        if age_days >= first and (last is None or age_days <= last):
            return key
    return AGING_BUCKETS[0][0]  # a report dated in the future (clock skew) counts as new
