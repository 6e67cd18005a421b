"""Checking a volume file against the manifest sealed inside it, naming what was altered.

Every page's digest is recomputed (archive_digest) and compared with the manifest; a mismatch names the
document and its page. A scan embedded byte for byte is also compared with the digest of the original
file. Damage to the file's structure that a reader has to repair is reported too. The digest of the whole
file is returned for the caller to compare with its own record (the manifest cannot hold it).

Problems are :class:`DomainError` instances (not raised): messages for the user, translated by the UI.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pikepdf

from backoffice.domain.errors import DomainError
from backoffice.printing.archive_digest import PageHasher, content_digest
from backoffice.printing.archive_model import EMBEDDED, MANIFEST_FORMAT, MANIFEST_NAME, PAGE_DIGEST_METHOD
from backoffice.printing.archive_pdfa import read_attachment
from backoffice.printing.archive_sheets import BACK_TITLE, COVER_TITLE, LIST_TITLE, NOTES_TITLE

_PART_TITLES = {"cover": COVER_TITLE, "file_list": LIST_TITLE, "notes": NOTES_TITLE, "back_cover": BACK_TITLE}
_CHUNK = 1 << 20


@dataclass(frozen=True)
class VolumeCheck:
    """What checking a volume file found."""

    path: Path
    file_sha256: str
    manifest: dict[str, Any] | None
    problems: tuple[DomainError, ...]
    altered_pages: tuple[int, ...] = ()  # 1-based pages of the file
    altered_items: tuple[int, ...] = ()  # 顺序号 of the documents concerned
    pages_checked: int = 0
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _expected(manifest: dict[str, Any]) -> dict[int, tuple[str, str, int | None, int]]:
    """Page index → (expected digest, what it belongs to, item seq or None, page within it)."""
    pages: dict[int, tuple[str, str, int | None, int]] = {}
    for part in manifest["parts"]:
        for offset, digest in enumerate(part["page_sha256"]):
            label = _PART_TITLES.get(part["part"], part["part"])
            pages[part["first_index"] + offset] = (digest, label, None, offset + 1)
    for item in manifest["items"]:
        for offset, digest in enumerate(item["page_sha256"]):
            pages[item["first_index"] + offset] = (digest, item["title"], item["seq"], offset + 1)
    return pages


def _read_manifest(pdf: pikepdf.Pdf) -> dict[str, Any] | DomainError:
    data = read_attachment(pdf, MANIFEST_NAME)
    if data is None:
        return DomainError("文件中没有封存清单（manifest.json）：不是本系统封存的案卷，或清单已被删除。")
    try:
        manifest = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return DomainError("封存清单（manifest.json）已损坏，无法读取。")
    if (
        not isinstance(manifest, dict)
        or manifest.get("format") != MANIFEST_FORMAT
        or manifest.get("digest_method") != PAGE_DIGEST_METHOD
    ):
        return DomainError("封存清单的格式无法识别。")
    return manifest


def _image_digests(page: pikepdf.Page) -> list[str]:
    digests: list[str] = []
    xobjects = page.obj.get("/Resources", pikepdf.Dictionary()).get("/XObject", pikepdf.Dictionary())
    for _name, xobject in xobjects.items():
        if isinstance(xobject, pikepdf.Stream) and xobject.get("/Subtype") == "/Image":
            digests.append(hashlib.sha256(xobject.read_raw_bytes()).hexdigest())
    return digests


def check_volume(path: Path) -> VolumeCheck:
    """Recompute every page's digest and compare with the embedded manifest (see the module docstring)."""
    file_digest = sha256_file(path)
    try:
        pdf = pikepdf.open(path)
    except (pikepdf.PdfError, OSError) as exc:
        problem = DomainError("案卷文件无法打开（{detail}）：文件已损坏。", detail=type(exc).__name__)
        return VolumeCheck(path, file_digest, None, (problem,))
    with pdf:
        problems: list[DomainError] = []
        if pdf.get_warnings():
            problems.append(DomainError("案卷文件的结构有损坏，读取时需要修复：文件在封存后被改动过。"))
        manifest = _read_manifest(pdf)
        if isinstance(manifest, DomainError):
            return VolumeCheck(path, file_digest, None, (*problems, manifest))
        expected = _expected(manifest)
        if len(pdf.pages) != manifest["pages"]:
            problems.append(
                DomainError(
                    "案卷应有 {expected} 页，文件中有 {actual} 页：有页面被增删。",
                    expected=manifest["pages"],
                    actual=len(pdf.pages),
                )
            )
        hasher = PageHasher()
        altered_pages: list[int] = []
        altered_items: set[int] = set()
        actual: list[str] = []
        for index, page in enumerate(pdf.pages):
            try:
                digest = hasher.page(page)
            except pikepdf.PdfError:
                digest = "unreadable"
            actual.append(digest)
            want = expected.get(index)
            if want is None or want[0] == digest:
                continue
            _digest, label, seq, page_no = want
            altered_pages.append(index + 1)
            if seq is None:
                problems.append(
                    DomainError(
                        "{part}第 {page} 页（全卷第 {index} 页）与封存时不符。",
                        part=label,
                        page=page_no,
                        index=index + 1,
                    )
                )
            else:
                altered_items.add(seq)
                problems.append(
                    DomainError(
                        "第 {seq} 件《{title}》第 {page} 页（全卷第 {index} 页）与封存时不符："
                        "内容被改动或页面被替换。",
                        seq=seq,
                        title=label,
                        page=page_no,
                        index=index + 1,
                    )
                )
        for item in manifest["items"]:
            if item["treatment"] != EMBEDDED or item["first_index"] >= len(pdf.pages):
                continue
            if item["sha256"] not in _image_digests(pdf.pages[item["first_index"]]):
                altered_items.add(item["seq"])
                problems.append(
                    DomainError(
                        "第 {seq} 件《{title}》的扫描图像与原件摘要不符。",
                        seq=item["seq"],
                        title=item["title"],
                    )
                )
        if (
            not altered_pages
            and len(actual) == manifest["pages"]
            and content_digest(actual) != manifest.get("content_sha256")
        ):
            problems.append(DomainError("案卷内容摘要与封存清单不符。"))
        return VolumeCheck(
            path,
            file_digest,
            manifest,
            tuple(problems),
            tuple(altered_pages),
            tuple(sorted(altered_items)),
            len(actual),
        )
