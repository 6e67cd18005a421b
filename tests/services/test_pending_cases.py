"""Pending cases (未决): aging buckets, inactivity, the clean-up list, and who sees what."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from conftest import FakeClock, make_user
from sla_support import at, make_office, register, settled_case, sh

from backoffice.domain.errors import PermissionDenied, ValidationError
from backoffice.services import auth, contact_log
from backoffice.services.pending import aging, aging_cases, cleanup_list, inactive_cases


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2024, 11, 1, 1, 0, tzinfo=UTC))


def test_aging_inactivity_and_cleanup(bo, admin, clock) -> None:
    office = make_office(bo, admin, clock)
    make_user(admin, "clerk2", {"clerk"})
    clerk2 = auth.sign_in(bo, "clerk2", "clerk2-pass-1")
    # Reports at five ages on 1 Jul 2025: 212, 150, 77, 42 and 11 days; one more case is closed.
    ages = {}
    for day, handler in (
        (date(2024, 12, 1), "clerk"),
        (date(2025, 2, 1), "clerk"),
        (date(2025, 4, 15), "clerk2"),
        (date(2025, 5, 20), "clerk"),
        (date(2025, 6, 20), "clerk"),
    ):
        case_no, case_id = register(office, sh(day.year, day.month, day.day), handler=handler)
        ages[case_no] = (case_id, day)
    settled_case(office, sh(2025, 6, 2), handler="clerk")
    first = next(iter(ages))
    at(clock, sh(2025, 6, 25, 10))  # somebody called about the oldest case a week ago
    contact_log.add_contact(
        office.clerk, ages[first][0], channel="phone", direction="out", summary="催收单证"
    )
    at(clock, sh(2025, 7, 1, 9))

    report = aging(office.supervisor)
    assert report.today == date(2025, 7, 1)
    assert report.buckets == (("0-30", 1), ("31-60", 1), ("61-90", 1), ("91-180", 1), (">180", 1))
    assert report.total == 5
    assert [(h.handler, h.counts, h.total) for h in report.by_handler] == [
        ("clerk", (1, 1, 0, 1, 1), 4),
        ("clerk2", (0, 0, 1, 0, 0), 1),
    ]
    assert aging(office.clerk).total == 4  # a clerk sees their own
    assert aging(clerk2).by_handler[0].counts == (0, 0, 1, 0, 0)
    with pytest.raises(PermissionDenied):
        aging(clerk2, handler="clerk")
    with pytest.raises(PermissionDenied):
        aging(admin)

    [old] = aging_cases(office.supervisor, ">180")
    assert (old.case_no, old.age_days, old.idle_days, old.reported_on) == (first, 212, 6, date(2024, 12, 1))
    assert [c.age_days for c in aging_cases(office.supervisor, "91-180")] == [150]
    assert [c.age_days for c in aging_cases(office.supervisor, "0-30")] == [11]
    with pytest.raises(ValidationError):
        aging_cases(office.supervisor, "1-2")

    idle = inactive_cases(office.supervisor, 40)  # untouched since their report 40+ days ago
    assert [c.age_days for c in idle] == [150, 77, 42]  # the oldest case had a call on 25 Jun
    assert [c.handler for c in inactive_cases(office.supervisor, 40, handler="clerk2")] == ["clerk2"]
    with pytest.raises(ValidationError):
        inactive_cases(office.supervisor, 0)

    clean = cleanup_list(office.clerk)
    assert [c.age_days for c in clean] == [212, 150, 42, 11]  # oldest first
    assert cleanup_list(office.supervisor, handler="clerk") == clean
    with pytest.raises(ValidationError):
        cleanup_list(office.supervisor)
    with pytest.raises(ValidationError):
        cleanup_list(office.supervisor, handler="nobody")
