"""Case numbers stay unique when 8 processes register 200 reports each on PostgreSQL."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FAST_KDF, FakeClock
from intake_support import clerk_session, motor_policy
from sqlalchemy import func, select

from backoffice.db.engine import Database
from backoffice.db.migrate import upgrade
from backoffice.db.models_intake import Case
from backoffice.services import audit, auth, setup
from backoffice.services.context import Backoffice
from backoffice.settings import Settings

WORKERS, EACH = 8, 200


@pytest.mark.slow
def test_eight_processes_register_1600_distinct_cases(pg_database_url: str, tmp_path: Path) -> None:
    bo = Backoffice(Settings(tmp_path, pg_database_url), Database(pg_database_url), FakeClock(), FAST_KDF)
    upgrade(bo.db)
    setup.initialise(
        bo, admin_username="admin", admin_display_name="管理员", admin_password="admin-pass-2026"
    )
    admin = auth.sign_in(bo, "admin", "admin-pass-2026")
    clerk = clerk_session(bo, admin)
    motor_policy(clerk)
    from conftest import make_user

    make_user(admin, "aud", {"auditor"})

    script = Path(__file__).with_name("concurrent_registrar.py")
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(Path(__file__).parent.parent), os.environ.get("PYTHONPATH", "")]),
    }
    procs = [
        subprocess.Popen(
            [sys.executable, str(script), pg_database_url, str(EACH), str(w)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for w in range(WORKERS)
    ]
    numbers: list[str] = []
    for proc in procs:
        out, err = proc.communicate(timeout=900)
        assert proc.returncode == 0, err[-2000:]
        numbers += out.split()
    assert len(numbers) == WORKERS * EACH
    assert len(set(numbers)) == WORKERS * EACH
    with bo.db.unit_of_work(write=False) as db:
        assert db.scalar(select(func.count()).select_from(Case)) == WORKERS * EACH
        assert db.scalar(select(func.count(func.distinct(Case.case_no)))) == WORKERS * EACH
    expected = {f"2026110001{n:06d}" for n in range(1, WORKERS * EACH + 1)}
    assert set(numbers) == expected  # no gaps, no duplicates
    result = audit.verify(auth.sign_in(bo, "aud", "aud-pass-1"))
    assert result.ok, result
    bo.close()
