"""``backoffice kpi --month`` and ``backoffice sla report | refresh | recompute`` from a terminal."""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from conftest import FAST_KDF, FakeClock
from openpyxl import load_workbook

from backoffice.cli import main

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))  # the shared case-flow helpers


@pytest.fixture
def office_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> Path:
    """A data directory with one case settled in March 2025 (through the services, at fixed dates)."""
    from sla_support import make_office, settled_case, sh

    from backoffice.services import auth
    from backoffice.services.context import Backoffice
    from backoffice.settings import load_settings

    monkeypatch.setenv("BACKOFFICE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("BACKOFFICE_DATABASE_URL", raising=False)
    monkeypatch.setenv("BACKOFFICE_USER", "root")
    monkeypatch.setenv("BACKOFFICE_PASSWORD", "root-password")
    assert main(["db", "upgrade"]) == 0 and main(["init", "--admin", "root"]) == 0
    clock = FakeClock(datetime(2025, 3, 1, 1, 0, tzinfo=UTC))
    bo = Backoffice.open(load_settings(), clock=clock)
    bo.kdf_params = FAST_KDF
    office = make_office(bo, auth.sign_in(bo, "root", "root-password"), clock)
    settled_case(office, sh(2025, 3, 3, 8))  # reported 3 Mar, closed 5 Mar
    bo.close()
    monkeypatch.setenv("BACKOFFICE_USER", "sup")
    monkeypatch.setenv("BACKOFFICE_PASSWORD", "sup-pass-1")
    capsys.readouterr()
    return tmp_path


def test_kpi_json_text_and_xlsx(office_env: Path, capsys) -> None:
    assert main(["kpi", "--month", "2025-03", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["month"] == "2025-03" and data["branch"] == "北京分公司"
    branch = {r["kpi"]: r for r in data["rows"] if r["dimension"] == "branch"}
    assert (branch["monthly_closure_rate"]["value"], branch["monthly_closure_rate"]["met"]) == (
        "100.00",
        True,
    )
    assert (branch["closing_cycle"]["value"], branch["closing_cycle"]["target"]) == ("2.00", "40")
    assert {r["dimension"] for r in data["rows"]} == {"branch", "line", "team", "person"}
    target = office_env / "out" / "kpi.xlsx"
    assert main(["kpi", "--month", "2025-03", "--dimension", "all", "--xlsx", str(target)]) == 0
    out = capsys.readouterr().out
    assert "当月结案率\t100.00%\t目标 65\t达标\t1/1" in out and str(target) in out
    assert load_workbook(target).sheetnames[0] == "按分公司"
    assert main(["kpi", "--month", "2025-3"]) == 2
    assert "month" in capsys.readouterr().err


def test_sla_report_refresh_and_recompute(office_env: Path, monkeypatch, capsys) -> None:
    assert main(["sla", "refresh", "--json"]) == 0
    refreshed = json.loads(capsys.readouterr().out)
    assert refreshed["checked"] >= 1 and "tasks_created" in refreshed
    assert main(["sla", "report", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["open"] == 1 and report["stages"][0]["stage"] == "callback"  # the callback is still due
    assert report["pending"] == {
        "total": 0,
        "aging": {"0-30": 0, "31-60": 0, "61-90": 0, "91-180": 0, ">180": 0},
    }
    assert main(["sla", "report"]) == 0
    assert "赔后回访（callback）" in capsys.readouterr().out
    assert main(["sla", "recompute"]) == 1  # only an administrator
    assert "系统管理员" in capsys.readouterr().err
    monkeypatch.setenv("BACKOFFICE_USER", "root")
    monkeypatch.setenv("BACKOFFICE_PASSWORD", "root-password")
    assert main(["sla", "recompute"]) == 0
    assert capsys.readouterr().out.strip() == "moved=0"
    assert main(["kpi", "--month", "2025-03"]) == 1  # an administrator sees no KPIs
