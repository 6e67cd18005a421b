"""The dashboard's bar charts (QtCharts), built on the UI thread from data read on a worker.

Each builder returns the chart and its bar sets; ``QBarSet.clicked(index)`` tells which bar was clicked,
and the dashboard opens the cases behind it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QValueAxis
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QMargins, Qt
from PySide6.QtGui import QColor, QFont

from backoffice.domain.kpi import KpiId
from backoffice.services.kpis import KpiReport
from backoffice.services.pending import AgingReport
from backoffice.services.sla_warnings import WarningCounts
from backoffice.ui.labels import label

CONTEXT = "Dashboard"
PERCENT_KPIS = (
    KpiId.MONTHLY_CLOSURE,
    KpiId.CUMULATIVE_CLOSURE,
    KpiId.SLA_COMPLIANCE,
    KpiId.CALLBACK_SATISFACTION,
    KpiId.INJURY_MEDIATION,
)
SHORT_NAMES = {
    KpiId.MONTHLY_CLOSURE: QT_TRANSLATE_NOOP("Dashboard", "当月结案"),
    KpiId.CUMULATIVE_CLOSURE: QT_TRANSLATE_NOOP("Dashboard", "累计结案"),
    KpiId.SLA_COMPLIANCE: QT_TRANSLATE_NOOP("Dashboard", "时效达标"),
    KpiId.CALLBACK_SATISFACTION: QT_TRANSLATE_NOOP("Dashboard", "回访满意"),
    KpiId.INJURY_MEDIATION: QT_TRANSLATE_NOOP("Dashboard", "人伤和解"),
}
ACTUAL, TARGET = QColor("#1a73e8"), QColor("#9e9e9e")
YELLOW, RED, AGING = QColor("#f9a825"), QColor("#c62828"), QColor("#5e35b1")


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


@dataclass
class BarChart:
    chart: QChart
    sets: list[QBarSet]
    keys: list[str]  # what each category (bar index) stands for


def _chart(
    title: str,
    categories: Sequence[str],
    sets: Sequence[tuple[str, Sequence[float], QColor]],
    top: float = 0.0,
    *,
    percent: bool = False,
) -> tuple[QChart, list[QBarSet]]:
    chart = QChart()
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    series = QBarSeries()
    bar_sets = []
    for name, values, color in sets:
        bar_set = QBarSet(name)
        bar_set.append([float(v) for v in values])
        bar_set.setColor(color)
        series.append(bar_set)
        bar_sets.append(bar_set)
    chart.addSeries(series)
    x_axis = QBarCategoryAxis()
    x_axis.append(list(categories))
    font = QFont(x_axis.labelsFont())
    font.setPointSizeF(max(7.0, font.pointSizeF() - 1))
    x_axis.setLabelsFont(font)
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(x_axis)
    y_axis = QValueAxis()
    if percent:
        y_axis.setRange(0, 100)
        y_axis.setTickCount(6)
    else:  # counts: whole numbers on the axis
        step = max(1, -(-int(top) // 5))
        y_axis.setRange(0, step * (-(-int(top) // step) + 1))
        y_axis.setTickCount(int(y_axis.max()) // step + 1)
    y_axis.setLabelFormat("%d")
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(y_axis)
    return chart, bar_sets


def kpi_chart(report: KpiReport) -> BarChart:
    """The branch's percentage KPIs against their targets."""
    rows = [report.row(kpi) for kpi in PERCENT_KPIS]
    actual = [float(r.value) if r.value is not None else 0.0 for r in rows]
    target = [float(r.target) if r.target is not None else 0.0 for r in rows]
    chart, sets = _chart(
        tr("考核指标（%）与目标"),
        [tr(SHORT_NAMES[kpi]) for kpi in PERCENT_KPIS],
        [(tr("实际"), actual, ACTUAL), (tr("目标"), target, TARGET)],
        percent=True,
    )
    return BarChart(chart, sets, [kpi.value for kpi in PERCENT_KPIS])


def warnings_chart(counts: WarningCounts) -> BarChart:
    """Yellow and red warnings per stage (stages without a warning are left out)."""
    stages = [s for s in counts.by_stage if s[3] or s[4]] or list(counts.by_stage[:1])
    chart, sets = _chart(
        tr("时效预警"),
        [label(s[1]) for s in stages] or [tr("无")],
        [
            (tr("黄色预警"), [s[3] for s in stages] or [0], YELLOW),
            (tr("红色预警"), [s[4] for s in stages] or [0], RED),
        ],
        float(max([s[3] for s in stages] + [s[4] for s in stages] + [1])),
    )
    return BarChart(chart, sets, [s[0] for s in stages])


def aging_chart(aging: AgingReport) -> BarChart:
    """Pending cases per age bucket."""
    keys = [key for key, _count in aging.buckets]
    chart, sets = _chart(
        tr("未决案件账龄（天）"),
        keys,
        [(tr("未决案件"), [count for _key, count in aging.buckets], AGING)],
        float(max([count for _key, count in aging.buckets] + [1])),
    )
    return BarChart(chart, sets, keys)
