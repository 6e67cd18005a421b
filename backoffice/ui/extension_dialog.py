"""The request of an extension (延期申请) of one deadline: the new due date and the reason."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from functools import partial

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QPlainTextEdit, QWidget

from backoffice.services.context import UserSession
from backoffice.services.deadline_extensions import MAX_REASON, ExtensionView, request_extension
from backoffice.services.sla_warnings import DeadlineView
from backoffice.ui.labels import label
from backoffice.ui.service_dialog import ServiceDialog


class ExtensionRequestDialog(ServiceDialog):
    """The new due date (after the current one) and the reason; accepted once the request is stored (the
    ``ExtensionView`` is then in ``result_value``)."""

    def __init__(self, us: UserSession, deadline: DeadlineView, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("申请延期"),
            "extension-dialog",
            self.tr("提交申请"),
            parent,
            prefix="extension",
            confirm_name="extension-submit",
            failure=self.tr("提交时程序出错，请查看日志。"),
            close_on_conflict=False,
        )
        self._us, self._deadline = us, deadline
        self.submit_button = self.confirm_button
        self.set_explanation(
            self.tr("{stage}：现在的到期日是 {due}。延期由主管批准后生效，并写入联系记录告知客户。").format(
                stage=label(deadline.stage_label), due=deadline.effective_due.isoformat()
            )
        )
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
        self.reason.textChanged.connect(self.update_button)
        self.inputs = [self.until]  # the reason stays readable: read-only while the call runs
        self.form.addRow(self.tr("延至"), self.until)
        self.form.addRow(self.tr("原因"), self.reason)
        self.setMinimumWidth(440)
        self.update_button()
        self.reason.setFocus()

    def until_date(self) -> date:
        value = self.until.date()
        return date(value.year(), value.month(), value.day())

    def missing(self) -> str:
        text = self.reason.toPlainText().strip()
        if not text:
            return self.tr("请写明延期的原因。")
        if len(text) > MAX_REASON:
            return self.tr("原因过长（最多 {n} 个字符）。").format(n=MAX_REASON)
        return ""

    def call(self) -> Callable[[], ExtensionView]:
        return partial(
            request_extension,
            self._us,
            self._deadline.id,
            until=self.until_date(),
            reason=self.reason.toPlainText().strip(),
        )

    def _set_busy(self, busy: bool) -> None:
        self.reason.setReadOnly(busy)
        super()._set_busy(busy)
