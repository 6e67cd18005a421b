"""The 理算 tab: several lines in one version typed at the keyboard, live results and the total, saving,
reopening, saved versions read-only, copying one as the base of a new version, printing a version.

Expected amounts come from the pure engine (``domain.calculation.calculate``) on the same inputs the
clerk produced (the service's prefill plus what was typed), never from numbers written here.
"""

from __future__ import annotations

import subprocess
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from intake_ui_support import OFFSCREEN_POPUP_NOISE, clerk_fixture, register  # noqa: F401 (fixtures)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from ui_support import demo_bo_fixture, demo_template_fixture  # noqa: F401

from backoffice.domain.calculation import calculate
from backoffice.services import checklists
from backoffice.services.calculations import LineInput, calculate_case, calculations, prefill
from backoffice.services.cases import get_case
from backoffice.services.context import UserSession
from backoffice.ui.calculation_inputs import CalculationInputs
from backoffice.ui.calculation_line import LineEditor
from backoffice.ui.calculation_lines import LinesModel, LinesPanel
from backoffice.ui.calculation_tab import CalculationTab
from backoffice.ui.case_detail import CaseDetailView
from backoffice.ui.formatting import money

pytestmark = OFFSCREEN_POPUP_NOISE


def receive_all(clerk: UserSession, case_id: int, case_no: str) -> None:
    """tests/services/intake_support.receive_all, at the real clock's time (its fixed receipt date lies
    before a report made now): every mandatory document received, the case becomes materials complete."""
    when = clerk.bo.now() - timedelta(minutes=1)
    for item in get_case(clerk, case_no).checklist:
        if item.mandatory and item.received_at is None:
            receipt = checklists.Receipt(when, True, 1, "张伟")
            checklists.receive_item(clerk, case_id, item.id, receipt, expected_version=item.version)


@pytest.fixture
def case_no(clerk) -> str:
    registered = register(clerk)
    receive_all(clerk, registered.case_id, registered.case_no)
    return registered.case_no


def _tab(qtbot, us: UserSession, case_no: str, lines: int = 1) -> tuple[CaseDetailView, CalculationTab]:
    """The case opened at its 理算 tab, once the editing area holds ``lines`` lines with their inputs."""
    view = CaseDetailView(us, case_no)
    qtbot.addWidget(view)
    view.resize(1280, 860)
    view.show()
    qtbot.waitExposed(view)
    view.tabs.setCurrentIndex(CaseDetailView.CALCULATION)
    tab = view.tabs.currentWidget()
    assert isinstance(tab, CalculationTab)
    qtbot.waitUntil(
        lambda: (
            view.detail is not None
            and len(tab.draft.editors()) == lines
            and all(e.coverage.count() == 2 and e.inputs.table.rowCount() > 0 for e in tab.draft.editors())
        ),
        timeout=15_000,
    )
    return view, tab


def type_value(qtbot, inputs: CalculationInputs, key: str, text: str) -> None:
    """As the clerk does it: the value cell of ``key``, F2, select all, type, Enter."""
    row = inputs.row_of(key)
    assert row >= 0, key
    table = inputs.table
    table.setCurrentCell(row, inputs.VALUE)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: table.viewport().findChild(QLineEdit) is not None, timeout=5_000)
    editor = table.viewport().findChild(QLineEdit)
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on its next turn of the event loop
    item = table.item(row, inputs.VALUE)
    assert item is not None
    qtbot.waitUntil(lambda: item.text() == text, timeout=5_000)
    qtbot.waitUntil(lambda: table.viewport().findChild(QLineEdit) is None, timeout=5_000)


def expected_payable(inputs: dict[str, Any]) -> Decimal:
    return calculate(inputs).payable


def summary(panel: LinesPanel, row: int, column: int) -> str:
    return str(panel.model.index(row, column).data())


def line_ready(editor: LineEditor, code: str, key: str) -> bool:
    return editor.coverage_code() == code and editor.inputs.row_of(key) >= 0


def test_two_lines_typed_saved_as_one_version_and_reloaded(qtbot, clerk, case_no: str) -> None:
    view, tab = _tab(qtbot, clerk, case_no)
    draft = tab.draft
    first = draft.editors()[0]
    # A new case: one line on the first coverage, its inputs suggested from the policy and the losses.
    qtbot.waitUntil(lambda: line_ready(first, "vehicle_damage", "repair_cost"), timeout=15_000)
    assert first.method_code() == "motor_damage"
    assert tab.mode.text().startswith("编辑区：新的理算")
    assert not tab.print_button.isEnabled()  # nothing saved yet

    type_value(qtbot, first.inputs, "repair_cost", "5000.00")
    damage = prefill(clerk, case_no, "vehicle_damage", "motor_damage") | {"repair_cost": "5000.00"}
    damage_payable = expected_payable(damage)
    qtbot.waitUntil(lambda: first.payable == damage_payable, timeout=5_000)
    assert money(damage_payable) in first.result_view.payable.text()

    qtbot.mouseClick(draft.add_button, Qt.MouseButton.LeftButton)
    assert len(draft.editors()) == 2 and draft.current_row() == 1
    second = draft.editors()[1]
    # The new line takes the coverage no line uses yet, its usual method and its suggested inputs.
    qtbot.waitUntil(lambda: line_ready(second, "third_party", "loss"), timeout=15_000)
    assert second.method_code() == "motor_third_party"
    type_value(qtbot, second.inputs, "loss", "20000.00")
    type_value(qtbot, second.inputs, "liability_ratio", "0.7")
    third = prefill(clerk, case_no, "third_party", "motor_third_party") | {
        "loss": "20000.00",
        "liability_ratio": "0.7",
    }
    third_payable = expected_payable(third)
    qtbot.waitUntil(lambda: second.payable == third_payable, timeout=5_000)

    # The list of lines shows each line's live result, and the total is their sum.
    assert summary(draft, 0, LinesModel.PAYABLE) == money(damage_payable)
    assert summary(draft, 1, LinesModel.PAYABLE) == money(third_payable)
    assert money(damage_payable + third_payable) in draft.total.text()
    assert "2 行" in draft.total.text()
    assert tab.save_button.isEnabled()

    tab.note.insert("车损与三者")  # what an input method commits (QTest types Latin-1 only)
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.current_version() == 1, timeout=15_000)
    qtbot.waitUntil(lambda: view.detail is not None and view.detail.status == "calculated", timeout=15_000)
    [saved] = calculations(clerk, case_no)
    assert [line.coverage_code for line in saved.lines] == ["vehicle_damage", "third_party"]
    assert [line.inputs for line in saved.lines] == [damage, third]
    assert [line.payable for line in saved.lines] == [damage_payable, third_payable]
    assert saved.total == damage_payable + third_payable and saved.note == "车损与三者"
    assert "v1（2 行）" in tab.message.text()
    assert tab.mode.text() == "编辑区：与 v1 相同" and tab.note.text() == ""
    assert not tab.save_button.isEnabled() and "相同" in tab.save_button.toolTip()  # nothing new to save
    # The history says who, when and how much.
    assert tab.versions.rowCount() == 1
    row = [tab.versions.index(0, c).data() for c in range(tab.versions.columnCount())]
    assert row[:3] == ["v1", "✔ 当前", money(saved.total)] and row[4] == saved.created_by != ""
    assert row[3] and row[5] == "车损与三者"

    # Reopened: the editing area holds both lines with their inputs, recalculated.
    view.close()
    view2, reopened = _tab(qtbot, clerk, case_no, lines=2)
    editors = reopened.draft.editors()
    assert [e.coverage_code() for e in editors] == ["vehicle_damage", "third_party"]
    assert [e.method_code() for e in editors] == ["motor_damage", "motor_third_party"]
    assert [e.line_inputs() for e in editors] == [damage, third]
    qtbot.waitUntil(lambda: [e.payable for e in editors] == [damage_payable, third_payable], timeout=5_000)
    assert reopened.mode.text() == "编辑区：与 v1 相同"
    assert reopened.print_button.isEnabled() and "v1" in reopened.print_button.text()

    # Somebody saves v2 elsewhere; 刷新 brings the unchanged editing area to it.
    _version(clerk, case_no, [LineInput("third_party", third | {"loss": "30000.00"})])
    qtbot.mouseClick(view2.reload_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: reopened.mode.text() == "编辑区：与 v2 相同", timeout=15_000)
    assert [e.coverage_code() for e in reopened.draft.editors()] == ["third_party"]
    assert reopened.versions.rowCount() == 2


def test_invalid_line_blocks_saving_and_lines_can_be_removed(qtbot, clerk, case_no: str) -> None:
    _view, tab = _tab(qtbot, clerk, case_no)
    draft = tab.draft
    first = draft.editors()[0]
    qtbot.waitUntil(lambda: line_ready(first, "vehicle_damage", "repair_cost"), timeout=15_000)
    assert not draft.remove_button.isEnabled()  # a version needs at least one line
    qtbot.mouseClick(draft.add_button, Qt.MouseButton.LeftButton)
    second = draft.editors()[1]
    qtbot.waitUntil(lambda: line_ready(second, "third_party", "liability_ratio"), timeout=15_000)
    qtbot.waitUntil(tab.save_button.isEnabled, timeout=5_000)

    # A ratio above 1: the message stands beside the field, the line is marked, saving waits.
    type_value(qtbot, second.inputs, "liability_ratio", "1.5")
    qtbot.waitUntil(lambda: second.inputs.field_error("liability_ratio") != "", timeout=5_000)
    message = second.inputs.field_error("liability_ratio")
    assert "liability_ratio" in message and "0 到 1" in message
    assert second.inputs.field_error("loss") == ""
    assert not tab.save_button.isEnabled() and "第 2 行" in tab.save_button.toolTip()
    assert summary(draft, 1, LinesModel.PAYABLE) == "输入有误"
    assert "第 2 行" in draft.total.text()
    assert not second.result_view.error.isHidden() and message in second.result_view.error.text()

    # The same for a nested field in the JSON area.
    qtbot.keyClicks(second.inputs.nested, '{"deductible_rates": [')
    type_value(qtbot, second.inputs, "liability_ratio", "0.5")
    qtbot.waitUntil(lambda: "JSON" in second.inputs.nested_error.text(), timeout=5_000)
    assert not tab.save_button.isEnabled()
    second.inputs.nested.clear()
    qtbot.waitUntil(tab.save_button.isEnabled, timeout=5_000)
    third = prefill(clerk, tab.case_no, "third_party", "motor_third_party") | {"liability_ratio": "0.5"}
    assert second.payable == expected_payable(third)

    # Removing the selected line leaves the first; the total is its amount alone.
    draft.select(1)
    qtbot.mouseClick(draft.remove_button, Qt.MouseButton.LeftButton)
    assert draft.editors() == [first] and draft.model.rowCount() == 1
    assert first.payable is not None and money(first.payable) in draft.total.text()
    assert "1 行" in draft.total.text()


def _version(clerk: UserSession, case_no: str, lines: list[LineInput], note: str = "") -> None:
    calculate_case(clerk, case_no, lines, expected_version=get_case(clerk, case_no).version, note=note)


def test_saved_versions_read_only_copied_and_printed(qtbot, clerk, case_no: str, tmp_path: Path) -> None:
    damage = prefill(clerk, case_no, "vehicle_damage", "motor_damage")
    third = prefill(clerk, case_no, "third_party", "motor_third_party") | {"loss": "8000.00"}
    _version(clerk, case_no, [LineInput("vehicle_damage", damage), LineInput("third_party", third)], "首次")
    _version(clerk, case_no, [LineInput("vehicle_damage", damage | {"repair_cost": "4100.00"})], "只赔车损")
    v2, v1 = calculations(clerk, case_no)

    # Opening the case loads the current version (v2, one line) into the editing area.
    view, tab = _tab(qtbot, clerk, case_no)
    assert tab.mode.text() == "编辑区：与 v2 相同"
    assert tab.draft.editors()[0].line_inputs() == dict(v2.lines[0].inputs)
    assert tab.version.count() == 3  # the editing area, v2, v1

    # The clerk changes the editing area, then looks at v1: read-only, as it was calculated.
    draft_line = tab.draft.editors()[0]
    type_value(qtbot, draft_line.inputs, "repair_cost", "4200.00")
    qtbot.waitUntil(lambda: "有未保存的修改" in tab.mode.text(), timeout=5_000)
    assert not tab.print_button.isEnabled()  # what is on screen is not saved
    tab.version.setCurrentIndex(tab.version.findData(1))
    assert tab.pages.currentWidget() is tab.viewer
    viewer = tab.viewer.editors()
    assert [e.payable for e in viewer] == [line.payable for line in v1.lines]
    assert summary(tab.viewer, 1, LinesModel.PAYABLE) == money(v1.lines[1].payable)
    assert money(v1.total) in tab.viewer.total.text()
    assert "旧版本" in tab.mode.text() and tab.versions_view.currentIndex().row() == 1
    assert not tab.save_button.isEnabled() and "只读" in tab.save_button.toolTip()
    assert tab.viewer.add_button.isHidden() and tab.viewer.remove_button.isHidden()
    assert not viewer[0].coverage.isEnabled() and not viewer[0].method.isEnabled()
    assert viewer[0].inputs.nested.isReadOnly() and viewer[0].prefill_button.isHidden()
    fields = viewer[0].inputs.table
    fields.setCurrentCell(viewer[0].inputs.row_of("repair_cost"), CalculationInputs.VALUE)
    qtbot.keyClick(fields, Qt.Key.Key_F2)
    qtbot.keyClicks(fields, "9")
    assert fields.viewport().findChild(QLineEdit) is None
    assert viewer[0].line_inputs() == dict(v1.lines[0].inputs)

    # Its sheet: both lines, marked as not the current version.
    target = tmp_path / "sheet-v1.pdf"
    suggested: list[str] = []
    tab.paper.ask_save_path = lambda _parent, _title, name: suggested.append(name) or target
    assert tab.print_button.isEnabled() and "v1" in tab.print_button.text()
    qtbot.mouseClick(tab.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: target.exists() and "已保存" in tab.message.text(), timeout=20_000)
    assert suggested == [f"赔款计算书-{case_no}-v1.pdf"]
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
    compact = "".join(text.split())
    assert f"{case_no}-JS01" in compact and "非当前版本" in compact
    for line in v1.lines:
        assert line.coverage_name in compact and money(line.payable) in compact
    assert money(v1.total) in compact

    # 以此为基础新建: asked first (the editing area has changes), then v1's lines are in the editing area.
    questions: list[str] = []
    tab.ask_replace = lambda _parent, question: questions.append(question) is None
    qtbot.mouseClick(tab.copy_button, Qt.MouseButton.LeftButton)
    assert len(questions) == 1 and "v1" in questions[0]
    assert tab.pages.currentWidget() is tab.draft and tab.version.currentIndex() == 0
    assert tab.mode.text() == "编辑区：与 v1 相同"
    copied = tab.draft.editors()
    assert [e.line_inputs() for e in copied] == [dict(line.inputs) for line in v1.lines]
    qtbot.waitUntil(lambda: [e.payable for e in copied] == [line.payable for line in v1.lines], timeout=5_000)
    type_value(qtbot, copied[1].inputs, "loss", "9000.00")
    qtbot.waitUntil(tab.save_button.isEnabled, timeout=5_000)
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.current_version() == 3, timeout=15_000)
    v3 = calculations(clerk, case_no)[0]
    assert [line.coverage_code for line in v3.lines] == ["vehicle_damage", "third_party"]
    assert v3.lines[1].payable == expected_payable(third | {"loss": "9000.00"})
    assert v3.lines[0].payable == v1.lines[0].payable
    assert [(v.version_no, v.current) for v in calculations(clerk, case_no)] == [
        (3, True),
        (2, False),
        (1, False),
    ]
    # A click in the history shows that version.
    qtbot.waitUntil(lambda: tab.versions.rowCount() == 3, timeout=15_000)
    rect = tab.versions_view.visualRect(tab.versions.index(2, 0))
    qtbot.mouseClick(tab.versions_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert tab.viewed_version() is not None and tab.viewed_version().version_no == 1
    view.close()


def test_save_disabled_before_materials_complete(qtbot, clerk) -> None:
    case_no = register(clerk).case_no  # documents still missing
    _view, tab = _tab(qtbot, clerk, case_no)
    first = tab.draft.editors()[0]
    qtbot.waitUntil(lambda: line_ready(first, "vehicle_damage", "repair_cost"), timeout=15_000)
    qtbot.waitUntil(lambda: first.payable is not None, timeout=5_000)
    assert not tab.save_button.isEnabled()
    assert "材料齐全" in tab.save_button.toolTip()


def test_lines_model_passes_the_model_tester(qtbot, qtmodeltester) -> None:
    panel = LinesPanel("lines")
    qtbot.addWidget(panel)
    panel.set_coverages([("vehicle_damage", "机动车损失保险"), ("third_party", "第三者责任保险")])
    qtmodeltester.check(panel.model, force_py=True)
    panel.add_line()
    panel.add_line()
    panel.editors()[1].inputs.set_value("loss", "100")
    panel.editors()[1].recalculate()
    panel.select(1)
    panel.remove_current()
    assert panel.model.rowCount() == 1 and len(panel.editors()) == 1
