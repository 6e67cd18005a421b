"""Customer service on the 联系记录 tab: the 回访 questionnaire after payment and the 投诉 dialog.

Both write the contact log through the service (``customer_service``); the bar emits ``changed`` so that
the case is read again and the new entries appear. 回访 is possible once the case has paid something.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)

from backoffice.services.cases import CaseDetail
from backoffice.services.contact_log import CHANNELS, MAX_SUMMARY
from backoffice.services.context import UserSession
from backoffice.services.customer_service import CallbackView, record_callback
from backoffice.ui.complaints_dialog import ComplaintsDialog
from backoffice.ui.formatting import from_qdatetime, to_qdatetime
from backoffice.ui.labels import choices
from backoffice.ui.service_dialog import ServiceDialog
from backoffice.ui.widgets import DateTimeEdit


class CustomerServiceBar(QWidget):
    """回访… and 投诉… for the case shown; ``changed`` after anything was recorded."""

    changed = Signal()

    def __init__(self, us: UserSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._us = us
        self.detail: CaseDetail | None = None
        self.callback_button = QPushButton(self.tr("赔后回访…"), objectName="open-callback")
        self.callback_button.clicked.connect(self.open_callback)
        self.complaint_button = QPushButton(self.tr("投诉…"), objectName="open-complaints")
        self.complaint_button.clicked.connect(self.open_complaints)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("客户服务：")))
        layout.addWidget(self.callback_button)
        layout.addWidget(self.complaint_button)
        layout.addStretch(1)
        self._update()

    def show_detail(self, detail: CaseDetail) -> None:
        self.detail = detail
        self._update()

    def _paid(self) -> bool:
        amounts = self.detail.extra.get("amounts") if self.detail is not None else None
        paid = amounts.get("paid") if isinstance(amounts, dict) else None
        return bool(paid) and Decimal(str(paid)) > 0

    def _update(self) -> None:
        self.callback_button.setEnabled(self._paid())
        self.callback_button.setToolTip("" if self._paid() else self.tr("赔后回访在赔款支付之后进行。"))
        self.complaint_button.setEnabled(self.detail is not None)

    def open_callback(self) -> CallbackDialog | None:
        if self.detail is None or not self._paid():
            return None
        dialog = CallbackDialog(self._us, self.detail.case_no, self)
        dialog.accepted.connect(self.changed)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def open_complaints(self) -> ComplaintsDialog | None:
        if self.detail is None:
            return None
        dialog = ComplaintsDialog(self._us, self.detail.case_no, self)
        dialog.changed.connect(self.changed)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog


class CallbackDialog(ServiceDialog):
    """The callback questionnaire: satisfaction 1–5, whether payment felt timely, issues raised, remarks.
    Accepted once the service has stored it (a contact-log entry; an issue starts its own deadline); the
    ``CallbackView`` is then in ``result_value``."""

    def __init__(self, us: UserSession, case_no: str, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("赔后回访 {case_no}").format(case_no=case_no),
            "callback-dialog",
            self.tr("记录回访"),
            parent,
            prefix="callback",
            confirm_name="callback-save",
            failure=self.tr("记录时程序出错，请查看日志。"),
            close_on_conflict=False,
        )
        self._us, self._case_no = us, case_no
        self.save_button = self.confirm_button
        self.done_at = DateTimeEdit(to_qdatetime(us.bo.now()))
        self.done_at.setObjectName("callback-time")
        self.channel = QComboBox(objectName="callback-channel")
        for code, text in choices(CHANNELS):
            self.channel.addItem(text, code)
        self.satisfaction = QButtonGroup(self)
        scores = QHBoxLayout()
        names = {
            5: self.tr("非常满意"),
            4: self.tr("满意"),
            3: self.tr("一般"),
            2: self.tr("不满意"),
            1: self.tr("非常不满意"),
        }
        for score, name in names.items():
            button = QRadioButton(f"{score} {name}", objectName=f"satisfaction-{score}")
            self.satisfaction.addButton(button, score)
            scores.addWidget(button)
        self.satisfaction.idClicked.connect(self.update_button)
        self.paid_on_time = QComboBox(objectName="callback-timely")
        for text, value in (
            (self.tr("未询问"), None),
            (self.tr("认为及时"), True),
            (self.tr("认为不及时"), False),
        ):
            self.paid_on_time.addItem(text, value)
        self.issues = QCheckBox(
            self.tr("客户提出异议（须在 1 个工作日内联系客户）"), objectName="callback-issues"
        )
        self.issues.toggled.connect(self.update_button)
        self.remarks = QPlainTextEdit(objectName="callback-remarks")
        self.remarks.setPlaceholderText(self.tr("异议内容或其他备注"))
        self.remarks.setTabChangesFocus(True)
        self.remarks.setFixedHeight(80)
        self.remarks.textChanged.connect(self.update_button)
        self.form.addRow(self.tr("回访时间"), self.done_at)
        self.form.addRow(self.tr("方式"), self.channel)
        self.form.addRow(self.tr("满意度"), scores)
        self.form.addRow(self.tr("赔付是否及时"), self.paid_on_time)
        self.form.addRow("", self.issues)
        self.form.addRow(self.tr("备注"), self.remarks)
        self.setMinimumWidth(520)
        self.update_button()
        self.done_at.setFocus()  # the first field, not the buttons the frame made first

    def missing(self) -> str:
        remarks = self.remarks.toPlainText().strip()
        if self.satisfaction.checkedId() < 1:
            return self.tr("请选择满意度。")
        if self.issues.isChecked() and not remarks:
            return self.tr("客户提出异议时，请记录异议内容。")
        if len(remarks) > MAX_SUMMARY:
            return self.tr("内容过长（最多 {n} 个字符）。").format(n=MAX_SUMMARY)
        return ""

    def call(self) -> Callable[[], CallbackView]:
        return partial(
            record_callback,
            self._us,
            self._case_no,
            satisfaction=self.satisfaction.checkedId(),
            issues_raised=self.issues.isChecked(),
            paid_on_time=self.paid_on_time.currentData(),
            remarks=self.remarks.toPlainText().strip(),
            channel=str(self.channel.currentData()),
            done_at=from_qdatetime(self.done_at.dateTime()),
        )
