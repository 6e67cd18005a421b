"""Fixed benefits (定额给付): sum insured × ratio, or by disability grade.

Disability grades 1–10 pay 100 %, 90 %, …, 10 % of the sum insured (人身保险伤残评定标准 JR/T 0083-2013).
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import Any

from backoffice.domain.calculation.fields import Fields
from backoffice.domain.calculation.steps import CalculationResult, Sheet, amt, rate
from backoffice.domain.errors import ValidationError
from backoffice.domain.money import exact, format_yuan, round_half_up

METHOD = "benefit"
FIELDS = frozenset({"method", "sum_insured", "ratio", "disability_grade"})
GRADES = range(1, 11)


def grade_ratio(grade: int) -> Fraction:
    """Grade 1 → 1, grade 2 → 0.9, …, grade 10 → 0.1."""
    if grade not in GRADES:
        raise ValueError("disability grade must be 1–10")
    return Fraction(11 - grade, 10)


def calculate(data: Mapping[str, Any]) -> CalculationResult:
    f = Fields(data, FIELDS)
    sum_insured = exact(f.amount("sum_insured"))
    sheet = Sheet(METHOD)
    if f.has("disability_grade"):
        f.refuse("ratio", "字段 {field}：给出伤残等级时不能再给出给付比例")
        grade = f.integer("disability_grade", GRADES.start, GRADES.stop - 1)
        ratio = grade_ratio(grade)
        sheet.step("伤残给付比例", f"{grade} 级伤残（JR/T 0083-2013）", rate(ratio))
    elif f.has("ratio"):
        ratio = exact(f.ratio("ratio"))
        sheet.step("给付比例", "按输入", rate(ratio))
    else:
        raise ValidationError(f.name("ratio"), "字段 {field}：缺少给付比例（ratio 或 disability_grade）")
    payable = round_half_up(sum_insured * ratio)
    sheet.step("给付金额", f"保险金额 {amt(sum_insured)} × {rate(ratio)}", format_yuan(payable))
    return sheet.finish(payable, {"benefit": payable})
