"""Options on this computer: the language (after a restart) and the idle-lock time (admins only)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from backoffice.security.roles import Permission
from backoffice.services.context import UserSession
from backoffice.settings import LANGUAGES, Options, save_options

LANGUAGE_NAMES = {"zh_CN": "中文（简体）", "en": "English"}  # each in its own language, never translated


class SettingsDialog(QDialog):
    """Edits ``options.json`` of the data directory through ``settings.save_options``."""

    def __init__(self, us: UserSession, options: Options, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings-dialog")
        self.setWindowTitle(self.tr("设置"))
        self._us = us
        self._original = options
        self.saved: Options | None = None

        self.language = QComboBox(objectName="language")
        for code in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES.get(code, code), code)
        self.language.setCurrentIndex(max(0, self.language.findData(options.language)))
        self.idle_minutes = QSpinBox(objectName="idle-minutes")
        self.idle_minutes.setRange(1, 240)
        self.idle_minutes.setSuffix(self.tr(" 分钟"))
        self.idle_minutes.setValue(options.idle_lock_minutes)
        may_change_lock = us.actor.role_for(Permission.MANAGE_SETTINGS) is not None
        self.idle_minutes.setEnabled(may_change_lock)
        if not may_change_lock:
            self.idle_minutes.setToolTip(self.tr("只有系统管理员可以更改自动锁定时间。"))

        note = QLabel(self.tr("更改语言后，需要重新启动程序才能生效。"), objectName="restart-note")
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        where = QLabel(self.tr("保存在：{path}").format(path=us.bo.settings.options_file))
        where.setWordWrap(True)
        where.setStyleSheet("color: #777;")

        form = QFormLayout()
        form.addRow(self.tr("界面语言"), self.language)
        form.addRow(self.tr("无操作自动锁定"), self.idle_minutes)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("保存"))
        self.save_button.setObjectName("save")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(where)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def chosen(self) -> Options:
        return Options(language=str(self.language.currentData()), idle_lock_minutes=self.idle_minutes.value())

    def language_changed(self) -> bool:
        return self.saved is not None and self.saved.language != self._original.language

    def _save(self) -> None:
        options = self.chosen()
        try:
            save_options(self._us.bo.settings.options_file, options)
        except OSError as exc:
            QMessageBox.warning(
                self, self.tr("无法保存"), self.tr("设置无法保存：{error}").format(error=exc.strerror or exc)
            )
            return
        self.saved = options
        self.accept()
