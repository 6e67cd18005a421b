"""The worker pattern: answers on the UI thread, after busy; nothing kept once the answer is in."""

from __future__ import annotations

import gc
import sys
import threading
import weakref

import PySide6
import pytest
from PySide6.QtCore import QCoreApplication, QObject, Signal

from backoffice.domain.errors import ValidationError
from backoffice.ui.tasks import Tasks, wait_for_tasks


class Secret:
    """Stands for what a call captures: a session, a password."""


def test_callbacks_run_on_the_ui_thread_after_busy_is_cleared(qtbot) -> None:
    tasks = Tasks()
    seen: list[tuple[str, object, bool, bool]] = []
    busy: list[bool] = []
    tasks.busy_changed.connect(busy.append)
    main = threading.get_ident()

    def note(kind: str):
        return lambda value: seen.append((kind, value, tasks.busy, threading.get_ident() == main))

    def fail() -> None:
        raise ValidationError("x", "不行。")

    tasks.run(lambda: threading.get_ident() != main, note("result"), note("error"))
    qtbot.waitUntil(lambda: len(seen) == 1)
    tasks.run(fail, note("result"), note("error"))
    qtbot.waitUntil(lambda: len(seen) == 2)
    assert seen[0] == ("result", True, False, True)  # computed off the UI thread, delivered on it
    kind, error, still_busy, on_ui = seen[1]
    assert (kind, str(error), still_busy, on_ui) == ("error", "不行。", False, True)
    assert busy == [True, False, True, False]


def test_a_finished_task_keeps_nothing_alive(qtbot) -> None:
    tasks = Tasks()
    secret = Secret()
    captured = weakref.ref(secret)
    done: list[object] = []
    task = weakref.ref(tasks.run(lambda s=secret: s is not None, done.append, done.append))
    del secret
    qtbot.waitUntil(lambda: done == [True])
    assert wait_for_tasks()
    QCoreApplication.processEvents()
    gc.collect()
    assert task() is None and captured() is None


def test_no_callback_once_the_owner_is_gone(qtbot) -> None:
    tasks = Tasks()
    called: list[object] = []
    release = threading.Event()
    tasks.run(release.wait, called.append, called.append)
    tasks.deleteLater()
    qtbot.waitUntil(lambda: not _alive(tasks))
    release.set()
    assert wait_for_tasks()
    QCoreApplication.processEvents()
    assert called == []


def _alive(obj: object) -> bool:
    import shiboken6

    return shiboken6.isValid(obj)


@pytest.mark.xfail(
    PySide6.__version__ == "6.12.0",
    reason="PySide6 6.12.0: SignalInstance.emit returns True without a reference; every emit from Python "
    "takes one reference from True until the interpreter aborts (bool_dealloc). 6.11.3 is fine.",
    strict=True,
)
def test_emitting_a_signal_leaves_reference_counts_alone() -> None:
    class Emitter(QObject):
        changed = Signal(int)

    emitter = Emitter()
    before = sys.getrefcount(True)
    for n in range(10):
        emitter.changed.emit(n)
    after = sys.getrefcount(True)
    if after < before:  # give back what was taken, so that this test does not bring the process down
        import ctypes

        for _ in range(before - after):
            ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))
    assert after == before
