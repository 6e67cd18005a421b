"""The drill-down dialog: the cases behind a number of the dashboard, read on a worker thread."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from backoffice.ui.errors import message_for
from backoffice.ui.gc_guard import without_gc
from backoffice.ui.simple_model import RowsModel
from backoffice.ui.tasks import Tasks
from backoffice.ui.widgets import error_label, rows_table

Rows = list[tuple[str, ...]]


class DrillDownDialog(QDialog):
    """Lists the rows ``load`` returns (the first column is the case number).

    ``loaded`` fires when the rows are shown; ``case_activated(case_no)`` when one is double-clicked or
    chosen with Enter.
    """

    loaded = Signal()
    case_activated = Signal(str)

    def __init__(
        self,
        title: str,
        headers: Sequence[str],
        load: Callable[[], Rows],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("drilldown-dialog")
        self.setWindowTitle(title)
        self._tasks = Tasks(self)
        self.model = RowsModel(headers, self)
        self.table = rows_table(self.model, "drilldown-table", multi_select=True, stretch_last=True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(0, 160)
        self.table.activated.connect(self._activated)
        self.heading = QLabel(title, objectName="drilldown-title")
        self.heading.setStyleSheet("font-weight: bold;")
        self.count = QLabel(self.tr("正在读取…"), objectName="drilldown-count")
        self.error = error_label("drilldown-error")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(640, 420)
        self._tasks.run(without_gc(load), self._show_rows, self._failed)

    def case_numbers(self) -> list[str]:
        return [str(self.model.index(row, 0).data()) for row in range(self.model.rowCount())]

    def _show_rows(self, rows: Rows) -> None:
        self.model.set_rows(rows)
        self.count.setText(self.tr("共 {n} 件案件").format(n=len(rows)))
        self.loaded.emit()

    def _failed(self, exc: Exception) -> None:
        self.count.setText("")
        self.error.setText(message_for(exc) or self.tr("读取案件时程序出错，请查看日志。"))
        self.error.show()
        self.loaded.emit()

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.case_activated.emit(str(self.model.index(index.row(), 0).data()))
