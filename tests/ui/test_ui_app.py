"""The composition root: a database the program cannot use is a message and exit status 1, never a
traceback; an unexpected exception is logged and shown as a short apology naming the log."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from ui_support import OFFSCREEN_NOISE, demo_bo_fixture, demo_template_fixture  # noqa: F401

from backoffice import app as app_module
from backoffice.settings import load_settings
from backoffice.ui import errors
from backoffice.ui.login import LoginDialog

pytestmark = OFFSCREEN_NOISE


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch, qapp: QApplication) -> Iterator[list[tuple[str, str]]]:
    """Record QMessageBox.critical instead of blocking; restore everything run() changes globally."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, title, text: shown.append((title, text)))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    quit_on_close = qapp.quitOnLastWindowClosed()
    yield shown
    qapp.setQuitOnLastWindowClosed(quit_on_close)
    root = logging.getLogger("backoffice")
    for handler in [h for h in root.handlers if isinstance(h, logging.handlers.RotatingFileHandler)]:
        root.removeHandler(handler)
        handler.close()


def test_database_not_created_is_a_message_and_status_1(tmp_path, boxes) -> None:
    assert app_module.run(load_settings(tmp_path / "data")) == 1
    assert boxes == [("无法打开数据库", "数据库尚未建立：请运行 backoffice db upgrade 和 backoffice init。")]


def test_corrupt_database_file_is_a_message_and_status_1(tmp_path, boxes) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "backoffice.sqlite3").write_bytes(b"this is not a database" * 100)
    assert app_module.run(load_settings(data)) == 1
    assert len(boxes) == 1 and "已损坏或不是 SQLite 数据库" in boxes[0][1]
    assert (data / "backoffice.sqlite3").read_bytes() == b"this is not a database" * 100  # nothing written


def test_migrated_but_not_initialised_database_says_what_to_run(tmp_path, boxes) -> None:
    from backoffice.db.migrate import upgrade
    from backoffice.services.context import Backoffice

    bo = Backoffice.open(load_settings(tmp_path / "data"))
    upgrade(bo.db)
    bo.close()
    assert app_module.run(load_settings(tmp_path / "data")) == 1
    assert "backoffice init" in boxes[0][1]


def test_run_shows_the_login_and_ends_when_it_is_cancelled(demo_bo, boxes, qtbot) -> None:
    seen: list[str] = []

    def cancel_login() -> None:
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, LoginDialog) and w.isVisible()]
        if not dialogs or not dialogs[0].ready:  # the title names a demo once the database has been opened
            QTimer.singleShot(50, cancel_login)
            return
        seen.append(dialogs[0].windowTitle())
        dialogs[0].reject()

    QTimer.singleShot(0, cancel_login)
    assert app_module.run(demo_bo.settings) == 0
    assert seen == ["backoffice 理赔后台 — 登录 — 演示 DEMO"]
    assert boxes == []
    assert sys.excepthook is errors.excepthook
    assert QApplication.font().family() == "WenQuanYi Micro Hei"


def test_unexpected_exception_is_logged_and_apologised_for(tmp_path, boxes) -> None:
    from backoffice.logging_setup import configure

    log_path = configure(tmp_path / "logs")
    errors.install_excepthook(log_path)
    try:
        raise RuntimeError("boom in a slot")
    except RuntimeError as exc:
        errors.excepthook(type(exc), exc, exc.__traceback__)
    assert len(boxes) == 1
    title, text = boxes[0]
    assert title == "程序出错" and str(log_path) in text and "抱歉" in text
    logged = log_path.read_text(encoding="utf-8")
    assert "unexpected error" in logged and "RuntimeError: boom in a slot" in logged
