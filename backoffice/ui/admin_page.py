"""System administration: tabs for the users, the keys, the authority matrix, delegation, the working-day
calendar and the deadline rules (each tab beyond the users in its own module)."""

from __future__ import annotations

from datetime import datetime
from functools import partial
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTableView, QTabWidget, QVBoxLayout, QWidget

from backoffice.services.context import UserSession
from backoffice.services.users import UserInfo, list_users
from backoffice.ui.admin_authority import AuthorityTab
from backoffice.ui.admin_calendar import CalendarTab
from backoffice.ui.admin_delegation import DelegationTab
from backoffice.ui.admin_keys import KeysPanel
from backoffice.ui.admin_rules import RulesTab
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
    """The tabs; the user list is loaded on a worker when the page is first shown and on 刷新, each other
    tab when it is first shown."""

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
        users = QWidget()
        users_layout = QVBoxLayout(users)
        users_layout.addLayout(bar)
        users_layout.addWidget(self.table, 1)
        users_layout.addWidget(self.message)
        self.keys_panel = KeysPanel(us)
        keys_tab = QWidget()
        keys_layout = QVBoxLayout(keys_tab)
        keys_layout.addWidget(self.keys_panel)
        keys_layout.addStretch(1)
        self.authority_tab = AuthorityTab(us)
        self.delegation_tab = DelegationTab(us)
        self.calendar_tab = CalendarTab(us)
        self.rules_tab = RulesTab(us)
        self.tabs = QTabWidget(objectName="admin-tabs")
        self.tabs.addTab(users, self.tr("用户"))
        self.tabs.addTab(keys_tab, self.tr("密钥"))
        self.tabs.addTab(self.authority_tab, self.tr("核赔权限"))
        self.tabs.addTab(self.delegation_tab, self.tr("委托"))
        self.tabs.addTab(self.calendar_tab, self.tr("工作日历"))
        self.tabs.addTab(self.rules_tab, self.tr("时效规则"))
        layout = QVBoxLayout(self)
        layout.addWidget(page_heading(spec))
        layout.addWidget(subtitle)
        layout.addWidget(self.tabs, 1)

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
