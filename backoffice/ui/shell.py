"""The GUI's flow: the login dialog, then the main window; signing out comes back to the login.

At start-up the shell shows the login dialog at once and opens the database on a worker thread with the
function the composition root hands it (``opener``), so that the user types while SQLAlchemy, Alembic
and the schema check load. A database the program cannot use is reported through ``refused`` (the
composition root shows the message and ends with its exit status). Once the database is open, the
services the main window calls are imported on a worker while the user types (``startup``); the main
window and its pages (Qt) are imported on the UI thread after the first sign-in.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from backoffice.ui.login import LoginDialog, is_demo_database
from backoffice.ui.startup import OpenedDatabase, ServicePreload, open_on_worker, preload_failed
from backoffice.ui.tasks import Tasks

if TYPE_CHECKING:
    from backoffice.services.context import Backoffice, UserSession
    from backoffice.settings import Settings
    from backoffice.ui.main_window import MainWindow


class Shell(QObject):
    """Owns the current login dialog or main window; ``finished`` when the user is done.

    ``Shell(bo)`` starts on an open database; ``Shell(opener=..., settings=...)`` opens it itself on a
    worker after showing the login dialog, and closes it in ``close_database``.
    """

    finished = Signal()
    refused = Signal(object)  # the exception that makes the database unusable (nothing else follows)

    def __init__(
        self,
        bo: Backoffice | None = None,
        *,
        opener: Callable[[], Backoffice] | None = None,
        settings: Settings | None = None,
        idle_timeout_ms: int | None = None,
    ) -> None:
        super().__init__()
        if (bo is None) == (opener is None) or (bo is None and settings is None):
            raise ValueError("a shell needs an open database, or the function that opens it and the settings")
        self._bo = bo
        self._opener = opener
        self._owns_bo = bo is None
        self._settings = bo.settings if bo is not None else settings
        self._idle_timeout_ms = idle_timeout_ms
        self._demo = is_demo_database(bo) if bo is not None else False
        self._tasks = Tasks(self)
        self._preload: ServicePreload | None = None
        self._done = False
        self.login: LoginDialog | None = None
        self.window: MainWindow | None = None

    @property
    def bo(self) -> Backoffice | None:
        """The open database (None while it is being opened or when it could not be used)."""
        return self._bo

    def start(self) -> None:
        self.show_login()
        if self._bo is None and self._opener is not None:
            self._tasks.run(partial(open_on_worker, self._opener), self._opened, self._refused)

    def show_login(self) -> LoginDialog:
        if self._bo is not None:
            dialog = LoginDialog(self._bo, demo=self._demo)
        else:
            dialog = LoginDialog(None, settings=self._settings)
        dialog.signed_in.connect(self._signed_in)
        dialog.rejected.connect(self._login_cancelled)
        self.login = dialog
        dialog.show()
        return dialog

    def close_database(self) -> None:
        """Close the database this shell opened itself (at the very end, after the workers are done)."""
        if self._owns_bo and self._bo is not None:
            self._bo.close()
            self._bo = None

    def _opened(self, opened: OpenedDatabase) -> None:
        self._bo, self._demo = opened.bo, opened.demo
        if self._done:
            return  # the user cancelled meanwhile: close_database closes it
        if self.login is not None:
            self.login.database_ready(opened.bo, demo=opened.demo)
        self._preload = ServicePreload()
        self._tasks.run(self._preload.run, lambda _none: None, preload_failed)

    def _refused(self, exc: Exception) -> None:
        if self._done:
            return  # the user cancelled meanwhile: nobody is waiting for this database
        self._done = True
        if self.login is not None:
            self.login.hide()
            self.login.deleteLater()
            self.login = None
        self.refused.emit(exc)

    def _signed_in(self, us: UserSession) -> None:
        if self._preload is not None:
            self._preload.wait()  # usually long done: the user was typing
        from backoffice.ui.main_window import MainWindow  # the pages load after the first sign-in

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
        self._finish()

    def _login_cancelled(self) -> None:
        if self.login is not None:
            self.login.deleteLater()
            self.login = None
        self._finish()

    def _finish(self) -> None:
        self._done = True
        self.finished.emit()

    def _drop_window(self) -> None:
        if self.window is not None:
            self.window.deleteLater()
            self.window = None  # the session (and its keys) goes with it


def quit_when_finished(shell: Shell) -> None:
    app = QApplication.instance()
    if app is not None:
        shell.finished.connect(app.quit)
