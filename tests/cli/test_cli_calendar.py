"""``backoffice calendar show | set | clear | complete`` from a terminal: overrides move the stored
deadlines of open cases (recomputed at once, or later with ``sla recompute``); years chinesecalendar
lacks are flagged."""

from __future__ import annotations

import json
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from conftest import FAST_KDF, FakeClock

from backoffice.cli import main

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))  # the shared case-flow helpers

ROOT_PASSWORD = "root-password"


def as_user(monkeypatch: pytest.MonkeyPatch, username: str, password: str) -> None:
    monkeypatch.setenv("BACKOFFICE_USER", username)
    monkeypatch.setenv("BACKOFFICE_PASSWORD", password)


@pytest.fixture
def office_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> str:
    """A data directory with one motor case whose materials were complete on Mon 3 Mar 2025 at 16:00."""
    from sla_support import make_office, receive_all_at, register, sh

    from backoffice.services import auth
    from backoffice.services.context import Backoffice
    from backoffice.settings import load_settings

    monkeypatch.setenv("BACKOFFICE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("BACKOFFICE_DATABASE_URL", raising=False)
    as_user(monkeypatch, "root", ROOT_PASSWORD)
    assert main(["db", "upgrade"]) == 0 and main(["init", "--admin", "root"]) == 0
    clock = FakeClock(datetime(2025, 3, 1, 1, 0, tzinfo=UTC))
    bo = Backoffice.open(load_settings(), clock=clock)
    bo.kdf_params = FAST_KDF
    office = make_office(bo, auth.sign_in(bo, "root", ROOT_PASSWORD), clock)
    case_no, case_id = register(office, sh(2025, 3, 3, 9))
    receive_all_at(office, case_no, case_id, sh(2025, 3, 3, 16))
    bo.close()
    capsys.readouterr()
    return case_no


def review_due(case_no: str) -> date:
    """The stored due day of the case's review stage, read through the service as the supervisor."""
    from backoffice.services import auth
    from backoffice.services.context import Backoffice
    from backoffice.services.sla_warnings import case_deadlines
    from backoffice.settings import load_settings

    bo = Backoffice.open(load_settings())
    bo.kdf_params = FAST_KDF
    try:
        us = auth.sign_in(bo, "sup", "sup-pass-1")
        return next(d.effective_due for d in case_deadlines(us, case_no) if d.stage == "review")
    finally:
        bo.close()


def show(capsys, year: int) -> dict:
    capsys.readouterr()
    assert main(["calendar", "show", str(year), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_a_holiday_override_moves_the_deadline_and_clearing_it_moves_it_back(office_env: str, capsys) -> None:
    case_no = office_env
    assert review_due(case_no) == date(2025, 3, 6)  # simple review: 4, 5, 6 Mar
    shown = show(capsys, 2025)
    assert (shown["coverage"], shown["overrides"]) == ("package", [])
    assert shown["package_years"][0] <= 2025 <= shown["package_years"][1]

    assert main(["calendar", "set", "2025-03-05", "--holiday", "--note", "本地安排：停电"]) == 0
    assert capsys.readouterr().out.splitlines() == ["2025-03-05\t休息日", "moved=1"]
    assert review_due(case_no) == date(2025, 3, 7)  # 4, 6, 7 Mar
    assert show(capsys, 2025)["overrides"] == [
        {"day": "2025-03-05", "working": False, "note": "本地安排：停电"}
    ]
    assert main(["calendar", "show", "2025"]) == 0
    out = capsys.readouterr().out
    assert "来自 chinesecalendar" in out and "2025-03-05\t周三\t休息日\t本地安排：停电" in out

    assert main(["calendar", "clear", "2025-03-05", "--no-recompute"]) == 0
    out = capsys.readouterr().out
    assert "2025-03-05\t已删除调整" in out and "backoffice sla recompute" in out
    assert review_due(case_no) == date(2025, 3, 7)  # stored until recomputed
    assert main(["sla", "recompute"]) == 0
    assert capsys.readouterr().out.strip() == "moved=1"
    assert review_due(case_no) == date(2025, 3, 6)

    assert main(["calendar", "set", "2025-03-08", "--working", "--note", "调休上班"]) == 0  # a Saturday
    assert capsys.readouterr().out.splitlines() == ["2025-03-08\t工作日", "moved=0"]  # after the due day


def test_a_year_the_package_lacks_is_flagged_until_marked_complete(office_env: str, capsys) -> None:
    shown = show(capsys, 2031)
    assert shown["coverage"] == "not_covered" and shown["complete_years"] == []
    assert main(["calendar", "show", "2031"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("注意：chinesecalendar 未收录 2031 年") and "本年没有调整" in out
    assert main(["calendar", "set", "2031-10-01", "--holiday", "--note", "国庆节"]) == 0
    assert main(["calendar", "complete", "2031"]) == 0
    assert "2031\t已标记为完整录入" in capsys.readouterr().out
    shown = show(capsys, 2031)
    assert shown["coverage"] == "complete" and shown["complete_years"] == [2031]
    assert shown["overrides"] == [{"day": "2031-10-01", "working": False, "note": "国庆节"}]
    assert main(["calendar", "complete", "2031", "--undo", "--no-recompute"]) == 0
    assert show(capsys, 2031)["coverage"] == "not_covered"


def test_bad_input_and_non_admins_are_refused(office_env: str, monkeypatch, capsys) -> None:
    assert main(["calendar", "set", "2025-02-30", "--holiday", "--note", "x"]) == 2
    assert "日期“2025-02-30”无效：请按 YYYY-MM-DD 输入" in capsys.readouterr().err
    assert main(["calendar", "set", "2025-03-05", "--holiday", "--note", " "]) == 2
    assert "请注明调整原因" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        main(["calendar", "set", "2025-03-05", "--working", "--holiday", "--note", "x"])
    assert exit_info.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err
    assert main(["calendar", "clear", "2025-03-09"]) == 1
    assert "2025-03-09 没有调整记录" in capsys.readouterr().err
    assert main(["calendar", "complete", "1999"]) == 2
    assert "年份无效" in capsys.readouterr().err

    as_user(monkeypatch, "sup", "sup-pass-1")
    assert main(["calendar", "set", "2025-03-05", "--holiday", "--note", "本地安排"]) == 1
    assert "只有系统管理员可以修改工作日历" in capsys.readouterr().err
    assert show(capsys, 2025)["overrides"] == []  # case staff may look; nothing was stored
    assert review_due(office_env) == date(2025, 3, 6)
