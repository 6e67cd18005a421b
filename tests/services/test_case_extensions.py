"""The extension requests of one case (the 期限 tab): every decision, only this case's, who may look."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from conftest import FakeClock
from sla_support import at, make_office, receive_all_at, register, sh

from backoffice.domain.errors import NotFound, PermissionDenied
from backoffice.services.deadline_extensions import case_extensions, decide_extension, request_extension
from backoffice.services.sla_warnings import case_deadlines


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2025, 3, 1, 1, 0, tzinfo=UTC))


def test_requests_of_one_case_with_their_decisions(bo, admin, clock) -> None:
    office = make_office(bo, admin, clock)
    case_no, case_id = register(office, sh(2025, 3, 3, 8))
    receive_all_at(office, case_no, case_id, sh(2025, 3, 3, 10))
    other_no, other_id = register(office, sh(2025, 3, 3, 9))
    receive_all_at(office, other_no, other_id, sh(2025, 3, 3, 11))
    stages = {d.stage: d.id for d in case_deadlines(office.clerk, case_no)}
    other = {d.stage: d.id for d in case_deadlines(office.clerk, other_no)}
    assert case_extensions(office.clerk, case_no) == []

    at(office.clock, sh(2025, 3, 3, 15))
    first = request_extension(office.clerk, stages["registration"], until=date(2025, 3, 7), reason="客户住院")
    request_extension(office.clerk, other["registration"], until=date(2025, 3, 7), reason="另一案")
    second = request_extension(office.clerk, stages["review"], until=date(2025, 3, 14), reason="等待认定")
    at(office.clock, sh(2025, 3, 4, 9))
    decide_extension(office.supervisor, first.id, approve=True)
    decide_extension(office.supervisor, second.id, approve=False, note="无需延期")
    third = request_extension(office.clerk, stages["review"], until=date(2025, 3, 12), reason="补充材料")

    listed = case_extensions(office.clerk, case_no)  # a handler sees them too, not only supervisors
    assert [(e.id, e.stage, e.decision, e.requested_until) for e in listed] == [
        (first.id, "registration", "approved", date(2025, 3, 7)),
        (second.id, "review", "rejected", date(2025, 3, 14)),
        (third.id, "review", "pending", date(2025, 3, 12)),
    ]
    assert listed[0].decided_by == "sup" and listed[1].decision_note == "无需延期"
    assert {e.case_no for e in listed} == {case_no}
    assert [e.stage for e in case_extensions(office.supervisor, other_no)] == ["registration"]

    with pytest.raises(PermissionDenied):
        case_extensions(admin, case_no)
    with pytest.raises(NotFound):
        case_extensions(office.clerk, "2025999999999999")
