"""Helpers for the timeliness tests: an office at a chosen date, cases driven through the real services.

Times are given in Shanghai wall-clock time (``sh(2025, 1, 24, 9)``); the fake clock is moved with
``at(clock, ...)`` before each step, so every stored timestamp is the one a user would have produced.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from conftest import FakeClock, make_user
from intake_support import clerk_session, damage_line, motor_policy, report

from backoffice.services import approvals, auth, calculations, cases, checklists, intake, payments

SHANGHAI = ZoneInfo("Asia/Shanghai")


def sh(year: int, month: int, day: int, hour: int = 9, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=SHANGHAI)


def at(clock: FakeClock, moment: datetime) -> None:
    clock.now = moment


@dataclass
class Office:
    clock: FakeClock
    clerk: object
    approver: object  # level 5: signs any amount alone
    supervisor: object
    admin: object
    counter: int = 0


def make_office(bo, admin, clock: FakeClock, *, period=(date(2024, 1, 1), date(2027, 12, 31))) -> Office:
    clerk = clerk_session(bo, admin)
    motor_policy(clerk, period_start=period[0], period_end=period[1])
    make_user(admin, "boss", {"approver"}, 5)
    make_user(admin, "sup", {"supervisor"})
    return Office(
        clock,
        clerk,
        auth.sign_in(bo, "boss", "boss-pass-1"),
        auth.sign_in(bo, "sup", "sup-pass-1"),
        admin,
    )


def version(us, case_no: str) -> int:
    return cases.get_case(us, case_no).version


def register(office: Office, when: datetime, **changes) -> tuple[str, int]:
    """A motor report made at ``when`` (the clock is set there); incident the day before."""
    at(office.clock, when)
    office.counter += 1
    data = report(
        reported_at=when - timedelta(minutes=5),
        incident_at=when - timedelta(days=1) + timedelta(minutes=office.counter),
        overrides={"duplicate": "另一起事故"},
        **changes,
    )
    result = intake.register_report(office.clerk, data)
    return result.case_no, result.case_id


def receive_all_at(office: Office, case_no: str, case_id: int, when: datetime) -> None:
    at(office.clock, when)
    for item in cases.get_case(office.clerk, case_no).checklist:
        if item.mandatory and item.received_at is None:
            checklists.receive_item(
                office.clerk,
                case_id,
                item.id,
                checklists.Receipt(when, True, 1, "张伟"),
                expected_version=item.version,
            )


def calculate_at(office: Office, case_no: str, when: datetime, repair: str = "3200.00") -> None:
    at(office.clock, when)
    calculations.calculate_case(
        office.clerk, case_no, [damage_line(repair)], expected_version=version(office.clerk, case_no)
    )


def submit_at(office: Office, case_no: str, when: datetime) -> None:
    at(office.clock, when)
    approvals.submit(office.clerk, case_no, expected_version=version(office.clerk, case_no))


def sign_at(office: Office, case_no: str, when: datetime, decision: str = "agree", **kw) -> str:
    at(office.clock, when)
    return approvals.sign(
        office.approver,
        case_no,
        decision,
        password="boss-pass-1",
        expected_version=version(office.approver, case_no),
        **kw,
    )


def pay_at(office: Office, case_no: str, when: datetime, amount: str = "3200.00") -> None:
    """Order and confirm the payment on the same day."""
    at(office.clock, when)
    paid = payments.add_payment(
        office.clerk, case_no, amount=Decimal(amount), bank_account="6222021234567890123"
    )
    payments.mark_paid(
        office.clerk,
        paid.id,
        paid_on=when.date(),
        reference=f"BANK{paid.id:04d}",
        expected_version=paid.version,
    )


def close_at(office: Office, case_no: str, when: datetime, reason: str = "paid", **kw) -> None:
    at(office.clock, when)
    payments.close_case(
        office.clerk, case_no, reason=reason, expected_version=version(office.clerk, case_no), **kw
    )


def settled_case(office: Office, reported: datetime, *, days=(0, 0, 0, 0, 1, 2), **changes) -> str:
    """Report, documents, calculation, submission, approval, payment and closing, ``days`` after the
    report (each offset in calendar days, at 10:00, 11:00… on that day)."""
    case_no, case_id = register(office, reported, **changes)
    steps = [reported.replace(hour=10 + i) + timedelta(days=d) for i, d in enumerate(days)]
    receive_all_at(office, case_no, case_id, steps[0])
    calculate_at(office, case_no, steps[1])
    submit_at(office, case_no, steps[2])
    sign_at(office, case_no, steps[3])
    pay_at(office, case_no, steps[4])
    close_at(office, case_no, steps[5])
    return case_no
