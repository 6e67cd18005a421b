"""The inputs of one calculation line as a small form: a table of the scalar fields (their Chinese name,
the field name the engine and its messages use, the value, the message) and a JSON text area for the
nested ones (lists and objects). A value cell is edited by typing over it, as in a spreadsheet.

``inputs()`` gives the object the engine reads (``method`` excluded: the tab adds it) or raises
``ValidationError`` when the JSON text is not a JSON object; ``show_field_error(field, text)`` puts a
message beside the named field (``insurers[0].sum_insured`` belongs to the JSON area).
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from backoffice.domain.errors import ValidationError
from backoffice.services.calculations import FIELD_LABELS
from backoffice.ui.labels import label
from backoffice.ui.widgets import error_label

JSON_FIELD = "json"
ERROR_BACKGROUND = QColor("#fde7e9")
KIND_ROLE = Qt.ItemDataRole.UserRole  # the type of the prefilled value: "bool", "int" or "text"
EDITING = (  # typing over a cell replaces its value; F2 or a double click edits it
    QTableWidget.EditTrigger.AnyKeyPressed
    | QTableWidget.EditTrigger.DoubleClicked
    | QTableWidget.EditTrigger.EditKeyPressed
)


def _json_default(value: object) -> str:
    if isinstance(value, Decimal):
        return format(value, "f")
    raise TypeError(type(value).__name__)


def top_field(field: str) -> str:
    """The top-level key a field path belongs to: ``insurers[0].name`` → ``insurers``."""
    return re.split(r"[.\[]", field, maxsplit=1)[0]


class CalculationInputs(QWidget):
    """``edited`` after every change the user makes (not after ``set_inputs``)."""

    edited = Signal()
    NAME, KEY, VALUE, NOTE = range(4)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._filling = False
        self._read_only = False
        self.table = QTableWidget(0, 4, objectName="calculation-fields")
        self.table.setHorizontalHeaderLabels(
            (self.tr("名称"), self.tr("字段"), self.tr("值"), self.tr("提示"))
        )
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setEditTriggers(EDITING)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(self.NAME, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.KEY, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.VALUE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(self.NOTE, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._item_changed)
        self.add_button = QPushButton(self.tr("添加字段"), objectName="add-calculation-field")
        self.add_button.clicked.connect(self.add_row)
        self.nested = QPlainTextEdit(objectName="calculation-json")
        self.nested.setPlaceholderText(
            self.tr('列表和对象字段（JSON 对象），例如 {"deductible_rates": ["0.1"]}')
        )
        self.nested.setMaximumHeight(90)
        self.nested.textChanged.connect(self._text_changed)
        self.nested_error = error_label("calculation-json-error")

        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("数值字段（留空则使用默认值）")), 1)
        buttons.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.nested_label = QLabel(self.tr("列表与对象字段（JSON）"))
        layout.addWidget(self.nested_label)
        layout.addWidget(self.nested)
        layout.addWidget(self.nested_error)

    # --- filling ---------------------------------------------------------------------------------
    def set_inputs(self, data: dict[str, Any]) -> None:
        """Fill the form; the fields in one order whatever the order of ``data`` (saved inputs come back
        sorted by name): the sheet's order of the known fields, then any other in the order given."""
        order = {key: n for n, key in enumerate(FIELD_LABELS)}
        self._filling = True
        try:
            self.table.setRowCount(0)
            nested: dict[str, Any] = {}
            for key, value in sorted(data.items(), key=lambda item: order.get(item[0], len(order))):
                if key == "method":
                    continue
                if isinstance(value, dict | list):
                    nested[key] = value
                else:
                    self._append(key, value)
            text = json.dumps(nested, ensure_ascii=False, indent=2, default=_json_default) if nested else ""
            self.nested.setPlainText(text)
        finally:
            self._filling = False
        self.clear_errors()
        self._show_nested()

    def _append(self, key: str, value: object) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        key_item = QTableWidgetItem(key)
        if isinstance(value, bool):
            kind, text = "bool", "true" if value else "false"
        elif isinstance(value, int):
            kind, text = "int", str(value)
        else:
            kind, text = "text", "" if value is None else str(value)
        key_item.setData(KIND_ROLE, kind)
        if key:
            key_item.setFlags(key_item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        name = QTableWidgetItem(label(FIELD_LABELS.get(key, "")))
        name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
        note = QTableWidgetItem("")
        note.setFlags(note.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.table.setItem(row, self.NAME, name)
        self.table.setItem(row, self.KEY, key_item)
        self.table.setItem(row, self.VALUE, QTableWidgetItem(text))
        self.table.setItem(row, self.NOTE, note)
        return row

    def set_read_only(self, read_only: bool) -> None:
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers if read_only else EDITING)
        self.nested.setReadOnly(read_only)
        self.add_button.setVisible(not read_only)
        self._read_only = read_only
        self._show_nested()

    def _show_nested(self) -> None:
        """A read-only form without nested fields does without the JSON area."""
        shown = not self._read_only or bool(self.nested.toPlainText().strip())
        self.nested.setVisible(shown)
        self.nested_label.setVisible(shown)

    def add_row(self) -> None:
        self._filling = True
        try:
            row = self._append("", "")
        finally:
            self._filling = False
        self.table.setCurrentCell(row, self.KEY)
        self.table.editItem(self.table.item(row, self.KEY))

    def set_value(self, key: str, text: str) -> None:
        """Type ``text`` as the value of ``key`` (a new row if there is none), as the user would."""
        row = self.row_of(key)
        if row < 0:
            self._filling = True
            try:
                row = self._append(key, "")
            finally:
                self._filling = False
        item = self.table.item(row, self.VALUE)
        assert item is not None
        item.setText(text)

    def row_of(self, key: str) -> int:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, self.KEY)
            if item is not None and item.text().strip() == key:
                return row
        return -1

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() not in (self.KEY, self.VALUE):
            return
        name = self.table.item(item.row(), self.NAME)
        if item.column() == self.KEY and name is not None:
            self._filling = True
            try:
                name.setText(label(FIELD_LABELS.get(item.text().strip(), "")))
            finally:
                self._filling = False
        self.edited.emit()

    def _text_changed(self) -> None:
        if not self._filling:
            self.edited.emit()

    # --- reading ---------------------------------------------------------------------------------
    def inputs(self) -> dict[str, Any]:
        data: dict[str, Any] = {}
        for row in range(self.table.rowCount()):
            key_item, value_item = self.table.item(row, self.KEY), self.table.item(row, self.VALUE)
            key = key_item.text().strip() if key_item is not None else ""
            text = value_item.text().strip() if value_item is not None else ""
            if not key or not text:
                continue
            kind = key_item.data(KIND_ROLE) if key_item is not None else "text"
            data[key] = self._value(text, kind)
        raw = self.nested.toPlainText().strip()
        if raw:
            try:
                nested = json.loads(raw, parse_float=Decimal)
            except ValueError as exc:
                raise ValidationError(
                    JSON_FIELD,
                    "JSON 格式错误（第 {line} 行）：{detail}",
                    line=getattr(exc, "lineno", 1),
                    detail=getattr(exc, "msg", str(exc)),
                ) from None
            if not isinstance(nested, dict):
                raise ValidationError(JSON_FIELD, "列表与对象字段应写成一个 JSON 对象 {…}。")
            data.update(nested)
        return data

    @staticmethod
    def _value(text: str, kind: object) -> object:
        lowered = text.lower()
        if lowered in ("true", "false") and kind in ("bool", "text"):
            return lowered == "true"
        if kind == "int" and re.fullmatch(r"-?\d+", text):
            return int(text)
        return text

    # --- errors ----------------------------------------------------------------------------------
    def clear_errors(self) -> None:
        self.nested_error.hide()
        for row in range(self.table.rowCount()):
            self._mark(row, "")

    def _mark(self, row: int, text: str) -> None:
        note = self.table.item(row, self.NOTE)
        value = self.table.item(row, self.VALUE)
        if note is None or value is None:
            return
        self._filling = True
        try:
            note.setText(text)
            note.setForeground(QBrush(QColor("#b00020")))
            value.setBackground(QBrush(ERROR_BACKGROUND) if text else QBrush())
        finally:
            self._filling = False

    def show_field_error(self, field: str, text: str) -> None:
        """The message beside the field it names; in the JSON area when the field is nested or unknown."""
        self.clear_errors()
        row = self.row_of(top_field(field))
        if row >= 0 and "[" not in field and "." not in field:
            self._mark(row, text)
            return
        self.nested_error.setText(text)
        self.nested_error.show()

    def field_error(self, field: str) -> str:
        """The message shown beside ``field`` (for tests), or ""."""
        row = self.row_of(field)
        if row >= 0:
            item = self.table.item(row, self.NOTE)
            return item.text() if item is not None else ""
        return self.nested_error.text() if not self.nested_error.isHidden() else ""
