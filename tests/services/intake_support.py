"""Shared helpers for the intake tests: a clerk, a policy, a report."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from conftest import make_user

from backoffice.services import auth
from backoffice.services.intake import LossInput, ReportInput
from backoffice.services.people import PersonInput
from backoffice.services.policies import CoverageInput, PolicyInput, create_policy

INSURED_ID = "11010519491231002X"


def clerk_session(bo, admin, name: str = "clerk", **extra):
    make_user(admin, name, {"clerk"})
    return auth.sign_in(bo, name, f"{name}-pass-1")


def motor_policy(us, number: str = "PDAA202611000001", **changes) -> object:
    data = PolicyInput(
        policy_no=number,
        product="机动车商业保险",
        line="motor",
        insured=PersonInput(full_name="张伟", id_number=INSURED_ID, mobile="13812345678"),
        period_start=date(2026, 1, 1),
        period_end=date(2026, 12, 31),
        coverages=(
            CoverageInput(
                "vehicle_damage", "机动车损失保险", Decimal("150000"), deductible_rate=Decimal("0")
            ),
            CoverageInput("third_party", "第三者责任保险", Decimal("1000000")),
        ),
        new_vehicle_price=Decimal("180000"),
        vehicle_plate="京A12345",
    )
    return create_policy(us, replace(data, **changes))


def report(policy_no: str = "PDAA202611000001", **changes) -> ReportInput:
    # The fake clock stands at 2026-03-02 01:30 UTC (09:30 in Shanghai).
    data = ReportInput(
        policy_no=policy_no,
        channel="hotline",
        reporter_name="张伟",
        reporter_relation="self",
        reporter_phone="13812345678",
        reported_at=datetime(2026, 3, 2, 1, 0, tzinfo=UTC),
        incident_at=datetime(2026, 3, 1, 10, 0, tzinfo=UTC),
        incident_place="北京市朝阳区建国路与东三环交叉口",
        cause="collision",
        estimated_loss=Decimal("3200"),
        narrative="追尾前车，前保险杠受损",
        losses=(LossInput("property", "前保险杠", 1, Decimal("3200")),),
    )
    return replace(data, **changes)


def later(hours: float) -> datetime:
    return datetime(2026, 3, 2, 1, 0, tzinfo=UTC) + timedelta(hours=hours)


def receive_all(clerk, case_id: int, case_no: str) -> None:
    """Log every mandatory document as received (the case becomes materials complete)."""
    from backoffice.services import cases, checklists

    for item in cases.get_case(clerk, case_no).checklist:
        if item.mandatory and item.received_at is None:
            checklists.receive_item(
                clerk,
                case_id,
                item.id,
                checklists.Receipt(datetime(2026, 3, 2, 1, 10, tzinfo=UTC), True, 1, "张伟"),
                expected_version=item.version,
            )


def damage_line(repair: str = "3200.00") -> object:
    from backoffice.services.calculations import LineInput

    return LineInput(
        "vehicle_damage",
        {
            "method": "motor_damage",
            "clause": "2020",
            "sum_insured": "150000.00",
            "new_vehicle_price": "180000.00",
            "repair_cost": repair,
            "salvage": "0",
            "liability_ratio": "1",
        },
    )


def calculated_case(bo, clerk, repair: str = "3200.00", **report_changes):
    """A registered motor case with every document and a calculation: (case_no, case_id)."""
    from backoffice.services import calculations, cases, intake

    result = intake.register_report(clerk, report(**report_changes))
    receive_all(clerk, result.case_id, result.case_no)
    version = cases.get_case(clerk, result.case_no).version
    calculations.calculate_case(clerk, result.case_no, [damage_line(repair)], expected_version=version)
    return result.case_no, result.case_id
