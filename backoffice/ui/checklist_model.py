"""The document checklist of one case as a table model (one row per checklist item)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from backoffice.services.cases import AttachmentRef
from backoffice.services.checklists import ItemView
from backoffice.ui.formatting import local_time

Index = QModelIndex | QPersistentModelIndex
ITEM_ROLE = Qt.ItemDataRole.UserRole


class ChecklistModel(QAbstractTableModel):
    TITLE, MANDATORY, RECEIVED, ORIGINAL, PAGES, FROM, ATTACHMENTS = range(7)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[ItemView] = []
        self._attachments: dict[int, list[AttachmentRef]] = {}
        self._headers = (
            self.tr("单证"),
            self.tr("必备"),
            self.tr("收到时间"),
            self.tr("原件/复印件"),
            self.tr("页数"),
            self.tr("提交人"),
            self.tr("附件"),
        )

    def set_checklist(self, items: tuple[ItemView, ...], attachments: tuple[AttachmentRef, ...]) -> None:
        by_item: dict[int, list[AttachmentRef]] = {}
        for ref in attachments:
            by_item.setdefault(ref.item_id, []).append(ref)
        self.beginResetModel()
        self._items = list(items)
        self._attachments = by_item
        self.endResetModel()

    def item(self, row: int) -> ItemView:
        return self._items[row]

    def attachments(self, row: int) -> list[AttachmentRef]:
        return list(self._attachments.get(self._items[row].id, []))

    def row_of(self, item_id: int) -> int:
        return next((row for row, item in enumerate(self._items) if item.id == item_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, index.column())
        if role == ITEM_ROLE:
            return item
        if role == Qt.ItemDataRole.ForegroundRole and item.mandatory and item.received_at is None:
            return QColor("#b00020")  # a mandatory document still missing
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.ORIGINAL and item.original_required:
            return self.tr("此项要求提供原件")
        return None

    def _display(self, item: ItemView, column: int) -> str | None:
        if column == self.TITLE:
            return item.title
        if column == self.MANDATORY:
            return self.tr("必备") if item.mandatory else self.tr("可选")
        if column == self.RECEIVED:
            return local_time(item.received_at) if item.received_at else self.tr("未收到")
        if column == self.ORIGINAL:
            if item.is_original is None:
                return self.tr("须原件") if item.original_required else ""
            return self.tr("原件") if item.is_original else self.tr("复印件")
        if column == self.PAGES:
            return "" if item.pages is None else str(item.pages)
        if column == self.FROM:
            return item.received_from
        if column == self.ATTACHMENTS:
            count = len(self._attachments.get(item.id, []))
            return str(count) if count else ""
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
            return self._headers[section]
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._items):
            return str(section + 1)
        return None
