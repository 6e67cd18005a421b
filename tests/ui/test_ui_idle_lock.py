"""Idle lock: the window covers itself after the (injected) timeout and only the password opens it."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QDialog
from ui_support import OFFSCREEN_NOISE, PASSWORD, demo_bo_fixture, demo_template_fixture, session  # noqa: F401 (fixtures)

from backoffice.ui.idle_lock import IdleWatcher, LockDialog, PasswordDialog, ask_password
from backoffice.ui.main_window import MainWindow

pytestmark = OFFSCREEN_NOISE


def _window(qtbot, bo, username: str = "demo-clerk", timeout_ms: int = 300) -> MainWindow:
    window = MainWindow(session(bo, username), idle_timeout_ms=timeout_ms)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _enter(qtbot, dialog: PasswordDialog, password: str) -> None:
    qtbot.keyClicks(dialog.password, password)
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)


def _wait_for_message(qtbot, dialog: PasswordDialog) -> str:
    qtbot.waitUntil(lambda: dialog.message.isVisible() and dialog.confirm_button.isEnabled(), timeout=15_000)
    return dialog.message.text()


def test_idle_window_locks_and_unlocks_with_the_right_password(qtbot, demo_bo) -> None:
    window = _window(qtbot, demo_bo)
    assert window.central.currentIndex() == 0
    qtbot.waitUntil(lambda: window.locked, timeout=5_000)
    dialog = window._lock_dialog
    assert isinstance(dialog, LockDialog)
    assert dialog.isVisible() and dialog.isModal()
    assert window.central.currentWidget() is window.cover  # the data is hidden
    assert not window.menuBar().isEnabled()
    assert "demo-clerk" in dialog.prompt.text()

    _enter(qtbot, dialog, "wrong-password")
    assert _wait_for_message(qtbot, dialog) == "用户名或密码不正确。"
    assert dialog.password.text() == "" and window.locked

    _enter(qtbot, dialog, PASSWORD)
    qtbot.waitUntil(lambda: not window.locked, timeout=15_000)
    assert window.central.currentIndex() == 0
    assert window.menuBar().isEnabled()
    # Counting starts again: after another idle period it locks again.
    qtbot.waitUntil(lambda: window.locked, timeout=5_000)


def test_escape_does_not_close_the_lock(qtbot, demo_bo) -> None:
    window = _window(qtbot, demo_bo)
    dialog = window.lock()
    assert dialog is not None and window.locked
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    dialog.close()
    assert dialog.isVisible() and window.locked
    assert window.lock() is dialog  # locking twice keeps the one dialog


def test_user_input_keeps_the_window_unlocked(qtbot, demo_bo) -> None:
    # Generous slack: a loaded CI machine may stall the event loop for a second between inputs.
    window = _window(qtbot, demo_bo, timeout_ms=4_000)
    for _ in range(12):  # 12 x 700 ms = 8.4 s of activity, twice the timeout
        qtbot.wait(700)
        qtbot.mouseMove(window.nav.viewport(), QPoint(10, 10))
        qtbot.keyClick(window.nav, Qt.Key.Key_Down)
        assert not window.locked
    qtbot.waitUntil(lambda: window.locked, timeout=10_000)


def test_sign_out_from_the_lock_screen(qtbot, demo_bo) -> None:
    window = _window(qtbot, demo_bo)
    dialog = window.lock()
    assert dialog is not None
    sign_out = dialog.findChild(type(dialog.confirm_button), "sign-out")
    with qtbot.waitSignal(window.signed_out):
        qtbot.mouseClick(sign_out, Qt.MouseButton.LeftButton)
    assert not window.isVisible()


def test_lock_action_locks_at_once(qtbot, demo_bo) -> None:
    window = _window(qtbot, demo_bo, timeout_ms=600_000)
    window.lock_action.trigger()
    assert window.locked


def test_watcher_stops_filtering_when_stopped(qtbot) -> None:
    watcher = IdleWatcher(50)
    fired = []
    watcher.idle.connect(lambda: fired.append(1))
    watcher.start()
    watcher.stop()
    qtbot.wait(150)
    assert fired == []
    watcher.start()
    qtbot.waitUntil(lambda: fired == [1], timeout=2_000)
    watcher.stop()


def test_ask_password_confirms_a_sign_off(qtbot, demo_bo) -> None:
    us = session(demo_bo, "demo-approver1")
    seen: list[str] = []

    def answer() -> None:
        dialog = next(w for w in qtbot_app_dialogs() if isinstance(w, PasswordDialog))
        seen.append(dialog.prompt.text())
        _enter(qtbot, dialog, PASSWORD)

    QTimer.singleShot(0, answer)
    assert ask_password(None, us, "approve") is True
    assert seen == ["请输入 李强（演示核赔 1 级） 的密码以确认此操作。"]


def test_ask_password_wrong_then_cancel(qtbot, demo_bo) -> None:
    us = session(demo_bo, "demo-approver1")
    messages: list[str] = []

    def answer() -> None:
        dialog = next(w for w in qtbot_app_dialogs() if isinstance(w, PasswordDialog))
        _enter(qtbot, dialog, "wrong-password")
        messages.append(_wait_for_message(qtbot, dialog))
        qtbot.mouseClick(dialog.findChild(type(dialog.confirm_button), "cancel"), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer)
    assert ask_password(None, us, "approve") is False
    assert messages == ["用户名或密码不正确。"]


def qtbot_app_dialogs() -> list[QDialog]:
    from PySide6.QtWidgets import QApplication

    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]
