"""How the office numbers, orders and keeps its archive volumes: defaults, or ``archive.json``.

``archive.json`` in the data directory may set ``pattern``, ``category_code``, ``category_name``,
``order`` (document kinds, see domain.archive.DocumentKind) and ``retention`` (``default``, ``injury``,
``litigation``: Y, D30 or D10). 全宗号 and 机构代码 come from the office details (office.json). A broken
file is an error the archivist is told about, never silently ignored.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from backoffice.domain.archive import (
    DEFAULT_ORDER,
    DEFAULT_PATTERN,
    ArchiveScheme,
    DocumentKind,
    Retention,
    parse_order,
)
from backoffice.domain.errors import ValidationError
from backoffice.services.office import office_info
from backoffice.settings import Settings

ARCHIVE_FILE = "archive.json"
CHECKER = "DA/T 70 四性检测（系统自动）"


@dataclass(frozen=True)
class ArchiveConfig:
    scheme: ArchiveScheme
    order: tuple[DocumentKind, ...] = DEFAULT_ORDER
    retention_default: Retention = Retention.D10
    retention_injury: Retention = Retention.D30  # death, disability or injury
    retention_litigation: Retention = Retention.D30


def _retention(value: object, default: Retention) -> Retention:
    if value is None:
        return default
    try:
        return Retention(str(value))
    except ValueError:
        raise ValidationError(
            "retention", "保管期限“{value}”无效：只能是 Y、D30 或 D10。", value=value
        ) from None


def archive_config(settings: Settings) -> ArchiveConfig:
    office = office_info(settings)
    path = settings.data_dir / ARCHIVE_FILE
    raw: dict[str, object] = {}
    if path.exists():
        try:
            loaded = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            raise ValidationError(
                "archive.json", "归档设置文件 archive.json 无法读取：请改正或删除它。"
            ) from None
        if not isinstance(loaded, dict):
            raise ValidationError("archive.json", "归档设置文件 archive.json 无法读取：请改正或删除它。")
        raw = loaded
    scheme = ArchiveScheme(
        fonds_code=office.fonds_code,
        org_code=office.org_code,
        category_code=str(raw.get("category_code", "LP")),
        category_name=str(raw.get("category_name", "理赔业务档案")),
        pattern=str(raw.get("pattern", DEFAULT_PATTERN)),
    )
    order = raw.get("order")
    retention = raw.get("retention") if isinstance(raw.get("retention"), dict) else {}
    assert isinstance(retention, dict)
    return ArchiveConfig(
        scheme=scheme,
        order=parse_order(order) if isinstance(order, list) else DEFAULT_ORDER,
        retention_default=_retention(retention.get("default"), Retention.D10),
        retention_injury=_retention(retention.get("injury"), Retention.D30),
        retention_litigation=_retention(retention.get("litigation"), Retention.D30),
    )
