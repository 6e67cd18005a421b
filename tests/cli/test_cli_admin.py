"""The admin CLI: init, user, db, audit verify — run as a user would, on a real data directory."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from backoffice.cli import main
from backoffice.db.migrate import head_revision

ADMIN_PW = "cli-admin-pw"


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BACKOFFICE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("BACKOFFICE_DATABASE_URL", raising=False)
    monkeypatch.setenv("BACKOFFICE_PASSWORD", ADMIN_PW)
    monkeypatch.setenv("BACKOFFICE_USER", "root")
    return tmp_path / "data"


@pytest.fixture
def initialised(env: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    assert main(["db", "upgrade"]) == 0
    assert main(["init", "--admin", "root", "--name", "管理员"]) == 0
    out = capsys.readouterr().out
    assert "恢复码" in out
    return env


def add_user(monkeypatch: pytest.MonkeyPatch, name: str, roles: str, *extra: str) -> None:
    monkeypatch.setenv("BACKOFFICE_NEW_PASSWORD", f"{name}-password")
    assert main(["user", "add", name, "--name", name, "--roles", roles, *extra]) == 0


def test_help_and_version() -> None:
    out = subprocess.run([sys.executable, "-m", "backoffice", "--help"], capture_output=True, text=True)
    assert out.returncode == 0 and "user" in out.stdout and "audit" in out.stdout and "demo" in out.stdout
    out = subprocess.run([sys.executable, "-m", "backoffice", "--version"], capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout.startswith("backoffice ")


def test_db_check_in_a_fresh_process(env: Path) -> None:
    # A new process has imported no models until the check needs them: the check must load them itself.
    run = [sys.executable, "-m", "backoffice", "db"]
    assert subprocess.run([*run, "upgrade"], capture_output=True, text=True, env=os.environ).returncode == 0
    out = subprocess.run([*run, "check"], capture_output=True, text=True, env=os.environ)
    assert out.returncode == 0 and "一致" in out.stdout, out.stdout + out.stderr


def test_db_upgrade_check_current(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["db", "check"]) == 1
    assert "db upgrade" in capsys.readouterr().out
    assert main(["db", "upgrade"]) == 0
    assert main(["db", "check"]) == 0
    assert "一致" in capsys.readouterr().out
    assert main(["db", "current"]) == 0
    head = head_revision()
    assert f"current={head} head={head}" in capsys.readouterr().out
    assert (env / "backoffice.sqlite3").exists()


def test_user_add_list_passwd_unlock(initialised: Path, monkeypatch, capsys) -> None:
    add_user(monkeypatch, "wangfang", "clerk")
    add_user(monkeypatch, "lq", "approver", "--level", "2")
    capsys.readouterr()
    assert main(["user", "list", "--json"]) == 0
    listed = {u["username"]: u for u in json.loads(capsys.readouterr().out)}
    assert listed["lq"]["approval_level"] == 2 and listed["wangfang"]["roles"] == ["clerk"]

    # Five wrong passwords lock the account; the CLI says so and exits 1.
    monkeypatch.setenv("BACKOFFICE_USER", "wangfang")
    monkeypatch.setenv("BACKOFFICE_PASSWORD", "wrong-wrong")
    for _ in range(5):
        assert main(["user", "passwd"]) == 1
    assert "锁定" in capsys.readouterr().err
    monkeypatch.setenv("BACKOFFICE_USER", "root")
    monkeypatch.setenv("BACKOFFICE_PASSWORD", ADMIN_PW)
    assert main(["user", "unlock", "wangfang"]) == 0

    monkeypatch.setenv("BACKOFFICE_USER", "wangfang")
    monkeypatch.setenv("BACKOFFICE_PASSWORD", "wangfang-password")
    monkeypatch.setenv("BACKOFFICE_NEW_PASSWORD", "changed-password")
    assert main(["user", "passwd"]) == 0
    monkeypatch.setenv("BACKOFFICE_PASSWORD", "changed-password")
    assert main(["user", "list"]) == 1  # signed in fine, but a clerk may not list users
    assert "系统管理员" in capsys.readouterr().err


def test_bad_input_exits_2_with_the_field(initialised: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("BACKOFFICE_NEW_PASSWORD", "long-enough-pw")
    assert main(["user", "add", "x1", "--name", "x", "--roles", "admin,approver", "--level", "1"]) == 2
    assert "roles" in capsys.readouterr().err
    assert main(["user", "add", "x1", "--name", "x", "--roles", "boss"]) == 2
    monkeypatch.delenv("BACKOFFICE_USER")
    assert main(["user", "list"]) == 2
    assert "BACKOFFICE_USER" in capsys.readouterr().err


def test_audit_verify_detects_a_tampered_table(initialised: Path, monkeypatch, capsys) -> None:
    add_user(monkeypatch, "aud", "auditor")
    add_user(monkeypatch, "clerk", "clerk")
    monkeypatch.setenv("BACKOFFICE_USER", "aud")
    monkeypatch.setenv("BACKOFFICE_PASSWORD", "aud-password")
    capsys.readouterr()
    assert main(["audit", "verify", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["ok"] is True

    con = sqlite3.connect(initialised / "backoffice.sqlite3")
    con.execute("DROP TRIGGER audit_log_no_update")
    con.execute("UPDATE audit_log SET reason = 'roles=admin' WHERE seq = 4")
    con.commit()
    con.close()
    assert main(["audit", "verify"]) == 1
    out = capsys.readouterr().out
    assert "seq 4" in out and "被破坏" in out


def test_audit_verify_refused_for_non_auditor(initialised: Path, capsys) -> None:
    assert main(["audit", "verify"]) == 1
    assert "审计员" in capsys.readouterr().err


def test_corrupt_database_message_no_traceback(env: Path, capsys) -> None:
    env.mkdir(parents=True)
    (env / "backoffice.sqlite3").write_bytes(b"garbage" * 1000)
    assert main(["db", "check"]) == 1
    err = capsys.readouterr().err
    assert "已损坏" in err and "Traceback" not in err


def test_recovery_code_via_cli(env: Path, monkeypatch, capsys) -> None:
    assert main(["db", "upgrade"]) == 0
    assert main(["init", "--admin", "root"]) == 0
    code = next(line.split(": ")[1] for line in capsys.readouterr().out.splitlines() if "recovery" in line)
    monkeypatch.setenv("BACKOFFICE_RECOVERY_CODE", "WRONG-CODE-0000-0000-0000-0000")
    monkeypatch.setenv("BACKOFFICE_NEW_PASSWORD", "after-recovery")
    assert main(["keys", "recover", "root"]) == 1
    assert "恢复码不正确" in capsys.readouterr().err
    monkeypatch.setenv("BACKOFFICE_RECOVERY_CODE", code)
    assert main(["keys", "recover", "root"]) == 0
    monkeypatch.setenv("BACKOFFICE_PASSWORD", "after-recovery")
    assert main(["user", "list"]) == 0


def test_installed_entry_point_runs(tmp_path: Path) -> None:
    env = {**os.environ, "BACKOFFICE_DATA_DIR": str(tmp_path / "d")}
    out = subprocess.run(["backoffice", "db", "upgrade"], capture_output=True, text=True, env=env)
    assert out.returncode == 0, out.stderr


def test_keys_rotate_and_status(initialised: Path, monkeypatch, capsys) -> None:
    add_user(monkeypatch, "clerk", "clerk")
    capsys.readouterr()
    assert main(["keys", "status"]) == 0
    assert "current key version: 1" in capsys.readouterr().out
    assert main(["keys", "rotate", "--batch", "10"]) == 0
    out = capsys.readouterr().out
    assert "current key version: 2; live: 2" in out and "完成" in out
    monkeypatch.setenv("BACKOFFICE_USER", "clerk")
    monkeypatch.setenv("BACKOFFICE_PASSWORD", "clerk-password")
    assert main(["keys", "rotate"]) == 1
    assert "系统管理员" in capsys.readouterr().err
