"""Archive volumes (一案一卷): build and seal a closed case's volume, verify one, retrieve (调阅).

Building gathers every document of the case (archive_gather), runs the DA/T 70 completeness checks —
any failure is listed and blocks sealing — writes the PDF/A-3b volume to a temp name in the archive
directory, has pikepdf's PDF/A validator approve the written file, then in one transaction records the
volume (digests, manifest), marks an earlier version superseded, sets the case ARCHIVED (read-only) and
audits, renaming the file into place last. A failure at any point leaves neither a registered volume nor a
file under the final name. Personal data is masked unless an unmasked volume is asked for with its own
permission, the password again and a reason.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError as DatabaseIntegrityError

from backoffice.db.models_archive import ArchiveVolume
from backoffice.db.models_intake import Case
from backoffice.domain.archive import RETENTION_LABELS, ManifestItem, VolumeManifest, completeness_problems
from backoffice.domain.case import CaseStatus, check_transition
from backoffice.domain.errors import ConflictError, DomainError, ValidationError
from backoffice.printing.archive import VolumeBuilder
from backoffice.printing.archive_model import BuiltVolume, VolumeMeta
from backoffice.printing.archive_pdfa import validate_file
from backoffice.security.roles import Permission
from backoffice.services import audit
from backoffice.services.archive_config import CHECKER, ArchiveConfig, archive_config
from backoffice.services.archive_gather import Gathered, gather
from backoffice.services.archive_masking import Masker
from backoffice.services.attachments import store_pdfa_verdicts
from backoffice.services.auth import confirm_password
from backoffice.services.case_events import add_event
from backoffice.services.context import UserSession
from backoffice.services.guard import require
from backoffice.services.office import office_info

ARCHIVE_DIR = "archive"
Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class VolumeInfo:
    case_no: str
    archive_no: str
    version: int
    path: Path
    sha256: str  # of the file, as recorded
    content_sha256: str  # over every page, as in the embedded manifest
    size: int
    pages: int
    document_pages: int
    items: int
    retention: str
    year: int
    unmasked: bool
    built_at: datetime
    notes: tuple[str, ...]
    copy: Path | None = None


def archive_dir(us: UserSession) -> Path:
    return us.bo.settings.data_dir / ARCHIVE_DIR


def _file_name(archive_no: str, version: int) -> str:
    return re.sub(r"[^0-9A-Za-z.\-]", "_", archive_no.replace("·", ".")) + f"-v{version}.pdf"


def _problems_error(problems: list[DomainError]) -> DomainError:
    lines = "\n".join(f"{n}. {p.format()}" for n, p in enumerate(problems, start=1))
    return DomainError(
        "案卷未通过完整性检查，不能封存（共 {count} 项）：\n{problems}", count=len(problems), problems=lines
    )


def volume_meta(
    us: UserSession, g: Gathered, config: ArchiveConfig, *, unmasked: bool = False, preview_note: str = ""
) -> VolumeMeta:
    """The cover and metadata of the case's volume, sealed or (with ``preview_note``) a preview."""
    extra: dict[str, object] = {"case_no": g.case_no}
    if preview_note:
        extra["preview"] = True
    return VolumeMeta(
        archive_no=g.archive_no,
        fonds_name=office_info(us.bo.settings).letterhead().full_name,
        fonds_code=config.scheme.fonds_code,
        category=config.scheme.category_name,
        title=g.title,
        start_date=g.start,
        end_date=g.end,
        year=g.year,
        retention=g.retention.value,
        retention_label=RETENTION_LABELS[g.retention],
        builder=us.actor.display_name,
        checker=CHECKER,
        built_at=us.bo.now(),
        version=g.version,
        notes=(*g.notes, preview_note) if preview_note else tuple(g.notes),
        unmasked=unmasked,
        extra=extra,
    )


def volume_manifest(meta: VolumeMeta, builder: VolumeBuilder) -> VolumeManifest:
    """The manifest the completeness checks read (and the sealed file embeds)."""
    records = builder.records()
    return VolumeManifest(
        archive_no=meta.archive_no,
        title=meta.title,
        fonds_name=meta.fonds_name,
        year=meta.year,
        retention=meta.retention,
        start_date=meta.start_date,
        end_date=meta.end_date,
        builder=meta.builder,
        items=tuple(
            ManifestItem(
                r.seq,
                r.kind,
                r.title,
                r.responsible,
                r.doc_no,
                r.day,
                r.start_page,
                r.pages,
                r.sha256,
                r.seq not in builder.unreadable,
            )
            for r in records
        ),
        total_pages=sum(r.pages for r in records),
    )


def build_volume(
    us: UserSession,
    case_no: str,
    *,
    unmasked: bool = False,
    password: str | None = None,
    reason: str | None = None,
    copy_to: Path | None = None,
) -> VolumeInfo:
    """Seal the closed case's volume (a new version if it had one); see the module docstring."""
    role = require(
        us, Permission.BUILD_ARCHIVE, "archive.build", "只有档案管理员可以立卷归档。", "case", case_no
    )
    why = (reason or "").strip()
    if unmasked:
        require(
            us,
            Permission.UNMASKED_ARCHIVE,
            "archive.build_unmasked",
            "您没有出具未屏蔽个人信息案卷的权限。",
            "case",
        )
        if not why:
            raise ValidationError("reason", "出具未屏蔽个人信息的案卷需要填写理由。")
        confirm_password(us, password or "", purpose="archive")
    config = archive_config(us.bo.settings)
    # The decrypted copies live in the data directory, not the system temp directory: what a killed
    # build leaves there is found and removed by ``doctor`` (like a backup's work directory).
    us.bo.settings.data_dir.mkdir(parents=True, exist_ok=True)
    workdir = Path(tempfile.mkdtemp(prefix=".archive-", suffix=".tmp", dir=us.bo.settings.data_dir))  # 0700
    tmp: Path | None = None
    try:
        g = gather(us, case_no, Masker(unmasked), config, workdir)
        if unmasked:
            g.notes.insert(0, f"本卷为未屏蔽个人信息的版本，由{us.actor.display_name}出具，理由：{why}。")
        meta = volume_meta(us, g, config, unmasked=unmasked)
        final = archive_dir(us) / str(g.year) / _file_name(g.archive_no, g.version)
        final.parent.mkdir(parents=True, exist_ok=True)
        with VolumeBuilder(g.items, workdir) as builder:
            store_pdfa_verdicts(us, builder.new_verdicts())
            problems = list(g.problems)
            problems += [
                DomainError("第 {seq} 件无法读取：{reason}。", seq=seq, reason=why_not)
                for seq, why_not in sorted(builder.unreadable.items())
            ]
            problems += completeness_problems(
                volume_manifest(meta, builder), required_kinds=g.required, scheme=config.scheme
            )
            if problems:
                _refused(us, role, g.case_id, problems)
                raise _problems_error(problems)
            tmp = final.with_name(f".{final.name}.{secrets.token_hex(4)}.tmp")
            built = builder.write(meta, tmp)
        findings = validate_file(tmp)
        if findings:
            problems = [DomainError("PDF/A 校验未通过：{finding}", finding=f) for f in findings[:20]]
            _refused(us, role, g.case_id, problems)
            raise _problems_error(problems)
        row = _register(us, role, g, meta, built, tmp, final, why)
    except BaseException:
        if tmp is not None:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
        raise
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    info = VolumeInfo(
        g.case_no,
        g.archive_no,
        g.version,
        final,
        built.sha256,
        built.content_sha256,
        built.size,
        built.pages,
        built.document_pages,
        len(built.items),
        g.retention.value,
        g.year,
        unmasked,
        row.built_at,
        built.notes,
    )
    if copy_to is not None:
        _copy(final, copy_to)
        info = VolumeInfo(**{**info.__dict__, "copy": copy_to})
    return info


def _refused(us: UserSession, role: str, case_id: int, problems: list[DomainError]) -> None:
    with us.bo.db.unit_of_work() as db:
        audit.record(
            db,
            us,
            "archive.build",
            role=role,
            object_type="case",
            object_id=case_id,
            outcome="refused",
            reason=f"{len(problems)} problem(s): {problems[0].format()[:150]}",
        )


def _register(
    us: UserSession,
    role: str,
    g: Gathered,
    meta: VolumeMeta,
    built: BuiltVolume,
    tmp: Path,
    final: Path,
    why: str,
) -> ArchiveVolume:
    """Record the volume and archive the case in one transaction; the file is renamed into place last."""
    renamed = False
    try:
        with us.bo.db.unit_of_work() as db:
            case = db.get(Case, g.case_id)
            assert case is not None
            if case.version != g.case_version or case.status != CaseStatus.CLOSED.value:
                raise ConflictError("案件 {no} 在立卷期间被修改：请重新立卷。", no=g.case_no)
            now = us.bo.now()
            for old in db.execute(
                select(ArchiveVolume).where(
                    ArchiveVolume.case_id == case.id, ArchiveVolume.status == "active"
                )
            ).scalars():
                old.status, old.superseded_at = "superseded", now
            row = ArchiveVolume(
                case_id=case.id,
                archive_no=g.archive_no,
                series=g.series,
                item_no=g.item_no,
                version=g.version,
                year=g.year,
                retention=g.retention.value,
                file_path=final.relative_to(archive_dir(us)).as_posix(),
                size=built.size,
                pages=built.pages,
                volume_digest=built.sha256,
                content_digest=built.content_sha256,
                manifest=json.dumps(built.manifest, ensure_ascii=False, sort_keys=True),
                built_at=meta.built_at,
                built_by=us.actor.user_id,
                unmasked=meta.unmasked,
                reason=why,
                status="active",
            )
            db.add(row)
            try:
                db.flush()
            except DatabaseIntegrityError:
                raise ConflictError("档号 {no} 刚被占用：请重新立卷。", no=g.archive_no) from None
            check_transition(CaseStatus.CLOSED, CaseStatus.ARCHIVED)
            case.status = CaseStatus.ARCHIVED.value
            add_event(
                db,
                us,
                case,
                "archived",
                CaseStatus.CLOSED,
                CaseStatus.ARCHIVED,
                f"{g.archive_no} v{g.version}",
            )
            audit.record(
                db,
                us,
                "archive.build",
                role=role,
                object_type="case",
                object_id=case.id,
                reason=f"{g.archive_no} v{g.version} sha256={built.sha256[:16]}"
                + (f" unmasked: {why[:100]}" if meta.unmasked else ""),
            )
            db.flush()
            # From here on the final name may exist: it is ours (its version is not registered yet).
            renamed = True
            os.replace(tmp, final)
        return row
    except BaseException:
        if renamed:
            with contextlib.suppress(FileNotFoundError):
                final.unlink()
        raise


def _copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    try:
        shutil.copyfile(source, tmp)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise


@dataclass(frozen=True)
class BatchResult:
    built: tuple[VolumeInfo, ...]
    failed: tuple[tuple[str, DomainError], ...]
    cancelled: bool = False
    skipped: tuple[str, ...] = field(default_factory=tuple)


def closed_cases(us: UserSession) -> list[str]:
    """The archivist's queue: closed cases, oldest closing first."""
    require(us, Permission.BUILD_ARCHIVE, "archive.queue", "只有档案管理员可以查看待归档案件。", "case")
    with us.bo.db.unit_of_work(write=False) as db:
        return list(
            db.execute(
                select(Case.case_no)
                .where(Case.status == CaseStatus.CLOSED.value)
                .order_by(Case.closed_at, Case.id)
            ).scalars()
        )


def build_closed(
    us: UserSession,
    out_dir: Path | None = None,
    *,
    progress: Progress | None = None,
    cancel: Callable[[], bool] | None = None,
) -> BatchResult:
    """Build every closed case's volume, one transaction each; a refused case is listed and skipped."""
    queue = closed_cases(us)
    built: list[VolumeInfo] = []
    failed: list[tuple[str, DomainError]] = []
    for number, case_no in enumerate(queue, start=1):
        if cancel is not None and cancel():
            return BatchResult(tuple(built), tuple(failed), True, tuple(queue[number - 1 :]))
        if progress is not None:
            progress(number, len(queue), case_no)
        try:
            info = build_volume(us, case_no)
        except DomainError as exc:
            failed.append((case_no, exc))
            continue
        if out_dir is not None:
            target = out_dir / info.path.name
            _copy(info.path, target)
            info = VolumeInfo(**{**info.__dict__, "copy": target})
        built.append(info)
    return BatchResult(tuple(built), tuple(failed))
