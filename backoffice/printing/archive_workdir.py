"""The private work directory of one volume build, made only when a work file is needed.

Scans, converted images and rasterised PDFs are written here; generated documents and attached PDFs that
PDF/A accepts are read where they are, so a volume of those alone makes no directory.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path


class WorkDir:
    """``parent``: where the directory goes (the caller's data directory, so that a crash leaves
    decrypted content where ``doctor`` finds it, not in the system's temp folder); None for the system's
    temp folder."""

    def __init__(self, parent: Path | None = None) -> None:
        self._parent = parent
        self._path: Path | None = None

    @property
    def path(self) -> Path:
        """The directory (mode 0700), made on first use."""
        if self._path is None:
            self._path = Path(tempfile.mkdtemp(prefix="volume-", dir=self._parent))
        return self._path

    def __truediv__(self, name: str) -> Path:
        return self.path / name

    def remove(self) -> None:
        if self._path is not None:
            shutil.rmtree(self._path, ignore_errors=True)
            self._path = None
