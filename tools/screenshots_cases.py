"""Screenshots of chapters 3–8 of the user guide: 理算, 核赔, 支付与结案, 时效与预警, 归档, 系统管理.

The cases come from ``screenshots_workflow.seed_workflow``; each picture opens the window of the user who
does that work and drives the real widgets (selecting rows, opening dialogs, typing) before it is taken.
"""

from __future__ import annotations

from pathlib import Path

import pikepdf
from screenshots_frames import Camera, framed, settle, wait_until, with_dialog
from screenshots_workflow import Workflow

from backoffice.services.context import Backoffice
from backoffice.services.demo import DEFAULT_DEMO_PASSWORD
from backoffice.ui.admin_page import AdminPage
from backoffice.ui.approvals_page import ApprovalsPage
from backoffice.ui.archive_page import ArchivePage
from backoffice.ui.calculation_tab import CalculationTab
from backoffice.ui.case_detail import CaseDetailView
from backoffice.ui.case_list import CaseListPage
from backoffice.ui.main_window import MainWindow
from backoffice.ui.warnings_panel import MyWarningsPanel

CASE_SIZE = (1180, 760)  # a case's tabs hold wide tables
CALCULATION_SIZE = (1280, 900)  # lines, inputs, steps and versions on one tab
ARCHIVE_SIZE = (1280, 820)  # the lists beside the volume's pages
WIDE_SIZE = (1280, 700)  # the 期限 tab's columns


def altered_copy(volume: Path, directory: Path) -> Path:
    """A copy of a sealed volume handed out and returned with one page swapped for another."""
    directory.mkdir(parents=True, exist_ok=True)
    copy = directory / volume.name
    with pikepdf.open(volume) as pdf:
        pdf.pages[5] = pdf.pages[6]
        pdf.save(copy)
    return copy


class CaseShots(Camera):
    def __init__(self, bo: Backoffice, out: Path, cases: Workflow) -> None:
        super().__init__(bo, out)
        self.cases = cases

    def take_all(self) -> None:
        self.calculation()
        self.approvals()
        self.payments()
        self.warnings()
        self.archive()
        self.administration()

    def open_case(
        self, username: str, case_no: str, size: tuple[int, int] = CASE_SIZE
    ) -> tuple[MainWindow, CaseDetailView]:
        window = self.window(username, "cases", size)
        page = window.page("cases")
        assert isinstance(page, CaseListPage)
        view = page.open_case(case_no)
        wait_until(lambda: view.detail is not None)
        return window, view

    # --- chapter 3 -------------------------------------------------------------------------------
    def calculation(self) -> None:
        """The second version's two lines in the editing area, then the first version read-only."""
        window, view = self.open_case("demo-clerk", self.cases.calculation, CALCULATION_SIZE)
        view.tabs.setCurrentIndex(CaseDetailView.CALCULATION)
        tab = view.tabs.currentWidget()
        assert isinstance(tab, CalculationTab)
        wait_until(
            lambda: (
                len(tab.history) == 2
                and tab.base_version == 2
                and len(tab.draft.editors()) == 2
                and all(e.coverage.count() == 2 and e.valid for e in tab.draft.editors())
                and tab.print_button.isEnabled()
            )
        )
        tab.draft.select(1)
        settle()
        self.save(framed(window), "calc-lines")
        tab.choose_version(1)
        wait_until(lambda: tab.copy_button.isEnabled())
        settle()
        self.save(framed(window), "calc-old-version")
        self.close(window)

    # --- chapter 4 -------------------------------------------------------------------------------
    def approvals(self) -> None:
        """Approver level 3: the queue, the escalated case's trail, and the 拒赔 dialog filled in."""
        window = self.window("demo-approver3", "approvals", CASE_SIZE)
        page = window.page("approvals")
        assert isinstance(page, ApprovalsPage)
        wait_until(
            lambda: self.cases.escalated in page.queue_case_numbers() and page.refresh_button.isEnabled()
        )
        page.load_case(self.cases.escalated)  # shown without selecting its row: the 期限 badge stays visible
        wait_until(lambda: page.detail is not None and page.agree_button.isEnabled())
        settle()
        self.save(framed(window), "approvals-queue")
        dialog = page.open_sign_dialog("deny")
        assert dialog is not None
        dialog.reason.setCurrentIndex(dialog.reason.findData("not_covered"))
        dialog.clause_edit.setText("机动车商业保险示范条款第二十四条")
        dialog.facts_edit.setPlainText("经查勘，车头损失系发动机进水后继续行驶所致，不属于碰撞责任")
        dialog.password_edit.setText(DEFAULT_DEMO_PASSWORD)
        settle()
        self.save(with_dialog(window, dialog), "approvals-deny")
        dialog.reject()
        self.close(window)

    # --- chapter 5 -------------------------------------------------------------------------------
    def payments(self) -> None:
        """The payment case's money and payments, 标记已付 filled in; the callback of a paid case."""
        window, view = self.open_case("demo-clerk", self.cases.payment)
        view.tabs.setCurrentIndex(CaseDetailView.PAYMENTS)
        tab = view.payments
        wait_until(lambda: tab.state is not None and len(tab.views) == 2)
        pending = next(p for p in tab.views if p.status == "pending")
        tab.select_payment(pending.id)
        wait_until(lambda: tab.paid_button.isEnabled())
        settle()
        self.save(framed(window), "payments-tab")
        dialog = tab.mark_paid()
        assert dialog is not None
        dialog.reference.setText("CCB202603020117")
        settle()
        self.save(with_dialog(window, dialog), "payments-mark-paid")
        dialog.reject()
        self.close(window)

        window, view = self.open_case("demo-clerk", self.cases.service)
        view.tabs.setCurrentWidget(view.contacts)
        bar = view.contacts.service_bar
        wait_until(lambda: bar.callback_button.isEnabled())
        callback = bar.open_callback()
        assert callback is not None
        button = callback.satisfaction.button(4)
        button.setChecked(True)
        callback.satisfaction.idClicked.emit(4)
        callback.paid_on_time.setCurrentIndex(callback.paid_on_time.findData(True))
        callback.remarks.setPlainText("客户表示玻璃更换及时，希望以后短信提醒理赔进度")
        callback.remarks.setFocus()
        settle()
        self.save(with_dialog(window, callback), "payments-callback")
        callback.reject()
        self.close(window)

    # --- chapter 6 -------------------------------------------------------------------------------
    def warnings(self) -> None:
        """The clerk's workbench with warnings and tasks, the case list's 时效 badges, a case's 期限."""
        window = self.window("demo-clerk", None, CASE_SIZE)
        panel = window.page("workbench").findChild(MyWarningsPanel)
        assert panel is not None
        wait_until(lambda: panel.data is not None and panel.refresh_button.isEnabled())
        panel.task_table.selectRow(0)
        settle()
        self.save(framed(window), "workbench-warnings")
        self.close(window)

        window = self.window("demo-clerk", "cases", CASE_SIZE)
        cases = window.page("cases")
        assert isinstance(cases, CaseListPage)
        wait_until(lambda: cases.total is not None and cases.model.rowCount() == cases.total)
        wait_until(lambda: not cases.model.loading)
        settle()
        self.save(framed(window), "case-list-warnings")
        self.close(window)

        window, view = self.open_case("demo-supervisor", self.cases.payment, WIDE_SIZE)
        view.tabs.setCurrentWidget(view.deadlines)
        wait_until(lambda: view.deadlines.rows is not None and not view.deadlines.busy)
        view.deadlines.select_stage("payment")
        wait_until(lambda: view.deadlines.approve_button.isEnabled())
        settle()
        self.save(framed(window), "case-deadlines")
        self.close(window)

    # --- chapter 7 -------------------------------------------------------------------------------
    def archive(self) -> None:
        """The archivist's queue with a volume previewed, then a sealed volume verified."""
        window = self.window("demo-archivist", "archive", ARCHIVE_SIZE)
        page = window.page("archive")
        assert isinstance(page, ArchivePage)
        wait_until(lambda: self.cases.to_archive in page.queue_case_numbers())
        wait_until(lambda: page.refresh_button.isEnabled())
        page.queue_table.selectRow(page.queue_case_numbers().index(self.cases.to_archive))
        page.preview_case()
        wait_until(lambda: page.preview_tab.preview is not None and page.refresh_button.isEnabled())
        page.preview_tab.pdf.go_to(1)  # the volume file list (卷内文件目录)
        settle()
        self.save(framed(window), "archive-preview")
        page.volume_table.selectRow(0)
        volume = page.volume
        assert volume is not None
        page.verify_selected()
        wait_until(lambda: page.verify_view.report is not None and page.refresh_button.isEnabled())
        settle()
        self.save(framed(window), "archive-verify")
        page.verify_file(altered_copy(volume.path, self.bo.settings.data_dir / "交出副本"))
        wait_until(lambda: page.verify_view.report is not None and page.refresh_button.isEnabled())
        settle()
        self.save(framed(window), "archive-verify-altered")
        self.close(window)

    # --- chapter 8 -------------------------------------------------------------------------------
    def administration(self) -> None:
        """The authority matrix, a delegation ready to send, and the deadline rules."""
        window = self.window("demo-admin", "admin", CASE_SIZE)
        page = window.page("admin")
        assert isinstance(page, AdminPage)
        page.tabs.setCurrentWidget(page.authority_tab)
        wait_until(lambda: page.authority_tab.history_model.rowCount() > 0)
        settle()
        self.save(framed(window), "admin-authority")

        delegation = page.delegation_tab
        page.tabs.setCurrentWidget(delegation)
        wait_until(lambda: delegation.absent_combo.count() > 0 and delegation.refresh_button.isEnabled())
        delegation.absent_combo.setCurrentIndex(delegation.absent_combo.findData("demo-approver3"))
        wait_until(
            lambda: (
                self.cases.escalated in delegation.queue_case_numbers()
                and delegation.refresh_button.isEnabled()
            )
        )
        delegation.table.selectRow(delegation.queue_case_numbers().index(self.cases.escalated))
        delegation.target_combo.setCurrentIndex(delegation.target_combo.findData("demo-approver4"))
        delegation.reason_edit.setText("刘洋休年假至 3 月 6 日")
        settle()
        self.save(framed(window), "admin-delegation")

        rules = page.rules_tab
        page.tabs.setCurrentWidget(rules)
        wait_until(lambda: bool(rules.rules))
        rules.table.selectRow(0)
        settle()
        self.save(framed(window), "admin-rules")
        self.close(window)
