"""``doctor``: what a crash leaves behind is reported, and with ``fix`` cleaned — never lost."""

from __future__ import annotations

import os
import secrets
import time
from pathlib import Path

import pytest
from conftest import make_user
from PIL import Image
from sqlalchemy import select

from backoffice.db.models import Attachment
from backoffice.domain.errors import PermissionDenied
from backoffice.services import attachments, auth
from backoffice.services.attachments import stored_path
from backoffice.services.doctor import diagnose


def aged(path: Path, seconds: float = 120) -> Path:
    then = time.time() - seconds
    os.utime(path, (then, then))
    return path


def planted(path: Path, content: bytes, age: float = 120) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return aged(path, age)


@pytest.fixture
def clerk(bo, admin):
    make_user(admin, "clerk", {"clerk"})
    return auth.sign_in(bo, "clerk", "clerk-pass-1")


@pytest.fixture
def stored(bo, clerk, tmp_path: Path) -> list[Attachment]:
    """Three attachments uploaded through the service, their files aged past the doctor's minute."""
    for n in range(3):
        scan = tmp_path / f"scan{n}.jpg"
        Image.new("RGB", (120 + n, 90), (30 * n, 120, 200)).save(scan, "JPEG")
        attachments.add_attachment(clerk, scan)
    with bo.db.unit_of_work(write=False) as db:
        rows = list(db.execute(select(Attachment).order_by(Attachment.id)).scalars())
    for row in rows:
        aged(stored_path(bo.settings.attachments_dir, row.file_id))
    return rows


def test_a_clean_installation_is_healthy(bo, admin, stored) -> None:
    report = diagnose(admin)
    assert report.healthy and report.audit is None
    assert (report.temp_files, report.orphans, report.pending_renames, report.missing_files) == (
        (),
        (),
        (),
        (),
    )
    assert report.integrity_problems == ()


def test_crash_leftovers_are_reported_then_fixed(bo, admin, clerk, stored, tmp_path: Path) -> None:
    root, data = bo.settings.attachments_dir, bo.settings.data_dir
    first, second, third = stored
    # An encryption that never finished, an option write that never finished, a fresh temp file (an
    # upload in progress right now: left alone).
    old_tmp = planted(stored_path(root, first.file_id).parent / f".{first.file_id}.x1y2.tmp", b"partial")
    options_tmp = planted(data / "options.json.tmp", b"{")
    work = data / ".backup-abc.tmp"
    work.mkdir()
    (work / "backoffice.sqlite3").write_bytes(b"copy")
    aged(work)
    fresh = planted(stored_path(root, second.file_id).parent / f".{second.file_id}.zzzz.tmp", b"now", age=0)
    # A file whose row never committed, and a fresh one (its row may be committing now).
    orphan_id = secrets.token_hex(16)
    orphan = planted(stored_path(root, orphan_id), stored_path(root, first.file_id).read_bytes())
    young = planted(stored_path(root, secrets.token_hex(16)), b"young", age=0)
    # A rotation that committed but did not rename, and one whose transaction never committed.
    pending = stored_path(root, second.file_id).with_suffix(".new")
    stored_path(root, second.file_id).rename(pending)
    planted(stored_path(root, first.file_id).with_suffix(".new"), b"BOAE\x01\x01\x00\x00\x00\x07" + bytes(40))
    # A row whose file is gone.
    stored_path(root, third.file_id).unlink()

    report = diagnose(admin)
    assert not report.healthy and not report.fixed
    assert set(report.temp_files) == {
        f"{first.file_id[:2]}/.{first.file_id}.x1y2.tmp",
        "options.json.tmp",
        ".backup-abc.tmp",
    }
    assert set(report.orphans) == {
        f"{orphan_id[:2]}/{orphan_id}.bin",
        f"{first.file_id[:2]}/{first.file_id}.new",
    }
    assert report.pending_renames == (f"{second.file_id[:2]}/{second.file_id}.new",)
    assert report.missing_files == (third.id,)
    assert report.integrity_problems == ()
    assert old_tmp.exists() and orphan.exists() and pending.exists()  # only reported

    fixed = diagnose(admin, fix=True)
    assert fixed.fixed and fixed.orphans == report.orphans and not fixed.healthy  # the missing file remains
    assert not old_tmp.exists() and not options_tmp.exists() and not work.exists()
    assert fresh.exists() and young.exists()
    moved = sorted(p.name for p in (data / "orphans").iterdir())
    assert moved == sorted([f"{orphan_id}.bin", f"{first.file_id}.new"])
    assert (data / "orphans" / f"{orphan_id}.bin").read_bytes() == stored_path(
        root, first.file_id
    ).read_bytes()
    assert not pending.exists() and stored_path(root, second.file_id).exists()
    attachments.verify_attachment(clerk, second.id)
    attachments.verify_attachment(clerk, first.id)

    again = diagnose(admin)
    assert (again.temp_files, again.orphans, again.pending_renames) == ((), (), ())
    assert again.missing_files == (third.id,)


def test_an_orphan_with_a_taken_name_is_kept_beside_the_first(bo, admin, stored) -> None:
    root, data = bo.settings.attachments_dir, bo.settings.data_dir
    name = secrets.token_hex(16)
    for content in (b"one", b"two"):
        planted(stored_path(root, name), content)
        diagnose(admin, fix=True)
    assert (data / "orphans" / f"{name}.bin").read_bytes() == b"one"
    assert (data / "orphans" / f"{name}.bin.1").read_bytes() == b"two"


def test_an_admin_who_is_also_auditor_gets_the_audit_chain_checked(bo, admin, stored) -> None:
    make_user(admin, "root2", {"admin", "auditor"})
    report = diagnose(auth.sign_in(bo, "root2", "root2-pass-1"))
    assert report.audit is not None and report.audit.ok and report.healthy


def test_only_admins_run_the_doctor(bo, clerk, stored) -> None:
    with pytest.raises(PermissionDenied):
        diagnose(clerk, fix=True)
