"""The 案件 page: the case list (lazy, sorted and filtered in SQL) and one tab per opened case."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from backoffice.security.roles import Permission
from backoffice.services.cases import CaseFilter, CaseRow, count_cases, list_cases
from backoffice.services.context import UserSession
from backoffice.services.sla_warnings import case_warning_levels
from backoffice.ui.case_detail import CaseDetailView
from backoffice.ui.case_filters import CaseFilterBar
from backoffice.ui.case_model import CaseListModel, PageFetcher
from backoffice.ui.errors import message_for
from backoffice.ui.flag_badges import FlagBadgeDelegate
from backoffice.ui.pages import PageSpec, page_heading
from backoffice.ui.payment_export import PaymentBatchExport
from backoffice.ui.tasks import Tasks
from backoffice.ui.widgets import rows_table

COLUMN_WIDTHS = {
    CaseListModel.CASE_NO: 150,
    CaseListModel.WARNING: 50,
    CaseListModel.STATUS: 80,
    CaseListModel.LINE: 100,
    CaseListModel.COMPLEXITY: 50,
    CaseListModel.CUSTOMER: 70,
    CaseListModel.HANDLER: 120,
    CaseListModel.REPORTED_AT: 125,
    CaseListModel.ESTIMATED: 95,
    CaseListModel.FLAGS: 150,
}


def service_fetcher(us: UserSession) -> PageFetcher:
    def fetch(flt: CaseFilter, sort: str, descending: bool, offset: int, limit: int) -> list[CaseRow]:
        return list_cases(us, flt, sort=sort, descending=descending, offset=offset, limit=limit)

    return fetch


class CaseListPage(QWidget):
    """The list in the first tab; ``open_case(case_no)`` opens (or shows) a case's own tab."""

    def __init__(
        self,
        us: UserSession,
        spec: PageSpec,
        parent: QWidget | None = None,
        *,
        fetch: PageFetcher | None = None,
    ) -> None:
        super().__init__(parent)
        self._us = us
        self._list_tasks = Tasks(self)
        self._count_tasks = Tasks(self)
        self._count_generation = 0
        self.total: int | None = None
        handles = us.actor.role_for(Permission.HANDLE_CASES) is not None
        self.filters = CaseFilterBar(us.actor.username if handles else None)
        self.filters.changed.connect(self.set_filter)
        self.model = CaseListModel(
            fetch or service_fetcher(us), self._list_tasks.run, self, levels=partial(case_warning_levels, us)
        )
        self.model.loading_changed.connect(self._update_status)
        self.model.rowsInserted.connect(self._update_status)
        self.model.modelReset.connect(self._update_status)
        self.model.failed.connect(self._list_failed)
        self.table = self._make_table()
        self.model.modelReset.connect(self.table.scrollToTop)  # a new query shows its first rows
        self.model.sort_changed.connect(self._show_sort)
        self.status = QLabel(objectName="case-list-status")
        self.error = QLabel(objectName="case-list-error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        self.refresh_button = QPushButton(self.tr("刷新"), objectName="refresh-cases")
        self.refresh_button.clicked.connect(self.refresh)
        self.payment_export = PaymentBatchExport(us)  # only for those who may export

        list_tab = QWidget(objectName="case-list-tab")
        bar = QHBoxLayout()
        bar.addWidget(self.status, 1)
        bar.addWidget(self.payment_export)
        bar.addWidget(self.refresh_button)
        inner = QVBoxLayout(list_tab)
        inner.addWidget(self.filters)
        inner.addWidget(self.table, 1)
        inner.addWidget(self.error)
        inner.addLayout(bar)
        self.tabs = QTabWidget(objectName="case-tabs")
        self.tabs.setTabsClosable(True)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(list_tab, self.tr("案件列表"))
        self.tabs.tabBar().setTabButton(0, self.tabs.tabBar().ButtonPosition.RightSide, None)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        close = QShortcut(QKeySequence("Ctrl+W"), self)
        close.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        close.activated.connect(lambda: self.close_tab(self.tabs.currentIndex()))

        subtitle = QLabel(spec.translated_placeholder())
        subtitle.setStyleSheet("color: #555;")
        subtitle.setWordWrap(True)  # a long translation wraps rather than widening the window
        top = QHBoxLayout()
        top.addWidget(page_heading(spec))
        top.addWidget(subtitle, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self._details: dict[str, CaseDetailView] = {}

    def _make_table(self) -> QTableView:
        table = rows_table(self.model, "case-table", stretch_last=True, row_height=26)
        table.setTabKeyNavigation(False)
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)  # never measures all rows
        for column, width in COLUMN_WIDTHS.items():
            table.setColumnWidth(column, width)
        header.setSortIndicator(self.model.sort_column, self.model.sort_order)
        table.setSortingEnabled(True)  # asks the model to sort: the model records it until started
        table.setItemDelegateForColumn(CaseListModel.FLAGS, FlagBadgeDelegate(table))
        table.activated.connect(self._activated)  # Enter, Return, double-click
        return table

    # --- querying --------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.model.started:
            self.model.start()
            self._count()

    def set_filter(self, flt: CaseFilter) -> None:
        if self.model.started and flt == self.model.query.filter:
            return
        self.error.hide()
        self.model.set_filter(flt)
        self._count()

    def refresh(self) -> None:
        self.error.hide()
        if not self.model.started:
            self.model.start()
        else:
            self.model.refresh()
        self._count()

    def _count(self) -> None:
        """The total for the filter, on its own worker; an older count arriving late is ignored."""
        self._count_generation += 1
        self.total = None
        self._update_status()
        call = partial(_counted, self._us, self.model.query.filter, self._count_generation)
        self._count_tasks.run(call, self._counted, self._list_failed)

    def _counted(self, result: tuple[int, int]) -> None:
        generation, total = result
        if generation == self._count_generation:
            self.total = total
            self._update_status()

    def _list_failed(self, exc: Exception) -> None:
        self.error.setText(message_for(exc) or self.tr("读取案件时程序出错，请查看日志。"))
        self.error.show()

    def _update_status(self) -> None:
        loaded = self.model.rowCount()
        if self.total is None:
            text = self.tr("已显示 {loaded} 件，正在统计总数…").format(loaded=loaded)
        else:
            text = self.tr("共 {total} 件案件，已显示 {loaded} 件").format(total=self.total, loaded=loaded)
        if self.model.loading:
            text += self.tr("（正在读取…）")
        self.status.setText(text)

    def _show_sort(self, column: int, order: Qt.SortOrder) -> None:
        header = self.table.horizontalHeader()
        if header.sortIndicatorSection() != column or header.sortIndicatorOrder() != order:
            header.blockSignals(True)
            header.setSortIndicator(column, order)
            header.blockSignals(False)
            header.viewport().update()

    # --- case tabs -------------------------------------------------------------------------------
    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_case(self.model.case(index.row()).case_no)

    def open_case(self, case_no: str) -> CaseDetailView:
        view = self._details.get(case_no)
        if view is None:
            view = CaseDetailView(self._us, case_no)
            view.changed.connect(self.refresh)
            self._details[case_no] = view
            self.tabs.addTab(view, case_no)
        self.tabs.setCurrentWidget(view)
        return view

    def detail(self, case_no: str) -> CaseDetailView | None:
        return self._details.get(case_no)

    def close_tab(self, index: int) -> None:
        view = self.tabs.widget(index)
        if index <= 0 or not isinstance(view, CaseDetailView):
            return
        self.tabs.removeTab(index)
        self._details.pop(view.case_no, None)
        view.deleteLater()


def _counted(us: UserSession, flt: CaseFilter, generation: int) -> tuple[int, int]:
    return generation, count_cases(us, flt)
