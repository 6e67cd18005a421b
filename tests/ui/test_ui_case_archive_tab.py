"""The 归档 tab of a case: 尚未归档, then the sealed volume, then every version after a re-issue."""

from __future__ import annotations

from pathlib import Path

from archive_ui_support import closed_case
from intake_ui_support import OFFSCREEN_POPUP_NOISE, clerk_fixture  # noqa: F401 (fixtures)
from PySide6.QtCore import Qt
from ui_support import demo_bo_fixture, demo_template_fixture, session  # noqa: F401

from backoffice.services import archive, archive_access
from backoffice.services.context import Backoffice, UserSession
from backoffice.ui.case_archive_tab import CaseArchiveTab
from backoffice.ui.case_detail import CaseDetailView

pytestmark = OFFSCREEN_POPUP_NOISE
SLOW = 60_000


def _view(qtbot, us: UserSession, case_no: str) -> tuple[CaseDetailView, CaseArchiveTab]:
    view = CaseDetailView(us, case_no)
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    qtbot.waitExposed(view)
    tab = view.tabs.widget(view.ARCHIVE)
    assert isinstance(tab, CaseArchiveTab) and view.tabs.tabText(view.ARCHIVE) == "归档"
    qtbot.waitUntil(lambda: tab.volumes is not None, timeout=SLOW)
    return view, tab


def _reload(qtbot, view: CaseDetailView, tab: CaseArchiveTab, count: int) -> None:
    tab.volumes = None
    qtbot.mouseClick(view.reload_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.volumes is not None and len(tab.volumes) == count, timeout=SLOW)


def test_not_archived_then_sealed_then_reissued(
    qtbot, demo_bo: Backoffice, clerk: UserSession, tmp_path: Path
) -> None:
    case_no = closed_case(clerk, tmp_path)
    view, tab = _view(qtbot, clerk, case_no)
    view.tabs.setCurrentIndex(view.ARCHIVE)
    assert tab.state.text() == "尚未归档：案件已结案，等待档案管理员立卷封存。"
    assert not tab.table.isVisible() and not tab.details.isVisible()

    archivist = session(demo_bo, "demo-archivist")
    first = archive.build_volume(archivist, case_no)
    _reload(qtbot, view, tab, 1)
    assert tab.state.text() == f"已归档：档号 {first.archive_no} 第 1 版，保管期限 10年。"
    assert tab.table.isVisible() and tab.model.rowCount() == 1
    assert [tab.model.index(0, c).data() for c in (0, 1, 2, 3, 4)] == [
        first.archive_no,
        "1",
        "有效",
        "10年",
        str(first.pages),
    ]
    assert tab.model.index(0, 6).data() == "赵敏（演示档案）"
    assert tab.value("sha256") == first.sha256 and tab.value("content_sha256") == first.content_sha256
    assert tab.value("path").startswith(str(first.path))
    assert tab.value("retention") == "10年" and tab.value("built").startswith("赵敏（演示档案） · ")
    Path("/tmp/shots").mkdir(exist_ok=True)
    view.grab().save("/tmp/shots/case_archive_tab.png")

    archive_access.retrieve(archivist, case_no, "法院判决需重开", reopen=True)
    _reload(qtbot, view, tab, 1)
    assert tab.state.text() == (
        "案卷已调出，案件不再处于归档状态（当前状态：已结案）：以下为已封存的版本，再次封卷时将立新版。"
    )
    assert tab.model.index(0, 2).data() == "有效"  # still the registered volume until a new one

    second = archive.build_volume(archivist, case_no)
    _reload(qtbot, view, tab, 2)
    assert tab.state.text() == f"已归档：档号 {second.archive_no} 第 2 版，保管期限 10年。"
    assert [tab.model.index(row, 1).data() for row in (0, 1)] == ["2", "1"]
    assert [tab.model.index(row, 2).data() for row in (0, 1)] == ["有效", "已被新版本取代"]
    tab.table.selectRow(1)
    assert tab.value("sha256") == first.sha256  # the old digest stays on record
    assert tab.value("archive_no") == f"{first.archive_no}（第 1 版，已被新版本取代）"


def test_an_unknown_case_reads_no_volumes(qtbot, demo_bo: Backoffice, clerk: UserSession) -> None:
    tab = CaseArchiveTab(clerk)
    qtbot.addWidget(tab)
    tab.show_case("2026000000000000")
    qtbot.waitUntil(lambda: not tab.error.isHidden(), timeout=SLOW)
    assert tab.error.text() == "没有案件号为 2026000000000000 的案件。" and tab.volumes is None


def test_retrieval_and_retrieval_for_reopening(
    qtbot, demo_bo: Backoffice, clerk: UserSession, tmp_path: Path
) -> None:
    case_no = closed_case(clerk, tmp_path)
    archivist = session(demo_bo, "demo-archivist")
    volume = archive.build_volume(archivist, case_no)

    view, tab = _view(qtbot, clerk, case_no)
    view.tabs.setCurrentIndex(view.ARCHIVE)
    assert tab.retrieve_button.isEnabled() and tab.reopen_button.isHidden()  # clerks may only look
    dialog = tab.open_retrieval(reopen=False)
    assert dialog is not None and not dialog.confirm_button.isEnabled()  # a reason is required
    dialog.note.insertPlainText("客户申诉复查")  # Chinese arrives through the input method, not keys
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.result.isVisible(), timeout=SLOW)
    assert volume.archive_no in tab.result.text() and str(volume.path) in tab.result.text()
    logged = archive_access.retrievals(archivist, case_no)
    assert [(reason, reopened) for _at, _who, reason, reopened in logged] == [("客户申诉复查", False)]

    view, tab = _view(qtbot, archivist, case_no)
    view.tabs.setCurrentIndex(view.ARCHIVE)
    qtbot.waitUntil(lambda: view.detail is not None and tab.reopen_button.isEnabled(), timeout=SLOW)
    dialog = tab.open_retrieval(reopen=True)
    assert dialog is not None
    dialog.note.insertPlainText("法院判决需重开")
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.detail is not None and view.detail.status == "closed", timeout=SLOW)
    assert "已恢复为已结案" in tab.result.text()
    qtbot.waitUntil(lambda: not tab.reopen_button.isEnabled(), timeout=SLOW)
