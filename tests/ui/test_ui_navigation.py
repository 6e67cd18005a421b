"""The main window per role: navigation, status bar, title, the admin and audit pages, settings, sign-out."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from ui_support import (  # noqa: F401 (fixtures)
    EXPECTED_PAGES,
    OFFSCREEN_NOISE,
    PASSWORD,
    demo_bo_fixture,
    demo_template_fixture,
    session,
)

from backoffice.domain.errors import AuthenticationError
from backoffice.security.roles import ROLE_LABELS, Role
from backoffice.services.auth import sign_in
from backoffice.services.users import list_users
from backoffice.ui.admin_page import UsersTableModel
from backoffice.ui.main_window import MainWindow
from backoffice.ui.pages import PAGES
from backoffice.ui.shell import Shell

pytestmark = OFFSCREEN_NOISE
TITLES = {page.key: page.title for page in PAGES}


def _window(qtbot, bo, username: str) -> MainWindow:
    window = MainWindow(session(bo, username))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.mark.parametrize("username", sorted(EXPECTED_PAGES))
def test_each_demo_user_sees_exactly_the_pages_of_their_roles(qtbot, demo_bo, username) -> None:
    window = _window(qtbot, demo_bo, username)
    expected = EXPECTED_PAGES[username]
    assert window.page_keys() == expected
    assert [window.nav.item(row).text() for row in range(window.nav.count())] == [TITLES[k] for k in expected]
    assert window.stack.count() == len(expected)
    for row, key in enumerate(expected):
        item = window.nav.item(row)
        qtbot.mouseClick(
            window.nav.viewport(), Qt.MouseButton.LeftButton, pos=window.nav.visualItemRect(item).center()
        )
        assert window.stack.currentWidget() is window.page(key)
        assert window.stack.currentWidget().objectName() == f"page-{key}"


def test_status_bar_and_title_name_user_role_and_database(qtbot, demo_bo) -> None:
    window = _window(qtbot, demo_bo, "demo-approver3")
    assert window.status_user.text() == "用户：刘洋（演示核赔 3 级） · demo-approver3"
    assert window.status_roles.text() == f"角色：{ROLE_LABELS[Role.APPROVER]}（3 级）"
    assert demo_bo.settings.describe_database() in window.status_database.text()
    assert window.windowTitle() == "backoffice 理赔后台 — 演示 DEMO"
    assert window.status_user.isVisible()


def test_workbench_says_what_it_shows(qtbot, demo_bo) -> None:
    window = _window(qtbot, demo_bo, "demo-clerk")
    page = window.show_page("workbench")
    text = page.findChild(type(window.status_user), "placeholder").text()
    assert text == "您的时效预警和跟进任务：双击一行打开案件。"
    greeting = window.page("workbench").findChild(type(window.status_user), "greeting").text()
    assert greeting == "欢迎，王芳（演示内勤）。"


def test_admin_page_lists_users(qtbot, demo_bo) -> None:
    window = _window(qtbot, demo_bo, "demo-admin")
    page = window.show_page("admin")
    model = page.model
    qtbot.waitUntil(lambda: model.rowCount() == len(EXPECTED_PAGES), timeout=15_000)
    usernames = [model.index(row, UsersTableModel.USERNAME).data() for row in range(model.rowCount())]
    assert usernames == sorted(EXPECTED_PAGES)
    row = usernames.index("demo-approver5")
    assert model.index(row, UsersTableModel.NAME).data() == "杨帆（演示核赔 5 级）"
    assert model.index(row, UsersTableModel.ROLES).data() == "核赔（5 级）"
    assert model.index(row, UsersTableModel.STATUS).data() == "正常"
    assert model.headerData(0, Qt.Orientation.Horizontal) == "用户名"
    assert page.message.text() == "共 10 个用户。"


def test_users_model_passes_the_model_tester_with_a_locked_user(qtmodeltester, demo_bo) -> None:
    for _ in range(5):
        with pytest.raises(AuthenticationError):
            sign_in(demo_bo, "demo-clerk", "wrong-password")
    model = UsersTableModel()
    qtmodeltester.check(model, force_py=True)  # empty
    admin = session(demo_bo, "demo-admin")
    model.set_users(list_users(admin), demo_bo.now())  # a reset under the tester's eyes
    qtmodeltester.check(model, force_py=True)
    statuses = {model.index(r, 0).data(): model.index(r, UsersTableModel.STATUS).data() for r in range(10)}
    assert statuses["demo-clerk"].startswith("锁定至 ")
    assert model.index(0, 0).data(Qt.ItemDataRole.UserRole).username == "demo-admin"
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) is None


def test_audit_page_verifies_the_chain(qtbot, demo_bo) -> None:
    window = _window(qtbot, demo_bo, "demo-auditor")
    page = window.show_page("audit")
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.verify_button.isEnabled() and "审计链" in page.result.text(), timeout=15_000)
    assert page.result.text().startswith("审计链完好：已校验 ")


def test_audit_page_names_the_first_bad_record(qtbot, demo_bo) -> None:
    # Somebody with the database file edits a record (after dropping the append-only trigger).
    with demo_bo.db.engine.begin() as conn:
        conn.exec_driver_sql("DROP TRIGGER audit_log_no_update")
        conn.exec_driver_sql("UPDATE audit_log SET action = 'user.tampered' WHERE seq = 3")
    window = _window(qtbot, demo_bo, "demo-auditor")
    page = window.show_page("audit")
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.verify_button.isEnabled() and "审计链" in page.result.text(), timeout=15_000)
    assert page.result.text().startswith("审计链有问题：从第 3 条记录起不可信（记录内容或签名被改动）")


def test_settings_dialog_saves_the_language_for_the_next_start(qtbot, demo_bo) -> None:
    window = _window(qtbot, demo_bo, "demo-clerk")
    dialog = window.open_settings()
    qtbot.waitExposed(dialog)
    assert not dialog.idle_minutes.isEnabled()  # only an admin changes the lock time
    assert "重新启动" in dialog.findChild(type(window.status_user), "restart-note").text()
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = json.loads(demo_bo.settings.options_file.read_text(encoding="utf-8"))
    assert saved == {"language": "en", "idle_lock_minutes": 10}
    assert "重新启动" in window.statusBar().currentMessage()
    assert window.windowTitle().startswith("backoffice 理赔后台")  # still Chinese until the restart


def test_admin_may_change_the_idle_lock_time(qtbot, demo_bo) -> None:
    window = _window(qtbot, demo_bo, "demo-admin")
    dialog = window.open_settings()
    assert dialog.idle_minutes.isEnabled()
    dialog.idle_minutes.setValue(3)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert window.idle.timeout_ms == 3 * 60_000
    saved = json.loads(demo_bo.settings.options_file.read_text(encoding="utf-8"))
    assert saved == {"language": "zh_CN", "idle_lock_minutes": 3}


def test_sign_out_returns_to_the_login_dialog(qtbot, demo_bo) -> None:
    shell = Shell(demo_bo)
    shell.start()
    login = shell.login
    assert login is not None
    qtbot.addWidget(login)
    qtbot.keyClicks(login.username, "demo-supervisor")
    qtbot.keyClicks(login.password, PASSWORD)
    qtbot.mouseClick(login.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shell.window is not None, timeout=15_000)
    window = shell.window
    qtbot.addWidget(window)
    assert window.isVisible() and window.page_keys() == EXPECTED_PAGES["demo-supervisor"]
    with qtbot.waitSignal(window.signed_out):
        window.sign_out_action.trigger()
    assert shell.window is None
    assert shell.login is not None and shell.login.isVisible()
    qtbot.addWidget(shell.login)
    with qtbot.waitSignal(shell.finished):
        shell.login.reject()
