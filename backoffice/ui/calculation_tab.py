"""The 理算 tab: one calculation line edited with a live result, saved as a new version; the history.

Coverage (from the policy) and method are chosen above; 预填 asks ``services.calculations.prefill`` for
inputs suggested from the policy and the losses. Every edit recalculates after a short pause with the pure
engine (``domain.calculation.calculate``, fast enough for the UI thread): payable, parts, shares, every
step and the warnings. Invalid input names its field (``ValidationError.field``); the message stands
beside it and 保存理算 waits until it is fixed. Saving, the history and the printed sheet go through the
services on workers.

The tab lives inside a ``CaseDetailView`` (``detail_view``): it follows its ``loaded`` signal, and after a
save asks it to read the case again and tells the case list through its ``changed`` signal.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal, SignalInstance
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from backoffice.domain.calculation import METHOD_LABELS, METHODS, CalculationResult, calculate
from backoffice.domain.case import CaseStatus
from backoffice.domain.errors import ValidationError
from backoffice.security.roles import Permission
from backoffice.services.calculations import (
    CALCULABLE,
    CalculationView,
    LineInput,
    calculate_case,
    calculations,
    prefill,
)
from backoffice.services.cases import CaseDetail
from backoffice.services.context import UserSession
from backoffice.services.policies import PolicyView, get_policy
from backoffice.ui.calculation_inputs import CalculationInputs
from backoffice.ui.errors import message_for
from backoffice.ui.formatting import local_time, money
from backoffice.ui.labels import label
from backoffice.ui.paper import CALCULATION_SHEET, PaperSaver
from backoffice.ui.simple_model import RowsModel
from backoffice.ui.tasks import Tasks
from backoffice.ui.widgets import ERROR_STYLE, error_label, heading

DEBOUNCE_MS = 300
WARNING_STYLE = "background: #fff4ce; color: #7a4f01; border: 1px solid #e0b000; padding: 4px;"
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


class CalculationTab(QWidget):
    """``changed`` after a saved calculation (the case's status and settlement amount change)."""

    changed = Signal()

    def __init__(
        self, us: UserSession, case_no: str, detail_view: QObject | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("calculation-tab")
        self._us = us
        self.case_no = case_no
        self._detail: CaseDetail | None = None
        self._policy: PolicyView | None = None
        self._result: CalculationResult | None = None
        self._input_error = False
        self.history: list[CalculationView] = []
        self._handles = us.actor.role_for(Permission.HANDLE_CASES) is not None
        self._tasks = Tasks(self)  # prefill and save
        self._tasks.busy_changed.connect(lambda _busy: self._update_buttons())
        self._reader = Tasks(self)  # the policy and the history
        self.paper = PaperSaver(us, self)
        self.paper.message.connect(self._paper_done)
        self.paper.busy_changed.connect(lambda _busy: self._update_buttons())
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.recalculate)

        self.coverage = QComboBox(objectName="calculation-coverage")
        self.coverage.currentIndexChanged.connect(self._coverage_changed)
        self.method = QComboBox(objectName="calculation-method")
        for code in METHODS:
            self.method.addItem(label(METHOD_LABELS[code]), code)
        self.method.currentIndexChanged.connect(lambda _i: self.schedule())
        self.prefill_button = QPushButton(self.tr("预填"), objectName="prefill-calculation")
        self.prefill_button.setToolTip(self.tr("按保单的保险金额、免赔额和损失清单填入建议的输入"))
        self.prefill_button.clicked.connect(self.prefill)
        self.inputs = CalculationInputs()
        self.inputs.edited.connect(self.schedule)

        self.payable = heading("", 13)
        self.payable.setObjectName("calculation-payable")
        self.result_error = error_label("calculation-error")
        self.warnings = QLabel(objectName="calculation-warnings")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(WARNING_STYLE)
        self.warnings.hide()
        self.amounts = RowsModel((self.tr("项目"), self.tr("金额")), self)
        self.amounts.set_right_aligned((1,))
        self.amounts_view = self._table(self.amounts, "calculation-amounts")
        self.amounts_view.setMaximumHeight(120)
        self.steps = RowsModel((self.tr("步骤"), self.tr("算式"), self.tr("结果")), self)
        self.steps.set_right_aligned((2,))
        self.steps_view = self._table(self.steps, "calculation-steps")
        self.steps_view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.steps_view.setWordWrap(True)

        self.save_button = QPushButton(self.tr("保存理算"), objectName="save-calculation")
        self.save_button.clicked.connect(self.save)
        self.print_button = QPushButton(self.tr("打印计算书…"), objectName="print-calculation")
        self.print_button.clicked.connect(self.print_sheet)
        self.message = QLabel(objectName="calculation-message")
        self.message.setWordWrap(True)
        self.message.hide()
        self.versions = RowsModel(
            (
                self.tr("版本"),
                self.tr("当前"),
                self.tr("赔款合计"),
                self.tr("理算时间"),
                self.tr("理算人"),
                self.tr("明细"),
            ),
            self,
        )
        self.versions.set_right_aligned((2,))
        self.versions_view = self._table(self.versions, "calculation-versions")
        self.versions_view.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)

        choose = QFormLayout()
        choose.addRow(self.tr("保障项目"), self.coverage)
        choose.addRow(self.tr("计算方法"), self.method)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(choose)
        left_layout.addWidget(self.prefill_button, 0, Qt.AlignmentFlag.AlignLeft)
        left_layout.addWidget(self.inputs, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.payable)
        right_layout.addWidget(self.result_error)
        right_layout.addWidget(self.warnings)
        right_layout.addWidget(self.amounts_view)
        right_layout.addWidget(self.steps_view, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 3)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(QLabel(self.tr("理算版本（新的在前）")))
        layout.addWidget(self.versions_view, 1)
        self._show_result()

        if detail_view is not None:
            loaded = getattr(detail_view, "loaded", None)
            if isinstance(loaded, SignalInstance):
                loaded.connect(self.show_detail)
            reload = getattr(detail_view, "reload", None)
            if callable(reload):
                self.changed.connect(reload)
            view_changed = getattr(detail_view, "changed", None)
            if isinstance(view_changed, SignalInstance):
                self.changed.connect(view_changed)

    @staticmethod
    def _table(model: RowsModel, name: str) -> QTableView:
        view = QTableView(objectName=name)
        view.setModel(model)
        view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        view.verticalHeader().hide()
        view.horizontalHeader().setStretchLastSection(True)
        return view

    # --- the case --------------------------------------------------------------------------------
    def show_detail(self, detail: CaseDetail) -> None:
        self._detail = detail
        if self._policy is None or self._policy.policy_no != detail.policy_no:
            self._reader.run(partial(get_policy, self._us, detail.policy_no), self._show_policy, self._failed)
        self.load_history()
        self._update_buttons()

    def _show_policy(self, policy: PolicyView) -> None:
        self._policy = policy
        self.coverage.blockSignals(True)
        self.coverage.clear()
        for cover in policy.coverages:
            self.coverage.addItem(
                self.tr("{name}（保额 {amount}）").format(name=cover.name, amount=money(cover.sum_insured)),
                cover.code,
            )
        self.coverage.blockSignals(False)
        self._coverage_changed()

    def _coverage_changed(self) -> None:
        code = self.coverage.currentData()
        method = DEFAULT_METHODS.get(code) if isinstance(code, str) else None
        if method is not None:
            self.method.setCurrentIndex(self.method.findData(method))
        self._update_buttons()

    def load_history(self) -> None:
        self._reader.run(partial(calculations, self._us, self.case_no), self._show_history, self._failed)

    def _show_history(self, views: list[CalculationView]) -> None:
        self.history = views
        rows = []
        for view in views:
            lines = "；".join(
                f"{line.coverage_name} · {label(line.method_label)} {money(line.payable)}"
                for line in view.lines
            )
            rows.append(
                (
                    f"v{view.version_no}",
                    self.tr("✔ 当前") if view.current else "",
                    money(view.total),
                    local_time(view.created_at),
                    view.created_by,
                    lines,
                )
            )
        self.versions.set_rows(rows, views)
        self._update_buttons()

    def current_version(self) -> int | None:
        return next((v.version_no for v in self.history if v.current), None)

    def _failed(self, exc: Exception) -> None:
        self._say(message_for(exc) or self.tr("读取理算时程序出错，请查看日志。"), error=True)

    # --- editing ---------------------------------------------------------------------------------
    def method_code(self) -> str:
        return str(self.method.currentData())

    def prefill(self) -> None:
        code = self.coverage.currentData()
        if self._tasks.busy or not isinstance(code, str):
            return
        call = partial(prefill, self._us, self.case_no, code, self.method_code())
        self._tasks.run(call, self._prefilled, self._failed)

    def _prefilled(self, data: dict[str, Any]) -> None:
        self.inputs.set_inputs(data)
        self.message.hide()
        self.recalculate()

    def schedule(self) -> None:
        self._timer.start()

    def line_inputs(self) -> dict[str, Any]:
        return {"method": self.method_code(), **self.inputs.inputs()}

    def recalculate(self) -> None:
        self._timer.stop()
        self._result = None
        self._input_error = False
        self.inputs.clear_errors()
        self.result_error.hide()
        try:
            self._result = calculate(self.line_inputs())
        except ValidationError as exc:
            self._input_error = True
            text = message_for(exc) or ""
            self.inputs.show_field_error(exc.field or "", text)
            self.result_error.setText(text)
            self.result_error.show()
        self._show_result()

    def _show_result(self) -> None:
        result = self._result
        if result is None:
            self.payable.setText(self.tr("应付赔款：—"))
            self.amounts.set_rows([])
            self.steps.set_rows([])
            self.warnings.hide()
        else:
            self.payable.setText(self.tr("应付赔款：{amount} 元").format(amount=money(result.payable)))
            rows = [(self.tr("分项：{name}").format(name=n), money(v)) for n, v in result.parts.items()]
            rows += [(self.tr("分摊：{party}").format(party=p), money(v)) for p, v in result.shares.items()]
            self.amounts.set_rows(rows)
            self.steps.set_rows([(s.label, s.formula, s.value) for s in result.steps], list(result.steps))
            self.steps_view.resizeRowsToContents()
            if result.warnings:
                self.warnings.setText(
                    self.tr("⚠ 注意：") + "\n".join(f"• {text}" for text in result.warnings)
                )
                self.warnings.show()
            else:
                self.warnings.hide()
        self._update_buttons()

    # --- saving and printing ---------------------------------------------------------------------
    def _status_allows(self) -> bool:
        return self._detail is not None and CaseStatus(self._detail.status) in CALCULABLE

    def _update_buttons(self) -> None:
        idle = not self._tasks.busy
        self.prefill_button.setEnabled(idle and self.coverage.count() > 0)
        can_save = self._handles and self._status_allows()
        self.save_button.setEnabled(can_save and idle and self._result is not None and not self._input_error)
        if not self._handles:
            tip = self.tr("只有理赔内勤可以理算。")
        elif self._detail is not None and not self._status_allows():
            tip = self.tr("只有材料齐全、已理算或被退回的案件可以理算。")
        elif self._input_error:
            tip = self.tr("请先改正标出的输入。")
        else:
            tip = self.tr("保存为新的理算版本，旧版本保留")
        self.save_button.setToolTip(tip)
        self.print_button.setEnabled(self._detail is not None and bool(self.history) and not self.paper.busy)
        self.print_button.setToolTip(
            "" if self.history else self.tr("案件还没有保存的理算，无法打印计算书。")
        )

    def save(self) -> None:
        code = self.coverage.currentData()
        detail = self._detail
        if detail is None or self._tasks.busy or not isinstance(code, str) or self._timer.isActive():
            self.recalculate()
            if detail is None or self._tasks.busy or not isinstance(code, str):
                return
        if self._result is None or self._input_error:
            return
        call = partial(
            calculate_case,
            self._us,
            self.case_no,
            [LineInput(code, self.line_inputs())],
            expected_version=detail.version,
        )
        self._tasks.run(call, self._saved, self._save_failed)

    def _saved(self, view: CalculationView) -> None:
        self._say(
            self.tr("已保存理算版本 v{version}，赔款合计 {amount} 元。").format(
                version=view.version_no, amount=money(view.total)
            ),
            error=False,
        )
        self.load_history()
        self.changed.emit()  # the view reads the case again (its status and version)

    def _save_failed(self, exc: Exception) -> None:
        self._say(message_for(exc) or self.tr("保存理算时程序出错，请查看日志。"), error=True)

    def print_sheet(self) -> None:
        if self._detail is not None:
            self.paper.save(CALCULATION_SHEET, self._detail.id, self._detail.case_no)

    def _paper_done(self, text: str, is_error: bool) -> None:
        self._say(text, error=is_error)

    def _say(self, text: str, *, error: bool) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "color: #1b5e20;")
        self.message.setText(text)
        self.message.show()
