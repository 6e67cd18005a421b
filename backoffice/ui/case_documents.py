"""The 单证 tab: the checklist, receipts, scanned attachments and their preview, the one-time notice."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QItemSelection, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from backoffice.security.roles import Permission
from backoffice.services.attachments import AttachmentInfo, add_attachment
from backoffice.services.cases import AttachmentRef, CaseDetail
from backoffice.services.context import UserSession
from backoffice.ui.attachment_preview import AttachmentPreview
from backoffice.ui.checklist_model import ChecklistModel
from backoffice.ui.errors import message_for
from backoffice.ui.formatting import file_size, local_date
from backoffice.ui.paper import MISSING_DOCUMENTS_NOTICE, PaperSaver, ask_open_path
from backoffice.ui.receipt_dialog import ReceiptDialog
from backoffice.ui.simple_model import RowsModel
from backoffice.ui.tasks import Tasks
from backoffice.ui.widgets import ERROR_STYLE, rows_table

MEDIA_NAMES = {"image/jpeg": "JPEG", "image/png": "PNG", "image/tiff": "TIFF", "application/pdf": "PDF"}


class CaseDocumentsTab(QWidget):
    """``changed`` after a receipt, an attachment or a printed notice (the case is read again)."""

    changed = Signal()

    def __init__(self, us: UserSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._us = us
        self._detail: CaseDetail | None = None
        self._tasks = Tasks(self)
        self._tasks.busy_changed.connect(lambda _busy: self._update_buttons())
        self.ask_open_path: Callable[[QWidget | None, str], Path | None] = ask_open_path
        self.paper = PaperSaver(us, self)
        self.paper.message.connect(self._paper_done)
        self.paper.busy_changed.connect(lambda _busy: self._update_buttons())
        self.receipt_dialog: ReceiptDialog | None = None
        self.preview: AttachmentPreview | None = None
        handles = us.actor.role_for(Permission.HANDLE_CASES) is not None
        self._handles = handles

        self.progress = QLabel(objectName="documents-progress")
        self.model = ChecklistModel(self)
        self.table = rows_table(self.model, "checklist-table")
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(ChecklistModel.TITLE, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 50), (2, 125), (3, 85), (4, 45), (5, 110), (6, 45)):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.activated.connect(lambda _index: self.log_receipt())

        self.attachment_rows = RowsModel(
            (self.tr("附件"), self.tr("类型"), self.tr("大小"), self.tr("页数")), self
        )
        self.attachments = rows_table(self.attachment_rows, "attachments-table", stretch_last=True)
        self.attachments.setMaximumHeight(110)
        self.attachments.activated.connect(lambda _index: self.preview_attachment())

        self.receive_button = QPushButton(self.tr("登记收取…"), objectName="log-receipt")
        self.receive_button.clicked.connect(self.log_receipt)
        self.attach_button = QPushButton(self.tr("附加扫描件…"), objectName="attach-scan")
        self.attach_button.clicked.connect(self.attach_scan)
        self.preview_button = QPushButton(self.tr("预览附件"), objectName="preview-attachment")
        self.preview_button.clicked.connect(self.preview_attachment)
        self.notice_button = QPushButton(self.tr("打印一次性告知书…"), objectName="print-notice")
        self.notice_button.clicked.connect(self.print_notice)
        if not handles:
            for button in (self.receive_button, self.attach_button, self.notice_button):
                button.setToolTip(self.tr("只有理赔内勤可以登记单证和打印告知书。"))
        self.message = QLabel(objectName="documents-message")
        self.message.setWordWrap(True)
        self.message.hide()

        buttons = QHBoxLayout()
        for button in (self.receive_button, self.attach_button, self.preview_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.notice_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.table, 1)
        layout.addWidget(QLabel(self.tr("所选单证的附件")))
        layout.addWidget(self.attachments)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self._update_buttons()

    # --- showing ---------------------------------------------------------------------------------
    def show_detail(self, detail: CaseDetail) -> None:
        selected = self.current_item_id()
        self._detail = detail
        self.model.set_checklist(detail.checklist, detail.attachments)
        mandatory = [i for i in detail.checklist if i.mandatory]
        got = sum(1 for i in mandatory if i.received_at is not None)
        text = self.tr("必备单证已收到 {got}/{total} 项。").format(got=got, total=len(mandatory))
        if detail.materials_complete_at is not None:
            text += " " + self.tr("材料齐全日期：{date}").format(
                date=local_date(detail.materials_complete_at)
            )
        self.progress.setText(text)
        row = self.model.row_of(selected) if selected is not None else -1
        self.table.selectRow(row if row >= 0 else 0)
        self._show_attachments()
        self._update_buttons()

    def current_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def current_item_id(self) -> int | None:
        row = self.current_row()
        return self.model.item(row).id if row >= 0 else None

    def select_item(self, title: str) -> None:
        for row in range(self.model.rowCount()):
            if self.model.item(row).title == title:
                self.table.selectRow(row)
                return
        raise KeyError(title)

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_attachments()
        self._update_buttons()

    def _show_attachments(self) -> None:
        row = self.current_row()
        refs = self.model.attachments(row) if row >= 0 else []
        self.attachment_rows.set_rows(
            [
                (
                    self.tr("附件 #{id}").format(id=ref.id),
                    MEDIA_NAMES.get(ref.media_type, ref.media_type),
                    file_size(ref.size),
                    "" if ref.pages is None else str(ref.pages),
                )
                for ref in refs
            ],
            refs,
        )
        if refs:
            self.attachments.selectRow(0)

    def _update_buttons(self) -> None:
        has_item = self._detail is not None and self.current_row() >= 0
        idle = not self._tasks.busy and not self.paper.busy
        for button in (self.receive_button, self.attach_button):
            button.setEnabled(self._handles and has_item and idle)
        self.notice_button.setEnabled(self._handles and self._detail is not None and idle)
        self.preview_button.setEnabled(self.attachment_rows.rowCount() > 0)

    def _say(self, text: str, *, error: bool) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "color: #1b5e20;")
        self.message.setText(text)
        self.message.show()

    # --- actions ---------------------------------------------------------------------------------
    def log_receipt(self) -> ReceiptDialog | None:
        row = self.current_row()
        if self._detail is None or row < 0 or not self._handles or self.receipt_dialog is not None:
            return self.receipt_dialog
        dialog = ReceiptDialog(self._us, self._detail.id, self.model.item(row), self)
        dialog.accepted.connect(self._receipt_logged)
        dialog.finished.connect(self._receipt_closed)
        self.receipt_dialog = dialog
        dialog.open()
        return dialog

    def _receipt_logged(self) -> None:
        dialog = self.receipt_dialog
        if dialog is not None and dialog.result_item is not None:
            self._say(self.tr("已登记收到：{title}").format(title=dialog.result_item.title), error=False)
        self.changed.emit()

    def _receipt_closed(self) -> None:
        if self.receipt_dialog is not None:
            self.receipt_dialog.deleteLater()
            self.receipt_dialog = None

    def attach_scan(self) -> None:
        row = self.current_row()
        if self._detail is None or row < 0 or self._tasks.busy or not self._handles:
            return
        item = self.model.item(row)
        path = self.ask_open_path(self, self.tr("选择“{title}”的扫描件").format(title=item.title))
        if path is None:
            return
        self._say(self.tr("正在检查并加密保存 {name}…").format(name=path.name), error=False)
        call = partial(
            add_attachment, self._us, path, file_name=path.name, owner_type="checklist_item", owner_id=item.id
        )
        self._tasks.run(call, self._attached, self._attach_failed)

    def _attached(self, info: AttachmentInfo) -> None:
        self._say(
            self.tr("已保存扫描件 {name}（{type}，{size}）。").format(
                name=info.file_name,
                type=MEDIA_NAMES.get(info.media_type, info.media_type),
                size=file_size(info.size),
            ),
            error=False,
        )
        self.changed.emit()

    def _attach_failed(self, exc: Exception) -> None:
        self._say(message_for(exc) or self.tr("保存扫描件时程序出错，请查看日志。"), error=True)

    def preview_attachment(self) -> AttachmentPreview | None:
        rows = self.attachments.selectionModel().selectedRows()
        if not rows:
            return None
        ref = self.attachment_rows.payload(rows[0].row())
        assert isinstance(ref, AttachmentRef)
        if self.preview is not None:
            self.preview.close()
        preview = AttachmentPreview(self._us, ref, self)
        preview.finished.connect(partial(self._preview_closed, preview))
        self.preview = preview
        preview.open()
        return preview

    def _preview_closed(self, preview: AttachmentPreview, _result: int = 0) -> None:
        if self.preview is preview:
            self.preview = None
        preview.deleteLater()

    def print_notice(self) -> None:
        if self._detail is not None and self._handles:
            self.paper.save(MISSING_DOCUMENTS_NOTICE, self._detail.id, self._detail.case_no)

    def _paper_done(self, text: str, is_error: bool) -> None:
        self._say(text, error=is_error)
        if not is_error:
            self.changed.emit()  # the notice is in the contact log now
