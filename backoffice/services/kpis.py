"""Monthly KPIs (DOMAIN.md §7) per branch, line, team and person, with the seed-004 target beside each value.

The counting is SQL (``kpi_queries``) per (line, handler) cell; cells add up into the four dimensions and
``domain.kpi`` turns counts into values. There is one branch (the office's, from ``office.json``). A team
is the group of handlers sharing the same lines of business (``users.lines``): the data model has no
team table, and dispatch (DOMAIN.md §4) sends normal cases to the team of their line. A case counts for
its current handler. The drill-down lists the case numbers behind a numerator or a denominator.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from backoffice.db.models import User
from backoffice.db.models_intake import Case
from backoffice.domain import kpi as k
from backoffice.domain.errors import ValidationError
from backoffice.domain.kpi import KpiId, KpiValue
from backoffice.security.roles import Permission
from backoffice.services.context import UserSession
from backoffice.services.guard import require
from backoffice.services.kpi_queries import Group, case_predicate, count_cells
from backoffice.services.office import office_info
from backoffice.services.policies import LINE_LABELS
from backoffice.services.sla_config import day_start

DIMENSIONS = {"branch": "分公司", "line": "险类", "team": "团队", "person": "个人"}
UNASSIGNED = "-"
MAX_CASES = 2000

CALCULATIONS: dict[KpiId, Callable[[Counter[str]], KpiValue]] = {
    KpiId.MONTHLY_CLOSURE: lambda c: k.monthly_closure_rate(
        c["closed"], k.open_at_start(c["open_now"], c["closed_since"], c["reported_since"]), c["registered"]
    ),
    KpiId.CUMULATIVE_CLOSURE: lambda c: k.cumulative_closure_rate(c["ytd_closed"], c["ytd_reported"]),
    KpiId.CLOSING_CYCLE: lambda c: k.closing_cycle(c["cycle_days"], c["closed"]),
    KpiId.PAYMENT_TIMELINESS: lambda c: k.payment_timeliness(c["paid_working_days"], c["paid"]),
    KpiId.SLA_COMPLIANCE: lambda c: k.sla_compliance(c["on_time"], c["completions"]),
    KpiId.CALLBACK_SATISFACTION: lambda c: k.callback_satisfaction(c["satisfied"], c["callbacks"]),
    KpiId.COMPLAINT_RATE: lambda c: k.complaint_rate(c["complaints"], c["registered"]),
    KpiId.INJURY_MEDIATION: lambda c: k.injury_mediation(c["injury_mediated"], c["injury_closed"]),
}


@dataclass(frozen=True)
class KpiRow:
    kpi: str
    label: str
    unit: str
    dimension: str
    key: str  # branch: ""; line: its code; team: its key; person: the username ("-": not assigned)
    group: str
    numerator: int
    denominator: int
    value: Decimal | None
    target: Decimal | None
    met: bool | None


@dataclass(frozen=True)
class KpiReport:
    month: str
    branch: str
    rows: tuple[KpiRow, ...]

    def groups(self, dimension: str) -> list[tuple[str, str]]:
        """(key, label) of the dimension's groups in report order."""
        seen: dict[str, str] = {}
        for row in self.rows:
            if row.dimension == dimension:
                seen.setdefault(row.key, row.group)
        return list(seen.items())

    def row(self, kpi: KpiId | str, dimension: str = "branch", key: str = "") -> KpiRow:
        for row in self.rows:
            if row.kpi == kpi and row.dimension == dimension and row.key == key:
                return row
        raise KeyError((kpi, dimension, key))


@dataclass(frozen=True)
class Team:
    key: str
    label: str


def team_of(lines: str) -> Team:
    codes = sorted(code for code in lines.split(",") if code)
    if not codes:
        return Team("all", "综合组（全部险类）")
    return Team("+".join(codes), "、".join(LINE_LABELS.get(code, code) for code in codes) + "组")


@dataclass(frozen=True)
class Person:
    username: str
    display_name: str
    lines: str


def _people(db: Session) -> dict[int, Person]:
    rows = db.execute(select(User.id, User.username, User.display_name, User.lines))
    return {row.id: Person(row.username, row.display_name, row.lines) for row in rows}


def _bounds(month: str) -> tuple[date, date, date]:
    start, end = k.parse_month(month)
    return start, end, date(start.year, 1, 1)


def monthly_kpis(us: UserSession, month: str) -> KpiReport:
    require(us, Permission.VIEW_KPIS, "kpi.view", "只有主管和审计员可以查看考核指标。", "kpi")
    start, end, year_start = _bounds(month)
    with us.bo.db.unit_of_work(write=False) as db:
        cells = count_cells(db, day_start(start), day_start(end), day_start(year_start))
        people = _people(db)
    branch = office_info(us.bo.settings).branch_name
    groups: dict[tuple[str, str], tuple[str, Counter[str]]] = {("branch", ""): (branch, Counter())}
    for (line, handler_id), counts in sorted(cells.items(), key=lambda item: (item[0][0], item[0][1] or 0)):
        user = people.get(handler_id) if handler_id is not None else None
        team = team_of(user.lines) if user else Team(UNASSIGNED, "未分配")
        for dimension, key, label in (
            ("branch", "", branch),
            ("line", line, LINE_LABELS.get(line, line)),
            ("team", team.key, team.label),
            ("person", user.username if user else UNASSIGNED, user.display_name if user else "未分配"),
        ):
            groups.setdefault((dimension, key), (label, Counter()))[1].update(counts)
    order = list(DIMENSIONS)
    rows = []
    for (dimension, key), (label, counts) in sorted(
        groups.items(), key=lambda g: (order.index(g[0][0]), g[0][1])
    ):
        for kpi, calculate in CALCULATIONS.items():
            value = calculate(counts)
            rows.append(
                KpiRow(
                    kpi.value,
                    value.definition.label,
                    value.definition.unit.value,
                    dimension,
                    key,
                    label,
                    value.numerator,
                    value.denominator,
                    value.value,
                    value.target,
                    value.met,
                )
            )
    return KpiReport(month, branch, tuple(rows))


def kpi_cases(
    us: UserSession,
    month: str,
    kpi: KpiId | str,
    *,
    part: str = "numerator",
    dimension: str = "branch",
    key: str = "",
    limit: int = MAX_CASES,
) -> list[str]:
    """The case numbers behind a KPI's numerator or denominator for one group (the drill-down)."""
    require(us, Permission.VIEW_KPIS, "kpi.drilldown", "只有主管和审计员可以查看考核指标。", "kpi")
    try:
        kpi = KpiId(kpi)
    except ValueError:
        raise ValidationError("kpi", "未知的考核指标“{kpi}”。", kpi=kpi) from None
    if part not in ("numerator", "denominator"):
        raise ValidationError("part", "只能查看分子或分母的案件。")
    if dimension not in DIMENSIONS:
        raise ValidationError("dimension", "未知的统计维度“{dimension}”。", dimension=dimension)
    start, end, year_start = _bounds(month)
    with us.bo.db.unit_of_work(write=False) as db:
        group = Group()
        if dimension == "line":
            group = Group(line=key)
        elif dimension in ("team", "person") and key == UNASSIGNED:
            group = Group(unassigned=True)
        elif dimension in ("team", "person"):
            people = _people(db)
            if dimension == "person":
                ids = tuple(i for i, u in people.items() if u.username == key)
            else:
                ids = tuple(i for i, u in people.items() if team_of(u.lines).key == key)
            group = Group(handler_ids=ids)
        predicate = case_predicate(kpi, part, day_start(start), day_start(end), day_start(year_start), group)
        query = select(Case.case_no).where(predicate).order_by(Case.case_no)
        return list(db.execute(query.limit(max(1, min(limit, MAX_CASES)))).scalars())
