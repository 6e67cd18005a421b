"""Showing one masked personal field in the clear, for a limited time, with password and reason.

``MaskedValue`` shows the masked text and, for users who hold the permission, a 显示 button. The button
opens ``RevealDialog``: a reason chosen from the service's list and the password again; the service
checks both, audits the access and returns the value, which is shown for ``REVEAL_SECONDS`` and then
masked again. A refusal (wrong password, no permission, a locked account) stays in the dialog.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from backoffice.security.roles import Permission
from backoffice.services.context import UserSession
from backoffice.services.people import REVEAL_REASONS, reveal
from backoffice.ui.errors import message_for
from backoffice.ui.labels import choices
from backoffice.ui.tasks import Tasks

REVEAL_SECONDS = 60


def may_reveal(us: UserSession) -> bool:
    return us.actor.role_for(Permission.REVEAL_PERSONAL) is not None


class RevealDialog(QDialog):
    """Accepted once the service returned the value (then in ``value``)."""

    def __init__(
        self, us: UserSession, person_id: int, field: str, what: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reveal-dialog")
        self.setWindowTitle(self.tr("显示完整信息"))
        self._us, self._person_id, self._field = us, person_id, field
        self._tasks = Tasks(self)
        self._tasks.busy_changed.connect(self._set_busy)
        self.value: str | None = None
        explain = QLabel(
            self.tr(
                "将显示{what}的完整内容 {seconds} 秒。查看会记入审计日志：请选择原因，并再次输入您的密码。"
            ).format(what=what, seconds=REVEAL_SECONDS)
        )
        explain.setWordWrap(True)
        self.reason = QComboBox(objectName="reveal-reason")
        self.reason.addItem(self.tr("请选择原因…"), "")
        for code, text in choices(REVEAL_REASONS):
            self.reason.addItem(text, code)
        self.password = QLineEdit(objectName="reveal-password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.returnPressed.connect(self._submit)
        self.message = QLabel(objectName="reveal-message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.hide()
        self.buttons = QDialogButtonBox()
        self.show_button = QPushButton(self.tr("显示"), objectName="reveal-confirm")
        self.show_button.setDefault(True)
        self.show_button.clicked.connect(self._submit)
        cancel = QPushButton(self.tr("取消"), objectName="reveal-cancel")
        cancel.clicked.connect(self.reject)
        self.buttons.addButton(self.show_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
        form = QFormLayout()
        form.addRow(self.tr("原因"), self.reason)
        form.addRow(self.tr("密码"), self.password)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        self.reason.setFocus()

    def _submit(self) -> None:
        if self._tasks.busy:
            return
        reason = str(self.reason.currentData() or "")
        if not reason:
            self._show(self.tr("请选择查看完整信息的原因。"))
            self.reason.setFocus()
            return
        if not self.password.text():
            self._show(self.tr("请输入您的密码。"))
            self.password.setFocus()
            return
        self.message.hide()
        call = partial(
            reveal, self._us, self._person_id, self._field, password=self.password.text(), reason=reason
        )
        self._tasks.run(call, self._revealed, self._failed)

    def _revealed(self, value: str) -> None:
        self.password.clear()
        self.value = value
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.password.clear()
        self._show(message_for(exc) or self.tr("显示时程序出错，请查看日志。"))
        self.password.setFocus()

    def _show(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.reason, self.password, *self.buttons.buttons()):
            widget.setEnabled(not busy)

    def reject(self) -> None:
        if not self._tasks.busy:
            super().reject()


class MaskedValue(QWidget):
    """A masked value with a 显示 button; ``revealed``/``masked`` tell when it changes."""

    revealed = Signal(str)
    masked = Signal()

    def __init__(
        self,
        us: UserSession,
        masked_text: str,
        *,
        person_id: int | None,
        field: str,
        what: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._us, self._person_id, self._field, self._what = us, person_id, field, what
        self._masked_text = masked_text
        self._left = 0
        self.dialog: RevealDialog | None = None
        self.value = QLabel(masked_text, objectName=f"value-{field}")
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.countdown = QLabel(objectName=f"countdown-{field}")
        self.countdown.setStyleSheet("color: #777;")
        self.button = QPushButton(self.tr("显示"), objectName=f"reveal-{field}")
        self.button.setToolTip(self.tr("显示完整内容（需要密码和原因，会记入审计日志）"))
        self.button.setVisible(bool(masked_text) and person_id is not None and may_reveal(us))
        self.button.clicked.connect(self.ask)
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.value)
        layout.addWidget(self.button)
        layout.addWidget(self.countdown)
        layout.addStretch(1)

    @property
    def showing_clear(self) -> bool:
        return self._timer.isActive()

    def ask(self) -> RevealDialog | None:
        if self._person_id is None or self.dialog is not None:
            return self.dialog
        dialog = RevealDialog(self._us, self._person_id, self._field, self._what, self)
        dialog.accepted.connect(lambda: self._show_clear(dialog.value or ""))
        dialog.finished.connect(self._dialog_closed)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _dialog_closed(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None

    def _show_clear(self, value: str) -> None:
        self.value.setText(value)
        self.value.setStyleSheet("font-weight: bold;")
        self.button.setEnabled(False)
        self._left = REVEAL_SECONDS
        self._timer.start()
        self._update_countdown()
        self.revealed.emit(value)

    def _tick(self) -> None:
        self._left -= 1
        if self._left <= 0:
            self.hide_clear()
        else:
            self._update_countdown()

    def _update_countdown(self) -> None:
        self.countdown.setText(self.tr("{n} 秒后重新隐藏").format(n=self._left))

    def hide_clear(self) -> None:
        """Mask the value again (at the end of the time, or at once)."""
        self._timer.stop()
        self.value.setText(self._masked_text)
        self.value.setStyleSheet("")
        self.countdown.clear()
        self.button.setEnabled(True)
        self.masked.emit()
