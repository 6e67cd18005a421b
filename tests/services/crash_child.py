"""Run by test_crash_runs: seed, archive or rotate keys on an installation until SIGKILLed.

argv: DATA_DIR KIND (seed | archive | rotate) RUN. Prints ``ready`` once signed in, then one line after
each committed piece of work (``case N``, ``volume CASE_NO VERSION``, ``persons|attachments DONE TOTAL``,
``rotated VERSION``), so that the test knows what must survive the kill. Never ends by itself.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from time import monotonic

from backoffice.db.engine import Database
from backoffice.security.kdf import Argon2Params
from backoffice.services import archive, archive_access, auth, keys
from backoffice.services.context import Backoffice
from backoffice.services.demo_cases import DemoStaff, seed_cases
from backoffice.settings import Settings, sqlite_url

FAST = Argon2Params(memory_kib=8 * 1024, iterations=1, lanes=1)
PASSWORD = "crash-pass-1"
# Two hours after the template was made (its clock started at 2026-03-02 01:30 UTC).
STARTS = datetime(2026, 3, 2, 3, 30, tzinfo=UTC)


def say(line: str) -> None:
    print(line, flush=True)


def seed(bo: Backoffice, run: int) -> None:
    staff = DemoStaff(
        clerk=auth.sign_in(bo, "demo-clerk", PASSWORD),
        approvers={level: auth.sign_in(bo, f"demo-approver{level}", PASSWORD) for level in range(1, 6)},
        password=PASSWORD,
    )
    say("ready")
    for n in range(1, 100_000):
        # Never the template's seed value (5): its policy numbers would be registered twice.
        seed_cases(staff, count=1, seed_value=(run + 1) * 10_000 + n)
        say(f"case {n}")


def build(bo: Backoffice) -> None:
    """Archive every closed case, take the volumes out again for reopening, archive again, …"""
    archivist = auth.sign_in(bo, "demo-archivist", PASSWORD)
    say("ready")
    while True:
        built = []
        for case_no in archive.closed_cases(archivist):
            info = archive.build_volume(archivist, case_no)
            say(f"volume {case_no} {info.version}")
            built.append(case_no)
        for case_no in built:
            archive_access.retrieve(archivist, case_no, "复核后重新立卷", reopen=True)


def rotate(bo: Backoffice) -> None:
    admin = auth.sign_in(bo, "demo-admin", PASSWORD)
    say("ready")
    while True:
        status = keys.rotate(
            admin, batch=2, progress=lambda stage, done, total: say(f"{stage} {done} {total}")
        )
        say(f"rotated {status.current_version}")


def main() -> int:
    data, kind, run = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    started = monotonic()
    bo = Backoffice(
        Settings(data, sqlite_url(data)),
        Database(sqlite_url(data)),
        lambda: STARTS + timedelta(seconds=monotonic() - started),
        FAST,
    )
    {"seed": lambda: seed(bo, run), "archive": lambda: build(bo), "rotate": lambda: rotate(bo)}[kind]()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
