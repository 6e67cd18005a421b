"""A PDF shown from memory with page navigation and a jump list of its parts (one entry per document).

Used for the preview of an archive volume: the bytes come from the service, are held in a QBuffer and
never written to disk by the GUI.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget


class PdfPane(QWidget):
    """``show_pdf(data, caption, contents)`` loads a document; ``clear(text)`` shows a message instead.

    ``contents`` are (title, first page) pairs for the jump list. (Qt's own bookmark model would do, but
    it warns about every outline entry whose destination has no explicit position, as ours do not.)
    """

    def __init__(self, empty_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        self.caption = QLabel(empty_text, objectName="pdf-caption")
        self.caption.setWordWrap(True)
        self.caption.setStyleSheet("font-weight: bold;")
        self.view = QPdfView(self)
        self.view.setObjectName("pdf-view")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.jump_list = QComboBox(objectName="pdf-contents")
        self.jump_list.setMinimumContentsLength(16)
        self.jump_list.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.jump_list.setToolTip(self.tr("跳到卷内的某一件"))
        self.jump_list.activated.connect(self._jump)
        self.previous_button = QPushButton(self.tr("上一页"), objectName="pdf-previous")
        self.previous_button.clicked.connect(lambda: self.go_to(self.current_page() - 1))
        self.next_button = QPushButton(self.tr("下一页"), objectName="pdf-next")
        self.next_button.clicked.connect(lambda: self.go_to(self.current_page() + 1))
        self.page_box = QSpinBox(objectName="pdf-page")
        self.page_box.setKeyboardTracking(False)
        self.page_box.valueChanged.connect(lambda value: self.go_to(value - 1))
        self.page_count = QLabel(objectName="pdf-page-count")
        self.view.pageNavigator().currentPageChanged.connect(self._page_changed)
        self.document.statusChanged.connect(self._update_controls)

        nav = QHBoxLayout()
        nav.addWidget(self.jump_list, 1)
        nav.addWidget(self.previous_button)
        nav.addWidget(self.page_box)
        nav.addWidget(self.page_count)
        nav.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addLayout(nav)
        layout.addWidget(self.view, 1)
        self._update_controls()

    @property
    def pages(self) -> int:
        return self.document.pageCount() if self.document.status() == QPdfDocument.Status.Ready else 0

    def show_pdf(self, data: bytes, caption: str, contents: Sequence[tuple[str, int]] = ()) -> bool:
        """Load ``data``; False (and a message in the caption) when it is not a readable PDF."""
        self._unload()
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(data))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)  # a buffer holds all the data: Ready at once, or Error
        if self.document.status() == QPdfDocument.Status.Error:
            self.clear(self.tr("无法显示这个 PDF 文件。"))
            return False
        self.caption.setText(caption)
        for title, page in contents:
            self.jump_list.addItem(title, page)
        self.go_to(0)
        self._update_controls()
        return True

    def clear(self, text: str) -> None:
        self._unload()
        self.caption.setText(text)
        self._update_controls()

    def _unload(self) -> None:
        self.jump_list.clear()
        self.document.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.deleteLater()
            self._buffer = None

    def current_page(self) -> int:
        """0-based."""
        return self.view.pageNavigator().currentPage()

    def go_to(self, page: int) -> None:
        """Show ``page`` (0-based); out of range is ignored."""
        if 0 <= page < self.pages and page != self.current_page():
            self.view.pageNavigator().jump(page, QPointF(), 0)
        self._page_changed(self.current_page())

    def _jump(self, row: int) -> None:
        page = self.jump_list.itemData(row)
        if isinstance(page, int):
            self.go_to(page)

    def _page_changed(self, page: int) -> None:
        self.page_box.blockSignals(True)
        self.page_box.setValue(page + 1)
        self.page_box.blockSignals(False)
        self.previous_button.setEnabled(page > 0)
        self.next_button.setEnabled(page + 1 < self.pages)
        starts = [self.jump_list.itemData(row) for row in range(self.jump_list.count())]
        within = [row for row, start in enumerate(starts) if isinstance(start, int) and start <= page]
        if within:
            self.jump_list.setCurrentIndex(within[-1])  # the part or document this page belongs to

    def _update_controls(self, *_args: object) -> None:
        pages = self.pages
        self.page_box.setRange(1 if pages else 0, max(pages, 0))
        self.page_count.setText(self.tr("/ 共 {n} 页").format(n=pages))
        for widget in (self.page_box, self.jump_list):
            widget.setEnabled(pages > 0)
        self._page_changed(self.current_page() if pages else 0)
