"""One archive volume (一案一卷) as a sealed PDF/A-3b file, from plain data.

Order (GB/T 9705-2008): cover (案卷封面) → volume file list (卷内文件目录) → the documents → notes sheet
(卷内备考表) → back cover (卷底). Document pages are numbered at the top right, 1 to N over the whole
volume; the volume's own sheets are not. Each document has one bookmark.

Sealing: the SHA-256 of every document's bytes, the digest of every page (archive_digest) and a content
digest over all pages go into ``manifest.json``, attached to the file; the digest of the file itself (which
carries the manifest) is returned for the caller to record. The same inputs give the same bytes: every
date comes from the volume's data and the document ID is derived from the content.

Use :class:`VolumeBuilder` to look at the documents (pages, digests, unreadable items) before deciding to
write (once), or :func:`build_volume` to do both.

Speed (a volume of 400 scans is the benchmark, see docs/performance.md): plain scans become pages without
img2pdf (archive_scans), the pages are put in order in the document that already holds the scans instead
of being copied, the scan pages' digests are computed from what the builder knows of them (the image's
digest taken when it was read, the page's layout and stamp) instead of walking them, the file is hashed
as it is written, and the file list is drawn row by row (archive_listing). There is one save, to the
target.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import itertools
import json
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from types import TracebackType
from typing import Any, Final

import pikepdf
from pikepdf import Array, Dictionary, Name

from backoffice.printing.archive_digest import (
    Known,
    MirrorTemplate,
    PageHasher,
    content_digest,
    stream_digest,
)
from backoffice.printing.archive_hashing import Background, HashingWriter
from backoffice.printing.archive_jpeg import JpegHeader
from backoffice.printing.archive_listing import file_list_pdf
from backoffice.printing.archive_model import (
    MANIFEST_FORMAT,
    MANIFEST_NAME,
    PAGE_DIGEST_METHOD,
    BuiltVolume,
    ItemRecord,
    PdfaVerdict,
    VolumeItem,
    VolumeMeta,
)
from backoffice.printing.archive_pdfa import (
    FLAVOUR,
    SAVE_KWARGS,
    add_output_intent,
    attach_manifest,
    page_labels,
    set_metadata,
    strip_presentation,
)
from backoffice.printing.archive_scans import content_sha256, image_entries, stamped_description
from backoffice.printing.archive_sheets import (
    BACK_TITLE,
    COVER_TITLE,
    LIST_TITLE,
    NOTES_TITLE,
    cover_pdf,
    notes_and_back_pdf,
)
from backoffice.printing.archive_sources import Prepared, UnreadableItem, prepare_all
from backoffice.printing.archive_stamp import RESOURCE_NAME, PageStamper
from backoffice.printing.archive_workdir import WorkDir

_WRITE_BUFFER = 1 << 20
SEAL_NOTE = "本卷各件及全卷的 SHA-256 摘要值载于本文件所附 manifest.json，并登记于档案管理系统，可供校验。"


class VolumeBuilder:
    """Prepares the documents of one volume (in a private work directory) and writes the volume."""

    def __init__(self, items: Sequence[VolumeItem], work_parent: Path | None = None) -> None:
        """``work_parent``: where the private work directory goes (decrypted scans pass through it): the
        caller's data directory, so that a crash leaves nothing in the system's temp folder."""
        self._items = tuple(items)
        self._workdir = WorkDir(work_parent)
        self._prepared: list[Prepared | None] = []
        self._written = False
        self.unreadable: dict[int, str] = {}  # seq → reason

    def __enter__(self) -> VolumeBuilder:
        try:
            for seq, result in enumerate(prepare_all(self._items, self._workdir), start=1):
                if isinstance(result, UnreadableItem):
                    self._prepared.append(None)
                    self.unreadable[seq] = result.reason
                else:
                    self._prepared.append(result)
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        for pdf in {id(p.pdf): p.pdf for p in self._prepared if p is not None}.values():
            pdf.close()
        self._prepared = []
        self._workdir.remove()

    def new_verdicts(self) -> dict[int, PdfaVerdict]:
        """PDF/A verdicts taken in this build that the caller did not give with the item, by the item's
        ``attachment_id`` (for the caller to store, so that the next build need not check again)."""
        found: dict[int, PdfaVerdict] = {}
        for item, prepared in zip(self._items, self._prepared, strict=True):
            verdict = prepared.pdfa_verdict if prepared is not None else None
            if verdict is not None and item.attachment_id is not None and verdict != item.pdfa_verdict:
                found[item.attachment_id] = verdict
        return found

    def records(self) -> tuple[ItemRecord, ...]:
        """Every document's file-list entry, digest and pages (an unreadable one has no pages)."""
        records: list[ItemRecord] = []
        start = 1
        for seq, (item, prepared) in enumerate(zip(self._items, self._prepared, strict=True), start=1):
            pages = prepared.pages if prepared else 0
            records.append(
                ItemRecord(
                    seq=seq,
                    kind=item.kind,
                    title=item.title,
                    responsible=item.responsible,
                    doc_no=item.doc_no,
                    day=item.day,
                    remark=item.remark,
                    start_page=start,
                    pages=pages,
                    first_index=-1,
                    sha256=prepared.sha256 if prepared else "",
                    media_type=prepared.media_type if prepared else "",
                    treatment=prepared.treatment if prepared else "",
                    note=prepared.note if prepared else self.unreadable.get(seq, ""),
                )
            )
            start += pages
        return tuple(records)

    def notes(self, meta: VolumeMeta) -> tuple[str, ...]:
        """The lines of 本卷情况说明 as the notes sheet will print them."""
        records = self.records()
        pages = sum(r.pages for r in records)
        lines = [f"本卷共 {len(records)} 件，{pages} 页；封面、卷内文件目录、卷内备考表和卷底不编页号。"]
        lines += meta.notes
        lines += [f"第 {r.seq} 件（{r.title}）：{r.note}。" for r in records if r.note]
        lines.append(SEAL_NOTE)
        return tuple(lines)

    def write(self, meta: VolumeMeta, target: Path) -> BuiltVolume:
        """Write the sealed volume to ``target`` (the caller renames it into place)."""
        if self.unreadable:
            raise ValueError(f"unreadable items: {sorted(self.unreadable)}")
        if self._written:
            raise RuntimeError("a VolumeBuilder writes its volume once")
        self._written = True
        records = list(self.records())
        notes = self.notes(meta)
        document_pages = sum(r.pages for r in records)
        front = [cover_pdf(meta, len(records), document_pages), file_list_pdf(meta, records)]
        back = notes_and_back_pdf(meta, notes)
        with contextlib.ExitStack() as stack:
            # The document holding the plain scans' pages is the volume's starting point: those pages
            # stay where they are, every other page is copied in around them.
            base = next((p.pdf for p in self._prepared if p is not None and p.image_sha256), None)
            pdf = base if base is not None else stack.enter_context(pikepdf.new())
            sheets = [stack.enter_context(pikepdf.open(io.BytesIO(data))) for data in (*front, back)]
            # Each document's pages, taken before pages are inserted around the scans (which moves them);
            # the base document's own pages are not taken: they stay where they are.
            documents = [p.page_list() if p is not None and p.pdf is not pdf else [] for p in self._prepared]
            pages = _Assembler(pdf)
            stamper = PageStamper(pdf)
            scan_pages = _ScanDigests(stamper)
            parts: list[tuple[str, int, int]] = []  # (part, first index, pages)
            for name, sheet in zip(("cover", "file_list"), sheets[:2], strict=True):
                parts.append((name, pages.count, len(sheet.pages)))
                pages.insert(sheet.pages)
            numbered: list[tuple[range, Prepared]] = []
            for index, record in enumerate(records):
                prepared = self._prepared[index]
                assert prepared is not None
                if prepared.pdf is pdf:
                    placed = pages.keep(prepared.first, prepared.pages)
                else:
                    placed = pages.insert(documents[index])
                records[index] = replace(record, first_index=placed.start)
                numbered.append((placed, prepared))
            notes_sheet = sheets[2]
            parts.append(("notes", pages.count, len(notes_sheet.pages) - 1))
            parts.append(("back_cover", pages.count + len(notes_sheet.pages) - 1, 1))
            pages.insert(notes_sheet.pages)
            pages.check_complete()
            # Every page, once: pikepdf's pages[i] costs as much as a stamp (15 µs) on a large volume.
            every_page = list(pdf.pages)
            number = 1
            for placed, prepared in numbered:
                for position in placed:
                    stamp = stamper.stamp(every_page[position], number)
                    scan_pages.add(position, prepared, stamp)
                    number += 1
            _outline(pdf, every_page, parts, records)
            _labels(pdf, parts)
            add_output_intent(pdf)
            set_metadata(
                pdf,
                title=f"{meta.title}（档号 {meta.archive_no}）",
                author=meta.fonds_name,
                subject=f"一案一卷 {meta.category}",
                keywords=meta.archive_no,
                created_at=meta.built_at,
            )
            manifest = _manifest(every_page, meta, parts, records, scan_pages)
            data = json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")
            attach_manifest(pdf, MANIFEST_NAME, data, created_at=meta.built_at)
            # The document ID: its first half from the content digest, its second a constant (qpdf's
            # static ID), so the same content always gets the same ID without hashing the file twice.
            first_id = bytes.fromhex(manifest["content_sha256"])[:16]
            pdf.trailer.ID = pikepdf.Array([pikepdf.String(first_id), pikepdf.String(first_id)])
            # The file is hashed as qpdf writes it (on another thread), not read back.
            with Background() as background, target.open("wb", buffering=0) as raw:
                out = HashingWriter(raw, background)
                # qpdf writes in small pieces: buffered, the hashing sees large ones.
                with io.BufferedWriter(out, buffer_size=_WRITE_BUFFER) as buffered:
                    pdf.save(buffered, **save_kwargs())
        return BuiltVolume(
            path=target,
            sha256=out.digest.hexdigest(),
            size=out.size,
            pages=manifest["pages"],
            document_pages=document_pages,
            content_sha256=manifest["content_sha256"],
            items=tuple(records),
            manifest=manifest,
            notes=notes,
        )


def save_kwargs() -> dict[str, Any]:
    """The volume's save settings with what PDF/A pins (pikepdf.pdfa.resolve_save_kwargs)."""
    import pikepdf.pdfa

    return pikepdf.pdfa.resolve_save_kwargs(FLAVOUR, **SAVE_KWARGS)


class _Assembler:
    """Puts the volume's pages in order in ``pdf``, which may already hold some of them (the plain scans,
    in the order the volume needs them): those stay where they are, every other page is copied in."""

    def __init__(self, pdf: pikepdf.Pdf) -> None:
        self._pdf = pdf
        self.count = 0  # pages in their final place
        self._inserted = 0  # pages copied in before the document's own pages

    def keep(self, first: int, pages: int) -> range:
        """The document's own pages ``first`` … (numbered as before any insertion) come next."""
        if first + self._inserted != self.count:
            raise RuntimeError("the scans are not in the order of the volume")
        placed = range(self.count, self.count + pages)
        self.count += pages
        return placed

    def insert(self, pages: Sequence[pikepdf.Page]) -> range:
        """Copy ``pages`` (of another document) in next."""
        start = self.count
        for page in pages:
            strip_presentation(page)  # on our open copy of the source, before its page is copied in
            self._pdf.pages.insert(self.count, page)
            self.count += 1
            self._inserted += 1
        return range(start, self.count)

    def check_complete(self) -> None:
        if self.count != len(self._pdf.pages):
            raise RuntimeError("pages of the volume left out")


class _ScanDigests:
    """Page digests of the plain scans' pages, from what the builder knows of them (see
    :func:`archive_digest.mirror_digest`); every other page is walked by a :class:`PageHasher`."""

    _IMAGE: Final = Known(hashlib.sha256(b"image slot").digest())
    _STAMP: Final = Known(hashlib.sha256(b"stamp slot").digest())

    def __init__(self, stamper: PageStamper) -> None:
        self.hasher = PageHasher()
        self._font = Known(self.hasher.object_digest(stamper.font))
        self._opening = Known(self.hasher.object_digest(stamper.opening))
        self._templates: dict[JpegHeader, MirrorTemplate] = {}  # scans of a case share a few sizes
        self._digests: dict[int, str] = {}  # page index → digest

    def add(self, position: int, prepared: Prepared, stamp: bytes) -> None:
        header, image_sha256 = prepared.header, prepared.image_sha256
        if header is None or image_sha256 is None:
            return
        template = self._templates.get(header)
        if template is None:
            own = stream_digest({}, content_sha256(header), decoded=True)
            contents = (self._opening, own, self._STAMP)
            description = stamped_description(header, self._IMAGE, contents, {RESOURCE_NAME: self._font})
            template = self._templates[header] = MirrorTemplate(description, (self._STAMP, self._IMAGE))
        image = stream_digest(image_entries(header), image_sha256, decoded=False)
        stamped = stream_digest({}, hashlib.sha256(stamp).digest(), decoded=True)
        self._digests[position] = template.digest(stamped, image)

    def page(self, position: int, page: pikepdf.Page) -> str:
        known = self._digests.get(position)
        return known if known is not None else self.hasher.page(page)


def _outline(
    pdf: pikepdf.Pdf,
    every_page: Sequence[pikepdf.Page],
    parts: list[tuple[str, int, int]],
    records: Sequence[ItemRecord],
) -> None:
    """One bookmark per part and per document, in one flat list, each showing its first page whole.

    Written directly rather than through ``pdf.open_outline()``, which is made for editing an outline
    and costs a large volume's 400 bookmarks several times more; the structure is the same (ISO 32000
    12.3.3) and pikepdf reads it back as such.
    """
    first = {name: index for name, index, _pages in parts}
    entries = [(COVER_TITLE, first["cover"]), (LIST_TITLE, first["file_list"])]
    entries += [(f"{record.seq}. {record.title}", record.first_index) for record in records]
    entries += [(NOTES_TITLE, first["notes"]), (BACK_TITLE, first["back_cover"])]
    root = pdf.make_indirect(Dictionary(Type=Name.Outlines))
    items = [
        pdf.make_indirect(
            Dictionary(Title=pikepdf.String(title), Parent=root, Dest=Array([every_page[at].obj, Name.Fit]))
        )
        for title, at in entries
    ]
    for before, after in itertools.pairwise(items):
        before.Next = after
        after.Prev = before
    root.First, root.Last, root.Count = items[0], items[-1], len(items)
    pdf.Root.Outlines = root
    pdf.Root.PageMode = Name.UseOutlines


def _labels(pdf: pikepdf.Pdf, parts: list[tuple[str, int, int]]) -> None:
    first = {name: index for name, index, _pages in parts}
    ranges: list[tuple[int, str | None]] = [(0, "封面"), (first["file_list"], "目录")]
    documents = first["file_list"] + dict((n, p) for n, _i, p in parts)["file_list"]
    if documents < first["notes"]:
        ranges.append((documents, None))
    ranges += [(first["notes"], "备考表"), (first["back_cover"], "卷底")]
    page_labels(pdf, ranges)


def _manifest(
    every_page: Sequence[pikepdf.Page],
    meta: VolumeMeta,
    parts: list[tuple[str, int, int]],
    records: Sequence[ItemRecord],
    scan_pages: _ScanDigests,
) -> dict[str, Any]:
    digests = [scan_pages.page(position, page) for position, page in enumerate(every_page)]
    return {
        **meta.extra,
        "format": MANIFEST_FORMAT,
        "digest_method": PAGE_DIGEST_METHOD,
        "pdfa": FLAVOUR,
        "archive_no": meta.archive_no,
        "version": meta.version,
        "title": meta.title,
        "fonds_name": meta.fonds_name,
        "fonds_code": meta.fonds_code,
        "category": meta.category,
        "year": meta.year,
        "retention": meta.retention,
        "start_date": meta.start_date.isoformat(),
        "end_date": meta.end_date.isoformat(),
        "builder": meta.builder,
        "checker": meta.checker,
        "built_at": meta.built_at.isoformat(),
        "unmasked": meta.unmasked,
        "pages": len(digests),
        "document_pages": sum(r.pages for r in records),
        "content_sha256": content_digest(digests),
        "parts": [
            {
                "part": name,
                "first_index": first,
                "pages": pages,
                "page_sha256": digests[first : first + pages],
            }
            for name, first, pages in parts
        ],
        "items": [
            {
                "seq": r.seq,
                "kind": r.kind,
                "title": r.title,
                "responsible": r.responsible,
                "doc_no": r.doc_no,
                "date": r.day.isoformat(),
                "remark": r.remark,
                "start_page": r.start_page,
                "pages": r.pages,
                "first_index": r.first_index,
                "sha256": r.sha256,
                "media_type": r.media_type,
                "treatment": r.treatment,
                "note": r.note,
                "page_sha256": digests[r.first_index : r.first_index + r.pages],
            }
            for r in records
        ],
    }


def build_volume(meta: VolumeMeta, items: Sequence[VolumeItem], target: Path) -> BuiltVolume:
    """Prepare and write in one go; raises ValueError naming unreadable documents."""
    with VolumeBuilder(items) as builder:
        if builder.unreadable:
            detail = "; ".join(f"{seq}: {reason}" for seq, reason in sorted(builder.unreadable.items()))
            raise ValueError(f"unreadable items: {detail}")
        return builder.write(meta, target)
