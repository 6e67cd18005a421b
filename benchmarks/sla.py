"""Timeliness at scale: 1,000,000 cases with their stored deadlines on SQLite (issue 8).

The generator writes rows in the stored format of ``cases`` and ``case_deadlines`` (timestamps as SQLAlchemy
stores them on SQLite: naive UTC text) with plain ``executemany``, about 4 years of reports (~20,000 a month)
by 50 handlers; old cases are mostly closed, recent ones open with deadlines around "today" (10 Mar 2026), so
that tens of thousands are overdue. Cached between runs (``app_meta`` key ``bench_sla``).
"""

from __future__ import annotations

import random
import time
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from functools import cache
from pathlib import Path

from sqlalchemy import text

from backoffice.db.engine import Database
from backoffice.db.migrate import upgrade
from backoffice.db.models import AppMeta
from backoffice.db.models_intake import Case
from backoffice.db.models_sla import CaseDeadline
from backoffice.domain.kpi import parse_month
from backoffice.domain.sla import WorkingCalendar
from backoffice.security.roles import Role
from backoffice.services import auth, setup, users
from backoffice.services.context import Backoffice, UserSession
from backoffice.services.kpis import monthly_kpis
from backoffice.services.people import PersonInput
from backoffice.services.policies import CoverageInput, PolicyInput, create_policy
from backoffice.services.sla_warnings import count_queue, refresh_warnings, supervisor_queue
from backoffice.settings import Settings
from benchmarks.common import measure

PASSWORD = "bench-password"
NOW = datetime(2026, 3, 10, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai
FIRST_REPORT = datetime(2022, 1, 1, tzinfo=UTC)
HANDLERS = 50
BATCH = 20_000
CAL = WorkingCalendar()
LINES = ("motor",) * 14 + ("property",) * 3 + ("health_accident",) * 2 + ("liability",)
REVIEW_DAYS = {"simple": 3, "normal": 5, "complex": 10}
PAYMENT_DAYS = {"simple": 1, "normal": 3, "complex": 5}


def _ts(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def _day(moment: datetime) -> date:
    return (moment + timedelta(hours=8)).date()


@cache
def _add(start: date, n: int) -> date:
    return CAL.add_working_days(start, n)


@cache
def _between(a: date, b: date) -> int:
    return CAL.working_days_between(a, b)


def _end_of(day: date) -> str:
    return _ts(datetime.combine(day + timedelta(days=1), datetime.min.time(), UTC) - timedelta(hours=8))


GENERATOR_VERSION = 2  # bump when the stored format changes: the database is then built anew


def open_or_build(directory: Path, count: int, seed: int = 1) -> tuple[Backoffice, UserSession]:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "bench.sqlite3"
    marker = f"{count}:{seed}:v{GENERATOR_VERSION}"
    bo = _open(path)
    with bo.db.unit_of_work(write=False) as db:
        built = db.get(AppMeta, "bench_sla")
        ready = built is not None and built.value == marker
    if not ready:
        bo.close()
        for stale in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            stale.unlink(missing_ok=True)
        bo = _open(path)
        _build(bo, count, seed)
        with bo.db.unit_of_work() as db:
            db.add(AppMeta(key="bench_sla", value=marker))
    return bo, auth.sign_in(bo, "sup", PASSWORD)


def _open(path: Path) -> Backoffice:
    url = f"sqlite:///{path}"
    bo = Backoffice(Settings(path.parent, url), Database(url), clock=lambda: NOW)
    upgrade(bo.db)
    return bo


def _people(bo: Backoffice) -> tuple[list[int], int, int]:
    if not setup.is_initialised(bo):
        setup.initialise(bo, admin_username="admin", admin_display_name="admin", admin_password=PASSWORD)
        admin = auth.sign_in(bo, "admin", PASSWORD)
        users.add_user(
            admin, username="sup", display_name="主管", password=PASSWORD, roles=frozenset({Role.SUPERVISOR})
        )
        for n in range(1, HANDLERS + 1):
            users.add_user(
                admin,
                username=f"h{n:02d}",
                display_name=f"内勤{n:02d}",
                password=PASSWORD,
                roles=frozenset({Role.CLERK}),
            )
        with bo.db.engine.begin() as conn:  # five teams by line assignment
            conn.execute(
                text("UPDATE users SET lines = 'motor' WHERE username <= 'h30' AND username LIKE 'h%'")
            )
        clerk = auth.sign_in(bo, "h01", PASSWORD)
        create_policy(
            clerk,
            PolicyInput(
                policy_no="BENCH0001",
                product="机动车商业保险",
                line="motor",
                insured=PersonInput(full_name="张伟", id_number="11010519491231002X", mobile="13812345678"),
                period_start=date(2021, 1, 1),
                period_end=date(2030, 12, 31),
                coverages=(CoverageInput("vehicle_damage", "机动车损失保险", Decimal("150000")),),
            ),
        )
    with bo.db.engine.connect() as conn:
        handlers = list(
            conn.execute(text("SELECT id FROM users WHERE username LIKE 'h%' ORDER BY id")).scalars()
        )
        policy, person = conn.execute(text("SELECT id, insured_id FROM policies")).one()
    return handlers, policy, person


def _build(bo: Backoffice, count: int, seed: int) -> None:
    handlers, policy_id, person_id = _people(bo)
    rng = random.Random(seed)
    span = (NOW - FIRST_REPORT).total_seconds()
    case_columns = [c.name for c in Case.__table__.columns]
    deadline_columns = [c.name for c in CaseDeadline.__table__.columns]
    case_sql = f"INSERT INTO cases ({', '.join(case_columns)}) VALUES ({', '.join('?' * len(case_columns))})"
    deadline_sql = (
        f"INSERT INTO case_deadlines ({', '.join(deadline_columns)}) "
        f"VALUES ({', '.join('?' * len(deadline_columns))})"
    )
    started = time.perf_counter()
    with bo.db.engine.begin() as conn:
        conn.execute(text("DELETE FROM case_deadlines"))
        conn.execute(text("DELETE FROM cases"))
    deadline_id = 0
    for first in range(1, count + 1, BATCH):
        case_rows, deadline_rows = [], []
        for case_id in range(first, min(first + BATCH, count + 1)):
            row, deadlines = _case(rng, case_id, span, handlers, policy_id, person_id)
            case_rows.append(tuple(row[c] for c in case_columns))
            for deadline in deadlines:
                deadline_id += 1
                deadline["id"] = deadline_id
                deadline_rows.append(tuple(deadline.get(c) for c in deadline_columns))
        raw = bo.db.engine.raw_connection()
        try:
            cursor = raw.cursor()
            cursor.execute("BEGIN")
            cursor.executemany(case_sql, case_rows)
            cursor.executemany(deadline_sql, deadline_rows)
            cursor.execute("COMMIT")
        finally:
            raw.close()
        done = min(first + BATCH - 1, count)
        if done % 100_000 == 0 or done == count:
            seconds = time.perf_counter() - started
            print(f"  generated {done:,} cases, {deadline_id:,} deadlines in {seconds:.0f} s", flush=True)
    with bo.db.engine.begin() as conn:
        conn.execute(text("ANALYZE"))


def _case(
    rng: random.Random, case_id: int, span: float, handlers: list[int], policy_id: int, person_id: int
) -> tuple[dict[str, object], list[dict[str, object]]]:
    reported = FIRST_REPORT + timedelta(seconds=rng.random() * span)
    age = (NOW - reported).days
    complexity = rng.choices(("simple", "normal", "complex"), (5, 4, 1))[0]
    injury = rng.random() < 0.1
    complete = reported + timedelta(days=rng.choice((0, 1, 2, 3, 5, 8)), hours=rng.randint(1, 6))
    approved = complete + timedelta(days=rng.randint(1, 15), hours=1)
    paid = approved + timedelta(days=rng.choice((0, 1, 1, 2, 4)), hours=2)
    closed = paid + timedelta(days=rng.randint(1, 20))
    is_open = closed > NOW or (age < 120 and rng.random() < 0.3) or rng.random() < 0.01
    stage = "closed"
    if is_open:
        stage = rng.choice(("collecting", "review", "payment")) if complete < NOW else "collecting"
        if stage == "payment" and approved > NOW:
            stage = "review"
    status = {"closed": "closed", "collecting": "registered", "review": "calculated", "payment": "approved"}[
        stage
    ]
    handler = rng.choice(handlers)
    row: dict[str, object] = {
        "id": case_id,
        "case_no": f"B{case_id:011d}",
        "policy_id": policy_id,
        "customer_id": person_id,
        "line": rng.choice(LINES),
        "status": status,
        "complexity": complexity,
        "complexity_auto": complexity,
        "complexity_reason": "",
        "handler_id": handler,
        "channel": "hotline",
        "reporter_name_enc": b"",
        "reporter_phone_enc": None,
        "reporter_relation": "self",
        "received_by": handler,
        "reported_at": _ts(reported),
        "incident_at": _ts(reported - timedelta(hours=20)),
        "incident_place_enc": b"",
        "cause": "collision",
        "narrative_enc": None,
        "estimated_loss_fen": rng.randint(50_000, 5_000_000),
        "settlement_fen": None,
        "has_injury": int(injury),
        "death_or_disability": 0,
        "litigation": 0,
        "disputed_liability": 0,
        "conditions": "",
        "flags": "",
        "materials_complete_at": _ts(complete) if stage != "collecting" else None,
        "approval_chain_no": 0,
        "approval_next_level": None,
        "approval_top_level": None,
        "approval_assignee_id": None,
        "approved_fen": None,
        "approved_at": _ts(approved) if stage in ("payment", "closed") else None,
        "paid_fen": 0,
        "closed_at": _ts(closed) if stage == "closed" else None,
        "closing_reason": "paid" if stage == "closed" else "",
        "injury_settlement": ("mediation" if rng.random() < 0.9 else "judgment")
        if injury and stage == "closed"
        else "",
        "last_activity_at": _ts(min(NOW, complete if stage != "closed" else closed)),
        "key_version": 1,
        "created_at": _ts(reported),
        "version": 1,
    }
    deadlines = []
    cell = {"line": row["line"], "handler_id": handler}
    if stage != "collecting":
        deadlines.append(
            _deadline(case_id, "registration", "registration", complete, 1, complete + timedelta(hours=3))
        )
        review_end = approved if stage in ("payment", "closed") else None
        review = f"review.{complexity}"
        deadlines.append(_deadline(case_id, "review", review, complete, REVIEW_DAYS[complexity], review_end))
    if stage in ("payment", "closed"):
        payment_end = paid if stage == "closed" else None
        key = f"payment.{complexity}"
        deadlines.append(_deadline(case_id, "payment", key, approved, PAYMENT_DAYS[complexity], payment_end))
    return row, [deadline | cell for deadline in deadlines]


def _deadline(
    case_id: int, stage: str, key: str, start: datetime, days: int, end: datetime | None
) -> dict[str, object]:
    start_day = _day(start)
    due = _add(start_day, days)
    row: dict[str, object] = {
        "case_id": case_id,
        "stage": stage,
        "rule_key": key,
        "ref_id": None,
        "started_at": _ts(start),
        "start_day": start_day.isoformat(),
        "due_day": due.isoformat(),
        "due_at": _end_of(due),
        "effective_due": due.isoformat(),
        "uncovered_years": "",
        "paused_days": 0,
        "status": "open",
        "warning_level": "none",
        "extension_reason": "",
    }
    if end is not None and end <= NOW:
        end_day = _day(end)
        row |= {
            "status": "met" if end_day <= due else "missed",
            "finished_at": _ts(end),
            "elapsed_days": max(0, _between(start_day, end_day)),
        }
    elif due < _day(NOW):
        row |= {"warning_level": "red", "red_at": _ts(NOW)}
    return row


def bench_sla(directory: Path, count: int, samples: int) -> None:
    print(f"== timeliness among {count:,} cases with stored deadlines (SQLite)")
    bo, sup = open_or_build(directory, count)
    with bo.db.engine.connect() as conn:
        deadlines = conn.execute(text("SELECT count(*) FROM case_deadlines")).scalar()
        open_cases = conn.execute(text("SELECT count(*) FROM cases WHERE closed_at IS NULL")).scalar()
    print(f"  {deadlines:,} deadlines, {open_cases:,} pending cases")
    months = ["2026-02", "2026-01", "2025-12"]

    def plain_page() -> None:
        with bo.db.unit_of_work(write=False) as db:
            rows = db.execute(
                text("SELECT id, case_no FROM cases WHERE status = 'approved' ORDER BY id DESC LIMIT 200")
            ).all()
            total = db.execute(text("SELECT count(*) FROM cases WHERE status = 'approved'")).scalar()
            assert rows and total

    def red_filter() -> None:
        assert len(supervisor_queue(sup, "red", limit=200)) == 200
        assert count_queue(sup, "red") > 200

    def plain_count(month: str):
        def call() -> None:
            first, after = parse_month(month)
            start, end = first.isoformat(), after.isoformat()
            with bo.db.unit_of_work(write=False) as db:
                rows = db.execute(
                    text(
                        "SELECT line, handler_id, count(*) FROM cases "
                        "WHERE reported_at >= :s AND reported_at < :e GROUP BY line, handler_id"
                    ),
                    {"s": start, "e": end},
                ).all()
                assert rows

        return call

    def kpis(month: str):
        def call() -> None:
            assert monthly_kpis(sup, month).row("monthly_closure_rate").denominator > 0

        return call

    base_list = measure("case list: one status, page + count (baseline)", [plain_page] * samples)
    red = measure("red/overdue: supervisor queue page + count", [red_filter] * samples)
    base_kpi = measure(
        "one grouped range count on cases (baseline)", [plain_count(months[i % 3]) for i in range(samples)]
    )
    kpi = measure("monthly KPIs, all dimensions", [kpis(months[i % 3]) for i in range(samples)], warmup=3)
    print(base_list.line())
    print(red.line(base_list))
    print(base_kpi.line())
    print(kpi.line(base_kpi))
    started = time.perf_counter()
    result = refresh_warnings(sup)
    print(
        f"refresh_warnings once: {time.perf_counter() - started:.2f} s for {result.checked:,} open deadlines "
        f"({result.changed:,} changed, {result.tasks_created:,} tasks)"
    )
    bo.close()
