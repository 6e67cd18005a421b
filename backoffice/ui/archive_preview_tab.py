"""The 预览 tab of the 归档 page: a volume built as sealing would build it, and what would block sealing."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from backoffice.services.archive_preview import VolumePreview
from backoffice.ui.archive_pdf_pane import PdfPane
from backoffice.ui.errors import message_for

OK_STYLE = "color: #1b5e20;"
WARN_STYLE = "color: #b05000;"


class PreviewTab(QWidget):
    """``working(case_no)`` while the worker builds, then ``show_preview`` or ``failed``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview: VolumePreview | None = None
        self.pdf = PdfPane(self.tr("在左侧选择一个待归档案件，点“预览”查看案卷。"))
        self.problems = QLabel(objectName="archive-preview-problems")
        self.problems.setWordWrap(True)
        self.problems.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.problems)
        layout.addWidget(self.pdf, 1)

    def working(self, case_no: str) -> None:
        self.preview = None
        self.problems.hide()
        self.pdf.clear(self.tr("正在生成案件 {case_no} 的预览…").format(case_no=case_no))

    def failed(self) -> None:
        self.pdf.clear(self.tr("无法生成预览。"))

    def show_preview(self, preview: VolumePreview) -> None:
        self.preview = preview
        caption = self.tr(
            "预览（未封存）：案件 {case_no} · 档号 {archive_no} 第 {version} 版 · {items} 件，共 {pages} 页"
        ).format(
            case_no=preview.case_no,
            archive_no=preview.archive_no,
            version=preview.version,
            items=preview.items,
            pages=preview.pages,
        )
        self.pdf.show_pdf(preview.data, caption, preview.contents)
        if preview.problems:
            lines = "\n".join(
                f"{n}. {message_for(problem) or ''}" for n, problem in enumerate(preview.problems, start=1)
            )
            self.problems.setText(
                self.tr("封卷时将被拒绝，请先处理以下问题：\n{problems}").format(problems=lines)
            )
            self.problems.setStyleSheet(WARN_STYLE)
        else:
            self.problems.setText(self.tr("完整性检查未发现问题，可以封卷。"))
            self.problems.setStyleSheet(OK_STYLE)
        self.problems.show()
