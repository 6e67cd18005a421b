"""The case list's index-backed queries: every order pages consistently, and a broad search (more matches
than are looked up by id) finds the same cases as a narrow one."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from intake_support import clerk_session, motor_policy, report

from backoffice.domain.case import Complexity
from backoffice.services import cases, intake
from backoffice.services.cases import SORTS, CaseFilter
from backoffice.services.people import PersonInput

LI_NA = PersonInput(full_name="李娜", id_number="110101199003070011", mobile="13900002222")


@pytest.fixture
def clerk(bo, admin):
    us = clerk_session(bo, admin)
    motor_policy(us)
    motor_policy(us, "PDAA202611000009", insured=LI_NA)
    return us


@pytest.fixture
def registered(clerk) -> list[str]:
    """Five cases: reported 1–5 March at 08:00 UTC on two policies, losses and complexities mixed."""
    plan = [
        ("PDAA202611000001", 1, "3200", None),
        ("PDAA202611000009", 2, "800", Complexity.COMPLEX),
        ("PDAA202611000001", 3, "3200", None),
        ("PDAA202611000009", 4, "15000", None),
        ("PDAA202611000009", 5, "800", Complexity.COMPLEX),
    ]
    numbers = []
    for policy_no, day, loss, complexity in plan:
        data = report(
            policy_no,
            reported_at=datetime(2026, 2, day, 8, 0, tzinfo=UTC),
            incident_at=datetime(2026, 2, day, 6, 0, tzinfo=UTC),
            estimated_loss=Decimal(loss),
            complexity=complexity,
            complexity_reason="人伤待定" if complexity else "",
        )
        numbers.append(intake.register_report(clerk, data).case_no)
    return numbers


def test_every_order_pages_like_one_long_page(clerk, registered) -> None:
    for sort in SORTS:
        for descending in (True, False):
            whole = [r.case_no for r in cases.list_cases(clerk, sort=sort, descending=descending)]
            paged = [
                r.case_no
                for offset in range(len(registered))
                for r in cases.list_cases(clerk, sort=sort, descending=descending, offset=offset, limit=1)
            ]
            assert sorted(whole) == sorted(registered), sort
            assert paged == whole, (sort, descending)
    newest_first = list(reversed(registered))
    assert [r.case_no for r in cases.list_cases(clerk, sort="reported_at")] == newest_first
    by_loss = [(r.estimated_loss, r.case_no) for r in cases.list_cases(clerk, sort="estimated_loss")]
    assert [loss for loss, _ in by_loss] == [Decimal("15000"), Decimal("3200"), Decimal("3200"), 800, 800]
    # Within one complexity (and one status) the cases follow the report time, in the same direction.
    ascending = cases.list_cases(clerk, sort="complexity", descending=False)
    assert [(r.complexity, r.case_no) for r in ascending][:2] == [
        ("complex", registered[1]),
        ("complex", registered[4]),
    ]
    descending = cases.list_cases(clerk, sort="complexity")
    assert [(r.complexity, r.case_no) for r in descending][-2:] == [
        ("complex", registered[4]),
        ("complex", registered[1]),
    ]


def test_a_broad_search_finds_what_a_narrow_one_does(clerk, registered, monkeypatch) -> None:
    searches = {
        registered[0][:10]: registered,  # a prefix every number shares
        registered[3]: [registered[3]],
        "PDAA202611000009": [registered[1], registered[3], registered[4]],
        "PDAA2026": registered,
        "110101 19900307 0011": [registered[1], registered[3], registered[4]],
        "139 0000 2222": [registered[1], registered[3], registered[4]],
        "李娜": [registered[1], registered[3], registered[4]],
        "PDAA202611000002": [],
    }
    for limit in (cases.SEARCH_BY_IDS, 1):  # by the matching ids, then filtered in list order
        monkeypatch.setattr(cases, "SEARCH_BY_IDS", limit)
        for text, expected in searches.items():
            found = cases.list_cases(clerk, CaseFilter(search=text), sort="reported_at", descending=False)
            assert [r.case_no for r in found] == expected, (limit, text)
            assert cases.count_cases(clerk, CaseFilter(search=text)) == len(expected), (limit, text)
        narrowed = CaseFilter(search="PDAA2026", complexity="complex")
        assert [r.case_no for r in cases.list_cases(clerk, narrowed, sort="reported_at")] == [
            registered[4],
            registered[1],
        ]
