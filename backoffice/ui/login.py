"""The sign-in dialog: user name and password, checked by the auth service on a worker thread.

The dialog can be shown before the database is open (``LoginDialog(None, settings=...)``): the user types
while the database opens on a worker, 登录 stays disabled under a short status line until
``database_ready`` hands it the open Backoffice. Nothing here imports the services at module level, so the
dialog appears before SQLAlchemy, Alembic and the models are loaded.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from backoffice.ui.errors import message_for
from backoffice.ui.tasks import Tasks
from backoffice.ui.titles import app_title, window_title

if TYPE_CHECKING:
    from backoffice.services.context import Backoffice, UserSession
    from backoffice.settings import Settings


class LoginDialog(QDialog):
    """Emits ``signed_in`` with the UserSession and accepts; a refused attempt is shown inline."""

    signed_in = Signal(object)

    def __init__(
        self,
        bo: Backoffice | None,
        parent: QWidget | None = None,
        *,
        demo: bool | None = None,
        settings: Settings | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("login-dialog")
        if bo is not None:
            settings = bo.settings
        if settings is None:
            raise ValueError("a login dialog without a database needs its settings")
        self._bo: Backoffice | None = None
        self._tasks = Tasks(self)
        self._tasks.busy_changed.connect(self._update_controls)
        self.session: UserSession | None = None
        self._demo = settings.demo if demo is None else demo
        self._demo_label: QLabel | None = None

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
        self.opening_label = QLabel(self.tr("正在打开数据库…"), objectName="opening")
        self.opening_label.setStyleSheet("color: #555;")

        heading = QLabel(app_title(), objectName="heading")
        heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        database = QLabel(self.tr("数据库：{db}").format(db=settings.describe_database()))
        database.setObjectName("database")
        database.setWordWrap(True)
        database.setStyleSheet("color: #555;")
        self._database_label = database

        form = QFormLayout()
        form.addRow(self.tr("用户名"), self.username)
        form.addRow(self.tr("密码"), self.password)
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(heading)
        self._layout.addLayout(form)
        self._layout.addWidget(self.error)
        self._layout.addWidget(self.busy_label)
        self._layout.addWidget(self.opening_label)
        self._layout.addWidget(self.sign_in_button)
        self._layout.addWidget(database)
        self.setMinimumWidth(420)

        self.sign_in_button.clicked.connect(self._submit)
        self.username.returnPressed.connect(self.password.setFocus)
        self.password.returnPressed.connect(self._submit)
        self.username.setFocus()
        if bo is not None:
            self.database_ready(bo, demo=is_demo_database(bo) if demo is None else demo)
        else:
            self._show_title()
            self._update_controls()

    @property
    def ready(self) -> bool:
        """Whether the database is open, so that 登录 can ask the auth service."""
        return self._bo is not None

    def database_ready(self, bo: Backoffice, *, demo: bool) -> None:
        """The database is open and usable: name a demo and let the user sign in."""
        from PySide6.QtCore import Qt  # its enums take ~20 ms to load: not before the dialog is shown

        self._bo = bo
        self._demo = demo
        self._show_title()
        self._database_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if demo and self._demo_label is None:
            self._demo_label = self._demo_hint()
            self._layout.insertWidget(1, self._demo_label)
            # Added to a dialog already on screen: the layout would show it only on a later pass of the
            # event loop, after 登录 is already enabled.
            self._demo_label.show()
        self._update_controls()

    def _show_title(self) -> None:
        self.setWindowTitle(window_title(self.tr("登录"), demo=self._demo))

    def _demo_hint(self) -> QLabel:
        """The demo users, three to a line so that no name is broken at its hyphen."""
        import html

        from PySide6.QtCore import Qt

        from backoffice.services.demo import DEFAULT_DEMO_PASSWORD, DEMO_USERS  # loaded only for a demo

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
        if self._tasks.busy or self._bo is None:
            return
        username, password = self.username.text().strip(), self.password.text()
        if not username or not password:
            self._show_error(self.tr("请输入用户名和密码。"))
            return
        self.error.hide()
        from backoffice.services.auth import sign_in  # loaded on the worker while the database opened

        self._tasks.run(partial(sign_in, self._bo, username, password), self._succeeded, self._failed)

    def _update_controls(self) -> None:
        busy = self._tasks.busy
        self.username.setEnabled(not busy)
        self.password.setEnabled(not busy)
        self.sign_in_button.setEnabled(not busy and self._bo is not None)
        self.busy_label.setVisible(busy)
        self.opening_label.setVisible(self._bo is None)

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


def is_demo_database(bo: Backoffice) -> bool:
    """Whether ``bo`` is a demo database (asks the database: call it off the UI thread when you can)."""
    from backoffice.services.setup import is_demo

    return is_demo(bo)
