"""The working-day calendar and the deadline rules as the office configured them.

``chinesecalendar`` + the administrator's overrides make the calendar; ``domain.sla.default_rules`` + the
overrides table make the rules. Changing either marks the stored deadlines stale: ``deadlines.recompute_open``
(run on a worker in the GUI, or by the next ``sla_warnings.refresh_warnings``) brings every open deadline
in line again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from backoffice.db.models import AppMeta
from backoffice.db.models_sla import CalendarOverride, CalendarYear, DeadlineRuleOverride
from backoffice.domain.errors import NotFound, ValidationError
from backoffice.domain.sla import DeadlineRule, DeadlineUnit, WorkingCalendar, default_rules, package_years
from backoffice.security.roles import Permission
from backoffice.services import audit
from backoffice.services.context import UserSession
from backoffice.services.guard import require

SHANGHAI = ZoneInfo("Asia/Shanghai")
STALE_KEY = "sla_deadlines_stale"
_CONTEXT_KEY = "sla_context"


def business_day(moment: datetime) -> date:
    """The office's date (Asia/Shanghai) of an aware timestamp."""
    return moment.astimezone(SHANGHAI).date()


def day_start(day: date) -> datetime:
    """Midnight at the start of ``day`` in Shanghai, as an aware datetime."""
    return datetime.combine(day, time(), SHANGHAI)


def noon(day: date) -> datetime:
    """The timestamp stored for an event known only by its date (e.g. a bank's payment date)."""
    return datetime.combine(day, time(12), SHANGHAI)


def end_of_day(day: date) -> datetime:
    """The instant a deadline ending on ``day`` is late: midnight after it, Shanghai time."""
    return day_start(day + timedelta(days=1))


@dataclass(frozen=True)
class SlaContext:
    calendar: WorkingCalendar
    rules: dict[str, DeadlineRule]


class WorkingDayIndex:
    """``calendar.working_days_between`` in O(1) inside [first, last] (a prefix sum), for long lists."""

    def __init__(self, calendar: WorkingCalendar, first: date, last: date) -> None:
        self._calendar, self._first = calendar, first
        counts = [0]
        day = first
        while day <= last:
            counts.append(counts[-1] + calendar.is_working_day(day))
            day += timedelta(days=1)
        self._counts = counts  # counts[i]: working days in [first, first + i)

    def _upto(self, day: date) -> int | None:
        """Working days d with first <= d <= day (None outside the range)."""
        index = (day - self._first).days + 1
        return self._counts[index] if 0 <= index < len(self._counts) else None

    def between(self, a: date, b: date) -> int:
        """Working days d with a < d <= b; negative when b is before a (as the calendar counts)."""
        upper, lower = self._upto(b), self._upto(a)
        if upper is None or lower is None:
            return self._calendar.working_days_between(a, b)
        return upper - lower


def load_calendar(db: Session) -> WorkingCalendar:
    overrides = {row.day: row.is_working_day for row in db.execute(select(CalendarOverride)).scalars()}
    years = db.execute(select(CalendarYear.year)).scalars().all()
    return WorkingCalendar(overrides, complete_years=years)


def load_rules(db: Session) -> dict[str, DeadlineRule]:
    rules = default_rules()
    for row in db.execute(select(DeadlineRuleOverride)).scalars():
        stage, _, variant = row.key.partition(".")
        basis = row.basis or (rules[row.key].basis if row.key in rules else "")
        rules[row.key] = DeadlineRule(
            stage, row.days, DeadlineUnit(row.unit), variant or None, row.pausable, basis
        )
    return rules


def context(db: Session) -> SlaContext:
    """Calendar and rules, loaded once per unit of work."""
    cached = db.info.get(_CONTEXT_KEY)
    if cached is None:
        cached = db.info[_CONTEXT_KEY] = SlaContext(load_calendar(db), load_rules(db))
    return cached  # type: ignore[no-any-return]


def mark_stale(db: Session) -> None:
    db.info.pop(_CONTEXT_KEY, None)
    row = db.get(AppMeta, STALE_KEY)
    if row is None:
        db.add(AppMeta(key=STALE_KEY, value="1"))
    else:
        row.value = "1"


def is_stale(db: Session) -> bool:
    row = db.get(AppMeta, STALE_KEY)
    return row is not None and row.value == "1"


def clear_stale(db: Session) -> None:
    row = db.get(AppMeta, STALE_KEY)
    if row is not None:
        row.value = "0"


# --- the calendar ------------------------------------------------------------------------------


@dataclass(frozen=True)
class CalendarDay:
    day: date
    is_working_day: bool
    note: str


@dataclass(frozen=True)
class CalendarInfo:
    package_years: tuple[int, int]  # first and last year chinesecalendar knows
    complete_years: tuple[int, ...]  # entered completely by an administrator
    overrides: tuple[CalendarDay, ...]


def calendar_info(us: UserSession) -> CalendarInfo:
    require(us, Permission.VIEW_CASES, "sla.calendar", "您没有查看工作日历的权限。")
    with us.bo.db.unit_of_work(write=False) as db:
        rows = db.execute(select(CalendarOverride).order_by(CalendarOverride.day)).scalars()
        years = db.execute(select(CalendarYear.year).order_by(CalendarYear.year)).scalars().all()
        known = package_years()
        return CalendarInfo(
            (min(known), max(known)),
            tuple(years),
            tuple(CalendarDay(r.day, r.is_working_day, r.note) for r in rows),
        )


def set_calendar_day(us: UserSession, day: date, *, working: bool, note: str) -> None:
    """Make ``day`` a working day or a day off (a local arrangement, or a year the package lacks)."""
    role = require(us, Permission.MANAGE_CALENDAR, "sla.calendar.set", "只有系统管理员可以修改工作日历。")
    if not note.strip():
        raise ValidationError("note", "请注明调整原因（例如国务院办公厅通知或本地安排）。")
    with us.bo.db.unit_of_work() as db:
        row = db.get(CalendarOverride, day)
        if row is None:
            db.add(
                CalendarOverride(
                    day=day,
                    is_working_day=working,
                    note=note.strip()[:200],
                    created_by=us.actor.user_id,
                    created_at=us.bo.now(),
                )
            )
        else:
            row.is_working_day, row.note = working, note.strip()[:200]
            row.created_by, row.created_at = us.actor.user_id, us.bo.now()
        mark_stale(db)
        audit.record(
            db,
            us,
            "sla.calendar.set",
            role=role,
            object_type="calendar",
            object_id=day.isoformat(),
            reason="working" if working else "off",
        )


def clear_calendar_day(us: UserSession, day: date) -> None:
    role = require(us, Permission.MANAGE_CALENDAR, "sla.calendar.clear", "只有系统管理员可以修改工作日历。")
    with us.bo.db.unit_of_work() as db:
        if db.get(CalendarOverride, day) is None:
            raise NotFound("{day} 没有调整记录。", day=day.isoformat())
        db.execute(delete(CalendarOverride).where(CalendarOverride.day == day))
        mark_stale(db)
        audit.record(
            db, us, "sla.calendar.clear", role=role, object_type="calendar", object_id=day.isoformat()
        )


def set_year_complete(us: UserSession, year: int, complete: bool = True) -> None:
    """Declare that every holiday and make-up day of ``year`` has been entered (or withdraw that)."""
    role = require(us, Permission.MANAGE_CALENDAR, "sla.calendar.year", "只有系统管理员可以修改工作日历。")
    if not 2000 <= year <= 2200:
        raise ValidationError("year", "年份无效。")
    with us.bo.db.unit_of_work() as db:
        row = db.get(CalendarYear, year)
        if complete and row is None:
            db.add(CalendarYear(year=year, created_by=us.actor.user_id, created_at=us.bo.now()))
        elif not complete and row is not None:
            db.delete(row)
        mark_stale(db)
        audit.record(
            db,
            us,
            "sla.calendar.year",
            role=role,
            object_type="calendar",
            object_id=str(year),
            reason="complete" if complete else "incomplete",
        )


# --- the rules ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class RuleView:
    key: str
    stage: str
    variant: str | None
    days: int
    unit: str
    pausable: bool
    basis: str
    overridden: bool


def list_rules(us: UserSession) -> list[RuleView]:
    require(us, Permission.VIEW_CASES, "sla.rules", "您没有查看时效规则的权限。")
    with us.bo.db.unit_of_work(write=False) as db:
        rules = load_rules(db)
        overridden = set(db.execute(select(DeadlineRuleOverride.key)).scalars())
    return [
        RuleView(key, r.stage, r.variant, r.days, r.unit.value, r.pausable, r.basis, key in overridden)
        for key, r in sorted(rules.items())
    ]


def set_rule(
    us: UserSession,
    key: str,
    *,
    days: int,
    unit: str | None = None,
    pausable: bool | None = None,
    basis: str = "",
) -> RuleView:
    """Change one rule (unit and pausability default to the current rule's)."""
    role = require(us, Permission.MANAGE_CALENDAR, "sla.rule.set", "只有系统管理员可以修改时效规则。")
    key = key.strip()
    defaults = default_rules()
    stage = key.partition(".")[0]
    if key not in defaults:  # the stages the services start are fixed; their periods are configurable
        raise ValidationError("key", "没有名为“{key}”的时效环节。", key=key)
    with us.bo.db.unit_of_work() as db:
        current = load_rules(db).get(key) or defaults.get(key)
        chosen_unit = unit or (current.unit.value if current else DeadlineUnit.WORKING.value)
        rule = DeadlineRule(  # validates days, unit and pausability
            stage,
            days,
            chosen_unit,  # type: ignore[arg-type]
            key.partition(".")[2] or None,
            pausable if pausable is not None else bool(current and current.pausable),
            basis.strip() or (current.basis if current else ""),
        )
        row = db.get(DeadlineRuleOverride, key)
        if row is None:
            row = DeadlineRuleOverride(key=key, days=days, unit=rule.unit.value, updated_at=us.bo.now())
            db.add(row)
        row.days, row.unit, row.pausable, row.basis = rule.days, rule.unit.value, rule.pausable, rule.basis
        row.updated_by, row.updated_at = us.actor.user_id, us.bo.now()
        mark_stale(db)
        audit.record(
            db,
            us,
            "sla.rule.set",
            role=role,
            object_type="deadline_rule",
            object_id=key,
            reason=f"{rule.days} {rule.unit.value}",
        )
    return RuleView(key, stage, rule.variant, rule.days, rule.unit.value, rule.pausable, rule.basis, True)


def reset_rule(us: UserSession, key: str) -> None:
    """Back to the default of DOMAIN.md §6."""
    role = require(us, Permission.MANAGE_CALENDAR, "sla.rule.reset", "只有系统管理员可以修改时效规则。")
    with us.bo.db.unit_of_work() as db:
        if db.get(DeadlineRuleOverride, key) is None:
            raise NotFound("时效规则“{key}”没有被修改过。", key=key)
        db.execute(delete(DeadlineRuleOverride).where(DeadlineRuleOverride.key == key))
        mark_stale(db)
        audit.record(db, us, "sla.rule.reset", role=role, object_type="deadline_rule", object_id=key)
