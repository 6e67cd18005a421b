"""Running service calls off the UI thread: a QRunnable with a signals QObject.

``Tasks`` belongs to one widget. ``tasks.run(call, on_result, on_error)`` runs ``call`` on the global
QThreadPool; the result or the exception comes back through queued signals, so the callbacks run on
the UI thread. Every task stays referenced (module-level) until its ``finished`` signal has reached the
UI thread, even if the widget that started it has gone meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class TaskSignals(QObject):
    result = Signal(object)
    error = Signal(object)
    finished = Signal(object)  # the Task


class Task(QRunnable):
    """One call on a pool thread; exceptions are caught and handed back, never lost."""

    def __init__(self, call: Callable[[], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)  # Python owns it (see _ALIVE)
        self._call = call
        self.signals = TaskSignals()

    def run(self) -> None:
        try:
            value = self._call()
        except Exception as exc:
            self.signals.error.emit(exc)
        else:
            self.signals.result.emit(value)
        finally:
            self.signals.finished.emit(self)


_ALIVE: set[Task] = set()


def _release(task: Task) -> None:
    _ALIVE.discard(task)


class Tasks(QObject):
    """The tasks one widget started; ``busy_changed`` tells it when to disable its controls."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._running: set[Task] = set()

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def run(
        self,
        call: Callable[[], Any],
        on_result: Callable[[Any], None],
        on_error: Callable[[Exception], None],
    ) -> Task:
        task = Task(call)
        task.signals.result.connect(on_result)
        task.signals.error.connect(on_error)
        task.signals.finished.connect(self._finished)
        task.signals.finished.connect(_release)
        _ALIVE.add(task)
        self._running.add(task)
        if len(self._running) == 1:
            self.busy_changed.emit(True)
        QThreadPool.globalInstance().start(task)
        return task

    def _finished(self, task: Task) -> None:
        self._running.discard(task)
        if not self._running:
            self.busy_changed.emit(False)


def wait_for_tasks(msecs: int = 30_000) -> bool:
    """Block until every pool task is done (at shutdown and in tests)."""
    return QThreadPool.globalInstance().waitForDone(msecs)
