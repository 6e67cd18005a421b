"""Batch archiving (批量归档): every closed case sealed on a worker, with progress, cancel and a summary.

``BatchRun`` hands the service its ``progress`` and ``cancel`` callbacks: progress is re-emitted as a Qt
signal (queued to the UI thread), cancel reads a flag the 取消 button sets. The service checks the flag
before each case, so the case being built is finished and registered, and the rest are left in the
queue. ``BatchPanel`` shows the bar and the button while a run lasts; ``summary_lines`` turns the
result into what the archivist reads afterwards.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from backoffice.services.archive import BatchResult, build_closed
from backoffice.services.context import UserSession
from backoffice.ui.errors import message_for

CONTEXT = "Archive"


class BatchRun(QObject):
    """One batch; ``call`` runs on the worker, everything else on the UI thread."""

    progress = Signal(int, int, str)  # n, m, the case being built

    def __init__(self, us: UserSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._us = us
        self.stop = threading.Event()

    def call(self) -> BatchResult:
        return build_closed(self._us, progress=self.progress.emit, cancel=self.stop.is_set)

    def cancel(self) -> None:
        self.stop.set()


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def summary_lines(result: BatchResult) -> list[str]:
    """The headline, then each built volume, each failure with its reason, and what was left."""
    if result.cancelled:
        head = _tr("批量归档已取消：已封卷 {built} 件，失败 {failed} 件，未处理 {left} 件。")
    else:
        head = _tr("批量归档完成：已封卷 {built} 件，失败 {failed} 件。")
    lines = [head.format(built=len(result.built), failed=len(result.failed), left=len(result.skipped))]
    for info in result.built:
        lines.append(
            _tr("✓ {case_no}：档号 {archive_no} 第 {version} 版，{pages} 页").format(
                case_no=info.case_no, archive_no=info.archive_no, version=info.version, pages=info.pages
            )
        )
    for case_no, error in result.failed:
        reason = (message_for(error) or "").replace("\n", "\n    ")  # a list of problems, indented
        lines.append(_tr("✗ {case_no}：{reason}").format(case_no=case_no, reason=reason))
    if result.skipped:
        lines.append(_tr("未处理（仍在待归档队列中）：{cases}").format(cases="、".join(result.skipped)))
    return lines


def confirm_box(count: int, parent: QWidget) -> QMessageBox:
    """The question before a batch (not shown yet); its ``accepted`` starts the batch."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        _tr("批量归档"),
        _tr(
            "将为待归档队列中的全部 {n} 件案件逐件立卷封存（个人信息屏蔽），封存后案件变为只读。"
            "可以随时取消：已封存的保留，其余留在队列中。"
        ).format(n=count),
        parent=parent,
    )
    box.setObjectName("archive-batch-confirm")
    start = box.addButton(_tr("开始"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(_tr("取消"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(start)
    box.finished.connect(box.deleteLater)
    return box


class BatchPanel(QWidget):
    """The progress of a running batch: bar (n of m), the current case, and 取消."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar(objectName="batch-progress")
        self.bar.setFormat(self.tr("%v / %m"))
        self.label = QLabel(objectName="batch-current")
        self.cancel_button = QPushButton(self.tr("取消"), objectName="batch-cancel")
        self.label.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.bar, 1)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addLayout(row)
        self.hide()

    def start(self, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(0)
        self.label.setText(self.tr("正在准备…"))
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText(self.tr("取消"))
        self.show()

    def step(self, number: int, total: int, case_no: str) -> None:
        """Case ``number`` of ``total`` is being built (those before it are done)."""
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(number - 1)
        self.label.setText(
            self.tr("正在归档第 {n} / {m} 件：{case_no}").format(n=number, m=total, case_no=case_no)
        )

    def cancelling(self) -> None:
        self.cancel_button.setEnabled(False)
        self.cancel_button.setText(self.tr("正在取消…"))
        self.label.setText(self.tr("当前案件完成后停止…"))

    def finish(self) -> None:
        self.hide()
