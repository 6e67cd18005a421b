"""The filter bar of the case list: status, complexity, flag, line, warning, only mine, and a search box.

Every change emits ``changed`` with the new ``CaseFilter``; typing in the search box waits for a short
pause (debounce) so that a query does not run for every key.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QWidget

from backoffice.domain.case import COMPLEXITY_LABELS, STATUS_LABELS
from backoffice.domain.risk import FLAG_LABELS
from backoffice.services.cases import CaseFilter
from backoffice.services.policies import LINE_LABELS
from backoffice.ui.flag_badges import short_name
from backoffice.ui.labels import choices

SEARCH_DELAY_MS = 300


class CaseFilterBar(QWidget):
    changed = Signal(object)  # CaseFilter

    def __init__(self, username: str | None, parent: QWidget | None = None) -> None:
        """``username``: the user for 只看我的 (None hides the box: the user handles no cases)."""
        super().__init__(parent)
        self._username = username
        self.status = self._combo("filter-status", self.tr("全部状态"), choices(STATUS_LABELS))
        self.complexity = self._combo("filter-complexity", self.tr("全部分类"), choices(COMPLEXITY_LABELS))
        self.flag = self._combo(
            "filter-flag", self.tr("全部风险提示"), [(str(f), short_name(f)) for f in FLAG_LABELS]
        )
        self.line = self._combo("filter-line", self.tr("全部险类"), choices(LINE_LABELS))
        self.warning = self._combo(
            "filter-warning",
            self.tr("全部时效"),
            [("yellow", self.tr("黄色预警（临期）")), ("red", self.tr("红色预警（超期）"))],
        )
        self.warning.setToolTip(self.tr("红色：有环节已超时；黄色：有环节临近时限。"))
        self.only_mine = QCheckBox(self.tr("只看我的"), objectName="filter-mine")
        self.only_mine.setVisible(username is not None)
        self.only_mine.toggled.connect(self._emit)
        self.search = QLineEdit(objectName="filter-search")
        self.search.setPlaceholderText(self.tr("案件号、保单号、身份证号、手机号或姓名"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(200)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self._emit)
        self.search.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(self._emit_now)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        filters = (self.search, self.status, self.complexity, self.flag, self.line, self.warning)
        for widget in (*filters, self.only_mine):
            layout.addWidget(widget)
        layout.setStretch(0, 1)

    def _combo(self, name: str, everything: str, items: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox(objectName=name)
        combo.setMinimumWidth(70)  # whole labels when there is room; a narrow window may shorten them
        combo.addItem(everything, "")
        for code, text in items:
            combo.addItem(text, code)
        combo.currentIndexChanged.connect(self._emit)
        return combo

    def current(self) -> CaseFilter:
        status = str(self.status.currentData() or "")
        return CaseFilter(
            statuses=(status,) if status else (),
            handler=self._username if self._username and self.only_mine.isChecked() else None,
            complexity=str(self.complexity.currentData() or "") or None,
            flag=str(self.flag.currentData() or "") or None,
            line=str(self.line.currentData() or "") or None,
            search=self.search.text().strip(),
            warning=str(self.warning.currentData() or "") or None,
        )

    def _emit_now(self) -> None:
        self._debounce.stop()
        self._emit()

    def _emit(self) -> None:
        self._debounce.stop()
        self.changed.emit(self.current())
