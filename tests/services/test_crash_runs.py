"""Crash safety (issue 9 item 4): SIGKILL during seeding, archiving and key rotation, 20 seeded runs.

Every run copies one prepared SQLite installation (demo users, cases at every stage, scans on the closed
cases), starts ``crash_child.py`` on it and kills it with SIGKILL after a delay drawn from the run's own
seed, so each run stops at another point. Then the installation must be sound:

- SQLite's integrity and foreign-key checks pass, and the audit chain verifies;
- everything the child reported as committed is still there (cases, volumes, re-encrypted rows);
- every case's status is the one its last event says;
- ``doctor`` reports exactly the temp files, orphan files and unfinished renames the kill left (computed
  here independently from the files and the rows), its fix mode cleans them, and then nothing is left;
- every encrypted value of every table decrypts, every attachment verifies, every volume file matches its
  recorded digest; a killed key rotation completes when run again;
- a killed volume build leaves no decrypted copy of a scan in the system temp directory (the child gets a
  TMPDIR of its own): its work directory is in the data directory, where doctor removes it.

tests/cli/test_cli_backup.py kills the ``backoffice`` command itself six times (seeding and rotation);
these runs add archiving, more kill points, and the checks above.
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import func, select

from backoffice.db.engine import Database
from backoffice.db.models import Attachment, Person
from backoffice.db.models_archive import ArchiveVolume
from backoffice.db.models_intake import Case, CaseEvent
from backoffice.security.fields import FieldCipher
from backoffice.security.files import key_version_of_file
from backoffice.security.kdf import Argon2Params
from backoffice.services import attachments, audit, auth, cases, demo, key_fields, keys
from backoffice.services.context import Backoffice
from backoffice.services.doctor import DoctorReport, diagnose
from backoffice.services.keyslots import current_version
from backoffice.settings import Settings, sqlite_url

CHILD = Path(__file__).with_name("crash_child.py")
PASSWORD = "crash-pass-1"  # crash_child.PASSWORD
FAST = Argon2Params(memory_kib=8 * 1024, iterations=1, lanes=1)
TEMPLATE_STARTS = datetime(2026, 3, 2, 1, 30, tzinfo=UTC)
CHECKS_START = datetime(2026, 3, 2, 6, 0, tzinfo=UTC)  # after the child's clock
# Seconds after the child is ready: seeding and archiving take about a second a case, a rotation of the
# template a few seconds; the runs spread over those.
DELAYS = {"seed": (0.05, 2.5), "archive": (0.05, 3.0), "rotate": (0.02, 1.5)}
RUNS = (
    [("seed", n) for n in range(7)] + [("archive", n) for n in range(7)] + [("rotate", n) for n in range(6)]
)


def open_bo(data: Path, starts: datetime) -> Backoffice:
    began = time.monotonic()
    return Backoffice(
        Settings(data, sqlite_url(data)),
        Database(sqlite_url(data)),
        lambda: starts + timedelta(seconds=time.monotonic() - began),
        FAST,
    )


def scan(path: Path, shade: int) -> Path:
    Image.new("RGB", (300, 420), (shade, 200, 180)).save(path, "JPEG")
    return path


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Demo users and cases at every stage; a scan on every closed case so that volumes carry scans."""
    root = tmp_path_factory.mktemp("crash-template")
    data = root / "data"
    bo = open_bo(data, TEMPLATE_STARTS)
    demo.seed(bo, cases=24, seed_value=5, password=PASSWORD)
    clerk = auth.sign_in(bo, "demo-clerk", PASSWORD)
    with bo.db.unit_of_work(write=False) as db:
        closed = list(db.execute(select(Case.case_no).where(Case.status == "closed")).scalars())
    assert len(closed) >= 3, closed
    for n, case_no in enumerate(closed):
        item = next(i for i in cases.get_case(clerk, case_no).checklist if i.mandatory)
        attachments.add_attachment(
            clerk, scan(root / f"scan{n}.jpg", 20 * n), owner_type="checklist_item", owner_id=item.id
        )
    bo.close()
    return data


@dataclass
class Killed:
    lines: list[str]
    returncode: int
    delay: float


def kill_after(data: Path, kind: str, run: int, delay: float, tmp: Path) -> Killed:
    """Start the child, wait until it is ready, let it work ``delay`` seconds, SIGKILL it."""
    tmp.mkdir()
    env = {**os.environ, "TMPDIR": str(tmp)}  # what it leaves in the system temp directory stays here
    command = [sys.executable, str(CHILD), str(data), kind, str(run)]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    lines: list[str] = []
    ready = threading.Event()

    def read() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.append(line.strip())
            ready.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    started = ready.wait(timeout=180)
    if started:
        time.sleep(delay)
    proc.send_signal(signal.SIGKILL)  # no cleanup handler, no finally block runs
    _out, err = proc.communicate(timeout=60)
    reader.join(timeout=10)
    assert started and lines[:1] == ["ready"], f"the child never got ready: {err[-2000:]}"
    return Killed(lines[1:], proc.returncode, delay)


def age_everything(data: Path) -> None:
    """Files younger than the doctor's minute are left alone: make the crash's leftovers old."""
    then = time.time() - 600
    for path in [data, *data.rglob("*")]:
        os.utime(path, (then, then), follow_symlinks=False)


def leftovers(bo: Backoffice) -> tuple[set[str], set[str], set[str]]:
    """(temp files, orphans, unfinished renames), computed from the files and rows without the doctor."""
    data, store = bo.settings.data_dir, bo.settings.attachments_dir
    with bo.db.unit_of_work(write=False) as db:
        rows = dict(db.execute(select(Attachment.file_id, Attachment.key_version)).all())
        volumes = set(db.execute(select(ArchiveVolume.file_path)).scalars())
    temps, orphans, pending = set(), set(), set()
    for path in (p for p in store.rglob("*") if p.is_file()):
        name, relative = path.name, path.relative_to(store).as_posix()
        if name.endswith(".tmp"):
            temps.add(relative)
        elif path.suffix == ".bin" and path.stem not in rows:
            orphans.add(relative)
        elif path.suffix == ".new":
            with path.open("rb") as fh:
                version = key_version_of_file(fh)
            (pending if rows.get(path.stem) == version else orphans).add(relative)
    temps |= {p.name for p in data.glob("*.tmp")}
    archive = data / "archive"
    for path in (p for p in archive.rglob("*") if p.is_file()):
        relative = path.relative_to(archive).as_posix()
        if path.name.endswith(".tmp"):
            temps.add(f"archive/{relative}")
        elif relative not in volumes:
            orphans.add(f"archive/{relative}")
    return temps, orphans, pending


def found(report: DoctorReport) -> tuple[set[str], set[str], set[str]]:
    return set(report.temp_files), set(report.orphans), set(report.pending_renames)


def assert_committed_work_survived(bo: Backoffice, kind: str, lines: list[str]) -> None:
    with bo.db.unit_of_work(write=False) as db:
        if kind == "seed":
            reported = sum(1 for line in lines if line.startswith("case "))
            template_cases = 24
            assert db.scalar(select(func.count()).select_from(Case)) >= template_cases + reported
        elif kind == "archive":
            stored = {(c, v) for c, v in db.execute(select(Case.case_no, ArchiveVolume.version).join(Case))}
            for line in lines:
                _word, case_no, version = line.split()
                assert (case_no, int(version)) in stored, line
        else:
            current = current_version(db)
            rotated = [int(line.split()[1]) for line in lines if line.startswith("rotated ")]
            assert current >= max(rotated, default=1)
            since = lines[
                max((n for n, line in enumerate(lines) if line.startswith("rotated ")), default=-1) + 1 :
            ]
            for model, stage in ((Person, "persons"), (Attachment, "attachments")):
                done = max((int(line.split()[1]) for line in since if line.startswith(stage)), default=0)
                under_current = db.scalar(
                    select(func.count()).select_from(model).where(model.key_version == current)
                )
                assert under_current >= done, (stage, done, under_current)


def assert_cases_agree_with_their_events(bo: Backoffice) -> None:
    with bo.db.unit_of_work(write=False) as db:
        for case in db.execute(select(Case)).scalars():
            last = db.scalar(
                select(CaseEvent.to_status)
                .where(CaseEvent.case_id == case.id, CaseEvent.to_status != "")
                .order_by(CaseEvent.id.desc())
                .limit(1)
            )
            assert last == case.status, (case.case_no, case.status, last)
            active = db.scalar(
                select(func.count())
                .select_from(ArchiveVolume)
                .where(ArchiveVolume.case_id == case.id, ArchiveVolume.status == "active")
            )
            # a volume taken out for reopening stays current until the case is archived again
            assert active == 1 if case.status == "archived" else active <= (case.status == "closed"), (
                case.case_no
            )


def assert_everything_decrypts(bo: Backoffice) -> None:
    clerk = auth.sign_in(bo, "demo-clerk", PASSWORD)  # a fresh keyring: the live key versions only
    cipher = FieldCipher(clerk.keyring)
    values = 0
    with bo.db.unit_of_work(write=False) as db:
        for table, columns in key_fields.encrypted_columns(everywhere=True):
            for row in db.execute(select(table.c.id, *columns)):
                for column in columns:
                    blob = row._mapping[column]
                    if blob:
                        cipher.decrypt(bytes(blob), table=table.name, column=column.name, row_id=row.id)
                        values += 1
        ids = list(db.execute(select(Attachment.id)).scalars())
        volumes = list(db.execute(select(ArchiveVolume)).scalars())
    assert values > 100
    for attachment_id in ids:
        attachments.verify_attachment(clerk, attachment_id)
    for volume in volumes:
        path = bo.settings.data_dir / "archive" / volume.file_path
        assert hashlib.sha256(path.read_bytes()).hexdigest() == volume.volume_digest, volume.file_path


def assert_audit_verifies(bo: Backoffice) -> None:
    result = audit.verify(auth.sign_in(bo, "demo-auditor", PASSWORD))
    assert result.ok, result


@pytest.mark.slow
@pytest.mark.parametrize(("kind", "run"), RUNS, ids=[f"{kind}-{run}" for kind, run in RUNS])
def test_killed_at_a_random_point_the_installation_stays_sound(
    template: Path, tmp_path: Path, kind: str, run: int
) -> None:
    data = tmp_path / "data"
    shutil.copytree(template, data)
    delay = random.Random(f"crash-{kind}-{run}").uniform(*DELAYS[kind])
    killed = kill_after(data, kind, run, delay, tmp_path / "tmp")
    assert killed.returncode == -signal.SIGKILL, killed  # really killed, never finished by itself

    with sqlite3.connect(data / "backoffice.sqlite3") as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    bo = open_bo(data, CHECKS_START)
    try:
        assert_audit_verifies(bo)
        assert_committed_work_survived(bo, kind, killed.lines)
        assert_cases_agree_with_their_events(bo)
        age_everything(data)
        admin = auth.sign_in(bo, "demo-admin", PASSWORD)
        expected = leftovers(bo)
        report = diagnose(admin)
        assert found(report) == expected and not report.missing_files and not report.integrity_problems
        fixed = diagnose(admin, fix=True)
        assert found(fixed) == expected and fixed.healthy
        assert leftovers(bo) == (set(), set(), set())
        after = diagnose(admin)
        assert found(after) == (set(), set(), set()) and after.healthy and not after.missing_files
        left = sorted(p.name.split("-")[1] for p in (tmp_path / "tmp").iterdir())
        assert (
            "archive" not in left
        )  # decrypted copies of scans stay in the data dir, where doctor finds them
        print(
            f"{kind}-{run}: killed {delay:.2f}s after ready, last committed {killed.lines[-1:] or '-'}; "
            f"doctor: {len(expected[0])} temp, {len(expected[1])} orphan, {len(expected[2])} rename; "
            f"system temp: {left}"
        )
        assert_everything_decrypts(bo)
        if kind == "rotate":
            final = keys.rotate(admin)  # the interrupted rotation completes
            assert final.complete and final.live_versions == (final.current_version,)
            assert_everything_decrypts(bo)
        assert_audit_verifies(bo)
    finally:
        bo.close()


def test_doctor_cleans_what_a_killed_volume_build_left(template: Path, tmp_path: Path) -> None:
    """A build killed while writing (its temp file) or between renaming the volume into place and
    committing it (a volume file no row names): reported, then removed and moved aside."""
    data = tmp_path / "data"
    shutil.copytree(template, data)
    year = data / "archive" / "2026"
    year.mkdir(parents=True)
    (year / ".Z001-LP.2026-D10-110000-0001-v1.pdf.1a2b3c4d.tmp").write_bytes(b"%PDF-1.7 half written")
    (year / "Z001-LP.2026-D10-110000-0001-v1.pdf").write_bytes(b"%PDF-1.7 never committed")
    age_everything(data)
    bo = open_bo(data, CHECKS_START)
    try:
        admin = auth.sign_in(bo, "demo-admin", PASSWORD)
        report = diagnose(admin)
        assert report.temp_files == ("archive/2026/.Z001-LP.2026-D10-110000-0001-v1.pdf.1a2b3c4d.tmp",)
        assert report.orphans == ("archive/2026/Z001-LP.2026-D10-110000-0001-v1.pdf",) and not report.healthy
        assert diagnose(admin, fix=True).healthy
        assert list(year.iterdir()) == []
        assert (
            data / "orphans" / "Z001-LP.2026-D10-110000-0001-v1.pdf"
        ).read_bytes() == b"%PDF-1.7 never committed"
        assert found(diagnose(admin)) == (set(), set(), set())
    finally:
        bo.close()
