"""The workbench's "my warnings" panel: the user's yellow and red deadlines, their follow-up tasks (完成 with
a note), and the red notifications (office-wide for supervisors and auditors). Read on a worker when first
shown and every few minutes; a double-click opens the case (``case_activated``), and red deadlines not
reported before are announced once through ``red_alert`` (the main window shows it in the status bar)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Any

from PySide6.QtCore import QItemSelection, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
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
from backoffice.services.sla_tasks import MAX_NOTE, TASK_KINDS, TaskView, complete_task, my_tasks
from backoffice.services.sla_warnings import RedNotice, WarningItem, my_warnings, red_notifications
from backoffice.ui.errors import message_for
from backoffice.ui.gc_guard import collect_here, without_gc
from backoffice.ui.labels import code_label, label
from backoffice.ui.note_dialog import NoteDialog
from backoffice.ui.simple_model import RowsModel
from backoffice.ui.tasks import Tasks
from backoffice.ui.widgets import error_label, rows_table

LEVEL_COLOURS = {"red": QColor("#ffcdd2"), "yellow": QColor("#fff3c4")}
REFRESH_MS = 5 * 60_000  # the panel reads again on its own, so that new red warnings are announced
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
    red_alert = Signal(str)  # red deadlines that were not announced before, as one sentence
    task_completed = Signal(object)  # TaskView

    def __init__(self, us: UserSession, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("我的时效预警"), parent)
        self.setObjectName("my-warnings")
        self._us = us
        self._tasks = Tasks(self)
        self._tasks.busy_changed.connect(lambda busy: self.refresh_button.setEnabled(not busy))
        self.data: PanelData | None = None
        self._announced: set[int] | None = None  # red deadline ids already announced (None: none yet)
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self._refresh_quietly)
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
        self.task_table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.task_table.selectionModel().selectionChanged.connect(self._task_selected)
        self.complete_button = QPushButton(self.tr("完成…"), objectName="complete-task")
        self.complete_button.setToolTip(self.tr("填写进展汇报或整改报告，完成选中的跟进任务"))
        self.complete_button.clicked.connect(self.open_complete_dialog)
        self.complete_button.setEnabled(False)
        self.task_result = QLabel(objectName="task-result")
        self.task_result.setStyleSheet("color: #1b5e20;")
        self.task_result.hide()
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addLayout(top)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 2)
        tasks_bar = QHBoxLayout()
        tasks_bar.addWidget(QLabel(self.tr("我的任务（预警跟进）"), objectName="my-tasks-title"), 1)
        tasks_bar.addWidget(self.task_result)
        tasks_bar.addWidget(self.complete_button)
        layout.addLayout(tasks_bar)
        layout.addWidget(self.task_table, 1)

    def _table(self, name: str, model: RowsModel) -> QTableView:
        table = rows_table(model, name, multi_select=True, stretch_last=True)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.setColumnWidth(0, 150)
        table.activated.connect(partial(self._activated, model))
        return table

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.data is None and not self._tasks.busy:
            self.refresh()
        if not self._timer.isActive():
            self._timer.start()

    def _refresh_quietly(self) -> None:
        if not self._tasks.busy:
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
        self._announce(data.red)
        self._task_selected()
        self.loaded.emit()

    def _announce(self, red: list[RedNotice]) -> None:
        fresh = [n for n in red if self._announced is None or n.deadline_id not in self._announced]
        self._announced = (self._announced or set()) | {n.deadline_id for n in red}
        if not fresh:
            return
        first = fresh[0]
        if len(fresh) == 1:
            text = self.tr("红色预警：案件 {case_no} 的“{stage}”已超过时限（{due} 到期）。")
        else:
            text = self.tr("红色预警：案件 {case_no} 的“{stage}”等 {n} 个环节已超过时限。")
        self.red_alert.emit(
            text.format(case_no=first.case_no, stage=label(first.stage_label), due=first.due, n=len(fresh))
        )

    # --- follow-up tasks -------------------------------------------------------------------------
    def selected_task(self) -> TaskView | None:
        rows = self.task_table.selectionModel().selectedRows()
        payload = self.task_model.payload(rows[0].row()) if rows else None
        return payload if isinstance(payload, TaskView) else None

    def _task_selected(self, *_args: QItemSelection) -> None:
        self.complete_button.setEnabled(self.selected_task() is not None)

    def open_complete_dialog(self) -> NoteDialog | None:
        task = self.selected_task()
        if task is None:
            return None
        rectification = task.kind == "rectification"
        dialog = NoteDialog(
            partial(_complete, self._us, task.id),
            title=code_label(TASK_KINDS, task.kind),
            explain=self.tr("案件 {case_no}，{stage}，截止 {due}。").format(
                case_no=task.case_no, stage=label(task.stage_label), due=task.due_day.isoformat()
            ),
            placeholder=self.tr("整改报告：原因、措施、责任人和完成时间")
            if rectification
            else self.tr("进展汇报：现在的进展、卡在哪里、预计何时完成"),
            confirm=self.tr("提交并完成"),
            max_length=MAX_NOTE,
            parent=self,
        )
        dialog.accepted.connect(partial(self._completed, dialog))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _completed(self, dialog: NoteDialog) -> None:
        self.task_result.setText(self.tr("任务已完成，已记入案件时间线。"))
        self.task_result.show()
        self.task_completed.emit(dialog.answer)
        self.refresh()

    def _failed(self, exc: Exception) -> None:
        self.summary.setText("")
        self.error.setText(message_for(exc) or self.tr("读取预警时程序出错，请查看日志。"))
        self.error.show()

    def _activated(self, model: RowsModel, index: QModelIndex) -> None:
        payload = model.payload(index.row()) if index.isValid() else None
        if payload is not None:
            self.case_activated.emit(payload.case_no)  # type: ignore[attr-defined]


def _complete(us: UserSession, task_id: int, note: str) -> TaskView:
    return complete_task(us, task_id, note=note)


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
