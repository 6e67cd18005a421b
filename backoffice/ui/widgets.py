"""Small widgets shared by the intake screens."""

from __future__ import annotations

from PySide6.QtCore import QDateTime
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractSpinBox, QDateTimeEdit, QLabel, QVBoxLayout, QWidget

from backoffice.ui.formatting import TIME_FORMAT

ERROR_STYLE = "color: #b00020;"


class DateTimeEdit(QDateTimeEdit):
    """A date-time editor for fast typing: digits fill the sections in turn (``202603011800``), and
    Tab leaves the editor instead of walking through its five sections."""

    def __init__(self, value: QDateTime | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat(TIME_FORMAT)
        self.setCalendarPopup(True)
        self.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
        if value is not None:
            self.setDateTime(value)

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)


def error_label(name: str) -> QLabel:
    """A red message under a field, hidden until there is something to say."""
    label = QLabel(objectName=name)
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    label.hide()
    return label


def with_error(widget: QWidget, error: QLabel) -> QWidget:
    """``widget`` with its error message below it, as one form cell."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(1)
    layout.addWidget(widget)
    layout.addWidget(error)
    return box


def heading(text: str, points: int = 12) -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setPointSize(points)
    font.setBold(True)
    label.setFont(font)
    return label
