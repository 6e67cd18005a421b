#!/usr/bin/env python3
"""Screenshots for the user guide, made by driving the real windows offscreen on a fresh demo database.

    python tools/screenshots.py                 # writes docs/images/*.png
    python tools/screenshots.py --out /tmp/shots

Nothing is mocked: a demo database is created in a temporary directory through the services (the same
``ensure_demo_database`` as ``backoffice demo``), users sign in through the login dialog or the auth
service, and each window is rendered with Qt's offscreen platform. A window is drawn with a plain title
bar (the offscreen platform has no window manager); a dialog is drawn centred over its window
(``screenshots_frames``).

Chapters 1 and 2 are taken here (their cases: ``screenshots_intake``); chapters 3–8 by
``screenshots_cases`` on the cases ``screenshots_workflow`` drives through calculation, approval, payment,
closing and archiving.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import (  # noqa: E402
    QCoreApplication,
    QMessageLogContext,
    Qt,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from screenshots_cases import CaseShots  # noqa: E402
from screenshots_frames import Camera, framed, settle, wait_until, with_dialog  # noqa: E402
from screenshots_intake import NOW, seed_cases  # noqa: E402
from screenshots_workflow import seed_workflow  # noqa: E402

from backoffice import i18n  # noqa: E402
from backoffice.security.kdf import Argon2Params  # noqa: E402
from backoffice.services.context import Backoffice  # noqa: E402
from backoffice.services.demo import DEFAULT_DEMO_PASSWORD, ensure_demo_database  # noqa: E402
from backoffice.settings import load_settings  # noqa: E402
from backoffice.ui.fonts import register_app_font  # noqa: E402
from backoffice.ui.login import LoginDialog  # noqa: E402
from backoffice.ui.new_report import NewReportPage  # noqa: E402
from backoffice.ui.tasks import wait_for_tasks  # noqa: E402

# Fast Argon2 for the throw-away demo database only (it is deleted when the script ends).
SCREENSHOT_KDF = Argon2Params(memory_kib=8192, iterations=1, lanes=1)
INTAKE_SIZE = (1280, 940)  # the report form has two columns of fields


def quiet_offscreen_noise(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    """The offscreen plugin warns whenever a window's size constraints change; say everything else."""
    if "propagateSizeHints" not in message:
        print(f"Qt {kind.name}: {message}", file=sys.stderr)


class Shots(Camera):
    """Chapters 1 and 2."""

    def login(self) -> None:
        dialog = LoginDialog(self.bo)
        dialog.show()
        QTest.keyClicks(dialog.username, "demo-clerk")
        QTest.keyClicks(dialog.password, "wrong-password")
        settle()
        self.save(framed(dialog), "login")
        QTest.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
        wait_until(lambda: dialog.error.isVisible() and dialog.sign_in_button.isEnabled())
        dialog.adjustSize()
        settle()
        self.save(framed(dialog), "login-error")
        dialog.close()
        dialog.deleteLater()

    def main_windows(self) -> None:
        for username, name, page in (
            ("demo-clerk", "main-clerk", None),
            ("demo-approver3", "main-approver", "approvals"),
            ("demo-supervisor", "main-supervisor", "reports"),
        ):
            window = self.window(username, page)
            self.save(framed(window), name)
            window.close()
            window.deleteLater()

    def admin(self) -> None:
        window = self.window("demo-admin", "admin")
        page = window.page("admin")
        wait_until(lambda: page.model.rowCount() > 0 and page.refresh_button.isEnabled())
        settle()
        self.save(framed(window), "main-admin")
        window.close()
        window.deleteLater()

    def auditor(self) -> None:
        window = self.window("demo-auditor", "audit")
        page = window.page("audit")
        QTest.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
        wait_until(lambda: page.verify_button.isEnabled() and bool(page.result.text()))
        settle()
        self.save(framed(window), "main-auditor")
        window.close()
        window.deleteLater()

    def lock_and_settings(self) -> None:
        window = self.window("demo-clerk")
        dialog = window.lock()
        assert dialog is not None
        settle()
        self.save(with_dialog(window, dialog), "lock")
        QTest.keyClicks(dialog.password, DEFAULT_DEMO_PASSWORD)
        QTest.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
        wait_until(lambda: not window.locked)
        settings = window.open_settings()
        settings.language.setCurrentIndex(settings.language.findData("en"))
        settle()
        self.save(with_dialog(window, settings), "settings")
        settings.reject()
        window.close()
        window.deleteLater()

    def english_main_window(self, app: QApplication) -> None:
        """The clerk's window in English, as the language switch shows it after a restart."""
        translator = i18n.load("en")
        assert translator is not None, "backoffice_en.qm did not load"
        app.installTranslator(translator)
        try:
            window = self.window("demo-clerk")
            self.save(framed(window), "main-clerk-en")
            window.close()
            window.deleteLater()
        finally:
            app.removeTranslator(translator)
            i18n.load("zh_CN")

    def intake(self) -> None:
        """Chapter 2: a report typed in, the reason for a late report, the result, the list, a case."""
        case_no = seed_cases(self.session("demo-clerk"))
        window = self.window("demo-clerk", "new_report", INTAKE_SIZE)
        page = window.page("new_report")
        assert isinstance(page, NewReportPage)
        fill_report(page)
        settle()
        self.save(framed(window), "new-report")
        page.submit()
        wait_until(lambda: page.override_dialog is not None)
        dialog = page.override_dialog
        assert dialog is not None
        dialog.fields["late_report"].setText("客户出国，回国后报案，有机票为证")
        settle()
        self.save(with_dialog(window, dialog), "new-report-override")
        QTest.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
        wait_until(lambda: page.showing_result)
        settle()
        self.save(framed(window), "new-report-result")

        cases = window.show_page("cases")
        wait_until(lambda: cases.model.rowCount() == 6 and cases.total == 6 and not cases.model.loading)
        settle()
        self.save(framed(window), "case-list")
        view = cases.open_case(case_no)
        wait_until(lambda: view.detail is not None)
        view.tabs.setCurrentWidget(view.documents)
        view.documents.select_item("现场及车损照片")
        settle()
        self.save(framed(window), "case-documents")
        window.close()
        window.deleteLater()


def fill_report(page: NewReportPage) -> None:
    """What a clerk types for a report phoned in three days after a rear-end collision."""
    form = page.form
    form.policy.setText("PDAA202611000001")
    form.policy.load(form.policy.text())
    wait_until(lambda: form.policy.policy is not None)
    form.channel.setCurrentIndex(form.channel.findData("hotline"))
    form.reporter_name.setText("赵强")
    form.relation.setCurrentIndex(form.relation.findData("family"))
    form.reporter_phone.setText("13701234567")
    form.incident_at.setDateTime(form.reported_at.dateTime().addDays(-3).addSecs(-5400))
    form.place.setText("北京市东城区东直门外大街 12 号路口")
    form.cause.setCurrentIndex(form.cause.findData("collision"))
    form.estimated.setText("6800")
    form.narrative.setPlainText("等红灯时被后车追尾，后备箱盖和后保险杠受损，无人受伤。")
    form.losses.model.add_row(kind="property", description="后备箱盖", quantity="1", value="4200")
    form.losses.model.add_row(kind="property", description="后保险杠", quantity="1", value="2600")
    form.proofs.model.add_row(kind="police_certificate", reference="京公交认字[2026]第0227号")
    form.policy.setFocus()


def make_demo(data_dir: Path) -> Backoffice:
    bo = Backoffice.open(load_settings(data_dir))
    bo.clock = lambda: NOW  # the same dates and case numbers in every run
    bo.kdf_params = SCREENSHOT_KDF
    ensure_demo_database(bo, DEFAULT_DEMO_PASSWORD)
    return bo


def take_all(app: QApplication, out: Path, data_dir: Path) -> list[Path]:
    bo = make_demo(data_dir)
    shots = Shots(bo, out)
    try:
        shots.login()
        shots.main_windows()
        shots.admin()
        shots.auditor()
        shots.lock_and_settings()
        shots.english_main_window(app)
        shots.intake()
        later = CaseShots(bo, out, seed_workflow(bo, DEFAULT_DEMO_PASSWORD))
        later.take_all()
    finally:
        wait_for_tasks()
        QCoreApplication.processEvents()
        bo.close()
    return shots.written + later.written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Make the user guide's screenshots offscreen.")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "images")
    args = parser.parse_args(argv)
    args.out = args.out.resolve()
    args.out.mkdir(parents=True, exist_ok=True)
    qInstallMessageHandler(quiet_offscreen_noise)
    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    register_app_font()
    # The demo database lives in a fresh temporary directory, addressed relative to it, so the path shown
    # in the pictures ("demo/backoffice.sqlite3") is the same on every run and runs never collide.
    here = Path.cwd()
    with tempfile.TemporaryDirectory(prefix="backoffice-screenshots-") as tmp:
        os.chdir(tmp)
        try:
            written = take_all(app, args.out, Path("demo"))
        finally:
            os.chdir(here)
    for path in written:
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
