"""The admin's key and backup panel: key rotation with progress, and the backup reminder."""

from __future__ import annotations

from functools import partial
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
)

from backoffice.services import backup, keys
from backoffice.services.context import UserSession
from backoffice.ui.errors import message_for
from backoffice.ui.idle_lock import ask_password
from backoffice.ui.tasks import Tasks

SHANGHAI = ZoneInfo("Asia/Shanghai")


class _Progress(QObject):
    """Carries progress from the worker thread to the UI thread (queued signal)."""

    step = Signal(str, int, int)


class KeysPanel(QGroupBox):
    def __init__(self, us: UserSession, parent: QObject | None = None) -> None:
        super().__init__(self.tr("密钥与备份"))
        self._us = us
        self._tasks = Tasks(self)
        self._progress = _Progress(self)
        self._progress.step.connect(self._on_step)
        self.backup_label = QLabel(objectName="backup-status")
        self.backup_label.setWordWrap(True)
        self.keys_label = QLabel(objectName="keys-status")
        self.rotate_button = QPushButton(self.tr("轮换主密钥…"), objectName="rotate-keys")
        self.rotate_button.clicked.connect(self.rotate)
        self.bar = QProgressBar(objectName="rotate-progress")
        self.bar.hide()
        row = QHBoxLayout()
        row.addWidget(self.keys_label, 1)
        row.addWidget(self.rotate_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.backup_label)
        layout.addLayout(row)
        layout.addWidget(self.bar)
        self._tasks.busy_changed.connect(lambda busy: self.rotate_button.setEnabled(not busy))

    def refresh(self) -> None:
        self._tasks.run(partial(self._load, self._us), self._show, self._failed)

    @staticmethod
    def _load(us: UserSession) -> tuple[object, object]:
        return backup.backup_status(us), keys.status(us)

    def _show(self, result: tuple[object, object]) -> None:
        (last, overdue), status = result  # type: ignore[misc]
        if last is None:
            text = self.tr("还没有备份过：请尽快运行 backoffice backup create。")
        else:
            when = last.astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M")
            text = self.tr("上次备份：{when}。").format(when=when)
            if overdue:
                text += self.tr("已超过规定间隔，请立即备份。")
        self.backup_label.setText(text)
        self.backup_label.setStyleSheet("color: #b00020;" if overdue else "")
        self.keys_label.setText(
            self.tr("当前密钥版本 {v}；待重新加密：{p} 位客户、{a} 个附件。").format(
                v=status.current_version, p=status.persons_pending, a=status.attachments_pending
            )
        )

    def rotate(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("轮换主密钥"),
            self.tr("将生成新的主密钥并重新加密全部个人信息、案件数据和附件。可以中断后再次运行。继续吗？"),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        if not ask_password(self, self._us, "keys.rotate"):
            return
        self.bar.setRange(0, 0)
        self.bar.show()
        emit = self._progress.step.emit
        self._tasks.run(partial(keys.rotate, self._us, progress=emit), self._rotated, self._failed)

    def _on_step(self, stage: str, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        labels = {"persons": self.tr("客户"), "fields": self.tr("案件数据表"), "attachments": self.tr("附件")}
        label = labels.get(stage, stage)
        self.bar.setFormat(f"{label} %v / %m")

    def _rotated(self, status: keys.RotationStatus) -> None:
        self.bar.hide()
        self.refresh()
        if not status.complete:
            QMessageBox.warning(self, self.tr("轮换主密钥"), self.tr("轮换尚未完成：请再次运行。"))

    def _failed(self, exc: Exception) -> None:
        self.bar.hide()
        self.keys_label.setText(message_for(exc) or self.tr("密钥操作时程序出错，请查看日志。"))
