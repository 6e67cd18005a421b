"""Running service calls off the UI thread on the global QThreadPool.

``Tasks`` belongs to one widget. ``tasks.run(call, on_result, on_error)`` runs ``call`` on a pool thread;
the result or the exception comes back through a queued signal of one application-wide hub object, so
the callbacks run on the UI thread — after the task has left ``busy``, so that a callback may start the
next task at once and sees the controls as they will be. A task whose ``Tasks`` has gone meanwhile (its
widget was closed) is answered to nobody.

Nothing outlives its answer. Earlier versions handed the pool a QRunnable, which PySide then keeps owned
by C++ for good — with the call's arguments (passwords among them) and the callbacks' widgets. Now the
pool gets the task's ``run`` as a plain callable, the task is plain Python, and everything a task holds
that belongs to the UI (callbacks, their widgets) is dropped on the UI thread: no QObject is ever
destroyed on a pool thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QThreadPool, Signal


class Task:
    """One call on a pool thread; exceptions are caught and handed back, never lost."""

    def __init__(
        self,
        owner: Tasks,
        call: Callable[[], Any],
        on_result: Callable[[Any], None],
        on_error: Callable[[Exception], None],
    ) -> None:
        self.owner: Tasks | None = owner
        self._call: Callable[[], Any] | None = call
        self.on_result: Callable[[Any], None] | None = on_result
        self.on_error: Callable[[Exception], None] | None = on_error
        self._hub = _the_hub()

    def run(self) -> None:
        call, self._call = self._call, None
        assert call is not None, "a task runs once"
        try:
            value = call()
        except Exception as exc:
            self._hub.done.emit(self, False, exc)
        else:
            self._hub.done.emit(self, True, value)

    def forget(self) -> None:
        self.owner = self.on_result = self.on_error = None


class _Hub(QObject):
    """Lives on the UI thread for good; every task's answer passes through its queued signal."""

    done = Signal(object, bool, object)  # the Task, whether the call returned, its result or exception

    def __init__(self) -> None:
        super().__init__()
        self.done.connect(self._deliver)

    def _deliver(self, task: Task, returned: bool, value: Any) -> None:
        _ALIVE.discard(task)
        try:
            owner = task.owner
            if owner is not None and shiboken6.isValid(owner):
                owner._done(task, returned, value)
        finally:
            task.forget()


_ALIVE: set[Task] = set()  # every task until its answer is delivered
_hub: _Hub | None = None


def _the_hub() -> _Hub:
    global _hub
    if _hub is None:
        _hub = _Hub()  # made by the first task, which is started on the UI thread
    return _hub


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
        task = Task(self, call, on_result, on_error)
        _ALIVE.add(task)
        self._running.add(task)
        if len(self._running) == 1:
            self.busy_changed.emit(True)
        QThreadPool.globalInstance().start(task.run)
        return task

    def _done(self, task: Task, returned: bool, value: Any) -> None:
        self._running.discard(task)
        if not self._running:
            self.busy_changed.emit(False)
        callback = task.on_result if returned else task.on_error
        if callback is not None:
            callback(value)


def wait_for_tasks(msecs: int = 30_000) -> bool:
    """Block until every pool task is done (at shutdown and in tests)."""
    return QThreadPool.globalInstance().waitForDone(msecs)
