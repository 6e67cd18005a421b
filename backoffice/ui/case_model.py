"""The case list as a table model that fetches pages lazily; sorting and filtering happen in SQL.

The model holds only the pages the view has asked for (``canFetchMore``/``fetchMore``, 200 rows a page).
Every page is read by ``fetch`` (``services.cases.list_cases`` by default) through a ``runner`` — the
worker pattern of ``ui.tasks`` in the application, or an immediate call in tests. A new filter or sort
resets the model and starts again at offset 0; pages of an earlier query that arrive late are dropped.
With ``levels`` (``services.sla_warnings.case_warning_levels``) the same worker call also reads the
warning level of the page's cases, shown in the 时效 column as a coloured badge with a word (临期/超期).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont

from backoffice.domain.case import COMPLEXITY_LABELS, STATUS_LABELS
from backoffice.domain.risk import FLAG_LABELS
from backoffice.services.cases import CaseFilter, CaseRow
from backoffice.services.policies import LINE_LABELS
from backoffice.ui.formatting import local_date, local_time, money
from backoffice.ui.labels import code_label

Index = QModelIndex | QPersistentModelIndex
PageFetcher = Callable[[CaseFilter, str, bool, int, int], list[CaseRow]]
LevelFetcher = Callable[[list[int]], dict[int, str]]  # case id → yellow | red (cases without: absent)
Runner = Callable[[Callable[[], Any], Callable[[Any], None], Callable[[Exception], None]], object]
ROW_ROLE = Qt.ItemDataRole.UserRole
FLAGS_ROLE = Qt.ItemDataRole.UserRole + 1
LEVEL_ROLE = Qt.ItemDataRole.UserRole + 2
PAGE_SIZE = 200
# The badge of the 时效 column: background, text colour, and a word so that colour is not the only sign.
BADGE_COLOURS = {
    "yellow": (QColor("#f9c74f"), QColor("#3d2e00")),
    "red": (QColor("#c62828"), QColor("white")),
}


@dataclass(frozen=True)
class Query:
    filter: CaseFilter
    sort: str
    descending: bool


@dataclass(frozen=True)
class Page:
    generation: int
    offset: int
    rows: list[CaseRow]
    levels: dict[int, str]


def immediate(
    call: Callable[[], Any], on_result: Callable[[Any], None], on_error: Callable[[Exception], None]
) -> None:
    """A runner that calls at once on this thread (for tests and tiny fake data)."""
    try:
        value = call()
    except Exception as exc:
        on_error(exc)
    else:
        on_result(value)


def _read_page(
    fetch: PageFetcher, levels: LevelFetcher | None, query: Query, generation: int, offset: int, limit: int
) -> Page:
    rows = fetch(query.filter, query.sort, query.descending, offset, limit)
    return Page(generation, offset, rows, levels([row.id for row in rows]) if levels and rows else {})


class CaseListModel(QAbstractTableModel):
    """Loaded rows of the case list. ``failed`` carries an exception from a page read."""

    CASE_NO, WARNING, STATUS, LINE, COMPLEXITY, CUSTOMER, HANDLER, REPORTED_AT, ESTIMATED, FLAGS, COMPLETE = (
        range(11)
    )
    SORT_KEYS: ClassVar[dict[int, str]] = {
        CASE_NO: "case_no",
        STATUS: "status",
        COMPLEXITY: "complexity",
        REPORTED_AT: "reported_at",
        ESTIMATED: "estimated_loss",
    }
    DEFAULT_SORT = REPORTED_AT

    loading_changed = Signal(bool)
    failed = Signal(object)
    sort_changed = Signal(int, Qt.SortOrder)  # the column and order now in force

    def __init__(
        self,
        fetch: PageFetcher,
        runner: Runner,
        parent: QObject | None = None,
        *,
        page_size: int = PAGE_SIZE,
        levels: LevelFetcher | None = None,
    ) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self._fetch_levels = levels
        self._levels: dict[int, str] = {}
        self._bold = QFont()
        self._bold.setBold(True)
        self._run = runner
        self._page_size = page_size
        self._rows: list[CaseRow] = []
        self._ids: set[int] = set()
        self._generation = 0
        self._started = False
        self._loading = False
        self._exhausted = True  # nothing to fetch until a query is set
        self._sort_column = self.DEFAULT_SORT
        self._order = Qt.SortOrder.DescendingOrder
        self._query = Query(CaseFilter(), self.SORT_KEYS[self._sort_column], True)
        self._headers = (
            self.tr("案件号"),
            self.tr("时效"),
            self.tr("状态"),
            self.tr("险类"),
            self.tr("分类"),
            self.tr("客户"),
            self.tr("经办人"),
            self.tr("报案时间"),
            self.tr("估损（元）"),
            self.tr("风险提示"),
            self.tr("材料齐全"),
        )

    # --- querying --------------------------------------------------------------------------------
    @property
    def query(self) -> Query:
        return self._query

    @property
    def loading(self) -> bool:
        return self._loading

    @property
    def exhausted(self) -> bool:
        return self._exhausted

    @property
    def sort_column(self) -> int:
        return self._sort_column

    @property
    def sort_order(self) -> Qt.SortOrder:
        return self._order

    @property
    def started(self) -> bool:
        return self._started

    def start(self) -> None:
        """Run the first query (the page calls this when it is first shown)."""
        if not self._started:
            self._started = True
            self._restart(self._query)

    def set_filter(self, flt: CaseFilter) -> None:
        self._query = Query(flt, self._query.sort, self._query.descending)
        self.refresh()

    def refresh(self) -> None:
        if self._started:
            self._restart(self._query)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Re-query in the new order; columns the database cannot sort keep the order in force."""
        key = self.SORT_KEYS.get(column)
        if key is None:
            self.sort_changed.emit(self._sort_column, self._order)
            return
        if column == self._sort_column and order == self._order and self._started:
            return
        self._sort_column, self._order = column, order
        self.sort_changed.emit(column, order)
        self._query = Query(self._query.filter, key, order == Qt.SortOrder.DescendingOrder)
        self.refresh()

    def _restart(self, query: Query) -> None:
        self._generation += 1
        self._query = query
        self.beginResetModel()
        self._rows, self._ids, self._levels = [], set(), {}
        self._exhausted = False
        self.endResetModel()
        self._set_loading(False)
        self.fetchMore(QModelIndex())

    # --- lazy fetching ---------------------------------------------------------------------------
    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted and not self._loading

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        self._set_loading(True)
        fetch, levels, query, generation = self._fetch, self._fetch_levels, self._query, self._generation
        offset, limit = len(self._rows), self._page_size

        def call() -> Page:  # runs on a worker: only the values captured here
            return _read_page(fetch, levels, query, generation, offset, limit)

        self._run(call, self._page_arrived, self._page_failed)

    def _page_arrived(self, page: Page) -> None:
        if page.generation != self._generation or page.offset != len(self._rows):
            return  # an answer to an earlier query
        self._exhausted = len(page.rows) < self._page_size
        fresh = [row for row in page.rows if row.id not in self._ids]  # rows shifted by new cases
        if fresh:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            self._rows.extend(fresh)
            self._ids.update(row.id for row in fresh)
            self._levels.update((row.id, page.levels[row.id]) for row in fresh if row.id in page.levels)
            self.endInsertRows()
        self._set_loading(False)

    def _page_failed(self, exc: Exception) -> None:
        self._exhausted = True  # no retry loop; 刷新 starts again
        self._set_loading(False)
        self.failed.emit(exc)

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.loading_changed.emit(loading)

    # --- the table -------------------------------------------------------------------------------
    def case(self, row: int) -> CaseRow:
        return self._rows[row]

    def level(self, row: int) -> str:
        """The case's worst warning level when its page was read: yellow, red, or empty."""
        return self._levels.get(self._rows[row].id, "")

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        case = self._rows[index.row()]
        column = index.column()
        if column == self.WARNING and role != ROW_ROLE:
            return self._warning_data(self._levels.get(case.id, ""), role)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(case, column)
        if role == ROW_ROLE:
            return case
        if role == FLAGS_ROLE and column == self.FLAGS:
            return case.flags
        if role == Qt.ItemDataRole.ToolTipRole and column == self.FLAGS and case.flags:
            return "\n".join(code_label(FLAG_LABELS, flag) for flag in case.flags)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.ESTIMATED:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and column == self.COMPLEXITY
            and case.complexity == "complex"
        ):
            return QColor("#b00020")
        return None

    def _warning_data(self, level: str, role: int) -> Any:
        if role == LEVEL_ROLE:
            return level
        if not level:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr("超期") if level == "red" else self.tr("临期")
        if role == Qt.ItemDataRole.ToolTipRole:
            if level == "red":
                return self.tr("红色预警：有环节已超过时限")
            return self.tr("黄色预警：有环节临近时限")
        if role == Qt.ItemDataRole.BackgroundRole:
            return BADGE_COLOURS[level][0]
        if role == Qt.ItemDataRole.ForegroundRole:
            return BADGE_COLOURS[level][1]
        if role == Qt.ItemDataRole.FontRole:
            return self._bold
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _display(self, case: CaseRow, column: int) -> str | None:
        values = {
            self.CASE_NO: lambda: case.case_no,
            self.STATUS: lambda: code_label(STATUS_LABELS, case.status),
            self.LINE: lambda: code_label(LINE_LABELS, case.line),
            self.COMPLEXITY: lambda: code_label(COMPLEXITY_LABELS, case.complexity),
            self.CUSTOMER: lambda: case.customer,
            self.HANDLER: lambda: case.handler,
            self.REPORTED_AT: lambda: local_time(case.reported_at),
            self.ESTIMATED: lambda: money(case.estimated_loss),
            self.FLAGS: lambda: self.tr("、").join(code_label(FLAG_LABELS, flag) for flag in case.flags),
            self.COMPLETE: lambda: local_date(case.materials_complete_at),
        }
        value = values.get(column)
        return value() if value is not None else None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
            return self._headers[section]
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            return str(section + 1)
        return None
