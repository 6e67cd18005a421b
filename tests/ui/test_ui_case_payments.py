"""The 支付与结案 tab: a clerk pays an approved case through the dialog, marks it paid, closes and reopens
it; a bad account number or an amount over the limit writes nothing; an advance payment before
approval; a withdrawal; a conflict; the payment batch export to real XLSX and CSV files; and which
buttons each state and role gets — all through the real services on a copy of the demo database."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from intake_ui_support import (  # noqa: F401
    OFFSCREEN_POPUP_NOISE,
    calculated_case,
    clerk_fixture,
    main_window,
    register,
)
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from ui_support import OFFSCREEN_NOISE, PASSWORD, demo_bo_fixture, demo_template_fixture, session  # noqa: F401

from backoffice.db.models_intake import Case
from backoffice.services import approvals, cases, payments
from backoffice.services.cases import CaseDetail
from backoffice.services.context import Backoffice, UserSession
from backoffice.services.intake import LossInput
from backoffice.ui.case_detail import CaseDetailView
from backoffice.ui.case_list import CaseListPage
from backoffice.ui.case_payments import CasePaymentsTab
from backoffice.ui.closing_dialogs import CloseDialog, ReopenDialog, WithdrawDialog
from backoffice.ui.payment_dialogs import OTHER_PAYEE, MarkPaidDialog, PaymentDialog, ServiceDialog
from backoffice.ui.payment_export import ExportPasswordDialog, PaymentBatchExport

pytestmark = [OFFSCREEN_NOISE, OFFSCREEN_POPUP_NOISE]
ACCOUNT = "6222021234567890123"
_WINDOWS: list[QWidget] = []


# --- cases through the services ------------------------------------------------------------------
def approved_case(clerk: UserSession, repair: str = "3200.00") -> str:
    """Calculated, submitted and agreed by the level-1 approver (within their motor limit)."""
    case_no = calculated_case(clerk, repair)
    approvals.submit(clerk, case_no, expected_version=cases.get_case(clerk, case_no).version)
    approver = session(clerk.bo, "demo-approver1")
    version = cases.get_case(approver, case_no).version
    assert (
        approvals.sign(approver, case_no, "agree", password=PASSWORD, expected_version=version) == "approved"
    )
    return case_no


def status(us: UserSession, case_no: str) -> str:
    return cases.get_case(us, case_no).status


# --- the tab ------------------------------------------------------------------------------------
def open_tab(qtbot, us: UserSession, case_no: str) -> tuple[CaseDetailView, CasePaymentsTab]:
    view = CaseDetailView(us, case_no)
    qtbot.addWidget(view)
    view.resize(1100, 620)
    view.show()
    qtbot.waitExposed(view)
    view.tabs.setCurrentIndex(view.PAYMENTS)
    tab = view.payments
    assert view.tabs.currentWidget() is tab
    settle(qtbot, view, lambda _detail: True)
    return view, tab


def settle(qtbot, view: CaseDetailView, condition: Callable[[CaseDetail], bool]) -> None:
    """Wait until the case was read again, its payments too, and ``condition`` holds."""
    tab = view.payments

    def done() -> bool:
        detail = view.detail
        return (
            detail is not None
            and not view._tasks.busy
            and not tab._tasks.busy
            and tab.state is not None
            and tab.detail is detail
            and condition(detail)
        )

    qtbot.waitUntil(done, timeout=15_000)


def open_dialog(qtbot, tab: CasePaymentsTab, button) -> ServiceDialog:
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def confirm(qtbot, tab: CasePaymentsTab, dialog: ServiceDialog) -> None:
    """Click the dialog's OK and wait for the service's answer: the dialog closed, or its message."""
    assert dialog.confirm_button.isEnabled()
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: tab.dialog is not dialog or (not dialog._tasks.busy and dialog.message.isVisible())
    )


def fill_payment(qtbot, dialog: PaymentDialog, account: str, amount: str) -> None:
    qtbot.keyClicks(dialog.bank_name, "ICBC Beijing Chaoyang")
    qtbot.keyClick(dialog.bank_name, Qt.Key.Key_Tab)  # the payee is fixed: on to the account
    dialog.account.setFocus()
    qtbot.keyClicks(dialog.account, account)
    qtbot.keyClick(dialog.account, Qt.Key.Key_Tab)  # leaving the field checks and masks it
    dialog.amount.setFocus()
    qtbot.keyClicks(dialog.amount, amount)


def cell(tab: CasePaymentsTab, row: int, column: int) -> str:
    return str(tab.model.index(row, column).data())


def column(tab: CasePaymentsTab, number: int) -> list[str]:
    return [cell(tab, row, number) for row in range(tab.model.rowCount())]


# --- tests --------------------------------------------------------------------------------------
def test_pay_mark_paid_close_and_reopen(qtbot, demo_bo: Backoffice, clerk: UserSession, tmp_path) -> None:
    case_no = approved_case(clerk)
    view, tab = open_tab(qtbot, clerk, case_no)
    assert tab.figures["approved"].text() == "3,200.00" and tab.figures["left"].text() == "3,200.00"
    assert tab.figures["paid"].text() == "0.00" and tab.empty.isVisible()
    assert tab.add_button.isEnabled()
    assert not tab.paid_button.isEnabled() and not tab.reopen_button.isEnabled()
    assert not tab.withdraw_button.isEnabled()  # an approved case cannot be withdrawn
    assert not tab.close_button.isEnabled() and "可以结案" in tab.close_button.toolTip()

    dialog = open_dialog(qtbot, tab, tab.add_button)
    assert isinstance(dialog, PaymentDialog)
    assert dialog.payee.currentText() == "张*（本案客户）"
    assert not dialog.advance.isChecked() and not dialog.advance.isEnabled()  # approved: a settlement
    assert "3,200.00" in dialog.limit.text()
    fill_payment(qtbot, dialog, ACCOUNT, "3200")
    assert dialog.account.is_masked and dialog.account.text() == "622202*********0123"
    assert dialog.account_error.isHidden()
    confirm(qtbot, tab, dialog)
    assert tab.dialog is None  # accepted and gone
    settle(qtbot, view, lambda _d: tab.model.rowCount() == 1)
    assert "已登记赔款 3,200.00 元" in tab.message.text()
    assert cell(tab, 0, 0) == "赔款" and cell(tab, 0, 1) == "张*"
    assert cell(tab, 0, 2) == "ICBC Beijing Chaoyang" and cell(tab, 0, 3).endswith("0123")
    assert ACCOUNT not in column(tab, 3)
    assert cell(tab, 0, 4) == "3,200.00" and cell(tab, 0, 5) == "待导出"
    assert tab.figures["pending"].text() == "3,200.00" and tab.figures["left"].text() == "0.00"
    assert not tab.add_button.isEnabled()  # nothing left to pay
    assert not tab.close_button.isEnabled() and "1 笔支付没有结果" in tab.close_button.toolTip()

    tab.select_payment(tab.views[0].id)
    dialog = open_dialog(qtbot, tab, tab.paid_button)
    assert isinstance(dialog, MarkPaidDialog)
    assert not dialog.confirm_button.isEnabled()  # no reference yet
    paid_on = clerk.bo.now().date()
    dialog.set_paid_on(paid_on)
    qtbot.keyClicks(dialog.reference, "BANK0001")
    confirm(qtbot, tab, dialog)
    settle(qtbot, view, lambda d: d.status == "paid")
    assert cell(tab, 0, 5) == "已支付" and cell(tab, 0, 6) == paid_on.isoformat()
    assert cell(tab, 0, 7) == "BANK0001"
    assert tab.figures["paid"].text() == "3,200.00" and tab.figures["pending"].text() == "0.00"
    assert any(c.kind == "payment_notice" and "0123" in c.summary for c in view.detail.contacts)
    assert tab.close_button.isEnabled() and not tab.paid_button.isEnabled()
    tab.grab().save(str(tmp_path / "payments-tab.png"))
    assert (tmp_path / "payments-tab.png").stat().st_size > 0

    dialog = open_dialog(qtbot, tab, tab.close_button)
    assert isinstance(dialog, CloseDialog)
    assert dialog.reason.currentData() == "paid" and dialog.injury.isHidden()
    confirm(qtbot, tab, dialog)
    settle(qtbot, view, lambda d: d.status == "closed")
    assert tab.message.text() == "案件已结案。"
    assert not tab.close_button.isEnabled() and tab.reopen_button.isEnabled()
    assert view.state.text().startswith("状态：已结案")

    dialog = open_dialog(qtbot, tab, tab.reopen_button)
    assert isinstance(dialog, ReopenDialog)
    assert not dialog.confirm_button.isEnabled()  # a reason from the list is required
    dialog.reason.setCurrentIndex(dialog.reason.findData("new_evidence"))
    confirm(qtbot, tab, dialog)
    settle(qtbot, view, lambda d: d.status == "registered")
    assert [e.detail for e in view.detail.events][-1] == "出现新的证据或损失"
    assert not tab.reopen_button.isEnabled() and tab.withdraw_button.isEnabled()


def test_bad_account_or_too_much_writes_nothing(qtbot, demo_bo: Backoffice, clerk: UserSession) -> None:
    case_no = approved_case(clerk)
    _view, tab = open_tab(qtbot, clerk, case_no)
    dialog = open_dialog(qtbot, tab, tab.add_button)
    assert isinstance(dialog, PaymentDialog)
    fill_payment(qtbot, dialog, "6222 0212", "100")
    assert dialog.account_error.isVisible() and "银行卡号应为" in dialog.account_error.text()
    assert not dialog.account.is_masked and dialog.account.text() == "6222 0212"
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "银行卡号应为" in dialog.message.text()
    assert payments.payments(clerk, case_no) == []

    dialog.account.setFocus()
    dialog.account.clear()
    qtbot.keyClicks(dialog.account, "6222abc")
    qtbot.keyClick(dialog.account, Qt.Key.Key_Tab)
    assert "只能包含数字" in dialog.account_error.text()

    dialog.account.setFocus()
    dialog.account.clear()
    qtbot.keyClicks(dialog.account, ACCOUNT)
    qtbot.keyClick(dialog.account, Qt.Key.Key_Tab)
    assert dialog.account_error.isHidden() and dialog.account.is_masked
    dialog.amount.clear()
    qtbot.keyClicks(dialog.amount, "3200.01")
    confirm(qtbot, tab, dialog)
    assert dialog.isVisible() and "超过可支付金额" in dialog.message.text()  # the service's limit
    assert payments.payments(clerk, case_no) == []
    dialog.reject()
    qtbot.waitUntil(lambda: tab.dialog is None)
    assert tab.model.rowCount() == 0 and tab.add_button.isEnabled()


def test_advance_payment_before_approval(qtbot, demo_bo: Backoffice, clerk: UserSession) -> None:
    case_no = calculated_case(clerk, "5000.00")
    view, tab = open_tab(qtbot, clerk, case_no)
    assert tab.figures["settlement"].text() == "5,000.00" and tab.figures["approved"].text() == "—"
    assert "先行赔付" in tab.hint.text()
    dialog = open_dialog(qtbot, tab, tab.add_button)
    assert isinstance(dialog, PaymentDialog)
    assert dialog.advance.isChecked() and not dialog.advance.isEnabled()  # only an advance before approval
    assert "先行赔付" in dialog.limit.text() and "5,000.00" in dialog.limit.text()
    fill_payment(qtbot, dialog, ACCOUNT, "2000.50")
    confirm(qtbot, tab, dialog)
    settle(qtbot, view, lambda _d: tab.model.rowCount() == 1)
    assert cell(tab, 0, 0) == "先行赔付" and cell(tab, 0, 4) == "2,000.50"
    assert tab.figures["left"].text() == "2,999.50"
    (stored,) = payments.payments(clerk, case_no)
    assert stored.kind == "advance" and stored.amount == Decimal("2000.50")
    assert not tab.close_button.isEnabled() and tab.withdraw_button.isEnabled()


def test_withdraw_then_close_an_injury_case(qtbot, demo_bo: Backoffice, clerk: UserSession) -> None:
    injury = LossInput("injury", "李四", body_part="左腿", severity="minor")
    case_no = register(clerk, losses=(injury,)).case_no
    view, tab = open_tab(qtbot, clerk, case_no)
    assert not tab.add_button.isEnabled() and not tab.close_button.isEnabled()
    assert "核赔通过后" in tab.hint.text()
    dialog = open_dialog(qtbot, tab, tab.withdraw_button)
    assert isinstance(dialog, WithdrawDialog)
    assert not dialog.confirm_button.isEnabled()  # the customer's confirmation is required
    qtbot.keyClicks(dialog.confirmation, "customer called 10:20, recorded")
    confirm(qtbot, tab, dialog)
    settle(qtbot, view, lambda d: d.status == "withdrawn")
    assert any(c.kind == "withdrawal" and "recorded" in c.summary for c in view.detail.contacts)
    assert not tab.withdraw_button.isEnabled() and tab.close_button.isEnabled()
    dialog = open_dialog(qtbot, tab, tab.close_button)
    assert isinstance(dialog, CloseDialog) and dialog.reason.currentData() == "withdrawn"
    assert dialog.injury.isVisible() and not dialog.confirm_button.isEnabled()  # how it was settled
    dialog.injury.setCurrentIndex(dialog.injury.findData("mediation"))
    confirm(qtbot, tab, dialog)
    settle(qtbot, view, lambda d: d.status == "closed")
    assert status(clerk, case_no) == "closed"
    with demo_bo.db.unit_of_work(write=False) as db:
        assert db.get(Case, view.detail.id).injury_settlement == "mediation"


def test_a_payment_changed_meanwhile_is_a_conflict(qtbot, demo_bo: Backoffice, clerk: UserSession) -> None:
    case_no = approved_case(clerk)
    order = payments.add_payment(clerk, case_no, amount=Decimal("3200"), bank_account=ACCOUNT)
    view, tab = open_tab(qtbot, clerk, case_no)
    tab.select_payment(order.id)
    dialog = open_dialog(qtbot, tab, tab.paid_button)
    qtbot.keyClicks(dialog.reference, "BANK0002")
    colleague = session(demo_bo, "demo-clerk")
    payments.mark_paid(
        colleague,
        order.id,
        paid_on=clerk.bo.now().date(),
        reference="BANK0001",
        expected_version=order.version,
    )
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.dialog is None)
    settle(qtbot, view, lambda d: d.status == "paid")
    assert "刚被其他人处理过" in tab.message.text() and "已重新读取" in tab.message.text()
    assert cell(tab, 0, 5) == "已支付" and cell(tab, 0, 7) == "BANK0001"  # nothing overwritten


def test_pay_another_payee_directly(qtbot, demo_bo: Backoffice, clerk: UserSession) -> None:
    # A direct settlement to the repair shop: the payee is typed in the dialog and stored encrypted.
    case_no = approved_case(clerk)
    view, tab = open_tab(qtbot, clerk, case_no)
    dialog = open_dialog(qtbot, tab, tab.add_button)
    assert isinstance(dialog, PaymentDialog) and dialog.payee_name.isHidden()
    dialog.payee.setCurrentIndex(dialog.payee.findData(OTHER_PAYEE))
    assert not dialog.payee_name.isHidden()
    fill_payment(qtbot, dialog, ACCOUNT, "3200")
    assert not dialog.confirm_button.isEnabled()  # the payee's name is missing
    dialog.payee_name.setFocus()
    dialog.payee_name.insert("北京顺达汽车修理有限公司")  # Chinese arrives through the input method
    confirm(qtbot, tab, dialog)
    settle(qtbot, view, lambda _d: tab.model.rowCount() == 1)
    assert cell(tab, 0, 1) != "张*" and cell(tab, 0, 1).startswith("北")  # masked, not the customer
    assert payments.payments(clerk, case_no)[0].payee == cell(tab, 0, 1)


def test_cancel_a_payment_and_order_it_again(qtbot, demo_bo: Backoffice, clerk: UserSession) -> None:
    case_no = approved_case(clerk)
    order = payments.add_payment(clerk, case_no, amount=Decimal("3200"), bank_account=ACCOUNT)
    view, tab = open_tab(qtbot, clerk, case_no)
    assert not tab.cancel_button.isEnabled()  # nothing selected
    tab.select_payment(order.id)
    assert tab.cancel_button.isEnabled() and not tab.add_button.isEnabled()  # the whole amount is ordered
    qtbot.mouseClick(tab.cancel_button, Qt.MouseButton.LeftButton)
    dialog = tab.cancel_dialog
    assert dialog is not None and not dialog.confirm_button.isEnabled()  # a reason is required
    dialog.note.insertPlainText("银行退票：账号有误")  # Chinese arrives through the input method
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.cancel_dialog is None)
    settle(qtbot, view, lambda _d: column(tab, 5) == ["已取消"])
    assert "支付已取消" in tab.message.text()
    assert tab.add_button.isEnabled()  # the cancelled amount no longer counts
    tab.select_payment(order.id)
    assert not tab.cancel_button.isEnabled() and not tab.paid_button.isEnabled()


def export(qtbot, exporter: PaymentBatchExport, path: Path, password: str = PASSWORD) -> ExportPasswordDialog:
    dialog = exporter.export_to(path)
    assert isinstance(dialog, ExportPasswordDialog) and dialog.isVisible()
    assert path.name in dialog.prompt.text()
    qtbot.keyClicks(dialog.password, password)
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: exporter.dialog is not dialog or (not dialog._tasks.busy and dialog.message.isVisible())
    )
    return dialog


def test_export_batch_to_xlsx_and_csv(qtbot, demo_bo: Backoffice, clerk: UserSession, tmp_path) -> None:
    first, second = approved_case(clerk), approved_case(clerk, "4100.00")
    payments.add_payment(clerk, first, amount=Decimal("3200"), bank_account=ACCOUNT, bank_name="ICBC")
    payments.add_payment(clerk, second, amount=Decimal("1000.25"), bank_account="6217000010001234567")
    view, tab = open_tab(qtbot, clerk, first)
    exporter = tab.export
    assert exporter.isVisible() and exporter.button.isEnabled()

    wrong = tmp_path / "wrong.xlsx"
    dialog = export(qtbot, exporter, wrong, password="not-the-password")
    assert dialog.isVisible() and "密码" in dialog.message.text() and not wrong.exists()
    dialog.reject()
    qtbot.waitUntil(lambda: exporter.dialog is None)

    target = tmp_path / "batch.xlsx"
    export(qtbot, exporter, target)
    assert exporter.dialog is None
    assert "2 笔" in exporter.result.text() and "合计 ¥4,200.25" in exporter.result.text()
    rows = list(load_workbook(target).active.iter_rows(values_only=True))
    assert rows[0] == ("批次标记", "支付编号", "案件号", "类型", "领款人", "银行", "银行账号", "金额（元）")
    assert [(r[2], r[4], r[6], r[7]) for r in rows[1:]] == [
        (first, "张伟", ACCOUNT, "3200.00"),
        (second, "张伟", "6217000010001234567", "1000.25"),
    ]
    settle(qtbot, view, lambda _d: column(tab, 5) == ["已导出"])

    dialog = export(qtbot, exporter, tmp_path / "empty.csv")  # nothing is waiting any more
    assert dialog.isVisible() and "没有待导出的支付" in dialog.message.text()
    assert not (tmp_path / "empty.csv").exists()
    dialog.reject()
    qtbot.waitUntil(lambda: exporter.dialog is None)

    payments.add_payment(clerk, second, amount=Decimal("3099.75"), bank_account="6217000010001234567")
    window = main_window(qtbot, clerk, "cases")
    _WINDOWS.append(window)
    page = window.page("cases")
    assert isinstance(page, CaseListPage) and page.payment_export.isVisible()
    picked = tmp_path / "finance"
    page.payment_export.ask_path = lambda _parent, _title, suggested: picked.with_suffix(".csv")
    qtbot.mouseClick(page.payment_export.button, Qt.MouseButton.LeftButton)
    dialog = page.payment_export.dialog
    assert isinstance(dialog, ExportPasswordDialog)
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.payment_export.dialog is None)
    assert "1 笔" in page.payment_export.result.text() and "¥3,099.75" in page.payment_export.result.text()
    with picked.with_suffix(".csv").open(encoding="utf-8-sig", newline="") as f:
        table = list(csv.reader(f))
    assert len(table) == 2 and table[1][2] == second and table[1][6] == "6217000010001234567"
    assert table[1][7] == "3099.75" and table[1][0] == "含个人信息 PERSONAL DATA"

    page.payment_export.export_to(tmp_path / "batch.pdf")
    assert page.payment_export.dialog is None and "XLSX 或 CSV" in page.payment_export.result.text()


def test_roles_see_only_what_they_may_do(qtbot, demo_bo: Backoffice, clerk: UserSession) -> None:
    case_no = approved_case(clerk)
    order = payments.add_payment(clerk, case_no, amount=Decimal("3200"), bank_account=ACCOUNT)
    payments.mark_paid(
        clerk, order.id, paid_on=clerk.bo.now().date(), reference="B1", expected_version=order.version
    )
    payments.close_case(
        clerk, case_no, reason="paid", expected_version=cases.get_case(clerk, case_no).version
    )
    supervisor = session(demo_bo, "demo-supervisor")
    view, tab = open_tab(qtbot, supervisor, case_no)
    assert tab.model.rowCount() == 1 and cell(tab, 0, 5) == "已支付"
    for button in (tab.add_button, tab.paid_button, tab.close_button, tab.withdraw_button):
        assert button.isHidden()
    assert tab.export.isHidden()
    assert tab.reopen_button.isVisible() and tab.reopen_button.isEnabled()
    dialog = open_dialog(qtbot, tab, tab.reopen_button)
    dialog.reason.setCurrentIndex(dialog.reason.findData("customer_appeal"))
    confirm(qtbot, tab, dialog)
    settle(qtbot, view, lambda d: d.status == "registered")

    approver = session(demo_bo, "demo-approver1")
    _view, tab = open_tab(qtbot, approver, case_no)
    assert tab.model.rowCount() == 1
    buttons = (tab.add_button, tab.paid_button, tab.close_button, tab.reopen_button, tab.withdraw_button)
    assert all(b.isHidden() for b in buttons) and tab.export.isHidden()


@pytest.fixture(autouse=True)
def _keep_windows(qapp: QApplication) -> Iterator[None]:
    yield
    _WINDOWS.clear()
