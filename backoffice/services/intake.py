"""Report registration (报案登记): one transaction from the clerk's form to a registered case.

Validation first; registration warnings (incident outside the policy period, a duplicate report, a late
report) need a reason each to override; risk flags and classification are computed; the case number is
taken; a handler is chosen; the checklist is instantiated. Nothing is written when anything fails.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from backoffice.db.models import Person, User, UserRole
from backoffice.db.models_intake import (
    Case,
    CaseEvent,
    CaseFlagRow,
    CaseWarningOverride,
    LossItem,
    Policy,
    ProofReference,
)
from backoffice.domain.approval import DEFAULT_MATRIX, LineOfBusiness
from backoffice.domain.case import (
    OPEN_STATUSES,
    CaseFacts,
    CaseStatus,
    Complexity,
    check_override,
    classify,
)
from backoffice.domain.checklist import CAUSE_LABELS, CONDITIONS
from backoffice.domain.errors import DomainError, NotFound, ValidationError
from backoffice.domain.money import yuan_to_fen
from backoffice.domain.risk import IntakeFacts, risk_flags
from backoffice.security.fields import FieldCipher
from backoffice.security.roles import Permission, Role
from backoffice.services import audit, deadlines
from backoffice.services.case_numbers import next_case_no
from backoffice.services.checklists import create_checklist, templates
from backoffice.services.context import UserSession
from backoffice.services.guard import require
from backoffice.services.keyslots import refresh
from backoffice.services.people import PersonInput, add_person_row, lookup, validated_person
from backoffice.services.policies import policy_by_number

SHANGHAI = ZoneInfo("Asia/Shanghai")
CHANNELS = {
    "hotline": "电话 95500",
    "web": "网站/APP",
    "email": "电子邮件",
    "letter": "信函",
    "agent": "销售人员",
    "walk_in": "柜面",
}
RELATIONS = {
    "self": "本人",
    "family": "家属",
    "agent": "代理人",
    "employee": "单位员工",
    "third_party": "第三方",
    "other": "其他",
}
LOSS_KINDS = ("property", "injury")
SEVERITIES = {"": "", "minor": "轻伤", "serious": "重伤", "disability": "伤残", "death": "死亡"}
PROOF_KINDS = {
    "police_certificate": "交警事故认定书",
    "fire_certificate": "火灾事故认定书",
    "medical_bill": "医疗费用单据",
    "diagnosis": "诊断证明",
    "invoice": "发票",
    "other": "其他",
}
LATE_REPORT = timedelta(hours=48)


class OverrideRequired(DomainError):
    """Warnings that need a reason each before the report can be registered."""

    def __init__(self, codes: list[str]) -> None:
        labels = "；".join(WARNING_LABELS[c] for c in codes)
        super().__init__("登记前请确认以下提示并逐项填写理由：{labels}", labels=labels)
        self.codes = codes


WARNING_LABELS = {
    "outside_period": "出险时间不在保险期间内",
    "duplicate": "同一保单同一出险日期已有报案",
    "late_report": "报案时间距出险已超过 48 小时",
}


@dataclass(frozen=True)
class LossInput:
    kind: str  # property | injury
    description: str  # the item, or the injured person's name
    quantity: int = 1
    value: Decimal = Decimal(0)
    body_part: str = ""
    severity: str = ""


@dataclass(frozen=True)
class ReportInput:
    policy_no: str
    channel: str
    reporter_name: str
    reporter_relation: str
    reported_at: datetime
    incident_at: datetime
    incident_place: str
    cause: str
    estimated_loss: Decimal
    reporter_phone: str | None = None
    narrative: str = ""
    customer: PersonInput | None = None  # None: the policy's insured is the claimant
    losses: tuple[LossInput, ...] = ()
    proofs: tuple[tuple[str, str], ...] = ()  # (kind, reference)
    death_or_disability: bool = False
    litigation: bool = False
    disputed_liability: bool = False
    conditions: tuple[str, ...] = ()
    complexity: Complexity | None = None  # an override of the automatic classification
    complexity_reason: str = ""
    handler: str | None = None  # a username; default the least loaded eligible handler
    overrides: dict[str, str] = field(default_factory=dict)  # warning code → reason


@dataclass(frozen=True)
class Registered:
    case_id: int
    case_no: str
    complexity: Complexity
    complexity_reasons: tuple[str, ...]
    flags: tuple[str, ...]
    handler: str | None
    missing_documents: int


def _validate(data: ReportInput, now: datetime) -> None:
    if data.channel not in CHANNELS:
        raise ValidationError("channel", "请选择报案渠道。")
    if data.reporter_relation not in RELATIONS:
        raise ValidationError("reporter_relation", "请选择报案人与被保险人的关系。")
    if not data.reporter_name.strip():
        raise ValidationError("reporter_name", "请填写报案人姓名。")
    for name in ("reported_at", "incident_at"):
        if getattr(data, name).tzinfo is None:
            raise ValidationError(name, "时间缺少时区。")
    if data.incident_at > data.reported_at:
        raise ValidationError("incident_at", "出险时间不能晚于报案时间。")
    if data.reported_at > now + timedelta(minutes=5):
        raise ValidationError("reported_at", "报案时间不能晚于现在。")
    if not data.incident_place.strip():
        raise ValidationError("incident_place", "请填写出险地点。")
    if data.cause not in CAUSE_LABELS:
        raise ValidationError("cause", "请选择出险原因。")
    if data.estimated_loss < 0:
        raise ValidationError("estimated_loss", "估损金额不能为负数。")
    for loss in data.losses:
        if loss.kind not in LOSS_KINDS or not loss.description.strip():
            raise ValidationError("losses", "损失清单每一行都需要类别和名称。")
        if loss.quantity < 1 or loss.value < 0:
            raise ValidationError("losses", "损失数量至少为 1，金额不能为负数。")
        if loss.severity not in SEVERITIES:
            raise ValidationError("losses", "伤情程度无效。")
    for kind, reference in data.proofs:
        if kind not in PROOF_KINDS or not reference.strip():
            raise ValidationError("proofs", "证明材料需要类别和编号。")
    unknown = set(data.conditions) - set(CONDITIONS)
    if unknown:
        raise ValidationError("conditions", "未知的单证条件：{names}。", names=", ".join(sorted(unknown)))


def _business_day(moment: datetime) -> datetime:
    return moment.astimezone(SHANGHAI)


def _warnings(db: Session, data: ReportInput, policy: Policy) -> list[str]:
    day = _business_day(data.incident_at).date()
    codes = []
    if not policy.period_start <= day <= policy.period_end:
        codes.append("outside_period")
    start = datetime.combine(day, datetime.min.time(), SHANGHAI)
    same_day = db.scalar(
        select(func.count())
        .select_from(Case)
        .where(
            Case.policy_id == policy.id,
            Case.incident_at >= start,
            Case.incident_at < start + timedelta(days=1),
        )
    )
    if same_day:
        codes.append("duplicate")
    if data.reported_at - data.incident_at > LATE_REPORT:
        codes.append("late_report")
    return codes


def _identity_matches(db: Session, us: UserSession, person: Person, since: datetime) -> int:
    """Other claims within the window by a person sharing this person's ID number or mobile."""
    people_ids = {person.id}
    for column in ("id_number_bidx", "mobile_bidx"):
        value = getattr(person, column)
        if value is not None:
            people_ids |= set(db.execute(select(Person.id).where(getattr(Person, column) == value)).scalars())
    return (
        db.scalar(
            select(func.count())
            .select_from(Case)
            .where(Case.customer_id.in_(people_ids), Case.reported_at >= since)
        )
        or 0
    )


def _shared_account(db: Session, person: Person) -> int:
    if person.bank_account_bidx is None:
        return 0
    return (
        db.scalar(
            select(func.count())
            .select_from(Person)
            .where(Person.bank_account_bidx == person.bank_account_bidx, Person.id != person.id)
        )
        or 0
    )


def _open_case_counts(db: Session) -> dict[int, int]:
    rows = db.execute(
        select(Case.handler_id, func.count())
        .where(Case.status.in_([s.value for s in OPEN_STATUSES]))
        .group_by(Case.handler_id)
    )
    return {handler: count for handler, count in rows if handler is not None}


def choose_handler(db: Session, line: str, complexity: Complexity, wanted: str | None) -> User | None:
    """A named handler, or the least loaded active clerk for the line (complex: seniors first)."""
    clerks = (
        db.execute(
            select(User).join(UserRole).where(UserRole.role == Role.CLERK.value, User.active.is_(True))
        )
        .scalars()
        .all()
    )
    if wanted:
        for user in clerks:
            if user.username == wanted.strip().lower():
                return user
        raise ValidationError("handler", "“{name}”不是在岗的理赔内勤，不能作为经办人。", name=wanted)
    eligible = [u for u in clerks if not u.lines or line in u.lines.split(",")]
    if complexity == Complexity.COMPLEX and any(u.senior for u in eligible):
        eligible = [u for u in eligible if u.senior]
    if not eligible:
        return None
    load = _open_case_counts(db)
    return min(eligible, key=lambda u: (load.get(u.id, 0), u.id))


def register_report(us: UserSession, data: ReportInput) -> Registered:
    role = require(us, Permission.REGISTER_CASES, "case.register", "只有理赔内勤可以登记报案。", "case")
    now = us.bo.now()
    _validate(data, now)
    customer_input = validated_person(data.customer, us.bo.today()) if data.customer else None
    with us.bo.db.unit_of_work() as db:
        refresh(db, us.keyring)
        policy = policy_by_number(db, data.policy_no)
        warnings = _warnings(db, data, policy)
        missing = [code for code in warnings if not data.overrides.get(code, "").strip()]
        if missing:
            raise OverrideRequired(missing)
        if customer_input is None:
            customer = db.get(Person, policy.insured_id)
        else:
            known = (
                lookup(db, us.keyring, "id_number", customer_input.id_number)
                if customer_input.id_number
                else []
            )
            customer = db.get(Person, known[0]) if known else add_person_row(db, us, customer_input)
        assert customer is not None
        line = LineOfBusiness(policy.line)
        estimated = data.estimated_loss
        flags = risk_flags(
            IntakeFacts(
                incident_at=data.incident_at,
                reported_at=data.reported_at,
                period_start=policy.period_start,
                period_end=policy.period_end,
                incident_day=_business_day(data.incident_at).date(),
                estimated_loss=estimated,
                authority_limits=tuple(
                    limit for level in DEFAULT_MATRIX.levels if (limit := level.limit(line)) is not None
                ),
                other_claims_same_identity=_identity_matches(
                    db, us, customer, data.reported_at - timedelta(days=365)
                ),
                other_customers_same_account=_shared_account(db, customer),
            )
        )
        has_injury = any(loss.kind == "injury" for loss in data.losses) or "injury" in data.conditions
        facts = CaseFacts(
            line=line,
            estimated_loss=estimated,
            has_injury=has_injury,
            death_or_disability=data.death_or_disability
            or any(loss.severity in ("death", "disability") for loss in data.losses),
            litigation=data.litigation,
            disputed_liability=data.disputed_liability,
            risk_flags=tuple(flags),
        )
        automatic = classify(facts)
        chosen = data.complexity or automatic.complexity
        check_override(facts, automatic, chosen, data.complexity_reason)
        handler = choose_handler(db, policy.line, chosen, data.handler)
        case_no = next_case_no(db, year=_business_day(now).year, line=policy.line)
        conditions = sorted(set(data.conditions) | ({"injury"} if has_injury else set()))
        case = Case(
            case_no=case_no,
            policy_id=policy.id,
            customer_id=customer.id,
            line=policy.line,
            status=CaseStatus.REGISTERED.value,
            complexity=chosen.value,
            complexity_auto=automatic.complexity.value,
            complexity_reason=data.complexity_reason.strip() if chosen != automatic.complexity else "",
            handler_id=handler.id if handler else None,
            channel=data.channel,
            reporter_name_enc=b"",
            reporter_relation=data.reporter_relation,
            received_by=us.actor.user_id,
            reported_at=data.reported_at,
            incident_at=data.incident_at,
            incident_place_enc=b"",
            cause=data.cause,
            estimated_loss_fen=yuan_to_fen(estimated),
            has_injury=has_injury,
            death_or_disability=facts.death_or_disability,
            litigation=data.litigation,
            disputed_liability=data.disputed_liability,
            conditions=",".join(conditions),
            flags=",".join(flags),
            last_activity_at=now,
            key_version=us.keyring.current_version,
            created_at=now,
        )
        db.add(case)
        db.flush()
        _encrypt_case_fields(us, case, data)
        for flag in flags:
            db.add(CaseFlagRow(case_id=case.id, code=flag.value))
        for code in warnings:
            db.add(
                CaseWarningOverride(
                    case_id=case.id,
                    code=code,
                    reason=data.overrides[code].strip(),
                    user_id=us.actor.user_id,
                    at=now,
                )
            )
        _add_losses(db, us, case.id, data.losses)
        for kind, reference in data.proofs:
            db.add(ProofReference(case_id=case.id, kind=kind, reference=reference.strip()))
        items = create_checklist(
            db, case, templates(us.bo.settings).items_for(policy.line, data.cause, conditions)
        )
        db.add(
            CaseEvent(
                case_id=case.id,
                at=data.reported_at,
                kind="reported",
                to_status=CaseStatus.REPORTED,
                user_id=us.actor.user_id,
                detail=CHANNELS[data.channel],
            )
        )
        db.add(
            CaseEvent(
                case_id=case.id,
                at=now,
                kind="registered",
                from_status=CaseStatus.REPORTED,
                to_status=CaseStatus.REGISTERED,
                user_id=us.actor.user_id,
                detail=f"{chosen.value}; handler={handler.username if handler else '-'}",
            )
        )
        deadlines.start_stage(db, us, case, "ctpl_document_list", data.reported_at)
        deadlines.start_motor_estimate(db, us, case, data.reported_at)
        audit.record(
            db,
            us,
            "case.register",
            role=role,
            object_type="case",
            object_id=case.id,
            reason=f"{case_no} {chosen.value} flags={','.join(flags) or '-'}",
        )
        return Registered(
            case.id,
            case_no,
            chosen,
            automatic.reasons,
            tuple(f.value for f in flags),
            handler.username if handler else None,
            sum(1 for i in items if i.mandatory),
        )


def _encrypt_case_fields(us: UserSession, case: Case, data: ReportInput) -> None:
    cipher = FieldCipher(us.keyring)

    def enc(column: str, value: str | None) -> bytes | None:
        return cipher.encrypt_optional(value, table="cases", column=column, row_id=case.id)

    case.reporter_name_enc = enc("reporter_name_enc", " ".join(data.reporter_name.split())) or b""
    case.reporter_phone_enc = enc(
        "reporter_phone_enc", data.reporter_phone.strip() if data.reporter_phone else None
    )
    case.incident_place_enc = enc("incident_place_enc", data.incident_place.strip()) or b""
    case.narrative_enc = enc("narrative_enc", data.narrative.strip() or None)


def _add_losses(db: Session, us: UserSession, case_id: int, losses: tuple[LossInput, ...]) -> None:
    cipher = FieldCipher(us.keyring)
    for loss in losses:
        row = LossItem(
            case_id=case_id,
            kind=loss.kind,
            description_enc=b"",
            quantity=loss.quantity,
            value_fen=yuan_to_fen(loss.value),
            severity=loss.severity,
        )
        db.add(row)
        db.flush()
        row.description_enc = cipher.encrypt(
            loss.description.strip(), table="loss_items", column="description_enc", row_id=row.id
        )
        row.body_part_enc = cipher.encrypt_optional(
            loss.body_part.strip() or None, table="loss_items", column="body_part_enc", row_id=row.id
        )


def case_by_number(db: Session, case_no: str) -> Case:
    case = db.execute(select(Case).where(Case.case_no == case_no.strip())).scalar_one_or_none()
    if case is None:
        raise NotFound("没有案件号为 {no} 的案件。", no=case_no.strip())
    return case
