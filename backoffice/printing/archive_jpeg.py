"""What an archive volume needs to know about a scanned JPEG, read from its header alone (no decoding).

:func:`jpeg_header` walks the markers up to the first scan and returns the size, the number of colour
components and the EXIF orientation. It answers only for the plain case a page can be written from
directly — an 8-bit baseline, extended or progressive Huffman JPEG with one (grey) or three (colour)
components, square pixels and no embedded ICC profile — and returns None for anything else, which then
takes the general path (Pillow and img2pdf) exactly as before.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from typing import Final

_SOF_PLAIN: Final = frozenset({0xC0, 0xC1, 0xC2})  # baseline, extended, progressive (Huffman)
_SOF_OTHER: Final = frozenset({0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF})
_STANDALONE: Final = frozenset({0x01, *range(0xD0, 0xD8)})  # TEM, RSTn: no length
_SOS: Final = 0xDA
_ORIENTATION_TAG: Final = 0x0112
_SHORT: Final = 3


@dataclass(frozen=True)
class JpegHeader:
    width: int
    height: int
    components: int  # 1 (grey) or 3 (colour)
    orientation: int  # EXIF orientation, 1 when absent


def jpeg_header(data: bytes) -> JpegHeader | None:
    """The header of a plain JPEG (see the module docstring), or None."""
    if not data.startswith(b"\xff\xd8"):
        return None
    pos, end = 2, len(data)
    size: tuple[int, int, int] | None = None
    orientation = 1
    while True:
        while pos < end and data[pos] == 0xFF and pos + 1 < end and data[pos + 1] == 0xFF:
            pos += 1  # fill bytes before a marker
        if pos + 4 > end or data[pos] != 0xFF:
            return None
        marker = data[pos + 1]
        if marker in _STANDALONE:
            pos += 2
            continue
        length = int.from_bytes(data[pos + 2 : pos + 4], "big")
        if length < 2 or pos + 2 + length > end:
            return None
        segment = data[pos + 4 : pos + 2 + length]
        if marker == _SOS:
            break
        if marker in _SOF_OTHER or (marker in _SOF_PLAIN and size is not None):
            return None
        if marker in _SOF_PLAIN:
            if len(segment) < 6 or segment[0] != 8:
                return None
            height, width = struct.unpack(">HH", segment[1:5])
            size = (width, height, segment[5])
        elif marker == 0xE0 and segment.startswith(b"JFIF\x00") and len(segment) >= 12:
            units = segment[7]
            x_density, y_density = struct.unpack(">HH", segment[8:12])
            if units in (1, 2) and x_density != y_density:
                return None  # non-square pixels: the general path sizes the page from the densities
        elif marker == 0xE1 and segment.startswith(b"Exif\x00\x00"):
            found = _exif_orientation(segment[6:])
            if found is None:
                return None
            orientation = found
        elif marker == 0xE2 and segment.startswith(b"ICC_PROFILE\x00"):
            return None  # the general path embeds the profile
        pos += 2 + length
    if size is None:
        return None
    width, height, components = size
    if width == 0 or height == 0 or components not in (1, 3):
        return None
    return JpegHeader(width, height, components, orientation)


def _exif_orientation(tiff: bytes) -> int | None:
    """The orientation in IFD0 of an EXIF block (1 when absent), or None when the block is malformed."""
    if tiff[:4] == b"II*\x00":
        order = "<"
    elif tiff[:4] == b"MM\x00*":
        order = ">"
    else:
        return None
    if len(tiff) < 8:
        return None
    (offset,) = struct.unpack(order + "I", tiff[4:8])
    if offset + 2 > len(tiff):
        return None
    (count,) = struct.unpack(order + "H", tiff[offset : offset + 2])
    entries = offset + 2
    if entries + 12 * count > len(tiff):
        return None
    for index in range(count):
        at = entries + 12 * index
        tag, kind, number = struct.unpack(order + "HHI", tiff[at : at + 8])
        if tag == _ORIENTATION_TAG:
            if kind != _SHORT or number != 1:
                return None
            (value,) = struct.unpack(order + "H", tiff[at + 8 : at + 10])
            return int(value)
    return 1
