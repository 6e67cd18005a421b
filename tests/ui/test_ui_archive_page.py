"""The 归档 page as an archivist uses it: queue, preview, seal, batch with cancel, verify."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from archive_ui_support import closed_case, damage_scan, scan_bytes
from intake_ui_support import OFFSCREEN_POPUP_NOISE, clerk_fixture, main_window, type_text  # noqa: F401
from PySide6.QtCore import QPoint, Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget
from ui_support import OFFSCREEN_NOISE, PASSWORD, demo_bo_fixture, demo_template_fixture, session  # noqa: F401

from backoffice.services import archive, cases
from backoffice.services.archive_views import archive_queue, archived_volumes
from backoffice.services.context import Backoffice, UserSession
from backoffice.ui.archive_page import ArchivePage
from backoffice.ui.archive_seal_dialog import SealDialog
from backoffice.ui.formatting import SHANGHAI

pytestmark = [OFFSCREEN_NOISE, OFFSCREEN_POPUP_NOISE]
_WINDOWS: list[QWidget] = []
SLOW = 120_000  # a volume takes a second or two to build; the machine may be busy


def archive_page(qtbot, us: UserSession) -> ArchivePage:
    window = main_window(qtbot, us, "archive")
    _WINDOWS.append(window)  # qtbot holds the window only weakly
    page = window.page("archive")
    assert isinstance(page, ArchivePage)
    qtbot.waitUntil(lambda: page.queue_count.text() != "" and not page._tasks.busy, timeout=SLOW)
    return page


def archivist(bo: Backoffice) -> UserSession:
    return session(bo, "demo-archivist")


def idle(qtbot, page: ArchivePage) -> None:
    qtbot.waitUntil(lambda: not page._tasks.busy, timeout=SLOW)


def select_case(qtbot, page: ArchivePage, case_no: str) -> None:
    row = page.queue_case_numbers().index(case_no)
    rect = page.queue_table.visualRect(page.queue_model.index(row, 0))
    qtbot.mouseClick(page.queue_table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.case_no == case_no


def select_volume(qtbot, page: ArchivePage, row: int) -> None:
    rect = page.volume_table.visualRect(page.volume_model.index(row, 0))
    qtbot.mouseClick(page.volume_table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.volume is not None


def open_seal_dialog(qtbot, page: ArchivePage) -> SealDialog:
    assert page.seal_button.isEnabled()
    qtbot.mouseClick(page.seal_button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(SealDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def tick(qtbot, dialog: SealDialog) -> None:
    """Click the unmasked box on its indicator (the widget is wider than its text)."""
    box = dialog.unmasked_box
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def cell(page: ArchivePage, model: str, row: int, column: int) -> str:
    return getattr(page, model).index(row, column).data()


def test_queue_preview_and_seal(qtbot, demo_bo: Backoffice, clerk: UserSession, tmp_path: Path) -> None:
    case_no = closed_case(clerk, tmp_path)
    page = archive_page(qtbot, archivist(demo_bo))
    assert page.queue_case_numbers() == [case_no]
    assert page.queue_count.text() == "待归档：1 件"
    assert [cell(page, "queue_model", 0, c) for c in (2, 3, 4)] == ["机动车辆险", "3,200.00", "赔款已支付"]
    (queued,) = archive_queue(page._us)
    closed_at = queued.closed_at
    assert closed_at is not None
    assert cell(page, "queue_model", 0, 1) == closed_at.astimezone(SHANGHAI).date().isoformat()
    assert page.volume_model.rowCount() == 0
    assert not page.preview_button.isEnabled() and not page.seal_button.isEnabled()
    assert page.batch_button.isEnabled()

    select_case(qtbot, page, case_no)
    assert page.preview_button.isEnabled() and page.seal_button.isEnabled()
    with qtbot.waitSignal(page.previewed, timeout=SLOW) as previewed:
        qtbot.mouseClick(page.preview_button, Qt.MouseButton.LeftButton)
        assert not page.preview_button.isEnabled()  # the worker is building
    preview = previewed.args[0]
    assert page.preview_tab.pdf.document.status() == QPdfDocument.Status.Ready
    assert page.preview_tab.pdf.document.pageCount() == preview.pages > 10
    assert page.tabs.currentIndex() == page.PREVIEW
    assert case_no in page.preview_tab.pdf.caption.text() and "未封存" in page.preview_tab.pdf.caption.text()
    assert page.preview_tab.problems.text() == "完整性检查未发现问题，可以封卷。"
    # nothing is registered by a preview
    assert archived_volumes(page._us) == [] and cases.get_case(clerk, case_no).status == "closed"

    assert page.preview_tab.pdf.current_page() == 0 and not page.preview_tab.pdf.previous_button.isEnabled()
    qtbot.mouseClick(page.preview_tab.pdf.next_button, Qt.MouseButton.LeftButton)
    assert page.preview_tab.pdf.current_page() == 1 and page.preview_tab.pdf.page_box.value() == 2
    assert (
        page.preview_tab.pdf.jump_list.count() == len(preview.contents) > preview.items
    )  # sheets and documents
    assert page.preview_tab.pdf.jump_list.itemText(0) == "案卷封面"
    last = page.preview_tab.pdf.jump_list.count() - 1
    page.preview_tab.pdf.jump_list.setCurrentIndex(last)
    page.preview_tab.pdf.jump_list.activated.emit(last)
    assert (
        page.preview_tab.pdf.current_page() == preview.pages - 1
        and not page.preview_tab.pdf.next_button.isEnabled()
    )
    page.preview_tab.pdf.go_to(0)
    assert page.preview_tab.pdf.jump_list.currentText() == "案卷封面"  # the list follows the page shown
    qtbot.wait(500)  # QPdfView renders on its own thread: let the first pages appear in the picture
    Path("/tmp/shots").mkdir(exist_ok=True)
    page.window().grab().save("/tmp/shots/archive_page_preview.png")

    dialog = open_seal_dialog(qtbot, page)
    assert dialog.unmasked_box.isEnabled() and not dialog.unmasked_box.isChecked()
    assert not dialog.password_edit.isVisible()  # a masked volume needs only the confirmation
    with qtbot.waitSignal(page.sealed, timeout=SLOW) as sealed:
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    info = sealed.args[0]
    idle(qtbot, page)
    assert info.path.is_file() and not info.unmasked and info.case_no == case_no
    assert cases.get_case(clerk, case_no).status == "archived"
    assert info.archive_no in page.result.text() and "已封卷" in page.result.text()
    assert page.queue_case_numbers() == [] and page.queue_count.text() == "待归档：0 件"
    assert page.volume_model.rowCount() == 1
    assert cell(page, "volume_model", 0, 0) == info.archive_no
    assert cell(page, "volume_model", 0, 2) == case_no
    assert cell(page, "volume_model", 0, 4) == info.sha256[:16] + "…"
    assert cell(page, "volume_model", 0, 6) == "有效"
    assert not page.preview_button.isEnabled() and not page.batch_button.isEnabled()


def test_unmasked_volume_needs_reason_and_password(
    qtbot, demo_bo: Backoffice, clerk: UserSession, tmp_path: Path
) -> None:
    case_no = closed_case(clerk, tmp_path)
    page = archive_page(qtbot, archivist(demo_bo))
    select_case(qtbot, page, case_no)
    dialog = open_seal_dialog(qtbot, page)
    tick(qtbot, dialog)
    assert dialog.unmasked() and dialog.password_edit.isVisible()
    assert dialog.password_edit.echoMode() == dialog.password_edit.EchoMode.Password
    assert not dialog.confirm_button.isEnabled()
    type_text(qtbot, dialog.reason_edit, "法院调取证据")
    assert not dialog.confirm_button.isEnabled()
    qtbot.keyClicks(dialog.password_edit, "wrong-password")
    assert dialog.confirm_button.isEnabled()
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.error.isVisible, timeout=SLOW)
    idle(qtbot, page)
    assert "密码" in page.error.text() and "Traceback" not in page.error.text()
    assert cases.get_case(clerk, case_no).status == "closed" and page.queue_case_numbers() == [case_no]

    select_case(qtbot, page, case_no)
    dialog = open_seal_dialog(qtbot, page)
    tick(qtbot, dialog)
    type_text(qtbot, dialog.reason_edit, "法院调取证据")
    qtbot.keyClicks(dialog.password_edit, PASSWORD)
    with qtbot.waitSignal(page.sealed, timeout=SLOW) as sealed:
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert sealed.args[0].unmasked
    idle(qtbot, page)
    assert not page.error.isVisible()
    assert cell(page, "volume_model", 0, 6) == "有效（未屏蔽）"


def test_a_case_archived_meanwhile_gives_a_clear_message(
    qtbot, demo_bo: Backoffice, clerk: UserSession, tmp_path: Path
) -> None:
    case_no = closed_case(clerk, tmp_path)
    page = archive_page(qtbot, archivist(demo_bo))
    select_case(qtbot, page, case_no)
    archive.build_volume(archivist(demo_bo), case_no)  # by a colleague, behind this page's back
    qtbot.mouseClick(page.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.error.isVisible, timeout=SLOW)
    assert page.error.text() == f"只有已结案的案件可以立卷归档（案件 {case_no} 当前未结案或已归档）。"
    assert page.preview_tab.pdf.caption.text() == "无法生成预览。" and page.preview_tab.pdf.pages == 0


def start_batch(qtbot, page: ArchivePage) -> None:
    assert page.batch_button.isEnabled()
    qtbot.mouseClick(page.batch_button, Qt.MouseButton.LeftButton)
    box = page.findChild(QMessageBox, "archive-batch-confirm")
    assert box is not None and box.isVisible()
    assert f"全部 {page.queue_model.rowCount()} 件" in box.text()
    (start,) = [b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole]
    qtbot.mouseClick(start, Qt.MouseButton.LeftButton)


def test_batch_builds_every_closed_case_with_progress_and_a_summary(
    qtbot, demo_bo: Backoffice, clerk: UserSession, tmp_path: Path
) -> None:
    numbers = [closed_case(clerk, tmp_path) for _ in range(3)]
    damage_scan(clerk, numbers[1])  # this one fails the completeness checks
    page = archive_page(qtbot, archivist(demo_bo))
    steps: list[tuple[int, int, str]] = []
    page.batch_progress.connect(lambda n, m, case_no: steps.append((n, m, case_no)))
    with qtbot.waitSignal(page.batch_finished, timeout=SLOW) as finished:
        start_batch(qtbot, page)
        assert page.batch_panel.isVisible() and page.batch_panel.cancel_button.isEnabled()
        assert not page.batch_button.isEnabled() and not page.preview_button.isEnabled()
    result = finished.args[0]
    assert steps == [(n, 3, case_no) for n, case_no in enumerate(numbers, start=1)]
    assert [info.case_no for info in result.built] == [numbers[0], numbers[2]] and not result.cancelled
    assert [case_no for case_no, _error in result.failed] == [numbers[1]]
    idle(qtbot, page)
    assert not page.batch_panel.isVisible()
    assert page.tabs.currentIndex() == page.BATCH
    summary = page.batch_summary.toPlainText().splitlines()
    assert summary[0] == "批量归档完成：已封卷 2 件，失败 1 件。"
    assert page.error.text() == summary[0] and page.error.isVisible()
    assert summary[1].startswith(f"✓ {numbers[0]}：档号 {result.built[0].archive_no} 第 1 版")
    failure = summary.index(f"✗ {numbers[1]}：案卷未通过完整性检查，不能封存（共 1 项）：")
    assert summary[failure + 1].startswith("    1. 附件") and "未通过校验" in summary[failure + 1]
    assert page.queue_case_numbers() == [numbers[1]] and page.volume_model.rowCount() == 2
    assert [cases.get_case(clerk, n).status for n in numbers] == ["archived", "closed", "archived"]


def test_cancel_stops_the_batch_before_the_end(
    qtbot, demo_bo: Backoffice, clerk: UserSession, tmp_path: Path
) -> None:
    numbers = [closed_case(clerk, tmp_path) for _ in range(3)]
    page = archive_page(qtbot, archivist(demo_bo))
    with qtbot.waitSignal(page.batch_finished, timeout=SLOW) as finished:
        with qtbot.waitSignal(page.batch_progress, timeout=SLOW) as first:
            start_batch(qtbot, page)
        assert first.args[:2] == [1, 3] and numbers[0] in page.batch_panel.label.text()
        assert page.batch_panel.bar.maximum() == 3
        qtbot.mouseClick(page.batch_panel.cancel_button, Qt.MouseButton.LeftButton)
        assert not page.batch_panel.cancel_button.isEnabled()
    result = finished.args[0]
    assert result.cancelled and len(result.built) < len(numbers) and result.skipped
    idle(qtbot, page)
    volumes = archived_volumes(page._us)
    assert len(volumes) == len(result.built) == page.volume_model.rowCount()
    assert page.queue_case_numbers() == list(result.skipped)
    assert all(cases.get_case(clerk, n).status == "closed" for n in result.skipped)
    assert page.batch_summary.toPlainText().startswith(
        f"批量归档已取消：已封卷 {len(result.built)} 件，失败 0 件，未处理 {len(result.skipped)} 件。"
    )


def test_verify_a_volume_and_an_altered_copy(
    qtbot, demo_bo: Backoffice, clerk: UserSession, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    case_no = closed_case(clerk, tmp_path)
    info = archive.build_volume(archivist(demo_bo), case_no)
    page = archive_page(qtbot, archivist(demo_bo))
    assert not page.verify_button.isEnabled()
    select_volume(qtbot, page, 0)
    with qtbot.waitSignal(page.verified, timeout=SLOW) as verified:
        qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    assert verified.args[0].ok
    view = page.verify_view
    assert page.tabs.currentIndex() == page.VERIFY
    assert view.headline.text() == "校验通过：文件与封存清单和档案登记一致，未被改动。"
    assert view.value("archive_no") == f"{info.archive_no}（第 1 版）" and view.value("case_no") == case_no
    assert view.value("file_sha256") == info.sha256 == view.value("recorded_sha256")
    assert view.value("altered_items") == "无" and not view.problems.isVisible()

    data = bytearray(info.path.read_bytes())
    original = scan_bytes(tmp_path, case_no)
    data[data.find(original[300:340]) + 3] ^= 0x01
    copy = tmp_path / "copy" / info.path.name
    copy.parent.mkdir()
    shutil.copyfile(info.path, copy)
    copy.write_bytes(bytes(data))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kw: (str(copy), "PDF (*.pdf)"))
    with qtbot.waitSignal(page.verified, timeout=SLOW) as verified:
        qtbot.mouseClick(page.verify_file_button, Qt.MouseButton.LeftButton)
    report = verified.args[0]
    assert not report.ok and report.altered_items
    assert view.headline.text().startswith("校验未通过：")
    assert view.value("altered_items") == "第 " + "、".join(map(str, report.altered_items)) + " 件"
    assert view.value("file") == str(copy)
    problems = [view.problems.item(row).text() for row in range(view.problems.count())]
    assert view.problems.isVisible() and len(problems) == len(report.problems)
    assert any("扫描" in p and f"第 {report.altered_items[0]} 件" in p for p in problems)
    assert any("SHA-256 摘要与登记不符" in p for p in problems)
    page.window().grab().save("/tmp/shots/archive_page_verify.png")


@pytest.fixture(autouse=True)
def _keep_windows(qapp: QApplication) -> Iterator[None]:
    yield
    _WINDOWS.clear()
