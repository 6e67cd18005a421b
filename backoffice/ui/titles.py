"""Window titles: the product name, what the window is, and DEMO for a demo database."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def app_title() -> str:
    return QCoreApplication.translate("titles", "backoffice 理赔后台")


def window_title(what: str | None = None, *, demo: bool = False) -> str:
    title = app_title() if not what else f"{app_title()} — {what}"
    if demo:
        title += QCoreApplication.translate("titles", " — 演示 DEMO")
    return title
