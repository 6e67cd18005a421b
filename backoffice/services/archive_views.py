"""Read-only lists for the archivist's screens: the queue of closed cases with what identifies them,
the register of sealed volumes, and one case's volumes (every version, superseded ones included)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from sqlalchemy import Select, func, select

from backoffice.db.models import User
from backoffice.db.models_archive import ArchiveVolume
from backoffice.db.models_intake import Case
from backoffice.domain.case import CaseStatus
from backoffice.domain.money import fen_to_yuan
from backoffice.security.roles import Permission
from backoffice.services.archive import archive_dir
from backoffice.services.context import UserSession
from backoffice.services.guard import require
from backoffice.services.intake import case_by_number

REGISTER_LIMIT = 500


@dataclass(frozen=True)
class QueuedCase:
    """A closed case waiting for its volume."""

    case_no: str
    closed_at: datetime | None
    line: str
    closing_reason: str
    amount: Decimal | None  # the approved amount, else the calculated one; None when there is neither
    earlier_volumes: int  # > 0: the case was retrieved and reopened; sealing issues a new version


@dataclass(frozen=True)
class VolumeRow:
    """One sealed volume as registered."""

    case_no: str
    archive_no: str
    version: int
    status: str  # active | superseded
    retention: str  # Y | D30 | D10
    year: int
    sha256: str
    content_sha256: str
    pages: int
    size: int
    built_at: datetime
    built_by: str
    unmasked: bool
    path: Path


def archive_queue(us: UserSession) -> list[QueuedCase]:
    """Closed cases, oldest closing first (the order of ``archive.closed_cases``)."""
    require(us, Permission.BUILD_ARCHIVE, "archive.queue", "只有档案管理员可以查看待归档案件。", "case")
    earlier = select(func.count(ArchiveVolume.id)).where(ArchiveVolume.case_id == Case.id).scalar_subquery()
    with us.bo.db.unit_of_work(write=False) as db:
        rows = db.execute(
            select(Case, earlier)
            .where(Case.status == CaseStatus.CLOSED.value)
            .order_by(Case.closed_at, Case.id)
        ).all()
        return [
            QueuedCase(
                case.case_no,
                case.closed_at,
                case.line,
                case.closing_reason,
                _amount(case),
                int(count or 0),
            )
            for case, count in rows
        ]


def _amount(case: Case) -> Decimal | None:
    fen = case.approved_fen if case.approved_fen is not None else case.settlement_fen
    return None if fen is None else fen_to_yuan(fen)


def _volumes() -> Select[tuple[ArchiveVolume, str, str]]:
    return (
        select(ArchiveVolume, Case.case_no, User.display_name)
        .join(Case, Case.id == ArchiveVolume.case_id)
        .join(User, User.id == ArchiveVolume.built_by)
    )


def _row(us: UserSession, volume: ArchiveVolume, case_no: str, builder: str) -> VolumeRow:
    return VolumeRow(
        case_no,
        volume.archive_no,
        volume.version,
        volume.status,
        volume.retention,
        volume.year,
        volume.volume_digest,
        volume.content_digest,
        volume.pages,
        volume.size,
        volume.built_at,
        builder,
        volume.unmasked,
        archive_dir(us) / volume.file_path,
    )


def archived_volumes(us: UserSession, limit: int = REGISTER_LIMIT) -> list[VolumeRow]:
    """The register of sealed volumes, the most recently sealed first (at most ``limit``)."""
    require(us, Permission.BUILD_ARCHIVE, "archive.list", "只有档案管理员可以查看案卷登记。", "archive")
    with us.bo.db.unit_of_work(write=False) as db:
        rows = db.execute(
            _volumes().order_by(ArchiveVolume.built_at.desc(), ArchiveVolume.id.desc()).limit(limit)
        ).all()
        return [_row(us, volume, case_no, builder) for volume, case_no, builder in rows]


def case_volumes(us: UserSession, case_no: str) -> list[VolumeRow]:
    """Every volume of one case, the newest version first; empty when it has never been archived."""
    require(us, Permission.VIEW_CASES, "archive.list", "您没有查阅案卷的权限。", "case", case_no)
    with us.bo.db.unit_of_work(write=False) as db:
        case = case_by_number(db, case_no)
        rows = db.execute(
            _volumes().where(ArchiveVolume.case_id == case.id).order_by(ArchiveVolume.version.desc())
        ).all()
        return [_row(us, volume, number, builder) for volume, number, builder in rows]
