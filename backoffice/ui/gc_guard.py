"""Keep Python's cyclic garbage collector off worker threads while a worker call runs.

A collection can start in whichever thread happens to allocate. If it frees a reference cycle that holds
Qt widgets (a page closed earlier, say), the widgets are destroyed on that thread, and a QWidget destroyed
off the GUI thread crashes the process. ``without_gc(call)`` suspends automatic collection while ``call``
runs on a worker (concurrent calls are counted), and :func:`collect_here` collects on the UI thread just
before such a call starts, so that the counters are low when collection resumes.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
_lock = threading.Lock()
_running = 0
_was_enabled = False


def without_gc(call: Callable[[], T]) -> Callable[[], T]:
    def run() -> T:
        global _running, _was_enabled
        with _lock:
            if _running == 0:
                _was_enabled = gc.isenabled()
                gc.disable()
            _running += 1
        try:
            return call()
        finally:
            with _lock:
                _running -= 1
                if _running == 0 and _was_enabled:
                    gc.enable()

    return run


def collect_here() -> None:
    """A full collection now, on the calling (UI) thread."""
    gc.collect()
