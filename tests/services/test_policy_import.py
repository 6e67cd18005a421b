"""Policy import from real CSV and XLSX files: bad rows reported, nothing half-imported."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from intake_support import clerk_session
from openpyxl import Workbook
from sqlalchemy import func, select

from backoffice.db.models import Person
from backoffice.db.models_intake import Coverage, Policy
from backoffice.domain.errors import PermissionDenied, ValidationError
from backoffice.services import policies
from backoffice.services.policy_import import import_policies

HEADER = [
    "保单号",
    "险种",
    "险类",
    "被保险人",
    "证件号码",
    "手机号",
    "起保日期",
    "终保日期",
    "保障代码",
    "保障名称",
    "保险金额",
    "免赔额",
    "免赔率",
]
GOOD = [
    [
        "P0001",
        "机动车商业保险",
        "motor",
        "张伟",
        "11010519491231002X",
        "13812345678",
        "2026-01-01",
        "2026-12-31",
        "vehicle_damage",
        "机动车损失保险",
        "150000",
        "0",
        "0",
    ],
    [
        "P0001",
        "机动车商业保险",
        "motor",
        "张伟",
        "11010519491231002X",
        "13812345678",
        "2026-01-01",
        "2026-12-31",
        "third_party",
        "第三者责任保险",
        "1000000",
        "",
        "",
    ],
    [
        "P0002",
        "家庭财产保险",
        "财产险",
        "李娜",
        "440524198001010013",
        "",
        "2026-02-01",
        "2027-01-31",
        "property",
        "房屋及室内财产",
        "500000",
        "500",
        "0",
    ],
]
BAD = [
    [
        "P0003",
        "机动车商业保险",
        "motor",
        "王芳",
        "110105194912310021",
        "",
        "2026-01-01",
        "2026-12-31",
        "vehicle_damage",
        "车损",
        "100000",
        "",
        "",
    ],  # wrong check digit
    [
        "P0004",
        "责任险",
        "liability",
        "赵敏",
        "",
        "",
        "2026-13-01",
        "2026-12-31",
        "",
        "",
        "",
        "",
        "",
    ],  # bad date
    [
        "P0005",
        "财产险",
        "property",
        "孙丽",
        "",
        "",
        "2026-01-01",
        "2026-12-31",
        "property",
        "财产",
        "-5",
        "",
        "",
    ],
]


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows([HEADER, *rows])
    return path


def write_xlsx(path: Path, rows: list[list[str]]) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append([float(v) if v and k in (10, 11) else v for k, v in enumerate(row)])
    book.save(path)
    return path


@pytest.fixture
def clerk(bo, admin):
    return clerk_session(bo, admin)


def counts(bo) -> tuple[int, int, int]:
    with bo.db.unit_of_work(write=False) as db:
        return tuple(db.scalar(select(func.count()).select_from(t)) for t in (Policy, Coverage, Person))


@pytest.mark.parametrize("writer", [write_csv, write_xlsx], ids=["csv", "xlsx"])
def test_good_file_imports_every_policy(bo, clerk, tmp_path, writer) -> None:
    path = writer(tmp_path / f"policies.{'csv' if writer is write_csv else 'xlsx'}", GOOD)
    report = import_policies(clerk, path)
    assert report.ok and report.imported == 2 and report.rows == 3
    assert counts(bo) == (2, 3, 2)
    motor = policies.get_policy(clerk, "P0001")
    assert [c.code for c in motor.coverages] == ["vehicle_damage", "third_party"]
    assert policies.get_policy(clerk, "P0002").line == "property"


@pytest.mark.parametrize("writer", [write_csv, write_xlsx], ids=["csv", "xlsx"])
def test_bad_rows_import_nothing_unless_asked(bo, clerk, tmp_path, writer) -> None:
    path = writer(tmp_path / f"mixed.{'csv' if writer is write_csv else 'xlsx'}", GOOD + BAD)
    report = import_policies(clerk, path)
    assert report.imported == 0
    assert [(e.row, e.field) for e in report.bad_rows] == [
        (5, "id_number"),
        (6, "period_start"),
        (7, "sum_insured"),
    ]
    assert "校验位" in report.bad_rows[0].message and "110105194912310021" not in report.bad_rows[0].message
    assert counts(bo) == (0, 0, 0)
    report = import_policies(clerk, path, skip_bad_rows=True)
    assert report.imported == 2 and len(report.bad_rows) == 3
    assert counts(bo)[0] == 2


def test_inconsistent_policy_rows_and_duplicates(bo, clerk, tmp_path) -> None:
    changed = [*GOOD[0][:1], "另一个险种", *GOOD[0][2:]]
    report = import_policies(clerk, write_csv(tmp_path / "a.csv", [GOOD[0], changed]))
    assert [(e.row, e.field) for e in report.bad_rows] == [(3, "policy_no")]
    import_policies(clerk, write_csv(tmp_path / "b.csv", GOOD))
    again = import_policies(clerk, write_csv(tmp_path / "c.csv", GOOD))
    assert again.imported == 0 and {e.field for e in again.bad_rows} == {"policy_no"}


def test_unreadable_files_are_refused(bo, clerk, tmp_path) -> None:
    with pytest.raises(ValidationError, match="找不到文件"):
        import_policies(clerk, tmp_path / "missing.csv")
    text = tmp_path / "x.txt"
    text.write_text("hello", encoding="utf-8")
    with pytest.raises(ValidationError, match="CSV 或 XLSX"):
        import_policies(clerk, text)
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a zip")
    with pytest.raises(ValidationError, match="已损坏"):
        import_policies(clerk, broken)
    header_only = tmp_path / "h.csv"
    header_only.write_text("保单号,险种\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="缺少必需的列"):
        import_policies(clerk, header_only)
    gbk = tmp_path / "gbk.csv"
    gbk.write_bytes(",".join(HEADER).encode("gbk"))
    with pytest.raises(ValidationError, match="UTF-8"):
        import_policies(clerk, gbk)


def test_admin_cannot_import(bo, admin, tmp_path) -> None:
    with pytest.raises(PermissionDenied):
        import_policies(admin, write_csv(tmp_path / "p.csv", GOOD))
