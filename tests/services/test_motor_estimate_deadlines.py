"""Motor damage-estimate deadlines (seed 004, DOMAIN.md §6): the band follows the estimated loss at
registration, and receiving the 定损单 on the checklist finishes them (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from conftest import FakeClock
from sla_support import at, make_office, register, sh

from backoffice.services import cases, checklists
from backoffice.services.deadlines import estimate_variant
from backoffice.services.sla_warnings import case_deadlines


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2025, 3, 3, 1, 0, tzinfo=UTC))


@pytest.fixture
def office(bo, admin, clock):
    return make_office(bo, admin, clock)


def estimate_rows(us, case_no: str) -> dict[str, tuple[date, str]]:
    return {
        d.stage: (d.effective_due, d.status)
        for d in case_deadlines(us, case_no)
        if d.stage in ("motor_estimate", "motor_parts_list")
    }


def receive_estimate(office, case_no: str, case_id: int, when: datetime) -> None:
    at(office.clock, when)
    item = next(i for i in cases.get_case(office.clerk, case_no).checklist if i.code == "damage_estimate")
    checklists.receive_item(
        office.clerk,
        case_id,
        item.id,
        checklists.Receipt(when, True, 1, "修理厂"),
        expected_version=item.version,
    )


@pytest.mark.parametrize(
    ("yuan", "band"),
    [("0", "small"), ("2000", "small"), ("2000.01", "medium"), ("10000", "medium"), ("10000.01", "large")],
)
def test_bands_follow_the_estimated_loss(yuan: str, band: str) -> None:
    assert estimate_variant(int(Decimal(yuan) * 100)) == band


def test_small_loss_is_due_the_same_day(office) -> None:
    # Reported Mon 3 Mar 2025 08:55 (Shanghai), 1,500 yuan: the estimate is due that day.
    case_no, case_id = register(office, sh(2025, 3, 3), estimated_loss=Decimal("1500"))
    assert estimate_rows(office.clerk, case_no) == {"motor_estimate": (date(2025, 3, 3), "open")}
    receive_estimate(office, case_no, case_id, sh(2025, 3, 3, 17))
    assert estimate_rows(office.clerk, case_no) == {"motor_estimate": (date(2025, 3, 3), "met")}


def test_small_loss_estimated_the_next_day_is_missed(office) -> None:
    case_no, case_id = register(office, sh(2025, 3, 3), estimated_loss=Decimal("1500"))
    receive_estimate(office, case_no, case_id, sh(2025, 3, 4, 9))
    assert estimate_rows(office.clerk, case_no) == {"motor_estimate": (date(2025, 3, 3), "missed")}


def test_medium_loss_counts_24_hours(office) -> None:
    reported = sh(2025, 3, 3) - timedelta(minutes=5)
    on_time, _ = register(office, sh(2025, 3, 3), estimated_loss=Decimal("3200"))
    late, _ = register(office, sh(2025, 3, 3), estimated_loss=Decimal("8000"))
    due = {d.stage: d for d in case_deadlines(office.clerk, on_time)}["motor_estimate"]
    assert due.due_at == reported + timedelta(hours=24)
    receive_estimate(
        office, on_time, cases.get_case(office.clerk, on_time).id, reported + timedelta(hours=23)
    )
    receive_estimate(office, late, cases.get_case(office.clerk, late).id, reported + timedelta(hours=25))
    assert estimate_rows(office.clerk, on_time)["motor_estimate"][1] == "met"
    assert estimate_rows(office.clerk, late)["motor_estimate"][1] == "missed"


def test_large_loss_adds_the_parts_list(office) -> None:
    # 15,000 yuan: parts list within 2 days, estimate within 5 (calendar days, start day not counted).
    case_no, case_id = register(office, sh(2025, 3, 3), estimated_loss=Decimal("15000"))
    assert estimate_rows(office.clerk, case_no) == {
        "motor_estimate": (date(2025, 3, 10), "open"),  # Sat 8 Mar → next working day
        "motor_parts_list": (date(2025, 3, 5), "open"),
    }
    receive_estimate(office, case_no, case_id, sh(2025, 3, 6, 10))
    assert estimate_rows(office.clerk, case_no) == {
        "motor_estimate": (date(2025, 3, 10), "met"),
        "motor_parts_list": (date(2025, 3, 5), "missed"),
    }
