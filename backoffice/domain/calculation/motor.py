"""Commercial motor insurance: own damage (车损险) and third-party liability (三者险), by clause version.

Clause 2014 (DOMAIN.md §9): deductible rates (事故责任免赔率 and 绝对免赔率) are listed and added up;
own damage partial = (repair − salvage − CTPL received) × liability ratio × min(1, SI ÷ new-vehicle price)
× (1 − Σrates) − absolute deductible; total = (actual value − salvage − CTPL received) × min(1, SI ÷
actual value) — i.e. SI − salvage × SI ÷ actual value when under-insured — × liability ratio × (1 − Σrates)
− absolute deductible. Actual value = new-vehicle price at loss × (1 − min(months × monthly rate, 80 %)).
Clause 2020: liability deductible rates are abolished (refused; the optional 附加绝对免赔率特约条款 rate is
``absolute_deductible_rate``); the own-damage SI is the agreed actual value, so there is no
under-insurance ratio and a total loss pays from the SI. See docs/calculation.md for the reading.
Rescue costs are shared with uninsured cargo by value ÷ (value + cargo), then the same ratios, and are
capped at the SI separately. Third party = min((loss − CTPL paid) × liability ratio, limit) × (1 − rates).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any

from backoffice.domain.calculation.fields import Fields
from backoffice.domain.calculation.steps import CalculationResult, Sheet, amt, rate, rounding
from backoffice.domain.errors import ValidationError
from backoffice.domain.money import exact, format_yuan, round_half_up


@dataclass(frozen=True)
class MotorClause:
    code: str
    title: str
    liability_deductible_rates: bool  # deductible rates by liability (2014) or abolished (2020)
    agreed_value: bool  # own-damage SI is the agreed actual value (2020)


CLAUSES = {
    "2014": MotorClause("2014", "机动车综合商业保险示范条款（2014 版）", True, False),
    "2020": MotorClause("2020", "机动车商业保险示范条款（2020 版）", False, True),
}
# Defaults a form may pre-fill (DOMAIN.md §9): liability ratio and 2014 deductible rate by liability.
LIABILITY_RATIOS = {
    "full": Decimal("1"),
    "major": Decimal("0.7"),
    "equal": Decimal("0.5"),
    "minor": Decimal("0.3"),
    "none": Decimal("0"),
}
DEDUCTIBLE_RATES_2014 = {
    "full": Decimal("0.20"),
    "single_vehicle": Decimal("0.20"),
    "major": Decimal("0.15"),
    "equal": Decimal("0.10"),
    "minor": Decimal("0.05"),
    "no_third_party_found": Decimal("0.30"),
}
MAX_DEPRECIATION = Fraction(4, 5)
MAX_MONTHS = 1200

DAMAGE_FIELDS = frozenset(
    {
        "method",
        "clause",
        "sum_insured",
        "new_vehicle_price",
        "actual_value",
        "new_vehicle_price_at_loss",
        "months_used",
        "monthly_depreciation_rate",
        "repair_cost",
        "salvage",
        "liability_ratio",
        "deductible_rates",
        "absolute_deductible_rate",
        "absolute_deductible",
        "ctpl_received",
        "rescue_cost",
        "cargo_value",
        "total_loss",
    }
)
VALUE_FIELDS = (
    "new_vehicle_price",
    "actual_value",
    "new_vehicle_price_at_loss",
    "months_used",
    "monthly_depreciation_rate",
)
THIRD_PARTY_FIELDS = frozenset(
    {
        "method",
        "clause",
        "loss",
        "ctpl_paid",
        "liability_ratio",
        "limit",
        "deductible_rates",
        "absolute_deductible_rate",
    }
)


def calculate_damage(data: Mapping[str, Any]) -> CalculationResult:
    f = Fields(data, DAMAGE_FIELDS)
    clause = CLAUSES[f.choice("clause", CLAUSES)]
    si = exact(f.positive_amount("sum_insured"))
    total_flag = f.boolean("total_loss") if f.has("total_loss") else None
    repair = exact(f.amount("repair_cost", Decimal(0) if total_flag else None))
    salvage = exact(f.amount("salvage", Decimal(0)))
    ctpl = exact(f.amount("ctpl_received", Decimal(0)))
    rescue = exact(f.amount("rescue_cost", Decimal(0)))
    cargo = exact(f.amount("cargo_value", Decimal(0)))
    absolute = exact(f.amount("absolute_deductible", Decimal(0)))
    sheet = Sheet("motor_damage")
    sheet.step("条款版本", clause.title, clause.code)
    ratio = exact(f.ratio("liability_ratio", Decimal(1)))
    keep = _deductible_rates(f, sheet, clause)

    if clause.agreed_value:
        ignored = [key for key in VALUE_FIELDS if f.has(key)]
        if ignored:
            sheet.warn(f"2020 版条款以保险金额（约定的实际价值）为准，未使用：{'、'.join(ignored)}")
        value: Fraction | None = si
        sheet.step("实际价值", "2020 版条款：保险金额即约定的实际价值", amt(si))
    else:
        value = _actual_value(f, sheet)
    price = None
    if not clause.agreed_value and f.has("new_vehicle_price"):
        price = exact(f.positive_amount("new_vehicle_price"))

    if total_flag is None:
        if value is None:
            raise ValidationError(
                f.name("actual_value"),
                "字段 {field}：缺少实际价值（或 new_vehicle_price_at_loss、months_used、"
                "monthly_depreciation_rate），无法判断是否全损；也可用 total_loss 说明",
            )
        total_flag = repair >= value
        sign = "≥" if total_flag else "<"
        sheet.step("全损判断", f"修复费用 {amt(repair)} {sign} 实际价值 {amt(value)}", _kind(total_flag))
    else:
        sheet.step("全损判断", "按输入 total_loss", _kind(total_flag))

    if total_flag:
        if value is None:
            raise ValidationError(f.name("actual_value"), "字段 {field}：全损时需要实际价值")
        damage, cover = _total(f, sheet, clause, si, value, salvage, ctpl)
    else:
        damage, cover = _partial(f, sheet, clause, si, price, repair, salvage, ctpl)
    base = damage
    damage = base * ratio * keep
    sheet.step(
        "按责任比例与免赔率计算",
        f"{amt(base)} × 责任比例 {rate(ratio)} × (1 − 免赔率 {rate(1 - keep)})",
        amt(damage),
    )
    if absolute:
        sheet.step(
            "扣除绝对免赔额",
            f"max({amt(damage)} − {amt(absolute)}, 0)",
            amt(max(Fraction(0), damage - absolute)),
        )
        damage = max(Fraction(0), damage - absolute)
    damage = _cap(sheet, damage, si, "车损赔款")
    damage_paid = round_half_up(damage)
    sheet.step("车损赔款", rounding(damage), format_yuan(damage_paid))

    rescue_part = Fraction(0)
    if rescue > 0:
        share = Fraction(1)
        if cargo > 0:
            if value is None:
                raise ValidationError(f.name("actual_value"), "字段 {field}：与货物分摊施救费用需要实际价值")
            share = value / (value + cargo)
            sheet.step(
                "施救费用分摊比例", f"实际价值 {amt(value)} ÷ (实际价值 + 货物价值 {amt(cargo)})", rate(share)
            )
        rescue_part = rescue * share * ratio * cover * keep
        sheet.step(
            "施救费用",
            f"{amt(rescue)} × {rate(share)} × 责任比例 {rate(ratio)} × 保障比例 {rate(cover)}"
            f" × (1 − 免赔率 {rate(1 - keep)})",
            amt(rescue_part),
        )
        rescue_part = _cap(sheet, rescue_part, si, "施救费用")
    rescue_paid = round_half_up(rescue_part)
    payable = damage_paid + rescue_paid
    sheet.step("赔款合计", f"车损赔款 {amt(damage_paid)} + 施救费用 {amt(rescue_paid)}", format_yuan(payable))
    return sheet.finish(payable, {"damage": damage_paid, "rescue": rescue_paid})


def calculate_third_party(data: Mapping[str, Any]) -> CalculationResult:
    f = Fields(data, THIRD_PARTY_FIELDS)
    clause = CLAUSES[f.choice("clause", CLAUSES)]
    loss = exact(f.amount("loss"))
    ctpl = exact(f.amount("ctpl_paid", Decimal(0)))
    if ctpl > loss:
        raise ValidationError(f.name("ctpl_paid"), "字段 {field}：交强险赔付金额不能大于损失金额")
    limit = exact(f.amount("limit"))
    sheet = Sheet("motor_third_party")
    sheet.step("条款版本", clause.title, clause.code)
    ratio = exact(f.ratio("liability_ratio", Decimal(1)))
    keep = _deductible_rates(f, sheet, clause)
    liable = (loss - ctpl) * ratio
    sheet.step(
        "按责任比例计算", f"(损失 {amt(loss)} − 交强险赔付 {amt(ctpl)}) × 责任比例 {rate(ratio)}", amt(liable)
    )
    if liable >= limit:
        sheet.step("按责任限额封顶", f"min({amt(liable)}, 每次事故责任限额 {amt(limit)})", amt(limit))
        if liable > limit:
            sheet.warn("三者险赔款按每次事故责任限额封顶")
        liable = limit
    result = liable * keep
    paid = round_half_up(result)
    sheet.step("三者险赔款", f"{amt(liable)} × (1 − 免赔率 {rate(1 - keep)})", format_yuan(paid))
    return sheet.finish(paid, {"third_party": paid})


def _kind(total: bool) -> str:
    return "全部损失" if total else "部分损失"


def _deductible_rates(f: Fields, sheet: Sheet, clause: MotorClause) -> Fraction:
    """The factor kept after deductible rates: 1 − Σ rates (2014) or 1 − the agreed add-on rate (2020)."""
    rates = f.ratio_list("deductible_rates")
    if clause.liability_deductible_rates:
        f.refuse("absolute_deductible_rate", "字段 {field}：2014 版条款的各项免赔率请列入 deductible_rates")
        total = sum((exact(r) for r in rates), Fraction(0))
        if total > 1:
            raise ValidationError(f.name("deductible_rates"), "字段 {field}：免赔率之和不能超过 1")
        if rates:
            sheet.step("免赔率合计", " + ".join(rate(r) for r in rates), rate(total))
        return 1 - total
    if any(r != 0 for r in rates):
        raise ValidationError(
            f.name("deductible_rates"),
            "字段 {field}：2020 版条款已取消事故责任免赔率；如投保了附加绝对免赔率特约条款，"
            "请用 absolute_deductible_rate",
        )
    agreed = exact(f.ratio("absolute_deductible_rate", Decimal(0)))
    if agreed:
        sheet.step("绝对免赔率", "附加绝对免赔率特约条款约定", rate(agreed))
    return 1 - agreed


def _actual_value(f: Fields, sheet: Sheet) -> Fraction | None:
    """Actual value at the loss (2014): given, or new-vehicle price at loss less capped depreciation."""
    if f.has("actual_value"):
        for key in ("new_vehicle_price_at_loss", "months_used", "monthly_depreciation_rate"):
            f.refuse(key, "字段 {field}：已给出 actual_value，不能再给出折旧参数")
        value = exact(f.positive_amount("actual_value"))
        sheet.step("实际价值", "按输入", amt(value))
        return value
    if not f.has("new_vehicle_price_at_loss"):
        for key in ("months_used", "monthly_depreciation_rate"):
            f.refuse(key, "字段 {field}：缺少 new_vehicle_price_at_loss")
        return None
    price = exact(f.positive_amount("new_vehicle_price_at_loss"))
    months = f.integer("months_used", 0, MAX_MONTHS)
    monthly = exact(f.ratio("monthly_depreciation_rate"))
    depreciation = min(months * monthly, MAX_DEPRECIATION)
    sheet.step("折旧率", f"min(已使用 {months} 个月 × 月折旧率 {rate(monthly)}, 0.8)", rate(depreciation))
    if months * monthly > MAX_DEPRECIATION:
        sheet.warn("折旧率按 80% 封顶")
    value = price * (1 - depreciation)
    sheet.step("实际价值", f"出险时新车购置价 {amt(price)} × (1 − {rate(depreciation)})", amt(value))
    return value


def _partial(
    f: Fields,
    sheet: Sheet,
    clause: MotorClause,
    si: Fraction,
    price: Fraction | None,
    repair: Fraction,
    salvage: Fraction,
    ctpl: Fraction,
) -> tuple[Fraction, Fraction]:
    if salvage > repair:
        raise ValidationError(f.name("salvage"), "字段 {field}：残值不能大于修复费用")
    if ctpl > repair:
        raise ValidationError(f.name("ctpl_received"), "字段 {field}：已获交强险赔偿不能大于修复费用")
    net = max(Fraction(0), repair - salvage - ctpl)
    sheet.step(
        "核定损失", f"修复费用 {amt(repair)} − 残值 {amt(salvage)} − 已获交强险赔偿 {amt(ctpl)}", amt(net)
    )
    cover = Fraction(1)
    if not clause.agreed_value:
        if price is not None:
            cover = min(Fraction(1), si / price)
            sheet.step("保险保障比例", f"min(1, 保险金额 {amt(si)} ÷ 新车购置价 {amt(price)})", rate(cover))
            if cover < 1:
                sheet.warn(f"不足额投保：按保险保障比例 {rate(cover)} 赔偿")
        else:
            sheet.step("保险保障比例", "未提供新车购置价，按足额投保计", rate(cover))
    if cover != 1:
        sheet.step("按保障比例计算", f"{amt(net)} × {rate(cover)}", amt(net * cover))
    return net * cover, cover


def _total(
    f: Fields,
    sheet: Sheet,
    clause: MotorClause,
    si: Fraction,
    value: Fraction,
    salvage: Fraction,
    ctpl: Fraction,
) -> tuple[Fraction, Fraction]:
    if salvage > value:
        raise ValidationError(f.name("salvage"), "字段 {field}：残值不能大于实际价值")
    if ctpl > value:
        raise ValidationError(f.name("ctpl_received"), "字段 {field}：已获交强险赔偿不能大于实际价值")
    label = "保险金额" if clause.agreed_value else "实际价值"
    net = max(Fraction(0), value - salvage - ctpl)
    sheet.step(
        "全损核定损失", f"{label} {amt(value)} − 残值 {amt(salvage)} − 已获交强险赔偿 {amt(ctpl)}", amt(net)
    )
    cover = min(Fraction(1), si / value)
    if cover == 1:
        return net, cover
    # SI below the actual value: SI − salvage × SI ÷ actual value (DOMAIN.md §9), CTPL alongside salvage.
    base = net * cover
    sheet.step(
        "全损按比例计算（不足额）",
        f"{amt(net)} × 保险金额 {amt(si)} ÷ 实际价值 {amt(value)}",
        amt(base),
    )
    sheet.warn(f"不足额投保：按保险金额与实际价值的比例 {rate(cover)} 赔偿")
    return base, cover


def _cap(sheet: Sheet, amount: Fraction, si: Fraction, what: str) -> Fraction:
    if amount <= si:
        return amount
    sheet.step(f"{what}按保险金额封顶", f"min({amt(amount)}, 保险金额 {amt(si)})", amt(si))
    sheet.warn(f"{what}按保险金额封顶")
    return si
