"""Sample data and PDF inspection helpers for the printing tests (a helper module, not a test file)."""

from __future__ import annotations

import dataclasses
import subprocess
from datetime import UTC, date, datetime
from io import BytesIO
from pathlib import Path
from typing import Any

import pikepdf

from backoffice.domain.calculation import ENGINE_VERSION, calculate
from backoffice.printing import (
    AcknowledgementData,
    CalculationLine,
    CalculationSheetData,
    Letterhead,
    MissingDocument,
    NoticeData,
    OfficeContact,
    RequiredDocument,
    input_rows,
)

LETTERHEAD = Letterhead(
    company_name="华东安泰财产保险股份有限公司",
    branch_name="江苏分公司",
    hotline="95510",
    website="www.example-insurance.cn",
)
OFFICE = OfficeContact(
    department="理赔服务中心",
    address="江苏省南京市鼓楼区中山北路 88 号安泰大厦 3 楼理赔服务窗口",
    phone="025-83001234",
    office_hours="周一至周五 8:30—17:30（法定节假日除外）",
    postcode="210008",
    handler_name="王晓东",
    handler_phone="025-83001288",
)
PRINTED_AT = datetime(2026, 3, 2, 1, 30, tzinfo=UTC)  # 09:30 in Beijing

CHECKLIST = (
    RequiredDocument("索赔申请书或报案记录"),
    RequiredDocument("保险单或保险单号"),
    RequiredDocument("被保险人身份证明"),
    RequiredDocument("领款人银行账户信息"),
    RequiredDocument("驾驶证"),
    RequiredDocument("行驶证"),
    RequiredDocument("事故认定书或简易程序处理书"),
    RequiredDocument("定损单"),
    RequiredDocument("维修发票"),
    RequiredDocument("现场及车损照片"),
    RequiredDocument("伤残鉴定书", mandatory=False),
)


def acknowledgement(**changes: Any) -> AcknowledgementData:
    data = AcknowledgementData(
        letterhead=LETTERHEAD,
        case_number="2026JS01MO000123",
        reported_at=datetime(2026, 3, 1, 6, 42, tzinfo=UTC),
        channel="客服热线",
        reporter_name="李*",
        reporter_relation="本人",
        insured_name="李*",
        policy_number="PDAA202632010000004567",
        product="机动车商业保险",
        incident_at=datetime(2026, 3, 1, 13, 15),
        incident_place="南京市玄武区龙蟠路与北京东路交叉口",
        incident_cause="碰撞",
        incident_summary="被保险车辆在路口左转时与直行的小型客车发生碰撞，两车前部受损，无人员受伤，交警已出具简易程序处理书。",
        received_by="赵敏",
        documents=CHECKLIST,
        contact=OFFICE,
        printed_at=PRINTED_AT,
        issued_on=date(2026, 3, 1),
    )
    return dataclasses.replace(data, **changes)


NOTICE_ITEMS = (
    MissingDocument("驾驶证", remark="正副本，需在有效期内"),
    MissingDocument("事故认定书或简易程序处理书", original_required=True, remark="交警部门出具"),
    MissingDocument("维修发票", original_required=True, remark="发票抬头须为被保险人"),
    MissingDocument("领款人银行账户信息", remark="银行卡正面复印件，户名须与领款人一致"),
)


def notice(missing: tuple[MissingDocument, ...] = NOTICE_ITEMS, **changes: Any) -> NoticeData:
    data = NoticeData(
        letterhead=LETTERHEAD,
        notice_number="GZ-2026-000457",
        notice_date=date(2026, 3, 2),
        addressee_name="李*",
        case_number="2026JS01MO000123",
        policy_number="PDAA202632010000004567",
        missing=missing,
        office=OFFICE,
        channels=("到理赔服务窗口递交", "邮寄至上述地址", "通过理赔 APP 拍照上传（原件须另行寄送）"),
        printed_at=PRINTED_AT,
        insured_name="李*",
        incident_date=date(2026, 3, 1),
    )
    return dataclasses.replace(data, **changes)


def many_missing(count: int) -> tuple[MissingDocument, ...]:
    return tuple(
        MissingDocument(
            f"补充材料第{n}号：医疗费用清单及相关票据", original_required=n % 3 == 0, remark=f"备注说明{n}"
        )
        for n in range(1, count + 1)
    )


PROPERTY_INPUT: dict[str, Any] = {
    "method": "property",
    "sum_insured": "80000",
    "insured_value": "100000",
    "loss": "30000",
    "salvage": "1000",
    "rescue_cost": "2000",
    "deductible": {"type": "absolute", "amount": "500"},
}
CONTRIBUTION_INPUT: dict[str, Any] = {
    "method": "contribution",
    "loss": "12345.67",
    "insurers": [
        {"name": "甲保险公司", "sum_insured": "50000"},
        {"name": "乙保险公司", "sum_insured": "30000"},
    ],
    "rule": "proportional",
}

#: One input per method family and clause version (shapes from issue 5), for sheets with every kind of step.
METHOD_INPUTS: dict[str, dict[str, Any]] = {
    "财产基本险（相对免赔）": {
        "method": "property",
        "sum_insured": "80000",
        "insured_value": "100000",
        "loss": "30000",
        "salvage": "1000",
        "rescue_cost": "2000",
        "deductible": {"type": "relative", "rate": "0.05", "base": "sum_insured"},
    },
    "财产综合险（第一危险）": {
        "method": "property",
        "sum_insured": "20000",
        "loss": "30000",
        "basis": "first_loss",
        "rescue_cost": "30000",
    },
    "重复保险（独立责任限额）": {
        "method": "contribution",
        "loss": "10000",
        "insurers": [
            {"name": "甲保险公司", "sum_insured": "6000"},
            {"name": "乙保险公司", "sum_insured": "9000"},
        ],
        "rule": "limit",
    },
    "共保": {
        "method": "coinsurance",
        "loss": "10000",
        "insurers": [{"name": "主承保人", "share": "0.6"}, {"name": "共保人", "share": "0.4"}],
    },
    "交强险": {
        "method": "ctpl",
        "regime": "2020",
        "vehicles": [{"id": "A", "liable": True}, {"id": "B", "liable": False, "units": 2}],
        "losses": [
            {"victim": "B", "category": "property", "amount": "5000"},
            {"victim": "行人", "category": "medical", "amount": "30000"},
            {"victim": "行人", "category": "death_disability", "amount": "400000"},
        ],
        "no_fault_proxy": True,
    },
    "机动车损失保险（2014 版）": {
        "method": "motor_damage",
        "clause": "2014",
        "sum_insured": "100000",
        "new_vehicle_price": "125000",
        "new_vehicle_price_at_loss": "120000",
        "months_used": "30",
        "monthly_depreciation_rate": "0.006",
        "repair_cost": "20000",
        "salvage": "500",
        "liability_ratio": "0.7",
        "deductible_rates": ["0.15", "0.10"],
        "absolute_deductible": "500",
        "ctpl_received": "2000",
        "rescue_cost": "1000",
        "cargo_value": "5000",
    },
    "机动车损失保险（2020 版，全损）": {
        "method": "motor_damage",
        "clause": "2020",
        "sum_insured": "80000",
        "repair_cost": "90000",
        "salvage": "3000",
    },
    "机动车第三者责任保险": {
        "method": "motor_third_party",
        "clause": "2014",
        "loss": "300000",
        "ctpl_paid": "20000",
        "liability_ratio": "0.7",
        "limit": "200000",
        "deductible_rates": ["0.15"],
    },
    "医疗费用": {
        "method": "medical",
        "expenses": "20000",
        "social_insurance_paid": "8000",
        "excluded": "1000",
        "deductible": "500",
        "ratio": "0.8",
        "limit": "50000",
    },
    "医疗费用（分项）": {
        "method": "medical",
        "tiers": [
            {"name": "目录内", "amount": "10000", "deductible": "100", "ratio": "0.9", "limit": "20000"},
            {"name": "目录外", "amount": "5000", "deductible": "0", "ratio": "0.5", "limit": "2000"},
        ],
    },
    "意外伤残": {"method": "benefit", "sum_insured": "100000", "disability_grade": 7},
    "公众责任": {
        "method": "liability",
        "claimants": [{"name": "甲", "amount": "80000"}, {"name": "乙", "amount": "30000"}],
        "per_person_limit": "50000",
        "per_accident_limit": "60000",
        "aggregate_remaining": "55000",
        "deductible": "1000",
    },
}


def every_method_sheet() -> CalculationSheetData:
    lines = tuple(line_for(coverage, data) for coverage, data in METHOD_INPUTS.items())
    return sheet(lines=lines, case_number="2026JS01MX000999", line_of_business="综合")


def line_for(coverage: str, data: dict[str, Any]) -> CalculationLine:
    result = calculate(data)
    return CalculationLine.from_result(
        coverage,
        result,
        input_rows(data),
        ENGINE_VERSION,
        calculated_at=datetime(2026, 3, 5, 2, 0, tzinfo=UTC),
    )


def sheet(**changes: Any) -> CalculationSheetData:
    data = CalculationSheetData(
        letterhead=LETTERHEAD,
        case_number="2026JS01PR000045",
        insured_name="南京某*贸易有限公司",
        policy_number="PQAA202632010000001234",
        line_of_business="财产保险",
        lines=(line_for("财产基本险", PROPERTY_INPUT), line_for("重复保险分摊", CONTRIBUTION_INPUT)),
        printed_at=PRINTED_AT,
        product="财产基本险（2009 版）",
        incident_date=date(2026, 2, 20),
        sheet_number="第 1 版",
        prepared_by="陈理算",
        prepared_on=date(2026, 3, 5),
        reviewed_by="",
        reviewed_on=None,
    )
    return dataclasses.replace(data, **changes)


# -- inspecting PDFs ------------------------------------------------------------------------------


def pdf_text(pdf: bytes, first: int | None = None, last: int | None = None) -> str:
    args = ["pdftotext", "-enc", "UTF-8"]
    if first is not None:
        args += ["-f", str(first)]
    if last is not None:
        args += ["-l", str(last)]
    done = subprocess.run([*args, "-", "-"], input=pdf, capture_output=True, check=True)
    return done.stdout.decode("utf-8")


def page_count(pdf: bytes) -> int:
    with pikepdf.open(BytesIO(pdf)) as doc:
        return len(doc.pages)


def _fonts_of(resources: pikepdf.Object, seen: set[tuple[int, int]]) -> list[pikepdf.Object]:
    """Every font reachable from a /Resources dictionary (form XObjects and Type 3 fonts included)."""
    found: list[pikepdf.Object] = []
    if resources is None or not isinstance(resources, pikepdf.Dictionary):
        return found
    fonts = resources.get("/Font")
    if isinstance(fonts, pikepdf.Dictionary):
        for _, font in fonts.items():
            found.append(font)
            if font.get("/Subtype") == "/Type3":
                found.extend(_fonts_of(font.get("/Resources"), seen))
    xobjects = resources.get("/XObject")
    if isinstance(xobjects, pikepdf.Dictionary):
        for _, xobject in xobjects.items():
            key = xobject.objgen
            if key in seen:
                continue
            seen.add(key)
            if xobject.get("/Subtype") == "/Form":
                found.extend(_fonts_of(xobject.get("/Resources"), seen))
    return found


def _embedded(font: pikepdf.Object) -> bool:
    subtype = font.get("/Subtype")
    if subtype == "/Type3":
        return True  # glyphs are content streams
    if subtype == "/Type0":
        return all(_embedded(d) for d in font.get("/DescendantFonts", []))
    descriptor = font.get("/FontDescriptor")
    if descriptor is None:
        return False
    return any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))


def non_embedded_fonts(pdf: bytes) -> list[str]:
    """Base names of the fonts any page uses without embedding them (empty when all is well)."""
    bad: list[str] = []
    with pikepdf.open(BytesIO(pdf)) as doc:
        seen: set[tuple[int, int]] = set()
        for page in doc.pages:
            for font in _fonts_of(page.obj.get("/Resources"), seen):
                if not _embedded(font):
                    bad.append(str(font.get("/BaseFont")))
    return bad


def font_names(pdf: bytes) -> set[str]:
    names: set[str] = set()
    with pikepdf.open(BytesIO(pdf)) as doc:
        for page in doc.pages:
            for font in _fonts_of(page.obj.get("/Resources"), set()):
                names.add(str(font.get("/BaseFont")))
    return names


def render_png(pdf: bytes, out: Path, page: int = 1, dpi: int = 60) -> Path:
    """Render one page with pdftoppm; return the PNG's path."""
    stem = out.with_suffix("")
    subprocess.run(
        ["pdftoppm", "-png", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile", "-", str(stem)],
        input=pdf,
        check=True,
        capture_output=True,
    )
    return stem.with_suffix(".png")


def stray_ink(image: Any, margin_mm: float = 19.0, dpi: int = 60) -> list[tuple[int, int]]:
    """Dark pixels left of the left margin or right of the right margin (text cut off or overflowing).

    The page's margins are 20 mm; ``margin_mm`` leaves a millimetre for anti-aliasing.
    """
    grey = image.convert("L")
    width, height = grey.size
    edge = round(margin_mm / 25.4 * dpi)
    pixels = grey.load()
    found: list[tuple[int, int]] = []
    for y in range(height):
        for x in (*range(edge), *range(width - edge, width)):
            if pixels[x, y] < 160:
                found.append((x, y))
                if len(found) >= 10:
                    return found
    return found
