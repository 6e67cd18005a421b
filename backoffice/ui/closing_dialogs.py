"""Dialogs of the 支付与结案 tab that change the case's status: 结案, 重开 and 撤案 (注销).

Each reads its reasons from the service's fixed lists and sends the case version it was opened with
(optimistic locking); see ``payment_dialogs.ServiceDialog`` for how a refusal or a conflict is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from backoffice.domain.kpi import INJURY_SETTLEMENTS
from backoffice.services.cases import CaseDetail
from backoffice.services.context import UserSession
from backoffice.services.payments import (
    CLOSING_REASONS,
    REOPEN_REASONS,
    close_case,
    reopen_case,
    withdraw_case,
)
from backoffice.ui.labels import choices
from backoffice.ui.payment_dialogs import ServiceDialog

MAX_CONFIRMATION = 200
# The closing reason that fits each status the case may close from.
REASON_FOR_STATUS = {"paid": "paid", "denied": "denied", "withdrawn": "withdrawn", "approved": "no_payment"}


def _reason_combo(name: str, reasons: dict[str, str], *, prompt: bool) -> QComboBox:
    combo = QComboBox(objectName=name)
    if prompt:
        combo.addItem(QCoreApplication.translate("ClosingDialogs", "请选择…"), "")
    for code, text in choices(reasons):
        combo.addItem(text, code)
    return combo


def has_injury(detail: CaseDetail) -> bool:
    return any(loss.kind == "injury" for loss in detail.losses)


class CloseDialog(ServiceDialog):
    """结案 with a reason (and, for an injury case, how the injury claim was settled, for the KPI)."""

    def __init__(self, us: UserSession, detail: CaseDetail, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("结案"), "close-dialog", self.tr("结案"), parent)
        self._us, self._detail = us, detail
        self.set_explanation(
            self.tr("案件 {case_no} 结案后不能再修改；如有需要，可由主管或内勤按规定原因重开。").format(
                case_no=detail.case_no
            )
        )
        self.reason = _reason_combo("close-reason", dict(CLOSING_REASONS), prompt=True)
        self.reason.setCurrentIndex(max(self.reason.findData(REASON_FOR_STATUS.get(detail.status, "")), 0))
        self.reason.currentIndexChanged.connect(self.update_button)
        self.form.addRow(self.tr("结案原因"), self.reason)
        self.inputs = [self.reason]
        self.injury = _reason_combo("close-injury", dict(INJURY_SETTLEMENTS), prompt=True)
        self.injury.currentIndexChanged.connect(self.update_button)
        if has_injury(detail):
            self.form.addRow(self.tr("人伤结案方式"), self.injury)
            self.inputs.append(self.injury)
        else:
            self.injury.hide()
        self.update_button()
        self.reason.setFocus()

    def missing(self) -> str:
        if not self.reason.currentData():
            return self.tr("请选择结案原因。")
        if has_injury(self._detail) and not self.injury.currentData():
            return self.tr("请选择人伤案件的结案方式。")
        return ""

    def call(self) -> Callable[[], None]:
        return partial(
            close_case,
            self._us,
            self._detail.case_no,
            reason=str(self.reason.currentData()),
            expected_version=self._detail.version,
            injury_settlement=str(self.injury.currentData() or "") if has_injury(self._detail) else "",
        )


class ReopenDialog(ServiceDialog):
    """重开 a closed case, with a reason from the fixed list; the case goes back to collecting documents."""

    def __init__(self, us: UserSession, detail: CaseDetail, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("重开案件"), "reopen-dialog", self.tr("重开"), parent)
        self._us, self._detail = us, detail
        self.set_explanation(
            self.tr("案件 {case_no} 重开后回到“收集单证”，需要重新理算和核赔。").format(
                case_no=detail.case_no
            )
        )
        self.reason = _reason_combo("reopen-reason", dict(REOPEN_REASONS), prompt=True)
        self.reason.currentIndexChanged.connect(self.update_button)
        self.form.addRow(self.tr("重开原因"), self.reason)
        self.inputs = [self.reason]
        self.update_button()
        self.reason.setFocus()

    def missing(self) -> str:
        return "" if self.reason.currentData() else self.tr("请选择重开原因。")

    def call(self) -> Callable[[], None]:
        return partial(
            reopen_case,
            self._us,
            self._detail.case_no,
            reason=str(self.reason.currentData()),
            expected_version=self._detail.version,
        )


class WithdrawDialog(ServiceDialog):
    """撤案 (注销): the customer withdrew the claim; how and when they confirmed it goes to the contacts."""

    def __init__(self, us: UserSession, detail: CaseDetail, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("撤案（注销）"), "withdraw-dialog", self.tr("注销案件"), parent)
        self._us, self._detail = us, detail
        self.set_explanation(
            self.tr(
                "客户撤回索赔后，案件 {case_no} 将被注销，不再处理。请记录客户确认撤案的方式和时间，"
                "这条记录会写入联系记录。"
            ).format(case_no=detail.case_no)
        )
        self.confirmation = QLineEdit(objectName="withdraw-confirmation")
        self.confirmation.setMaxLength(MAX_CONFIRMATION)
        self.confirmation.setPlaceholderText(self.tr("例如：3月2日10:20客户来电确认撤案，通话已录音"))
        self.confirmation.textChanged.connect(self.update_button)
        self.form.addRow(self.tr("客户确认"), self.confirmation)
        self.inputs = [self.confirmation]
        self.update_button()
        self.confirmation.setFocus()

    def missing(self) -> str:
        if self.confirmation.text().strip():
            return ""
        return self.tr("注销需要记录客户的确认方式和时间。")

    def call(self) -> Callable[[], None]:
        return partial(
            withdraw_case,
            self._us,
            self._detail.case_no,
            confirmation=self.confirmation.text().strip(),
            expected_version=self._detail.version,
        )
