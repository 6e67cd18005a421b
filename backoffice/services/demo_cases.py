"""Demo policies and cases at every stage, driven through the same services a user goes through.

Deterministic for a given seed: policies across the four lines, reports with losses, received documents,
scan-like attachments, calculations, approvals escalating up to levels 3–5, returns, denials, payments,
closings and withdrawals.
"""

from __future__ import annotations

import io
import random
import tempfile
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from backoffice.domain.demo_data import random_bank_card, random_person
from backoffice.services import (
    approvals,
    attachments,
    calculations,
    cases,
    checklists,
    intake,
    payments,
    policies,
)
from backoffice.services.calculations import LineInput
from backoffice.services.context import UserSession
from backoffice.services.intake import LossInput, OverrideRequired, ReportInput
from backoffice.services.people import PersonInput
from backoffice.services.policies import CoverageInput, PolicyInput

LINES = ("motor", "motor", "motor", "property", "health_accident", "liability")
CAUSES = {
    "motor": ("collision", "collision", "theft", "natural_disaster", "glass"),
    "property": ("fire", "weather", "water", "theft"),
    "health_accident": ("accident", "illness"),
    "liability": ("third_party_injury", "property_damage"),
}
PLACES = (
    "北京市朝阳区建国路",
    "上海市浦东新区世纪大道",
    "广州市天河区天河路",
    "杭州市西湖区文三路",
    "南京市鼓楼区中山路",
    "成都市武侯区人民南路",
    "武汉市江汉区解放大道",
    "济南市历下区泉城路",
)
NARRATIVES = {
    "collision": "倒车时与后方车辆发生碰撞，后保险杠受损",
    "theft": "车辆停放期间被盗",
    "natural_disaster": "暴雨致车辆涉水熄火",
    "glass": "行驶中前挡风玻璃被飞石击碎",
    "fire": "厨房起火，部分家具及电器烧毁",
    "weather": "台风致屋顶漏水，室内财产受损",
    "water": "楼上管道破裂，室内地板及墙面受损",
    "accident": "下楼时摔倒致右腿骨折",
    "illness": "急性阑尾炎住院手术",
    "third_party_injury": "顾客在店内滑倒受伤",
    "property_damage": "施工中损坏相邻建筑外墙",
}
# target stage → weight
STAGES = {
    "registered": 14,
    "materials_complete": 8,
    "calculated": 8,
    "pending_approval": 10,
    "returned": 5,
    "approved": 8,
    "paid": 10,
    "closed": 27,
    "denied": 5,
    "withdrawn": 5,
}
COVERAGE = {
    "motor": ("vehicle_damage", "机动车损失保险", "motor_damage"),
    "property": ("property", "财产基本险", "property"),
    "health_accident": ("medical", "意外医疗保险", "medical"),
    "liability": ("public_liability", "公众责任保险", "liability"),
}


@dataclass
class DemoStaff:
    clerk: UserSession
    approvers: dict[int, UserSession]
    password: str
    counts: dict[str, int] = field(default_factory=dict)


def _scan(rng: random.Random, directory: Path) -> Path:
    """A small scan-like JPEG: a grey page with a few dark 'text lines'."""
    from PIL import Image, ImageDraw

    image = Image.new("L", (620, 877), 235 + rng.randint(0, 15))
    draw = ImageDraw.Draw(image)
    for row in range(60, 820, 28):
        draw.rectangle((50, row, 50 + rng.randint(200, 520), row + 9), fill=rng.randint(40, 90))
    path = directory / f"scan-{rng.randint(0, 10**9)}.jpg"
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=70)
    path.write_bytes(buffer.getvalue())
    return path


def _policy(staff: DemoStaff, rng: random.Random, number: int, line: str, today: date) -> str:
    person = random_person(rng)
    code, name, _method = COVERAGE[line]
    start = today - timedelta(days=rng.randint(40, 330))
    si = Decimal(rng.choice((50_000, 100_000, 200_000, 300_000, 500_000, 1_000_000)))
    data = PolicyInput(
        policy_no=f"DEMO{line[:2].upper()}{today.year}{number:06d}",
        product={
            "motor": "机动车商业保险",
            "property": "家庭财产保险",
            "health_accident": "团体意外伤害保险",
            "liability": "公众责任保险",
        }[line],
        line=line,
        insured=PersonInput(full_name=person.name, id_number=person.id_number, mobile=person.mobile),
        period_start=start,
        period_end=start + timedelta(days=364),
        coverages=(CoverageInput(code, name, si, Decimal(rng.choice((0, 0, 500, 1000)))),),
        new_vehicle_price=si * Decimal("1.2") if line == "motor" else None,
        insured_value=si if line == "property" else None,
    )
    return policies.create_policy(staff.clerk, data).policy_no


def _report(rng: random.Random, policy_no: str, line: str, now: datetime, period_start: date) -> ReportInput:
    cause = rng.choice(CAUSES[line])
    earliest = max(now - timedelta(days=300), datetime.combine(period_start, datetime.min.time(), now.tzinfo))
    span = max(int((now - earliest).total_seconds()) - 7200, 3600)
    incident = earliest + timedelta(seconds=rng.randint(0, span))
    reported = min(incident + timedelta(hours=rng.choice((1, 2, 5, 20, 30, 70))), now - timedelta(minutes=5))
    big = rng.random() < 0.15
    estimated = (
        Decimal(rng.randint(300_00, 45_000_00) if not big else rng.randint(60_000_00, 450_000_00)) / 100
    )
    injury = line in ("health_accident", "liability") and rng.random() < 0.6
    person = random_person(rng)
    losses = (
        (LossInput("injury", person.name, 1, estimated, "右腿", rng.choice(("minor", "serious"))),)
        if injury
        else (LossInput("property", NARRATIVES[cause][:10], 1, estimated),)
    )
    return ReportInput(
        policy_no=policy_no,
        channel=rng.choice(("hotline", "hotline", "web", "agent", "walk_in")),
        reporter_name=person.name,
        reporter_relation=rng.choice(("self", "family", "agent")),
        reporter_phone=person.mobile,
        reported_at=reported,
        incident_at=incident,
        incident_place=f"{rng.choice(PLACES)}{rng.randint(1, 300)}号附近",
        cause=cause,
        estimated_loss=estimated,
        narrative=NARRATIVES[cause],
        losses=losses,
    )


def _register(staff: DemoStaff, data: ReportInput) -> intake.Registered:
    try:
        return intake.register_report(staff.clerk, data)
    except OverrideRequired as exc:
        reasons = {
            "late_report": "客户在外地，返回后报案",
            "duplicate": "同日另一起事故",
            "outside_period": "客户坚持报案，待核实",
        }
        return intake.register_report(staff.clerk, _with(data, overrides={c: reasons[c] for c in exc.codes}))


def _with(data: ReportInput, **changes: object) -> ReportInput:
    from dataclasses import replace

    return replace(data, **changes)  # type: ignore[arg-type]


def _version(staff: DemoStaff, case_no: str) -> int:
    return cases.get_case(staff.clerk, case_no).version


def _advance(
    staff: DemoStaff,
    rng: random.Random,
    reg: intake.Registered,
    line: str,
    data: ReportInput,
    target: str,
    scans: Path,
) -> None:
    clerk, case_no = staff.clerk, reg.case_no
    detail = cases.get_case(clerk, case_no)
    if target == "withdrawn":
        payments.withdraw_case(
            clerk, case_no, confirmation="客户来电确认撤销索赔", expected_version=detail.version
        )
        payments.close_case(clerk, case_no, reason="withdrawn", expected_version=_version(staff, case_no))
        return
    received = data.reported_at + timedelta(hours=rng.randint(1, 48))
    now = clerk.bo.now()
    items = [i for i in detail.checklist if i.mandatory]
    if target == "registered":
        items = items[: rng.randint(0, max(0, len(items) - 2))]
    for item in items:
        at = min(received + timedelta(minutes=rng.randint(0, 600)), now - timedelta(minutes=1))
        checklists.receive_item(
            clerk,
            reg.case_id,
            item.id,
            checklists.Receipt(at, rng.random() < 0.7, 1, "客户本人"),
            expected_version=item.version,
        )
    if items and rng.random() < 0.15:
        attachments.add_attachment(
            clerk,
            _scan(rng, scans),
            file_name="单证扫描件.jpg",
            owner_type="checklist_item",
            owner_id=items[0].id,
        )
    if target in ("registered", "materials_complete"):
        return
    code, _name, method = COVERAGE[line]
    inputs = calculations.prefill(clerk, case_no, code, method)
    if method == "medical":
        inputs["limit"] = inputs.get("limit") or "100000.00"
    calculations.calculate_case(
        clerk, case_no, [LineInput(code, inputs)], expected_version=_version(staff, case_no)
    )
    if target == "calculated":
        return
    levels = approvals.submit(clerk, case_no, expected_version=_version(staff, case_no))
    if target == "pending_approval":
        return
    if target == "returned":
        _sign(staff, case_no, 1, "return", reason_code="documents_missing")
        return
    if target == "denied":
        _sign(
            staff,
            case_no,
            3,
            "deny",
            reason_code="exclusion",
            clause="条款第二十四条",
            facts="经查，事故属于条款约定的责任免除情形",
        )
        payments.close_case(clerk, case_no, reason="denied", expected_version=_version(staff, case_no))
        return
    for level in levels:  # climb level by level
        status = _sign(staff, case_no, level, "agree")
        if status == "approved":
            break
    if target == "approved":
        return
    settlement = Decimal(str(cases.get_case(clerk, case_no).extra["amounts"]["approved"]))  # type: ignore[index]
    if settlement == 0:
        payments.close_case(clerk, case_no, reason="no_payment", expected_version=_version(staff, case_no))
        return
    payment = payments.add_payment(
        clerk,
        case_no,
        amount=Decimal(str(settlement)),
        bank_account=random_bank_card(rng),
        bank_name=rng.choice(("工商银行", "建设银行", "农业银行", "中国银行")),
    )
    paid_on = min(clerk.bo.now().date(), (received + timedelta(days=rng.randint(3, 20))).date())
    payments.mark_paid(
        clerk,
        payment.id,
        paid_on=paid_on,
        reference=f"BANK{rng.randint(10**7, 10**8)}",
        expected_version=payment.version,
    )
    if target == "closed":
        payments.close_case(clerk, case_no, reason="paid", expected_version=_version(staff, case_no))


def _sign(staff: DemoStaff, case_no: str, level: int, decision: str, **kw: str) -> str:
    us = staff.approvers[level]
    return approvals.sign(
        us,
        case_no,
        decision,
        password=staff.password,
        expected_version=cases.get_case(staff.clerk, case_no).version,
        **kw,
    )


def seed_cases(staff: DemoStaff, *, count: int, seed_value: int) -> dict[str, int]:
    rng = random.Random(seed_value)
    now = staff.clerk.bo.now()
    today = now.date()
    pool: list[tuple[str, str, date]] = []
    stages = list(STAGES)
    weights = [STAGES[s] for s in stages]
    reached: dict[str, int] = {}
    with tempfile.TemporaryDirectory(prefix="backoffice-demo-") as tmp:
        for _ in range(count):
            if not pool or rng.random() < 0.6:
                line = rng.choice(LINES)
                number = _policy(staff, rng, seed_value * 100_000 + len(pool) + 1, line, today)
                pool.append((number, line, policies.get_policy(staff.clerk, number).period_start))
            policy_no, line, start = rng.choice(pool)
            data = _report(rng, policy_no, line, now, start)
            target = rng.choices(stages, weights)[0]
            registered = _register(staff, data)
            _advance(staff, rng, registered, line, data, target, Path(tmp))
            reached[target] = reached.get(target, 0) + 1
    return reached
