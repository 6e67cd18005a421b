"""``backoffice authority show | set`` and ``backoffice approval delegate`` from a terminal, on a real data
directory with cases driven through the services."""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from conftest import FAST_KDF, FakeClock, make_user

from backoffice.cli import main

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))  # the shared case-flow helpers

ROOT_PASSWORD = "root-password"


def as_user(monkeypatch: pytest.MonkeyPatch, username: str, password: str) -> None:
    monkeypatch.setenv("BACKOFFICE_USER", username)
    monkeypatch.setenv("BACKOFFICE_PASSWORD", password)


@pytest.fixture
def office_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> Path:
    """A data directory with an administrator, a clerk, approvers of levels 1, 2 and 5, and a supervisor."""
    from sla_support import make_office

    from backoffice.services import auth
    from backoffice.services.context import Backoffice
    from backoffice.settings import load_settings

    monkeypatch.setenv("BACKOFFICE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("BACKOFFICE_DATABASE_URL", raising=False)
    as_user(monkeypatch, "root", ROOT_PASSWORD)
    assert main(["db", "upgrade"]) == 0 and main(["init", "--admin", "root"]) == 0
    bo = Backoffice.open(load_settings(), clock=FakeClock(datetime(2025, 3, 3, 1, 0, tzinfo=UTC)))
    bo.kdf_params = FAST_KDF
    admin = auth.sign_in(bo, "root", ROOT_PASSWORD)
    make_office(bo, admin, bo.clock)  # clerk, boss (level 5), sup
    make_user(admin, "a1", {"approver"}, 1)
    make_user(admin, "a2", {"approver"}, 2)
    bo.close()
    capsys.readouterr()
    return tmp_path


def pending_case(repair: str = "3200.00") -> str:
    """A motor case calculated and submitted for approval, through the services."""
    from sla_support import Office, calculate_at, receive_all_at, register, sh, submit_at

    from backoffice.services import auth
    from backoffice.services.context import Backoffice
    from backoffice.settings import load_settings

    clock = FakeClock(datetime(2025, 3, 3, 1, 0, tzinfo=UTC))
    bo = Backoffice.open(load_settings(), clock=clock)
    bo.kdf_params = FAST_KDF
    try:
        clerk = auth.sign_in(bo, "clerk", "clerk-pass-1")
        office = Office(clock, clerk, None, None, None, counter=int(clock.now.timestamp()) % 1000)
        case_no, case_id = register(office, sh(2025, 3, 4, 9))
        receive_all_at(office, case_no, case_id, sh(2025, 3, 4, 10))
        calculate_at(office, case_no, sh(2025, 3, 4, 11), repair=repair)
        submit_at(office, case_no, sh(2025, 3, 4, 12))
        return case_no
    finally:
        bo.close()


def queue_of(username: str) -> list[tuple[str, int]]:
    """(case number, top level) of each case in ``username``'s approval queue, through the service."""
    from backoffice.services import approvals, auth
    from backoffice.services.context import Backoffice
    from backoffice.settings import load_settings

    bo = Backoffice.open(load_settings())
    bo.kdf_params = FAST_KDF
    try:
        us = auth.sign_in(bo, username, f"{username}-pass-1")
        return [(item.case_no, item.top_level) for item in approvals.queue(us)]
    finally:
        bo.close()


def show_json(capsys) -> dict:
    capsys.readouterr()
    assert main(["authority", "show", "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_show_set_and_the_new_limit_routes_the_next_case(office_env: Path, capsys) -> None:
    shown = show_json(capsys)
    assert shown["version"] == 1 and shown["note"] == "默认权限表" and len(shown["history"]) == 1
    levels = shown["matrix"]
    assert [lv["level"] for lv in levels] == [1, 2, 3, 4, 5]
    assert levels[0]["limits"]["motor"] == "10000" and levels[4]["limits"]["motor"] is None

    assert main(["authority", "show"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("第 1 版\t系统默认\t") and "1\t核赔员\t10,000.00\t10,000.00\t5,000.00" in text
    assert "5\t总公司理赔部\t不限\t不限\t不限\t不限\t是\t是" in text

    levels[0]["limits"]["motor"] = "2000"  # level 1 may now sign motor cases up to 2,000 only
    new = office_env / "matrix.json"
    new.write_text(json.dumps(shown, ensure_ascii=False), encoding="utf-8")  # show's own output is accepted
    assert main(["authority", "set", str(new), "--note", "一级车险权限下调"]) == 0
    assert capsys.readouterr().out.strip().splitlines() == ["权限表已保存，新版本：", "2"]
    again = show_json(capsys)
    assert (
        again["version"] == 2 and again["note"] == "一级车险权限下调" and again["created_by"] == "系统管理员"
    )
    assert [h["version"] for h in again["history"]] == [2, 1]
    assert again["matrix"][0]["limits"]["motor"] == "2000"

    case_no = pending_case("3200.00")  # over the new level-1 limit: levels 1 and 2 must sign
    assert (case_no, 2) in queue_of("a1")


def test_set_refuses_bad_files_and_non_admins_and_saves_nothing(
    office_env: Path, monkeypatch, capsys
) -> None:
    levels = show_json(capsys)["matrix"]
    levels[1]["limits"]["property"] = "5000"  # below level 1's 10,000
    bad = office_env / "bad.json"
    bad.write_text(json.dumps(levels), encoding="utf-8")
    assert main(["authority", "set", str(bad), "--note", "x"]) == 2
    err = capsys.readouterr().err
    assert "authority_matrix" in err and "第2级险类property的权限不能低于下一级" in err

    levels[1]["limits"]["property"] = "-1"
    bad.write_text(json.dumps(levels), encoding="utf-8")
    assert main(["authority", "set", str(bad), "--note", "x"]) == 2
    assert "权限金额无效" in capsys.readouterr().err

    bad.write_text("[{", encoding="utf-8")
    assert main(["authority", "set", str(bad), "--note", "x"]) == 2
    assert "不是有效的 JSON" in capsys.readouterr().err
    assert main(["authority", "set", str(office_env / "missing.json"), "--note", "x"]) == 2
    assert "无法读取文件" in capsys.readouterr().err

    good = office_env / "good.json"
    good.write_text(json.dumps(show_json(capsys)["matrix"]), encoding="utf-8")
    assert main(["authority", "set", str(good), "--note", "  "]) == 2
    assert "请说明修改权限表的原因" in capsys.readouterr().err
    as_user(monkeypatch, "sup", "sup-pass-1")
    assert main(["authority", "set", str(good), "--note", "试试"]) == 1
    assert "只有系统管理员可以修改权限表" in capsys.readouterr().err
    assert main(["authority", "show", "--json"]) == 0  # case staff may read the matrix
    assert json.loads(capsys.readouterr().out)["version"] == 1
    as_user(monkeypatch, "root", ROOT_PASSWORD)
    assert show_json(capsys)["version"] == 1  # nothing was saved


def test_delegate_moves_the_waiting_case(office_env: Path, monkeypatch, capsys) -> None:
    case_no = pending_case()
    assert (case_no, 1) in queue_of("a1")
    assert main(["approval", "delegate", case_no, "--to", "A2", "--reason", "a1 休年假"]) == 0
    assert capsys.readouterr().out.strip() == f"{case_no} → a2"
    assert case_no not in [no for no, _top in queue_of("a1")]
    assert (case_no, 1) in queue_of("a2")

    assert main(["approval", "delegate", case_no, "--to", "clerk", "--reason", "x"]) == 2
    assert "“clerk”不是在岗的核赔人员" in capsys.readouterr().err
    assert main(["approval", "delegate", case_no, "--to", "a1", "--reason", " "]) == 2
    assert "请填写转交原因" in capsys.readouterr().err
    assert main(["approval", "delegate", "NO-SUCH-CASE", "--to", "a1", "--reason", "x"]) == 1
    assert capsys.readouterr().err.strip()
    as_user(monkeypatch, "sup", "sup-pass-1")
    assert main(["approval", "delegate", case_no, "--to", "a1", "--reason", "x"]) == 1
    assert "只有系统管理员可以转交审批" in capsys.readouterr().err
    assert (case_no, 1) in queue_of("a2")  # still with a2
