"""A case in its own tab: summary with reveal, documents (receipts, scans, preview, notice), contacts."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from intake_ui_support import (  # noqa: F401 (fixtures)
    INSURED_ID,
    OFFSCREEN_POPUP_NOISE,
    clerk_fixture,
    jpeg,
    register,
    type_text,
)
from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from ui_support import PASSWORD, demo_bo_fixture, demo_template_fixture, session  # noqa: F401

from backoffice.services.attachments import list_attachments
from backoffice.services.audit import case_records as read_records
from backoffice.services.cases import get_case
from backoffice.ui import reveal
from backoffice.ui.case_audit_tab import CaseAuditTab
from backoffice.ui.case_detail import CaseDetailView
from backoffice.ui.checklist_model import ChecklistModel

pytestmark = OFFSCREEN_POPUP_NOISE


@pytest.fixture
def case_no(clerk) -> str:
    return register(clerk).case_no


def _view(qtbot, us, case_no: str) -> CaseDetailView:
    view = CaseDetailView(us, case_no)
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: view.detail is not None, timeout=15_000)
    return view


def _reloaded(qtbot, view: CaseDetailView, condition) -> None:
    qtbot.waitUntil(lambda: view.detail is not None and condition(view.detail), timeout=15_000)


def _stored_files(bo) -> list[Path]:
    root = bo.settings.attachments_dir
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def test_tabs_and_summary(qtbot, demo_bo, clerk, case_no) -> None:
    view = _view(qtbot, clerk, case_no)
    titles = [view.tabs.tabText(i) for i in range(view.tabs.count())]
    expected = ["概要", "单证", "理算", "核赔", "支付与结案", "时间线", "联系记录", "期限", "审计", "归档"]
    assert titles == expected
    assert view.tabs.widget(view.CALCULATION).objectName() == "calculation-tab"
    audit_tab = view.tabs.widget(view.AUDIT)
    assert isinstance(audit_tab, CaseAuditTab) and not audit_tab.allowed
    assert audit_tab.state.text() == "本案的审计记录只有审计员可以查看。"
    assert view.state.text() == "状态：收集单证 · 经办人：王芳（演示内勤）"
    masked = view.summary.masked
    assert masked["full_name"].value.text() == "张*"
    assert masked["id_number"].value.text() == "110***********002X"
    assert masked["mobile"].value.text() == "138****5678"
    assert view.summary.losses.rowCount() == 1
    assert view.timeline.model.rowCount() == 2
    assert view.timeline.model.index(1, 2).data() == "已报案 → 收集单证"
    assert view.timeline.model.index(1, 3).data() == "分类：简易；经办人：demo-clerk"


def test_auditor_reads_the_case_audit_records(qtbot, demo_bo, clerk, case_no) -> None:
    view = _view(qtbot, session(demo_bo, "demo-auditor"), case_no)
    tab = view.tabs.widget(view.AUDIT)
    assert isinstance(tab, CaseAuditTab) and tab.records is None  # read only when the tab is shown
    view.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.records is not None, timeout=15_000)
    actions = [tab.model.index(row, 4).data() for row in range(tab.model.rowCount())]
    assert actions[0] == "case.register" and f"共 {len(actions)} 条" in tab.state.text()
    assert {tab.model.index(row, 5).data() for row in range(tab.model.rowCount())} == {
        f"case {view.detail.id}"
    }
    again = read_records(session(demo_bo, "demo-auditor"), view.detail.id)
    assert (
        again[-1].action == "audit.read" and again[-1].reason == f"{len(actions)} records"
    )  # reading is audited


def test_clerk_logs_a_receipt(qtbot, demo_bo, clerk, case_no) -> None:
    view = _view(qtbot, clerk, case_no)
    docs = view.documents
    docs.select_item("驾驶证")
    dialog = docs.log_receipt()
    assert dialog is not None and dialog.isVisible()
    assert not dialog.original.isChecked()
    dialog.pages.setValue(2)
    type_text(qtbot, dialog.received_from, "张伟本人")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    _reloaded(qtbot, view, lambda d: any(i.received_at for i in d.checklist))
    row = docs.model.row_of(docs.current_item_id())
    assert docs.model.item(row).title == "驾驶证"  # the selection stays on the item
    cells = [docs.model.index(row, c).data() for c in range(docs.model.columnCount())]
    assert cells[ChecklistModel.ORIGINAL :] == ["复印件", "2", "张伟本人", ""]
    assert docs.message.text() == "已登记收到：驾驶证"
    assert docs.receipt_dialog is None


def test_receipt_refusal_stays_in_the_dialog(qtbot, demo_bo, clerk, case_no) -> None:
    view = _view(qtbot, clerk, case_no)
    docs = view.documents
    docs.select_item("行驶证")
    dialog = docs.log_receipt()
    dialog.received_at.setDateTime(dialog.received_at.dateTime().addDays(-30))  # before the report
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.message.isVisible, timeout=15_000)
    assert dialog.message.text() == "收取时间不能早于报案时间。"
    assert dialog.isVisible()
    dialog.reject()


def test_attach_a_jpeg_and_preview_it(qtbot, demo_bo, clerk, case_no, tmp_path, monkeypatch) -> None:
    clear_copies = tmp_path / "tmp"
    clear_copies.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(clear_copies))  # where opened_copy decrypts
    view = _view(qtbot, clerk, case_no)
    docs = view.documents
    docs.select_item("现场及车损照片")
    scan = jpeg(tmp_path / "车损照片.jpg", (640, 400))
    docs.ask_open_path = lambda _parent, _title: scan
    qtbot.mouseClick(docs.attach_button, Qt.MouseButton.LeftButton)
    _reloaded(qtbot, view, lambda d: len(d.attachments) == 1)
    assert docs.message.text().startswith("已保存扫描件 车损照片.jpg（JPEG，")
    item_row = docs.model.row_of(docs.current_item_id())
    assert docs.model.index(item_row, ChecklistModel.ATTACHMENTS).data() == "1"
    assert docs.attachment_rows.rowCount() == 1 and docs.preview_button.isEnabled()
    item_id = docs.current_item_id()
    assert [a.file_name for a in list_attachments(clerk, "checklist_item", item_id)] == ["车损照片.jpg"]

    preview = docs.preview_attachment()
    qtbot.waitUntil(lambda: preview.loaded, timeout=15_000)
    assert preview.pixmap is not None and (preview.pixmap.width(), preview.pixmap.height()) == (640, 400)
    assert not preview.image.pixmap().isNull()
    assert list(clear_copies.iterdir()) == []  # the clear copy was removed once read
    preview.reject()
    qtbot.waitUntil(lambda: docs.preview is None)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"just some text, not a scan", "不支持的文件类型：只接受 JPEG、PNG、TIFF 图片和 PDF 文件。"),
        (b"\xff\xd8\xff\xe0" + b"\x00" * 64, "图片文件已损坏或不完整：请重新扫描。"),
        (b"", "文件是空的：请重新扫描或选择其他文件。"),
    ],
    ids=["not-a-scan", "broken-jpeg", "empty"],
)
def test_a_refused_file_shows_the_message_and_stores_nothing(
    qtbot, demo_bo, clerk, case_no, tmp_path, content, message
) -> None:
    view = _view(qtbot, clerk, case_no)
    docs = view.documents
    docs.select_item("驾驶证")
    bad = tmp_path / "scan.jpg"
    bad.write_bytes(content)
    docs.ask_open_path = lambda _parent, _title: bad
    qtbot.mouseClick(docs.attach_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: docs.message.text() == message, timeout=15_000)
    assert "b00020" in docs.message.styleSheet()  # in red
    assert get_case(clerk, case_no).attachments == ()
    assert _stored_files(demo_bo) == []


def test_one_time_notice_lists_the_missing_documents(qtbot, demo_bo, clerk, case_no, tmp_path) -> None:
    view = _view(qtbot, clerk, case_no)
    docs = view.documents
    target = tmp_path / "notice.pdf"
    docs.paper.ask_save_path = lambda _parent, _title, _suggested: target
    qtbot.mouseClick(docs.notice_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: docs.message.text().startswith("已保存"), timeout=30_000)
    _reloaded(qtbot, view, lambda d: len(d.contacts) == 1)
    assert view.contacts.model.rowCount() == 1
    pdf = QPdfDocument()
    pdf.load(str(target))
    text = "".join(pdf.getAllText(page).text() for page in range(pdf.pageCount())).replace("\n", "")
    pdf.close()
    for title in ("驾驶证", "行驶证", "维修发票", "领款人银行账户信息"):
        assert title in text, title
    assert case_no in text


def test_contact_log_entry(qtbot, demo_bo, clerk, case_no) -> None:
    view = _view(qtbot, clerk, case_no)
    contacts = view.contacts
    contacts.channel.setCurrentIndex(contacts.channel.findData("phone"))
    contacts.direction.setCurrentIndex(contacts.direction.findData("out"))
    qtbot.keyClick(contacts.summary, Qt.Key.Key_Return)  # empty: refused by the service
    qtbot.waitUntil(lambda: not contacts.message.isHidden() and contacts.summary.isEnabled(), timeout=15_000)
    assert contacts.message.text() == "请填写联系内容摘要。"
    type_text(qtbot, contacts.summary, "电话告知客户补交驾驶证")
    qtbot.keyClick(contacts.summary, Qt.Key.Key_Return)
    _reloaded(qtbot, view, lambda d: len(d.contacts) == 1)
    row = [contacts.model.index(0, c).data() for c in range(1, 5)]
    assert row == ["电话", "去电/去函", "电话告知客户补交驾驶证", "王芳（演示内勤）"]
    assert contacts.summary.text() == ""


def test_reveal_needs_reason_and_password_and_masks_again(
    qtbot, demo_bo, clerk, case_no, monkeypatch
) -> None:
    monkeypatch.setattr(reveal, "REVEAL_SECONDS", 2)
    view = _view(qtbot, clerk, case_no)
    field = view.summary.masked["id_number"]
    assert field.button.isVisible()
    dialog = field.ask()
    qtbot.mouseClick(dialog.show_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "请选择查看完整信息的原因。"
    dialog.reason.setCurrentIndex(dialog.reason.findData("verify_identity"))
    qtbot.keyClicks(dialog.password, "wrong-password")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.message.isVisible() and dialog.show_button.isEnabled(), timeout=15_000)
    assert dialog.message.text() == "用户名或密码不正确。"
    assert field.value.text() == "110***********002X" and dialog.password.text() == ""
    qtbot.keyClicks(dialog.password, PASSWORD)
    with qtbot.waitSignal(field.revealed, timeout=15_000):
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert field.value.text() == INSURED_ID
    assert field.countdown.text() == "2 秒后重新隐藏"
    assert not field.button.isEnabled()
    with qtbot.waitSignal(field.masked, timeout=5_000):
        pass
    assert field.value.text() == "110***********002X" and field.countdown.text() == ""
    assert field.button.isEnabled() and field.dialog is None


def test_who_may_do_what(qtbot, demo_bo, clerk, case_no) -> None:
    approver = session(demo_bo, "demo-approver2")
    view = _view(qtbot, approver, case_no)
    docs = view.documents
    assert not docs.receive_button.isEnabled() and not docs.attach_button.isEnabled()
    assert not docs.notice_button.isEnabled()
    assert docs.log_receipt() is None
    assert view.summary.masked["id_number"].button.isVisible()  # approvers may reveal
    assert view.contacts.add_button.isHidden()
    archivist = session(demo_bo, "demo-archivist")
    view = _view(qtbot, archivist, case_no)
    assert not view.summary.masked["id_number"].button.isVisible()  # archivists may not


def test_unknown_case_says_so(qtbot, demo_bo, clerk) -> None:
    view = CaseDetailView(clerk, "2026000000000000")
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: not view.error.isHidden(), timeout=15_000)
    assert view.error.text() == "没有案件号为 2026000000000000 的案件。"


def test_pdf_attachment_previews_in_a_pdf_view(qtbot, demo_bo, clerk, case_no, tmp_path) -> None:
    from PIL import Image

    scan = tmp_path / "诊断.pdf"
    Image.new("RGB", (300, 400), (255, 255, 255)).save(scan, "PDF")
    view = _view(qtbot, clerk, case_no)
    docs = view.documents
    docs.select_item("定损单")
    docs.ask_open_path = lambda _parent, _title: scan
    qtbot.mouseClick(docs.attach_button, Qt.MouseButton.LeftButton)
    _reloaded(qtbot, view, lambda d: len(d.attachments) == 1)
    preview = docs.preview_attachment()
    qtbot.waitUntil(lambda: preview.loaded, timeout=15_000)
    assert preview.pdf is not None and preview.pdf.pageCount() == 1
    assert preview.pdf_view is not None and preview.pdf_view.document() is preview.pdf
    preview.reject()
