"""Using sealed volumes: verification against the file's manifest and the register, retrieval (调阅),
and the volume history of a case (every version's digest stays on record)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from backoffice.db.models import User
from backoffice.db.models_archive import ArchiveRetrieval, ArchiveVolume
from backoffice.domain.case import CaseStatus, check_transition
from backoffice.domain.errors import DomainError, NotFound, ValidationError
from backoffice.printing.archive_verify import check_volume
from backoffice.security.roles import Permission
from backoffice.services import audit
from backoffice.services.archive import archive_dir
from backoffice.services.case_events import add_event
from backoffice.services.context import UserSession
from backoffice.services.guard import require
from backoffice.services.intake import case_by_number


@dataclass(frozen=True)
class VerifyReport:
    path: Path
    ok: bool
    problems: tuple[DomainError, ...]
    file_sha256: str
    archive_no: str | None = None
    version: int | None = None
    case_no: str | None = None
    recorded_sha256: str | None = None
    status: str | None = None  # active | superseded, as registered
    altered_pages: tuple[int, ...] = ()
    altered_items: tuple[int, ...] = ()
    pages_checked: int = 0


def _against_record(
    us: UserSession, manifest: dict[str, object], file_sha256: str
) -> tuple[list[DomainError], ArchiveVolume | None]:
    problems: list[DomainError] = []
    with us.bo.db.unit_of_work(write=False) as db:
        row = db.execute(
            select(ArchiveVolume).where(
                ArchiveVolume.archive_no == manifest.get("archive_no"),
                ArchiveVolume.version == manifest.get("version"),
            )
        ).scalar_one_or_none()
    if row is None:
        problems.append(
            DomainError(
                "档案系统中没有档号 {no} 第 {version} 版的登记：文件不是本系统封存的案卷，或清单被改写。",
                no=manifest.get("archive_no"),
                version=manifest.get("version"),
            )
        )
        return problems, None
    if row.volume_digest != file_sha256:
        problems.append(
            DomainError(
                "文件的 SHA-256 摘要与登记不符（登记 {recorded}，实际 {actual}）：文件在封存后被改动。",
                recorded=row.volume_digest,
                actual=file_sha256,
            )
        )
    if json.loads(row.manifest) != manifest:
        problems.append(DomainError("文件内的封存清单与登记的清单不符：清单被改写。"))
    return problems, row


def verify_volume(us: UserSession, path: Path) -> VerifyReport:
    """Check a volume file against its embedded manifest and against the register; names what changed."""
    role = require(us, Permission.VIEW_CASES, "archive.verify", "您没有查阅案卷的权限。", "archive")
    if not path.is_file():
        raise ValidationError("file", "找不到文件：{path}", path=str(path))
    check = check_volume(path)
    problems = list(check.problems)
    row: ArchiveVolume | None = None
    if check.manifest is not None:
        found, row = _against_record(us, check.manifest, check.file_sha256)
        problems += found
    report = VerifyReport(
        path=path,
        ok=not problems,
        problems=tuple(problems),
        file_sha256=check.file_sha256,
        archive_no=str(check.manifest["archive_no"]) if check.manifest else None,
        version=int(check.manifest["version"]) if check.manifest else None,
        case_no=str(check.manifest.get("case_no")) if check.manifest else None,
        recorded_sha256=row.volume_digest if row else None,
        status=row.status if row else None,
        altered_pages=check.altered_pages,
        altered_items=check.altered_items,
        pages_checked=check.pages_checked,
    )
    with us.bo.db.unit_of_work() as db:
        audit.record(
            db,
            us,
            "archive.verify",
            role=role,
            object_type="archive",
            object_id=report.archive_no or path.name,
            outcome="ok" if report.ok else "failed",
            reason=""
            if report.ok
            else f"{len(problems)} problem(s); pages {list(report.altered_pages)[:10]}",
        )
    return report


@dataclass(frozen=True)
class Retrieval:
    case_no: str
    archive_no: str | None
    version: int | None
    path: Path | None  # the active volume's file
    reopened: bool
    at: datetime


def retrieve(us: UserSession, case_no: str, reason: str, *, reopen: bool = False) -> Retrieval:
    """调阅: log who takes out the case's volume and why; ``reopen`` moves the case ARCHIVED → CLOSED."""
    role = require(us, Permission.VIEW_CASES, "archive.retrieve", "您没有调阅案卷的权限。", "case", case_no)
    if reopen:
        role = require(
            us,
            Permission.BUILD_ARCHIVE,
            "archive.retrieve",
            "只有档案管理员可以调出案卷以便重开案件。",
            "case",
            case_no,
        )
    if not reason.strip():
        raise ValidationError("reason", "调阅案卷需要填写理由。")
    with us.bo.db.unit_of_work() as db:
        case = case_by_number(db, case_no)
        volume = db.execute(
            select(ArchiveVolume).where(ArchiveVolume.case_id == case.id, ArchiveVolume.status == "active")
        ).scalar_one_or_none()
        if volume is None:
            raise NotFound("案件 {no} 还没有归档案卷。", no=case.case_no)
        now = us.bo.now()
        if reopen:
            check_transition(CaseStatus(case.status), CaseStatus.CLOSED)
            case.status = CaseStatus.CLOSED.value
            add_event(db, us, case, "retrieved", CaseStatus.ARCHIVED, CaseStatus.CLOSED, reason.strip()[:200])
        db.add(
            ArchiveRetrieval(
                case_id=case.id,
                volume_id=volume.id,
                user_id=us.actor.user_id,
                at=now,
                reason=reason.strip(),
                reopened=reopen,
            )
        )
        audit.record(
            db,
            us,
            "archive.retrieve",
            role=role,
            object_type="case",
            object_id=case.id,
            reason=("reopen: " if reopen else "") + reason.strip()[:150],
        )
        return Retrieval(
            case.case_no, volume.archive_no, volume.version, archive_dir(us) / volume.file_path, reopen, now
        )


@dataclass(frozen=True)
class VolumeRecord:
    archive_no: str
    version: int
    status: str
    sha256: str
    content_sha256: str
    built_at: datetime
    built_by: str
    unmasked: bool
    pages: int
    path: Path


def volumes(us: UserSession, case_no: str) -> list[VolumeRecord]:
    """Every volume of the case, newest version first (superseded ones with their digests)."""
    require(us, Permission.VIEW_CASES, "archive.list", "您没有查阅案卷的权限。", "case", case_no)
    with us.bo.db.unit_of_work(write=False) as db:
        case = case_by_number(db, case_no)
        rows = db.execute(
            select(ArchiveVolume, User.display_name)
            .join(User, User.id == ArchiveVolume.built_by)
            .where(ArchiveVolume.case_id == case.id)
            .order_by(ArchiveVolume.version.desc())
        ).all()
        return [
            VolumeRecord(
                v.archive_no,
                v.version,
                v.status,
                v.volume_digest,
                v.content_digest,
                v.built_at,
                name,
                v.unmasked,
                v.pages,
                archive_dir(us) / v.file_path,
            )
            for v, name in rows
        ]


def retrievals(us: UserSession, case_no: str) -> list[tuple[datetime, str, str, bool]]:
    """The retrieval log of a case: (when, who, why, reopened), oldest first."""
    require(us, Permission.VIEW_CASES, "archive.list", "您没有查阅案卷的权限。", "case", case_no)
    with us.bo.db.unit_of_work(write=False) as db:
        case = case_by_number(db, case_no)
        rows = db.execute(
            select(ArchiveRetrieval, User.display_name)
            .join(User, User.id == ArchiveRetrieval.user_id)
            .where(ArchiveRetrieval.case_id == case.id)
            .order_by(ArchiveRetrieval.at, ArchiveRetrieval.id)
        ).all()
        return [(r.at, name, r.reason, r.reopened) for r, name in rows]
