"""Small widgets shared by the screens: a date-time editor, error labels, headings, read-only tables."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QDateTime
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QDateTimeEdit,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

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


def rows_table(
    model: QAbstractItemModel,
    name: str,
    *,
    multi_select: bool = False,
    fit_columns: bool = False,
    stretch_last: bool = False,
    row_height: int | None = None,
) -> QTableView:
    """A read-only list over ``model``: no row numbers, no editing, a click selects the whole row.

    One row at a time unless ``multi_select`` (Qt's extended selection: Ctrl and Shift add rows).
    ``fit_columns`` sizes every column to its contents, ``stretch_last`` gives the last column the width
    left over, ``row_height`` fixes the height of the rows. Column widths and stretches of single columns
    are the caller's.
    """
    table = QTableView(objectName=name)
    table.setModel(model)
    table.verticalHeader().hide()
    if row_height is not None:
        table.verticalHeader().setDefaultSectionSize(row_height)
    table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    if not multi_select:
        table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    header = table.horizontalHeader()
    if fit_columns:
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch_last:
        header.setStretchLastSection(True)
    return table
