"""backoffice.domain.money: parsing, half-up rounding, fen conversion, largest-remainder allocation."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backoffice.domain.errors import ValidationError
from backoffice.domain.money import (
    allocate,
    fen_to_yuan,
    format_yuan,
    round_half_up,
    to_decimal,
    yuan_to_fen,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (12, Decimal(12)),
        ("1234.50", Decimal("1234.50")),
        (" 7.1 ", Decimal("7.1")),
        (Decimal("0.15"), Decimal("0.15")),
    ],
)
def test_to_decimal_accepts_int_str_decimal(value, expected):
    assert to_decimal(value, "loss") == expected


@pytest.mark.parametrize(
    "value", [1.5, True, False, "abc", "1e3", "1_000", "NaN", Decimal("Infinity"), None, [1]]
)
def test_to_decimal_refuses_float_bool_and_junk_naming_the_field(value):
    with pytest.raises(ValidationError) as info:
        to_decimal(value, "insurers[0].sum_insured")
    assert info.value.field == "insurers[0].sum_insured"
    assert "insurers[0].sum_insured" in str(info.value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal("1.005"), "1.01"),  # a half goes up
        (Decimal("1.004999"), "1.00"),
        (Decimal("2.675"), "2.68"),  # (binary floats would say 2.67)
        (Decimal("-1.005"), "-1.01"),  # away from zero, as ROUND_HALF_UP
        (Fraction(1, 3), "0.33"),
        (Fraction(2, 3), "0.67"),
        (Fraction(201, 200), "1.01"),  # 1.005 exactly
        (7, "7.00"),
    ],
)
def test_round_half_up(value, expected):
    assert round_half_up(value) == Decimal(expected)
    assert str(round_half_up(value)) == expected


def test_round_half_up_refuses_float():
    with pytest.raises(TypeError):
        round_half_up(1.005)  # type: ignore[arg-type]


def test_fen_round_trip_and_format():
    assert yuan_to_fen(Decimal("1234.50")) == 123450
    assert fen_to_yuan(123450) == Decimal("1234.50")
    assert format_yuan(Decimal("1234.5")) == "1234.50"
    assert format_yuan(Decimal("-0.001")) == "0.00"
    assert format_yuan(Decimal("1E+3")) == "1000.00"
    with pytest.raises(ValueError):
        yuan_to_fen(Decimal("0.001"))


def test_allocate_by_largest_remainder():
    # 100.00 in three equal parts: 3333.33… fen each; one fen left goes to the first (ties by order).
    assert allocate(Decimal("100"), [Decimal(1)] * 3) == [
        Decimal("33.34"),
        Decimal("33.33"),
        Decimal("33.33"),
    ]
    # 10.00 by 1:2 → 333.33… and 666.66… fen; the larger remainder (0.67) gets the spare fen.
    assert allocate(Decimal("10"), [Decimal(1), Decimal(2)]) == [Decimal("3.33"), Decimal("6.67")]
    # The total is rounded half-up first: 0.005 → 0.01.
    assert allocate(Decimal("0.005"), [Decimal(1), Decimal(1)]) == [Decimal("0.01"), Decimal("0.00")]
    assert allocate(Decimal(0), [Decimal(0), Decimal(0)]) == [Decimal("0.00"), Decimal("0.00")]


def test_allocate_refuses_nonsense():
    with pytest.raises(ValueError):
        allocate(Decimal(1), [Decimal(0)])
    with pytest.raises(ValueError):
        allocate(Decimal(1), [Decimal(-1), Decimal(2)])
    with pytest.raises(ValueError):
        allocate(Decimal(-1), [Decimal(1)])


@given(
    total=st.integers(0, 10**10),
    weights=st.lists(st.integers(0, 10**8), min_size=1, max_size=8).filter(any),
)
def test_allocate_adds_up_and_stays_within_a_fen(total, weights):
    amount = Decimal(total).scaleb(-2)
    shares = allocate(amount, [Decimal(w) for w in weights])
    assert sum(shares) == amount
    for share, weight in zip(shares, weights, strict=True):
        quota = Fraction(total) * weight / sum(weights)  # in fen
        assert abs(Fraction(yuan_to_fen(share)) - quota) < 1
        if quota.denominator == 1:
            assert yuan_to_fen(share) == quota
