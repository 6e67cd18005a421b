"""One case in its own tab: 概要, 单证, 理算, 核赔, 支付与结案, 时间线, 联系记录, 期限, 审计, 归档.

The case is read by ``services.cases.get_case`` on a worker (masked personal data), and read again after
anything the tabs change; ``changed`` then tells the case list to refresh.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from backoffice.domain.case import STATUS_LABELS
from backoffice.services.cases import CaseDetail, get_case
from backoffice.services.context import UserSession
from backoffice.ui.calculation_tab import CalculationTab
from backoffice.ui.case_approval_tab import CaseApprovalTab
from backoffice.ui.case_archive_tab import CaseArchiveTab
from backoffice.ui.case_audit_tab import CaseAuditTab
from backoffice.ui.case_contacts import CaseContactsTab
from backoffice.ui.case_deadlines import CaseDeadlinesTab
from backoffice.ui.case_documents import CaseDocumentsTab
from backoffice.ui.case_payments import CasePaymentsTab
from backoffice.ui.case_summary import CaseSummaryTab
from backoffice.ui.case_timeline import CaseTimelineTab
from backoffice.ui.errors import message_for
from backoffice.ui.labels import code_label
from backoffice.ui.tasks import Tasks
from backoffice.ui.widgets import error_label, heading


class CaseDetailView(QWidget):
    changed = Signal()
    loaded = Signal(object)  # CaseDetail

    SUMMARY, DOCUMENTS, CALCULATION, APPROVAL, PAYMENTS, TIMELINE, CONTACTS, DEADLINES, AUDIT, ARCHIVE = (
        range(10)
    )

    def __init__(self, us: UserSession, case_no: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"case-{case_no}")
        self.case_no = case_no
        self._us = us
        self._tasks = Tasks(self)
        self.detail: CaseDetail | None = None
        self.title = heading(case_no, 14)
        self.title.setObjectName("case-title")
        self.state = QLabel(self.tr("正在读取案件…"), objectName="case-state")
        self.error = error_label("case-error")
        self.reload_button = QPushButton(self.tr("刷新"), objectName="reload-case")
        self.reload_button.clicked.connect(self.reload)
        self._tasks.busy_changed.connect(lambda busy: self.reload_button.setEnabled(not busy))

        self.summary = CaseSummaryTab(us)
        self.documents = CaseDocumentsTab(us)
        self.timeline = CaseTimelineTab()
        self.contacts = CaseContactsTab(us)
        for tab in (self.documents, self.contacts):
            tab.changed.connect(self._changed)
        self.tabs = QTabWidget(objectName="case-detail-tabs")
        self.tabs.addTab(self.summary, self.tr("概要"))
        self.tabs.addTab(self.documents, self.tr("单证"))
        self.tabs.addTab(CalculationTab(us, case_no, self), self.tr("理算"))
        self.approval = CaseApprovalTab(us, follow=self.loaded)
        self.approval.changed.connect(self._changed)
        self.tabs.addTab(self.approval, self.tr("核赔"))
        self.payments = CasePaymentsTab(us, follow=self.loaded)
        self.payments.changed.connect(self._changed)
        self.tabs.addTab(self.payments, self.tr("支付与结案"))
        self.tabs.addTab(self.timeline, self.tr("时间线"))
        self.tabs.addTab(self.contacts, self.tr("联系记录"))
        self.deadlines = CaseDeadlinesTab(us, follow=self.loaded)
        self.deadlines.changed.connect(self._changed)
        self.tabs.addTab(self.deadlines, self.tr("期限"))
        self.tabs.addTab(CaseAuditTab(us, follow=self.loaded), self.tr("审计"))
        self.archive = CaseArchiveTab(us, follow=self.loaded)
        self.archive.changed.connect(self._changed)
        self.tabs.addTab(self.archive, self.tr("归档"))

        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addWidget(self.state, 1)
        top.addWidget(self.reload_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.error)
        layout.addWidget(self.tabs, 1)
        self.reload()

    def reload(self) -> None:
        if not self._tasks.busy:
            self._tasks.run(partial(get_case, self._us, self.case_no), self._show, self._failed)

    def _changed(self) -> None:
        self.reload()
        self.changed.emit()

    def _show(self, detail: CaseDetail) -> None:
        self.detail = detail
        self.error.hide()
        self.state.setText(
            self.tr("状态：{status} · 经办人：{handler}").format(
                status=code_label(STATUS_LABELS, detail.status), handler=detail.handler or self.tr("未分派")
            )
        )
        for tab in (self.summary, self.documents, self.timeline, self.contacts):
            tab.show_detail(detail)
        self.loaded.emit(detail)

    def _failed(self, exc: Exception) -> None:
        self.state.clear()
        self.error.setText(message_for(exc) or self.tr("读取案件时程序出错，请查看日志。"))
        self.error.show()
