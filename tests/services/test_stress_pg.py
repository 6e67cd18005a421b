"""The reduced stress run of CI: 8 processes work 12 shared cases from report to archive, then everything
reconciles — on a new PostgreSQL database, and on an SQLite file the processes share through BEGIN
IMMEDIATE. The full run is ``python tools/stress.py --database-url URL --processes 8 --cases 200``.

The harness (tools/stress.py) prints its reconciliation as JSON; this test checks that summary and, on its
own, the facts that matter most: distinct numbers, no overpaid case, one current volume per case whose
file matches its digest, and an audit chain that verifies.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FAST_KDF, FakeClock
from sqlalchemy import func, select

from backoffice.db.engine import Database
from backoffice.db.models_approval import Payment
from backoffice.db.models_archive import ArchiveVolume
from backoffice.db.models_intake import Case
from backoffice.services import audit, auth
from backoffice.services.context import Backoffice
from backoffice.settings import Settings

STRESS = Path(__file__).parents[2] / "tools" / "stress.py"
PROCESSES, CASES, SEED = 8, 12, 2026
CORE_STEPS = (
    "register",
    "receive",
    "attach",
    "calculate",
    "submit",
    "sign",
    "pay",
    "mark_paid",
    "close",
    "archive",
)


def run_stress(database_url: str, data_dir: Path) -> dict:
    command = [sys.executable, str(STRESS), "--database-url", database_url, "--data-dir", str(data_dir)]
    command += ["--processes", str(PROCESSES), "--cases", str(CASES), "--seed", str(SEED), "--timeout", "600"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=900)
    assert done.stdout.strip(), done.stderr[-3000:]
    summary = json.loads(done.stdout)
    assert done.returncode == 0, json.dumps(summary, ensure_ascii=False, indent=1)[:6000]
    return summary


@pytest.mark.slow
def test_eight_processes_on_shared_cases_reconcile(database_url: str, tmp_path: Path) -> None:
    data_dir = tmp_path / "stress"
    summary = run_stress(database_url, data_dir)
    result = summary["reconciliation"]
    assert summary["ok"] and result["ok"] and result["problems"] == []
    assert summary["unexpected"] == [] and summary["crashed_workers"] == []
    operations = summary["operations"]
    assert operations["register"] == operations["archive"] == CASES
    assert all(operations.get(step, 0) > 0 for step in CORE_STEPS), operations
    assert summary["operations_total"] == sum(operations.values())
    assert summary["retries_total"] > 0  # the processes really did get in each other's way
    assert result["statuses"] == {"archived": CASES} and result["volumes"] >= CASES
    assert result["doctor_healthy"] and result["audit_records_verified"] > summary["operations_total"]

    bo = Backoffice(Settings(data_dir, database_url), Database(database_url), FakeClock(), FAST_KDF)
    try:
        with bo.db.unit_of_work(write=False) as db:
            numbers = list(db.execute(select(Case.case_no)).scalars())
            assert len(numbers) == len(set(numbers)) == CASES
            for case in db.execute(select(Case)).scalars():
                ordered = db.scalar(
                    select(func.coalesce(func.sum(Payment.amount_fen), 0)).where(Payment.case_id == case.id)
                )
                assert ordered == case.paid_fen <= (case.approved_fen or 0), case.case_no
            active = list(db.execute(select(ArchiveVolume).where(ArchiveVolume.status == "active")).scalars())
            assert (
                len({v.case_id for v in active})
                == len({v.archive_no for v in active})
                == len(active)
                == CASES
            )
            for volume in active:
                content = (data_dir / "archive" / volume.file_path).read_bytes()
                assert hashlib.sha256(content).hexdigest() == volume.volume_digest
            references = list(db.execute(select(Payment.reference)).scalars())
            assert len(references) == len(set(references)) == operations["mark_paid"]
        verified = audit.verify(auth.sign_in(bo, "auditor", "stress-pass-2026"))
        assert verified.ok and verified.checked > result["audit_records_verified"]
    finally:
        bo.close()
