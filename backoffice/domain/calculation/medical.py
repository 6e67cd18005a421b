"""Medical expenses (医疗费用): deductible, reimbursement ratio and limit, optionally by tiers.

Single: (expenses − social insurance paid − excluded items − deductible)⁺ × ratio, capped at the limit.
When social-insurance reimbursement counts toward the deductible (a product setting), the deductible
still to bear is max(deductible − social insurance paid, 0).
Tiers (e.g. within / outside the catalogue, special drugs): each tier's (amount − deductible)⁺ × ratio,
capped at the tier's limit; parts by tier name; an optional overall ``limit`` caps the sum.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any

from backoffice.domain.calculation.fields import Fields, unique_names
from backoffice.domain.calculation.steps import CalculationResult, Sheet, amt, rate, rounding
from backoffice.domain.errors import ValidationError
from backoffice.domain.money import allocate, exact, format_yuan, round_half_up

METHOD = "medical"
FIELDS = frozenset(
    {
        "method",
        "expenses",
        "social_insurance_paid",
        "excluded",
        "deductible",
        "ratio",
        "limit",
        "social_counts_toward_deductible",
        "tiers",
    }
)
TIER_MODE_FIELDS = frozenset({"method", "tiers", "limit"})
TIER_FIELDS = frozenset({"name", "amount", "deductible", "ratio", "limit"})


def calculate(data: Mapping[str, Any]) -> CalculationResult:
    f = Fields(data, FIELDS)
    if f.has("tiers"):
        for key in sorted(FIELDS - TIER_MODE_FIELDS):
            f.refuse(key, "字段 {field}：分档计算（tiers）时不能同时给出此字段")
        return _tiers(f)
    return _single(f)


def _single(f: Fields) -> CalculationResult:
    expenses = exact(f.amount("expenses"))
    social = exact(f.amount("social_insurance_paid", Decimal(0)))
    excluded = exact(f.amount("excluded", Decimal(0)))
    deductible = exact(f.amount("deductible", Decimal(0)))
    ratio = exact(f.ratio("ratio", Decimal(1)))
    limit = f.optional_amount("limit")
    counts = f.boolean("social_counts_toward_deductible", False)
    if social > expenses:
        raise ValidationError(f.name("social_insurance_paid"), "字段 {field}：社保已报销金额不能大于医疗费用")
    if social + excluded > expenses:
        raise ValidationError(f.name("excluded"), "字段 {field}：除外费用与社保已报销之和不能大于医疗费用")
    sheet = Sheet(METHOD)
    if counts:
        borne = max(Fraction(0), deductible - social)
        sheet.step("剩余免赔额", f"max(免赔额 {amt(deductible)} − 社保已报销 {amt(social)}, 0)", amt(borne))
    else:
        borne = deductible
    base = max(Fraction(0), expenses - social - excluded - borne)
    sheet.step(
        "可赔医疗费用",
        f"max(医疗费用 {amt(expenses)} − 社保已报销 {amt(social)} − 除外费用 {amt(excluded)}"
        f" − 免赔额 {amt(borne)}, 0)",
        amt(base),
    )
    result = base * ratio
    sheet.step("按给付比例计算", f"{amt(base)} × {rate(ratio)}", amt(result))
    if limit is not None and result > limit:
        sheet.step("按限额封顶", f"min({amt(result)}, 限额 {amt(limit)})", amt(limit))
        sheet.warn("医疗费用赔款按限额封顶")
        result = exact(limit)
    payable = round_half_up(result)
    sheet.step("医疗费用赔款", rounding(result), format_yuan(payable))
    return sheet.finish(payable, {"medical": payable})


def _tiers(f: Fields) -> CalculationResult:
    items = f.objects("tiers", TIER_FIELDS)
    names = [item.text("name") for item in items]
    unique_names(zip(items, names, strict=True))
    overall = f.optional_amount("limit")
    sheet = Sheet(METHOD)
    values: list[Fraction] = []
    for item, name in zip(items, names, strict=True):
        amount = exact(item.amount("amount"))
        deductible = exact(item.amount("deductible", Decimal(0)))
        ratio = exact(item.ratio("ratio", Decimal(1)))
        limit = item.optional_amount("limit")
        value = max(Fraction(0), amount - deductible) * ratio
        sheet.step(
            f"{name}", f"max(费用 {amt(amount)} − 免赔额 {amt(deductible)}, 0) × {rate(ratio)}", amt(value)
        )
        if limit is not None and value > limit:
            sheet.step(f"{name} 按限额封顶", f"min({amt(value)}, 限额 {amt(limit)})", amt(limit))
            sheet.warn(f"{name} 按分档限额封顶")
            value = exact(limit)
        values.append(value)
    total = sum(values, Fraction(0))
    if overall is not None and total > overall:
        sheet.step("按总限额封顶", f"min({amt(total)}, 总限额 {amt(overall)})", amt(overall))
        sheet.warn("医疗费用赔款按总限额封顶，各档按比例分摊")
        amounts = allocate(overall, values)
    else:
        amounts = [round_half_up(v) for v in values]
    payable = sum(amounts, Decimal("0.00"))
    sheet.step("医疗费用赔款合计", " + ".join(format_yuan(a) for a in amounts), format_yuan(payable))
    return sheet.finish(payable, dict(zip(names, amounts, strict=True)))
