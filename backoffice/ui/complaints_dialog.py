"""The complaints (投诉) of one case: the list, a new complaint, the contact with the complainant (within 1
working day) and the resolution. Every step is a contact-log entry written by ``customer_service``;
``changed`` tells the case to read itself again. The dialog stays open for the next step."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QItemSelection, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from backoffice.services.contact_log import CHANNELS, MAX_SUMMARY
from backoffice.services.context import UserSession
from backoffice.services.customer_service import (
    COMPLAINT_CATEGORIES,
    COMPLAINT_COMPLEXITY,
    ComplaintView,
    complaint_contacted,
    complaints,
    register_complaint,
    resolve_complaint,
)
from backoffice.ui.errors import message_for
from backoffice.ui.formatting import from_qdatetime, local_time, to_qdatetime
from backoffice.ui.labels import choices, code_label
from backoffice.ui.note_dialog import NoteDialog
from backoffice.ui.simple_model import RowsModel
from backoffice.ui.tasks import Tasks
from backoffice.ui.widgets import DateTimeEdit, error_label, rows_table


class ComplaintsDialog(QDialog):
    changed = Signal()
    loaded = Signal()

    def __init__(self, us: UserSession, case_no: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("complaints-dialog")
        self.setWindowTitle(self.tr("投诉 {case_no}").format(case_no=case_no))
        self._us, self.case_no = us, case_no
        self._tasks = Tasks(self)
        self._tasks.busy_changed.connect(self._update)
        self.model = RowsModel(
            (
                self.tr("收到时间"),
                self.tr("类别"),
                self.tr("分类"),
                self.tr("内容摘要"),
                self.tr("已联系"),
                self.tr("已办结"),
                self.tr("处理结果"),
            ),
            self,
        )
        self.table = rows_table(self.model, "complaints-table")
        for column, width in ((0, 120), (1, 80), (2, 70), (4, 120), (5, 120)):
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.contact_button = QPushButton(self.tr("记录联系…"), objectName="complaint-contact")
        self.contact_button.clicked.connect(partial(self.open_step, "contact"))
        self.resolve_button = QPushButton(self.tr("办结…"), objectName="complaint-resolve")
        self.resolve_button.clicked.connect(partial(self.open_step, "resolve"))
        self.message = error_label("complaints-message")
        self.result = QLabel(objectName="complaints-result")
        self.result.setStyleSheet("color: #1b5e20;")
        self.result.hide()

        self.received_at = DateTimeEdit(to_qdatetime(us.bo.now()))
        self.received_at.setObjectName("complaint-time")
        self.channel = self._combo("complaint-channel", choices(CHANNELS))
        self.category = self._combo("complaint-category", choices(COMPLAINT_CATEGORIES))
        self.complexity = self._combo("complaint-complexity", choices(COMPLAINT_COMPLEXITY))
        self.summary = QLineEdit(objectName="complaint-summary")
        self.summary.setMaxLength(MAX_SUMMARY)
        self.summary.setPlaceholderText(self.tr("客户投诉的内容，例如：定损后两周未收到赔款"))
        self.summary.textChanged.connect(self._update)
        self.register_button = QPushButton(self.tr("登记投诉"), objectName="complaint-register")
        self.register_button.clicked.connect(self.register)
        form = QFormLayout()
        form.addRow(self.tr("收到时间"), self.received_at)
        form.addRow(self.tr("渠道"), self.channel)
        form.addRow(self.tr("类别"), self.category)
        form.addRow(self.tr("分类"), self.complexity)
        form.addRow(self.tr("内容摘要"), self.summary)
        form.addRow("", self.register_button)
        new = QGroupBox(self.tr("登记新投诉（联系客户 1 个工作日内，办结按投诉分类计时）"))
        new.setLayout(form)
        steps = QHBoxLayout()
        steps.addWidget(self.result, 1)
        steps.addWidget(self.contact_button)
        steps.addWidget(self.resolve_button)
        close = QDialogButtonBox()
        self.close_button = QPushButton(self.tr("关闭"), objectName="complaints-close")
        self.close_button.clicked.connect(self.reject)
        close.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(steps)
        layout.addWidget(self.message)
        layout.addWidget(new)
        layout.addWidget(close)
        self.resize(760, 520)
        self._update()
        self.reload()

    def _combo(self, name: str, items: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox(objectName=name)
        for code, text in items:
            combo.addItem(text, code)
        return combo

    # --- the list --------------------------------------------------------------------------------
    def reload(self) -> None:
        self._tasks.run(partial(complaints, self._us, self.case_no), self._show, self._failed)

    def _show(self, items: list[ComplaintView]) -> None:
        keep = self.selected()
        self.model.set_rows([self._row(c) for c in items], items)
        for row, item in enumerate(items):
            if keep is not None and item.id == keep.id:
                self.table.selectRow(row)
        self._update()
        self.loaded.emit()

    def _row(self, c: ComplaintView) -> tuple[str, ...]:
        return (
            local_time(c.received_at),
            code_label(COMPLAINT_CATEGORIES, c.category),
            code_label(COMPLAINT_COMPLEXITY, c.complexity),
            c.summary,
            local_time(c.contacted_at),
            local_time(c.resolved_at),
            c.resolution,
        )

    def selected(self) -> ComplaintView | None:
        rows = self.table.selectionModel().selectedRows()
        payload = self.model.payload(rows[0].row()) if rows else None
        return payload if isinstance(payload, ComplaintView) else None

    def _selected(self, _new: QItemSelection, _old: QItemSelection) -> None:
        self._update()

    def _update(self, *_args: object) -> None:
        idle, item = not self._tasks.busy, self.selected()
        self.register_button.setEnabled(idle and bool(self.summary.text().strip()))
        open_item = item is not None and item.resolved_at is None
        self.contact_button.setEnabled(idle and open_item and item is not None and item.contacted_at is None)
        self.resolve_button.setEnabled(idle and open_item)

    # --- the steps -------------------------------------------------------------------------------
    def register(self) -> None:
        if self._tasks.busy or not self.summary.text().strip():
            return
        self.message.hide()
        call = partial(
            register_complaint,
            self._us,
            self.case_no,
            channel=str(self.channel.currentData()),
            category=str(self.category.currentData()),
            complexity=str(self.complexity.currentData()),
            summary=self.summary.text().strip(),
            received_at=from_qdatetime(self.received_at.dateTime()),
        )
        self._tasks.run(call, self._registered, self._failed)

    def _registered(self, _item: ComplaintView) -> None:
        self.summary.clear()
        self._recorded(self.tr("投诉已登记，并写入联系记录。"))

    def open_step(self, step: str) -> NoteDialog | None:
        item = self.selected()
        if item is None or item.resolved_at is not None:
            return None
        if step == "contact":
            submit = partial(_contacted, self._us, item.id, item.version)
            title, confirm = self.tr("记录投诉联系"), self.tr("记录")
            explain = self.tr("已与投诉人联系：请记录联系的情况。")
            placeholder = self.tr("例如：电话联系客户，说明赔款已于今日支付")
            done = self.tr("已记录与投诉人的联系。")
        else:
            submit = partial(_resolved, self._us, item.id, item.version)
            title, confirm = self.tr("投诉办结"), self.tr("办结")
            explain = self.tr("投诉处理完毕：请写明处理结果。")
            placeholder = self.tr("例如：已补付施救费用，客户表示满意")
            done = self.tr("投诉已办结。")
        dialog = NoteDialog(
            submit,
            title=title,
            explain=explain,
            placeholder=placeholder,
            confirm=confirm,
            max_length=MAX_SUMMARY,
            parent=self,
        )
        dialog.accepted.connect(partial(self._recorded, done))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _recorded(self, text: str) -> None:
        self.result.setText(text)
        self.result.show()
        self.changed.emit()
        self.reload()

    def _failed(self, exc: Exception) -> None:
        self.message.setText(message_for(exc) or self.tr("程序出错，请查看日志。"))
        self.message.show()
        self._update()

    def reject(self) -> None:
        if not self._tasks.busy:
            super().reject()


def _contacted(us: UserSession, complaint_id: int, version: int, text: str) -> ComplaintView:
    return complaint_contacted(us, complaint_id, summary=text, expected_version=version)


def _resolved(us: UserSession, complaint_id: int, version: int, text: str) -> ComplaintView:
    return resolve_complaint(us, complaint_id, resolution=text, expected_version=version)
