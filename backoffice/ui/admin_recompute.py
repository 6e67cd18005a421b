"""What the 工作日历 and 时限规则 tabs share: every change moves open deadlines, so the change and the
recomputation of the open deadlines (``recompute_open``) run together on the worker; the tab says what
happened (how many deadlines moved, or why it failed) and reads itself again.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QWidget

from backoffice.services.context import UserSession
from backoffice.services.deadline_recompute import recompute_open
from backoffice.ui.errors import message_for
from backoffice.ui.tasks import Tasks
from backoffice.ui.widgets import ERROR_STYLE

OK_STYLE = "color: #1b5e20;"


def change_and_recompute(us: UserSession, change: Callable[[], Any]) -> int:
    """Make the change, then recompute the open deadlines; returns how many moved (on the worker)."""
    change()
    return recompute_open(us)


class RecomputingTab(QWidget):
    """An administration tab that reads itself on first show and stores changes with ``_run_change``.

    Subclasses make ``message`` (where the outcome is said), read themselves in ``refresh`` and enable
    their buttons in ``_update_buttons`` (also called whenever the worker starts or stops). ``change_failed``
    and ``load_failed`` are said when a change or the reading fails without a message for the user.
    """

    message: QLabel

    def __init__(
        self, us: UserSession, parent: QWidget | None = None, *, change_failed: str, load_failed: str
    ) -> None:
        super().__init__(parent)
        self._us = us
        self._loaded = False
        self._change_failed_text, self._load_failed_text = change_failed, load_failed
        self._tasks = Tasks(self)
        self._tasks.busy_changed.connect(lambda _busy: self._update_buttons())

    def refresh(self) -> None:
        raise NotImplementedError

    def _update_buttons(self) -> None:
        raise NotImplementedError

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded:
            self._loaded = True
            self.refresh()

    def _run_change(self, change: Callable[[], Any], done: str) -> None:
        """Store ``change`` and recompute on the worker; ``done`` says what was changed."""
        self._say(self.tr("正在保存并重新计算未结束案件的期限…"))
        call = partial(change_and_recompute, self._us, change)
        self._tasks.run(call, partial(self._changed, done), self._failed)

    def _changed(self, done: str, moved: int) -> None:
        self._say(self.tr("{done}；已重新计算，{n} 个未结束的期限有变化。").format(done=done, n=moved))
        self.refresh()

    def _failed(self, exc: Exception) -> None:
        self._say(message_for(exc) or self._change_failed_text, error=True)
        self.refresh()  # the change may have been stored even if the recomputation failed

    def _load_failed(self, exc: Exception) -> None:
        self._say(message_for(exc) or self._load_failed_text, error=True)
        self._update_buttons()

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE if error else OK_STYLE)
