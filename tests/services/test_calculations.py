"""Calculations stored in a case: versions, settlement amount, prefill, the sheet PDF."""

from __future__ import annotations

import subprocess
from decimal import Decimal

import pytest
from intake_support import calculated_case, clerk_session, damage_line, motor_policy, receive_all, report

from backoffice.domain.errors import ConflictError, DomainError, ValidationError
from backoffice.services import calculations, cases, intake, notices
from backoffice.services.calculations import LineInput


@pytest.fixture
def clerk(bo, admin):
    us = clerk_session(bo, admin)
    motor_policy(us)
    return us


def test_calculation_needs_complete_materials(bo, clerk) -> None:
    result = intake.register_report(clerk, report())
    version = cases.get_case(clerk, result.case_no).version
    with pytest.raises(DomainError, match="尚未齐全"):
        calculations.calculate_case(clerk, result.case_no, [damage_line()], expected_version=version)


def test_versions_are_kept_and_the_settlement_is_the_current_total(bo, clerk) -> None:
    case_no, _ = calculated_case(bo, clerk)
    first = calculations.calculations(clerk, case_no)
    # 2020 clause, partial loss: 3200 × 1 (liability) × 1 = 3200.00
    assert [c.total for c in first] == [Decimal("3200.00")] and first[0].current
    detail = cases.get_case(clerk, case_no)
    assert detail.status == "calculated"
    calculations.calculate_case(
        clerk, case_no, [damage_line("4000.00")], expected_version=detail.version, note="补充维修项目"
    )
    history = calculations.calculations(clerk, case_no)
    assert [(c.version_no, c.total, c.current) for c in history] == [
        (2, Decimal("4000.00"), True),
        (1, Decimal("3200.00"), False),
    ]
    assert history[0].lines[0].result["steps"] and history[0].lines[0].coverage_name == "机动车损失保险"


def test_bad_line_names_the_field_and_stale_version_conflicts(bo, clerk) -> None:
    case_no, _ = calculated_case(bo, clerk)
    version = cases.get_case(clerk, case_no).version
    bad = LineInput("vehicle_damage", {"method": "motor_damage", "clause": "2020", "sum_insured": "-1"})
    with pytest.raises(ValidationError) as err:
        calculations.calculate_case(clerk, case_no, [bad], expected_version=version)
    assert err.value.field == "sum_insured" and "第 1 行" in str(err.value)
    with pytest.raises(ValidationError) as err:
        calculations.calculate_case(
            clerk, case_no, [LineInput("nope", dict(damage_line().inputs))], expected_version=version
        )
    assert err.value.field == "coverage_code"
    with pytest.raises(ConflictError):
        calculations.calculate_case(clerk, case_no, [damage_line()], expected_version=version - 1)


def test_prefill_from_policy_and_losses(bo, clerk) -> None:
    result = intake.register_report(clerk, report())
    data = calculations.prefill(clerk, result.case_no, "vehicle_damage", "motor_damage")
    assert data["sum_insured"] == "150000.00" and data["repair_cost"] == "3200.00"
    assert data["new_vehicle_price"] == "180000.00"
    third = calculations.prefill(clerk, result.case_no, "third_party", "motor_third_party")
    assert third["limit"] == "1000000.00"


def test_calculation_sheet_pdf_lists_every_step(bo, clerk, tmp_path) -> None:
    case_no, case_id = calculated_case(bo, clerk)
    pdf = notices.calculation_sheet(clerk, case_id)
    path = tmp_path / "sheet.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    compact = "".join(text.split())  # table cells wrap their labels
    assert case_no in compact and "赔款计算书" in compact and "3,200.00" in compact
    for step in calculations.calculations(clerk, case_no)[0].lines[0].result["steps"]:
        assert "".join(step["label"].split()) in compact


def test_notice_lists_every_missing_item_and_is_logged(bo, clerk, tmp_path) -> None:
    result = intake.register_report(clerk, report())
    pdf = notices.missing_documents_notice(clerk, result.case_id)
    path = tmp_path / "notice.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    compact = "".join(text.split())
    detail = cases.get_case(clerk, result.case_no)
    for item in detail.checklist:
        assert "".join(item.title.split()) in compact
    assert "第二十二条" in compact and result.case_no in compact
    assert [c.kind for c in detail.contacts] == ["missing_documents_notice"]
    receive_all(clerk, result.case_id, result.case_no)
    with pytest.raises(DomainError, match="没有缺少"):
        notices.missing_documents_notice(clerk, result.case_id)
    ack = notices.acknowledgement(clerk, result.case_id)
    (tmp_path / "ack.pdf").write_bytes(ack)
    ack_text = subprocess.run(
        ["pdftotext", str(tmp_path / "ack.pdf"), "-"], capture_output=True, text=True
    ).stdout
    assert result.case_no in ack_text and "报案回执" in "".join(ack_text.split())
