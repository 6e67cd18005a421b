"""Reading and validating the input of a calculation.

A ``Fields`` wraps one JSON object (the input, or an object nested in it) and the set of keys it may
have; an unknown key is refused at once. Each accessor checks one value and raises ``ValidationError``
naming the field by its path (``insurers[1].sum_insured``), with a Chinese message that never repeats
the value itself (it might be personal data). ``None`` (JSON ``null``) counts as "not given".
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from decimal import Decimal
from typing import Any

from backoffice.domain.errors import ValidationError
from backoffice.domain.money import is_whole_fen, to_decimal

# Bounds that keep exact arithmetic cheap and catch typing slips: ten trillion yuan, 12 decimals.
MAX_AMOUNT = Decimal(10) ** 13
MAX_PLACES = 12
MAX_TEXT = 200


def _number(raw: object, field: str) -> Decimal:
    value = to_decimal(raw, field)
    if abs(value) > MAX_AMOUNT:
        raise ValidationError(field, "字段 {field}：数值过大")
    exponent = value.normalize().as_tuple().exponent
    if value != 0 and isinstance(exponent, int) and exponent < -MAX_PLACES:
        raise ValidationError(field, "字段 {field}：小数位数过多（最多 {places} 位）", places=MAX_PLACES)
    return value


class Fields:
    """One JSON object of the input, with the keys it may have."""

    def __init__(self, data: object, allowed: Collection[str], path: str = "") -> None:
        if not isinstance(data, Mapping):
            raise ValidationError(path or "input", "字段 {field}：应为 JSON 对象")
        for key in data:
            if not isinstance(key, str) or key not in allowed:
                raise ValidationError(
                    self._join(path, str(key)),
                    "字段 {field}：未知字段（可用：{options}）",
                    options=", ".join(sorted(allowed)),
                )
        self.data: Mapping[str, Any] = data
        self.path = path

    @staticmethod
    def _join(path: str, key: str) -> str:
        return f"{path}.{key}" if path else key

    def name(self, key: str) -> str:
        """The full path of ``key``, as error messages show it."""
        return self._join(self.path, key)

    def has(self, key: str) -> bool:
        return self.data.get(key) is not None

    def _raw(self, key: str) -> Any:
        return self.data.get(key)

    # -- numbers ---------------------------------------------------------------------------------

    def _number(self, key: str) -> Decimal:
        return _number(self._raw(key), self.name(key))

    def amount(self, key: str, default: Decimal | None = None) -> Decimal:
        """A non-negative amount in yuan with at most two decimals; required unless a default is given."""
        if not self.has(key):
            if default is None:
                raise ValidationError(self.name(key), "字段 {field}：缺少金额")
            return default
        value = self._number(key)
        if value < 0:
            raise ValidationError(self.name(key), "字段 {field}：金额不能为负数")
        if not is_whole_fen(value):
            raise ValidationError(self.name(key), "字段 {field}：金额最多两位小数（单位：元）")
        return value

    def optional_amount(self, key: str) -> Decimal | None:
        return self.amount(key) if self.has(key) else None

    def positive_amount(self, key: str) -> Decimal:
        value = self.amount(key)
        if value == 0:
            raise ValidationError(self.name(key), "字段 {field}：金额须大于 0")
        return value

    def ratio(self, key: str, default: Decimal | None = None) -> Decimal:
        """A ratio in [0, 1] written as a decimal (0.15 for 15 %); required unless a default is given."""
        if not self.has(key):
            if default is None:
                raise ValidationError(self.name(key), "字段 {field}：缺少比例")
            return default
        value = self._number(key)
        return self._check_ratio(value, self.name(key))

    @staticmethod
    def _check_ratio(value: Decimal, field: str) -> Decimal:
        if not Decimal(0) <= value <= Decimal(1):
            raise ValidationError(field, "字段 {field}：比例须在 0 到 1 之间（例如 0.15 表示 15%）")
        return value

    def optional_ratio(self, key: str) -> Decimal | None:
        return self.ratio(key) if self.has(key) else None

    def ratio_list(self, key: str) -> list[Decimal]:
        """A list of ratios (e.g. deductible rates); absent means empty."""
        if not self.has(key):
            return []
        raw = self._raw(key)
        if not isinstance(raw, list):
            raise ValidationError(self.name(key), "字段 {field}：应为比例的列表（例如 [0.15, 0.1]）")
        values = []
        for index, item in enumerate(raw):
            field = f"{self.name(key)}[{index}]"
            if item is None:
                raise ValidationError(field, "字段 {field}：缺少比例")
            values.append(self._check_ratio(_number(item, field), field))
        return values

    def integer(self, key: str, low: int, high: int, default: int | None = None) -> int:
        """A whole number in [low, high] (an integral decimal string is accepted too)."""
        if not self.has(key):
            if default is None:
                raise ValidationError(self.name(key), "字段 {field}：缺少数值")
            return default
        value = self._number(key)
        if value != value.to_integral_value() or not low <= value <= high:
            raise ValidationError(
                self.name(key), "字段 {field}：应为 {low} 到 {high} 之间的整数", low=low, high=high
            )
        return int(value)

    # -- other values ----------------------------------------------------------------------------

    def boolean(self, key: str, default: bool | None = None) -> bool:
        if not self.has(key):
            if default is None:
                raise ValidationError(self.name(key), "字段 {field}：缺少 true/false 值")
            return default
        value = self._raw(key)
        if not isinstance(value, bool):
            raise ValidationError(self.name(key), "字段 {field}：应为 true 或 false")
        return value

    def choice(self, key: str, choices: Iterable[str], default: str | None = None) -> str:
        """One of ``choices``; a JSON number is accepted for numeric codes such as ``2020``."""
        options = list(choices)
        if not self.has(key):
            if default is None:
                raise ValidationError(
                    self.name(key), "字段 {field}：缺少取值（可选：{options}）", options=" | ".join(options)
                )
            return default
        value = self._raw(key)
        text = str(value) if isinstance(value, int | Decimal) and not isinstance(value, bool) else value
        if not isinstance(text, str) or text not in options:
            raise ValidationError(
                self.name(key), "字段 {field}：无效的取值（可选：{options}）", options=" | ".join(options)
            )
        return text

    def text(self, key: str) -> str:
        """A non-empty name (insurer, vehicle, claimant, tier)."""
        value = self._raw(key)
        if value is None:
            raise ValidationError(self.name(key), "字段 {field}：缺少名称")
        if not isinstance(value, str) or not value.strip():
            raise ValidationError(self.name(key), "字段 {field}：应为非空文字")
        if len(value) > MAX_TEXT:
            raise ValidationError(self.name(key), "字段 {field}：文字过长")
        return value.strip()

    def objects(self, key: str, allowed: Collection[str]) -> list[Fields]:
        """A non-empty list of objects, each read with its own path (``key[0]``, ``key[1]`` …)."""
        raw = self._raw(key)
        if raw is None:
            raise ValidationError(self.name(key), "字段 {field}：缺少列表")
        if not isinstance(raw, list):
            raise ValidationError(self.name(key), "字段 {field}：应为对象的列表")
        if not raw:
            raise ValidationError(self.name(key), "字段 {field}：列表不能为空")
        return [Fields(item, allowed, f"{self.name(key)}[{i}]") for i, item in enumerate(raw)]

    def object(self, key: str, allowed: Collection[str]) -> Fields | None:
        if not self.has(key):
            return None
        return Fields(self._raw(key), allowed, self.name(key))

    def refuse(self, key: str, message: str, **params: Any) -> None:
        """Refuse ``key`` if it is given (e.g. a field that does not apply in this mode)."""
        if self.has(key):
            raise ValidationError(self.name(key), message, **params)


def unique_names(items: Iterable[tuple[Fields, str]], key: str = "name") -> None:
    """Refuse a repeated name in a list: names key the shares, so they must be distinct."""
    seen: set[str] = set()
    for fields, name in items:
        if name in seen:
            raise ValidationError(fields.name(key), "字段 {field}：名称重复")
        seen.add(name)
