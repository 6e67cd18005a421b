"""The 时限规则 tab: the deadline rules (office standards and statutory limits) with the administrator's
changes; 保存修改 and 恢复默认 go through ``sla_config.set_rule`` / ``reset_rule``, and the open deadlines
are recomputed on the worker right after.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from backoffice.domain.case import COMPLEXITY_LABELS
from backoffice.domain.sla import DeadlineUnit
from backoffice.security.roles import Permission
from backoffice.services import sla_config
from backoffice.services.admin_views import rules_overview
from backoffice.services.context import UserSession
from backoffice.services.deadlines import STAGE_LABELS
from backoffice.services.sla_config import RuleView
from backoffice.ui.admin_recompute import RecomputingTab
from backoffice.ui.labels import code_label
from backoffice.ui.simple_model import RowsModel
from backoffice.ui.widgets import rows_table

MAX_DAYS = 3650


class RulesTab(RecomputingTab):
    def __init__(self, us: UserSession, parent: QWidget | None = None) -> None:
        super().__init__(
            us,
            parent,
            change_failed=self.tr("修改时效规则时程序出错，请查看日志。"),
            load_failed=self.tr("读取时效规则时程序出错，请查看日志。"),
        )
        self.rules: list[RuleView] = []
        self.may_edit = us.actor.role_for(Permission.MANAGE_CALENDAR) is not None
        self._units = {
            DeadlineUnit.WORKING.value: self.tr("个工作日"),
            DeadlineUnit.CALENDAR.value: self.tr("个自然日"),
            DeadlineUnit.HOURS.value: self.tr("小时"),
        }
        self._variants = {
            **{str(code): code_label(COMPLEXITY_LABELS, code) for code in COMPLEXITY_LABELS},
            "motor": self.tr("车险"),
            "small": self.tr("2000元以内"),
            "medium": self.tr("2000至10000元"),
            "large": self.tr("1万元以上"),
        }
        self._stages = {
            "motor_estimate": self.tr("车险定损估价"),
            "motor_parts_list": self.tr("车险拆解清单"),
        }

        self.model = RowsModel(
            (
                self.tr("环节"),
                self.tr("细分"),
                self.tr("期限"),
                self.tr("扣除补充材料等待"),
                self.tr("状态"),
                self.tr("依据"),
            ),
            self,
        )
        self.model.set_right_aligned((2,))
        self.table = rows_table(self.model, "rules-table")
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._picked())

        self.rule_title = QLabel(self.tr("请在上表中选择一条规则。"), objectName="rule-title")
        self.rule_title.setStyleSheet("font-weight: bold;")
        self.days_spin = QSpinBox(objectName="rule-days")
        self.days_spin.setRange(0, MAX_DAYS)
        self.unit_combo = QComboBox(objectName="rule-unit")
        for code, text in self._units.items():
            self.unit_combo.addItem(text, code)
        self.unit_combo.currentIndexChanged.connect(lambda _i: self._update_buttons())
        self.pausable_check = QCheckBox(self.tr("扣除补充材料的等待期间"), objectName="rule-pausable")
        self.basis_edit = QLineEdit(objectName="rule-basis")
        self.basis_edit.setMaxLength(200)
        self.save_button = QPushButton(self.tr("保存修改"), objectName="rule-save")
        self.save_button.clicked.connect(self.save_rule)
        self.reset_button = QPushButton(self.tr("恢复默认"), objectName="rule-reset")
        self.reset_button.clicked.connect(self.reset_rule)
        self.message = QLabel(objectName="rules-message")
        self.message.setWordWrap(True)

        editor = QGroupBox(self.tr("修改所选规则"))
        form = QFormLayout(editor)
        form.addRow(self.rule_title)
        period = QHBoxLayout()
        period.addWidget(self.days_spin)
        period.addWidget(self.unit_combo)
        period.addWidget(self.pausable_check)
        period.addStretch(1)
        form.addRow(self.tr("期限"), period)
        form.addRow(self.tr("依据"), self.basis_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.reset_button)
        buttons.addWidget(self.save_button)
        form.addRow(buttons)
        explain = QLabel(
            self.tr(
                "保存或恢复默认后，所有未结束案件的期限立即按新规则重新计算。预警规则固定："
                "剩余不超过 1 个工作日或已用时间达到 80% 时为黄色预警，逾期为红色预警（时效管理制度四）。"
                "法定期限（保险法、交强险条例）请只按法律修订调整。"
            )
        )
        explain.setWordWrap(True)
        explain.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(explain)
        layout.addWidget(editor)
        self._update_buttons()

    # --- showing ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        self._tasks.run(partial(rules_overview, self._us), self._show, self._load_failed)

    def _show(self, rules: list[RuleView]) -> None:
        keep = self.selected_rule()
        self.rules = rules
        self.model.set_rows([self._row(rule) for rule in rules], list(rules))
        self.table.resizeColumnsToContents()
        keys = [rule.key for rule in rules]
        if keep is not None and keep.key in keys:
            self.table.selectRow(keys.index(keep.key))
        self._picked()

    def stage_text(self, rule: RuleView) -> str:
        return self._stages.get(rule.stage) or code_label(STAGE_LABELS, rule.stage)

    def period_text(self, rule: RuleView) -> str:
        return f"{rule.days} {self._units.get(rule.unit, rule.unit)}"

    def _row(self, rule: RuleView) -> tuple[str, ...]:
        return (
            self.stage_text(rule),
            self._variants.get(rule.variant or "", rule.variant or ""),
            self.period_text(rule),
            self.tr("是") if rule.pausable else "",
            self.tr("已修改") if rule.overridden else self.tr("默认"),
            rule.basis,
        )

    def row_of(self, key: str) -> int:
        return [rule.key for rule in self.rules].index(key)

    def selected_rule(self) -> RuleView | None:
        rows = self.table.selectionModel().selectedRows()
        payload = self.model.payload(rows[0].row()) if rows else None
        return payload if isinstance(payload, RuleView) else None

    def _picked(self) -> None:
        rule = self.selected_rule()
        if rule is not None:
            variant = self._variants.get(rule.variant or "", rule.variant or "")
            title = f"{self.stage_text(rule)} · {variant}" if variant else self.stage_text(rule)
            self.rule_title.setText(title)
            self.days_spin.setValue(rule.days)
            self.unit_combo.setCurrentIndex(self.unit_combo.findData(rule.unit))
            self.pausable_check.setChecked(rule.pausable)
            self.basis_edit.setText(rule.basis)
        self._update_buttons()

    def _update_buttons(self) -> None:
        rule = self.selected_rule()
        ready = self.may_edit and not self._tasks.busy and rule is not None
        for widget in (self.days_spin, self.unit_combo, self.basis_edit, self.save_button):
            widget.setEnabled(ready)
        hours = self.unit_combo.currentData() == DeadlineUnit.HOURS.value
        if hours:
            self.pausable_check.setChecked(False)  # an hour rule cannot exclude waiting days
        self.pausable_check.setEnabled(ready and not hours)
        self.reset_button.setEnabled(ready and rule is not None and rule.overridden)

    # --- changing --------------------------------------------------------------------------------
    def save_rule(self) -> None:
        rule = self.selected_rule()
        if rule is None or self._tasks.busy:
            return
        change = partial(
            sla_config.set_rule,
            self._us,
            rule.key,
            days=self.days_spin.value(),
            unit=str(self.unit_combo.currentData()),
            pausable=self.pausable_check.isChecked(),
            basis=self.basis_edit.text(),
        )
        self._run_change(change, self.tr("已保存“{rule}”").format(rule=self.stage_text(rule)))

    def reset_rule(self) -> None:
        rule = self.selected_rule()
        if rule is None or self._tasks.busy:
            return
        change = partial(sla_config.reset_rule, self._us, rule.key)
        self._run_change(change, self.tr("“{rule}”已恢复默认").format(rule=self.stage_text(rule)))
