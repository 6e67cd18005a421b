"""Errors in the GUI: a DomainError is a message for the user; anything else is our bug.

A bug is logged (no personal data: only the traceback) and shown as a short apology naming the log.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from backoffice import i18n
from backoffice.domain.errors import DomainError

log = logging.getLogger("backoffice.ui")
_log_path: Path | None = None
_showing = False


def apology_text(log_path: Path | None) -> str:
    if log_path is None:
        return QCoreApplication.translate("errors_ui", "抱歉，程序出错了。日志无法写入，请联系系统管理员。")
    return QCoreApplication.translate(
        "errors_ui", "抱歉，程序出错了。详情已写入日志：\n{path}\n请把这个文件交给系统管理员。"
    ).format(path=log_path)


def excepthook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """Log an unexpected exception and show the apology (once at a time)."""
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    global _showing
    log.critical("unexpected error", exc_info=(exc_type, exc, tb))
    if _showing or QApplication.instance() is None:
        return
    _showing = True
    try:
        QMessageBox.critical(
            None, QCoreApplication.translate("errors_ui", "程序出错"), apology_text(_log_path)
        )
    finally:
        _showing = False


def install_excepthook(log_path: Path | None) -> None:
    global _log_path
    _log_path = log_path
    sys.excepthook = excepthook


def report_bug(exc: BaseException) -> None:
    """Hand an exception caught off the UI thread to the current excepthook."""
    sys.excepthook(type(exc), exc, exc.__traceback__)


def message_for(exc: Exception) -> str | None:
    """The translated message of a DomainError; None (after reporting it) for anything else."""
    if isinstance(exc, DomainError):
        return i18n.error_text(exc)
    report_bug(exc)
    return None


def show_error(parent: QWidget | None, exc: Exception) -> None:
    """A DomainError as a warning box; a bug through the excepthook."""
    text = message_for(exc)
    if text is not None:
        QMessageBox.warning(parent, QCoreApplication.translate("errors_ui", "无法完成"), text)
