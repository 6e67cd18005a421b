"""The input of a calculation (the JSON object of ``backoffice calc``) as labelled rows for the sheet.

``input_rows`` flattens one input object: nested objects and lists become rows such as
``保险人 2 · 保险金额``; known field names and choice values get their Chinese labels and anything unknown
is shown as it is, so a new field still prints. The ``method`` itself is shown elsewhere on the sheet.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Final


@dataclass(frozen=True)
class InputRow:
    """One row of the inputs table: what it is and the value used."""

    label: str
    value: str


FIELD_LABELS: Final[Mapping[str, str]] = {
    "sum_insured": "保险金额",
    "insured_value": "保险价值",
    "loss": "损失金额",
    "salvage": "残值",
    "rescue_cost": "施救费用",
    "basis": "赔偿方式",
    "deductible": "免赔额",
    "type": "方式",
    "amount": "金额",
    "rate": "比率",
    "base": "计算基数",
    "insurers": "保险人",
    "name": "名称",
    "share": "承保份额",
    "rule": "分摊方式",
    "regime": "责任限额标准",
    "vehicles": "车辆",
    "id": "车辆标识",
    "liable": "是否有责",
    "units": "限额倍数",
    "losses": "损失",
    "victim": "受害方",
    "category": "损失类别",
    "no_fault_proxy": "无责代赔",
    "clause": "条款版本",
    "new_vehicle_price": "新车购置价",
    "actual_value": "实际价值",
    "new_vehicle_price_at_loss": "出险时新车购置价",
    "months_used": "已使用月数",
    "monthly_depreciation_rate": "月折旧率",
    "repair_cost": "修理费用",
    "liability_ratio": "事故责任比例",
    "deductible_rates": "免赔率",
    "absolute_deductible_rate": "绝对免赔率",
    "absolute_deductible": "绝对免赔额",
    "ctpl_received": "交强险已赔付",
    "ctpl_paid": "交强险已赔付",
    "cargo_value": "货物价值",
    "total_loss": "按全损计算",
    "limit": "责任限额",
    "expenses": "医疗费用",
    "social_insurance_paid": "社会医疗保险已支付",
    "excluded": "除外费用",
    "ratio": "赔付比例",
    "social_counts_toward_deductible": "社保支付计入免赔额",
    "tiers": "费用分项",
    "disability_grade": "伤残等级",
    "claimants": "索赔人",
    "per_person_limit": "每人责任限额",
    "per_accident_limit": "每次事故责任限额",
    "aggregate_remaining": "剩余累计责任限额",
}
#: Labels of a group (an object or a list of objects) when it differs from the field's own label.
GROUP_LABELS: Final[Mapping[str, str]] = {"deductible": "免赔"}
VALUE_LABELS: Final[Mapping[str, Mapping[str, str]]] = {
    "basis": {"proportional": "比例赔偿", "first_loss": "第一危险赔偿"},
    "type": {"absolute": "绝对免赔", "relative": "相对免赔"},
    "base": {"loss": "损失金额", "sum_insured": "保险金额"},
    "rule": {"proportional": "比例责任", "limit": "独立责任限额", "order": "顺序责任"},
    "category": {"death_disability": "死亡伤残", "medical": "医疗费用", "property": "财产损失"},
    "clause": {"2014": "2014 版示范条款", "2020": "2020 版示范条款"},
    "regime": {"2020": "2020 年改革后限额", "2008": "2008 年限额"},
}
SKIPPED: Final = frozenset({"method"})


def _scalar(key: str, value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, Decimal):
        return f"{value:f}"
    text = str(value)
    return VALUE_LABELS.get(key, {}).get(text, text)


def _rows(prefix: str, key: str, value: object) -> list[InputRow]:
    label = FIELD_LABELS.get(key, key)
    full = f"{prefix} · {label}" if prefix else label
    if isinstance(value, Mapping):
        group = f"{prefix} · {GROUP_LABELS.get(key, label)}" if prefix else GROUP_LABELS.get(key, label)
        rows: list[InputRow] = []
        for child_key, child in value.items():
            rows.extend(_rows(group, str(child_key), child))
        return rows
    if isinstance(value, list | tuple):
        if all(not isinstance(item, Mapping) for item in value):
            return [InputRow(full, "、".join(_scalar(key, item) for item in value) or "—")]
        rows = []
        for number, item in enumerate(value, start=1):
            if isinstance(item, Mapping):
                for child_key, child in item.items():
                    rows.extend(_rows(f"{full} {number}", str(child_key), child))
            else:
                rows.append(InputRow(f"{full} {number}", _scalar(key, item)))
        return rows
    return [InputRow(full, _scalar(key, value))]


def input_rows(data: Mapping[str, Any]) -> tuple[InputRow, ...]:
    """Labelled rows for every field of one calculation input, in the input's order."""
    rows: list[InputRow] = []
    for key, value in data.items():
        if key in SKIPPED:
            continue
        rows.extend(_rows("", str(key), value))
    return tuple(rows)
