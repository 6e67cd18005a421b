"""The admin's key and backup panel: the backup reminder and key rotation with progress, for real."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from ui_support import OFFSCREEN_NOISE, demo_bo_fixture, demo_template_fixture, session  # noqa: F401 (fixtures)

from backoffice.services import keys
from backoffice.ui import admin_keys
from backoffice.ui.admin_keys import KeysPanel

pytestmark = OFFSCREEN_NOISE


def test_backup_reminder_and_key_rotation(qtbot, demo_bo, monkeypatch) -> None:
    admin = session(demo_bo, "demo-admin")
    panel = KeysPanel(admin)
    qtbot.addWidget(panel)
    panel.show()
    panel.refresh()
    qtbot.waitUntil(lambda: "版本 1" in panel.keys_label.text(), timeout=10_000)
    assert "还没有备份过" in panel.backup_label.text()

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(admin_keys, "ask_password", lambda *a, **k: True)
    qtbot.mouseClick(panel.rotate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "版本 2" in panel.keys_label.text(), timeout=30_000)
    assert not panel.bar.isVisible()
    assert keys.status(admin).live_versions == (2,)
