"""The customer contact log of a case: calls, SMS texts, letters and printed notices."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from backoffice.db.models import User
from backoffice.db.models_intake import Case, ContactLogEntry
from backoffice.domain.errors import NotFound, ValidationError
from backoffice.security.fields import FieldCipher
from backoffice.security.keys import Keyring
from backoffice.security.roles import Permission
from backoffice.services import audit, deadlines
from backoffice.services.archive_lock import ensure_not_archived
from backoffice.services.context import UserSession
from backoffice.services.guard import require

CHANNELS = {
    "phone": "电话",
    "sms": "短信",
    "letter": "信函",
    "email": "电子邮件",
    "visit": "面谈",
    "notice": "书面通知",
}
DIRECTIONS = {"in": "来电/来函", "out": "去电/去函"}
MAX_SUMMARY = 2000


@dataclass(frozen=True)
class ContactView:
    id: int
    at: datetime
    channel: str
    direction: str
    kind: str
    summary: str
    user: str


def add_entry_row(
    db: Session,
    keyring: Keyring,
    *,
    case_id: int,
    at: datetime,
    channel: str,
    direction: str,
    summary: str,
    user_id: int,
    kind: str = "",
) -> ContactLogEntry:
    if channel not in CHANNELS:
        raise ValidationError("channel", "请选择联系方式。")
    if direction not in DIRECTIONS:
        raise ValidationError("direction", "请选择来电还是去电。")
    if not summary.strip():
        raise ValidationError("summary", "请填写联系内容摘要。")
    if len(summary) > MAX_SUMMARY:
        raise ValidationError("summary", "摘要过长（最多 {n} 个字符）。", n=MAX_SUMMARY)
    entry = ContactLogEntry(
        case_id=case_id,
        at=at,
        channel=channel,
        direction=direction,
        kind=kind,
        summary_enc=b"",
        user_id=user_id,
    )
    db.add(entry)
    db.flush()
    entry.summary_enc = FieldCipher(keyring).encrypt(
        summary.strip(), table="contact_log", column="summary_enc", row_id=entry.id
    )
    return entry


def add_contact(
    us: UserSession, case_id: int, *, channel: str, direction: str, summary: str, at: datetime | None = None
) -> ContactView:
    role = require(
        us, Permission.HANDLE_CASES, "contact.add", "只有理赔内勤可以记录客户联系。", "case", case_id
    )
    now = us.bo.now()
    when = at or now
    if when.tzinfo is None or when > now:
        raise ValidationError("at", "联系时间不能晚于现在。")
    with us.bo.db.unit_of_work() as db:
        case = db.get(Case, case_id)
        if case is None:
            raise NotFound("没有编号为 {id} 的案件。", id=case_id)
        ensure_not_archived(case)
        entry = add_entry_row(
            db,
            us.keyring,
            case_id=case_id,
            at=when,
            channel=channel,
            direction=direction,
            summary=summary,
            user_id=us.actor.user_id,
        )
        case.last_activity_at = now
        deadlines.on_contact(db, us, case, channel, direction, when)
        audit.record(db, us, "contact.add", role=role, object_type="case", object_id=case_id, reason=channel)
        return _view(entry, us.keyring, us.actor.display_name)


def _view(entry: ContactLogEntry, keyring: Keyring, user: str) -> ContactView:
    summary = FieldCipher(keyring).decrypt(
        entry.summary_enc, table="contact_log", column="summary_enc", row_id=entry.id
    )
    return ContactView(entry.id, entry.at, entry.channel, entry.direction, entry.kind, summary, user)


def entries(db: Session, keyring: Keyring, case_id: int) -> list[ContactView]:
    rows = db.execute(
        select(ContactLogEntry, User.display_name)
        .join(User, User.id == ContactLogEntry.user_id)
        .where(ContactLogEntry.case_id == case_id)
        .order_by(ContactLogEntry.at, ContactLogEntry.id)
    ).all()
    return [_view(entry, keyring, name) for entry, name in rows]
