"""Yellow and red warnings, the follow-up tasks, the supervisor queue and red notifications."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from conftest import FakeClock, make_user
from sla_support import at, calculate_at, make_office, receive_all_at, register, sh

from backoffice.domain.errors import DomainError, PermissionDenied, ValidationError
from backoffice.services import auth, cases
from backoffice.services.sla_tasks import complete_task, my_tasks, open_tasks
from backoffice.services.sla_warnings import (
    case_warning_levels,
    count_queue,
    my_warnings,
    red_notifications,
    refresh_warnings,
    supervisor_queue,
    warning_counts,
)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2025, 3, 1, 1, 0, tzinfo=UTC))


@pytest.fixture
def office(bo, admin, clock):
    return make_office(bo, admin, clock)


def test_levels_tasks_queue_and_notifications(bo, admin, office) -> None:
    # Materials complete Mon 3 Mar 2025 (simple): registration due Tue 4 Mar, review due Thu 6 Mar.
    case_no, case_id = register(office, sh(2025, 3, 3, 8))
    receive_all_at(office, case_no, case_id, sh(2025, 3, 3, 10))
    at(office.clock, sh(2025, 3, 3, 18))
    first = refresh_warnings(office.supervisor)
    assert (first.today, first.yellow, first.red, first.tasks_created) == (date(2025, 3, 3), 1, 0, 1)
    assert refresh_warnings(office.supervisor).changed == 0  # idempotent
    [task] = my_tasks(office.clerk)
    assert (task.kind, task.case_no, task.due_day, task.status) == (
        "progress_report",
        case_no,
        date(2025, 3, 4),
        "open",
    )
    with pytest.raises(ValidationError):
        complete_task(office.clerk, task.id, note="  ")
    with pytest.raises(PermissionDenied):
        complete_task(office.supervisor, task.id, note="代为汇报")
    done = complete_task(office.clerk, task.id, note="已催客户补充维修发票，预计明日完成立案")
    assert done.status == "done" and done.note.startswith("已催客户")
    with pytest.raises(DomainError):
        complete_task(office.clerk, task.id, note="again")

    at(office.clock, sh(2025, 3, 5, 9))  # registration overdue; review: 1 working day left
    second = refresh_warnings(office.supervisor)
    assert (second.yellow, second.red, second.tasks_created) == (1, 1, 2)
    red = supervisor_queue(office.supervisor, "red")
    assert [(i.case_no, i.stage, i.level, i.due, i.days_left) for i in red] == [
        (case_no, "registration", "red", date(2025, 3, 4), -1)
    ]
    yellow = supervisor_queue(office.supervisor, "yellow")
    assert [(i.stage, i.level, i.days_left) for i in yellow] == [("review", "yellow", 1)]
    assert [i.stage for i in supervisor_queue(office.supervisor, "all")] == ["registration", "review"]
    assert (count_queue(office.supervisor, "red"), count_queue(office.supervisor, "yellow")) == (1, 1)
    assert supervisor_queue(office.supervisor, "red", handler="clerk")[0].handler == "clerk"
    assert supervisor_queue(office.supervisor, "red", stage="review") == []
    with pytest.raises(ValidationError):
        supervisor_queue(office.supervisor, "orange")
    with pytest.raises(PermissionDenied):
        supervisor_queue(office.clerk, "red")
    [notice] = red_notifications(office.supervisor)
    assert (notice.case_no, notice.stage_label, notice.due) == (case_no, "立案登记", date(2025, 3, 4))
    assert [n.case_no for n in red_notifications(office.clerk)] == [case_no]  # their own case
    assert red_notifications(office.supervisor, since=office.clock.now) == []
    counts = warning_counts(office.supervisor)
    assert (counts.open, counts.yellow, counts.red) == (3, 1, 1)
    assert [s[0] for s in counts.by_stage] == ["registration", "review", "statutory_advance_payment"]
    assert case_warning_levels(office.clerk, [case_id]) == {case_id: "red"}
    red_cases = cases.list_cases(office.supervisor, cases.CaseFilter(warning="red"))
    assert [r.case_no for r in red_cases] == [case_no]
    assert cases.count_cases(office.clerk, cases.CaseFilter(warning="yellow")) == 1

    kinds = sorted((t.kind, t.assignee) for t in my_tasks(office.supervisor))
    assert kinds == [("rectification", "")]  # every supervisor sees the red follow-up
    [rectification] = [t for t in open_tasks(office.supervisor) if t.kind == "rectification"]
    assert rectification.due_day == date(2025, 3, 7)  # 2 working days after 5 Mar
    with pytest.raises(PermissionDenied):
        complete_task(office.clerk, rectification.id, note="x")
    complete_task(office.supervisor, rectification.id, note="原因：单证积压；措施：每日清单")
    # Finishing the review drops its open progress report; the timeline shows what was reported.
    calculate_at(office, case_no, sh(2025, 3, 5, 10))
    assert [t.kind for t in my_tasks(office.clerk)] == ["progress_report"]  # the review's
    events = [e.kind for e in cases.get_case(office.clerk, case_no).events]
    assert "sla.progress_report" in events and "sla.rectification" in events


def test_yellow_filter_is_exact_without_a_refresh(bo, admin, office) -> None:
    # Nobody has run refresh_warnings: the stored first yellow day alone decides the yellow filter.
    case_no, case_id = register(office, sh(2025, 3, 3, 8))
    receive_all_at(office, case_no, case_id, sh(2025, 3, 3, 10))  # review (simple) due Thu 6 Mar
    at(office.clock, sh(2025, 3, 4, 9))
    assert case_warning_levels(office.clerk, [case_id]) == {case_id: "yellow"}  # registration due today
    assert cases.count_cases(office.clerk, cases.CaseFilter(warning="yellow")) == 1
    yellow = supervisor_queue(office.supervisor, "yellow")
    assert [i.stage for i in yellow] == ["registration"]
    at(office.clock, sh(2025, 3, 5, 9))  # registration overdue; review: 1 working day left
    assert [i.stage for i in supervisor_queue(office.supervisor, "yellow")] == ["review"]
    assert [i.stage for i in supervisor_queue(office.supervisor, "red")] == ["registration"]
    assert warning_counts(office.supervisor).yellow == 1


def test_who_may_refresh_and_look(bo, admin, office) -> None:
    with pytest.raises(PermissionDenied):
        refresh_warnings(admin)
    make_user(admin, "aud", {"auditor"})
    auditor = auth.sign_in(bo, "aud", "aud-pass-1")
    assert supervisor_queue(auditor, "red") == []
    assert my_warnings(auditor) == []
    with pytest.raises(DomainError):  # NotFound: no such task
        complete_task(auditor, 1, note="x")
