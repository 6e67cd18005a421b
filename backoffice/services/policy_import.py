"""Policy import from CSV or XLSX: every row checked first; never half an import.

One row per coverage; rows with the same policy number form one policy, whose policy-level columns must
agree. A file with bad rows imports nothing, unless the caller asks to import only the good policies (a
policy with any bad row is left out whole). Everything imported goes in one transaction.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path

from sqlalchemy import select

from backoffice.db.models_intake import Policy
from backoffice.domain.errors import ValidationError
from backoffice.security.roles import Permission
from backoffice.services import audit
from backoffice.services.context import UserSession
from backoffice.services.guard import require
from backoffice.services.people import PersonInput, validated_person
from backoffice.services.policies import (
    LINE_LABELS,
    CoverageInput,
    PolicyInput,
    add_policy_rows,
    validate_policy,
)

# column → accepted header names (English key first, then Chinese)
COLUMNS: dict[str, tuple[str, ...]] = {
    "policy_no": ("policy_no", "保单号"),
    "product": ("product", "险种"),
    "line": ("line", "险类"),
    "insured_name": ("insured_name", "被保险人"),
    "insured_id_number": ("insured_id_number", "证件号码"),
    "insured_mobile": ("insured_mobile", "手机号"),
    "period_start": ("period_start", "起保日期"),
    "period_end": ("period_end", "终保日期"),
    "insured_value": ("insured_value", "保险价值"),
    "new_vehicle_price": ("new_vehicle_price", "新车购置价"),
    "vehicle_plate": ("vehicle_plate", "车牌号"),
    "coverage_code": ("coverage_code", "保障代码"),
    "coverage_name": ("coverage_name", "保障名称"),
    "sum_insured": ("sum_insured", "保险金额"),
    "deductible": ("deductible", "免赔额"),
    "deductible_rate": ("deductible_rate", "免赔率"),
    "per_person_limit": ("per_person_limit", "每人限额"),
}
REQUIRED = ("policy_no", "product", "line", "insured_name", "period_start", "period_end")
POLICY_LEVEL = (
    "product",
    "line",
    "insured_name",
    "insured_id_number",
    "insured_mobile",
    "period_start",
    "period_end",
    "insured_value",
    "new_vehicle_price",
    "vehicle_plate",
)
LINE_ALIASES = {
    **{k: k for k in LINE_LABELS},
    **{v: k for k, v in LINE_LABELS.items()},
    "车险": "motor",
    "财产险": "property",
    "健康险": "health_accident",
    "意外险": "health_accident",
}
MAX_ROWS = 100_000


@dataclass(frozen=True)
class RowError:
    row: int  # the spreadsheet's row number (the header is row 1)
    field: str
    message: str


@dataclass(frozen=True)
class ImportReport:
    rows: int
    policies: int
    bad_rows: tuple[RowError, ...]
    imported: int

    @property
    def ok(self) -> bool:
        return not self.bad_rows


def _cells(path: Path) -> Iterator[list[object]]:
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook

        try:
            book = load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds for a damaged file
            raise ValidationError("file", "无法读取这个 Excel 文件：文件已损坏或不是 XLSX 格式。") from exc
        try:
            for row in book.worksheets[0].iter_rows(values_only=True):
                yield list(row)
        finally:
            book.close()
    elif suffix == ".csv":
        try:
            with path.open(encoding="utf-8-sig", newline="") as fh:
                yield from csv.reader(fh)
        except UnicodeDecodeError:
            raise ValidationError(
                "file", "CSV 文件不是 UTF-8 编码：请在 Excel 中另存为“CSV UTF-8”后再导入。"
            ) from None
    else:
        raise ValidationError("file", "只能导入 CSV 或 XLSX 文件。")


def read_rows(path: Path) -> list[tuple[int, dict[str, object]]]:
    """(row number, {column: raw value}) for every non-empty data row."""
    if not path.is_file():
        raise ValidationError("file", "找不到文件 {name}。", name=path.name)
    rows = _cells(path)
    header = next(rows, None)
    if header is None:
        raise ValidationError("file", "文件是空的。")
    names = [str(h).strip() if h is not None else "" for h in header]
    index: dict[str, int] = {}
    for column, aliases in COLUMNS.items():
        for i, name in enumerate(names):
            if name in aliases:
                index[column] = i
    missing = [c for c in REQUIRED if c not in index]
    if missing:
        raise ValidationError("file", "表头缺少必需的列：{cols}。", cols=", ".join(missing))
    result = []
    for number, cells in enumerate(rows, start=2):
        if number - 1 > MAX_ROWS:
            raise ValidationError("file", "一次最多导入 {n} 行：请把文件拆开。", n=MAX_ROWS)
        values = {c: (cells[i] if i < len(cells) else None) for c, i in index.items()}
        if all(v is None or str(v).strip() == "" for v in values.values()):
            continue
        result.append((number, values))
    return result


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _decimal(value: object, field: str, *, optional: bool = True) -> Decimal | None:
    text = _text(value).replace(",", "")
    if not text:
        if optional:
            return None
        raise ValidationError(field, "缺少金额。")
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise ValidationError(field, "“{value}”不是有效的数字。", value=text[:20]) from None
    if not amount.is_finite() or amount < 0:
        raise ValidationError(field, "金额不能为负数。")
    return amount


def _date(value: object, field: str) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _text(value).replace("/", "-").replace(".", "-")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValidationError(field, "“{value}”不是有效日期（应为 YYYY-MM-DD）。", value=text[:20]) from None


def _policy_key(values: dict[str, object]) -> tuple[str, ...]:
    return tuple(_text(values.get(c)) for c in POLICY_LEVEL)


def _coverage(values: dict[str, object]) -> CoverageInput | None:
    code = _text(values.get("coverage_code"))
    if not code:
        return None
    return CoverageInput(
        code=code,
        name=_text(values.get("coverage_name")) or code,
        sum_insured=_decimal(values.get("sum_insured"), "sum_insured"),
        deductible=_decimal(values.get("deductible"), "deductible") or Decimal(0),
        deductible_rate=_decimal(values.get("deductible_rate"), "deductible_rate") or Decimal(0),
        per_person_limit=_decimal(values.get("per_person_limit"), "per_person_limit"),
    )


def _policy(first: dict[str, object], coverages: tuple[CoverageInput, ...], today: date) -> PolicyInput:
    for column in REQUIRED:
        if not _text(first.get(column)):
            raise ValidationError(column, "此列不能为空。")
    line = LINE_ALIASES.get(_text(first["line"]))
    if line is None:
        raise ValidationError(
            "line",
            "险类“{value}”无效：应为 motor、property、health_accident 或 liability。",
            value=_text(first["line"])[:20],
        )
    insured = validated_person(
        PersonInput(
            full_name=_text(first["insured_name"]),
            id_number=_text(first.get("insured_id_number")) or None,
            mobile=_text(first.get("insured_mobile")) or None,
        ),
        today,
    )
    data = PolicyInput(
        policy_no=_text(first["policy_no"]),
        product=_text(first["product"]),
        line=line,
        insured=insured,
        period_start=_date(first["period_start"], "period_start"),
        period_end=_date(first["period_end"], "period_end"),
        coverages=coverages,
        insured_value=_decimal(first.get("insured_value"), "insured_value"),
        new_vehicle_price=_decimal(first.get("new_vehicle_price"), "new_vehicle_price"),
        vehicle_plate=_text(first.get("vehicle_plate")) or None,
    )
    validate_policy(data)
    return data


def _check_group(
    group: list[tuple[int, dict[str, object]]], today: date
) -> tuple[PolicyInput | None, list[RowError]]:
    problems: list[RowError] = []
    coverages: list[CoverageInput] = []
    for number, values in group:
        try:
            coverage = _coverage(values)
        except ValidationError as exc:
            problems.append(RowError(number, exc.field, exc.format()))
        else:
            if coverage is not None:
                coverages.append(coverage)
    if problems:
        return None, problems
    try:
        return _policy(group[0][1], tuple(coverages), today), []
    except ValidationError as exc:
        return None, [RowError(group[0][0], exc.field, exc.format())]


def check_file(
    us: UserSession, path: Path
) -> tuple[list[tuple[list[int], PolicyInput]], list[RowError], int]:
    """Parse and check every row: (good policies with their row numbers, bad rows, number of rows)."""
    rows = read_rows(path)
    groups: dict[str, list[tuple[int, dict[str, object]]]] = {}
    for number, values in rows:
        groups.setdefault(_text(values.get("policy_no")), []).append((number, values))
    today = us.bo.today()
    good: list[tuple[list[int], PolicyInput]] = []
    bad: list[RowError] = []
    with us.bo.db.unit_of_work(write=False) as db:
        existing = set(
            db.execute(select(Policy.policy_no).where(Policy.policy_no.in_(list(groups)))).scalars()
        )
    for number_text, group in groups.items():
        numbers = [n for n, _ in group]
        problems: list[RowError] = []
        if not number_text:
            problems += [RowError(n, "policy_no", "保单号不能为空。") for n in numbers]
        elif number_text in existing:
            problems.append(RowError(numbers[0], "policy_no", f"保单号 {number_text} 已经登记过。"))
        keys = {_policy_key(values) for _, values in group}
        if len(keys) > 1:
            problems += [RowError(n, "policy_no", "同一保单的各行保单信息不一致。") for n in numbers[1:]]
        data = None
        if not problems:
            data, problems = _check_group(group, today)
        if problems:
            bad += problems
        elif data is not None:
            good.append((numbers, data))
    return good, sorted(bad, key=lambda e: e.row), len(rows)


def import_policies(us: UserSession, path: Path, *, skip_bad_rows: bool = False) -> ImportReport:
    role = require(
        us, Permission.EDIT_POLICIES, "policy.import", "只有理赔内勤或主管可以导入保单。", "policy"
    )
    good, bad, total = check_file(us, path)
    if bad and not skip_bad_rows:
        return ImportReport(total, len(good) + len({e.row for e in bad}), tuple(bad), 0)
    with us.bo.db.unit_of_work() as db:
        for _numbers, data in good:
            add_policy_rows(db, us, data)
        audit.record(
            db,
            us,
            "policy.import",
            role=role,
            object_type="policy",
            reason=f"imported={len(good)} bad_rows={len(bad)}",
        )
    return ImportReport(total, len(good), tuple(bad), len(good))
