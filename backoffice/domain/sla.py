"""Working-day calendar, deadline rules and warning levels (时效).

Pure: today's date is always an argument. Periods follow the Civil Code (arts. 201-204): the start day is
not counted, a period whose last day is not a working day ends on the next working day, and "within N
days" includes the last day. Working days come from ``chinesecalendar`` (statutory holidays and the
make-up workdays, 调休) plus an administrator's override table; in years neither knows, Monday to Friday
are assumed and computed deadlines say so (:attr:`Deadline.warning`) instead of failing.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from types import MappingProxyType
from typing import Final, NamedTuple

import chinese_calendar

from backoffice.domain.errors import ValidationError

ONE_DAY: Final = timedelta(days=1)
_PROBE_YEARS: Final = range(1949, 2201)

#: Shown when a deadline depends on a year without a holiday arrangement; ``{years}`` like "2027、2028".
CALENDAR_NOT_COVERED_MESSAGE: Final = "工作日历未包含{years}年的节假日安排，期限暂按周一至周五推算"
CALENDAR_NOT_COVERED: Final = "calendar_not_covered"


@functools.cache
def package_years() -> frozenset[int]:
    """The years ``chinesecalendar`` knows (it raises NotImplementedError for the others)."""
    years = set()
    for year in _PROBE_YEARS:
        try:
            chinese_calendar.is_workday(date(year, 6, 1))
        except NotImplementedError:
            continue
        years.add(year)
    return frozenset(years)


@functools.cache
def _package_is_workday(day: date) -> bool:
    # chinesecalendar scans its whole table on every call; the cache holds at most ~365 dates per year.
    return bool(chinese_calendar.is_workday(day))


class WorkingCalendar:
    """Chinese working days: ``chinesecalendar`` + overrides {date: is_working_day}.

    ``complete_years`` are years an administrator has entered completely through overrides; they count as
    covered. In other years the package does not know, Monday to Friday are working days unless overridden.
    """

    __slots__ = ("_complete_years", "_overrides", "_package_years")

    def __init__(
        self,
        overrides: Mapping[date, bool] | None = None,
        *,
        complete_years: Iterable[int] = (),
        use_package: bool = True,
    ) -> None:
        self._overrides: Mapping[date, bool] = MappingProxyType(dict(overrides or {}))
        self._complete_years = frozenset(complete_years)
        self._package_years = package_years() if use_package else frozenset()

    @property
    def overrides(self) -> Mapping[date, bool]:
        return self._overrides

    def covers_year(self, year: int) -> bool:
        return year in self._package_years or year in self._complete_years

    def covers(self, day: date) -> bool:
        """Whether the holiday arrangement of ``day``'s year is known (package or complete overrides)."""
        return self.covers_year(day.year)

    def uncovered_years(self, first: date, last: date) -> tuple[int, ...]:
        low, high = sorted((first.year, last.year))
        return tuple(year for year in range(low, high + 1) if not self.covers_year(year))

    def is_working_day(self, day: date) -> bool:
        override = self._overrides.get(day)
        if override is not None:
            return override
        if day.year in self._package_years:
            return _package_is_workday(day)
        return day.weekday() < 5

    def working_day_on_or_after(self, day: date) -> date:
        while not self.is_working_day(day):
            day += ONE_DAY
        return day

    def next_working_day(self, day: date) -> date:
        """The first working day strictly after ``day``."""
        return self.working_day_on_or_after(day + ONE_DAY)

    def add_working_days(self, start: date, n: int) -> date:
        """The n-th working day after ``start`` (start not counted); n = 0 gives ``start`` rolled forward
        to a working day."""
        return _count_forward(start, n, self.is_working_day, self.is_working_day)

    def working_days_between(self, a: date, b: date) -> int:
        """Working days d with a < d <= b; negative (the count of b < d <= a) when b is before a."""
        if b < a:
            return -self.working_days_between(b, a)
        count = 0
        day = a + ONE_DAY
        while day <= b:
            count += self.is_working_day(day)
            day += ONE_DAY
        return count

    def add_calendar_days_civil(self, start: date, n: int) -> date:
        """``start`` + n calendar days (start not counted), moved to the next working day if the period
        would end on a non-working day."""
        return _count_forward(start, n, lambda _day: True, self.is_working_day)


def _count_forward(
    start: date, n: int, counts: Callable[[date], bool], working: Callable[[date], bool]
) -> date:
    if n < 0:
        raise ValueError("n must not be negative")
    day = start
    remaining = n
    while remaining:
        day += ONE_DAY
        remaining -= counts(day)
    while not working(day):
        day += ONE_DAY
    return day


# --------------------------------------------------------------------------------------------------
# Deadline rules
# --------------------------------------------------------------------------------------------------


class DeadlineUnit(StrEnum):
    WORKING = "working"
    CALENDAR = "calendar"
    HOURS = "hours"


@dataclass(frozen=True, slots=True)
class DeadlineRule:
    """A stage must finish within ``days`` units of its start (for ``unit='hours'``, ``days`` is hours).

    ``variant`` narrows the rule (complexity ``simple``/``normal``/``complex``, or e.g. ``motor``).
    ``pausable`` rules exclude supplement-wait intervals (judicial interpretation II art. 15).
    """

    stage: str
    days: int
    unit: DeadlineUnit = DeadlineUnit.WORKING
    variant: str | None = None
    pausable: bool = False
    basis: str = ""

    def __post_init__(self) -> None:
        try:
            object.__setattr__(self, "unit", DeadlineUnit(self.unit))
        except ValueError:
            raise ValidationError(
                "deadline_rule", "时效规则“{stage}”的计算单位无效", stage=self.stage
            ) from None
        if not self.stage:
            raise ValidationError("deadline_rule", "时效规则缺少环节名称")
        if self.days < 0:
            raise ValidationError("deadline_rule", "时效规则“{stage}”的期限不能为负数", stage=self.stage)
        if self.pausable and self.unit is DeadlineUnit.HOURS:
            raise ValidationError(
                "deadline_rule", "按小时计算的时效规则“{stage}”不能扣除等待期间", stage=self.stage
            )

    @property
    def key(self) -> str:
        return f"{self.stage}.{self.variant}" if self.variant else self.stage


_W, _C, _H = DeadlineUnit.WORKING, DeadlineUnit.CALENDAR, DeadlineUnit.HOURS
_OFFICE = "时效管理制度三(三)"
_DEFAULT_RULE_LIST: Final = (
    DeadlineRule("registration", 1, _W, basis=_OFFICE + "1"),
    DeadlineRule("review", 3, _W, "simple", basis=_OFFICE + "2"),
    DeadlineRule("review", 5, _W, "normal", basis=_OFFICE + "2"),
    DeadlineRule("review", 10, _W, "complex", basis=_OFFICE + "2"),
    DeadlineRule("payment", 1, _W, "simple", basis=_OFFICE + "3"),
    DeadlineRule("payment", 3, _W, "normal", basis=_OFFICE + "3"),
    DeadlineRule("payment", 5, _W, "complex", basis=_OFFICE + "3"),
    DeadlineRule("return_resubmission", 2, _W, basis="车险服务方案：核损退回2日内重新上报"),
    DeadlineRule("complaint_contact", 1, _W, basis="时效管理制度三(二)3"),
    DeadlineRule("complaint_resolution", 5, _W, "simple", basis="时效管理制度三(二)3"),
    DeadlineRule("complaint_resolution", 10, _W, "complex", basis="时效管理制度三(二)3"),
    DeadlineRule("complaint_resolution", 2, _W, "motor", basis="车险服务方案：投诉办结2个工作日"),
    DeadlineRule("callback_issue_contact", 1, _W, basis="车险服务方案：回访异议1个工作日内联系"),
    DeadlineRule("callback", 5, _W, basis="车险服务方案：已决案件100%回访（期限为本系统默认值）"),
    DeadlineRule("motor_estimate", 0, _C, "small", basis="车险服务方案：2000元以内当场出具估价单"),
    DeadlineRule("motor_estimate", 24, _H, "medium", basis="车险服务方案：2000至10000元24小时内"),
    DeadlineRule("motor_parts_list", 2, _C, basis="车险服务方案：1万元以上拆解后2日内"),
    DeadlineRule("motor_estimate", 5, _C, "large", basis="车险服务方案：1万元以上5日内"),
    DeadlineRule(
        "statutory_decision", 30, _C, pausable=True, basis="保险法第23条（复杂情形）；司法解释二第15条"
    ),
    DeadlineRule("statutory_payment", 10, _C, basis="保险法第23条：达成协议后10日内"),
    DeadlineRule("statutory_denial_notice", 3, _C, basis="保险法第24条"),
    DeadlineRule("statutory_advance_payment", 60, _C, basis="保险法第25条"),
    DeadlineRule("ctpl_document_list", 1, _C, basis="交强险条例第28条"),
    DeadlineRule("ctpl_decision", 5, _C, basis="交强险条例第29条"),
    DeadlineRule("ctpl_payment", 10, _C, basis="交强险条例第29条：达成协议后10日内"),
)


def default_rules() -> dict[str, DeadlineRule]:
    """A fresh copy of the default rule table (DOMAIN.md §6), keyed by :attr:`DeadlineRule.key`."""
    rules = {rule.key: rule for rule in _DEFAULT_RULE_LIST}
    assert len(rules) == len(_DEFAULT_RULE_LIST), "duplicate default rule key"
    return rules


DEFAULT_RULES: Final[Mapping[str, DeadlineRule]] = MappingProxyType(default_rules())


def rule_for(rules: Mapping[str, DeadlineRule], stage: str, variant: str | None = None) -> DeadlineRule:
    """The rule for ``stage.variant``, else the stage's general rule; ValidationError if neither exists."""
    if variant and f"{stage}.{variant}" in rules:
        return rules[f"{stage}.{variant}"]
    if stage in rules:
        return rules[stage]
    raise ValidationError("deadline_rule", "没有找到环节“{stage}”的时效规则", stage=stage, variant=variant)


# --------------------------------------------------------------------------------------------------
# Due dates
# --------------------------------------------------------------------------------------------------


class Pause(NamedTuple):
    """A supplement wait: days d with ``notified < d <= received`` do not count.

    ``notified``: the supplement notice reached the claimant; ``received``: the supplements reached the
    insurer. For a wait still running, pass today as ``received`` (a provisional due date).
    """

    notified: date
    received: date


@dataclass(frozen=True, slots=True)
class Deadline:
    rule: DeadlineRule
    start: date
    due: date
    due_at: datetime | None = None  # only for hour rules
    paused_days: int = 0
    uncovered_years: tuple[int, ...] = ()

    @property
    def warning(self) -> str | None:
        """``'calendar_not_covered'`` when the working-day calendar did not know a year involved."""
        return CALENDAR_NOT_COVERED if self.uncovered_years else None

    def warning_message(self, translated: str | None = None) -> str | None:
        if not self.uncovered_years:
            return None
        template = translated if translated is not None else CALENDAR_NOT_COVERED_MESSAGE
        return template.format(years="、".join(str(year) for year in self.uncovered_years))


def compute_due(
    start: date | datetime,
    rule: DeadlineRule,
    calendar: WorkingCalendar,
    pauses: Iterable[tuple[date, date]] = (),
) -> Deadline:
    """The due date of a stage starting at ``start`` under ``rule``.

    Working-day rules give the n-th working day after the start; calendar-day rules the n-th day, moved to
    the next working day if needed; hour rules ``start + n hours`` (``start`` must then be a datetime).
    Pauses count only for pausable rules; the due date is always on or after the start.
    """
    if rule.unit is DeadlineUnit.HOURS:
        if not isinstance(start, datetime):
            raise ValidationError("start", "按小时计算的时效需要开始时间")
        due_at = start + timedelta(hours=rule.days)
        return Deadline(rule=rule, start=start.date(), due=due_at.date(), due_at=due_at)
    start_day = start.date() if isinstance(start, datetime) else start
    intervals = _check_pauses(pauses) if rule.pausable else ()
    paused_days = 0

    def paused(day: date) -> bool:
        return any(notified < day <= received for notified, received in intervals)

    def counts(day: date) -> bool:
        nonlocal paused_days
        if paused(day):
            paused_days += 1
            return False
        return rule.unit is DeadlineUnit.CALENDAR or calendar.is_working_day(day)

    due = _count_forward(start_day, rule.days, counts, calendar.is_working_day)
    return Deadline(
        rule=rule,
        start=start_day,
        due=due,
        paused_days=paused_days,
        uncovered_years=calendar.uncovered_years(start_day, due),
    )


def _check_pauses(pauses: Iterable[tuple[date, date]]) -> tuple[Pause, ...]:
    checked = tuple(Pause(*pause) for pause in pauses)
    for pause in checked:
        if pause.received < pause.notified:
            raise ValidationError("pause", "补充材料送达日期不能早于补充通知送达日期")
    return checked


# --------------------------------------------------------------------------------------------------
# Warning level
# --------------------------------------------------------------------------------------------------


class WarningLevel(StrEnum):
    NONE = "none"
    YELLOW = "yellow"
    RED = "red"


#: DOMAIN.md §6 defaults: yellow with ≤ 1 working day left or ≥ 80 % of the working days elapsed.
YELLOW_DAYS_LEFT: Final = 1
YELLOW_FRACTION: Final = "0.8"


def warning_level(
    today: date,
    start: date,
    due: date,
    calendar: WorkingCalendar,
    yellow_days_left: int = 1,
    yellow_fraction: float | Decimal | Fraction | str = 0.8,
) -> WarningLevel:
    """Red when overdue (today after due). Yellow when at most ``yellow_days_left`` working days remain
    after today (the due day included) or at least ``yellow_fraction`` of the working days from start to
    due have elapsed. Otherwise none."""
    if today > due:
        return WarningLevel.RED
    if calendar.working_days_between(today, due) <= yellow_days_left:
        return WarningLevel.YELLOW
    total = calendar.working_days_between(start, due)
    elapsed = calendar.working_days_between(start, today)
    threshold = Fraction(str(yellow_fraction))  # str() keeps 0.8 from becoming its binary approximation
    if total <= 0 or Fraction(elapsed, total) >= threshold:
        return WarningLevel.YELLOW
    return WarningLevel.NONE


def yellow_from(
    start: date,
    due: date,
    calendar: WorkingCalendar,
    yellow_days_left: int = YELLOW_DAYS_LEFT,
    yellow_fraction: float | Decimal | Fraction | str = YELLOW_FRACTION,
) -> date:
    """The first day on which :func:`warning_level` is no longer NONE (yellow; red only after ``due``).

    The level only rises as days pass, so storing this day with the deadline turns "yellow today" into an
    index lookup (``yellow_from <= today <= due``). Found by stepping back from ``due``, which is always
    yellow, to the last day without a warning; periods are days or weeks long.
    """
    day = due
    while day > start:
        before = day - timedelta(days=1)
        level = warning_level(before, start, due, calendar, yellow_days_left, yellow_fraction)
        if level is WarningLevel.NONE:
            return day
        day = before
    return start
