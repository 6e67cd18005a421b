"""Labels shared by the archive screens: a volume's register status and its retention period."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "Archive"
VOLUME_STATUS = {
    "active": QT_TRANSLATE_NOOP("Archive", "有效"),
    "superseded": QT_TRANSLATE_NOOP("Archive", "已被新版本取代"),
}
RETENTION = {  # DA/T 22-2015 codes, as in domain.archive.RETENTION_LABELS
    "Y": QT_TRANSLATE_NOOP("Archive", "永久"),
    "D30": QT_TRANSLATE_NOOP("Archive", "30年"),
    "D10": QT_TRANSLATE_NOOP("Archive", "10年"),
}


def _label(labels: dict[str, str], code: str | None) -> str:
    text = labels.get(code or "")
    return QCoreApplication.translate(CONTEXT, text) if text else (code or "")


def volume_status(code: str | None) -> str:
    return _label(VOLUME_STATUS, code)


def retention_label(code: str | None) -> str:
    return _label(RETENTION, code)


def short_digest(digest: str) -> str:
    return f"{digest[:16]}…" if len(digest) > 16 else digest
