"""The generated documents of a case's archive volume, composed from the records (masked by default).

Every document is built from stored data and dated from it — never from the clock — so building the
volume again gives the same bytes: the acknowledgement is dated when the report was taken, a one-time
notice when it was sent (it is re-printed from the contact log, which records its number and items),
a calculation sheet when it was calculated, the audit extract ends at the case's closing record.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from backoffice.db.models_intake import Case, LossItem, Policy, ProofReference
from backoffice.domain.archive import DocumentKind
from backoffice.domain.case import COMPLEXITY_LABELS, Complexity
from backoffice.domain.checklist import CAUSE_LABELS
from backoffice.domain.money import fen_to_yuan
from backoffice.domain.risk import FLAG_LABELS, RiskFlag
from backoffice.printing import (
    AcknowledgementData,
    Letterhead,
    MissingDocument,
    NoticeData,
    RequiredDocument,
    acknowledgement_pdf,
    missing_documents_notice_pdf,
)
from backoffice.printing.archive_docs import RecordDocument, RecordTable, Section, record_pdf
from backoffice.printing.archive_model import VolumeItem
from backoffice.printing.common import cn_datetime, figures
from backoffice.security.fields import FieldCipher
from backoffice.services.archive_masking import Masker
from backoffice.services.checklists import ItemView
from backoffice.services.contact_log import CHANNELS as CONTACT_CHANNELS
from backoffice.services.contact_log import DIRECTIONS, ContactView
from backoffice.services.context import UserSession
from backoffice.services.intake import CHANNELS, PROOF_KINDS, RELATIONS, SEVERITIES, SHANGHAI
from backoffice.services.office import OfficeInfo
from backoffice.services.policies import LINE_LABELS

_NOTICE = re.compile(r"一次性告知书\s*(\S+?)：缺少\s*\d+\s*项单证（(.*)）\s*$", re.DOTALL)


@dataclass
class CaseContext:
    """What composing the documents needs: the case in an open unit of work, decrypted people."""

    db: Session
    us: UserSession
    case: Case
    policy: Policy
    office: OfficeInfo
    masker: Masker
    users: dict[int, str]
    customer: dict[str, str | None]
    insured: dict[str, str | None]
    checklist: tuple[ItemView, ...]
    contacts: tuple[ContactView, ...]

    @property
    def letterhead(self) -> Letterhead:
        return self.office.letterhead()

    @property
    def cipher(self) -> FieldCipher:
        return FieldCipher(self.us.keyring)

    def decrypt(self, table: str, column: str, row_id: int, blob: bytes | None) -> str:
        return self.cipher.decrypt_optional(blob, table=table, column=column, row_id=row_id) or ""

    def item(
        self, kind: DocumentKind, title: str, doc_no: str, moment: datetime | date, pdf: bytes
    ) -> VolumeItem:
        return VolumeItem(kind.value, title, self.office.department, doc_no, local_day(moment), pdf)


def local_day(moment: datetime | date) -> date:
    return moment.astimezone(SHANGHAI).date() if isinstance(moment, datetime) else moment


def _yuan(fen: int | None) -> str:
    return "—" if fen is None else figures(fen_to_yuan(fen))


def report_record(ctx: CaseContext) -> VolumeItem:
    case, policy, m = ctx.case, ctx.policy, ctx.masker
    reporter = ctx.decrypt("cases", "reporter_name_enc", case.id, case.reporter_name_enc)
    phone = ctx.decrypt("cases", "reporter_phone_enc", case.id, case.reporter_phone_enc)
    place = ctx.decrypt("cases", "incident_place_enc", case.id, case.incident_place_enc)
    narrative = ctx.decrypt("cases", "narrative_enc", case.id, case.narrative_enc)
    losses = []
    for loss in ctx.db.execute(
        select(LossItem).where(LossItem.case_id == case.id).order_by(LossItem.id)
    ).scalars():
        text = ctx.decrypt("loss_items", "description_enc", loss.id, loss.description_enc)
        losses.append(
            (
                "人伤" if loss.kind == "injury" else "财产",
                m.name(text) if loss.kind == "injury" else text,
                str(loss.quantity),
                _yuan(loss.value_fen),
                ctx.decrypt("loss_items", "body_part_enc", loss.id, loss.body_part_enc),
                SEVERITIES.get(loss.severity, loss.severity),
            )
        )
    proofs = tuple(
        (PROOF_KINDS.get(p.kind, p.kind), p.reference)
        for p in ctx.db.execute(select(ProofReference).where(ProofReference.case_id == case.id)).scalars()
    )
    flags = "、".join(FLAG_LABELS.get(RiskFlag(f), f) for f in case.flags.split(",") if f) or "无"
    doc = RecordDocument(
        letterhead=ctx.letterhead,
        title="报案记录",
        case_number=case.case_no,
        printed_at=case.reported_at,
        sections=(
            Section(
                "一、保单信息",
                pairs=(
                    ("保险单号", policy.policy_no),
                    ("险种", policy.product),
                    ("险类", LINE_LABELS.get(case.line, case.line)),
                    ("保险期间", f"{policy.period_start.isoformat()} 至 {policy.period_end.isoformat()}"),
                    ("被保险人", m.name(ctx.insured.get("full_name"))),
                    ("证件号码", m.id_number(ctx.insured.get("id_number")) or "—"),
                ),
            ),
            Section(
                "二、报案信息",
                pairs=(
                    ("报案时间", cn_datetime(case.reported_at)),
                    ("报案渠道", CHANNELS.get(case.channel, case.channel)),
                    ("报案人", m.name(reporter)),
                    ("与被保险人关系", RELATIONS.get(case.reporter_relation, case.reporter_relation)),
                    ("报案人电话", m.mobile(phone) or "—"),
                    ("受理人员", ctx.users.get(case.received_by, "")),
                    ("索赔人", m.name(ctx.customer.get("full_name"))),
                    ("索赔人手机", m.mobile(ctx.customer.get("mobile")) or "—"),
                ),
            ),
            Section(
                "三、出险信息",
                pairs=(
                    ("出险时间", cn_datetime(case.incident_at)),
                    ("出险原因", CAUSE_LABELS.get(case.cause, case.cause)),
                    ("出险地点", m.text(place)),
                    ("估损金额（元）", _yuan(case.estimated_loss_fen)),
                ),
                text=f"事故经过：{m.text(narrative)}" if narrative else "",
            ),
            Section(
                "四、损失清单",
                table=RecordTable(
                    ("类别", "项目或伤者", "数量", "金额（元）", "受伤部位", "伤情"),
                    tuple(losses),
                    (10, 30, 8, 16, 18, 12),
                    ("center", "left", "center", "right", "left", "center"),
                ),
            ),
            Section(
                "五、证明材料线索",
                table=RecordTable(("类型", "编号"), proofs, (1, 2)),
            ),
            Section(
                "六、分类与处理",
                pairs=(
                    ("案件分类", COMPLEXITY_LABELS.get(Complexity(case.complexity), case.complexity)),
                    (
                        "系统分类",
                        COMPLEXITY_LABELS.get(Complexity(case.complexity_auto), case.complexity_auto),
                    ),
                    ("风险提示", flags),
                    ("经办人", ctx.users.get(case.handler_id or 0, "—")),
                    (
                        "材料齐全",
                        cn_datetime(case.materials_complete_at) if case.materials_complete_at else "—",
                    ),
                    ("结案时间", cn_datetime(case.closed_at) if case.closed_at else "—"),
                ),
                text=f"分类理由：{case.complexity_reason}" if case.complexity_reason else "",
            ),
        ),
    )
    return ctx.item(DocumentKind.REPORT, "报案记录", case.case_no, case.reported_at, record_pdf(doc))


def acknowledgement(ctx: CaseContext) -> VolumeItem:
    case, m = ctx.case, ctx.masker
    data = AcknowledgementData(
        letterhead=ctx.letterhead,
        case_number=case.case_no,
        reported_at=case.reported_at,
        channel=CHANNELS.get(case.channel, case.channel),
        reporter_name=m.name(ctx.decrypt("cases", "reporter_name_enc", case.id, case.reporter_name_enc)),
        reporter_relation=RELATIONS.get(case.reporter_relation, ""),
        insured_name=m.name(ctx.insured.get("full_name")),
        policy_number=ctx.policy.policy_no,
        product=ctx.policy.product,
        incident_at=case.incident_at,
        incident_place=m.text(ctx.decrypt("cases", "incident_place_enc", case.id, case.incident_place_enc)),
        incident_cause=CAUSE_LABELS.get(case.cause, case.cause),
        incident_summary=m.text(ctx.decrypt("cases", "narrative_enc", case.id, case.narrative_enc)),
        received_by=ctx.users.get(case.received_by, ""),
        documents=tuple(RequiredDocument(i.title, i.mandatory) for i in ctx.checklist),
        contact=ctx.office.contact(ctx.users.get(case.handler_id or 0, "")),
        printed_at=case.reported_at,
        issued_on=local_day(case.reported_at),
    )
    return ctx.item(
        DocumentKind.ACKNOWLEDGEMENT, "报案回执", case.case_no, case.reported_at, acknowledgement_pdf(data)
    )


def notices(ctx: CaseContext) -> list[VolumeItem]:
    """Every one-time notice sent, re-printed from its contact-log record (number, date, items)."""
    by_title = {i.title: i for i in ctx.checklist}
    items: list[VolumeItem] = []
    for entry in ctx.contacts:
        if entry.kind != "missing_documents_notice":
            continue
        match = _NOTICE.match(entry.summary.strip())
        number = match.group(1) if match else f"{ctx.case.case_no}-GZ"
        titles = [t for t in match.group(2).split("、") if t] if match else []
        missing = tuple(
            MissingDocument(
                t,
                by_title[t].original_required if t in by_title else False,
                "" if t not in by_title or by_title[t].mandatory else "如适用请提供",
            )
            for t in titles
        ) or (MissingDocument(entry.summary),)
        data = NoticeData(
            letterhead=ctx.letterhead,
            notice_number=number,
            notice_date=local_day(entry.at),
            addressee_name=ctx.masker.name(ctx.customer.get("full_name")),
            case_number=ctx.case.case_no,
            policy_number=ctx.policy.policy_no,
            missing=missing,
            office=ctx.office.contact(entry.user),
            channels=ctx.office.channels,
            printed_at=entry.at,
            incident_date=local_day(ctx.case.incident_at),
        )
        pdf = missing_documents_notice_pdf(data)
        item = ctx.item(DocumentKind.NOTICE, "一次性告知书", number, entry.at, pdf)
        items.append(VolumeItem(**{**item.__dict__, "remark": "据发出记录重印"}))
    return items


def checklist(ctx: CaseContext, scans: dict[int, int]) -> VolumeItem:
    """The checklist with every receipt; ``scans`` counts the attachments per checklist item."""
    rows = tuple(
        (
            str(n),
            i.title,
            "必备" if i.mandatory else "视情况",
            cn_datetime(i.received_at) if i.received_at else "未收到",
            "—" if i.is_original is None else "原件" if i.is_original else "复印件",
            str(i.pages or "—"),
            ctx.masker.name(i.received_from) if i.received_from else "—",
            str(scans.get(i.id, 0)),
        )
        for n, i in enumerate(ctx.checklist, start=1)
    )
    received = [i.received_at for i in ctx.checklist if i.received_at]
    moment = max(received) if received else ctx.case.reported_at
    doc = RecordDocument(
        letterhead=ctx.letterhead,
        title="索赔单证清单及收取记录",
        case_number=ctx.case.case_no,
        printed_at=moment,
        sections=(
            Section(
                "单证清单",
                table=RecordTable(
                    ("序号", "单证名称", "要求", "收到时间", "原件/复印件", "页数", "提交人", "扫描件"),
                    rows,
                    (7, 34, 10, 24, 12, 8, 12, 9),
                    ("center", "left", "center", "left", "center", "center", "center", "center"),
                ),
            ),
        ),
        note="扫描件随后逐件归入本卷；未附扫描件的单证以纸质原件或复印件另行保管。",
    )
    return ctx.item(DocumentKind.CHECKLIST, "索赔单证清单及收取记录", "", moment, record_pdf(doc))


def contacts(ctx: CaseContext) -> VolumeItem:
    rows = tuple(
        (
            cn_datetime(c.at),
            CONTACT_CHANNELS.get(c.channel, c.channel),
            DIRECTIONS.get(c.direction, c.direction),
            ctx.masker.text(c.summary),
            c.user,
        )
        for c in ctx.contacts
    )
    moment = ctx.contacts[-1].at if ctx.contacts else ctx.case.reported_at
    doc = RecordDocument(
        letterhead=ctx.letterhead,
        title="客户联系记录",
        case_number=ctx.case.case_no,
        printed_at=moment,
        sections=(
            Section(
                "联系记录",
                table=RecordTable(
                    ("时间", "方式", "方向", "内容摘要", "经办人"),
                    rows,
                    (22, 10, 12, 46, 12),
                    ("left", "center", "center", "left", "center"),
                ),
            ),
        ),
    )
    return ctx.item(DocumentKind.CONTACT, "客户联系记录", "", moment, record_pdf(doc))
