"""From a story of flowables to PDF bytes: one A4 page template, header and footer, deterministic output.

The same story and metadata always give the same bytes, so an archive can re-build a document and
compare digests:

- ReportLab's invariant mode (no wall-clock time, no object addresses in the file);
- the creation and modification dates are the ``created_at`` passed in (shown in Beijing time);
- the document ID is derived from ``fingerprint`` (the caller passes a digest of the data it printed).

The page count in the footer (第 N 页 共 M 页) needs the total before a page is written: the canvas keeps
every page until ``save`` and then draws the header and footer on each.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from functools import partial
from typing import Any, Final

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from backoffice.printing.fonts import FONT_NAME, register_fonts
from backoffice.printing.styles import (
    BODY_SIZE,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    PAGE_SIZE,
    PageHeader,
    draw_page_frame,
)

#: Business time: China has kept UTC+8 without daylight saving since 1991 (no tz database needed).
BEIJING: Final = timezone(timedelta(hours=8), "CST")
CREATOR: Final = "backoffice"
LANGUAGE: Final = "zh-CN"


@dataclass(frozen=True)
class PdfMeta:
    """Document information of one PDF."""

    title: str
    author: str  # the company
    subject: str
    created_at: datetime  # aware, or naive meaning Beijing time
    fingerprint: str  # identifies the content; the document ID is derived from it
    keywords: str = ""


def beijing(moment: datetime) -> datetime:
    """``moment`` in Beijing time; a naive value is taken to be Beijing time already."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=BEIJING)
    return moment.astimezone(BEIJING)


def pdf_date(moment: datetime) -> str:
    """A PDF date string, e.g. ``D:20260302093000+08'00'``."""
    local = beijing(moment)
    return local.strftime("D:%Y%m%d%H%M%S+08'00'")


def fingerprint(kind: str, data: object) -> str:
    """A stable digest of a document's data (frozen dataclasses of text, numbers and dates)."""
    return hashlib.sha256(f"{kind}\n{data!r}".encode()).hexdigest()


class _PagedCanvas(Canvas):
    """Holds the pages back until ``save`` to draw 第 N 页 共 M 页 with the total known."""

    def __init__(self, filename: Any, *, header: PageHeader | None, meta: PdfMeta, **kwargs: Any) -> None:
        super().__init__(filename, **kwargs)
        self._held_pages: list[dict[str, Any]] = []
        self._page_header = header
        created = pdf_date(meta.created_at)
        self.setDateFormatter(lambda *_ymdhms: created)
        # The ID is an MD5 digest of the signature; seed it with the content's fingerprint.
        self._doc.signature = hashlib.md5(meta.fingerprint.encode(), usedforsecurity=False)

    def showPage(self) -> None:
        self._held_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._held_pages)
        for number, state in enumerate(self._held_pages, start=1):
            self.__dict__.update(state)
            if self._page_header is not None:
                draw_page_frame(self, number, total, self._page_header)
            Canvas.showPage(self)
        Canvas.save(self)


def build_pdf(story: Sequence[Flowable], meta: PdfMeta, header: PageHeader | None) -> bytes:
    """Lay out ``story`` on A4 pages with our header and footer; return the PDF bytes.

    ``header=None`` leaves every page without header and footer (an archive cover or file list, whose
    pages are not numbered).
    """
    register_fonts()
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=PAGE_SIZE,
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=meta.title,
        author=meta.author,
        subject=meta.subject,
        keywords=meta.keywords,
        creator=CREATOR,
        invariant=1,
        pageCompression=1,
        initialFontName=FONT_NAME,
        initialFontSize=BODY_SIZE,
        lang=LANGUAGE,
    )
    frame = Frame(
        doc.leftMargin,
        doc.bottomMargin,
        doc.width,
        doc.height,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], pagesize=PAGE_SIZE)])
    doc.build(list(story), canvasmaker=partial(_PagedCanvas, header=header, meta=meta))
    return buffer.getvalue()
