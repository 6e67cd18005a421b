"""``backoffice kpi --month YYYY-MM`` and ``backoffice sla report | refresh | recompute``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from backoffice.cli.common import print_json, say, sign_in

DIMENSION_CHOICES = ("branch", "line", "team", "person", "all")


def register(subparsers: Any) -> None:
    kpi = subparsers.add_parser("kpi", help="月度考核指标：结案率、结案周期、支付时效、时效达标率等")
    kpi.add_argument("--month", required=True, help="统计月份 YYYY-MM")
    kpi.add_argument(
        "--dimension",
        choices=DIMENSION_CHOICES,
        default="branch",
        help="按分公司、险类、团队或个人（默认分公司）",
    )
    kpi.add_argument("--json", action="store_true", help="以 JSON 输出全部维度")
    kpi.add_argument("--xlsx", type=Path, metavar="FILE", help="同时导出为 XLSX 文件")
    kpi.set_defaults(handler=_kpi)

    sla = subparsers.add_parser("sla", help="时效：预警统计、刷新预警、重新计算期限")
    sla_sub = sla.add_subparsers(dest="sla_command", metavar="ACTION", required=True)
    report = sla_sub.add_parser("report", help="未结束环节的黄色/红色预警统计和未决案件账龄")
    report.add_argument("--json", action="store_true")
    report.set_defaults(handler=_report)
    refresh = sla_sub.add_parser("refresh", help="按今天的日期刷新预警级别并生成跟进任务（可每日定时运行）")
    refresh.add_argument("--json", action="store_true")
    refresh.set_defaults(handler=_refresh)
    recompute = sla_sub.add_parser("recompute", help="修改工作日历或时效规则后重新计算全部未结束的期限")
    recompute.set_defaults(handler=_recompute)


def _value(row: Any) -> str:
    from backoffice.domain.kpi import UNIT_SUFFIX, Unit

    return "—" if row.value is None else f"{row.value}{UNIT_SUFFIX[Unit(row.unit)]}"


def _kpi(args: argparse.Namespace) -> int:
    from backoffice.services.kpis import monthly_kpis

    us = sign_in(args)
    report = monthly_kpis(us, args.month)
    if args.xlsx:
        from backoffice.services.kpi_export import export_kpis

        export_kpis(us, args.month, args.xlsx)
    if args.json:
        print_json(
            {
                "month": report.month,
                "branch": report.branch,
                "rows": [
                    {
                        "kpi": r.kpi,
                        "label": r.label,
                        "unit": r.unit,
                        "dimension": r.dimension,
                        "key": r.key,
                        "group": r.group,
                        "value": None if r.value is None else str(r.value),
                        "target": None if r.target is None else str(r.target),
                        "met": r.met,
                        "numerator": r.numerator,
                        "denominator": r.denominator,
                    }
                    for r in report.rows
                ],
            }
        )
        return 0
    dimensions = ("branch", "line", "team", "person") if args.dimension == "all" else (args.dimension,)
    for row in report.rows:
        if row.dimension not in dimensions:
            continue
        target = "" if row.target is None else f"{row.target}"
        met = {True: "达标", False: "未达标", None: ""}[row.met]
        ratio = f"{row.numerator}/{row.denominator}"
        print(f"{row.group}\t{row.label}\t{_value(row)}\t目标 {target or '—'}\t{met}\t{ratio}")
    if args.xlsx:
        say("已导出：")
        print(args.xlsx)
    return 0


def _report(args: argparse.Namespace) -> int:
    from backoffice.services.pending import aging
    from backoffice.services.sla_tasks import open_tasks
    from backoffice.services.sla_warnings import warning_counts

    us = sign_in(args)
    counts = warning_counts(us)
    ages = aging(us)
    tasks = open_tasks(us)
    data = {
        "today": counts.today.isoformat(),
        "open": counts.open,
        "yellow": counts.yellow,
        "red": counts.red,
        "stages": [
            {"stage": stage, "label": label, "open": n, "yellow": yellow, "red": red}
            for stage, label, n, yellow, red in counts.by_stage
        ],
        "pending": {"total": ages.total, "aging": dict(ages.buckets)},
        "open_tasks": len(tasks),
        "overdue_tasks": sum(1 for t in tasks if t.overdue),
    }
    if args.json:
        print_json(data)
        return 0
    print(f"{counts.today}  未结束环节 {counts.open}  黄色预警 {counts.yellow}  红色预警 {counts.red}")
    for stage, label, n, yellow, red in counts.by_stage:
        print(f"{label}（{stage}）\t{n}\t黄 {yellow}\t红 {red}")
    print("未决案件 " + str(ages.total) + "：" + "，".join(f"{key} 天 {n}" for key, n in ages.buckets))
    print(f"预警跟进任务 {data['open_tasks']}（逾期 {data['overdue_tasks']}）")
    return 0


def _refresh(args: argparse.Namespace) -> int:
    from backoffice.services.sla_warnings import refresh_warnings

    result = refresh_warnings(sign_in(args))
    data = {
        "today": result.today.isoformat(),
        "checked": result.checked,
        "changed": result.changed,
        "yellow": result.yellow,
        "red": result.red,
        "tasks_created": result.tasks_created,
        "recomputed": result.recomputed,
    }
    if args.json:
        print_json(data)
    else:
        print(" ".join(f"{key}={value}" for key, value in data.items()))
    return 0


def _recompute(args: argparse.Namespace) -> int:
    from backoffice.services.deadline_recompute import recompute_open

    moved = recompute_open(sign_in(args))
    print(f"moved={moved}")
    return 0
