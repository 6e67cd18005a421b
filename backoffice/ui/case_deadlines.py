"""The 期限 tab of a case: every deadline (stage, start, due date, statutory or office standard, paused
days, warning badge, extension), 申请延期 for the handler, 批准 / 驳回 for a supervisor.

Statutory periods are never extended by the office, and a stage with a request still waiting cannot be
asked again: the buttons say so before the service would. Read on a worker when the tab is shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal, SignalInstance
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QPushButton, QVBoxLayout, QWidget

from backoffice.security.roles import Permission
from backoffice.services.cases import CaseDetail
from backoffice.services.context import UserSession
from backoffice.services.deadline_extensions import ExtensionView, case_extensions, decide_extension
from backoffice.services.deadlines import STATUTORY
from backoffice.services.sla_warnings import DeadlineView, case_deadlines
from backoffice.ui.case_model import BADGE_COLOURS
from backoffice.ui.errors import message_for
from backoffice.ui.extension_dialog import ExtensionRequestDialog
from backoffice.ui.formatting import local_time
from backoffice.ui.labels import label
from backoffice.ui.note_dialog import NoteDialog
from backoffice.ui.simple_model import RowsModel
from backoffice.ui.tasks import Tasks
from backoffice.ui.widgets import error_label, rows_table

Index = QModelIndex | QPersistentModelIndex
LEVEL_COLUMN = 6


@dataclass(frozen=True)
class DeadlineRow:
    deadline: DeadlineView
    extension: ExtensionView | None  # the latest request for this stage

    @property
    def pending(self) -> bool:
        return self.extension is not None and self.extension.decision == "pending"

    @property
    def statutory(self) -> bool:
        return self.deadline.stage in STATUTORY

    @property
    def may_request(self) -> bool:
        return self.deadline.status == "open" and not self.statutory and not self.pending


def load_rows(us: UserSession, case_no: str) -> list[DeadlineRow]:
    latest: dict[int, ExtensionView] = {}
    for request in case_extensions(us, case_no):
        latest[request.deadline_id] = request  # oldest first: the last one wins
    return [DeadlineRow(d, latest.get(d.id)) for d in case_deadlines(us, case_no)]


class DeadlinesModel(RowsModel):
    """The rows of the tab; the 预警 cell carries the badge colours of the case list."""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and index.column() == LEVEL_COLUMN:
            row = self.payload(index.row())
            level = row.deadline.level if isinstance(row, DeadlineRow) else ""
            if level in BADGE_COLOURS:
                if role == Qt.ItemDataRole.BackgroundRole:
                    return BADGE_COLOURS[level][0]
                if role == Qt.ItemDataRole.ForegroundRole:
                    return BADGE_COLOURS[level][1]
                if role == Qt.ItemDataRole.TextAlignmentRole:
                    return int(Qt.AlignmentFlag.AlignCenter)
        return super().data(index, role)


class CaseDeadlinesTab(QWidget):
    """With ``follow`` (a signal carrying a CaseDetail) the tab reads the deadlines of each detail."""

    changed = Signal()  # an extension was requested or decided
    loaded = Signal()

    def __init__(
        self, us: UserSession, parent: QWidget | None = None, *, follow: SignalInstance | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("deadlines-tab")
        self._us = us
        self._tasks = Tasks(self)
        self._tasks.busy_changed.connect(self._update_buttons)
        self.case_no: str | None = None
        self._stale = False
        self.rows: list[DeadlineRow] | None = None
        self.model = DeadlinesModel(
            (
                self.tr("环节"),
                self.tr("类别"),
                self.tr("开始"),
                self.tr("到期日"),
                self.tr("暂停天数"),
                self.tr("状态"),
                self.tr("预警"),
                self.tr("延期"),
            ),
            self,
        )
        self.model.set_right_aligned((4,))
        self.table = rows_table(self.model, "deadlines-table")
        for column, width in ((0, 190), (1, 70), (2, 120), (3, 215), (4, 70), (5, 75), (6, 50)):
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setSectionResizeMode(7, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        hint = QLabel(
            self.tr("法定时限不能由公司延期；公司标准时限可申请延期，写明原因，由主管批准后到期日才改变。"),
            objectName="deadlines-hint",
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        self.calendar_note = QLabel(objectName="deadlines-calendar-note")
        self.calendar_note.setWordWrap(True)
        self.calendar_note.setStyleSheet("color: #b05000;")
        self.calendar_note.hide()
        self.request_button = QPushButton(self.tr("申请延期…"), objectName="request-extension")
        self.request_button.clicked.connect(self.open_request_dialog)
        self.approve_button = QPushButton(self.tr("批准延期…"), objectName="approve-extension")
        self.approve_button.clicked.connect(partial(self.open_decision_dialog, True))
        self.reject_button = QPushButton(self.tr("驳回延期…"), objectName="reject-extension")
        self.reject_button.clicked.connect(partial(self.open_decision_dialog, False))
        self.result = QLabel(objectName="deadlines-result")
        self.result.setWordWrap(True)
        self.result.setStyleSheet("color: #1b5e20;")
        self.result.hide()
        self.error = error_label("deadlines-error")
        self._may_request = us.actor.role_for(Permission.HANDLE_CASES) is not None
        self._may_decide = us.actor.role_for(Permission.APPROVE_EXTENSIONS) is not None
        self.request_button.setVisible(self._may_request)
        self.approve_button.setVisible(self._may_decide)
        self.reject_button.setVisible(self._may_decide)

        buttons = QHBoxLayout()
        buttons.addWidget(self.result, 1)
        for button in (self.request_button, self.approve_button, self.reject_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.calendar_note)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        if follow is not None:
            follow.connect(self.show_detail)
        self._update_buttons()

    # --- reading ---------------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self._tasks.busy

    def show_detail(self, detail: CaseDetail) -> None:
        self.case_no, self._stale = detail.case_no, True
        if self.isVisible():
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def reload(self) -> None:
        if self.case_no is None:
            return
        self._stale = True
        if not self._tasks.busy:
            self._stale = False
            self._tasks.run(partial(load_rows, self._us, self.case_no), self._show, self._failed)

    def _show(self, rows: list[DeadlineRow]) -> None:
        if self._stale:  # asked again while reading: read again
            self.reload()
            return
        keep = self.selected()
        self.rows = rows
        self.error.hide()
        self.model.set_rows([self._cells(row) for row in rows], rows)
        notes = sorted({row.deadline.calendar_note for row in rows if row.deadline.calendar_note})
        self.calendar_note.setText("\n".join(notes))
        self.calendar_note.setVisible(bool(notes))
        if keep is not None:
            for number, row in enumerate(rows):
                if row.deadline.id == keep.deadline.id:
                    self.table.selectRow(number)
        self._update_buttons()
        self.loaded.emit()

    def _cells(self, row: DeadlineRow) -> tuple[str, ...]:
        d = row.deadline
        due = d.effective_due.isoformat()
        if d.effective_due != d.due_day:
            due = self.tr("{due}（原 {original}）").format(due=due, original=d.due_day.isoformat())
        return (
            label(d.stage_label),
            self.tr("法定时限") if row.statutory else self.tr("公司标准"),
            local_time(d.started_at),
            due,
            str(d.paused_days) if d.paused_days else "",
            self._status_text(d),
            {"red": self.tr("超期"), "yellow": self.tr("临期")}.get(d.level, ""),
            self._extension_text(row),
        )

    def _status_text(self, deadline: DeadlineView) -> str:
        texts = {
            "open": self.tr("进行中"),
            "met": self.tr("按时完成"),
            "missed": self.tr("超时完成"),
            "cancelled": self.tr("已取消"),
        }
        return texts.get(deadline.status, deadline.status)

    def _extension_text(self, row: DeadlineRow) -> str:
        request = row.extension
        if request is None:
            return self.tr("法定时限，不可延期") if row.statutory else ""
        until = request.requested_until.isoformat()
        if request.decision == "pending":
            return self.tr("待主管批准：延至 {date}").format(date=until)
        if request.decision == "approved":
            return self.tr("已批准延至 {date}").format(date=until)
        return self.tr("延期申请已驳回：{note}").format(note=request.decision_note)

    def _failed(self, exc: Exception) -> None:
        self.error.setText(message_for(exc) or self.tr("读取时效时程序出错，请查看日志。"))
        self.error.show()
        self._update_buttons()

    # --- actions ---------------------------------------------------------------------------------
    def selected(self) -> DeadlineRow | None:
        rows = self.table.selectionModel().selectedRows()
        payload = self.model.payload(rows[0].row()) if rows else None
        return payload if isinstance(payload, DeadlineRow) else None

    def select_stage(self, stage: str) -> None:
        for number in range(self.model.rowCount()):
            row = self.model.payload(number)
            if isinstance(row, DeadlineRow) and row.deadline.stage == stage and row.deadline.status == "open":
                self.table.selectRow(number)
                return
        raise LookupError(stage)

    def _update_buttons(self, *_args: object) -> None:
        row, idle = self.selected(), not self._tasks.busy
        self.request_button.setEnabled(idle and row is not None and row.may_request)
        why = ""
        if row is not None and not row.may_request:
            if row.deadline.status != "open":
                why = self.tr("这个环节已经结束，不能延期。")
            elif row.statutory:
                why = self.tr("法定时限不能由公司延期。")
            else:
                why = self.tr("这个环节已有待批准的延期申请。")
        self.request_button.setToolTip(why)
        pending = idle and row is not None and row.pending
        self.approve_button.setEnabled(pending)
        self.reject_button.setEnabled(pending)

    def open_request_dialog(self) -> ExtensionRequestDialog | None:
        row = self.selected()
        if row is None or not row.may_request:
            return None
        dialog = ExtensionRequestDialog(self._us, row.deadline, self)
        dialog.accepted.connect(partial(self._done, self.tr("延期申请已提交，等待主管批准。")))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def open_decision_dialog(self, approve: bool) -> NoteDialog | None:
        row = self.selected()
        if row is None or row.extension is None or not row.pending:
            return None
        request = row.extension
        explain = self.tr(
            "{stage}：现在到期 {due}，申请延至 {until}。\n申请人：{who}。原因：{reason}"
        ).format(
            stage=label(request.stage_label),
            due=request.due.isoformat(),
            until=request.requested_until.isoformat(),
            who=request.requested_by,
            reason=request.reason,
        )
        dialog = NoteDialog(
            partial(_decide, self._us, request.id, approve),
            title=self.tr("批准延期") if approve else self.tr("驳回延期"),
            explain=explain,
            placeholder=self.tr("说明（可不填）") if approve else self.tr("驳回的理由（必填）"),
            confirm=self.tr("批准") if approve else self.tr("驳回"),
            required=not approve,
            max_length=500,
            parent=self,
        )
        done = self.tr("已批准延期，到期日已改为 {date}。") if approve else self.tr("已驳回延期申请。")
        dialog.accepted.connect(partial(self._done, done.format(date=request.requested_until.isoformat())))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _done(self, text: str) -> None:
        self.result.setText(text)
        self.result.show()
        self.reload()
        self.changed.emit()


def _decide(us: UserSession, extension_id: int, approve: bool, note: str) -> ExtensionView:
    return decide_extension(us, extension_id, approve=approve, note=note)
