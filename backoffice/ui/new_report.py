"""The 新报案 page: the report form for fast keyboard entry, registration, and the result.

Ctrl+Enter registers; Esc clears the form (asking first when something was typed). Registration runs on
a worker. Warnings that need a reason (``OverrideRequired``) open a dialog asking for one reason each,
then the report is submitted again with them. A ``ValidationError`` is shown under the field it names.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from backoffice.domain.errors import DomainError, NotFound, ValidationError
from backoffice.services.context import UserSession
from backoffice.services.intake import OverrideRequired, Registered, ReportInput, register_report
from backoffice.ui.errors import message_for
from backoffice.ui.override_dialog import OverrideDialog
from backoffice.ui.pages import PageSpec, page_heading
from backoffice.ui.paper import ACKNOWLEDGEMENT, PaperSaver
from backoffice.ui.report_form import ReportForm
from backoffice.ui.report_result import ReportResult
from backoffice.ui.tasks import Tasks
from backoffice.ui.widgets import error_label


class NewReportPage(QWidget):
    """``open_case_requested(case_no)`` when the clerk wants to continue with the registered case."""

    open_case_requested = Signal(str)
    registered = Signal(object)  # Registered

    def __init__(self, us: UserSession, spec: PageSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._us = us
        self._tasks = Tasks(self)
        self._tasks.busy_changed.connect(self._set_busy)
        self._overrides: dict[str, str] = {}
        self.override_dialog: OverrideDialog | None = None
        self.clear_confirm: QMessageBox | None = None
        self.form = ReportForm(us)
        self.result = ReportResult()
        self.result.print_requested.connect(self.print_acknowledgement)
        self.result.open_requested.connect(self._open_case)
        self.result.next_requested.connect(self.start_new)
        self.paper = PaperSaver(us, self)
        self.paper.message.connect(lambda text, error: self.result.say(text, error=error))
        self.paper.busy_changed.connect(lambda busy: self.result.print_button.setEnabled(not busy))

        self.banner = error_label("report-error")
        self.busy_label = QLabel(self.tr("正在登记…"), objectName="report-busy")
        self.busy_label.hide()
        self.clear_button = QPushButton(self.tr("清空（Esc）"), objectName="clear-report")
        self.clear_button.clicked.connect(self.request_clear)
        self.submit_button = QPushButton(self.tr("登记报案（Ctrl+Enter）"), objectName="register-report")
        self.submit_button.setDefault(True)
        self.submit_button.clicked.connect(self.submit)

        form_page = QWidget(objectName="report-form-page")
        bar = QHBoxLayout()
        bar.addWidget(self.banner, 1)
        bar.addStretch(1)
        bar.addWidget(self.busy_label)
        bar.addWidget(self.clear_button)
        bar.addWidget(self.submit_button)
        inner = QVBoxLayout(form_page)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.form, 1)
        inner.addLayout(bar)
        self.stack = QStackedWidget(objectName="report-stack")
        self.stack.addWidget(form_page)
        self.stack.addWidget(self.result)

        subtitle = QLabel(spec.translated_placeholder())
        subtitle.setStyleSheet("color: #555;")
        subtitle.setWordWrap(True)  # a long translation wraps rather than widening the window
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(page_heading(spec))
        top.addWidget(subtitle, 1)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        QWidget.setTabOrder(self.form.tab_chain()[-1], self.submit_button)
        self._shortcuts()

    def _shortcuts(self) -> None:
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.submit)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self._escape)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stack.currentIndex() == 0 and not self.form.is_dirty():
            self.form.reset_times()  # "now" is when the clerk starts, not when the window opened
            self.form.policy.setFocus()

    @property
    def showing_result(self) -> bool:
        return self.stack.currentWidget() is self.result

    # --- registering -----------------------------------------------------------------------------
    def submit(self) -> None:
        if self._tasks.busy or self.showing_result:
            return
        self.form.clear_errors()
        self.banner.hide()
        try:
            data = self.form.report_input(self._overrides)
        except ValidationError as exc:
            self._show_error(exc)
            return
        self._register(data)

    def _register(self, data: ReportInput) -> None:
        self._tasks.run(partial(register_report, self._us, data), self._registered, self._failed)

    def _registered(self, registered: Registered) -> None:
        self._overrides = {}
        self.result.show_registered(registered)
        self.stack.setCurrentWidget(self.result)
        self.result.open_button.setFocus()
        self.registered.emit(registered)

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, OverrideRequired):
            self._ask_reasons(exc.codes)
        elif isinstance(exc, DomainError):
            self._show_error(exc)
        else:
            self._say(message_for(exc) or self.tr("登记时程序出错，请查看日志。"))

    def _show_error(self, exc: DomainError) -> None:
        text = message_for(exc) or ""
        if isinstance(exc, ValidationError):
            field = exc.field
        else:  # registration looks up nothing but the policy
            field = "policy_no" if isinstance(exc, NotFound) else ""
        if not self.form.show_error(field, text):
            self._say(text)

    def _say(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.show()

    def _ask_reasons(self, codes: list[str]) -> None:
        dialog = OverrideDialog(codes, self._overrides, self)
        dialog.accepted.connect(lambda: self._reasons_given(dialog))
        dialog.finished.connect(self._override_closed)
        self.override_dialog = dialog
        dialog.open()

    def _reasons_given(self, dialog: OverrideDialog) -> None:
        self._overrides.update(dialog.reasons())
        self.submit()

    def _override_closed(self) -> None:
        if self.override_dialog is not None:
            self.override_dialog.deleteLater()
            self.override_dialog = None
        if not self.showing_result and not self._tasks.busy:
            self._say(self.tr("尚未登记：请修改报案，或确认提示并填写理由后再登记。"))

    def _set_busy(self, busy: bool) -> None:
        self.busy_label.setVisible(busy)
        self.submit_button.setEnabled(not busy)
        self.clear_button.setEnabled(not busy)

    # --- clearing --------------------------------------------------------------------------------
    def _escape(self) -> None:
        focus = QApplication.focusWidget()
        for editor in (self.form.losses, self.form.proofs):
            table = editor.table
            if table.state() == QAbstractItemView.State.EditingState and focus is not None:
                table.closeEditor(focus, QAbstractItemView.EndEditHint.RevertModelCache)
                table.setFocus()
                return
        if self.showing_result:
            self.start_new()
        else:
            self.request_clear()

    def request_clear(self) -> None:
        if self._tasks.busy or self.clear_confirm is not None:
            return
        if not self.form.is_dirty():
            self.clear()
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("清空报案"),
            self.tr("清空这份尚未登记的报案？已输入的内容会丢失。"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setObjectName("clear-confirm")
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("清空"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("继续填写"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.finished.connect(lambda _result: self._clear_answered(box))
        self.clear_confirm = box
        box.open()

    def _clear_answered(self, box: QMessageBox) -> None:
        self.clear_confirm = None
        box.deleteLater()
        if box.clickedButton() is box.button(QMessageBox.StandardButton.Yes):
            self.clear()

    def clear(self) -> None:
        self._overrides = {}
        self.banner.hide()
        self.form.clear()

    def start_new(self) -> None:
        self.clear()
        self.stack.setCurrentIndex(0)
        self.form.policy.setFocus()

    # --- after registering -----------------------------------------------------------------------
    def print_acknowledgement(self) -> None:
        registered = self.result.registered
        if registered is not None:
            self.paper.save(ACKNOWLEDGEMENT, registered.case_id, registered.case_no)

    def _open_case(self) -> None:
        if self.result.registered is not None:
            self.open_case_requested.emit(self.result.registered.case_no)
