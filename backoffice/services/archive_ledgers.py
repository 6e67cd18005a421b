"""The decision, money and audit documents of a case's archive volume.

The approval trail (every signature, voided ones included) and the ruling — the settlement decision or
the denial notice — come first in the volume; then the calculation sheets (every version), the payments
and the audit extract. Dates come from the records, so the documents are the same at every build.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from sqlalchemy import func, select

from backoffice.db.models import AuditRecord
from backoffice.db.models_approval import ApprovalSignature, Payment
from backoffice.domain.archive import DocumentKind
from backoffice.printing import CalculationSheetData, calculation_sheet_pdf
from backoffice.printing.archive_docs import (
    ApprovalTrailData,
    RecordDocument,
    RecordTable,
    Section,
    SignatureLine,
    approval_trail_pdf,
    record_pdf,
)
from backoffice.printing.archive_model import VolumeItem
from backoffice.printing.common import cn_date, cn_datetime, figures
from backoffice.printing.decisions import DecisionData, DenialData, decision_pdf, denial_pdf
from backoffice.services import audit
from backoffice.services.approvals import DENIAL_REASONS, RETURN_REASONS, signatures
from backoffice.services.archive_records import CaseContext, local_day
from backoffice.services.calculations import CalculationView, sheet_lines
from backoffice.services.policies import LINE_LABELS

OUTCOMES = {
    "paid": "核赔通过",
    "no_payment": "核赔通过（无需赔付）",
    "denied": "拒赔",
    "withdrawn": "客户撤案（注销）",
}
PAYMENT_KINDS = {"advance": "先行赔付", "settlement": "赔款"}
PAYMENT_STATUS = {"pending": "待导出", "exported": "已导出", "paid": "已支付", "cancelled": "已取消"}


def _reason(code: str, clause: str) -> str:
    label = RETURN_REASONS.get(code) or DENIAL_REASONS.get(code, "")
    return label + (f"（{clause}）" if clause else "")


def approval_documents(ctx: CaseContext) -> list[VolumeItem]:
    """The approval trail, then the settlement decision or the denial notice."""
    case = ctx.case
    trail = signatures(ctx.db, case.id)
    lines = tuple(
        SignatureLine(
            s.chain_no,
            s.level,
            s.signer,
            s.signer_level,
            s.decision,
            s.amount,
            s.matrix_version,
            s.at,
            _reason(s.reason_code, s.clause),
            s.voided,
        )
        for s in trail
    )
    decided = case.approved_at or (trail[-1].at if trail else None)
    data = ApprovalTrailData(
        letterhead=ctx.letterhead,
        case_number=case.case_no,
        line_of_business=LINE_LABELS.get(case.line, case.line),
        outcome=OUTCOMES.get(case.closing_reason, case.closing_reason or "—"),
        amount=Decimal(case.approved_fen) / 100 if case.approved_fen is not None else None,
        decided_at=decided,
        signatures=lines,
        printed_at=decided or case.closed_at or case.reported_at,
    )
    moment = decided or case.closed_at or case.reported_at
    items = [
        ctx.item(
            DocumentKind.APPROVAL, "核赔审批记录", f"{case.case_no}-HP", moment, approval_trail_pdf(data)
        )
    ]
    if case.approved_fen is not None and case.approved_at is not None:
        items.append(_decision(ctx))
    denial = ctx.db.execute(
        select(ApprovalSignature)
        .where(ApprovalSignature.case_id == case.id, ApprovalSignature.decision == "deny")
        .order_by(ApprovalSignature.id.desc())
    ).scalar()
    if denial is not None:
        items.append(_denial(ctx, denial))
    return items


def _last_payment(ctx: CaseContext) -> Payment | None:
    return ctx.db.execute(
        select(Payment).where(Payment.case_id == ctx.case.id).order_by(Payment.id.desc())
    ).scalar()


def _decision(ctx: CaseContext) -> VolumeItem:
    case = ctx.case
    assert case.approved_at is not None and case.approved_fen is not None
    payment = _last_payment(ctx)
    account = ""
    if payment is not None:
        account = ctx.masker.bank_card(
            ctx.decrypt("payments", "bank_account_enc", payment.id, payment.bank_account_enc)
        )
    name = ctx.masker.name(ctx.customer.get("full_name"))
    data = DecisionData(
        letterhead=ctx.letterhead,
        office=ctx.office.contact(),
        notice_number=f"{case.case_no}-JD",
        notice_date=local_day(case.approved_at),
        addressee_name=name,
        case_number=case.case_no,
        policy_number=ctx.policy.policy_no,
        incident_date=local_day(case.incident_at),
        amount=Decimal(case.approved_fen) / 100,
        payee_name=name,
        bank_account=account or "（待登记）",
        printed_at=case.approved_at,
    )
    return ctx.item(
        DocumentKind.APPROVAL, "理赔决定通知书", data.notice_number, case.approved_at, decision_pdf(data)
    )


def _denial(ctx: CaseContext, signature: ApprovalSignature) -> VolumeItem:
    case = ctx.case
    facts = ctx.decrypt("approval_signatures", "facts_enc", signature.id, signature.facts_enc)
    data = DenialData(
        letterhead=ctx.letterhead,
        office=ctx.office.contact(),
        notice_number=f"{case.case_no}-JP",
        notice_date=local_day(signature.at),
        addressee_name=ctx.masker.name(ctx.customer.get("full_name")),
        case_number=case.case_no,
        policy_number=ctx.policy.policy_no,
        incident_date=local_day(case.incident_at),
        reason=DENIAL_REASONS.get(signature.reason_code, signature.reason_code),
        clause=signature.clause,
        facts=ctx.masker.text(facts),
        printed_at=signature.at,
    )
    return ctx.item(DocumentKind.APPROVAL, "拒赔通知书", data.notice_number, signature.at, denial_pdf(data))


def calculation_sheets(ctx: CaseContext, versions: Sequence[CalculationView]) -> list[VolumeItem]:
    """Every calculation version, oldest first; the file list says which one is current."""
    items: list[VolumeItem] = []
    newest = max((v.version_no for v in versions), default=0)
    for calc in sorted(versions, key=lambda v: v.version_no):
        lines = sheet_lines(calc)
        data = CalculationSheetData(
            letterhead=ctx.letterhead,
            case_number=ctx.case.case_no,
            insured_name=ctx.masker.name(ctx.insured.get("full_name")),
            policy_number=ctx.policy.policy_no,
            line_of_business=LINE_LABELS.get(ctx.case.line, ctx.case.line),
            lines=lines,
            printed_at=calc.created_at,
            product=ctx.policy.product,
            incident_date=local_day(ctx.case.incident_at),
            sheet_number=f"{ctx.case.case_no}-JS{calc.version_no:02d}",
            prepared_by=calc.created_by,
            prepared_on=local_day(calc.created_at),
        )
        item = ctx.item(
            DocumentKind.CALCULATION,
            "赔款计算书",
            data.sheet_number,
            calc.created_at,
            calculation_sheet_pdf(data),
        )
        remark = "现行版本" if calc.current else f"已被第 {newest} 版取代"
        items.append(
            VolumeItem(
                **{**item.__dict__, "title": f"赔款计算书（第 {calc.version_no} 版）", "remark": remark}
            )
        )
    return items


def payments(ctx: CaseContext) -> VolumeItem | None:
    rows = (
        ctx.db.execute(select(Payment).where(Payment.case_id == ctx.case.id).order_by(Payment.id))
        .scalars()
        .all()
    )
    if not rows:
        return None
    from backoffice.db.models import Person
    from backoffice.services.people import decrypt_person

    table = []
    for p in rows:
        person = ctx.db.get(Person, p.payee_person_id)
        payee = decrypt_person(person, ctx.us)["full_name"] if person is not None else ""
        table.append(
            (
                str(p.id),
                PAYMENT_KINDS.get(p.kind, p.kind),
                figures(Decimal(p.amount_fen) / 100),
                ctx.masker.name(payee),
                p.bank_name or "—",
                ctx.masker.bank_card(ctx.decrypt("payments", "bank_account_enc", p.id, p.bank_account_enc)),
                PAYMENT_STATUS.get(p.status, p.status),
                cn_date(p.paid_on) if p.paid_on else "—",
                p.reference or "—",
            )
        )
    paid = sum((Decimal(p.amount_fen) / 100 for p in rows if p.status == "paid"), Decimal("0.00"))
    last = max((p.created_at for p in rows), default=ctx.case.reported_at)
    doc = RecordDocument(
        letterhead=ctx.letterhead,
        title="赔款支付记录",
        case_number=ctx.case.case_no,
        printed_at=last,
        sections=(
            Section(
                "支付明细",
                table=RecordTable(
                    (
                        "编号",
                        "类型",
                        "金额（元）",
                        "领款人",
                        "开户行",
                        "账号",
                        "状态",
                        "支付日期",
                        "银行流水号",
                    ),
                    tuple(table),
                    (7, 9, 13, 9, 12, 20, 8, 14, 14),
                    ("center", "center", "right", "center", "left", "left", "center", "left", "left"),
                    total=("已支付合计（元）", figures(paid)),
                ),
            ),
        ),
    )
    return ctx.item(DocumentKind.PAYMENT, "赔款支付记录", "", last, record_pdf(doc))


def audit_extract(ctx: CaseContext, attachment_ids: Sequence[int]) -> VolumeItem:
    """The case's audit records (and its attachments'), up to the record of its closing."""
    wanted = audit.case_filter(ctx.case.id, attachment_ids)
    cutoff = ctx.db.scalar(
        select(func.max(AuditRecord.seq)).where(
            audit.case_filter(ctx.case.id), AuditRecord.action == "case.close"
        )
    )
    query = select(AuditRecord).where(wanted).order_by(AuditRecord.seq)
    if cutoff is not None:
        query = query.where(AuditRecord.seq <= cutoff)
    records = ctx.db.execute(query).scalars().all()
    rows = tuple(
        (
            str(r.seq),
            cn_datetime(r.at),
            r.username,
            r.role,
            r.action,
            f"{r.object_type} {r.object_id}",
            r.outcome,
            r.reason,
        )
        for r in records
    )
    moment = records[-1].at if records else ctx.case.closed_at or ctx.case.reported_at
    doc = RecordDocument(
        letterhead=ctx.letterhead,
        title="操作审计记录（摘录）",
        case_number=ctx.case.case_no,
        printed_at=moment,
        sections=(
            Section(
                "审计记录",
                table=RecordTable(
                    ("序号", "时间", "用户", "角色", "操作", "对象", "结果", "说明"),
                    rows,
                    (7, 20, 10, 12, 19, 10, 6, 16),
                    ("center", "left", "left", "center", "left", "left", "center", "left"),
                ),
            ),
        ),
        note="摘自系统审计日志（HMAC 链），截至结案记录；完整日志可由审计员校验。",
    )
    return ctx.item(DocumentKind.AUDIT, "操作审计记录（摘录）", "", moment, record_pdf(doc))
