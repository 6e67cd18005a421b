"""What the clerk sees after registering: the case number (large, selectable), classification with its
reasons, risk flags, the handler, and what to do next."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFormLayout, QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from backoffice.domain.case import COMPLEXITY_LABELS
from backoffice.services.intake import Registered
from backoffice.ui.flag_badges import badge_row
from backoffice.ui.labels import code_label
from backoffice.ui.widgets import heading


class ReportResult(QWidget):
    """``print_requested``, ``open_requested`` and ``next_requested`` for the three buttons."""

    print_requested = Signal()
    open_requested = Signal()
    next_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("report-result")
        self.registered: Registered | None = None
        self.case_no = QLabel(objectName="result-case-no")
        font = QFont(self.case_no.font())
        font.setPointSize(26)
        font.setBold(True)
        self.case_no.setFont(font)
        self.case_no.setStyleSheet("color: #1a73e8;")
        self.case_no.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.complexity = QLabel(objectName="result-complexity")
        self.reasons = QLabel(objectName="result-reasons")
        self.reasons.setWordWrap(True)
        self.handler = QLabel(objectName="result-handler")
        self.documents = QLabel(objectName="result-documents")
        self.flags_box = QVBoxLayout()
        self.flags_box.setContentsMargins(0, 0, 0, 0)
        self._flags: QWidget | None = None
        flags_holder = QWidget()
        flags_holder.setLayout(self.flags_box)

        self.print_button = QPushButton(self.tr("打印报案回执"), objectName="print-acknowledgement")
        self.open_button = QPushButton(self.tr("打开案件"), objectName="open-case")
        self.next_button = QPushButton(self.tr("登记下一个报案"), objectName="next-report")
        self.print_button.clicked.connect(self.print_requested)
        self.open_button.clicked.connect(self.open_requested)
        self.next_button.clicked.connect(self.next_requested)
        self.message = QLabel(objectName="result-message")
        self.message.setWordWrap(True)
        self.message.hide()

        card = QFrame(objectName="result-card")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setStyleSheet("#result-card { background: #f1f8e9; border: 1px solid #aed581; }")
        form = QFormLayout()
        form.addRow(self.tr("案件分类"), self.complexity)
        form.addRow("", self.reasons)
        form.addRow(self.tr("风险提示"), flags_holder)
        form.addRow(self.tr("经办人"), self.handler)
        form.addRow(self.tr("待收必备单证"), self.documents)
        inner = QVBoxLayout(card)
        inner.addWidget(heading(self.tr("报案已登记，案件号：")))
        inner.addWidget(self.case_no)
        inner.addLayout(form)
        buttons = QHBoxLayout()
        for button in (self.print_button, self.open_button, self.next_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(card)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def show_registered(self, registered: Registered) -> None:
        self.registered = registered
        self.case_no.setText(registered.case_no)
        self.complexity.setText(code_label(COMPLEXITY_LABELS, registered.complexity))
        self.reasons.setText("；".join(registered.complexity_reasons))
        self.handler.setText(registered.handler or self.tr("未分派：没有符合条件的在岗理赔内勤，请主管指派"))
        self.documents.setText(self.tr("{n} 项").format(n=registered.missing_documents))
        if self._flags is not None:
            self._flags.deleteLater()
        self._flags = badge_row(registered.flags, self.tr("无"))
        self.flags_box.addWidget(self._flags)
        self.message.hide()
        self.open_button.setFocus()

    def say(self, text: str, *, error: bool) -> None:
        self.message.setStyleSheet("color: #b00020;" if error else "color: #1b5e20;")
        self.message.setText(text)
        self.message.show()
