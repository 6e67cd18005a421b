"""The frame of a dialog that hands a form to one service call: a form, a red message, OK and 取消.

OK runs the call on a worker; while it runs the inputs and both buttons are disabled and the dialog
refuses to close. The dialog is accepted when the call returns (its answer is then in ``result_value``);
a refusal stays in the dialog as the message. A ``ConflictError`` (someone changed the record meanwhile)
closes it with ``conflicted`` so that the caller can say so and read the record again, unless the dialog
was made with ``close_on_conflict=False``: then it is shown like any refusal.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from backoffice.domain.errors import ConflictError
from backoffice.ui.errors import message_for
from backoffice.ui.tasks import Tasks
from backoffice.ui.widgets import error_label


class ServiceDialog(QDialog):
    """Subclasses fill ``form``, say what is missing in ``missing()`` and build the call in ``call()``.

    ``name`` is the dialog's object name; its parts are named ``{prefix}-explain``, ``-message``,
    ``-confirm`` (or ``confirm_name``) and ``-cancel``, with ``prefix`` defaulting to ``name``.
    ``failure`` is the message for an error that has none for the user.
    """

    conflicted = Signal(str)

    def __init__(
        self,
        title: str,
        name: str,
        confirm: str,
        parent: QWidget | None = None,
        *,
        prefix: str | None = None,
        confirm_name: str | None = None,
        failure: str = "",
        close_on_conflict: bool = True,
    ) -> None:
        super().__init__(parent)
        prefix = prefix or name
        self.setObjectName(name)
        self.setWindowTitle(title)
        self._failure = failure
        self._close_on_conflict = close_on_conflict
        self._tasks = Tasks(self)
        self._tasks.busy_changed.connect(self._set_busy)
        self.result_value: Any = None
        self.inputs: list[QWidget] = []  # what is disabled while the call runs
        self.explain = QLabel(objectName=f"{prefix}-explain")
        self.explain.setWordWrap(True)
        self.explain.hide()
        self.form = QFormLayout()
        self.message = error_label(f"{prefix}-message")
        self.buttons = QDialogButtonBox()
        self.confirm_button = QPushButton(confirm, objectName=confirm_name or f"{prefix}-confirm")
        self.confirm_button.setDefault(True)
        self.confirm_button.clicked.connect(self.submit)
        self.cancel_button = QPushButton(self.tr("取消"), objectName=f"{prefix}-cancel")
        self.cancel_button.clicked.connect(self.reject)
        self.buttons.addButton(self.confirm_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def set_explanation(self, text: str) -> None:
        self.explain.setText(text)
        self.explain.setVisible(bool(text))

    def missing(self) -> str:
        """What the user still has to fill in (the OK button stays disabled), or ""."""
        return ""

    def call(self) -> Callable[[], Any] | None:
        """The service call, or None after showing what is wrong with the form."""
        raise NotImplementedError

    def update_button(self) -> None:
        self.confirm_button.setEnabled(not self._tasks.busy and not self.missing())

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def submit(self) -> None:
        if self._tasks.busy:
            return
        missing = self.missing()
        if missing:
            self.show_message(missing)
            return
        self.message.hide()
        call = self.call()
        if call is not None:
            self._tasks.run(call, self._done, self._failed)

    def _done(self, value: Any) -> None:
        self.result_value = value
        self.accept()

    def _failed(self, exc: Exception) -> None:
        text = message_for(exc) or self._failure or self.tr("保存时程序出错，请查看日志。")
        if isinstance(exc, ConflictError) and self._close_on_conflict:
            self.conflicted.emit(text)
            self.done(QDialog.DialogCode.Rejected)
            return
        self.show_message(text)

    def _set_busy(self, busy: bool) -> None:
        for widget in (*self.inputs, *self.buttons.buttons()):
            widget.setEnabled(not busy)
        if not busy:
            self.update_button()

    def reject(self) -> None:
        if not self._tasks.busy:
            super().reject()
