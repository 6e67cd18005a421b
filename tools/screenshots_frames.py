"""The camera of the user guide's screenshot script: waiting for a window to settle, drawing a window with a
plain title bar (the offscreen platform has no window manager), a dialog centred over its window, and
``Camera``, which signs demo users in, opens their main window and saves pictures."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPixmap
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from backoffice.services.auth import sign_in
from backoffice.services.context import Backoffice, UserSession
from backoffice.services.demo import DEFAULT_DEMO_PASSWORD
from backoffice.ui.approvals_page import ApprovalsPage
from backoffice.ui.dashboard import DashboardPage
from backoffice.ui.main_window import MainWindow
from backoffice.ui.warnings_panel import MyWarningsPanel

TITLE_BAR = 30
WINDOW_SIZE = (1040, 640)


def wait_until(condition: Callable[[], bool], timeout_s: float = 20.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not reach the expected state")
        QTest.qWait(20)


def settle() -> None:
    for _ in range(5):
        QTest.qWait(20)


def framed(widget: QWidget) -> QPixmap:
    """The widget as a picture with a simple title bar carrying its window title."""
    body = widget.grab()
    picture = QPixmap(body.width() + 2, body.height() + TITLE_BAR + 1)
    picture.fill(QColor("#9a9a9a"))
    painter = QPainter(picture)
    painter.fillRect(QRect(1, 1, body.width(), TITLE_BAR - 1), QColor("#e8eaed"))
    font = QFont(QApplication.font())
    font.setPointSize(10)
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("#202124"))
    painter.drawText(
        QRect(12, 1, body.width() - 24, TITLE_BAR - 1), Qt.AlignmentFlag.AlignVCenter, widget.windowTitle()
    )
    painter.drawPixmap(1, TITLE_BAR, body)
    painter.end()
    return picture


def with_dialog(window: QWidget, dialog: QWidget) -> QPixmap:
    """The window, dimmed, with the dialog (framed) centred on it."""
    picture = framed(window)
    over = framed(dialog)
    painter = QPainter(picture)
    painter.fillRect(
        QRect(1, TITLE_BAR, picture.width() - 2, picture.height() - TITLE_BAR - 1), QColor(0, 0, 0, 60)
    )
    corner = QPoint((picture.width() - over.width()) // 2, (picture.height() - over.height()) // 2)
    painter.drawPixmap(corner, over)
    painter.end()
    return picture


def page_loaded(page: QWidget) -> bool:
    """Whether a page that reads its data on a worker when shown has it on screen."""
    panel = page.findChild(MyWarningsPanel)
    if panel is not None:
        return panel.data is not None and panel.refresh_button.isEnabled()
    if isinstance(page, DashboardPage):
        return page.data is not None and page.refresh_button.isEnabled()
    if isinstance(page, ApprovalsPage):
        return page.refresh_button.isEnabled()
    return True


class Camera:
    """Signs demo users in, opens their main window, and saves pictures as ``out/NAME.png``."""

    def __init__(self, bo: Backoffice, out: Path) -> None:
        self.bo, self.out = bo, out
        self.written: list[Path] = []

    def save(self, picture: QPixmap, name: str) -> None:
        path = self.out / f"{name}.png"
        if not picture.save(str(path)):
            raise OSError(f"could not write {path}")
        self.written.append(path)

    def session(self, username: str) -> UserSession:
        return sign_in(self.bo, username, DEFAULT_DEMO_PASSWORD)

    def window(
        self, username: str, page: str | None = None, size: tuple[int, int] = WINDOW_SIZE
    ) -> MainWindow:
        window = MainWindow(self.session(username), idle_timeout_ms=3_600_000)
        window.resize(*size)
        window.show()
        if page:
            window.show_page(page)
        wait_until(lambda: page_loaded(window.stack.currentWidget()))
        settle()
        return window

    @staticmethod
    def close(window: QWidget) -> None:
        window.close()
        window.deleteLater()
