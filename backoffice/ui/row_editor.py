"""A small editable list (the loss list, proof references): a table model of text cells with columns
that may be a choice from a dictionary, and a widget with add/remove buttons.

The cells hold text as typed; turning it into numbers (and refusing what is not one) is the form's job.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    width: int = 90
    choices: tuple[tuple[str, str], ...] = ()  # (code, label); empty: free text
    default: str = ""
    numeric: bool = False


class RowsEditModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[Column], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self._rows: list[dict[str, str]] = []

    def rows(self) -> list[dict[str, str]]:
        return [dict(row) for row in self._rows]

    def add_row(self, **values: str) -> int:
        row = {c.key: c.default for c in self.columns}
        row.update(values)
        position = len(self._rows)
        self.beginInsertRows(QModelIndex(), position, position)
        self._rows.append(row)
        self.endInsertRows()
        return position

    def remove_row(self, position: int) -> None:
        if 0 <= position < len(self._rows):
            self.beginRemoveRows(QModelIndex(), position, position)
            del self._rows[position]
            self.endRemoveRows()

    def clear(self) -> None:
        self.beginResetModel()
        self._rows = []
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        column = self.columns[index.column()]
        value = self._rows[index.row()].get(column.key, "")
        if role == Qt.ItemDataRole.EditRole:
            return value
        if role == Qt.ItemDataRole.DisplayRole:
            return dict(column.choices).get(value, value) if column.choices else value
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or not 0 <= index.row() < len(self._rows):
            return False
        column = self.columns[index.column()]
        self._rows[index.row()][column.key] = str(value if value is not None else "").strip()
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole])
        return True

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            return self.columns[section].header
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            return str(section + 1)
        return None


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box editor for the columns that are a choice."""

    def __init__(self, model: RowsEditModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model = model

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        column = self._model.columns[index.column()]
        if not column.choices:
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        for code, text in column.choices:
            combo.addItem(text, code)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)


class RowsEditor(QWidget):
    """The table and its buttons; ``add_button(text, **defaults)`` adds a button that adds a row."""

    def __init__(self, columns: Sequence[Column], name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.model = RowsEditModel(columns, self)
        self.table = QTableView(objectName=f"{name}-table")
        self.table.setModel(self.model)
        self.table.setItemDelegate(ChoiceDelegate(self.model, self.table))
        self.table.setTabKeyNavigation(False)  # Tab leaves the table: the form stays quick to cross
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setStretchLastSection(True)
        for number, column in enumerate(columns):
            self.table.setColumnWidth(number, column.width)
        self.table.setMinimumHeight(84)
        self.remove = QPushButton(self.tr("删除所选行"), objectName=f"{name}-remove")
        self.remove.clicked.connect(self.remove_selected)
        self._buttons = QHBoxLayout()
        self._buttons.addStretch(1)
        self._buttons.addWidget(self.remove)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(self._buttons)

    def add_button(self, text: str, name: str, **defaults: str) -> QPushButton:
        button = QPushButton(text, objectName=name)
        button.clicked.connect(lambda: self.add_row(**defaults))
        self._buttons.insertWidget(self._buttons.count() - 2, button)
        return button

    def add_row(self, **values: str) -> int:
        row = self.model.add_row(**values)
        first_free = next((n for n, c in enumerate(self.model.columns) if not c.choices), 0)
        index = self.model.index(row, first_free)
        self.table.setCurrentIndex(index)
        self.table.setFocus()
        self.table.edit(index)
        return row

    def remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedIndexes()}, reverse=True)
        if not rows and self.table.currentIndex().isValid():
            rows = [self.table.currentIndex().row()]
        for row in rows:
            self.model.remove_row(row)

    def buttons(self) -> list[QPushButton]:
        found = []
        for i in range(self._buttons.count()):
            widget = self._buttons.itemAt(i).widget()
            if isinstance(widget, QPushButton):
                found.append(widget)
        return found
