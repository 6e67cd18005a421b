"""Compulsory traffic liability insurance (交强险): sharing victims' losses among the vehicles' sub-limits.

Per category (death/disability, medical, property) each vehicle has a sub-limit: liable or not liable,
by regime (2020 reform or 2008), doubled for a tractor with trailer (units 2). Each victim's loss in a
category is shared by every *other* vehicle (all vehicles for a victim that is not one of them) in
proportion to those vehicles' sub-limits — not to the liability ratio. When a vehicle's shares over all
victims exceed its sub-limit they are scaled down to it, and each victim's unpaid rest is shared again
among that victim's vehicles that still have limit left, until nothing more can be paid.
无责代赔 (``no_fault_proxy``), property only: the liable victim vehicle's own insurer pays, within its own
non-liable property sub-limit, what a non-liable vehicle's insurer owes that victim vehicle.
Shares are keyed ``"PAYER->VICTIM/category"`` (a proxy payment is keyed with the paying vehicle); each
vehicle's total is a part. The table of shares is rounded so that rows and columns stay consistent.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any

from backoffice.domain.calculation.fields import Fields
from backoffice.domain.calculation.rounding import round_table
from backoffice.domain.calculation.steps import CalculationResult, Sheet, amt, rate
from backoffice.domain.errors import ValidationError
from backoffice.domain.money import exact, format_yuan

METHOD = "ctpl"
FIELDS = frozenset({"method", "regime", "vehicles", "losses", "no_fault_proxy"})
VEHICLE_FIELDS = frozenset({"id", "liable", "units"})
LOSS_FIELDS = frozenset({"victim", "category", "amount"})
REGIMES = ("2020", "2008")
CATEGORIES = ("death_disability", "medical", "property")
CATEGORY_LABELS = {"death_disability": "死亡伤残", "medical": "医疗费用", "property": "财产损失"}
# Sub-limits in yuan: regime → liable → category.
LIMITS: dict[str, dict[bool, dict[str, int]]] = {
    "2020": {
        True: {"death_disability": 180_000, "medical": 18_000, "property": 2_000},
        False: {"death_disability": 18_000, "medical": 1_800, "property": 100},
    },
    "2008": {
        True: {"death_disability": 110_000, "medical": 10_000, "property": 2_000},
        False: {"death_disability": 11_000, "medical": 1_000, "property": 100},
    },
}
_RESERVED = ("->", "/")


@dataclass(frozen=True)
class Vehicle:
    id: str
    liable: bool
    units: int


def calculate(data: Mapping[str, Any]) -> CalculationResult:
    f = Fields(data, FIELDS)
    regime = f.choice("regime", REGIMES)
    vehicles = _vehicles(f)
    claims = _claims(f)
    proxy = f.boolean("no_fault_proxy", False)
    by_id = {v.id: v for v in vehicles}
    sheet = Sheet(METHOD)
    for v in vehicles:
        limit_text = " / ".join(f"{CATEGORY_LABELS[c]} {amt(limit_of(regime, v, c))}" for c in CATEGORIES)
        note = "，牵引车与挂车，限额加倍" if v.units == 2 else ""
        sheet.step(
            f"{v.id} 适用分项限额", f"{'有责' if v.liable else '无责'}（{regime} 年标准）{note}", limit_text
        )

    # ((payer, limit bucket, category), "victim/category") → amount: a row is one sub-limit of one payer.
    table: dict[tuple[tuple[str, str, str], str], Fraction] = {}
    for category in CATEGORIES:
        losses = {victim: amount for (victim, cat), amount in claims.items() if cat == category}
        if not losses:
            continue
        payers_of = {victim: [v.id for v in vehicles if v.id != victim] for victim in losses}
        limits = {v.id: exact(limit_of(regime, v, category)) for v in vehicles}
        paid = _share(sheet, category, losses, payers_of, limits)
        if proxy and category == "property":
            _proxy(sheet, regime, by_id, paid)
        for (payer, bucket, victim), value in paid.items():
            table[((payer, bucket, category), f"{victim}/{category}")] = value

    rounded = round_table(table)
    shares: dict[str, Decimal] = {}
    parts: dict[str, Decimal] = {v.id: Decimal("0.00") for v in vehicles}
    for (row, column), share in rounded.items():
        payer, bucket, _ = row
        if share == 0:
            continue
        victim, category = column.rsplit("/", 1)
        label = "（无责代赔）" if bucket == "proxy" else ""
        sheet.step(
            f"{payer} → {victim} {CATEGORY_LABELS[category]}{label}",
            amt(table[(row, column)]),
            format_yuan(share),
        )
        shares[f"{payer}->{column}"] = shares.get(f"{payer}->{column}", Decimal(0)) + share
        parts[payer] += share
    payable = sum(parts.values(), Decimal("0.00"))
    for v in vehicles:
        sheet.step(f"{v.id} 交强险赔款合计", "各项分摊之和", format_yuan(parts[v.id]))
    sheet.step("赔款合计", " + ".join(format_yuan(p) for p in parts.values()), format_yuan(payable))
    return sheet.finish(payable, parts, shares)


def limit_of(regime: str, vehicle: Vehicle, category: str) -> int:
    return LIMITS[regime][vehicle.liable][category] * vehicle.units


def _vehicles(f: Fields) -> list[Vehicle]:
    vehicles = []
    seen: set[str] = set()
    for item in f.objects("vehicles", VEHICLE_FIELDS):
        vid = _identifier(item, "id")
        if vid in seen:
            raise ValidationError(item.name("id"), "字段 {field}：车辆编号重复")
        seen.add(vid)
        vehicles.append(Vehicle(vid, item.boolean("liable"), item.integer("units", 1, 2, default=1)))
    return vehicles


def _claims(f: Fields) -> dict[tuple[str, str], Fraction]:
    """Losses by (victim, category), in the order first given; repeated entries add up."""
    claims: dict[tuple[str, str], Fraction] = {}
    for item in f.objects("losses", LOSS_FIELDS):
        key = (_identifier(item, "victim"), item.choice("category", CATEGORIES))
        claims[key] = claims.get(key, Fraction(0)) + exact(item.amount("amount"))
    return claims


def _identifier(item: Fields, key: str) -> str:
    text = item.text(key)
    if any(mark in text for mark in _RESERVED):
        raise ValidationError(item.name(key), "字段 {field}：不能包含“->”或“/”")
    return text


def _share(
    sheet: Sheet,
    category: str,
    losses: dict[str, Fraction],
    payers_of: dict[str, list[str]],
    limits: dict[str, Fraction],
) -> dict[tuple[str, str, str], Fraction]:
    """Each victim's loss shared by its payers by sub-limit, scaled down and re-shared at the limits."""
    label = CATEGORY_LABELS[category]
    left = dict(limits)
    remaining = dict(losses)
    paid: dict[tuple[str, str, str], Fraction] = {}
    for victim, loss in losses.items():
        payers = payers_of[victim]
        if not payers:
            sheet.warn(f"{victim} 的{label}没有其他机动车承担交强险赔偿")
            continue
        weight = sum((limits[p] for p in payers), Fraction(0))
        sheet.step(
            f"{victim} {label}分摊",
            f"损失 {amt(loss)} 由 {'、'.join(payers)} 按分项限额比例分摊（限额合计 {amt(weight)}）",
            amt(loss),
        )
    while True:
        tentative: dict[tuple[str, str], Fraction] = {}
        for victim, rest in remaining.items():
            active = [p for p in payers_of[victim] if left[p] > 0]
            if rest == 0 or not active:
                continue
            weight = sum((limits[p] for p in active), Fraction(0))
            for p in active:
                tentative[(p, victim)] = rest * limits[p] / weight
        if not tentative:
            break
        totals: dict[str, Fraction] = {}
        for (p, _), value in tentative.items():
            totals[p] = totals.get(p, Fraction(0)) + value
        factors = {p: min(Fraction(1), left[p] / total) for p, total in totals.items()}
        for p, factor in factors.items():
            if factor < 1:
                sheet.step(
                    f"{p} {label}限额封顶",
                    f"应赔合计 {amt(totals[p])} > 剩余限额 {amt(left[p])}，按 {rate(factor)} 缩减，"
                    "未赔部分由尚有限额的车辆再分摊",
                    amt(left[p]),
                )
        for (p, victim), value in tentative.items():
            pay = value * factors[p]
            paid[(p, "own", victim)] = paid.get((p, "own", victim), Fraction(0)) + pay
            remaining[victim] -= pay
        for p, total in totals.items():
            left[p] -= total * factors[p]
        if all(factor == 1 for factor in factors.values()):
            break
    for victim, rest in remaining.items():
        if rest > 0 and payers_of[victim]:
            sheet.warn(f"{victim} 的{label}有 {amt(rest)} 超出交强险分项限额，未获赔付")
    return paid


def _proxy(
    sheet: Sheet, regime: str, by_id: dict[str, Vehicle], paid: dict[tuple[str, str, str], Fraction]
) -> None:
    """无责代赔: a liable victim vehicle's insurer pays what non-liable vehicles owe it (property)."""
    room: dict[str, Fraction] = {}
    for (payer, _, victim), value in list(paid.items()):
        victim_vehicle = by_id.get(victim)
        if victim_vehicle is None or not victim_vehicle.liable or by_id[payer].liable or value == 0:
            continue
        if victim not in room:
            room[victim] = Fraction(LIMITS[regime][False]["property"] * victim_vehicle.units)
        moved = min(value, room[victim])
        if moved == 0:
            continue
        room[victim] -= moved
        paid[(payer, "own", victim)] = value - moved
        key = (victim, "proxy", victim)
        paid[key] = paid.get(key, Fraction(0)) + moved
        sheet.step(
            f"无责代赔：{victim} 代 {payer} 赔付",
            f"min({payer} 应赔 {amt(value)}, {victim} 无责财产限额余额 {amt(room[victim] + moved)})",
            amt(moved),
        )
        sheet.warn(f"无责代赔：{victim} 的保险人代 {payer} 的保险人赔付 {amt(moved)}")
