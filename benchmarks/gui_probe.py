"""Child processes of the GUI benchmarks: ``python -m benchmarks.gui_probe bare|login|memory``.

Each prints one JSON line. Times are wall-clock ``time.time()`` so that the parent can subtract the moment
it started the process: the interval covers interpreter start, imports, opening the database and the first
show of the window.

- ``bare``: a QApplication and an empty QWidget: the baseline.
- ``login``: the real entry point (``backoffice.cli.main([])``, database from ``BACKOFFICE_DATABASE_URL``)
  until the login dialog is shown (``shown``: the database still opening on a worker) and until its 登录
  button is enabled (``ready``: the database opened and checked); then the dialog is cancelled and the
  app exits as a user's would.
- ``memory``: as ``login``, then, once 登录 is enabled, signs in through the dialog
  (``BENCH_USER``/``BENCH_PASSWORD``), opens the 案件 page and waits for the first page of the case list
  and its total; reports the resident memory (peak and current) and when each step happened.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

TIMEOUT_MS = 600_000


def _rss() -> dict[str, float]:
    """Resident memory in MB: peak (getrusage) and current (/proc)."""
    out = {"max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(("VmRSS:", "VmHWM:")):
                    key = "rss_mb" if line.startswith("VmRSS") else "hwm_mb"
                    out[key] = int(line.split()[1]) / 1024
    except OSError:
        pass
    return out


def _emit(data: dict[str, Any]) -> None:
    print(json.dumps(data), flush=True)


class _Watcher(QObject):
    """Notes the first Show of a top-level window of the wanted class name."""

    def __init__(self, app: QApplication, mode: str) -> None:
        super().__init__()
        self.app = app
        self.mode = mode
        self.times: dict[str, float] = {}
        self.page: Any = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt's name
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow():
            name = type(watched).__name__
            if name in ("QWidget", "LoginDialog") and "shown" not in self.times:
                self.times["shown"] = time.time()
                QTimer.singleShot(0, lambda: self._login_shown(watched))
            elif name == "MainWindow" and "main_window" not in self.times:
                self.times["main_window"] = time.time()
                QTimer.singleShot(0, lambda: self._main_shown(watched))
        return False

    def _login_shown(self, window: Any) -> None:
        if self.mode == "bare":
            _emit({"shown": self.times["shown"], **_rss()})
            window.close()
            self.app.quit()
            return
        if not window.sign_in_button.isEnabled():  # the database is still being opened
            QTimer.singleShot(5, lambda: self._login_shown(window))
            return
        self.times.setdefault("ready", time.time())
        if self.mode == "login":
            _emit({"shown": self.times["shown"], "ready": self.times["ready"], **_rss()})
            window.reject()
            return
        window.username.setText(os.environ["BENCH_USER"])
        window.password.setText(os.environ["BENCH_PASSWORD"])
        window.sign_in_button.click()

    def _main_shown(self, window: Any) -> None:
        self.page = window.show_page("cases")
        self.times["cases_page"] = time.time()
        self._poll(window)

    def _poll(self, window: Any) -> None:
        page = self.page
        if page.model.rowCount() > 0 and "first_page" not in self.times:
            self.times["first_page"] = time.time()
            self.rows = page.model.rowCount()
        if page.total is not None and "total" not in self.times:
            self.times["total"] = time.time()
        if page.error.isVisible():
            _emit({"error": page.error.text()})
            window.close()
            return
        if "first_page" in self.times and "total" in self.times:
            _emit({**self.times, "rows": self.rows, "case_total": page.total, **_rss()})
            window.close()
            return
        QTimer.singleShot(5, lambda: self._poll(window))


def main(mode: str) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    watcher = _Watcher(app, mode)
    app.installEventFilter(watcher)
    QTimer.singleShot(TIMEOUT_MS, app.quit)
    if mode == "bare":
        window = QWidget()
        window.setWindowTitle("bare")
        window.resize(420, 240)
        window.show()
        return app.exec()
    from backoffice.cli import main as backoffice_main

    return backoffice_main([])


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
