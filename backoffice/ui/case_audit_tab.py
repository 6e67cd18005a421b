"""The case's 审计 tab: the audit records of the case and its attachments, for auditors only.

Other roles see one sentence saying so; the service refuses them anyway. Reading is itself audited.
The records are read when the tab is first shown and on each reload of the case after that.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import SignalInstance
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from backoffice.security.roles import Permission
from backoffice.services.audit import AuditRow, case_records
from backoffice.services.cases import CaseDetail
from backoffice.services.context import UserSession
from backoffice.ui.errors import message_for
from backoffice.ui.formatting import local_time
from backoffice.ui.simple_model import RowsModel
from backoffice.ui.tasks import Tasks
from backoffice.ui.widgets import error_label, rows_table


class CaseAuditTab(QWidget):
    def __init__(
        self, us: UserSession, parent: QWidget | None = None, *, follow: SignalInstance | None = None
    ) -> None:
        super().__init__(parent)
        self._us = us
        self._tasks = Tasks(self)
        self.allowed = us.actor.role_for(Permission.READ_AUDIT) is not None
        self.detail: CaseDetail | None = None
        self.records: list[AuditRow] | None = None
        self._stale = True
        self.state = QLabel(objectName="case-audit-state")
        self.state.setWordWrap(True)
        self.error = error_label("case-audit-error")
        self.model = RowsModel(
            (
                self.tr("序号"),
                self.tr("时间"),
                self.tr("用户"),
                self.tr("角色"),
                self.tr("操作"),
                self.tr("对象"),
                self.tr("结果"),
                self.tr("说明"),
            ),
            self,
        )
        self.table = rows_table(
            self.model, "case-audit-table", multi_select=True, fit_columns=True, stretch_last=True
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)
        if not self.allowed:
            self.state.setText(self.tr("本案的审计记录只有审计员可以查看。"))
            self.table.hide()
        if follow is not None:
            follow.connect(self.show_detail)

    def show_detail(self, detail: CaseDetail) -> None:
        self.detail, self._stale = detail, True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        if not self.allowed or self.detail is None or self._tasks.busy:
            return
        self._stale = False
        self.state.setText(self.tr("正在读取审计记录…"))
        ids = [a.id for a in self.detail.attachments]
        self._tasks.run(partial(case_records, self._us, self.detail.id, ids), self._show, self._failed)

    def _show(self, records: list[AuditRow]) -> None:
        self.records = records
        self.error.hide()
        self.state.setText(self.tr("本案及其附件共 {n} 条审计记录（按序号）。").format(n=len(records)))
        self.model.set_rows(
            [
                (
                    str(r.seq),
                    local_time(r.at),
                    r.username,
                    r.role,
                    r.action,
                    f"{r.object_type} {r.object_id}",
                    r.outcome,
                    r.reason,
                )
                for r in records
            ],
            list(records),
        )

    def _failed(self, exc: Exception) -> None:
        self.state.clear()
        self.error.setText(message_for(exc) or self.tr("读取审计记录时程序出错，请查看日志。"))
        self.error.show()
