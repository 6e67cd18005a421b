"""The KPI table of the dashboard: one row per group of a dimension, one column per KPI, the target in the
header; a missed target in red, a met one in green. ``CELL_ROLE`` gives (kpi, dimension, key) for the
drill-down."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from backoffice.domain.kpi import DEFINITIONS, UNIT_SUFFIX, KpiId, Unit
from backoffice.services.kpis import KpiReport, KpiRow
from backoffice.ui.labels import label

Index = QModelIndex | QPersistentModelIndex
CELL_ROLE = Qt.ItemDataRole.UserRole
KPIS: tuple[KpiId, ...] = tuple(DEFINITIONS)
MET, MISSED = QColor("#1b5e20"), QColor("#b00020")


def unit_text(unit: str) -> str:
    return label(UNIT_SUFFIX[Unit(unit)])


def value_text(row: KpiRow) -> str:
    return "—" if row.value is None else f"{row.value}{unit_text(row.unit)}"


def target_text(kpi: KpiId) -> str:
    definition = DEFINITIONS[kpi]
    if definition.target is None:
        return ""
    sign = "≥" if definition.higher_is_better else "≤"
    return f"{sign}{definition.target}{unit_text(definition.unit.value)}"


class KpiTableModel(QAbstractTableModel):
    GROUP = 0

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._groups: list[tuple[str, str]] = []
        self._cells: dict[tuple[str, str], KpiRow] = {}
        self._dimension = "branch"

    @property
    def dimension(self) -> str:
        return self._dimension

    def set_report(self, report: KpiReport | None, dimension: str) -> None:
        self.beginResetModel()
        self._dimension = dimension
        self._groups = report.groups(dimension) if report else []
        self._cells = {
            (row.key, row.kpi): row for row in (report.rows if report else ()) if row.dimension == dimension
        }
        self.endResetModel()

    def cell(self, row: int, column: int) -> KpiRow | None:
        if not 0 <= row < len(self._groups) or not 1 <= column <= len(KPIS):
            return None
        return self._cells.get((self._groups[row][0], KPIS[column - 1].value))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._groups)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(KPIS) + 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._groups):
            return None
        if index.column() == self.GROUP:
            return self._groups[index.row()][1] if role == Qt.ItemDataRole.DisplayRole else None
        row = self.cell(index.row(), index.column())
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return value_text(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            definition = DEFINITIONS[KpiId(row.kpi)]
            return self.tr("{numerator}：{n}\n{denominator}：{d}\n双击查看案件").format(
                numerator=label(definition.numerator),
                n=row.numerator,
                denominator=label(definition.denominator),
                d=row.denominator,
            )
        if role == Qt.ItemDataRole.ForegroundRole and row.met is not None:
            return MET if row.met else MISSED
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == CELL_ROLE:
            return (row.kpi, row.dimension, row.key)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if section == self.GROUP:
            return self.tr("分组")
        if 1 <= section <= len(KPIS):
            kpi = KPIS[section - 1]
            target = target_text(kpi)
            name = label(DEFINITIONS[kpi].label)
            return f"{name}\n{target}" if target else name
        return None
