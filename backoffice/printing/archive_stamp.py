"""Page numbers stamped at the top right of a volume's document pages.

The number is an extra content stream added after the page's own (which stay byte for byte as they
were): one shared stream opening a graphics state before them (``q``), one per page closing it and
drawing the number, so whatever state the page's content leaves behind cannot move or hide the number.
The digits come from a subset of the bundled CJK font, embedded once per volume (no reference to a
standard font such as Helvetica, which PDF/A forbids).
"""

from __future__ import annotations

import io
from decimal import Decimal
from functools import cache, lru_cache
from typing import Final

import pikepdf
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from backoffice.printing.fonts import FONT_NAME, register_fonts

RESOURCE_NAME: Final = "/BoPageNo"
DIGITS: Final = "0123456789"
SIZE: Final = 10.5
MARGIN_RIGHT: Final = 12 * mm
MARGIN_TOP: Final = 7 * mm


@cache
def _digits_font_pdf() -> bytes:
    """A one-page PDF whose only font is the bundled font's subset holding the ten digits.

    ReportLab keeps ASCII readable in the first subset, so the digits have their ASCII codes.
    """
    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1, initialFontName=FONT_NAME, pageCompression=1)
    canvas.setFont(FONT_NAME, SIZE)
    canvas.drawString(10, 10, DIGITS)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


class PageStamper:
    """Adds page numbers to pages of one destination document."""

    def __init__(self, pdf: pikepdf.Pdf) -> None:
        self._pdf = pdf
        with pikepdf.open(io.BytesIO(_digits_font_pdf())) as source:
            fonts = source.pages[0].Resources.Font
            (font,) = (value for _key, value in fonts.items())
            self.font = pdf.copy_foreign(font)
        self.opening = pikepdf.Stream(pdf, b"q\n")  # shared: opens a graphics state before the page's own
        register_fonts()
        self._widths = {digit: stringWidth(digit, FONT_NAME, SIZE) for digit in DIGITS}

    def stamp(self, page: pikepdf.Page, number: int) -> bytes:
        """Draw ``number`` at the top right of ``page`` as it is displayed (its /Rotate honoured); returns
        the content stream added after the page's own (the one before them is :attr:`opening`)."""
        text = str(number)
        llx, lly, urx, ury = (float(v) for v in _box(page))
        rotate = int(page.obj.get("/Rotate", 0)) % 360
        start, width, y = _placement((llx, lly, urx, ury), rotate)
        x = width - MARGIN_RIGHT - sum(self._widths[digit] for digit in text)
        ops = start + f"{_num(x)} {y} Td ({text}) Tj ET\nQ\n"
        resources = page.obj.get("/Resources")
        if not isinstance(resources, pikepdf.Dictionary):
            resources = pikepdf.Dictionary()
            page.obj.Resources = resources
        fonts = resources.get("/Font")
        if not isinstance(fonts, pikepdf.Dictionary):
            fonts = pikepdf.Dictionary()
            resources.Font = fonts
        fonts[RESOURCE_NAME] = self.font
        contents = page.obj.get("/Contents")
        own = (
            list(contents)
            if isinstance(contents, pikepdf.Array)
            else [contents]
            if contents is not None
            else []
        )
        data = ops.encode("ascii")
        page.obj.Contents = pikepdf.Array([self.opening, *own, pikepdf.Stream(self._pdf, data)])
        return data


@lru_cache(maxsize=64)  # the pages of a volume come in a few sizes
def _placement(box: tuple[float, float, float, float], rotate: int) -> tuple[str, float, str]:
    """(the stamp's operators before the text position, the displayed page's width, the baseline's
    height as written): the text space is turned with the page so the number reads upright."""
    llx, lly, urx, ury = box
    width, height = (ury - lly, urx - llx) if rotate in (90, 270) else (urx - llx, ury - lly)
    matrix = {
        0: (1, 0, 0, 1, llx, lly),
        90: (0, 1, -1, 0, urx, lly),
        180: (-1, 0, 0, -1, urx, ury),
        270: (0, -1, 1, 0, llx, ury),
    }.get(rotate, (1, 0, 0, 1, llx, lly))
    start = "Q\nq\n" + " ".join(_num(v) for v in matrix) + f" cm\nBT {RESOURCE_NAME} {_num(SIZE)} Tf 0 g "
    return start, width, _num(height - MARGIN_TOP - SIZE * 0.75)


def _box(page: pikepdf.Page) -> pikepdf.Array:
    crop = page.obj.get("/CropBox")
    return crop if isinstance(crop, pikepdf.Array) else page.mediabox


def _num(value: float) -> str:
    rounded = Decimal(str(round(value, 3))).normalize()
    return format(rounded, "f")
