"""Timeliness in the GUI with real data (SQLite, a fake clock on Mon 10 Mar 2025, 16:00 in Shanghai):
warning badges and the warning filter of the case list, the 期限 tab with an extension requested and
decided, the 回访 and 投诉 dialogs writing the contact log, and the workbench panel (open a case, complete
a follow-up task, the red notification in the status bar)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import FAST_KDF, FakeClock
from intake_ui_support import OFFSCREEN_POPUP_NOISE, type_text
from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QRadioButton, QTableView

from backoffice.db.engine import Database
from backoffice.db.migrate import upgrade
from backoffice.services import auth, setup
from backoffice.services.cases import get_case
from backoffice.services.context import Backoffice
from backoffice.services.sla_warnings import refresh_warnings
from backoffice.settings import Settings
from backoffice.ui.case_detail import CaseDetailView
from backoffice.ui.case_list import CaseListPage
from backoffice.ui.case_model import LEVEL_ROLE, CaseListModel
from backoffice.ui.complaints_dialog import ComplaintsDialog
from backoffice.ui.customer_service_dialogs import CallbackDialog
from backoffice.ui.extension_dialog import ExtensionRequestDialog
from backoffice.ui.fonts import register_app_font
from backoffice.ui.main_window import MainWindow
from backoffice.ui.note_dialog import NoteDialog
from backoffice.ui.pages import PAGES
from backoffice.ui.tasks import Tasks, wait_for_tasks
from backoffice.ui.warnings_panel import MyWarningsPanel

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))  # the shared case-flow helpers
pytestmark = OFFSCREEN_POPUP_NOISE  # the search field's completer pops up
CASES = next(spec for spec in PAGES if spec.key == "cases")
M = CaseListModel
RED, YELLOW = "#c62828", "#f9c74f"


@dataclass
class Office:
    office: object  # sla_support.Office: clerk, supervisor, clock…
    cases: dict[str, str]  # red, yellow, paid, quiet → case number


def build_office(tmp_path: Path) -> tuple[Backoffice, Office]:
    """Four cases on Mon 10 Mar 2025 at 16:00: one overdue (red), one due tomorrow (yellow), one paid
    today (its callback due in a week), one just reported with a 5-day estimate (no warning)."""
    from sla_support import make_office, receive_all_at, register, settled_case, sh

    url = f"sqlite:///{tmp_path / 'bo.sqlite3'}"
    clock = FakeClock(datetime(2025, 2, 1, 1, 0, tzinfo=UTC))
    bo = Backoffice(Settings(tmp_path / "data", url), Database(url), clock, FAST_KDF)
    upgrade(bo.db)
    setup.initialise(
        bo, admin_username="admin", admin_display_name="管理员", admin_password="admin-pass-2026"
    )
    office = make_office(bo, auth.sign_in(bo, "admin", "admin-pass-2026"), clock)
    cases = {"paid": settled_case(office, sh(2025, 3, 10, 8), days=(0,) * 6)}
    cases["red"], red_id = register(office, sh(2025, 2, 24))
    receive_all_at(office, cases["red"], red_id, sh(2025, 2, 24, 10))  # registration was due 25 Feb
    cases["yellow"], yellow_id = register(office, sh(2025, 3, 10, 8))
    receive_all_at(office, cases["yellow"], yellow_id, sh(2025, 3, 10, 9))  # registration due 11 Mar
    cases["quiet"], _ = register(office, sh(2025, 3, 10, 10), estimated_loss=Decimal("20000"))
    clock.now = sh(2025, 3, 10, 16)
    refresh_warnings(office.supervisor)  # what the supervisor's dashboard does: cached levels, tasks
    return bo, Office(office, cases)


@pytest.fixture
def office(tmp_path: Path, qapp: QApplication) -> Iterator[Office]:
    register_app_font()
    bo, built = build_office(tmp_path)
    try:
        yield built
    finally:
        assert wait_for_tasks(30_000), "a worker thread did not finish"
        QApplication.processEvents()
        bo.close()


def cells(model, columns: range | list[int]) -> list[list[str]]:
    return [[model.index(r, c).data() or "" for c in columns] for r in range(model.rowCount())]


def click_row(qtbot, table: QTableView, row: int, *, double: bool = False) -> None:
    rect = table.visualRect(table.model().index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    if double:
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def detail_view(qtbot, us, case_no: str) -> CaseDetailView:
    view = CaseDetailView(us, case_no)
    qtbot.addWidget(view)
    view.resize(1100, 650)
    view.show()
    qtbot.waitUntil(lambda: view.detail is not None, timeout=15_000)
    return view


def contact_summaries(view: CaseDetailView) -> list[str]:
    model = view.contacts.model
    return [model.index(r, 3).data() for r in range(model.rowCount())]


# --- the case list ---------------------------------------------------------------------------------


def test_case_list_shows_badges_and_filters_by_warning(qtbot, office: Office) -> None:
    c = office.cases
    page = CaseListPage(office.office.clerk, CASES)
    qtbot.addWidget(page)
    page.resize(1250, 500)
    page.show()

    def settled(count: int) -> None:
        qtbot.waitUntil(
            lambda: page.model.rowCount() == count and not page.model.loading and page.total == count,
            timeout=15_000,
        )

    settled(4)
    model = page.model
    assert model.headerData(M.WARNING, Qt.Orientation.Horizontal) == "时效"
    shown = {
        model.index(r, M.CASE_NO).data(): (
            model.index(r, M.WARNING).data(),
            model.index(r, M.WARNING).data(LEVEL_ROLE),
            model.index(r, M.WARNING).data(Qt.ItemDataRole.BackgroundRole),
        )
        for r in range(model.rowCount())
    }
    text, level, colour = shown[c["red"]]
    assert (text, level, colour.name()) == ("超期", "red", RED)
    text, level, colour = shown[c["yellow"]]
    assert (text, level, colour.name()) == ("临期", "yellow", YELLOW)
    assert shown[c["paid"]] == (None, "", None) and shown[c["quiet"]] == (None, "", None)
    red_row = [model.index(r, M.CASE_NO).data() for r in range(model.rowCount())].index(c["red"])
    assert "超过时限" in model.index(red_row, M.WARNING).data(Qt.ItemDataRole.ToolTipRole)
    Path("/tmp/shots").mkdir(exist_ok=True)
    page.grab().save("/tmp/shots/sla_case_list.png")

    filters = page.filters
    filters.warning.setCurrentIndex(filters.warning.findData("red"))
    settled(1)
    assert model.index(0, M.CASE_NO).data() == c["red"] and model.index(0, M.WARNING).data() == "超期"
    filters.warning.setCurrentIndex(filters.warning.findData("yellow"))
    settled(1)
    assert model.index(0, M.CASE_NO).data() == c["yellow"]
    filters.only_mine.setChecked(True)  # combined with the other filters
    settled(1)
    filters.warning.setCurrentIndex(0)
    settled(4)


def test_case_model_with_levels_passes_the_model_tester(qtbot, qtmodeltester, office: Office) -> None:
    from backoffice.services.cases import list_cases
    from backoffice.services.sla_warnings import case_warning_levels

    us = office.office.clerk
    tasks = Tasks()
    model = CaseListModel(
        lambda flt, sort, desc, offset, limit: list_cases(
            us, flt, sort=sort, descending=desc, offset=offset, limit=limit
        ),
        tasks.run,
        levels=lambda ids: case_warning_levels(us, ids),
        page_size=2,  # two pages: the levels of each page come with it
    )
    qtmodeltester.check(model)
    model.start()
    while model.rowCount() < 4:
        qtbot.waitUntil(lambda: not model.loading, timeout=15_000)
        model.fetchMore(QModelIndex())
    qtbot.waitUntil(lambda: not model.loading, timeout=15_000)
    levels = sorted(model.level(r) for r in range(model.rowCount()))
    assert levels == ["", "", "red", "yellow"]


# --- the 期限 tab ----------------------------------------------------------------------------------


def settled(qtbot, view: CaseDetailView) -> None:
    """The case and its 期限 tab have read everything that the last action set off."""
    qtbot.waitUntil(lambda: view.reload_button.isEnabled() and not view.deadlines.busy, timeout=15_000)


def deadlines_of(qtbot, view: CaseDetailView):
    tab = view.deadlines
    with qtbot.waitSignal(tab.loaded, timeout=15_000):
        view.tabs.setCurrentIndex(view.DEADLINES)
    return tab


def test_deadlines_tab_extension_requested_then_approved_or_rejected(qtbot, office: Office) -> None:
    case_no = office.cases["yellow"]
    clerk_view = detail_view(qtbot, office.office.clerk, case_no)
    titles = [clerk_view.tabs.tabText(i) for i in range(clerk_view.tabs.count())]
    assert titles[titles.index("联系记录") + 1] == "期限"
    assert clerk_view.tabs.widget(clerk_view.DEADLINES) is clerk_view.deadlines
    tab = deadlines_of(qtbot, clerk_view)
    rows = {r[0]: r for r in cells(tab.model, range(8))}
    assert rows["立案登记"][1:4] == ["公司标准", "2025-03-10 09:00", "2025-03-11"]
    assert rows["立案登记"][5:] == ["进行中", "临期", ""]
    statutory = rows["先行赔付（保险法第25条）"]
    assert statutory[1] == "法定时限" and statutory[7] == "法定时限，不可延期"
    registration = list(rows).index("立案登记")
    level_cell = tab.model.index(registration, 6)
    assert level_cell.data(Qt.ItemDataRole.BackgroundRole).name() == YELLOW
    assert not tab.approve_button.isVisible()  # a clerk asks, a supervisor decides

    click_row(qtbot, tab.table, list(rows).index("先行赔付（保险法第25条）"))
    assert not tab.request_button.isEnabled()
    assert tab.request_button.toolTip() == "法定时限不能由公司延期。"
    click_row(qtbot, tab.table, registration)
    assert tab.request_button.isEnabled()
    qtbot.mouseClick(tab.request_button, Qt.MouseButton.LeftButton)
    dialog = tab.findChild(ExtensionRequestDialog)
    assert dialog is not None and dialog.until.minimumDate() == QDate(2025, 3, 12)
    assert not dialog.submit_button.isEnabled()  # no reason yet
    dialog.until.setDate(QDate(2025, 3, 14))
    type_text(qtbot, dialog.reason, "客户住院，维修发票需出院后补交")
    with qtbot.waitSignal(dialog.accepted, timeout=15_000):
        qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: "待主管批准：延至 2025-03-14" in cells(tab.model, [7])[registration], timeout=15_000
    )
    settled(qtbot, clerk_view)
    assert tab.selected() is not None and tab.selected().deadline.stage == "registration"  # kept
    assert not tab.request_button.isEnabled()
    assert tab.request_button.toolTip() == "这个环节已有待批准的延期申请。"
    review = [r[0] for r in cells(tab.model, [0])].index("审核定损")
    click_row(qtbot, tab.table, review)  # a second request, on the review, to be rejected
    qtbot.mouseClick(tab.request_button, Qt.MouseButton.LeftButton)
    dialog = next(d for d in tab.findChildren(ExtensionRequestDialog) if d.isVisible())
    type_text(qtbot, dialog.reason, "等待交警责任认定")
    with qtbot.waitSignal(dialog.accepted, timeout=15_000):
        qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    Path("/tmp/shots").mkdir(exist_ok=True)
    qtbot.waitUntil(lambda: "待主管批准" in cells(tab.model, [7])[review][0], timeout=15_000)
    settled(qtbot, clerk_view)
    clerk_view.grab().save("/tmp/shots/sla_deadlines_clerk.png")

    boss_view = detail_view(qtbot, office.office.supervisor, case_no)
    boss = deadlines_of(qtbot, boss_view)
    assert not boss.request_button.isVisible() and boss.approve_button.isVisible()
    click_row(qtbot, boss.table, registration)
    assert boss.approve_button.isEnabled() and boss.reject_button.isEnabled()
    qtbot.mouseClick(boss.approve_button, Qt.MouseButton.LeftButton)
    note = boss.findChild(NoteDialog)
    assert "申请延至 2025-03-14" in note.findChild(type(boss.result), "note-explain").text()
    assert note.confirm_button.isEnabled()  # a note is optional for an approval
    with qtbot.waitSignal(note.accepted, timeout=15_000):
        qtbot.mouseClick(note.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: cells(boss.model, range(8))[registration][3] == "2025-03-14（原 2025-03-11）", timeout=15_000
    )
    row = cells(boss.model, range(8))[registration]
    assert row[6:] == ["", "已批准延至 2025-03-14"]  # three working days left: no longer yellow
    assert boss.result.text() == "已批准延期，到期日已改为 2025-03-14。"
    qtbot.waitUntil(
        lambda: any("期限经主管批准延长至 2025-03-14" in s for s in contact_summaries(boss_view)),
        timeout=15_000,
    )
    settled(qtbot, boss_view)

    click_row(qtbot, boss.table, review)
    qtbot.mouseClick(boss.reject_button, Qt.MouseButton.LeftButton)
    note = next(d for d in boss.findChildren(NoteDialog) if d.isVisible())
    assert not note.confirm_button.isEnabled()  # a rejection needs its reason
    type_text(qtbot, note.note, "交警认定书已出，无需延期")
    with qtbot.waitSignal(note.accepted, timeout=15_000):
        qtbot.mouseClick(note.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: cells(boss.model, [7])[review] == ["延期申请已驳回：交警认定书已出，无需延期"], timeout=15_000
    )
    assert cells(boss.model, [3])[review] == ["2025-03-17"]
    boss_view.grab().save("/tmp/shots/sla_deadlines_supervisor.png")
    events = [e.kind for e in get_case(office.office.clerk, case_no).events]
    assert "deadline.extended" in events and "deadline.extension_rejected" in events


# --- customer service ----------------------------------------------------------------------------


def test_callback_and_complaint_dialogs_write_the_contact_log(qtbot, office: Office) -> None:
    unpaid = detail_view(qtbot, office.office.clerk, office.cases["yellow"])
    assert not unpaid.contacts.service_bar.callback_button.isEnabled()
    assert unpaid.contacts.service_bar.callback_button.toolTip() == "赔后回访在赔款支付之后进行。"

    view = detail_view(qtbot, office.office.clerk, office.cases["paid"])
    view.tabs.setCurrentIndex(view.CONTACTS)
    bar = view.contacts.service_bar
    assert bar.isVisible() and bar.callback_button.isEnabled()
    qtbot.mouseClick(bar.callback_button, Qt.MouseButton.LeftButton)
    dialog = bar.findChild(CallbackDialog)
    assert not dialog.save_button.isEnabled()  # no satisfaction chosen yet
    qtbot.mouseClick(dialog.findChild(QRadioButton, "satisfaction-2"), Qt.MouseButton.LeftButton)
    assert dialog.satisfaction.checkedId() == 2 and dialog.save_button.isEnabled()
    dialog.paid_on_time.setCurrentIndex(dialog.paid_on_time.findText("认为不及时"))
    qtbot.mouseClick(dialog.issues, Qt.MouseButton.LeftButton)
    assert not dialog.save_button.isEnabled()  # an issue needs its content
    type_text(qtbot, dialog.remarks, "认为折旧扣得太多")
    Path("/tmp/shots").mkdir(exist_ok=True)
    dialog.grab().save("/tmp/shots/sla_callback_dialog.png")
    with qtbot.waitSignal(bar.changed, timeout=15_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    expected = "赔后回访：满意度 2/5；认为赔付不及时；客户提出异议：认为折旧扣得太多"
    qtbot.waitUntil(lambda: expected in contact_summaries(view), timeout=15_000)

    qtbot.mouseClick(bar.complaint_button, Qt.MouseButton.LeftButton)
    complaints = bar.findChild(ComplaintsDialog)
    qtbot.waitUntil(lambda: not complaints._tasks.busy, timeout=15_000)
    assert complaints.model.rowCount() == 0 and not complaints.register_button.isEnabled()
    complaints.category.setCurrentIndex(complaints.category.findData("amount"))
    type_text(qtbot, complaints.summary, "对折旧金额有异议")
    with qtbot.waitSignal(complaints.loaded, timeout=15_000):
        qtbot.mouseClick(complaints.register_button, Qt.MouseButton.LeftButton)
    assert cells(complaints.model, range(4)) == [
        ["2025-03-10 16:00", "赔款金额", "简单投诉", "对折旧金额有异议"]
    ]
    assert not complaints.contact_button.isEnabled()  # nothing selected
    click_row(qtbot, complaints.table, 0)
    for button, text, column in (
        (complaints.contact_button, "已电话说明折旧标准", 4),
        (complaints.resolve_button, "复核后维持原定损，客户接受", 5),
    ):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        note = next(d for d in complaints.findChildren(NoteDialog) if d.isVisible())
        type_text(qtbot, note.note, text)
        with qtbot.waitSignal(complaints.loaded, timeout=15_000):
            qtbot.mouseClick(note.confirm_button, Qt.MouseButton.LeftButton)
        assert cells(complaints.model, [column]) == [["2025-03-10 16:00"]]
    assert not complaints.contact_button.isEnabled() and not complaints.resolve_button.isEnabled()
    assert complaints.model.index(0, 6).data() == "复核后维持原定损，客户接受"
    complaints.grab().save("/tmp/shots/sla_complaints_dialog.png")
    complaints.reject()
    qtbot.waitUntil(lambda: any(s.startswith("投诉办结：") for s in contact_summaries(view)), timeout=15_000)
    summaries = contact_summaries(view)
    assert "客户投诉（赔款金额）：对折旧金额有异议" in summaries
    assert "投诉联系：已电话说明折旧标准" in summaries
    view.grab().save("/tmp/shots/sla_contacts_tab.png")


# --- the workbench -------------------------------------------------------------------------------


def test_workbench_panel_opens_the_case_completes_a_task_and_announces_red(qtbot, office: Office) -> None:
    c = office.cases
    window = MainWindow(office.office.clerk, demo=False)
    qtbot.addWidget(window)
    window.resize(1100, 750)
    panel = window.page("workbench").findChild(MyWarningsPanel)
    with qtbot.waitSignal(panel.red_alert, timeout=20_000) as alert:
        window.show()
    assert alert.args == [f"红色预警：案件 {c['red']} 的“立案登记”等 2 个环节已超过时限。"]
    assert window.statusBar().currentMessage() == alert.args[0]
    qtbot.waitUntil(lambda: panel.data is not None and not panel._tasks.busy, timeout=20_000)
    with qtbot.assertNotEmitted(panel.red_alert), qtbot.waitSignal(panel.loaded, timeout=20_000):
        qtbot.mouseClick(panel.refresh_button, Qt.MouseButton.LeftButton)  # announced once only
    assert cells(panel.task_model, range(3)) == [["黄色预警进展汇报", c["yellow"], "2025-03-11"]]
    Path("/tmp/shots").mkdir(exist_ok=True)
    window.grab().save("/tmp/shots/sla_workbench.png")

    assert not panel.complete_button.isEnabled()
    click_row(qtbot, panel.task_table, 0)
    assert panel.complete_button.isEnabled()
    qtbot.mouseClick(panel.complete_button, Qt.MouseButton.LeftButton)
    note = panel.findChild(NoteDialog)
    assert note.windowTitle() == "黄色预警进展汇报" and not note.confirm_button.isEnabled()
    type_text(qtbot, note.note, "已催客户补交维修发票，明日上午立案")
    with qtbot.waitSignal(panel.task_completed, timeout=15_000) as completed:
        qtbot.mouseClick(note.confirm_button, Qt.MouseButton.LeftButton)
    assert completed.args[0].status == "done"
    qtbot.waitUntil(lambda: panel.task_model.rowCount() == 0 and not panel._tasks.busy, timeout=15_000)
    assert panel.task_result.text() == "任务已完成，已记入案件时间线。"
    assert "sla.progress_report" in [e.kind for e in get_case(office.office.clerk, c["yellow"]).events]

    first = [panel.model.index(r, 0).data() for r in range(panel.model.rowCount())].index(c["red"])
    click_row(qtbot, panel.table, first, double=True)
    cases = window.page("cases")
    assert isinstance(cases, CaseListPage) and window.stack.currentWidget() is cases
    view = cases.detail(c["red"])
    assert view is not None and cases.tabs.currentWidget() is view
    qtbot.waitUntil(lambda: view.detail is not None, timeout=15_000)
