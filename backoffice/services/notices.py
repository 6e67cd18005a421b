"""Letters printed from a case: the acknowledgement (报案回执), the one-time notice of missing documents
(一次性告知书, 保险法 art. 22) and the calculation sheet (赔款计算书). Personal data is masked on them."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import func, select

from backoffice.db.models import User
from backoffice.db.models_intake import Case, ContactLogEntry, Policy
from backoffice.domain.checklist import CAUSE_LABELS
from backoffice.domain.errors import DomainError, NotFound
from backoffice.domain.identity import mask_name
from backoffice.printing import (
    AcknowledgementData,
    CalculationSheetData,
    MissingDocument,
    NoticeData,
    RequiredDocument,
    acknowledgement_pdf,
    calculation_sheet_pdf,
    missing_documents_notice_pdf,
)
from backoffice.security.fields import FieldCipher
from backoffice.security.roles import Permission
from backoffice.services import audit, deadlines
from backoffice.services.archive_lock import ensure_not_archived
from backoffice.services.calculations import calculation_version, current_calculation, sheet_lines
from backoffice.services.checklists import item_views
from backoffice.services.contact_log import add_entry_row
from backoffice.services.context import UserSession
from backoffice.services.guard import require
from backoffice.services.intake import CHANNELS, RELATIONS, SHANGHAI
from backoffice.services.office import office_info
from backoffice.services.people import decrypt_person
from backoffice.services.policies import LINE_LABELS


def _case(db: object, case_id: int) -> Case:
    case = db.get(Case, case_id)  # type: ignore[attr-defined]
    if case is None:
        raise NotFound("没有编号为 {id} 的案件。", id=case_id)
    return case


def _names(db: object, us: UserSession, case: Case) -> tuple[str, str, Policy]:
    from backoffice.db.models import Person

    policy = db.get(Policy, case.policy_id)  # type: ignore[attr-defined]
    insured = decrypt_person(db.get(Person, policy.insured_id), us)["full_name"] or ""  # type: ignore[attr-defined]
    customer = decrypt_person(db.get(Person, case.customer_id), us)["full_name"] or ""  # type: ignore[attr-defined]
    return mask_name(insured), mask_name(customer), policy


def acknowledgement(us: UserSession, case_id: int) -> bytes:
    role = require(
        us, Permission.VIEW_CASES, "notice.acknowledgement", "您没有查看案件的权限。", "case", case_id
    )
    office = office_info(us.bo.settings)
    cipher = FieldCipher(us.keyring)
    with us.bo.db.unit_of_work() as db:
        case = _case(db, case_id)
        insured, _customer, policy = _names(db, us, case)
        reporter = cipher.decrypt(
            case.reporter_name_enc, table="cases", column="reporter_name_enc", row_id=case.id
        )
        narrative = cipher.decrypt_optional(
            case.narrative_enc, table="cases", column="narrative_enc", row_id=case.id
        )
        place = cipher.decrypt(
            case.incident_place_enc, table="cases", column="incident_place_enc", row_id=case.id
        )
        receiver = db.get(User, case.received_by)
        handler = db.get(User, case.handler_id) if case.handler_id else None
        items = item_views(db, case.id)
        data = AcknowledgementData(
            letterhead=office.letterhead(),
            case_number=case.case_no,
            reported_at=case.reported_at,
            channel=CHANNELS.get(case.channel, case.channel),
            reporter_name=mask_name(reporter),
            reporter_relation=RELATIONS.get(case.reporter_relation, ""),
            insured_name=insured,
            policy_number=policy.policy_no,
            product=policy.product,
            incident_at=case.incident_at,
            incident_place=place,
            incident_cause=CAUSE_LABELS.get(case.cause, case.cause),
            incident_summary=narrative or "",
            received_by=receiver.display_name if receiver else "",
            documents=tuple(RequiredDocument(i.title, i.mandatory) for i in items),
            contact=office.contact(handler.display_name if handler else ""),
            printed_at=us.bo.now(),
            issued_on=us.bo.now().astimezone(SHANGHAI).date(),
        )
        deadlines.finish_stage(db, us, case, "ctpl_document_list", us.bo.now())
        audit.record(db, us, "notice.acknowledgement", role=role, object_type="case", object_id=case.id)
    return acknowledgement_pdf(data)


def missing_documents_notice(us: UserSession, case_id: int) -> bytes:
    """Every missing document at once; the letter is recorded in the case's contact log."""
    role = require(
        us,
        Permission.HANDLE_CASES,
        "notice.missing_documents",
        "只有理赔内勤可以出具告知书。",
        "case",
        case_id,
    )
    office = office_info(us.bo.settings)
    now = us.bo.now()
    with us.bo.db.unit_of_work() as db:
        case = _case(db, case_id)
        ensure_not_archived(case)
        missing = [i for i in item_views(db, case.id) if i.received_at is None]
        if not missing:
            raise DomainError("这个案件没有缺少的单证：无需出具一次性告知书。")
        insured, customer, policy = _names(db, us, case)
        sequence = (
            db.scalar(
                select(func.count())
                .select_from(ContactLogEntry)
                .where(ContactLogEntry.case_id == case.id, ContactLogEntry.kind == "missing_documents_notice")
            )
            or 0
        ) + 1
        handler = db.get(User, case.handler_id) if case.handler_id else None
        data = NoticeData(
            letterhead=office.letterhead(),
            notice_number=f"{case.case_no}-GZ{sequence:02d}",
            notice_date=now.astimezone(SHANGHAI).date(),
            addressee_name=customer,
            case_number=case.case_no,
            policy_number=policy.policy_no,
            missing=tuple(
                MissingDocument(i.title, i.original_required, "" if i.mandatory else "如适用请提供")
                for i in missing
            ),
            office=office.contact(handler.display_name if handler else ""),
            channels=office.channels,
            printed_at=now,
            insured_name=insured if insured != customer else "",
            incident_date=case.incident_at.astimezone(SHANGHAI).date(),
        )
        pdf = missing_documents_notice_pdf(data)
        add_entry_row(
            db,
            us.keyring,
            case_id=case.id,
            at=now,
            channel="notice",
            direction="out",
            kind="missing_documents_notice",
            user_id=us.actor.user_id,
            summary=f"一次性告知书 {data.notice_number}：缺少 {len(missing)} 项单证（"
            + "、".join(i.title for i in missing)
            + "）",
        )
        case.last_activity_at = now
        deadlines.finish_stage(db, us, case, "ctpl_document_list", now)
        audit.record(
            db,
            us,
            "notice.missing_documents",
            role=role,
            object_type="case",
            object_id=case.id,
            reason=f"{data.notice_number} items={len(missing)}",
        )
    return pdf


def calculation_sheet(us: UserSession, case_id: int, version_no: int | None = None) -> bytes:
    """The sheet of the current calculation, or of the stored version ``version_no``."""
    role = require(
        us, Permission.VIEW_CASES, "notice.calculation_sheet", "您没有查看案件的权限。", "case", case_id
    )
    office = office_info(us.bo.settings)
    with us.bo.db.unit_of_work() as db:
        case = _case(db, case_id)
        if version_no is None:
            calc = current_calculation(db, us.keyring, case.id)
        else:
            calc = calculation_version(db, us.keyring, case.id, version_no)
        if calc is None:
            raise DomainError("案件还没有理算：没有可打印的计算书。")
        sheet_number = f"{case.case_no}-JS{calc.version_no:02d}"
        if not calc.current:
            sheet_number += f"（第 {calc.version_no} 版，非当前版本）"
        insured, _customer, policy = _names(db, us, case)
        lines = sheet_lines(calc)
        data = CalculationSheetData(
            letterhead=office.letterhead(),
            case_number=case.case_no,
            insured_name=insured,
            policy_number=policy.policy_no,
            line_of_business=LINE_LABELS.get(case.line, case.line),
            lines=lines,
            printed_at=calc.created_at,
            product=policy.product,
            incident_date=case.incident_at.astimezone(SHANGHAI).date(),
            sheet_number=sheet_number,
            prepared_by=calc.created_by,
            prepared_on=calc.created_at.astimezone(SHANGHAI).date(),
        )
        audit.record(
            db,
            us,
            "notice.calculation_sheet",
            role=role,
            object_type="case",
            object_id=case.id,
            reason=f"v{calc.version_no}",
        )
    return calculation_sheet_pdf(data)


def _notice_parts(db: object, us: UserSession, case_id: int) -> tuple[Case, Policy, str]:
    case = _case(db, case_id)
    _insured, customer, policy = _names(db, us, case)
    return case, policy, customer


def decision_notice(us: UserSession, case_id: int) -> bytes:
    """理赔决定通知书 for an approved case (payee and account masked)."""
    from backoffice.db.models_approval import Payment
    from backoffice.domain.identity import mask_bank_card
    from backoffice.printing.decisions import DecisionData, decision_pdf

    role = require(us, Permission.VIEW_CASES, "notice.decision", "您没有查看案件的权限。", "case", case_id)
    office = office_info(us.bo.settings)
    now = us.bo.now()
    with us.bo.db.unit_of_work() as db:
        case, policy, customer = _notice_parts(db, us, case_id)
        if case.approved_fen is None:
            raise DomainError("案件尚未核赔通过：没有理赔决定可通知。")
        payment = db.execute(
            select(Payment).where(Payment.case_id == case.id).order_by(Payment.id.desc())
        ).scalar()
        account = ""
        if payment is not None:
            account = mask_bank_card(
                FieldCipher(us.keyring).decrypt(
                    payment.bank_account_enc, table="payments", column="bank_account_enc", row_id=payment.id
                )
            )
        data = DecisionData(
            letterhead=office.letterhead(),
            office=office.contact(),
            notice_number=f"{case.case_no}-JD",
            notice_date=now.astimezone(SHANGHAI).date(),
            addressee_name=customer,
            case_number=case.case_no,
            policy_number=policy.policy_no,
            incident_date=case.incident_at.astimezone(SHANGHAI).date(),
            amount=Decimal(case.approved_fen) / 100,
            payee_name=customer,
            bank_account=account or "（待登记）",
            printed_at=case.approved_at or now,
        )
        audit.record(db, us, "notice.decision", role=role, object_type="case", object_id=case.id)
    return decision_pdf(data)


def denial_notice(us: UserSession, case_id: int) -> bytes:
    """拒赔通知书 stating the clause and the facts of the denial signature."""
    from backoffice.db.models_approval import ApprovalSignature
    from backoffice.printing.decisions import DenialData, denial_pdf
    from backoffice.services.approvals import DENIAL_REASONS

    role = require(us, Permission.VIEW_CASES, "notice.denial", "您没有查看案件的权限。", "case", case_id)
    office = office_info(us.bo.settings)
    with us.bo.db.unit_of_work() as db:
        case, policy, customer = _notice_parts(db, us, case_id)
        ensure_not_archived(case)
        signature = db.execute(
            select(ApprovalSignature)
            .where(ApprovalSignature.case_id == case.id, ApprovalSignature.decision == "deny")
            .order_by(ApprovalSignature.id.desc())
        ).scalar()
        if signature is None:
            raise DomainError("案件没有拒赔决定：不能出具拒赔通知书。")
        facts = (
            FieldCipher(us.keyring).decrypt_optional(
                signature.facts_enc, table="approval_signatures", column="facts_enc", row_id=signature.id
            )
            or ""
        )
        data = DenialData(
            letterhead=office.letterhead(),
            office=office.contact(),
            notice_number=f"{case.case_no}-JP",
            notice_date=signature.at.astimezone(SHANGHAI).date(),
            addressee_name=customer,
            case_number=case.case_no,
            policy_number=policy.policy_no,
            incident_date=case.incident_at.astimezone(SHANGHAI).date(),
            reason=DENIAL_REASONS.get(signature.reason_code, signature.reason_code),
            clause=signature.clause,
            facts=facts,
            printed_at=signature.at,
        )
        add_entry_row(
            db,
            us.keyring,
            case_id=case.id,
            at=us.bo.now(),
            channel="letter",
            direction="out",
            kind="denial_notice",
            user_id=us.actor.user_id,
            summary=f"拒赔通知书 {data.notice_number}：{data.reason}；依据 {data.clause}",
        )
        audit.record(db, us, "notice.denial", role=role, object_type="case", object_id=case.id)
    return denial_pdf(data)
