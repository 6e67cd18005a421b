"""Fixtures shared by every test: fresh databases on SQLite and PostgreSQL, a fake clock, users.

Each test that asks for ``database_url`` runs twice: once on a new SQLite file and once on a new
PostgreSQL database created for it (dropped afterwards). A missing PostgreSQL server fails the test;
it is never skipped.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from backoffice.security.kdf import Argon2Params

# Property tests check results, not speed: a shared or busy machine must not fail them on a deadline.
settings.register_profile("backoffice", deadline=None)
settings.load_profile("backoffice")

PG_ADMIN_URL = os.environ.get("BACKOFFICE_TEST_PG_ADMIN_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
# Fast Argon2 parameters for tests only; the production defaults are tested on their own.
FAST_KDF = Argon2Params(memory_kib=8 * 1024, iterations=1, lanes=1)
ADMIN_PASSWORD = "admin-pass-2026"


@dataclass
class FakeClock:
    now: datetime = datetime(2026, 3, 2, 1, 30, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += timedelta(**kwargs)


def _pg_admin_conninfo() -> str:
    return PG_ADMIN_URL.replace("postgresql+psycopg://", "postgresql://")


@pytest.fixture
def pg_database_url() -> Iterator[str]:
    """A brand-new PostgreSQL database for this test, dropped afterwards."""
    import psycopg

    name = f"bo_test_{uuid.uuid4().hex[:12]}"
    try:
        admin = psycopg.connect(_pg_admin_conninfo(), autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as exc:  # pragma: no cover - environment failure
        pytest.fail(f"PostgreSQL is required for this test and is not reachable at {PG_ADMIN_URL}: {exc}")
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    base = PG_ADMIN_URL.rsplit("/", 1)[0]
    try:
        yield f"{base}/{name}"
    finally:
        with psycopg.connect(_pg_admin_conninfo(), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'backoffice.sqlite3'}"
    return request.getfixturevalue("pg_database_url")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def bo(database_url: str, tmp_path: Path, clock: FakeClock) -> Iterator[object]:
    """A Backoffice on a migrated, empty database."""
    from backoffice.db.engine import Database
    from backoffice.db.migrate import upgrade
    from backoffice.services.context import Backoffice
    from backoffice.settings import Settings

    settings = Settings(tmp_path / "data", database_url)
    backoffice = Backoffice(settings, Database(database_url), clock, FAST_KDF)
    upgrade(backoffice.db)
    yield backoffice
    backoffice.close()


@pytest.fixture
def admin(bo: object) -> object:
    """The first admin of an initialised installation, signed in."""
    from backoffice.services.auth import sign_in
    from backoffice.services.setup import initialise

    result = initialise(
        bo, admin_username="admin", admin_display_name="管理员", admin_password=ADMIN_PASSWORD
    )
    session = sign_in(bo, "admin", ADMIN_PASSWORD)
    session.recovery_code = result.recovery_code  # type: ignore[attr-defined]
    return session


def make_user(admin_session: object, username: str, roles: set[str], level: int | None = None) -> str:
    """Add a user through the service; returns the password."""
    from backoffice.security.roles import parse_roles
    from backoffice.services.users import add_user

    password = f"{username}-pass-1"
    add_user(
        admin_session,
        username=username,
        display_name=username,
        password=password,
        roles=parse_roles(roles),
        approval_level=level,
    )
    return password
