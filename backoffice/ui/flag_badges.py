"""Risk flags as small coloured badges: a short name on a colour per flag, the full text as tooltip."""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFontMetrics, QPainter
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from backoffice.domain.risk import FLAG_LABELS
from backoffice.ui.labels import code_label

CONTEXT = "FlagBadges"
SHORT_NAMES = {
    "early_claim": QT_TRANSLATE_NOOP("FlagBadges", "新保出险"),
    "repeat_claimant": QT_TRANSLATE_NOOP("FlagBadges", "重复索赔"),
    "outside_period": QT_TRANSLATE_NOOP("FlagBadges", "期外出险"),
    "late_report": QT_TRANSLATE_NOOP("FlagBadges", "迟报"),
    "near_authority_limit": QT_TRANSLATE_NOOP("FlagBadges", "临近权限"),
    "shared_bank_account": QT_TRANSLATE_NOOP("FlagBadges", "共用账户"),
}
COLOURS = {
    "early_claim": "#e37400",
    "repeat_claimant": "#b00020",
    "outside_period": "#8e24aa",
    "late_report": "#1565c0",
    "near_authority_limit": "#00796b",
    "shared_bank_account": "#c2185b",
}
OTHER_COLOUR = "#5f6368"
FLAGS_ROLE = Qt.ItemDataRole.UserRole + 1
PAD_X, GAP = 6, 4
Index = QModelIndex | QPersistentModelIndex


def short_name(flag: str) -> str:
    text = SHORT_NAMES.get(flag)
    return QCoreApplication.translate(CONTEXT, text) if text else flag


def colour(flag: str) -> QColor:
    return QColor(COLOURS.get(flag, OTHER_COLOUR))


class FlagBadgeDelegate(QStyledItemDelegate):
    """Paints the tuple of flag codes that the model gives for ``FLAGS_ROLE``."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        flags = index.data(FLAGS_ROLE) or ()
        if not flags:
            super().paint(painter, option, index)
            return
        style = option.widget.style() if option.widget is not None else None
        if style is not None:  # selection background, no text
            plain = QStyleOptionViewItem(option)
            self.initStyleOption(plain, index)
            plain.text = ""
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, plain, painter, option.widget)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(option.font)
        height = metrics.height() + 2
        x = option.rect.x() + GAP
        y = option.rect.y() + (option.rect.height() - height) // 2
        for flag in flags:
            text = short_name(flag)
            width = metrics.horizontalAdvance(text) + 2 * PAD_X
            if x + width > option.rect.right():
                break
            box = QRect(x, y, width, height)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour(flag))
            painter.drawRoundedRect(box, height / 2, height / 2)
            painter.setPen(QColor("white"))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
            x += width + GAP
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        base = super().sizeHint(option, index)
        flags = index.data(FLAGS_ROLE) or ()
        metrics = QFontMetrics(option.font)
        width = sum(metrics.horizontalAdvance(short_name(f)) + 2 * PAD_X + GAP for f in flags) + GAP
        return QSize(max(base.width(), width), base.height())


def badge(flag: str) -> QLabel:
    """One flag as a label widget (for detail views), the full description as tooltip."""
    label = QLabel(short_name(flag), objectName=f"flag-{flag}")
    label.setStyleSheet(
        f"background: {colour(flag).name()}; color: white; border-radius: 8px; padding: 1px 8px;"
    )
    label.setToolTip(code_label(FLAG_LABELS, flag))
    return label


def badge_row(flags: tuple[str, ...], none_text: str) -> QWidget:
    """The flags as a row of badges with their full descriptions beside; ``none_text`` when none."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    if not flags:
        layout.addWidget(QLabel(none_text))
    for flag in flags:
        layout.addWidget(badge(flag))
        layout.addWidget(QLabel(code_label(FLAG_LABELS, flag)))
    layout.addStretch(1)
    return row
