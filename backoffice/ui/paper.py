"""Papers for a case (报案回执, 一次性告知书, 赔款计算书) saved as PDF, and the file dialogs the intake
screens use.

The PDFs come from ``services.notices`` (``acknowledgement``, ``missing_documents_notice`` and
``calculation_sheet``, each ``(us, case_id) -> bytes``; the notice also writes the contact-log entry).
They are built and written on a worker; the user chooses where.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from backoffice.services.context import UserSession
from backoffice.services.notices import (
    acknowledgement,
    calculation_sheet,
    decision_notice,
    denial_notice,
    missing_documents_notice,
)
from backoffice.ui.errors import message_for
from backoffice.ui.tasks import Tasks

PaperMaker = Callable[[UserSession, int], bytes]
ACKNOWLEDGEMENT = "acknowledgement"
MISSING_DOCUMENTS_NOTICE = "missing_documents_notice"
CALCULATION_SHEET = "calculation_sheet"
DECISION_NOTICE = "decision_notice"
DENIAL_NOTICE = "denial_notice"
PAPERS: dict[str, PaperMaker] = {
    ACKNOWLEDGEMENT: acknowledgement,
    MISSING_DOCUMENTS_NOTICE: missing_documents_notice,
    CALCULATION_SHEET: calculation_sheet,
    DECISION_NOTICE: decision_notice,
    DENIAL_NOTICE: denial_notice,
}
SCAN_FILTER = "*.jpg *.jpeg *.png *.tif *.tiff *.pdf"


def _documents_dir() -> Path:
    where = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(where) if where else Path.home()


def ask_save_path(parent: QWidget | None, title: str, suggested: str) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(parent, title, str(_documents_dir() / suggested), "PDF (*.pdf)")
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf")


def ask_open_path(parent: QWidget | None, title: str) -> Path | None:
    kinds = QCoreApplication.translate("Paper", "扫描件（JPEG、PNG、TIFF、PDF）")
    everything = QCoreApplication.translate("Paper", "所有文件")
    name, _ = QFileDialog.getOpenFileName(parent, title, "", f"{kinds} ({SCAN_FILTER});;{everything} (*)")
    return Path(name) if name else None


def _write(make: PaperMaker, us: UserSession, case_id: int, path: Path) -> Path:
    data = make(us, case_id)
    path.write_bytes(data)
    return path


class PaperSaver(QObject):
    """Builds a paper and saves it where the user says; ``message(text, is_error)`` reports the end.

    ``ask_save_path`` is an attribute so that tests can answer the file dialog.
    """

    message = Signal(str, bool)
    busy_changed = Signal(bool)

    def __init__(self, us: UserSession, parent: QWidget) -> None:
        super().__init__(parent)
        self._us = us
        self._parent = parent
        self._tasks = Tasks(self)
        self._tasks.busy_changed.connect(self.busy_changed)
        self.ask_save_path: Callable[[QWidget | None, str, str], Path | None] = ask_save_path

    @property
    def busy(self) -> bool:
        return self._tasks.busy

    def save(self, name: str, case_id: int, case_no: str, *, make: PaperMaker | None = None) -> None:
        """``make`` builds the paper instead of ``PAPERS[name]`` (e.g. the sheet of one version)."""
        if self._tasks.busy:
            return
        make = make or PAPERS[name]
        if name == ACKNOWLEDGEMENT:
            title, suggested = self.tr("保存报案回执"), self.tr("报案回执-{no}.pdf").format(no=case_no)
        elif name == CALCULATION_SHEET:
            title, suggested = self.tr("保存赔款计算书"), self.tr("赔款计算书-{no}.pdf").format(no=case_no)
        elif name == DECISION_NOTICE:
            title = self.tr("保存理赔决定通知书")
            suggested = self.tr("理赔决定通知书-{no}.pdf").format(no=case_no)
        elif name == DENIAL_NOTICE:
            title, suggested = self.tr("保存拒赔通知书"), self.tr("拒赔通知书-{no}.pdf").format(no=case_no)
        else:
            title, suggested = (
                self.tr("保存一次性告知书"),
                self.tr("一次性告知书-{no}.pdf").format(no=case_no),
            )
        path = self.ask_save_path(self._parent, title, suggested)
        if path is None:
            return
        self._tasks.run(partial(_write, make, self._us, case_id, path), self._saved, self._failed)

    def _saved(self, path: Path) -> None:
        self.message.emit(self.tr("已保存：{path}").format(path=path), False)

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, OSError):
            text = self.tr("文件无法保存：{error}").format(error=exc.strerror or exc)
        else:
            text = message_for(exc) or self.tr("生成 PDF 时程序出错，请查看日志。")
        self.message.emit(text, True)
