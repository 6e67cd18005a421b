"""The bundled CJK font (WenQuanYi Micro Hei), registered with Qt and made the application font.

Many machines (and the offscreen platform) have no Chinese font at all; without this, Chinese text
renders as boxes.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

FONT_FILE = "wqy-microhei.ttc"
FONT_FAMILY = "WenQuanYi Micro Hei"
POINT_SIZE = 10


def font_path() -> str:
    return str(resources.files("backoffice") / "resources" / "fonts" / FONT_FILE)


@cache
def _register() -> str:
    font_id = QFontDatabase.addApplicationFont(font_path())
    if font_id < 0:
        raise RuntimeError(f"Qt could not load the bundled font {font_path()}")
    families = QFontDatabase.applicationFontFamilies(font_id)
    return FONT_FAMILY if FONT_FAMILY in families else families[0]


def register_app_font() -> str:
    """Register the bundled font (once per process), make it the application font, return its family.

    Needs a QGuiApplication (or QApplication) to exist.
    """
    family = _register()
    app = QGuiApplication.instance()
    if isinstance(app, QGuiApplication):
        font = QFont(family, POINT_SIZE)
        font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
        app.setFont(font)
    return family
