"""The supervisor dashboard (报表): KPIs against their targets, warning counts, pending-case aging.

Everything is read on a worker (``load_dashboard``); the UI thread only builds the table and the charts.
A double-click on a KPI cell, or a click on a bar, opens the cases behind the number
(:class:`~backoffice.ui.drilldown.DrillDownDialog`, itself read on a worker).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path

from PySide6.QtCharts import QChart, QChartView
from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QPainter, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from backoffice.domain.case import STATUS_LABELS
from backoffice.domain.kpi import DEFINITIONS, KpiId
from backoffice.security.roles import Permission
from backoffice.services.context import UserSession
from backoffice.services.kpi_export import export_kpis
from backoffice.services.kpis import DIMENSIONS, KpiReport, kpi_cases, monthly_kpis
from backoffice.services.pending import AgingReport, aging, aging_cases
from backoffice.services.sla_warnings import WarningCounts, refresh_warnings, supervisor_queue, warning_counts
from backoffice.ui.dashboard_charts import BarChart, aging_chart, kpi_chart, warnings_chart
from backoffice.ui.drilldown import DrillDownDialog, Rows
from backoffice.ui.errors import message_for
from backoffice.ui.formatting import SHANGHAI
from backoffice.ui.gc_guard import collect_here, without_gc
from backoffice.ui.kpi_model import CELL_ROLE, KpiTableModel
from backoffice.ui.labels import code_label, label
from backoffice.ui.pages import PageSpec, page_heading
from backoffice.ui.tasks import Tasks
from backoffice.ui.widgets import error_label

MONTHS_BACK = 12


@dataclass(frozen=True)
class DashboardData:
    month: str
    kpis: KpiReport
    warnings: WarningCounts
    aging: AgingReport


def load_dashboard(us: UserSession, month: str) -> DashboardData:
    """Runs on a worker: a supervisor's visit refreshes the cached warning levels first."""
    if us.actor.role_for(Permission.APPROVE_EXTENSIONS) is not None:
        refresh_warnings(us)
    return DashboardData(month, monthly_kpis(us, month), warning_counts(us), aging(us))


def recent_months(today: date, count: int = MONTHS_BACK) -> list[str]:
    months, year, month = [], today.year, today.month
    for _ in range(count):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return months


class DashboardPage(QWidget):
    loaded = Signal()  # the data of the chosen month is on screen
    exported = Signal(str)

    def __init__(self, us: UserSession, spec: PageSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._us = us
        self._tasks = Tasks(self)
        self._export_tasks = Tasks(self)
        self._tasks.busy_changed.connect(self._set_busy)
        self._generation = 0
        self.data: DashboardData | None = None
        self.dialogs: list[DrillDownDialog] = []
        self._bars: dict[str, BarChart] = {}

        self.month = QComboBox(objectName="dashboard-month")
        for month in recent_months(us.bo.now().astimezone(SHANGHAI).date()):
            self.month.addItem(month, month)
        self.month.currentIndexChanged.connect(self.refresh)
        self.dimension = QComboBox(objectName="dashboard-dimension")
        for key, text in DIMENSIONS.items():
            self.dimension.addItem(label(text), key)
        self.dimension.currentIndexChanged.connect(self._show_table)
        self.refresh_button = QPushButton(self.tr("刷新"), objectName="dashboard-refresh")
        self.refresh_button.clicked.connect(self.refresh)
        self.export_button = QPushButton(self.tr("导出 XLSX…"), objectName="dashboard-export")
        self.export_button.clicked.connect(self._choose_export)
        self.status = QLabel(objectName="dashboard-status")
        self.error = error_label("dashboard-error")

        self.kpi_model = KpiTableModel(self)
        self.kpi_table = QTableView(objectName="kpi-table")
        self.kpi_table.setModel(self.kpi_model)
        self.kpi_table.verticalHeader().hide()
        self.kpi_table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.kpi_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.kpi_table.horizontalHeader().setMinimumHeight(44)
        self.kpi_table.setColumnWidth(0, 150)
        self.kpi_table.activated.connect(self._kpi_activated)
        self.charts = {name: self._chart_view(name) for name in ("kpi", "warnings", "aging")}

        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("月份")))
        controls.addWidget(self.month)
        controls.addWidget(QLabel(self.tr("维度")))
        controls.addWidget(self.dimension)
        controls.addWidget(self.refresh_button)
        controls.addWidget(self.export_button)
        controls.addWidget(self.status, 1)
        chart_row = QWidget()
        charts = QHBoxLayout(chart_row)
        charts.setContentsMargins(0, 0, 0, 0)
        for name, view in self.charts.items():
            charts.addWidget(view, 3 if name == "kpi" else 2)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.kpi_table)
        split.addWidget(chart_row)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(page_heading(spec))
        layout.addLayout(controls)
        layout.addWidget(self.error)
        layout.addWidget(split, 1)

    def _chart_view(self, name: str) -> QChartView:
        view = QChartView(QChart())
        view.setObjectName(f"chart-{name}")
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setMinimumHeight(220)
        return view

    # --- loading ---------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.data is None and not self._tasks.busy:
            self.refresh()

    def selected_month(self) -> str:
        return str(self.month.currentData())

    def refresh(self) -> None:
        self._generation += 1
        self.error.hide()
        self.status.setText(self.tr("正在读取…"))
        call = without_gc(partial(_load, self._us, self.selected_month(), self._generation))
        collect_here()
        self._tasks.run(call, self._loaded, self._failed)

    def _loaded(self, result: tuple[int, DashboardData]) -> None:
        generation, data = result
        if generation != self._generation:
            return  # an earlier month arriving late
        self.data = data
        self._show_table()
        self._show_charts(data)
        self.status.setText(
            self.tr("{month}：红色预警 {red}，黄色预警 {yellow}，未决案件 {pending} 件").format(
                month=data.month, red=data.warnings.red, yellow=data.warnings.yellow, pending=data.aging.total
            )
        )
        self.loaded.emit()

    def _failed(self, exc: Exception) -> None:
        self.status.setText("")
        self.error.setText(message_for(exc) or self.tr("读取报表时程序出错，请查看日志。"))
        self.error.show()

    def _set_busy(self, busy: bool) -> None:
        self.refresh_button.setEnabled(not busy)

    def _show_table(self) -> None:
        self.kpi_model.set_report(self.data.kpis if self.data else None, str(self.dimension.currentData()))

    def _show_charts(self, data: DashboardData) -> None:
        self._bars = {
            "kpi": kpi_chart(data.kpis),
            "warnings": warnings_chart(data.warnings),
            "aging": aging_chart(data.aging),
        }
        for name, bars in self._bars.items():
            old = self.charts[name].chart()
            self.charts[name].setChart(bars.chart)
            if old is not None:
                old.deleteLater()
        kpi, warnings, ages = self._bars["kpi"], self._bars["warnings"], self._bars["aging"]
        kpi.sets[0].clicked.connect(lambda i: self._bar(kpi, i, self.open_kpi_cases))
        warnings.sets[0].clicked.connect(
            lambda i: self._bar(warnings, i, partial(self.open_warning_cases, "yellow"))
        )
        warnings.sets[1].clicked.connect(
            lambda i: self._bar(warnings, i, partial(self.open_warning_cases, "red"))
        )
        ages.sets[0].clicked.connect(lambda i: self._bar(ages, i, self.open_aging_cases))

    def bar_sets(self, chart: str) -> list[object]:
        """The QBarSets of ``kpi``, ``warnings`` or ``aging`` (for tests and screenshots)."""
        return list(self._bars[chart].sets) if chart in self._bars else []

    @staticmethod
    def _bar(bars: BarChart, index: int, opener: Callable[[str], object]) -> None:
        if 0 <= index < len(bars.keys):
            opener(bars.keys[index])

    # --- drill-down ------------------------------------------------------------------------------
    def _kpi_activated(self, index: QModelIndex) -> None:
        cell = index.data(CELL_ROLE)
        if cell is not None:
            kpi, dimension, key = cell
            self.open_kpi_cases(kpi, dimension, key)

    def _dialog(self, title: str, headers: list[str], load: partial[Rows]) -> DrillDownDialog:
        dialog = DrillDownDialog(title, headers, load, self)
        dialog.finished.connect(lambda _result: self._forget(dialog))
        self.dialogs.append(dialog)
        dialog.open()
        return dialog

    def _forget(self, dialog: DrillDownDialog) -> None:
        if dialog in self.dialogs:
            self.dialogs.remove(dialog)
        dialog.deleteLater()

    def open_kpi_cases(
        self, kpi: str, dimension: str = "branch", key: str = "", part: str = "numerator"
    ) -> DrillDownDialog:
        month = self.selected_month()
        name = label(DEFINITIONS[KpiId(kpi)].label)
        group = next((g for k, g in (self.data.kpis.groups(dimension) if self.data else []) if k == key), "")
        title = self.tr("{month} {name}（{group}）的案件").format(month=month, name=name, group=group)
        load = partial(_kpi_rows, self._us, month, kpi, part, dimension, key)
        return self._dialog(title, [self.tr("案件号")], load)

    def open_warning_cases(self, level: str, stage: str) -> DrillDownDialog:
        names = {"red": self.tr("红色预警"), "yellow": self.tr("黄色预警")}
        stage_label = (
            next((s[1] for s in self.data.warnings.by_stage if s[0] == stage), stage) if self.data else ""
        )
        title = self.tr("{level}：{stage}").format(level=names.get(level, level), stage=label(stage_label))
        headers = [
            self.tr("案件号"),
            self.tr("环节"),
            self.tr("到期日"),
            self.tr("剩余工作日"),
            self.tr("经办人"),
        ]
        return self._dialog(title, headers, partial(_warning_rows, self._us, level, stage))

    def open_aging_cases(self, bucket: str) -> DrillDownDialog:
        title = self.tr("账龄 {bucket} 天的未决案件").format(bucket=bucket)
        headers = [
            self.tr("案件号"),
            self.tr("状态"),
            self.tr("经办人"),
            self.tr("账龄（天）"),
            self.tr("未处理（天）"),
        ]
        return self._dialog(title, headers, partial(_aging_rows, self._us, bucket))

    # --- export ----------------------------------------------------------------------------------
    def _choose_export(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("导出考核指标"),
            f"kpi-{self.selected_month()}.xlsx",
            self.tr("Excel 工作簿 (*.xlsx)"),
        )
        if name:
            self.export_to(Path(name))

    def export_to(self, path: Path) -> None:
        self.status.setText(self.tr("正在导出…"))
        call = without_gc(partial(export_kpis, self._us, self.selected_month(), path))
        self._export_tasks.run(call, self._exported, self._failed)

    def _exported(self, path: Path) -> None:
        self.status.setText(self.tr("已导出：{path}").format(path=path))
        self.exported.emit(str(path))


def _load(us: UserSession, month: str, generation: int) -> tuple[int, DashboardData]:
    return generation, load_dashboard(us, month)


def _kpi_rows(us: UserSession, month: str, kpi: str, part: str, dimension: str, key: str) -> Rows:
    return [(case_no,) for case_no in kpi_cases(us, month, kpi, part=part, dimension=dimension, key=key)]


def _warning_rows(us: UserSession, level: str, stage: str) -> Rows:
    items = supervisor_queue(us, level, stage=stage, limit=1000)
    return [(i.case_no, label(i.stage_label), i.due.isoformat(), str(i.days_left), i.handler) for i in items]


def _aging_rows(us: UserSession, bucket: str) -> Rows:
    return [
        (c.case_no, code_label(STATUS_LABELS, c.status), c.handler, str(c.age_days), str(c.idle_days))
        for c in aging_cases(us, bucket, limit=1000)
    ]
