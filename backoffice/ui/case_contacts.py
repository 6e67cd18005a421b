"""The 联系记录 tab: the customer contact log of a case, and a new entry (call, SMS, letter…)."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from backoffice.security.roles import Permission
from backoffice.services.cases import CaseDetail
from backoffice.services.contact_log import CHANNELS, DIRECTIONS, MAX_SUMMARY, ContactView, add_contact
from backoffice.services.context import UserSession
from backoffice.ui.customer_service_dialogs import CustomerServiceBar
from backoffice.ui.errors import message_for
from backoffice.ui.formatting import local_time
from backoffice.ui.labels import choices, code_label
from backoffice.ui.simple_model import RowsModel
from backoffice.ui.tasks import Tasks
from backoffice.ui.widgets import error_label, rows_table


class CaseContactsTab(QWidget):
    changed = Signal()

    def __init__(self, us: UserSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._us = us
        self._case_id: int | None = None
        self._tasks = Tasks(self)
        self._tasks.busy_changed.connect(self._set_busy)
        self.model = RowsModel(
            (self.tr("时间"), self.tr("方式"), self.tr("方向"), self.tr("内容摘要"), self.tr("记录人")), self
        )
        self.table = rows_table(self.model, "contacts-table")
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        for column, width in ((0, 125), (1, 80), (2, 80), (4, 110)):
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)

        self.channel = QComboBox(objectName="contact-channel")
        for code, text in choices(CHANNELS):
            self.channel.addItem(text, code)
        self.direction = QComboBox(objectName="contact-direction")
        for code, text in choices(DIRECTIONS):
            self.direction.addItem(text, code)
        self.summary = QLineEdit(objectName="contact-summary")
        self.summary.setMaxLength(MAX_SUMMARY)
        self.summary.setPlaceholderText(self.tr("联系内容摘要，例如：电话告知客户补交诊断证明"))
        self.summary.returnPressed.connect(self.add_entry)
        self.add_button = QPushButton(self.tr("添加记录"), objectName="add-contact")
        self.add_button.clicked.connect(self.add_entry)
        self.message = error_label("contact-message")
        may_add = us.actor.role_for(Permission.HANDLE_CASES) is not None
        self.service_bar = CustomerServiceBar(us)  # 回访 and 投诉: dialogs that write this log
        self.service_bar.changed.connect(self.changed)
        self.service_bar.setVisible(may_add)
        form = QHBoxLayout()
        for widget in (self.channel, self.direction):
            form.addWidget(widget)
        form.addWidget(self.summary, 1)
        form.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.service_bar)
        layout.addWidget(self.table, 1)
        if may_add:
            layout.addWidget(QLabel(self.tr("新的联系记录")))
            layout.addLayout(form)
            layout.addWidget(self.message)
        else:
            for widget in (self.channel, self.direction, self.summary, self.add_button):
                widget.hide()

    def show_detail(self, detail: CaseDetail) -> None:
        self._case_id = detail.id
        self.service_bar.show_detail(detail)
        self.model.set_rows([self._row(c) for c in detail.contacts], list(detail.contacts))
        self.table.resizeRowsToContents()

    def _row(self, contact: ContactView) -> tuple[str, ...]:
        return (
            local_time(contact.at),
            code_label(CHANNELS, contact.channel),
            code_label(DIRECTIONS, contact.direction),
            contact.summary,
            contact.user,
        )

    def add_entry(self) -> None:
        if self._case_id is None or self._tasks.busy:
            return
        self.message.hide()
        call = partial(
            add_contact,
            self._us,
            self._case_id,
            channel=str(self.channel.currentData()),
            direction=str(self.direction.currentData()),
            summary=self.summary.text(),
        )
        self._tasks.run(call, self._added, self._failed)

    def _added(self, _entry: ContactView) -> None:
        self.summary.clear()
        self.changed.emit()

    def _failed(self, exc: Exception) -> None:
        self.message.setText(message_for(exc) or self.tr("记录时程序出错，请查看日志。"))
        self.message.show()
        self.summary.setFocus()

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.channel, self.direction, self.summary, self.add_button):
            widget.setEnabled(not busy)
