"""The 支付与结案 tab of a case: its payments, the approved amount against what is paid and pending, and
the actions 新增支付, 标记已付, 结案, 重开 and 撤案 (plus the payment batch export for finance).

The payments are read by ``services.payments.payments`` (payee and account masked) whenever the case
detail arrives; buttons are enabled only when the service would allow the action (``PaymentState``),
and the service checks again. After any change ``changed`` tells the case view to read the case again.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from functools import partial

from PySide6.QtCore import QItemSelection, Signal, SignalInstance
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from backoffice.security.roles import Permission
from backoffice.services.cases import CaseDetail
from backoffice.services.context import UserSession
from backoffice.services.payments import PaymentView, cancel_payment, payments
from backoffice.ui.closing_dialogs import CloseDialog, ReopenDialog, WithdrawDialog
from backoffice.ui.errors import message_for
from backoffice.ui.formatting import local_date, local_time
from backoffice.ui.note_dialog import NoteDialog
from backoffice.ui.payment_dialogs import MarkPaidDialog, PaymentDialog, ServiceDialog
from backoffice.ui.payment_export import PaymentBatchExport
from backoffice.ui.payment_state import (
    KIND_LABELS,
    OPEN_PAYMENTS,
    PAYMENT_STATUS_LABELS,
    SETTLEMENT_STATUSES,
    PaymentState,
    translated,
)
from backoffice.ui.simple_model import RowsModel
from backoffice.ui.tasks import Tasks
from backoffice.ui.widgets import ERROR_STYLE, rows_table

OK_STYLE = "color: #1b5e20;"


def _figure(caption: str, name: str) -> tuple[QLabel, QLabel]:
    title = QLabel(caption)
    title.setStyleSheet("color: #555;")
    value = QLabel("—", objectName=name)
    font = QFont(value.font())
    font.setPointSize(font.pointSize() + 3)
    font.setBold(True)
    value.setFont(font)
    return title, value


class CasePaymentsTab(QWidget):
    """``changed`` after a payment, a bank confirmation, closing, reopening, withdrawal or an export."""

    changed = Signal()

    def __init__(
        self, us: UserSession, parent: QWidget | None = None, *, follow: SignalInstance | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("payments-tab")
        self._us = us
        self._handles = us.actor.role_for(Permission.HANDLE_CASES) is not None
        self._may_reopen = us.actor.role_for(Permission.ASSIGN_CASES) is not None
        self._tasks = Tasks(self)
        self._tasks.busy_changed.connect(lambda _busy: self._update_buttons())
        self._generation = 0
        self.detail: CaseDetail | None = None
        self.views: list[PaymentView] = []
        self.state: PaymentState | None = None
        self.dialog: ServiceDialog | None = None

        figures = QGridLayout()
        self.figures: dict[str, QLabel] = {}
        captions = (
            ("settlement", self.tr("理算金额（元）")),
            ("approved", self.tr("核定金额（元）")),
            ("paid", self.tr("已支付（元）")),
            ("pending", self.tr("待支付（已登记未到账）")),
            ("left", self.tr("尚可支付（元）")),
        )
        for column, (key, caption) in enumerate(captions):
            title, value = _figure(caption, f"payments-{key}")
            figures.addWidget(title, 0, column)
            figures.addWidget(value, 1, column)
            self.figures[key] = value
        self.hint = QLabel(objectName="payments-hint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555;")

        self.model = RowsModel(
            (
                self.tr("类型"),
                self.tr("领款人"),
                self.tr("开户银行"),
                self.tr("银行账号"),
                self.tr("金额（元）"),
                self.tr("状态"),
                self.tr("支付日期"),
                self.tr("银行流水号"),
                self.tr("登记时间"),
            ),
            self,
        )
        self.model.set_right_aligned((4,))
        self.table = rows_table(self.model, "payments-table")
        self.table.setTabKeyNavigation(False)
        for column, width in ((0, 70), (1, 70), (3, 165), (4, 95), (5, 60), (6, 85), (7, 130), (8, 125)):
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.activated.connect(lambda _index: self.mark_paid())
        self.empty = QLabel(self.tr("本案还没有支付记录。"), objectName="payments-empty")
        self.empty.setStyleSheet("color: #555;")

        self.add_button = QPushButton(self.tr("新增支付…"), objectName="add-payment")
        self.add_button.clicked.connect(self.add_payment)
        self.paid_button = QPushButton(self.tr("标记已付…"), objectName="mark-paid")
        self.paid_button.clicked.connect(self.mark_paid)
        self.cancel_button = QPushButton(self.tr("取消支付…"), objectName="cancel-payment")
        self.cancel_button.clicked.connect(self.cancel_payment)
        self.close_button = QPushButton(self.tr("结案…"), objectName="close-case")
        self.close_button.clicked.connect(self.close_case)
        self.reopen_button = QPushButton(self.tr("重开…"), objectName="reopen-case")
        self.reopen_button.clicked.connect(self.reopen_case)
        self.withdraw_button = QPushButton(self.tr("撤案…"), objectName="withdraw-case")
        self.withdraw_button.clicked.connect(self.withdraw_case)
        self.export = PaymentBatchExport(us)
        self.export.exported.connect(lambda _count, _total: self.changed.emit())
        self.message = QLabel(objectName="payments-message")
        self.message.setWordWrap(True)
        self.message.hide()

        buttons = QHBoxLayout()
        for button in (self.add_button, self.paid_button, self.cancel_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (self.close_button, self.reopen_button, self.withdraw_button):
            buttons.addWidget(button)
        for button in (
            self.add_button,
            self.paid_button,
            self.cancel_button,
            self.close_button,
            self.withdraw_button,
        ):
            button.setVisible(self._handles)
        self.cancel_dialog: NoteDialog | None = None
        self.reopen_button.setVisible(self._may_reopen)
        layout = QVBoxLayout(self)
        layout.addLayout(figures)
        layout.addWidget(self.hint)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.export)
        if follow is not None:
            follow.connect(self.show_detail)
        self._update_buttons()

    # --- showing ---------------------------------------------------------------------------------
    def show_detail(self, detail: CaseDetail) -> None:
        """Show ``detail`` and read its payments (on a worker)."""
        self.detail = detail
        self._generation += 1
        call = partial(_read, self._us, detail.case_no, self._generation)
        self._tasks.run(call, self._loaded, self._failed_to_read)

    def _loaded(self, result: tuple[int, list[PaymentView]]) -> None:
        generation, views = result
        if generation != self._generation or self.detail is None:
            return
        selected = self.selected_payment()
        self.views = views
        self.state = PaymentState.of(self.detail, views)
        self.model.set_rows([self._row(p) for p in views], views)
        self.empty.setVisible(not views)
        ids = [p.id for p in views]
        if selected is not None and selected.id in ids:
            self.table.selectRow(ids.index(selected.id))
        self._show_figures(self.state)
        self._update_buttons()

    def _failed_to_read(self, exc: Exception) -> None:
        self._say(message_for(exc) or self.tr("读取支付记录时程序出错，请查看日志。"), error=True)

    def _row(self, p: PaymentView) -> tuple[str, ...]:
        return (
            translated(KIND_LABELS, p.kind),
            p.payee,
            p.bank_name,
            p.bank_account,
            f"{p.amount:,.2f}",
            translated(PAYMENT_STATUS_LABELS, p.status),
            local_date(p.paid_on),
            p.reference,
            local_time(p.created_at),
        )

    def _show_figures(self, state: PaymentState) -> None:
        def text(amount: Decimal | None) -> str:
            return "—" if amount is None else f"{amount:,.2f}"

        self.figures["settlement"].setText(text(state.settlement))
        self.figures["approved"].setText(text(state.approved))
        self.figures["paid"].setText(text(state.paid))
        self.figures["pending"].setText(text(state.pending))
        self.figures["left"].setText(text(state.left))
        self.figures["pending"].setStyleSheet("color: #8a5300;" if state.pending else "")
        self.hint.setText(self._hint(state))

    def _hint(self, state: PaymentState) -> str:
        if state.status in ("closed", "archived"):
            return self.tr("案件已结案。")
        if state.status == "denied":
            return self.tr("案件已拒赔，无需支付：可以结案。")
        if state.status == "withdrawn":
            return self.tr("案件已注销：可以结案。")
        parts = []
        if state.settlement_left is not None:
            parts.append(self.tr("按核定金额支付，支付全部到账后可以结案。"))
        elif state.advance_left is not None:
            parts.append(self.tr("尚未核赔：可先行赔付能确定的部分（保险法第二十五条），最多至理算金额。"))
        else:
            parts.append(self.tr("核赔通过后才能支付赔款。"))
        refusal = state.close_refusal()
        if refusal and state.status in SETTLEMENT_STATUSES:
            parts.append(refusal)
        return "".join(parts)

    def selected_payment(self) -> PaymentView | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        view = self.model.payload(rows[0].row())
        return view if isinstance(view, PaymentView) else None

    def select_payment(self, payment_id: int) -> None:
        ids = [p.id for p in self.views]
        self.table.selectRow(ids.index(payment_id))

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._update_buttons()

    def _update_buttons(self) -> None:
        state = self.state
        ready = state is not None and not self._tasks.busy and self.dialog is None
        selected = self.selected_payment()
        refusal = state.close_refusal() if state is not None else ""
        self.add_button.setEnabled(ready and self._handles and state is not None and state.may_add())
        open_payment = ready and self._handles and selected is not None and selected.status in OPEN_PAYMENTS
        self.paid_button.setEnabled(open_payment)
        self.cancel_button.setEnabled(open_payment and self.cancel_dialog is None)
        self.close_button.setEnabled(ready and self._handles and not refusal)
        self.close_button.setToolTip(refusal)
        self.reopen_button.setEnabled(ready and self._may_reopen and state is not None and state.may_reopen())
        self.withdraw_button.setEnabled(
            ready and self._handles and state is not None and state.may_withdraw()
        )

    def _say(self, text: str, *, error: bool) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else OK_STYLE)
        self.message.setText(text)
        self.message.show()

    # --- actions ---------------------------------------------------------------------------------
    def add_payment(self) -> ServiceDialog | None:
        state, detail = self.state, self.detail
        if state is None or detail is None or not self.add_button.isEnabled():
            return self.dialog
        dialog = PaymentDialog(
            self._us,
            detail.case_no,
            (detail.customer.id, detail.customer.full_name),
            settlement_left=state.settlement_left if state.settlement_left else None,
            advance_left=state.advance_left if state.advance_left else None,
            parent=self,
        )
        return self._open(dialog, self._payment_added)

    def _payment_added(self, view: PaymentView) -> str:
        return self.tr("已登记{kind} {amount} 元，等待导出支付批次交财务。").format(
            kind=translated(KIND_LABELS, view.kind), amount=f"{view.amount:,.2f}"
        )

    def mark_paid(self) -> ServiceDialog | None:
        payment = self.selected_payment()
        if payment is None or not self.paid_button.isEnabled():
            return self.dialog
        return self._open(MarkPaidDialog(self._us, payment, self), self._marked_paid)

    def cancel_payment(self) -> NoteDialog | None:
        """Cancel the selected payment that has no result yet (wrong account, returned by the bank)."""
        payment = self.selected_payment()
        if payment is None or not self.cancel_button.isEnabled():
            return self.cancel_dialog
        us = self._us

        def call(reason: str) -> None:
            cancel_payment(us, payment.id, reason=reason, expected_version=payment.version)

        dialog = NoteDialog(
            call,
            title=self.tr("取消支付"),
            explain=self.tr(
                "取消这笔 {amount} 元的支付（{account}）：取消后金额不再占用，可以重新登记支付。"
            ).format(amount=f"{payment.amount:,.2f}", account=payment.bank_account),
            placeholder=self.tr("取消原因，例如：银行退票，账号有误"),
            confirm=self.tr("取消支付"),
            max_length=150,
            parent=self,
        )
        dialog.accepted.connect(lambda: self._succeeded(self.tr("支付已取消，可以重新登记支付。")))
        dialog.finished.connect(self._cancel_closed)
        self.cancel_dialog = dialog
        self._update_buttons()
        dialog.open()
        return dialog

    def _cancel_closed(self) -> None:
        if self.cancel_dialog is not None:
            self.cancel_dialog.deleteLater()
            self.cancel_dialog = None
        self._update_buttons()

    def _marked_paid(self, _status: str) -> str:
        return self.tr("已登记支付结果，支付通知已写入联系记录。")

    def close_case(self) -> ServiceDialog | None:
        if self.detail is None or not self.close_button.isEnabled():
            return self.dialog
        return self._open(CloseDialog(self._us, self.detail, self), lambda _r: self.tr("案件已结案。"))

    def reopen_case(self) -> ServiceDialog | None:
        if self.detail is None or not self.reopen_button.isEnabled():
            return self.dialog
        return self._open(
            ReopenDialog(self._us, self.detail, self), lambda _r: self.tr("案件已重开，回到“收集单证”。")
        )

    def withdraw_case(self) -> ServiceDialog | None:
        if self.detail is None or not self.withdraw_button.isEnabled():
            return self.dialog
        return self._open(
            WithdrawDialog(self._us, self.detail, self),
            lambda _r: self.tr("案件已注销；客户的撤案确认已写入联系记录。"),
        )

    def _open(self, dialog: ServiceDialog, success: Callable[[object], str]) -> ServiceDialog:
        dialog.accepted.connect(lambda: self._succeeded(success(dialog.result_value)))
        dialog.conflicted.connect(self._conflicted)
        dialog.finished.connect(self._dialog_closed)
        self.dialog = dialog
        self.message.hide()
        self._update_buttons()
        dialog.open()
        return dialog

    def _succeeded(self, text: str) -> None:
        self._say(text, error=False)
        self.changed.emit()

    def _conflicted(self, text: str) -> None:
        self._say(self.tr("{message}（已重新读取案件，请核对后再操作。）").format(message=text), error=True)
        self.changed.emit()

    def _dialog_closed(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None
        self._update_buttons()


def _read(us: UserSession, case_no: str, generation: int) -> tuple[int, list[PaymentView]]:
    return generation, payments(us, case_no)
