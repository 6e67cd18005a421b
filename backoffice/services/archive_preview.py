"""Previewing a closed case's volume before sealing it: built as sealing would build it, registered nowhere.

The volume is gathered (personal data masked) and written into a private temp directory that is removed
before this returns: the caller gets the file's bytes, to show on screen. The notes sheet says the file
is a preview. The completeness checks that would block sealing are run and returned, not raised, so the
archivist sees them next to the pages; only an item that cannot be read at all stops the preview.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from backoffice.domain.archive import (
    completeness_problems,
)
from backoffice.domain.errors import DomainError
from backoffice.printing.archive import VolumeBuilder
from backoffice.printing.archive_model import BuiltVolume
from backoffice.printing.archive_sheets import BACK_TITLE, COVER_TITLE, LIST_TITLE, NOTES_TITLE
from backoffice.security.roles import Permission
from backoffice.services import audit
from backoffice.services.archive import volume_manifest, volume_meta
from backoffice.services.archive_config import archive_config
from backoffice.services.archive_gather import gather
from backoffice.services.archive_masking import Masker
from backoffice.services.attachments import store_pdfa_verdicts
from backoffice.services.context import UserSession
from backoffice.services.guard import require

PREVIEW_NOTE: Final = "本文件为封存前的预览件，未经登记，不能作为归档案卷使用。"
_PARTS: Final = {
    "cover": COVER_TITLE,
    "file_list": LIST_TITLE,
    "notes": NOTES_TITLE,
    "back_cover": BACK_TITLE,
}


@dataclass(frozen=True)
class VolumePreview:
    case_no: str
    archive_no: str  # the number sealing would give now
    version: int
    title: str
    items: int
    pages: int  # every page of the file
    data: bytes  # the preview PDF
    contents: tuple[tuple[str, int], ...]  # (the volume's sheets and each document, its first page, 0-based)
    problems: tuple[DomainError, ...]  # what would block sealing; empty when nothing does


def _contents(built: BuiltVolume) -> tuple[tuple[str, int], ...]:
    parts = [(_PARTS.get(p["part"], p["part"]), int(p["first_index"])) for p in built.manifest["parts"]]
    documents = [(f"{r.seq}. {r.title}", r.first_index) for r in built.items]
    return tuple(sorted(parts + documents, key=lambda entry: entry[1]))


def preview_volume(us: UserSession, case_no: str) -> VolumePreview:
    """The closed case's volume as it would be sealed now, with what would block sealing."""
    role = require(
        us, Permission.BUILD_ARCHIVE, "archive.preview", "只有档案管理员可以预览归档案卷。", "case", case_no
    )
    config = archive_config(us.bo.settings)
    # In the data directory, not the system's temp folder: decrypted scans pass through it, and doctor
    # removes what a crash leaves there.
    workdir = Path(tempfile.mkdtemp(prefix=".preview-", suffix=".tmp", dir=us.bo.settings.data_dir))
    try:
        g = gather(us, case_no, Masker(False), config, workdir)
        meta = volume_meta(us, g, config, preview_note=PREVIEW_NOTE)
        with VolumeBuilder(g.items, workdir) as builder:
            store_pdfa_verdicts(us, builder.new_verdicts())
            if builder.unreadable:
                lines = "\n".join(f"第 {seq} 件：{why}" for seq, why in sorted(builder.unreadable.items()))
                raise DomainError("案卷中有无法读取的文件，不能生成预览：\n{lines}", lines=lines)
            problems = list(g.problems)
            problems += completeness_problems(
                volume_manifest(meta, builder), required_kinds=g.required, scheme=config.scheme
            )
            built = builder.write(meta, workdir / "preview.pdf")
        data = built.path.read_bytes()
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    with us.bo.db.unit_of_work() as db:
        audit.record(
            db,
            us,
            "archive.preview",
            role=role,
            object_type="case",
            object_id=g.case_id,
            reason=f"{len(problems)} problem(s)" if problems else "",
        )
    return VolumePreview(
        g.case_no,
        g.archive_no,
        g.version,
        g.title,
        len(built.items),
        built.pages,
        data,
        _contents(built),
        tuple(problems),
    )
