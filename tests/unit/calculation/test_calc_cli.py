"""``backoffice calc``: in-process through the handler, and as a user runs it (``python -m backoffice``)."""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from backoffice.cli import calc

ROOT = Path(__file__).resolve().parents[3]
BENEFIT = {"method": "benefit", "sum_insured": "1000", "ratio": 0.15}
BENEFIT_TEXT = '{"method": "benefit", "sum_insured": "1000", "ratio": 0.15}'


def run_handler(file: str = "-") -> int:
    parser = argparse.ArgumentParser()
    calc.configure(parser)
    args = parser.parse_args([file])
    return args.handler(args)


def use_stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))


def test_register_adds_the_calc_command_with_a_handler():
    parser = argparse.ArgumentParser()
    calc.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["calc", "input.json"])
    assert args.file == "input.json"
    assert args.handler is calc._run
    assert parser.parse_args(["calc"]).file == "-"


def test_one_object_from_a_file(tmp_path, capsys):
    # the JSON number 0.15 is read as Decimal("0.15"), never as a float: 1 000 × 0.15 = 150.00
    path = tmp_path / "in.json"
    path.write_text(BENEFIT_TEXT, encoding="utf-8")
    assert run_handler(str(path)) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["payable"] == "150.00"
    assert set(out) == {"method", "payable", "parts", "shares", "steps", "warnings"}
    assert out["steps"][-1] == {"label": "给付金额", "formula": "保险金额 1000.00 × 0.15", "value": "150.00"}


def test_list_from_stdin_keeps_chinese_readable(monkeypatch, capsys):
    second = {"method": "coinsurance", "loss": 100, "insurers": [{"name": "甲", "share": "1"}]}
    use_stdin(monkeypatch, json.dumps([BENEFIT, second], ensure_ascii=False))
    assert run_handler("-") == 0
    text = capsys.readouterr().out
    assert "给付比例" in text  # ensure_ascii=False
    assert "  " in text  # indent 2
    out = json.loads(text)
    assert [r["payable"] for r in out] == ["150.00", "100.00"]
    assert out[1]["shares"] == {"甲": "100.00"}


def test_invalid_input_exits_2_naming_the_field(monkeypatch, capsys):
    use_stdin(monkeypatch, '{"method": "property", "sum_insured": "100", "loss": "-5"}')
    assert run_handler() == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.strip() == "输入无效：字段 loss：金额不能为负数"


def test_invalid_item_in_a_list_is_numbered_and_nothing_is_printed(monkeypatch, capsys):
    use_stdin(
        monkeypatch, json.dumps([BENEFIT, {"method": "benefit", "sum_insured": "1", "disability_grade": 12}])
    )
    assert run_handler() == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "第 2 项" in captured.err
    assert "字段 disability_grade" in captured.err


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"method": "benefit",', "JSON 格式错误"),
        ('{"method": "benefit", "sum_insured": NaN, "ratio": 1}', "NaN"),
        ('{"method": "benefit", "method": "property"}', "method"),
        ("", "输入为空"),
        ('"benefit"', "顶层"),
        ("[1]", "第 1 项"),
        ('{"method": "benefit", "sum_insured": 1e400, "ratio": 1}', "sum_insured"),
    ],
)
def test_bad_json_exits_2(monkeypatch, capsys, text, expected):
    use_stdin(monkeypatch, text)
    assert run_handler() == 2
    err = capsys.readouterr().err
    assert err.startswith("输入无效：")
    assert expected in err


def test_unreadable_file_exits_2(tmp_path, capsys):
    assert run_handler(str(tmp_path / "missing.json")) == 2
    assert "无法读取文件" in capsys.readouterr().err
    latin = tmp_path / "latin.json"
    latin.write_bytes(b'{"method": "benefit", "name": "\xe9"}')
    assert run_handler(str(latin)) == 2
    assert "UTF-8" in capsys.readouterr().err


def test_utf8_bom_is_accepted(tmp_path, capsys):
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + BENEFIT_TEXT.encode())
    assert run_handler(str(path)) == 0
    assert json.loads(capsys.readouterr().out)["payable"] == "150.00"


def test_module_entry(tmp_path, capsys):
    path = tmp_path / "in.json"
    path.write_text(BENEFIT_TEXT, encoding="utf-8")
    assert calc.main([str(path)]) == 0
    assert json.loads(capsys.readouterr().out)["payable"] == "150.00"


def test_the_calc_module_loads_no_qt_no_database_no_services():
    code = (
        "import sys, backoffice.cli.calc\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'sqlalchemy')"
        " or m.startswith(('backoffice.services', 'backoffice.db', 'backoffice.ui'))]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_the_engine_imports_nothing_outside_the_domain():
    code = (
        "import sys, backoffice.domain.calculation, backoffice.domain.money\n"
        "ours = [m for m in sys.modules if m.startswith('backoffice.')]\n"
        "bad = [m for m in ours if not m.startswith('backoffice.domain')]\n"
        "bad += [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'sqlalchemy')]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def backoffice(args: list[str], stdin: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "BACKOFFICE_DATA_DIR": str(tmp_path / "data"), "PYTHONIOENCODING": "utf-8"}
    env.pop("BACKOFFICE_DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "backoffice", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env=env,
        timeout=120,
    )


def test_python_m_backoffice_calc_from_stdin(tmp_path):
    done = backoffice(["calc", "-"], BENEFIT_TEXT, tmp_path)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["payable"] == "150.00"


def test_python_m_backoffice_calc_invalid_input(tmp_path):
    done = backoffice(
        ["calc"], '[{"method": "ctpl", "regime": "2020", "vehicles": [], "losses": []}]', tmp_path
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert "字段 vehicles" in done.stderr
    assert "Traceback" not in done.stderr
