"""``backoffice archive build | verify`` as an archivist would run them."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from backoffice.cli import main


@pytest.fixture
def office_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> Path:
    monkeypatch.setenv("BACKOFFICE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("BACKOFFICE_DATABASE_URL", raising=False)
    monkeypatch.setenv("BACKOFFICE_USER", "root")
    monkeypatch.setenv("BACKOFFICE_PASSWORD", "root-password")
    assert main(["db", "upgrade"]) == 0 and main(["init", "--admin", "root"]) == 0
    for name, roles, extra in (
        ("wf", "clerk", []),
        ("a1", "approver", ["--level", "1"]),
        ("arch", "archivist", []),
    ):
        monkeypatch.setenv("BACKOFFICE_NEW_PASSWORD", f"{name}-password-1")
        assert main(["user", "add", name, "--name", name, "--roles", roles, *extra]) == 0
    monkeypatch.setenv("BACKOFFICE_USER", "arch")
    monkeypatch.setenv("BACKOFFICE_PASSWORD", "arch-password-1")
    capsys.readouterr()
    return tmp_path


def closed_cases(count: int) -> list[str]:
    """Cases taken from report to closing through the services (the real clock)."""
    from backoffice.services import (
        approvals,
        auth,
        calculations,
        cases,
        checklists,
        intake,
        payments,
        policies,
    )
    from backoffice.services.calculations import LineInput
    from backoffice.services.context import Backoffice
    from backoffice.services.people import PersonInput
    from backoffice.settings import load_settings

    bo = Backoffice.open(load_settings())
    clerk = auth.sign_in(bo, "wf", "wf-password-1")
    approver = auth.sign_in(bo, "a1", "a1-password-1")
    today = date.today()
    numbers = []
    for n in range(count):
        policy_no = f"PCLI{n:04d}"
        policies.create_policy(
            clerk,
            policies.PolicyInput(
                policy_no=policy_no,
                product="机动车商业保险",
                line="motor",
                insured=PersonInput(full_name="张伟", id_number="11010519491231002X", mobile="13812345678"),
                period_start=today - timedelta(days=100),
                period_end=today + timedelta(days=200),
                coverages=(policies.CoverageInput("vehicle_damage", "机动车损失保险", Decimal("150000")),),
                new_vehicle_price=Decimal("180000"),
            ),
        )
        now = datetime.now(UTC)
        registered = intake.register_report(
            clerk,
            intake.ReportInput(
                policy_no=policy_no,
                channel="hotline",
                reporter_name="张伟",
                reporter_relation="self",
                reporter_phone="13812345678",
                reported_at=now - timedelta(minutes=30),
                incident_at=now - timedelta(hours=2),
                incident_place="北京市朝阳区",
                cause="collision",
                estimated_loss=Decimal("3200"),
            ),
        )
        case_no = registered.case_no
        for item in cases.get_case(clerk, case_no).checklist:
            if item.mandatory:
                receipt = checklists.Receipt(datetime.now(UTC), True, 1, "张伟")
                checklists.receive_item(
                    clerk, registered.case_id, item.id, receipt, expected_version=item.version
                )
        line = LineInput(
            "vehicle_damage",
            {
                "method": "motor_damage",
                "clause": "2020",
                "sum_insured": "150000.00",
                "new_vehicle_price": "180000.00",
                "repair_cost": "3200.00",
                "salvage": "0",
                "liability_ratio": "1",
            },
        )

        def version() -> int:
            return cases.get_case(clerk, case_no).version  # noqa: B023

        calculations.calculate_case(clerk, case_no, [line], expected_version=version())
        approvals.submit(clerk, case_no, expected_version=version())
        approvals.sign(approver, case_no, "agree", password="a1-password-1", expected_version=version())
        paid = payments.add_payment(
            clerk, case_no, amount=Decimal("3200.00"), bank_account="6222021234567890123"
        )
        payments.mark_paid(clerk, paid.id, paid_on=today, reference=f"B{n}", expected_version=paid.version)
        payments.close_case(clerk, case_no, reason="paid", expected_version=version())
        numbers.append(case_no)
    bo.close()
    return numbers


def test_build_one_volume_and_verify_it(office_env: Path, capsys) -> None:
    (case_no,) = closed_cases(1)
    out = office_env / "volume.pdf"
    assert main(["archive", "build", case_no, "-o", str(out), "--json"]) == 0
    built = json.loads(capsys.readouterr().out)
    assert built["case_no"] == case_no and built["version"] == 1 and out.is_file()
    assert built["archive_no"].startswith("Z001-LP·") and built["unmasked"] is False
    assert main(["archive", "verify", str(out)]) == 0
    assert "OK" in capsys.readouterr().out
    data = bytearray(out.read_bytes())
    data[len(data) // 2] ^= 0x01
    altered = office_env / "altered.pdf"
    altered.write_bytes(bytes(data))
    assert main(["archive", "verify", str(altered), "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert not report["ok"] and report["problems"]
    assert any("摘要与登记不符" in p or "结构有损坏" in p for p in report["problems"])
    assert main(["archive", "build", case_no]) == 1  # archived already: only closed cases
    assert "已结案" in capsys.readouterr().err


def test_build_every_closed_case_with_progress(office_env: Path, capsys) -> None:
    numbers = closed_cases(2)
    out = office_env / "out"
    assert main(["archive", "build", "--closed", "--out-dir", str(out)]) == 0
    printed = capsys.readouterr().out
    assert f"[1/2] {numbers[0]}" in printed and f"[2/2] {numbers[1]}" in printed and "built: 2" in printed
    assert len(list(out.glob("*.pdf"))) == 2
    assert main(["archive", "build", "--closed"]) == 0
    assert "built: 0" in capsys.readouterr().out
    assert main(["archive", "build"]) == 2  # neither a case number nor --closed


def test_only_an_archivist_builds(office_env: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    (case_no,) = closed_cases(1)
    monkeypatch.setenv("BACKOFFICE_USER", "wf")
    monkeypatch.setenv("BACKOFFICE_PASSWORD", "wf-password-1")
    assert main(["archive", "build", case_no]) == 1
    assert "档案管理员" in capsys.readouterr().err
