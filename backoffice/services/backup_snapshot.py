"""What a backup copies, as of one consistent moment: the database and the attachment files its rows name.

SQLite: an online copy through the backup API of ``sqlite3`` (other connections keep writing meanwhile).
PostgreSQL: ``pg_dump --format=custom`` of a snapshot exported from a REPEATABLE READ transaction, the
attachment rows read in that same transaction. Either way the attachment files are chosen from the rows in
the copy, so a file added after the snapshot is left out and a row never goes without its file.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from sqlalchemy import Connection, create_engine, func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from backoffice.db.engine import sqlite_path
from backoffice.db.models import Attachment, KeyGrant, KeySlot
from backoffice.domain.errors import DomainError, EnvironmentProblem
from backoffice.security.files import key_version_of_file
from backoffice.services.attachments import stored_path
from backoffice.services.backup_archive import DB_MEMBERS, POSTGRESQL, SQLITE, envelope
from backoffice.services.context import Backoffice
from backoffice.services.keyslots import RECOVERY_OWNER, current_version

Progress = Callable[[int, int], None]  # (members done, members in all)

NO_PG_DUMP = (
    "找不到 pg_dump：请在这台电脑上安装与服务器同一主版本的 PostgreSQL 客户端（Debian/Ubuntu："
    "apt install postgresql-client），或按 docs/deployment.md 的 Backup and restore 一节在服务器上备份。"
)


@dataclass(frozen=True)
class Facts:
    schema_revision: str
    key_version: int  # the current version in the copy: the archive is encrypted under it
    envelope: bytes
    attachments: int


@dataclass(frozen=True)
class Snapshot:
    database: int  # SQLITE | POSTGRESQL
    dump: Path  # the database copy or dump (in a private work directory)
    conn: Connection  # reads the copy (SQLite) or the exported snapshot (PostgreSQL)

    def facts(self) -> Facts:
        with Session(bind=self.conn) as db:
            version = current_version(db)
            slot = db.scalar(select(KeySlot.wrapped_private).where(KeySlot.owner == RECOVERY_OWNER))
            grant = db.scalar(
                select(KeyGrant.sealed).where(
                    KeyGrant.owner == RECOVERY_OWNER, KeyGrant.key_version == version
                )
            )
            return Facts(
                str(db.scalar(text("SELECT version_num FROM alembic_version"))),
                version,
                envelope(slot, grant),
                db.scalar(select(func.count()).select_from(Attachment)) or 0,
            )

    def attachment_rows(self) -> Iterator[tuple[int, str, int]]:
        query = select(Attachment.id, Attachment.file_id, Attachment.key_version).order_by(Attachment.id)
        if self.database == POSTGRESQL:
            query = query.execution_options(yield_per=2000)
        for row in self.conn.execute(query):
            yield row.id, row.file_id, row.key_version


@contextlib.contextmanager
def sqlite_snapshot(bo: Backoffice, work: Path) -> Iterator[Snapshot]:
    live = sqlite_path(bo.db.url)
    if live is None:
        raise EnvironmentProblem("只能备份文件形式的 SQLite 数据库。")
    copy = work / DB_MEMBERS[SQLITE]
    with (
        contextlib.closing(sqlite3.connect(live, timeout=15)) as source,
        contextlib.closing(sqlite3.connect(copy)) as target,
    ):
        source.backup(target)
        target.execute("PRAGMA journal_mode = DELETE")  # one self-contained file, no WAL beside it
    engine = create_engine(f"sqlite:///{copy}")
    try:
        with engine.connect() as conn:
            yield Snapshot(SQLITE, copy, conn)
    finally:
        engine.dispose()


def _pg_dump(executable: str, url: str, snapshot: str, target: Path) -> None:
    parsed = make_url(url)
    env = dict(os.environ)
    if parsed.password:
        env["PGPASSWORD"] = str(parsed.password)  # never on the command line
    dbname = parsed.set(drivername="postgresql", password=None).render_as_string(hide_password=False)
    command = [executable, "--format=custom", "--no-password", f"--snapshot={snapshot}", f"--file={target}"]
    done = subprocess.run(
        [*command, f"--dbname={dbname}"], env=env, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        detail = (done.stderr.strip().splitlines() or ["?"])[-1][:300]
        raise EnvironmentProblem(
            "pg_dump 没有成功（退出码 {code}）：{detail}", code=done.returncode, detail=detail
        )


@contextlib.contextmanager
def pg_snapshot(bo: Backoffice, work: Path) -> Iterator[Snapshot]:
    executable = shutil.which("pg_dump")
    if executable is None:
        raise EnvironmentProblem(NO_PG_DUMP)
    dump = work / DB_MEMBERS[POSTGRESQL]
    with bo.db.engine.connect() as conn:
        conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            snapshot = str(conn.exec_driver_sql("SELECT pg_export_snapshot()").scalar_one())
            _pg_dump(executable, bo.db.url, snapshot, dump)
            yield Snapshot(POSTGRESQL, dump, conn)


def _open_attachment(root: Path, attachment_id: int, file_id: str, version: int) -> IO[bytes] | None:
    """The stored file a row of the copy names: its ``.new`` twin when an interrupted rotation left one
    under the row's key version, else the file itself; None when it is missing."""
    final = stored_path(root, file_id)
    for candidate in (final.with_suffix(".new"), final):
        try:
            fh = candidate.open("rb")
        except FileNotFoundError:
            continue
        try:
            found: int | None = key_version_of_file(fh)
        except ValueError:
            found = None  # no readable header: copied as it is, the backup mirrors the store
        if found == version or (found is None and candidate == final):
            fh.seek(0)
            return fh
        fh.close()
        if candidate == final:
            raise DomainError(
                "附件 #{id} 在备份过程中被重新加密（密钥轮换）：请在轮换完成后重新备份。", id=attachment_id
            )
    return None


def members(
    snap: Snapshot, root: Path, missing: list[int], progress: Progress | None, total: int
) -> Iterator[tuple[str, IO[bytes]]]:
    """(archive path, open file) for the database copy, then every attachment file of the copy's rows;
    the ids of rows whose file is missing are appended to ``missing``."""
    with snap.dump.open("rb") as fh:
        yield DB_MEMBERS[snap.database], fh
    for done, (attachment_id, file_id, version) in enumerate(snap.attachment_rows(), start=2):
        attachment = _open_attachment(root, attachment_id, file_id, version)
        if attachment is None:
            missing.append(attachment_id)
            continue
        with attachment:
            yield f"attachments/{file_id[:2]}/{file_id}.bin", attachment
        if progress:
            progress(done, total)
