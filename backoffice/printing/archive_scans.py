"""Scanned JPEGs as A4 pages, made from their headers: the JPEG's bytes go in as they are.

Each scan becomes one page: the image (``/DCTDecode``, the file's bytes unchanged) fitted into an A4 page
turned to match the image (landscape for a landscape image), centred, and the page rotated as the EXIF
orientation says — the layout img2pdf gives with ``fit=into, auto_orient=True`` and ``Rotation.ifvalid``
(a mirrored orientation cannot be expressed by a page rotation and is left unrotated).

The pages are written, as they come, into a work file (:class:`ScanFile`) that pikepdf opens lazily: the
images go from disk to the volume when it is saved, so a volume of any size is built in bounded memory.
Holding them in memory instead was measured slower for a process's first volume (0.03–0.04 s for 120 MB:
the new memory's page faults) and no faster afterwards. The dictionaries written here are the ones
:func:`image_entries` and :func:`page_entries` describe, which the builder also uses to compute the
pages' digests without walking them (:func:`stamped_description`).

Only plain JPEGs come here (see :func:`archive_jpeg.jpeg_header`); the rest go through img2pdf.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Final

from pikepdf import Name

from backoffice.printing.archive_digest import Known
from backoffice.printing.archive_jpeg import JpegHeader

A4: Final = (210 * 72 / 25.4, 297 * 72 / 25.4)
_ROTATION: Final = {3: 180, 6: 90, 8: 270}  # EXIF orientation → page /Rotate
_COLOUR_NAMES: Final = {1: Name.DeviceGray, 3: Name.DeviceRGB}
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


@lru_cache(maxsize=256)  # the scans of a case mostly share a few sizes
def _content(header: JpegHeader) -> tuple[float, float, bytes]:
    """(page width, page height, the page's content stream) for a scan."""
    page_w, page_h, image_w, image_h, x, y = layout(header.width, header.height)
    ops = b"q\n%s 0 0 %s %s %s cm\n/Im0 Do\nQ\n" % (_num(image_w), _num(image_h), _num(x), _num(y))
    return page_w, page_h, ops


def image_entries(header: JpegHeader) -> dict[str, object]:
    """The image's stream dictionary (without /Length): the JPEG's data is the stream."""
    return {
        "/Type": Name.XObject,
        "/Subtype": Name.Image,
        "/Width": header.width,
        "/Height": header.height,
        "/ColorSpace": _COLOUR_NAMES[header.components],
        "/BitsPerComponent": 8,
        "/Filter": Name.DCTDecode,
    }


def page_entries(header: JpegHeader) -> dict[str, object]:
    """The page dictionary's own entries (its /Resources and /Contents are added by the caller)."""
    page_w, page_h, _ops = _content(header)
    entries: dict[str, object] = {"/Type": Name.Page, "/MediaBox": [0, 0, _decimal(page_w), _decimal(page_h)]}
    rotate = page_rotation(header.orientation)
    if rotate:
        entries["/Rotate"] = rotate
    return entries


def stamped_description(
    header: JpegHeader, image: Known, contents: Sequence[Known], fonts: Mapping[str, Known]
) -> dict[str, object]:
    """A scan page as made here and then stamped (archive_stamp: font added, content streams around its
    own), for :func:`archive_digest.mirror_digest`."""
    return {
        **page_entries(header),
        "/Resources": {"/XObject": {"/Im0": image}, "/Font": dict(fonts)},
        "/Contents": list(contents),
    }


@lru_cache(maxsize=256)
def content_sha256(header: JpegHeader) -> bytes:
    """SHA-256 of the page's own content stream (as decoded)."""
    return hashlib.sha256(_content(header)[2]).digest()


def _pdf(value: object) -> bytes:
    """A value of :func:`image_entries` or :func:`page_entries` as PDF syntax."""
    if isinstance(value, Name):
        return str(value).encode("ascii")
    if isinstance(value, Decimal):
        return format(value, "f").encode("ascii")
    if isinstance(value, int):
        return b"%d" % value
    if isinstance(value, list):
        return b"[" + b" ".join(_pdf(item) for item in value) + b"]"
    raise TypeError(f"not written here: {value!r}")


@lru_cache(maxsize=256)
def _written(header: JpegHeader) -> tuple[bytes, bytes, bytes]:
    """(the image dictionary's entries, the page dictionary's own entries, the content stream)."""

    def entries(mapping: Mapping[str, object]) -> bytes:
        return b" ".join(key.encode("ascii") + b" " + _pdf(value) for key, value in mapping.items())

    return entries(image_entries(header)), entries(page_entries(header)), _content(header)[2]


class ScanFile:
    """A PDF of scan pages being written to ``path``; :meth:`close` finishes it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._out = path.open("wb")
        self._pos = 0
        self._offsets: dict[int, int] = {}
        self._pages: list[int] = []
        self._write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")

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
        image_dict, page_dict, ops = _written(header)
        self._begin(image)
        self._write(b"<< %s /Length %d >>\nstream\n" % (image_dict, len(data)))
        self._write(data)
        self._write(b"\nendstream\nendobj\n")
        self._begin(content)
        self._write(b"<< /Length %d >>\nstream\n%s\nendstream\nendobj\n" % (len(ops), ops))
        self._begin(page)
        self._write(
            b"<< %s /Parent 2 0 R /Resources << /XObject << /Im0 %d 0 R >> >> /Contents %d 0 R >>\nendobj\n"
            % (page_dict, image, content)
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
