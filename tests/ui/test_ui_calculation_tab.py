"""The 理算 tab: prefill, the live result, inline validation, saved versions and the printed sheet."""

from __future__ import annotations

import subprocess
from datetime import timedelta
from pathlib import Path

import pytest
from intake_ui_support import OFFSCREEN_POPUP_NOISE, clerk_fixture, register  # noqa: F401 (fixtures)
from ui_support import demo_bo_fixture, demo_template_fixture  # noqa: F401

from backoffice.services import checklists
from backoffice.services.calculations import calculations
from backoffice.services.cases import get_case
from backoffice.services.context import UserSession
from backoffice.ui.calculation_tab import CalculationTab
from backoffice.ui.case_detail import CaseDetailView

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


def _tab(qtbot, us, case_no: str) -> tuple[CaseDetailView, CalculationTab]:
    view = CaseDetailView(us, case_no)
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    qtbot.waitExposed(view)
    view.tabs.setCurrentIndex(CaseDetailView.CALCULATION)
    tab = view.tabs.currentWidget()
    assert isinstance(tab, CalculationTab)
    qtbot.waitUntil(lambda: view.detail is not None and tab.coverage.count() == 2, timeout=15_000)
    return view, tab


def _prefilled(qtbot, tab: CalculationTab) -> None:
    tab.coverage.setCurrentIndex(tab.coverage.findData("vehicle_damage"))
    assert tab.method_code() == "motor_damage"
    tab.prefill_button.click()
    qtbot.waitUntil(lambda: tab.inputs.row_of("repair_cost") >= 0, timeout=15_000)


def test_prefill_and_live_result(qtbot, clerk, case_no: str) -> None:
    _view, tab = _tab(qtbot, clerk, case_no)
    _prefilled(qtbot, tab)
    # Prefilled from the policy (车损 150000.00, no new-vehicle price: the sum insured stands in) and the
    # loss list (前保险杠 1 × 3200.00). 2020 clause: actual value = sum insured 150000.00; repair 3200.00 <
    # 150000.00, a partial loss; 3200.00 − salvage 0 − CTPL 0 = 3200.00 × liability 1 × (1 − 0) = 3200.00.
    assert tab.inputs.inputs()["repair_cost"] == "3200.00"
    assert tab.payable.text() == "应付赔款：3,200.00 元" or "3200.00" in tab.payable.text().replace(",", "")
    steps = [tab.steps.index(r, 0).data() for r in range(tab.steps.rowCount())]
    assert "全损判断" in steps and "赔款合计" in steps
    assert not tab.warnings.isHidden()  # the unused new_vehicle_price under the 2020 clause
    assert tab.save_button.isEnabled()

    # Liability 70 %: 3200.00 × 0.7 = 2240.00, recalculated after the pause without any click.
    tab.inputs.set_value("liability_ratio", "0.7")
    qtbot.waitUntil(lambda: "2240.00" in tab.payable.text().replace(",", ""), timeout=5_000)

    # A negative sum insured: the message stands beside the field and saving waits.
    tab.inputs.set_value("sum_insured", "-1")
    qtbot.waitUntil(lambda: tab.inputs.field_error("sum_insured") != "", timeout=5_000)
    assert "sum_insured" in tab.inputs.field_error("sum_insured")
    assert "负数" in tab.inputs.field_error("sum_insured")
    assert not tab.save_button.isEnabled()
    assert tab.inputs.field_error("repair_cost") == ""

    tab.inputs.set_value("sum_insured", "150000.00")
    qtbot.waitUntil(lambda: tab.save_button.isEnabled(), timeout=5_000)
    assert tab.inputs.field_error("sum_insured") == ""


def test_nested_json_error(qtbot, clerk, case_no: str) -> None:
    _view, tab = _tab(qtbot, clerk, case_no)
    _prefilled(qtbot, tab)
    tab.inputs.nested.setPlainText('{"deductible_rates": [')
    qtbot.waitUntil(lambda: not tab.inputs.nested_error.isHidden(), timeout=5_000)
    assert not tab.save_button.isEnabled()
    # A nested field the engine refuses: its message stands under the JSON area.
    tab.inputs.nested.setPlainText('{"deductible_rates": ["0.1", "0.05"]}')
    qtbot.waitUntil(lambda: "deductible_rates" in tab.inputs.nested_error.text(), timeout=5_000)
    assert not tab.inputs.nested_error.isHidden() and not tab.save_button.isEnabled()
    # Under the 2014 clause the rates apply: actual value 120000.00 > repair 3200.00 (partial loss);
    # 3200.00 × liability 1 × (1 − (0.1 + 0.05)) = 3200.00 × 0.85 = 2720.00.
    tab.inputs.set_value("clause", "2014")
    tab.inputs.set_value("actual_value", "120000.00")
    qtbot.waitUntil(lambda: "2720.00" in tab.payable.text().replace(",", ""), timeout=5_000)
    assert tab.inputs.nested_error.isHidden()
    assert tab.save_button.isEnabled()


def test_save_versions_and_print(qtbot, clerk, case_no: str, tmp_path: Path) -> None:
    view, tab = _tab(qtbot, clerk, case_no)
    _prefilled(qtbot, tab)
    qtbot.waitUntil(tab.save_button.isEnabled, timeout=5_000)
    assert not tab.print_button.isEnabled()  # nothing saved yet

    tab.save_button.click()
    qtbot.waitUntil(lambda: view.detail is not None and view.detail.status == "calculated", timeout=15_000)
    qtbot.waitUntil(lambda: tab.current_version() == 1, timeout=15_000)
    assert get_case(clerk, case_no).status == "calculated"
    assert "v1" in tab.message.text()

    tab.inputs.set_value("repair_cost", "5000.00")
    qtbot.waitUntil(lambda: "5000.00" in tab.payable.text().replace(",", ""), timeout=5_000)
    version = view.detail.version
    qtbot.waitUntil(lambda: tab.save_button.isEnabled(), timeout=5_000)
    tab.save_button.click()
    qtbot.waitUntil(lambda: tab.current_version() == 2, timeout=15_000)
    qtbot.waitUntil(lambda: view.detail is not None and view.detail.version > version, timeout=15_000)
    history = calculations(clerk, case_no)
    assert [(v.version_no, v.current) for v in history] == [(2, True), (1, False)]
    assert tab.versions.rowCount() == 2
    assert tab.versions.index(0, 1).data() == "✔ 当前" and tab.versions.index(1, 1).data() == ""

    target = tmp_path / "sheet.pdf"
    tab.paper.ask_save_path = lambda _parent, _title, _suggested: target
    qtbot.waitUntil(tab.print_button.isEnabled, timeout=5_000)
    tab.print_button.click()
    qtbot.waitUntil(lambda: target.exists() and "已保存" in tab.message.text(), timeout=20_000)
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
    assert case_no in text


def test_save_disabled_before_materials_complete(qtbot, clerk) -> None:
    case_no = register(clerk).case_no  # documents still missing
    _view, tab = _tab(qtbot, clerk, case_no)
    _prefilled(qtbot, tab)
    assert tab.payable.text() != "应付赔款：—"
    assert not tab.save_button.isEnabled()
    assert "材料齐全" in tab.save_button.toolTip()
