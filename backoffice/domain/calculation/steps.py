"""The calculation sheet: steps (label, formula with the numbers filled in, value) and the result.

A ``Sheet`` collects the steps and warnings while a method computes; ``finish`` freezes them into a
``CalculationResult``. The display helpers ``amt`` and ``rate`` show an exact intermediate value: an
amount that is a whole number of fen prints with two decimals (``"1234.50"``); anything else is shown
rounded and marked with ``≈`` so that a reader never mistakes a display rounding for the calculation.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from backoffice.domain.money import Exact, exact, format_yuan, is_whole_fen, round_to

RATE_PLACES = 6
APPROX_AMOUNT_PLACES = 4


@dataclass(frozen=True)
class Step:
    """One line of the calculation sheet."""

    label: str
    formula: str
    value: str


@dataclass(frozen=True)
class CalculationResult:
    """What a method returns: the payable amount, its parts, shares among parties, and the sheet."""

    method: str
    payable: Decimal
    parts: dict[str, Decimal]
    shares: dict[str, Decimal]
    steps: tuple[Step, ...]
    warnings: tuple[str, ...]


def amt(value: Exact) -> str:
    """An amount for a formula: two decimals when exact to the fen, else ``≈`` and four decimals."""
    if is_whole_fen(value):
        return format_yuan(value)
    return "≈" + f"{round_to(value, APPROX_AMOUNT_PLACES):f}"


def rate(value: Exact) -> str:
    """A ratio for a formula: exact and without trailing zeros (``0.8``), else ``≈`` and six decimals."""
    fraction = exact(value)
    if (fraction * 10**RATE_PLACES).denominator == 1:
        text = f"{round_to(fraction, RATE_PLACES).normalize():f}"
        return "0" if text in ("-0", "0") else text
    return "≈" + f"{round_to(fraction, RATE_PLACES):f}"


def rounding(value: Exact) -> str:
    """The formula of a reported amount: the exact value, and that it is rounded half-up to the fen."""
    return amt(value) if is_whole_fen(value) else f"{amt(value)}，四舍五入到分"


class Sheet:
    """Collects steps and warnings for one calculation."""

    def __init__(self, method: str) -> None:
        self.method = method
        self._steps: list[Step] = []
        self._warnings: list[str] = []

    def step(self, label: str, formula: str, value: str) -> None:
        self._steps.append(Step(label, formula, value))

    def warn(self, message: str) -> None:
        if message not in self._warnings:
            self._warnings.append(message)

    def finish(
        self,
        payable: Decimal,
        parts: Mapping[str, Decimal],
        shares: Mapping[str, Decimal] | None = None,
    ) -> CalculationResult:
        return CalculationResult(
            method=self.method,
            payable=payable,
            parts=dict(parts),
            shares=dict(shares or {}),
            steps=tuple(self._steps),
            warnings=tuple(self._warnings),
        )


def to_json_dict(result: CalculationResult) -> dict[str, object]:
    """The result in the JSON shape of ``backoffice calc``: amounts as strings with two decimals."""
    return {
        "method": result.method,
        "payable": format_yuan(result.payable),
        "parts": {name: format_yuan(value) for name, value in result.parts.items()},
        "shares": {party: format_yuan(value) for party, value in result.shares.items()},
        "steps": [{"label": s.label, "formula": s.formula, "value": s.value} for s in result.steps],
        "warnings": list(result.warnings),
    }
