"""``backoffice backup`` and ``backoffice doctor`` as an admin runs them, and the crash-safety run."""

from __future__ import annotations

import os
import random
import re
import secrets
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PIL import Image

from backoffice.cli import main

ADMIN_PW = "cli-admin-pw"


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BACKOFFICE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("BACKOFFICE_DATABASE_URL", raising=False)
    monkeypatch.delenv("BACKOFFICE_ATTACHMENTS_DIR", raising=False)
    monkeypatch.setenv("BACKOFFICE_PASSWORD", ADMIN_PW)
    monkeypatch.setenv("BACKOFFICE_USER", "root")
    return tmp_path / "data"


def as_user(monkeypatch: pytest.MonkeyPatch, name: str, password: str) -> None:
    monkeypatch.setenv("BACKOFFICE_USER", name)
    monkeypatch.setenv("BACKOFFICE_PASSWORD", password)


@pytest.fixture
def office(env: Path, tmp_path: Path, monkeypatch, capsys) -> str:
    """An initialised installation with a clerk, an auditor and two uploaded scans; the recovery code."""
    assert main(["db", "upgrade"]) == 0
    assert main(["init", "--admin", "root", "--name", "管理员"]) == 0
    code = re.search(r"recovery code: ([0-9A-Z-]+)", capsys.readouterr().out).group(1)
    for name, roles in (("clerk", "clerk"), ("aud", "auditor")):
        monkeypatch.setenv("BACKOFFICE_NEW_PASSWORD", f"{name}-password")
        assert main(["user", "add", name, "--name", name, "--roles", roles]) == 0
    from backoffice.services import attachments, auth
    from backoffice.services.context import Backoffice
    from backoffice.settings import load_settings

    bo = Backoffice.open(load_settings(env))
    clerk = auth.sign_in(bo, "clerk", "clerk-password")
    for n in range(2):
        scan = tmp_path / f"scan{n}.jpg"
        Image.new("RGB", (200 + n, 100), (10, 100 + n, 200)).save(scan, "JPEG")
        attachments.add_attachment(clerk, scan)
    bo.close()
    capsys.readouterr()
    return code


def test_create_verify_restore_through_the_cli(
    office: str, env: Path, tmp_path: Path, monkeypatch, capsys
) -> None:
    backup = tmp_path / "nightly.bobackup"
    assert main(["backup", "status"]) == 1  # never backed up: the reminder is due
    assert main(["backup", "create", str(backup)]) == 0
    out = capsys.readouterr().out
    assert "members=3" in out and "备份完成" in out
    assert main(["backup", "status"]) == 0
    assert main(["backup", "verify", str(backup)]) == 0
    assert "OK" in capsys.readouterr().out

    restored = tmp_path / "restored"
    assert main(["backup", "restore", str(backup), "--into", str(restored)]) == 0
    out = capsys.readouterr().out
    assert f"restored: {restored}" in out and "audit verify" in out
    assert main(["backup", "restore", str(backup), "--into", str(restored)]) == 2
    assert "不是空目录" in capsys.readouterr().err

    as_user(monkeypatch, "aud", "aud-password")
    assert main(["--data-dir", str(restored), "audit", "verify"]) == 0
    assert "OK: " in capsys.readouterr().out


def test_a_damaged_backup_fails_verify_with_exit_1(office: str, tmp_path: Path, capsys) -> None:
    backup = tmp_path / "nightly.bobackup"
    assert main(["backup", "create", str(backup)]) == 0
    raw = bytearray(backup.read_bytes())
    raw[len(raw) // 2] ^= 0x10
    backup.write_bytes(bytes(raw))
    capsys.readouterr()
    assert main(["backup", "verify", str(backup)]) == 1
    assert "问题在 backoffice.sqlite3" in capsys.readouterr().err
    assert main(["backup", "restore", str(backup), "--into", str(tmp_path / "r")]) == 1
    assert not (tmp_path / "r").exists()


def test_the_recovery_code_restores_without_signing_in(
    office: str, tmp_path: Path, monkeypatch, capsys
) -> None:
    backup = tmp_path / "nightly.bobackup"
    assert main(["backup", "create", str(backup)]) == 0
    monkeypatch.delenv("BACKOFFICE_USER")
    monkeypatch.delenv("BACKOFFICE_PASSWORD")
    monkeypatch.setenv("BACKOFFICE_DATA_DIR", str(tmp_path / "no-installation-here"))
    monkeypatch.setenv("BACKOFFICE_RECOVERY_CODE", office)
    assert main(["backup", "verify", "--recovery-code", str(backup)]) == 0
    target = tmp_path / "disaster" / "data"
    assert main(["backup", "restore", "--recovery-code", str(backup), "--into", str(target)]) == 0
    as_user(monkeypatch, "aud", "aud-password")
    assert main(["--data-dir", str(target), "audit", "verify"]) == 0


def test_only_admins_back_up(office: str, tmp_path: Path, monkeypatch, capsys) -> None:
    as_user(monkeypatch, "clerk", "clerk-password")
    assert main(["backup", "create", str(tmp_path / "x.bobackup")]) == 1
    assert "系统管理员" in capsys.readouterr().err
    assert main(["doctor"]) == 1
    assert not (tmp_path / "x.bobackup").exists()


def test_doctor_reports_and_fixes(office: str, env: Path, capsys) -> None:
    assert main(["doctor"]) == 0
    out = capsys.readouterr().out
    assert "orphan files (attachments, unregistered volumes): 0" in out and "audit verify" in out
    orphan_id = secrets.token_hex(16)
    orphan = env / "attachments" / orphan_id[:2] / f"{orphan_id}.bin"
    orphan.parent.mkdir(parents=True, exist_ok=True)
    orphan.write_bytes(b"left behind by a crash")
    then = time.time() - 300
    os.utime(orphan, (then, then))
    assert main(["doctor"]) == 1
    assert f"{orphan_id[:2]}/{orphan_id}.bin" in capsys.readouterr().out
    assert main(["doctor", "--fix"]) == 0
    assert (env / "orphans" / f"{orphan_id}.bin").exists() and not orphan.exists()
    capsys.readouterr()
    assert main(["doctor"]) == 0
    assert "orphan files (attachments, unregistered volumes): 0" in capsys.readouterr().out


# ---- crash safety -------------------------------------------------------------------------------------

DEMO_PW = "crash-pass-1"


def cli(args: list[str], env: dict[str, str], user: str | None = None) -> subprocess.CompletedProcess[str]:
    if user is not None:
        env = {**env, "BACKOFFICE_USER": user, "BACKOFFICE_PASSWORD": DEMO_PW}
    command = [sys.executable, "-m", "backoffice", *args]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)


def killed(args: list[str], env: dict[str, str], delay: float, user: str | None = None) -> int | None:
    """Start a command and SIGKILL it after ``delay`` seconds; its exit code if it finished first."""
    if user is not None:
        env = {**env, "BACKOFFICE_USER": user, "BACKOFFICE_PASSWORD": DEMO_PW}
    command = [sys.executable, "-m", "backoffice", *args]
    with subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) as proc:
        try:
            return proc.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            proc.kill()  # SIGKILL: no cleanup handler runs
            proc.wait()
            return None


def assert_sound(data: Path, env: dict[str, str]) -> None:
    """Integrity check, audit chain (demo auditor), and no orphan attachment once doctor --fix ran."""
    with sqlite3.connect(data / "backoffice.sqlite3") as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    verify = cli(["audit", "verify"], env, "demo-auditor")
    assert verify.returncode == 0 and "OK: " in verify.stdout, verify.stdout + verify.stderr
    # Files younger than the doctor's minute are left alone: age everything the crash could have left.
    then = time.time() - 120
    for path in (data / "attachments").rglob("*"):
        os.utime(path, (then, then))
    fix = cli(["doctor", "--fix"], env, "demo-admin")
    assert fix.returncode in (0, 1), fix.stderr
    after = cli(["doctor"], env, "demo-admin")
    assert (
        "orphan files (attachments, unregistered volumes): 0" in after.stdout
        and "unfinished key-rotation renames: 0" in after.stdout
    )
    assert "attachments whose file is missing: 0" in after.stdout and after.returncode == 0, after.stdout


def upload_scans(data: Path, count: int) -> None:
    from backoffice.services import attachments, auth
    from backoffice.services.context import Backoffice
    from backoffice.settings import load_settings

    bo = Backoffice.open(load_settings(data))
    clerk = auth.sign_in(bo, "demo-clerk", DEMO_PW)
    for n in range(count):
        scan = data.parent / f"scan{n}.jpg"
        Image.new("RGB", (160, 120), (n * 7 % 255, 80, 160)).save(scan, "JPEG")
        attachments.add_attachment(clerk, scan)
    bo.close()


@pytest.mark.slow
def test_killed_at_random_points_the_installation_stays_sound(tmp_path: Path) -> None:
    """SIGKILL ``demo seed`` (cases with scans) and ``keys rotate`` after random delays (fixed seed);
    after each kill the installation must be sound, and a killed rotation must complete afterwards."""
    rng = random.Random(92026)
    data = tmp_path / "data"
    env = {**os.environ, "BACKOFFICE_DATA_DIR": str(data)}
    for name in ("BACKOFFICE_DATABASE_URL", "BACKOFFICE_ATTACHMENTS_DIR", "BACKOFFICE_USER"):
        env.pop(name, None)
    first = cli(["demo", "seed", "--cases", "0", "--password", DEMO_PW], env)
    assert first.returncode == 0, first.stderr
    outcomes = []
    for run in range(3):
        seed = ["demo", "seed", "--cases", "80", "--seed", str(run), "--password", DEMO_PW]
        outcomes.append(killed(seed, env, rng.uniform(1.0, 5.0)))
        assert_sound(data, env)
    upload_scans(data, 60)
    for _ in range(3):
        outcomes.append(killed(["keys", "rotate", "--batch", "5"], env, rng.uniform(1.0, 3.5), "demo-admin"))
        assert_sound(data, env)
    assert outcomes.count(None) >= 4, outcomes  # most runs were really killed, not finished
    final = cli(["keys", "rotate"], env, "demo-admin")
    assert final.returncode == 0, final.stdout + final.stderr
    assert_sound(data, env)
