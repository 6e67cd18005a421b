"""The supervisor dashboard and the "my warnings" panel with real data (SQLite): rendered from a worker,
KPI cells and chart bars open the cases behind them, the XLSX export, no Qt warnings."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from conftest import FAST_KDF, FakeClock
from PySide6.QtCore import QCoreApplication, Qt
from ui_support import OFFSCREEN_NOISE

from backoffice.db.engine import Database
from backoffice.db.migrate import upgrade
from backoffice.services import auth, setup
from backoffice.services.context import Backoffice
from backoffice.settings import Settings
from backoffice.ui.dashboard import DashboardPage
from backoffice.ui.fonts import register_app_font
from backoffice.ui.kpi_model import KpiTableModel
from backoffice.ui.pages import PAGES
from backoffice.ui.tasks import wait_for_tasks
from backoffice.ui.warnings_panel import MyWarningsPanel, add_warnings_panel

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))  # the shared case-flow helpers
pytestmark = OFFSCREEN_NOISE
REPORTS = next(spec for spec in PAGES if spec.key == "reports")
WORKBENCH = next(spec for spec in PAGES if spec.key == "workbench")


@pytest.fixture
def office(tmp_path: Path, qapp) -> Iterator[tuple[object, dict[str, str]]]:
    """March 2025: one case settled and closed, one overdue for registration, one just registered."""
    from sla_support import make_office, receive_all_at, register, settled_case, sh

    register_app_font()
    url = f"sqlite:///{tmp_path / 'bo.sqlite3'}"
    clock = FakeClock(datetime(2025, 2, 1, 1, 0, tzinfo=UTC))
    bo = Backoffice(Settings(tmp_path / "data", url), Database(url), clock, FAST_KDF)
    upgrade(bo.db)
    setup.initialise(
        bo, admin_username="admin", admin_display_name="管理员", admin_password="admin-pass-2026"
    )
    office = make_office(bo, auth.sign_in(bo, "admin", "admin-pass-2026"), clock)
    cases = {"closed": settled_case(office, sh(2025, 3, 3, 8))}
    cases["late"], late_id = register(office, sh(2025, 3, 4))
    receive_all_at(office, cases["late"], late_id, sh(2025, 3, 4, 10))  # registration due 5 Mar
    cases["new"], _ = register(office, sh(2025, 3, 10))
    clock.now = sh(2025, 3, 10, 16)
    try:
        yield office, cases
    finally:
        assert wait_for_tasks(30_000), "a worker thread did not finish"
        QCoreApplication.processEvents()
        bo.close()


def shown_dashboard(qtbot, us) -> DashboardPage:
    page = DashboardPage(us, REPORTS)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.show()
    return page


def test_dashboard_renders_and_drills_down(qtbot, office, tmp_path) -> None:
    office_, cases = office
    page = shown_dashboard(qtbot, office_.supervisor)
    assert page.selected_month() == "2025-03"
    model = page.kpi_model
    assert model.rowCount() == 1 and model.index(0, 0).data() == "北京分公司"
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[1] == "当月结案率\n≥65%"
    # closed 1 of (0 open on 1 Mar + 3 reported in March): 33.33 %, below the target: red.
    assert model.index(0, 1).data() == "33.33%"
    assert model.index(0, 1).data(Qt.ItemDataRole.ForegroundRole).name() == "#b00020"
    assert "红色预警 1" in page.status.text()
    assert page.charts["kpi"].chart().series()[0].count() == 2
    assert [s.label() for s in page.bar_sets("warnings")] == ["黄色预警", "红色预警"]

    rect = page.kpi_table.visualRect(model.index(0, 1))
    qtbot.mouseClick(page.kpi_table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # a double
    qtbot.mouseDClick(page.kpi_table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # click
    [dialog] = page.dialogs
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=20_000)
    assert dialog.case_numbers() == [cases["closed"]]
    assert "当月结案率" in dialog.windowTitle()
    dialog.reject()

    red, aging = page.bar_sets("warnings")[1], page.bar_sets("aging")[0]
    red.clicked.emit(0)  # what a click on the first red bar (立案登记) sends
    red_dialog = page.dialogs[-1]
    qtbot.waitUntil(lambda: red_dialog.model.rowCount() == 1, timeout=20_000)
    assert red_dialog.case_numbers() == [cases["late"]]
    aging.clicked.emit(0)  # 0-30 days
    aging_dialog = page.dialogs[-1]
    qtbot.waitUntil(lambda: aging_dialog.model.rowCount() == 2, timeout=20_000)
    assert sorted(aging_dialog.case_numbers()) == sorted([cases["late"], cases["new"]])

    page.dimension.setCurrentIndex(page.dimension.findData("person"))
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["clerk"]
    with qtbot.waitSignal(page.exported, timeout=20_000):
        page.export_to(tmp_path / "kpi.xlsx")
    assert (tmp_path / "kpi.xlsx").stat().st_size > 0


def test_kpi_model_passes_the_model_tester(qtmodeltester, qtbot, office) -> None:
    office_, _cases = office
    page = shown_dashboard(qtbot, office_.supervisor)
    model = KpiTableModel()
    qtmodeltester.check(model, force_py=True)
    assert page.data is not None
    model.set_report(page.data.kpis, "team")
    qtmodeltester.check(model, force_py=True)


def test_my_warnings_panel_on_the_workbench(qtbot, office) -> None:
    office_, cases = office
    from backoffice.ui.pages import PlaceholderPage

    page = add_warnings_panel(PlaceholderPage(WORKBENCH, greeting="欢迎"), office_.clerk)
    qtbot.addWidget(page)
    panel = page.findChild(MyWarningsPanel)
    with qtbot.waitSignal(panel.loaded, timeout=20_000):
        page.show()
    rows = [[panel.model.index(r, c).data() for c in range(5)] for r in range(panel.model.rowCount())]
    assert rows[0] == [cases["late"], "立案登记", "2025-03-05", "-3", "红色"]
    assert panel.model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole).name() == "#ffcdd2"
    assert panel.notice.isVisible() and "1 个环节已超时" in panel.notice.text()
    with qtbot.waitSignal(panel.case_activated, timeout=2_000) as opened:
        rect = panel.table.visualRect(panel.model.index(0, 0))
        qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [cases["late"]]
    assert page.findChild(type(panel.notice), "placeholder") is not None  # the page keeps its text


def test_main_window_wires_the_dashboard_and_the_panel(qtbot, office) -> None:
    from backoffice.ui.main_window import MainWindow

    office_, _cases = office
    window = MainWindow(office_.supervisor, demo=False)
    qtbot.addWidget(window)
    assert window.page_keys() == ["workbench", "cases", "reports"]
    panel = window.page("workbench").findChild(MyWarningsPanel)
    with qtbot.waitSignal(panel.loaded, timeout=20_000):
        window.show()  # the workbench is the first page
    dashboard = window.page("reports")
    assert isinstance(dashboard, DashboardPage)
    with qtbot.waitSignal(dashboard.loaded, timeout=20_000):
        window.show_page("reports")
    assert dashboard.kpi_model.rowCount() == 1
