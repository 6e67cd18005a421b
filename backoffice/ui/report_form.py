"""The fields of the new-report form, their tab order, and turning them into a ``ReportInput``.

Errors are shown under the field a ``ValidationError`` names (``show_error``), and focus moves there.
"""

from __future__ import annotations

import itertools
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from backoffice.domain.case import COMPLEXITY_LABELS, Complexity
from backoffice.domain.checklist import CAUSE_LABELS, CONDITIONS
from backoffice.domain.errors import ValidationError
from backoffice.services.checklists import templates
from backoffice.services.context import UserSession
from backoffice.services.intake import CHANNELS, RELATIONS, ReportInput
from backoffice.services.people import PersonInput
from backoffice.services.policies import PolicyView
from backoffice.ui.formatting import from_qdatetime, to_qdatetime
from backoffice.ui.labels import choices
from backoffice.ui.loss_lists import losses_editor, proofs_editor, read_losses, read_proofs
from backoffice.ui.policy_lookup import PolicyField, PolicyPanel
from backoffice.ui.widgets import DateTimeEdit, error_label, with_error

MONEY = QRegularExpression(r"^\d{0,12}([.]\d{0,2})?$")
COMPLEXITY_CODES = {c.value: c for c in Complexity}


def _combo(name: str, items: list[tuple[str, str]]) -> QComboBox:
    combo = QComboBox(objectName=name)
    for code, text in items:
        combo.addItem(text, code)
    return combo


class ReportForm(QWidget):
    def __init__(self, us: UserSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._us = us
        self.errors: dict[str, tuple[QWidget, QLabel]] = {}
        self.policy = PolicyField(us)
        self.policy_panel = PolicyPanel()
        self.policy.policy_loaded.connect(self._policy_loaded)
        self.policy.lookup_failed.connect(lambda text: self.show_error("policy_no", text, focus=False))
        self.channel = _combo("channel", choices(CHANNELS))
        self.reporter_name = QLineEdit(objectName="reporter-name")
        self.reporter_name.setMaxLength(64)
        self.relation = _combo("reporter-relation", choices(RELATIONS))
        self.reporter_phone = QLineEdit(objectName="reporter-phone")
        self.reporter_phone.setMaxLength(20)
        self.reported_at = DateTimeEdit(to_qdatetime(us.bo.now()))
        self.reported_at.setObjectName("reported-at")
        self.incident_at = DateTimeEdit(to_qdatetime(us.bo.now()))
        self.incident_at.setObjectName("incident-at")
        self.place = QLineEdit(objectName="incident-place")
        self.place.setMaxLength(200)
        self.cause = QComboBox(objectName="cause")
        self._fill_causes(None)
        self.estimated = QLineEdit(objectName="estimated-loss")
        self.estimated.setValidator(QRegularExpressionValidator(MONEY, self.estimated))
        self.estimated.setPlaceholderText(self.tr("元，例如 3200 或 3200.50"))
        self.narrative = QPlainTextEdit(objectName="narrative")
        self.narrative.setTabChangesFocus(True)
        self.narrative.setFixedHeight(64)
        self.death = QCheckBox(self.tr("有人员死亡或伤残"), objectName="death-or-disability")
        self.litigation = QCheckBox(self.tr("涉及诉讼"), objectName="litigation")
        self.disputed = QCheckBox(self.tr("责任有争议"), objectName="disputed-liability")
        self.conditions = {
            code: QCheckBox(text, objectName=f"condition-{code}") for code, text in choices(CONDITIONS)
        }
        self.losses = losses_editor()
        self.proofs = proofs_editor()
        self.claimant = QGroupBox(self.tr("索赔人不是被保险人"), objectName="claimant")
        self.claimant.setCheckable(True)
        self.claimant.setChecked(False)
        self.claimant_name = QLineEdit(objectName="claimant-name")
        self.claimant_id = QLineEdit(objectName="claimant-id")
        self.claimant_id.setMaxLength(18)
        self.claimant_mobile = QLineEdit(objectName="claimant-mobile")
        self.complexity = _combo("complexity", [("", self.tr("自动分类")), *choices(COMPLEXITY_LABELS)])
        self.complexity_reason = QLineEdit(objectName="complexity-reason")
        self.complexity_reason.setPlaceholderText(self.tr("改分类时必填"))
        self.handler = QLineEdit(objectName="handler")
        self.handler.setPlaceholderText(self.tr("留空则自动分派"))

        body = QWidget(objectName="report-form-body")
        left, right = QVBoxLayout(), QVBoxLayout()
        for group in (self._policy_group(), self._report_group(), self._incident_group()):
            left.addWidget(group)
        right.addWidget(self._situation_group())
        right.addWidget(self._box(self.tr("损失清单"), self.losses, "losses"), 1)
        right.addWidget(self._box(self.tr("证明材料"), self.proofs, "proofs"))
        lower = QHBoxLayout()
        lower.addWidget(self._claimant_group(), 1)
        lower.addWidget(self._dispatch_group(), 1)
        right.addLayout(lower)
        left.addStretch(1)
        columns = QHBoxLayout(body)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        scroll = QScrollArea(objectName="report-scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self._tab_order()

    # --- layout ----------------------------------------------------------------------------------
    def _row(self, form: QFormLayout, title: str, widget: QWidget, field: str) -> None:
        error = error_label(f"error-{field}")
        self.errors[field] = (widget, error)
        form.addRow(title, with_error(widget, error))

    def _policy_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("保单"))
        form = QFormLayout(group)
        self._row(form, self.tr("保单号"), self.policy, "policy_no")
        form.addRow(self.policy_panel)
        return group

    def _report_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("报案"))
        form = QFormLayout(group)
        self._row(form, self.tr("报案渠道"), self.channel, "channel")
        self._row(form, self.tr("报案人"), self.reporter_name, "reporter_name")
        self._row(form, self.tr("与被保险人关系"), self.relation, "reporter_relation")
        self._row(form, self.tr("联系电话"), self.reporter_phone, "reporter_phone")
        self._row(form, self.tr("报案时间"), self.reported_at, "reported_at")
        return group

    def _incident_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("出险"))
        form = QFormLayout(group)
        self._row(form, self.tr("出险时间"), self.incident_at, "incident_at")
        self._row(form, self.tr("出险地点"), self.place, "incident_place")
        self._row(form, self.tr("出险原因"), self.cause, "cause")
        self._row(form, self.tr("估损金额"), self.estimated, "estimated_loss")
        self._row(form, self.tr("出险经过"), self.narrative, "narrative")
        return group

    def _situation_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("案件情形与单证条件"))
        grid = QGridLayout(group)
        boxes = [self.death, self.litigation, self.disputed, *self.conditions.values()]
        for n, box in enumerate(boxes):
            grid.addWidget(box, n // 3, n % 3)
        error = error_label("error-conditions")
        self.errors["conditions"] = (self.death, error)
        grid.addWidget(error, (len(boxes) + 2) // 3, 0, 1, 3)
        return group

    def _box(self, title: str, editor: QWidget, field: str) -> QGroupBox:
        group = QGroupBox(title)
        layout = QVBoxLayout(group)
        error = error_label(f"error-{field}")
        self.errors[field] = (editor, error)
        layout.addWidget(editor)
        layout.addWidget(error)
        return group

    def _claimant_group(self) -> QGroupBox:
        form = QFormLayout(self.claimant)
        self._row(form, self.tr("姓名"), self.claimant_name, "full_name")
        self._row(form, self.tr("身份证号"), self.claimant_id, "id_number")
        self._row(form, self.tr("手机号"), self.claimant_mobile, "mobile")
        return self.claimant

    def _dispatch_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("分类与经办"))
        form = QFormLayout(group)
        self._row(form, self.tr("案件分类"), self.complexity, "complexity")
        self._row(form, self.tr("理由"), self.complexity_reason, "complexity_reason")
        self._row(form, self.tr("经办人用户名"), self.handler, "handler")
        return group

    def tab_chain(self) -> list[QWidget]:
        """The fields in the order Tab visits them."""
        return [
            self.policy,
            self.channel,
            self.reporter_name,
            self.relation,
            self.reporter_phone,
            self.reported_at,
            self.incident_at,
            self.place,
            self.cause,
            self.estimated,
            self.narrative,
            self.death,
            self.litigation,
            self.disputed,
            *self.conditions.values(),
            self.losses.table,
            *self.losses.buttons(),
            self.proofs.table,
            *self.proofs.buttons(),
            self.claimant,
            self.claimant_name,
            self.claimant_id,
            self.claimant_mobile,
            self.complexity,
            self.complexity_reason,
            self.handler,
        ]

    def _tab_order(self) -> None:
        chain = self.tab_chain()
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # --- policy and causes -----------------------------------------------------------------------
    def _policy_loaded(self, policy: PolicyView | None) -> None:
        self.policy_panel.show_policy(policy)
        if policy is not None:
            self.hide_error("policy_no")
        self._fill_causes(policy.line if policy else None)

    def _fill_causes(self, line: str | None) -> None:
        current = self.cause.currentData()
        codes = templates(self._us.bo.settings).causes(line) if line else []
        wanted = [c for c in CAUSE_LABELS if c in codes] or list(CAUSE_LABELS)
        if "other" in CAUSE_LABELS and "other" not in wanted:
            wanted.append("other")
        self.cause.blockSignals(True)
        self.cause.clear()
        for code, text in choices(CAUSE_LABELS):
            if code in wanted:
                self.cause.addItem(text, code)
        self.cause.setCurrentIndex(max(0, self.cause.findData(current)))
        self.cause.blockSignals(False)

    # --- values ----------------------------------------------------------------------------------
    def report_input(self, overrides: dict[str, str]) -> ReportInput:
        """The form as a ReportInput; a ValidationError names the first field the form itself rejects."""
        policy_no = self.policy.text().strip()
        if not policy_no:
            raise ValidationError("policy_no", "请填写保单号。")
        try:
            estimated = Decimal(self.estimated.text().strip())
        except InvalidOperation:
            raise ValidationError("estimated_loss", "请填写估损金额（元），例如 3200 或 3200.50。") from None
        customer = None
        if self.claimant.isChecked():
            customer = PersonInput(
                full_name=self.claimant_name.text(),
                id_number=self.claimant_id.text().strip() or None,
                mobile=self.claimant_mobile.text().strip() or None,
            )
        complexity = str(self.complexity.currentData() or "")
        return ReportInput(
            policy_no=policy_no,
            channel=str(self.channel.currentData()),
            reporter_name=self.reporter_name.text(),
            reporter_relation=str(self.relation.currentData()),
            reporter_phone=self.reporter_phone.text().strip() or None,
            reported_at=from_qdatetime(self.reported_at.dateTime()),
            incident_at=from_qdatetime(self.incident_at.dateTime()),
            incident_place=self.place.text(),
            cause=str(self.cause.currentData()),
            estimated_loss=estimated,
            narrative=self.narrative.toPlainText(),
            customer=customer,
            losses=read_losses(self.losses.model.rows()),
            proofs=read_proofs(self.proofs.model.rows()),
            death_or_disability=self.death.isChecked(),
            litigation=self.litigation.isChecked(),
            disputed_liability=self.disputed.isChecked(),
            conditions=tuple(code for code, box in self.conditions.items() if box.isChecked()),
            complexity=COMPLEXITY_CODES.get(complexity),
            complexity_reason=self.complexity_reason.text(),
            handler=self.handler.text().strip() or None,
            overrides=dict(overrides),
        )

    def is_dirty(self) -> bool:
        texts = (
            self.policy,
            self.reporter_name,
            self.reporter_phone,
            self.place,
            self.estimated,
            self.claimant_name,
            self.claimant_id,
            self.claimant_mobile,
            self.complexity_reason,
            self.handler,
        )
        boxes = (self.death, self.litigation, self.disputed, *self.conditions.values())
        return (
            any(w.text().strip() for w in texts)
            or bool(self.narrative.toPlainText().strip())
            or any(b.isChecked() for b in boxes)
            or self.losses.model.rowCount() > 0
            or self.proofs.model.rowCount() > 0
        )

    def clear(self) -> None:
        self.clear_errors()
        self.policy.reset()
        for widget in (
            self.reporter_name,
            self.reporter_phone,
            self.place,
            self.estimated,
            self.claimant_name,
            self.claimant_id,
            self.claimant_mobile,
            self.complexity_reason,
            self.handler,
        ):
            widget.clear()
        self.narrative.clear()
        for combo in (self.channel, self.relation, self.cause, self.complexity):
            combo.setCurrentIndex(0)
        for box in (self.death, self.litigation, self.disputed, *self.conditions.values()):
            box.setChecked(False)
        self.claimant.setChecked(False)
        self.losses.model.clear()
        self.proofs.model.clear()
        self.reset_times()
        self.policy.setFocus()

    def reset_times(self) -> None:
        """Reported and incident time to now (the form's defaults)."""
        now = to_qdatetime(self._us.bo.now())
        self.reported_at.setDateTime(now)
        self.incident_at.setDateTime(now)

    # --- errors ----------------------------------------------------------------------------------
    def show_error(self, field: str, text: str, *, focus: bool = True) -> bool:
        """The message under ``field``; False when the form has no such field."""
        entry = self.errors.get(field)
        if entry is None:
            return False
        widget, label = entry
        label.setText(text)
        label.show()
        if focus:
            if field in ("full_name", "id_number", "mobile"):
                self.claimant.setChecked(True)
            widget.setFocus()
        return True

    def hide_error(self, field: str) -> None:
        entry = self.errors.get(field)
        if entry is not None:
            entry[1].hide()

    def clear_errors(self) -> None:
        for _widget, label in self.errors.values():
            label.hide()

    def visible_errors(self) -> dict[str, str]:
        return {field: label.text() for field, (_w, label) in self.errors.items() if not label.isHidden()}
