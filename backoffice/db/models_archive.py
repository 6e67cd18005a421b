"""Archive volumes (一案一卷) and their retrieval log (调阅) (issue 7).

A volume row is never changed once sealed, except to mark it superseded when the case's volume is issued
again: the old file's digest stays on record next to the new version's.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from backoffice.db.base import Base


class ArchiveVolume(Base):
    __tablename__ = "archive_volumes"
    __table_args__ = (
        UniqueConstraint("archive_no", "version", name="uq_archive_volumes_no_version"),
        Index("ix_archive_volumes_series_item", "series", "item_no"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    archive_no: Mapped[str] = mapped_column(String(80))  # 档号
    series: Mapped[str] = mapped_column(String(120))  # what the item number counts within
    item_no: Mapped[int]  # 件号
    version: Mapped[int]  # 1, then 2, 3 … for each re-issue
    year: Mapped[int]  # 年度: the closing year
    retention: Mapped[str] = mapped_column(String(4))  # Y | D30 | D10
    file_path: Mapped[str] = mapped_column(String(255))  # relative to the archive directory
    size: Mapped[int] = mapped_column(BigInteger)
    pages: Mapped[int]
    volume_digest: Mapped[str] = mapped_column(String(64))  # SHA-256 of the whole file
    content_digest: Mapped[str] = mapped_column(String(64))  # the manifest's digest over every page
    manifest: Mapped[str] = mapped_column(Text)  # the embedded manifest.json, as sealed
    built_at: Mapped[datetime]
    built_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    unmasked: Mapped[bool] = mapped_column(default=False)
    reason: Mapped[str] = mapped_column(Text, default="")  # why an unmasked volume was made
    status: Mapped[str] = mapped_column(String(12), default="active")  # active | superseded
    superseded_at: Mapped[datetime | None]


class ArchiveRetrieval(Base):
    """调阅: who took out which case's volume, when and why (and whether the case was reopened)."""

    __tablename__ = "archive_retrievals"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    volume_id: Mapped[int | None] = mapped_column(ForeignKey("archive_volumes.id"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime]
    reason: Mapped[str] = mapped_column(Text)
    reopened: Mapped[bool] = mapped_column(default=False)
