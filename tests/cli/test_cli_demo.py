"""``backoffice demo`` and ``backoffice demo seed`` through the real command, and the leak scan."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from backoffice.domain.identity import is_valid_id_number, is_valid_mobile

ID_RUN = re.compile(rb"(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])")
MOBILE_RUN = re.compile(rb"(?<![0-9])1[3-9][0-9]{9}(?![0-9])")


def run(args: list[str], env: dict[str, str], timeout: int = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "backoffice", *args], capture_output=True, text=True, env=env, timeout=timeout
    )


HEX = frozenset(b"0123456789abcdef")


def _inside_hex_token(data: bytes, start: int, end: int) -> bool:
    """Digests and file ids are long lower-case hex strings; a digit run inside one is not personal data."""
    left, right = start, end
    while left > 0 and data[left - 1] in HEX:
        left -= 1
    while right < len(data) and data[right] in HEX:
        right += 1
    return right - left >= 32


def clear_personal_data(root: Path) -> list[str]:
    """Every valid ID number or mobile number found in the clear in any file below ``root``."""
    found = []
    for path in root.rglob("*"):
        if not path.is_file():
            continue
        data = path.read_bytes()
        for kind, pattern, valid in (
            ("ID", ID_RUN, is_valid_id_number),
            ("mobile", MOBILE_RUN, is_valid_mobile),
        ):
            for m in pattern.finditer(data):
                if valid(m.group().decode()) and not _inside_hex_token(data, m.start(), m.end()):
                    found.append(f"{path.name}: {kind}")
    return found


def test_demo_seed_leaves_no_personal_data_in_the_clear(tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = {**os.environ, "BACKOFFICE_DATA_DIR": str(data), "TMPDIR": str(tmp_path / "tmp")}
    env.pop("BACKOFFICE_DATABASE_URL", None)
    (tmp_path / "tmp").mkdir()
    out = run(["demo", "seed", "--cases", "500", "--seed", "7", "--password", "seed-pass-1"], env)
    assert out.returncode == 0, out.stderr
    assert "cases: 500" in out.stdout
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert any(p.name == "backoffice.sqlite3" for p in files)
    assert clear_personal_data(tmp_path) == []

    # The same seed again adds the same people again through the services; the users stay.
    env["BACKOFFICE_USER"], env["BACKOFFICE_PASSWORD"] = "demo-admin", "seed-pass-1"
    listed = run(["user", "list"], env)
    assert listed.returncode == 0, listed.stderr
    names = {line.split("\t")[0] for line in listed.stdout.splitlines()}
    assert names == {
        "demo-clerk",
        "demo-approver1",
        "demo-approver2",
        "demo-approver3",
        "demo-approver4",
        "demo-approver5",
        "demo-archivist",
        "demo-supervisor",
        "demo-admin",
        "demo-auditor",
    }
    env["BACKOFFICE_USER"], env["BACKOFFICE_PASSWORD"] = "demo-auditor", "seed-pass-1"
    verify = run(["audit", "verify"], env)
    assert verify.returncode == 0 and "OK: " in verify.stdout


def test_the_scanner_finds_clear_text(tmp_path: Path) -> None:
    (tmp_path / "leak.txt").write_bytes(b"x 11010519491231002X y 13812345678 z")
    assert clear_personal_data(tmp_path) == ["leak.txt: ID", "leak.txt: mobile"]
    # ...but not a digit run inside a SHA-256 hex digest or a 32-character file id.
    (tmp_path / "leak.txt").write_bytes(b"digest 9f2c13812345678ab4e0d1c2b3a4f5e6d7c8b9a0f1e2d3c4b5a69788 id")
    assert clear_personal_data(tmp_path) == []


def test_demo_creates_its_own_database_once(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "BACKOFFICE_DEMO_DIR": str(tmp_path / "demo"),
        "BACKOFFICE_DATABASE_URL": "postgresql://nobody@127.0.0.1:1/ignored",
    }
    first = run(["demo", "--no-gui"], env)
    assert first.returncode == 0, first.stderr
    assert "demo-2026" in first.stdout and "demo-approver5" in first.stdout
    assert (tmp_path / "demo" / "backoffice.sqlite3").exists()
    second = run(["demo", "--no-gui"], env)
    assert second.returncode == 0 and "demo-2026" not in second.stdout


def test_seed_refuses_a_negative_count(tmp_path: Path) -> None:
    env = {**os.environ, "BACKOFFICE_DATA_DIR": str(tmp_path / "d")}
    out = run(["demo", "seed", "--cases", "-1"], env)
    assert out.returncode == 2 and "cases" in out.stderr
