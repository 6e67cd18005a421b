"""``backoffice policy import`` and ``backoffice case list | show`` as a clerk would run them."""

from __future__ import annotations

import csv
import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from backoffice.cli import main

HEADER = [
    "policy_no",
    "product",
    "line",
    "insured_name",
    "insured_id_number",
    "period_start",
    "period_end",
    "coverage_code",
    "coverage_name",
    "sum_insured",
]
# The case test registers a report "now" (the real clock): the period surrounds today.
START = (date.today() - timedelta(days=100)).isoformat()
END = (date.today() + timedelta(days=200)).isoformat()
ROWS = [
    ["P1", "商业车险", "motor", "张伟", "11010519491231002X", START, END, "vehicle_damage", "车损", "150000"],
    ["P2", "家庭财产保险", "property", "李娜", "440524198001010013", START, END, "property", "财产", "abc"],
]


@pytest.fixture
def clerk_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> Path:
    monkeypatch.setenv("BACKOFFICE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("BACKOFFICE_DATABASE_URL", raising=False)
    monkeypatch.setenv("BACKOFFICE_USER", "root")
    monkeypatch.setenv("BACKOFFICE_PASSWORD", "root-password")
    assert main(["db", "upgrade"]) == 0 and main(["init", "--admin", "root"]) == 0
    monkeypatch.setenv("BACKOFFICE_NEW_PASSWORD", "clerk-password")
    assert main(["user", "add", "wf", "--name", "王芳", "--roles", "clerk"]) == 0
    monkeypatch.setenv("BACKOFFICE_USER", "wf")
    monkeypatch.setenv("BACKOFFICE_PASSWORD", "clerk-password")
    capsys.readouterr()
    return tmp_path


def write(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([HEADER, *rows])
    return path


def test_import_with_bad_rows_exits_non_zero_and_imports_nothing(clerk_env: Path, capsys) -> None:
    path = write(clerk_env / "p.csv", ROWS)
    assert main(["policy", "import", str(path)]) == 1
    out = capsys.readouterr().out
    assert "第 3 行" in out and "sum_insured" in out and "policies imported: 0" in out
    assert main(["policy", "import", str(path), "--skip-bad-rows"]) == 0
    assert "policies imported: 1" in capsys.readouterr().out


def test_case_list_and_show_json(clerk_env: Path, capsys) -> None:
    from datetime import UTC, datetime
    from decimal import Decimal

    from backoffice.services import auth, intake
    from backoffice.services.context import Backoffice
    from backoffice.settings import load_settings

    assert main(["policy", "import", str(write(clerk_env / "p.csv", ROWS[:1]))]) == 0
    bo = Backoffice.open(load_settings())
    clerk = auth.sign_in(bo, "wf", "clerk-password")
    now = datetime.now(UTC)
    registered = intake.register_report(
        clerk,
        intake.ReportInput(
            policy_no="P1",
            channel="hotline",
            reporter_name="张伟",
            reporter_relation="self",
            reported_at=now,
            incident_at=now,
            incident_place="北京市",
            cause="collision",
            estimated_loss=Decimal("2000"),
            reporter_phone="13812345678",
        ),
    )
    bo.close()
    capsys.readouterr()
    assert main(["case", "list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["case_no"] for r in rows] == [registered.case_no] and rows[0]["customer"] == "张*"
    assert main(["case", "show", registered.case_no, "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["status"] == "registered" and shown["complexity"] == "simple" and shown["handler"] == "王芳"
    assert shown["reporter"]["phone"] == "138****5678" and shown["flags"] == []
    assert "13812345678" not in json.dumps(shown, ensure_ascii=False)
    assert main(["case", "show", "NOPE"]) == 1
    assert "NOPE" in capsys.readouterr().err
