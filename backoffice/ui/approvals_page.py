"""The 核赔 page: the approver's queue, the selected case's approval trail, and 同意 / 退回 / 拒赔.

Everything reaches the services on workers. The buttons follow ``approvals.can_sign`` (the UI disables
what the service would refuse, and says why); 拒赔 needs level 3 or above. The service checks again.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import QItemSelection, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from backoffice.domain.case import STATUS_LABELS
from backoffice.domain.risk import FLAG_LABELS
from backoffice.services.approvals import SIGN_REFUSALS, QueueItem, can_sign, queue, sign
from backoffice.services.cases import CaseDetail, get_case
from backoffice.services.context import UserSession
from backoffice.services.policies import LINE_LABELS
from backoffice.ui.approval_dialog import SignDialog
from backoffice.ui.approval_trail import ApprovalTrail
from backoffice.ui.case_model import BADGE_COLOURS
from backoffice.ui.errors import message_for
from backoffice.ui.formatting import local_date, local_time, money
from backoffice.ui.labels import code_label
from backoffice.ui.pages import PageSpec, page_heading
from backoffice.ui.simple_model import RowsModel
from backoffice.ui.tasks import Tasks
from backoffice.ui.widgets import error_label, rows_table

DENY_LEVEL = 3
DEADLINE_COLUMN = 7


class QueueModel(RowsModel):
    """The queue's rows, with the 期限 cell coloured like the case list's warning badges."""

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if index.isValid() and index.column() == DEADLINE_COLUMN and index.row() < self.rowCount():
            item = self.payload(index.row())
            colours = BADGE_COLOURS.get(item.warning) if isinstance(item, QueueItem) else None
            if colours and role == Qt.ItemDataRole.BackgroundRole:
                return colours[0]
            if colours and role == Qt.ItemDataRole.ForegroundRole:
                return colours[1]
        return super().data(index, role)


OK_STYLE = "color: #1b5e20;"


class ApprovalsPage(QWidget):
    def __init__(self, us: UserSession, spec: PageSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._us = us
        self._tasks = Tasks(self)
        self._tasks.busy_changed.connect(self._update_buttons)
        self.case_no: str | None = None
        self.detail: CaseDetail | None = None
        self._allowed = False
        self.level = us.actor.approval_level or 0

        self.refresh_button = QPushButton(self.tr("刷新"), objectName="approvals-refresh")
        self.refresh_button.clicked.connect(self.refresh)
        self.count = QLabel(objectName="approvals-count")
        self.model = QueueModel(
            (
                self.tr("案件号"),
                self.tr("险类"),
                self.tr("金额"),
                self.tr("审批级别"),
                self.tr("风险提示"),
                self.tr("经办人"),
                self.tr("等待自"),
                self.tr("期限"),
            ),
            self,
        )
        self.model.set_right_aligned((2,))
        self.table = rows_table(self.model, "approvals-queue", fit_columns=True)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._selected)

        self.case_title = QLabel(self.tr("请在上面的队列中选择一个案件。"), objectName="approval-case")
        self.case_title.setStyleSheet("font-weight: bold;")
        self.trail = ApprovalTrail()
        self.agree_button = QPushButton(self.tr("同意"), objectName="approve-agree")
        self.return_button = QPushButton(self.tr("退回"), objectName="approve-return")
        self.deny_button = QPushButton(self.tr("拒赔"), objectName="approve-deny")
        for button, decision in (
            (self.agree_button, "agree"),
            (self.return_button, "return"),
            (self.deny_button, "deny"),
        ):
            button.clicked.connect(partial(self.open_sign_dialog, decision))
        if self.level < DENY_LEVEL:
            self.deny_button.setToolTip(self.tr("拒赔需要第 3 级及以上的核赔权限。"))
        self.refusal = QLabel(objectName="approval-refusal")
        self.refusal.setWordWrap(True)
        self.refusal.setStyleSheet("color: #b05000;")
        self.refusal.hide()
        self.result = QLabel(objectName="approval-result")
        self.result.setWordWrap(True)
        self.result.setStyleSheet(OK_STYLE)
        self.result.hide()
        self.error = error_label("approval-error")

        top = QHBoxLayout()
        top.addWidget(page_heading(spec))
        top.addWidget(self.count, 1)
        top.addWidget(self.refresh_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.case_title, 1)
        for button in (self.agree_button, self.return_button, self.deny_button):
            buttons.addWidget(button)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addLayout(buttons)
        lower_layout.addWidget(self.refusal)
        lower_layout.addWidget(self.trail, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(lower)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.result)
        layout.addWidget(self.error)
        layout.addWidget(split, 1)
        self._update_buttons()
        self.refresh()

    # --- the queue -------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.refresh_button.setEnabled(False)
        self._tasks.run(partial(queue, self._us), self._show_queue, self._failed)

    def _show_queue(self, items: list[QueueItem]) -> None:
        self.refresh_button.setEnabled(True)
        keep = self.case_no
        self.model.set_rows([self._row(item) for item in items], list(items))
        self.count.setText(self.tr("待您审批：{n} 件").format(n=len(items)))
        rows = [row for row, item in enumerate(items) if item.case_no == keep]
        if rows:
            self.table.selectRow(rows[0])
        # a case that left the queue (just signed) stays shown, its buttons following can_sign

    def _row(self, item: QueueItem) -> tuple[str, ...]:
        return (
            item.case_no,
            code_label(LINE_LABELS, item.line),
            money(item.amount),
            self.tr("{level} / {top}").format(level=item.next_level, top=item.top_level),
            "、".join(code_label(FLAG_LABELS, f) for f in item.flags),
            item.handler,
            local_time(item.waiting_since),
            self._deadline_text(item),
        )

    def _deadline_text(self, item: QueueItem) -> str:
        if item.due is None:
            return ""
        marks = {"yellow": self.tr("临期"), "red": self.tr("超期")}
        day = local_date(item.due)
        return f"{day} {marks[item.warning]}" if item.warning in marks else day

    def queue_case_numbers(self) -> list[str]:
        return [self.model.index(row, 0).data() for row in range(self.model.rowCount())]

    def select_case(self, case_no: str) -> None:
        self.table.selectRow(self.queue_case_numbers().index(case_no))

    # --- the selected case -----------------------------------------------------------------------
    def _selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self._show_case_none()
            return
        item = self.model.payload(rows[0].row())
        assert isinstance(item, QueueItem)
        self.load_case(item.case_no)

    def load_case(self, case_no: str) -> None:
        self.case_no, self.detail, self._allowed = case_no, None, False
        self.case_title.setText(self.tr("案件 {case_no}：正在读取…").format(case_no=case_no))
        self._update_buttons()
        self._tasks.run(partial(self._read_case, case_no), self._show_case, self._failed)

    def _read_case(self, case_no: str) -> tuple[CaseDetail, tuple[bool, str]]:
        return get_case(self._us, case_no), can_sign(self._us, case_no)

    def _show_case(self, answer: tuple[CaseDetail, tuple[bool, str]]) -> None:
        detail, (allowed, code) = answer
        if detail.case_no != self.case_no:
            return  # another case was selected meanwhile
        self.detail, self._allowed = detail, allowed
        self.case_title.setText(
            self.tr("案件 {case_no} · {status}").format(
                case_no=detail.case_no, status=code_label(STATUS_LABELS, detail.status)
            )
        )
        self.trail.show_detail(detail)
        if allowed:
            self.refusal.hide()
        else:
            self.refusal.setText(
                code_label(SIGN_REFUSALS, code)
                if code in SIGN_REFUSALS
                else self.tr("这个案件现在不能由您审批。")
            )
            self.refusal.show()
        self._update_buttons()

    def _show_case_none(self) -> None:
        self.case_no, self.detail, self._allowed = None, None, False
        self.case_title.setText(self.tr("请在上面的队列中选择一个案件。"))
        self.trail.clear()
        self.refusal.hide()
        self._update_buttons()

    def _update_buttons(self, *_args: object) -> None:
        ready = self.detail is not None and self._allowed and not self._tasks.busy
        self.agree_button.setEnabled(ready)
        self.return_button.setEnabled(ready)
        self.deny_button.setEnabled(ready and self.level >= DENY_LEVEL)

    # --- signing ---------------------------------------------------------------------------------
    def open_sign_dialog(self, decision: str) -> SignDialog | None:
        if self.detail is None:
            return None
        amounts = self.detail.extra.get("amounts") or {}
        dialog = SignDialog(decision, self.detail.case_no, str(amounts.get("settlement") or "—"), self)
        dialog.accepted.connect(partial(self._sign, dialog))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _sign(self, dialog: SignDialog) -> None:
        if self.detail is None:
            return
        call = partial(
            sign,
            self._us,
            self.detail.case_no,
            dialog.decision,
            password=dialog.password(),
            expected_version=self.detail.version,
            reason_code=dialog.reason_code(),
            clause=dialog.clause(),
            facts=dialog.facts(),
        )
        case_no = self.detail.case_no
        self.result.hide()
        self.error.hide()
        self._tasks.run(call, partial(self._signed, case_no), self._sign_failed)
        self._update_buttons()

    def _signed(self, case_no: str, status: str) -> None:
        self.result.setText(
            self.tr("案件 {case_no} 已签批，现在的状态：{status}。").format(
                case_no=case_no, status=code_label(STATUS_LABELS, status)
            )
        )
        self.result.show()
        self.load_case(case_no)
        self.refresh()

    def _sign_failed(self, exc: Exception) -> None:
        self._failed(exc)
        if self.case_no is not None:
            self.load_case(self.case_no)
        self.refresh()

    def _failed(self, exc: Exception) -> None:
        self.refresh_button.setEnabled(True)
        self.error.setText(message_for(exc) or self.tr("程序出错，请查看日志。"))
        self.error.show()
        self._update_buttons()
