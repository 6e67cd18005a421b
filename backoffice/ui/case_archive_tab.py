"""The 归档 tab of a case: its archive volumes (every version) or 尚未归档.

Follows the case view's ``loaded`` signal: each time the case is read, its volumes are read on a worker.
The selected version (the newest at first) is shown in full — digest, file, who sealed it and when —
above the table of every version.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QItemSelection, Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from backoffice.domain.case import STATUS_LABELS, CaseStatus
from backoffice.security.roles import Permission
from backoffice.services.archive_access import Retrieval, retrieve
from backoffice.services.archive_views import VolumeRow, case_volumes
from backoffice.services.cases import CaseDetail
from backoffice.services.context import UserSession
from backoffice.ui.archive_labels import retention_label, short_digest, volume_status
from backoffice.ui.errors import message_for
from backoffice.ui.formatting import file_size, local_time
from backoffice.ui.labels import code_label
from backoffice.ui.note_dialog import NoteDialog
from backoffice.ui.simple_model import RowsModel
from backoffice.ui.tasks import Tasks
from backoffice.ui.widgets import error_label, rows_table


class CaseArchiveTab(QWidget):
    """``show_case(case_no)`` reads the case's volumes; with ``follow`` every CaseDetail it carries.

    调阅 logs who takes out the volume and why (anyone who may see the case); 调出重开 also moves the case
    from archived back to closed so that it can be reopened (archivists only). ``changed`` follows the latter.
    """

    changed = Signal()

    def __init__(
        self, us: UserSession, parent: QWidget | None = None, *, follow: SignalInstance | None = None
    ) -> None:
        super().__init__(parent)
        self._us = us
        self._tasks = Tasks(self)
        self.case_no: str | None = None
        self._status: str | None = None
        self._asked = 0  # the latest read; an older answer arriving late is dropped
        self.volumes: list[VolumeRow] | None = None  # None until read
        self.state = QLabel(self.tr("正在读取归档信息…"), objectName="case-archive-state")
        self.state.setWordWrap(True)
        self.state.setStyleSheet("font-weight: bold;")
        self.error = error_label("case-archive-error")
        self.model = RowsModel(
            (
                self.tr("档号"),
                self.tr("版本"),
                self.tr("状态"),
                self.tr("保管期限"),
                self.tr("页数"),
                self.tr("SHA-256 摘要"),
                self.tr("立卷人"),
                self.tr("封存时间"),
            ),
            self,
        )
        self.table = rows_table(self.model, "case-archive-volumes", fit_columns=True, stretch_last=True)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self._values: dict[str, QLabel] = {}
        self.details = QWidget()
        form = QFormLayout(self.details)
        form.setContentsMargins(0, 0, 0, 0)
        for key, label in (
            ("archive_no", self.tr("档号")),
            ("retention", self.tr("保管期限")),
            ("sha256", self.tr("文件 SHA-256")),
            ("content_sha256", self.tr("内容摘要")),
            ("path", self.tr("文件")),
            ("built", self.tr("立卷")),
        ):
            value = QLabel(objectName=f"case-archive-{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self._values[key] = value
            form.addRow(label, value)
        self.retrieve_button = QPushButton(self.tr("调阅…"), objectName="archive-retrieve")
        self.retrieve_button.clicked.connect(lambda: self.open_retrieval(reopen=False))
        self.reopen_button = QPushButton(self.tr("调出重开…"), objectName="archive-retrieve-reopen")
        self.reopen_button.clicked.connect(lambda: self.open_retrieval(reopen=True))
        self.reopen_button.setVisible(us.actor.role_for(Permission.BUILD_ARCHIVE) is not None)
        self.result = QLabel(objectName="case-archive-result")
        self.result.setWordWrap(True)
        self.result.setStyleSheet("color: #1b5e20;")
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result.hide()
        self.dialog: NoteDialog | None = None
        bar = QHBoxLayout()
        bar.addWidget(self.state, 1)
        bar.addWidget(self.retrieve_button)
        bar.addWidget(self.reopen_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.result)
        layout.addWidget(self.error)
        layout.addWidget(self.details)
        layout.addWidget(self.table, 1)
        self.table.hide()
        self.details.hide()
        self._update_buttons()
        if follow is not None:
            follow.connect(self.show_detail)

    def value(self, key: str) -> str:
        return self._values[key].text()

    def show_detail(self, detail: CaseDetail) -> None:
        self.show_case(detail.case_no, detail.status)

    def show_case(self, case_no: str, status: str | None = None) -> None:
        """Read the case's volumes; ``status`` (the case's) tells a reopened case from an archived one."""
        self.case_no, self._status = case_no, status
        self._asked += 1
        self._tasks.run(
            partial(case_volumes, self._us, case_no),
            partial(self._show, self._asked),
            partial(self._failed, self._asked),
        )

    def _show(self, asked: int, volumes: list[VolumeRow]) -> None:
        if asked != self._asked:
            return
        self.volumes = volumes
        self.error.hide()
        self.model.set_rows([self._row(v) for v in volumes], list(volumes))
        self.state.setText(self._state_text(volumes))
        self.table.setVisible(bool(volumes))
        self.details.setVisible(bool(volumes))
        if volumes:
            self.table.selectRow(0)
        self._update_buttons()

    def _active(self) -> bool:
        return any(v.status == "active" for v in self.volumes or [])

    def _update_buttons(self) -> None:
        active = self._active()
        self.retrieve_button.setEnabled(active)
        self.retrieve_button.setToolTip("" if active else self.tr("本案没有有效的归档案卷。"))
        archived = active and self._status == CaseStatus.ARCHIVED.value
        self.reopen_button.setEnabled(archived)
        self.reopen_button.setToolTip(
            self.tr("调出案卷并把案件恢复为已结案，以便重开。")
            if archived
            else self.tr("只有已归档的案件可以调出重开。")
        )

    def open_retrieval(self, *, reopen: bool) -> NoteDialog | None:
        """Ask for the reason; the service logs the retrieval (and, with ``reopen``, un-archives the case)."""
        if self.case_no is None or self.dialog is not None:
            return None
        case_no = self.case_no

        def call(reason: str) -> Retrieval:
            return retrieve(self._us, case_no, reason, reopen=reopen)

        title = self.tr("调出重开 {no}") if reopen else self.tr("调阅案卷 {no}")
        explain = (
            self.tr("调出后案件恢复为“已结案”，可以重开；再次归档时将立新版案卷，旧版摘要保留。")
            if reopen
            else self.tr("调阅将记入调阅登记和审计日志。")
        )
        dialog = NoteDialog(
            call,
            title=title.format(no=case_no),
            explain=explain,
            placeholder=self.tr("调阅理由，例如：客户申诉复查、审计抽查"),
            confirm=self.tr("调出重开") if reopen else self.tr("调阅"),
            max_length=500,
            parent=self,
        )
        dialog.accepted.connect(lambda: self._retrieved(dialog.answer))
        dialog.finished.connect(self._dialog_closed)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _dialog_closed(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None

    def _retrieved(self, answer: object) -> None:
        if not isinstance(answer, Retrieval):
            return
        text = self.tr("已登记调阅：档号 {no} 第 {version} 版，文件 {path}").format(
            no=answer.archive_no, version=answer.version, path=answer.path
        )
        if answer.reopened:
            text += self.tr("。案件已恢复为已结案，可以在“支付与结案”页重开。")
        self.result.setText(text)
        self.result.show()
        if answer.reopened:
            self.changed.emit()

    def _state_text(self, volumes: list[VolumeRow]) -> str:
        if not volumes:
            if self._status == CaseStatus.CLOSED.value:
                return self.tr("尚未归档：案件已结案，等待档案管理员立卷封存。")
            return self.tr("尚未归档：结案后由档案管理员立卷封存。")
        current = next((v for v in volumes if v.status == "active"), volumes[0])
        if self._status not in (None, CaseStatus.ARCHIVED.value):
            return self.tr(
                "案卷已调出，案件不再处于归档状态（当前状态：{status}）：以下为已封存的版本，再次封卷时将立新版。"
            ).format(status=code_label(STATUS_LABELS, self._status))
        return self.tr("已归档：档号 {archive_no} 第 {version} 版，保管期限 {retention}。").format(
            archive_no=current.archive_no,
            version=current.version,
            retention=retention_label(current.retention),
        )

    def _row(self, volume: VolumeRow) -> tuple[str, ...]:
        return (
            volume.archive_no,
            str(volume.version),
            volume_status(volume.status) + (self.tr("（未屏蔽）") if volume.unmasked else ""),
            retention_label(volume.retention),
            str(volume.pages),
            short_digest(volume.sha256),
            volume.built_by,
            local_time(volume.built_at),
        )

    def _selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        volume = self.model.payload(rows[0].row()) if rows else None
        if not isinstance(volume, VolumeRow):
            return
        values = {
            "archive_no": self.tr("{no}（第 {version} 版，{status}）").format(
                no=volume.archive_no, version=volume.version, status=volume_status(volume.status)
            ),
            "retention": retention_label(volume.retention),
            "sha256": volume.sha256,
            "content_sha256": volume.content_sha256,
            "path": self.tr("{path}（{size}）").format(path=volume.path, size=file_size(volume.size)),
            "built": self.tr("{name} · {at}").format(name=volume.built_by, at=local_time(volume.built_at)),
        }
        for key, text in values.items():
            self._values[key].setText(text)

    def _failed(self, asked: int, exc: Exception) -> None:
        if asked != self._asked:
            return
        self.state.clear()
        self.error.setText(message_for(exc) or self.tr("读取归档信息时程序出错，请查看日志。"))
        self.error.show()
