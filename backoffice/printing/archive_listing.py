"""卷内文件目录 (the volume file list): one row per document, drawn straight onto the canvas.

A volume of 400 scans has a file list of 400 rows over a dozen pages; laid out by ReportLab's table
machinery that took a large share of the build. This draws the same sheet — the title and archive number
on the first page, a grid with a shaded header row repeated on every page, each cell's text set in the
bundled font, long text broken to the column width by :func:`~backoffice.printing.wrap.break_lines` and
centred vertically in its row — with one text object and one grid per page. Like the other sheets it is
a pure function of its data and carries no page number.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Final

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject

from backoffice.printing.archive_model import ItemRecord, VolumeMeta
from backoffice.printing.archive_sheets import LIST_TITLE
from backoffice.printing.document import CREATOR, LANGUAGE, pdf_date
from backoffice.printing.fonts import FONT_NAME, printable, register_fonts
from backoffice.printing.styles import (
    CONTENT_WIDTH,
    GRID,
    HEADER_FILL,
    INK,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_TOP,
    MUTED,
    PAGE_HEIGHT,
    PAGE_SIZE,
    PAGE_WIDTH,
)
from backoffice.printing.wrap import break_lines

LIST_HEADER: Final = ("顺序号", "文号", "责任者", "题名", "日期", "页号", "备注")
WIDTHS: Final = (14 * mm, 38 * mm, 24 * mm, CONTENT_WIDTH - 128 * mm, 18 * mm, 14 * mm, 20 * mm)
CENTRED: Final = frozenset({0, 4, 5})
SIZE: Final = 9  # body text
LEADING: Final = SIZE * 1.4
HEADER_SIZE: Final = 9.5
HEADER_LEADING: Final = 13.5
PAD_X: Final = 4
PAD_TOP: Final = 2
PAD_BOTTOM: Final = 3
TITLE_SIZE: Final = 19
SUBTITLE_SIZE: Final = 9.5
_MIDDLE: Final = 0.35  # a CJK line's visual middle above its baseline, in ems


@cache
def _char_width(char: str, size: float) -> float:
    return float(stringWidth(char, FONT_NAME, size))


def _width(text: str, size: float) -> float:
    return sum(_char_width(char, size) for char in text)


@dataclass(frozen=True)
class _Row:
    cells: tuple[tuple[str, ...], ...]  # each cell's lines
    size: float
    leading: float
    centred: frozenset[int]  # columns set centred (the others left)

    height: float = field(init=False)

    def __post_init__(self) -> None:
        height = max(len(lines) for lines in self.cells) * self.leading + PAD_TOP + PAD_BOTTOM
        object.__setattr__(self, "height", height)


def _lines(text: str, width: float, size: float) -> tuple[str, ...]:
    text = printable(text)
    room = width - 2 * PAD_X
    if "\n" not in text and _width(text, size) <= room:
        return (text,) if text else ()
    first, dash, last = text.partition("-")
    if dash and first.isdigit() and last.isdigit() and _width(first + dash, size) <= room:
        return (first + dash, last)  # a page range (页号 of the last document) breaks after its dash
    return tuple(break_lines(text, room, size).split("\n"))


def _row(texts: Sequence[str], size: float, leading: float, centred: frozenset[int]) -> _Row:
    cells = tuple(_lines(text, width, size) for text, width in zip(texts, WIDTHS, strict=True))
    return _Row(cells, size, leading, centred)


def _fit(row: _Row, height: float) -> _Row:
    """A row cut to ``height`` (only a row taller than a whole page: a title of thousands of characters)."""
    keep = max(1, int((height - PAD_TOP - PAD_BOTTOM) // row.leading))
    cells = tuple(
        lines if len(lines) <= keep else (*lines[: keep - 1], lines[keep - 1] + "…") for lines in row.cells
    )
    return _Row(cells, row.size, row.leading, row.centred)


class _Sheet:
    """The pages being drawn: rows go under each other, a new page (with the header row) when full."""

    def __init__(self, canvas: Canvas, header: _Row) -> None:
        self._canvas = canvas
        self._header = header
        self._text: PDFTextObject | None = None
        self._top = 0.0
        self._ys: list[float] = []

    def start(self, top: float) -> None:
        self._text = self._canvas.beginText()
        self._top = top
        self._ys = [top]
        self._canvas.setFillColor(HEADER_FILL)
        self._canvas.rect(MARGIN_LEFT, top - self._header.height, CONTENT_WIDTH, self._header.height, 0, 1)
        self._draw(self._header)

    def add(self, row: _Row) -> None:
        room = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM - self._header.height  # on a page of its own
        if row.height > room:
            row = _fit(row, room)
        if self._ys[-1] - row.height < MARGIN_BOTTOM:
            self.finish()
            self._canvas.showPage()
            self.start(PAGE_HEIGHT - MARGIN_TOP)
        self._draw(row)

    def _draw(self, row: _Row) -> None:
        assert self._text is not None
        text = self._text
        top = self._ys[-1]
        size, leading, height, centred = row.size, row.leading, row.height, row.centred
        text.setFont(FONT_NAME, size)
        left = MARGIN_LEFT
        for column, (lines, width) in enumerate(zip(row.cells, WIDTHS, strict=True)):
            block_top = top - (height - len(lines) * leading) / 2
            for number, line in enumerate(lines):
                baseline = block_top - (number + 0.5) * leading - _MIDDLE * size
                indent = (width - _width(line, size)) / 2 if column in centred else PAD_X
                text.setTextOrigin(left + indent, baseline)
                text.textOut(line)
            left += width
        self._ys.append(top - height)

    def finish(self) -> None:
        if self._text is None:
            return
        canvas = self._canvas
        canvas.setFillColor(INK)
        canvas.drawText(self._text)
        canvas.setStrokeColor(GRID)
        canvas.setLineWidth(0.5)
        xs = [MARGIN_LEFT]
        for width in WIDTHS:
            xs.append(xs[-1] + width)
        canvas.grid(xs, self._ys)
        self._text = None


def _page_column(record: ItemRecord, last: bool) -> str:
    if last and record.pages > 1:
        return f"{record.start_page}-{record.start_page + record.pages - 1}"
    return str(record.start_page)


def file_list_pdf(volume: VolumeMeta, records: Sequence[ItemRecord]) -> bytes:
    """卷内文件目录: one row per document; 页号 is its first page (the last row: first–last)."""
    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(
        buffer,
        pagesize=PAGE_SIZE,
        invariant=1,
        pageCompression=1,
        initialFontName=FONT_NAME,
        lang=LANGUAGE,
    )
    created = pdf_date(volume.built_at)
    canvas.setDateFormatter(lambda *_ymdhms: created)
    canvas.setTitle(f"{LIST_TITLE} {volume.archive_no}")
    canvas.setAuthor(volume.fonds_name)
    canvas.setSubject(LIST_TITLE)
    canvas.setKeywords(volume.archive_no)
    canvas.setCreator(CREATOR)
    top = PAGE_HEIGHT - MARGIN_TOP
    canvas.setFillColor(INK)
    canvas.setFont(FONT_NAME, TITLE_SIZE)
    canvas.drawCentredString(PAGE_WIDTH / 2, top - 20, LIST_TITLE)
    canvas.setFillColor(MUTED)
    canvas.setFont(FONT_NAME, SUBTITLE_SIZE)
    canvas.drawCentredString(PAGE_WIDTH / 2, top - 40, printable(f"档号：{volume.archive_no}"))
    header = _row(LIST_HEADER, HEADER_SIZE, HEADER_LEADING, frozenset(range(len(LIST_HEADER))))
    sheet = _Sheet(canvas, header)
    sheet.start(top - 46 - 4 * mm)
    for index, r in enumerate(records):
        texts = (
            str(r.seq),
            r.doc_no,
            r.responsible,
            r.title,
            r.day.strftime("%Y%m%d"),
            _page_column(r, index == len(records) - 1),
            r.remark,
        )
        sheet.add(_row(texts, SIZE, LEADING, CENTRED))
    sheet.finish()
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
