"""The 核赔 page: an approver agrees, a larger case escalates level by level, a return, a denial, and a
wrong password — all through the real services on a copy of the demo database."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator

import pytest
from intake_ui_support import (  # noqa: F401
    OFFSCREEN_POPUP_NOISE,
    calculated_case,
    clerk_fixture,
    main_window,
    register,
)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from ui_support import OFFSCREEN_NOISE, PASSWORD, demo_bo_fixture, demo_template_fixture, session  # noqa: F401

from backoffice.services import approvals, cases
from backoffice.services.context import Backoffice, UserSession
from backoffice.ui.approval_dialog import SignDialog
from backoffice.ui.approval_trail import ApprovalTrail
from backoffice.ui.approvals_page import ApprovalsPage
from backoffice.ui.case_approval_tab import CaseApprovalTab
from backoffice.ui.case_detail import CaseDetailView

pytestmark = [OFFSCREEN_NOISE, OFFSCREEN_POPUP_NOISE]
_WINDOWS: list[QWidget] = []


def pending_case(clerk: UserSession, repair: str) -> str:
    """A registered motor case with every document, calculated and submitted for approval."""
    case_no = calculated_case(clerk, repair)
    approvals.submit(clerk, case_no, expected_version=cases.get_case(clerk, case_no).version)
    return case_no


def approvals_page(qtbot, us: UserSession) -> ApprovalsPage:
    window = main_window(qtbot, us, "approvals")
    _WINDOWS.append(window)  # qtbot holds the window only weakly
    page = window.page("approvals")
    assert isinstance(page, ApprovalsPage)
    qtbot.waitUntil(lambda: page.refresh_button.isEnabled() and not page._tasks.busy)
    return page


def select(qtbot, page: ApprovalsPage, case_no: str) -> None:
    row = page.queue_case_numbers().index(case_no)
    rect = page.table.visualRect(page.model.index(row, 0))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: page.detail is not None and page.detail.case_no == case_no)


def dialog_for(qtbot, page: ApprovalsPage, decision: str) -> SignDialog:
    button = {"agree": page.agree_button, "return": page.return_button, "deny": page.deny_button}[decision]
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(SignDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def confirm(qtbot, page: ApprovalsPage, dialog: SignDialog, password: str = PASSWORD) -> None:
    qtbot.keyClicks(dialog.password_edit, password)
    assert dialog.confirm_button.isEnabled()
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page._tasks.busy and (page.result.isVisible() or page.error.isVisible()))
    qtbot.waitUntil(lambda: not page._tasks.busy)


def sign_as(qtbot, bo: Backoffice, username: str, case_no: str, decision: str = "agree") -> ApprovalsPage:
    page = approvals_page(qtbot, session(bo, username))
    assert case_no in page.queue_case_numbers()
    select(qtbot, page, case_no)
    confirm(qtbot, page, dialog_for(qtbot, page, decision))
    return page


def status(clerk: UserSession, case_no: str) -> str:
    return cases.get_case(clerk, case_no).status


def test_agree_on_a_small_case_approves_it(qtbot, demo_bo: Backoffice, clerk: UserSession) -> None:
    case_no = pending_case(clerk, "3200.00")
    page = approvals_page(qtbot, session(demo_bo, "demo-approver1"))
    assert page.queue_case_numbers() == [case_no]
    (item,) = approvals.queue(page._us)
    assert page.model.index(0, 2).data() == f"{item.amount:,.2f}"
    assert page.model.index(0, 3).data() == "1 / 1"
    assert item.due is not None and page.model.index(0, 7).data().startswith(item.due.isoformat())
    assert not page.agree_button.isEnabled()
    select(qtbot, page, case_no)
    assert page.agree_button.isEnabled() and page.return_button.isEnabled()
    assert not page.deny_button.isEnabled()  # level 1 has no denial authority
    assert page.trail.model.rowCount() == 0 and page.trail.empty.isVisible()
    confirm(qtbot, page, dialog_for(qtbot, page, "agree"))
    assert page.error.isHidden()
    assert case_no in page.result.text() and "已签批" in page.result.text()
    assert status(clerk, case_no) == "approved"
    qtbot.waitUntil(lambda: page.queue_case_numbers() == [] and page.trail.model.rowCount() == 1)
    assert page.trail.model.index(0, 3).data() == "同意"
    assert not page.agree_button.isEnabled() and page.refusal.isVisible()


def test_a_larger_case_escalates_level_by_level(qtbot, demo_bo: Backoffice, clerk: UserSession) -> None:
    case_no = pending_case(clerk, "120000.00")
    top = cases.get_case(clerk, case_no).extra["approval"]["top_level"]
    assert top >= 2
    for level in range(1, top + 1):
        page = sign_as(qtbot, demo_bo, f"demo-approver{level}", case_no)
        assert page.error.isHidden(), page.error.text()
        expected = "approved" if level == top else "pending_approval"
        assert status(clerk, case_no) == expected
        qtbot.waitUntil(lambda page=page, level=level: page.trail.model.rowCount() == level)
        if level < top:
            assert cases.get_case(clerk, case_no).extra["approval"]["next_level"] == level + 1
            assert (
                case_no not in approvals_page(qtbot, session(demo_bo, "demo-approver1")).queue_case_numbers()
            )


def test_return_with_a_reason(qtbot, demo_bo: Backoffice, clerk: UserSession) -> None:
    case_no = pending_case(clerk, "3200.00")
    page = approvals_page(qtbot, session(demo_bo, "demo-approver1"))
    select(qtbot, page, case_no)
    dialog = dialog_for(qtbot, page, "return")
    qtbot.keyClicks(dialog.password_edit, PASSWORD)
    assert not dialog.confirm_button.isEnabled()  # no reason yet
    dialog.password_edit.clear()
    dialog.reason.setCurrentIndex(dialog.reason.findData("calculation_error"))
    confirm(qtbot, page, dialog)
    assert status(clerk, case_no) == "returned"
    qtbot.waitUntil(lambda: page.trail.model.rowCount() == 1)
    assert page.trail.model.index(0, 3).data() == "退回"
    assert page.trail.model.index(0, 7).data() == "理算有误"


def test_deny_by_level_three_with_clause_and_facts(qtbot, demo_bo: Backoffice, clerk: UserSession) -> None:
    case_no = pending_case(clerk, "3200.00")
    first = approvals_page(qtbot, session(demo_bo, "demo-approver1"))
    select(qtbot, first, case_no)
    assert first.agree_button.isEnabled() and not first.deny_button.isEnabled()
    page = approvals_page(qtbot, session(demo_bo, "demo-approver3"))
    select(qtbot, page, case_no)
    dialog = dialog_for(qtbot, page, "deny")
    dialog.reason.setCurrentIndex(dialog.reason.findData("exclusion"))
    qtbot.keyClicks(dialog.clause_edit, "24")
    qtbot.keyClicks(dialog.password_edit, PASSWORD)
    assert not dialog.confirm_button.isEnabled()  # the facts are missing
    dialog.password_edit.clear()
    qtbot.keyClicks(dialog.facts_edit, "driver had been drinking")
    confirm(qtbot, page, dialog)
    assert page.error.isHidden(), page.error.text()
    assert status(clerk, case_no) == "denied"
    qtbot.waitUntil(lambda: page.trail.model.rowCount() == 1)
    assert page.trail.model.index(0, 3).data() == "拒赔"


def test_wrong_password_shows_the_message(qtbot, demo_bo: Backoffice, clerk: UserSession) -> None:
    case_no = pending_case(clerk, "3200.00")
    page = approvals_page(qtbot, session(demo_bo, "demo-approver1"))
    select(qtbot, page, case_no)
    confirm(qtbot, page, dialog_for(qtbot, page, "agree"), password="not-the-password")
    assert page.error.isVisible() and "密码" in page.error.text()
    assert status(clerk, case_no) == "pending_approval"
    qtbot.waitUntil(lambda: page.agree_button.isEnabled())


def test_case_tab_shows_the_trail(qtbot, demo_bo: Backoffice, clerk: UserSession) -> None:
    case_no = pending_case(clerk, "3200.00")
    sign_as(qtbot, demo_bo, "demo-approver1", case_no)
    view = CaseDetailView(clerk, case_no)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.detail is not None)
    tab = view.tabs.widget(view.APPROVAL)
    assert isinstance(tab, CaseApprovalTab)
    trail = tab.trail
    assert isinstance(trail, ApprovalTrail) and trail.model.rowCount() == 1
    assert "理算金额" in trail.amounts.text() and "核定金额" in trail.amounts.text()
    assert trail.model.index(0, 3).data() == "同意"


def approval_tab(qtbot, us: UserSession, case_no: str) -> tuple[CaseDetailView, CaseApprovalTab]:
    view = CaseDetailView(us, case_no)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.detail is not None)
    tab = view.tabs.widget(view.APPROVAL)
    assert isinstance(tab, CaseApprovalTab)
    view.tabs.setCurrentWidget(tab)
    return view, tab


def test_clerk_submits_from_the_case_tab(qtbot, demo_bo: Backoffice, clerk: UserSession) -> None:
    registered = register(clerk)
    _view, tab = approval_tab(qtbot, clerk, registered.case_no)
    assert not tab.submit_button.isEnabled() and "材料尚未齐全" in tab.submit_button.toolTip()

    case_no = calculated_case(clerk, "120000.00")  # motor: levels 1 to 3
    view, tab = approval_tab(qtbot, clerk, case_no)
    assert tab.submit_button.isEnabled() and not tab.decision_button.isEnabled()
    qtbot.mouseClick(tab.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.detail is not None and view.detail.status == "pending_approval")
    assert "第 1 级至第 3 级" in tab.message.text()
    assert status(clerk, case_no) == "pending_approval"
    assert not tab.submit_button.isEnabled() and "已理算或已退回" in tab.submit_button.toolTip()


def test_approver_cannot_submit(qtbot, demo_bo: Backoffice, clerk: UserSession) -> None:
    case_no = calculated_case(clerk, "3200.00")
    _view, tab = approval_tab(qtbot, session(demo_bo, "demo-approver1"), case_no)
    assert tab.submit_button.isHidden()


def test_decision_letter_is_saved_from_the_case_tab(
    qtbot, demo_bo: Backoffice, clerk: UserSession, tmp_path
) -> None:
    case_no = pending_case(clerk, "3200.00")
    sign_as(qtbot, demo_bo, "demo-approver1", case_no)
    _view, tab = approval_tab(qtbot, clerk, case_no)
    assert tab.decision_button.isEnabled() and not tab.denial_button.isEnabled()
    target = tmp_path / "decision.pdf"
    tab.papers.ask_save_path = lambda *_args: target
    qtbot.mouseClick(tab.decision_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not tab.message.isHidden() and not tab.papers.busy)
    assert "已保存" in tab.message.text() and target.read_bytes().startswith(b"%PDF")
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
    assert "理赔决定通知书" in text and case_no in text


@pytest.fixture(autouse=True)
def _keep_windows(qapp: QApplication) -> Iterator[None]:
    yield
    _WINDOWS.clear()
