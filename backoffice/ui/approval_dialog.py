"""The dialog of one signature: the password, and for a return or a denial the coded reason (a denial
also the clause and the facts it rests on). The service checks everything again."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from backoffice.services.approvals import DENIAL_REASONS, RETURN_REASONS
from backoffice.ui.approval_trail import decision_label
from backoffice.ui.labels import choices
from backoffice.ui.widgets import error_label

MAX_CLAUSE = 500


class SignDialog(QDialog):
    """``decision`` is agree / return / deny; read ``password()``, ``reason_code()``, ``clause()`` and
    ``facts()`` once accepted."""

    def __init__(self, decision: str, case_no: str, amount: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sign-dialog")
        self.decision = decision
        self.setWindowTitle(self.tr("核赔签批：{decision}").format(decision=decision_label(decision)))
        explain = QLabel(
            self.tr("案件 {case_no}，金额 {amount} 元。结论：{decision}。请输入您的密码签批。").format(
                case_no=case_no, amount=amount, decision=decision_label(decision)
            ),
            objectName="sign-explain",
        )
        explain.setWordWrap(True)
        form = QFormLayout()
        self.reason = QComboBox(objectName="sign-reason")
        self.clause_edit = QLineEdit(objectName="sign-clause")
        self.clause_edit.setMaxLength(MAX_CLAUSE)
        self.clause_edit.setPlaceholderText(self.tr("例如：第二十四条"))
        self.facts_edit = QPlainTextEdit(objectName="sign-facts")
        self.facts_edit.setPlaceholderText(self.tr("拒赔所依据的事实"))
        self.facts_edit.setTabChangesFocus(True)
        self.facts_edit.setFixedHeight(80)
        if decision in ("return", "deny"):
            reasons = RETURN_REASONS if decision == "return" else DENIAL_REASONS
            self.reason.addItem(self.tr("请选择…"), "")
            for code, text in choices(reasons):
                self.reason.addItem(text, code)
            self.reason.currentIndexChanged.connect(self._update)
            form.addRow(self.tr("退回原因") if decision == "return" else self.tr("拒赔原因"), self.reason)
        if decision == "deny":
            self.clause_edit.textChanged.connect(self._update)
            self.facts_edit.textChanged.connect(self._update)
            form.addRow(self.tr("依据条款"), self.clause_edit)
            form.addRow(self.tr("事实"), self.facts_edit)
        self.password_edit = QLineEdit(objectName="sign-password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.textChanged.connect(self._update)
        form.addRow(self.tr("密码"), self.password_edit)
        self.message = error_label("sign-message")
        buttons = QDialogButtonBox()
        self.confirm_button = QPushButton(self.tr("签批"), objectName="sign-confirm")
        self.confirm_button.setDefault(True)
        self.confirm_button.clicked.connect(self._confirm)
        cancel = QPushButton(self.tr("取消"), objectName="sign-cancel")
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
        (self.reason if decision in ("return", "deny") else self.password_edit).setFocus()

    def password(self) -> str:
        return self.password_edit.text()

    def reason_code(self) -> str:
        return str(self.reason.currentData() or "") if self.decision in ("return", "deny") else ""

    def clause(self) -> str:
        return self.clause_edit.text().strip() if self.decision == "deny" else ""

    def facts(self) -> str:
        return self.facts_edit.toPlainText().strip() if self.decision == "deny" else ""

    def _missing(self) -> str:
        if self.decision in ("return", "deny") and not self.reason_code():
            return self.tr("请选择原因。")
        if self.decision == "deny" and not (self.clause() and self.facts()):
            return self.tr("拒赔需要写明所依据的条款和事实。")
        if not self.password():
            return self.tr("请输入密码。")
        return ""

    def _update(self) -> None:
        self.confirm_button.setEnabled(not self._missing())

    def _confirm(self) -> None:
        missing = self._missing()
        if missing:
            self.message.setText(missing)
            self.message.show()
            return
        self.accept()
