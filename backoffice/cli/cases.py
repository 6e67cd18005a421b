"""``backoffice policy import`` and ``backoffice case list | show``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from backoffice.cli.common import print_json, say, sign_in


def register(subparsers: Any) -> None:
    policy = subparsers.add_parser("policy", help="保单：从 CSV 或 XLSX 导入")
    policy_sub = policy.add_subparsers(dest="policy_command", metavar="ACTION", required=True)
    imp = policy_sub.add_parser(
        "import", help="导入保单；有错误行时什么也不导入并列出错误（除非 --skip-bad-rows）"
    )
    imp.add_argument("file", type=Path)
    imp.add_argument("--skip-bad-rows", action="store_true", help="只导入没有错误的保单")
    imp.set_defaults(handler=_import)

    case = subparsers.add_parser("case", help="案件：列表和详情（个人信息已遮蔽）")
    case_sub = case.add_subparsers(dest="case_command", metavar="ACTION", required=True)
    lst = case_sub.add_parser("list", help="案件列表")
    lst.add_argument("--status", action="append", default=[], help="按状态筛选（可重复）")
    lst.add_argument("--search", default="", help="案件号、保单号、身份证号、手机号或姓名")
    lst.add_argument("--limit", type=int, default=50)
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(handler=_list)
    show = case_sub.add_parser("show", help="案件详情")
    show.add_argument("case_no")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=_show)


def _import(args: argparse.Namespace) -> int:
    from backoffice.services.policy_import import import_policies

    report = import_policies(sign_in(args), args.file, skip_bad_rows=args.skip_bad_rows)
    for error in report.bad_rows:
        print(f"第 {error.row} 行 row {error.row} [{error.field}]: {error.message}")
    print(f"rows: {report.rows}; policies imported: {report.imported}; bad rows: {len(report.bad_rows)}")
    if report.bad_rows and not args.skip_bad_rows:
        say("文件中有错误行，什么也没有导入。请改正后重新导入，或加 --skip-bad-rows 只导入没有错误的保单。")
        return 1
    return 0


def _list(args: argparse.Namespace) -> int:
    from backoffice.domain.case import STATUS_LABELS, CaseStatus
    from backoffice.services.cases import CaseFilter, list_cases

    rows = list_cases(
        sign_in(args), CaseFilter(statuses=tuple(args.status), search=args.search), limit=args.limit
    )
    if args.json:
        print_json(
            [
                {
                    "case_no": r.case_no,
                    "status": r.status,
                    "line": r.line,
                    "complexity": r.complexity,
                    "handler": r.handler,
                    "customer": r.customer,
                    "reported_at": r.reported_at.isoformat(),
                    "estimated_loss": f"{r.estimated_loss:.2f}",
                    "flags": list(r.flags),
                }
                for r in rows
            ]
        )
        return 0
    for r in rows:
        print(
            f"{r.case_no}\t{STATUS_LABELS[CaseStatus(r.status)]}\t{r.line}\t{r.complexity}\t{r.handler}\t"
            f"{r.customer}\t{r.estimated_loss:.2f}\t{','.join(r.flags)}"
        )
    return 0


def _show(args: argparse.Namespace) -> int:
    from backoffice.services.cases import case_json, get_case

    data = case_json(get_case(sign_in(args), args.case_no))
    if args.json:
        print_json(data)
        return 0
    for key, value in data.items():
        print(f"{key}: {value}")
    return 0
