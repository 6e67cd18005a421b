"""``backoffice authority show | set`` and ``backoffice approval delegate``."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from backoffice.cli.common import print_json, say, sign_in
from backoffice.domain.errors import ValidationError


def register(subparsers: Any) -> None:
    authority = subparsers.add_parser(
        "authority", help="核赔权限表：查看、修改（系统管理员，每次修改生成新版本）"
    )
    sub = authority.add_subparsers(dest="authority_command", metavar="ACTION", required=True)
    show = sub.add_parser("show", help="当前权限表、版本号和历史版本")
    show.add_argument("--json", action="store_true", help="以 JSON 输出（matrix 一项可直接用于 set）")
    show.set_defaults(handler=_show)
    set_ = sub.add_parser("set", help="从 JSON 文件保存新版本的权限表（格式同 show --json 的 matrix）")
    set_.add_argument("file", type=Path, metavar="FILE")
    set_.add_argument("--note", required=True, help="修改原因（记入审计日志）")
    set_.set_defaults(handler=_set)

    approval = subparsers.add_parser("approval", help="核赔审批：转交（系统管理员）")
    approval_sub = approval.add_subparsers(dest="approval_command", metavar="ACTION", required=True)
    delegate = approval_sub.add_parser(
        "delegate", help="核赔人员不在岗时，把待其签批的案件转交给同级或更高级别的核赔人员"
    )
    delegate.add_argument("case_no", metavar="CASE_NO")
    delegate.add_argument("--to", required=True, metavar="USER", help="接手的核赔人员用户名")
    delegate.add_argument("--reason", required=True, help="转交原因")
    delegate.set_defaults(handler=_delegate)


def _limit(value: Any) -> str:
    return "不限" if value is None else f"{value:,.2f}"


def _show(args: argparse.Namespace) -> int:
    from backoffice.domain.approval import LineOfBusiness
    from backoffice.services.admin_views import authority_overview
    from backoffice.services.authority import matrix_to_json

    overview = authority_overview(sign_in(args))
    current = overview.current
    if args.json:
        print_json(
            {
                "version": overview.version,
                "created_at": current.created_at.isoformat(),
                "created_by": current.created_by,
                "note": current.note,
                "matrix": json.loads(matrix_to_json(overview.matrix)),
                "history": [
                    {
                        "version": item.version,
                        "created_at": item.created_at.isoformat(),
                        "created_by": item.created_by,
                        "note": item.note,
                    }
                    for item in overview.history
                ],
            }
        )
        return 0
    who = current.created_by or "系统默认"
    print(f"第 {overview.version} 版\t{who}\t{current.created_at:%Y-%m-%d %H:%M} UTC\t{current.note}")
    print("级别\t职务\t" + "\t".join(line.value for line in LineOfBusiness) + "\t拒赔\t通融赔付")
    for level in overview.matrix.levels:
        limits = "\t".join(_limit(level.limit(line)) for line in LineOfBusiness)
        deny = "是" if level.can_deny else "否"
        ex_gratia = "是" if level.can_ex_gratia else "否"
        print(f"{level.level}\t{level.title}\t{limits}\t{deny}\t{ex_gratia}")
    return 0


def _read_matrix_text(path: Path) -> str:
    """The file's matrix as JSON text: a list of levels, or the object ``show --json`` prints."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ValidationError(
            "file", "无法读取文件 {path}：{reason}", path=str(path), reason=exc.strerror
        ) from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValidationError(
            "file", "文件 {path} 不是有效的 JSON（第 {line} 行）。", path=str(path), line=exc.lineno
        ) from exc
    if isinstance(data, dict) and "matrix" in data:
        return json.dumps(data["matrix"], ensure_ascii=False)
    return text


def _set(args: argparse.Namespace) -> int:
    from backoffice.services.authority import matrix_from_json, set_matrix

    matrix = matrix_from_json(_read_matrix_text(args.file))  # validated before signing in
    version = set_matrix(sign_in(args), matrix, note=args.note)
    say("权限表已保存，新版本：")
    print(version)
    return 0


def _delegate(args: argparse.Namespace) -> int:
    from backoffice.services.approvals import delegate

    delegate(sign_in(args), args.case_no, args.to, reason=args.reason)
    print(f"{args.case_no} → {args.to.strip().lower()}")
    return 0
