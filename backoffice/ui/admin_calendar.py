"""The 工作日历 tab: the administrator's overrides of the working-day calendar, year by year.

Statutory holidays and make-up workdays (调休) come from ``chinesecalendar``; an override makes one day a
working day or a day off (a local arrangement, or a year the package does not know yet). A year the
package does not know is flagged in red until every holiday of it has been entered and the year marked
complete. After each change the open deadlines are recomputed on the worker (``recompute_open``).
"""

from __future__ import annotations

from datetime import date
from functools import partial

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from backoffice.security.roles import Permission
from backoffice.services import sla_config
from backoffice.services.admin_views import calendar_overview
from backoffice.services.context import UserSession
from backoffice.services.sla_config import CalendarDay, CalendarInfo
from backoffice.ui.admin_recompute import OK_STYLE, RecomputingTab
from backoffice.ui.simple_model import RowsModel
from backoffice.ui.widgets import ERROR_STYLE, rows_table

NOTE_STYLE = "color: #555;"
FIRST_YEAR, LAST_YEAR = 2000, 2200  # as sla_config.set_year_complete accepts


class CalendarTab(RecomputingTab):
    def __init__(self, us: UserSession, parent: QWidget | None = None) -> None:
        super().__init__(
            us,
            parent,
            change_failed=self.tr("修改工作日历时程序出错，请查看日志。"),
            load_failed=self.tr("读取工作日历时程序出错，请查看日志。"),
        )
        self.info: CalendarInfo | None = None
        self.may_edit = us.actor.role_for(Permission.MANAGE_CALENDAR) is not None
        today = us.bo.now().astimezone(sla_config.SHANGHAI).date()

        self.year_spin = QSpinBox(objectName="calendar-year")
        self.year_spin.setRange(FIRST_YEAR, LAST_YEAR)
        self.year_spin.setValue(today.year)
        self.year_spin.valueChanged.connect(self._year_changed)
        self.coverage = QLabel(objectName="calendar-coverage")
        self.coverage.setWordWrap(True)
        self.complete_button = QPushButton(objectName="calendar-complete")
        self.complete_button.clicked.connect(self.toggle_complete)

        self.model = RowsModel((self.tr("日期"), self.tr("星期"), self.tr("安排"), self.tr("说明")), self)
        self.table = rows_table(self.model, "calendar-overrides")
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._picked())

        self.day_edit = QDateEdit(objectName="calendar-day")
        self.day_edit.setDisplayFormat("yyyy-MM-dd")
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDate(QDate(today.year, today.month, today.day))
        self.kind_combo = QComboBox(objectName="calendar-kind")
        self.kind_combo.addItem(self.tr("休息日（放假）"), False)
        self.kind_combo.addItem(self.tr("工作日（调休上班）"), True)
        self.note_edit = QLineEdit(objectName="calendar-note")
        self.note_edit.setMaxLength(200)
        self.note_edit.setPlaceholderText(self.tr("依据，例如：国务院办公厅放假通知，或本地安排"))
        self.note_edit.textChanged.connect(lambda _t: self._update_buttons())
        self.add_button = QPushButton(self.tr("添加或修改"), objectName="calendar-add")
        self.add_button.clicked.connect(self.add_override)
        self.remove_button = QPushButton(self.tr("删除所选"), objectName="calendar-remove")
        self.remove_button.clicked.connect(self.remove_override)
        self.message = QLabel(objectName="calendar-message")
        self.message.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("年份")))
        top.addWidget(self.year_spin)
        top.addStretch(1)
        top.addWidget(self.complete_button)
        form = QHBoxLayout()
        form.addWidget(QLabel(self.tr("日期")))
        form.addWidget(self.day_edit)
        form.addWidget(self.kind_combo)
        form.addWidget(self.note_edit, 1)
        form.addWidget(self.add_button)
        form.addWidget(self.remove_button)
        explain = QLabel(
            self.tr("调整优先于 chinesecalendar 的节假日安排。修改后，所有未结束案件的期限会立即重新计算。")
        )
        explain.setWordWrap(True)
        explain.setStyleSheet(NOTE_STYLE)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.coverage)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addWidget(explain)
        layout.addWidget(self.message)
        self._update_buttons()

    # --- showing ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        self._tasks.run(partial(calendar_overview, self._us), self._show, self._load_failed)

    def _show(self, info: CalendarInfo) -> None:
        self.info = info
        self._show_year()

    def _year_changed(self, year: int) -> None:
        if self.day_edit.date().year() != year:
            self.day_edit.setDate(QDate(year, 1, 1))
        self._show_year()

    def year(self) -> int:
        return self.year_spin.value()

    def year_days(self) -> list[CalendarDay]:
        year = self.year()
        return [d for d in self.info.overrides if d.day.year == year] if self.info else []

    def _show_year(self) -> None:
        days = self.year_days()
        self.model.set_rows([self._row(d) for d in days], days)
        self.table.resizeColumnsToContents()
        self._show_coverage()
        self._update_buttons()

    def _row(self, day: CalendarDay) -> tuple[str, ...]:
        weekday = (
            self.tr("周一"),
            self.tr("周二"),
            self.tr("周三"),
            self.tr("周四"),
            self.tr("周五"),
            self.tr("周六"),
            self.tr("周日"),
        )[day.day.weekday()]
        kind = self.tr("工作日（调休上班）") if day.is_working_day else self.tr("休息日（放假）")
        return (day.day.isoformat(), weekday, kind, day.note)

    def in_package(self, year: int) -> bool:
        return self.info is not None and self.info.package_years[0] <= year <= self.info.package_years[1]

    def is_complete(self, year: int) -> bool:
        return self.info is not None and year in self.info.complete_years

    def _show_coverage(self) -> None:
        if self.info is None:
            return
        year = self.year()
        first, last = self.info.package_years
        if self.in_package(year):
            text = self.tr(
                "{year} 年的法定节假日和调休上班日来自 chinesecalendar（收录 {first}–{last} 年）；"
                "下列调整优先。"
            )
            style = NOTE_STYLE
        elif self.is_complete(year):
            text = self.tr(
                "chinesecalendar 没有 {year} 年的安排（收录 {first}–{last} 年）；管理员已标记本年节假日"
                "全部录入：按下列调整和周一至周五计算。"
            )
            style = OK_STYLE
        else:
            text = self.tr(
                "注意：chinesecalendar 没有 {year} 年的节假日安排（收录 {first}–{last} 年），本年也未标记为"
                "已完整录入。落在该年的期限暂按周一至周五推算，并带有“工作日历未包含”的提示。请按国务院"
                "办公厅的放假通知逐日录入放假和调休上班日，然后点击“标记本年已完整录入”。"
            )
            style = ERROR_STYLE + " font-weight: bold;"
        self.coverage.setText(text.format(year=year, first=first, last=last))
        self.coverage.setStyleSheet(style)

    def _picked(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            day = self.model.payload(rows[0].row())
            assert isinstance(day, CalendarDay)
            self.day_edit.setDate(QDate(day.day.year, day.day.month, day.day.day))
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(day.is_working_day))
            self.note_edit.setText(day.note)
        self._update_buttons()

    def selected_day(self) -> CalendarDay | None:
        rows = self.table.selectionModel().selectedRows()
        payload = self.model.payload(rows[0].row()) if rows else None
        return payload if isinstance(payload, CalendarDay) else None

    def _update_buttons(self) -> None:
        ready = self.may_edit and not self._tasks.busy and self.info is not None
        self.add_button.setEnabled(ready and bool(self.note_edit.text().strip()))
        self.remove_button.setEnabled(ready and self.selected_day() is not None)
        year = self.year()
        complete = self.is_complete(year)
        self.complete_button.setText(
            self.tr("撤销“已完整录入”标记") if complete else self.tr("标记本年已完整录入")
        )
        self.complete_button.setEnabled(ready and (complete or not self.in_package(year)))
        self.year_spin.setEnabled(not self._tasks.busy)

    # --- changing --------------------------------------------------------------------------------
    def add_override(self) -> None:
        if self._tasks.busy:
            return
        qdate = self.day_edit.date()
        day = date(qdate.year(), qdate.month(), qdate.day())
        working = bool(self.kind_combo.currentData())
        note = self.note_edit.text().strip()
        change = partial(sla_config.set_calendar_day, self._us, day, working=working, note=note)
        self._run_change(change, self.tr("已保存 {day} 的调整").format(day=day.isoformat()))

    def remove_override(self) -> None:
        selected = self.selected_day()
        if selected is None or self._tasks.busy:
            return
        change = partial(sla_config.clear_calendar_day, self._us, selected.day)
        self._run_change(change, self.tr("已删除 {day} 的调整").format(day=selected.day.isoformat()))

    def toggle_complete(self) -> None:
        if self._tasks.busy:
            return
        year = self.year()
        complete = not self.is_complete(year)
        change = partial(sla_config.set_year_complete, self._us, year, complete)
        done = (
            self.tr("已标记 {year} 年节假日全部录入").format(year=year)
            if complete
            else self.tr("已撤销 {year} 年的“已完整录入”标记").format(year=year)
        )
        self._run_change(change, done)

    def _changed(self, done: str, moved: int) -> None:
        self.note_edit.clear()
        super()._changed(done, moved)
