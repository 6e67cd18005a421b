"""Dialogs of the 支付与结案 tab that write a payment: 新增支付 and 标记已付.

Every dialog of the tab (the closing dialogs too) is a ``ServiceDialog`` (``ui.service_dialog``, still
importable from here): a form, a red message, and an OK button that runs one service call on a worker. The
dialog is accepted when the call returns; a refusal stays in the dialog; a ``ConflictError`` (someone
changed the case or the payment meanwhile) closes it with ``conflicted`` so the tab can say so and read the
case again.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import partial

from PySide6.QtCore import QDate, QRegularExpression, Signal
from PySide6.QtGui import QFocusEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QWidget,
)

from backoffice.domain.errors import ValidationError
from backoffice.domain.identity import parse_bank_card
from backoffice.services.context import UserSession
from backoffice.services.masking import masker
from backoffice.services.payments import PaymentView, add_payment, mark_paid
from backoffice.services.people import PersonInput
from backoffice.ui.errors import message_for
from backoffice.ui.formatting import SHANGHAI
from backoffice.ui.service_dialog import ServiceDialog
from backoffice.ui.widgets import error_label, with_error

MONEY = QRegularExpression(r"^\d{0,12}([.]\d{0,2})?$")
MAX_BANK_NAME = 64
MAX_PAYEE_NAME = 64
OTHER_PAYEE = -1  # the payee combo's entry for a payee typed in the dialog
CENT = Decimal("0.01")
MAX_REFERENCE = 64


class AccountEdit(QLineEdit):
    """A bank account number: checked when the user leaves the field, then shown masked.

    ``number()`` is the checked number in the clear (only ever sent to the service); entering the field
    again shows it for correction.
    """

    checked = Signal(str)  # the error message, "" when the number is good

    def __init__(self, mask: Callable[[str], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._mask = mask
        self._number = ""
        self._masked = False
        self.setMaxLength(40)
        self.editingFinished.connect(self.check)

    @property
    def is_masked(self) -> bool:
        return self._masked

    def number(self) -> str:
        """The checked number; "" when the field is empty or not a valid account number."""
        if self._masked:
            return self._number
        try:
            return parse_bank_card(self.text(), check_luhn=False)
        except ValidationError:
            return ""

    def error(self) -> str:
        if self._masked:
            return ""
        try:
            parse_bank_card(self.text(), check_luhn=False)
        except ValidationError as exc:
            return message_for(exc) or ""
        return ""

    def check(self) -> None:
        if self._masked:
            return
        error = self.error() if self.text().strip() else ""
        if not error and self.text().strip():
            self._number = self.number()
            self._masked = True
            self.setText(self._mask(self._number))
        self.checked.emit(error)

    def focusInEvent(self, event: QFocusEvent) -> None:
        if self._masked:
            self._masked = False
            self.setText(self._number)
        super().focusInEvent(event)


def parse_amount(text: str) -> Decimal | None:
    """Yuan with at most two decimals, above zero; None otherwise."""
    try:
        amount = Decimal(text.strip())
    except InvalidOperation:
        return None
    if not amount.is_finite() or amount <= 0 or amount != amount.quantize(CENT):
        return None
    return amount


class PaymentDialog(ServiceDialog):
    """新增支付: payee, bank, account, amount and whether it is an advance payment (保险法第二十五条).

    ``settlement_left`` and ``advance_left`` are what may still be ordered as a settlement payment or as
    an advance (None where that kind is not possible now); the service checks the limits again.
    """

    def __init__(
        self,
        us: UserSession,
        case_no: str,
        payee: tuple[int, str],
        *,
        settlement_left: Decimal | None,
        advance_left: Decimal | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("新增支付"), "payment-dialog", self.tr("登记支付"), parent)
        self._us, self._case_no = us, case_no
        self._settlement_left, self._advance_left = settlement_left, advance_left
        self.payee = QComboBox(objectName="payment-payee")
        person_id, masked_name = payee
        self.payee.addItem(self.tr("{name}（本案客户）").format(name=masked_name), person_id)
        self.payee.addItem(self.tr("其他领款人（如直赔的修理厂）…"), OTHER_PAYEE)
        self.payee_name = QLineEdit(objectName="payment-payee-name")
        self.payee_name.setMaxLength(MAX_PAYEE_NAME)
        self.payee_name.setPlaceholderText(self.tr("领款人姓名或单位名称"))
        self.payee_id = QLineEdit(objectName="payment-payee-id")
        self.payee_id.setPlaceholderText(self.tr("身份证号（个人领款人填写；单位可不填）"))
        self.payee.currentIndexChanged.connect(self._payee_changed)
        self.payee_name.textChanged.connect(self.update_button)
        self.bank_name = QLineEdit(objectName="payment-bank-name")
        self.bank_name.setMaxLength(MAX_BANK_NAME)
        self.bank_name.setPlaceholderText(self.tr("开户银行，例如：中国工商银行北京朝阳支行"))
        self.account = AccountEdit(masker(us.bo.settings).bank_account)
        self.account.setObjectName("payment-account")
        self.account.setPlaceholderText(self.tr("银行账号（离开此栏后校验并隐藏）"))
        self.account_error = error_label("payment-account-error")
        self.account.checked.connect(self._account_checked)
        self.amount = QLineEdit(objectName="payment-amount")
        self.amount.setValidator(QRegularExpressionValidator(MONEY, self.amount))
        self.amount.setPlaceholderText(self.tr("元，例如 3200 或 3200.50"))
        self.advance = QCheckBox(
            self.tr("先行赔付（预付赔款，保险法第二十五条）"), objectName="payment-advance"
        )
        self.limit = QLabel(objectName="payment-limit")
        self.limit.setStyleSheet("color: #555;")
        if settlement_left is None or advance_left is None:
            self.advance.setChecked(settlement_left is None)
            self.advance.setEnabled(False)
        self.advance.toggled.connect(self._kind_changed)
        for edit in (self.bank_name, self.amount):
            edit.textChanged.connect(self.update_button)
        self.account.textChanged.connect(self.update_button)
        self.inputs = [self.payee, self.payee_name, self.payee_id, self.bank_name, self.account, self.amount]
        if self.advance.isEnabled():
            self.inputs.append(self.advance)
        self.form.addRow(self.tr("领款人"), self.payee)
        self.form.addRow(self.tr("领款人名称"), self.payee_name)
        self.form.addRow(self.tr("证件号码"), self.payee_id)
        self.form.addRow(self.tr("开户银行"), self.bank_name)
        self.form.addRow(self.tr("银行账号"), with_error(self.account, self.account_error))
        self.form.addRow(self.tr("金额（元）"), self.amount)
        self.form.addRow("", self.advance)
        self.form.addRow("", self.limit)
        self._kind_changed()
        self._payee_changed()
        self.bank_name.setFocus()

    def other_payee(self) -> bool:
        return self.payee.currentData() == OTHER_PAYEE

    def _payee_changed(self, *_args: object) -> None:
        other = self.other_payee()
        for widget in (self.payee_name, self.payee_id):
            widget.setVisible(other)
            label = self.form.labelForField(widget)
            if label is not None:
                label.setVisible(other)
        self.update_button()

    def _kind_changed(self) -> None:
        left = self._advance_left if self.advance.isChecked() else self._settlement_left
        if self.advance.isChecked():
            text = self.tr("先行赔付只能支付能确定的部分：最多还可支付 {amount} 元。")
        else:
            text = self.tr("按核定金额支付：最多还可支付 {amount} 元。")
        self.limit.setText(text.format(amount=f"{left or 0:,.2f}"))
        self.update_button()

    def _account_checked(self, error: str) -> None:
        self.account_error.setText(error)
        self.account_error.setVisible(bool(error))

    def _new_payee(self) -> PersonInput | None:
        if not self.other_payee():
            return None
        return PersonInput(self.payee_name.text(), self.payee_id.text().strip() or None)

    def missing(self) -> str:
        if self.other_payee() and not self.payee_name.text().strip():
            return self.tr("请填写领款人姓名或单位名称。")
        if not self.account.text().strip():
            return self.tr("请填写银行账号。")
        if not self.amount.text().strip():
            return self.tr("请填写支付金额。")
        return ""

    def call(self) -> Callable[[], PaymentView] | None:
        error = self.account.error()
        if error:
            self._account_checked(error)
            self.show_message(error)
            self.account.setFocus()
            return None
        amount = parse_amount(self.amount.text())
        if amount is None:
            self.show_message(self.tr("支付金额必须大于 0，最多两位小数，例如 3200 或 3200.50。"))
            self.amount.setFocus()
            return None
        return partial(
            add_payment,
            self._us,
            self._case_no,
            amount=amount,
            payee_person_id=None if self.other_payee() else int(self.payee.currentData()),
            payee=self._new_payee(),
            bank_account=self.account.number(),
            bank_name=self.bank_name.text().strip(),
            advance=self.advance.isChecked(),
        )


def shanghai_today(us: UserSession) -> date:
    return us.bo.now().astimezone(SHANGHAI).date()


class MarkPaidDialog(ServiceDialog):
    """标记已付: the bank's confirmation of one payment, with the date paid and the bank reference."""

    def __init__(self, us: UserSession, payment: PaymentView, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("标记已付"), "paid-dialog", self.tr("登记已付"), parent)
        self._us, self._payment = us, payment
        self.set_explanation(
            self.tr(
                "支付给 {payee}（账号 {account}）的 {amount} 元。请按银行回单填写支付日期和流水号。"
            ).format(payee=payment.payee, account=payment.bank_account, amount=f"{payment.amount:,.2f}")
        )
        today = shanghai_today(us)
        self.paid_on = QDateEdit(QDate(today.year, today.month, today.day), objectName="paid-date")
        self.paid_on.setDisplayFormat("yyyy-MM-dd")
        self.paid_on.setCalendarPopup(True)
        self.paid_on.setMaximumDate(QDate(today.year, today.month, today.day))
        self.reference = QLineEdit(objectName="paid-reference")
        self.reference.setMaxLength(MAX_REFERENCE)
        self.reference.setPlaceholderText(self.tr("银行回单上的流水号"))
        self.reference.textChanged.connect(self.update_button)
        self.reference.returnPressed.connect(self.submit)
        self.inputs = [self.paid_on, self.reference]
        self.form.addRow(self.tr("支付日期"), self.paid_on)
        self.form.addRow(self.tr("银行流水号"), self.reference)
        self.update_button()
        self.reference.setFocus()

    def set_paid_on(self, value: date) -> None:
        self.paid_on.setDate(QDate(value.year, value.month, value.day))

    def missing(self) -> str:
        return "" if self.reference.text().strip() else self.tr("请填写银行流水号。")

    def call(self) -> Callable[[], str]:
        paid_on = self.paid_on.date().toPython()
        assert isinstance(paid_on, date)
        return partial(
            mark_paid,
            self._us,
            self._payment.id,
            paid_on=paid_on,
            reference=self.reference.text().strip(),
            expected_version=self._payment.version,
        )
