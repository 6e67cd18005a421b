"""The policy register: policies with their insured, period and coverages."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from backoffice.db.models_intake import Coverage, Policy
from backoffice.domain.approval import LineOfBusiness
from backoffice.domain.errors import ConflictError, NotFound, ValidationError
from backoffice.domain.money import fen_to_yuan, yuan_to_fen
from backoffice.security.fields import FieldCipher
from backoffice.security.roles import Permission
from backoffice.services import audit
from backoffice.services.context import UserSession
from backoffice.services.guard import require
from backoffice.services.people import (
    PersonInput,
    PersonView,
    add_person_row,
    get_person_view,
    lookup,
    validated_person,
)

LINE_LABELS: dict[str, str] = {
    LineOfBusiness.MOTOR: "机动车辆险",
    LineOfBusiness.PROPERTY: "财产险",
    LineOfBusiness.HEALTH_ACCIDENT: "健康及意外险",
    LineOfBusiness.LIABILITY: "责任险",
}
MAX_POLICY_NO = 40


@dataclass(frozen=True)
class CoverageInput:
    code: str
    name: str
    sum_insured: Decimal | None = None
    deductible: Decimal = Decimal(0)
    deductible_rate: Decimal = Decimal(0)
    per_person_limit: Decimal | None = None


@dataclass(frozen=True)
class PolicyInput:
    policy_no: str
    product: str
    line: str
    insured: PersonInput
    period_start: date
    period_end: date
    coverages: tuple[CoverageInput, ...] = ()
    insured_value: Decimal | None = None
    new_vehicle_price: Decimal | None = None
    vehicle_plate: str | None = None


@dataclass(frozen=True)
class PolicySummary:
    id: int
    policy_no: str
    product: str
    line: str
    insured_name: str  # masked
    period_start: date
    period_end: date


@dataclass(frozen=True)
class PolicyView:
    id: int
    policy_no: str
    product: str
    line: str
    insured: PersonView
    period_start: date
    period_end: date
    insured_value: Decimal | None
    new_vehicle_price: Decimal | None
    coverages: tuple[CoverageInput, ...] = field(default_factory=tuple)
    version: int = 1


def _money(value: Decimal | None, name: str) -> None:
    if value is not None and value < 0:
        raise ValidationError(name, "金额不能为负数。")


def validate_policy(data: PolicyInput) -> None:
    """Everything that can be checked before touching the database."""
    number = data.policy_no.strip()
    if not number or len(number) > MAX_POLICY_NO or any(c.isspace() for c in number):
        raise ValidationError("policy_no", "保单号不能为空、不能含空格，最长 {n} 个字符。", n=MAX_POLICY_NO)
    if not data.product.strip():
        raise ValidationError("product", "请填写险种名称。")
    if data.line not in LINE_LABELS:
        raise ValidationError("line", "险类必须是 motor、property、health_accident 或 liability 之一。")
    if data.period_end < data.period_start:
        raise ValidationError("period_end", "保险止期不能早于起期。")
    _money(data.insured_value, "insured_value")
    _money(data.new_vehicle_price, "new_vehicle_price")
    codes = set()
    for coverage in data.coverages:
        if not coverage.code.strip() or not coverage.name.strip():
            raise ValidationError("coverage", "每个保障项目都需要代码和名称。")
        if coverage.code in codes:
            raise ValidationError("coverage", "保障项目代码“{code}”重复。", code=coverage.code)
        codes.add(coverage.code)
        for name in ("sum_insured", "deductible", "per_person_limit"):
            _money(getattr(coverage, name), name)
        if not Decimal(0) <= coverage.deductible_rate <= 1:
            raise ValidationError("deductible_rate", "免赔率必须在 0 到 1 之间。")


def _fen(value: Decimal | None) -> int | None:
    return None if value is None else yuan_to_fen(value)


def add_policy_rows(db: Session, us: UserSession, data: PolicyInput) -> Policy:
    """Insert a validated policy (and its insured, reused when the ID number is known) in ``db``."""
    if db.execute(select(Policy.id).where(Policy.policy_no == data.policy_no.strip())).first():
        raise ValidationError("policy_no", "保单号 {no} 已经登记过。", no=data.policy_no.strip())
    existing = lookup(db, us.keyring, "id_number", data.insured.id_number) if data.insured.id_number else []
    insured_id = existing[0] if existing else add_person_row(db, us, data.insured).id
    now = us.bo.now()
    policy = Policy(
        policy_no=data.policy_no.strip(),
        product=data.product.strip(),
        line=data.line,
        insured_id=insured_id,
        period_start=data.period_start,
        period_end=data.period_end,
        insured_value_fen=_fen(data.insured_value),
        new_vehicle_price_fen=_fen(data.new_vehicle_price),
        created_at=now,
        updated_at=now,
    )
    db.add(policy)
    db.flush()
    if data.vehicle_plate:
        policy.vehicle_plate_enc = FieldCipher(us.keyring).encrypt(
            data.vehicle_plate.strip().upper(), table="policies", column="vehicle_plate_enc", row_id=policy.id
        )
    _add_coverages(db, policy.id, data.coverages)
    return policy


def _add_coverages(db: Session, policy_id: int, coverages: tuple[CoverageInput, ...]) -> None:
    for c in coverages:
        db.add(
            Coverage(
                policy_id=policy_id,
                code=c.code.strip(),
                name=c.name.strip(),
                sum_insured_fen=_fen(c.sum_insured),
                deductible_fen=yuan_to_fen(c.deductible),
                deductible_rate=str(c.deductible_rate),
                per_person_limit_fen=_fen(c.per_person_limit),
            )
        )


def create_policy(us: UserSession, data: PolicyInput) -> PolicyView:
    role = require(
        us, Permission.EDIT_POLICIES, "policy.create", "只有理赔内勤或主管可以登记保单。", "policy"
    )
    data = replace(data, insured=validated_person(data.insured, us.bo.today()))
    validate_policy(data)
    with us.bo.db.unit_of_work() as db:
        policy = add_policy_rows(db, us, data)
        audit.record(db, us, "policy.create", role=role, object_type="policy", object_id=policy.id)
        db.flush()
        return _view(db, us, policy)


def _coverages(db: Session, policy_id: int) -> tuple[CoverageInput, ...]:
    rows = db.execute(select(Coverage).where(Coverage.policy_id == policy_id).order_by(Coverage.id)).scalars()
    return tuple(
        CoverageInput(
            c.code,
            c.name,
            None if c.sum_insured_fen is None else fen_to_yuan(c.sum_insured_fen),
            fen_to_yuan(c.deductible_fen),
            Decimal(c.deductible_rate),
            None if c.per_person_limit_fen is None else fen_to_yuan(c.per_person_limit_fen),
        )
        for c in rows
    )


def _view(db: Session, us: UserSession, policy: Policy) -> PolicyView:
    return PolicyView(
        policy.id,
        policy.policy_no,
        policy.product,
        policy.line,
        get_person_view(db, us, policy.insured_id),
        policy.period_start,
        policy.period_end,
        None if policy.insured_value_fen is None else fen_to_yuan(policy.insured_value_fen),
        None if policy.new_vehicle_price_fen is None else fen_to_yuan(policy.new_vehicle_price_fen),
        _coverages(db, policy.id),
        policy.version,
    )


def policy_by_number(db: Session, policy_no: str) -> Policy:
    policy = db.execute(select(Policy).where(Policy.policy_no == policy_no.strip())).scalar_one_or_none()
    if policy is None:
        raise NotFound("没有保单号为 {no} 的保单：请核对保单号，或先登记保单。", no=policy_no.strip())
    return policy


def get_policy(us: UserSession, policy_no: str) -> PolicyView:
    require(us, Permission.VIEW_CASES, "policy.view", "您没有查看保单的权限。", "policy")
    with us.bo.db.unit_of_work(write=False) as db:
        return _view(db, us, policy_by_number(db, policy_no))


def search_policies(us: UserSession, prefix: str, *, limit: int = 10) -> list[PolicySummary]:
    """Policies whose number starts with ``prefix`` (for lookup as you type), through the unique index."""
    require(us, Permission.VIEW_CASES, "policy.search", "您没有查看保单的权限。", "policy")
    prefix = prefix.strip()
    if not prefix:
        return []
    with us.bo.db.unit_of_work(write=False) as db:
        rows = (
            db.execute(
                select(Policy)
                .where(Policy.policy_no >= prefix, Policy.policy_no < prefix + "\uffff")
                .order_by(Policy.policy_no)
                .limit(limit)
            )
            .scalars()
            .all()
        )
        return [
            PolicySummary(
                p.id,
                p.policy_no,
                p.product,
                p.line,
                get_person_view(db, us, p.insured_id).full_name,
                p.period_start,
                p.period_end,
            )
            for p in rows
        ]


def update_policy(us: UserSession, policy_no: str, data: PolicyInput, *, expected_version: int) -> PolicyView:
    """Period, product, values and coverages; the insured and the number stay."""
    role = require(
        us, Permission.EDIT_POLICIES, "policy.update", "只有理赔内勤或主管可以修改保单。", "policy"
    )
    validate_policy(data)
    with us.bo.db.unit_of_work() as db:
        policy = policy_by_number(db, policy_no)
        if policy.version != expected_version:
            raise ConflictError("这张保单刚被其他人修改过：请刷新后重新操作。")
        policy.product, policy.line = data.product.strip(), data.line
        policy.period_start, policy.period_end = data.period_start, data.period_end
        policy.insured_value_fen = _fen(data.insured_value)
        policy.new_vehicle_price_fen = _fen(data.new_vehicle_price)
        policy.updated_at = us.bo.now()
        for old in db.execute(select(Coverage).where(Coverage.policy_id == policy.id)).scalars():
            db.delete(old)
        db.flush()
        _add_coverages(db, policy.id, data.coverages)
        audit.record(db, us, "policy.update", role=role, object_type="policy", object_id=policy.id)
        db.flush()
        return _view(db, us, policy)
