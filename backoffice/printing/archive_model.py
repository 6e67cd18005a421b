"""Plain data of an archive volume (一案一卷): what goes in, what comes out.

The caller decides everything printed (personal data already masked, or not when the user was allowed to
ask for an unmasked volume); the builder only lays it out, seals it and reports what it did.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Final

#: Format names written into the embedded manifest; a verifier refuses formats it does not know.
MANIFEST_FORMAT: Final = "backoffice-archive-manifest/1"
PAGE_DIGEST_METHOD: Final = "backoffice-page-digest/1"
MANIFEST_NAME: Final = "manifest.json"

# How an item's content reached the volume.
GENERATED: Final = "generated"  # a PDF we built (ReportLab), pages merged as they are
EMBEDDED: Final = "embedded"  # a JPEG scan, its bytes embedded unchanged
CONVERTED: Final = "converted"  # PNG or TIFF, pixels kept losslessly (img2pdf)
MERGED: Final = "merged"  # an attached PDF, pages merged with their content streams untouched
RASTERISED: Final = "rasterised"  # an attached PDF that could not be made PDF/A, pages as images


@dataclass(frozen=True)
class VolumeMeta:
    """The volume's cover data (案卷封面) and the notes sheet's signatures (卷内备考表)."""

    archive_no: str  # 档号
    fonds_name: str  # 全宗名称
    fonds_code: str  # 全宗号
    category: str  # 类目名称, e.g. 理赔业务档案
    title: str  # 案卷题名
    start_date: date
    end_date: date
    year: int  # 年度: the closing year
    retention: str  # code: Y, D30, D10
    retention_label: str  # e.g. 10年
    builder: str  # 立卷人
    checker: str  # 检查人
    built_at: datetime  # 立卷时间; also the PDF's creation date (aware, or naive Beijing time)
    version: int = 1
    notes: tuple[str, ...] = ()  # 本卷情况说明, from the caller (masking, paper originals, …)
    unmasked: bool = False  # the volume shows personal data in the clear
    extra: dict[str, Any] = field(default_factory=dict)  # more keys for the manifest (e.g. the case number)


@dataclass(frozen=True)
class PdfaVerdict:
    """What pikepdf's PDF/A validator found in an attached PDF's pages (nothing: it can be merged as it
    is), for the file whose SHA-256 is ``sha256``, judged by ``validator`` (pikepdf's version: another
    version may judge otherwise, so its verdict is taken afresh)."""

    sha256: str
    validator: str
    findings: tuple[str, ...]

    def to_json(self) -> str:
        return json.dumps(
            {"sha256": self.sha256, "validator": self.validator, "findings": list(self.findings)},
            ensure_ascii=False,
            sort_keys=True,
        )

    @classmethod
    def from_json(cls, text: str | None) -> PdfaVerdict | None:
        """The verdict stored as ``text``, or None when there is none or it cannot be read."""
        if not text:
            return None
        try:
            data = json.loads(text)
            findings = data["findings"]
            if not isinstance(findings, list) or not all(isinstance(f, str) for f in findings):
                return None
            return cls(str(data["sha256"]), str(data["validator"]), tuple(findings))
        except (ValueError, KeyError, TypeError):
            return None


@dataclass(frozen=True)
class VolumeItem:
    """One document (件): its file-list entry and its content.

    ``content`` is the bytes of a PDF, or the path of a scan (JPEG, PNG, TIFF) or of an attached PDF.
    """

    kind: str
    title: str  # 题名
    responsible: str  # 责任者
    doc_no: str  # 文号
    day: date
    content: bytes | Path
    remark: str = ""  # 备注
    #: For an attached PDF: the PDF/A verdict taken when it was attached (used when its digest and
    #: validator match, else the PDF is checked again).
    pdfa_verdict: PdfaVerdict | None = None
    attachment_id: int | None = None  # the caller's row of the attached file (to store a new verdict)


@dataclass(frozen=True)
class ItemRecord:
    """What the builder did with one item, with its digest and place in the volume."""

    seq: int
    kind: str
    title: str
    responsible: str
    doc_no: str
    day: date
    remark: str
    start_page: int  # 页号: the first page, counting document pages only
    pages: int
    first_index: int  # 0-based index of the first page in the whole file
    sha256: str  # the item's bytes as given (the scan, the attached PDF, the generated PDF)
    media_type: str  # application/pdf, image/jpeg, …
    treatment: str  # GENERATED, EMBEDDED, CONVERTED, MERGED or RASTERISED
    note: str = ""  # why it was converted or rasterised


@dataclass(frozen=True)
class BuiltVolume:
    """A sealed volume on disk."""

    path: Path
    sha256: str  # of the whole file (which carries the manifest, so the manifest cannot hold it)
    size: int
    pages: int  # every page in the file
    document_pages: int  # numbered pages
    content_sha256: str  # digest of every page's content in order (recorded in the manifest)
    items: tuple[ItemRecord, ...]
    manifest: dict[str, Any]
    notes: tuple[str, ...]  # the notes sheet's lines, as printed
