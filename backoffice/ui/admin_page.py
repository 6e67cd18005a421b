"""System administration: the user list (more admin tools arrive with later issues)."""

from __future__ import annotations

from datetime import datetime
from functools import partial
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from backoffice.services.context import UserSession
from backoffice.services.users import UserInfo, list_users
from backoffice.ui.admin_keys import KeysPanel
from backoffice.ui.errors import message_for
from backoffice.ui.labels import roles_text
from backoffice.ui.pages import PageSpec, page_heading
from backoffice.ui.tasks import Tasks

SHANGHAI = ZoneInfo("Asia/Shanghai")
Index = QModelIndex | QPersistentModelIndex
USER_ROLE = Qt.ItemDataRole.UserRole


class UsersTableModel(QAbstractTableModel):
    """Users as rows; ``UserRole`` gives the UserInfo of a row."""

    USERNAME, NAME, ROLES, STATUS = range(4)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[UserInfo] = []
        self._now: datetime | None = None
        self._headers = (self.tr("用户名"), self.tr("姓名"), self.tr("角色"), self.tr("状态"))

    def set_users(self, users: list[UserInfo], now: datetime) -> None:
        self.beginResetModel()
        self._rows = list(users)
        self._now = now
        self.endResetModel()

    def user(self, row: int) -> UserInfo:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        user = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(user, index.column())
        if role == USER_ROLE:
            return user
        return None

    def _display(self, user: UserInfo, column: int) -> str | None:
        if column == self.USERNAME:
            return user.username
        if column == self.NAME:
            return user.display_name
        if column == self.ROLES:
            return roles_text(user.roles, user.approval_level)
        if column == self.STATUS:
            return self._status(user)
        return None

    def _status(self, user: UserInfo) -> str:
        if not user.active:
            return self.tr("已停用")
        if user.locked_until is not None and self._now is not None and user.locked_until > self._now:
            until = user.locked_until.astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M")
            return self.tr("锁定至 {until}").format(until=until)
        return self.tr("正常")

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
            return self._headers[section]
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            return str(section + 1)
        return None


class AdminPage(QWidget):
    """The user list, loaded on a worker when the page is first shown and on 刷新."""

    def __init__(self, us: UserSession, spec: PageSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._us = us
        self._loaded = False
        self._tasks = Tasks(self)
        self.model = UsersTableModel(self)
        self.table = QTableView(objectName="users-table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.refresh_button = QPushButton(self.tr("刷新"), objectName="refresh-users")
        self.refresh_button.clicked.connect(self.refresh)
        self._tasks.busy_changed.connect(lambda busy: self.refresh_button.setEnabled(not busy))
        self.message = QLabel(objectName="users-message")
        self.message.setWordWrap(True)

        subtitle = QLabel(spec.translated_placeholder())
        subtitle.setStyleSheet("color: #555;")
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("用户")))
        bar.addStretch(1)
        bar.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addWidget(page_heading(spec))
        layout.addWidget(subtitle)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self.keys_panel = KeysPanel(us)
        layout.addWidget(self.keys_panel)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded:
            self._loaded = True
            self.refresh()
            self.keys_panel.refresh()

    def refresh(self) -> None:
        if not self._tasks.busy:
            self.message.setText(self.tr("正在读取用户…"))
            self._tasks.run(partial(list_users, self._us), self._show_users, self._failed)

    def _show_users(self, users: list[UserInfo]) -> None:
        self.model.set_users(users, self._us.bo.now())
        self.table.resizeColumnsToContents()
        self.message.setText(self.tr("共 {n} 个用户。").format(n=len(users)))

    def _failed(self, exc: Exception) -> None:
        self.message.setText(message_for(exc) or self.tr("读取用户时程序出错，请查看日志。"))
