"""Demo cases past intake for chapters 3–8 of the user guide (理算, 核赔, 支付与结案, 时效, 归档, 系统管理).

``seed_workflow(bo, password)`` drives a few cases through the real services the way the office would have
done it in February 2026: the clock is moved to each step's moment (Shanghai time) and back to ``NOW`` at
the end, so that deadlines, warnings and "waiting since" dates come out as a user would see them on the
morning of 2026-03-02. Every case is handled by ``demo-clerk`` and signed by the demo approvers.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from screenshots_intake import NOW

from backoffice.domain.identity import id_check_digit, luhn_check_digit
from backoffice.services import approvals, calculations, cases, checklists, intake, payments
from backoffice.services.archive import build_volume
from backoffice.services.auth import sign_in
from backoffice.services.calculations import LineInput
from backoffice.services.context import Backoffice, UserSession
from backoffice.services.customer_service import (
    complaint_contacted,
    record_callback,
    register_complaint,
    resolve_complaint,
)
from backoffice.services.deadline_extensions import decide_extension, request_extension
from backoffice.services.intake import LossInput, ReportInput
from backoffice.services.people import PersonInput
from backoffice.services.policies import CoverageInput, PolicyInput, create_policy
from backoffice.services.sla_warnings import case_deadlines, refresh_warnings

SHANGHAI = ZoneInfo("Asia/Shanghai")
MOTOR_NO, PROPERTY_NO = "PDAA202611000023", "PQYC202631000031"


def sh(month: int, day: int, hour: int = 9, minute: int = 0) -> datetime:
    """A moment of 2026 in Shanghai wall-clock time."""
    return datetime(2026, month, day, hour, minute, tzinfo=SHANGHAI)


def id_number(first17: str) -> str:
    return first17 + id_check_digit(first17)


def bank_card(payload: str) -> str:
    return payload + luhn_check_digit(payload)


class MovableClock:
    """The office clock, set to each step's moment."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@dataclass(frozen=True)
class Workflow:
    """The case numbers the pictures show."""

    calculation: str  # two saved versions, the second with two lines
    escalated: str  # signed at levels 1 and 2, waiting at level 3
    small: str  # waiting at level 1
    payment: str  # an advance paid, approved, the rest ordered and not yet paid; an extension asked
    service: str  # paid in full, a complaint: the callback is due
    deadlines: str  # materials complete for weeks: a red deadline, another extended
    to_archive: str  # paid and closed, waiting for the archivist
    archived: str  # denied, closed and sealed


@dataclass
class Staff:
    bo: Backoffice
    clock: MovableClock
    clerk: UserSession
    approvers: dict[int, UserSession]
    supervisor: UserSession
    archivist: UserSession
    password: str

    def at(self, moment: datetime) -> None:
        self.clock.now = moment

    def version(self, case_no: str) -> int:
        return cases.get_case(self.clerk, case_no).version


def _policies(clerk: UserSession) -> None:
    year = (date(2026, 1, 1), date(2026, 12, 31))
    create_policy(
        clerk,
        PolicyInput(
            MOTOR_NO,
            "机动车商业保险",
            "motor",
            PersonInput("陈明", id_number("11010819850612003"), "13911112222"),
            *year,
            (
                CoverageInput("vehicle_damage", "机动车损失保险", Decimal("150000")),
                CoverageInput("third_party", "第三者责任保险", Decimal("1000000")),
            ),
            new_vehicle_price=Decimal("180000"),
            vehicle_plate="京N5M821",
        ),
    )
    create_policy(
        clerk,
        PolicyInput(
            PROPERTY_NO,
            "企业财产综合险",
            "property",
            PersonInput("刘芳", id_number("31010419790305004"), "13622223333"),
            *year,
            (CoverageInput("property", "财产损失", Decimal("800000"), deductible=Decimal("1000")),),
            insured_value=Decimal("800000"),
        ),
    )


def _report(policy_no: str, incident: datetime, estimated: str, **changes: Any) -> ReportInput:
    values: dict[str, Any] = {
        "policy_no": policy_no,
        "channel": "hotline",
        "reporter_name": "陈明" if policy_no == MOTOR_NO else "刘芳",
        "reporter_relation": "self",
        "reporter_phone": "13911112222" if policy_no == MOTOR_NO else "13622223333",
        "reported_at": incident + timedelta(minutes=50),
        "incident_at": incident,
        "incident_place": "北京市海淀区中关村大街 27 号"
        if policy_no == MOTOR_NO
        else "上海市闵行区莘庄工业区仓库",
        "cause": "collision" if policy_no == MOTOR_NO else "water",
        "estimated_loss": Decimal(estimated),
        "overrides": {"duplicate": "同一保单另一起事故"},
    }
    values.update(changes)
    return ReportInput(**values)


def _register(staff: Staff, data: ReportInput) -> tuple[str, int]:
    staff.at(data.reported_at + timedelta(minutes=5))
    done = intake.register_report(staff.clerk, data)
    return done.case_no, done.case_id


def _receive_all(staff: Staff, case_no: str, case_id: int, when: datetime) -> None:
    staff.at(when)
    for item in cases.get_case(staff.clerk, case_no).checklist:
        if item.mandatory and item.received_at is None:
            receipt = checklists.Receipt(when - timedelta(minutes=10), True, 1, "客户本人")
            checklists.receive_item(staff.clerk, case_id, item.id, receipt, expected_version=item.version)


def _damage(repair: str, ratio: str = "1") -> LineInput:
    return LineInput(
        "vehicle_damage",
        {
            "method": "motor_damage",
            "clause": "2020",
            "sum_insured": "150000.00",
            "new_vehicle_price": "180000.00",
            "repair_cost": repair,
            "salvage": "0.00",
            "liability_ratio": ratio,
            "absolute_deductible": "0.00",
        },
    )


def _third_party(loss: str, ratio: str) -> LineInput:
    return LineInput(
        "third_party",
        {
            "method": "motor_third_party",
            "clause": "2020",
            "loss": loss,
            "ctpl_paid": "2000.00",
            "liability_ratio": ratio,
            "limit": "1000000.00",
        },
    )


def _property(loss: str) -> LineInput:
    return LineInput(
        "property",
        {
            "method": "property",
            "sum_insured": "800000.00",
            "insured_value": "800000.00",
            "loss": loss,
            "salvage": "0.00",
            "rescue_cost": "0.00",
            "deductible": {"type": "absolute", "amount": "1000.00"},
        },
    )


def _calculate(staff: Staff, case_no: str, when: datetime, lines: list[LineInput], note: str = "") -> None:
    staff.at(when)
    calculations.calculate_case(
        staff.clerk, case_no, lines, expected_version=staff.version(case_no), note=note
    )


def _submit(staff: Staff, case_no: str, when: datetime) -> tuple[int, ...]:
    staff.at(when)
    return approvals.submit(staff.clerk, case_no, expected_version=staff.version(case_no))


def _sign(staff: Staff, level: int, case_no: str, when: datetime, decision: str = "agree", **kw: str) -> str:
    staff.at(when)
    return approvals.sign(
        staff.approvers[level],
        case_no,
        decision,
        password=staff.password,
        expected_version=staff.version(case_no),
        **kw,
    )


def _pay(
    staff: Staff,
    case_no: str,
    amount: str,
    ordered: datetime,
    paid: datetime | None,
    *,
    advance: bool = False,
) -> None:
    staff.at(ordered)
    payment = payments.add_payment(
        staff.clerk,
        case_no,
        amount=Decimal(amount),
        bank_account=bank_card("621700000123456789"),
        bank_name="中国建设银行北京海淀支行",
        advance=advance,
    )
    if paid is not None:
        staff.at(paid)
        payments.mark_paid(
            staff.clerk,
            payment.id,
            paid_on=paid.date(),
            reference=f"CCB{paid:%Y%m%d}{payment.id:04d}",
            expected_version=payment.version,
        )


def _open_deadline(staff: Staff, case_no: str, stage: str) -> int:
    return next(d.id for d in case_deadlines(staff.clerk, case_no) if d.stage == stage and d.status == "open")


def _close(staff: Staff, case_no: str, when: datetime, reason: str) -> None:
    staff.at(when)
    payments.close_case(staff.clerk, case_no, reason=reason, expected_version=staff.version(case_no))


def seed_workflow(bo: Backoffice, password: str) -> Workflow:
    """The cases of chapters 3–8; the clock stands at ``NOW`` again afterwards."""
    clock = MovableClock(NOW)
    bo.clock = clock
    staff = Staff(
        bo,
        clock,
        sign_in(bo, "demo-clerk", password),
        {level: sign_in(bo, f"demo-approver{level}", password) for level in range(1, 6)},
        sign_in(bo, "demo-supervisor", password),
        sign_in(bo, "demo-archivist", password),
        password,
    )
    try:
        return _seed(staff)
    finally:
        clock.now = NOW


def _seed(staff: Staff) -> Workflow:
    staff.at(sh(2, 2, 9))
    _policies(staff.clerk)

    # Archived: a denial, closed and sealed.
    archived, archived_id = _register(staff, _report(PROPERTY_NO, sh(2, 3, 8, 10), "4300", cause="theft"))
    _receive_all(staff, archived, archived_id, sh(2, 4, 15))
    _calculate(staff, archived, sh(2, 5, 10), [_property("4300.00")])
    _submit(staff, archived, sh(2, 5, 10, 30))
    _sign(
        staff,
        3,
        archived,
        sh(2, 6, 11),
        "deny",
        reason_code="exclusion",
        clause="企业财产综合险条款第七条",
        facts="仓库门窗完好，无外力侵入痕迹，属于条款约定的责任免除情形",
    )
    _close(staff, archived, sh(2, 9, 10), "denied")

    # To archive: paid in full and closed.
    to_archive, to_archive_id = _register(staff, _report(PROPERTY_NO, sh(2, 4, 7, 40), "6200"))
    _receive_all(staff, to_archive, to_archive_id, sh(2, 5, 16))
    _calculate(staff, to_archive, sh(2, 6, 10), [_property("6200.00")])
    _submit(staff, to_archive, sh(2, 6, 10, 20))
    _sign(staff, 1, to_archive, sh(2, 9, 14))
    _pay(staff, to_archive, "5200.00", sh(2, 10, 9), sh(2, 11, 15))
    staff.at(sh(2, 12, 10))
    record_callback(staff.clerk, to_archive, satisfaction=5, paid_on_time=True, done_at=sh(2, 12, 9, 50))
    _close(staff, to_archive, sh(2, 27, 16), "paid")

    # Deadlines: materials complete on 6 February and still not calculated.
    deadlines, deadlines_id = _register(staff, _report(PROPERTY_NO, sh(2, 5, 6, 30), "38000"))
    _receive_all(staff, deadlines, deadlines_id, sh(2, 6, 14))

    # Escalated: 68,000 yuan climbs to level 3.
    escalated, escalated_id = _register(
        staff,
        _report(
            MOTOR_NO,
            sh(2, 6, 17, 45),
            "68000",
            narrative="高速公路追尾，车头严重受损",
            losses=(LossInput("property", "车头及发动机舱", 1, Decimal("68000")),),
        ),
    )
    _receive_all(staff, escalated, escalated_id, sh(2, 9, 11))
    _calculate(staff, escalated, sh(2, 10, 15), [_damage("68000.00")])
    _submit(staff, escalated, sh(2, 10, 15, 10))
    _sign(staff, 1, escalated, sh(2, 11, 10))
    _sign(staff, 2, escalated, sh(2, 12, 16))

    # Service: paid in full on 27 February, with a complaint before that.
    service, service_id = _register(staff, _report(MOTOR_NO, sh(2, 23, 8, 5), "3200", cause="glass"))
    _receive_all(staff, service, service_id, sh(2, 24, 10))
    _calculate(staff, service, sh(2, 24, 15), [_damage("3200.00")])
    _submit(staff, service, sh(2, 24, 15, 10))
    _sign(staff, 1, service, sh(2, 25, 9, 40))
    staff.at(sh(2, 26, 10, 30))
    complaint = register_complaint(
        staff.clerk,
        service,
        channel="phone",
        category="timeliness",
        complexity="simple",
        summary="客户来电：核赔通过后仍未收到赔款",
        received_at=sh(2, 26, 10, 20),
    )
    staff.at(sh(2, 26, 11))
    contacted = complaint_contacted(
        staff.clerk,
        complaint.id,
        summary="电话回复客户：赔款将于 2 个工作日内到账",
        expected_version=complaint.version,
    )
    _pay(staff, service, "3200.00", sh(2, 26, 11, 10), None)
    staff.at(sh(2, 26, 17))
    with tempfile.TemporaryDirectory(prefix="backoffice-batch-") as tmp:
        payments.export_batch(staff.clerk, Path(tmp) / "支付批次-20260226.xlsx", password=staff.password)
    paid = payments.payments(staff.clerk, service)[-1]
    staff.at(sh(2, 27, 10))
    payments.mark_paid(
        staff.clerk,
        paid.id,
        paid_on=date(2026, 2, 27),
        reference="CCB202602270388",
        expected_version=paid.version,
    )
    staff.at(sh(2, 27, 10, 20))
    resolve_complaint(
        staff.clerk,
        complaint.id,
        resolution="赔款已于 2 月 27 日到账，电话告知客户，客户表示认可",
        expected_version=contacted.version,
    )

    # Calculation: two versions, the second with the third party's loss added.
    calculation, calculation_id = _register(
        staff,
        _report(
            MOTOR_NO,
            sh(2, 24, 18, 20),
            "12800",
            narrative="路口左转时与直行车辆相撞，双方车辆受损，我方主责",
            losses=(
                LossInput("property", "前保险杠及左前大灯", 1, Decimal("8000")),
                LossInput("property", "对方车辆右侧车门", 1, Decimal("4800")),
            ),
        ),
    )
    _receive_all(staff, calculation, calculation_id, sh(2, 25, 10))
    _calculate(staff, calculation, sh(2, 26, 14), [_damage("8000.00", "0.7")], "按定损单理算车损")
    _calculate(
        staff,
        calculation,
        sh(2, 27, 10, 30),
        [_damage("8000.00", "0.7"), _third_party("4800.00", "0.7")],
        "补充对方车辆损失（三者险）",
    )

    # Payment: an advance, then approval, then the rest ordered.
    payment, payment_id = _register(staff, _report(MOTOR_NO, sh(2, 20, 19, 10), "8600"))
    _receive_all(staff, payment, payment_id, sh(2, 24, 9, 30))
    _calculate(staff, payment, sh(2, 24, 14), [_damage("8600.00")])
    _pay(staff, payment, "3000.00", sh(2, 24, 14, 30), sh(2, 25, 10), advance=True)
    _submit(staff, payment, sh(2, 25, 11))
    _sign(staff, 1, payment, sh(2, 27, 9, 30))
    _pay(staff, payment, "5600.00", sh(2, 27, 11), None)

    # Small: 8,600 yuan of water damage, waiting at level 1.
    small, small_id = _register(staff, _report(PROPERTY_NO, sh(2, 25, 7, 20), "8600"))
    _receive_all(staff, small, small_id, sh(2, 26, 10))
    _calculate(staff, small, sh(2, 27, 15), [_property("8600.00")])
    _submit(staff, small, sh(2, 27, 15, 30))

    # Extensions: the deadline case's review extended on 12 February; the payment's asked on 27 February.
    staff.at(sh(2, 12, 15))
    review = _open_deadline(staff, deadlines, "review")
    asked = request_extension(
        staff.clerk,
        review,
        until=date(2026, 3, 13),
        reason="受损存货需第三方公估机构清点，公估报告预计 3 月 12 日出具",
    )
    staff.at(sh(2, 12, 17))
    decide_extension(staff.supervisor, asked.id, approve=True, note="同意，请督促公估机构按时出具报告")
    staff.at(sh(2, 27, 16))
    request_extension(
        staff.clerk,
        _open_deadline(staff, payment, "payment"),
        until=date(2026, 3, 6),
        reason="客户要求改付修理厂账户，需补交授权书后重新登记支付",
    )

    # The archivist sealed the denial on 28 February.
    staff.at(sh(2, 28, 10))
    build_volume(staff.archivist, archived)

    staff.at(NOW)
    refresh_warnings(staff.supervisor)
    return Workflow(calculation, escalated, small, payment, service, deadlines, to_archive, archived)
