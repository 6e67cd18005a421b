"""Gathering a closed case's volume: its documents in the configured order, number, retention, notes.

Attachments are decrypted through ``attachments.opened_copy`` (which checks each one's digest and audits
the access) into the build's private work directory; everything else is read in one unit of work.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from backoffice.db.models import Attachment, Person, User
from backoffice.db.models_archive import ArchiveVolume
from backoffice.db.models_intake import Case, Policy
from backoffice.domain.archive import (
    RETENTION_LABELS,
    DocumentKind,
    Retention,
    at_least,
    filing_year,
    sort_key,
    statutory_minimum,
)
from backoffice.domain.case import CaseStatus
from backoffice.domain.errors import DomainError, IntegrityError
from backoffice.printing.archive_model import PdfaVerdict, VolumeItem
from backoffice.services import calculations as calculation_service
from backoffice.services.archive_config import ArchiveConfig
from backoffice.services.archive_ledgers import (
    approval_documents,
    audit_extract,
    calculation_sheets,
    payments,
)
from backoffice.services.archive_masking import MASKED_NOTE, Masker
from backoffice.services.archive_records import (
    CaseContext,
    acknowledgement,
    checklist,
    contacts,
    local_day,
    notices,
    report_record,
)
from backoffice.services.attachments import opened_copy
from backoffice.services.checklists import item_views
from backoffice.services.contact_log import entries
from backoffice.services.context import UserSession
from backoffice.services.intake import case_by_number
from backoffice.services.office import office_info
from backoffice.services.people import decrypt_person
from backoffice.services.policies import LINE_LABELS

_ALWAYS = (
    DocumentKind.APPROVAL,
    DocumentKind.REPORT,
    DocumentKind.ACKNOWLEDGEMENT,
    DocumentKind.CHECKLIST,
    DocumentKind.CONTACT,
    DocumentKind.AUDIT,
)
_EXTENSIONS = {"image/jpeg": ".jpg", "image/png": ".png", "image/tiff": ".tif", "application/pdf": ".pdf"}


@dataclass
class Gathered:
    """Everything a volume needs before it is built."""

    case_id: int
    case_no: str
    case_version: int
    title: str
    items: list[VolumeItem]
    year: int
    retention: Retention
    start: date  # the report's date
    end: date  # the closing date
    archive_no: str
    series: str
    item_no: int
    version: int
    previous_id: int | None
    required: tuple[str, ...]
    notes: list[str] = field(default_factory=list)
    problems: list[DomainError] = field(default_factory=list)


def _retention(case: Case, config: ArchiveConfig) -> Retention:
    chosen = config.retention_default
    if case.has_injury or case.death_or_disability:
        chosen = at_least(chosen, config.retention_injury)
    if case.litigation:
        chosen = at_least(chosen, config.retention_litigation)
    return chosen


def _attachments(us: UserSession, case_no: str) -> tuple[int, list[tuple[int, int, str]]]:
    """(case id, [(attachment id, checklist item id, media type)]) in checklist order; refuses non-closed."""
    with us.bo.db.unit_of_work(write=False) as db:
        case = case_by_number(db, case_no)
        if case.status != CaseStatus.CLOSED.value:
            raise DomainError(
                "只有已结案的案件可以立卷归档（案件 {no} 当前未结案或已归档）。", no=case.case_no
            )
        items = item_views(db, case.id)
        position = {item.id: n for n, item in enumerate(items)}
        rows = db.execute(
            select(Attachment.id, Attachment.owner_id, Attachment.media_type).where(
                Attachment.owner_type == "checklist_item", Attachment.owner_id.in_(list(position))
            )
        ).all()
        ordered = sorted(rows, key=lambda r: (position[r[1]], r[0]))
        return case.id, [(r[0], r[1], r[2]) for r in ordered]


def _copies(
    us: UserSession, found: list[tuple[int, int, str]], workdir: Path, problems: list[DomainError]
) -> dict[int, Path]:
    copies: dict[int, Path] = {}
    for attachment_id, _item, media_type in found:
        target = workdir / f"attachment-{attachment_id}{_EXTENSIONS.get(media_type, '')}"
        try:
            with opened_copy(us, attachment_id) as plain:
                shutil.copyfile(plain, target)
        except IntegrityError as exc:
            problems.append(
                DomainError(
                    "附件 #{id} 未通过校验（{detail}），不能归档。", id=attachment_id, detail=exc.format()
                )
            )
            continue
        copies[attachment_id] = target
    return copies


def gather(us: UserSession, case_no: str, masker: Masker, config: ArchiveConfig, workdir: Path) -> Gathered:
    case_id, found = _attachments(us, case_no)
    versions = calculation_service.calculations(us, case_no)
    problems: list[DomainError] = []
    copies = _copies(us, found, workdir, problems)
    with us.bo.db.unit_of_work(write=False) as db:
        case = db.get(Case, case_id)
        policy = db.get(Policy, case.policy_id) if case is not None else None
        assert case is not None and policy is not None
        ctx = CaseContext(
            db=db,
            us=us,
            case=case,
            policy=policy,
            office=office_info(us.bo.settings),
            masker=masker,
            users={u.id: u.display_name for u in db.execute(select(User)).scalars()},
            customer=decrypt_person(db.get(Person, case.customer_id), us),  # type: ignore[arg-type]
            insured=decrypt_person(db.get(Person, policy.insured_id), us),  # type: ignore[arg-type]
            checklist=tuple(item_views(db, case.id)),
            contacts=tuple(entries(db, us.keyring, case.id)),
        )
        scans = {item_id: sum(1 for _a, i, _m in found if i == item_id) for _a, item_id, _m in found}
        items: list[VolumeItem] = [*approval_documents(ctx), report_record(ctx), acknowledgement(ctx)]
        items += notices(ctx)
        items.append(checklist(ctx, scans))
        items += _attachment_items(ctx, found, copies)
        items += calculation_sheets(ctx, versions)
        paid = payments(ctx)
        items += [paid] if paid is not None else []
        items += [contacts(ctx), audit_extract(ctx, [a for a, _i, _m in found])]
        order = sort_key(config.order)
        items.sort(key=lambda item: order[DocumentKind(item.kind)])
        assert case.closed_at is not None
        year = filing_year(local_day(case.closed_at))
        configured = _retention(case, config)
        retention = at_least(configured, statutory_minimum(policy.period_start, policy.period_end, year))
        gathered = Gathered(
            case_id=case.id,
            case_no=case.case_no,
            case_version=case.version,
            title=f"{case.case_no} 号赔案（{LINE_LABELS.get(case.line, case.line)}，{policy.product}）",
            items=items,
            year=year,
            retention=retention,
            start=local_day(case.reported_at),
            end=local_day(case.closed_at),
            archive_no="",
            series="",
            item_no=0,
            version=1,
            previous_id=None,
            required=_required(case),
            problems=problems + _checklist_problems(ctx),
        )
        _number(db, gathered, config, case.id)
        gathered.notes = _notes(ctx, gathered, found, retention != configured)
        return gathered


def _attachment_items(
    ctx: CaseContext, found: list[tuple[int, int, str]], copies: dict[int, Path]
) -> list[VolumeItem]:
    by_id = {item.id: item for item in ctx.checklist}
    items: list[VolumeItem] = []
    for attachment_id, item_id, media_type in found:
        if attachment_id not in copies:
            continue
        row = ctx.db.get(Attachment, attachment_id)
        item = by_id[item_id]
        kind = "电子文件" if media_type == "application/pdf" else "扫描件"
        items.append(
            VolumeItem(
                DocumentKind.ATTACHMENT.value,
                f"{item.title}（{kind}）",
                ctx.masker.name(item.received_from) if item.received_from else "客户提交",
                "",
                local_day(row.created_at if row is not None else ctx.case.reported_at),
                copies[attachment_id],
                pdfa_verdict=PdfaVerdict.from_json(row.pdfa_verdict) if row is not None else None,
                attachment_id=attachment_id,
            )
        )
    return items


def _required(case: Case) -> tuple[str, ...]:
    kinds = [k.value for k in _ALWAYS]
    if case.approved_fen is not None or case.closing_reason in ("paid", "no_payment"):
        kinds.append(DocumentKind.CALCULATION.value)
    if case.closing_reason == "paid":
        kinds.append(DocumentKind.PAYMENT.value)
    return tuple(kinds)


def _checklist_problems(ctx: CaseContext) -> list[DomainError]:
    if ctx.case.closing_reason == "withdrawn":
        return []
    return [
        DomainError("必备单证“{title}”没有收取记录：案卷不完整。", title=item.title)
        for item in ctx.checklist
        if item.mandatory and item.received_at is None
    ]


def _number(db: Session, gathered: Gathered, config: ArchiveConfig, case_id: int) -> None:
    """档号: the previous volume's when it is in the same series, else the next item number."""
    previous = db.execute(
        select(ArchiveVolume).where(ArchiveVolume.case_id == case_id).order_by(ArchiveVolume.version.desc())
    ).scalar()
    series = config.scheme.series(gathered.year, gathered.retention)
    gathered.series = series
    gathered.version = (previous.version + 1) if previous is not None else 1
    gathered.previous_id = previous.id if previous is not None else None
    if previous is not None and previous.series == series:
        gathered.item_no, gathered.archive_no = previous.item_no, previous.archive_no
        return
    highest = db.scalar(select(func.max(ArchiveVolume.item_no)).where(ArchiveVolume.series == series))
    gathered.item_no = (highest or 0) + 1
    gathered.archive_no = config.scheme.number(gathered.year, gathered.retention, gathered.item_no)


def _notes(
    ctx: CaseContext, gathered: Gathered, found: list[tuple[int, int, str]], raised: bool
) -> list[str]:
    notes: list[str] = []
    if not ctx.masker.unmasked:
        notes.append(MASKED_NOTE)
    with_scans = {item_id for _a, item_id, _m in found}
    paper = [i.title for i in ctx.checklist if i.received_at is not None and i.id not in with_scans]
    if paper:
        notes.append("以下单证未附扫描件，纸质件另行保管：" + "、".join(paper) + "。")
    if any(item.kind == DocumentKind.NOTICE.value for item in gathered.items):
        notes.append("一次性告知书系按发出记录（编号、日期、所列单证）重印，内容与发出时一致。")
    if raised:
        label = RETENTION_LABELS[gathered.retention]
        notes.append(f"按《中华人民共和国保险法》第八十七条，本卷保管期限不低于{label}。")
    previous = ctx.db.get(ArchiveVolume, gathered.previous_id) if gathered.previous_id else None
    if previous is not None:
        notes.append(
            f"本卷为第 {gathered.version} 版，取代第 {previous.version} 版（档号 {previous.archive_no}，"
            f"SHA-256 {previous.volume_digest}）；旧版摘要仍登记在案。"
        )
    return notes
