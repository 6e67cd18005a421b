"""Attached PDFs in a volume: merged untouched when PDF/A allows it, rasterised when it does not.

pikepdf's allowlist validator judges the attached pages inside a scratch document that has the volume's
output intent and metadata, so only what the pages themselves bring is judged. All attached PDFs of a
volume are checked together first (one validator run); only when that fails is each checked alone, and
the ones not approved — fonts not embedded, encryption, anything the validator does not recognise — are
rendered with pdftoppm at 200 dpi and embedded as JPEG pages of the same size. The notes sheet says so.

The verdict on a PDF depends on its bytes (and on the validator) alone. It is taken when the PDF is
attached (:func:`check_pdf`, stored with the attachment) and handed to the builder with the item; a
verdict for other bytes or from another pikepdf version is ignored and the PDF checked again. Verdicts
taken here are kept for the life of the process by the SHA-256 of the file (:data:`VERDICTS`), and
reported on the prepared item so that the caller can store them: building a volume again — sealing after
the preview, re-issuing — does not check the same attachment twice. The service still validates every
written volume as a whole.
"""

from __future__ import annotations

import subprocess
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Final

import img2pdf
import pikepdf

from backoffice.printing.archive_jpeg import JpegHeader
from backoffice.printing.archive_model import MERGED, RASTERISED, PdfaVerdict
from backoffice.printing.archive_pdfa import (
    add_output_intent,
    pdfa_findings,
    set_metadata,
    strip_presentation,
)
from backoffice.printing.archive_workdir import WorkDir
from backoffice.printing.document import BEIJING

RASTER_DPI: Final = 200
#: Who judges attached PDFs: a stored verdict from another validator is not trusted.
VALIDATOR: Final = f"pikepdf {pikepdf.__version__}"
VALIDATOR_FAILED: Final = "PDF/A 校验程序无法检查此文件"


class UnreadableItem(Exception):
    """A document that cannot be read (corrupt image, broken PDF); ``reason`` is Chinese for the user."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass
class Prepared:
    """One document ready to merge: pages ``first`` to ``first + pages - 1`` of an open PDF (the scans
    share one), its digest and how it was treated. A plain scan's one image is the file's bytes, so the
    digest of its data is known without reading it back: ``image_sha256``."""

    pdf: pikepdf.Pdf
    pages: int
    sha256: str
    media_type: str
    treatment: str
    note: str = ""
    first: int = 0
    image_sha256: bytes | None = None
    header: JpegHeader | None = None  # a plain scan's, as its page was made from it (archive_scans)
    pdfa_verdict: PdfaVerdict | None = None  # an attached PDF's, as used for this volume

    def page_list(self) -> list[pikepdf.Page]:
        return [self.pdf.pages[i] for i in range(self.first, self.first + self.pages)]


@dataclass(frozen=True)
class Attached:
    """An attached PDF, opened, waiting for the check."""

    index: int
    path: Path
    sha256: str
    pdf: pikepdf.Pdf
    known: PdfaVerdict | None = None  # the verdict taken when it was attached, if any


def check_pdf(path: Path, sha256: str) -> PdfaVerdict | None:
    """The PDF/A verdict on the PDF at ``path`` (whose SHA-256 is ``sha256``), as the builder would take
    it; None when it cannot be judged (unreadable or encrypted: the builder deals with those)."""
    try:
        with pikepdf.open(path) as pdf:
            if pdf.is_encrypted or len(pdf.pages) == 0:
                return None
            return PdfaVerdict(sha256, VALIDATOR, tuple(_findings([pdf])))
    except pikepdf.PdfError:
        return None


def open_attached(index: int, path: Path, sha256: str, known: PdfaVerdict | None = None) -> Attached:
    try:
        pdf = pikepdf.open(path)
    except pikepdf.PasswordError:
        raise UnreadableItem("PDF 设有打开密码") from None
    except pikepdf.PdfError:
        raise UnreadableItem("PDF 已损坏") from None
    if len(pdf.pages) == 0:
        pdf.close()
        raise UnreadableItem("PDF 没有页面")
    return Attached(index, path, sha256, pdf, known)


def _findings(sources: Sequence[pikepdf.Pdf]) -> list[str]:
    """pikepdf's PDF/A findings for the sources' pages inside a volume-like document.

    The validator reads files that customers sent: when it fails on one (a structure it does not expect),
    it has approved nothing, so the failure is the finding and the pages are rasterised.
    """
    try:
        with pikepdf.new() as scratch:
            for source in sources:
                for page in source.pages:
                    scratch.pages.append(page)
            for page in scratch.pages:
                strip_presentation(page)
            add_output_intent(scratch)
            when = datetime(2000, 1, 1, tzinfo=BEIJING)
            set_metadata(scratch, title="check", author="check", subject="", keywords="", created_at=when)
            return pdfa_findings(scratch)
    except Exception as exc:  # any failure of the third-party check on an uploaded file: not approved
        return [f"{VALIDATOR_FAILED}（{type(exc).__name__}）"]


class Verdicts:
    """PDF/A findings of attached PDFs by the SHA-256 of their bytes (thread-safe, bounded)."""

    def __init__(self, capacity: int = 4096) -> None:
        self._capacity = capacity
        self._lock = threading.Lock()
        self._known: OrderedDict[str, tuple[str, ...]] = OrderedDict()

    def get(self, sha256: str) -> tuple[str, ...] | None:
        with self._lock:
            found = self._known.get(sha256)
            if found is not None:
                self._known.move_to_end(sha256)
            return found

    def put(self, sha256: str, findings: Sequence[str]) -> None:
        with self._lock:
            self._known[sha256] = tuple(findings)
            self._known.move_to_end(sha256)
            while len(self._known) > self._capacity:
                self._known.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._known.clear()


VERDICTS: Final = Verdicts()


def _trusted(item: Attached) -> PdfaVerdict | None:
    known = item.known
    if known is not None and known.sha256 == item.sha256 and known.validator == VALIDATOR:
        return known
    return None


def _judge(plain: Sequence[Attached]) -> dict[str, PdfaVerdict]:
    """The verdict for each digest among ``plain`` (unencrypted): the one taken when it was attached,
    else from this process's cache, else from the validator."""
    verdicts: dict[str, PdfaVerdict] = {}
    for item in plain:
        if (known := _trusted(item)) is not None:
            verdicts[item.sha256] = known
        elif (found := VERDICTS.get(item.sha256)) is not None:
            verdicts[item.sha256] = PdfaVerdict(item.sha256, VALIDATOR, found)
    unknown = list({a.sha256: a for a in plain if a.sha256 not in verdicts}.values())
    if not unknown:
        return verdicts
    together = _findings([a.pdf for a in unknown])
    for item in unknown:
        alone = together if not together or len(unknown) == 1 else _findings([item.pdf])
        verdicts[item.sha256] = PdfaVerdict(item.sha256, VALIDATOR, tuple(alone))
        VERDICTS.put(item.sha256, alone)
    return verdicts


def resolve(attached: Sequence[Attached], workdir: WorkDir) -> dict[int, Prepared | UnreadableItem]:
    """Each attached PDF merged as it is or rasterised, by item index."""
    results: dict[int, Prepared | UnreadableItem] = {}
    verdicts = _judge([a for a in attached if not a.pdf.is_encrypted])
    for item in attached:
        if item.pdf.is_encrypted:
            reason = "原文件经过加密"
        else:
            verdict = verdicts[item.sha256]
            if not verdict.findings:
                pages = len(item.pdf.pages)
                results[item.index] = Prepared(
                    item.pdf, pages, item.sha256, "application/pdf", MERGED, pdfa_verdict=verdict
                )
                continue
            reason = "不符合 PDF/A 要求（" + _summary(list(verdict.findings)) + "）"
        pages = len(item.pdf.pages)
        item.pdf.close()
        try:
            rasterised = _rasterised(item, workdir, pages, reason)
        except UnreadableItem as exc:
            results[item.index] = exc
            continue
        rasterised.pdfa_verdict = verdicts.get(item.sha256)  # None for an encrypted PDF
        results[item.index] = rasterised
    return results


def _summary(findings: list[str]) -> str:
    text = findings[0]
    if "font" in text.lower():
        text = "字体未嵌入或字体不合规"
    elif len(text) > 60:
        text = text[:60] + "…"
    return text + (f" 等 {len(findings)} 项" if len(findings) > 1 else "")


def _rasterised(item: Attached, workdir: WorkDir, pages: int, reason: str) -> Prepared:
    stem = workdir / f"raster-{item.index:05d}"
    try:
        subprocess.run(
            ["pdftoppm", "-r", str(RASTER_DPI), "-jpeg", "-jpegopt", "quality=90", str(item.path), str(stem)],
            check=True,
            capture_output=True,
            timeout=600,
        )
    except (OSError, subprocess.SubprocessError):
        raise UnreadableItem("PDF 无法转为图像") from None
    images = sorted(workdir.path.glob(f"{stem.name}-*.jpg"))
    if len(images) != pages:
        raise UnreadableItem("PDF 部分页面无法转为图像")
    target = workdir / f"{stem.name}.pdf"
    layout = img2pdf.get_fixed_dpi_layout_fun((RASTER_DPI, RASTER_DPI))
    with target.open("wb") as out:
        img2pdf.convert([str(p) for p in images], layout_fun=layout, outputstream=out)
    for image in images:
        image.unlink()
    pdf = pikepdf.open(target)
    note = f"所附 PDF {reason}，已按 {RASTER_DPI} dpi 转为图像归档"
    return Prepared(pdf, len(pdf.pages), item.sha256, "application/pdf", RASTERISED, note)
