"""The English translation: complete, compiled, in step with the code, and actually shown."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton
from ui_support import OFFSCREEN_NOISE, demo_bo_fixture, demo_template_fixture, session  # noqa: F401

from backoffice import i18n
from backoffice.domain.errors import AuthenticationError, ValidationError
from backoffice.ui.login import LoginDialog
from backoffice.ui.main_window import MainWindow

pytestmark = OFFSCREEN_NOISE
TOOL = Path(__file__).resolve().parents[2] / "tools" / "update_translations.py"


@pytest.fixture(scope="module")
def tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("update_translations", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses need the module registered
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    translator = i18n.load("en")
    assert translator is not None, "backoffice_en.qm did not load"
    qapp.installTranslator(translator)
    try:
        yield
    finally:
        qapp.removeTranslator(translator)
        i18n.load("zh_CN")


def test_every_string_has_a_finished_translation_with_its_placeholders(tool) -> None:
    messages = tool.read_ts(tool.TS_FILE)
    assert len(messages) > 100
    assert tool.translation_problems(messages) == []


def test_qm_is_compiled_from_the_current_ts(tool) -> None:
    assert tool.stale_qm() == []


def test_ts_holds_exactly_the_strings_of_the_code(tool) -> None:
    """Fails when a UI string or a DomainError message was added or changed without
    ``python tools/update_translations.py`` (and a translation for the new string)."""
    assert tool.out_of_step() == []


def test_error_scan_finds_domain_error_messages(tool) -> None:
    messages = tool.error_messages()
    assert "用户名或密码不正确。" in messages  # AuthenticationError(...)
    assert "密码至少需要 {n} 个字符。" in messages  # ValidationError(field, message, ...)
    assert "数据库结构需要升级：请运行 backoffice db upgrade（先备份）。" in messages  # EnvironmentProblem


def test_english_labels_in_the_main_window(qtbot, demo_bo, english) -> None:
    window = MainWindow(session(demo_bo, "demo-approver4"))
    qtbot.addWidget(window)
    assert [window.nav.item(r).text() for r in range(window.nav.count())] == [
        "Workbench",
        "Cases",
        "Approvals",
    ]
    assert window.windowTitle() == "backoffice Claims Office — DEMO"
    assert window.status_roles.text() == "Role: Approver (level 4)"
    assert window.status_user.text().startswith("User: ")
    assert [action.text() for action in window.menuBar().actions()] == ["Session", "Settings"]
    approvals = window.page("approvals")
    assert [approvals.findChild(QPushButton, name).text() for name in ("approve-agree", "approve-deny")] == [
        "Agree",
        "Deny",
    ]
    qtbot.waitUntil(lambda: approvals.findChild(type(window.status_user), "approvals-count").text() != "")
    assert approvals.findChild(type(window.status_user), "approvals-count").text() == "Waiting for you: 0"


def test_english_login_shows_english_errors(qtbot, demo_bo, english) -> None:
    dialog = LoginDialog(demo_bo)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.sign_in_button.text() == "Sign in"
    qtbot.keyClicks(dialog.username, "demo-clerk")
    qtbot.keyClicks(dialog.password, "wrong-password")
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.isVisible() and dialog.sign_in_button.isEnabled(), timeout=15_000)
    assert dialog.error.text() == "Wrong user name or password."


def test_error_text_keeps_placeholders_in_english(english) -> None:
    assert i18n.error_text(ValidationError("password", "密码至少需要 {n} 个字符。", n=8)) == (
        "The password needs at least 8 characters."
    )
    locked = AuthenticationError(
        "账户已被锁定，请在 {until} 之后再试，或请系统管理员解锁。", until="2026-03-02 10:00"
    )
    assert i18n.error_text(locked).startswith("The account is locked: try again after 2026-03-02 10:00")


def test_chinese_is_the_source_language(demo_bo, qtbot) -> None:
    assert i18n.current_language() == "zh_CN"
    dialog = LoginDialog(demo_bo)
    qtbot.addWidget(dialog)
    assert dialog.sign_in_button.text() == "登录"
