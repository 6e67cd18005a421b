"""The stress run's shared pieces: its configuration, its clock, and a fresh database with its staff.

Every process of the run opens the same database and data directory (attachments, archive) with the
same fast Argon2 parameters and a clock that starts at a fixed business moment and runs with the wall
clock, so that every process agrees on "now" and the working-day calendar is a known one.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from sqlalchemy import inspect

from backoffice.db.engine import Database
from backoffice.db.migrate import upgrade
from backoffice.domain.demo_data import random_person
from backoffice.security.kdf import Argon2Params
from backoffice.security.roles import Role
from backoffice.services import auth, policies, setup, users
from backoffice.services.context import Backoffice, UserSession
from backoffice.services.people import PersonInput
from backoffice.services.policies import CoverageInput, PolicyInput
from backoffice.settings import Settings

# Fast Argon2 for a throw-away database: sign-ins and the password re-entry of every signature stay cheap.
FAST_KDF = Argon2Params(memory_kib=8 * 1024, iterations=1, lanes=1)
PASSWORD = "stress-pass-2026"
BUSINESS_START = datetime(2026, 3, 2, 1, 30, tzinfo=UTC)  # a Monday, 09:30 in Shanghai
CLERKS = ("clerk1", "clerk2", "clerk3", "clerk4")
PAYER = "payer"  # orders and confirms payments, closes cases (a clerk)
APPROVERS = {level: (f"appr{level}a", f"appr{level}b") for level in range(1, 6)}
ARCHIVISTS = ("arch1", "arch2")
ADMIN, AUDITOR = "stress-admin", "auditor"
POLICY_COUNT = 8
SUM_INSURED = Decimal("2000000")


@dataclass(frozen=True)
class RunConfig:
    """What every worker process is told (picklable)."""

    database_url: str
    data_dir: str
    seed: int
    processes: int
    cases: int
    started: float  # time.time() of the run's start: the shared clock's zero
    deadline: float  # time.time() after which workers stop (a hung run must end)

    def quota(self, worker: int) -> int:
        """How many cases worker ``worker`` registers (together: ``cases``)."""
        return self.cases // self.processes + (1 if worker < self.cases % self.processes else 0)

    def log_path(self, worker: int) -> Path:
        return Path(self.data_dir) / "stress-logs" / f"worker-{worker}.jsonl"


@dataclass(frozen=True)
class SharedClock:
    """Business time: BUSINESS_START plus the wall-clock seconds since the run started."""

    started: float

    def __call__(self) -> datetime:
        return BUSINESS_START + timedelta(seconds=time.time() - self.started)


def open_backoffice(config: RunConfig) -> Backoffice:
    settings = Settings(Path(config.data_dir), config.database_url)
    return Backoffice(settings, Database(config.database_url), SharedClock(config.started), FAST_KDF)


def sign_in(bo: Backoffice, username: str) -> UserSession:
    return auth.sign_in(bo, username, PASSWORD)


def policy_number(n: int) -> str:
    return f"PDAA2026STRESS{n:04d}"


class NotFresh(Exception):
    """The database already has tables: the stress run needs an empty one."""


def prepare(config: RunConfig) -> None:
    """Migrate an empty database, initialise it, add the staff and the motor policies the run uses."""
    bo = open_backoffice(config)
    try:
        if inspect(bo.db.engine).get_table_names():
            raise NotFresh(config.database_url)
        upgrade(bo.db)
        setup.initialise(
            bo, admin_username=ADMIN, admin_display_name="压力测试管理员", admin_password=PASSWORD
        )
        admin = sign_in(bo, ADMIN)
        staff: list[tuple[str, frozenset[Role], int | None]] = [
            *((name, frozenset({Role.CLERK}), None) for name in (*CLERKS, PAYER)),
            *((name, frozenset({Role.APPROVER}), level) for level, two in APPROVERS.items() for name in two),
            *((name, frozenset({Role.ARCHIVIST}), None) for name in ARCHIVISTS),
            (AUDITOR, frozenset({Role.AUDITOR}), None),
        ]
        for username, roles, level in staff:
            users.add_user(
                admin,
                username=username,
                display_name=username,
                password=PASSWORD,
                roles=roles,
                approval_level=level,
            )
        clerk = sign_in(bo, CLERKS[0])
        rng = random.Random(config.seed)
        for n in range(1, POLICY_COUNT + 1):
            person = random_person(rng)
            policies.create_policy(
                clerk,
                PolicyInput(
                    policy_no=policy_number(n),
                    product="机动车商业保险",
                    line="motor",
                    insured=PersonInput(
                        full_name=person.name, id_number=person.id_number, mobile=person.mobile
                    ),
                    period_start=date(2026, 1, 1),
                    period_end=date(2026, 12, 31),
                    coverages=(
                        CoverageInput(
                            "vehicle_damage", "机动车损失保险", SUM_INSURED, deductible_rate=Decimal(0)
                        ),
                    ),
                    new_vehicle_price=SUM_INSURED,
                    vehicle_plate=f"京A{n:05d}",
                ),
            )
    finally:
        bo.close()
