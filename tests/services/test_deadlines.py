"""Stored deadlines through the real case flow (SQLite and PostgreSQL): 2025 holidays with their make-up
days, year ends, calendar overrides, the art. 23 supplement wait, extensions, recomputation."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from conftest import FakeClock
from sla_support import (
    at,
    calculate_at,
    close_at,
    make_office,
    pay_at,
    receive_all_at,
    register,
    sh,
    sign_at,
    submit_at,
)

from backoffice.domain.errors import DomainError, PermissionDenied, ValidationError
from backoffice.services import (
    cases,
    checklists,
    contact_log,
    deadline_extensions,
    deadlines,
    notices,
    sla_config,
)
from backoffice.services.deadline_recompute import recompute_open
from backoffice.services.sla_warnings import case_deadlines, my_warnings, refresh_warnings


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2025, 1, 20, 1, 0, tzinfo=UTC))


@pytest.fixture
def office(bo, admin, clock):
    return make_office(bo, admin, clock)


def dues(us, case_no: str) -> dict[str, tuple[date, str]]:
    """The process deadlines (the motor estimate ones have their own tests)."""
    return {
        d.stage: (d.effective_due, d.status)
        for d in case_deadlines(us, case_no)
        if d.stage not in deadlines.MOTOR_ESTIMATE
    }


def test_spring_festival_2025_with_make_up_days(office) -> None:
    # Materials complete on Fri 24 Jan 2025. Make-up workday Sun 26 Jan; off 28 Jan - 4 Feb.
    case_no, case_id = register(office, sh(2025, 1, 23))
    receive_all_at(office, case_no, case_id, sh(2025, 1, 24, 16))
    assert dues(office.clerk, case_no) == {
        "registration": (date(2025, 1, 26), "open"),  # 1 working day: the make-up Sunday
        "review": (date(2025, 2, 5), "open"),  # simple, 3: 26, 27 Jan, 5 Feb
        "statutory_advance_payment": (date(2025, 3, 25), "open"),  # 60 calendar days
    }
    calculate_at(office, case_no, sh(2025, 1, 27, 10))  # Monday: registration one working day late
    submit_at(office, case_no, sh(2025, 1, 27, 11))
    sign_at(office, case_no, sh(2025, 2, 5, 15))  # the last day of the review
    got = dues(office.clerk, case_no)
    assert got["registration"] == (date(2025, 1, 26), "missed")
    assert got["review"] == (date(2025, 2, 5), "met")
    assert got["statutory_advance_payment"] == (date(2025, 3, 25), "met")  # the amount is fixed
    assert got["payment"] == (date(2025, 2, 6), "open")  # simple: 1 working day
    assert got["statutory_payment"] == (date(2025, 2, 17), "open")  # 15 Feb is a Saturday
    pay_at(office, case_no, sh(2025, 2, 8, 10))  # make-up Saturday: 2 working days after approval
    got = {d.stage: d for d in case_deadlines(office.clerk, case_no)}
    assert got["payment"].status == "missed" and got["statutory_payment"].status == "met"
    assert got["callback"].effective_due == date(2025, 2, 14)  # 5 working days from Sat 8 Feb
    close_at(office, case_no, sh(2025, 2, 10))
    assert dues(office.clerk, case_no)["callback"][1] == "open"  # the callback outlives the closing


def test_national_day_2025_normal_and_complex_reviews(office) -> None:
    # Materials complete on Fri 26 Sep 2025. Make-up workdays Sun 28 Sep and Sat 11 Oct; off 1 - 8 Oct.
    normal, normal_id = register(office, sh(2025, 9, 25), estimated_loss=Decimal("8000"))
    receive_all_at(office, normal, normal_id, sh(2025, 9, 26, 17))
    assert dues(office.clerk, normal)["registration"][0] == date(2025, 9, 28)
    assert dues(office.clerk, normal)["review"][0] == date(2025, 10, 10)  # 28, 29, 30 Sep, 9, 10 Oct
    complex_no, complex_id = register(office, sh(2025, 9, 25, 10), estimated_loss=Decimal("250000"))
    receive_all_at(office, complex_no, complex_id, sh(2025, 9, 26, 17))
    got = dues(office.clerk, complex_no)
    assert got["review"][0] == date(2025, 10, 16)  # 28-30 Sep, 9, 10, 11 (make-up), 13-16 Oct
    assert got["statutory_decision"][0] == date(2025, 10, 27)  # 30 days: Sun 26 Oct -> Mon 27 Oct


def test_year_end_into_2026_and_an_uncovered_year(office) -> None:
    case_no, case_id = register(office, sh(2025, 12, 30))
    receive_all_at(office, case_no, case_id, sh(2025, 12, 31, 10))
    got = dues(office.clerk, case_no)
    assert got["registration"][0] == date(2026, 1, 4)  # 1-3 Jan off, Sun 4 Jan a make-up workday
    assert got["review"][0] == date(2026, 1, 6)  # 4, 5, 6 Jan
    late, late_id = register(office, sh(2026, 12, 1))
    receive_all_at(office, late, late_id, sh(2026, 12, 2, 10))
    advance = next(d for d in case_deadlines(office.clerk, late) if d.stage == "statutory_advance_payment")
    assert advance.effective_due == date(2027, 2, 1)  # 31 Jan 2027 is a Sunday (weekdays assumed)
    assert advance.calendar_note is not None and "2027" in advance.calendar_note


def test_an_override_moves_open_deadlines_after_recompute(office) -> None:
    case_no, case_id = register(office, sh(2025, 1, 23))
    receive_all_at(office, case_no, case_id, sh(2025, 1, 24, 16))
    with pytest.raises(PermissionDenied):
        sla_config.set_calendar_day(office.clerk, date(2025, 1, 27), working=False, note="本地安排")
    sla_config.set_calendar_day(office.admin, date(2025, 1, 27), working=False, note="本地安排：年会")
    assert dues(office.clerk, case_no)["review"][0] == date(2025, 2, 5)  # stored until recomputed
    with pytest.raises(PermissionDenied):
        recompute_open(office.clerk)
    assert recompute_open(office.admin) == 1  # review moves; registration (26 Jan) does not
    assert dues(office.clerk, case_no)["review"][0] == date(2025, 2, 6)  # 26 Jan, 5, 6 Feb
    # A change made later is picked up by the next warning refresh (the stale flag).
    sla_config.clear_calendar_day(office.admin, date(2025, 1, 27))
    at(office.clock, sh(2025, 1, 24, 18))
    assert refresh_warnings(office.supervisor).recomputed == 1
    assert dues(office.clerk, case_no)["review"][0] == date(2025, 2, 5)


def test_a_rule_change_applies_to_open_deadlines(office) -> None:
    case_no, case_id = register(office, sh(2025, 3, 3))
    receive_all_at(office, case_no, case_id, sh(2025, 3, 3, 16))
    assert dues(office.clerk, case_no)["review"][0] == date(2025, 3, 6)
    with pytest.raises(ValidationError):
        sla_config.set_rule(office.admin, "nonsense.simple", days=2)
    sla_config.set_rule(office.admin, "review.simple", days=2, basis="分公司规定")
    recompute_open(office.admin)
    assert dues(office.clerk, case_no)["review"][0] == date(2025, 3, 5)
    rule = next(r for r in sla_config.list_rules(office.clerk) if r.key == "review.simple")
    assert (rule.days, rule.overridden, rule.basis) == (2, True, "分公司规定")
    sla_config.reset_rule(office.admin, "review.simple")
    recompute_open(office.admin)
    assert dues(office.clerk, case_no)["review"][0] == date(2025, 3, 6)


def test_supplement_wait_is_excluded_from_article_23(office) -> None:
    # A complex claim with complete documents on Mon 3 Mar 2025: art. 23 ends on Wed 2 Apr.
    case_no, case_id = register(office, sh(2025, 3, 2, 20), estimated_loss=Decimal("250000"))
    receive_all_at(office, case_no, case_id, sh(2025, 3, 3, 10))
    assert dues(office.clerk, case_no)["statutory_decision"] == (date(2025, 4, 2), "open")
    # 10 Mar: a further document is needed; the one-time notice goes out the same day.
    at(office.clock, sh(2025, 3, 10, 10))
    extra = checklists.add_item(office.clerk, case_id, "车辆维修清单（补充）", mandatory=True)
    notices.missing_documents_notice(office.clerk, case_id)
    got = dues(office.clerk, case_no)
    assert "review" not in got or got["review"][1] != "open"  # the office clock restarts later
    # 20 Mar: the supplement arrives; the ten days 11-20 Mar do not count: due Mon 14 Apr.
    at(office.clock, sh(2025, 3, 20, 15))
    checklists.receive_item(
        office.clerk,
        case_id,
        extra.id,
        checklists.Receipt(sh(2025, 3, 20, 15), True, 1, "张伟"),
        expected_version=extra.version,
    )
    article_23 = [d for d in case_deadlines(office.clerk, case_no) if d.stage == "statutory_decision"]
    assert len(article_23) == 1
    assert (article_23[0].effective_due, article_23[0].paused_days) == (date(2025, 4, 14), 10)
    reviews = [d for d in case_deadlines(office.clerk, case_no) if d.stage == "review"]
    assert [(r.status, r.effective_due) for r in reviews] == [
        ("cancelled", date(2025, 3, 17)),  # complex: 10 working days from 3 Mar
        ("open", date(2025, 4, 3)),  # again 10 from 20 Mar (Qingming 4 Apr is after it)
    ]


def test_a_wait_still_running_counts_up_to_today(office) -> None:
    case_no, case_id = register(office, sh(2025, 3, 2, 20), estimated_loss=Decimal("250000"))
    receive_all_at(office, case_no, case_id, sh(2025, 3, 3, 10))
    at(office.clock, sh(2025, 3, 10, 10))
    checklists.add_item(office.clerk, case_id, "补充材料", mandatory=True)
    notices.missing_documents_notice(office.clerk, case_id)
    at(office.clock, sh(2025, 3, 15, 9))  # still waiting: 11-15 Mar paused so far
    refresh_warnings(office.supervisor)
    article_23 = next(d for d in case_deadlines(office.clerk, case_no) if d.stage == "statutory_decision")
    assert (article_23.paused_days, article_23.effective_due) == (5, date(2025, 4, 7))  # 2 Apr + 5 = Mon 7


def test_return_resubmission_and_denial_notice(office) -> None:
    case_no, case_id = register(office, sh(2025, 3, 3))
    receive_all_at(office, case_no, case_id, sh(2025, 3, 3, 10))
    calculate_at(office, case_no, sh(2025, 3, 3, 11))
    submit_at(office, case_no, sh(2025, 3, 3, 12))
    sign_at(office, case_no, sh(2025, 3, 4, 10), "return", reason_code="calculation_error")
    assert dues(office.clerk, case_no)["return_resubmission"] == (date(2025, 3, 6), "open")
    submit_at(office, case_no, sh(2025, 3, 7, 10))  # one working day late
    assert dues(office.clerk, case_no)["return_resubmission"][1] == "missed"
    sign_at(
        office,
        case_no,
        sh(2025, 3, 7, 11),
        "deny",
        reason_code="exclusion",
        clause="第二十四条",
        facts="饮酒驾驶",
    )
    assert dues(office.clerk, case_no)["statutory_denial_notice"] == (date(2025, 3, 10), "open")  # 3 days
    at(office.clock, sh(2025, 3, 8, 10))
    contact_log.add_contact(
        office.clerk, case_id, channel="letter", direction="out", summary="寄出拒赔通知书"
    )
    assert dues(office.clerk, case_no)["statutory_denial_notice"][1] == "met"


def test_withdrawal_cancels_and_my_warnings_show_red_first(office, clock) -> None:
    kept, kept_id = register(office, sh(2025, 3, 3))
    receive_all_at(office, kept, kept_id, sh(2025, 3, 3, 10))
    gone, gone_id = register(office, sh(2025, 3, 3, 11))
    receive_all_at(office, gone, gone_id, sh(2025, 3, 3, 12))
    from backoffice.services import payments

    payments.withdraw_case(
        office.clerk,
        gone,
        confirmation="客户电话确认撤案",
        expected_version=cases.get_case(office.clerk, gone).version,
    )
    assert {status for _due, status in dues(office.clerk, gone).values()} == {"cancelled"}
    at(office.clock, sh(2025, 3, 5, 9))  # registration (due 4 Mar) overdue; review (6 Mar): 1 day left
    items = my_warnings(office.clerk)
    assert [(i.case_no, i.stage, i.level, i.days_left) for i in items] == [
        (kept, "registration", "red", -1),
        (kept, "review", "yellow", 1),
    ]
    assert my_warnings(office.supervisor) == []  # not their cases


def test_extension_needs_a_reason_and_a_supervisor(office) -> None:
    case_no, case_id = register(office, sh(2025, 3, 3))
    receive_all_at(office, case_no, case_id, sh(2025, 3, 3, 10))
    review = next(d for d in case_deadlines(office.clerk, case_no) if d.stage == "review")
    statutory = next(
        d for d in case_deadlines(office.clerk, case_no) if d.stage == "statutory_advance_payment"
    )
    with pytest.raises(ValidationError):
        deadline_extensions.request_extension(office.clerk, review.id, until=date(2025, 3, 12), reason=" ")
    with pytest.raises(DomainError, match="法定"):
        deadline_extensions.request_extension(office.clerk, statutory.id, until=date(2025, 6, 1), reason="x")
    with pytest.raises(ValidationError):
        deadline_extensions.request_extension(
            office.clerk, review.id, until=date(2025, 3, 5), reason="需要查勘"
        )
    request = deadline_extensions.request_extension(
        office.clerk, review.id, until=date(2025, 3, 12), reason="等待第三方定损报告"
    )
    with pytest.raises(DomainError, match="待批准"):
        deadline_extensions.request_extension(
            office.clerk, review.id, until=date(2025, 3, 13), reason="again"
        )
    with pytest.raises(PermissionDenied):
        deadline_extensions.decide_extension(office.clerk, request.id, approve=True)
    assert [e.id for e in deadline_extensions.pending_extensions(office.supervisor)] == [request.id]
    decided = deadline_extensions.decide_extension(office.supervisor, request.id, approve=True)
    assert (decided.decision, decided.decided_by) == ("approved", "sup")
    assert dues(office.clerk, case_no)["review"] == (date(2025, 3, 12), "open")
    detail = cases.get_case(office.clerk, case_no)
    assert [e.kind for e in detail.events if e.kind.startswith("deadline.")] == [
        "deadline.extension_requested",
        "deadline.extended",
    ]
    assert any(c.kind == "deadline_extension" and "2025-03-12" in c.summary for c in detail.contacts)
    calculate_at(office, case_no, sh(2025, 3, 11, 10))
    submit_at(office, case_no, sh(2025, 3, 11, 11))
    sign_at(office, case_no, sh(2025, 3, 11, 15))
    assert dues(office.clerk, case_no)["review"] == (date(2025, 3, 12), "met")  # met within the extension
