"""The encrypted attachment store: scans, PDFs and photos, never whole in memory, never in the clear.

Files are encrypted in segments (security.files) under ``<store>/<file_id[:2]>/<file_id>.bin``. A new
file is written to a temp name in the same directory and renamed only when complete; the database row
comes in the same transaction, and the file is removed again when that transaction fails. A keyed digest
of the content is recorded and checked on every read.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select, update

from backoffice.db.models import Attachment
from backoffice.domain.errors import IntegrityError, NotFound
from backoffice.printing.archive_model import PdfaVerdict
from backoffice.security.fields import FieldCipher
from backoffice.security.files import (
    FileIntegrityError,
    decrypt_stream,
    encrypt_stream,
    key_version_of_file,
    verify_stream,
)
from backoffice.security.roles import Permission
from backoffice.services import audit
from backoffice.services.archive_lock import ensure_owner_not_archived
from backoffice.services.context import UserSession
from backoffice.services.file_checks import DEFAULT_MAX_BYTES, check_file
from backoffice.services.guard import require
from backoffice.services.keyslots import refresh

TABLE = "attachments"


@dataclass(frozen=True)
class AttachmentInfo:
    id: int
    file_id: str
    file_name: str
    media_type: str
    size: int
    pages: int | None
    created_at: datetime


def store_dir(us: UserSession) -> Path:
    return us.bo.settings.attachments_dir


def stored_path(root: Path, file_id: str) -> Path:
    return root / file_id[:2] / f"{file_id}.bin"


def readable_path(root: Path, row: Attachment) -> Path:
    """The stored file, or its re-encrypted twin when a key rotation stopped between commit and rename."""
    final = stored_path(root, row.file_id)
    pending = final.with_suffix(".new")
    if pending.exists():
        with pending.open("rb") as fh, contextlib.suppress(ValueError, IntegrityError):
            if key_version_of_file(fh) == row.key_version:
                return pending
    return final


def _require(
    us: UserSession, permission: Permission, action: str, message: str, object_id: object = ""
) -> str:
    return require(us, permission, action, message, "attachment", object_id)


def _write_encrypted(us: UserSession, source: Path, file_id: str) -> tuple[Path, str, int]:
    """Encrypt ``source`` to its final place via a temp name; returns (path, digest, key version)."""
    final = stored_path(store_dir(us), file_id)
    final.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{file_id}.", suffix=".tmp", dir=final.parent)
    try:
        with source.open("rb") as src, os.fdopen(fd, "wb") as dst:
            info = encrypt_stream(us.keyring, src, dst, file_id=file_id)
            dst.flush()
            os.fsync(dst.fileno())
        os.replace(tmp_name, final)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise
    return final, info.digest_hex, info.key_version


def add_attachment(
    us: UserSession,
    source: Path,
    *,
    file_name: str | None = None,
    owner_type: str = "",
    owner_id: int | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> AttachmentInfo:
    """Check, encrypt and register one file. Refused files leave nothing behind."""
    role = _require(us, Permission.EDIT_PERSONS, "attachment.add", "只有理赔内勤可以上传单证。")
    checked = check_file(source, max_bytes=max_bytes)
    verdict = _pdfa_verdict(source) if checked.media_type == "application/pdf" else None
    with us.bo.db.unit_of_work(write=False) as db:
        refresh(db, us.keyring)
        ensure_owner_not_archived(db, owner_type, owner_id)
    file_id = secrets.token_hex(16)
    final, digest, key_version = _write_encrypted(us, source, file_id)
    try:
        with us.bo.db.unit_of_work() as db:
            row = Attachment(
                file_id=file_id,
                owner_type=owner_type,
                owner_id=owner_id,
                filename_enc=b"",
                media_type=checked.media_type,
                size=checked.size,
                pages=checked.pages,
                digest=digest,
                key_version=key_version,
                created_at=us.bo.now(),
                created_by=us.actor.user_id,
                pdfa_verdict=verdict.to_json() if verdict is not None else None,
            )
            db.add(row)
            db.flush()
            row.filename_enc = FieldCipher(us.keyring).encrypt(
                file_name or source.name, table=TABLE, column="filename_enc", row_id=row.id
            )
            audit.record(
                db,
                us,
                "attachment.add",
                role=role,
                object_type="attachment",
                object_id=row.id,
                reason=f"{checked.media_type} {checked.size} bytes",
            )
            return _info(row, file_name or source.name)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            final.unlink()
        raise


def _pdfa_verdict(source: Path) -> PdfaVerdict | None:
    """Whether the archive volume can merge the PDF's pages as they are, judged now, once, rather than
    each time a volume is built (see printing.archive_attached)."""
    from backoffice.printing.archive_attached import check_pdf  # pikepdf's validator: loaded when needed
    from backoffice.printing.archive_sources import file_sha256

    return check_pdf(source, file_sha256(source))


def store_pdfa_verdicts(us: UserSession, verdicts: Mapping[int, PdfaVerdict]) -> None:
    """Keep verdicts the archive builder took for attachments that had none (or an outdated one)."""
    if not verdicts:
        return
    with us.bo.db.unit_of_work() as db:
        for attachment_id, verdict in sorted(verdicts.items()):
            db.execute(
                update(Attachment)
                .where(Attachment.id == attachment_id)
                .values(pdfa_verdict=verdict.to_json())
            )


def _info(row: Attachment, file_name: str) -> AttachmentInfo:
    return AttachmentInfo(row.id, row.file_id, file_name, row.media_type, row.size, row.pages, row.created_at)


def _row(us: UserSession, attachment_id: int) -> Attachment:
    with us.bo.db.unit_of_work(write=False) as db:
        row = db.get(Attachment, attachment_id)
        if row is None:
            raise NotFound("没有编号为 {id} 的附件。", id=attachment_id)
        return row


def list_attachments(us: UserSession, owner_type: str, owner_id: int) -> list[AttachmentInfo]:
    _require(us, Permission.VIEW_PERSONS, "attachment.list", "您没有查看单证的权限。")
    cipher = FieldCipher(us.keyring)
    with us.bo.db.unit_of_work(write=False) as db:
        rows = db.execute(
            select(Attachment)
            .where(Attachment.owner_type == owner_type, Attachment.owner_id == owner_id)
            .order_by(Attachment.id)
        ).scalars()
        return [
            _info(r, cipher.decrypt(r.filename_enc, table=TABLE, column="filename_enc", row_id=r.id))
            for r in rows
        ]


@contextlib.contextmanager
def opened_copy(us: UserSession, attachment_id: int) -> Iterator[Path]:
    """A private decrypted temp copy for preview or printing, removed when the block ends."""
    role = _require(us, Permission.VIEW_PERSONS, "attachment.open", "您没有查看单证的权限。", attachment_id)
    row = _row(us, attachment_id)
    source = readable_path(store_dir(us), row)
    # In the data directory (mode 0700), where doctor removes what a crash leaves: not the system temp folder.
    us.bo.settings.data_dir.mkdir(parents=True, exist_ok=True)
    tmp_dir = Path(tempfile.mkdtemp(prefix=".view-", suffix=".tmp", dir=us.bo.settings.data_dir))
    target = tmp_dir / f"attachment-{row.id}"
    try:
        try:
            with source.open("rb") as src, target.open("wb") as dst:
                os.chmod(target, 0o600)
                decrypt_stream(us.keyring, src, dst, file_id=row.file_id, expected_digest=row.digest)
        except FileNotFoundError:
            raise IntegrityError("附件 #{id} 的文件不在附件库中：请从备份恢复附件库。", id=row.id) from None
        with us.bo.db.unit_of_work() as db:
            audit.record(db, us, "attachment.open", role=role, object_type="attachment", object_id=row.id)
        yield target
    finally:
        with contextlib.suppress(FileNotFoundError):
            target.unlink()
        with contextlib.suppress(OSError):
            tmp_dir.rmdir()


def verify_attachment(us: UserSession, attachment_id: int) -> None:
    """Raise IntegrityError (naming the attachment) if the stored file was altered or lost."""
    _require(us, Permission.VIEW_PERSONS, "attachment.verify", "您没有查看单证的权限。", attachment_id)
    row = _row(us, attachment_id)
    try:
        with readable_path(store_dir(us), row).open("rb") as src:
            verify_stream(us.keyring, src, file_id=row.file_id, expected_digest=row.digest)
    except FileNotFoundError:
        raise IntegrityError("附件 #{id} 的文件不在附件库中：请从备份恢复附件库。", id=row.id) from None
    except FileIntegrityError as exc:
        raise IntegrityError(
            "附件 #{id} 的加密文件校验失败（{detail}）：文件可能被篡改或损坏。",
            id=row.id,
            detail=exc.format(),
        ) from exc
