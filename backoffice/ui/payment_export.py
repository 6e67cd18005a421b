"""导出支付批次: every payment waiting for export, of all cases, into one XLSX or CSV file for finance.

The file holds bank accounts in the clear, so the service wants the password again; the export runs in
a password dialog (the ``PasswordDialog`` of the sign-off actions) on a worker. ``PaymentBatchExport``
is the button with its result line, placed on the 案件 page and in the 支付与结案 tab; it hides itself
for users who may not export.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from functools import partial
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from backoffice.security.roles import Permission
from backoffice.services.context import UserSession
from backoffice.services.payments import export_batch
from backoffice.ui.formatting import SHANGHAI
from backoffice.ui.idle_lock import PasswordDialog
from backoffice.ui.widgets import ERROR_STYLE

SUFFIXES = (".xlsx", ".csv")
OK_STYLE = "color: #1b5e20;"


def may_export(us: UserSession) -> bool:
    return us.actor.role_for(Permission.HANDLE_CASES) is not None


def ask_batch_path(parent: QWidget | None, title: str, suggested: str) -> Path | None:
    """The file the user chose; XLSX unless they chose CSV (by suffix or by the filter)."""
    where = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    start = Path(where) if where else Path.home()
    xlsx, csv = "Excel (*.xlsx)", "CSV (*.csv)"
    name, chosen = QFileDialog.getSaveFileName(parent, title, str(start / suggested), f"{xlsx};;{csv}")
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() not in SUFFIXES:
        path = path.with_name(path.name + (".csv" if chosen == csv else ".xlsx"))
    return path


class ExportPasswordDialog(PasswordDialog):
    """The password dialog whose confirmation is the export itself (the service checks the password)."""

    def __init__(self, us: UserSession, target: Path, parent: QWidget | None = None) -> None:
        super().__init__(us, "payment.export", parent)
        self.prompt.setText(
            self.tr(
                "文件 {name} 将含银行账号明文，导出会记入审计日志。请输入 {user} 的密码确认导出。"
            ).format(name=target.name, user=us.actor.display_name)
        )
        self.setObjectName("export-password-dialog")
        self.setWindowTitle(self.tr("导出支付批次"))
        self.confirm_button.setText(self.tr("导出"))
        self.target = target
        self.result_value: tuple[int, Decimal] | None = None

    def _submit(self) -> None:
        password = self.password.text()
        if self._tasks.busy or not password:
            return
        self.message.hide()
        call = partial(export_batch, self._us, self.target, password=password)
        self._tasks.run(call, self._exported, self._failed)

    def _exported(self, result: tuple[int, Decimal]) -> None:
        self.result_value = result
        self._confirmed(result)

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, OSError):
            self.password.clear()
            self.message.setText(self.tr("文件无法保存：{error}").format(error=exc.strerror or exc))
            self.message.show()
            return
        super()._failed(exc)


class PaymentBatchExport(QWidget):
    """The 导出支付批次 button and a line saying what was exported; ``exported(count, total)``."""

    exported = Signal(int, object)  # count, Decimal total

    def __init__(self, us: UserSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("payment-batch-export")
        self._us = us
        self.ask_path: Callable[[QWidget | None, str, str], Path | None] = ask_batch_path
        self.dialog: ExportPasswordDialog | None = None
        self.button = QPushButton(self.tr("导出支付批次…"), objectName="export-payment-batch")
        self.button.setToolTip(self.tr("把所有案件中待导出的支付导出为一个 XLSX 或 CSV 文件，交财务付款。"))
        self.button.clicked.connect(self.start)
        self.result = QLabel(objectName="payment-batch-result")
        self.result.setWordWrap(True)
        self.result.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.result, 1)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignRight)
        if not may_export(us):
            self.hide()  # (never show(): without a parent yet, that would open a window)

    def start(self) -> ExportPasswordDialog | None:
        """Ask where to save (through ``ask_path``), then for the password."""
        if not may_export(self._us) or self.dialog is not None:
            return self.dialog
        today = self._us.bo.now().astimezone(SHANGHAI).strftime("%Y%m%d")
        path = self.ask_path(
            self, self.tr("导出支付批次"), self.tr("支付批次-{date}.xlsx").format(date=today)
        )
        return None if path is None else self.export_to(path)

    def export_to(self, path: Path) -> ExportPasswordDialog | None:
        """Export into ``path`` (suffix .xlsx or .csv) once the password is entered in the dialog returned."""
        if not may_export(self._us) or self.dialog is not None:
            return self.dialog
        if path.suffix.lower() not in SUFFIXES:
            self._say(self.tr("支付批次只能导出为 XLSX 或 CSV 文件：请换一个文件名。"), error=True)
            return None
        dialog = ExportPasswordDialog(self._us, path, self)
        dialog.accepted.connect(partial(self._done, dialog))
        dialog.finished.connect(self._closed)
        self.dialog = dialog
        self.button.setEnabled(False)
        dialog.open()
        return dialog

    def _done(self, dialog: ExportPasswordDialog) -> None:
        if dialog.result_value is None:
            return
        count, total = dialog.result_value
        self._say(
            self.tr("已导出 {count} 笔，合计 ¥{total}：{name}（含银行账号明文，请妥善交给财务）").format(
                count=count, total=f"{total:,.2f}", name=dialog.target.name
            ),
            error=False,
        )
        self.result.setToolTip(str(dialog.target))
        self.exported.emit(count, total)

    def _closed(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None
        self.button.setEnabled(True)

    def _say(self, text: str, *, error: bool) -> None:
        self.result.setStyleSheet(ERROR_STYLE if error else OK_STYLE)
        self.result.setText(text)
        self.result.show()
