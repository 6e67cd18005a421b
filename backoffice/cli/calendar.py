"""``backoffice calendar show | set | clear | complete``: the working-day calendar's overrides."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from backoffice.cli.common import print_json, say, sign_in
from backoffice.domain.errors import ValidationError

WEEKDAYS = ("一", "二", "三", "四", "五", "六", "日")


def register(subparsers: Any) -> None:
    calendar = subparsers.add_parser(
        "calendar", help="工作日历：查看某年的调整；添加、删除调整（系统管理员），修改后重新计算期限"
    )
    sub = calendar.add_subparsers(dest="calendar_command", metavar="ACTION", required=True)
    show = sub.add_parser("show", help="某年的调整日和节假日数据来源（是否为 chinesecalendar 收录）")
    show.add_argument("year", type=int, metavar="YEAR")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=_show)

    set_ = sub.add_parser("set", help="把某天设为工作日（调休上班）或休息日（放假）")
    set_.add_argument("day", metavar="DAY", help="日期 YYYY-MM-DD")
    kind = set_.add_mutually_exclusive_group(required=True)
    kind.add_argument("--working", action="store_true", help="工作日（例如调休上班的周末）")
    kind.add_argument("--holiday", action="store_true", help="休息日（例如法定节假日或本地安排）")
    set_.add_argument("--note", required=True, help="依据，例如国务院办公厅放假通知")
    _recompute_option(set_)
    set_.set_defaults(handler=_set)

    clear = sub.add_parser("clear", help="删除某天的调整（恢复 chinesecalendar 或周一至周五）")
    clear.add_argument("day", metavar="DAY", help="日期 YYYY-MM-DD")
    _recompute_option(clear)
    clear.set_defaults(handler=_clear)

    complete = sub.add_parser(
        "complete", help="标记某年的节假日和调休已全部录入（chinesecalendar 未收录的年份）"
    )
    complete.add_argument("year", type=int, metavar="YEAR")
    complete.add_argument("--undo", action="store_true", help="撤销该标记")
    _recompute_option(complete)
    complete.set_defaults(handler=_complete)


def _recompute_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--no-recompute",
        action="store_true",
        help="不立即重新计算未结束的期限（录入多天时使用，最后运行 backoffice sla recompute）",
    )


def parse_day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(
            "day", "日期“{text}”无效：请按 YYYY-MM-DD 输入，例如 2027-10-01。", text=text
        ) from None


def _coverage(year: int, first: int, last: int, complete: bool) -> tuple[str, str]:
    if first <= year <= last:
        return "package", f"{year} 年的节假日和调休来自 chinesecalendar（收录 {first}–{last} 年）；调整优先。"
    if complete:
        return "complete", f"chinesecalendar 未收录 {year} 年；管理员已标记本年节假日全部录入。"
    return (
        "not_covered",
        f"注意：chinesecalendar 未收录 {year} 年（收录 {first}–{last} 年），本年也未标记为已完整录入："
        "该年的期限暂按周一至周五推算。请录入放假和调休上班日后运行 backoffice calendar complete "
        f"{year}。",
    )


def _show(args: argparse.Namespace) -> int:
    from backoffice.services.admin_views import calendar_overview

    info = calendar_overview(sign_in(args))
    first, last = info.package_years
    coverage, text = _coverage(args.year, first, last, args.year in info.complete_years)
    days = [d for d in info.overrides if d.day.year == args.year]
    if args.json:
        print_json(
            {
                "year": args.year,
                "coverage": coverage,
                "package_years": [first, last],
                "complete_years": list(info.complete_years),
                "overrides": [
                    {"day": d.day.isoformat(), "working": d.is_working_day, "note": d.note} for d in days
                ],
            }
        )
        return 0
    print(text)
    for d in days:
        kind = "工作日" if d.is_working_day else "休息日"
        print(f"{d.day.isoformat()}\t周{WEEKDAYS[d.day.weekday()]}\t{kind}\t{d.note}")
    if not days:
        say("本年没有调整。")
    return 0


def _after_change(us: Any, args: argparse.Namespace) -> None:
    if args.no_recompute:
        say("期限尚未重新计算：录入完毕后请运行 backoffice sla recompute。")
        return
    from backoffice.services.deadline_recompute import recompute_open

    print(f"moved={recompute_open(us)}")


def _set(args: argparse.Namespace) -> int:
    from backoffice.services.sla_config import set_calendar_day

    day = parse_day(args.day)
    us = sign_in(args)
    set_calendar_day(us, day, working=bool(args.working), note=args.note)
    print(f"{day.isoformat()}\t{'工作日' if args.working else '休息日'}")
    _after_change(us, args)
    return 0


def _clear(args: argparse.Namespace) -> int:
    from backoffice.services.sla_config import clear_calendar_day

    day = parse_day(args.day)
    us = sign_in(args)
    clear_calendar_day(us, day)
    print(f"{day.isoformat()}\t已删除调整")
    _after_change(us, args)
    return 0


def _complete(args: argparse.Namespace) -> int:
    from backoffice.services.sla_config import set_year_complete

    us = sign_in(args)
    set_year_complete(us, args.year, not args.undo)
    print(f"{args.year}\t{'已撤销完整录入标记' if args.undo else '已标记为完整录入'}")
    _after_change(us, args)
    return 0
