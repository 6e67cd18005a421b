"""Registration warnings that need a reason each (outside the period, duplicate, late report)."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from backoffice.services.intake import WARNING_LABELS
from backoffice.ui.labels import code_label
from backoffice.ui.widgets import error_label

MAX_REASON = 200


class OverrideDialog(QDialog):
    """One reason per warning code; ``reasons()`` once accepted."""

    def __init__(
        self, codes: list[str], known: Mapping[str, str] | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("override-dialog")
        self.setWindowTitle(self.tr("登记前请确认"))
        known = known or {}
        explain = QLabel(
            self.tr("这份报案有以下提示。确认仍要登记时，请逐项写明理由（会记入案件和审计日志）：")
        )
        explain.setWordWrap(True)
        form = QFormLayout()
        self.fields: dict[str, QLineEdit] = {}
        for code in codes:
            field = QLineEdit(known.get(code, ""), objectName=f"reason-{code}")
            field.setMaxLength(MAX_REASON)
            field.setPlaceholderText(self.tr("理由"))
            field.textChanged.connect(self._update)
            label = QLabel(code_label(WARNING_LABELS, code))
            label.setWordWrap(True)
            label.setStyleSheet("color: #b05000; font-weight: bold;")
            form.addRow(label)
            form.addRow(field)
            self.fields[code] = field
        self.message = error_label("override-message")
        buttons = QDialogButtonBox()
        self.confirm_button = QPushButton(self.tr("确认并登记"), objectName="override-confirm")
        self.confirm_button.setDefault(True)
        self.confirm_button.clicked.connect(self._confirm)
        cancel = QPushButton(self.tr("返回修改"), objectName="override-cancel")
        cancel.clicked.connect(self.reject)
        buttons.addButton(self.confirm_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        self._update()
        first = next(iter(self.fields.values()), None)
        if first is not None:
            first.setFocus()

    def reasons(self) -> dict[str, str]:
        return {code: field.text().strip() for code, field in self.fields.items()}

    def _update(self) -> None:
        self.confirm_button.setEnabled(all(self.reasons().values()))

    def _confirm(self) -> None:
        missing = [code for code, reason in self.reasons().items() if not reason]
        if missing:
            self.message.setText(self.tr("每一项提示都需要填写理由。"))
            self.message.show()
            self.fields[missing[0]].setFocus()
            return
        self.accept()
