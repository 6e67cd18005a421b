"""Finding and showing cases: the case list (filtered, sorted and paged in SQL) and the case detail."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from sqlalchemy import ColumnElement, Select, func, or_, select, union
from sqlalchemy.orm import Session, aliased

from backoffice.db.models import Attachment, Person, User
from backoffice.db.models_intake import (
    Case,
    CaseEvent,
    CaseFlagRow,
    CaseWarningOverride,
    LossItem,
    Policy,
    ProofReference,
)
from backoffice.domain.case import COMPLEXITY_LABELS, STATUS_LABELS, CaseStatus, Complexity
from backoffice.domain.checklist import CAUSE_LABELS
from backoffice.domain.errors import ValidationError
from backoffice.domain.identity import is_valid_id_number, is_valid_mobile
from backoffice.domain.money import fen_to_yuan
from backoffice.domain.risk import FLAG_LABELS, RiskFlag
from backoffice.security.fields import FieldCipher
from backoffice.security.roles import Permission
from backoffice.services import audit
from backoffice.services.checklists import ItemView, item_views
from backoffice.services.contact_log import ContactView, entries
from backoffice.services.context import UserSession
from backoffice.services.guard import require
from backoffice.services.intake import (
    CHANNELS,
    PROOF_KINDS,
    RELATIONS,
    SEVERITIES,
    WARNING_LABELS,
    case_by_number,
)
from backoffice.services.masking import masker
from backoffice.services.people import PersonView, get_person_view, lookup
from backoffice.services.policies import LINE_LABELS
from backoffice.services.sla_config import business_day
from backoffice.services.sla_warnings import warning_case_ids

# Sort key → the order in SQL, each backed by an index read in order (migration 0009): a page is read
# from the index without sorting the table. Within a status or complexity the cases follow the report time.
SORTS = {
    "id": (Case.id,),
    "case_no": (Case.case_no,),
    "reported_at": (Case.reported_at, Case.id),
    "status": (Case.status, Case.reported_at, Case.id),
    "estimated_loss": (Case.estimated_loss_fen, Case.id),
    "complexity": (Case.complexity, Case.reported_at, Case.id),
}
MAX_PAGE = 500
# A search matching at most this many cases filters the list by their ids; a broader prefix (say "2025",
# a quarter of a million cases) keeps the OR of the conditions, which the database answers from the same
# indexes before sorting (about half a second on 1,000,000 cases).
SEARCH_BY_IDS = 2_000
CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class CaseFilter:
    statuses: tuple[str, ...] = ()
    handler: str | None = None  # a username
    complexity: str | None = None
    flag: str | None = None
    line: str | None = None
    search: str = ""  # case number, policy number, ID number, mobile or full name
    warning: str | None = None  # red (an open deadline overdue) | yellow (a cached yellow warning)


@dataclass(frozen=True)
class CaseRow:
    id: int
    case_no: str
    status: str
    line: str
    complexity: str
    handler: str
    customer: str  # masked
    reported_at: datetime
    estimated_loss: Decimal
    flags: tuple[str, ...]
    materials_complete_at: datetime | None


def _search_clause(db: Session, us: UserSession, text: str) -> ColumnElement[bool] | None:
    """Cases whose number or policy number starts with ``text``, or whose customer it identifies.

    Each way of matching is its own index lookup (case number, policy number, the person's blind index);
    their union of case ids then filters the list, so that a search never tests every case in list order.
    """
    text = text.strip()
    if not text:
        return None
    people: list[int] = []
    compact = re.sub(r"[\s\-()+]", "", text)
    if is_valid_id_number(compact):
        people = lookup(db, us.keyring, "id_number", compact)
    elif is_valid_mobile(compact):
        people = lookup(db, us.keyring, "mobile", compact)
    elif CJK.search(text):
        people = lookup(db, us.keyring, "full_name", text)
    by_case_no = (Case.case_no >= text) & (Case.case_no < text + "\uffff")
    policy_ids = select(Policy.id).where(Policy.policy_no >= text, Policy.policy_no < text + "\uffff")
    matches = [select(Case.id).where(by_case_no), select(Case.id).where(Case.policy_id.in_(policy_ids))]
    if people:
        matches.append(select(Case.id).where(Case.customer_id.in_(people)))
    ids = db.scalars(union(*matches).limit(SEARCH_BY_IDS + 1)).all()
    if len(ids) <= SEARCH_BY_IDS:
        return Case.id.in_(ids)
    broad = or_(by_case_no, Case.policy_id.in_(policy_ids))
    return or_(broad, Case.customer_id.in_(people)) if people else broad


def _filtered(db: Session, us: UserSession, flt: CaseFilter, query: Select) -> Select:  # type: ignore[type-arg]
    unknown = set(flt.statuses) - {s.value for s in CaseStatus}
    if unknown:
        raise ValidationError("status", "未知的案件状态：{names}。", names=", ".join(sorted(unknown)))
    if flt.statuses:
        query = query.where(Case.status.in_(flt.statuses))
    if flt.handler:
        query = query.where(
            Case.handler_id == select(User.id).where(User.username == flt.handler).scalar_subquery()
        )
    if flt.complexity:
        query = query.where(Case.complexity == flt.complexity)
    if flt.line:
        query = query.where(Case.line == flt.line)
    if flt.flag:
        query = query.where(Case.id.in_(select(CaseFlagRow.case_id).where(CaseFlagRow.code == flt.flag)))
    if flt.warning:
        query = query.where(Case.id.in_(warning_case_ids(flt.warning, business_day(us.bo.now()))))
    clause = _search_clause(db, us, flt.search)
    if clause is not None:
        query = query.where(clause)
    return query


def list_cases(
    us: UserSession,
    flt: CaseFilter = CaseFilter(),
    *,
    sort: str = "id",
    descending: bool = True,
    offset: int = 0,
    limit: int = 200,
) -> list[CaseRow]:
    """One page of the case list; filtering, sorting and paging happen in SQL.

    The page's ids come first, from the sort order's index alone (a deep page skips index entries, not
    joined rows); then only those cases are read with their handler and customer.
    """
    require(us, Permission.VIEW_CASES, "case.list", "您没有查看案件的权限。", "case")
    if sort not in SORTS:
        raise ValidationError("sort", "不能按“{sort}”排序。", sort=sort)
    limit = max(1, min(limit, MAX_PAGE))
    order = [c.desc() if descending else c.asc() for c in SORTS[sort]]
    handler = aliased(User)
    with us.bo.db.unit_of_work(write=False) as db:
        page = _filtered(db, us, flt, select(Case.id)).order_by(*order).offset(max(0, offset)).limit(limit)
        ids = list(db.scalars(page))
        if not ids:
            return []
        query = (
            select(
                Case.id,
                Case.case_no,
                Case.status,
                Case.line,
                Case.complexity,
                Case.customer_id,
                Case.reported_at,
                Case.estimated_loss_fen,
                Case.flags,
                Case.materials_complete_at,
                handler.display_name,
                Person.full_name_enc,
            )
            .outerjoin(handler, handler.id == Case.handler_id)
            .join(Person, Person.id == Case.customer_id)
            .where(Case.id.in_(ids))
        )
        cipher = FieldCipher(us.keyring)
        masks = masker(us.bo.settings)
        rows: dict[int, CaseRow] = {}
        for r in db.execute(query):
            customer = cipher.decrypt(
                r.full_name_enc, table="persons", column="full_name_enc", row_id=r.customer_id
            )
            rows[r.id] = CaseRow(
                r.id,
                r.case_no,
                r.status,
                r.line,
                r.complexity,
                r.display_name or "",
                masks.name(customer),
                r.reported_at,
                fen_to_yuan(r.estimated_loss_fen),
                tuple(f for f in r.flags.split(",") if f),
                r.materials_complete_at,
            )
        return [rows[i] for i in ids if i in rows]


def count_cases(us: UserSession, flt: CaseFilter = CaseFilter()) -> int:
    require(us, Permission.VIEW_CASES, "case.list", "您没有查看案件的权限。", "case")
    with us.bo.db.unit_of_work(write=False) as db:
        return db.scalar(_filtered(db, us, flt, select(func.count()).select_from(Case))) or 0


@dataclass(frozen=True)
class LossView:
    kind: str
    description: str  # an injured person's name is masked
    quantity: int
    value: Decimal
    body_part: str
    severity: str


@dataclass(frozen=True)
class EventView:
    at: datetime
    kind: str
    from_status: str
    to_status: str
    detail: str
    user: str


@dataclass(frozen=True)
class AttachmentRef:
    id: int
    item_id: int
    media_type: str
    size: int
    pages: int | None


@dataclass(frozen=True)
class CaseDetail:
    id: int
    case_no: str
    status: str
    line: str
    policy_no: str
    product: str
    period: tuple[str, str]
    complexity: str
    complexity_auto: str
    complexity_reason: str
    handler: str
    customer: PersonView
    channel: str
    reporter_name: str  # masked
    reporter_phone: str | None  # masked
    reporter_relation: str
    reported_at: datetime
    incident_at: datetime
    incident_place: str
    cause: str
    narrative: str
    estimated_loss: Decimal
    flags: tuple[str, ...]
    overrides: tuple[tuple[str, str], ...]
    materials_complete_at: datetime | None
    losses: tuple[LossView, ...]
    proofs: tuple[tuple[str, str], ...]
    checklist: tuple[ItemView, ...]
    attachments: tuple[AttachmentRef, ...]
    contacts: tuple[ContactView, ...]
    events: tuple[EventView, ...]
    version: int
    extra: dict[str, object] = field(default_factory=dict)


def _dec(cipher: FieldCipher, table: str, column: str, row_id: int, blob: bytes | None) -> str | None:
    return cipher.decrypt_optional(blob, table=table, column=column, row_id=row_id)


def get_case(us: UserSession, case_no: str) -> CaseDetail:
    role = require(us, Permission.VIEW_CASES, "case.view", "您没有查看案件的权限。", "case")
    cipher = FieldCipher(us.keyring)
    masks = masker(us.bo.settings)
    with us.bo.db.unit_of_work() as db:
        case = case_by_number(db, case_no)
        policy = db.get(Policy, case.policy_id)
        assert policy is not None
        handler = db.get(User, case.handler_id) if case.handler_id else None
        reporter = _dec(cipher, "cases", "reporter_name_enc", case.id, case.reporter_name_enc) or ""
        phone = _dec(cipher, "cases", "reporter_phone_enc", case.id, case.reporter_phone_enc)
        losses = []
        for loss in db.execute(
            select(LossItem).where(LossItem.case_id == case.id).order_by(LossItem.id)
        ).scalars():
            text = _dec(cipher, "loss_items", "description_enc", loss.id, loss.description_enc) or ""
            losses.append(
                LossView(
                    loss.kind,
                    masks.name(text) if loss.kind == "injury" else text,
                    loss.quantity,
                    fen_to_yuan(loss.value_fen),
                    _dec(cipher, "loss_items", "body_part_enc", loss.id, loss.body_part_enc) or "",
                    loss.severity,
                )
            )
        items = item_views(db, case.id)
        attachments = db.execute(
            select(Attachment)
            .where(Attachment.owner_type == "checklist_item", Attachment.owner_id.in_([i.id for i in items]))
            .order_by(Attachment.id)
        ).scalars()
        users = {u.id: u.display_name for u in db.execute(select(User)).scalars()}
        events = db.execute(
            select(CaseEvent).where(CaseEvent.case_id == case.id).order_by(CaseEvent.at, CaseEvent.id)
        ).scalars()
        overrides = db.execute(
            select(CaseWarningOverride).where(CaseWarningOverride.case_id == case.id)
        ).scalars()
        proofs = db.execute(select(ProofReference).where(ProofReference.case_id == case.id)).scalars()
        detail = CaseDetail(
            id=case.id,
            case_no=case.case_no,
            status=case.status,
            line=case.line,
            policy_no=policy.policy_no,
            product=policy.product,
            period=(policy.period_start.isoformat(), policy.period_end.isoformat()),
            complexity=case.complexity,
            complexity_auto=case.complexity_auto,
            complexity_reason=case.complexity_reason,
            handler=handler.display_name if handler else "",
            customer=get_person_view(db, us, case.customer_id),
            channel=case.channel,
            reporter_name=masks.name(reporter),
            reporter_phone=masks.mobile(phone) if phone else None,
            reporter_relation=case.reporter_relation,
            reported_at=case.reported_at,
            incident_at=case.incident_at,
            incident_place=_dec(cipher, "cases", "incident_place_enc", case.id, case.incident_place_enc)
            or "",
            cause=case.cause,
            narrative=_dec(cipher, "cases", "narrative_enc", case.id, case.narrative_enc) or "",
            estimated_loss=fen_to_yuan(case.estimated_loss_fen),
            flags=tuple(f for f in case.flags.split(",") if f),
            overrides=tuple((o.code, o.reason) for o in overrides),
            materials_complete_at=case.materials_complete_at,
            losses=tuple(losses),
            proofs=tuple((p.kind, p.reference) for p in proofs),
            checklist=tuple(items),
            attachments=tuple(
                AttachmentRef(a.id, a.owner_id or 0, a.media_type, a.size, a.pages) for a in attachments
            ),
            contacts=tuple(entries(db, us.keyring, case.id)),
            events=tuple(
                EventView(e.at, e.kind, e.from_status, e.to_status, e.detail, users.get(e.user_id or 0, ""))
                for e in events
            ),
            version=case.version,
        )
        detail.extra.update(_money_and_approvals(db, us, case))
        audit.record(db, us, "case.view", role=role, object_type="case", object_id=case.id)
        return detail


def _money_and_approvals(db: Session, us: UserSession, case: Case) -> dict[str, object]:
    """Amounts, the approval trail and payments for the JSON view (later issues add more)."""
    from backoffice.db.models_approval import Payment
    from backoffice.services.approvals import signatures

    def yuan(fen: int | None) -> str | None:
        return None if fen is None else f"{fen_to_yuan(fen):.2f}"

    pays = db.execute(select(Payment).where(Payment.case_id == case.id).order_by(Payment.id)).scalars()
    return {
        "amounts": {
            "estimated_loss": yuan(case.estimated_loss_fen),
            "settlement": yuan(case.settlement_fen),
            "approved": yuan(case.approved_fen),
            "paid": yuan(case.paid_fen),
        },
        "approval": {
            "chain": case.approval_chain_no,
            "next_level": case.approval_next_level,
            "top_level": case.approval_top_level,
        },
        "approvals": [
            {
                "level": s.level,
                "signer": s.signer,
                "signer_level": s.signer_level,
                "decision": s.decision,
                "amount": f"{s.amount:.2f}",
                "matrix_version": s.matrix_version,
                "at": s.at.isoformat(),
                "reason_code": s.reason_code,
                "chain": s.chain_no,
                "voided": s.voided,
            }
            for s in signatures(db, case.id)
        ],
        "payments": [
            {
                "id": p.id,
                "kind": p.kind,
                "amount": yuan(p.amount_fen),
                "status": p.status,
                "paid_on": p.paid_on.isoformat() if p.paid_on else None,
                "reference": p.reference,
            }
            for p in pays
        ],
        "closed_at": case.closed_at.isoformat() if case.closed_at else None,
        "closing_reason": case.closing_reason,
    }


def case_json(detail: CaseDetail) -> dict[str, object]:
    """The case as the CLI prints it (masked personal data)."""
    missing = [i.title for i in detail.checklist if i.received_at is None]
    return {
        "case_no": detail.case_no,
        "status": detail.status,
        "status_label": STATUS_LABELS[CaseStatus(detail.status)],
        "line": detail.line,
        "line_label": LINE_LABELS.get(detail.line, detail.line),
        "policy_no": detail.policy_no,
        "complexity": detail.complexity,
        "complexity_label": COMPLEXITY_LABELS[Complexity(detail.complexity)],
        "complexity_auto": detail.complexity_auto,
        "handler": detail.handler,
        "customer": {
            "name": detail.customer.full_name,
            "id_number": detail.customer.id_number,
            "mobile": detail.customer.mobile,
        },
        "reporter": {
            "name": detail.reporter_name,
            "phone": detail.reporter_phone,
            "relation": RELATIONS.get(detail.reporter_relation, detail.reporter_relation),
        },
        "channel": CHANNELS.get(detail.channel, detail.channel),
        "reported_at": detail.reported_at.isoformat(),
        "incident_at": detail.incident_at.isoformat(),
        "cause": CAUSE_LABELS.get(detail.cause, detail.cause),
        "estimated_loss": f"{detail.estimated_loss:.2f}",
        "flags": [{"code": f, "label": FLAG_LABELS[RiskFlag(f)]} for f in detail.flags],
        "warnings_overridden": [
            {"code": c, "label": WARNING_LABELS.get(c, c), "reason": r} for c, r in detail.overrides
        ],
        "checklist": {
            "complete": all(i.received_at is not None for i in detail.checklist if i.mandatory),
            "materials_complete_at": detail.materials_complete_at.isoformat()
            if detail.materials_complete_at
            else None,
            "items": [
                {
                    "code": i.code,
                    "title": i.title,
                    "mandatory": i.mandatory,
                    "received_at": i.received_at.isoformat() if i.received_at else None,
                }
                for i in detail.checklist
            ],
            "missing": missing,
        },
        "losses": [
            {
                "kind": loss.kind,
                "description": loss.description,
                "quantity": loss.quantity,
                "value": f"{loss.value:.2f}",
                "severity": SEVERITIES.get(loss.severity, loss.severity),
            }
            for loss in detail.losses
        ],
        "proofs": [{"kind": PROOF_KINDS.get(k, k), "reference": r} for k, r in detail.proofs],
        "attachments": len(detail.attachments),
        "contacts": len(detail.contacts),
        **detail.extra,
    }
