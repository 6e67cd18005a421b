"""The calculation sheet (赔款计算书): every calculation line of a case with its inputs and every step.

One section per line (coverage, method, engine version, inputs, steps with the numbers filled in, the
warnings highlighted), then the settlement amount — the sum of the lines — in figures and in Chinese
capital numerals, and the prepared-by / reviewed-by lines. The steps are the engine's own
(:class:`backoffice.domain.calculation.Step`); the sheet prints them as they are.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Final

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from backoffice.domain.calculation.engine import METHOD_LABELS
from backoffice.domain.calculation.steps import CalculationResult, Step
from backoffice.domain.money_words import amount_in_words
from backoffice.printing.calc_inputs import VALUE_LABELS, InputRow
from backoffice.printing.common import (
    BLANK_SIGNATURE,
    Letterhead,
    caption,
    cn_date,
    cn_datetime,
    figures,
    letter_top,
    optional_date,
    section,
)
from backoffice.printing.document import PdfMeta, beijing, build_pdf, fingerprint
from backoffice.printing.styles import CONTENT_WIDTH
from backoffice.printing.tables import data_table, key_value_table, note_box

SHEET_TITLE: Final = "赔款计算书"
PART_LABELS: Final = {"loss": "损失赔款", "rescue": "施救费用", "damage": "车损赔款"}
NUMERALS: Final = "〇一二三四五六七八九"
CATEGORY_LABELS: Final = VALUE_LABELS["category"]


@dataclass(frozen=True)
class CalculationLine:
    """One calculation line of a case: what was calculated, with which inputs, and how."""

    coverage: str  # 险别, e.g. 机动车损失保险
    method: str  # the engine's method name, e.g. motor_damage
    engine_version: str
    inputs: tuple[InputRow, ...]  # see calc_inputs.input_rows
    steps: tuple[Step, ...]
    payable: Decimal
    warnings: tuple[str, ...] = ()
    parts: tuple[tuple[str, Decimal], ...] = ()  # (name, amount), e.g. ("rescue", …)
    shares: tuple[tuple[str, Decimal], ...] = ()  # (party, amount)
    method_label: str = ""  # defaults to the engine's label for ``method``
    calculated_at: datetime | None = None

    @classmethod
    def from_result(
        cls,
        coverage: str,
        result: CalculationResult,
        inputs: tuple[InputRow, ...],
        engine_version: str,
        *,
        method_label: str = "",
        calculated_at: datetime | None = None,
    ) -> CalculationLine:
        """A line from the engine's result (parts and shares keep the engine's order)."""
        return cls(
            coverage=coverage,
            method=result.method,
            engine_version=engine_version,
            inputs=inputs,
            steps=result.steps,
            payable=result.payable,
            warnings=result.warnings,
            parts=tuple(result.parts.items()),
            shares=tuple(result.shares.items()),
            method_label=method_label,
            calculated_at=calculated_at,
        )

    @property
    def method_title(self) -> str:
        return self.method_label or METHOD_LABELS.get(self.method, self.method)


@dataclass(frozen=True)
class CalculationSheetData:
    """What the calculation sheet prints. The settlement amount is the sum of the lines' payables."""

    letterhead: Letterhead
    case_number: str
    insured_name: str  # masked
    policy_number: str
    line_of_business: str  # label, e.g. 机动车辆保险
    lines: tuple[CalculationLine, ...]
    printed_at: datetime
    product: str = ""
    incident_date: date | None = None
    sheet_number: str = ""  # e.g. a version such as 第 2 版
    prepared_by: str = ""  # 理算人
    prepared_on: date | None = None
    reviewed_by: str = ""  # 复核人
    reviewed_on: date | None = None

    @property
    def total(self) -> Decimal:
        return sum((line.payable for line in self.lines), Decimal("0.00"))


def _ordinal(number: int) -> str:
    """一 … 十, 十一 … 九十九 for section numbers; larger numbers in figures."""
    if not 1 <= number <= 99:
        return str(number)
    tens, units = divmod(number, 10)
    if tens == 0:
        return NUMERALS[units]
    head = "十" if tens == 1 else NUMERALS[tens] + "十"
    return head + (NUMERALS[units] if units else "")


def _share_label(name: str) -> str:
    """``A->行人/medical`` (CTPL payer, victim and category) as ``A → 行人（医疗费用）``."""
    route, slash, category = name.rpartition("/")
    payer, arrow, victim = route.partition("->")
    if not (slash and arrow):
        return name
    return f"{payer} → {victim}（{CATEGORY_LABELS.get(category, category)}）"


def _amount_rows(pairs: Sequence[tuple[str, Decimal]], label: Callable[[str], str]) -> list[list[str]]:
    return [[label(name), figures(amount)] for name, amount in pairs]


def _line_story(number: int, line: CalculationLine) -> list[Flowable]:
    story: list[Flowable] = section(f"{_ordinal(number)}、{line.coverage}", keep=60 * mm)
    facts = [("计算方法", line.method_title), ("引擎版本", line.engine_version)]
    if line.calculated_at is not None:
        facts.append(("计算时间", cn_datetime(line.calculated_at)))
        widths = [20 * mm, 50 * mm, 20 * mm, 22 * mm, 20 * mm, CONTENT_WIDTH - 132 * mm]
    else:
        half = CONTENT_WIDTH / 2
        widths = [20 * mm, half - 20 * mm, 20 * mm, half - 20 * mm]
    story.append(key_value_table(facts, widths, per_row=len(facts)))
    story += caption("计算参数")
    input_rows = [[row.label, row.value] for row in line.inputs] or [["（无）", ""]]
    story.append(data_table(["参数", "取值"], input_rows, [70 * mm, CONTENT_WIDTH - 70 * mm]))
    story += caption("计算步骤")
    step_rows = [[str(i), step.label, step.formula, step.value] for i, step in enumerate(line.steps, start=1)]
    story.append(
        data_table(
            ["序号", "步骤", "计算公式", "结果"],
            step_rows or [["", "（无）", "", ""]],
            [11 * mm, 38 * mm, CONTENT_WIDTH - 81 * mm, 32 * mm],
            align=["center", "left", "left", "right"],
            total=("本项赔款（元）", figures(line.payable)),
        )
    )
    if line.warnings:
        story.append(Spacer(1, 2 * mm))
        story.append(note_box([f"提示：{warning}" for warning in line.warnings], CONTENT_WIDTH))
    tables: tuple[tuple[str, tuple[tuple[str, Decimal], ...], str, Callable[[str], str]], ...] = (
        ("赔款分项", line.parts, "分项", lambda name: PART_LABELS.get(name, name)),
        ("分摊结果", line.shares, "分摊方", _share_label),
    )
    for title, pairs, head, label in tables:
        if len(pairs) > 1:
            story += caption(title)
            story.append(
                data_table(
                    [head, "金额（元）"],
                    _amount_rows(pairs, label),
                    [90 * mm, 45 * mm],
                    align=["left", "right"],
                )
            )
    return story


def _total_story(data: CalculationSheetData) -> list[Flowable]:
    block: list[Flowable] = []
    if len(data.lines) > 1:
        rows = [
            [str(i), line.coverage, line.method_title, figures(line.payable)]
            for i, line in enumerate(data.lines, start=1)
        ]
        block.append(
            data_table(
                ["序号", "险别", "计算方法", "赔款金额（元）"],
                rows,
                [11 * mm, 62 * mm, 62 * mm, CONTENT_WIDTH - 135 * mm],
                align=["center", "left", "left", "right"],
                total=("合计", figures(data.total)),
            )
        )
        block.append(Spacer(1, 2 * mm))
    block.append(
        key_value_table(
            [
                ("赔款金额（小写）", f"￥{figures(data.total)}"),
                ("赔款金额（大写）", amount_in_words(data.total)),
            ],
            [34 * mm, CONTENT_WIDTH - 34 * mm],
        )
    )
    page_break, heading = section("赔款合计")
    return [page_break, KeepTogether([heading, *block])]


def _signatures(data: CalculationSheetData) -> Flowable:
    half = CONTENT_WIDTH / 2
    table = key_value_table(
        [
            ("理算人", data.prepared_by or BLANK_SIGNATURE),
            ("日期", optional_date(data.prepared_on)),
            ("复核人", data.reviewed_by or BLANK_SIGNATURE),
            ("日期", optional_date(data.reviewed_on)),
        ],
        [20 * mm, half - 20 * mm, 20 * mm, half - 20 * mm],
        per_row=2,
    )
    return KeepTogether([Spacer(1, 6 * mm), table])


def _sheet_story(data: CalculationSheetData) -> list[Flowable]:
    subtitle = " · ".join(
        part for part in (data.sheet_number, f"打印日期：{cn_date(beijing(data.printed_at).date())}") if part
    )
    story = letter_top(data.letterhead, SHEET_TITLE, subtitle)
    half = CONTENT_WIDTH / 2
    facts = [
        ("案件号", data.case_number),
        ("保险单号", data.policy_number),
        ("被保险人", data.insured_name),
        ("险类", data.line_of_business),
    ]
    if data.product:
        facts.append(("产品", data.product))
    if data.incident_date is not None:
        facts.append(("出险日期", cn_date(data.incident_date)))
    story.append(key_value_table(facts, [22 * mm, half - 22 * mm, 22 * mm, half - 22 * mm], per_row=2))
    for number, line in enumerate(data.lines, start=1):
        story += _line_story(number, line)
    story += _total_story(data)
    story.append(_signatures(data))
    return story


def calculation_sheet_pdf(data: CalculationSheetData) -> bytes:
    """The calculation sheet (赔款计算书) as PDF bytes."""
    if not data.lines:
        raise ValueError("a calculation sheet needs at least one calculation line")
    meta = PdfMeta(
        title=f"{SHEET_TITLE} {data.case_number}",
        author=data.letterhead.full_name,
        subject=SHEET_TITLE,
        created_at=data.printed_at,
        fingerprint=fingerprint("calculation_sheet", data),
        keywords=data.case_number,
    )
    header = data.letterhead.page_header(SHEET_TITLE, data.case_number)
    return build_pdf(_sheet_story(data), meta, header)
