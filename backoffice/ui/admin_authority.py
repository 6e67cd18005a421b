"""The 核赔权限 tab: the authority matrix (level × line of business, denial and ex-gratia authority) as an
editable table, saved as a new version with a note, and the list of earlier versions.

Edits are checked before anything is sent: each amount must be a non-negative yuan amount (empty or
"不限" for unlimited), then ``AuthorityMatrix`` itself checks the whole table (limits rising with the
level, the two authorities continuing upwards). ``authority.set_matrix`` checks again and stores it.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from backoffice.domain.approval import AuthorityMatrix
from backoffice.domain.errors import DomainError
from backoffice.security.roles import Permission
from backoffice.services.admin_views import AuthorityOverview, authority_overview
from backoffice.services.authority import set_matrix
from backoffice.services.context import UserSession
from backoffice.ui.authority_model import MatrixModel
from backoffice.ui.errors import message_for
from backoffice.ui.formatting import local_time
from backoffice.ui.simple_model import RowsModel
from backoffice.ui.tasks import Tasks
from backoffice.ui.widgets import ERROR_STYLE, rows_table

OK_STYLE = "color: #1b5e20;"


class NoteDialog(QDialog):
    """Asks why the matrix changes; accepted only with a note (in ``note``)."""

    def __init__(self, version: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("authority-note-dialog")
        self.setWindowTitle(self.tr("保存权限表"))
        explain = QLabel(
            self.tr(
                "将保存为新的版本（当前为第 {v} 版）。之后的签批都按新版本执行，已签批的记录仍注明原版本。"
                "请说明修改原因（将记入审计日志）："
            ).format(v=version)
        )
        explain.setWordWrap(True)
        self.note_edit = QLineEdit(objectName="authority-note")
        self.note_edit.setMaxLength(500)
        self.note_edit.setPlaceholderText(self.tr("例如：分公司发文调整一级核赔权限"))
        buttons = QDialogButtonBox()
        self.save_button = QPushButton(self.tr("保存"), objectName="authority-note-save")
        self.save_button.setDefault(True)
        self.save_button.setEnabled(False)
        cancel = QPushButton(self.tr("取消"), objectName="authority-note-cancel")
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.accept)
        cancel.clicked.connect(self.reject)
        self.note_edit.textChanged.connect(lambda text: self.save_button.setEnabled(bool(text.strip())))
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.note_edit)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    @property
    def note(self) -> str:
        return self.note_edit.text().strip()


class AuthorityTab(QWidget):
    """Loads on first show; 保存 checks the table, asks for a note and stores a new version."""

    def __init__(self, us: UserSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._us = us
        self._loaded = False
        self._overview: AuthorityOverview | None = None
        self._dirty = False
        self._tasks = Tasks(self)
        self._tasks.busy_changed.connect(lambda _busy: self._update_buttons())
        self.may_edit = us.actor.role_for(Permission.MANAGE_SETTINGS) is not None
        self.dialog: NoteDialog | None = None

        self.version_label = QLabel(objectName="authority-version")
        self.version_label.setWordWrap(True)
        self.model = MatrixModel(self)
        self.model.editable = self.may_edit
        self.model.edited.connect(self._edited)
        self.table = QTableView(objectName="authority-table")
        self.table.setModel(self.model)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        hint = QLabel(
            self.tr(
                "金额单位：元，每案；留空或填“不限”表示不限额。双击单元格修改，勾选框设置拒赔权和通融赔付权。"
                "高一级的权限不得低于低一级；拒赔权、通融赔付权授予某一级后，更高各级也须具有。"
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        self.revert_button = QPushButton(self.tr("撤销修改"), objectName="authority-revert")
        self.revert_button.clicked.connect(self.revert)
        self.save_button = QPushButton(self.tr("保存为新版本…"), objectName="authority-save")
        self.save_button.clicked.connect(self.save)
        self.message = QLabel(objectName="authority-message")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)

        self.history_model = RowsModel(
            (self.tr("版本"), self.tr("保存时间"), self.tr("修改人"), self.tr("说明")), self
        )
        self.history = rows_table(
            self.history_model, "authority-history", multi_select=True, stretch_last=True
        )
        history_box = QGroupBox(self.tr("历史版本"))
        QVBoxLayout(history_box).addWidget(self.history)

        layout = QVBoxLayout(self)
        layout.addWidget(self.version_label)
        layout.addWidget(self.table)
        layout.addWidget(hint)
        layout.addLayout(buttons)
        layout.addWidget(history_box, 1)
        self._update_buttons()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded:
            self._loaded = True
            self.refresh()

    def refresh(self) -> None:
        if not self._tasks.busy:
            self._tasks.run(partial(authority_overview, self._us), self._show, self._failed)

    def _show(self, overview: AuthorityOverview) -> None:
        self._overview = overview
        self._dirty = False
        self.model.set_matrix(overview.matrix)
        self._fit_table()
        current = overview.current
        who = current.created_by or self.tr("系统默认")
        self.version_label.setText(
            self.tr("当前权限表：第 {v} 版 · {who} · {when} · {note}").format(
                v=overview.version, who=who, when=local_time(current.created_at), note=current.note
            )
        )
        self.history_model.set_rows(
            [
                (
                    self.tr("第 {v} 版").format(v=item.version),
                    local_time(item.created_at),
                    item.created_by or self.tr("系统默认"),
                    item.note,
                )
                for item in overview.history
            ],
            list(overview.history),
        )
        self.history.resizeColumnsToContents()
        self._update_buttons()

    def _fit_table(self) -> None:
        """As tall as its five rows: the history below gets the rest of the page."""
        self.table.resizeRowsToContents()
        rows = sum(self.table.rowHeight(row) for row in range(self.model.rowCount()))
        frame = 2 * self.table.frameWidth()
        self.table.setFixedHeight(self.table.horizontalHeader().sizeHint().height() + rows + frame)

    def _edited(self) -> None:
        self._dirty = True
        self._say("")
        self._update_buttons()

    def _update_buttons(self) -> None:
        idle = not self._tasks.busy and self._overview is not None
        self.save_button.setEnabled(self.may_edit and idle and self._dirty)
        self.revert_button.setEnabled(idle and self._dirty)
        self.table.setEnabled(not self._tasks.busy)

    def revert(self) -> None:
        if self._overview is not None:
            self._dirty = False
            self.model.set_matrix(self._overview.matrix)
            self._say("")
            self._update_buttons()

    def save(self) -> None:
        """Check the table; if it is a valid matrix different from the current one, ask for the note."""
        if self._overview is None or self._tasks.busy or self.dialog is not None:
            return
        try:
            matrix = self.model.to_matrix()
        except DomainError as exc:
            self._say(message_for(exc) or "", error=True)
            return
        if matrix == self._overview.matrix:
            self._say(self.tr("权限表没有改动。"), error=True)
            return
        dialog = NoteDialog(self._overview.version, self)
        dialog.accepted.connect(partial(self._store, matrix, dialog))
        dialog.finished.connect(self._dialog_closed)
        self.dialog = dialog
        dialog.open()

    def _dialog_closed(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None

    def _store(self, matrix: AuthorityMatrix, dialog: NoteDialog) -> None:
        self._say(self.tr("正在保存…"))
        assert self._overview is not None
        call = partial(
            set_matrix, self._us, matrix, note=dialog.note, expected_version=self._overview.version
        )
        self._tasks.run(call, self._stored, self._failed)

    def _stored(self, version: int) -> None:
        self._dirty = False
        self.refresh()
        self._say(self.tr("权限表已保存为第 {v} 版。").format(v=version))

    def _failed(self, exc: Exception) -> None:
        self._say(message_for(exc) or self.tr("读取或保存权限表时程序出错，请查看日志。"), error=True)
        self._update_buttons()

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE if error else OK_STYLE)
