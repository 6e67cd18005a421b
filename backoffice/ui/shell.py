"""The GUI's flow: the login dialog, then the main window; signing out comes back to the login."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from backoffice.services.context import Backoffice, UserSession
from backoffice.services.setup import is_demo
from backoffice.ui.login import LoginDialog
from backoffice.ui.main_window import MainWindow


class Shell(QObject):
    """Owns the current login dialog or main window; ``finished`` when the user is done."""

    finished = Signal()

    def __init__(self, bo: Backoffice, *, idle_timeout_ms: int | None = None) -> None:
        super().__init__()
        self._bo = bo
        self._idle_timeout_ms = idle_timeout_ms
        self._demo = is_demo(bo)
        self.login: LoginDialog | None = None
        self.window: MainWindow | None = None

    def start(self) -> None:
        self.show_login()

    def show_login(self) -> LoginDialog:
        dialog = LoginDialog(self._bo, demo=self._demo)
        dialog.signed_in.connect(self._signed_in)
        dialog.rejected.connect(self._login_cancelled)
        self.login = dialog
        dialog.show()
        return dialog

    def _signed_in(self, us: UserSession) -> None:
        if self.login is not None:
            self.login.deleteLater()
            self.login = None
        window = MainWindow(us, idle_timeout_ms=self._idle_timeout_ms, demo=self._demo)
        window.signed_out.connect(self._signed_out)
        window.closed.connect(self._window_closed)
        self.window = window
        window.show()

    def _signed_out(self) -> None:
        self._drop_window()
        self.show_login()

    def _window_closed(self) -> None:
        self._drop_window()
        self.finished.emit()

    def _login_cancelled(self) -> None:
        if self.login is not None:
            self.login.deleteLater()
            self.login = None
        self.finished.emit()

    def _drop_window(self) -> None:
        if self.window is not None:
            self.window.deleteLater()
            self.window = None  # the session (and its keys) goes with it


def quit_when_finished(shell: Shell) -> None:
    app = QApplication.instance()
    if app is not None:
        shell.finished.connect(app.quit)
