"""Start-up as the user meets it, through the real entry point: the login dialog is on screen before the
database is open; 登录 stays disabled under 正在打开数据库… until the database has been opened and checked
on a worker, then the user signs in with what was typed meanwhile. A database the program cannot use
still ends with the message and exit status 1, and a user who leaves while it opens leaves at once.

The database opening is held on its worker by a gate that the test opens, so that the waiting state is
seen every time, however fast the machine."""

from __future__ import annotations

import logging
import logging.handlers
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from ui_support import OFFSCREEN_NOISE, PASSWORD, demo_bo_fixture, demo_template_fixture  # noqa: F401

from backoffice import app as app_module
from backoffice.cli import main as backoffice_main
from backoffice.services.context import Backoffice
from backoffice.settings import load_settings
from backoffice.ui.login import LoginDialog
from backoffice.ui.main_window import MainWindow

pytestmark = OFFSCREEN_NOISE


class Gate:
    """Holds ``app.open_backoffice`` on its worker until ``open()``; remembers what it opened and closed."""

    def __init__(self) -> None:
        self.event = threading.Event()
        self.opened: list[Backoffice] = []
        self.closed: list[Backoffice] = []

    def open(self) -> None:
        self.event.set()


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[Gate]:
    gate = Gate()
    real_open = app_module.open_backoffice

    def gated(settings):  # type: ignore[no-untyped-def]
        assert gate.event.wait(30), "the test never let the database open"
        bo = real_open(settings)
        real_close = bo.close

        def close() -> None:
            gate.closed.append(bo)
            real_close()

        bo.close = close  # type: ignore[method-assign]
        gate.opened.append(bo)
        return bo

    monkeypatch.setattr(app_module, "open_backoffice", gated)
    yield gate
    gate.open()  # never leave a worker waiting


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch, qapp: QApplication) -> Iterator[list[tuple[str, str, int]]]:
    """QMessageBox.critical recorded (title, text, login dialogs still visible) instead of blocking."""
    shown: list[tuple[str, str, int]] = []

    def critical(_parent, title: str, text: str) -> None:  # type: ignore[no-untyped-def]
        shown.append((title, text, len(_visible(LoginDialog))))

    monkeypatch.setattr(QMessageBox, "critical", critical)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.delenv("BACKOFFICE_DATABASE_URL", raising=False)
    quit_on_close = qapp.quitOnLastWindowClosed()
    yield shown
    qapp.setQuitOnLastWindowClosed(quit_on_close)
    root = logging.getLogger("backoffice")
    for handler in [h for h in root.handlers if isinstance(h, logging.handlers.RotatingFileHandler)]:
        root.removeHandler(handler)
        handler.close()


def _visible(kind: type) -> list:  # type: ignore[type-arg]
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def _once_running(drive: Callable[[], None]) -> list[BaseException]:
    """Run ``drive`` once the event loop runs; a failure ends the loop (status 99) instead of hanging."""
    failures: list[BaseException] = []

    def guarded() -> None:
        try:
            drive()
        except BaseException as exc:
            failures.append(exc)
            QApplication.exit(99)

    QTimer.singleShot(0, guarded)
    return failures


def _start(data_dir: Path) -> int:
    """``backoffice --data-dir DIR``: the entry point a user starts."""
    return backoffice_main(["--data-dir", str(data_dir)])


def test_login_waits_for_the_database_and_keeps_what_was_typed(demo_bo, gate, boxes, qtbot) -> None:
    seen: dict[str, object] = {}

    def drive() -> None:
        [dialog] = _visible(LoginDialog)  # on screen while the database is still closed
        assert gate.opened == []
        assert not dialog.ready and not dialog.sign_in_button.isEnabled()
        assert dialog.opening_label.isVisible() and dialog.opening_label.text() == "正在打开数据库…"
        assert dialog.findChild(QLabel, "demo") is None  # only the database knows it is a demo
        qtbot.keyClicks(dialog.username, "demo-clerk")  # the user types meanwhile
        qtbot.keyClicks(dialog.password, PASSWORD)
        qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)  # disabled: nothing happens
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)  # nor does Return
        assert not dialog.busy_label.isVisible() and not dialog.error.isVisible()

        gate.open()
        qtbot.waitUntil(lambda: dialog.sign_in_button.isEnabled(), timeout=20_000)
        assert dialog.ready and not dialog.opening_label.isVisible()
        assert dialog.windowTitle() == "backoffice 理赔后台 — 登录 — 演示 DEMO"
        demo = dialog.findChild(QLabel, "demo")
        assert demo is not None and demo.isVisible() and "demo-clerk" in demo.text()
        assert (dialog.username.text(), dialog.password.text()) == ("demo-clerk", PASSWORD)

        qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: bool(_visible(MainWindow)), timeout=30_000)
        [window] = _visible(MainWindow)
        seen["pages"] = window.page_keys()
        window.close()  # the user is done: the app ends

    failures = _once_running(drive)
    status = _start(demo_bo.settings.data_dir)
    if failures:
        raise failures[0]
    assert status == 0
    assert seen["pages"] == ["workbench", "new_report", "cases"]
    assert boxes == []
    assert len(gate.opened) == 1 and gate.closed == gate.opened  # closed when the app ended


def test_uninitialised_database_still_ends_with_the_message_and_status_1(tmp_path, gate, boxes) -> None:
    from backoffice.db.migrate import upgrade

    data_dir = tmp_path / "data"
    bo = Backoffice.open(load_settings(data_dir))
    upgrade(bo.db)  # migrated, but nobody ran backoffice init
    bo.close()
    waiting: list[tuple[bool, bool]] = []

    def drive() -> None:
        [dialog] = _visible(LoginDialog)
        waiting.append((dialog.sign_in_button.isEnabled(), dialog.opening_label.isVisible()))
        gate.open()

    failures = _once_running(drive)
    status = _start(data_dir)
    if failures:
        raise failures[0]
    assert status == 1
    assert waiting == [(False, True)]  # the login came first, 登录 disabled while the database opened
    assert boxes == [
        (
            "无法打开数据库",
            "数据库还没有初始化：请先运行 backoffice init --admin 用户名（或用 backoffice demo 打开演示）。",
            0,  # the login dialog is gone before the message
        )
    ]
    assert gate.closed == gate.opened  # the refused database is not left open


def test_database_not_created_is_refused_after_the_login_was_shown(tmp_path, gate, boxes) -> None:
    shown: list[int] = []

    def drive() -> None:
        shown.append(len(_visible(LoginDialog)))
        gate.open()

    failures = _once_running(drive)
    status = _start(tmp_path / "data")
    if failures:
        raise failures[0]
    assert (status, shown) == (1, [1])
    assert boxes == [
        ("无法打开数据库", "数据库尚未建立：请运行 backoffice db upgrade 和 backoffice init。", 0)
    ]


def test_leaving_while_the_database_opens_ends_at_once_and_closes_it(demo_bo, gate, boxes) -> None:
    def drive() -> None:
        [dialog] = _visible(LoginDialog)
        dialog.reject()  # Esc / the window's close button while 正在打开数据库…
        gate.open()  # the worker finishes its opening after the user left

    failures = _once_running(drive)
    status = _start(demo_bo.settings.data_dir)
    if failures:
        raise failures[0]
    assert status == 0
    assert boxes == [] and _visible(LoginDialog) == []
    assert len(gate.opened) == 1 and gate.closed == gate.opened  # opened late, closed all the same
