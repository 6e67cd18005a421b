"""The bundled CJK font is registered, is the application font, and covers everyday claims vocabulary."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QColor, QFontDatabase, QFontInfo, QFontMetrics, QImage
from PySide6.QtWidgets import QApplication, QLabel

from backoffice.ui.fonts import FONT_FAMILY, font_path, register_app_font

COMMON = (
    "理赔案件核赔归档报表审计管理员工作台新报案系统设置登录密码锁定用户角色数据库演示身份证银行卡号金额元"
)


def test_bundled_font_file_ships_with_its_licence() -> None:
    path = Path(font_path())
    assert path.is_file() and path.stat().st_size > 1_000_000
    assert (path.parent / "LICENSE-wqy-microhei.txt").is_file()


def test_app_font_is_the_bundled_family(qapp: QApplication) -> None:
    family = register_app_font()
    assert family == FONT_FAMILY
    assert register_app_font() == family  # idempotent
    assert QApplication.font().family() == family
    assert QFontInfo(QApplication.font()).family() == family  # really resolved, not substituted
    assert family in QFontDatabase.families()


def test_font_covers_common_chinese_characters(qapp: QApplication) -> None:
    register_app_font()
    metrics = QFontMetrics(QApplication.font())
    missing = [ch for ch in COMMON if not metrics.inFontUcs4(ord(ch))]
    assert missing == []
    assert all(metrics.inFontUcs4(ord(ch)) for ch in "ABCxyz0123456789，。：（）—")


def test_a_label_renders_chinese_with_ink(qtbot) -> None:
    """Offscreen rendering of a Chinese label puts ink on the image."""
    register_app_font()
    label = QLabel("理赔案件")
    qtbot.addWidget(label)
    label.setStyleSheet("background: white; color: black; font-size: 24pt;")
    label.adjustSize()
    image = label.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    dark = sum(
        1
        for y in range(image.height())
        for x in range(image.width())
        if QColor(image.pixel(x, y)).lightness() < 128
    )
    assert dark > 200
    # Each character is drawn by the bundled font: widths are those of full-width CJK glyphs.
    metrics = QFontMetrics(label.font())
    assert metrics.horizontalAdvance("理") >= metrics.horizontalAdvance("i") * 2


FONTLESS_SCRIPT = """
import json
from PySide6.QtGui import QFontDatabase, QFontMetrics
from PySide6.QtWidgets import QApplication
app = QApplication([])
before = QFontDatabase.families()
from backoffice.ui.fonts import register_app_font
family = register_app_font()
metrics = QFontMetrics(QApplication.font())
print(json.dumps({"before": before, "family": family,
                  "missing": [c for c in COMMON if not metrics.inFontUcs4(ord(c))]}))
"""


def test_chinese_works_on_a_machine_without_any_cjk_font(tmp_path: Path) -> None:
    """A fontconfig that knows no fonts at all: only the bundled file can supply the glyphs."""
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        f'<?xml version="1.0"?><fontconfig><cachedir>{tmp_path / "cache"}</cachedir></fontconfig>',
        encoding="utf-8",
    )
    env = {**os.environ, "FONTCONFIG_FILE": str(conf), "QT_QPA_PLATFORM": "offscreen"}
    script = f"COMMON = {COMMON!r}\n{FONTLESS_SCRIPT}"
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120, check=True
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert not any("WenQuanYi" in name for name in result["before"])
    assert result["family"] == FONT_FAMILY
    assert result["missing"] == []
