"""The 新报案 page: keyboard-only registration, override reasons, inline validation, clearing, papers."""

from __future__ import annotations

import re
from datetime import timedelta

from intake_ui_support import (  # noqa: F401 (fixtures)
    OFFSCREEN_POPUP_NOISE,
    POLICY_NO,
    case_count,
    clerk_fixture,
    focused,
    main_window,
    make_policy,
    now_local,
    type_text,
)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from ui_support import demo_bo_fixture, demo_template_fixture  # noqa: F401

from backoffice.services.cases import get_case, list_cases
from backoffice.ui.case_list import CaseListPage
from backoffice.ui.new_report import NewReportPage

pytestmark = OFFSCREEN_POPUP_NOISE
CTRL = Qt.KeyboardModifier.ControlModifier


def _page(qtbot, us) -> tuple[object, NewReportPage]:
    window = main_window(qtbot, us, "new_report")
    page = window.page("new_report")
    assert isinstance(page, NewReportPage)
    return window, page


def _fill(
    page: NewReportPage, qtbot, *, hours_ago: float = 3, place: str = "北京市海淀区中关村大街1号"
) -> None:
    """Fill the mandatory fields directly (for tests about something else than typing)."""
    form = page.form
    qtbot.keyClicks(form.policy, POLICY_NO)
    form.policy.load(POLICY_NO)
    qtbot.waitUntil(lambda: form.policy.policy is not None, timeout=10_000)
    form.reporter_name.setText("李四")
    form.place.setText(place)
    form.estimated.setText("3200")
    when = now_local(page._us.bo) - timedelta(hours=hours_ago)
    form.incident_at.setDateTime(
        form.incident_at.dateTime().fromString(when.strftime("%Y-%m-%d %H:%M"), "yyyy-MM-dd HH:mm")
    )


def test_clerk_registers_a_report_with_the_keyboard_only(qtbot, demo_bo, clerk) -> None:
    window, page = _page(qtbot, clerk)
    form = page.form
    assert focused() is form.policy

    qtbot.keyClicks(form.policy, POLICY_NO[:8])  # lookup as you type
    popup = form.policy.completer_.popup()
    qtbot.waitUntil(lambda: popup.isVisible() and form.policy.suggestions.rowCount() == 1, timeout=10_000)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert form.policy.text() == POLICY_NO
    qtbot.waitUntil(lambda: form.policy.policy is not None, timeout=10_000)
    panel = form.policy_panel.text.text()
    assert (
        "机动车商业保险" in panel and "张*" in panel and "机动车损失保险" in panel and "150,000.00" in panel
    )
    assert "110***********002X" in panel

    def tab_to(widget) -> None:
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        assert focused() is widget

    tab_to(form.channel)  # 电话 95500 stays
    tab_to(form.reporter_name)
    type_text(qtbot, form.reporter_name, "李四")
    tab_to(form.relation)
    qtbot.keyClick(form.relation, Qt.Key.Key_Down)  # 家属
    tab_to(form.reporter_phone)
    qtbot.keyClicks(form.reporter_phone, "13900001111")
    tab_to(form.reported_at)  # now
    tab_to(form.incident_at)
    incident = now_local(demo_bo) - timedelta(hours=5)
    qtbot.keyClicks(form.incident_at, incident.strftime("%Y%m%d%H%M"))
    tab_to(form.place)
    type_text(qtbot, form.place, "上海市浦东新区世纪大道100号地下车库")
    tab_to(form.cause)  # 碰撞
    tab_to(form.estimated)
    qtbot.keyClicks(form.estimated, "3200.50")
    tab_to(form.narrative)
    type_text(qtbot, form.narrative, "倒车时撞到立柱")
    qtbot.keyClick(form.narrative, Qt.Key.Key_Return, CTRL)

    qtbot.waitUntil(lambda: page.showing_result, timeout=15_000)
    case_no = page.result.case_no.text()
    assert re.fullmatch(r"\d{16}", case_no)
    assert page.result.case_no.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    assert page.result.complexity.text() == "简易"
    assert page.result.handler.text() == "demo-clerk"
    assert focused() is page.result.open_button
    detail = get_case(clerk, case_no)
    assert detail.reporter_relation == "family" and detail.reporter_phone == "139****1111"
    assert detail.incident_place == "上海市浦东新区世纪大道100号地下车库"
    assert str(detail.estimated_loss) == "3200.50"
    assert detail.narrative == "倒车时撞到立柱"
    assert detail.incident_at.astimezone(incident.tzinfo).strftime("%Y%m%d%H%M") == incident.strftime(
        "%Y%m%d%H%M"
    )

    qtbot.keyClick(page.result.open_button, Qt.Key.Key_Space)  # 打开案件
    cases = window.page("cases")
    assert isinstance(cases, CaseListPage)
    assert window.stack.currentWidget() is cases
    view = cases.detail(case_no)
    assert view is not None and cases.tabs.currentWidget() is view
    qtbot.waitUntil(lambda: view.detail is not None, timeout=15_000)


def test_late_report_asks_for_a_reason_then_registers(qtbot, demo_bo, clerk) -> None:
    _window, page = _page(qtbot, clerk)
    _fill(page, qtbot, hours_ago=72)
    qtbot.keyClick(page.form.place, Qt.Key.Key_Enter, CTRL)
    qtbot.waitUntil(lambda: page.override_dialog is not None, timeout=15_000)
    dialog = page.override_dialog
    assert list(dialog.fields) == ["late_report"]
    assert "报案时间距出险已超过 48 小时" in dialog.findChildren(type(page.banner))[1].text()
    assert not dialog.confirm_button.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # back to the form: nothing registered
    qtbot.waitUntil(lambda: page.override_dialog is None)
    assert "尚未登记" in page.banner.text() and case_count(demo_bo) == 0

    page.window().activateWindow()  # the offscreen platform does not hand activation back by itself
    qtbot.waitUntil(page.window().isActiveWindow)
    qtbot.keyClick(page.form.place, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: page.override_dialog is not None, timeout=15_000)
    dialog = page.override_dialog
    type_text(qtbot, dialog.fields["late_report"], "客户出差，回京后才报案")
    qtbot.keyClick(dialog.fields["late_report"], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.showing_result, timeout=15_000)
    assert page.result.flags_box.count() == 1
    assert "迟报" in [label.text() for label in page.result.findChildren(type(page.banner))]
    assert page.result.complexity.text() == "普通"  # a flagged case is never simple
    detail = get_case(clerk, page.result.case_no.text())
    assert detail.overrides == (("late_report", "客户出差，回京后才报案"),)
    assert "late_report" in detail.flags


def test_inline_validation_names_the_field_and_moves_focus(qtbot, demo_bo, clerk) -> None:
    _window, page = _page(qtbot, clerk)
    form = page.form
    page.submit()  # nothing typed: the form itself names the policy number
    assert form.visible_errors() == {"policy_no": "请填写保单号。"}
    assert focused() is form.policy

    _fill(page, qtbot)
    form.reporter_name.clear()
    page.submit()
    qtbot.waitUntil(lambda: "reporter_name" in form.visible_errors(), timeout=15_000)
    assert form.visible_errors() == {"reporter_name": "请填写报案人姓名。"}
    assert focused() is form.reporter_name

    form.reporter_name.setText("李四")
    form.estimated.clear()
    page.submit()
    assert form.visible_errors() == {"estimated_loss": "请填写估损金额（元），例如 3200 或 3200.50。"}
    assert focused() is form.estimated

    form.estimated.setText("100")
    form.losses.add_row(kind="property", description="车门", quantity="两个")
    page.submit()
    assert form.visible_errors() == {"losses": "损失清单第 1 行的数量或金额不是有效的数字。"}
    form.losses.model.remove_row(0)
    form.incident_at.setDateTime(form.reported_at.dateTime().addSecs(3600))
    page.submit()
    qtbot.waitUntil(lambda: "incident_at" in form.visible_errors(), timeout=15_000)
    assert form.visible_errors()["incident_at"] == "出险时间不能晚于报案时间。"

    form.incident_at.setDateTime(form.reported_at.dateTime().addSecs(-3600))
    form.claimant.setChecked(True)
    form.claimant_name.setText("王五")
    form.claimant_id.setText("110105194912310021")  # wrong check digit
    page.submit()
    qtbot.waitUntil(lambda: "id_number" in form.visible_errors(), timeout=15_000)
    assert "校验位" in form.visible_errors()["id_number"]
    assert focused() is form.claimant_id

    form.claimant.setChecked(False)
    form.policy.setText("PDXX000")
    page.submit()
    qtbot.waitUntil(lambda: "policy_no" in form.visible_errors(), timeout=15_000)
    assert form.visible_errors()["policy_no"].startswith("没有保单号为 PDXX000 的保单")
    assert case_count(demo_bo) == 0


def test_losses_proofs_and_conditions_reach_the_case(qtbot, demo_bo, clerk) -> None:
    _window, page = _page(qtbot, clerk)
    form = page.form
    _fill(page, qtbot)
    form.losses.add_row(kind="property", description="前保险杠", quantity="1", value="2000")
    form.losses.add_row(kind="injury", description="赵六", body_part="左腿", severity="minor")
    form.proofs.add_row(kind="police_certificate", reference="京公交认字[2026]第123号")
    form.conditions["social_insured"].setChecked(True)
    page.submit()
    qtbot.waitUntil(lambda: page.showing_result, timeout=15_000)
    detail = get_case(clerk, page.result.case_no.text())
    assert [(loss.kind, loss.description, loss.body_part) for loss in detail.losses] == [
        ("property", "前保险杠", ""),
        ("injury", "赵*", "左腿"),
    ]
    assert detail.proofs == (("police_certificate", "京公交认字[2026]第123号"),)
    assert "诊断证明" in [item.title for item in detail.checklist]  # injury: medical documents
    assert page.result.complexity.text() == "普通"

    page.start_new()
    assert form.losses.model.rowCount() == 0 and not page.showing_result


def test_escape_clears_only_after_confirming(qtbot, demo_bo, clerk) -> None:
    _window, page = _page(qtbot, clerk)
    form = page.form
    qtbot.keyClick(form.policy, Qt.Key.Key_Escape)  # nothing typed: nothing to ask
    assert page.clear_confirm is None
    type_text(qtbot, form.reporter_name, "李四")
    qtbot.keyClick(form.reporter_name, Qt.Key.Key_Escape)
    box = page.clear_confirm
    assert box is not None and box.isVisible()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.No), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.clear_confirm is None)
    assert form.reporter_name.text() == "李四"
    qtbot.keyClick(form.reporter_name, Qt.Key.Key_Escape)
    box = page.clear_confirm
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.clear_confirm is None)
    assert form.reporter_name.text() == "" and not form.is_dirty()
    assert focused() is form.policy


def test_acknowledgement_is_saved_as_pdf(qtbot, demo_bo, clerk, tmp_path) -> None:
    _window, page = _page(qtbot, clerk)
    _fill(page, qtbot)
    page.submit()
    qtbot.waitUntil(lambda: page.showing_result, timeout=15_000)
    target = tmp_path / "回执.pdf"
    asked = []
    page.paper.ask_save_path = lambda _parent, title, suggested: asked.append((title, suggested)) or target
    qtbot.mouseClick(page.result.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.result.message.isVisible(), timeout=20_000)
    case_no = page.result.case_no.text()
    assert asked == [("保存报案回执", f"报案回执-{case_no}.pdf")]
    assert page.result.message.text() == f"已保存：{target}"
    assert target.read_bytes().startswith(b"%PDF-")


def test_policy_lookup_drops_the_panel_when_the_number_changes(qtbot, demo_bo, clerk) -> None:
    make_policy(clerk, "PDAA202611000002", line="property")
    _window, page = _page(qtbot, clerk)
    form = page.form
    qtbot.keyClicks(form.policy, "PDAA2026110000")
    qtbot.waitUntil(lambda: form.policy.suggestions.rowCount() == 2, timeout=10_000)
    assert form.policy.suggestions.stringList() == [POLICY_NO, "PDAA202611000002"]
    form.policy.completer_.popup().hide()
    qtbot.keyClicks(form.policy, "02")
    form.policy.load(form.policy.text())
    qtbot.waitUntil(lambda: form.policy.policy is not None, timeout=10_000)
    assert "企业财产保险" in form.policy_panel.text.text()
    causes = [form.cause.itemData(i) for i in range(form.cause.count())]
    assert "fire" in causes and "glass" not in causes  # property causes only
    qtbot.keyClick(form.policy, Qt.Key.Key_Backspace)
    assert form.policy.policy is None and "尚未选择保单" in form.policy_panel.text.text()
    assert list_cases(clerk) == []
