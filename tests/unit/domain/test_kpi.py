from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backoffice.domain import kpi
from backoffice.domain.errors import ValidationError
from backoffice.domain.kpi import DEFINITIONS, KpiId


def test_targets_of_seed_004() -> None:
    targets = {d.id: (d.target, d.unit.value, d.higher_is_better) for d in DEFINITIONS.values()}
    assert targets == {
        KpiId.MONTHLY_CLOSURE: (Decimal(65), "percent", True),
        KpiId.CUMULATIVE_CLOSURE: (Decimal(98), "percent", True),
        KpiId.CLOSING_CYCLE: (Decimal(40), "days", False),
        KpiId.PAYMENT_TIMELINESS: (Decimal(1), "working_days", False),
        KpiId.SLA_COMPLIANCE: (None, "percent", True),
        KpiId.CALLBACK_SATISFACTION: (Decimal(100), "percent", True),
        KpiId.COMPLAINT_RATE: (Decimal(1), "permille", False),
        KpiId.INJURY_MEDIATION: (Decimal(92), "percent", True),
    }


def test_values_and_targets() -> None:
    # 13 closed of 7 open at the start + 13 registered = 65 % exactly: met.
    closure = kpi.monthly_closure_rate(13, 7, 13)
    assert (closure.value, closure.denominator, closure.met) == (Decimal("65.00"), 20, True)
    assert kpi.monthly_closure_rate(2, 1, 2).value == Decimal("66.67")  # half-up
    assert kpi.closing_cycle(81, 2).value == Decimal("40.50") and kpi.closing_cycle(81, 2).met is False
    assert kpi.payment_timeliness(3, 3).met is True
    assert kpi.complaint_rate(1, 1000).value == Decimal("1.00") and kpi.complaint_rate(1, 1000).met is True
    assert kpi.complaint_rate(2, 1999).met is False  # 1.0005 ‰ rounds to 1.00 but exceeds the target
    assert kpi.callback_satisfaction(5, 5).met is True and kpi.callback_satisfaction(4, 5).met is False
    assert kpi.injury_mediation(23, 25).value == Decimal("92.00")
    assert kpi.cumulative_closure_rate(49, 50).met is True
    sla = kpi.sla_compliance(2, 3)
    assert (sla.value, sla.target, sla.met) == (Decimal("66.67"), None, None)


def test_no_denominator_no_value() -> None:
    empty = kpi.callback_satisfaction(0, 0)
    assert (empty.value, empty.met) == (None, None)
    with pytest.raises(ValueError):
        kpi.exact(KpiId.CLOSING_CYCLE, -1, 2)


def test_target_override() -> None:
    assert kpi.evaluate(KpiId.MONTHLY_CLOSURE, 6, 10, Decimal(70)).met is False
    assert kpi.evaluate(KpiId.MONTHLY_CLOSURE, 6, 10, None).met is None


def test_open_at_start_identity() -> None:
    # 100 open now, 30 closed since the 1st, 40 reported since the 1st → 90 open on the 1st.
    assert kpi.open_at_start(100, 30, 40) == 90
    with pytest.raises(ValueError):
        kpi.open_at_start(0, 0, 1)


@pytest.mark.parametrize(
    ("month", "bounds"),
    [
        ("2025-03", (date(2025, 3, 1), date(2025, 4, 1))),
        ("2025-12", (date(2025, 12, 1), date(2026, 1, 1))),
        (" 2024-02 ", (date(2024, 2, 1), date(2024, 3, 1))),
    ],
)
def test_parse_month(month, bounds) -> None:
    assert kpi.parse_month(month) == bounds


@pytest.mark.parametrize("month", ["2025-13", "2025-3", "March", "2025-00", ""])
def test_bad_month(month) -> None:
    with pytest.raises(ValidationError) as caught:
        kpi.parse_month(month)
    assert caught.value.field == "month"


@pytest.mark.parametrize(
    ("age", "bucket"),
    [(0, "0-30"), (30, "0-30"), (31, "31-60"), (60, "31-60"), (61, "61-90"), (90, "61-90"), (91, "91-180"),
     (180, "91-180"), (181, ">180"), (5000, ">180"), (-2, "0-30")],
)  # fmt: skip
def test_aging_buckets(age, bucket) -> None:
    assert kpi.aging_bucket(age) == bucket


counts = st.integers(0, 10**6)


@given(st.sampled_from(list(KpiId)), counts, st.integers(1, 10**6))
def test_rounded_value_is_within_half_a_cent_of_the_exact_one(which, numerator, denominator) -> None:
    value = kpi.evaluate(which, numerator, denominator)
    exact = kpi.exact(which, numerator, denominator)
    assert value.value is not None and exact is not None
    assert abs(Fraction(value.value) - exact) <= Fraction(1, 200)
    if value.target is not None:
        assert value.met == (
            exact >= value.target if DEFINITIONS[which].higher_is_better else exact <= value.target
        )


@given(counts, counts, counts)
def test_closure_rate_never_above_100_when_closed_within_population(closed, open_start, registered) -> None:
    closed = min(closed, open_start + registered)
    value = kpi.monthly_closure_rate(closed, open_start, registered).value
    assert value is None or Decimal(0) <= value <= Decimal(100)
