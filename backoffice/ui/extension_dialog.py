"""The request of an extension (延期申请) of one deadline: the new due date and the reason."""

from __future__ import annotations

from datetime import date, timedelta
from functools import partial

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from backoffice.services.context import UserSession
from backoffice.services.deadline_extensions import MAX_REASON, ExtensionView, request_extension
from backoffice.services.sla_warnings import DeadlineView
from backoffice.ui.errors import message_for
from backoffice.ui.labels import label
from backoffice.ui.tasks import Tasks
from backoffice.ui.widgets import error_label


class ExtensionRequestDialog(QDialog):
    """The new due date (after the current one) and the reason; accepted once the request is stored."""

    def __init__(self, us: UserSession, deadline: DeadlineView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("extension-dialog")
        self.setWindowTitle(self.tr("申请延期"))
        self._us, self._deadline = us, deadline
        self._tasks = Tasks(self)
        self._tasks.busy_changed.connect(self._update)
        self.answer: ExtensionView | None = None
        explain = QLabel(
            self.tr("{stage}：现在的到期日是 {due}。延期由主管批准后生效，并写入联系记录告知客户。").format(
                stage=label(deadline.stage_label), due=deadline.effective_due.isoformat()
            ),
            objectName="extension-explain",
        )
        explain.setWordWrap(True)
        first = deadline.effective_due + timedelta(days=1)
        self.until = QDateEdit(objectName="extension-until")
        self.until.setCalendarPopup(True)
        self.until.setDisplayFormat("yyyy-MM-dd")
        self.until.setMinimumDate(QDate(first.year, first.month, first.day))
        later = deadline.effective_due + timedelta(days=7)
        self.until.setDate(QDate(later.year, later.month, later.day))
        self.reason = QPlainTextEdit(objectName="extension-reason")
        self.reason.setPlaceholderText(self.tr("例如：客户住院，诊断证明需出院后补交"))
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(90)
        self.reason.textChanged.connect(self._update)
        self.message = error_label("extension-message")
        form = QFormLayout()
        form.addRow(self.tr("延至"), self.until)
        form.addRow(self.tr("原因"), self.reason)
        buttons = QDialogButtonBox()
        self.submit_button = QPushButton(self.tr("提交申请"), objectName="extension-submit")
        self.submit_button.setDefault(True)
        self.submit_button.clicked.connect(self._submit)
        self.cancel_button = QPushButton(self.tr("取消"), objectName="extension-cancel")
        self.cancel_button.clicked.connect(self.reject)
        buttons.addButton(self.submit_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)
        self._update()
        self.reason.setFocus()

    def until_date(self) -> date:
        value = self.until.date()
        return date(value.year(), value.month(), value.day())

    def _problem(self) -> str:
        text = self.reason.toPlainText().strip()
        if not text:
            return self.tr("请写明延期的原因。")
        if len(text) > MAX_REASON:
            return self.tr("原因过长（最多 {n} 个字符）。").format(n=MAX_REASON)
        return ""

    def _update(self, *_args: object) -> None:
        busy = self._tasks.busy
        self.submit_button.setEnabled(not busy and not self._problem())
        self.cancel_button.setEnabled(not busy)
        self.until.setEnabled(not busy)
        self.reason.setReadOnly(busy)

    def _submit(self) -> None:
        problem = self._problem()
        if problem:
            self.message.setText(problem)
            self.message.show()
            return
        if self._tasks.busy:
            return
        self.message.hide()
        call = partial(
            request_extension,
            self._us,
            self._deadline.id,
            until=self.until_date(),
            reason=self.reason.toPlainText().strip(),
        )
        self._tasks.run(call, self._saved, self._failed)

    def _saved(self, answer: ExtensionView) -> None:
        self.answer = answer
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.message.setText(message_for(exc) or self.tr("提交时程序出错，请查看日志。"))
        self.message.show()

    def reject(self) -> None:
        if not self._tasks.busy:
            super().reject()
