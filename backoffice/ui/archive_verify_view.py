"""The result of verifying one volume file (校验): passed or not at a glance, then what was altered."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QListWidget, QVBoxLayout, QWidget

from backoffice.services.archive_access import VerifyReport
from backoffice.ui.archive_labels import volume_status
from backoffice.ui.errors import message_for

OK_STYLE = "font-size: 13pt; font-weight: bold; color: #1b5e20;"
FAILED_STYLE = "font-size: 13pt; font-weight: bold; color: #b00020;"


def _numbers(values: tuple[int, ...]) -> str:
    return "、".join(str(v) for v in values)


class VerifyView(QWidget):
    """Empty until ``show_report``; ``headline`` says passed or not, ``problems`` lists what was found."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headline = QLabel(
            self.tr("选择一个案卷后点“校验”，或用“校验文件…”选择任意案卷文件。"), objectName="verify-headline"
        )
        self.headline.setWordWrap(True)
        self._values: dict[str, QLabel] = {}
        form = QFormLayout()
        for key, label in (
            ("file", self.tr("文件")),
            ("archive_no", self.tr("档号")),
            ("case_no", self.tr("案件号")),
            ("status", self.tr("登记状态")),
            ("pages", self.tr("已检查页数")),
            ("file_sha256", self.tr("文件摘要")),
            ("recorded_sha256", self.tr("登记的摘要")),
            ("altered_items", self.tr("被改动的件")),
            ("altered_pages", self.tr("被改动的页")),
        ):
            value = QLabel(objectName=f"verify-{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self._values[key] = value
            form.addRow(label, value)
        self.problems = QListWidget(objectName="verify-problems")
        self.problems.setWordWrap(True)
        self.problems.setSpacing(3)
        self.problems.setAlternatingRowColors(True)
        self.problems_title = QLabel(self.tr("发现的问题"))
        self.details = QWidget()
        details_layout = QVBoxLayout(self.details)
        details_layout.setContentsMargins(0, 0, 0, 0)
        details_layout.addLayout(form)
        details_layout.addWidget(self.problems_title)
        details_layout.addWidget(self.problems, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.details, 1)
        self.details.hide()
        self.report: VerifyReport | None = None

    def value(self, key: str) -> str:
        return self._values[key].text()

    def show_working(self, name: str) -> None:
        self.report = None
        self.headline.setStyleSheet("")
        self.headline.setText(self.tr("正在校验 {name}…").format(name=name))
        self.details.hide()

    def show_report(self, report: VerifyReport) -> None:
        self.report = report
        if report.ok:
            self.headline.setStyleSheet(OK_STYLE)
            self.headline.setText(self.tr("校验通过：文件与封存清单和档案登记一致，未被改动。"))
        else:
            self.headline.setStyleSheet(FAILED_STYLE)
            self.headline.setText(
                self.tr("校验未通过：发现 {n} 处问题，文件在封存后被改动或不是本系统封存的案卷。").format(
                    n=len(report.problems)
                )
            )
        archive_no = report.archive_no or "—"
        if report.version is not None:
            archive_no = self.tr("{no}（第 {version} 版）").format(no=archive_no, version=report.version)
        values = {
            "file": str(report.path),
            "archive_no": archive_no,
            "case_no": report.case_no or "—",
            "status": volume_status(report.status) if report.status else self.tr("未登记"),
            "pages": str(report.pages_checked),
            "file_sha256": report.file_sha256,
            "recorded_sha256": report.recorded_sha256 or "—",
            "altered_items": self.tr("第 {seq} 件").format(seq=_numbers(report.altered_items))
            if report.altered_items
            else self.tr("无"),
            "altered_pages": self.tr("全卷第 {pages} 页").format(pages=_numbers(report.altered_pages))
            if report.altered_pages
            else self.tr("无"),
        }
        for key, text in values.items():
            self._values[key].setText(text)
        self.problems.clear()
        for problem in report.problems:
            self.problems.addItem(message_for(problem) or "")
        self.problems_title.setVisible(bool(report.problems))
        self.problems.setVisible(bool(report.problems))
        self.details.show()

    def show_failure(self, text: str) -> None:
        self.report = None
        self.headline.setStyleSheet(FAILED_STYLE)
        self.headline.setText(text)
        self.details.hide()
