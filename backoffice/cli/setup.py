"""``backoffice init`` and ``backoffice keys recover``."""

from __future__ import annotations

import argparse
from typing import Any

from backoffice.cli.common import open_backoffice, say, secret, sign_in


def register(subparsers: Any) -> None:
    init = subparsers.add_parser("init", help="初始化新数据库：第一个系统管理员和恢复码")
    init.add_argument("--admin", required=True, help="管理员用户名")
    init.add_argument("--name", default="系统管理员", help="管理员姓名")
    init.set_defaults(handler=_init)

    keys = subparsers.add_parser("keys", help="密钥：轮换、状态、用恢复码恢复")
    keys_sub = keys.add_subparsers(dest="keys_command", metavar="ACTION", required=True)
    rotate = keys_sub.add_parser("rotate", help="轮换主密钥：重新加密全部个人信息和附件（可中断后再次运行）")
    rotate.add_argument("--batch", type=int, default=500, help="每批重新加密的记录数")
    rotate.set_defaults(handler=_rotate)
    keys_sub.add_parser("status", help="密钥版本和待重新加密的记录数").set_defaults(handler=_status)
    recover = keys_sub.add_parser("recover", help="用打印的恢复码为用户设置新密码")
    recover.add_argument("username")
    recover.set_defaults(handler=_recover)


def _init(args: argparse.Namespace) -> int:
    from backoffice.services.setup import initialise

    bo = open_backoffice(args)
    password = secret("BACKOFFICE_PASSWORD", f"{args.admin} 的新密码：")
    result = initialise(bo, admin_username=args.admin, admin_display_name=args.name, admin_password=password)
    say("数据库已初始化。")
    print(f"管理员 admin: {result.admin_username}")
    print(f"恢复码 recovery code: {result.recovery_code}")
    say("请把恢复码打印出来锁进保险柜：忘记所有管理员密码时，只有它能打开加密数据。")
    return 0


def _recover(args: argparse.Namespace) -> int:
    from backoffice.services.auth import recover

    bo = open_backoffice(args)
    code = secret("BACKOFFICE_RECOVERY_CODE", "恢复码：")
    password = secret("BACKOFFICE_NEW_PASSWORD", f"{args.username} 的新密码：")
    recover(bo, code=code, username=args.username, new_password=password)
    say("已用恢复码设置新密码。")
    return 0


def _print_status(status: Any) -> None:
    print(
        f"current key version: {status.current_version}; live: {', '.join(map(str, status.live_versions))}; "
        f"pending persons: {status.persons_pending}; pending attachments: {status.attachments_pending}"
    )


def _rotate(args: argparse.Namespace) -> int:
    from backoffice.services import keys

    us = sign_in(args)

    def progress(stage: str, done: int, total: int) -> None:
        print(f"  {stage}: {done}/{total}", flush=True)

    final = keys.rotate(us, batch=max(1, args.batch), progress=progress)
    _print_status(final)
    say(
        "密钥轮换完成：旧版本已停用。"
        if final.complete
        else "密钥轮换尚未完成：请再次运行 backoffice keys rotate。"
    )
    return 0 if final.complete else 1


def _status(args: argparse.Namespace) -> int:
    from backoffice.services import keys

    _print_status(keys.status(sign_in(args)))
    return 0
