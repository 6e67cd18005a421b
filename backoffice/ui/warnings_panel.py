"""The workbench's "my warnings" panel: the user's yellow and red deadlines, their follow-up tasks, and the
red notifications (office-wide for supervisors and auditors). Read on a worker when first shown."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from backoffice.security.roles import Permission
from backoffice.services.context import UserSession
from backoffice.services.sla_tasks import TASK_KINDS, TaskView, my_tasks
from backoffice.services.sla_warnings import RedNotice, WarningItem, my_warnings, red_notifications
from backoffice.ui.errors import message_for
from backoffice.ui.gc_guard import collect_here, without_gc
from backoffice.ui.labels import code_label, label
from backoffice.ui.simple_model import RowsModel
from backoffice.ui.tasks import Tasks
from backoffice.ui.widgets import error_label

LEVEL_COLOURS = {"red": QColor("#ffcdd2"), "yellow": QColor("#fff3c4")}
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class PanelData:
    warnings: list[WarningItem]
    tasks: list[TaskView]
    red: list[RedNotice]


def load_panel(us: UserSession) -> PanelData:
    may_view = us.actor.role_for(Permission.VIEW_CASES) or us.actor.role_for(Permission.VIEW_KPIS)
    return PanelData(my_warnings(us), my_tasks(us), red_notifications(us) if may_view else [])


class LevelRowsModel(RowsModel):
    """Rows whose payload has a ``level`` (or a task that is ``overdue``) get the warning's colour."""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and index.isValid():
            payload = self.payload(index.row())
            level = getattr(payload, "level", "red" if getattr(payload, "overdue", False) else "")
            return LEVEL_COLOURS.get(level)
        return super().data(index, role)


class MyWarningsPanel(QGroupBox):
    loaded = Signal()
    case_activated = Signal(str)

    def __init__(self, us: UserSession, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("我的时效预警"), parent)
        self.setObjectName("my-warnings")
        self._us = us
        self._tasks = Tasks(self)
        self._tasks.busy_changed.connect(lambda busy: self.refresh_button.setEnabled(not busy))
        self.data: PanelData | None = None
        self.notice = QLabel(objectName="red-notice")
        self.notice.setStyleSheet("color: #b00020; font-weight: bold;")
        self.notice.hide()
        self.summary = QLabel(self.tr("正在读取…"), objectName="warnings-summary")
        self.error = error_label("warnings-error")
        self.refresh_button = QPushButton(self.tr("刷新"), objectName="refresh-warnings")
        self.refresh_button.clicked.connect(self.refresh)
        headers = (
            self.tr("案件号"),
            self.tr("环节"),
            self.tr("到期日"),
            self.tr("剩余工作日"),
            self.tr("预警"),
        )
        self.model = LevelRowsModel(headers, self)
        self.table = self._table("my-warnings-table", self.model)
        self.task_model = LevelRowsModel((self.tr("跟进任务"), self.tr("案件号"), self.tr("截止日")), self)
        self.task_table = self._table("my-tasks-table", self.task_model)
        self.task_table.setColumnWidth(1, 150)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addLayout(top)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.task_table, 1)

    def _table(self, name: str, model: RowsModel) -> QTableView:
        table = QTableView(objectName=name)
        table.setModel(model)
        table.verticalHeader().hide()
        table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.horizontalHeader().setStretchLastSection(True)
        table.setColumnWidth(0, 150)
        table.activated.connect(partial(self._activated, model))
        return table

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.data is None and not self._tasks.busy:
            self.refresh()

    def refresh(self) -> None:
        self.error.hide()
        collect_here()
        self._tasks.run(without_gc(partial(load_panel, self._us)), self._show, self._failed)

    def _show(self, data: PanelData) -> None:
        self.data = data
        levels = {"red": self.tr("红色"), "yellow": self.tr("黄色")}
        rows = [
            (w.case_no, label(w.stage_label), w.due.isoformat(), str(w.days_left), levels.get(w.level, ""))
            for w in data.warnings
        ]
        self.model.set_rows(rows, data.warnings)
        tasks = [(code_label(TASK_KINDS, t.kind), t.case_no, t.due_day.isoformat()) for t in data.tasks]
        self.task_model.set_rows(tasks, data.tasks)
        red = sum(1 for w in data.warnings if w.level == "red")
        self.summary.setText(
            self.tr("红色预警 {red} 个，黄色预警 {yellow} 个，待办跟进任务 {tasks} 项").format(
                red=red, yellow=len(data.warnings) - red, tasks=len(data.tasks)
            )
        )
        if data.red:
            text = self.tr("有 {n} 个环节已超时（红色预警），请立即处理。")
            self.notice.setText(text.format(n=len(data.red)))
            self.notice.show()
        else:
            self.notice.hide()
        self.loaded.emit()

    def _failed(self, exc: Exception) -> None:
        self.summary.setText("")
        self.error.setText(message_for(exc) or self.tr("读取预警时程序出错，请查看日志。"))
        self.error.show()

    def _activated(self, model: RowsModel, index: QModelIndex) -> None:
        payload = model.payload(index.row()) if index.isValid() else None
        if payload is not None:
            self.case_activated.emit(payload.case_no)  # type: ignore[attr-defined]


def add_warnings_panel(page: QWidget, us: UserSession) -> QWidget:
    """Put the panel into a page's layout, above its closing stretch; returns the page."""
    layout = page.layout()
    if isinstance(layout, QLayout):
        position = layout.count() - 1 if layout.count() else 0
        if isinstance(layout, QVBoxLayout):
            layout.insertWidget(position, MyWarningsPanel(us, page), 1)
            layout.setStretch(layout.count() - 1, 0)  # the panel, not the page's closing stretch, grows
        else:
            layout.addWidget(MyWarningsPanel(us, page))
    return page
