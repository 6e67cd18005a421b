"""The authority matrix as an editable table model (levels × lines, denial and ex-gratia authority).

It holds the text as typed; :meth:`MatrixModel.to_matrix` parses the amounts (empty or "不限" for no limit)
and lets ``AuthorityMatrix`` check the whole table, so a bad cell is a message for the user, not a crash.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal

from backoffice.domain.approval import LEVELS, AuthorityLevel, AuthorityMatrix, LineOfBusiness
from backoffice.domain.errors import ValidationError
from backoffice.services.policies import LINE_LABELS
from backoffice.ui.formatting import money
from backoffice.ui.labels import code_label

Index = QModelIndex | QPersistentModelIndex
LINES = tuple(LineOfBusiness)
UNLIMITED_WORDS = ("", "不限", "无限", "unlimited")


def parse_limit(text: str, level: int, line: LineOfBusiness) -> Decimal | None:
    """A limit as typed: yuan with at most two decimals, thousands separators allowed; empty = unlimited."""
    cleaned = text.strip().replace(",", "").replace("，", "")
    if cleaned.lower() in UNLIMITED_WORDS:
        return None
    try:
        amount: Decimal | None = Decimal(cleaned)
    except InvalidOperation:
        amount = None
    if amount is None or not amount.is_finite() or amount < 0 or _decimals(amount) > 2:
        raise ValidationError(
            "authority_matrix",
            "第{level}级“{line}”的金额“{text}”无效：请输入不小于0的金额（元，最多两位小数），留空表示不限额。",
            level=level,
            line=code_label(LINE_LABELS, line),
            text=text.strip(),
        )
    return amount


def _decimals(amount: Decimal) -> int:
    exponent = amount.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


class MatrixModel(QAbstractTableModel):
    """Levels 1–5 as rows; columns: title, one limit per line, denial, ex-gratia. Holds the text as typed."""

    TITLE = 0
    FIRST_LINE = 1
    DENY = FIRST_LINE + len(LINES)
    EX_GRATIA = DENY + 1
    edited = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.editable = False
        self._titles: list[str] = []
        self._limits: list[list[str]] = []
        self._deny: list[bool] = []
        self._ex_gratia: list[bool] = []
        self._headers = (
            self.tr("职务"),
            *(code_label(LINE_LABELS, line) for line in LINES),
            self.tr("拒赔权"),
            self.tr("通融赔付权"),
        )

    def set_matrix(self, matrix: AuthorityMatrix) -> None:
        self.beginResetModel()
        self._titles = [level.title for level in matrix.levels]
        self._limits = [
            ["" if level.limit(line) is None else str(level.limit(line)) for line in LINES]
            for level in matrix.levels
        ]
        self._deny = [level.can_deny for level in matrix.levels]
        self._ex_gratia = [level.can_ex_gratia for level in matrix.levels]
        self.endResetModel()

    def to_matrix(self) -> AuthorityMatrix:
        """The table as an AuthorityMatrix; ValidationError (a message for the user) if it is not one."""
        levels = []
        for row, number in enumerate(LEVELS):
            limits = {
                line: parse_limit(self._limits[row][col], number, line) for col, line in enumerate(LINES)
            }
            levels.append(
                AuthorityLevel(
                    number,
                    limits,
                    can_deny=self._deny[row],
                    can_ex_gratia=self._ex_gratia[row],
                    title=self._titles[row].strip(),
                )
            )
        try:
            return AuthorityMatrix(tuple(levels))  # the domain's own checks
        except ValidationError as exc:
            line = exc.params.get("line")
            if line is None:
                raise
            params = {k: v for k, v in exc.params.items() if k != "field"}
            params["line"] = code_label(LINE_LABELS, str(line))  # the line's name, not its code
            raise ValidationError(exc.field, exc.message, **params) from exc

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._titles)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def _line_column(self, column: int) -> int | None:
        offset = column - self.FIRST_LINE
        return offset if 0 <= offset < len(LINES) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._titles):
            return None
        row, column = index.row(), index.column()
        line = self._line_column(column)
        if role == Qt.ItemDataRole.CheckStateRole and column in (self.DENY, self.EX_GRATIA):
            flags = self._deny if column == self.DENY else self._ex_gratia
            return Qt.CheckState.Checked if flags[row] else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.EditRole:
            if column == self.TITLE:
                return self._titles[row]
            return self._limits[row][line] if line is not None else None
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.TITLE:
                return self._titles[row]
            return self._display_limit(self._limits[row][line]) if line is not None else None
        if role == Qt.ItemDataRole.TextAlignmentRole and line is not None:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display_limit(self, text: str) -> str:
        cleaned = text.strip().replace(",", "")
        if cleaned.lower() in UNLIMITED_WORDS:
            return self.tr("不限")
        try:
            return money(Decimal(cleaned))
        except InvalidOperation:
            return text  # shown as typed; saving says what is wrong with it

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not self.editable or not index.isValid():
            return False
        row, column = index.row(), index.column()
        line = self._line_column(column)
        if role == Qt.ItemDataRole.CheckStateRole and column in (self.DENY, self.EX_GRATIA):
            flags = self._deny if column == self.DENY else self._ex_gratia
            flags[row] = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role == Qt.ItemDataRole.EditRole and column == self.TITLE:
            self._titles[row] = str(value)
        elif role == Qt.ItemDataRole.EditRole and line is not None:
            self._limits[row][line] = str(value).strip()
        else:
            return False
        self.dataChanged.emit(index, index)
        self.edited.emit()
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self.editable:
            return flags
        if index.column() in (self.DENY, self.EX_GRATIA):
            return flags | Qt.ItemFlag.ItemIsUserCheckable
        return flags | Qt.ItemFlag.ItemIsEditable

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
            return self._headers[section]
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._titles):
            return self.tr("第 {n} 级").format(n=section + 1)
        return None
