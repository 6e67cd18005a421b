"""The 委托 tab: an approver is away; the administrator moves the cases waiting for them to another
approver of the same or a higher level, with a reason (``approvals.delegate``, logged and audited).

The choice of target follows the service's rule (active approver, level at least the waiting step's);
the service checks again.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QItemSelection
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from backoffice.domain.risk import FLAG_LABELS
from backoffice.security.roles import Permission
from backoffice.services.admin_views import ApproverInfo, PendingApproval, approver_queue, approvers
from backoffice.services.approvals import delegate
from backoffice.services.context import UserSession
from backoffice.services.policies import LINE_LABELS
from backoffice.ui.errors import message_for
from backoffice.ui.formatting import local_date, local_time, money
from backoffice.ui.labels import code_label
from backoffice.ui.simple_model import RowsModel
from backoffice.ui.tasks import Tasks
from backoffice.ui.widgets import ERROR_STYLE, rows_table

OK_STYLE = "color: #1b5e20;"


class DelegationTab(QWidget):
    def __init__(self, us: UserSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._us = us
        self._loaded = False
        self._approvers: list[ApproverInfo] = []
        self.may_delegate = us.actor.role_for(Permission.MANAGE_USERS) is not None
        self._tasks = Tasks(self)
        self._tasks.busy_changed.connect(lambda _busy: self._update_buttons())

        self.absent_combo = QComboBox(objectName="delegation-absent")
        self.absent_combo.currentIndexChanged.connect(lambda _i: self.load_queue())
        self.refresh_button = QPushButton(self.tr("刷新"), objectName="delegation-refresh")
        self.refresh_button.clicked.connect(self.refresh)
        self.count = QLabel(objectName="delegation-count")
        self.model = RowsModel(
            (
                self.tr("案件号"),
                self.tr("险类"),
                self.tr("金额"),
                self.tr("审批级别"),
                self.tr("风险提示"),
                self.tr("经办人"),
                self.tr("已转交给"),
                self.tr("等待自"),
                self.tr("最近期限"),
            ),
            self,
        )
        self.model.set_right_aligned((2,))
        self.table = rows_table(self.model, "delegation-queue")
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._selected)

        self.target_combo = QComboBox(objectName="delegation-target")
        self.target_combo.currentIndexChanged.connect(lambda _i: self._update_buttons())
        self.reason_edit = QLineEdit(objectName="delegation-reason")
        self.reason_edit.setMaxLength(100)
        self.reason_edit.setPlaceholderText(self.tr("例如：张三休年假至 3 月 10 日"))
        self.reason_edit.textChanged.connect(lambda _t: self._update_buttons())
        self.delegate_button = QPushButton(self.tr("委托"), objectName="delegation-submit")
        self.delegate_button.clicked.connect(self.submit)
        self.message = QLabel(objectName="delegation-message")
        self.message.setWordWrap(True)

        explain = QLabel(
            self.tr(
                "核赔人员不在岗时，可把等待其签批的案件转交给同级或更高级别的在岗核赔人员。"
                "转交会记入案件日志和审计日志。"
            )
        )
        explain.setWordWrap(True)
        explain.setStyleSheet("color: #555;")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("不在岗的核赔人员")))
        top.addWidget(self.absent_combo, 1)
        top.addWidget(self.count)
        top.addWidget(self.refresh_button)
        form = QFormLayout()
        form.addRow(self.tr("转交给"), self.target_combo)
        form.addRow(self.tr("原因"), self.reason_edit)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.delegate_button)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(bottom)
        self._update_buttons()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded:
            self._loaded = True
            self.refresh()

    # --- loading ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        if not self._tasks.busy:
            self._tasks.run(partial(approvers, self._us), self._show_approvers, self._failed)

    def _show_approvers(self, found: list[ApproverInfo]) -> None:
        keep = self.absent_username()
        self._approvers = found
        self.absent_combo.blockSignals(True)
        self.absent_combo.clear()
        for person in found:
            self.absent_combo.addItem(self._person_text(person), person.username)
        index = self.absent_combo.findData(keep) if keep else -1
        self.absent_combo.setCurrentIndex(max(index, 0) if found else -1)
        self.absent_combo.blockSignals(False)
        if not found:
            self._say(self.tr("还没有核赔人员。"), error=True)
        self.load_queue()

    def _person_text(self, person: ApproverInfo) -> str:
        text = self.tr("{name}（{user}）· {level} 级").format(
            name=person.display_name, user=person.username, level=person.level
        )
        return text if person.active else text + self.tr("（已停用）")

    def absent_username(self) -> str | None:
        data = self.absent_combo.currentData()
        return str(data) if data else None

    def load_queue(self) -> None:
        username = self.absent_username()
        self.model.set_rows([])
        self._fill_targets(None)
        if username is None:
            self.count.clear()
            self._update_buttons()
            return
        self.count.setText(self.tr("正在读取…"))
        call = partial(approver_queue, self._us, username)
        self._tasks.run(call, partial(self._show_queue, username), self._failed)

    def _show_queue(self, username: str, items: list[PendingApproval]) -> None:
        if username != self.absent_username():
            return  # another approver was chosen meanwhile
        self.model.set_rows([self._row(item) for item in items], list(items))
        self.table.resizeColumnsToContents()
        self.count.setText(self.tr("等待其签批：{n} 件").format(n=len(items)))
        self._update_buttons()

    def _row(self, item: PendingApproval) -> tuple[str, ...]:
        return (
            item.case_no,
            code_label(LINE_LABELS, item.line),
            money(item.amount),
            self.tr("{level} / {top}").format(level=item.next_level, top=item.top_level),
            "、".join(code_label(FLAG_LABELS, f) for f in item.flags),
            item.handler,
            item.assignee,
            local_time(item.waiting_since),
            local_date(item.due),
        )

    def queue_case_numbers(self) -> list[str]:
        return [str(self.model.index(row, 0).data()) for row in range(self.model.rowCount())]

    # --- choosing and delegating -----------------------------------------------------------------
    def selected_item(self) -> PendingApproval | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.model.payload(rows[0].row())
        return item if isinstance(item, PendingApproval) else None

    def _selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._fill_targets(self.selected_item())

    def _fill_targets(self, item: PendingApproval | None) -> None:
        """Active approvers other than the absent one, at the waiting step's level or above."""
        self.target_combo.clear()
        if item is not None:
            absent = self.absent_username()
            for person in self._approvers:
                if person.active and person.username != absent and person.level >= item.next_level:
                    self.target_combo.addItem(self._person_text(person), person.username)
            if self.target_combo.count() == 0:
                self._say(self.tr("没有同级或更高级别的在岗核赔人员可以接手这个案件。"), error=True)
            else:
                self._say("")
        self._update_buttons()

    def _update_buttons(self) -> None:
        idle = not self._tasks.busy
        ready = (
            self.may_delegate
            and self.selected_item() is not None
            and bool(self.target_combo.currentData())
            and bool(self.reason_edit.text().strip())
        )
        self.delegate_button.setEnabled(idle and ready)
        self.refresh_button.setEnabled(idle)
        self.absent_combo.setEnabled(idle)

    def submit(self) -> None:
        item = self.selected_item()
        target = self.target_combo.currentData()
        if item is None or not target or self._tasks.busy:
            return
        reason = self.reason_edit.text().strip()
        call = partial(delegate, self._us, item.case_no, str(target), reason=reason)
        name = self.target_combo.currentText()
        self._tasks.run(call, lambda _none: self._delegated(item.case_no, name), self._failed)

    def _delegated(self, case_no: str, name: str) -> None:
        self.reason_edit.clear()
        self._say(self.tr("案件 {case_no} 已转交给 {name}。").format(case_no=case_no, name=name))
        self.load_queue()

    def _failed(self, exc: Exception) -> None:
        self.count.clear()
        self._say(message_for(exc) or self.tr("转交审批时程序出错，请查看日志。"), error=True)
        self._update_buttons()

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE if error else OK_STYLE)
