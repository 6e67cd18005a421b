from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta
from decimal import Decimal
from fractions import Fraction

import chinese_calendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backoffice.domain.errors import ValidationError
from backoffice.domain.sla import (
    CALENDAR_NOT_COVERED,
    DEFAULT_RULES,
    DeadlineRule,
    DeadlineUnit,
    Pause,
    WarningLevel,
    WorkingCalendar,
    compute_due,
    default_rules,
    package_years,
    rule_for,
    warning_level,
    yellow_from,
)

CAL = WorkingCalendar()
D = date
LAST_KNOWN = max(package_years())
FIRST_UNKNOWN = LAST_KNOWN + 1
needs_2026 = pytest.mark.skipif(2026 not in package_years(), reason="chinesecalendar without 2026 data")

# 2025 per the State Council notice (checked against chinesecalendar below):
# Spring Festival: off 28 Jan (Tue) - 4 Feb (Tue); make-up workdays Sun 26 Jan and Sat 8 Feb.
# National Day + Mid-Autumn: off 1 Oct (Wed) - 8 Oct (Wed); make-up workdays Sun 28 Sep and Sat 11 Oct.
SPRING_OFF = [D(2025, 1, 28) + timedelta(days=i) for i in range(8)]
NATIONAL_OFF = [D(2025, 10, 1) + timedelta(days=i) for i in range(8)]
MAKE_UP_2025 = [D(2025, 1, 26), D(2025, 2, 8), D(2025, 4, 27), D(2025, 9, 28), D(2025, 10, 11)]


def test_package_years_probed():
    years = package_years()
    assert {2004, 2024, 2025} <= years
    assert years == frozenset(range(min(years), max(years) + 1))
    with pytest.raises(NotImplementedError):
        chinese_calendar.is_workday(D(FIRST_UNKNOWN, 6, 1))


def test_2025_holidays_and_make_up_days_agree_with_chinesecalendar():
    for day in SPRING_OFF + NATIONAL_OFF:
        assert not CAL.is_working_day(day), day
        assert not chinese_calendar.is_workday(day)
    for day in MAKE_UP_2025:
        assert day.weekday() >= 5 and CAL.is_working_day(day), day
        assert chinese_calendar.is_workday(day)
    make_up = {day for day in chinese_calendar.workdays if day.year == 2025 and day.weekday() >= 5}
    assert make_up == set(MAKE_UP_2025)
    assert CAL.is_working_day(D(2025, 1, 27)) and CAL.is_working_day(D(2025, 2, 5))


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        (D(2025, 1, 24), 1, D(2025, 1, 26)),  # Fri -> make-up Sunday
        (D(2025, 1, 24), 2, D(2025, 1, 27)),
        (D(2025, 1, 24), 3, D(2025, 2, 5)),  # across the Spring Festival
        (D(2025, 1, 27), 1, D(2025, 2, 5)),
        (D(2025, 1, 30), 1, D(2025, 2, 5)),  # start in the holiday: not counted
        (D(2025, 2, 5), 3, D(2025, 2, 8)),  # Thu, Fri, make-up Saturday
        (D(2025, 1, 20), 10, D(2025, 2, 8)),  # complex review from Mon 20 Jan
        (D(2025, 9, 26), 1, D(2025, 9, 28)),  # Fri -> make-up Sunday
        (D(2025, 9, 30), 1, D(2025, 10, 9)),  # across National Day
        (D(2025, 10, 9), 2, D(2025, 10, 11)),  # make-up Saturday
        (D(2024, 12, 31), 1, D(2025, 1, 2)),  # year end: New Year's Day off
        (D(2025, 1, 26), 0, D(2025, 1, 26)),  # n = 0 on a working day: itself
        (D(2025, 2, 1), 0, D(2025, 2, 5)),  # n = 0 in a holiday: next working day
    ],
)
def test_add_working_days(start, n, expected):
    assert CAL.add_working_days(start, n) == expected


@needs_2026
def test_year_end_2025_into_2026_make_up_sunday():
    # 2026: New Year off 1-3 Jan, make-up workday Sunday 4 Jan.
    assert CAL.add_working_days(D(2025, 12, 31), 1) == D(2026, 1, 4)
    assert CAL.add_calendar_days_civil(D(2025, 12, 2), 30) == D(2026, 1, 4)  # ends 1 Jan (holiday)
    assert CAL.working_days_between(D(2025, 12, 26), D(2026, 1, 5)) == 5  # 29, 30, 31 Dec, 4, 5 Jan
    assert warning_level(D(2025, 12, 31), D(2025, 12, 26), D(2026, 1, 5), CAL) == "none"  # 2 left, 3 of 5
    assert warning_level(D(2026, 1, 2), D(2025, 12, 26), D(2026, 1, 5), CAL) == "none"  # holiday: 2 left
    assert warning_level(D(2026, 1, 4), D(2025, 12, 26), D(2026, 1, 5), CAL) == "yellow"  # 1 left


def test_working_days_between():
    # after 24 Jan up to 10 Feb: 26, 27 Jan, 5, 6, 7, 8, 10 Feb
    assert CAL.working_days_between(D(2025, 1, 24), D(2025, 2, 10)) == 7
    assert CAL.working_days_between(D(2025, 2, 10), D(2025, 1, 24)) == -7
    assert CAL.working_days_between(D(2025, 1, 28), D(2025, 2, 4)) == 0
    assert CAL.working_days_between(D(2025, 3, 3), D(2025, 3, 3)) == 0


def test_add_calendar_days_civil():
    assert CAL.add_calendar_days_civil(D(2025, 9, 28), 3) == D(2025, 10, 9)  # 1 Oct is a holiday
    assert CAL.add_calendar_days_civil(D(2025, 9, 5), 30) == D(2025, 10, 9)  # 5 Oct
    assert CAL.add_calendar_days_civil(D(2025, 1, 3), 23) == D(2025, 1, 26)  # make-up Sunday is fine
    assert CAL.add_calendar_days_civil(D(2025, 3, 3), 30) == D(2025, 4, 2)
    assert CAL.add_calendar_days_civil(D(2025, 3, 1), 0) == D(2025, 3, 3)  # Saturday -> Monday
    with pytest.raises(ValueError, match="negative"):
        CAL.add_calendar_days_civil(D(2025, 3, 1), -1)
    with pytest.raises(ValueError, match="negative"):
        CAL.add_working_days(D(2025, 3, 1), -1)


def test_next_working_day():
    assert CAL.next_working_day(D(2025, 1, 27)) == D(2025, 2, 5)
    assert CAL.working_day_on_or_after(D(2025, 1, 27)) == D(2025, 1, 27)


def test_overrides():
    local = WorkingCalendar({D(2025, 1, 27): False, D(2025, 3, 1): True})
    assert local.add_working_days(D(2025, 1, 24), 2) == D(2025, 2, 5)  # 27 Jan given off locally
    assert local.add_working_days(D(2025, 2, 28), 1) == D(2025, 3, 1)  # Saturday worked locally
    assert local.overrides == {D(2025, 1, 27): False, D(2025, 3, 1): True}
    with pytest.raises(TypeError):
        local.overrides[D(2025, 1, 1)] = True  # type: ignore[index]
    assert CAL.add_working_days(D(2025, 1, 24), 2) == D(2025, 1, 27)  # the default is untouched


def test_uncovered_year_falls_back_to_weekdays_and_warns():
    year = FIRST_UNKNOWN
    assert CAL.covers(D(LAST_KNOWN, 12, 31)) and not CAL.covers(D(year, 1, 1))
    jan1 = D(year, 1, 1)
    assert [CAL.is_working_day(jan1 + timedelta(days=i)) for i in range(7)] == [
        (jan1 + timedelta(days=i)).weekday() < 5 for i in range(7)
    ]
    deadline = compute_due(D(LAST_KNOWN, 12, 20), DEFAULT_RULES["statutory_decision"], CAL)
    assert deadline.due.year == year
    assert deadline.uncovered_years == (year,)
    assert deadline.warning == CALENDAR_NOT_COVERED
    assert str(year) in deadline.warning_message()
    assert deadline.warning_message("calendar lacks {years}") == f"calendar lacks {year}"
    inside = compute_due(D(2025, 3, 3), DEFAULT_RULES["review.simple"], CAL)
    assert inside.warning is None and inside.warning_message() is None


def test_far_future_year_with_admin_overrides():
    # An administrator enters 2099's arrangement: 2 Jan (Fri) off, Sat 3 Jan worked, the year complete.
    overrides = {D(2099, 1, 1): False, D(2099, 1, 2): False, D(2099, 1, 3): True}
    partial = WorkingCalendar(overrides)
    complete = WorkingCalendar(overrides, complete_years={2099})
    assert D(2099, 1, 2).weekday() == 4
    assert partial.add_working_days(D(2098, 12, 31), 1) == D(2099, 1, 3)
    assert partial.uncovered_years(D(2098, 12, 31), D(2099, 1, 3)) == (2098, 2099)
    assert not partial.covers(D(2099, 6, 1)) and complete.covers(D(2099, 6, 1))
    rule = DEFAULT_RULES["registration"]
    assert compute_due(D(2099, 1, 1), rule, partial).warning == CALENDAR_NOT_COVERED
    assert compute_due(D(2099, 1, 1), rule, complete).warning is None
    assert compute_due(D(2099, 1, 1), rule, complete).due == D(2099, 1, 3)


def test_calendar_without_package():
    plain = WorkingCalendar(use_package=False)
    assert plain.is_working_day(D(2025, 1, 28))  # a Tuesday in the Spring Festival
    assert not plain.is_working_day(D(2025, 1, 26))
    assert not plain.covers(D(2025, 1, 1))


# --- rules and due dates --------------------------------------------------------------------------

EXPECTED_DEFAULTS = {
    "registration": (1, "working"),
    "review.simple": (3, "working"),
    "review.normal": (5, "working"),
    "review.complex": (10, "working"),
    "payment.simple": (1, "working"),
    "payment.normal": (3, "working"),
    "payment.complex": (5, "working"),
    "return_resubmission": (2, "working"),
    "complaint_contact": (1, "working"),
    "complaint_resolution.simple": (5, "working"),
    "complaint_resolution.complex": (10, "working"),
    "statutory_decision": (30, "calendar"),
    "statutory_denial_notice": (3, "calendar"),
    "statutory_advance_payment": (60, "calendar"),
    "ctpl_document_list": (1, "calendar"),
    "ctpl_decision": (5, "calendar"),
    "motor_estimate.medium": (24, "hours"),
}


@pytest.mark.parametrize(("key", "expected"), EXPECTED_DEFAULTS.items())
def test_default_rule_table(key, expected):
    rule = DEFAULT_RULES[key]
    assert (rule.days, rule.unit) == expected
    assert rule.key == key and rule.basis


def test_only_article_23_is_pausable_by_default():
    assert [key for key, rule in DEFAULT_RULES.items() if rule.pausable] == ["statutory_decision"]


def test_rule_table_is_overridable_data():
    with pytest.raises(TypeError):
        DEFAULT_RULES["registration"] = DEFAULT_RULES["registration"]  # type: ignore[index]
    rules = default_rules()
    rules["review.simple"] = dataclasses.replace(rules["review.simple"], days=2)
    assert rule_for(rules, "review", "simple").days == 2
    assert DEFAULT_RULES["review.simple"].days == 3
    assert rule_for(rules, "registration", "complex") is rules["registration"]  # falls back to the stage
    assert rule_for(rules, "review", "complex").days == 10
    with pytest.raises(ValidationError, match="时效规则") as caught:
        rule_for(rules, "nonexistent")
    assert caught.value.field == "deadline_rule"


@pytest.mark.parametrize(
    "kwargs",
    [
        {"stage": "", "days": 1},
        {"stage": "x", "days": -1},
        {"stage": "x", "days": 1, "unit": "hours", "pausable": True},
        {"stage": "x", "days": 1, "unit": "fortnights"},
    ],
)
def test_invalid_rules(kwargs):
    with pytest.raises(ValidationError) as caught:
        DeadlineRule(**kwargs)
    assert caught.value.field == "deadline_rule"


def test_rule_unit_from_string():
    assert DeadlineRule("x", 1, "calendar").unit is DeadlineUnit.CALENDAR  # type: ignore[arg-type]


def test_compute_due_working_and_calendar():
    review = compute_due(D(2025, 1, 20), DEFAULT_RULES["review.complex"], CAL)
    assert (review.start, review.due, review.paused_days) == (D(2025, 1, 20), D(2025, 2, 8), 0)
    denial = compute_due(datetime(2025, 9, 28, 17, 30), DEFAULT_RULES["statutory_denial_notice"], CAL)
    assert (denial.start, denial.due) == (D(2025, 9, 28), D(2025, 10, 9))
    small = DEFAULT_RULES["motor_estimate.small"]
    assert compute_due(D(2025, 3, 3), small, CAL).due == D(2025, 3, 3)  # same day
    assert compute_due(D(2025, 3, 1), small, CAL).due == D(2025, 3, 3)  # Saturday -> Monday


def test_compute_due_hours():
    rule = DEFAULT_RULES["motor_estimate.medium"]
    deadline = compute_due(datetime(2025, 1, 27, 15, 0), rule, CAL)
    assert deadline.due_at == datetime(2025, 1, 28, 15, 0)  # hours run through holidays
    assert deadline.due == D(2025, 1, 28) and deadline.warning is None
    with pytest.raises(ValidationError) as caught:
        compute_due(D(2025, 1, 27), rule, CAL)
    assert caught.value.field == "start"


def test_supplement_wait_is_excluded_from_article_23():
    # Claim and documents received Mon 3 Mar 2025. Without a wait: 3 Mar + 30 days = Wed 2 Apr.
    # The supplement notice reaches the claimant on 10 Mar, the supplements reach us on 20 Mar: the ten
    # days 11-20 Mar do not count. 4-10 Mar count 7 days; 23 more from 21 Mar end on Sat 12 Apr, a rest
    # day, so the period ends on Mon 14 Apr.
    rule = DEFAULT_RULES["statutory_decision"]
    assert compute_due(D(2025, 3, 3), rule, CAL).due == D(2025, 4, 2)
    deadline = compute_due(D(2025, 3, 3), rule, CAL, [Pause(D(2025, 3, 10), D(2025, 3, 20))])
    assert (deadline.due, deadline.paused_days) == (D(2025, 4, 14), 10)


def test_pauses_overlapping_or_before_the_start():
    rule = DEFAULT_RULES["statutory_decision"]
    overlapping = [(D(2025, 3, 10), D(2025, 3, 15)), (D(2025, 3, 12), D(2025, 3, 20))]
    assert compute_due(D(2025, 3, 3), rule, CAL, overlapping).paused_days == 10
    before = compute_due(D(2025, 3, 3), rule, CAL, [(D(2025, 2, 25), D(2025, 3, 5))])
    assert before.paused_days == 2  # only 4 and 5 Mar fall after the start
    assert before.due == D(2025, 4, 7)  # the 30th counted day is Fri 4 Apr (Qingming, off) -> Mon 7 Apr
    empty = compute_due(D(2025, 3, 3), rule, CAL, [(D(2025, 3, 10), D(2025, 3, 10))])
    assert empty.paused_days == 0


def test_pauses_ignored_by_non_pausable_rules():
    rule = DEFAULT_RULES["review.complex"]
    plain = compute_due(D(2025, 3, 3), rule, CAL)
    assert compute_due(D(2025, 3, 3), rule, CAL, [(D(2025, 3, 4), D(2025, 3, 20))]) == plain


def test_pauses_with_a_working_day_rule_skip_working_days():
    rule = DeadlineRule("custom", 5, DeadlineUnit.WORKING, pausable=True)
    # Mon 3 Mar + 5 working days = Mon 10 Mar; pausing 4-5 Mar (two working days) moves it to Wed 12 Mar.
    deadline = compute_due(D(2025, 3, 3), rule, CAL, [(D(2025, 3, 3), D(2025, 3, 5))])
    assert (deadline.due, deadline.paused_days) == (D(2025, 3, 12), 2)


def test_invalid_pause():
    with pytest.raises(ValidationError) as caught:
        compute_due(
            D(2025, 3, 3), DEFAULT_RULES["statutory_decision"], CAL, [(D(2025, 3, 20), D(2025, 3, 10))]
        )
    assert caught.value.field == "pause"


# --- warning level --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "level"),
    [
        (D(2025, 2, 11), "red"),  # overdue
        (D(2025, 2, 10), "yellow"),  # due today
        (D(2025, 2, 9), "yellow"),  # Sunday: 1 working day (10 Feb) left
        (D(2025, 2, 8), "yellow"),  # make-up Saturday: 1 working day left
        (D(2025, 2, 7), "yellow"),  # 2 left, but 9 of 11 working days elapsed (82 %)
        (D(2025, 2, 6), "none"),  # 3 left, 8 of 11 elapsed (73 %)
        (D(2025, 1, 29), "none"),  # in the holiday
        (D(2025, 1, 10), "none"),  # before the start
    ],
)
def test_warning_levels_across_spring_festival(today, level):
    # Stage started Mon 20 Jan, due Mon 10 Feb; working days after the start: 21, 22, 23, 24, 26, 27 Jan,
    # 5, 6, 7, 8, 10 Feb = 11.
    assert warning_level(today, D(2025, 1, 20), D(2025, 2, 10), CAL) == level


def test_warning_at_exactly_80_percent():
    start, due = D(2025, 3, 3), D(2025, 3, 17)  # ten working days
    assert CAL.working_days_between(start, due) == 10
    assert warning_level(D(2025, 3, 13), start, due, CAL) is WarningLevel.YELLOW  # 8 of 10
    assert warning_level(D(2025, 3, 12), start, due, CAL) is WarningLevel.NONE  # 7 of 10


def test_warning_thresholds_are_parameters():
    start, due = D(2025, 3, 3), D(2025, 3, 17)
    assert warning_level(D(2025, 3, 13), start, due, CAL, yellow_fraction=0.9) == "none"
    assert warning_level(D(2025, 3, 13), start, due, CAL, yellow_fraction=Decimal("0.8")) == "yellow"
    assert warning_level(D(2025, 3, 12), start, due, CAL, yellow_fraction=Fraction(7, 10)) == "yellow"
    assert warning_level(D(2025, 3, 12), start, due, CAL, yellow_fraction="0.7") == "yellow"
    assert warning_level(D(2025, 3, 14), start, due, CAL, yellow_days_left=0, yellow_fraction=1) == "none"
    assert warning_level(D(2025, 3, 17), start, due, CAL, yellow_days_left=0, yellow_fraction=1) == "yellow"


def test_warning_for_same_day_deadline():
    assert warning_level(D(2025, 3, 3), D(2025, 3, 3), D(2025, 3, 3), CAL) == "yellow"
    assert warning_level(D(2025, 3, 4), D(2025, 3, 3), D(2025, 3, 3), CAL) == "red"


# --- properties -----------------------------------------------------------------------------------

days = st.dates(min_value=D(2004, 1, 1), max_value=D(LAST_KNOWN + 3, 12, 31))
override_maps = st.dictionaries(
    st.dates(min_value=D(2024, 12, 1), max_value=D(2025, 3, 1)), st.booleans(), max_size=10
)


def _days(first: date, stop: date) -> list[date]:
    """first, first + 1, ... up to the day before stop."""
    return [first + timedelta(days=i) for i in range((stop - first).days)]


@given(days, st.integers(1, 60), override_maps)
def test_add_then_count_back_gives_n(start, n, overrides):
    calendar = WorkingCalendar(overrides)
    end = calendar.add_working_days(start, n)
    assert calendar.is_working_day(end)
    assert calendar.working_days_between(start, end) == n
    assert calendar.working_days_between(start, end - timedelta(days=1)) == n - 1  # the first such day


@given(days, override_maps)
def test_zero_working_days(start, overrides):
    calendar = WorkingCalendar(overrides)
    end = calendar.add_working_days(start, 0)
    assert calendar.is_working_day(end) and end >= start
    assert not any(calendar.is_working_day(day) for day in _days(start, end))
    assert (end == start) == calendar.is_working_day(start)


@given(days, st.integers(0, 120), override_maps)
def test_civil_calendar_period_ends_on_a_working_day(start, n, overrides):
    calendar = WorkingCalendar(overrides)
    end = calendar.add_calendar_days_civil(start, n)
    assert calendar.is_working_day(end)
    assert end >= start + timedelta(days=n)
    assert not any(calendar.is_working_day(day) for day in _days(start + timedelta(days=n), end))


@given(days, days, days)
def test_working_days_between_is_additive(a, b, c):
    assert CAL.working_days_between(a, b) + CAL.working_days_between(b, c) == CAL.working_days_between(a, c)


@settings(max_examples=50)
@given(
    days,
    st.sampled_from(sorted(key for key, rule in DEFAULT_RULES.items() if rule.unit != "hours")),
    st.lists(st.tuples(days, st.integers(0, 40)), max_size=3),
)
def test_due_dates_are_working_days_and_pauses_only_delay(start, key, raw_pauses):
    rule = dataclasses.replace(DEFAULT_RULES[key], pausable=True)
    pauses = [(first, first + timedelta(days=length)) for first, length in raw_pauses]
    plain = compute_due(start, rule, CAL)
    paused = compute_due(start, rule, CAL, pauses)
    assert CAL.is_working_day(plain.due) and CAL.is_working_day(paused.due)
    assert plain.due <= paused.due
    if not paused.paused_days:
        assert paused.due == plain.due


@given(days, days, days)
def test_red_exactly_when_overdue(today, start, due):
    assert (warning_level(today, start, due, CAL) == "red") == (today > due)


@settings(max_examples=60)
@given(days, st.integers(0, 45), override_maps)
def test_yellow_from_is_where_the_warning_starts(start, length, overrides):
    calendar = WorkingCalendar(overrides)
    due = start + timedelta(days=length)
    first = yellow_from(start, due, calendar)
    assert start <= first <= due
    for day in _days(start, due + timedelta(days=1)):
        assert (warning_level(day, start, due, calendar) != "none") == (day >= first)
