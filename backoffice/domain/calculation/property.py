"""Property insurance (财产保险): proportional (比例赔偿) or first loss (第一危险), deductible, rescue costs.

Proportional: ratio = min(1, sum insured ÷ insured value); recognised loss = min(loss, insured value)
− salvage; loss part = recognised loss × ratio, less the deductible, capped at the sum insured.
First loss: loss part = (loss − salvage) less the deductible, capped at the sum insured.
Rescue part (保险法 art. 57) = rescue costs × ratio, capped at the sum insured separately.
The deductible is an amount, or a rate of the recognised loss or of the sum insured; absolute
(subtract from the loss part, not below 0) or relative (nothing when the recognised loss does not
exceed it, else the loss part in full).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any

from backoffice.domain.calculation.fields import Fields
from backoffice.domain.calculation.steps import CalculationResult, Sheet, amt, rate, rounding
from backoffice.domain.errors import ValidationError
from backoffice.domain.money import exact, format_yuan, round_half_up

METHOD = "property"
FIELDS = frozenset(
    {"method", "sum_insured", "insured_value", "loss", "salvage", "rescue_cost", "basis", "deductible"}
)
DEDUCTIBLE_FIELDS = frozenset({"type", "amount", "rate", "base"})
BASES = ("proportional", "first_loss")
DEDUCTIBLE_TYPES = ("absolute", "relative")
DEDUCTIBLE_BASES = ("loss", "sum_insured")


def calculate(data: Mapping[str, Any]) -> CalculationResult:
    f = Fields(data, FIELDS)
    sum_insured = f.positive_amount("sum_insured")
    loss = f.amount("loss")
    salvage = f.amount("salvage", Decimal(0))
    rescue = f.amount("rescue_cost", Decimal(0))
    basis = f.choice("basis", BASES, "proportional")
    if salvage > loss:
        raise ValidationError(f.name("salvage"), "字段 {field}：残值不能大于损失金额")
    sheet = Sheet(METHOD)
    si = exact(sum_insured)

    if basis == "proportional":
        insured_value = f.optional_amount("insured_value")
        if insured_value is None:
            insured_value = sum_insured
            sheet.step("保险价值", "未提供保险价值，按保险金额计", amt(insured_value))
        elif insured_value == 0:
            raise ValidationError(f.name("insured_value"), "字段 {field}：保险价值须大于 0")
        value = exact(insured_value)
        ratio = min(Fraction(1), si / value)
        sheet.step("保险保障比例", f"min(1, 保险金额 {amt(si)} ÷ 保险价值 {amt(value)})", rate(ratio))
        if ratio < 1:
            sheet.warn(f"不足额投保：按保险保障比例 {rate(ratio)} 赔偿")
        elif si > value:
            sheet.warn("超额投保：保险金额超过保险价值的部分无效，以保险价值为限")
        if loss > insured_value:
            sheet.warn("损失金额超过保险价值，按保险价值计算")
        recognised = max(Fraction(0), min(exact(loss), value) - exact(salvage))
        sheet.step(
            "认定损失",
            f"min(损失 {amt(loss)}, 保险价值 {amt(value)}) − 残值 {amt(salvage)}",
            amt(recognised),
        )
        loss_part = recognised * ratio
        sheet.step("按比例计算的损失赔款", f"{amt(recognised)} × {rate(ratio)}", amt(loss_part))
    else:
        if f.optional_amount("insured_value") is not None:
            sheet.warn("第一危险赔偿方式不按保险价值比例计算，未使用 insured_value")
        ratio = Fraction(1)
        recognised = exact(loss) - exact(salvage)
        sheet.step("认定损失（第一危险）", f"损失 {amt(loss)} − 残值 {amt(salvage)}", amt(recognised))
        loss_part = recognised

    loss_part = _apply_deductible(f, sheet, loss_part, recognised, si)
    if loss_part > si:
        sheet.step("按保险金额封顶", f"min({amt(loss_part)}, 保险金额 {amt(si)})", amt(si))
        sheet.warn("损失赔款按保险金额封顶")
        loss_part = si
    loss_paid = round_half_up(loss_part)
    sheet.step("损失赔款", rounding(loss_part), format_yuan(loss_paid))

    rescue_part = exact(rescue) * ratio
    if rescue > 0:
        sheet.step("施救费用", f"施救费用 {amt(rescue)} × {rate(ratio)}", amt(rescue_part))
        if rescue_part > si:
            sheet.step("施救费用按保险金额封顶", f"min({amt(rescue_part)}, 保险金额 {amt(si)})", amt(si))
            sheet.warn("施救费用按保险金额单独封顶（保险法第五十七条）")
            rescue_part = si
    rescue_paid = round_half_up(rescue_part)
    payable = loss_paid + rescue_paid
    sheet.step("赔款合计", f"损失赔款 {amt(loss_paid)} + 施救费用 {amt(rescue_paid)}", format_yuan(payable))
    return sheet.finish(payable, {"loss": loss_paid, "rescue": rescue_paid})


def _apply_deductible(
    f: Fields, sheet: Sheet, amount: Fraction, recognised: Fraction, si: Fraction
) -> Fraction:
    d = f.object("deductible", DEDUCTIBLE_FIELDS)
    if d is None:
        return amount
    kind = d.choice("type", DEDUCTIBLE_TYPES)
    if d.has("amount"):
        d.refuse("rate", "字段 {field}：免赔只能给出 amount 或 rate 之一")
        d.refuse("base", "字段 {field}：按金额给出免赔时不使用 base")
        deductible = exact(d.amount("amount"))
        sheet.step("免赔额", "约定免赔额", amt(deductible))
    elif d.has("rate"):
        deductible_rate = d.ratio("rate")
        base = d.choice("base", DEDUCTIBLE_BASES, "loss")
        if base == "loss":
            deductible = exact(deductible_rate) * recognised
            formula = f"免赔率 {rate(deductible_rate)} × 认定损失 {amt(recognised)}"
        else:
            deductible = exact(deductible_rate) * si
            formula = f"免赔率 {rate(deductible_rate)} × 保险金额 {amt(si)}"
        sheet.step("免赔额", formula, amt(deductible))
    else:
        raise ValidationError(d.name("amount"), "字段 {field}：缺少免赔金额（或给出 rate 与 base）")
    if kind == "absolute":
        result = max(Fraction(0), amount - deductible)
        sheet.step("扣除绝对免赔额", f"max({amt(amount)} − {amt(deductible)}, 0)", amt(result))
        return result
    if recognised <= deductible:
        sheet.step("相对免赔额", f"认定损失 {amt(recognised)} ≤ 免赔额 {amt(deductible)}，不赔", amt(0))
        sheet.warn("损失未超过相对免赔额，不予赔偿")
        return Fraction(0)
    sheet.step("相对免赔额", f"认定损失 {amt(recognised)} > 免赔额 {amt(deductible)}，全额赔偿", amt(amount))
    return amount
