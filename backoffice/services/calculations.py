"""Calculations in a case (理算): versioned lines per coverage, the settlement amount, the sheet.

Each line's inputs go through the pure engine (backoffice.domain.calculation); the result with every step
is stored with the engine version. Recalculating adds a version and keeps the earlier ones; the case's
settlement amount is the current version's total.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError as DatabaseIntegrityError
from sqlalchemy.orm import Session

from backoffice.db.models import User
from backoffice.db.models_intake import Calculation, CalculationLine, Case, Coverage, LossItem, Policy
from backoffice.domain.calculation import (
    ENGINE_VERSION,
    METHOD_LABELS,
    METHODS,
    Step,
    calculate,
    to_json_dict,
)
from backoffice.domain.case import CaseStatus, check_transition
from backoffice.domain.errors import ConflictError, DomainError, NotFound, ValidationError
from backoffice.domain.money import fen_to_yuan, format_yuan, yuan_to_fen
from backoffice.printing import CalculationLine as SheetLine
from backoffice.printing import input_rows
from backoffice.printing.calc_inputs import FIELD_LABELS as SHEET_FIELD_LABELS
from backoffice.security.fields import FieldCipher
from backoffice.security.keys import Keyring
from backoffice.security.roles import Permission
from backoffice.services import audit, deadlines
from backoffice.services.approvals import void_chain
from backoffice.services.case_events import add_event
from backoffice.services.context import UserSession
from backoffice.services.guard import require
from backoffice.services.intake import case_by_number
from backoffice.services.keyslots import refresh

CALCULABLE = (CaseStatus.MATERIALS_COMPLETE, CaseStatus.CALCULATED, CaseStatus.RETURNED)
MAX_LINES = 20
FIELD_LABELS = SHEET_FIELD_LABELS  # the Chinese names of the input fields, as the sheet prints them


@dataclass(frozen=True)
class LineInput:
    coverage_code: str
    inputs: Mapping[str, Any]  # the JSON object of ``backoffice calc``, with "method"


@dataclass(frozen=True)
class LineView:
    position: int
    coverage_code: str
    coverage_name: str
    method: str
    method_label: str
    inputs: dict[str, Any]
    result: dict[str, Any]  # to_json_dict: payable, parts, shares, steps, warnings
    payable: Decimal


@dataclass(frozen=True)
class CalculationView:
    id: int
    version_no: int
    current: bool
    engine_version: str
    total: Decimal
    created_at: datetime
    created_by: str
    note: str
    lines: tuple[LineView, ...]


def _json_default(value: object) -> str:
    if isinstance(value, Decimal):
        return format(value, "f")
    raise TypeError(type(value).__name__)


def _dumps(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, default=_json_default)


def _loads(text: str) -> Any:
    return json.loads(text, parse_float=Decimal)


def _amount(fen: int | None) -> str | None:
    return None if fen is None else format_yuan(fen_to_yuan(fen))


def prefill(us: UserSession, case_no: str, coverage_code: str, method: str) -> dict[str, Any]:
    """Inputs suggested from the policy (sums insured, deductibles, values) and the loss list."""
    require(us, Permission.VIEW_CASES, "calculation.prefill", "您没有查看案件的权限。", "case")
    if method not in METHODS:
        raise ValidationError("method", "未知的计算方法。")
    with us.bo.db.unit_of_work(write=False) as db:
        case = case_by_number(db, case_no)
        policy = db.get(Policy, case.policy_id)
        assert policy is not None
        coverage = _coverage(db, policy.id, coverage_code)
        losses = list(db.execute(select(LossItem).where(LossItem.case_id == case.id)).scalars())
        cipher = FieldCipher(us.keyring)
        injured = [
            cipher.decrypt(item.description_enc, table="loss_items", column="description_enc", row_id=item.id)
            for item in losses
            if item.kind == "injury"
        ]
    loss_total = sum((item.value_fen * item.quantity for item in losses), 0) or case.estimated_loss_fen
    loss = _amount(loss_total)
    si = _amount(coverage.sum_insured_fen)
    deductible = _amount(coverage.deductible_fen)
    data: dict[str, Any] = {"method": method}
    if method == "property":
        data |= {
            "sum_insured": si,
            "insured_value": _amount(policy.insured_value_fen) or si,
            "loss": loss,
            "salvage": "0.00",
            "rescue_cost": "0.00",
        }
        if coverage.deductible_fen:
            data["deductible"] = {"type": "absolute", "amount": deductible}
    elif method == "motor_damage":
        data |= {
            "clause": "2020",
            "sum_insured": si,
            "new_vehicle_price": _amount(policy.new_vehicle_price_fen) or si,
            "repair_cost": loss,
            "salvage": "0.00",
            "liability_ratio": "1",
            "absolute_deductible": deductible,
        }
    elif method == "motor_third_party":
        data |= {"clause": "2020", "loss": loss, "ctpl_paid": "0.00", "liability_ratio": "1", "limit": si}
    elif method == "medical":
        data |= {
            "expenses": loss,
            "social_insurance_paid": "0.00",
            "excluded": "0.00",
            "deductible": deductible,
            "ratio": "1",
            "limit": si,
        }
    elif method == "benefit":
        data |= {"sum_insured": si, "ratio": "1"}
    elif method == "liability":
        data |= {
            "claimants": [{"name": name, "amount": loss} for name in injured]
            or [{"name": "第三者", "amount": loss}],
            "per_person_limit": _amount(coverage.per_person_limit_fen) or si,
            "per_accident_limit": si,
            "aggregate_remaining": si,
            "deductible": deductible,
        }
    elif method == "ctpl":
        data |= {"regime": "2020", "vehicles": [{"id": "本车", "liable": True, "units": 1}], "losses": []}
    else:  # contribution, coinsurance
        data |= {"loss": loss, "insurers": []}
    return {k: v for k, v in data.items() if v is not None}


def _coverage(db: Session, policy_id: int, code: str) -> Coverage:
    coverage = db.execute(
        select(Coverage).where(Coverage.policy_id == policy_id, Coverage.code == code)
    ).scalar_one_or_none()
    if coverage is None:
        raise ValidationError("coverage_code", "保单上没有保障项目“{code}”。", code=code)
    return coverage


def calculate_case(
    us: UserSession, case_no: str, lines: Sequence[LineInput], *, expected_version: int, note: str = ""
) -> CalculationView:
    """Compute every line, store a new version, make it current and set the settlement amount."""
    role = require(us, Permission.HANDLE_CASES, "calculation.save", "只有理赔内勤可以理算。", "case")
    if not lines:
        raise ValidationError("lines", "至少需要一行理算。")
    if len(lines) > MAX_LINES:
        raise ValidationError("lines", "一个案件最多 {n} 行理算。", n=MAX_LINES)
    results = []
    for position, line in enumerate(lines, start=1):
        try:
            results.append(calculate(line.inputs))
        except ValidationError as exc:
            params = {k: v for k, v in exc.params.items() if k != "field"}
            raise ValidationError(
                exc.field, "第 {line} 行：{detail}", line=position, detail=exc.format(), **params
            ) from None
    with us.bo.db.unit_of_work() as db:
        refresh(db, us.keyring)
        case = case_by_number(db, case_no)
        if case.version != expected_version:
            raise ConflictError("这个案件刚被其他人修改过：请刷新后重新理算。")
        status = CaseStatus(case.status)
        if status not in CALCULABLE:
            if status == CaseStatus.PENDING_APPROVAL:
                raise DomainError("案件正在审批中，不能修改理算：请核赔人先退回案件。")
            raise DomainError("案件材料尚未齐全或已结案，不能理算。")
        for line in lines:
            _coverage(db, case.policy_id, line.coverage_code)
        total = sum((r.payable for r in results), Decimal(0))
        previous = (
            db.scalar(
                select(Calculation.version_no)
                .where(Calculation.case_id == case.id)
                .order_by(Calculation.version_no.desc())
                .limit(1)
            )
            or 0
        )
        db.execute(update(Calculation).where(Calculation.case_id == case.id).values(current=False))
        calc = Calculation(
            case_id=case.id,
            version_no=previous + 1,
            current=True,
            engine_version=ENGINE_VERSION,
            total_fen=yuan_to_fen(total),
            created_at=us.bo.now(),
            created_by=us.actor.user_id,
            note=note.strip()[:500],
        )
        db.add(calc)
        try:
            db.flush()
        except DatabaseIntegrityError:  # PostgreSQL: a concurrent calculation took this version number
            raise ConflictError("这个案件刚被其他人修改过：请刷新后重新理算。") from None
        cipher = FieldCipher(us.keyring)
        for position, (line, result) in enumerate(zip(lines, results, strict=True), start=1):
            row = CalculationLine(
                calculation_id=calc.id,
                position=position,
                coverage_code=line.coverage_code,
                method=result.method,
                inputs_enc=b"",
                result_enc=b"",
                payable_fen=yuan_to_fen(result.payable),
            )
            db.add(row)
            db.flush()
            row.inputs_enc = cipher.encrypt(
                _dumps(dict(line.inputs)), table="calculation_lines", column="inputs_enc", row_id=row.id
            )
            row.result_enc = cipher.encrypt(
                _dumps(to_json_dict(result)), table="calculation_lines", column="result_enc", row_id=row.id
            )
        check_transition(status, CaseStatus.CALCULATED)
        case.status = CaseStatus.CALCULATED.value
        deadlines.on_status(db, us, case, CaseStatus.CALCULATED)
        case.settlement_fen = calc.total_fen
        case.last_activity_at = us.bo.now()
        add_event(
            db,
            us,
            case,
            "calculated",
            status,
            CaseStatus.CALCULATED,
            f"v{calc.version_no} {format_yuan(total)}",
        )
        void_chain(db, us, case, "理算已修改")
        audit.record(
            db,
            us,
            "calculation.save",
            role=role,
            object_type="case",
            object_id=case.id,
            reason=f"v{calc.version_no} total={format_yuan(total)}",
        )
        return _view(db, us.keyring, calc)


def _view(db: Session, keyring: Keyring, calc: Calculation) -> CalculationView:
    cipher = FieldCipher(keyring)
    case = db.get(Case, calc.case_id)
    assert case is not None
    names = dict(
        db.execute(select(Coverage.code, Coverage.name).where(Coverage.policy_id == case.policy_id)).all()
    )
    rows = db.execute(
        select(CalculationLine)
        .where(CalculationLine.calculation_id == calc.id)
        .order_by(CalculationLine.position)
    ).scalars()
    lines = []
    for row in rows:
        inputs = _loads(
            cipher.decrypt(row.inputs_enc, table="calculation_lines", column="inputs_enc", row_id=row.id)
        )
        result = _loads(
            cipher.decrypt(row.result_enc, table="calculation_lines", column="result_enc", row_id=row.id)
        )
        lines.append(
            LineView(
                row.position,
                row.coverage_code,
                names.get(row.coverage_code, row.coverage_code),
                row.method,
                METHOD_LABELS.get(row.method, row.method),
                inputs,
                result,
                fen_to_yuan(row.payable_fen),
            )
        )
    user = db.get(User, calc.created_by)
    return CalculationView(
        calc.id,
        calc.version_no,
        calc.current,
        calc.engine_version,
        fen_to_yuan(calc.total_fen),
        calc.created_at,
        user.display_name if user else "",
        calc.note,
        tuple(lines),
    )


def calculations(us: UserSession, case_no: str) -> list[CalculationView]:
    """Every version, newest first."""
    require(us, Permission.VIEW_CASES, "calculation.view", "您没有查看案件的权限。", "case")
    with us.bo.db.unit_of_work(write=False) as db:
        case = case_by_number(db, case_no)
        rows = (
            db.execute(
                select(Calculation)
                .where(Calculation.case_id == case.id)
                .order_by(Calculation.version_no.desc())
            )
            .scalars()
            .all()
        )
        return [_view(db, us.keyring, c) for c in rows]


def current_calculation(db: Session, keyring: Keyring, case_id: int) -> CalculationView | None:
    calc = db.execute(
        select(Calculation).where(Calculation.case_id == case_id, Calculation.current.is_(True))
    ).scalar_one_or_none()
    return None if calc is None else _view(db, keyring, calc)


def calculation_version(db: Session, keyring: Keyring, case_id: int, version_no: int) -> CalculationView:
    """One stored version of a case's calculation, current or not."""
    calc = db.execute(
        select(Calculation).where(Calculation.case_id == case_id, Calculation.version_no == version_no)
    ).scalar_one_or_none()
    if calc is None:
        raise NotFound("案件没有理算版本 v{version}。", version=version_no)
    return _view(db, keyring, calc)


def require_calculation(db: Session, keyring: Keyring, case_id: int) -> CalculationView:
    view = current_calculation(db, keyring, case_id)
    if view is None:
        raise NotFound("案件还没有理算。")
    return view


def sheet_lines(calc: CalculationView) -> tuple[SheetLine, ...]:
    """A stored calculation version as the lines of the printed calculation sheet."""
    return tuple(
        SheetLine(
            coverage=line.coverage_name,
            method=line.method,
            engine_version=calc.engine_version,
            inputs=input_rows(line.inputs),
            steps=tuple(Step(**s) for s in line.result["steps"]),
            payable=line.payable,
            warnings=tuple(line.result.get("warnings", ())),
            parts=tuple((k, Decimal(v)) for k, v in line.result.get("parts", {}).items()),
            shares=tuple((k, Decimal(v)) for k, v in line.result.get("shares", {}).items()),
            method_label=line.method_label,
            calculated_at=calc.created_at,
        )
        for line in calc.lines
    )
