"""Monthly KPIs on a fixture with known answers (March 2025), per dimension, drill-down and XLSX export.

The fixture, in Shanghai dates (every case is motor; A is the first claim of the insured and simple, the
others are normal: B and D have injuries, C, E and F carry the repeat-claimant flag):

    case handler reported  complete  calculated  approved  paid    closed          callback  other
    A    clerk   10 Feb    10 Feb    10 Feb      11 Feb    12 Feb  20 Feb          -
    B    clerk   12 Feb    12 Feb    3 Mar       6 Mar     7 Mar   10 Mar judgment 12 Mar: 5 injury
    C    clerk2  15 Feb    -         -           -         -       -               -
    D    clerk   3 Mar     3 Mar     3 Mar       14 Mar    18 Mar  20 Mar mediat.  19 Mar: 3 injury
    E    clerk2  5 Mar     5 Mar     5 Mar       28 Mar    1 Apr   2 Apr           -
    F    clerk2  25 Mar    25 Mar    -           -         -       -               -         complaint 26 Mar

Hand-worked answers for March 2025 (branch):
- monthly closure: closed in March B, D = 2; open on 1 Mar B, C = 2 (A closed in February); reported in
  March D, E, F = 3 → 2 / 5 = 40.00 % (target 65: missed).
- cumulative closure, report year 2025 up to 31 Mar: reported A-F = 6, closed by then A, B, D = 3 → 50.00 %.
- closing cycle: B 12 Feb → 10 Mar = 26 days, D 3 → 20 Mar = 17 days → 43 / 2 = 21.50 days (≤ 40: met).
- payment timeliness: B approved Thu 6, paid Fri 7 Mar = 1 working day; D approved Fri 14, paid Tue 18
  = 2 → 3 / 2 = 1.50 working days (≤ 1: missed). E was paid in April.
- SLA compliance, stages finished in March (normal cases: registration 1, review 5, payment 3 working days):
  B registration (due 13 Feb) missed, review (due 19 Feb) missed, art. 25 met, payment (due 11 Mar) met,
  art. 23 payment met, callback (due 14 Mar) met → 6, 4 on time;
  D registration met, review (due 10 Mar, approved 14) missed, art. 25 met, payment (due 19 Mar) met,
  art. 23 payment met, callback (due 25 Mar) met → 6, 5;
  E registration met, review (due 12 Mar, approved 28) missed, art. 25 met → 3, 2;
  F complaint contact (due 27 Mar, on 26) met, resolution (motor: 2 working days, due 28 Mar, resolved
  31 Mar) missed → 2, 1; the motor damage estimate (3,200 yuan estimated: within 24 hours) of D, E and F,
  each received the day of the report → 3, 3. Total 15 / 20 = 75.00 % (no target).
- callback satisfaction: B 5 (satisfied), D 3 → 1 / 2 = 50.00 % (target 100: missed).
- complaint rate: 1 complaint / 3 cases reported in March = 333.33 ‰ (target 1: missed).
- injury cases settled by mediation: B judgment, D mediation → 1 / 2 = 50.00 % (target 92: missed).
Per person: clerk (A, B, D) monthly closure 2 / (1 + 1) = 100 %, SLA 10 / 13 = 76.92 %;
clerk2 (C, E, F) 0 / (1 + 2) = 0 %, SLA 5 / 7 = 71.43 %, complaints 1 / 2 = 500 ‰.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from conftest import FakeClock, make_user
from openpyxl import load_workbook
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
from sqlalchemy import text

from backoffice.domain.errors import PermissionDenied, ValidationError
from backoffice.services import auth
from backoffice.services.customer_service import (
    complaint_contacted,
    record_callback,
    register_complaint,
    resolve_complaint,
)
from backoffice.services.intake import LossInput
from backoffice.services.kpi_export import export_kpis
from backoffice.services.kpis import kpi_cases, monthly_kpis

INJURY = (LossInput("injury", "李四", 1, Decimal("2000"), body_part="左腿", severity="minor"),)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2025, 2, 1, 1, 0, tzinfo=UTC))


@pytest.fixture
def march(bo, admin, clock):
    """The fixture of the module docstring; returns (office, {letter: case_no})."""
    office = make_office(bo, admin, clock)
    make_user(admin, "clerk2", {"clerk"})
    with bo.db.engine.begin() as conn:  # teams: clerk handles motor, clerk2 every line
        conn.execute(text("UPDATE users SET lines = 'motor' WHERE username = 'clerk'"))
    n: dict[str, str] = {}
    ids: dict[str, int] = {}

    def new(letter: str, when: datetime, handler: str, **changes) -> None:
        n[letter], ids[letter] = register(office, when, handler=handler, **changes)

    def flow(letter: str, when: datetime, *steps: str, hour: int = 10) -> None:
        for offset, step in enumerate(steps):
            moment = when.replace(hour=hour + offset)
            {
                "receive": lambda m: receive_all_at(office, n[letter], ids[letter], m),
                "calc": lambda m: calculate_at(office, n[letter], m),
                "submit": lambda m: submit_at(office, n[letter], m),
                "approve": lambda m: sign_at(office, n[letter], m),
                "pay": lambda m: pay_at(office, n[letter], m),
            }[step](moment)

    new("A", sh(2025, 2, 10), "clerk")
    flow("A", sh(2025, 2, 10), "receive", "calc", "submit")
    flow("A", sh(2025, 2, 11), "approve")
    new("B", sh(2025, 2, 12), "clerk", losses=INJURY)
    flow("B", sh(2025, 2, 12), "receive")
    flow("A", sh(2025, 2, 12), "pay", hour=14)
    new("C", sh(2025, 2, 15), "clerk2")
    close_at(office, n["A"], sh(2025, 2, 20, 10))
    new("D", sh(2025, 3, 3), "clerk", losses=INJURY)
    flow("D", sh(2025, 3, 3), "receive", "calc", "submit")
    flow("B", sh(2025, 3, 3), "calc", "submit", hour=14)
    new("E", sh(2025, 3, 5), "clerk2")
    flow("E", sh(2025, 3, 5), "receive", "calc", "submit")
    flow("B", sh(2025, 3, 6), "approve")
    flow("B", sh(2025, 3, 7), "pay")
    close_at(office, n["B"], sh(2025, 3, 10, 10), injury_settlement="judgment")
    at(clock, sh(2025, 3, 12, 10))
    record_callback(office.clerk, n["B"], satisfaction=5)
    flow("D", sh(2025, 3, 14), "approve")
    flow("D", sh(2025, 3, 18), "pay")
    at(clock, sh(2025, 3, 19, 10))
    record_callback(office.clerk, n["D"], satisfaction=3)
    close_at(office, n["D"], sh(2025, 3, 20, 10), injury_settlement="mediation")
    new("F", sh(2025, 3, 25), "clerk2")
    flow("F", sh(2025, 3, 25), "receive")
    at(clock, sh(2025, 3, 26, 10))
    complaint = register_complaint(
        office.clerk, n["F"], channel="phone", category="timeliness", complexity="simple", summary="进度太慢"
    )
    at(clock, sh(2025, 3, 26, 11))
    complaint = complaint_contacted(
        office.clerk, complaint.id, summary="已回电", expected_version=complaint.version
    )
    flow("E", sh(2025, 3, 28), "approve")
    at(clock, sh(2025, 3, 31, 10))
    resolve_complaint(office.clerk, complaint.id, resolution="已加快处理", expected_version=complaint.version)
    flow("E", sh(2025, 4, 1), "pay")
    close_at(office, n["E"], sh(2025, 4, 2, 10))
    at(clock, sh(2025, 4, 3, 9))
    return office, n


EXPECTED_BRANCH = {
    "monthly_closure_rate": ("40.00", 2, 5, False),
    "cumulative_closure_rate": ("50.00", 3, 6, False),
    "closing_cycle": ("21.50", 43, 2, True),
    "payment_timeliness": ("1.50", 3, 2, False),
    "sla_compliance": ("75.00", 15, 20, None),
    "callback_satisfaction": ("50.00", 1, 2, False),
    "complaint_rate": ("333.33", 1, 3, False),
    "injury_mediation": ("50.00", 1, 2, False),
}


def test_march_2025_known_answers(march) -> None:
    office, _n = march
    report = monthly_kpis(office.supervisor, "2025-03")
    got = {
        r.kpi: (str(r.value), r.numerator, r.denominator, r.met)
        for r in report.rows
        if r.dimension == "branch"
    }
    assert got == EXPECTED_BRANCH
    assert report.row("monthly_closure_rate").target == Decimal(65)
    assert report.groups("line") == [("motor", "机动车辆险")]
    assert report.groups("team") == [("all", "综合组（全部险类）"), ("motor", "机动车辆险组")]
    assert report.groups("person") == [("clerk", "clerk"), ("clerk2", "clerk2")]
    clerk = {r.kpi: (str(r.value), r.numerator, r.denominator) for r in report.rows if r.key == "clerk"}
    assert clerk["monthly_closure_rate"] == ("100.00", 2, 2)
    assert clerk["sla_compliance"] == ("76.92", 10, 13)
    other = {r.kpi: (str(r.value), r.numerator, r.denominator) for r in report.rows if r.key == "clerk2"}
    assert other["monthly_closure_rate"] == ("0.00", 0, 3)
    assert other["complaint_rate"] == ("500.00", 1, 2)
    assert other["sla_compliance"] == ("71.43", 5, 7)
    assert report.row("monthly_closure_rate", "team", "motor").value == Decimal("100.00")
    assert report.row("callback_satisfaction", "team", "all").value is None  # no callbacks: no value


def test_drill_down_lists_the_cases_behind_each_number(march) -> None:
    office, n = march
    sup = office.supervisor

    def cases(kpi: str, part: str = "numerator", **group) -> list[str]:
        return kpi_cases(sup, "2025-03", kpi, part=part, **group)

    assert cases("monthly_closure_rate") == sorted([n["B"], n["D"]])
    assert cases("monthly_closure_rate", "denominator") == sorted(n[x] for x in "BCDEF")
    assert cases("monthly_closure_rate", "denominator", dimension="person", key="clerk2") == sorted(
        n[x] for x in "CEF"
    )
    assert cases("monthly_closure_rate", "denominator", dimension="team", key="motor") == sorted(
        [n["B"], n["D"]]
    )
    assert cases("cumulative_closure_rate") == sorted(n[x] for x in "ABD")
    assert cases("payment_timeliness") == sorted([n["B"], n["D"]])
    assert cases("sla_compliance", "denominator") == sorted(n[x] for x in "BDEF")
    assert cases("callback_satisfaction") == [n["B"]]
    assert cases("complaint_rate") == [n["F"]]
    assert cases("injury_mediation") == [n["D"]]
    assert cases("injury_mediation", "denominator", dimension="line", key="motor") == sorted([n["B"], n["D"]])
    with pytest.raises(ValidationError):
        cases("nonsense")
    with pytest.raises(ValidationError):
        cases("complaint_rate", "middle")


def test_export_and_permissions(bo, admin, march, tmp_path) -> None:
    office, _n = march
    path = export_kpis(office.supervisor, "2025-03", tmp_path / "kpi.xlsx")
    book = load_workbook(path)
    assert book.sheetnames == ["按分公司", "按险类", "按团队", "按个人", "指标定义"]
    rows = list(book["按分公司"].iter_rows(min_row=3, values_only=True))
    closure = next(r for r in rows if r[1] == "当月结案率")
    assert closure[2:] == (40.0, "%", 65.0, "未达标", 2, 5)
    with pytest.raises(ValidationError):
        export_kpis(office.supervisor, "2025-03", tmp_path / "kpi.csv")
    with pytest.raises(ValidationError):
        monthly_kpis(office.supervisor, "2025-13")
    with pytest.raises(PermissionDenied):
        monthly_kpis(office.clerk, "2025-03")
    make_user(admin, "aud", {"auditor"})
    assert monthly_kpis(auth.sign_in(bo, "aud", "aud-pass-1"), "2025-03").row("closing_cycle").met is True
