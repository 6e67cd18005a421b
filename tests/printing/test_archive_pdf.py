"""The archive volume file: GB/T 9705 structure, PDF/A-3b, fidelity of scans and attached PDFs, sealing."""

from __future__ import annotations

import hashlib
import io
import json
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

import pikepdf
import pytest
from PIL import Image, ImageDraw
from print_samples import acknowledgement, sheet
from reportlab.pdfgen.canvas import Canvas

from backoffice.printing import acknowledgement_pdf, calculation_sheet_pdf
from backoffice.printing.archive import VolumeBuilder, build_volume
from backoffice.printing.archive_model import (
    CONVERTED,
    EMBEDDED,
    GENERATED,
    MANIFEST_NAME,
    MERGED,
    RASTERISED,
    BuiltVolume,
    VolumeItem,
    VolumeMeta,
)
from backoffice.printing.archive_pdfa import validate_file
from backoffice.printing.archive_verify import check_volume

TOP_BAND = (0, 0, 2000, 32)  # the top 32 pt of a page as displayed: above any document's own header
META = VolumeMeta(
    archive_no="Z001-LP·2026-D10-110000-0007",
    fonds_name="华东安泰财产保险股份有限公司江苏分公司",
    fonds_code="Z001",
    category="理赔业务档案",
    title="2026JS01MO000123 号赔案（机动车辆险）",
    start_date=date(2026, 3, 1),
    end_date=date(2026, 3, 20),
    year=2026,
    retention="D10",
    retention_label="10年",
    builder="档案员甲",
    checker="四性检测（系统自动）",
    built_at=datetime(2026, 3, 21, 2, 0, tzinfo=UTC),
    notes=("本卷个人信息已按规定屏蔽。",),
    extra={"case_no": "2026JS01MO000123"},
)


def _scan(path: Path, mode: str = "RGB", orientation: int | None = None, size=(620, 877)) -> Path:
    image = Image.new(mode, size, 230 if mode == "L" else (236, 236, 228))
    ImageDraw.Draw(image).rectangle([40, 40, size[0] - 40, 120], fill=40 if mode == "L" else (30, 60, 160))
    exif = Image.Exif()
    if orientation:
        exif[0x0112] = orientation
    image.save(path, "JPEG", quality=80, exif=exif.tobytes())
    return path


def _helvetica_pdf(path: Path) -> Path:
    canvas = Canvas(str(path))
    canvas.setFont("Helvetica", 18)  # a standard font: referenced, not embedded
    for page in range(2):
        canvas.drawString(72, 700, f"Hospital invoice page {page + 1}")
        canvas.showPage()
    canvas.save()
    return path


def _encrypted_pdf(path: Path, source: bytes) -> Path:
    with pikepdf.open(io.BytesIO(source)) as pdf:
        pdf.save(path, encryption=pikepdf.Encryption(owner="owner-secret", user=""))
    return path


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path | bytes]:
    folder = tmp_path_factory.mktemp("inputs")
    png = folder / "photo.png"
    rgba = Image.new("RGBA", (400, 300), (200, 30, 30, 255))
    ImageDraw.Draw(rgba).rectangle([0, 0, 200, 300], fill=(0, 0, 0, 0))
    rgba.save(png)
    tiff = folder / "pages.tif"
    frames = [Image.new("L", (300, 420), shade) for shade in (90, 180)]
    frames[0].save(tiff, save_all=True, append_images=frames[1:], compression="tiff_lzw")
    embedded = folder / "embedded.pdf"
    with pikepdf.open(io.BytesIO(calculation_sheet_pdf(sheet()))) as pdf:
        pdf.save(embedded)  # as most PDFs from elsewhere: Flate-compressed content streams
    return {
        "generated": acknowledgement_pdf(acknowledgement()),
        "scan": _scan(folder / "licence.jpg", orientation=6),
        "grey": _scan(folder / "grey.jpg", mode="L"),
        "png": png,
        "tiff": tiff,
        "embedded": embedded,
        "helvetica": _helvetica_pdf(folder / "invoice.pdf"),
        "encrypted": _encrypted_pdf(folder / "locked.pdf", calculation_sheet_pdf(sheet())),
    }


TITLES = {
    "generated": ("acknowledgement", "报案回执"),
    "scan": ("attachment", "驾驶证"),
    "grey": ("attachment", "行驶证"),
    "png": ("attachment", "现场照片"),
    "tiff": ("attachment", "医疗发票"),
    "embedded": ("calculation", "计算书"),
    "helvetica": ("attachment", "医院清单"),
    "encrypted": ("attachment", "加密文件"),
}


def items_of(inputs: dict[str, Path | bytes]) -> list[VolumeItem]:
    return [
        VolumeItem(
            kind,
            title,
            "张*" if kind == "attachment" else "理赔服务中心",
            f"W-{n}",
            date(2026, 3, 2 + n),
            inputs[key],
        )
        for n, (key, (kind, title)) in enumerate(TITLES.items())
    ]


@pytest.fixture(scope="module")
def volume(inputs, tmp_path_factory: pytest.TempPathFactory) -> BuiltVolume:
    return build_volume(META, items_of(inputs), tmp_path_factory.mktemp("volume") / "volume.pdf")


def text(
    path: Path, first: int, last: int | None = None, crop: tuple[int, int, int, int] | None = None
) -> str:
    args = ["pdftotext", "-enc", "UTF-8", "-layout", "-f", str(first), "-l", str(last or first)]
    if crop is not None:
        args += ["-x", str(crop[0]), "-y", str(crop[1]), "-W", str(crop[2]), "-H", str(crop[3])]
    return subprocess.run([*args, str(path), "-"], capture_output=True, check=True).stdout.decode()


def test_structure_order_bookmarks_and_treatments(volume: BuiltVolume) -> None:
    treatments = [r.treatment for r in volume.items]
    assert treatments == [GENERATED, EMBEDDED, EMBEDDED, CONVERTED, CONVERTED, MERGED, RASTERISED, RASTERISED]
    assert [r.pages for r in volume.items] == [1, 1, 1, 1, 2, 2, 2, 2]
    assert volume.document_pages == 12
    with pikepdf.open(volume.path) as pdf:
        assert len(pdf.pages) == volume.pages == 1 + 1 + 12 + 1 + 1  # cover, list, documents, notes, back
        with pdf.open_outline() as outline:
            titles = [item.title for item in outline.root]
        assert titles == ["案卷封面", "卷内文件目录"] + [f"{r.seq}. {r.title}" for r in volume.items] + [
            "卷内备考表",
            "卷底",
        ]
        assert pdf.Root.PageMode == "/UseOutlines"
    starts = [r.start_page for r in volume.items]
    assert starts == [1, 2, 3, 4, 5, 7, 9, 11]
    assert [r.first_index for r in volume.items] == [s + 1 for s in starts]


def test_file_list_start_pages_match_the_stamped_numbers(volume: BuiltVolume) -> None:
    listing = text(volume.path, 2)
    rows = {
        line.split()[0]: line for line in listing.splitlines() if line.split() and line.split()[0].isdigit()
    }
    for record in volume.items:
        row = rows[str(record.seq)]
        assert record.title in row and f"W-{record.seq - 1}" in row
        expected = str(record.start_page)
        if record.seq == len(volume.items):
            expected = f"{record.start_page}-{record.start_page + record.pages - 1}"
        assert row.split()[-1] == expected or f" {expected} " in row
        # the number stamped at the top right of the document's first page is its 页号
        page = record.first_index + 1
        corner = text(volume.path, page, crop=TOP_BAND).split()
        assert str(record.start_page) in corner, (record.title, corner)


def test_only_document_pages_are_numbered(volume: BuiltVolume) -> None:
    for page in (1, 2, volume.pages - 1, volume.pages):
        assert not text(volume.path, page, crop=TOP_BAND).strip(), page
    with pikepdf.open(volume.path) as pdf:
        labels = pdf.Root.PageLabels.Nums
        assert int(labels[4]) == 2 and labels[5].S == "/D"  # documents numbered 1… from the third page


def test_chinese_text_of_cover_list_and_notes(volume: BuiltVolume) -> None:
    cover = text(volume.path, 1).replace(" ", "")
    for expected in (
        META.fonds_name,
        META.archive_no,
        "2026JS01MO000123",
        "10年（D10）",
        "8 件",
        "12 页",
        "理赔业务档案",
    ):
        assert expected.replace(" ", "") in cover, expected
    listing = text(volume.path, 2)
    assert "卷内文件目录" in listing and "顺序号" in listing and "责任者" in listing and "驾驶证" in listing
    notes = text(volume.path, volume.pages - 1)
    for expected in (
        "卷内备考表",
        "本卷情况说明",
        "本卷共 8 件，12 页",
        "立卷人",
        "档案员甲",
        "检查人",
        "立卷时间",
    ):
        assert expected in notes, expected
    assert "转为图像归档" in notes and "字体" in notes and "加密" in notes
    assert "manifest.json" in notes
    assert "卷底" in text(volume.path, volume.pages)


def test_pdfa_3b(volume: BuiltVolume) -> None:
    assert validate_file(volume.path) == []  # pikepdf's allowlist PDF/A validator approves the file
    with pikepdf.open(volume.path) as pdf:
        assert pdf.check_pdf_syntax() == []
        assert "/Encrypt" not in pdf.trailer and not pdf.is_encrypted
        meta = pdf.open_metadata()
        assert (meta["pdfaid:part"], meta["pdfaid:conformance"]) == ("3", "B")
        (intent,) = pdf.Root.OutputIntents
        assert intent.S == "/GTS_PDFA1" and int(intent.DestOutputProfile.N) == 3
        assert pdf.pdf_version >= "1.7"
        fonts = 0
        for page in pdf.pages:
            for _name, font in page.Resources.get("/Font", pikepdf.Dictionary()).items():
                fonts += 1
                assert "Helvetica" not in str(font.get("/BaseFont"))
                descriptor = font.get("/FontDescriptor") or font.DescendantFonts[0].FontDescriptor
                assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), (
                    font.BaseFont
                )
        assert fonts > 10
        (spec,) = pdf.Root.AF
        assert spec.AFRelationship == "/Data" and str(spec.UF) == MANIFEST_NAME


def test_scans_are_embedded_byte_for_byte_and_turned_by_exif(volume: BuiltVolume, inputs) -> None:
    with pikepdf.open(volume.path) as pdf:
        for key, seq, rotate in (("scan", 2, 90), ("grey", 3, 0)):
            original = Path(inputs[key]).read_bytes()
            page = pdf.pages[volume.items[seq - 1].first_index]
            images = [x for _n, x in page.Resources.XObject.items() if x.Subtype == "/Image"]
            assert [x.read_raw_bytes() for x in images] == [original]
            assert images[0].Filter == "/DCTDecode"
            assert int(page.obj.get("/Rotate", 0)) == rotate
            assert volume.items[seq - 1].sha256 == hashlib.sha256(original).hexdigest()


def test_attached_pdf_content_streams_are_untouched(volume: BuiltVolume, inputs) -> None:
    record = volume.items[5]
    with pikepdf.open(inputs["embedded"]) as source, pikepdf.open(volume.path) as pdf:
        for offset, original in enumerate(source.pages):
            merged = pdf.pages[record.first_index + offset]
            contents = merged.obj.Contents
            assert len(contents) == 3  # our "q", the page's own stream, our "Q" + page number
            assert contents[1].read_raw_bytes() == original.Contents.read_raw_bytes()


def test_manifest_is_embedded_with_every_digest(volume: BuiltVolume, inputs) -> None:
    with pikepdf.open(volume.path) as pdf:
        manifest = json.loads(pdf.attachments[MANIFEST_NAME].get_file().read_bytes())
    assert manifest == volume.manifest
    assert manifest["archive_no"] == META.archive_no and manifest["case_no"] == "2026JS01MO000123"
    digests = [
        hashlib.sha256(v if isinstance(v, bytes) else Path(v).read_bytes()).hexdigest()
        for v in inputs.values()
    ]
    assert [item["sha256"] for item in manifest["items"]] == digests
    assert sum(len(p["page_sha256"]) for p in manifest["parts"] + manifest["items"]) == volume.pages
    assert hashlib.sha256(volume.path.read_bytes()).hexdigest() == volume.sha256


def test_same_inputs_same_bytes(volume: BuiltVolume, inputs, tmp_path: Path) -> None:
    again = build_volume(META, items_of(inputs), tmp_path / "again.pdf")
    assert again.path.read_bytes() == volume.path.read_bytes()
    with pikepdf.open(again.path) as pdf:
        assert bytes(pdf.trailer.ID[0]) == bytes.fromhex(again.content_sha256)[:16]


def test_verify_names_a_flipped_byte_and_a_replaced_page(volume: BuiltVolume, inputs, tmp_path: Path) -> None:
    assert check_volume(volume.path).ok
    data = bytearray(volume.path.read_bytes())
    scan = Path(inputs["scan"]).read_bytes()
    data[data.find(scan[400:440]) + 7] ^= 0x20
    flipped = tmp_path / "flipped.pdf"
    flipped.write_bytes(data)
    check = check_volume(flipped)
    assert not check.ok and check.altered_items == (2,) and check.altered_pages == (4,)
    assert any("第 2 件《驾驶证》第 1 页" in p.format() for p in check.problems)
    assert any("扫描图像与原件摘要不符" in p.format() for p in check.problems)
    replaced = tmp_path / "replaced.pdf"
    with pikepdf.open(volume.path) as pdf:
        pdf.pages[volume.items[6].first_index + 1] = pdf.pages[volume.items[6].first_index]
        pdf.save(replaced)
    check = check_volume(replaced)
    assert [p.format() for p in check.problems] == [
        f"第 7 件《医院清单》第 2 页（全卷第 {volume.items[6].first_index + 2} 页）与封存时不符："
        "内容被改动或页面被替换。"
    ]
    assert check.file_sha256 != volume.sha256


def test_unreadable_items_are_reported_not_built(tmp_path: Path) -> None:
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0" + b"not really a jpeg")
    items = [VolumeItem("attachment", "坏图", "张*", "", date(2026, 3, 2), broken)]
    with VolumeBuilder(items) as builder:
        assert builder.unreadable == {1: "图片已损坏"}
        assert builder.records()[0].pages == 0
    with pytest.raises(ValueError, match="unreadable"):
        build_volume(META, items, tmp_path / "v.pdf")


def test_cover_and_file_list_render(volume: BuiltVolume, tmp_path: Path) -> None:
    """Rendered for a person to look at (see the issue note); here: both pages render with ink on them."""
    for page in (1, 2):
        stem = tmp_path / f"page-{page}"
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "50",
                "-f",
                str(page),
                "-l",
                str(page),
                "-singlefile",
                str(volume.path),
                str(stem),
            ],
            check=True,
        )
        with Image.open(f"{stem}.png") as image:
            grey = image.convert("L")
            assert grey.getextrema()[0] < 100  # some dark ink
            assert sum(grey.histogram()[:128]) > 500
