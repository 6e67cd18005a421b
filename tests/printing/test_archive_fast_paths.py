"""The fast paths of the archive volume build (issue 7, performance) keep every guarantee of the slow ones.

Plain JPEGs are written as pages straight from their headers (no img2pdf), attached PDFs are checked for
PDF/A once per content, the file list is drawn row by row, and the scans' work file is the volume's
starting point. Each test compares with what the general path gives or checks the volume as a reader
would: page order, stamped numbers, image bytes, PDF/A, the sealed digests.
"""

from __future__ import annotations

import hashlib
import io
import struct
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

import img2pdf
import pikepdf
import pytest
from PIL import Image, ImageCms, ImageDraw
from print_samples import acknowledgement, sheet
from reportlab.pdfgen.canvas import Canvas

from backoffice.printing import acknowledgement_pdf, archive_attached, calculation_sheet_pdf
from backoffice.printing.archive import VolumeBuilder, build_volume
from backoffice.printing.archive_attached import VALIDATOR, VERDICTS, Verdicts, check_pdf
from backoffice.printing.archive_digest import Known, MirrorTemplate, mirror_digest, page_digests
from backoffice.printing.archive_jpeg import JpegHeader, jpeg_header
from backoffice.printing.archive_listing import file_list_pdf
from backoffice.printing.archive_model import (
    CONVERTED,
    EMBEDDED,
    GENERATED,
    MERGED,
    RASTERISED,
    ItemRecord,
    PdfaVerdict,
    VolumeItem,
    VolumeMeta,
)
from backoffice.printing.archive_pdfa import validate_file
from backoffice.printing.archive_scans import ScanFile
from backoffice.printing.archive_verify import check_volume

TOP_BAND = (0, 0, 2000, 32)
A4_FIT = img2pdf.get_layout_fun(
    pagesize=(img2pdf.mm_to_pt(210), img2pdf.mm_to_pt(297)), fit=img2pdf.FitMode.into, auto_orient=True
)
META = VolumeMeta(
    archive_no="Z001-LP·2026-D10-110000-0042",
    fonds_name="华东安泰财产保险股份有限公司江苏分公司",
    fonds_code="Z001",
    category="理赔业务档案",
    title="2026JS01MO000042 号赔案（机动车辆险）",
    start_date=date(2026, 3, 1),
    end_date=date(2026, 3, 20),
    year=2026,
    retention="D10",
    retention_label="10年",
    builder="档案员甲",
    checker="四性检测（系统自动）",
    built_at=datetime(2026, 3, 21, 2, 0, tzinfo=UTC),
)


def jpeg(
    mode: str = "RGB", size: tuple[int, int] = (620, 877), orientation: int | None = None, **save
) -> bytes:
    image = Image.new(mode, size, 230 if mode == "L" else (236, 236, 228))
    ImageDraw.Draw(image).rectangle([20, 20, size[0] // 2, 60], fill=40 if mode == "L" else (30, 60, 160))
    if orientation:
        exif = Image.Exif()
        exif[0x0112] = orientation
        save["exif"] = exif.tobytes()
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80, **save)
    return buffer.getvalue()


def big_endian_exif(orientation: int) -> bytes:
    """An APP1 EXIF block in Motorola byte order (as many cameras write it) holding the orientation."""
    tiff = b"MM\x00*" + struct.pack(">I", 8) + struct.pack(">H", 1)
    tiff += struct.pack(">HHI", 0x0112, 3, 1) + struct.pack(">H", orientation) + b"\x00\x00"
    tiff += struct.pack(">I", 0)
    return b"Exif\x00\x00" + tiff


def with_segment(data: bytes, marker: int, payload: bytes) -> bytes:
    return data[:2] + bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) + payload + data[2:]


def srgb_profile() -> bytes:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def helvetica_pdf() -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.setFont("Helvetica", 18)  # a standard font: referenced, not embedded
    canvas.drawString(72, 700, "Hospital invoice")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def text(path: Path, page: int, crop: tuple[int, int, int, int] | None = None) -> str:
    args = ["pdftotext", "-enc", "UTF-8", "-layout", "-f", str(page), "-l", str(page)]
    if crop is not None:
        args += ["-x", str(crop[0]), "-y", str(crop[1]), "-W", str(crop[2]), "-H", str(crop[3])]
    return subprocess.run([*args, str(path), "-"], capture_output=True, check=True).stdout.decode()


def item(content: bytes | Path, title: str = "扫描件", day: int = 2) -> VolumeItem:
    return VolumeItem("attachment", title, "张*", "", date(2026, 3, day), content)


# --- the JPEG header ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (jpeg(), JpegHeader(620, 877, 3, 1)),
        (jpeg("L", (900, 500)), JpegHeader(900, 500, 1, 1)),
        (jpeg(orientation=6), JpegHeader(620, 877, 3, 6)),
        (jpeg(orientation=2), JpegHeader(620, 877, 3, 2)),
        (jpeg(progressive=True, dpi=(300, 300)), JpegHeader(620, 877, 3, 1)),
        (with_segment(jpeg(), 0xE1, big_endian_exif(8)), JpegHeader(620, 877, 3, 8)),
    ],
)
def test_a_plain_jpeg_is_read_from_its_header(data: bytes, expected: JpegHeader) -> None:
    assert jpeg_header(data) == expected


@pytest.mark.parametrize(
    "data",
    [
        jpeg("CMYK"),  # four components: converted to RGB by the general path
        jpeg(icc_profile=srgb_profile()),  # the general path embeds the profile
        jpeg(dpi=(300, 150)),  # non-square pixels: the general path sizes the page from them
        jpeg()[:120],  # cut off before the frame header
        b"\xff\xd8\xff\xe0" + b"not really a jpeg",
        b"\x89PNG\r\n\x1a\n",
    ],
    ids=["cmyk", "icc", "non-square", "truncated", "garbage", "png"],
)
def test_anything_else_is_left_to_the_general_path(data: bytes) -> None:
    assert jpeg_header(data) is None


# --- scan pages, written directly --------------------------------------------------------------------


def _page_geometry(pdf: pikepdf.Pdf) -> tuple[list[float], int, list[float], bytes]:
    page = pdf.pages[0]
    (matrix,) = [
        [float(v) for v in operands]
        for operands, operator in pikepdf.parse_content_stream(page)
        if str(operator) == "cm"
    ]
    (image,) = [x for _name, x in page.Resources.XObject.items()]
    return [float(v) for v in page.mediabox], int(page.obj.get("/Rotate", 0)), matrix, image.read_raw_bytes()


@pytest.mark.parametrize(
    ("mode", "size", "orientation"),
    [
        ("RGB", (620, 877), None),
        ("L", (1200, 700), None),  # landscape: a landscape A4 page
        ("RGB", (877, 620), 6),
        ("RGB", (620, 877), 3),
        ("L", (620, 877), 8),
        ("RGB", (620, 877), 2),  # mirrored: not rotated (a page rotation cannot mirror)
        ("RGB", (300, 1600), None),  # narrower than A4: fitted to the height
    ],
)
def test_a_scan_page_is_laid_out_as_img2pdf_lays_it_out(
    tmp_path: Path, mode: str, size: tuple[int, int], orientation: int | None
) -> None:
    data = jpeg(mode, size, orientation)
    header = jpeg_header(data)
    assert header is not None
    reference = img2pdf.convert(data, layout_fun=A4_FIT, rotation=img2pdf.Rotation.ifvalid)
    written = ScanFile(tmp_path / "scans.pdf")
    assert written.add(data, header) == 0
    written.close()
    with pikepdf.open(written.path) as ours, pikepdf.open(io.BytesIO(reference)) as theirs:
        assert ours.check_pdf_syntax() == [] and not ours.get_warnings()
        their_box, their_rotate, their_matrix, their_image = _page_geometry(theirs)
        box, rotate, matrix, image = _page_geometry(ours)
        assert box == pytest.approx(their_box, abs=1e-3)
        assert rotate == their_rotate
        assert matrix == pytest.approx(their_matrix, abs=1e-3)
        assert image == their_image == data  # the JPEG's bytes, unchanged
        ours_image = next(iter(ours.pages[0].Resources.XObject.values()))
        assert ours_image.ColorSpace == ("/DeviceGray" if mode == "L" else "/DeviceRGB")
        assert ours_image.Filter == "/DCTDecode" and int(ours_image.BitsPerComponent) == 8


def test_other_jpegs_still_go_in_byte_for_byte_or_converted(tmp_path: Path) -> None:
    with_profile = tmp_path / "profile.jpg"
    with_profile.write_bytes(jpeg(icc_profile=srgb_profile()))
    cmyk = tmp_path / "cmyk.jpg"
    cmyk.write_bytes(jpeg("CMYK"))
    plain = tmp_path / "plain.jpg"
    plain.write_bytes(jpeg(orientation=6))
    volume = build_volume(META, [item(with_profile), item(cmyk), item(plain)], tmp_path / "v.pdf")
    assert [r.treatment for r in volume.items] == [EMBEDDED, CONVERTED, EMBEDDED]
    with pikepdf.open(volume.path) as pdf:
        for record, path in ((volume.items[0], with_profile), (volume.items[2], plain)):
            page = pdf.pages[record.first_index]
            (image,) = list(page.Resources.XObject.values())
            assert image.read_raw_bytes() == path.read_bytes()
            assert record.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
        profile_image = next(iter(pdf.pages[volume.items[0].first_index].Resources.XObject.values()))
        assert profile_image.ColorSpace[0] == "/ICCBased"
        assert int(pdf.pages[volume.items[2].first_index].obj.Rotate) == 90
    assert validate_file(volume.path) == []
    assert check_volume(volume.path).ok


# --- the volume around the scans ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[VolumeItem], list[bytes | None]]:
    """Documents of every kind with scans between them, as a configured order may put them."""
    folder = tmp_path_factory.mktemp("mixed")
    scans = [jpeg(size=(620 + 10 * n, 877), orientation=6 if n == 1 else None) for n in range(3)]
    paths = []
    for n, data in enumerate(scans):
        paths.append(folder / f"scan-{n}.jpg")
        paths[-1].write_bytes(data)
    attached = folder / "calc.pdf"
    with pikepdf.open(io.BytesIO(calculation_sheet_pdf(sheet()))) as pdf:
        pdf.save(attached)
    photo = folder / "photo.png"
    Image.new("RGB", (300, 200), (200, 30, 30)).save(photo)
    items = [
        item(acknowledgement_pdf(acknowledgement()), "报案回执"),
        item(paths[0], "驾驶证"),
        item(attached, "计算书"),
        item(paths[1], "行驶证"),
        item(photo, "现场照片"),
        item(paths[2], "银行卡"),
    ]
    return items, [None, scans[0], None, scans[1], None, scans[2]]


def test_documents_in_any_order_around_the_scans(mixed, tmp_path: Path) -> None:
    items, scans = mixed
    volume = build_volume(META, items, tmp_path / "mixed.pdf")
    assert [r.treatment for r in volume.items] == [GENERATED, EMBEDDED, MERGED, EMBEDDED, CONVERTED, EMBEDDED]
    assert [r.title for r in volume.items] == [i.title for i in items]
    with pikepdf.open(volume.path) as pdf:
        with pdf.open_outline() as outline:
            targets = [item.destination[0] for item in outline.root]
        for record, data in zip(volume.items, scans, strict=True):
            assert targets[record.seq + 1] == pdf.pages[record.first_index].obj
            if data is not None:  # the right scan on the right page
                page = pdf.pages[record.first_index]
                (image,) = list(page.Resources.XObject.values())
                assert image.read_raw_bytes() == data
    for record in volume.items:
        corner = text(volume.path, record.first_index + 1, crop=TOP_BAND).split()
        assert str(record.start_page) in corner, (record.title, corner)
    assert validate_file(volume.path) == []
    assert check_volume(volume.path).ok


SCAN_KINDS = [
    ("RGB", (620, 877), None),
    ("L", (1200, 700), None),
    ("RGB", (877, 620), 6),
    ("RGB", (620, 877), 3),
    ("L", (620, 877), 8),
    ("RGB", (620, 877), 2),
    ("RGB", (300, 1600), None),
]


def test_scan_page_digests_from_what_the_builder_knows_equal_the_walked_ones(tmp_path: Path) -> None:
    """The builder describes its scan pages instead of walking them: every digest it seals must be the
    one a reader computes from the file with the general walk."""
    items = [item(calculation_sheet_pdf(sheet()), "计算书")]
    for n, (mode, size, orientation) in enumerate(SCAN_KINDS):
        path = tmp_path / f"scan-{n}.jpg"
        path.write_bytes(jpeg(mode, size, orientation))
        items.append(item(path, f"扫描件 {n}"))
    volume = build_volume(META, items, tmp_path / "volume.pdf")
    with pikepdf.open(volume.path) as pdf:
        walked = page_digests(pdf)
    by_index = {}
    for part in volume.manifest["parts"]:
        by_index.update(enumerate(part["page_sha256"], start=part["first_index"]))
    for entry in volume.manifest["items"]:
        by_index.update(enumerate(entry["page_sha256"], start=entry["first_index"]))
    assert [by_index[i] for i in range(len(walked))] == walked
    assert len(set(walked)) == len(walked)  # every page its own digest (the page numbers differ)
    assert check_volume(volume.path).ok


def test_a_template_fills_its_slots_as_the_full_description_would() -> None:
    slot_a, slot_b = Known(b"a" * 32), Known(b"b" * 32)
    description = {
        "/Type": pikepdf.Name.Page,
        "/Contents": [slot_a],
        "/Resources": {"/XObject": {"/Im0": slot_b}},
    }
    template = MirrorTemplate(description, (slot_a, slot_b))
    filled_a, filled_b = Known(b"x" * 32), Known(b"y" * 32)
    expected = {
        "/Type": pikepdf.Name.Page,
        "/Contents": [filled_a],
        "/Resources": {"/XObject": {"/Im0": filled_b}},
    }
    assert template.digest(filled_a, filled_b) == mirror_digest(expected)
    with pytest.raises(ValueError):
        MirrorTemplate(description, (slot_b, slot_a))  # in the order they occur
    with pytest.raises(ValueError):
        MirrorTemplate(description, (Known(b"z" * 32),))  # not in the description


def test_no_work_directory_unless_a_document_needs_work_files(tmp_path: Path) -> None:
    parent = tmp_path / "data"
    parent.mkdir()
    good = tmp_path / "good.pdf"
    good.write_bytes(calculation_sheet_pdf(sheet()))
    generated = item(acknowledgement_pdf(acknowledgement()), "报案回执")
    with VolumeBuilder([generated, item(good, "计算书")], work_parent=parent) as builder:
        builder.write(META, tmp_path / "plain.pdf")
        assert list(parent.iterdir()) == []  # both read where they are
    scan = tmp_path / "scan.jpg"
    scan.write_bytes(jpeg())
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(helvetica_pdf())
    with VolumeBuilder([item(scan, "驾驶证"), item(bad, "医院清单")], work_parent=parent) as builder:
        (workdir,) = parent.iterdir()  # the scan's page and the rasterised pages are work files
        assert sorted(p.suffix for p in workdir.iterdir()) == [".pdf", ".pdf"]
        built = builder.write(META, tmp_path / "with-work-files.pdf")
    assert [r.treatment for r in built.items] == [EMBEDDED, RASTERISED]
    assert not workdir.exists() and list(parent.iterdir()) == []


def test_a_builder_writes_its_volume_once(mixed, tmp_path: Path) -> None:
    items, _scans = mixed
    with VolumeBuilder(items) as builder:
        builder.write(META, tmp_path / "once.pdf")
        with pytest.raises(RuntimeError):
            builder.write(META, tmp_path / "twice.pdf")


# --- PDF/A verdicts kept per content -----------------------------------------------------------------


@pytest.fixture
def counted_checks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many pages each run of the PDF/A check of attached PDFs looked at."""
    VERDICTS.clear()
    calls: list[int] = []
    real = archive_attached._findings

    def counting(sources):
        calls.append(sum(len(source.pages) for source in sources))
        return real(sources)

    monkeypatch.setattr(archive_attached, "_findings", counting)
    yield calls
    VERDICTS.clear()


def test_an_attachment_is_checked_once_per_content(counted_checks: list[int], tmp_path: Path) -> None:
    attached = tmp_path / "calc.pdf"
    attached.write_bytes(calculation_sheet_pdf(sheet()))
    copy = tmp_path / "copy.pdf"
    copy.write_bytes(attached.read_bytes())
    first = build_volume(META, [item(attached, "计算书")], tmp_path / "first.pdf")
    assert counted_checks and first.items[0].treatment == MERGED
    checked = len(counted_checks)
    again = build_volume(META, [item(copy, "计算书")], tmp_path / "again.pdf")  # same bytes, other file
    assert len(counted_checks) == checked  # the verdict was kept
    assert again.items[0].treatment == MERGED
    assert again.path.read_bytes() == first.path.read_bytes()


def test_a_changed_attachment_is_checked_afresh(counted_checks: list[int], tmp_path: Path) -> None:
    attached = tmp_path / "invoice.pdf"
    attached.write_bytes(calculation_sheet_pdf(sheet()))
    before = build_volume(META, [item(attached, "医院清单")], tmp_path / "before.pdf")
    assert before.items[0].treatment == MERGED
    attached.write_bytes(helvetica_pdf())  # the same file, now with a font that is not embedded
    after = build_volume(META, [item(attached, "医院清单")], tmp_path / "after.pdf")
    assert after.items[0].treatment == RASTERISED
    assert "字体" in after.items[0].note
    assert (
        after.items[0].sha256 == hashlib.sha256(attached.read_bytes()).hexdigest() != before.items[0].sha256
    )
    assert validate_file(after.path) == []


def test_a_failed_check_is_kept_with_its_findings(counted_checks: list[int], tmp_path: Path) -> None:
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(helvetica_pdf())
    good = tmp_path / "good.pdf"
    good.write_bytes(calculation_sheet_pdf(sheet()))
    items = [item(good, "计算书"), item(bad, "医院清单")]
    first = build_volume(META, items, tmp_path / "first.pdf")
    checked = len(counted_checks)
    again = build_volume(META, items, tmp_path / "again.pdf")
    assert len(counted_checks) == checked
    assert [r.treatment for r in again.items] == [r.treatment for r in first.items] == [MERGED, RASTERISED]
    assert again.notes == first.notes
    assert again.path.read_bytes() == first.path.read_bytes()


def _stored(path: Path, findings: tuple[str, ...] = (), validator: str = VALIDATOR) -> PdfaVerdict:
    return PdfaVerdict(hashlib.sha256(path.read_bytes()).hexdigest(), validator, findings)


def test_a_verdict_taken_when_attached_is_used_without_checking(
    counted_checks: list[int], tmp_path: Path
) -> None:
    good = tmp_path / "good.pdf"
    good.write_bytes(calculation_sheet_pdf(sheet()))
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(helvetica_pdf())
    good_verdict, bad_verdict = check_pdf(good, _stored(good).sha256), check_pdf(bad, _stored(bad).sha256)
    assert good_verdict == _stored(good) and bad_verdict is not None and bad_verdict.findings
    counted_checks.clear()
    items = [
        VolumeItem(
            "attachment",
            "计算书",
            "张*",
            "",
            date(2026, 3, 2),
            good,
            pdfa_verdict=good_verdict,
            attachment_id=7,
        ),
        VolumeItem(
            "attachment",
            "医院清单",
            "张*",
            "",
            date(2026, 3, 2),
            bad,
            pdfa_verdict=bad_verdict,
            attachment_id=8,
        ),
    ]
    with VolumeBuilder(items) as builder:
        assert builder.new_verdicts() == {}  # nothing checked, nothing new to store
        built = builder.write(META, tmp_path / "volume.pdf")
    assert counted_checks == []
    assert [r.treatment for r in built.items] == [MERGED, RASTERISED] and "字体" in built.items[1].note
    assert validate_file(built.path) == []
    # The same volume with the verdicts checked afresh is the same file.
    fresh = build_volume(META, [item(good, "计算书"), item(bad, "医院清单")], tmp_path / "fresh.pdf")
    assert counted_checks and fresh.path.read_bytes() == built.path.read_bytes()


@pytest.mark.parametrize(
    "outdated",
    [
        pytest.param(lambda path: _stored(path, validator="pikepdf 1.0.0"), id="another-validator"),
        pytest.param(lambda path: PdfaVerdict("0" * 64, VALIDATOR, ()), id="other-bytes"),
    ],
)
def test_a_verdict_for_other_bytes_or_another_validator_is_checked_again(
    counted_checks: list[int], tmp_path: Path, outdated
) -> None:
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(helvetica_pdf())
    stale = outdated(bad)  # claims "nothing found": wrong for this file
    items = [
        VolumeItem(
            "attachment", "医院清单", "张*", "", date(2026, 3, 2), bad, pdfa_verdict=stale, attachment_id=3
        )
    ]
    with VolumeBuilder(items) as builder:
        new = builder.new_verdicts()
        built = builder.write(META, tmp_path / "volume.pdf")
    assert counted_checks  # checked, not trusted
    assert built.items[0].treatment == RASTERISED
    assert list(new) == [3] and new[3].sha256 == _stored(bad).sha256 and new[3].validator == VALIDATOR
    assert new[3].findings  # the caller stores what the validator found


def test_verdicts_taken_in_a_build_are_reported_for_the_caller_to_keep(
    counted_checks: list[int], tmp_path: Path
) -> None:
    good = tmp_path / "good.pdf"
    good.write_bytes(calculation_sheet_pdf(sheet()))
    items = [
        VolumeItem("attachment", "计算书", "张*", "", date(2026, 3, 2), good, attachment_id=11),
        item(good, "计算书（无登记）"),  # no attachment id: nothing to report
    ]
    with VolumeBuilder(items) as builder:
        assert builder.new_verdicts() == {11: _stored(good)}


def test_a_validator_failing_on_a_file_approves_nothing(
    counted_checks: list[int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = tmp_path / "odd.pdf"
    good.write_bytes(calculation_sheet_pdf(sheet()))

    def failing(_pdf):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(archive_attached, "pdfa_findings", failing)
    verdict = check_pdf(good, _stored(good).sha256)  # attaching does not fail …
    assert verdict is not None and verdict.findings == (
        f"{archive_attached.VALIDATOR_FAILED}（RecursionError）",
    )
    built = build_volume(META, [item(good, "医院清单")], tmp_path / "volume.pdf")  # … nor does the build
    assert built.items[0].treatment == RASTERISED and archive_attached.VALIDATOR_FAILED in built.items[0].note
    monkeypatch.undo()
    assert validate_file(built.path) == []


def test_a_stored_verdict_survives_json_and_junk_is_no_verdict() -> None:
    verdict = PdfaVerdict("ab" * 32, VALIDATOR, ("字体未嵌入", "another"))
    assert PdfaVerdict.from_json(verdict.to_json()) == verdict
    for junk in (
        None,
        "",
        "not json",
        "[]",
        '{"sha256": "x"}',
        '{"sha256": "x", "validator": "v", "findings": [1]}',
    ):
        assert PdfaVerdict.from_json(junk) is None


def test_verdicts_are_bounded_and_keep_the_recent_ones() -> None:
    verdicts = Verdicts(capacity=2)
    verdicts.put("a", [])
    verdicts.put("b", ["font not embedded"])
    assert verdicts.get("a") == ()  # used: now the most recent
    verdicts.put("c", [])
    assert verdicts.get("b") is None
    assert verdicts.get("a") == () and verdicts.get("c") == ()


# --- the file list -----------------------------------------------------------------------------------


def _records(titles: list[str]) -> list[ItemRecord]:
    return [
        ItemRecord(
            seq=n + 1,
            kind="attachment",
            title=title,
            responsible="理赔服务中心",
            doc_no=f"BJ-2026-{n:04d}",
            day=date(2026, 3, 2),
            remark="原件另存" if n % 5 == 0 else "",
            start_page=2 * n + 1,
            pages=2,
            first_index=-1,
            sha256="",
            media_type="",
            treatment="",
        )
        for n, title in enumerate(titles)
    ]


def test_a_long_file_list_repeats_its_header_and_lists_every_document(tmp_path: Path) -> None:
    long_title = "医疗费用发票及清单（北京市第一人民医院门诊及住院费用合计 180000.00 元，含自费部分）"
    records = _records([long_title if n % 7 == 3 else f"索赔单证扫描件 {n + 1}" for n in range(90)])
    path = tmp_path / "list.pdf"
    path.write_bytes(file_list_pdf(META, records))
    with pikepdf.open(path) as pdf:
        pages = len(pdf.pages)
    assert pages >= 3
    listing = [text(path, page) for page in range(1, pages + 1)]
    assert "卷内文件目录" in listing[0] and "Z001-LP·2026-D10-110000-0042" in listing[0]
    assert all("顺序号" in page and "题名" in page for page in listing)
    rows = {
        line.split()[0]: line
        for page in listing
        for line in page.splitlines()
        if line.split() and line.split()[0].isdigit()
    }
    for record in records[:-1]:
        row = rows[str(record.seq)]
        assert record.doc_no in row and str(record.start_page) in row.split()
    last = listing[-1]
    assert "179-" in last and "180" in last[last.index("179-") :]  # the range breaks after its dash
    title_column = (round((20 + 14 + 38 + 24) / 25.4 * 72) + 1, 0, round(42 / 25.4 * 72) - 2, 842)
    titles = "".join("".join(text(path, page, crop=title_column).split()) for page in range(1, pages + 1))
    assert titles.count("".join(long_title.split())) == 13  # wrapped over lines, none of it lost


def test_an_overlong_title_is_cut_to_the_page_not_an_error(tmp_path: Path) -> None:
    records = _records(["短题名", "长" * 3000, "之后的文件"])
    path = tmp_path / "list.pdf"
    path.write_bytes(file_list_pdf(META, records))
    with pikepdf.open(path) as pdf:
        pages = len(pdf.pages)
    listing = "".join(text(path, page) for page in range(1, pages + 1))
    assert "…" in listing and "之后的文件" in listing
