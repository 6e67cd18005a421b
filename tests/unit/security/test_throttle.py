from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from backoffice.security.throttle import ThrottleState, after_failure, after_success

T0 = datetime(2026, 1, 5, 8, 0, tzinfo=UTC)


def fail_times(state: ThrottleState, times: list[datetime]) -> ThrottleState:
    for t in times:
        state = after_failure(state, t)
    return state


def test_five_failures_within_fifteen_minutes_lock_for_fifteen() -> None:
    state = fail_times(ThrottleState(), [T0 + timedelta(minutes=i * 3) for i in range(5)])
    assert state.locked_until == T0 + timedelta(minutes=12 + 15)
    assert state.is_locked(T0 + timedelta(minutes=26))
    assert not state.is_locked(T0 + timedelta(minutes=27))


def test_failures_spread_beyond_the_window_do_not_lock() -> None:
    state = fail_times(ThrottleState(), [T0 + timedelta(minutes=i * 4) for i in range(5)])  # 0..16 min
    assert state.locked_until is None


def test_lock_doubles_on_repeat_and_success_resets() -> None:
    state = fail_times(ThrottleState(), [T0] * 5)
    assert state.locked_until == T0 + timedelta(minutes=15)
    t1 = T0 + timedelta(minutes=16)
    state = fail_times(state, [t1] * 5)
    assert state.locked_until == t1 + timedelta(minutes=30)
    t2 = t1 + timedelta(minutes=31)
    state = fail_times(state, [t2] * 5)
    assert state.locked_until == t2 + timedelta(minutes=60)
    assert after_success(state) == ThrottleState()


@given(st.lists(st.integers(0, 10_000), max_size=30))
def test_lock_never_exceeds_a_day(minutes: list[int]) -> None:
    state = ThrottleState()
    now = T0
    for m in sorted(minutes):
        now = T0 + timedelta(minutes=m)
        state = after_failure(state, now)
    if state.locked_until is not None:
        assert state.locked_until - now <= timedelta(hours=24)
