"""How times, dates and amounts look on screen, and conversion between Qt and aware datetimes.

Timestamps are stored UTC-aware; the office works in Asia/Shanghai, so that is what screens show and
what date-time editors mean.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QDateTime, QTime

SHANGHAI = ZoneInfo("Asia/Shanghai")
TIME_FORMAT = "yyyy-MM-dd HH:mm"


def local_time(moment: datetime | None) -> str:
    """``2026-03-02 09:30`` in Shanghai time; empty for None."""
    if moment is None:
        return ""
    return moment.astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M")


def local_date(moment: datetime | date | None) -> str:
    if moment is None:
        return ""
    if isinstance(moment, datetime):
        moment = moment.astimezone(SHANGHAI).date()
    return moment.isoformat()


def money(amount: Decimal | None) -> str:
    """``12,345.60``; empty for None."""
    return "" if amount is None else f"{amount:,.2f}"


def file_size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / 1048576:.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size} B"


def to_qdatetime(moment: datetime) -> QDateTime:
    """The Shanghai wall-clock time of ``moment`` as a QDateTime (what the editors show)."""
    local = moment.astimezone(SHANGHAI)
    return QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))


def from_qdatetime(value: QDateTime) -> datetime:
    """An editor's wall-clock value, read as Shanghai time, as an aware datetime."""
    d, t = value.date(), value.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=SHANGHAI)
