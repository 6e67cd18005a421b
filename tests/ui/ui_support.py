"""Fixtures and helpers for the GUI tests.

Each test module imports the fixture functions (``demo_bo_fixture`` registers the fixture ``demo_bo``).
Not a conftest.py: the root tests/conftest.py is imported as ``conftest`` by other test modules, and a
second conftest module of the same name would shadow it depending on collection order.

The demo database (one user per role, fast Argon2 parameters) is built once per session through the
services and copied for every test, so each test starts from the same fresh state.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from backoffice.security.kdf import Argon2Params
from backoffice.services.auth import sign_in
from backoffice.services.context import Backoffice, UserSession
from backoffice.services.demo import DEFAULT_DEMO_PASSWORD, ensure_demo_database
from backoffice.settings import load_settings
from backoffice.ui.fonts import register_app_font
from backoffice.ui.tasks import wait_for_tasks

# The offscreen platform plugin warns whenever a window's size constraints change (every dialog with a
# layout); it is noise of the test platform, not of the application.
OFFSCREEN_NOISE = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")
FAST_KDF = Argon2Params(memory_kib=8192, iterations=1, lanes=1)
PASSWORD = DEFAULT_DEMO_PASSWORD
# Each demo user and the navigation pages their roles give them, in order.
EXPECTED_PAGES: dict[str, list[str]] = {
    "demo-clerk": ["workbench", "new_report", "cases"],
    **{f"demo-approver{n}": ["workbench", "cases", "approvals"] for n in range(1, 6)},
    "demo-archivist": ["workbench", "cases", "archive"],
    "demo-supervisor": ["workbench", "cases", "reports"],
    "demo-admin": ["workbench", "admin"],
    "demo-auditor": ["workbench", "reports", "audit"],
}


def open_backoffice(data_dir: Path) -> Backoffice:
    bo = Backoffice.open(load_settings(data_dir))
    bo.kdf_params = FAST_KDF
    return bo


@pytest.fixture(scope="session", name="demo_template")
def demo_template_fixture(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data_dir = tmp_path_factory.mktemp("demo-template") / "data"
    bo = open_backoffice(data_dir)
    try:
        ensure_demo_database(bo, PASSWORD)
    finally:
        bo.close()
    return data_dir


@pytest.fixture(name="demo_bo")
def demo_bo_fixture(demo_template: Path, tmp_path: Path, qapp: QApplication) -> Iterator[Backoffice]:
    """A Backoffice on this test's own copy of the demo database; threads are drained afterwards."""
    register_app_font()
    data_dir = tmp_path / "data"
    shutil.copytree(demo_template, data_dir)
    bo = open_backoffice(data_dir)
    try:
        yield bo
    finally:
        assert wait_for_tasks(30_000), "a worker thread did not finish"
        QCoreApplication.processEvents()
        bo.close()


def session(bo: Backoffice, username: str) -> UserSession:
    return sign_in(bo, username, PASSWORD)
