"""The administrator's tabs of 系统管理: the authority matrix (edit, save as a new version, bad input), the
delegation of a waiting case, the working-day calendar and the deadline rules — real widgets, real
services, a copy of the demo database."""

from __future__ import annotations

from decimal import Decimal

from intake_ui_support import OFFSCREEN_POPUP_NOISE, clerk_fixture, main_window, register  # noqa: F401
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QTableView, QWidget
from test_ui_approvals import pending_case
from ui_support import OFFSCREEN_NOISE, PASSWORD, demo_bo_fixture, demo_template_fixture, session  # noqa: F401

from backoffice.domain.approval import DEFAULT_MATRIX, LineOfBusiness
from backoffice.domain.sla import WorkingCalendar
from backoffice.services import admin_views, approvals, authority, cases, checklists
from backoffice.services.context import Backoffice, UserSession
from backoffice.services.sla_config import business_day
from backoffice.services.sla_warnings import case_deadlines
from backoffice.ui.admin_authority import AuthorityTab, NoteDialog
from backoffice.ui.admin_calendar import CalendarTab
from backoffice.ui.admin_delegation import DelegationTab
from backoffice.ui.admin_page import AdminPage
from backoffice.ui.admin_rules import RulesTab
from backoffice.ui.authority_model import MatrixModel

pytestmark = [OFFSCREEN_NOISE, OFFSCREEN_POPUP_NOISE]
MOTOR = MatrixModel.FIRST_LINE + list(LineOfBusiness).index(LineOfBusiness.MOTOR)


def admin_page(qtbot, bo: Backoffice) -> tuple[QWidget, AdminPage]:
    window = main_window(qtbot, session(bo, "demo-admin"), "admin")
    page = window.page("admin")
    assert isinstance(page, AdminPage)
    return window, page


def open_tab(qtbot, page: AdminPage, tab: QWidget) -> None:
    bar = page.tabs.tabBar()
    index = page.tabs.indexOf(tab)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert page.tabs.currentWidget() is tab


def click_cell(qtbot, table: QTableView, row: int, column: int, *, double: bool = False) -> None:
    rect = table.visualRect(table.model().index(row, column))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    if double:  # QTest's double click is only the second click's events
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def type_into_cell(qtbot, table: QTableView, row: int, column: int, text: str) -> None:
    """Double-click the cell, replace its text by typing, press Enter."""
    click_cell(qtbot, table, row, column, double=True)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and table.isAncestorOf(editor)
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is table)  # the delegate commits on the event loop


def authority_tab(qtbot, page: AdminPage) -> AuthorityTab:
    tab = page.authority_tab
    open_tab(qtbot, page, tab)
    qtbot.waitUntil(lambda: tab._overview is not None and not tab._tasks.busy)
    return tab


def materials_complete_case(clerk: UserSession) -> str:
    """A case registered now with every mandatory document received: its review deadline runs."""
    result = register(clerk)
    for item in cases.get_case(clerk, result.case_no).checklist:
        if item.mandatory and item.received_at is None:
            checklists.receive_item(
                clerk,
                result.case_id,
                item.id,
                checklists.Receipt(clerk.bo.now(), True, 1, "张伟"),
                expected_version=item.version,
            )
    return result.case_no


def review(clerk: UserSession, case_no: str):
    return next(d for d in case_deadlines(clerk, case_no) if d.stage == "review")


# --- the authority matrix -----------------------------------------------------------------------


def test_admin_edits_a_limit_saves_a_new_version_and_the_route_follows(
    qtbot, demo_bo: Backoffice, clerk: UserSession
) -> None:
    window, page = admin_page(qtbot, demo_bo)
    tab = authority_tab(qtbot, page)
    assert "第 1 版" in tab.version_label.text() and tab.history_model.rowCount() == 1
    assert tab.model.index(0, MOTOR).data() == "10,000.00" and tab.model.index(4, MOTOR).data() == "不限"
    assert not tab.save_button.isEnabled()

    type_into_cell(qtbot, tab.table, 0, MOTOR, "2000")
    assert tab.model.index(0, MOTOR).data() == "2,000.00"
    assert tab.save_button.isEnabled()
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    dialog = tab.findChild(NoteDialog)
    assert dialog is not None and dialog.isVisible() and not dialog.save_button.isEnabled()
    qtbot.keyClicks(dialog.note_edit, "L1 motor limit lowered")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "第 2 版" in tab.version_label.text() and not tab._tasks.busy)
    assert tab.message.text() == "权限表已保存为第 2 版。"
    assert "L1 motor limit lowered" in tab.version_label.text() and "周杰" in tab.version_label.text()
    assert tab.history_model.rowCount() == 2 and tab.history_model.index(0, 0).data() == "第 2 版"
    assert not tab.save_button.isEnabled()

    approver = session(demo_bo, "demo-approver1")
    version, matrix = authority.get_matrix(approver)
    assert version == 2 and matrix.limit(1, LineOfBusiness.MOTOR) == 2000
    case_no = pending_case(clerk, "3200.00")  # over level 1's new limit: level 2 must sign too
    (item,) = [i for i in approvals.queue(approver) if i.case_no == case_no]
    assert (item.next_level, item.top_level) == (1, 2)
    window.close()


def test_invalid_values_show_a_message_and_save_nothing(qtbot, demo_bo: Backoffice) -> None:
    window, page = admin_page(qtbot, demo_bo)
    tab = authority_tab(qtbot, page)
    type_into_cell(qtbot, tab.table, 1, MOTOR, "abc")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert tab.findChild(NoteDialog) is None
    assert "第2级“机动车辆险”的金额“abc”无效" in tab.message.text()

    type_into_cell(qtbot, tab.table, 1, MOTOR, "5000")  # below level 1's 10,000
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert tab.findChild(NoteDialog) is None
    assert "第2级险类机动车辆险的权限不能低于下一级" in tab.message.text()

    type_into_cell(qtbot, tab.table, 1, MOTOR, "50,000")
    click_cell(qtbot, tab.table, 3, MatrixModel.DENY)  # take denial authority from level 4 only
    qtbot.keyClick(tab.table, Qt.Key.Key_Space)
    checked = tab.model.index(3, MatrixModel.DENY).data(Qt.ItemDataRole.CheckStateRole)
    assert checked == Qt.CheckState.Unchecked
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert tab.findChild(NoteDialog) is None
    assert "拒赔权限授予某一级后，更高各级也应具有" in tab.message.text()

    qtbot.mouseClick(tab.revert_button, Qt.MouseButton.LeftButton)
    assert tab.model.index(3, MatrixModel.DENY).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert not tab.save_button.isEnabled() and tab.message.text() == ""
    assert admin_views.authority_overview(session(demo_bo, "demo-admin")).version == 1
    assert len(admin_views.authority_overview(session(demo_bo, "demo-admin")).history) == 1
    window.close()


# --- delegation ---------------------------------------------------------------------------------


def test_delegation_moves_a_waiting_case_to_a_same_or_higher_level(
    qtbot, demo_bo: Backoffice, clerk: UserSession
) -> None:
    small = pending_case(clerk, "3200.00")  # waits at level 1
    larger = pending_case(clerk, "30000.00")  # levels 1 and 2; level 1 signs now
    first = session(demo_bo, "demo-approver1")
    approvals.sign(
        first, larger, "agree", password=PASSWORD, expected_version=cases.get_case(clerk, larger).version
    )
    window, page = admin_page(qtbot, demo_bo)
    tab = page.delegation_tab
    assert isinstance(tab, DelegationTab)
    open_tab(qtbot, page, tab)
    qtbot.waitUntil(lambda: tab.absent_combo.count() == 5 and not tab._tasks.busy)

    tab.absent_combo.setCurrentIndex(tab.absent_combo.findData("demo-approver2"))
    qtbot.waitUntil(lambda: not tab._tasks.busy and set(tab.queue_case_numbers()) == {small, larger})
    click_cell(qtbot, tab.table, tab.queue_case_numbers().index(larger), 0)
    targets = [tab.target_combo.itemData(i) for i in range(tab.target_combo.count())]
    assert targets == ["demo-approver3", "demo-approver4", "demo-approver5"]  # level 2 or above, not away

    tab.absent_combo.setCurrentIndex(tab.absent_combo.findData("demo-approver1"))
    qtbot.waitUntil(lambda: not tab._tasks.busy and tab.queue_case_numbers() == [small])
    (item,) = admin_views.approver_queue(session(demo_bo, "demo-admin"), "demo-approver1")
    assert item.due is not None and tab.model.index(0, 8).data() == item.due.isoformat()
    click_cell(qtbot, tab.table, 0, 0)
    assert tab.target_combo.count() == 4 and not tab.delegate_button.isEnabled()  # no reason yet
    tab.target_combo.setCurrentIndex(tab.target_combo.findData("demo-approver3"))
    qtbot.keyClicks(tab.reason_edit, "on leave until Monday")
    assert tab.delegate_button.isEnabled()
    qtbot.mouseClick(tab.delegate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已转交给" in tab.message.text() and not tab._tasks.busy)
    assert tab.message.text().startswith(f"案件 {small} 已转交给 ")
    qtbot.waitUntil(lambda: tab.queue_case_numbers() == [])
    assert tab.reason_edit.text() == ""

    assert small not in [i.case_no for i in approvals.queue(first)]
    assert small in [i.case_no for i in approvals.queue(session(demo_bo, "demo-approver3"))]
    assert small not in [i.case_no for i in approvals.queue(session(demo_bo, "demo-approver2"))]
    queued = admin_views.approver_queue(session(demo_bo, "demo-admin"), "demo-approver3")
    assert [(i.case_no, i.assignee) for i in queued if i.case_no == small] == [(small, "demo-approver3")]
    window.close()


# --- the working-day calendar -------------------------------------------------------------------


def test_a_holiday_override_moves_a_case_deadline_and_removing_it_moves_it_back(
    qtbot, demo_bo: Backoffice, clerk: UserSession
) -> None:
    case_no = materials_complete_case(clerk)
    before = review(clerk, case_no)
    start = business_day(before.started_at)
    day_off = WorkingCalendar().next_working_day(start)  # the first working day the review counts
    assert day_off <= before.effective_due
    moved = WorkingCalendar({day_off: False}).next_working_day(before.effective_due)

    window, page = admin_page(qtbot, demo_bo)
    tab = page.calendar_tab
    assert isinstance(tab, CalendarTab)
    open_tab(qtbot, page, tab)
    qtbot.waitUntil(lambda: tab.info is not None and not tab._tasks.busy)
    assert not tab.add_button.isEnabled()  # no note yet
    tab.day_edit.setDate(QDate(day_off.year, day_off.month, day_off.day))
    tab.kind_combo.setCurrentIndex(tab.kind_combo.findData(False))
    qtbot.keyClicks(tab.note_edit, "office closed for the move")
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已重新计算" in tab.message.text() and not tab._tasks.busy)
    assert tab.message.text().startswith(f"已保存 {day_off.isoformat()} 的调整；已重新计算")
    assert review(clerk, case_no).effective_due == moved

    tab.year_spin.setValue(day_off.year)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    assert tab.model.index(0, 0).data() == day_off.isoformat()
    assert tab.model.index(0, 2).data() == "休息日（放假）"
    assert tab.model.index(0, 3).data() == "office closed for the move"
    click_cell(qtbot, tab.table, 0, 0)
    assert tab.remove_button.isEnabled()
    qtbot.mouseClick(tab.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已删除" in tab.message.text() and not tab._tasks.busy)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 0)
    assert review(clerk, case_no).effective_due == before.effective_due
    window.close()


def test_a_year_the_package_lacks_is_flagged_and_can_be_marked_complete(qtbot, demo_bo: Backoffice) -> None:
    window, page = admin_page(qtbot, demo_bo)
    tab = page.calendar_tab
    open_tab(qtbot, page, tab)
    qtbot.waitUntil(lambda: tab.info is not None and not tab._tasks.busy)
    tab.year_spin.setValue(2025)
    assert "来自 chinesecalendar" in tab.coverage.text() and not tab.complete_button.isEnabled()
    tab.year_spin.clear()
    qtbot.keyClicks(tab.year_spin, "2031")
    assert tab.year() == 2031 and tab.day_edit.date() == QDate(2031, 1, 1)
    assert tab.coverage.text().startswith("注意：chinesecalendar 没有 2031 年的节假日安排")
    assert tab.complete_button.isEnabled() and tab.complete_button.text() == "标记本年已完整录入"
    qtbot.mouseClick(tab.complete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已标记 2031 年" in tab.message.text() and not tab._tasks.busy)
    qtbot.waitUntil(lambda: tab.is_complete(2031))
    assert "管理员已标记本年节假日全部录入" in tab.coverage.text()
    assert tab.complete_button.text() == "撤销“已完整录入”标记"
    assert admin_views.calendar_overview(session(demo_bo, "demo-admin")).complete_years == (2031,)
    window.close()


# --- the deadline rules -------------------------------------------------------------------------


def test_rule_edit_recomputes_open_deadlines_and_reset_restores_the_default(
    qtbot, demo_bo: Backoffice, clerk: UserSession
) -> None:
    case_no = materials_complete_case(clerk)
    before = review(clerk, case_no)
    start = business_day(before.started_at)
    key = before.rule_key  # review.simple / .normal / .complex, as the case was classified
    window, page = admin_page(qtbot, demo_bo)
    tab = page.rules_tab
    assert isinstance(tab, RulesTab)
    open_tab(qtbot, page, tab)
    qtbot.waitUntil(lambda: bool(tab.rules) and not tab._tasks.busy)
    default_days = tab.rules[tab.row_of(key)].days
    assert not tab.save_button.isEnabled()
    click_cell(qtbot, tab.table, tab.row_of(key), 0)
    assert tab.days_spin.value() == default_days and not tab.reset_button.isEnabled()
    assert tab.model.index(tab.row_of(key), 4).data() == "默认"

    tab.days_spin.selectAll()
    qtbot.keyClicks(tab.days_spin, "1")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已重新计算" in tab.message.text() and not tab._tasks.busy)
    qtbot.waitUntil(lambda: tab.rules[tab.row_of(key)].days == 1)
    assert tab.model.index(tab.row_of(key), 2).data() == "1 个工作日"
    assert tab.model.index(tab.row_of(key), 4).data() == "已修改"
    assert tab.selected_rule() is not None and tab.selected_rule().key == key
    assert tab.reset_button.isEnabled()
    assert review(clerk, case_no).effective_due == WorkingCalendar().add_working_days(start, 1)

    tab.unit_combo.setCurrentIndex(tab.unit_combo.findData("hours"))
    assert not tab.pausable_check.isEnabled()  # an hour rule cannot exclude waiting days
    tab.unit_combo.setCurrentIndex(tab.unit_combo.findData("working"))
    qtbot.mouseClick(tab.reset_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已恢复默认" in tab.message.text() and not tab._tasks.busy)
    qtbot.waitUntil(lambda: not tab.rules[tab.row_of(key)].overridden)
    assert tab.days_spin.value() == default_days and not tab.reset_button.isEnabled()
    assert review(clerk, case_no).effective_due == before.effective_due
    window.close()


def test_matrix_model_passes_the_model_tester(qtmodeltester) -> None:
    model = MatrixModel()
    qtmodeltester.check(model, force_py=True)  # empty
    model.editable = True
    model.set_matrix(DEFAULT_MATRIX)
    qtmodeltester.check(model, force_py=True)
    assert model.to_matrix() == DEFAULT_MATRIX
    assert model.setData(model.index(4, MOTOR), "1,000,000.50")
    assert model.to_matrix().limit(5, LineOfBusiness.MOTOR) == Decimal("1000000.50")
    assert model.index(4, MOTOR).data() == "1,000,000.50"
    model.editable = False
    assert not model.setData(model.index(0, MOTOR), "1")
    assert not model.flags(model.index(0, MOTOR)) & Qt.ItemFlag.ItemIsEditable
