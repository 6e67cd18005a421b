"""The case's 核赔 tab: the approval trail, 提交核赔 for the handler, and the decision and denial letters.

提交核赔 is enabled only where ``approvals.submit`` would accept it (a clerk, materials complete, the case
calculated or returned); the tooltip says why not, and the service checks again. The letters
(理赔决定通知书, 拒赔通知书) are built by ``services.notices`` and saved where the user chooses.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from typing import Any

from PySide6.QtCore import Signal, SignalInstance
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from backoffice.domain.case import CaseStatus
from backoffice.security.roles import Permission
from backoffice.services.approvals import submit
from backoffice.services.cases import CaseDetail
from backoffice.services.context import UserSession
from backoffice.ui.approval_trail import ApprovalTrail
from backoffice.ui.errors import message_for
from backoffice.ui.paper import DECISION_NOTICE, DENIAL_NOTICE, PaperSaver
from backoffice.ui.tasks import Tasks

SUBMITTABLE = (CaseStatus.CALCULATED.value, CaseStatus.RETURNED.value)
OK_STYLE, ERROR_STYLE = "color: #1b5e20;", "color: #b00020;"


class CaseApprovalTab(QWidget):
    """``changed`` after the case was submitted for approval."""

    changed = Signal()

    def __init__(
        self, us: UserSession, parent: QWidget | None = None, *, follow: SignalInstance | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("approval-tab")
        self._us = us
        self._handles = us.actor.role_for(Permission.HANDLE_CASES) is not None
        self._tasks = Tasks(self)
        self._tasks.busy_changed.connect(lambda _busy: self._update_buttons())
        self.detail: CaseDetail | None = None
        self.papers = PaperSaver(us, self)
        self.papers.message.connect(self._say)
        self.papers.busy_changed.connect(lambda _busy: self._update_buttons())

        self.submit_button = QPushButton(self.tr("提交核赔"), objectName="approval-submit")
        self.submit_button.clicked.connect(self.submit)
        self.submit_button.setVisible(self._handles)
        self.decision_button = QPushButton(self.tr("理赔决定通知书…"), objectName="print-decision")
        self.decision_button.clicked.connect(partial(self._print, DECISION_NOTICE))
        self.denial_button = QPushButton(self.tr("拒赔通知书…"), objectName="print-denial")
        self.denial_button.clicked.connect(partial(self._print, DENIAL_NOTICE))
        self.message = QLabel(objectName="approval-tab-message")
        self.message.setWordWrap(True)
        self.message.hide()
        self.trail = ApprovalTrail(self)

        bar = QHBoxLayout()
        bar.addWidget(self.submit_button)
        bar.addStretch(1)
        bar.addWidget(self.decision_button)
        bar.addWidget(self.denial_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(self.trail, 1)
        self._update_buttons()
        if follow is not None:
            follow.connect(self.show_detail)

    def show_detail(self, detail: CaseDetail) -> None:
        self.detail = detail
        self.trail.show_detail(detail)
        self._update_buttons()

    # --- what may be done ------------------------------------------------------------------------
    def _signatures(self) -> list[Mapping[str, Any]]:
        found = self.detail.extra.get("approvals") if self.detail else None
        return list(found) if isinstance(found, list) else []

    def _approved(self) -> bool:
        amounts = self.detail.extra.get("amounts") if self.detail else None
        return isinstance(amounts, Mapping) and bool(amounts.get("approved"))

    def _denied(self) -> bool:
        return any(s.get("decision") == "deny" and not s.get("voided") for s in self._signatures())

    def submit_refusal(self) -> str:
        """Why 提交核赔 is disabled, or "" when it is allowed."""
        if self.detail is None:
            return self.tr("正在读取案件…")
        if self.detail.materials_complete_at is None:
            return self.tr("材料尚未齐全，不能提交核赔：请先收齐必备单证。")
        if self.detail.status not in SUBMITTABLE:
            return self.tr("只有已理算或已退回的案件可以提交核赔：请先在“理算”页保存理算。")
        return ""

    def _update_buttons(self) -> None:
        busy = self._tasks.busy or self.papers.busy
        refusal = self.submit_refusal()
        self.submit_button.setEnabled(not busy and not refusal)
        self.submit_button.setToolTip(refusal)
        self.decision_button.setEnabled(not busy and self._approved())
        self.decision_button.setToolTip(
            "" if self._approved() else self.tr("案件核定赔款后才能打印理赔决定通知书。")
        )
        self.denial_button.setEnabled(not busy and self._denied())
        self.denial_button.setToolTip("" if self._denied() else self.tr("只有拒赔的案件才有拒赔通知书。"))

    # --- actions ---------------------------------------------------------------------------------
    def submit(self) -> None:
        if self.detail is None or self.submit_refusal() or self._tasks.busy:
            return
        call = partial(submit, self._us, self.detail.case_no, expected_version=self.detail.version)
        self._tasks.run(call, self._submitted, self._failed)

    def _submitted(self, levels: tuple[int, ...]) -> None:
        if len(levels) == 1:
            text = self.tr("已提交核赔：由第 {level} 级审批。").format(level=levels[0])
        else:
            text = self.tr("已提交核赔：逐级审批，第 {first} 级至第 {last} 级。").format(
                first=levels[0], last=levels[-1]
            )
        self._say(text, False)
        self.changed.emit()

    def _failed(self, exc: Exception) -> None:
        self._say(message_for(exc) or self.tr("提交核赔时程序出错，请查看日志。"), True)
        self.changed.emit()  # a conflict: read the case again

    def _print(self, name: str) -> None:
        if self.detail is not None:
            self.papers.save(name, self.detail.id, self.detail.case_no)

    def _say(self, text: str, is_error: bool) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE if is_error else OK_STYLE)
        self.message.setVisible(bool(text))
