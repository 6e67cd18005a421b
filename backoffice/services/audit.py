"""Appending to and verifying the audit trail (HMAC chain, see security.audit_chain)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from backoffice.db.models import AuditHead, AuditInbox, AuditRecord
from backoffice.domain.errors import PermissionDenied
from backoffice.security.audit_chain import (
    AUDIT_PURPOSE,
    GENESIS,
    AuditEntry,
    ChainReport,
    mac_for,
    verify_chain,
)
from backoffice.security.keys import Keyring
from backoffice.security.roles import Permission
from backoffice.services.audit_keys import retired_audit_keys
from backoffice.services.context import UserSession

SYSTEM_ROLE = "-"


def _head(db: Session) -> AuditHead:
    head = db.execute(select(AuditHead).where(AuditHead.id == 1).with_for_update()).scalar_one_or_none()
    if head is None:
        head = AuditHead(id=1, last_seq=0, last_mac=GENESIS)
        db.add(head)
        db.flush()
    return head


def _append(db: Session, keyring: Keyring, head: AuditHead, **fields: object) -> None:
    version = keyring.current_version
    entry = AuditEntry(seq=head.last_seq + 1, key_version=version, **fields)  # type: ignore[arg-type]
    mac = mac_for(keyring.purpose_key(AUDIT_PURPOSE, version), head.last_mac, entry)
    db.add(
        AuditRecord(
            seq=entry.seq,
            at=entry.at,
            username=entry.username,
            role=entry.role,
            action=entry.action,
            object_type=entry.object_type,
            object_id=entry.object_id,
            outcome=entry.outcome,
            reason=entry.reason,
            key_version=version,
            mac=mac,
        )
    )
    head.last_seq, head.last_mac = entry.seq, mac


def append(
    db: Session,
    keyring: Keyring,
    *,
    at: datetime,
    username: str,
    role: str,
    action: str,
    object_type: str = "",
    object_id: str = "",
    outcome: str = "ok",
    reason: str = "",
) -> None:
    """Append one record in the caller's transaction, sealing any inbox events first."""
    head = _head(db)
    # A tampered table may hold rows beyond the head; keep appending after them (verify names the
    # first bad record either way) instead of failing every action on a duplicate key.
    highest = db.scalar(select(func.max(AuditRecord.seq))) or 0
    head.last_seq = max(head.last_seq, highest)
    inbox = db.execute(select(AuditInbox).order_by(AuditInbox.id)).scalars().all()
    for event in inbox:
        _append(
            db,
            keyring,
            head,
            at=event.at,
            username=event.username,
            role=SYSTEM_ROLE,
            action=event.action,
            object_type="user",
            object_id=event.username,
            outcome=event.outcome,
            reason=event.reason,
        )
        db.delete(event)
    _append(
        db,
        keyring,
        head,
        at=at,
        username=username,
        role=role,
        action=action,
        object_type=object_type,
        object_id=object_id,
        outcome=outcome,
        reason=reason,
    )
    db.flush()


def record(
    db: Session,
    us: UserSession,
    action: str,
    *,
    role: str,
    object_type: str = "",
    object_id: str | int = "",
    outcome: str = "ok",
    reason: str = "",
) -> None:
    """Audit a signed-in user's action inside the action's own transaction."""
    append(
        db,
        us.keyring,
        at=us.bo.now(),
        username=us.actor.username,
        role=role,
        action=action,
        object_type=object_type,
        object_id=str(object_id),
        outcome=outcome,
        reason=reason,
    )


def record_denied(us: UserSession, action: str, object_type: str = "", object_id: str | int = "") -> None:
    """A refused attempt, in a transaction of its own (the action's own was never started)."""
    with us.bo.db.unit_of_work() as db:
        record(
            db,
            us,
            action,
            role=us.actor.primary_role.value,
            object_type=object_type,
            object_id=object_id,
            outcome="denied",
        )


def note_unsigned(
    db: Session, *, at: datetime, username: str, action: str, outcome: str, reason: str = ""
) -> None:
    """An event before anybody holds the key: queued, sealed into the chain by the next action."""
    db.add(AuditInbox(at=at, username=username[:64], action=action, outcome=outcome, reason=reason))


@dataclass(frozen=True)
class AuditRow:
    seq: int
    at: datetime
    username: str
    role: str
    action: str
    object_type: str
    object_id: str
    outcome: str
    reason: str


@dataclass(frozen=True)
class VerifyResult:
    checked: int
    first_bad_seq: int | None
    problem: str | None
    pending_unsealed: int

    @property
    def ok(self) -> bool:
        return self.first_bad_seq is None


def _require_auditor(us: UserSession, action: str) -> str:
    role = us.actor.role_for(Permission.READ_AUDIT)
    if role is None:
        record_denied(us, action, "audit")
        raise PermissionDenied("只有审计员可以查看或校验审计日志。")
    return role.value


def _entries(db: Session) -> list[tuple[AuditEntry, bytes]]:
    rows = db.execute(select(AuditRecord).order_by(AuditRecord.seq)).scalars()
    return [
        (
            AuditEntry(
                seq=r.seq,
                at=r.at,
                username=r.username,
                role=r.role,
                action=r.action,
                object_type=r.object_type,
                object_id=r.object_id,
                outcome=r.outcome,
                reason=r.reason,
                key_version=r.key_version,
            ),
            r.mac,
        )
        for r in rows
    ]


def verify(us: UserSession) -> VerifyResult:
    """Check the whole chain and that it ends where the head says; names the first bad record."""
    role = _require_auditor(us, "audit.verify")
    with us.bo.db.unit_of_work(write=False) as db:
        entries = _entries(db)
        head = db.get(AuditHead, 1)
        pending = db.scalar(select(func.count()).select_from(AuditInbox)) or 0
        keys = retired_audit_keys(db, us.keyring)
    keys.update({v: us.keyring.purpose_key(AUDIT_PURPOSE, v) for v in us.keyring.keys})
    report: ChainReport = verify_chain(entries, keys)
    result = VerifyResult(report.checked, report.first_bad_seq, report.problem, pending)
    if report.ok and head is not None:
        last_seq = entries[-1][0].seq if entries else 0
        last_mac = entries[-1][1] if entries else GENESIS
        if head.last_seq != last_seq or head.last_mac != last_mac:
            result = VerifyResult(report.checked, last_seq + 1, "truncated", pending)
    with us.bo.db.unit_of_work() as db:
        record(
            db,
            us,
            "audit.verify",
            role=role,
            object_type="audit",
            outcome="ok" if result.ok else "failed",
            reason="" if result.ok else f"first bad seq {result.first_bad_seq}",
        )
    return result


def list_records(us: UserSession, *, limit: int = 200, before_seq: int | None = None) -> list[AuditRow]:
    _require_auditor(us, "audit.read")
    with us.bo.db.unit_of_work(write=False) as db:
        query = select(AuditRecord).order_by(AuditRecord.seq.desc()).limit(limit)
        if before_seq is not None:
            query = query.where(AuditRecord.seq < before_seq)
        return [
            AuditRow(
                r.seq, r.at, r.username, r.role, r.action, r.object_type, r.object_id, r.outcome, r.reason
            )
            for r in db.execute(query).scalars()
        ]


def case_filter(case_id: int, attachment_ids: Sequence[int] = ()) -> ColumnElement[bool]:
    """The audit records of one case and of its attachments (the case tab and the archive extract)."""
    about_case = (AuditRecord.object_type == "case") & (AuditRecord.object_id == str(case_id))
    if not attachment_ids:
        return about_case
    return or_(
        about_case,
        (AuditRecord.object_type == "attachment")
        & AuditRecord.object_id.in_([str(i) for i in attachment_ids]),
    )


def case_records(
    us: UserSession, case_id: int, attachment_ids: Sequence[int] = (), *, limit: int = 1000
) -> list[AuditRow]:
    """The case's audit records, oldest first (auditors only; the index on object type and id serves it)."""
    role = _require_auditor(us, "audit.read")
    with us.bo.db.unit_of_work() as db:
        query = select(AuditRecord).where(case_filter(case_id, attachment_ids)).order_by(AuditRecord.seq)
        rows = [
            AuditRow(
                r.seq, r.at, r.username, r.role, r.action, r.object_type, r.object_id, r.outcome, r.reason
            )
            for r in db.execute(query.limit(limit)).scalars()
        ]
        record(
            db,
            us,
            "audit.read",
            role=role,
            object_type="case",
            object_id=case_id,
            reason=f"{len(rows)} records",
        )
        return rows
