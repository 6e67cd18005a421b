"""The loss list (property items; injured persons with body part and severity) and the proof
references of a report: their editable columns and how their cells become service inputs."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from backoffice.domain.errors import ValidationError
from backoffice.services.intake import PROOF_KINDS, SEVERITIES, LossInput
from backoffice.ui.labels import choices
from backoffice.ui.row_editor import Column, RowsEditor

CONTEXT = "LossLists"
KIND_LABELS = {
    "property": QT_TRANSLATE_NOOP("LossLists", "财产"),
    "injury": QT_TRANSLATE_NOOP("LossLists", "人伤"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def kind_label(kind: str) -> str:
    text = KIND_LABELS.get(kind)
    return _tr(text) if text else kind


def losses_editor() -> RowsEditor:
    kinds = tuple((code, _tr(text)) for code, text in KIND_LABELS.items())
    severities = tuple((code, text) for code, text in choices(SEVERITIES))
    editor = RowsEditor(
        (
            Column("kind", QCoreApplication.translate("LossLists", "类别"), 60, kinds, "property"),
            Column("description", QCoreApplication.translate("LossLists", "物品名称或伤者姓名"), 150),
            Column(
                "quantity", QCoreApplication.translate("LossLists", "数量"), 45, default="1", numeric=True
            ),
            Column(
                "value", QCoreApplication.translate("LossLists", "金额（元）"), 80, default="0", numeric=True
            ),
            Column("body_part", QCoreApplication.translate("LossLists", "受伤部位"), 70),
            Column("severity", QCoreApplication.translate("LossLists", "伤情"), 60, severities),
        ),
        "losses",
    )
    editor.add_button(
        QCoreApplication.translate("LossLists", "添加财产损失"), "add-property", kind="property"
    )
    editor.add_button(
        QCoreApplication.translate("LossLists", "添加人伤"), "add-injury", kind="injury", severity="minor"
    )
    return editor


def proofs_editor() -> RowsEditor:
    editor = RowsEditor(
        (
            Column(
                "kind",
                QCoreApplication.translate("LossLists", "证明类别"),
                140,
                tuple(choices(PROOF_KINDS)),
                "police_certificate",
            ),
            Column("reference", QCoreApplication.translate("LossLists", "编号或说明"), 200),
        ),
        "proofs",
    )
    editor.add_button(QCoreApplication.translate("LossLists", "添加证明材料"), "add-proof")
    return editor


def read_losses(rows: list[dict[str, str]]) -> tuple[LossInput, ...]:
    losses = []
    for number, row in enumerate(rows, start=1):
        try:
            quantity = int(row.get("quantity") or "1")
            value = Decimal(row.get("value") or "0")
        except (ValueError, InvalidOperation):
            raise ValidationError(
                "losses", "损失清单第 {n} 行的数量或金额不是有效的数字。", n=number
            ) from None
        losses.append(
            LossInput(
                kind=row.get("kind", "property"),
                description=row.get("description", ""),
                quantity=quantity,
                value=value,
                body_part=row.get("body_part", "") if row.get("kind") == "injury" else "",
                severity=row.get("severity", "") if row.get("kind") == "injury" else "",
            )
        )
    return tuple(losses)


def read_proofs(rows: list[dict[str, str]]) -> tuple[tuple[str, str], ...]:
    return tuple((row.get("kind", ""), row.get("reference", "")) for row in rows)
