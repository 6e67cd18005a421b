"""The sign-in dialog: user name and password, checked by the auth service on a worker thread."""

from __future__ import annotations

import html
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from backoffice.services.auth import sign_in
from backoffice.services.context import Backoffice, UserSession
from backoffice.services.demo import DEFAULT_DEMO_PASSWORD, DEMO_USERS
from backoffice.services.setup import is_demo
from backoffice.ui.errors import message_for
from backoffice.ui.tasks import Tasks
from backoffice.ui.titles import app_title, window_title


class LoginDialog(QDialog):
    """Emits ``signed_in`` with the UserSession and accepts; a refused attempt is shown inline."""

    signed_in = Signal(object)

    def __init__(self, bo: Backoffice, parent: QWidget | None = None, *, demo: bool | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("login-dialog")
        self._bo = bo
        self._tasks = Tasks(self)
        self._tasks.busy_changed.connect(self._set_busy)
        self.session: UserSession | None = None
        self._demo = is_demo(bo) if demo is None else demo
        self.setWindowTitle(window_title(self.tr("登录"), demo=self._demo))

        self.username = QLineEdit(objectName="username")
        self.username.setMaxLength(64)
        self.password = QLineEdit(objectName="password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(256)
        self.sign_in_button = QPushButton(self.tr("登录"), objectName="sign-in")
        self.sign_in_button.setDefault(True)
        self.error = QLabel(objectName="error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        self.busy_label = QLabel(self.tr("正在核对密码…"), objectName="busy")
        self.busy_label.hide()

        heading = QLabel(app_title(), objectName="heading")
        heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        database = QLabel(self.tr("数据库：{db}").format(db=bo.settings.describe_database()))
        database.setObjectName("database")
        database.setWordWrap(True)
        database.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        database.setStyleSheet("color: #555;")

        form = QFormLayout()
        form.addRow(self.tr("用户名"), self.username)
        form.addRow(self.tr("密码"), self.password)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        if self._demo:
            layout.addWidget(self._demo_hint())
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.busy_label)
        layout.addWidget(self.sign_in_button)
        layout.addWidget(database)
        self.setMinimumWidth(420)

        self.sign_in_button.clicked.connect(self._submit)
        self.username.returnPressed.connect(self.password.setFocus)
        self.password.returnPressed.connect(self._submit)
        self.username.setFocus()

    def _demo_hint(self) -> QLabel:
        """The demo users, three to a line so that no name is broken at its hyphen."""
        names = [user.username for user in DEMO_USERS]
        lines = "<br>".join(html.escape(" · ".join(names[i : i + 3])) for i in range(0, len(names), 3))
        hint = QLabel(
            self.tr("演示数据库 DEMO：每个角色都有演示用户，默认密码 {password}。").format(
                password=f"<b>{html.escape(DEFAULT_DEMO_PASSWORD)}</b>"
            )
            + f"<br><span style='color:#555'>{lines}</span>",
            objectName="demo",
        )
        hint.setTextFormat(Qt.TextFormat.RichText)
        hint.setWordWrap(True)
        hint.setStyleSheet("background: #fff4ce; padding: 6px; border: 1px solid #e0c060;")
        return hint

    def _submit(self) -> None:
        if self._tasks.busy:
            return
        username, password = self.username.text().strip(), self.password.text()
        if not username or not password:
            self._show_error(self.tr("请输入用户名和密码。"))
            return
        self.error.hide()
        self._tasks.run(partial(sign_in, self._bo, username, password), self._succeeded, self._failed)

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.username, self.password, self.sign_in_button):
            widget.setEnabled(not busy)
        self.busy_label.setVisible(busy)

    def _succeeded(self, session: UserSession) -> None:
        self.session = session
        self.password.clear()
        self.signed_in.emit(session)
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.password.clear()
        text = message_for(exc)
        self._show_error(text if text is not None else self.tr("登录时程序出错，请查看日志。"))
        self.password.setFocus()

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def reject(self) -> None:
        if not self._tasks.busy:  # never close under a running sign-in
            super().reject()
