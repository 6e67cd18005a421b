"""The encrypted attachment store with real files: JPEG, PNG, TIFF, PDF; bad files refused cleanly."""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
import pytest
from conftest import make_user
from PIL import Image
from reportlab.pdfgen import canvas
from sqlalchemy import func, select

from backoffice.db.models import Attachment
from backoffice.domain.errors import IntegrityError, PermissionDenied, ValidationError
from backoffice.services import attachments, audit, auth
from backoffice.services.attachments import stored_path


@pytest.fixture
def clerk(bo, admin):
    make_user(admin, "clerk", {"clerk"})
    return auth.sign_in(bo, "clerk", "clerk-pass-1")


def jpeg(path: Path, size: tuple[int, int] = (640, 480)) -> Path:
    image = Image.new("RGB", size, (200, 180, 150))
    for x in range(0, size[0], 7):
        image.putpixel((x, x % size[1]), (x % 255, 10, 10))
    image.save(path, "JPEG", quality=85)
    return path


def pdf(path: Path, pages: int = 2, password: str | None = None) -> Path:
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer)
    for i in range(pages):
        c.drawString(72, 720, f"Invoice page {i + 1}")
        c.showPage()
    c.save()
    with pikepdf.open(io.BytesIO(buffer.getvalue())) as doc:
        encryption = pikepdf.Encryption(owner=password, user=password) if password else False
        doc.save(path, encryption=encryption)
    return path


def written(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def store_files(bo) -> list[Path]:
    root = bo.settings.attachments_dir
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def row_count(bo) -> int:
    with bo.db.unit_of_work(write=False) as db:
        return db.scalar(select(func.count()).select_from(Attachment))


def test_every_accepted_type_round_trips(bo, clerk, tmp_path: Path) -> None:
    files = {
        "scan.jpg": jpeg(tmp_path / "scan.jpg"),
        "photo.png": tmp_path / "photo.png",
        "fax.tif": tmp_path / "fax.tif",
        "invoice.pdf": pdf(tmp_path / "invoice.pdf", pages=3),
    }
    Image.new("RGB", (50, 40), "white").save(files["photo.png"])
    Image.new("L", (50, 40), 128).save(files["fax.tif"])
    infos = {
        name: attachments.add_attachment(clerk, path, owner_type="case", owner_id=7)
        for name, path in files.items()
    }
    assert {n: i.media_type for n, i in infos.items()} == {
        "scan.jpg": "image/jpeg",
        "photo.png": "image/png",
        "fax.tif": "image/tiff",
        "invoice.pdf": "application/pdf",
    }
    assert infos["invoice.pdf"].pages == 3
    for name, info in infos.items():
        encrypted = stored_path(bo.settings.attachments_dir, info.file_id).read_bytes()
        original = files[name].read_bytes()
        assert original[:64] not in encrypted and encrypted[:4] == b"BOAE"
        with attachments.opened_copy(clerk, info.id) as copy:
            assert copy.read_bytes() == original
            assert copy.stat().st_mode & 0o077 == 0
        assert not copy.exists()
    listed = attachments.list_attachments(clerk, "case", 7)
    assert [a.file_name for a in listed] == list(files)


@pytest.mark.parametrize(
    ("maker", "message"),
    [
        (lambda p: written(p, b"hello, not a scan"), "不支持的文件类型"),
        (lambda p: written(p, b""), "空的"),
        (lambda p: written(p, jpeg(p).read_bytes()[:600]), "损坏"),
        (lambda p: pdf(p, password="secret"), "密码"),
        (lambda p: written(p, b"%PDF-1.7\n garbage garbage"), "损坏"),
    ],
    ids=["text", "empty", "truncated-jpeg", "password-pdf", "corrupt-pdf"],
)
def test_bad_files_are_refused_and_nothing_is_stored(bo, clerk, tmp_path: Path, maker, message: str) -> None:
    bad = maker(tmp_path / "upload.bin")
    with pytest.raises(ValidationError, match=message) as err:
        attachments.add_attachment(clerk, bad)
    assert err.value.field == "file"
    assert store_files(bo) == [] and row_count(bo) == 0


def test_oversized_file_is_refused(bo, clerk, tmp_path: Path) -> None:
    big = jpeg(tmp_path / "big.jpg", (2000, 2000))
    with pytest.raises(ValidationError, match="太大"):
        attachments.add_attachment(clerk, big, max_bytes=10_000)
    assert store_files(bo) == [] and row_count(bo) == 0


def test_flipped_byte_names_the_attachment_and_others_still_open(bo, clerk, tmp_path: Path) -> None:
    first = attachments.add_attachment(clerk, jpeg(tmp_path / "a.jpg"))
    second = attachments.add_attachment(clerk, jpeg(tmp_path / "b.jpg", (320, 200)))
    path = stored_path(bo.settings.attachments_dir, first.file_id)
    raw = bytearray(path.read_bytes())
    raw[len(raw) // 2] ^= 0x40
    path.write_bytes(bytes(raw))
    with pytest.raises(IntegrityError, match=f"#{first.id}"):
        attachments.verify_attachment(clerk, first.id)
    with pytest.raises(IntegrityError), attachments.opened_copy(clerk, first.id):
        pass
    attachments.verify_attachment(clerk, second.id)
    with attachments.opened_copy(clerk, second.id) as copy:
        assert copy.read_bytes() == (tmp_path / "b.jpg").read_bytes()


def test_missing_file_is_a_clear_integrity_error(bo, clerk, tmp_path: Path) -> None:
    info = attachments.add_attachment(clerk, jpeg(tmp_path / "a.jpg"))
    stored_path(bo.settings.attachments_dir, info.file_id).unlink()
    with pytest.raises(IntegrityError, match="不在附件库"):
        attachments.verify_attachment(clerk, info.id)


def test_failed_transaction_leaves_no_file(bo, clerk, tmp_path: Path, monkeypatch) -> None:
    def boom(*args, **kwargs):
        raise RuntimeError("simulated database failure")

    monkeypatch.setattr(audit, "record", boom)
    with pytest.raises(RuntimeError):
        attachments.add_attachment(clerk, jpeg(tmp_path / "a.jpg"))
    assert store_files(bo) == [] and row_count(bo) == 0


def test_only_clerks_upload_and_opening_is_audited(bo, admin, clerk, tmp_path: Path) -> None:
    with pytest.raises(PermissionDenied):
        attachments.add_attachment(admin, jpeg(tmp_path / "a.jpg"))
    info = attachments.add_attachment(clerk, jpeg(tmp_path / "b.jpg"), file_name="张三身份证.jpg")
    with attachments.opened_copy(clerk, info.id):
        pass
    make_user(admin, "aud", {"auditor"})
    rows = audit.list_records(auth.sign_in(bo, "aud", "aud-pass-1"))
    assert ("attachment.open", "ok") in [(r.action, r.outcome) for r in rows]
    assert all("张三" not in r.reason for r in rows)
