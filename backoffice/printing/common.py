"""Plain data shared by the letters and sheets, and how dates and amounts are written on paper.

Everything a document prints is passed in already decided: personal data already masked (or not, when
the user was allowed to ask for it), labels already chosen. The printing package formats; it never looks
anything up.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Final

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Spacer

from backoffice.printing.document import beijing
from backoffice.printing.styles import PageHeader, para, styles

BLANK_DATE: Final = "______年____月____日"
BLANK_SIGNATURE: Final = "________________"


@dataclass(frozen=True)
class Letterhead:
    """The company as it appears at the top of every page."""

    company_name: str  # e.g. 某某财产保险股份有限公司
    branch_name: str = ""  # e.g. 江苏分公司
    hotline: str = ""  # e.g. 95500 (全国统一客服电话)
    website: str = ""

    @property
    def full_name(self) -> str:
        return f"{self.company_name}{self.branch_name}"

    def page_header(self, document_title: str, reference: str = "") -> PageHeader:
        return PageHeader(self.full_name, document_title, reference)


@dataclass(frozen=True)
class OfficeContact:
    """Where and how a customer reaches the claims office."""

    department: str  # e.g. 理赔服务中心
    address: str
    phone: str
    office_hours: str  # e.g. 周一至周五 9:00—17:00（法定节假日除外）
    postcode: str = ""
    handler_name: str = ""  # the member of staff handling the case
    handler_phone: str = ""


def cn_date(day: date) -> str:
    """``2026年3月2日``."""
    return f"{day.year}年{day.month}月{day.day}日"


def cn_datetime(moment: datetime) -> str:
    """``2026年3月2日 09:30`` in Beijing time (a naive value is Beijing time already)."""
    local = beijing(moment)
    return f"{cn_date(local.date())} {local:%H:%M}"


def optional_date(day: date | None) -> str:
    """The date, or a blank line to fill in by hand."""
    return cn_date(day) if day is not None else BLANK_DATE


def figures(amount: Decimal) -> str:
    """An amount (a whole number of fen) in figures with thousands separators: ``12,345.67``."""
    return f"{amount:,.2f}"


def letter_top(letterhead: Letterhead, title: str, subtitle: str = "") -> list[Flowable]:
    """Company name, the document title and an optional line under it."""
    s = styles()
    story: list[Flowable] = [para(letterhead.full_name, s.company), para(title, s.title)]
    if subtitle:
        story.append(para(subtitle, s.subtitle))
    story.append(Spacer(1, 3 * mm))
    return story


def caption(title: str, keep: float = 25 * mm) -> list[Flowable]:
    """A caption above a table, starting a new page when less than ``keep`` is left."""
    return [CondPageBreak(keep), para(title, styles().label)]


def section(title: str, keep: float = 35 * mm) -> list[Flowable]:
    """A section heading, starting a new page when less than ``keep`` is left (no orphan headings)."""
    return [CondPageBreak(keep), para(title, styles().heading)]
