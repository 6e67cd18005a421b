"""A dialog that asks for one text (a note, a reason, a result) and hands it to a service call.

The call runs on a worker; the dialog is accepted once the service has accepted the text (its answer is
then in ``answer``), and a refusal stays in the dialog as a message. Used for deciding an extension,
completing a warning's follow-up task, and the contact and resolution of a complaint.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from backoffice.ui.errors import message_for
from backoffice.ui.tasks import Tasks
from backoffice.ui.widgets import error_label


class NoteDialog(QDialog):
    def __init__(
        self,
        submit: Callable[[str], object],
        *,
        title: str,
        explain: str,
        placeholder: str,
        confirm: str,
        required: bool = True,
        max_length: int = 2000,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("note-dialog")
        self.setWindowTitle(title)
        self._submit_call = submit
        self._required = required
        self._max_length = max_length
        self._tasks = Tasks(self)
        self._tasks.busy_changed.connect(self._update)
        self.answer: object | None = None
        text = QLabel(explain, objectName="note-explain")
        text.setWordWrap(True)
        self.note = QPlainTextEdit(objectName="note-text")
        self.note.setPlaceholderText(placeholder)
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(100)
        self.note.textChanged.connect(self._update)
        self.message = error_label("note-message")
        buttons = QDialogButtonBox()
        self.confirm_button = QPushButton(confirm, objectName="note-confirm")
        self.confirm_button.setDefault(True)
        self.confirm_button.clicked.connect(self._confirm)
        self.cancel_button = QPushButton(self.tr("取消"), objectName="note-cancel")
        self.cancel_button.clicked.connect(self.reject)
        buttons.addButton(self.confirm_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.note)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)
        self._update()
        self.note.setFocus()

    def text(self) -> str:
        return self.note.toPlainText().strip()

    def _problem(self) -> str:
        if self._required and not self.text():
            return self.tr("请填写内容。")
        if len(self.text()) > self._max_length:
            return self.tr("内容过长（最多 {n} 个字符）。").format(n=self._max_length)
        return ""

    def _update(self, *_args: object) -> None:
        self.confirm_button.setEnabled(not self._tasks.busy and not self._problem())
        self.note.setReadOnly(self._tasks.busy)
        self.cancel_button.setEnabled(not self._tasks.busy)

    def _confirm(self) -> None:
        problem = self._problem()
        if problem:
            self.message.setText(problem)
            self.message.show()
            return
        if self._tasks.busy:
            return
        self.message.hide()
        text, submit = self.text(), self._submit_call
        self._tasks.run(lambda: submit(text), self._done, self._failed)

    def _done(self, answer: object) -> None:
        self.answer = answer
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.message.setText(message_for(exc) or self.tr("程序出错，请查看日志。"))
        self.message.show()

    def reject(self) -> None:
        if not self._tasks.busy:
            super().reject()
