"""The user guide's screenshot script runs end to end, and the guide shows exactly what it makes."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_screenshot_script_makes_every_picture_of_the_guide(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "screenshots.py"), "--out", str(tmp_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""  # no Qt warnings, no traceback
    made = {p.name for p in tmp_path.glob("*.png")}
    guide = (ROOT / "docs" / "user-guide.md").read_text(encoding="utf-8")
    shown = set(re.findall(r"\(images/([\w.-]+\.png)\)", guide))
    assert shown == made
    assert shown <= {p.name for p in (ROOT / "docs" / "images").glob("*.png")}  # committed too
    for name in made:
        image = QImage(str(tmp_path / name))
        assert image.width() >= 400 and image.height() >= 250, name
