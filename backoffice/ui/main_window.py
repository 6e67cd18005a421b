"""The main window: navigation by role, pages in a stack, status bar, menus, idle lock."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from backoffice.security.roles import Role
from backoffice.services.context import UserSession
from backoffice.services.setup import is_demo
from backoffice.settings import Options
from backoffice.ui.admin_page import AdminPage
from backoffice.ui.approvals_page import ApprovalsPage
from backoffice.ui.archive_page import ArchivePage
from backoffice.ui.audit_page import AuditPage
from backoffice.ui.case_list import CaseListPage
from backoffice.ui.dashboard import DashboardPage
from backoffice.ui.idle_lock import IdleWatcher, LockDialog, minutes_to_ms
from backoffice.ui.labels import roles_text
from backoffice.ui.new_report import NewReportPage
from backoffice.ui.pages import PageSpec, PlaceholderPage, pages_for
from backoffice.ui.settings_dialog import SettingsDialog
from backoffice.ui.titles import window_title
from backoffice.ui.warnings_panel import MyWarningsPanel, add_warnings_panel

PAGE_KEY = Qt.ItemDataRole.UserRole
NAV_STYLE = """
QListWidget {
    font-size: 12pt; background: #f4f6f8; border: none; border-right: 1px solid #d0d4d8;
    outline: 0; show-decoration-selected: 1;
}
QListWidget::item { padding: 10px 14px; }
QListWidget::item:selected { background: #1a73e8; color: white; }
"""
STATUS_STYLE = "QStatusBar QLabel { padding: 2px 10px; border-left: 1px solid #c0c4c8; }"


class MainWindow(QMainWindow):
    """``signed_out`` when the user signs out (or chooses so on the lock screen); ``closed`` on close."""

    signed_out = Signal()
    closed = Signal()

    def __init__(
        self,
        us: UserSession,
        parent: QWidget | None = None,
        *,
        idle_timeout_ms: int | None = None,
        demo: bool | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("main-window")
        self.us = us
        self._options: Options = us.bo.settings.options
        self._demo = is_demo(us.bo) if demo is None else demo
        self._lock_dialog: LockDialog | None = None
        self._signing_out = False
        self.setWindowTitle(window_title(demo=self._demo))

        self.nav = QListWidget(objectName="nav")
        self.nav.setFixedWidth(180)
        self.nav.setStyleSheet(NAV_STYLE)
        self.stack = QStackedWidget(objectName="pages")
        self._pages: dict[str, QWidget] = {}
        for spec in pages_for(us.actor.roles):
            self._add_page(spec)
        self._connect_pages()
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.nav.setCurrentRow(0)

        body = QWidget()
        row = QHBoxLayout(body)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.cover = self._make_cover()
        self.central = QStackedWidget(objectName="central")
        self.central.addWidget(body)
        self.central.addWidget(self.cover)
        self.setCentralWidget(self.central)

        self._build_status_bar()
        self._build_menus()
        self.resize(1000, 640)

        timeout = (
            idle_timeout_ms if idle_timeout_ms is not None else minutes_to_ms(self._options.idle_lock_minutes)
        )
        self.idle = IdleWatcher(timeout, self)
        self.idle.idle.connect(self.lock)
        self.idle.start()

    # --- pages -----------------------------------------------------------------------------------
    def _add_page(self, spec: PageSpec) -> None:
        page = self._make_page(spec)
        page.setObjectName(f"page-{spec.key}")
        self.stack.addWidget(page)
        self._pages[spec.key] = page
        item = QListWidgetItem(spec.translated_title())
        item.setData(PAGE_KEY, spec.key)
        self.nav.addItem(item)

    def _make_page(self, spec: PageSpec) -> QWidget:
        if spec.key == "admin":
            return AdminPage(self.us, spec)
        if spec.key == "audit":
            return AuditPage(self.us, spec)
        if spec.key == "new_report":
            return NewReportPage(self.us, spec)
        if spec.key == "cases":
            return CaseListPage(self.us, spec)
        if spec.key == "reports":
            return DashboardPage(self.us, spec)
        if spec.key == "approvals":
            return ApprovalsPage(self.us, spec)
        if spec.key == "archive":
            return ArchivePage(self.us, spec)
        greeting = ""
        if spec.key == "workbench":
            greeting = self.tr("欢迎，{name}。").format(name=self.us.actor.display_name)
            return add_warnings_panel(PlaceholderPage(spec, greeting=greeting), self.us)
        return PlaceholderPage(spec, greeting=greeting)

    def _connect_pages(self) -> None:
        new_report, cases = self._pages.get("new_report"), self._pages.get("cases")
        if isinstance(new_report, NewReportPage) and isinstance(cases, CaseListPage):
            new_report.open_case_requested.connect(self.open_case)
        workbench = self._pages.get("workbench")
        panel = workbench.findChild(MyWarningsPanel) if workbench is not None else None
        if panel is not None:
            if isinstance(cases, CaseListPage):  # a double-click on a warning or a task opens its case
                panel.case_activated.connect(self.open_case)
            panel.red_alert.connect(lambda text: self.statusBar().showMessage(text, 120_000))

    def open_case(self, case_no: str) -> None:
        """Show the case in its own tab of the 案件 page."""
        page = self.show_page("cases")
        if isinstance(page, CaseListPage):
            page.open_case(case_no)

    def page_keys(self) -> list[str]:
        return [self.nav.item(row).data(PAGE_KEY) for row in range(self.nav.count())]

    def page(self, key: str) -> QWidget:
        return self._pages[key]

    def show_page(self, key: str) -> QWidget:
        self.nav.setCurrentRow(self.page_keys().index(key))
        return self._pages[key]

    # --- status bar and menus --------------------------------------------------------------------
    def _build_status_bar(self) -> None:
        actor = self.us.actor
        level = actor.approval_level if Role.APPROVER in actor.roles else None
        self.status_user = QLabel(
            self.tr("用户：{name} · {user}").format(name=actor.display_name, user=actor.username)
        )
        self.status_user.setObjectName("status-user")
        self.status_roles = QLabel(self.tr("角色：{roles}").format(roles=roles_text(actor.roles, level)))
        self.status_roles.setObjectName("status-roles")
        database = self.us.bo.settings.describe_database()
        if self._demo:
            database += self.tr("（演示）")
        self.status_database = QLabel(self.tr("数据库：{db}").format(db=database))
        self.status_database.setObjectName("status-database")
        bar = self.statusBar()
        bar.setStyleSheet(STATUS_STYLE)
        for label in (self.status_user, self.status_roles, self.status_database):
            bar.addPermanentWidget(label)

    def _build_menus(self) -> None:
        menu = self.menuBar()
        session = menu.addMenu(self.tr("会话"))
        self.lock_action = QAction(self.tr("锁定屏幕"), self, objectName="lock-action")
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock)
        self.sign_out_action = QAction(self.tr("注销"), self, objectName="sign-out-action")
        self.sign_out_action.triggered.connect(self.sign_out)
        self.quit_action = QAction(self.tr("退出"), self, objectName="quit-action")
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        session.addActions([self.lock_action, self.sign_out_action])
        session.addSeparator()
        session.addAction(self.quit_action)
        settings = menu.addMenu(self.tr("设置"))
        self.settings_action = QAction(self.tr("语言和自动锁定…"), self, objectName="settings-action")
        self.settings_action.triggered.connect(self.open_settings)
        settings.addAction(self.settings_action)

    def open_settings(self) -> SettingsDialog:
        dialog = SettingsDialog(self.us, self._options, self)
        dialog.accepted.connect(lambda: self._settings_saved(dialog))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _settings_saved(self, dialog: SettingsDialog) -> None:
        if dialog.saved is None:
            return
        changed_language = dialog.language_changed()
        self._options = dialog.saved
        self.idle.set_timeout(minutes_to_ms(self._options.idle_lock_minutes))
        if changed_language:
            self.statusBar().showMessage(self.tr("设置已保存。新的界面语言在重新启动程序后生效。"))
        else:
            self.statusBar().showMessage(self.tr("设置已保存。"), 10_000)

    # --- locking ---------------------------------------------------------------------------------
    @property
    def locked(self) -> bool:
        return self._lock_dialog is not None

    def lock(self) -> LockDialog | None:
        """Cover the window and ask for the password; input elsewhere in the app is blocked."""
        if self._lock_dialog is not None or self._signing_out:
            return self._lock_dialog
        self.idle.stop()
        self.central.setCurrentWidget(self.cover)
        self.menuBar().setEnabled(False)
        dialog = LockDialog(self.us, self)
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.accepted.connect(self._unlocked)
        dialog.sign_out_requested.connect(self.sign_out)
        self._lock_dialog = dialog
        dialog.open()
        return dialog

    def _unlocked(self) -> None:
        dialog, self._lock_dialog = self._lock_dialog, None
        if dialog is not None:
            dialog.deleteLater()
        self.central.setCurrentIndex(0)
        self.menuBar().setEnabled(True)
        self.idle.start()

    def _make_cover(self) -> QWidget:
        cover = QWidget(objectName="lock-cover")
        text = QLabel(self.tr("已锁定。请输入密码解锁。"))
        text.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        text.setStyleSheet("font-size: 18pt; color: #555;")
        layout = QVBoxLayout(cover)
        layout.setContentsMargins(40, 80, 40, 40)
        layout.addWidget(text)
        return cover

    # --- leaving ---------------------------------------------------------------------------------
    def sign_out(self) -> None:
        self._signing_out = True
        self.signed_out.emit()
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.idle.stop()
        if self._lock_dialog is not None:
            dialog, self._lock_dialog = self._lock_dialog, None
            dialog.done(0)
            dialog.deleteLater()
        super().closeEvent(event)
        if not self._signing_out:
            self.closed.emit()
