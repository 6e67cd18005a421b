"""Finding the policy of a report: a policy-number field that looks up as you type, and a panel that
shows the chosen policy (product, period, insured masked, coverages).

Typing waits for a short pause (debounce), then ``services.policies.search_policies`` runs on a worker
and fills the completer. Choosing a number (from the list, or by leaving the field) loads the policy with
``get_policy``; answers to an older prefix or number are dropped.
"""

from __future__ import annotations

import html
from decimal import Decimal
from functools import partial

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import QCompleter, QFrame, QLabel, QLineEdit, QVBoxLayout, QWidget

from backoffice.services.context import UserSession
from backoffice.services.policies import (
    LINE_LABELS,
    MAX_POLICY_NO,
    PolicySummary,
    PolicyView,
    get_policy,
    search_policies,
)
from backoffice.ui.errors import message_for
from backoffice.ui.formatting import money
from backoffice.ui.labels import code_label
from backoffice.ui.tasks import Tasks

LOOKUP_DELAY_MS = 250
MIN_PREFIX = 2


def _search(us: UserSession, prefix: str) -> tuple[str, list[PolicySummary]]:
    return prefix, search_policies(us, prefix)


def _load(us: UserSession, number: str) -> tuple[str, PolicyView]:
    return number, get_policy(us, number)


class PolicyField(QLineEdit):
    """``policy_loaded(PolicyView | None)``; ``lookup_failed(message)`` when the number is unknown."""

    policy_loaded = Signal(object)
    lookup_failed = Signal(str)

    def __init__(self, us: UserSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("policy-no")
        self.setMaxLength(MAX_POLICY_NO)
        self.setPlaceholderText(self.tr("输入保单号，可只输入开头几位"))
        self._us = us
        self._tasks = Tasks(self)
        self.policy: PolicyView | None = None
        self._wanted = ""  # the number being loaded
        self.suggestions = QStringListModel(self)
        self.completer_ = QCompleter(self.suggestions, self)
        self.completer_.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer_.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(self.completer_)
        self.completer_.activated.connect(self.load)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(LOOKUP_DELAY_MS)
        self._debounce.timeout.connect(self._search)
        self.textEdited.connect(self._edited)
        self.editingFinished.connect(lambda: self.load(self.text()))

    @property
    def busy(self) -> bool:
        return self._tasks.busy or self._debounce.isActive()

    def _edited(self, text: str) -> None:
        if self.policy is not None and text.strip() != self.policy.policy_no:
            self.policy = None
            self.policy_loaded.emit(None)
        self._debounce.start()

    def _search(self) -> None:
        prefix = self.text().strip()
        if len(prefix) >= MIN_PREFIX:
            self._tasks.run(partial(_search, self._us, prefix), self._found, self._search_failed)

    def _found(self, result: tuple[str, list[PolicySummary]]) -> None:
        prefix, found = result
        if prefix != self.text().strip():
            return  # the user typed on meanwhile
        self.suggestions.setStringList([p.policy_no for p in found])
        if found and self.hasFocus() and not (len(found) == 1 and found[0].policy_no == prefix):
            self.completer_.setCompletionPrefix(prefix)
            self.completer_.complete()

    def _search_failed(self, exc: Exception) -> None:
        message_for(exc)  # a refusal here shows again, clearly, when the policy is loaded

    def load(self, number: str) -> None:
        number = number.strip()
        if not number or number == self._wanted or (self.policy and self.policy.policy_no == number):
            return
        self._wanted = number
        self._tasks.run(partial(_load, self._us, number), self._loaded, self._load_failed)

    def _loaded(self, result: tuple[str, PolicyView]) -> None:
        number, policy = result
        if number != self.text().strip():
            return
        self._wanted = ""
        self.policy = policy
        self.policy_loaded.emit(policy)

    def _load_failed(self, exc: Exception) -> None:
        self._wanted = ""
        self.lookup_failed.emit(message_for(exc) or self.tr("查询保单时程序出错，请查看日志。"))

    def reset(self) -> None:
        self._debounce.stop()
        self._wanted = ""
        self.policy = None
        self.clear()
        self.suggestions.setStringList([])
        self.policy_loaded.emit(None)


class PolicyPanel(QFrame):
    """The chosen policy at a glance."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("policy-panel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#policy-panel { background: #f4f6f8; }")
        self.text = QLabel(objectName="policy-text")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.text)
        self.show_policy(None)

    def show_policy(self, policy: PolicyView | None) -> None:
        if policy is None:
            self.text.setText(f"<span style='color:#777'>{html.escape(self.tr('尚未选择保单。'))}</span>")
            return
        e = html.escape
        lines = [
            f"<b>{e(policy.product)}</b> · {e(code_label(LINE_LABELS, policy.line))}",
            e(self.tr("保险期间：{start} 至 {end}").format(start=policy.period_start, end=policy.period_end)),
            e(
                self.tr("被保险人：{name}　证件：{id}").format(
                    name=policy.insured.full_name, id=policy.insured.id_number or self.tr("未登记")
                )
            ),
        ]
        if policy.coverages:
            rows = "".join(
                f"<tr><td>{e(c.name)}</td><td align='right'>&nbsp;{e(self._amount(c.sum_insured))}</td>"
                f"<td align='right'>&nbsp;{e(self._deductible(c.deductible, c.deductible_rate))}</td></tr>"
                for c in policy.coverages
            )
            head = (
                f"<tr><th align='left'>{e(self.tr('保障项目'))}</th><th>&nbsp;{e(self.tr('保额/限额'))}</th>"
                f"<th>&nbsp;{e(self.tr('免赔'))}</th></tr>"
            )
            lines.append(f"<table cellspacing='0' cellpadding='1'>{head}{rows}</table>")
        self.text.setText("<br>".join(lines))

    def _amount(self, value: Decimal | None) -> str:
        return self.tr("不限") if value is None else money(value)

    def _deductible(self, amount: Decimal, rate: Decimal) -> str:
        parts = []
        if amount:
            parts.append(money(amount))
        if rate:
            parts.append(f"{rate * 100:.0f}%")
        return " + ".join(parts) or "—"
