"""Payment (支付), closing (结案), reopening (重开) and withdrawal (注销).

Payments go to a payee with a bank account (encrypted); several payments per case, including an advance
payment of the part that can be determined (保险法 art. 25). A batch export for finance contains bank
accounts in the clear: it needs the password again, is marked, and is audited. A case closes only when
the approved amount is paid, or it was denied or withdrawn.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm.attributes import flag_modified

from backoffice.db.models import Person
from backoffice.db.models_approval import Payment, PaymentBatch
from backoffice.db.models_intake import Case
from backoffice.domain.case import CaseStatus, check_transition
from backoffice.domain.errors import ConflictError, DomainError, NotFound, ValidationError
from backoffice.domain.identity import parse_bank_card
from backoffice.domain.kpi import INJURY_SETTLEMENTS
from backoffice.domain.money import fen_to_yuan, format_yuan, yuan_to_fen
from backoffice.security.fields import FieldCipher
from backoffice.security.roles import Permission
from backoffice.services import audit, deadlines
from backoffice.services.auth import confirm_password
from backoffice.services.case_events import add_event
from backoffice.services.contact_log import add_entry_row
from backoffice.services.context import UserSession
from backoffice.services.guard import require
from backoffice.services.intake import case_by_number
from backoffice.services.keyslots import refresh
from backoffice.services.masking import masker
from backoffice.services.people import PersonInput, add_person_row, decrypt_person, validated_person

CLOSING_REASONS = {
    "paid": "赔款已支付",
    "denied": "已拒赔",
    "withdrawn": "客户撤案",
    "no_payment": "无需赔付",
}
REOPEN_REASONS = {
    "new_evidence": "出现新的证据或损失",
    "customer_appeal": "客户申诉",
    "calculation_error": "理算差错",
    "court_ruling": "法院判决或调解",
    "audit_finding": "稽核发现问题",
}


@dataclass(frozen=True)
class PaymentView:
    id: int
    kind: str
    amount: Decimal
    payee: str  # masked
    bank_account: str  # masked
    bank_name: str
    status: str
    paid_on: date | None
    reference: str
    created_at: datetime
    version: int


def _paid_and_pending(db: object, case_id: int) -> int:
    total = db.scalar(  # type: ignore[attr-defined]
        select(func.coalesce(func.sum(Payment.amount_fen), 0)).where(
            Payment.case_id == case_id, Payment.status != "cancelled"
        )
    )
    return int(total or 0)  # PostgreSQL sums a BIGINT column as NUMERIC (a Decimal)


def add_payment(
    us: UserSession,
    case_no: str,
    *,
    amount: Decimal,
    payee_person_id: int | None = None,
    payee: PersonInput | None = None,
    bank_account: str,
    bank_name: str = "",
    advance: bool = False,
) -> PaymentView:
    """Order a payment: within the approved amount (or, in advance, within the calculated amount).

    The payee is the case's customer, another stored person (``payee_person_id``), or a new payee
    (``payee``: e.g. the repair shop of a direct settlement), stored encrypted in the same transaction.
    """
    role = require(us, Permission.HANDLE_CASES, "payment.add", "只有理赔内勤可以登记支付。", "case")
    if amount <= 0:
        raise ValidationError("amount", "支付金额必须大于 0。")
    account = parse_bank_card(bank_account, check_luhn=False)
    new_payee = validated_person(payee, us.bo.today()) if payee is not None else None
    with us.bo.db.unit_of_work() as db:
        refresh(db, us.keyring)
        case = case_by_number(db, case_no)
        status = CaseStatus(case.status)
        committed = _paid_and_pending(db, case.id) + yuan_to_fen(amount)
        if advance:
            if status not in (
                CaseStatus.MATERIALS_COMPLETE,
                CaseStatus.CALCULATED,
                CaseStatus.PENDING_APPROVAL,
                CaseStatus.RETURNED,
                CaseStatus.REGISTERED,
            ):
                raise DomainError("这个阶段不能先行赔付。")
            ceiling = case.settlement_fen or 0
            if ceiling <= 0:
                raise DomainError("先行赔付需要先对能确定的部分进行理算。")
        else:
            if status not in (CaseStatus.APPROVED, CaseStatus.PAID):
                raise DomainError("案件尚未核赔通过，不能支付赔款（可办理先行赔付）。")
            ceiling = case.approved_fen or 0
        if committed > ceiling:
            raise ValidationError(
                "amount",
                "支付总额 {total} 元超过可支付金额 {ceiling} 元。",
                total=format_yuan(fen_to_yuan(committed)),
                ceiling=format_yuan(fen_to_yuan(ceiling)),
            )
        payee_id = add_person_row(db, us, new_payee).id if new_payee else payee_person_id or case.customer_id
        if db.get(Person, payee_id) is None:
            raise NotFound("没有这位领款人。")
        # Bump the case's version (even when the time is unchanged): of two payments ordered at once,
        # the second fails with a conflict instead of both passing the ceiling check above (PostgreSQL
        # does not serialise the two reads).
        case.last_activity_at = us.bo.now()
        flag_modified(case, "last_activity_at")
        payment = Payment(
            case_id=case.id,
            kind="advance" if advance else "settlement",
            amount_fen=yuan_to_fen(amount),
            payee_person_id=payee_id,
            bank_account_enc=b"",
            bank_name=bank_name.strip()[:64],
            status="pending",
            created_at=us.bo.now(),
            created_by=us.actor.user_id,
        )
        db.add(payment)
        db.flush()
        payment.bank_account_enc = FieldCipher(us.keyring).encrypt(
            account, table="payments", column="bank_account_enc", row_id=payment.id
        )
        add_event(db, us, case, "payment.ordered", None, None, f"{payment.kind} {format_yuan(amount)}")
        audit.record(
            db,
            us,
            "payment.add",
            role=role,
            object_type="case",
            object_id=case.id,
            reason=f"{payment.kind} {format_yuan(amount)}",
        )
        return _view(db, us, payment)


def _view(db: object, us: UserSession, p: Payment) -> PaymentView:
    cipher = FieldCipher(us.keyring)
    account = cipher.decrypt(p.bank_account_enc, table="payments", column="bank_account_enc", row_id=p.id)
    person = db.get(Person, p.payee_person_id)  # type: ignore[attr-defined]
    name = decrypt_person(person, us)["full_name"] or ""
    masks = masker(us.bo.settings)
    return PaymentView(
        p.id,
        p.kind,
        fen_to_yuan(p.amount_fen),
        masks.name(name),
        masks.bank_account(account),
        p.bank_name,
        p.status,
        p.paid_on,
        p.reference,
        p.created_at,
        p.version,
    )


def payments(us: UserSession, case_no: str) -> list[PaymentView]:
    require(us, Permission.VIEW_CASES, "payment.list", "您没有查看案件的权限。", "case")
    with us.bo.db.unit_of_work(write=False) as db:
        case = case_by_number(db, case_no)
        rows = (
            db.execute(select(Payment).where(Payment.case_id == case.id).order_by(Payment.id)).scalars().all()
        )
        return [_view(db, us, p) for p in rows]


def export_batch(us: UserSession, target: Path, *, password: str) -> tuple[int, Decimal]:
    """Every pending payment into one CSV or XLSX file for finance (bank accounts in the clear).

    Needs the password again; the file is written to a temp name and renamed; payments become exported.
    """
    role = require(us, Permission.HANDLE_CASES, "payment.export", "只有理赔内勤可以导出支付批次。", "payment")
    if target.suffix.lower() not in (".csv", ".xlsx"):
        raise ValidationError("file", "支付批次只能导出为 CSV 或 XLSX 文件。")
    confirm_password(us, password, purpose="export")
    cipher = FieldCipher(us.keyring)
    with us.bo.db.unit_of_work() as db:
        rows = db.execute(
            select(Payment, Case.case_no)
            .join(Case, Case.id == Payment.case_id)
            .where(Payment.status == "pending")
            .order_by(Payment.id)
        ).all()
        if not rows:
            raise DomainError("没有待导出的支付。")
        table = [["批次标记", "支付编号", "案件号", "类型", "领款人", "银行", "银行账号", "金额（元）"]]
        for p, case_no in rows:
            person = db.get(Person, p.payee_person_id)
            table.append(
                [
                    "含个人信息 PERSONAL DATA",
                    str(p.id),
                    case_no,
                    "先行赔付" if p.kind == "advance" else "赔款",
                    decrypt_person(person, us)["full_name"] or "",
                    p.bank_name,
                    cipher.decrypt(
                        p.bank_account_enc, table="payments", column="bank_account_enc", row_id=p.id
                    ),
                    format_yuan(fen_to_yuan(p.amount_fen)),
                ]
            )
        data = _render(table, target.suffix.lower())
        total = sum(p.amount_fen for p, _ in rows)
        batch = PaymentBatch(
            created_at=us.bo.now(),
            created_by=us.actor.user_id,
            payments=len(rows),
            total_fen=total,
            file_digest=hashlib.sha256(data).hexdigest(),
        )
        db.add(batch)
        db.flush()
        for p, _ in rows:
            p.status, p.batch_id = "exported", batch.id
        tmp = target.with_name(f".{target.name}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, target)
        audit.record(
            db,
            us,
            "payment.export",
            role=role,
            object_type="payment_batch",
            object_id=batch.id,
            reason=f"payments={len(rows)} total={format_yuan(fen_to_yuan(total))} personal-data export",
        )
        return len(rows), fen_to_yuan(total)


def _render(table: list[list[str]], suffix: str) -> bytes:
    if suffix == ".csv":
        buffer = io.StringIO()
        csv.writer(buffer).writerows(table)
        return buffer.getvalue().encode("utf-8-sig")
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "支付批次"
    for row in table:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def mark_paid(
    us: UserSession, payment_id: int, *, paid_on: date, reference: str, expected_version: int
) -> str:
    """Record the bank's confirmation; the case becomes paid when the approved amount is paid in full."""
    role = require(us, Permission.HANDLE_CASES, "payment.paid", "只有理赔内勤可以登记支付结果。", "payment")
    if not reference.strip():
        raise ValidationError("reference", "请填写银行流水号。")
    if paid_on > us.bo.today():
        raise ValidationError("paid_on", "支付日期不能晚于今天。")
    with us.bo.db.unit_of_work() as db:
        payment = db.get(Payment, payment_id)
        if payment is None:
            raise NotFound("没有这笔支付。")
        if payment.version != expected_version:
            raise ConflictError("这笔支付刚被其他人处理过：请刷新。")
        if payment.status not in ("pending", "exported"):
            raise DomainError("这笔支付已经登记过结果。")
        payment.status, payment.paid_on, payment.reference = "paid", paid_on, reference.strip()[:64]
        case = db.get(Case, payment.case_id)
        assert case is not None
        case.paid_fen += payment.amount_fen
        case.last_activity_at = us.bo.now()
        status = CaseStatus(case.status)
        if status in (CaseStatus.APPROVED, CaseStatus.PAID) and case.paid_fen >= (case.approved_fen or 0):
            check_transition(status, CaseStatus.PAID)
            case.status = CaseStatus.PAID.value
            if status is CaseStatus.APPROVED:
                deadlines.on_status(db, us, case, CaseStatus.PAID, paid_on)
        if payment.kind == "advance":
            deadlines.finish_stage(db, us, case, "statutory_advance_payment", paid_on)
        add_event(
            db,
            us,
            case,
            "payment.paid",
            status,
            CaseStatus(case.status),
            f"{format_yuan(fen_to_yuan(payment.amount_fen))} ref {payment.reference}",
        )
        add_entry_row(
            db,
            us.keyring,
            case_id=case.id,
            at=us.bo.now(),
            channel="sms",
            direction="out",
            kind="payment_notice",
            user_id=us.actor.user_id,
            summary=_payment_notice(case.case_no, payment.amount_fen, paid_on, _last4(us, payment)),
        )
        audit.record(
            db,
            us,
            "payment.paid",
            role=role,
            object_type="case",
            object_id=case.id,
            reason=f"payment {payment.id}",
        )
        return case.status


def cancel_payment(us: UserSession, payment_id: int, *, reason: str, expected_version: int) -> None:
    """Cancel a payment not yet paid (wrong account, the bank returned it): it no longer counts against
    the payable amount, and a new one can be ordered. A paid payment cannot be cancelled."""
    role = require(us, Permission.HANDLE_CASES, "payment.cancel", "只有理赔内勤可以取消支付。", "payment")
    if not reason.strip():
        raise ValidationError("reason", "请说明取消这笔支付的原因。")
    with us.bo.db.unit_of_work() as db:
        payment = db.get(Payment, payment_id)
        if payment is None:
            raise NotFound("没有这笔支付。")
        if payment.version != expected_version:
            raise ConflictError("这笔支付刚被其他人处理过：请刷新。")
        if payment.status not in ("pending", "exported"):
            raise DomainError("只有尚未到账的支付可以取消。")
        payment.status = "cancelled"
        case = db.get(Case, payment.case_id)
        assert case is not None
        case.last_activity_at = us.bo.now()
        status = CaseStatus(case.status)
        detail = f"{format_yuan(fen_to_yuan(payment.amount_fen))}：{reason.strip()[:150]}"
        add_event(db, us, case, "payment.cancelled", status, status, detail)
        audit.record(
            db,
            us,
            "payment.cancel",
            role=role,
            object_type="case",
            object_id=case.id,
            reason=f"payment {payment.id}: {reason.strip()[:150]}",
        )


def _payment_notice(case_no: str, amount_fen: int, paid_on: date, last4: str) -> str:
    amount = format_yuan(fen_to_yuan(amount_fen))
    return (
        f"赔款支付通知：案件 {case_no} 的赔款 {amount} 元已于 {paid_on.isoformat()} "
        f"支付到您尾号 {last4} 的账户，请注意查收。"
    )


def _last4(us: UserSession, payment: Payment) -> str:
    account = FieldCipher(us.keyring).decrypt(
        payment.bank_account_enc, table="payments", column="bank_account_enc", row_id=payment.id
    )
    return account[-4:]


def close_case(
    us: UserSession, case_no: str, *, reason: str, expected_version: int, injury_settlement: str = ""
) -> None:
    """``injury_settlement`` (an injury case: mediation, judgment, other) feeds the mediation KPI."""
    role = require(us, Permission.HANDLE_CASES, "case.close", "只有理赔内勤可以结案。", "case")
    if reason not in CLOSING_REASONS:
        raise ValidationError("reason", "请选择结案原因。")
    if injury_settlement and injury_settlement not in INJURY_SETTLEMENTS:
        raise ValidationError("injury_settlement", "请选择人伤案件的结案方式。")
    with us.bo.db.unit_of_work() as db:
        case = case_by_number(db, case_no)
        if case.version != expected_version:
            raise ConflictError("这个案件刚被其他人处理过：请刷新后再结案。")
        status = CaseStatus(case.status)
        open_payments = db.scalar(
            select(func.count())
            .select_from(Payment)
            .where(Payment.case_id == case.id, Payment.status.in_(("pending", "exported")))
        )
        if open_payments:
            raise DomainError("还有 {n} 笔支付没有结果：不能结案。", n=open_payments)
        if status == CaseStatus.PAID and case.paid_fen < (case.approved_fen or 0):
            raise DomainError("核赔金额尚未全部支付：不能结案。")
        nothing_to_pay = status == CaseStatus.APPROVED and not case.approved_fen
        if status not in (CaseStatus.PAID, CaseStatus.DENIED, CaseStatus.WITHDRAWN) and not nothing_to_pay:
            raise DomainError("只有已支付、已拒赔或已注销的案件（或核定赔款为零的案件）可以结案。")
        check_transition(status, CaseStatus.CLOSED)
        case.status, case.closed_at, case.closing_reason = CaseStatus.CLOSED.value, us.bo.now(), reason
        case.injury_settlement = injury_settlement if case.has_injury else ""
        deadlines.on_status(db, us, case, CaseStatus.CLOSED)
        add_event(db, us, case, "closed", status, CaseStatus.CLOSED, CLOSING_REASONS[reason])
        audit.record(db, us, "case.close", role=role, object_type="case", object_id=case.id, reason=reason)


def reopen_case(us: UserSession, case_no: str, *, reason: str, expected_version: int) -> None:
    role = require(us, Permission.ASSIGN_CASES, "case.reopen", "您没有重开案件的权限。", "case")
    if reason not in REOPEN_REASONS:
        raise ValidationError("reason", "重开原因必须从列表中选择。")
    with us.bo.db.unit_of_work() as db:
        case = case_by_number(db, case_no)
        if case.version != expected_version:
            raise ConflictError("这个案件刚被其他人处理过：请刷新。")
        status = CaseStatus(case.status)
        if status == CaseStatus.ARCHIVED:
            raise DomainError("案件已归档：请先由档案管理员调阅，再重开。")
        check_transition(status, CaseStatus.REGISTERED)
        case.status, case.closed_at, case.closing_reason = CaseStatus.REGISTERED.value, None, ""
        deadlines.on_status(db, us, case, CaseStatus.REGISTERED)
        case.materials_complete_at = None
        add_event(db, us, case, "reopened", status, CaseStatus.REGISTERED, REOPEN_REASONS[reason])
        audit.record(db, us, "case.reopen", role=role, object_type="case", object_id=case.id, reason=reason)


def withdraw_case(us: UserSession, case_no: str, *, confirmation: str, expected_version: int) -> None:
    """注销: the customer withdrew the claim; their confirmation (how and when) is recorded."""
    role = require(us, Permission.HANDLE_CASES, "case.withdraw", "只有理赔内勤可以注销案件。", "case")
    if not confirmation.strip():
        raise ValidationError("confirmation", "注销需要记录客户的确认方式和时间。")
    with us.bo.db.unit_of_work() as db:
        case = case_by_number(db, case_no)
        if case.version != expected_version:
            raise ConflictError("这个案件刚被其他人处理过：请刷新。")
        status = CaseStatus(case.status)
        check_transition(status, CaseStatus.WITHDRAWN)
        case.status = CaseStatus.WITHDRAWN.value
        deadlines.on_status(db, us, case, CaseStatus.WITHDRAWN)
        add_entry_row(
            db,
            us.keyring,
            case_id=case.id,
            at=us.bo.now(),
            channel="phone",
            direction="in",
            kind="withdrawal",
            summary=f"客户确认撤案：{confirmation.strip()}",
            user_id=us.actor.user_id,
        )
        add_event(db, us, case, "withdrawn", status, CaseStatus.WITHDRAWN, "")
        audit.record(db, us, "case.withdraw", role=role, object_type="case", object_id=case.id)
