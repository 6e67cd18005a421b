"""The result of one calculation line on screen: the payable amount, the error or the warnings, the parts
and shares, and every step with its formula.

It shows either a live ``CalculationResult`` from the engine or a stored result (the JSON dictionary a
saved version keeps: ``payable``, ``parts``, ``shares``, ``steps``, ``warnings``), so that an old version
is shown as it was calculated, not as today's engine would compute it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QHeaderView, QLabel, QVBoxLayout, QWidget

from backoffice.domain.calculation import CalculationResult
from backoffice.ui.formatting import money
from backoffice.ui.simple_model import RowsModel
from backoffice.ui.widgets import error_label, heading, rows_table

WARNING_STYLE = "background: #fff4ce; color: #7a4f01; border: 1px solid #e0b000; padding: 4px;"
# The engine's part names; others (medical tiers, CTPL vehicles) are the caller's own names.
PART_LABELS = {
    "loss": QT_TRANSLATE_NOOP("ResultView", "损失赔款"),
    "rescue": QT_TRANSLATE_NOOP("ResultView", "施救费用"),
    "damage": QT_TRANSLATE_NOOP("ResultView", "车损赔款"),
    "third_party": QT_TRANSLATE_NOOP("ResultView", "三者赔款"),
    "benefit": QT_TRANSLATE_NOOP("ResultView", "给付金额"),
    "liability": QT_TRANSLATE_NOOP("ResultView", "责任赔款"),
    "medical": QT_TRANSLATE_NOOP("ResultView", "医疗费用赔款"),
}


@dataclass(frozen=True)
class Shown:
    """What the pane shows, from either kind of result."""

    payable: Decimal
    parts: tuple[tuple[str, Decimal], ...]
    shares: tuple[tuple[str, Decimal], ...]
    steps: tuple[tuple[str, str, str], ...]  # label, formula, value
    warnings: tuple[str, ...]

    @classmethod
    def live(cls, result: CalculationResult) -> Shown:
        return cls(
            result.payable,
            tuple(result.parts.items()),
            tuple(result.shares.items()),
            tuple((s.label, s.formula, s.value) for s in result.steps),
            result.warnings,
        )

    @classmethod
    def stored(cls, result: Mapping[str, Any], payable: Decimal) -> Shown:
        def amounts(pairs: Mapping[str, Any]) -> tuple[tuple[str, Decimal], ...]:
            return tuple((str(k), Decimal(str(v))) for k, v in pairs.items())

        steps: Iterable[Mapping[str, Any]] = result.get("steps", ())
        return cls(
            payable,
            amounts(result.get("parts", {})),
            amounts(result.get("shares", {})),
            tuple((str(s["label"]), str(s["formula"]), str(s["value"])) for s in steps),
            tuple(str(w) for w in result.get("warnings", ())),
        )


class ResultView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.payable = heading("", 12)
        self.payable.setObjectName("calculation-payable")
        self.error = error_label("calculation-error")
        self.warnings = QLabel(objectName="calculation-warnings")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(WARNING_STYLE)
        self.warnings.hide()
        self.amounts = RowsModel((self.tr("项目"), self.tr("金额")), self)
        self.amounts.set_right_aligned((1,))
        self.amounts_view = rows_table(self.amounts, "calculation-amounts", multi_select=True, row_height=24)
        self.amounts_view.setMaximumHeight(110)
        amounts_header = self.amounts_view.horizontalHeader()
        amounts_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        amounts_header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.steps = RowsModel((self.tr("步骤"), self.tr("算式"), self.tr("结果")), self)
        self.steps.set_right_aligned((2,))
        self.steps_view = rows_table(self.steps, "calculation-steps", multi_select=True, row_height=24)
        header = self.steps_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.steps_view.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.payable)
        layout.addWidget(self.error)
        layout.addWidget(self.warnings)
        layout.addWidget(self.amounts_view)
        layout.addWidget(self.steps_view, 1)
        self.show_nothing()

    def show_nothing(self, error: str = "") -> None:
        self.payable.setText(self.tr("本行赔款：—"))
        self.error.setText(error)
        self.error.setVisible(bool(error))
        self.amounts.set_rows([])
        self.steps.set_rows([])
        self.warnings.hide()
        self.amounts_view.hide()

    def show_result(self, shown: Shown) -> None:
        self.payable.setText(self.tr("本行赔款：{amount} 元").format(amount=money(shown.payable)))
        self.error.hide()
        # One part is the payable itself; the parts are worth a table when there are several.
        parts = shown.parts if len(shown.parts) > 1 else ()
        rows = [(self.tr("分项：{name}").format(name=self._part(n)), money(v)) for n, v in parts]
        rows += [(self.tr("分摊：{party}").format(party=p), money(v)) for p, v in shown.shares]
        self.amounts.set_rows(rows)
        self.amounts_view.setVisible(bool(rows))
        self.steps.set_rows(list(shown.steps))
        self.steps_view.resizeRowsToContents()
        self._show_warnings(shown.warnings)

    def _part(self, name: str) -> str:
        text = PART_LABELS.get(name)
        return self.tr(text) if text else name

    def _show_warnings(self, warnings: Sequence[str]) -> None:
        if warnings:
            self.warnings.setText(self.tr("⚠ 注意：") + "\n".join(f"• {text}" for text in warnings))
            self.warnings.show()
        else:
            self.warnings.hide()

    def step_labels(self) -> list[str]:
        return [str(self.steps.index(row, 0).data()) for row in range(self.steps.rowCount())]
