"""Run by test_concurrency_pg: one process registering N reports as one clerk (argv: url count worker)."""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from backoffice.db.engine import Database
from backoffice.security.kdf import Argon2Params
from backoffice.services import auth, intake
from backoffice.services.context import Backoffice
from backoffice.settings import Settings

FAST = Argon2Params(memory_kib=8 * 1024, iterations=1, lanes=1)


def main() -> int:
    url, count, worker = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    sys.path.insert(0, str(Path(__file__).parent))
    from intake_support import report

    bo = Backoffice(
        Settings(Path("/nonexistent"), url), Database(url), lambda: datetime(2026, 3, 2, 2, tzinfo=UTC), FAST
    )
    clerk = auth.sign_in(bo, "clerk", "clerk-pass-1")
    for i in range(count):
        data = report(overrides={"duplicate": f"worker {worker} report {i}"})
        data = replace(data, reported_at=data.reported_at + timedelta(seconds=i))
        result = intake.register_report(clerk, data)
        print(result.case_no, flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
