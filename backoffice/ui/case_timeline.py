"""The 时间线 tab (the case's events) and the tabs whose content comes with later issues."""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QHeaderView, QVBoxLayout, QWidget

from backoffice.domain.case import COMPLEXITY_LABELS, STATUS_LABELS
from backoffice.services.cases import CaseDetail, EventView
from backoffice.ui.formatting import local_time
from backoffice.ui.labels import code_label
from backoffice.ui.simple_model import RowsModel
from backoffice.ui.widgets import rows_table

REGISTERED_DETAIL = re.compile(r"(?P<complexity>\w+); handler=(?P<handler>.*)")
EVENT_KINDS = {
    "reported": QT_TRANSLATE_NOOP("CaseEvents", "报案"),
    "registered": QT_TRANSLATE_NOOP("CaseEvents", "立案登记"),
    "status": QT_TRANSLATE_NOOP("CaseEvents", "状态变更"),
    "reassigned": QT_TRANSLATE_NOOP("CaseEvents", "改派经办人"),
}


def event_label(kind: str) -> str:
    text = EVENT_KINDS.get(kind)
    return QCoreApplication.translate("CaseEvents", text) if text else kind


class CaseTimelineTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = RowsModel(
            (self.tr("时间"), self.tr("事件"), self.tr("状态"), self.tr("说明"), self.tr("操作人")), self
        )
        self.table = rows_table(self.model, "timeline-table")
        for column, width in ((0, 125), (1, 90), (2, 170), (4, 120)):
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)

    def show_detail(self, detail: CaseDetail) -> None:
        self.model.set_rows([self._row(e) for e in detail.events], list(detail.events))

    def _row(self, event: EventView) -> tuple[str, ...]:
        status = code_label(STATUS_LABELS, event.to_status) if event.to_status else ""
        if event.from_status:
            status = f"{code_label(STATUS_LABELS, event.from_status)} → {status}"
        return (local_time(event.at), event_label(event.kind), status, self._detail(event), event.user)

    def _detail(self, event: EventView) -> str:
        """The registration event says "<complexity>; handler=<user>": shown in words."""
        found = REGISTERED_DETAIL.fullmatch(event.detail) if event.kind == "registered" else None
        if found is None:
            return event.detail
        return self.tr("分类：{complexity}；经办人：{handler}").format(
            complexity=code_label(COMPLEXITY_LABELS, found["complexity"]), handler=found["handler"]
        )
