"""One calculation line in the editor: its coverage and method, its inputs and its live result.

Every edit recalculates after a short pause with the pure engine (``domain.calculation.calculate``, fast
enough for the UI thread). Invalid input names its field (``ValidationError.field``) and the message
stands beside it. A line that nobody has edited by hand yet (``pristine``) asks for suggested inputs
(``prefill_wanted``) when its coverage or method changes; the tab fetches them on a worker.

A line can also show a stored line of a saved version read-only (``show_stored``): its inputs and the
result as it was calculated then.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from backoffice.domain.calculation import METHOD_LABELS, METHODS, CalculationResult, calculate
from backoffice.domain.errors import ValidationError
from backoffice.ui.calculation_inputs import CalculationInputs
from backoffice.ui.calculation_result import ResultView, Shown
from backoffice.ui.errors import message_for
from backoffice.ui.labels import label

DEBOUNCE_MS = 300
# The method a coverage is usually calculated with (the user may choose another).
DEFAULT_METHODS = {
    "vehicle_damage": "motor_damage",
    "third_party": "motor_third_party",
    "ctpl": "ctpl",
    "medical": "medical",
    "accident_medical": "medical",
    "death_disability": "benefit",
    "accidental_death": "benefit",
    "property": "property",
    "liability": "liability",
}


def method_title(code: str) -> str:
    return label(METHOD_LABELS.get(code, code))


class LineEditor(QWidget):
    """``changed`` when the result (or the coverage or method) changes; ``touched`` after the user's own
    edits; ``prefill_wanted(explicit)`` when suggested inputs are needed (the 预填 button: explicit)."""

    changed = Signal()
    touched = Signal()
    prefill_wanted = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._result: CalculationResult | None = None
        self._stored: Shown | None = None
        self._filling = False
        self.error = ""
        self.pristine = True  # nobody has edited the inputs by hand since they were suggested
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.recalculate)

        self.coverage = QComboBox(objectName="line-coverage")
        self.coverage.currentIndexChanged.connect(self._coverage_changed)
        self.method = QComboBox(objectName="line-method")
        for code in METHODS:
            self.method.addItem(method_title(code), code)
        self.method.currentIndexChanged.connect(self._method_changed)
        self.prefill_button = QPushButton(self.tr("预填"), objectName="prefill-calculation")
        self.prefill_button.setToolTip(self.tr("按保单的保险金额、免赔额和损失清单填入建议的输入"))
        self.prefill_button.clicked.connect(lambda: self.prefill_wanted.emit(True))
        self.inputs = CalculationInputs()
        self.inputs.edited.connect(self._edited)
        self.result_view = ResultView()

        choose = QFormLayout()
        choose.addRow(self.tr("保障项目"), self.coverage)
        choose.addRow(self.tr("计算方法"), self.method)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(choose)
        left_layout.addWidget(self.prefill_button, 0, Qt.AlignmentFlag.AlignLeft)
        left_layout.addWidget(self.inputs, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.result_view)
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 6)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    # --- what the line is ------------------------------------------------------------------------
    def coverage_code(self) -> str | None:
        code = self.coverage.currentData()
        return code if isinstance(code, str) else None

    def coverage_text(self) -> str:
        return self.coverage.currentText()

    def method_code(self) -> str:
        return str(self.method.currentData())

    def line_inputs(self) -> dict[str, Any]:
        """The object the engine reads; ``ValidationError`` when the JSON area is not an object."""
        return {"method": self.method_code(), **self.inputs.inputs()}

    @property
    def result(self) -> CalculationResult | None:
        return self._result

    @property
    def payable(self) -> Decimal | None:
        if self._stored is not None:
            return self._stored.payable
        return None if self._result is None else self._result.payable

    @property
    def valid(self) -> bool:
        return self.payable is not None and not self.error

    # --- filling ---------------------------------------------------------------------------------
    def set_coverages(self, coverages: Sequence[tuple[str, str]], preferred: str | None = None) -> None:
        """The policy's coverages as (code, text); the chosen one stays, else ``preferred`` is chosen."""
        keep, keep_text = self.coverage_code(), self.coverage.currentText()
        self._filling = True
        try:
            self.coverage.clear()
            for code, text in coverages:
                self.coverage.addItem(text, code)
            if keep is not None and self.coverage.findData(keep) < 0:
                self.coverage.addItem(keep_text, keep)
            chosen = keep or preferred or (coverages[0][0] if coverages else None)
            self.coverage.setCurrentIndex(max(0, self.coverage.findData(chosen)))
        finally:
            self._filling = False
        if keep is None and self.coverage_code() is not None:
            self._coverage_changed()

    def _select(self, combo: QComboBox, code: str, text: str) -> None:
        if combo.findData(code) < 0:
            combo.addItem(text, code)
        combo.setCurrentIndex(combo.findData(code))

    def load(self, coverage_code: str, coverage_name: str, inputs: Mapping[str, Any]) -> None:
        """A saved line, to edit further."""
        self._filling = True
        try:
            self._select(self.coverage, coverage_code, coverage_name)
            method = str(inputs.get("method", ""))
            self._select(self.method, method, method_title(method))
            self.inputs.set_inputs(dict(inputs))
        finally:
            self._filling = False
        self.pristine = False
        self.recalculate()

    def set_prefilled(self, data: Mapping[str, Any]) -> None:
        self.inputs.set_inputs(dict(data))
        self.pristine = True
        self.recalculate()

    def show_stored(
        self,
        coverage: tuple[str, str],
        inputs: Mapping[str, Any],
        result: Mapping[str, Any],
        payable: Decimal,
    ) -> None:
        """A line of a saved version, as it was calculated then (nothing is recalculated)."""
        self._filling = True
        try:
            self._select(self.coverage, *coverage)
            method = str(inputs.get("method", ""))
            self._select(self.method, method, method_title(method))
            self.inputs.set_inputs(dict(inputs))
        finally:
            self._filling = False
        self._result, self.error = None, ""
        self._stored = Shown.stored(result, payable)
        self.result_view.show_result(self._stored)
        self.changed.emit()

    def set_read_only(self, read_only: bool) -> None:
        self.coverage.setEnabled(not read_only)
        self.method.setEnabled(not read_only)
        self.prefill_button.setVisible(not read_only)
        self.inputs.set_read_only(read_only)

    # --- the user's edits ------------------------------------------------------------------------
    def _coverage_changed(self) -> None:
        if self._filling:
            return
        method = DEFAULT_METHODS.get(self.coverage_code() or "")
        if method is not None and method != self.method_code():
            self._filling = True
            try:
                self.method.setCurrentIndex(self.method.findData(method))
            finally:
                self._filling = False
        self._choice_changed()

    def _method_changed(self) -> None:
        if not self._filling:
            self._choice_changed()

    def _choice_changed(self) -> None:
        self.touched.emit()
        self.changed.emit()
        if self.pristine and self.coverage_code() is not None:
            self.prefill_wanted.emit(False)
        self.schedule()

    def _edited(self) -> None:
        self.pristine = False
        self.touched.emit()
        self.schedule()

    def schedule(self) -> None:
        self._timer.start()

    def flush(self) -> None:
        """Recalculate now if an edit is still waiting for the pause."""
        if self._timer.isActive():
            self.recalculate()

    def recalculate(self) -> None:
        self._timer.stop()
        self._stored = None
        self._result, self.error = None, ""
        self.inputs.clear_errors()
        try:
            self._result = calculate(self.line_inputs())
        except ValidationError as exc:
            self.error = message_for(exc) or ""
            self.inputs.show_field_error(exc.field or "", self.error)
        if self._result is None:
            self.result_view.show_nothing(self.error)
        else:
            self.result_view.show_result(Shown.live(self._result))
        self.changed.emit()
