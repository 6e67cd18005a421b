"""Start-up work that runs off the UI thread while the login dialog is on screen.

``open_on_worker`` opens and checks the database with the function the composition root provides and
loads what the first sign-in needs; ``ServicePreload`` then imports the services the main window calls
(plain Python: SQLAlchemy queries, ReportLab, pikepdf; no Qt), so that signing in does not wait for them.
"""

from __future__ import annotations

import importlib
import logging
import pkgutil
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from backoffice.ui.login import is_demo_database

if TYPE_CHECKING:
    from backoffice.services.context import Backoffice

log = logging.getLogger("backoffice.ui.startup")

# Loaded on the worker with the database, so that the first sign-in does not wait for them.
_SIGN_IN_MODULES = ("backoffice.services.auth",)
_DEMO_MODULES = ("backoffice.services.demo",)  # the login dialog's hint lists the demo users


@dataclass(frozen=True)
class OpenedDatabase:
    bo: Backoffice
    demo: bool


def open_on_worker(opener: Callable[[], Backoffice]) -> OpenedDatabase:
    """Open and check the database (``opener`` raises for one the program cannot use); runs off the UI."""
    bo = opener()
    try:
        demo = is_demo_database(bo)
        for name in _SIGN_IN_MODULES + (_DEMO_MODULES if demo else ()):
            importlib.import_module(name)
    except BaseException:
        bo.close()
        raise
    return OpenedDatabase(bo, demo)


class ServicePreload:
    """Imports every service module (but the demo's) on a worker; ``wait`` blocks until it is done.

    The UI thread waits for it before importing the main window, so that the two threads never import
    the same modules at once.
    """

    def __init__(self) -> None:
        self._done = threading.Event()

    def run(self) -> None:
        try:
            import backoffice.services as services

            for module in pkgutil.iter_modules(services.__path__):
                if not module.name.startswith("demo"):
                    importlib.import_module(f"{services.__name__}.{module.name}")
        finally:
            self._done.set()

    def wait(self) -> None:
        self._done.wait()


def preload_failed(exc: Exception) -> None:
    # Importing the main window raises the same error again, on the UI thread, where it is reported.
    log.warning("preloading the services failed: %s", type(exc).__name__)
