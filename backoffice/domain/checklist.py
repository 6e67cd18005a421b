"""Document checklists: templates by line and cause, conditional items, completeness (DOMAIN.md §5)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from backoffice.domain.errors import ValidationError

CONDITIONS: dict[str, str] = {
    "injury": "有人员伤亡",
    "rescue_claimed": "申请施救费用",
    "company": "被保险人为单位",
    "social_insured": "参加社会医疗保险",
    "disability_claimed": "申请伤残赔偿",
    "lost_income_claimed": "申请误工损失",
}


@dataclass(frozen=True)
class ItemTemplate:
    code: str
    title: str
    mandatory: bool = True
    condition: str | None = None
    original_required: bool = False
    note: str = ""


@dataclass(frozen=True)
class ChecklistTemplates:
    """{"all": [...], "lines": {line: {"items": [...], "causes": {cause: [...]}}}} as parsed objects."""

    common: tuple[ItemTemplate, ...]
    by_line: Mapping[str, tuple[ItemTemplate, ...]]
    by_cause: Mapping[tuple[str, str], tuple[ItemTemplate, ...]]

    def causes(self, line: str) -> list[str]:
        return sorted(cause for (item_line, cause) in self.by_cause if item_line == line)

    def items_for(self, line: str, cause: str | None, conditions: Iterable[str] = ()) -> list[ItemTemplate]:
        """Common items, then the line's, then the cause's; conditional items only when met."""
        met = set(conditions)
        chosen: dict[str, ItemTemplate] = {}
        groups = [self.common, self.by_line.get(line, ()), self.by_cause.get((line, cause or ""), ())]
        for group in groups:
            for item in group:
                if item.condition is None or item.condition in met:
                    chosen.setdefault(item.code, item)
        return list(chosen.values())


def _item(raw: Mapping[str, Any], where: str) -> ItemTemplate:
    try:
        code, title = str(raw["code"]), str(raw["title"])
    except KeyError as exc:
        raise ValidationError(
            "checklist", "单证清单模板 {where} 缺少字段 {field}。", where=where, field=str(exc)
        ) from None
    condition = raw.get("condition")
    if condition is not None and condition not in CONDITIONS:
        raise ValidationError("checklist", "单证清单模板 {where} 的条件“{c}”未知。", where=where, c=condition)
    return ItemTemplate(
        code=code,
        title=title,
        mandatory=bool(raw.get("mandatory", True)),
        condition=condition,
        original_required=bool(raw.get("original_required", False)),
        note=str(raw.get("note", "")),
    )


def parse_templates(data: Mapping[str, Any]) -> ChecklistTemplates:
    common = tuple(_item(r, "all") for r in data.get("all", []))
    by_line: dict[str, tuple[ItemTemplate, ...]] = {}
    by_cause: dict[tuple[str, str], tuple[ItemTemplate, ...]] = {}
    for line, spec in data.get("lines", {}).items():
        by_line[line] = tuple(_item(r, line) for r in spec.get("items", []))
        for cause, items in spec.get("causes", {}).items():
            by_cause[(line, cause)] = tuple(_item(r, f"{line}/{cause}") for r in items)
    return ChecklistTemplates(common, by_line, by_cause)


@dataclass(frozen=True)
class ItemState:
    code: str
    title: str
    mandatory: bool
    received: bool


def missing_mandatory(items: Iterable[ItemState]) -> list[ItemState]:
    return [i for i in items if i.mandatory and not i.received]


def is_complete(items: Iterable[ItemState]) -> bool:
    return not missing_mandatory(items)


CAUSE_LABELS: dict[str, str] = {
    "collision": "碰撞",
    "theft": "盗抢",
    "natural_disaster": "自然灾害",
    "fire": "火灾",
    "glass": "玻璃单独破碎",
    "weather": "暴雨、台风等气象灾害",
    "water": "水渍、管道破裂",
    "accident": "意外伤害",
    "illness": "疾病",
    "third_party_injury": "第三者人身伤害",
    "property_damage": "第三者财产损失",
    "product": "产品责任",
    "other": "其他",
}
