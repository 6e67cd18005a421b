"""Logging the receipt of one checklist document: when, original or copy, pages, from whom."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from backoffice.services.checklists import ItemView, Receipt, receive_item
from backoffice.services.context import UserSession
from backoffice.ui.errors import message_for
from backoffice.ui.formatting import from_qdatetime, to_qdatetime
from backoffice.ui.tasks import Tasks
from backoffice.ui.widgets import DateTimeEdit, error_label


class ReceiptDialog(QDialog):
    """Accepted once the checklist service has logged the receipt (then in ``result``)."""

    def __init__(self, us: UserSession, case_id: int, item: ItemView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("receipt-dialog")
        self.setWindowTitle(self.tr("登记收取单证"))
        self._us, self._case_id, self._item = us, case_id, item
        self._tasks = Tasks(self)
        self._tasks.busy_changed.connect(self._set_busy)
        self.result_item: ItemView | None = None

        self.received_at = DateTimeEdit(to_qdatetime(us.bo.now()))
        self.received_at.setObjectName("receipt-time")
        self.original = QCheckBox(self.tr("原件"), objectName="receipt-original")
        self.original.setChecked(item.original_required)
        self.pages = QSpinBox(objectName="receipt-pages")
        self.pages.setRange(1, 9999)
        self.pages.setValue(item.pages or 1)
        self.received_from = QLineEdit(objectName="receipt-from")
        self.received_from.setMaxLength(64)
        self.received_from.setPlaceholderText(self.tr("例如：被保险人本人、代理人、医院"))
        self.message = error_label("receipt-message")
        title = QLabel(self.tr("单证：{title}").format(title=item.title), objectName="receipt-title")
        title.setWordWrap(True)
        hint = QLabel(self.tr("此项要求提供原件。") if item.original_required else "")
        hint.setStyleSheet("color: #555;")

        form = QFormLayout()
        form.addRow(self.tr("收取时间"), self.received_at)
        form.addRow("", self.original)
        form.addRow(self.tr("页数"), self.pages)
        form.addRow(self.tr("提交人"), self.received_from)
        buttons = QDialogButtonBox()
        self.save_button = QPushButton(self.tr("登记"), objectName="receipt-save")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self._submit)
        cancel = QPushButton(self.tr("取消"), objectName="receipt-cancel")
        cancel.clicked.connect(self.reject)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
        self._buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        if item.original_required:
            layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(400)
        self.received_from.setFocus()

    def receipt(self) -> Receipt:
        return Receipt(
            received_at=from_qdatetime(self.received_at.dateTime()),
            is_original=self.original.isChecked(),
            pages=self.pages.value(),
            received_from=self.received_from.text().strip(),
        )

    def _submit(self) -> None:
        if self._tasks.busy:
            return
        self.message.hide()
        call = partial(
            receive_item,
            self._us,
            self._case_id,
            self._item.id,
            self.receipt(),
            expected_version=self._item.version,
        )
        self._tasks.run(call, self._saved, self._failed)

    def _saved(self, item: ItemView) -> None:
        self.result_item = item
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.message.setText(message_for(exc) or self.tr("登记时程序出错，请查看日志。"))
        self.message.show()

    def _set_busy(self, busy: bool) -> None:
        for widget in (
            self.received_at,
            self.original,
            self.pages,
            self.received_from,
            *self._buttons.buttons(),
        ):
            widget.setEnabled(not busy)

    def reject(self) -> None:
        if not self._tasks.busy:
            super().reject()
