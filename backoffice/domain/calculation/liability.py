"""Liability insurance (责任保险): per-person limit, per-accident limit, deductible, remaining aggregate.

Each claimant's amount is capped at the per-person limit; their total at the per-accident limit
(claimants scaled proportionally); the per-accident deductible is subtracted (not below 0); what is left
is capped at the remaining aggregate limit. The payable is shared among the claimants in proportion to
their amounts after the per-person cap, by largest remainder.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any

from backoffice.domain.calculation.fields import Fields, unique_names
from backoffice.domain.calculation.steps import CalculationResult, Sheet, amt
from backoffice.domain.money import allocate, exact, format_yuan, round_half_up

METHOD = "liability"
FIELDS = frozenset(
    {"method", "claimants", "per_person_limit", "per_accident_limit", "aggregate_remaining", "deductible"}
)
CLAIMANT_FIELDS = frozenset({"name", "amount"})


def calculate(data: Mapping[str, Any]) -> CalculationResult:
    f = Fields(data, FIELDS)
    items = f.objects("claimants", CLAIMANT_FIELDS)
    names = [item.text("name") for item in items]
    unique_names(zip(items, names, strict=True))
    amounts = [exact(item.amount("amount")) for item in items]
    per_person = f.optional_amount("per_person_limit")
    per_accident = f.optional_amount("per_accident_limit")
    aggregate = f.optional_amount("aggregate_remaining")
    deductible = exact(f.amount("deductible", Decimal(0)))
    sheet = Sheet(METHOD)

    capped = []
    for name, amount in zip(names, amounts, strict=True):
        if per_person is not None and amount > per_person:
            sheet.step(
                f"{name} 按每人限额封顶", f"min({amt(amount)}, 每人限额 {amt(per_person)})", amt(per_person)
            )
            sheet.warn(f"{name} 的索赔按每人限额封顶")
            amount = exact(per_person)
        capped.append(amount)
    total = sum(capped, Fraction(0))
    sheet.step("索赔合计", " + ".join(amt(c) for c in capped), amt(total))
    if per_accident is not None and total > per_accident:
        sheet.step(
            "按每次事故限额封顶",
            f"min({amt(total)}, 每次事故限额 {amt(per_accident)})，各索赔人按比例缩减",
            amt(per_accident),
        )
        sheet.warn("索赔合计按每次事故限额封顶，各索赔人按比例分摊")
        total = exact(per_accident)
    if deductible:
        sheet.step(
            "扣除每次事故免赔额",
            f"max({amt(total)} − {amt(deductible)}, 0)",
            amt(max(Fraction(0), total - deductible)),
        )
        total = max(Fraction(0), total - deductible)
    if aggregate is not None and total > aggregate:
        sheet.step("按剩余累计限额封顶", f"min({amt(total)}, 剩余累计限额 {amt(aggregate)})", amt(aggregate))
        sheet.warn("赔款按剩余累计赔偿限额封顶")
        total = exact(aggregate)
    payable = round_half_up(total)
    shares = allocate(payable, capped)
    for name, share in zip(names, shares, strict=True):
        sheet.step(f"{name} 分摊", f"{amt(payable)} 按各索赔人封顶后金额比例", format_yuan(share))
    sheet.step("赔款合计", " + ".join(format_yuan(s) for s in shares), format_yuan(payable))
    return sheet.finish(payable, {"liability": payable}, dict(zip(names, shares, strict=True)))
