"""Demo policies and cases for chapter 2 of the user guide (报案登记与单证收集), made through the services.

``seed_cases(us)`` is called by tools/screenshots.py with the clock fixed at ``NOW``, so that the pictures
show the same dates and case numbers on every run.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from PIL import Image, ImageDraw

from backoffice.services.attachments import add_attachment
from backoffice.services.cases import get_case
from backoffice.services.checklists import Receipt, receive_item
from backoffice.services.contact_log import add_contact
from backoffice.services.context import UserSession
from backoffice.services.intake import LossInput, ReportInput, register_report
from backoffice.services.people import PersonInput
from backoffice.services.policies import CoverageInput, PolicyInput, create_policy

NOW = datetime(2026, 3, 2, 1, 30, tzinfo=UTC)  # 09:30 in Shanghai
OVERRIDES = {"duplicate": "同日另一起事故", "late_report": "客户住院，家属代为报案"}


@dataclass(frozen=True)
class DemoPolicy:
    number: str
    product: str
    line: str
    insured: PersonInput
    coverages: tuple[CoverageInput, ...]


MOTOR, PROPERTY, ACCIDENT = (
    DemoPolicy(
        "PDAA202611000001",
        "机动车商业保险",
        "motor",
        PersonInput("张伟", "11010519491231002X", "13812345678"),
        (
            CoverageInput("vehicle_damage", "机动车损失保险", Decimal("150000")),
            CoverageInput("third_party", "第三者责任保险", Decimal("1000000")),
            CoverageInput("driver", "车上人员责任保险（司机）", Decimal("50000")),
        ),
    ),
    DemoPolicy(
        "PQYC202631000007",
        "企业财产综合险",
        "property",
        PersonInput("李娜", "440305198803150026", "13923456789"),
        (CoverageInput("property", "财产损失", Decimal("2000000"), deductible=Decimal("1000")),),
    ),
    DemoPolicy(
        "PEAC202621000015",
        "个人意外伤害保险",
        "health_accident",
        PersonInput("王磊", "320102199002280012", "13687654321"),
        (CoverageInput("medical", "意外医疗", Decimal("50000"), deductible=Decimal("100")),),
    ),
)
RECEIVED = {  # title: (original, pages)
    "索赔申请书或报案记录": (True, 1),
    "保险单或保险单号": (False, 2),
    "被保险人身份证明": (False, 2),
    "驾驶证": (False, 1),
    "行驶证": (False, 1),
}


def _report(policy: DemoPolicy, hours_ago: float, **changes: object) -> ReportInput:
    values: dict[str, object] = {
        "policy_no": policy.number,
        "channel": "hotline",
        "reporter_name": policy.insured.full_name,
        "reporter_relation": "self",
        "reporter_phone": policy.insured.mobile,
        "reported_at": NOW - timedelta(hours=max(0.5, hours_ago - 2)),
        "incident_at": NOW - timedelta(hours=hours_ago),
        "incident_place": "北京市朝阳区建国路与东三环交叉口",
        "cause": "collision",
        "estimated_loss": Decimal("3200"),
        "overrides": OVERRIDES,
    }
    values.update(changes)
    return ReportInput(**values)  # type: ignore[arg-type]


def _scan(path: Path) -> Path:
    image = Image.new("RGB", (900, 600), (236, 238, 232))
    draw = ImageDraw.Draw(image)
    draw.rectangle((60, 60, 840, 540), outline=(90, 90, 90), width=4)
    for y in range(120, 520, 36):
        draw.line((100, y, 800, y), fill=(150, 150, 150), width=2)
    image.save(path, "JPEG", quality=80)
    return path


def seed_cases(us: UserSession) -> str:
    """Three policies, five cases across lines; returns the case shown in the documents picture."""
    for p in (MOTOR, PROPERTY, ACCIDENT):
        period = (date(2026, 1, 1), date(2026, 12, 31))
        create_policy(us, PolicyInput(p.number, p.product, p.line, p.insured, *period, p.coverages))
    shown = register_report(
        us,
        _report(
            MOTOR,
            26,
            estimated_loss=Decimal("8600"),
            narrative="雨天追尾前车，前保险杠、大灯受损",
            losses=(
                LossInput("property", "前保险杠", 1, Decimal("3600")),
                LossInput("property", "左前大灯", 1, Decimal("5000")),
            ),
        ),
    )
    fire = _report(
        PROPERTY,
        80,
        cause="fire",
        channel="agent",
        estimated_loss=Decimal("186000"),
        incident_place="深圳市南山区仓库",
    )
    register_report(us, fire)
    injury = (LossInput("injury", "王磊", body_part="右臂", severity="minor"),)
    register_report(us, _report(ACCIDENT, 5, cause="accident", estimated_loss=Decimal("2400"), losses=injury))
    register_report(us, _report(MOTOR, 3, cause="glass", estimated_loss=Decimal("1800")))
    register_report(us, _report(PROPERTY, 30, cause="water", estimated_loss=Decimal("9500")))

    detail = get_case(us, shown.case_no)
    photos = None
    for item in detail.checklist:
        if item.title in RECEIVED:
            original, pages = RECEIVED[item.title]
            receipt = Receipt(NOW - timedelta(minutes=40), original, pages, "张伟本人")
            receive_item(us, detail.id, item.id, receipt, expected_version=item.version)
        if item.title == "现场及车损照片":
            photos = item.id
    with tempfile.TemporaryDirectory() as tmp:
        add_attachment(us, _scan(Path(tmp) / "车损照片.jpg"), owner_type="checklist_item", owner_id=photos)
    add_contact(
        us,
        detail.id,
        channel="phone",
        direction="out",
        summary="电话告知客户需补交维修发票和事故认定书",
        at=NOW - timedelta(minutes=20),
    )
    return shown.case_no
