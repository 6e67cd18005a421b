"""``backoffice db upgrade | downgrade | check | current``."""

from __future__ import annotations

import argparse
from typing import Any

from backoffice.cli.common import open_backoffice, say


def register(subparsers: Any) -> None:
    db = subparsers.add_parser("db", help="数据库结构：升级、回退、检查")
    sub = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    sub.add_parser("upgrade", help="升级到本程序的结构版本").set_defaults(handler=_upgrade)
    down = sub.add_parser("downgrade", help="回退到指定版本（先备份）")
    down.add_argument("revision")
    down.set_defaults(handler=_downgrade)
    sub.add_parser("check", help="检查模型与迁移是否一致、数据库是否可用").set_defaults(handler=_check)
    sub.add_parser("current", help="显示当前结构版本").set_defaults(handler=_current)


def _upgrade(args: argparse.Namespace) -> int:
    from backoffice.services import schema

    bo = open_backoffice(args, require_schema=False)
    schema.upgrade(bo)
    print(schema.state(bo).current)
    say("数据库结构已是最新。")
    return 0


def _downgrade(args: argparse.Namespace) -> int:
    from backoffice.services import schema

    bo = open_backoffice(args, require_schema=False)
    schema.downgrade(bo, args.revision)
    return 0


def _check(args: argparse.Namespace) -> int:
    from backoffice.services import schema

    bo = open_backoffice(args, require_schema=False)
    state = schema.state(bo)
    if state.current is None:
        say("数据库尚未建立：请运行 backoffice db upgrade。")
        return 1
    if not state.up_to_date:
        print(f"{state.current} → {state.head}")
        say("数据库结构落后于本程序：请运行 backoffice db upgrade。")
        return 1
    diffs, problems = schema.check(bo)
    for diff in diffs:
        print(diff)
    for problem in problems:
        print(problem)
    if diffs:
        say("模型与迁移不一致：需要新的迁移脚本。")
        return 1
    if problems:
        say("数据库完整性检查未通过：请从备份恢复。")
        return 1
    print(state.current)
    say("数据库结构与程序一致，完整性检查通过。")
    return 0


def _current(args: argparse.Namespace) -> int:
    from backoffice.services import schema

    bo = open_backoffice(args, require_schema=False)
    state = schema.state(bo)
    print(f"current={state.current or '-'} head={state.head}")
    return 0
