"""Backup, verify and restore (admins), and the reminder when the last backup is too old.

The file format is in backup_archive, the consistent copy of the database in backup_snapshot. Verifying
and restoring need the master key of the backup's key version: from a signed-in admin of the live
installation, or, when that is lost or the version was retired by a key rotation, from the printed
recovery code (the backup carries the recovery slot, see backup_archive).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import IO, Any

from sqlalchemy.orm import Session

from backoffice import __version__
from backoffice.db.migrate import head_revision, known_revisions
from backoffice.db.models import AppMeta
from backoffice.domain.errors import DomainError, EnvironmentProblem, IntegrityError, ValidationError
from backoffice.security.keys import Keyring
from backoffice.security.roles import Permission
from backoffice.services import audit
from backoffice.services.backup_archive import (
    DATABASES,
    DB_MEMBERS,
    FORMAT,
    SQLITE,
    BackupInfo,
    Header,
    archive_keyring,
    read_archive,
    read_header,
    recovery_keyring,
    write_archive,
)
from backoffice.services.backup_snapshot import Progress, Snapshot, members, pg_snapshot, sqlite_snapshot
from backoffice.services.context import UserSession
from backoffice.services.guard import require
from backoffice.services.keyslots import refresh

__all__ = [
    "BackupInfo",
    "RestoreResult",
    "backup_status",
    "create_backup",
    "restore_backup",
    "set_backup_max_age",
    "verify_backup",
]

LAST_BACKUP_KEY, MAX_AGE_KEY = "last_backup_at", "backup_max_age_days"
DEFAULT_MAX_AGE_DAYS = 7
_DENIED = "只有系统管理员可以备份、校验和恢复数据。"


@dataclass(frozen=True)
class RestoreResult:
    info: BackupInfo
    directory: Path
    database_file: Path  # the SQLite database, or the dump for pg_restore
    needs_upgrade: bool  # older schema than this program: run ``backoffice db upgrade`` before use


def _audit(us: UserSession | None, role: str, action: str, outcome: str, reason: str = "") -> None:
    if us is not None:
        with us.bo.db.unit_of_work() as db:
            audit.record(db, us, action, role=role, object_type="backup", outcome=outcome, reason=reason)


def _set_meta(db: Session, key: str, value: str) -> None:
    row = db.get(AppMeta, key)
    if row is None:
        db.add(AppMeta(key=key, value=value))
    else:
        row.value = value


def _write(us: UserSession, snap: Snapshot, dst: IO[bytes], progress: Progress | None) -> BackupInfo:
    facts = snap.facts()
    meta: dict[str, Any] = {
        "format": FORMAT,
        "app_version": __version__,
        "schema_revision": facts.schema_revision,
        "database": DATABASES[snap.database],
        "created_at": us.bo.now().isoformat(),
        "key_version": facts.key_version,
    }
    missing: list[int] = []

    def sources() -> Iterator[tuple[str, IO[bytes]]]:
        yield from members(snap, us.bo.settings.attachments_dir, missing, progress, facts.attachments + 1)
        meta["missing_attachments"] = missing

    header = Header(snap.database, facts.key_version, facts.envelope)
    keyring = archive_keyring(us.keyring, facts.key_version)
    return write_archive(dst, header, keyring, sources(), meta)


def create_backup(us: UserSession, target: Path, *, progress: Progress | None = None) -> BackupInfo:
    """Back up the live database and every attachment file into ``target``, a new file (written under
    a temporary name and renamed when complete). Attachments whose file is missing are listed."""
    role = require(us, Permission.MANAGE_BACKUPS, "backup.create", _DENIED, "backup")
    if target.exists():
        raise ValidationError(
            "file", "文件 {path} 已存在：备份不会覆盖已有文件，请换一个文件名。", path=str(target)
        )
    if not target.parent.is_dir():
        raise ValidationError("file", "目录 {path} 不存在。", path=str(target.parent))
    with us.bo.db.unit_of_work(write=False) as db:
        refresh(db, us.keyring)
    us.bo.settings.data_dir.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".backup-", suffix=".tmp", dir=us.bo.settings.data_dir))  # 0700
    tmp = target.parent / f".{target.name}.{os.urandom(4).hex()}.tmp"
    snapshot = sqlite_snapshot if us.bo.db.is_sqlite else pg_snapshot
    try:
        with snapshot(us.bo, work) as snap, tmp.open("xb") as dst:
            info = _write(us, snap, dst, progress)
            dst.flush()
            os.fsync(dst.fileno())
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        if isinstance(exc, DomainError):
            _audit(us, role, "backup.create", "failed")
        raise
    finally:
        shutil.rmtree(work, ignore_errors=True)
    with us.bo.db.unit_of_work() as db:
        _set_meta(db, LAST_BACKUP_KEY, info.created_at.isoformat())
        reason = f"{info.database} members={info.members} missing={len(info.missing_attachments)}"
        audit.record(db, us, "backup.create", role=role, object_type="backup", reason=reason)
    return info


def _open(source: Path) -> IO[bytes]:
    try:
        return source.open("rb")
    except OSError:
        raise ValidationError("file", "无法读取备份文件 {path}。", path=str(source)) from None


def _keys(header: Header, us: UserSession | None, recovery_code: str | None) -> Keyring:
    if recovery_code:
        return archive_keyring(recovery_keyring(header, recovery_code), header.key_version)
    if us is None:
        raise ValidationError("user", "请以系统管理员身份登录现有系统，或提供恢复码。")
    with us.bo.db.unit_of_work(write=False) as db:
        refresh(db, us.keyring)
    return archive_keyring(us.keyring, header.key_version)


def verify_backup(
    source: Path, *, us: UserSession | None = None, recovery_code: str | None = None
) -> BackupInfo:
    """Decrypt and check the whole backup, writing nothing; IntegrityError names the first bad member."""
    role = require(us, Permission.MANAGE_BACKUPS, "backup.verify", _DENIED, "backup") if us else ""
    try:
        with _open(source) as src:
            header = read_header(src)
            info = read_archive(src, header, _keys(header, us, recovery_code), None)
    except IntegrityError:
        _audit(us, role, "backup.verify", "failed")
        raise
    _audit(us, role, "backup.verify", "ok", f"members={info.members}")
    return info


def _check_sqlite(path: Path, key_version: int) -> None:
    """The restored database opens, passes ``PRAGMA integrity_check``, has a schema revision this
    program knows and holds the backup's key version."""
    try:
        with contextlib.closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as conn:
            problems = [str(row[0]) for row in conn.execute("PRAGMA integrity_check")]
            revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            versions = {
                row[0] for row in conn.execute("SELECT id FROM key_versions WHERE status != 'retired'")
            }
    except sqlite3.DatabaseError as exc:
        raise IntegrityError("恢复出的数据库无法打开（{detail}）。", detail=type(exc).__name__) from None
    if problems != ["ok"]:
        raise IntegrityError("恢复出的数据库未通过完整性检查：{detail}", detail=problems[0][:200])
    _check_revision(str(revision[0]) if revision else "-")
    if key_version not in versions:
        raise IntegrityError("恢复出的数据库里没有备份所用的密钥版本 {version}。", version=key_version)


def _check_revision(revision: str) -> None:
    if revision not in known_revisions():
        raise EnvironmentProblem(
            "备份的数据库结构版本 {rev} 本程序不认识：请先升级 backoffice 再恢复。", rev=revision
        )


def _check_dump(path: Path) -> None:
    """pg_restore can read the dump's table of contents (when pg_restore is installed here)."""
    executable = shutil.which("pg_restore")
    if executable is not None:
        done = subprocess.run([executable, "--list", str(path)], capture_output=True, check=False)
        if done.returncode != 0:
            raise IntegrityError("pg_restore 读不了恢复出的数据库转储：请用同一主版本的 PostgreSQL 客户端。")


def _check_target(into: Path) -> None:
    if into.exists() and (not into.is_dir() or any(into.iterdir())):
        raise ValidationError(
            "into", "目标 {path} 不是空目录：只能恢复到空目录，以免覆盖现有数据。", path=str(into)
        )


def restore_backup(
    source: Path, into: Path, *, us: UserSession | None = None, recovery_code: str | None = None
) -> RestoreResult:
    """Restore the database (or the PostgreSQL dump) and the attachment store into an empty directory.

    Everything is decrypted into a staging directory inside ``into`` and checked before it is renamed
    into place; on any failure ``into`` is left as it was (and removed again if it did not exist).
    """
    role = require(us, Permission.MANAGE_BACKUPS, "backup.restore", _DENIED, "backup") if us else ""
    _check_target(into)
    with _open(source) as src:
        header = read_header(src)
        keyring = _keys(header, us, recovery_code)
        created = not into.exists()
        into.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".restore-", suffix=".tmp", dir=into))
        try:
            info = read_archive(src, header, keyring, staging)
            database_file = staging / DB_MEMBERS[header.database]
            if header.database == SQLITE:
                _check_sqlite(database_file, header.key_version)
            else:
                _check_revision(info.schema_revision)
                _check_dump(database_file)
            for item in staging.iterdir():
                os.replace(item, into / item.name)
            staging.rmdir()
        except BaseException as exc:
            shutil.rmtree(staging, ignore_errors=True)
            if created:
                with contextlib.suppress(OSError):
                    into.rmdir()
            if isinstance(exc, DomainError):
                _audit(us, role, "backup.restore", "failed")
            raise
    _audit(us, role, "backup.restore", "ok", f"{info.database} members={info.members}")
    database_file = into / DB_MEMBERS[header.database]
    return RestoreResult(info, into, database_file, info.schema_revision != head_revision())


def backup_status(us: UserSession) -> tuple[datetime | None, bool]:
    """(time of the last successful backup or None, whether it is older than the configured age)."""
    require(us, Permission.MANAGE_BACKUPS, "backup.status", _DENIED, "backup")
    with us.bo.db.unit_of_work(write=False) as db:
        last, days = db.get(AppMeta, LAST_BACKUP_KEY), db.get(AppMeta, MAX_AGE_KEY)
        last_at = datetime.fromisoformat(last.value) if last else None
        max_age = timedelta(days=int(days.value) if days else DEFAULT_MAX_AGE_DAYS)
    return last_at, last_at is None or us.bo.now() - last_at > max_age


def set_backup_max_age(us: UserSession, days: int) -> None:
    """After how many days without a backup the admin is reminded (1 to 365; default 7)."""
    role = require(us, Permission.MANAGE_BACKUPS, "backup.max_age", _DENIED, "backup")
    if not 1 <= days <= 365:
        raise ValidationError("days", "备份提醒的天数必须在 1 到 365 之间。")
    with us.bo.db.unit_of_work() as db:
        _set_meta(db, MAX_AGE_KEY, str(days))
        audit.record(db, us, "backup.max_age", role=role, object_type="backup", reason=f"{days} days")
