"""The calculation engine: one entry point dispatching on ``"method"``.

``calculate(data)`` takes one input object (as ``backoffice calc`` reads it: amounts as ints, decimal
strings or Decimals, never floats) and returns a ``CalculationResult``; invalid input raises
``ValidationError`` naming the field. ``ENGINE_VERSION`` is stored with every calculation line so that
an old result can be explained by the rules it was computed under; raise it whenever a formula changes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from backoffice.domain.calculation import (
    benefit,
    coinsurance,
    contribution,
    ctpl,
    liability,
    medical,
    motor,
)
from backoffice.domain.calculation import property as property_method
from backoffice.domain.calculation.steps import CalculationResult, to_json_dict
from backoffice.domain.errors import ValidationError

ENGINE_VERSION = "1.0.0"

__all__ = ["ENGINE_VERSION", "METHODS", "METHOD_LABELS", "CalculationResult", "calculate", "to_json_dict"]

Method = Callable[[Mapping[str, Any]], CalculationResult]

METHODS: dict[str, Method] = {
    "property": property_method.calculate,
    "contribution": contribution.calculate,
    "coinsurance": coinsurance.calculate,
    "ctpl": ctpl.calculate,
    "motor_damage": motor.calculate_damage,
    "motor_third_party": motor.calculate_third_party,
    "medical": medical.calculate,
    "benefit": benefit.calculate,
    "liability": liability.calculate,
}

METHOD_LABELS = {
    "property": "财产保险",
    "contribution": "重复保险分摊",
    "coinsurance": "共保分摊",
    "ctpl": "交强险",
    "motor_damage": "机动车损失保险",
    "motor_third_party": "机动车第三者责任保险",
    "medical": "医疗费用",
    "benefit": "定额给付",
    "liability": "责任保险",
}


def calculate(data: Mapping[str, Any]) -> CalculationResult:
    """Validate ``data`` and compute it with the method it names."""
    if not isinstance(data, Mapping):
        raise ValidationError("input", "字段 {field}：每项输入应为 JSON 对象")
    method = data.get("method")
    if method is None:
        raise ValidationError(
            "method", "字段 {field}：缺少计算方法（可选：{options}）", options=" | ".join(METHODS)
        )
    if not isinstance(method, str) or method not in METHODS:
        raise ValidationError(
            "method", "字段 {field}：未知的计算方法（可选：{options}）", options=" | ".join(METHODS)
        )
    return METHODS[method](data)
