"""A calculation version with several lines, and the printed sheet of any stored version."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from conftest import make_user
from intake_support import calculated_case, clerk_session, damage_line, motor_policy

from backoffice.domain.calculation import calculate
from backoffice.domain.errors import NotFound
from backoffice.services import audit, auth, calculations, cases, notices
from backoffice.services.calculations import LineInput


@pytest.fixture
def clerk(bo, admin):
    us = clerk_session(bo, admin)
    motor_policy(us)
    return us


def third_party_line(loss: str) -> LineInput:
    return LineInput(
        "third_party",
        {
            "method": "motor_third_party",
            "clause": "2020",
            "loss": loss,
            "liability_ratio": "0.7",
            "limit": "1000000",
        },
    )


def pdf_text(pdf: bytes, path: Path) -> str:
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return "".join(text.split())  # table cells wrap their labels


def test_one_version_holds_several_lines(bo, clerk) -> None:
    case_no, _ = calculated_case(bo, clerk)
    lines = [damage_line("5000.00"), third_party_line("20000.00")]
    version = cases.get_case(clerk, case_no).version
    saved = calculations.calculate_case(clerk, case_no, lines, expected_version=version)
    payables = [calculate(line.inputs).payable for line in lines]
    assert saved.version_no == 2 and [line.payable for line in saved.lines] == payables
    assert saved.total == sum(payables)
    assert [(line.position, line.coverage_code) for line in saved.lines] == [
        (1, "vehicle_damage"),
        (2, "third_party"),
    ]


def test_the_sheet_of_an_older_version(bo, admin, clerk, tmp_path) -> None:
    case_no, case_id = calculated_case(bo, clerk)
    version = cases.get_case(clerk, case_no).version
    lines = [damage_line("5000.00"), third_party_line("20000.00")]
    calculations.calculate_case(clerk, case_no, lines, expected_version=version)
    v2, v1 = calculations.calculations(clerk, case_no)

    old = pdf_text(notices.calculation_sheet(clerk, case_id, version_no=1), tmp_path / "v1.pdf")
    assert f"{case_no}-JS01" in old and "非当前版本" in old
    assert "3,200.00" in old and "第三者责任保险" not in old

    current = pdf_text(notices.calculation_sheet(clerk, case_id, version_no=2), tmp_path / "v2.pdf")
    assert f"{case_no}-JS02" in current and "非当前版本" not in current
    for line in v2.lines:
        assert line.coverage_name in current and f"{line.payable:,.2f}" in current
    assert f"{v2.total:,.2f}" in current
    # Without a version: the current one, as before.
    assert pdf_text(notices.calculation_sheet(clerk, case_id), tmp_path / "cur.pdf") == current
    assert v1.total != v2.total

    with pytest.raises(NotFound, match="v7"):
        notices.calculation_sheet(clerk, case_id, version_no=7)
    make_user(admin, "aud", {"auditor"})
    auditor = auth.sign_in(bo, "aud", "aud-pass-1")
    printed = [r.reason for r in audit.list_records(auditor) if r.action == "notice.calculation_sheet"]
    assert sorted(printed) == ["v1", "v2", "v2"]  # which version each printed sheet showed
