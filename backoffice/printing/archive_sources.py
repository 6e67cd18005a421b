"""Turning each document of a volume into PDF pages, as faithfully as PDF/A allows.

- A PDF we generated: its pages as they are.
- A JPEG scan: img2pdf embeds the file's bytes unchanged (no re-encoding) on an A4 page, turned as its
  EXIF orientation says. Only CMYK scans are converted (to lossless RGB): the volume's output intent is
  sRGB, and PDF/A forbids uncalibrated CMYK with it.
- A PNG or TIFF: img2pdf keeps the pixels losslessly.
- An attached PDF: see :mod:`backoffice.printing.archive_attached`.

Work files go to a private directory the caller owns; sources are opened lazily, so stream data is read
from disk when the volume is written. A plain JPEG (see :mod:`backoffice.printing.archive_jpeg`) is read
once: hashed (on a worker thread, while the next one is read) and written as a page of the scans' work
file, its size and orientation taken from its header without decoding it
(:mod:`backoffice.printing.archive_scans`). Other JPEGs are converted by img2pdf in batches (one call and
one work file each).
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import img2pdf
import pikepdf
from PIL import Image, ImageOps, UnidentifiedImageError

from backoffice.printing.archive_attached import Attached, Prepared, UnreadableItem, open_attached, resolve
from backoffice.printing.archive_hashing import Background
from backoffice.printing.archive_jpeg import JpegHeader, jpeg_header
from backoffice.printing.archive_model import CONVERTED, EMBEDDED, GENERATED, VolumeItem
from backoffice.printing.archive_scans import ScanFile
from backoffice.printing.archive_workdir import WorkDir

BATCH: Final = 64  # scans per img2pdf call (JPEGs that are not plain)
_A4_FIT: Final = img2pdf.get_layout_fun(
    pagesize=(img2pdf.mm_to_pt(210), img2pdf.mm_to_pt(297)), fit=img2pdf.FitMode.into, auto_orient=True
)
_MIRRORED: Final = frozenset({2, 4, 5, 7})  # EXIF orientations a page rotation cannot express
_MIRROR_NOTE: Final = "扫描件的 EXIF 方向含镜像翻转，页面未作镜像处理（图像数据未改动）"
_CHUNK: Final = 1 << 20
_IMAGE_ERRORS: Final = (
    UnidentifiedImageError,
    OSError,
    SyntaxError,
    ValueError,
    Image.DecompressionBombError,
)

__all__ = ["Prepared", "UnreadableItem", "file_sha256", "prepare_all", "sniff"]


def sniff(head: bytes) -> str | None:
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return "image/tiff"
    if b"%PDF-" in head[:1024]:
        return "application/pdf"
    return None


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass(frozen=True)
class _Scan:
    """A JPEG that goes in byte for byte through img2pdf, waiting for its batch."""

    index: int
    path: Path
    note: str


@dataclass(frozen=True)
class _PlainScan:
    """A plain JPEG, read: written as a page of the scans work file."""

    index: int
    data: bytes
    header: JpegHeader


class _Scans:
    """The plain scans' pages, written to a work file as they are read (archive_scans)."""

    def __init__(self, workdir: WorkDir, background: Background) -> None:
        self._workdir = workdir
        self._file: ScanFile | None = None  # made with the first scan
        self._background = background  # hashes one scan while the next is read
        # (item, its header, page, digest, note): not the scan's data, which is in the file
        self._added: list[tuple[int, JpegHeader, int, Future[bytes], str]] = []

    def add(self, scan: _PlainScan) -> None:
        digest = self._background.sha256(scan.data)
        note = _MIRROR_NOTE if scan.header.orientation in _MIRRORED else ""
        if self._file is None:
            self._file = ScanFile(self._workdir / "scans.pdf")
        page = self._file.add(scan.data, scan.header)
        self._added.append((scan.index, scan.header, page, digest, note))

    def finish(self) -> dict[int, Prepared | UnreadableItem]:
        if self._file is None:
            return {}
        self._file.close()
        pdf = pikepdf.open(self._file.path)  # lazily: the images are read when the volume is saved
        prepared: dict[int, Prepared | UnreadableItem] = {}
        for index, header, page, future, note in self._added:
            digest = future.result()
            prepared[index] = Prepared(
                pdf, 1, digest.hex(), "image/jpeg", EMBEDDED, note, page, image_sha256=digest, header=header
            )
        return prepared

    def abandon(self) -> None:
        if self._file is not None:
            self._file.abandon()


def prepare_all(items: Sequence[VolumeItem], workdir: WorkDir) -> list[Prepared | UnreadableItem]:
    """Every item prepared, or the reason it cannot be read, in order."""
    results: dict[int, Prepared | UnreadableItem] = {}
    scans: list[_Scan] = []
    attached: list[Attached] = []
    with Background() as background:
        plain = _Scans(workdir, background)
        try:  # the scans work file stays open while it is being written
            _prepare_each(items, workdir, plain, scans, attached, results)
            results.update(plain.finish())
        except BaseException:
            plain.abandon()
            raise
    if scans:
        results.update(_scan_batch(scans, workdir))
    results.update(resolve(attached, workdir))
    return [results[index] for index in range(len(items))]


def _prepare_each(
    items: Sequence[VolumeItem],
    workdir: WorkDir,
    plain: _Scans,
    scans: list[_Scan],
    attached: list[Attached],
    results: dict[int, Prepared | UnreadableItem],
) -> None:
    """Each item read: plain scans into the work file, other scans batched, attached PDFs opened."""
    for index, item in enumerate(items):
        try:
            prepared = _prepare_one(index, item, workdir)
        except UnreadableItem as exc:
            results[index] = exc
            continue
        if isinstance(prepared, _PlainScan):
            plain.add(prepared)
        elif isinstance(prepared, _Scan):
            scans.append(prepared)
            if len(scans) == BATCH:
                results.update(_scan_batch(scans, workdir))
                scans.clear()
        elif isinstance(prepared, Attached):
            attached.append(prepared)
        else:
            results[index] = prepared


def _prepare_one(index: int, item: VolumeItem, workdir: WorkDir) -> Prepared | _Scan | _PlainScan | Attached:
    if isinstance(item.content, bytes):
        try:
            pdf = pikepdf.open(io.BytesIO(item.content))
        except pikepdf.PdfError:
            raise UnreadableItem("生成的 PDF 无法打开") from None
        digest = hashlib.sha256(item.content).hexdigest()
        return Prepared(pdf, len(pdf.pages), digest, "application/pdf", GENERATED)
    path = item.content
    data = b""
    try:
        with path.open("rb") as fh:
            media_type = sniff(fh.read(1024))
            if media_type == "image/jpeg":
                fh.seek(0)
                data = fh.read()
    except OSError:
        raise UnreadableItem("文件无法读取") from None
    if media_type is None:
        raise UnreadableItem("不支持的文件类型")
    if media_type == "application/pdf":
        return open_attached(index, path, file_sha256(path), item.pdfa_verdict)
    header = jpeg_header(data) if media_type == "image/jpeg" else None
    if header is not None:
        return _PlainScan(index, data, header)
    try:
        with Image.open(path) as image:
            mode = image.mode
            orientation = int(image.getexif().get(0x0112, 1) or 1)
    except _IMAGE_ERRORS:
        raise UnreadableItem("图片已损坏") from None
    if media_type == "image/jpeg" and mode in ("L", "RGB"):
        return _Scan(index, path, _MIRROR_NOTE if orientation in _MIRRORED else "")
    return _image(index, path, workdir, media_type, mode)


def _scan_batch(batch: Sequence[_Scan], workdir: WorkDir) -> dict[int, Prepared | UnreadableItem]:
    """One img2pdf call for the batch; if one file spoils it, each scan alone."""
    try:
        datas = [scan.path.read_bytes() for scan in batch]
        target = workdir / f"scans-{batch[0].index:05d}.pdf"
        with target.open("wb") as out:
            img2pdf.convert(datas, layout_fun=_A4_FIT, rotation=img2pdf.Rotation.ifvalid, outputstream=out)
    except Exception:  # img2pdf raises many types for odd files; find the odd one
        return {scan.index: _single_scan(scan, workdir) for scan in batch}
    pdf = pikepdf.open(target)
    return {
        scan.index: Prepared(
            pdf, 1, hashlib.sha256(data).hexdigest(), "image/jpeg", EMBEDDED, scan.note, offset
        )
        for offset, (scan, data) in enumerate(zip(batch, datas, strict=True))
    }


def _single_scan(scan: _Scan, workdir: WorkDir) -> Prepared | UnreadableItem:
    try:
        data = scan.path.read_bytes()
        target = workdir / f"scan-{scan.index:05d}.pdf"
        with target.open("wb") as out:
            img2pdf.convert(data, layout_fun=_A4_FIT, rotation=img2pdf.Rotation.ifvalid, outputstream=out)
    except Exception as exc:  # img2pdf raises many types for odd files
        return UnreadableItem(f"JPEG 无法嵌入（{type(exc).__name__}）")
    pdf = pikepdf.open(target)
    return Prepared(pdf, 1, hashlib.sha256(data).hexdigest(), "image/jpeg", EMBEDDED, scan.note)


def _image(index: int, path: Path, workdir: WorkDir, media_type: str, mode: str) -> Prepared:
    digest = file_sha256(path)
    if mode in ("CMYK", "YCbCr", "LAB") or media_type == "image/jpeg":
        return _converted(index, path, workdir, digest, media_type, f"{mode} 色彩的图像已无损转换为 RGB")
    target = workdir / f"image-{index:05d}.pdf"
    try:
        with target.open("wb") as out:
            img2pdf.convert(
                str(path), layout_fun=_A4_FIT, rotation=img2pdf.Rotation.ifvalid, outputstream=out
            )
    except Exception:  # img2pdf cannot take some modes (e.g. 16-bit grey TIFF): convert them first
        return _converted(index, path, workdir, digest, media_type, f"{mode} 图像已无损转换为 RGB")
    pdf = pikepdf.open(target)
    return Prepared(pdf, len(pdf.pages), digest, media_type, CONVERTED)


def _converted(index: int, path: Path, workdir: WorkDir, digest: str, media_type: str, note: str) -> Prepared:
    """Every frame as a lossless RGB PNG (EXIF orientation applied to the pixels), then img2pdf."""
    frames: list[Path] = []
    target = workdir / f"image-{index:05d}.pdf"
    try:
        with Image.open(path) as image:
            for frame_no in range(getattr(image, "n_frames", 1)):
                image.seek(frame_no)
                frame = _on_white(ImageOps.exif_transpose(image.copy()))
                frames.append(workdir / f"image-{index:05d}-{frame_no:04d}.png")
                frame.save(frames[-1], "PNG")
        with target.open("wb") as out:
            img2pdf.convert([str(p) for p in frames], layout_fun=_A4_FIT, outputstream=out)
    except Exception as exc:  # Pillow and img2pdf raise many types for odd files
        raise UnreadableItem(f"图片无法转换（{type(exc).__name__}）") from None
    pdf = pikepdf.open(target)
    return Prepared(pdf, len(pdf.pages), digest, media_type, CONVERTED, note)


def _on_white(image: Image.Image) -> Image.Image:
    """RGB pixels; transparent areas composited on white (as on paper), not left black."""
    if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
        rgba = image.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(white, rgba).convert("RGB")
    return image.convert("RGB")
