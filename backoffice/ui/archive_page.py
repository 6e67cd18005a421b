"""The 归档 page: the archivist's queue of closed cases and the register of sealed volumes.

A queued case can be previewed (the volume built as sealing would build it, shown in a PDF view, with
whatever would block sealing) and sealed (封卷; an unmasked volume needs its permission, a reason and
the password). 批量归档 seals the whole queue on a worker with progress and cancel. 校验 checks a volume
file against its embedded manifest and the register. Every service call runs on a worker.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from backoffice.security.roles import Permission
from backoffice.services.archive import BatchResult, VolumeInfo, archive_dir, build_volume
from backoffice.services.archive_access import VerifyReport, verify_volume
from backoffice.services.archive_preview import VolumePreview, preview_volume
from backoffice.services.archive_views import (
    REGISTER_LIMIT,
    QueuedCase,
    VolumeRow,
    archive_queue,
    archived_volumes,
)
from backoffice.services.context import UserSession
from backoffice.services.payments import CLOSING_REASONS
from backoffice.services.policies import LINE_LABELS
from backoffice.ui.archive_batch import BatchPanel, BatchRun, confirm_box, summary_lines
from backoffice.ui.archive_labels import retention_label, short_digest, volume_status
from backoffice.ui.archive_preview_tab import PreviewTab
from backoffice.ui.archive_seal_dialog import SealDialog
from backoffice.ui.archive_verify_view import VerifyView
from backoffice.ui.errors import message_for
from backoffice.ui.formatting import local_date, local_time, money
from backoffice.ui.labels import code_label
from backoffice.ui.pages import PageSpec, page_heading
from backoffice.ui.simple_model import RowsModel
from backoffice.ui.tasks import Tasks
from backoffice.ui.widgets import error_label, rows_table

OK_STYLE = "color: #1b5e20;"


class ArchivePage(QWidget):
    """Signals tell what finished: ``previewed``, ``sealed`` (VolumeInfo), ``batch_finished``
    (BatchResult), ``verified`` (VerifyReport); ``batch_progress`` follows a running batch."""

    previewed = Signal(object)
    sealed = Signal(object)
    batch_progress = Signal(int, int, str)
    batch_finished = Signal(object)
    verified = Signal(object)

    PREVIEW, VERIFY, BATCH = range(3)

    def __init__(self, us: UserSession, spec: PageSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._us = us
        self._tasks = Tasks(self)
        self._tasks.busy_changed.connect(self._update_buttons)
        self._may_unmask = us.actor.role_for(Permission.UNMASKED_ARCHIVE) is not None
        self.case_no: str | None = None
        self.volume: VolumeRow | None = None
        self.batch: BatchRun | None = None

        self.refresh_button = QPushButton(self.tr("刷新"), objectName="archive-refresh")
        self.refresh_button.clicked.connect(self.refresh)
        subtitle = QLabel(spec.translated_placeholder())
        subtitle.setStyleSheet("color: #555;")
        self.result = QLabel(objectName="archive-result")
        self.result.setWordWrap(True)
        self.result.setStyleSheet(OK_STYLE)
        self.result.hide()
        self.error = error_label("archive-error")

        self.queue_model = RowsModel(
            (
                self.tr("案件号"),
                self.tr("结案日期"),
                self.tr("险类"),
                self.tr("金额"),
                self.tr("结案原因"),
                self.tr("备注"),
            ),
            self,
        )
        self.queue_model.set_right_aligned((3,))
        self.queue_table = rows_table(self.queue_model, "archive-queue", fit_columns=True, stretch_last=True)
        self.queue_table.selectionModel().selectionChanged.connect(self._case_selected)
        self.queue_count = QLabel(objectName="archive-queue-count")
        self.preview_button = QPushButton(self.tr("预览"), objectName="archive-preview")
        self.preview_button.setToolTip(self.tr("按封卷时的方式生成案卷并显示，不登记、不改变案件"))
        self.preview_button.clicked.connect(self.preview_case)
        self.seal_button = QPushButton(self.tr("封卷"), objectName="archive-seal")
        self.seal_button.setToolTip(self.tr("生成并封存案卷，登记摘要，案件变为只读"))
        self.seal_button.clicked.connect(self.open_seal_dialog)
        self.batch_button = QPushButton(self.tr("批量归档"), objectName="archive-batch")
        self.batch_button.setToolTip(self.tr("为待归档队列中的全部案件逐件立卷封存"))
        self.batch_button.clicked.connect(self.confirm_batch)
        self.batch_panel = BatchPanel()
        self.batch_panel.cancel_button.clicked.connect(self.cancel_batch)

        self.volume_model = RowsModel(
            (
                self.tr("档号"),
                self.tr("版本"),
                self.tr("案件号"),
                self.tr("保管期限"),
                self.tr("SHA-256 摘要"),
                self.tr("封存时间"),
                self.tr("状态"),
            ),
            self,
        )
        self.volume_table = rows_table(
            self.volume_model, "archive-volumes", fit_columns=True, stretch_last=True
        )
        self.volume_table.selectionModel().selectionChanged.connect(self._volume_selected)
        self.volume_count = QLabel(objectName="archive-volume-count")
        self.verify_button = QPushButton(self.tr("校验"), objectName="archive-verify")
        self.verify_button.setToolTip(self.tr("校验所选案卷的文件是否与封存时一致"))
        self.verify_button.clicked.connect(self.verify_selected)
        self.verify_file_button = QPushButton(self.tr("校验文件…"), objectName="archive-verify-file")
        self.verify_file_button.setToolTip(self.tr("选择任意案卷文件（例如交出的副本）进行校验"))
        self.verify_file_button.clicked.connect(self.choose_file_to_verify)

        self.preview_tab = PreviewTab()
        self.verify_view = VerifyView()
        self.batch_summary = QPlainTextEdit(objectName="archive-batch-summary")
        self.batch_summary.setReadOnly(True)
        self.batch_summary.setPlaceholderText(self.tr("批量归档的结果将显示在这里。"))
        self.tabs = QTabWidget(objectName="archive-tabs")
        self.tabs.addTab(self.preview_tab, self.tr("预览"))
        self.tabs.addTab(self.verify_view, self.tr("校验结果"))
        self.tabs.addTab(self.batch_summary, self.tr("批量归档结果"))

        self._lay_out(spec, subtitle)
        self._update_buttons()
        self.refresh()

    def _lay_out(self, spec: PageSpec, subtitle: QLabel) -> None:
        top = QHBoxLayout()
        top.addWidget(page_heading(spec))
        top.addWidget(subtitle, 1)
        top.addWidget(self.refresh_button)
        queue_box = QGroupBox(self.tr("待归档案件"))
        queue_layout = QVBoxLayout(queue_box)
        queue_buttons = QHBoxLayout()
        queue_buttons.addWidget(self.queue_count, 1)
        for button in (self.preview_button, self.seal_button, self.batch_button):
            queue_buttons.addWidget(button)
        queue_layout.addLayout(queue_buttons)
        queue_layout.addWidget(self.queue_table, 1)
        queue_layout.addWidget(self.batch_panel)
        volume_box = QGroupBox(self.tr("已归档案卷"))
        volume_layout = QVBoxLayout(volume_box)
        volume_buttons = QHBoxLayout()
        volume_buttons.addWidget(self.volume_count, 1)
        volume_buttons.addWidget(self.verify_button)
        volume_buttons.addWidget(self.verify_file_button)
        volume_layout.addLayout(volume_buttons)
        volume_layout.addWidget(self.volume_table, 1)
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(queue_box)
        left.addWidget(volume_box)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.result)
        layout.addWidget(self.error)
        layout.addWidget(split, 1)

    # --- the lists -------------------------------------------------------------------------------
    def refresh(self) -> None:
        self._tasks.run(partial(self._read_lists, self._us), self._show_lists, self._failed)

    @staticmethod
    def _read_lists(us: UserSession) -> tuple[list[QueuedCase], list[VolumeRow]]:
        return archive_queue(us), archived_volumes(us)

    def _show_lists(self, lists: tuple[list[QueuedCase], list[VolumeRow]]) -> None:
        queue, volumes = lists
        keep_case, keep_volume = self.case_no, self.volume
        self.queue_model.set_rows([self._queue_row(c) for c in queue], list(queue))
        self.queue_count.setText(self.tr("待归档：{n} 件").format(n=len(queue)))
        self.volume_model.set_rows([self._volume_row(v) for v in volumes], list(volumes))
        if len(volumes) >= REGISTER_LIMIT:
            self.volume_count.setText(self.tr("最近封存的 {n} 卷").format(n=len(volumes)))
        else:
            self.volume_count.setText(self.tr("已登记案卷：{n} 卷").format(n=len(volumes)))
        self.case_no = self.volume = None
        numbers = self.queue_case_numbers()
        if keep_case in numbers:
            self.queue_table.selectRow(numbers.index(keep_case))
        if keep_volume is not None:
            for row, volume in enumerate(volumes):
                if (volume.archive_no, volume.version) == (keep_volume.archive_no, keep_volume.version):
                    self.volume_table.selectRow(row)
        self._update_buttons()

    def _queue_row(self, case: QueuedCase) -> tuple[str, ...]:
        return (
            case.case_no,
            local_date(case.closed_at),
            code_label(LINE_LABELS, case.line),
            money(case.amount) or "—",
            code_label(CLOSING_REASONS, case.closing_reason),
            self.tr("重新立卷（已有 {n} 版）").format(n=case.earlier_volumes) if case.earlier_volumes else "",
        )

    def _volume_row(self, volume: VolumeRow) -> tuple[str, ...]:
        return (
            volume.archive_no,
            str(volume.version),
            volume.case_no,
            retention_label(volume.retention),
            short_digest(volume.sha256),
            local_time(volume.built_at),
            volume_status(volume.status) + (self.tr("（未屏蔽）") if volume.unmasked else ""),
        )

    def queue_case_numbers(self) -> list[str]:
        return [self.queue_model.index(row, 0).data() for row in range(self.queue_model.rowCount())]

    def _case_selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.queue_table.selectionModel().selectedRows()
        payload = self.queue_model.payload(rows[0].row()) if rows else None
        self.case_no = payload.case_no if isinstance(payload, QueuedCase) else None
        self._update_buttons()

    def _volume_selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.volume_table.selectionModel().selectedRows()
        payload = self.volume_model.payload(rows[0].row()) if rows else None
        self.volume = payload if isinstance(payload, VolumeRow) else None
        self._update_buttons()

    def _update_buttons(self, *_args: object) -> None:
        idle = not self._tasks.busy
        self.refresh_button.setEnabled(idle)
        self.preview_button.setEnabled(idle and self.case_no is not None)
        self.seal_button.setEnabled(idle and self.case_no is not None)
        self.batch_button.setEnabled(idle and self.queue_model.rowCount() > 0)
        self.verify_button.setEnabled(idle and self.volume is not None)
        self.verify_file_button.setEnabled(idle)

    # --- preview ---------------------------------------------------------------------------------
    def preview_case(self) -> None:
        if self.case_no is None or self._tasks.busy:
            return
        self._clear_messages()
        self.preview_tab.working(self.case_no)
        self.tabs.setCurrentIndex(self.PREVIEW)
        call = partial(preview_volume, self._us, self.case_no)
        self._tasks.run(call, self._show_preview, self._preview_failed)

    def _show_preview(self, preview: VolumePreview) -> None:
        self.preview_tab.show_preview(preview)
        self.previewed.emit(preview)

    def _preview_failed(self, exc: Exception) -> None:
        self.preview_tab.failed()
        self._failed(exc)

    # --- sealing ---------------------------------------------------------------------------------
    def open_seal_dialog(self) -> SealDialog | None:
        if self.case_no is None or self._tasks.busy:
            return None
        dialog = SealDialog(self.case_no, self._may_unmask, self)
        dialog.accepted.connect(partial(self._seal, dialog))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _seal(self, dialog: SealDialog) -> None:
        self._clear_messages()
        call = partial(
            build_volume,
            self._us,
            dialog.case_no,
            unmasked=dialog.unmasked(),
            password=dialog.password(),
            reason=dialog.reason(),
        )
        dialog.password_edit.clear()
        self.result.setText(self.tr("正在为案件 {case_no} 立卷封存…").format(case_no=dialog.case_no))
        self.result.show()
        self._tasks.run(call, self._sealed, self._seal_failed)

    def _sealed(self, info: VolumeInfo) -> None:
        self.result.setText(
            self.tr(
                "案件 {case_no} 已封卷：档号 {archive_no} 第 {version} 版，{pages} 页，摘要 {digest}。"
                "文件：{path}"
            ).format(
                case_no=info.case_no,
                archive_no=info.archive_no,
                version=info.version,
                pages=info.pages,
                digest=short_digest(info.sha256),
                path=info.path,
            )
        )
        self.result.show()
        self.sealed.emit(info)
        self.refresh()

    def _seal_failed(self, exc: Exception) -> None:
        self.result.hide()
        self._failed(exc)
        self.refresh()

    # --- batch -----------------------------------------------------------------------------------
    def confirm_batch(self) -> QMessageBox | None:
        count = self.queue_model.rowCount()
        if not count or self._tasks.busy:
            return None
        box = confirm_box(count, self)
        box.accepted.connect(self.start_batch)
        box.open()
        return box

    def start_batch(self) -> None:
        if self._tasks.busy:
            return
        self._clear_messages()
        run = BatchRun(self._us, self)
        run.progress.connect(self._batch_step)
        self.destroyed.connect(run.stop.set)  # a page closed mid-batch stops it after the current case
        self.batch = run
        self.batch_panel.start(self.queue_model.rowCount())
        self._tasks.run(run.call, self._batch_done, self._batch_failed)

    def _batch_step(self, number: int, total: int, case_no: str) -> None:
        if self.batch is not None:
            self.batch_panel.step(number, total, case_no)
            self.batch_progress.emit(number, total, case_no)

    def cancel_batch(self) -> None:
        if self.batch is not None:
            self.batch.cancel()
            self.batch_panel.cancelling()

    def _end_batch(self) -> None:
        self.batch_panel.finish()
        if self.batch is not None:
            self.batch.deleteLater()
            self.batch = None

    def _batch_done(self, result: BatchResult) -> None:
        self._end_batch()
        lines = summary_lines(result)
        self.batch_summary.setPlainText("\n".join(lines))
        self.tabs.setCurrentIndex(self.BATCH)
        label = self.error if result.failed else self.result
        label.setText(lines[0])
        label.show()
        self.batch_finished.emit(result)
        self.refresh()

    def _batch_failed(self, exc: Exception) -> None:
        self._end_batch()
        self._failed(exc)
        self.refresh()

    # --- verification ----------------------------------------------------------------------------
    def verify_selected(self) -> None:
        if self.volume is not None:
            self.verify_file(self.volume.path)

    def choose_file_to_verify(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("选择要校验的案卷文件"), str(archive_dir(self._us)), self.tr("PDF 文件 (*.pdf)")
        )
        if name:
            self.verify_file(Path(name))

    def verify_file(self, path: Path) -> None:
        if self._tasks.busy:
            return
        self._clear_messages()
        self.verify_view.show_working(path.name)
        self.tabs.setCurrentIndex(self.VERIFY)
        self._tasks.run(partial(verify_volume, self._us, path), self._verified, self._verify_failed)

    def _verified(self, report: VerifyReport) -> None:
        self.verify_view.show_report(report)
        self.verified.emit(report)

    def _verify_failed(self, exc: Exception) -> None:
        self.verify_view.show_failure(message_for(exc) or self.tr("校验时程序出错，请查看日志。"))

    # --- messages --------------------------------------------------------------------------------
    def _clear_messages(self) -> None:
        self.result.hide()
        self.error.hide()

    def _failed(self, exc: Exception) -> None:
        self.error.setText(message_for(exc) or self.tr("程序出错，请查看日志。"))
        self.error.show()
        self._update_buttons()
