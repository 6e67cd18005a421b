"""Paragraph styles and the page layout shared by every document: A4, margins, header and footer.

Every style names the bundled font (body text and bullets alike) and wraps Chinese text per character
(``wordWrap="CJK"``), so a line breaks between any two Chinese characters instead of overflowing.
Text from data goes through :func:`para`, which escapes it for ReportLab's paragraph markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any, Final
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from backoffice.printing.fonts import FONT_NAME, printable, register_fonts
from backoffice.printing.wrap import break_lines

PAGE_SIZE: Final = A4
PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_LEFT: Final = 20 * mm
MARGIN_RIGHT: Final = 20 * mm
MARGIN_TOP: Final = 27 * mm  # leaves room for the header
MARGIN_BOTTOM: Final = 22 * mm  # leaves room for the footer
CONTENT_WIDTH: Final = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
HEADER_BASELINE: Final = PAGE_HEIGHT - 15 * mm
HEADER_RULE: Final = PAGE_HEIGHT - 17.5 * mm
FOOTER_BASELINE: Final = 12 * mm

BODY_SIZE: Final = 10.5  # 五号
INK: Final = colors.HexColor("#1A1A1A")
MUTED: Final = colors.HexColor("#555555")
RULE: Final = colors.HexColor("#888888")
GRID: Final = colors.HexColor("#9A9A9A")
HEADER_FILL: Final = colors.HexColor("#E8ECF2")
LABEL_FILL: Final = colors.HexColor("#F3F5F8")
WARNING_FILL: Final = colors.HexColor("#FFF3CD")
WARNING_EDGE: Final = colors.HexColor("#D39E00")
WARNING_INK: Final = colors.HexColor("#7A4B00")


@dataclass(frozen=True)
class Styles:
    """The paragraph styles of our documents."""

    company: ParagraphStyle  # company name at the top of a letter
    title: ParagraphStyle  # document title, e.g. 一次性告知书
    subtitle: ParagraphStyle  # notice number and date under the title
    heading: ParagraphStyle  # section heading
    label: ParagraphStyle  # a caption above a table
    narrative: ParagraphStyle  # free text under a table (an incident narrative)
    body: ParagraphStyle
    body_indent: ParagraphStyle  # body with a two-character first-line indent (letters)
    small: ParagraphStyle
    right: ParagraphStyle  # signature block, dates
    big_number: ParagraphStyle  # the case number on the acknowledgement
    cell: ParagraphStyle
    cell_center: ParagraphStyle
    cell_right: ParagraphStyle
    cell_header: ParagraphStyle
    warning: ParagraphStyle


def _style(name: str, **overrides: Any) -> ParagraphStyle:
    base: dict[str, Any] = {
        "fontName": FONT_NAME,
        "bulletFontName": FONT_NAME,
        "fontSize": BODY_SIZE,
        "leading": BODY_SIZE * 1.6,
        "textColor": INK,
        "wordWrap": "CJK",
        "alignment": TA_LEFT,
    }
    base.update(overrides)
    return ParagraphStyle(name, **base)


@cache
def styles() -> Styles:
    """The shared styles (the font is registered on first use)."""
    register_fonts()
    cell: dict[str, Any] = {"fontSize": 9.5, "leading": 13.5}
    return Styles(
        company=_style("company", fontSize=14, leading=20, alignment=TA_CENTER),
        title=_style("title", fontSize=19, leading=26, alignment=TA_CENTER, spaceBefore=2, spaceAfter=2),
        subtitle=_style("subtitle", fontSize=9.5, leading=14, alignment=TA_CENTER, textColor=MUTED),
        heading=_style("heading", fontSize=12.5, leading=18, spaceBefore=8, spaceAfter=3),
        label=_style("label", spaceBefore=4, spaceAfter=2),
        narrative=_style("narrative", fontSize=9.5, leading=14, spaceBefore=3, leftIndent=4, rightIndent=4),
        body=_style("body", spaceAfter=3),
        body_indent=_style("body_indent", firstLineIndent=2 * BODY_SIZE, spaceAfter=3),
        small=_style("small", fontSize=9, leading=13, textColor=MUTED),
        right=_style("right", alignment=TA_RIGHT),
        big_number=_style("big_number", fontSize=21, leading=27, alignment=TA_CENTER),
        cell=_style("cell", **cell),
        cell_center=_style("cell_center", alignment=TA_CENTER, **cell),
        cell_right=_style("cell_right", alignment=TA_RIGHT, **cell),
        cell_header=_style("cell_header", alignment=TA_CENTER, **cell),
        warning=_style("warning", fontSize=9.5, leading=14, textColor=WARNING_INK),
    )


def markup(text: str) -> str:
    """Plain text as paragraph markup: escaped, symbols the font lacks replaced, newlines kept."""
    return escape(printable(text)).replace("\n", "<br/>")


def para(text: str, style: ParagraphStyle, width: float | None = None) -> Paragraph:
    """A paragraph of plain text (never interpreted as markup).

    Given the ``width`` it will be set in, the text is broken into lines here (numbers and Latin words
    kept whole, see :mod:`backoffice.printing.wrap`); otherwise ReportLab's CJK wrapping breaks it.
    """
    if width is not None:
        inner = width - style.leftIndent - style.rightIndent
        text = break_lines(text, inner, style.fontSize, first_width=inner - style.firstLineIndent)
    return Paragraph(markup(text), style)


@dataclass(frozen=True)
class PageHeader:
    """What the header and footer of every page show."""

    company_name: str
    document_title: str
    reference: str = ""  # e.g. the case number, shown beside the title


def _fit(text: str, size: float, width: float) -> str:
    """``text`` shortened with an ellipsis until it fits ``width`` at ``size``."""
    if stringWidth(text, FONT_NAME, size) <= width:
        return text
    while text and stringWidth(text + "…", FONT_NAME, size) > width:
        text = text[:-1]
    return text + "…"


def draw_page_frame(canvas: Canvas, page: int, pages: int, header: PageHeader) -> None:
    """Header (company name left; title and reference right; a rule) and footer (第 N 页 共 M 页)."""
    canvas.saveState()
    right_text = printable(" ".join(part for part in (header.document_title, header.reference) if part))
    right_width = min(stringWidth(right_text, FONT_NAME, 9), CONTENT_WIDTH * 0.55)
    right_text = _fit(right_text, 9, right_width)
    left_text = _fit(printable(header.company_name), 10, CONTENT_WIDTH - right_width - 6 * mm)
    canvas.setFillColor(INK)
    canvas.setFont(FONT_NAME, 10)
    canvas.drawString(MARGIN_LEFT, HEADER_BASELINE, left_text)
    canvas.setFillColor(MUTED)
    canvas.setFont(FONT_NAME, 9)
    canvas.drawRightString(PAGE_WIDTH - MARGIN_RIGHT, HEADER_BASELINE, right_text)
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.6)
    canvas.line(MARGIN_LEFT, HEADER_RULE, PAGE_WIDTH - MARGIN_RIGHT, HEADER_RULE)
    canvas.setFillColor(MUTED)
    canvas.setFont(FONT_NAME, 9)
    canvas.drawCentredString(PAGE_WIDTH / 2, FOOTER_BASELINE, f"第 {page} 页 共 {pages} 页")
    canvas.restoreState()
