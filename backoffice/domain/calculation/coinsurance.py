"""Co-insurance (共保): each insurer pays its agreed share of the loss.

payable = loss × Σ shares; the shares of the payable are allocated by largest remainder. The shares
must not add up to more than 1; when they add up to less, the rest of the loss is nobody's here
(a warning says so).
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import Any

from backoffice.domain.calculation.fields import Fields, unique_names
from backoffice.domain.calculation.steps import CalculationResult, Sheet, amt, rate
from backoffice.domain.errors import ValidationError
from backoffice.domain.money import allocate, exact, format_yuan, round_half_up

METHOD = "coinsurance"
FIELDS = frozenset({"method", "loss", "insurers"})
INSURER_FIELDS = frozenset({"name", "share"})


def calculate(data: Mapping[str, Any]) -> CalculationResult:
    f = Fields(data, FIELDS)
    loss = exact(f.amount("loss"))
    items = f.objects("insurers", INSURER_FIELDS)
    names = [item.text("name") for item in items]
    unique_names(zip(items, names, strict=True))
    ratios = [exact(item.ratio("share")) for item in items]
    total_share = sum(ratios, Fraction(0))
    if total_share > 1:
        raise ValidationError(f.name("insurers"), "字段 {field}：共保份额之和不能超过 1")

    sheet = Sheet(METHOD)
    sheet.step("共保份额合计", " + ".join(rate(r) for r in ratios), rate(total_share))
    if total_share < 1:
        sheet.warn(f"共保份额合计 {rate(total_share)} 不足 1，其余部分不在本次分摊之内")
    total = loss * total_share
    payable = round_half_up(total)
    sheet.step("应付赔款", f"损失 {amt(loss)} × {rate(total_share)}", format_yuan(payable))
    shares = allocate(payable, ratios)
    for name, ratio, share in zip(names, ratios, shares, strict=True):
        sheet.step(f"{name} 份额", f"损失 {amt(loss)} × {rate(ratio)}", format_yuan(share))
    return sheet.finish(payable, {"loss": payable}, dict(zip(names, shares, strict=True)))
