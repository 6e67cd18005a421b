"""Confirming the sealing of one case's volume (封卷).

A volume is masked by default and needs nothing more than the confirmation. An unmasked volume (personal
data in the clear) needs its own permission, a reason and the password again; the box is offered only to
users who hold the permission, and the service checks all three again.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

MAX_REASON = 200


class SealDialog(QDialog):
    """Read ``unmasked()``, ``reason()`` and ``password()`` once accepted."""

    def __init__(self, case_no: str, may_unmask: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("seal-dialog")
        self.case_no = case_no
        self.setWindowTitle(self.tr("封卷"))
        explain = QLabel(
            self.tr(
                "将为案件 {case_no} 立卷并封存：生成一案一卷的 PDF/A 案卷，登记其摘要，案件随即变为只读。"
                "默认屏蔽案卷中的个人信息。"
            ).format(case_no=case_no),
            objectName="seal-explain",
        )
        explain.setWordWrap(True)
        self.unmasked_box = QCheckBox(self.tr("出具未屏蔽个人信息的案卷"), objectName="seal-unmasked")
        self.unmasked_box.setEnabled(may_unmask)
        if not may_unmask:
            self.unmasked_box.setToolTip(self.tr("您没有出具未屏蔽个人信息案卷的权限。"))
        self.unmasked_box.toggled.connect(self._update)
        self.reason_edit = QLineEdit(objectName="seal-reason")
        self.reason_edit.setMaxLength(MAX_REASON)
        self.reason_edit.setPlaceholderText(self.tr("例如：法院调取证据"))
        self.reason_edit.textChanged.connect(self._update)
        self.password_edit = QLineEdit(objectName="seal-password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.textChanged.connect(self._update)
        self.unmasked_form = QWidget()
        form = QFormLayout(self.unmasked_form)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("理由"), self.reason_edit)
        form.addRow(self.tr("密码"), self.password_edit)
        self.hint = QLabel(objectName="seal-hint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #b05000;")
        self.confirm_button = QPushButton(self.tr("封卷"), objectName="seal-confirm")
        self.confirm_button.setDefault(True)
        cancel = QPushButton(self.tr("取消"), objectName="seal-cancel")
        buttons = QDialogButtonBox()
        buttons.addButton(self.confirm_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.unmasked_box)
        layout.addWidget(self.unmasked_form)
        layout.addWidget(self.hint)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        self._update()

    def unmasked(self) -> bool:
        return self.unmasked_box.isChecked()

    def reason(self) -> str:
        return self.reason_edit.text().strip() if self.unmasked() else ""

    def password(self) -> str | None:
        return self.password_edit.text() if self.unmasked() else None

    def _update(self, *_args: object) -> None:
        unmasked = self.unmasked()
        self.unmasked_form.setVisible(unmasked)
        missing = unmasked and (not self.reason_edit.text().strip() or not self.password_edit.text())
        self.hint.setText(
            self.tr("未屏蔽的案卷会记入审计日志：请填写理由，并再次输入您的密码。") if unmasked else ""
        )
        self.hint.setVisible(unmasked)
        self.confirm_button.setEnabled(not missing)
        self.adjustSize()

    def accept(self) -> None:
        if self.confirm_button.isEnabled():
            super().accept()

    def done(self, result: int) -> None:
        if result != QDialog.DialogCode.Accepted:
            self.password_edit.clear()
        super().done(result)
