"""Timeliness at scale (issue 8): the red/overdue queue and the monthly KPIs among 1,000,000 cases.

Runs on the database of ``benchmarks.bigdb`` (cases with their stored deadlines; "today" is 10 Mar 2026,
so that tens of thousands of deadlines are overdue), as the supervisor ``sup``.
"""

from __future__ import annotations

from sqlalchemy import text

from backoffice.domain.kpi import parse_month
from backoffice.services.cases import CaseFilter, list_cases
from backoffice.services.kpis import monthly_kpis
from backoffice.services.sla_warnings import count_queue, supervisor_queue
from benchmarks.bigdb import BigDb
from benchmarks.common import Report, measure

GROUP = "timeliness (≤ 500 ms)"
MONTHS = ("2026-02", "2026-01", "2025-12")


def bench_sla(report: Report, big: BigDb, samples: int) -> None:
    print(f"== timeliness among {big.cases:,} cases with stored deadlines (SQLite)", flush=True)
    bo = big.bo
    sup = big.sign_in("sup")
    with bo.db.engine.connect() as conn:
        deadlines = conn.execute(text("SELECT count(*) FROM case_deadlines")).scalar()
        pending = conn.execute(text("SELECT count(*) FROM cases WHERE closed_at IS NULL")).scalar()
        red = conn.execute(
            text("SELECT count(*) FROM case_deadlines WHERE status = 'open' AND effective_due < '2026-03-10'")
        ).scalar()
    print(f"  {deadlines:,} deadlines, {pending:,} pending cases, {red:,} open deadlines overdue", flush=True)
    report.notes["deadlines"] = deadlines
    report.notes["pending_cases"] = pending

    def plain_page() -> None:
        with bo.db.unit_of_work(write=False) as db:
            rows = db.execute(
                text("SELECT id, case_no FROM cases WHERE status = 'approved' ORDER BY id DESC LIMIT 200")
            ).all()
            total = db.execute(text("SELECT count(*) FROM cases WHERE status = 'approved'")).scalar()
            assert rows and total

    def red_queue() -> None:
        assert len(supervisor_queue(sup, "red", limit=200)) == 200
        assert count_queue(sup, "red") > 200

    def red_case_list() -> None:
        assert len(list_cases(sup, CaseFilter(warning="red"), sort="reported_at", limit=200)) == 200

    def plain_count(month: str):
        def call() -> None:
            first, after = parse_month(month)
            with bo.db.unit_of_work(write=False) as db:
                rows = db.execute(
                    text(
                        "SELECT line, handler_id, count(*) FROM cases "
                        "WHERE reported_at >= :s AND reported_at < :e GROUP BY line, handler_id"
                    ),
                    {"s": first.isoformat(), "e": after.isoformat()},
                ).all()
                assert rows

        return call

    def kpis(month: str):
        def call() -> None:
            assert monthly_kpis(sup, month).row("monthly_closure_rate").denominator > 0

        return call

    base_list = report.timing(
        GROUP, measure("plain SQL: one status, page + count (baseline)", [plain_page] * samples)
    )
    report.timing(
        GROUP,
        measure("red/overdue queue: supervisor_queue page + count_queue", [red_queue] * samples),
        baseline=base_list,
        limit=500,
    )
    report.timing(
        GROUP,
        measure("case list filtered to red warnings: first page", [red_case_list] * samples),
        baseline=base_list,
        limit=500,
    )
    base_kpi = report.timing(
        GROUP,
        measure(
            "plain SQL: one grouped range count (baseline)",
            [plain_count(MONTHS[i % 3]) for i in range(samples)],
        ),
    )
    report.timing(
        GROUP,
        measure(
            "monthly_kpis, all dimensions (Feb, Jan 2026, Dec 2025)",
            [kpis(MONTHS[i % 3]) for i in range(samples)],
            warmup=3,
        ),
        baseline=base_kpi,
        limit=500,
    )
