"""Archive volumes at the service layer: build, seal, verify, retrieve, re-issue (SQLite and PostgreSQL)."""

from __future__ import annotations

import json
import subprocess
from datetime import date
from decimal import Decimal
from pathlib import Path

import pikepdf
import pytest
from conftest import make_user
from intake_support import clerk_session, damage_line, motor_policy, receive_all, report

from backoffice.db.models_archive import ArchiveRetrieval, ArchiveVolume
from backoffice.domain.errors import AuthenticationError, DomainError, PermissionDenied, ValidationError
from backoffice.services import (
    approvals,
    archive,
    archive_access,
    attachments,
    auth,
    calculations,
    cases,
    checklists,
    contact_log,
    intake,
    notices,
    payments,
)
from backoffice.services.archive_config import archive_config
from backoffice.services.archive_gather import gather
from backoffice.services.archive_masking import Masker


@pytest.fixture
def office(bo, admin):
    clerk = clerk_session(bo, admin)
    motor_policy(clerk)
    make_user(admin, "a1", {"approver"}, 1)
    make_user(admin, "arch", {"archivist"})
    make_user(admin, "boss", {"supervisor"})
    return clerk, auth.sign_in(bo, "a1", "a1-pass-1"), auth.sign_in(bo, "arch", "arch-pass-1")


def version(us, case_no: str) -> int:
    return cases.get_case(us, case_no).version


def scan(tmp_path, name: str = "licence.jpg", size=(620, 877), orientation: int | None = None):
    from PIL import Image, ImageDraw

    image = Image.new("RGB", size, (236, 236, 228))
    draw = ImageDraw.Draw(image)
    draw.rectangle([40, 40, size[0] - 40, 120], fill=(30, 60, 160))
    draw.text((60, 160), name, fill=(0, 0, 0))
    path = tmp_path / name
    exif = Image.Exif()
    if orientation:
        exif[0x0112] = orientation
    image.save(path, "JPEG", quality=85, exif=exif.tobytes())
    return path


def closed_case(
    clerk, approver, tmp_path, *, scans: int = 2, policy: int = 0, pdfs: tuple[Path, ...] = ()
) -> str:
    """A motor case: one-time notice, every document, scans attached, approved, paid and closed.

    ``policy`` > 0 reports on a policy of its own (a second report on the same policy and day would need
    an override of the duplicate warning)."""
    number = "PDAA202611000001"
    if policy:
        number = f"PDAA2026110009{policy:02d}"
        motor_policy(clerk, number=number)
    registered = intake.register_report(clerk, report(policy_no=number))
    case_no, case_id = registered.case_no, registered.case_id
    notices.missing_documents_notice(clerk, case_id)
    items = [i for i in cases.get_case(clerk, case_no).checklist if i.mandatory]
    for n in range(scans):
        attachments.add_attachment(
            clerk,
            scan(tmp_path, f"scan-{n}.jpg"),
            owner_type="checklist_item",
            owner_id=items[n % len(items)].id,
        )
    for pdf in pdfs:
        attachments.add_attachment(clerk, pdf, owner_type="checklist_item", owner_id=items[0].id)
    receive_all(clerk, case_id, case_no)
    calculations.calculate_case(clerk, case_no, [damage_line()], expected_version=version(clerk, case_no))
    approvals.submit(clerk, case_no, expected_version=version(clerk, case_no))
    approvals.sign(approver, case_no, "agree", password="a1-pass-1", expected_version=version(clerk, case_no))
    paid = payments.add_payment(
        clerk, case_no, amount=Decimal("3200.00"), bank_account="6222021234567890123", bank_name="工商银行"
    )
    payments.mark_paid(
        clerk, paid.id, paid_on=date(2026, 3, 2), reference="BANK0001", expected_version=paid.version
    )
    payments.close_case(clerk, case_no, reason="paid", expected_version=version(clerk, case_no))
    return case_no


def pdf_text(path: Path) -> str:
    """The file's text with all white space removed (table cells wrap anywhere)."""
    done = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True)
    return "".join(done.stdout.decode().split())


def rows(bo, model) -> list:
    with bo.db.unit_of_work(write=False) as db:
        return list(db.query(model).order_by(model.id))


def test_build_seals_the_volume_and_archives_the_case(bo, office, tmp_path) -> None:
    clerk, approver, archivist = office
    case_no = closed_case(clerk, approver, tmp_path)
    info = archive.build_volume(archivist, case_no, copy_to=tmp_path / "out" / "volume.pdf")
    assert info.archive_no == "Z001-LP·2026-D10-110000-0001" and info.version == 1 and info.retention == "D10"
    assert info.path.is_file() and info.path.parent == archive.archive_dir(archivist) / "2026"
    assert info.copy is not None and info.copy.read_bytes() == info.path.read_bytes()
    detail = cases.get_case(archivist, case_no)
    assert detail.status == "archived" and detail.events[-1].kind == "archived"
    (row,) = rows(bo, ArchiveVolume)
    assert (row.volume_digest, row.content_digest, row.status, row.unmasked) == (
        info.sha256,
        info.content_sha256,
        "active",
        False,
    )
    manifest = json.loads(row.manifest)
    kinds = [item["kind"] for item in manifest["items"]]
    assert kinds[:2] == ["approval", "approval"]  # the approval trail and the settlement decision first
    assert kinds.count("attachment") == 2 and "notice" in kinds and kinds[-1] == "audit"
    titles = [item["title"] for item in manifest["items"]]
    assert titles[:4] == ["核赔审批记录", "理赔决定通知书", "报案记录", "报案回执"]
    report_ = archive_access.verify_volume(archivist, info.path)
    assert report_.ok and report_.status == "active" and report_.case_no == case_no, report_.problems
    text = pdf_text(info.path)
    assert (
        "张*" in text
        and "张伟" not in text
        and "13812345678" not in text
        and "6222021234567890123" not in text
    )
    assert "已按规定屏蔽" in text and "据发出记录重印" in text


def test_an_archived_case_is_read_only(bo, office, tmp_path) -> None:
    clerk, approver, archivist = office
    case_no = closed_case(clerk, approver, tmp_path)
    archive.build_volume(archivist, case_no)
    detail = cases.get_case(clerk, case_no)
    refusals = [
        lambda: contact_log.add_contact(
            clerk, detail.id, channel="phone", direction="in", summary="客户来电"
        ),
        lambda: checklists.add_item(clerk, detail.id, "补充材料", mandatory=False),
        lambda: checklists.unreceive_item(
            clerk,
            detail.id,
            detail.checklist[0].id,
            expected_version=detail.checklist[0].version,
            reason="错登",
        ),
        lambda: attachments.add_attachment(
            clerk, scan(tmp_path, "late.jpg"), owner_type="checklist_item", owner_id=detail.checklist[0].id
        ),
        lambda: payments.reopen_case(clerk, case_no, reason="new_evidence", expected_version=detail.version),
    ]
    for refuse in refusals:
        with pytest.raises(DomainError, match="已归档"):
            refuse()
    assert cases.get_case(clerk, case_no).status == "archived"


def test_permissions_and_the_unmasked_volume(bo, office, tmp_path) -> None:
    clerk, approver, archivist = office
    case_no = closed_case(clerk, approver, tmp_path, scans=1)
    boss = auth.sign_in(bo, "boss", "boss-pass-1")
    for other in (clerk, boss):
        with pytest.raises(PermissionDenied):
            archive.build_volume(other, case_no)
    with pytest.raises(ValidationError, match="理由"):
        archive.build_volume(archivist, case_no, unmasked=True, password="arch-pass-1")
    with pytest.raises(AuthenticationError):
        archive.build_volume(archivist, case_no, unmasked=True, password="wrong", reason="法院调取")
    info = archive.build_volume(
        archivist, case_no, unmasked=True, password="arch-pass-1", reason="法院调取证据"
    )
    assert info.unmasked
    text = pdf_text(info.path)
    assert "张伟" in text and "未屏蔽个人信息" in text and "法院调取证据" in text
    (row,) = rows(bo, ArchiveVolume)
    assert row.unmasked and row.reason == "法院调取证据"
    from backoffice.db.models import AuditRecord

    with bo.db.unit_of_work(write=False) as db:
        actions = [(r.action, r.outcome, r.reason) for r in db.query(AuditRecord).order_by(AuditRecord.seq)]
    assert ("archive.build", "denied", "") in actions
    assert any(a == "archive.build" and o == "ok" and "unmasked: 法院调取证据" in r for a, o, r in actions)


def test_only_closed_cases_and_failed_checks_block_sealing(bo, office, tmp_path) -> None:
    clerk, approver, archivist = office
    case_no = closed_case(clerk, approver, tmp_path, scans=1)
    motor_policy(clerk, number="PDAA202611000902")
    registered = intake.register_report(clerk, report(policy_no="PDAA202611000902"))
    with pytest.raises(DomainError, match="只有已结案"):
        archive.build_volume(archivist, registered.case_no)
    detail = cases.get_case(archivist, case_no)
    with bo.db.unit_of_work(write=False) as db:
        from backoffice.db.models import Attachment

        stored = db.query(Attachment).filter(Attachment.id == detail.attachments[0].id).one()
        path = attachments.stored_path(attachments.store_dir(archivist), stored.file_id)
    data = bytearray(path.read_bytes())
    data[-20] ^= 0xFF  # the attachment store's copy was damaged
    path.write_bytes(bytes(data))
    with pytest.raises(DomainError, match="完整性检查") as refused:
        archive.build_volume(archivist, case_no)
    assert "附件" in refused.value.format() and "未通过校验" in refused.value.format()
    assert rows(bo, ArchiveVolume) == [] and cases.get_case(archivist, case_no).status == "closed"
    assert not list(archive.archive_dir(archivist).rglob("*.pdf")) and not list(
        archive.archive_dir(archivist).rglob("*.tmp")
    )


def test_verify_detects_a_flipped_byte_a_replaced_page_and_a_rewritten_manifest(bo, office, tmp_path) -> None:
    clerk, approver, archivist = office
    info = archive.build_volume(archivist, closed_case(clerk, approver, tmp_path))
    original = scan(tmp_path, "scan-0.jpg").read_bytes()
    data = bytearray(info.path.read_bytes())
    data[data.find(original[300:340]) + 3] ^= 0x01
    flipped = tmp_path / "flipped.pdf"
    flipped.write_bytes(bytes(data))
    report_ = archive_access.verify_volume(archivist, flipped)
    messages = [p.format() for p in report_.problems]
    assert not report_.ok and len(report_.altered_pages) == 1
    assert any("扫描件" in m and "与封存时不符" in m for m in messages)
    assert any("SHA-256 摘要与登记不符" in m for m in messages)
    replaced = tmp_path / "replaced.pdf"
    with pikepdf.open(info.path) as pdf:
        pdf.pages[3] = pdf.pages[4]
        pdf.save(replaced)
    report_ = archive_access.verify_volume(archivist, replaced)
    assert report_.altered_pages == (4,) and any("全卷第 4 页" in p.format() for p in report_.problems)
    forged = tmp_path / "forged.pdf"
    with pikepdf.open(info.path) as pdf:  # a forger who also rewrites the embedded manifest
        manifest = json.loads(pdf.attachments["manifest.json"].get_file().read_bytes())
        manifest["items"][0]["title"] = "伪造"
        pdf.attachments["manifest.json"] = pikepdf.AttachedFileSpec(pdf, json.dumps(manifest).encode())
        pdf.save(forged)
    messages = [p.format() for p in archive_access.verify_volume(archivist, forged).problems]
    assert "文件内的封存清单与登记的清单不符：清单被改写。" in messages


def test_retrieval_and_reissue_keep_the_old_digest(bo, office, tmp_path) -> None:
    clerk, approver, archivist = office
    case_no = closed_case(clerk, approver, tmp_path)
    first = archive.build_volume(archivist, case_no)
    with pytest.raises(ValidationError):
        archive_access.retrieve(clerk, case_no, " ")
    looked = archive_access.retrieve(clerk, case_no, "客户投诉复核")
    assert looked.path == first.path and not looked.reopened
    with pytest.raises(PermissionDenied):
        archive_access.retrieve(clerk, case_no, "重开", reopen=True)
    archive_access.retrieve(archivist, case_no, "法院判决需重开", reopen=True)
    assert cases.get_case(archivist, case_no).status == "closed"
    second = archive.build_volume(archivist, case_no)
    assert (second.archive_no, second.version) == (first.archive_no, 2)
    history = archive_access.volumes(archivist, case_no)
    assert [(v.version, v.status, v.sha256) for v in history] == [
        (2, "active", second.sha256),
        (1, "superseded", first.sha256),
    ]
    assert first.path.is_file() and "取代第1版" in pdf_text(second.path)
    assert archive_access.verify_volume(archivist, first.path).status == "superseded"
    log = archive_access.retrievals(archivist, case_no)
    assert [(who, why, reopened) for _at, who, why, reopened in log] == [
        ("clerk", "客户投诉复核", False),
        ("arch", "法院判决需重开", True),
    ]
    assert len(rows(bo, ArchiveRetrieval)) == 2


def test_gathering_twice_gives_the_same_documents(bo, office, tmp_path) -> None:
    """The volume's inputs do not depend on when it is built (dates come from the records)."""
    clerk, approver, archivist = office
    case_no = closed_case(clerk, approver, tmp_path)
    config = archive_config(bo.settings)
    first_dir, second_dir = tmp_path / "g1", tmp_path / "g2"
    first_dir.mkdir()
    second_dir.mkdir()
    first = gather(archivist, case_no, Masker(), config, first_dir)
    cases.get_case(archivist, case_no)  # reads in between are audited; the extract ends at closing
    second = gather(archivist, case_no, Masker(), config, second_dir)

    def content(item) -> bytes:
        return item.content if isinstance(item.content, bytes) else item.content.read_bytes()

    assert [content(i) for i in first.items] == [content(i) for i in second.items]
    assert (first.archive_no, first.notes) == (second.archive_no, second.notes)


def test_a_crash_in_a_batch_leaves_no_partial_volume(bo, office, tmp_path, monkeypatch) -> None:
    clerk, approver, archivist = office
    first = closed_case(clerk, approver, tmp_path, scans=1)
    second = closed_case(clerk, approver, tmp_path, scans=1, policy=1)
    assert archive.closed_cases(archivist) == [first, second]
    real_validate = archive.validate_file
    written: list[Path] = []

    def crash_on_second(path: Path) -> list[str]:
        written.append(path)
        if len(written) == 2:
            assert path.is_file()  # the temp file was written …
            raise RuntimeError("power cut")  # … and then the process dies
        return real_validate(path)

    monkeypatch.setattr(archive, "validate_file", crash_on_second)
    out = tmp_path / "out"
    out.mkdir()
    progress: list[tuple[int, int, str]] = []
    with pytest.raises(RuntimeError):
        archive.build_closed(archivist, out, progress=lambda n, total, c: progress.append((n, total, c)))
    assert progress == [(1, 2, first), (2, 2, second)]
    (row,) = rows(bo, ArchiveVolume)
    assert row.case_id == cases.get_case(archivist, first).id
    assert cases.get_case(archivist, second).status == "closed"
    files = sorted(p.name for p in archive.archive_dir(archivist).rglob("*") if p.is_file())
    assert files == [Path(row.file_path).name] and not written[1].exists()
    assert [p.name for p in out.iterdir()] == [Path(row.file_path).name]
    # a crash right after the rename, before the commit: the file is taken back, nothing registered
    monkeypatch.setattr(archive, "validate_file", real_validate)
    real_replace = archive.os.replace

    def rename_then_crash(src: Path, dst: Path) -> None:
        real_replace(src, dst)
        raise RuntimeError("power cut after rename")

    monkeypatch.setattr(archive.os, "replace", rename_then_crash)
    with pytest.raises(RuntimeError):
        archive.build_volume(archivist, second)
    monkeypatch.setattr(archive.os, "replace", real_replace)
    assert len(rows(bo, ArchiveVolume)) == 1 and cases.get_case(archivist, second).status == "closed"
    assert sorted(p.name for p in archive.archive_dir(archivist).rglob("*") if p.is_file()) == files
    result = archive.build_closed(archivist, out)
    assert [i.case_no for i in result.built] == [second] and not result.failed


def _pdf(tmp_path: Path, name: str, *, embedded: bool) -> Path:
    """A one-page PDF: in the bundled (embedded) font, or in Helvetica (referenced, not embedded)."""
    from reportlab.pdfgen.canvas import Canvas

    from backoffice.printing.fonts import FONT_NAME, register_fonts

    path = tmp_path / name
    canvas = Canvas(str(path), invariant=1, initialFontName=register_fonts() if embedded else "Helvetica")
    canvas.setFont(FONT_NAME if embedded else "Helvetica", 14)
    canvas.drawString(72, 700, "诊断证明" if embedded else "Hospital invoice")
    canvas.showPage()
    canvas.save()
    return path


def test_attached_pdfs_are_judged_for_pdfa_once_when_attached(bo, office, tmp_path, monkeypatch) -> None:
    from backoffice.db.models import Attachment
    from backoffice.printing import archive_attached
    from backoffice.printing.archive_model import MERGED, RASTERISED, PdfaVerdict

    clerk, approver, archivist = office
    good, bad = _pdf(tmp_path, "good.pdf", embedded=True), _pdf(tmp_path, "bad.pdf", embedded=False)
    case_no = closed_case(clerk, approver, tmp_path, scans=1, pdfs=(good, bad))
    verdicts = [PdfaVerdict.from_json(r.pdfa_verdict) for r in rows(bo, Attachment) if r.pdfa_verdict]
    assert len(verdicts) == 2 and [bool(v.findings) for v in verdicts] == [False, True]
    assert [row.pdfa_verdict for row in rows(bo, Attachment) if row.media_type == "image/jpeg"] == [None]
    # Building the volume trusts them: the validator is not run on the attachments again.
    archive_attached.VERDICTS.clear()
    checks: list[int] = []
    real = archive_attached._findings
    monkeypatch.setattr(archive_attached, "_findings", lambda sources: checks.append(1) or real(sources))
    info = archive.build_volume(archivist, case_no)
    assert checks == []
    manifest = json.loads(rows(bo, ArchiveVolume)[0].manifest)
    treatments = sorted(
        i["treatment"]
        for i in manifest["items"]
        if i["media_type"] == "application/pdf" and "电子文件" in i["title"]
    )
    assert treatments == [MERGED, RASTERISED]
    assert archive_access.verify_volume(archivist, info.path).ok


def test_attachments_without_a_verdict_get_one_at_their_first_volume(
    bo, office, tmp_path, monkeypatch
) -> None:
    from sqlalchemy import update

    from backoffice.db.models import Attachment
    from backoffice.printing import archive_attached
    from backoffice.printing.archive_model import PdfaVerdict
    from backoffice.services.archive_preview import preview_volume

    clerk, approver, archivist = office
    good = _pdf(tmp_path, "good.pdf", embedded=True)
    case_no = closed_case(clerk, approver, tmp_path, scans=1, pdfs=(good,))
    with bo.db.unit_of_work() as db:  # as attached before verdicts were kept (migration 0011)
        db.execute(update(Attachment).values(pdfa_verdict=None))
    archive_attached.VERDICTS.clear()
    checks: list[int] = []
    real = archive_attached._findings
    monkeypatch.setattr(archive_attached, "_findings", lambda sources: checks.append(1) or real(sources))
    preview_volume(archivist, case_no)
    assert len(checks) == 1
    (kept,) = [
        PdfaVerdict.from_json(r.pdfa_verdict)
        for r in rows(bo, Attachment)
        if r.media_type == "application/pdf"
    ]
    assert kept is not None and kept.findings == () and kept.validator == archive_attached.VALIDATOR
    archive_attached.VERDICTS.clear()  # a new process: only the database remembers
    archive.build_volume(archivist, case_no)
    assert len(checks) == 1
