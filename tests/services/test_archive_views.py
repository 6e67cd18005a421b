"""The archivist's read-only lists and the preview before sealing (SQLite and PostgreSQL)."""

from __future__ import annotations

import io
import subprocess
from decimal import Decimal
from pathlib import Path

import pikepdf
import pytest
from test_archive import closed_case, office  # noqa: F401 (the fixture)

from backoffice.db.models import AuditRecord
from backoffice.db.models_archive import ArchiveVolume
from backoffice.domain.errors import PermissionDenied
from backoffice.services import archive, archive_access, attachments, cases
from backoffice.services.archive_preview import PREVIEW_NOTE, preview_volume
from backoffice.services.archive_views import archive_queue, archived_volumes, case_volumes


def text_of(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "preview-text.pdf"
    path.write_bytes(data)
    done = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True)
    return "".join(done.stdout.decode().split())


def test_queue_lists_closed_cases_with_what_identifies_them(bo, office, tmp_path) -> None:  # noqa: F811
    clerk, approver, archivist = office
    case_no = closed_case(clerk, approver, tmp_path, scans=1)
    with pytest.raises(PermissionDenied):
        archive_queue(clerk)
    (queued,) = archive_queue(archivist)
    assert (queued.case_no, queued.line, queued.closing_reason, queued.earlier_volumes) == (
        case_no,
        "motor",
        "paid",
        0,
    )
    assert queued.closed_at is not None and queued.amount is not None and queued.amount > Decimal(0)
    assert archived_volumes(archivist) == [] and case_volumes(clerk, case_no) == []


def test_preview_builds_the_volume_and_registers_nothing(bo, office, tmp_path) -> None:  # noqa: F811
    clerk, approver, archivist = office
    case_no = closed_case(clerk, approver, tmp_path, scans=1)
    with pytest.raises(PermissionDenied):
        preview_volume(clerk, case_no)
    preview = preview_volume(archivist, case_no)
    assert preview.problems == () and preview.case_no == case_no and preview.version == 1
    with pikepdf.open(io.BytesIO(preview.data)) as pdf:
        assert len(pdf.pages) == preview.pages
    titles = [title for title, _page in preview.contents]
    assert titles[0] == "案卷封面" and titles[1] == "卷内文件目录" and titles[-1] == "卷底"
    assert [page for _title, page in preview.contents] == sorted(page for _t, page in preview.contents)
    assert sum(1 for t in titles if t[0].isdigit()) == preview.items
    assert "".join(PREVIEW_NOTE.split()) in text_of(preview.data, tmp_path)
    with bo.db.unit_of_work(write=False) as db:
        assert db.query(ArchiveVolume).count() == 0
        actions = [r.action for r in db.query(AuditRecord).order_by(AuditRecord.seq)]
    assert "archive.preview" in actions
    assert cases.get_case(archivist, case_no).status == "closed"
    assert not list(archive.archive_dir(archivist).rglob("*.pdf"))
    sealed = archive.build_volume(archivist, case_no)
    assert (sealed.archive_no, sealed.version) == (preview.archive_no, preview.version)


def test_preview_lists_what_would_block_sealing(bo, office, tmp_path) -> None:  # noqa: F811
    clerk, approver, archivist = office
    case_no = closed_case(clerk, approver, tmp_path, scans=1)
    detail = cases.get_case(archivist, case_no)
    with bo.db.unit_of_work(write=False) as db:
        from backoffice.db.models import Attachment

        stored = db.query(Attachment).filter(Attachment.id == detail.attachments[0].id).one()
        path = attachments.stored_path(attachments.store_dir(archivist), stored.file_id)
    data = bytearray(path.read_bytes())
    data[-20] ^= 0xFF  # the attachment store's copy was damaged
    path.write_bytes(bytes(data))
    preview = preview_volume(archivist, case_no)
    messages = [p.format() for p in preview.problems]
    assert preview.pages > 0 and any("附件" in m and "未通过校验" in m for m in messages)


def test_register_and_case_volumes_keep_every_version(bo, office, tmp_path) -> None:  # noqa: F811
    clerk, approver, archivist = office
    case_no = closed_case(clerk, approver, tmp_path, scans=1)
    first = archive.build_volume(archivist, case_no)
    archive_access.retrieve(archivist, case_no, "法院判决需重开", reopen=True)
    (queued,) = archive_queue(archivist)
    assert queued.case_no == case_no and queued.earlier_volumes == 1
    second = archive.build_volume(archivist, case_no)
    with pytest.raises(PermissionDenied):
        archived_volumes(clerk)
    register = archived_volumes(archivist)
    assert [(v.version, v.status) for v in register] == [(2, "active"), (1, "superseded")]
    history = case_volumes(clerk, case_no)
    assert history == register
    newest, oldest = history
    assert (newest.sha256, newest.path, newest.pages) == (second.sha256, second.path, second.pages)
    assert (oldest.sha256, oldest.content_sha256, oldest.retention) == (
        first.sha256,
        first.content_sha256,
        "D10",
    )
    assert newest.built_by == "arch" and newest.case_no == case_no and newest.size == second.size
