"""Sign-in throttling: 5 failures within 15 minutes lock for 15 minutes, doubling on repeat."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

MAX_FAILURES = 5
WINDOW = timedelta(minutes=15)
BASE_LOCK = timedelta(minutes=15)
MAX_LOCK = timedelta(hours=24)


@dataclass(frozen=True)
class ThrottleState:
    failures: int = 0
    first_failure_at: datetime | None = None
    locked_until: datetime | None = None
    lockouts: int = 0

    def is_locked(self, now: datetime) -> bool:
        return self.locked_until is not None and now < self.locked_until


def after_failure(state: ThrottleState, now: datetime) -> ThrottleState:
    """The state after one more failed attempt at ``now``."""
    if state.first_failure_at is None or now - state.first_failure_at > WINDOW:
        state = replace(state, failures=0, first_failure_at=now)
    failures = state.failures + 1
    if failures >= MAX_FAILURES:
        lock = min(BASE_LOCK * (2**state.lockouts), MAX_LOCK)
        return ThrottleState(0, None, now + lock, state.lockouts + 1)
    return replace(state, failures=failures)


def after_success(state: ThrottleState) -> ThrottleState:
    return ThrottleState()


def after_unlock(state: ThrottleState) -> ThrottleState:
    """An admin's unlock clears the lock and the counters."""
    return ThrottleState()
