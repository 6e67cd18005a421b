"""The approval trail of one case (核赔签批记录): read-only, shown on the 核赔 page and in the case tab."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, SignalInstance
from PySide6.QtWidgets import QHeaderView, QLabel, QVBoxLayout, QWidget

from backoffice.services.approvals import DENIAL_REASONS, RETURN_REASONS
from backoffice.services.cases import CaseDetail
from backoffice.ui.formatting import local_time
from backoffice.ui.labels import code_label
from backoffice.ui.simple_model import RowsModel
from backoffice.ui.widgets import rows_table

CONTEXT = "Approvals"
DECISIONS = {
    "agree": QT_TRANSLATE_NOOP("Approvals", "同意"),
    "return": QT_TRANSLATE_NOOP("Approvals", "退回"),
    "deny": QT_TRANSLATE_NOOP("Approvals", "拒赔"),
}


def decision_label(decision: str) -> str:
    text = DECISIONS.get(decision)
    return QCoreApplication.translate(CONTEXT, text) if text else decision


def reason_label(decision: str, code: str) -> str:
    if not code:
        return ""
    return code_label(DENIAL_REASONS if decision == "deny" else RETURN_REASONS, code)


class ApprovalTrail(QWidget):
    """The case's amounts and every signature, newest chain last; voided signatures are marked.

    With ``follow`` (a signal carrying a CaseDetail) the trail shows each detail that signal delivers.
    """

    def __init__(self, parent: QWidget | None = None, *, follow: SignalInstance | None = None) -> None:
        super().__init__(parent)
        self.amounts = QLabel(objectName="approval-amounts")
        self.amounts.setWordWrap(True)
        self.model = RowsModel(
            (
                self.tr("轮次"),
                self.tr("审批级别"),
                self.tr("签批人"),
                self.tr("结论"),
                self.tr("金额"),
                self.tr("权限表版本"),
                self.tr("时间"),
                self.tr("原因"),
                self.tr("状态"),
            ),
            self,
        )
        self.model.set_right_aligned((4,))
        # every column fitted, so that 签批人 and 时间 show in full
        self.table = rows_table(self.model, "approval-trail", multi_select=True, fit_columns=True)
        self.table.horizontalHeader().setSectionResizeMode(7, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel(self.tr("本案还没有核赔签批记录。"), objectName="approval-trail-empty")
        self.empty.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.amounts)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        if follow is not None:
            follow.connect(self.show_detail)

    def clear(self) -> None:
        self.amounts.clear()
        self.model.set_rows([])
        self.empty.show()

    def show_detail(self, detail: CaseDetail) -> None:
        amounts: Mapping[str, Any] = detail.extra.get("amounts") or {}
        parts = [self.tr("理算金额：{amount} 元").format(amount=amounts.get("settlement") or "—")]
        if amounts.get("approved"):
            parts.append(self.tr("核定金额：{amount} 元").format(amount=amounts["approved"]))
        approval: Mapping[str, Any] = detail.extra.get("approval") or {}
        if approval.get("next_level"):
            parts.append(
                self.tr("待第 {level} 级审批（最高第 {top} 级）").format(
                    level=approval["next_level"], top=approval.get("top_level") or "—"
                )
            )
        self.amounts.setText(" · ".join(parts))
        rows = [self._row(s) for s in detail.extra.get("approvals") or []]
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)

    def _row(self, s: Mapping[str, Any]) -> tuple[str, ...]:
        at = s.get("at")
        return (
            str(s.get("chain", "")),
            str(s.get("level", "")),
            self.tr("{signer}（{level} 级）").format(
                signer=s.get("signer", ""), level=s.get("signer_level", "")
            ),
            decision_label(str(s.get("decision", ""))),
            str(s.get("amount", "")),
            f"v{s.get('matrix_version', '')}",
            local_time(datetime.fromisoformat(at)) if at else "",
            reason_label(str(s.get("decision", "")), str(s.get("reason_code") or "")),
            self.tr("已作废") if s.get("voided") else self.tr("有效"),
        )
