"""The administrator's read-only views (SQLite and PostgreSQL): the matrix with its history, an absent
approver's queue for delegation, the calendar and the rules."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from conftest import make_user
from intake_support import calculated_case, clerk_session, motor_policy

from backoffice.domain.approval import DEFAULT_MATRIX, LineOfBusiness
from backoffice.domain.errors import ConflictError, PermissionDenied, ValidationError
from backoffice.services import admin_views, approvals, auth, authority, cases, sla_config


@pytest.fixture
def office(bo, admin):
    clerk = clerk_session(bo, admin)
    motor_policy(clerk)
    approvers = {}
    for level in (1, 2, 3):
        make_user(admin, f"a{level}", {"approver"}, level)
        approvers[level] = auth.sign_in(bo, f"a{level}", f"a{level}-pass-1")
    return clerk, approvers


def submitted(bo, clerk, repair: str) -> str:
    case_no, _ = calculated_case(bo, clerk, repair, overrides={"duplicate": "另一起事故"})
    approvals.submit(clerk, case_no, expected_version=cases.get_case(clerk, case_no).version)
    return case_no


def numbers(items) -> list[str]:
    return [item.case_no for item in items]


def test_an_approvers_queue_as_the_admin_sees_it_for_delegation(bo, admin, office) -> None:
    clerk, ap = office
    small = submitted(bo, clerk, "3200.00")  # level 1 only
    larger = submitted(bo, clerk, "30000.00")  # levels 1 and 2
    approvals.sign(
        ap[1], larger, "agree", password="a1-pass-1", expected_version=cases.get_case(clerk, larger).version
    )
    for level, expected in ((1, [small]), (2, [small, larger]), (3, [small, larger])):
        seen = admin_views.approver_queue(admin, f"a{level}")
        assert numbers(seen) == numbers(approvals.queue(ap[level])) == expected
    (item,) = [i for i in admin_views.approver_queue(admin, "a2") if i.case_no == larger]
    assert (item.next_level, item.top_level, item.amount, item.assignee) == (2, 2, Decimal("30000.00"), "")
    assert item.line == "motor" and item.handler
    assert item.due is not None and item.due >= cases.get_case(clerk, larger).reported_at.date()

    approvals.delegate(admin, small, "a3", reason="a1 on leave")
    assert admin_views.approver_queue(admin, "a1") == []
    assert numbers(admin_views.approver_queue(admin, "a2")) == [larger]
    delegated = [i for i in admin_views.approver_queue(admin, "A3 ") if i.case_no == small]
    assert [i.assignee for i in delegated] == ["a3"]

    people = admin_views.approvers(admin)
    assert [(p.username, p.level, p.active) for p in people] == [
        ("a1", 1, True),
        ("a2", 2, True),
        ("a3", 3, True),
    ]
    with pytest.raises(ValidationError, match="不是核赔人员"):
        admin_views.approver_queue(admin, "clerk")
    with pytest.raises(PermissionDenied):
        admin_views.approver_queue(clerk, "a1")
    with pytest.raises(PermissionDenied):
        admin_views.approvers(ap[1])


def test_authority_overview_has_the_version_its_author_and_the_history(bo, admin, office) -> None:
    clerk, _ap = office
    first = admin_views.authority_overview(admin)  # stores the default as version 1
    assert (first.version, first.matrix, first.current.note, first.current.created_by) == (
        1,
        DEFAULT_MATRIX,
        "默认权限表",
        "",
    )
    levels = list(DEFAULT_MATRIX.levels)
    limits = dict(levels[0].limits) | {LineOfBusiness.MOTOR: Decimal("2000")}
    levels[0] = replace(levels[0], limits=limits)
    changed = type(DEFAULT_MATRIX)(tuple(levels))
    assert authority.set_matrix(admin, changed, note="一级车险权限下调") == 2
    seen = admin_views.authority_overview(clerk)  # case staff may read it too
    assert (seen.version, seen.matrix, seen.current.created_by) == (2, changed, "管理员")
    assert [(h.version, h.note) for h in seen.history] == [(2, "一级车险权限下调"), (1, "默认权限表")]
    assert authority.get_matrix(clerk) == (2, changed)
    # A second admin who started from version 1 gets a conflict, not a silent overwrite.
    with pytest.raises(ConflictError, match="其他管理员修改过"):
        authority.set_matrix(admin, DEFAULT_MATRIX, note="恢复默认", expected_version=1)
    assert authority.set_matrix(admin, DEFAULT_MATRIX, note="恢复默认", expected_version=2) == 3


def test_calendar_and_rules_for_the_admin(bo, admin, office) -> None:
    clerk, _ap = office
    with pytest.raises(PermissionDenied):
        sla_config.calendar_info(admin)  # the case staff's view refuses the administrator
    info = admin_views.calendar_overview(admin)
    assert info.package_years[0] <= 2025 <= info.package_years[1] and info.overrides == ()
    sla_config.set_calendar_day(admin, date(2031, 10, 1), working=False, note="国庆节")
    sla_config.set_year_complete(admin, 2031)
    info = admin_views.calendar_overview(admin)
    assert info == sla_config.calendar_info(clerk)
    assert info.complete_years == (2031,) and [d.day for d in info.overrides] == [date(2031, 10, 1)]

    rules = admin_views.rules_overview(admin)
    assert rules[0].key == "registration" and [r.key for r in rules[1:4]] == [
        "review.simple",
        "review.normal",
        "review.complex",
    ]
    sla_config.set_rule(admin, "review.simple", days=2)
    rules = {r.key: r for r in admin_views.rules_overview(admin)}
    assert rules == {r.key: r for r in sla_config.list_rules(clerk)}
    assert (rules["review.simple"].days, rules["review.simple"].overridden) == (2, True)
