"""The demo database: one user per role, filled through the same services a user goes through."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from backoffice.db.migrate import schema_state, upgrade
from backoffice.db.models import User
from backoffice.security.roles import Role
from backoffice.services.auth import sign_in
from backoffice.services.context import Backoffice
from backoffice.services.demo_cases import DemoStaff, seed_cases
from backoffice.services.setup import initialise, is_initialised
from backoffice.services.users import add_user, list_users

DEFAULT_DEMO_PASSWORD = "demo-2026"
DEMO_ADMIN = "demo-admin"


@dataclass(frozen=True)
class DemoUser:
    username: str
    display_name: str
    roles: frozenset[Role]
    level: int | None = None


DEMO_USERS: tuple[DemoUser, ...] = (
    DemoUser("demo-clerk", "王芳（演示内勤）", frozenset({Role.CLERK})),
    *(
        DemoUser(f"demo-approver{level}", f"{name}（演示核赔 {level} 级）", frozenset({Role.APPROVER}), level)
        for level, name in enumerate(("李强", "张伟", "刘洋", "陈静", "杨帆"), start=1)
    ),
    DemoUser("demo-archivist", "赵敏（演示档案）", frozenset({Role.ARCHIVIST})),
    DemoUser("demo-supervisor", "孙丽（演示主管）", frozenset({Role.SUPERVISOR})),
    DemoUser(DEMO_ADMIN, "周杰（演示管理员）", frozenset({Role.ADMIN})),
    DemoUser("demo-auditor", "吴婷（演示审计）", frozenset({Role.AUDITOR})),
)


@dataclass(frozen=True)
class DemoCreated:
    password: str
    recovery_code: str
    usernames: tuple[str, ...]


def ensure_demo_database(bo: Backoffice, password: str = DEFAULT_DEMO_PASSWORD) -> DemoCreated | None:
    """Create the schema, the demo admin and one user per role, once. None when it already exists."""
    if not schema_state(bo.db).up_to_date:
        upgrade(bo.db)
    if is_initialised(bo):
        _add_missing_users(bo, password)  # an earlier run may have stopped half-way
        return None
    admin = next(u for u in DEMO_USERS if u.username == DEMO_ADMIN)
    result = initialise(
        bo,
        admin_username=admin.username,
        admin_display_name=admin.display_name,
        admin_password=password,
        demo=True,
    )
    _add_missing_users(bo, password)
    return DemoCreated(password, result.recovery_code, tuple(u.username for u in DEMO_USERS))


def _add_missing_users(bo: Backoffice, password: str) -> None:
    with bo.db.unit_of_work(write=False) as db:
        present = set(
            db.execute(
                select(User.username).where(User.username.in_([u.username for u in DEMO_USERS]))
            ).scalars()
        )
    if len(present) == len(DEMO_USERS):
        return
    us = sign_in(bo, DEMO_ADMIN, password)
    existing = {u.username for u in list_users(us)}
    for user in DEMO_USERS:
        if user.username not in existing:
            add_user(
                us,
                username=user.username,
                display_name=user.display_name,
                password=password,
                roles=user.roles,
                approval_level=user.level,
            )


@dataclass(frozen=True)
class SeedReport:
    users_created: bool
    cases: int
    stages: dict[str, int]


def seed(bo: Backoffice, *, cases: int, seed_value: int, password: str = DEFAULT_DEMO_PASSWORD) -> SeedReport:
    """Fill the database with demo policies and cases at every stage, through the services.

    Deterministic for a given seed (and clock). The demo users must have ``password``.
    """
    created = ensure_demo_database(bo, password)
    staff = DemoStaff(
        clerk=sign_in(bo, "demo-clerk", password),
        approvers={level: sign_in(bo, f"demo-approver{level}", password) for level in range(1, 6)},
        password=password,
    )
    stages = seed_cases(staff, count=cases, seed_value=seed_value)
    return SeedReport(created is not None, cases, stages)
