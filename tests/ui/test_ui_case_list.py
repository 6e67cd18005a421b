"""The 案件 page: a lazily fetched list, sorted and filtered by the service in SQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from intake_ui_support import (  # noqa: F401 (fixtures)
    OFFSCREEN_POPUP_NOISE,
    clerk_fixture,
    main_window,
    make_policy,
    register,
)
from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer
from PySide6.QtWidgets import QTableView
from ui_support import demo_bo_fixture, demo_template_fixture, session  # noqa: F401

from backoffice.services.cases import CaseFilter, CaseRow, list_cases
from backoffice.ui.case_list import CaseListPage
from backoffice.ui.case_model import FLAGS_ROLE, PAGE_SIZE, CaseListModel, immediate
from backoffice.ui.pages import PAGES
from backoffice.ui.tasks import Tasks

pytestmark = OFFSCREEN_POPUP_NOISE
CASES_SPEC = next(spec for spec in PAGES if spec.key == "cases")
M = CaseListModel


def _page(qtbot, us, **kwargs) -> CaseListPage:
    page = CaseListPage(us, CASES_SPEC, **kwargs)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


def _settled(qtbot, page: CaseListPage, rows: int) -> None:
    qtbot.waitUntil(
        lambda: page.model.rowCount() == rows and not page.model.loading and page.total is not None,
        timeout=15_000,
    )


def _column(model: CaseListModel, column: int) -> list[str]:
    return [model.index(row, column).data() for row in range(model.rowCount())]


def _click_header(qtbot, table: QTableView, column: int) -> None:
    header = table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


@pytest.fixture
def three_cases(clerk):
    make_policy(clerk, "PDAA202611000002", line="property")
    first = register(clerk, estimated_loss=Decimal("800"))
    second = register(clerk, "PDAA202611000002", cause="fire", estimated_loss=Decimal("52000"))
    late = register(
        clerk,
        estimated_loss=Decimal("4100"),
        incident_at=clerk.bo.now() - timedelta(days=4),
        overrides={"duplicate": "另一次", "late_report": "客户住院"},
    )
    return first, second, late


def test_list_shows_cases_filters_and_sorts_in_sql(qtbot, demo_bo, clerk, three_cases) -> None:
    first, second, late = three_cases
    page = _page(qtbot, clerk)
    _settled(qtbot, page, 3)
    model = page.model
    assert model.query.sort == "reported_at" and model.query.descending
    assert page.status.text() == "共 3 件案件，已显示 3 件"
    row = _column(model, M.CASE_NO).index(second.case_no)
    assert [model.index(row, c).data() for c in (M.STATUS, M.LINE, M.COMPLEXITY, M.CUSTOMER)] == [
        "收集单证",
        "财产险",
        "普通",
        "张*",
    ]
    assert model.index(row, M.ESTIMATED).data() == "52,000.00"

    _click_header(qtbot, page.table, M.ESTIMATED)  # ascending, by the database
    qtbot.waitUntil(lambda: model.query.sort == "estimated_loss" and model.rowCount() == 3, timeout=15_000)
    assert not model.query.descending
    assert _column(model, M.ESTIMATED) == ["800.00", "4,100.00", "52,000.00"]
    _click_header(qtbot, page.table, M.ESTIMATED)
    qtbot.waitUntil(lambda: model.query.descending and model.rowCount() == 3, timeout=15_000)
    assert _column(model, M.ESTIMATED) == ["52,000.00", "4,100.00", "800.00"]
    assert page.table.horizontalHeader().sortIndicatorSection() == M.ESTIMATED
    _click_header(qtbot, page.table, M.CUSTOMER)  # not sortable in SQL: the order in force stays
    assert model.query.sort == "estimated_loss"
    assert page.table.horizontalHeader().sortIndicatorSection() == M.ESTIMATED

    page.filters.line.setCurrentIndex(page.filters.line.findData("property"))
    _settled(qtbot, page, 1)
    assert _column(model, M.CASE_NO) == [second.case_no]
    page.filters.line.setCurrentIndex(0)
    page.filters.flag.setCurrentIndex(page.filters.flag.findData("late_report"))
    _settled(qtbot, page, 1)
    assert _column(model, M.CASE_NO) == [late.case_no]
    assert model.index(0, M.FLAGS).data(FLAGS_ROLE) == ("repeat_claimant", "late_report")
    assert "报案延迟超过 48 小时" in model.index(0, M.FLAGS).data(Qt.ItemDataRole.ToolTipRole)
    page.table.grab()  # the badges paint without complaint
    page.filters.flag.setCurrentIndex(0)
    page.filters.complexity.setCurrentIndex(page.filters.complexity.findData("simple"))
    _settled(qtbot, page, 1)
    assert _column(model, M.CASE_NO) == [first.case_no]
    page.filters.complexity.setCurrentIndex(0)
    page.filters.status.setCurrentIndex(page.filters.status.findData("closed"))
    _settled(qtbot, page, 0)
    assert page.status.text() == "共 0 件案件，已显示 0 件"
    page.filters.status.setCurrentIndex(0)
    page.filters.only_mine.setChecked(True)  # demo-clerk handles all three
    _settled(qtbot, page, 3)


def test_search_box_waits_for_a_pause_then_searches(qtbot, demo_bo, clerk, three_cases) -> None:
    first, _second, _late = three_cases
    page = _page(qtbot, clerk)
    _settled(qtbot, page, 3)
    generation = page.model._generation
    qtbot.keyClicks(page.filters.search, first.case_no)
    assert page.model._generation == generation  # no query per key
    _settled(qtbot, page, 1)
    assert page.model._generation == generation + 1
    assert _column(page.model, M.CASE_NO) == [first.case_no]
    page.filters.search.clear()
    _settled(qtbot, page, 3)
    page.filters.search.setText("PDAA202611000002")  # by policy number
    _settled(qtbot, page, 1)
    page.filters.search.setText("11010519491231002X")  # by the customer's ID number
    _settled(qtbot, page, 3)
    page.filters.search.setText("张伟")  # by full name
    _settled(qtbot, page, 3)


def test_enter_and_double_click_open_the_case_in_a_tab(qtbot, demo_bo, clerk, three_cases) -> None:
    first, second, _late = three_cases
    window = main_window(qtbot, clerk, "cases")
    page = window.page("cases")
    _settled(qtbot, page, 3)
    row = _column(page.model, M.CASE_NO).index(first.case_no)
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(row, 0))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    view = page.detail(first.case_no)
    assert view is not None and page.tabs.currentWidget() is view
    assert page.tabs.tabText(page.tabs.currentIndex()) == first.case_no
    qtbot.waitUntil(lambda: view.detail is not None, timeout=15_000)

    page.tabs.setCurrentIndex(0)
    qtbot.waitUntil(page.table.isVisible)
    row = _column(page.model, M.CASE_NO).index(second.case_no)
    page.table.scrollTo(page.model.index(row, M.CUSTOMER))
    rect = page.table.visualRect(page.model.index(row, M.CUSTOMER))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # a double
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # click
    assert page.tabs.count() == 3 and page.tabs.currentWidget() is page.detail(second.case_no)
    page.open_case(first.case_no)  # already open: shown, not opened twice
    assert page.tabs.count() == 3
    page.close_tab(page.tabs.currentIndex())
    assert page.detail(first.case_no) is None and page.tabs.count() == 2
    page.close_tab(0)  # the list stays
    assert page.tabs.count() == 2


def test_lazy_fetch_against_the_real_service(qtbot, demo_bo, clerk) -> None:
    start = clerk.bo.now() - timedelta(hours=2)
    for n in range(PAGE_SIZE + 5):
        register(clerk, incident_at=start + timedelta(seconds=n), estimated_loss=Decimal(100 + n))
    page = _page(qtbot, clerk)
    _settled(qtbot, page, PAGE_SIZE)  # one page, not all
    assert page.status.text() == f"共 {PAGE_SIZE + 5} 件案件，已显示 {PAGE_SIZE} 件"
    assert page.model.canFetchMore(QModelIndex())
    page.table.scrollToBottom()  # the view asks for the next page
    _settled(qtbot, page, PAGE_SIZE + 5)
    assert not page.model.canFetchMore(QModelIndex())
    numbers = _column(page.model, M.CASE_NO)
    assert len(set(numbers)) == PAGE_SIZE + 5
    assert numbers == [row.case_no for row in list_cases(clerk, sort="reported_at", limit=500)]


class FakeCases:
    """A service-layer stand-in that holds ``total`` cases without making them; records every call."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.calls: list[tuple[str, bool, int, int]] = []

    def __call__(
        self, flt: CaseFilter, sort: str, descending: bool, offset: int, limit: int
    ) -> list[CaseRow]:
        self.calls.append((sort, descending, offset, limit))
        end = min(self.total, offset + limit)
        when = datetime(2026, 3, 2, tzinfo=UTC)
        return [
            CaseRow(
                n,
                f"2026110001{n:06d}",
                "registered",
                "motor",
                "normal",
                "王芳",
                "张*",
                when,
                Decimal(n),
                ("late_report",) if n % 7 == 0 else (),
                None,
            )
            for n in range(offset + 1, end + 1)
        ]


def test_a_million_cases_load_only_the_pages_the_view_asks_for(qtbot, demo_bo, clerk) -> None:
    fake = FakeCases(1_000_000)
    page = _page(qtbot, clerk, fetch=fake)
    qtbot.waitUntil(lambda: page.model.rowCount() == PAGE_SIZE and not page.model.loading, timeout=10_000)
    assert fake.calls == [("reported_at", True, 0, PAGE_SIZE)]
    for _ in range(2):
        page.table.scrollToBottom()
        rows = page.model.rowCount()
        qtbot.waitUntil(lambda rows=rows: page.model.rowCount() == rows + PAGE_SIZE, timeout=10_000)
        qtbot.waitUntil(lambda: not page.model.loading)
    qtbot.wait(100)
    assert page.model.rowCount() == 3 * PAGE_SIZE
    assert [call[2] for call in fake.calls] == [0, PAGE_SIZE, 2 * PAGE_SIZE]

    page.model.sort(M.CASE_NO, Qt.SortOrder.AscendingOrder)  # a new order starts again at the top
    qtbot.waitUntil(lambda: page.model.rowCount() == PAGE_SIZE and not page.model.loading, timeout=10_000)
    qtbot.wait(100)
    assert fake.calls[3:] == [("case_no", False, 0, PAGE_SIZE)]
    assert page.table.verticalScrollBar().value() == 0


def test_late_pages_of_an_earlier_query_are_dropped(qtbot) -> None:
    fake = FakeCases(500)
    pending = []
    model = CaseListModel(fake, lambda call, ok, err: pending.append((call, ok)))
    model.start()
    model.set_filter(CaseFilter(line="motor"))  # before the first page came back
    assert len(pending) == 2
    call, ok = pending[0]
    ok(call())  # the answer to the first query: dropped
    assert model.rowCount() == 0 and model.loading
    call, ok = pending[1]
    ok(call())
    assert model.rowCount() == PAGE_SIZE and not model.loading


def queued(call, on_result, on_error) -> None:
    """A runner that answers on the next turn of the event loop, as the worker does: the model testers
    re-run their checks (fetchMore included) from inside modelReset, where no rows may arrive yet."""
    QTimer.singleShot(0, lambda: immediate(call, on_result, on_error))


@pytest.mark.parametrize("force_py", [False, True], ids=["qt-tester", "python-tester"])
def test_model_passes_the_model_tester_with_fake_pages(qtbot, qtmodeltester, force_py) -> None:
    model = CaseListModel(FakeCases(450), queued)
    qtmodeltester.check(model, force_py=force_py)  # once: the tester then watches every change
    model.start()
    qtbot.waitUntil(lambda: model.rowCount() == PAGE_SIZE and not model.loading)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
        qtbot.waitUntil(lambda: not model.loading)
    assert model.rowCount() == 450
    model.sort(M.ESTIMATED, Qt.SortOrder.AscendingOrder)  # a reset and a new first page
    qtbot.waitUntil(lambda: model.rowCount() == PAGE_SIZE and not model.loading)
    model.set_filter(CaseFilter(flag="late_report"))
    qtbot.waitUntil(lambda: model.rowCount() == PAGE_SIZE and not model.loading)
    assert model.headerData(M.CASE_NO, Qt.Orientation.Horizontal) == "案件号"
    assert model.index(0, M.CASE_NO).data(Qt.ItemDataRole.UserRole).id == 1
    assert model.index(0, M.ESTIMATED).data(Qt.ItemDataRole.TextAlignmentRole) is not None
    assert model.index(6, M.FLAGS).data(FLAGS_ROLE) == ("late_report",)
    assert model.index(0, M.FLAGS).data(FLAGS_ROLE) == ()


def test_model_passes_the_model_tester_on_the_real_service(qtbot, qtmodeltester, demo_bo, clerk, three_cases):
    tasks = Tasks()
    model = CaseListModel(
        lambda flt, sort, desc, offset, limit: list_cases(
            clerk, flt, sort=sort, descending=desc, offset=offset, limit=limit
        ),
        tasks.run,
    )
    qtmodeltester.check(model)
    model.start()
    qtbot.waitUntil(lambda: model.rowCount() == 3 and not model.loading, timeout=15_000)
    model.set_filter(CaseFilter(line="property"))
    qtbot.waitUntil(lambda: model.rowCount() == 1 and not model.loading, timeout=15_000)
    model.sort(M.CASE_NO, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: model.rowCount() == 1 and not model.loading, timeout=15_000)


def test_a_refusal_is_shown_under_the_list(qtbot, demo_bo, clerk) -> None:
    def refuse(*_args):
        from backoffice.domain.errors import ValidationError

        raise ValidationError("sort", "不能按“{sort}”排序。", sort="x")

    page = _page(qtbot, clerk, fetch=refuse)
    qtbot.waitUntil(page.error.isVisible, timeout=10_000)
    assert page.error.text() == "不能按“x”排序。"
    assert not page.model.canFetchMore(QModelIndex())


@pytest.fixture
def english(qapp):
    from backoffice import i18n

    translator = i18n.load("en")
    assert translator is not None
    qapp.installTranslator(translator)
    try:
        yield
    finally:
        qapp.removeTranslator(translator)
        i18n.load("zh_CN")


def test_intake_screens_in_english(qtbot, demo_bo, clerk, three_cases, english) -> None:
    window = main_window(qtbot, clerk, "new_report")
    report = window.page("new_report")
    assert report.submit_button.text() == "Register report (Ctrl+Enter)"
    assert report.form.cause.currentText() == "Collision"
    assert report.form.channel.currentText() == "Phone 95500"
    page = window.show_page("cases")
    _settled(qtbot, page, 3)
    assert page.model.headerData(M.CASE_NO, Qt.Orientation.Horizontal) == "Case no."
    assert set(_column(page.model, M.STATUS)) == {"Collecting documents"}
    assert page.status.text() == "3 cases, 3 shown"
    late = three_cases[2]
    row = _column(page.model, M.CASE_NO).index(late.case_no)
    assert page.model.index(
        row, M.FLAGS
    ).data() == "Another claim with the same ID or phone within 12 months, " + (
        "Reported more than 48 hours late"
    )
    view = page.open_case(late.case_no)
    qtbot.waitUntil(lambda: view.detail is not None, timeout=15_000)
    assert [view.tabs.tabText(i) for i in range(3)] == ["Summary", "Documents", "Calculation"]
    assert view.documents.model.index(0, 1).data() == "Mandatory"
