"""The login dialog driven like a user: good, wrong and locked-out sign-in against a real database."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from ui_support import OFFSCREEN_NOISE, PASSWORD, demo_bo_fixture, demo_template_fixture  # noqa: F401 (fixtures)

from backoffice.ui.login import LoginDialog

pytestmark = OFFSCREEN_NOISE


def _dialog(qtbot, bo) -> LoginDialog:
    dialog = LoginDialog(bo)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _attempt(qtbot, dialog: LoginDialog, username: str | None, password: str) -> None:
    if username is not None:
        dialog.username.clear()
        qtbot.keyClicks(dialog.username, username)
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, password)
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)


def _wait_for_error(qtbot, dialog: LoginDialog) -> str:
    qtbot.waitUntil(lambda: dialog.error.isVisible() and dialog.sign_in_button.isEnabled(), timeout=15_000)
    return dialog.error.text()


def test_good_password_signs_in(qtbot, demo_bo) -> None:
    dialog = _dialog(qtbot, demo_bo)
    assert dialog.findChild(type(dialog.username), "username") is dialog.username
    with qtbot.waitSignal(dialog.signed_in, timeout=15_000) as signal:
        _attempt(qtbot, dialog, "demo-clerk", PASSWORD)
        assert not dialog.sign_in_button.isEnabled()  # busy while the worker checks the password
    session = signal.args[0]
    assert session.actor.username == "demo-clerk"
    assert dialog.session is session
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.password.text() == ""


def test_wrong_password_is_shown_inline_and_cleared(qtbot, demo_bo) -> None:
    dialog = _dialog(qtbot, demo_bo)
    _attempt(qtbot, dialog, "demo-clerk", "not-the-password")
    assert _wait_for_error(qtbot, dialog) == "用户名或密码不正确。"
    assert dialog.username.text() == "demo-clerk"
    assert dialog.password.text() == ""
    assert dialog.isVisible() and dialog.session is None
    # The user corrects the password only; the user name stays.
    with qtbot.waitSignal(dialog.signed_in, timeout=15_000):
        _attempt(qtbot, dialog, None, PASSWORD)


def test_unknown_user_gets_the_same_message(qtbot, demo_bo) -> None:
    dialog = _dialog(qtbot, demo_bo)
    _attempt(qtbot, dialog, "nobody", "whatever-123")
    assert _wait_for_error(qtbot, dialog) == "用户名或密码不正确。"


def test_five_failures_lock_the_account(qtbot, demo_bo) -> None:
    dialog = _dialog(qtbot, demo_bo)
    for _ in range(4):
        _attempt(qtbot, dialog, "demo-approver2", "wrong-password")
        assert _wait_for_error(qtbot, dialog) == "用户名或密码不正确。"
    _attempt(qtbot, dialog, "demo-approver2", "wrong-password")
    locked = _wait_for_error(qtbot, dialog)
    assert locked.startswith("账户已被锁定，请在 ") and "系统管理员解锁" in locked
    # Even the right password is refused while the account is locked.
    _attempt(qtbot, dialog, "demo-approver2", PASSWORD)
    assert _wait_for_error(qtbot, dialog).startswith("账户已被锁定")
    assert dialog.session is None
    assert dialog.password.text() == ""


def test_empty_fields_are_refused_without_asking_the_service(qtbot, demo_bo) -> None:
    dialog = _dialog(qtbot, demo_bo)
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    assert dialog.error.isVisible()
    assert dialog.error.text() == "请输入用户名和密码。"
    assert dialog.sign_in_button.isEnabled()


def test_dialog_names_the_database_and_the_demo(qtbot, demo_bo) -> None:
    dialog = _dialog(qtbot, demo_bo)
    database = dialog.findChild(type(dialog.error), "database")
    assert database is not None
    assert demo_bo.settings.describe_database() in database.text()
    demo = dialog.findChild(type(dialog.error), "demo")
    assert demo is not None and demo.isVisible()
    assert "demo-clerk" in demo.text() and PASSWORD in demo.text()
    assert "演示 DEMO" in dialog.windowTitle()
    assert dialog.password.echoMode() == dialog.password.EchoMode.Password


def test_return_in_the_password_field_signs_in(qtbot, demo_bo) -> None:
    dialog = _dialog(qtbot, demo_bo)
    qtbot.keyClicks(dialog.username, "demo-auditor")
    qtbot.keyClick(dialog.username, Qt.Key.Key_Return)
    assert dialog.focusWidget() is dialog.password
    qtbot.keyClicks(dialog.password, PASSWORD)
    with qtbot.waitSignal(dialog.signed_in, timeout=15_000):
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
