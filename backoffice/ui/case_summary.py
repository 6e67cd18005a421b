"""The 概要 tab of a case: the report, the policy, the customer (masked, with 显示), flags and losses."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGridLayout, QLabel, QScrollArea, QTableView, QVBoxLayout, QWidget

from backoffice.domain.case import COMPLEXITY_LABELS, STATUS_LABELS
from backoffice.domain.checklist import CAUSE_LABELS
from backoffice.services.cases import CaseDetail
from backoffice.services.context import UserSession
from backoffice.services.intake import CHANNELS, PROOF_KINDS, RELATIONS, SEVERITIES, WARNING_LABELS
from backoffice.services.policies import LINE_LABELS
from backoffice.ui.flag_badges import badge_row
from backoffice.ui.formatting import local_date, local_time, money
from backoffice.ui.labels import code_label
from backoffice.ui.loss_lists import kind_label
from backoffice.ui.reveal import MaskedValue
from backoffice.ui.simple_model import RowsModel
from backoffice.ui.widgets import rows_table


def _text(value: str) -> QLabel:
    label = QLabel(value)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class CaseSummaryTab(QWidget):
    def __init__(self, us: UserSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._us = us
        self.masked: dict[str, MaskedValue] = {}
        self._scroll = QScrollArea()
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._scroll)
        self.losses = RowsModel(
            (
                self.tr("类别"),
                self.tr("名称或伤者"),
                self.tr("数量"),
                self.tr("金额（元）"),
                self.tr("受伤部位"),
                self.tr("伤情"),
            ),
            self,
        )
        self.losses.set_right_aligned((2, 3))

    def show_detail(self, d: CaseDetail) -> None:
        body = QWidget(objectName="summary-body")
        grid = QGridLayout(body)
        grid.addLayout(self._case_form(d), 0, 0)
        grid.addLayout(self._people_form(d), 0, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        if d.overrides:
            lines = [
                self.tr("{warning}：{reason}").format(warning=code_label(WARNING_LABELS, code), reason=reason)
                for code, reason in d.overrides
            ]
            grid.addWidget(_text(self.tr("已确认的登记提示：") + "\n" + "\n".join(lines)), 3, 0, 1, 2)
        grid.addWidget(QLabel(self.tr("损失清单")), 4, 0, 1, 2)
        grid.addWidget(self._loss_table(d), 5, 0, 1, 2)
        proofs = "；".join(f"{code_label(PROOF_KINDS, kind)} {ref}" for kind, ref in d.proofs)
        grid.addWidget(
            _text(self.tr("证明材料：{proofs}").format(proofs=proofs or self.tr("无"))), 6, 0, 1, 2
        )
        grid.setRowStretch(7, 1)
        old = self._scroll.takeWidget()
        if old is not None:
            old.deleteLater()
        self._scroll.setWidget(body)

    def _case_form(self, d: CaseDetail) -> QFormLayout:
        form = QFormLayout()
        complexity = code_label(COMPLEXITY_LABELS, d.complexity)
        if d.complexity != d.complexity_auto:
            complexity = self.tr("{chosen}（自动分类为{auto}；理由：{reason}）").format(
                chosen=complexity,
                auto=code_label(COMPLEXITY_LABELS, d.complexity_auto),
                reason=d.complexity_reason,
            )
        complete = local_date(d.materials_complete_at) if d.materials_complete_at else self.tr("尚未齐全")
        rows = (
            (self.tr("案件号"), d.case_no),
            (self.tr("状态"), code_label(STATUS_LABELS, d.status)),
            (self.tr("保单"), f"{d.policy_no} · {d.product} · {code_label(LINE_LABELS, d.line)}"),
            (self.tr("保险期间"), f"{d.period[0]} — {d.period[1]}"),
            (self.tr("案件分类"), complexity),
            (self.tr("经办人"), d.handler or self.tr("未分派")),
            (self.tr("报案时间"), local_time(d.reported_at)),
            (self.tr("出险时间"), local_time(d.incident_at)),
            (self.tr("出险地点"), d.incident_place),
            (self.tr("出险原因"), code_label(CAUSE_LABELS, d.cause)),
            (self.tr("估损金额"), self.tr("{amount} 元").format(amount=money(d.estimated_loss))),
            (self.tr("材料齐全"), complete),
            (self.tr("经过"), d.narrative),
        )
        for title, value in rows:
            form.addRow(title, _text(value))
        form.addRow(self.tr("风险提示"), badge_row(d.flags, self.tr("无")))
        return form

    def _people_form(self, d: CaseDetail) -> QFormLayout:
        form = QFormLayout()
        customer = d.customer
        self.masked = {}
        for field, title, value in (
            ("full_name", self.tr("客户姓名"), customer.full_name),
            ("id_number", self.tr("身份证号"), customer.id_number),
            ("mobile", self.tr("手机号"), customer.mobile),
            ("bank_account", self.tr("银行账户"), customer.bank_account),
        ):
            if value is None:
                form.addRow(title, QLabel(self.tr("未登记")))
                continue
            widget = MaskedValue(self._us, value, person_id=customer.id, field=field, what=title)
            self.masked[field] = widget
            form.addRow(title, widget)
        relation = code_label(RELATIONS, d.reporter_relation)
        form.addRow(
            self.tr("报案人"),
            _text(self.tr("{name}（{relation}）").format(name=d.reporter_name, relation=relation)),
        )
        form.addRow(self.tr("报案人电话"), _text(d.reporter_phone or self.tr("未登记")))
        form.addRow(self.tr("报案渠道"), _text(code_label(CHANNELS, d.channel)))
        return form

    def _loss_table(self, d: CaseDetail) -> QTableView:
        self.losses.set_rows(
            [
                (
                    kind_label(loss.kind),
                    loss.description,
                    str(loss.quantity),
                    money(loss.value),
                    loss.body_part,
                    code_label(SEVERITIES, loss.severity),
                )
                for loss in d.losses
            ]
        )
        table = rows_table(self.losses, "summary-losses", stretch_last=True)
        table.setMaximumHeight(140)
        return table
