"""What a crash can leave behind, found and (with ``fix``) cleaned up. Admins only.

- temporary files (``*.tmp``, ``.*.tmp``, ``*.new.tmp``; also the work directories of an interrupted
  backup or restore) in the attachment store and the data directory: removed;
- attachment files no row names (a crash between writing the file and committing its row), and ``.new``
  files of a key rotation whose transaction did not commit: moved to ``<data>/orphans/``, never deleted;
- ``.new`` files of a rotation that committed but stopped before the rename: renamed into place;
- rows whose file is missing: reported only (restore the store from a backup);
- in the archive directory: temp files of a volume build (removed), and volume files no volume row names
  (a build killed between renaming its file into place and committing: moved to ``<data>/orphans/``);
- SQLite's ``PRAGMA integrity_check``, and the audit chain when the caller is also an auditor.

Only files older than a minute are touched, so that an upload or a rotation running at the same moment
(file written, row not committed yet) is left alone.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select, text

from backoffice.db.models import Attachment
from backoffice.db.models_archive import ArchiveVolume
from backoffice.security.files import key_version_of_file
from backoffice.security.roles import Permission
from backoffice.services import audit
from backoffice.services.attachments import readable_path
from backoffice.services.audit import VerifyResult
from backoffice.services.context import UserSession
from backoffice.services.guard import require

MIN_AGE_SECONDS = 60
ORPHANS_DIR = "orphans"
ARCHIVE_DIR = "archive"  # services.archive.ARCHIVE_DIR (not imported: it pulls in the PDF machinery)
_STORED = re.compile(r"([0-9a-f]{2}[0-9a-f]*)\.(bin|new)")
_PREFIXES = [f"{i:02x}" for i in range(256)]


@dataclass(frozen=True)
class DoctorReport:
    temp_files: tuple[str, ...]  # relative to the data directory or the store; removed by fix
    orphans: tuple[str, ...]  # store-relative; moved to <data>/orphans by fix
    pending_renames: tuple[str, ...]  # store-relative ``.new`` files of a committed rotation; renamed by fix
    missing_files: tuple[int, ...]  # attachment ids; reported only
    integrity_problems: tuple[str, ...]  # SQLite integrity_check (PostgreSQL checks itself)
    audit: VerifyResult | None  # None: the caller is not an auditor
    fixed: bool

    @property
    def healthy(self) -> bool:
        """Nothing left to do: no problem found, or every fixable one fixed and nothing else wrong."""
        leftovers = not self.fixed and (self.temp_files or self.orphans or self.pending_renames)
        audit_bad = self.audit is not None and not self.audit.ok
        return not (leftovers or self.missing_files or self.integrity_problems or audit_bad)


def _old(path: Path, cutoff: float) -> bool:
    try:
        return path.lstat().st_mtime < cutoff
    except FileNotFoundError:
        return False


def _relative(path: Path, *roots: Path) -> str:
    for root in roots:
        if path.is_relative_to(root):
            return path.relative_to(root).as_posix()
    return path.name


@dataclass
class _Scan:
    temps: list[Path] = field(default_factory=list)
    orphans: list[Path] = field(default_factory=list)
    pending: list[Path] = field(default_factory=list)
    missing: list[int] = field(default_factory=list)


def _scan(us: UserSession, store: Path, cutoff: float) -> _Scan:
    """The store against the rows, one two-hex-digit directory (and its rows) at a time."""
    scan = _Scan()
    for prefix in _PREFIXES:
        with us.bo.db.unit_of_work(write=False) as db:
            query = select(Attachment).where(Attachment.file_id >= prefix, Attachment.file_id < prefix + "g")
            rows = {row.file_id: row for row in db.execute(query).scalars()}
        directory = store / prefix
        files = sorted(directory.iterdir()) if directory.is_dir() else []
        for path in files:
            match = _STORED.fullmatch(path.name)
            if not _old(path, cutoff):
                continue
            if path.name.endswith(".tmp"):
                scan.temps.append(path)
            elif match is None:
                continue
            elif (row := rows.get(match.group(1))) is None:
                scan.orphans.append(path)
            elif match.group(2) == "new":
                # Committed under the .new file's key version: finish the rename; else never committed.
                (scan.pending if _version(path) == row.key_version else scan.orphans).append(path)
        scan.missing += [row.id for row in rows.values() if not readable_path(store, row).exists()]
    scan.missing.sort()
    return scan


def _version(path: Path) -> int | None:
    try:
        with path.open("rb") as fh:
            return key_version_of_file(fh)
    except (OSError, ValueError):
        return None


def _scan_archive(us: UserSession, directory: Path, cutoff: float, scan: _Scan) -> None:
    """Temp files of volume builds, and volume files that no volume row names."""
    if not directory.is_dir():
        return
    with us.bo.db.unit_of_work(write=False) as db:
        registered = set(db.execute(select(ArchiveVolume.file_path)).scalars())
    for path in sorted(directory.rglob("*")):
        if not path.is_file() or not _old(path, cutoff):
            continue
        if path.name.endswith(".tmp"):
            scan.temps.append(path)
        elif path.relative_to(directory).as_posix() not in registered:
            scan.orphans.append(path)


def _integrity(us: UserSession) -> list[str]:
    if not us.bo.db.is_sqlite:
        return []
    with us.bo.db.unit_of_work(write=False) as db:
        rows = [str(r[0]) for r in db.execute(text("PRAGMA integrity_check"))]
    return [] if rows == ["ok"] else rows


def _move_aside(path: Path, orphans_dir: Path) -> None:
    orphans_dir.mkdir(parents=True, exist_ok=True)
    target, n = orphans_dir / path.name, 1
    while target.exists():
        target, n = orphans_dir / f"{path.name}.{n}", n + 1
    shutil.move(path, target)


def _fix(data_dir: Path, scan: _Scan) -> None:
    for path in scan.temps:
        with contextlib.suppress(FileNotFoundError):
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path)
            else:
                path.unlink()
    for path in scan.orphans:
        _move_aside(path, data_dir / ORPHANS_DIR)
    for path in scan.pending:
        os.replace(path, path.with_suffix(".bin"))


def diagnose(us: UserSession, *, fix: bool = False) -> DoctorReport:
    """Look for what a crash left behind; with ``fix`` remove temp files, move orphans aside and finish
    interrupted renames. The audit chain is verified too when ``us`` is an auditor."""
    role = require(us, Permission.MANAGE_BACKUPS, "doctor.run", "只有系统管理员可以运行 doctor。", "doctor")
    store, data_dir = us.bo.settings.attachments_dir, us.bo.settings.data_dir
    cutoff = time.time() - MIN_AGE_SECONDS
    scan = _scan(us, store, cutoff)
    if data_dir.is_dir():  # leftovers of option writes, backups and restores
        scan.temps += sorted(p for p in data_dir.glob("*.tmp") if _old(p, cutoff))
    _scan_archive(us, data_dir / ARCHIVE_DIR, cutoff, scan)
    integrity = _integrity(us)
    if fix:
        _fix(data_dir, scan)
    checked = audit.verify(us) if us.actor.role_for(Permission.READ_AUDIT) else None
    report = DoctorReport(
        tuple(_relative(p, store, data_dir) for p in scan.temps),
        tuple(_relative(p, store, data_dir) for p in scan.orphans),
        tuple(_relative(p, store) for p in scan.pending),
        tuple(scan.missing),
        tuple(integrity),
        checked,
        fix,
    )
    with us.bo.db.unit_of_work() as db:
        reason = (
            f"temp={len(scan.temps)} orphans={len(scan.orphans)} pending={len(scan.pending)} "
            f"missing={len(scan.missing)} integrity={'ok' if not integrity else 'failed'}"
        )
        action = "doctor.fix" if fix else "doctor.check"
        audit.record(db, us, action, role=role, object_type="doctor", reason=reason)
    return report
