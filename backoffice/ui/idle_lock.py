"""Locking after idle time, and asking for the password again (unlock and sign-off actions).

``IdleWatcher`` is an application-wide event filter: any key, mouse or touch input restarts a
single-shot timer; when it fires, ``idle`` is emitted and the main window locks itself. The password
is checked by ``services.auth.confirm_password`` on a worker; failures count like sign-in failures.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from backoffice.services.auth import confirm_password
from backoffice.services.context import UserSession
from backoffice.ui.errors import message_for
from backoffice.ui.tasks import Tasks

_T = QEvent.Type
INPUT_EVENTS = frozenset(
    {
        _T.KeyPress,
        _T.KeyRelease,
        _T.MouseButtonPress,
        _T.MouseButtonRelease,
        _T.MouseButtonDblClick,
        _T.MouseMove,
        _T.Wheel,
        _T.TouchBegin,
        _T.TouchUpdate,
        _T.TabletPress,
        _T.ShortcutOverride,
    }
)


def minutes_to_ms(minutes: int) -> int:
    return minutes * 60_000


class IdleWatcher(QObject):
    """Emits ``idle`` after ``timeout_ms`` without user input anywhere in the application."""

    idle = Signal()

    def __init__(self, timeout_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(timeout_ms)
        self._timer.timeout.connect(self.idle)
        self._filtering = False

    @property
    def timeout_ms(self) -> int:
        return self._timer.interval()

    def set_timeout(self, timeout_ms: int) -> None:
        self._timer.setInterval(timeout_ms)
        if self._timer.isActive():
            self._timer.start()

    def start(self) -> None:
        app = QApplication.instance()
        if app is not None and not self._filtering:
            app.installEventFilter(self)
            self._filtering = True
        self._timer.start()

    def stop(self) -> None:
        """Stop counting (while locked, and for good when the window goes)."""
        self._timer.stop()
        app = QApplication.instance()
        if app is not None and self._filtering:
            app.removeEventFilter(self)
            self._filtering = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS and self._timer.isActive():
            self._timer.start()
        return False


class PasswordDialog(QDialog):
    """Asks for the signed-in user's password; accepted once the auth service has confirmed it."""

    def __init__(
        self, us: UserSession, purpose: str, parent: QWidget | None = None, *, prompt: str | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("password-dialog")
        self._us, self._purpose = us, purpose
        self._tasks = Tasks(self)
        self._tasks.busy_changed.connect(self._set_busy)
        self.setWindowTitle(self.tr("确认密码"))
        self.prompt = QLabel(
            prompt or self.tr("请输入 {name} 的密码以确认此操作。").format(name=us.actor.display_name),
            objectName="prompt",
        )
        self.prompt.setWordWrap(True)
        self.password = QLineEdit(objectName="password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel(objectName="message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.hide()
        self.buttons = QDialogButtonBox()
        self.confirm_button = QPushButton(self.tr("确认"), objectName="confirm")
        self.confirm_button.setDefault(True)
        self.buttons.addButton(self.confirm_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.confirm_button.clicked.connect(self._submit)
        self.password.returnPressed.connect(self._submit)
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self.prompt)
        self._layout.addWidget(self.password)
        self._layout.addWidget(self.message)
        self._layout.addWidget(self.buttons)
        self.setMinimumWidth(380)
        self._add_other_buttons()
        self.password.setFocus()

    def _add_other_buttons(self) -> None:
        cancel = QPushButton(self.tr("取消"), objectName="cancel")
        self.buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
        cancel.clicked.connect(self.reject)

    def _submit(self) -> None:
        password = self.password.text()
        if self._tasks.busy or not password:
            return
        self.message.hide()
        call = partial(confirm_password, self._us, password, purpose=self._purpose)
        self._tasks.run(call, self._confirmed, self._failed)

    def _set_busy(self, busy: bool) -> None:
        self.password.setEnabled(not busy)
        for button in self.buttons.buttons():
            button.setEnabled(not busy)

    def _confirmed(self, _result: object) -> None:
        self.password.clear()
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.password.clear()
        self.message.setText(message_for(exc) or self.tr("核对密码时程序出错，请查看日志。"))
        self.message.show()
        self.password.setFocus()

    def reject(self) -> None:
        if not self._tasks.busy:
            super().reject()


class LockDialog(PasswordDialog):
    """The lock screen's dialog: no cancel, only unlock with the password or sign out."""

    sign_out_requested = Signal()

    def __init__(self, us: UserSession, parent: QWidget | None = None) -> None:
        super().__init__(us, "unlock", parent)
        self.prompt.setText(
            self.tr("屏幕已锁定。请输入 {name}（{user}）的密码解锁。").format(
                name=us.actor.display_name, user=us.actor.username
            )
        )
        self.setObjectName("lock-dialog")
        self.setWindowTitle(self.tr("已锁定"))
        self.confirm_button.setText(self.tr("解锁"))

    def _add_other_buttons(self) -> None:
        sign_out = QPushButton(self.tr("注销"), objectName="sign-out")
        self.buttons.addButton(sign_out, QDialogButtonBox.ButtonRole.DestructiveRole)
        sign_out.clicked.connect(self._sign_out)

    def _sign_out(self) -> None:
        if not self._tasks.busy:
            self.sign_out_requested.emit()
            self.done(QDialog.DialogCode.Rejected)

    def reject(self) -> None:
        """Escape and the close button do nothing: the only ways out are unlock and sign out."""


def ask_password(parent: QWidget | None, us: UserSession, purpose: str, prompt: str | None = None) -> bool:
    """Ask again for the password before a sign-off action; True once the service has confirmed it."""
    dialog = PasswordDialog(us, purpose, parent, prompt=prompt)
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()
