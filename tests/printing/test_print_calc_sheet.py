"""The calculation sheet (赔款计算书) and the labelled inputs it prints."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest
from PIL import Image
from print_samples import (
    CONTRIBUTION_INPUT,
    METHOD_INPUTS,
    PROPERTY_INPUT,
    every_method_sheet,
    line_for,
    non_embedded_fonts,
    page_count,
    pdf_text,
    render_png,
    sheet,
    stray_ink,
)

from backoffice.domain.calculation import ENGINE_VERSION, Step, calculate
from backoffice.domain.money_words import amount_in_words
from backoffice.printing import CalculationLine, InputRow, calculation_sheet_pdf, input_rows
from backoffice.printing.calc_sheet import _ordinal, _share_label
from backoffice.printing.fonts import missing_glyphs


def flat(text: str) -> str:
    return re.sub(r"\s", "", text)


def test_sheet_prints_the_case_every_step_and_the_total_in_words():
    data = sheet()
    pdf = calculation_sheet_pdf(data)
    text = flat(pdf_text(pdf))
    for item in (
        "赔款计算书",
        data.case_number,
        data.insured_name,
        data.policy_number,
        data.line_of_business,
        data.product,
        "2026年2月20日",
        "第1版",
        "一、财产基本险",
        "二、重复保险分摊",
        "计算方法",
        "财产保险",  # the engine's label for "property"
        ENGINE_VERSION,
        "2026年3月5日10:00",
        "理算人",
        data.prepared_by,
        "复核人",
        "2026年3月5日",
    ):
        assert flat(item) in text, item
    for line in data.lines:
        for row in line.inputs:
            assert flat(row.label) in text, row.label
            assert flat(row.value) in text, row.value
        for step in line.steps:
            assert flat(step.label) in text, step.label
            assert flat(step.formula) in text, step.formula
            assert flat(step.value) in text, step.value
        for warning in line.warnings:
            assert flat(f"提示：{warning}") in text, warning
    assert data.total == Decimal("36645.67")
    assert "￥36,645.67" in text
    assert amount_in_words(data.total) in text
    assert "人民币叁万陆仟陆佰肆拾伍元陆角柒分" in text
    assert 1 <= page_count(pdf) <= 3
    assert non_embedded_fonts(pdf) == []


def test_sheet_is_byte_identical_when_built_twice():
    assert calculation_sheet_pdf(sheet()) == calculation_sheet_pdf(sheet())


def test_every_method_family_prints_every_step():
    data = every_method_sheet()
    pdf = calculation_sheet_pdf(data)
    text = flat(pdf_text(pdf))
    pages = page_count(pdf)
    assert len(data.lines) // 2 <= pages <= 2 * len(data.lines)
    for number, line in enumerate(data.lines, start=1):
        assert flat(f"{_ordinal(number)}、{line.coverage}") in text
        for step in line.steps:
            assert flat(step.label) in text, (line.coverage, step.label)
            assert flat(step.formula) in text, (line.coverage, step.formula)
        every = "".join(s.label + s.formula + s.value for s in line.steps) + "".join(line.warnings)
        assert missing_glyphs(every) == "", line.coverage
    assert amount_in_words(data.total) in text
    assert non_embedded_fonts(pdf) == []
    assert f"第{pages}页共{pages}页" in flat(pdf_text(pdf, pages, pages))


def test_shares_are_labelled_in_chinese():
    text = flat(pdf_text(calculation_sheet_pdf(every_method_sheet())))
    assert "A→行人（死亡伤残）" in text
    assert "甲保险公司" in text
    assert _share_label("A->B/property") == "A → B（财产损失）"
    assert _share_label("甲保险公司") == "甲保险公司"


def test_a_line_from_an_engine_result():
    result = calculate(PROPERTY_INPUT)
    line = CalculationLine.from_result("财产基本险", result, input_rows(PROPERTY_INPUT), "9.9.9")
    assert line.method == "property"
    assert line.method_title == "财产保险"
    assert line.payable == result.payable
    assert line.steps == result.steps
    assert line.warnings == result.warnings
    assert line.parts == (("loss", Decimal("22700.00")), ("rescue", Decimal("1600.00")))
    assert CalculationLine.from_result("x", result, (), "1", method_label="自定义").method_title == "自定义"


def test_a_hand_made_line_and_a_single_line_sheet():
    line = CalculationLine(
        coverage="意外伤害保险",
        method="benefit",
        engine_version="0.9",
        inputs=(InputRow("保险金额", "100000"), InputRow("给付比例", "0.1")),
        steps=(Step("给付金额", "100000.00 × 0.1", "10000.00"),),
        payable=Decimal("10000.00"),
        warnings=("按约定比例给付",),
    )
    data = sheet(
        lines=(line,), prepared_by="", prepared_on=None, reviewed_by="刘复核", reviewed_on=date(2026, 3, 6)
    )
    text = flat(pdf_text(calculation_sheet_pdf(data)))
    assert "100000.00×0.1" in text
    assert "提示：按约定比例给付" in text
    assert "人民币壹万元整" in text
    assert "刘复核" in text and "2026年3月6日" in text
    assert re.search(r"理算人_+", text)  # blank line to sign


def test_a_sheet_needs_a_line():
    with pytest.raises(ValueError, match="at least one"):
        calculation_sheet_pdf(sheet(lines=()))


def test_rendered_first_page_has_ink_only_inside_the_margins(tmp_path):
    png = render_png(calculation_sheet_pdf(every_method_sheet()), tmp_path / "sheet.png", page=4)
    with Image.open(png) as image:
        assert stray_ink(image) == []


# -- inputs ------------------------------------------------------------------------------------------


def test_input_rows_label_nested_objects_lists_and_choices():
    rows = dict((row.label, row.value) for row in input_rows(PROPERTY_INPUT))
    assert "method" not in rows and "计算方法" not in rows
    assert rows["保险金额"] == "80000"
    assert rows["免赔 · 方式"] == "绝对免赔"
    assert rows["免赔 · 金额"] == "500"
    contribution = [(row.label, row.value) for row in input_rows(CONTRIBUTION_INPUT)]
    assert ("保险人 1 · 名称", "甲保险公司") in contribution
    assert ("保险人 2 · 保险金额", "30000") in contribution
    assert ("分摊方式", "比例责任") in contribution
    motor = dict((row.label, row.value) for row in input_rows(METHOD_INPUTS["机动车损失保险（2014 版）"]))
    assert motor["免赔率"] == "0.15、0.10"
    assert motor["条款版本"] == "2014 版示范条款"
    ctpl = dict((row.label, row.value) for row in input_rows(METHOD_INPUTS["交强险"]))
    assert ctpl["车辆 1 · 是否有责"] == "是"
    assert ctpl["损失 3 · 损失类别"] == "死亡伤残"
    assert ctpl["无责代赔"] == "是"


def test_input_rows_show_unknown_fields_and_exact_decimals():
    rows = input_rows(
        {"method": "x", "new_field": "abc", "loss": Decimal("1E+3"), "tiers": [], "limit": None}
    )
    assert rows == (
        InputRow("new_field", "abc"),
        InputRow("损失金额", "1000"),
        InputRow("费用分项", "—"),
        InputRow("责任限额", "—"),
    )


def test_section_numbers_in_chinese():
    assert [_ordinal(n) for n in (1, 9, 10, 11, 19, 20, 21, 99, 100)] == [
        "一",
        "九",
        "十",
        "十一",
        "十九",
        "二十",
        "二十一",
        "九十九",
        "100",
    ]


def test_every_sample_line_is_computed_by_the_engine():
    for coverage, data in METHOD_INPUTS.items():
        line = line_for(coverage, data)
        assert line.steps, coverage
        assert line.payable >= 0
