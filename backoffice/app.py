"""Composition root of the GUI: settings → logging → Qt application → services → windows.

``run(settings)`` is what ``backoffice`` without arguments calls. The login dialog is shown first; the
database is opened and checked on a worker thread meanwhile (``open_backoffice``, handed to the shell:
the UI never imports the database layer itself), and SQLAlchemy, Alembic and the main window's pages are
loaded only when they are needed. A database that cannot be used (corrupt, too new, not yet set up,
unreachable) ends with a clear message and exit status 1; an unexpected exception is logged and shown as
a short apology naming the log file.
"""

from __future__ import annotations

import logging
import sys
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from backoffice import __version__, i18n
from backoffice.domain.errors import DomainError, EnvironmentProblem
from backoffice.logging_setup import configure as configure_logging
from backoffice.settings import APP_NAME, Settings
from backoffice.ui.errors import install_excepthook, report_bug
from backoffice.ui.fonts import register_app_font
from backoffice.ui.shell import Shell, quit_when_finished
from backoffice.ui.tasks import wait_for_tasks

if TYPE_CHECKING:
    from backoffice.services.context import Backoffice

log = logging.getLogger("backoffice.app")
ORGANISATION = "backoffice"
EXIT_OK, EXIT_ENVIRONMENT, EXIT_BUG = 0, 1, 70


def _configure_logging(settings: Settings) -> Path | None:
    try:
        return configure_logging(settings.logs_dir)
    except OSError:
        return None


def _application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationVersion(__version__)
    return app


def open_backoffice(settings: Settings) -> Backoffice:
    """Open the database and refuse one the program cannot use (raises EnvironmentProblem/DomainError).

    Loads SQLAlchemy, Alembic and the models: the GUI calls it on a worker thread.
    """
    from backoffice.db.migrate import require_current_schema
    from backoffice.services.context import Backoffice
    from backoffice.services.setup import is_initialised

    bo = Backoffice.open(settings)
    try:
        require_current_schema(bo.db)
        if not is_initialised(bo):
            raise EnvironmentProblem(
                "数据库还没有初始化：请先运行 backoffice init --admin 用户名"
                "（或用 backoffice demo 打开演示）。"
            )
    except BaseException:
        bo.close()
        raise
    return bo


def _refuse(message: str) -> int:
    QMessageBox.critical(None, QCoreApplication.translate("app", "无法打开数据库"), message)
    return EXIT_ENVIRONMENT


def _database_refused(app: QApplication, exc: Exception) -> None:
    """The database cannot be used: say why (or apologise for a bug) and end the event loop."""
    if isinstance(exc, DomainError):
        log.warning("database refused: %s", type(exc).__name__)
        app.exit(_refuse(i18n.error_text(exc)))
    else:
        report_bug(exc)
        app.exit(EXIT_BUG)


def run(settings: Settings, *, idle_timeout_ms: int | None = None) -> int:
    """Open the GUI on ``settings``; returns the process exit status."""
    log_path = _configure_logging(settings)
    app = _application()
    install_excepthook(log_path)
    register_app_font()
    i18n.install(app, settings.options.language)
    app.setQuitOnLastWindowClosed(False)
    shell = Shell(
        opener=partial(open_backoffice, settings), settings=settings, idle_timeout_ms=idle_timeout_ms
    )
    shell.refused.connect(partial(_database_refused, app))
    quit_when_finished(shell)
    shell.start()
    try:
        return app.exec()
    finally:
        wait_for_tasks()
        QCoreApplication.processEvents()  # hands over a database that opened after the user had left
        shell.close_database()
