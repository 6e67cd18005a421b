"""The month's KPIs as an XLSX workbook (openpyxl): one sheet per dimension plus the definitions.

No personal data is in it (groups are lines, teams and staff names). Written to a temporary name and
renamed, and audited like every file that leaves the system.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

from backoffice.domain.errors import ValidationError
from backoffice.domain.kpi import DEFINITIONS, UNIT_SUFFIX, Unit
from backoffice.security.roles import Permission
from backoffice.services import audit
from backoffice.services.context import UserSession
from backoffice.services.guard import require
from backoffice.services.kpis import DIMENSIONS, KpiReport, monthly_kpis

HEADER = ["分组", "指标", "数值", "单位", "目标", "是否达标", "分子", "分母"]


def workbook_bytes(report: KpiReport) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    book = Workbook()
    first = True
    for dimension, title in DIMENSIONS.items():
        sheet = book.active if first else book.create_sheet()
        first = False
        sheet.title = f"按{title}"
        sheet.append([f"{report.branch} {report.month} 考核指标（{title}）"])
        sheet.append(HEADER)
        for cell in sheet[2]:
            cell.font = Font(bold=True)
        for row in report.rows:
            if row.dimension != dimension:
                continue
            met = {True: "达标", False: "未达标", None: "—"}[row.met]
            sheet.append(
                [
                    row.group,
                    row.label,
                    float(row.value) if row.value is not None else None,
                    UNIT_SUFFIX[Unit(row.unit)],
                    float(row.target) if row.target is not None else None,
                    met,
                    row.numerator,
                    row.denominator,
                ]
            )
            if row.met is False:
                sheet.cell(sheet.max_row, 6).fill = PatternFill("solid", fgColor="FFCDD2")
        for column, width in zip("ABCDEFGH", (26, 16, 10, 10, 8, 10, 10, 10), strict=True):
            sheet.column_dimensions[column].width = width
    notes = book.create_sheet("指标定义")
    notes.append(["指标", "分子", "分母", "目标", "单位"])
    for definition in DEFINITIONS.values():
        notes.append(
            [
                definition.label,
                definition.numerator,
                definition.denominator,
                float(definition.target) if definition.target is not None else None,
                UNIT_SUFFIX[definition.unit],
            ]
        )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def export_kpis(us: UserSession, month: str, target: Path) -> Path:
    role = require(us, Permission.VIEW_KPIS, "kpi.export", "只有主管和审计员可以导出考核指标。", "kpi")
    if target.suffix.lower() != ".xlsx":
        raise ValidationError("file", "考核指标只能导出为 XLSX 文件。")
    data = workbook_bytes(monthly_kpis(us, month))
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, target)
    with us.bo.db.unit_of_work() as db:
        audit.record(db, us, "kpi.export", role=role, object_type="kpi", object_id=month)
    return target
