"""``backoffice audit verify | list`` (auditors only)."""

from __future__ import annotations

import argparse
from typing import Any

from backoffice.cli.common import print_json, say, sign_in


def register(subparsers: Any) -> None:
    audit = subparsers.add_parser("audit", help="审计日志：校验链条、查看记录（审计员）")
    sub = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = sub.add_parser("verify", help="校验审计链：发现被修改、删除、插入或调换的记录")
    verify.add_argument("--json", action="store_true")
    verify.set_defaults(handler=_verify)
    lst = sub.add_parser("list", help="最近的审计记录")
    lst.add_argument("--limit", type=int, default=50)
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(handler=_list)


def _verify(args: argparse.Namespace) -> int:
    from backoffice.services.audit import verify

    result = verify(sign_in(args))
    if args.json:
        print_json(
            {
                "ok": result.ok,
                "checked": result.checked,
                "first_bad_seq": result.first_bad_seq,
                "problem": result.problem,
                "pending_unsealed": result.pending_unsealed,
            }
        )
    elif result.ok:
        print(f"OK: {result.checked}")
        say("审计链完整：全部记录校验通过。")
    else:
        print(f"FAILED: seq {result.first_bad_seq} ({result.problem})")
        say("审计链被破坏：从上面的序号开始的记录被修改、删除、插入或调换过。")
    return 0 if result.ok else 1


def _list(args: argparse.Namespace) -> int:
    from backoffice.services.audit import list_records

    rows = list_records(sign_in(args), limit=args.limit)
    if args.json:
        print_json([r.__dict__ for r in rows])
        return 0
    for r in rows:
        print(
            f"{r.seq}\t{r.at:%Y-%m-%d %H:%M:%S}\t{r.username}\t{r.role}\t{r.action}\t"
            f"{r.object_type}:{r.object_id}\t{r.outcome}\t{r.reason}"
        )
    return 0
