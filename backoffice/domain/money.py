"""Yuan and fen: Decimal helpers, half-up rounding, largest-remainder allocation.

Money is ``Decimal`` yuan in the domain and integer fen in the database. Intermediate results of a
calculation may be exact rationals (``fractions.Fraction``): a ratio such as 1/3 has no finite
decimal, and keeping it exact means that an amount is rounded exactly once, when it is reported.
Floats are never accepted: ``to_decimal`` refuses them, and so do the other helpers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction

from backoffice.domain.errors import ValidationError

CENT = Decimal("0.01")
FEN_PER_YUAN = 100

# An exact number: what the helpers take. Decimal and int are exact; so is Fraction.
Exact = Decimal | Fraction | int

_DECIMAL_TEXT = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")


def to_decimal(value: object, field: str) -> Decimal:
    """``value`` (int, decimal string or Decimal) as a finite Decimal; anything else names ``field``."""
    if isinstance(value, bool):
        raise ValidationError(field, "字段 {field}：应为数字，不能是 true/false")
    if isinstance(value, float):
        raise ValidationError(field, '字段 {field}：不接受浮点数，请写成十进制字符串（例如 "1234.50"）')
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, str):
        text = value.strip()
        if not _DECIMAL_TEXT.fullmatch(text):
            raise ValidationError(field, "字段 {field}：不是有效的数字")
        result = Decimal(text)
    else:
        raise ValidationError(field, "字段 {field}：应为数字")
    if not result.is_finite():
        raise ValidationError(field, "字段 {field}：不是有效的数字")
    return result


def exact(value: Exact) -> Fraction:
    """The exact rational value of a Decimal, int or Fraction (never a float)."""
    if isinstance(value, bool) or not isinstance(value, Decimal | Fraction | int):
        raise TypeError(f"exact number expected, got {type(value).__name__}")
    return Fraction(value)


def _half_up(value: Fraction) -> int:
    """The nearest integer, halves away from zero (as ``ROUND_HALF_UP``)."""
    magnitude = abs(value)
    rounded = (magnitude.numerator * 2 + magnitude.denominator) // (magnitude.denominator * 2)
    return -rounded if value < 0 else rounded


def round_half_up(value: Exact) -> Decimal:
    """``value`` rounded half-up (away from zero) to 0.01 yuan."""
    return fen_to_yuan(_half_up(exact(value) * FEN_PER_YUAN))


def round_to(value: Exact, places: int) -> Decimal:
    """``value`` rounded half-up to ``places`` decimals (for display of ratios and intermediates)."""
    fen = _half_up(exact(value) * 10**places)
    return Decimal(fen).scaleb(-places)


def is_whole_fen(value: Exact) -> bool:
    return (exact(value) * FEN_PER_YUAN).denominator == 1


def yuan_to_fen(value: Exact) -> int:
    """Integer fen of an amount that is already a whole number of fen (round it first)."""
    fen = exact(value) * FEN_PER_YUAN
    if fen.denominator != 1:
        raise ValueError(f"{value} yuan is not a whole number of fen; round it first")
    return fen.numerator


def fen_to_yuan(fen: int) -> Decimal:
    """Decimal yuan with two decimals, e.g. ``123450`` → ``Decimal("1234.50")``."""
    if isinstance(fen, bool) or not isinstance(fen, int):
        raise TypeError("fen must be an int")
    return Decimal(fen).scaleb(-2)


def format_yuan(value: Exact) -> str:
    """The amount rounded half-up to fen, as ``"1234.50"`` (no grouping, never ``"-0.00"``)."""
    rounded = round_half_up(value)
    if rounded == 0:
        return "0.00"
    return f"{rounded:f}"


def allocate(total: Exact, weights: Sequence[Exact]) -> list[Decimal]:
    """Split ``total`` (rounded to fen) in proportion to ``weights`` by largest remainder.

    The shares add up exactly to the rounded total. Each share is its exact quota rounded down or up
    to the fen; a quota that is already a whole number of fen is never changed. Ties in the remainder
    go to the earlier weight, so the result depends only on the order of the weights.
    """
    total_fen = yuan_to_fen(round_half_up(total))
    if total_fen < 0:
        raise ValueError("cannot allocate a negative total")
    exact_weights = [exact(w) for w in weights]
    if any(w < 0 for w in exact_weights):
        raise ValueError("weights must not be negative")
    weight_sum = sum(exact_weights, Fraction(0))
    if weight_sum == 0:
        if total_fen == 0:
            return [fen_to_yuan(0) for _ in exact_weights]
        raise ValueError("cannot allocate a non-zero total over zero weights")
    quotas = [total_fen * w / weight_sum for w in exact_weights]
    floors = [q.numerator // q.denominator for q in quotas]
    left = total_fen - sum(floors)
    by_remainder = sorted(range(len(quotas)), key=lambda i: (-(quotas[i] - floors[i]), i))
    for i in by_remainder[:left]:
        floors[i] += 1
    return [fen_to_yuan(f) for f in floors]
