"""The saved versions of a case's calculation on the 理算 tab: the selector (the editing area or one saved
version) and the history table (version, current, total, when, who, note, the lines)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QHeaderView, QTableView, QWidget

from backoffice.services.calculations import CalculationView, LineView
from backoffice.ui.calculation_line import method_title
from backoffice.ui.calculation_lines import fit_rows
from backoffice.ui.formatting import local_time, money
from backoffice.ui.simple_model import RowsModel


def line_text(line: LineView) -> str:
    """``第三者责任保险 · 机动车第三者责任保险 14,000.00`` (the method only when it says more)."""
    method = method_title(line.method)
    name = line.coverage_name if method == line.coverage_name else f"{line.coverage_name} · {method}"
    return f"{name} {money(line.payable)}"


class VersionChooser(QComboBox):
    """The editing area first (data None), then every saved version (data: its number)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calculation-version")
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

    def chosen(self) -> int | None:
        number = self.currentData()
        return number if isinstance(number, int) else None

    def fill(self, views: Sequence[CalculationView]) -> None:
        """The versions, keeping the choice while that version is still there (no signal)."""
        chosen = self.chosen()
        self.blockSignals(True)
        try:
            self.clear()
            self.addItem(self.tr("编辑区（保存为新版本）"), None)
            for view in views:
                self.addItem(
                    self.tr("v{n}（{state}）· {time} · {who} · {total} 元").format(
                        n=view.version_no,
                        state=self.tr("当前") if view.current else self.tr("旧版本"),
                        time=local_time(view.created_at),
                        who=view.created_by,
                        total=money(view.total),
                    ),
                    view.version_no,
                )
            self.setCurrentIndex(max(0, self.findData(chosen)) if chosen is not None else 0)
        finally:
            self.blockSignals(False)

    def choose(self, version_no: int | None) -> None:
        index = 0 if version_no is None else self.findData(version_no)
        if index >= 0:
            self.setCurrentIndex(index)


class VersionsTable(QTableView):
    """Newest first; a click chooses the version (the tab listens to ``clicked``)."""

    NOTE, LINES = 5, 6

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calculation-versions")
        headers = (
            self.tr("版本"),
            self.tr("当前"),
            self.tr("赔款合计"),
            self.tr("理算时间"),
            self.tr("理算人"),
            self.tr("说明"),
            self.tr("明细"),
        )
        self.rows = RowsModel(headers, self)
        self.rows.set_right_aligned((2,))
        self.setModel(self.rows)
        self.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(24)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.LINES, QHeaderView.ResizeMode.Stretch)
        self.setToolTip(self.tr("点一行查看该版本（只读）"))
        fit_rows(self, 0, 2, 4)

    def show_versions(self, views: Sequence[CalculationView]) -> None:
        rows = [
            (
                f"v{view.version_no}",
                self.tr("✔ 当前") if view.current else "",
                money(view.total),
                local_time(view.created_at),
                view.created_by,
                view.note,
                "；".join(line_text(line) for line in view.lines),
            )
            for view in views
        ]
        self.rows.set_rows(rows, list(views))
        fit_rows(self, len(rows), 2, 4)
