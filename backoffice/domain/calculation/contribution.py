"""Duplicate insurance (重复保险分摊): several policies on the same risk share one loss.

- proportional (比例责任, 保险法 art. 56 default): total = min(loss, ΣSI); insurer i pays total × SIᵢ ÷ ΣSI.
- limit (独立责任限额): Lᵢ = min(loss, SIᵢ); total = min(loss, ΣL); insurer i pays total × Lᵢ ÷ ΣL.
- order (顺序责任): in policy order (the list order), each pays what is left, up to its SI.
Shares are allocated by largest remainder so that they add up exactly to the rounded total.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import Any

from backoffice.domain.calculation.fields import Fields, unique_names
from backoffice.domain.calculation.steps import CalculationResult, Sheet, amt
from backoffice.domain.errors import ValidationError
from backoffice.domain.money import allocate, exact, format_yuan, round_half_up

METHOD = "contribution"
FIELDS = frozenset({"method", "loss", "insurers", "rule"})
INSURER_FIELDS = frozenset({"name", "sum_insured"})
RULES = ("proportional", "limit", "order")
RULE_LABELS = {"proportional": "比例责任", "limit": "独立责任限额", "order": "顺序责任"}


def calculate(data: Mapping[str, Any]) -> CalculationResult:
    f = Fields(data, FIELDS)
    loss = exact(f.amount("loss"))
    rule = f.choice("rule", RULES, "proportional")
    items = f.objects("insurers", INSURER_FIELDS)
    names = [item.text("name") for item in items]
    unique_names(zip(items, names, strict=True))
    sums = [exact(item.amount("sum_insured")) for item in items]
    total_si = sum(sums, Fraction(0))
    if total_si == 0:
        raise ValidationError(f.name("insurers"), "字段 {field}：各保险人的保险金额不能都为 0")

    sheet = Sheet(METHOD)
    sheet.step("分摊方式", RULE_LABELS[rule], rule)
    sheet.step("保险金额合计", " + ".join(amt(s) for s in sums), amt(total_si))
    if rule == "order":
        weights = _order(sheet, loss, names, sums)
        total = sum(weights, Fraction(0))
    else:
        if rule == "limit":
            weights = [min(loss, s) for s in sums]
            limits_total = sum(weights, Fraction(0))
            for name, s, w in zip(names, sums, weights, strict=True):
                sheet.step(f"{name} 独立责任限额", f"min(损失 {amt(loss)}, 保险金额 {amt(s)})", amt(w))
            sheet.step("独立责任限额合计", " + ".join(amt(w) for w in weights), amt(limits_total))
            basis, basis_label = limits_total, "独立责任限额合计"
        else:
            weights, basis, basis_label = sums, total_si, "保险金额合计"
        total = min(loss, basis)
        sheet.step("应分摊赔款", f"min(损失 {amt(loss)}, {basis_label} {amt(basis)})", amt(total))
    if loss > total:
        sheet.warn("损失超过各保险人可承担的合计，超出部分不赔")

    payable = round_half_up(total)
    shares = allocate(payable, weights)
    weight_total = sum(weights, Fraction(0))
    for name, weight, share in zip(names, weights, shares, strict=True):
        if rule == "order":
            formula = f"顺序承担 {amt(weight)}"
        else:
            formula = f"{amt(payable)} × {amt(weight)} ÷ {amt(weight_total)}"
        sheet.step(f"{name} 分摊", formula, format_yuan(share))
    sheet.step("赔款合计", " + ".join(amt(s) for s in shares), format_yuan(payable))
    return sheet.finish(payable, {"loss": payable}, dict(zip(names, shares, strict=True)))


def _order(sheet: Sheet, loss: Fraction, names: list[str], sums: list[Fraction]) -> list[Fraction]:
    left = loss
    paid = []
    for name, s in zip(names, sums, strict=True):
        share = min(left, s)
        sheet.step(f"{name} 顺序承担", f"min(未赔部分 {amt(left)}, 保险金额 {amt(s)})", amt(share))
        paid.append(share)
        left -= share
    return paid
