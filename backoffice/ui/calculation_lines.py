"""The lines of one calculation version: a list of the lines (coverage, method, live payable) with the
total under it, and the selected line's editor below.

A version holds one or more lines (e.g. own damage + third party, or a property loss with rescue costs
on another coverage); ``LinesPanel`` adds and removes them, keeps one ``LineEditor`` per line in a stack,
and adds up the total. The same panel, read-only, shows a saved version.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from backoffice.services.calculations import MAX_LINES, CalculationView, LineInput, LineView
from backoffice.ui.calculation_line import LineEditor, method_title
from backoffice.ui.formatting import money
from backoffice.ui.widgets import heading, rows_table

Index = QModelIndex | QPersistentModelIndex
ERROR_COLOR = QColor("#b00020")


def fit_rows(view: QTableView, rows: int, fewest: int = 2, most: int = 5) -> None:
    """Make a short table just high enough for its rows (within ``fewest`` and ``most`` rows)."""
    shown = min(max(rows, fewest), most)
    header = view.horizontalHeader().sizeHint().height()
    view.setFixedHeight(header + shown * view.verticalHeader().defaultSectionSize() + 2 * view.frameWidth())


@dataclass(frozen=True)
class LineSummary:
    coverage: str
    method: str
    payable: Decimal | None
    error: str


class LinesModel(QAbstractTableModel):
    """One row per line: number, coverage, method, the line's payable (or that its input is wrong)."""

    NUMBER, COVERAGE, METHOD, PAYABLE = range(4)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[LineSummary] = []
        self._headers = (self.tr("行"), self.tr("保障项目"), self.tr("计算方法"), self.tr("本行赔款（元）"))

    def insert(self, position: int, summary: LineSummary) -> None:
        self.beginInsertRows(QModelIndex(), position, position)
        self._rows.insert(position, summary)
        self.endInsertRows()

    def remove(self, position: int) -> None:
        self.beginRemoveRows(QModelIndex(), position, position)
        del self._rows[position]
        self.endRemoveRows()

    def update(self, position: int, summary: LineSummary) -> None:
        if self._rows[position] != summary:
            self._rows[position] = summary
            self.dataChanged.emit(self.index(position, 0), self.index(position, len(self._headers) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.NUMBER:
                return str(index.row() + 1)
            if column == self.COVERAGE:
                return row.coverage
            if column == self.METHOD:
                return row.method
            if row.error:
                return self.tr("输入有误")
            return "—" if row.payable is None else money(row.payable)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.PAYABLE and row.error:
            return row.error
        if role == Qt.ItemDataRole.ForegroundRole and column == self.PAYABLE and row.error:
            return QBrush(ERROR_COLOR)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.NUMBER, self.PAYABLE):
            horizontal = (
                Qt.AlignmentFlag.AlignRight if column == self.PAYABLE else Qt.AlignmentFlag.AlignCenter
            )
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < len(self._headers):
            return self._headers[section]
        return None


class LinesPanel(QWidget):
    """``changed`` when a line's result changes or a line comes or goes (the total may change);
    ``touched`` after the user's own edits; ``prefill_wanted(editor, explicit)``."""

    changed = Signal()
    touched = Signal()
    prefill_wanted = Signal(object, bool)

    def __init__(self, name: str, *, read_only: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.read_only = read_only
        self._coverages: tuple[tuple[str, str], ...] = ()
        self._editors: list[LineEditor] = []
        self.model = LinesModel(self)
        self.view = rows_table(self.model, "calculation-lines", row_height=24)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(LinesModel.NUMBER, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(LinesModel.COVERAGE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(LinesModel.METHOD, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(LinesModel.PAYABLE, QHeaderView.ResizeMode.ResizeToContents)
        self.view.selectionModel().currentRowChanged.connect(lambda current, _old: self._show(current.row()))
        self.add_button = QPushButton(self.tr("添加一行"), objectName="add-calculation-line")
        self.add_button.setToolTip(self.tr("再加一行理算（另一保障项目或另一计算方法）"))
        self.add_button.clicked.connect(self.add_line)
        self.remove_button = QPushButton(self.tr("删除此行"), objectName="remove-calculation-line")
        self.remove_button.clicked.connect(self.remove_current)
        self.total = heading("", 13)
        self.total.setObjectName("calculation-total")
        self.stack = QStackedWidget()

        buttons = QVBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.view, 1)
        top.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.total)
        layout.addWidget(self.stack, 1)
        self.add_button.setVisible(not read_only)
        self.remove_button.setVisible(not read_only)
        self._refresh()

    # --- the lines -------------------------------------------------------------------------------
    def editors(self) -> list[LineEditor]:
        return list(self._editors)

    def current_row(self) -> int:
        return self.stack.currentIndex()

    def current(self) -> LineEditor | None:
        row = self.current_row()
        return self._editors[row] if 0 <= row < len(self._editors) else None

    def select(self, row: int) -> None:
        if 0 <= row < len(self._editors):
            self.view.selectRow(row)
            self._show(row)

    def _show(self, row: int) -> None:
        if 0 <= row < len(self._editors):
            self.stack.setCurrentIndex(row)
            self._refresh_buttons()

    def _new_editor(self) -> LineEditor:
        editor = LineEditor()
        editor.set_read_only(self.read_only)
        editor.changed.connect(lambda: self._line_changed(editor))
        editor.touched.connect(self.touched)
        editor.prefill_wanted.connect(lambda explicit: self.prefill_wanted.emit(editor, explicit))
        position = len(self._editors)
        self._editors.append(editor)
        self.stack.addWidget(editor)
        self.model.insert(position, self._summary(editor))
        return editor

    def add_line(self) -> LineEditor | None:
        """A new line on the first coverage no line uses yet; its inputs are suggested at once."""
        if len(self._editors) >= MAX_LINES or self.read_only:
            return None
        editor = self._new_editor()
        used = {e.coverage_code() for e in self._editors}
        unused = next((code for code, _text in self._coverages if code not in used), None)
        self.select(len(self._editors) - 1)
        editor.set_coverages(self._coverages, unused)
        if not self._coverages:
            editor.recalculate()
        self.touched.emit()
        self._refresh()
        return editor

    def remove_current(self) -> None:
        row = self.current_row()
        if self.read_only or len(self._editors) <= 1 or not 0 <= row < len(self._editors):
            return
        editor = self._editors.pop(row)
        self.model.remove(row)
        self.stack.removeWidget(editor)
        editor.deleteLater()
        self.select(min(row, len(self._editors) - 1))
        self.touched.emit()
        self._refresh()

    def clear(self) -> None:
        for editor in self._editors:
            self.stack.removeWidget(editor)
            editor.deleteLater()
        for row in reversed(range(len(self._editors))):
            self.model.remove(row)
        self._editors = []

    def load(self, lines: Sequence[LineView]) -> None:
        """The lines of a saved version, to edit further (recalculated with today's engine)."""
        self.clear()
        for line in lines:
            editor = self._new_editor()
            editor.load(line.coverage_code, line.coverage_name, line.inputs)
            editor.set_coverages(self._coverages)
            self._line_changed(editor)
        self.select(0)
        self._refresh()

    def show_version(self, version: CalculationView) -> None:
        """A saved version as it was calculated, read-only."""
        self.clear()
        for line in version.lines:
            editor = self._new_editor()
            editor.show_stored(
                (line.coverage_code, line.coverage_name), line.inputs, line.result, line.payable
            )
        self.select(0)
        self._refresh()

    def set_coverages(self, coverages: Sequence[tuple[str, str]]) -> None:
        self._coverages = tuple(coverages)
        used: set[str | None] = set()
        for editor in self._editors:
            unused = next((code for code, _text in self._coverages if code not in used), None)
            editor.set_coverages(self._coverages, unused)
            used.add(editor.coverage_code())
            self._line_changed(editor)  # the coverage's text now has its sum insured

    def flush(self) -> None:
        for editor in self._editors:
            editor.flush()

    # --- the total -------------------------------------------------------------------------------
    def invalid_lines(self) -> list[int]:
        """The numbers (from 1) of the lines without a valid result."""
        return [n for n, editor in enumerate(self._editors, start=1) if not editor.valid]

    def valid(self) -> bool:
        return bool(self._editors) and not self.invalid_lines()

    def total_amount(self) -> Decimal | None:
        if not self.valid():
            return None
        return sum((editor.payable or Decimal(0) for editor in self._editors), Decimal("0.00"))

    def line_inputs(self) -> list[LineInput]:
        """What ``services.calculations.calculate_case`` takes; only for a valid panel."""
        lines = []
        for editor in self._editors:
            code = editor.coverage_code()
            assert code is not None and editor.valid
            lines.append(LineInput(code, editor.line_inputs()))
        return lines

    def _summary(self, editor: LineEditor) -> LineSummary:
        return LineSummary(
            editor.coverage_text(), method_title(editor.method_code()), editor.payable, editor.error
        )

    def _line_changed(self, editor: LineEditor) -> None:
        if editor in self._editors:
            self.model.update(self._editors.index(editor), self._summary(editor))
            self._refresh()

    def _refresh(self) -> None:
        total = self.total_amount()
        if total is not None:
            text = self.tr("赔款合计：{amount} 元（{count} 行）").format(
                amount=money(total), count=len(self._editors)
            )
        elif not self._editors:
            text = self.tr("赔款合计：—")
        else:
            rows = "、".join(str(n) for n in self.invalid_lines())
            text = self.tr("赔款合计：—（第 {rows} 行还没有结果）").format(rows=rows)
        self.total.setText(text)
        fit_rows(self.view, len(self._editors))
        self._refresh_buttons()
        self.changed.emit()

    def _refresh_buttons(self) -> None:
        self.add_button.setEnabled(len(self._editors) < MAX_LINES)
        self.add_button.setToolTip(
            self.tr("再加一行理算（另一保障项目或另一计算方法）")
            if len(self._editors) < MAX_LINES
            else self.tr("一个案件最多 {n} 行理算。").format(n=MAX_LINES)
        )
        self.remove_button.setEnabled(len(self._editors) > 1)
        self.remove_button.setToolTip(
            self.tr("删除所选的一行") if len(self._editors) > 1 else self.tr("至少需要一行理算。")
        )
