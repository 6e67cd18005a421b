"""Scanned JPEGs as A4 pages, made from their headers: the JPEG's bytes go in as they are.

Each scan becomes one page: the image (``/DCTDecode``, the file's bytes unchanged) fitted into an A4 page
turned to match the image (landscape for a landscape image), centred, and the page rotated as the EXIF
orientation says — the layout img2pdf gives with ``fit=into, auto_orient=True`` and ``Rotation.ifvalid``
(a mirrored orientation cannot be expressed by a page rotation and is left unrotated).

:class:`ScanPages` holds the pages in memory up to :data:`MEMORY_BUDGET` bytes of image data, and writes
the scans beyond it into a work file (:class:`ScanFile`), streamed to disk and opened lazily, so that a
volume of any size is built in bounded memory.

Only plain JPEGs come here (see :func:`archive_jpeg.jpeg_header`); the rest go through img2pdf.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Final

import pikepdf
from pikepdf import Name

from backoffice.printing.archive_jpeg import JpegHeader

A4: Final = (210 * 72 / 25.4, 297 * 72 / 25.4)
_ROTATION: Final = {3: 180, 6: 90, 8: 270}  # EXIF orientation → page /Rotate
_COLOUR_SPACE: Final = {1: b"/DeviceGray", 3: b"/DeviceRGB"}
_FIRST_PAGE_OBJECT: Final = 3  # 1 is the catalog, 2 the page tree


def _decimal(value: float) -> Decimal:
    return Decimal(f"{value:.4f}").normalize()


def _num(value: float) -> bytes:
    return format(_decimal(value), "f").encode("ascii")


def layout(width: int, height: int) -> tuple[float, float, float, float, float, float]:
    """(page width, page height, image width, image height, x, y) in points for a scan of that size."""
    page_w, page_h = (A4[1], A4[0]) if width > height else A4
    image_w, image_h = page_w, page_w * height / width
    if image_h > page_h:
        image_w, image_h = page_h * width / height, page_h
    return page_w, page_h, image_w, image_h, (page_w - image_w) / 2, (page_h - image_h) / 2


def page_rotation(orientation: int) -> int:
    return _ROTATION.get(orientation, 0)


MEMORY_BUDGET: Final = 256 * 1024 * 1024


def _content(header: JpegHeader) -> tuple[float, float, bytes]:
    """(page width, page height, the page's content stream) for a scan."""
    page_w, page_h, image_w, image_h, x, y = layout(header.width, header.height)
    ops = b"q\n%s 0 0 %s %s %s cm\n/Im0 Do\nQ\n" % (_num(image_w), _num(image_h), _num(x), _num(y))
    return page_w, page_h, ops


class ScanPages:
    """The scan pages of one volume: in ``memory`` (a new document) while the images fit the budget,
    then in a work file at ``spill`` (see the module docstring)."""

    def __init__(self, spill: Path, budget: int | None = None) -> None:
        self.memory = pikepdf.new()
        self._spill = spill
        self._file: ScanFile | None = None
        self._budget = MEMORY_BUDGET if budget is None else budget
        self._held = 0

    def add(self, data: bytes, header: JpegHeader) -> tuple[pikepdf.Pdf | ScanFile, int]:
        """Add a page showing the JPEG ``data``: where it is (the document or the work file) and its index."""
        if self._file is None and self._held + len(data) <= self._budget:
            self._held += len(data)
            return self.memory, self._add_in_memory(data, header)
        if self._file is None:
            self._file = ScanFile(self._spill)
        return self._file, self._file.add(data, header)

    def _add_in_memory(self, data: bytes, header: JpegHeader) -> int:
        pdf = self.memory
        page_w, page_h, ops = _content(header)
        image = pikepdf.Stream(pdf, data)
        image.Type = Name.XObject
        image.Subtype = Name.Image
        image.Width = header.width
        image.Height = header.height
        image.ColorSpace = Name(_COLOUR_SPACE[header.components].decode("ascii"))
        image.BitsPerComponent = 8
        image.Filter = Name.DCTDecode
        page = pikepdf.Dictionary(
            Type=Name.Page,
            MediaBox=pikepdf.Array([0, 0, _decimal(page_w), _decimal(page_h)]),
            Resources=pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=image)),
            Contents=pikepdf.Stream(pdf, ops),
        )
        rotate = page_rotation(header.orientation)
        if rotate:
            page.Rotate = rotate
        pdf.pages.append(pikepdf.Page(page))
        return len(pdf.pages) - 1

    def finish(self) -> pikepdf.Pdf | None:
        """Close the work file, if scans went there, and open it (lazily)."""
        if self._file is None:
            return None
        self._file.close()
        return pikepdf.open(self._file.path)

    def abandon(self) -> None:
        self.memory.close()
        if self._file is not None:
            self._file.abandon()


class ScanFile:
    """A PDF of scan pages being written to ``path``; :meth:`close` finishes it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._out = path.open("wb")
        self._pos = 0
        self._offsets: dict[int, int] = {}
        self._pages: list[int] = []
        self._write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")

    @property
    def pages(self) -> int:
        return len(self._pages)

    def _write(self, data: bytes) -> None:
        self._out.write(data)
        self._pos += len(data)

    def _begin(self, number: int) -> None:
        self._offsets[number] = self._pos
        self._write(b"%d 0 obj\n" % number)

    def add(self, data: bytes, header: JpegHeader) -> int:
        """Append a page showing the JPEG ``data``; returns its index in the file."""
        image = _FIRST_PAGE_OBJECT + 3 * len(self._pages)
        content, page = image + 1, image + 2
        page_w, page_h, ops = _content(header)
        self._begin(image)
        self._write(
            b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s /BitsPerComponent 8"
            b" /Filter /DCTDecode /Length %d >>\nstream\n"
            % (header.width, header.height, _COLOUR_SPACE[header.components], len(data))
        )
        self._write(data)
        self._write(b"\nendstream\nendobj\n")
        self._begin(content)
        self._write(b"<< /Length %d >>\nstream\n%s\nendstream\nendobj\n" % (len(ops), ops))
        rotate = page_rotation(header.orientation)
        self._begin(page)
        self._write(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %s %s] /Resources << /XObject << /Im0 %d 0 R >> >>"
            b" /Contents %d 0 R%s >>\nendobj\n"
            % (_num(page_w), _num(page_h), image, content, b" /Rotate %d" % rotate if rotate else b"")
        )
        self._pages.append(page)
        return len(self._pages) - 1

    def close(self) -> None:
        """Write the page tree, the catalog and the cross-reference table, and close the file."""
        if self._out.closed:
            return
        try:
            kids = b" ".join(b"%d 0 R" % number for number in self._pages)
            self._begin(2)
            self._write(b"<< /Type /Pages /Kids [%s] /Count %d >>\nendobj\n" % (kids, len(self._pages)))
            self._begin(1)
            self._write(b"<< /Type /Catalog /Pages 2 0 R >>\nendobj\n")
            size = max(self._offsets) + 1
            xref = self._pos
            rows = [b"0000000000 65535 f \n"]
            rows += [b"%010d 00000 n \n" % self._offsets[number] for number in range(1, size)]
            self._write(b"xref\n0 %d\n%s" % (size, b"".join(rows)))
            self._write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref))
        finally:
            self._out.close()

    def abandon(self) -> None:
        self._out.close()
