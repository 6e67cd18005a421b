"""Previewing a stored attachment: decrypted on a worker into memory, never left on disk.

``services.attachments.opened_copy`` writes a private temp copy and removes it when the block ends; the
bytes are read inside the block and shown from memory — a PDF in a QPdfView, an image as a pixmap.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QPixmap, QResizeEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QScrollArea, QVBoxLayout, QWidget

from backoffice.services.attachments import opened_copy
from backoffice.services.cases import AttachmentRef
from backoffice.services.context import UserSession
from backoffice.ui.errors import message_for
from backoffice.ui.formatting import file_size
from backoffice.ui.tasks import Tasks
from backoffice.ui.widgets import error_label

PDF = "application/pdf"


@dataclass(frozen=True)
class Opened:
    media_type: str
    data: bytes


def read_attachment(us: UserSession, ref: AttachmentRef) -> Opened:
    """The attachment's clear bytes (the temp copy is gone when this returns)."""
    with opened_copy(us, ref.id) as path:
        return Opened(ref.media_type, path.read_bytes())


class AttachmentPreview(QDialog):
    """Shows one attachment; ``loaded`` is True once it is on screen."""

    def __init__(self, us: UserSession, ref: AttachmentRef, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attachment-preview")
        self.setWindowTitle(self.tr("附件 #{id} 预览").format(id=ref.id))
        self._tasks = Tasks(self)
        self.loaded = False
        self.pixmap: QPixmap | None = None
        self.pdf: QPdfDocument | None = None
        self._buffer: QBuffer | None = None
        self.status = QLabel(self.tr("正在解密附件…"), objectName="preview-status")
        self.error = error_label("preview-error")
        self.image = QLabel(objectName="preview-image")
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._scroll = QScrollArea()
        self._scroll.setWidgetResizable(True)
        self._scroll.setWidget(self.image)
        self.pdf_view: QPdfView | None = None
        info = QLabel(
            self.tr("类型 {type} · {size}").format(type=ref.media_type, size=file_size(ref.size)),
            objectName="preview-info",
        )
        info.setStyleSheet("color: #555;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(info)
        self._layout.addWidget(self.status)
        self._layout.addWidget(self.error)
        self._layout.addWidget(self._scroll, 1)
        self._layout.addWidget(buttons)
        self.resize(720, 640)
        self._tasks.run(partial(read_attachment, us, ref), self._show, self._failed)

    def _show(self, opened: Opened) -> None:
        self.status.hide()
        if opened.media_type == PDF:
            self._show_pdf(opened.data)
        else:
            self._show_image(opened.data)

    def _show_image(self, data: bytes) -> None:
        pixmap = QPixmap()
        if not pixmap.loadFromData(data):
            self._failed_text(self.tr("无法显示这个图片。"))
            return
        self.pixmap = pixmap
        self._fit_image()
        self.loaded = True

    def _show_pdf(self, data: bytes) -> None:
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(data))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.pdf = QPdfDocument(self)
        self.pdf.load(self._buffer)
        if self.pdf.status() == QPdfDocument.Status.Error:
            self._failed_text(self.tr("无法显示这个 PDF 文件。"))
            return
        view = QPdfView(self)
        view.setObjectName("preview-pdf")
        view.setDocument(self.pdf)
        view.setPageMode(QPdfView.PageMode.MultiPage)
        view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._scroll.hide()
        self._layout.insertWidget(3, view, 1)
        self.pdf_view = view
        self.loaded = True

    def _fit_image(self) -> None:
        if self.pixmap is None:
            return
        width = max(100, self._scroll.viewport().width() - 4)
        shown = (
            self.pixmap
            if self.pixmap.width() <= width
            else self.pixmap.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
        )
        self.image.setPixmap(shown)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_image()

    def _failed(self, exc: Exception) -> None:
        self._failed_text(message_for(exc) or self.tr("打开附件时程序出错，请查看日志。"))

    def _failed_text(self, text: str) -> None:
        self.status.hide()
        self.error.setText(text)
        self.error.show()

    def done(self, result: int) -> None:
        if self.pdf is not None:
            self.pdf.close()
        super().done(result)
