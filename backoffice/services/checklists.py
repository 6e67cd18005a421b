"""Document checklists on a case: templates, receipts, the materials-complete date, missing items.

Templates come from ``resources/checklists/default.json``; an administrator's edited copy in the data
directory (``checklists.json``) replaces it when present and valid.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from importlib import resources
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from backoffice.db.models_intake import Case, CaseEvent, ChecklistItem
from backoffice.domain.case import CaseStatus, check_transition
from backoffice.domain.checklist import (
    ChecklistTemplates,
    ItemState,
    ItemTemplate,
    is_complete,
    parse_templates,
)
from backoffice.domain.errors import ConflictError, NotFound, ValidationError
from backoffice.security.roles import Permission
from backoffice.services import audit, deadlines
from backoffice.services.archive_lock import ensure_not_archived
from backoffice.services.context import UserSession
from backoffice.services.guard import require
from backoffice.settings import Settings

OVERRIDE_FILE = "checklists.json"


@lru_cache(maxsize=8)
def _load(path: str | None, mtime: float) -> ChecklistTemplates:
    if path is None:
        text = (resources.files("backoffice") / "resources" / "checklists" / "default.json").read_text(
            "utf-8"
        )
    else:
        text = Path(path).read_text("utf-8")
    return parse_templates(json.loads(text))


def templates(settings: Settings) -> ChecklistTemplates:
    override = settings.data_dir / OVERRIDE_FILE
    if override.exists():
        return _load(str(override), override.stat().st_mtime)
    return _load(None, 0.0)


def save_templates(us: UserSession, data: dict[str, object]) -> None:
    """An administrator's edited templates: validated, then written to a temp name and renamed."""
    role = require(us, Permission.MANAGE_SETTINGS, "checklist.edit", "只有系统管理员可以修改单证清单模板。")
    parse_templates(data)  # raises ValidationError naming the problem
    target = us.bo.settings.data_dir / OVERRIDE_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    tmp.replace(target)
    with us.bo.db.unit_of_work() as db:
        audit.record(db, us, "checklist.edit", role=role, object_type="checklist")


def create_checklist(db: Session, case: Case, items: list[ItemTemplate]) -> list[ChecklistItem]:
    rows = [
        ChecklistItem(
            case_id=case.id,
            position=i,
            code=t.code,
            title=t.title,
            mandatory=t.mandatory,
            original_required=t.original_required,
        )
        for i, t in enumerate(items, start=1)
    ]
    db.add_all(rows)
    return rows


@dataclass(frozen=True)
class ItemView:
    id: int
    code: str
    title: str
    mandatory: bool
    original_required: bool
    received_at: datetime | None
    is_original: bool | None
    pages: int | None
    received_from: str
    version: int


@dataclass(frozen=True)
class Receipt:
    received_at: datetime
    is_original: bool
    pages: int
    received_from: str


def _items(db: Session, case_id: int) -> list[ChecklistItem]:
    return list(
        db.execute(
            select(ChecklistItem).where(ChecklistItem.case_id == case_id).order_by(ChecklistItem.position)
        ).scalars()
    )


def item_views(db: Session, case_id: int) -> list[ItemView]:
    return [
        ItemView(
            i.id,
            i.code,
            i.title,
            i.mandatory,
            i.original_required,
            i.received_at,
            i.is_original,
            i.pages,
            i.received_from,
            i.version,
        )
        for i in _items(db, case_id)
    ]


def missing_items(db: Session, case_id: int) -> list[ItemView]:
    return [i for i in item_views(db, case_id) if i.received_at is None]


def _states(items: list[ChecklistItem]) -> list[ItemState]:
    return [ItemState(i.code, i.title, i.mandatory, i.received_at is not None) for i in items]


def _case(db: Session, case_id: int) -> Case:
    case = db.get(Case, case_id)
    if case is None:
        raise NotFound("没有编号为 {id} 的案件。", id=case_id)
    return case


def _set_status(db: Session, us: UserSession, case: Case, target: CaseStatus, detail: str) -> None:
    current = CaseStatus(case.status)
    check_transition(current, target)
    case.status = target.value
    db.add(
        CaseEvent(
            case_id=case.id,
            at=us.bo.now(),
            kind="status",
            from_status=current.value,
            to_status=target.value,
            user_id=us.actor.user_id,
            detail=detail,
        )
    )
    deadlines.on_status(db, us, case, target)


def _update_completeness(db: Session, us: UserSession, case: Case, items: list[ChecklistItem]) -> None:
    """Materials complete when the last mandatory item arrives: its receipt date starts the review clock."""
    complete = is_complete(_states(items))
    status = CaseStatus(case.status)
    if complete and status == CaseStatus.REGISTERED:
        case.materials_complete_at = max(i.received_at for i in items if i.mandatory and i.received_at)
        _set_status(db, us, case, CaseStatus.MATERIALS_COMPLETE, "最后一项必备单证已收到")
    elif not complete and status == CaseStatus.MATERIALS_COMPLETE:
        case.materials_complete_at = None
        _set_status(db, us, case, CaseStatus.REGISTERED, "必备单证不再齐全")


def receive_item(
    us: UserSession, case_id: int, item_id: int, receipt: Receipt, *, expected_version: int
) -> ItemView:
    role = require(
        us, Permission.HANDLE_CASES, "checklist.receive", "只有理赔内勤可以登记单证收取。", "case", case_id
    )
    if receipt.received_at.tzinfo is None:
        raise ValidationError("received_at", "收取时间缺少时区。")
    if receipt.received_at > us.bo.now():
        raise ValidationError("received_at", "收取时间不能晚于现在。")
    if receipt.pages < 1:
        raise ValidationError("pages", "页数至少为 1。")
    with us.bo.db.unit_of_work() as db:
        case = _case(db, case_id)
        if CaseStatus(case.status) not in (
            CaseStatus.REGISTERED,
            CaseStatus.MATERIALS_COMPLETE,
            CaseStatus.CALCULATED,
            CaseStatus.RETURNED,
        ):
            raise ValidationError(
                "status", "案件已进入审批或已结案，不能再登记单证：如需补充，请先退回或重开案件。"
            )
        items = _items(db, case_id)
        item = next((i for i in items if i.id == item_id), None)
        if item is None:
            raise NotFound("这个案件没有该单证项目。")
        if item.version != expected_version:
            raise ConflictError("这项单证刚被其他人修改过：请刷新后重新操作。")
        if receipt.received_at < case.reported_at:
            raise ValidationError("received_at", "收取时间不能早于报案时间。")
        item.received_at, item.is_original, item.pages = (
            receipt.received_at,
            receipt.is_original,
            receipt.pages,
        )
        item.received_from, item.received_by = receipt.received_from.strip()[:64], us.actor.user_id
        db.flush()
        deadlines.on_item_received(db, us, case, item.code, receipt.received_at)
        _update_completeness(db, us, case, items)
        case.last_activity_at = us.bo.now()
        audit.record(
            db, us, "checklist.receive", role=role, object_type="case", object_id=case_id, reason=item.code
        )
        db.flush()
        return item_views(db, case_id)[[i.id for i in items].index(item_id)]


def unreceive_item(
    us: UserSession, case_id: int, item_id: int, *, expected_version: int, reason: str
) -> None:
    """Correct a receipt logged by mistake (the case may fall back to collecting documents)."""
    role = require(
        us, Permission.HANDLE_CASES, "checklist.unreceive", "只有理赔内勤可以更正单证收取。", "case", case_id
    )
    if not reason.strip():
        raise ValidationError("reason", "请填写更正理由。")
    with us.bo.db.unit_of_work() as db:
        case = _case(db, case_id)
        ensure_not_archived(case)
        items = _items(db, case_id)
        item = next((i for i in items if i.id == item_id), None)
        if item is None:
            raise NotFound("这个案件没有该单证项目。")
        if item.version != expected_version:
            raise ConflictError("这项单证刚被其他人修改过：请刷新后重新操作。")
        item.received_at = item.is_original = item.pages = None
        item.received_from = ""
        db.flush()
        _update_completeness(db, us, case, items)
        audit.record(
            db,
            us,
            "checklist.unreceive",
            role=role,
            object_type="case",
            object_id=case_id,
            reason=f"{item.code}: {reason.strip()[:100]}",
        )


def add_item(us: UserSession, case_id: int, title: str, *, mandatory: bool) -> ItemView:
    """An extra document for this case (a mandatory one reopens the collection)."""
    role = require(
        us, Permission.HANDLE_CASES, "checklist.add", "只有理赔内勤可以增加单证项目。", "case", case_id
    )
    if not title.strip():
        raise ValidationError("title", "请填写单证名称。")
    with us.bo.db.unit_of_work() as db:
        case = _case(db, case_id)
        ensure_not_archived(case)
        items = _items(db, case_id)
        item = ChecklistItem(
            case_id=case_id,
            position=len(items) + 1,
            code=f"extra_{len(items) + 1}",
            title=title.strip()[:120],
            mandatory=mandatory,
        )
        db.add(item)
        db.flush()
        _update_completeness(db, us, case, [*items, item])
        audit.record(
            db, us, "checklist.add", role=role, object_type="case", object_id=case_id, reason=item.code
        )
        db.flush()
        return item_views(db, case_id)[-1]
