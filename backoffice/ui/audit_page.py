"""The auditor's page: verify the HMAC chain of the audit trail."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from backoffice.services.audit import VerifyResult, verify
from backoffice.services.context import UserSession
from backoffice.ui.errors import message_for
from backoffice.ui.pages import PageSpec, page_heading
from backoffice.ui.tasks import Tasks

# VerifyResult.problem codes (security.audit_chain and services.audit) in words.
PROBLEMS = {
    "mac": QT_TRANSLATE_NOOP("AuditPage", "记录内容或签名被改动"),
    "gap-or-reorder": QT_TRANSLATE_NOOP("AuditPage", "序号缺失、多出或顺序被调换"),
    "unknown-key": QT_TRANSLATE_NOOP("AuditPage", "签名所用的密钥版本未知"),
    "truncated": QT_TRANSLATE_NOOP("AuditPage", "链尾的记录被删除"),
}


class AuditPage(QWidget):
    def __init__(self, us: UserSession, spec: PageSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._us = us
        self._tasks = Tasks(self)
        self.verify_button = QPushButton(self.tr("校验审计链"), objectName="verify-audit")
        self.verify_button.clicked.connect(self.verify)
        self._tasks.busy_changed.connect(lambda busy: self.verify_button.setEnabled(not busy))
        self.result = QLabel(objectName="verify-result")
        self.result.setWordWrap(True)

        explain = QLabel(
            self.tr(
                "每条审计记录都用只有本系统知道的密钥串联签名。校验会逐条核对，"
                "发现被修改、删除、插入或调换顺序的记录时，指出第一条有问题的序号。"
            )
        )
        explain.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(page_heading(spec))
        layout.addWidget(QLabel(spec.translated_placeholder()))
        layout.addWidget(explain)
        buttons = QHBoxLayout()
        buttons.addWidget(self.verify_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self.result)
        layout.addStretch(1)

    def verify(self) -> None:
        if not self._tasks.busy:
            self.result.setStyleSheet("")
            self.result.setText(self.tr("正在校验…"))
            self._tasks.run(partial(verify, self._us), self._show, self._failed)

    def _show(self, outcome: VerifyResult) -> None:
        if outcome.ok:
            text = self.tr("审计链完好：已校验 {n} 条记录。").format(n=outcome.checked)
            self.result.setStyleSheet("color: #1b5e20;")
        else:
            text = self.tr(
                "审计链有问题：从第 {seq} 条记录起不可信（{problem}）。"
                "请保留数据库副本，并通知系统管理员和主管。"
            ).format(seq=outcome.first_bad_seq, problem=self._problem(outcome.problem))
            self.result.setStyleSheet("color: #b00020; font-weight: bold;")
        if outcome.pending_unsealed:
            text += " " + self.tr("另有 {n} 条登录失败记录等待封存（下一次操作时写入审计链）。").format(
                n=outcome.pending_unsealed
            )
        self.result.setText(text)

    def _problem(self, code: str | None) -> str:
        return self.tr(PROBLEMS[code]) if code in PROBLEMS else (code or "")

    def _failed(self, exc: Exception) -> None:
        self.result.setStyleSheet("color: #b00020;")
        self.result.setText(message_for(exc) or self.tr("校验时程序出错，请查看日志。"))
