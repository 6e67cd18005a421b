"""``backoffice user add | list | passwd | unlock``."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import Any

from backoffice.cli.common import print_json, say, secret, sign_in
from backoffice.security.roles import ROLE_LABELS, Role, parse_roles


def register(subparsers: Any) -> None:
    user = subparsers.add_parser("user", help="用户：添加、列出、改密码、解锁")
    sub = user.add_subparsers(dest="user_command", metavar="ACTION", required=True)

    add = sub.add_parser("add", help="添加用户（新用户的密码取自 BACKOFFICE_NEW_PASSWORD 或提示输入）")
    add.add_argument("username")
    add.add_argument("--name", required=True, help="姓名")
    add.add_argument("--roles", required=True, help="角色，逗号分隔：" + ",".join(Role))
    add.add_argument("--level", type=int, help="核赔权限级别 1-5（核赔人员必填）")
    add.set_defaults(handler=_add)

    lst = sub.add_parser("list", help="列出用户")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(handler=_list)

    passwd = sub.add_parser("passwd", help="修改自己的密码，或（管理员）重设他人的密码")
    passwd.add_argument("username", nargs="?")
    passwd.set_defaults(handler=_passwd)

    unlock = sub.add_parser("unlock", help="解锁被锁定的账户")
    unlock.add_argument("username")
    unlock.set_defaults(handler=_unlock)


def _add(args: argparse.Namespace) -> int:
    from backoffice.services.users import add_user

    us = sign_in(args)
    roles = parse_roles(r for r in args.roles.split(",") if r.strip())
    password = secret("BACKOFFICE_NEW_PASSWORD", f"{args.username} 的初始密码：")
    info = add_user(
        us,
        username=args.username,
        display_name=args.name,
        password=password,
        roles=roles,
        approval_level=args.level,
    )
    print(f"{info.username}\t{info.display_name}\t{','.join(info.roles)}")
    return 0


def _list(args: argparse.Namespace) -> int:
    from backoffice.services.users import list_users

    users = list_users(sign_in(args))
    if args.json:
        print_json([asdict(u) for u in users])
        return 0
    for u in users:
        roles = ",".join(f"{r}({ROLE_LABELS[Role(r)]})" for r in u.roles)
        level = f" L{u.approval_level}" if u.approval_level else ""
        state = "" if u.active else " [停用]"
        locked = f" [锁定至 {u.locked_until:%Y-%m-%d %H:%M} UTC]" if u.locked_until else ""
        print(f"{u.username}\t{u.display_name}\t{roles}{level}{state}{locked}")
    return 0


def _passwd(args: argparse.Namespace) -> int:
    from backoffice.services.users import change_own_password, reset_password

    us = sign_in(args)
    target = (args.username or us.actor.username).strip().lower()
    new = secret("BACKOFFICE_NEW_PASSWORD", f"{target} 的新密码：")
    if target == us.actor.username:
        old = secret("BACKOFFICE_PASSWORD", "原密码：")
        change_own_password(us, old_password=old, new_password=new)
    else:
        reset_password(us, username=target, new_password=new)
    say("密码已修改。")
    return 0


def _unlock(args: argparse.Namespace) -> int:
    from backoffice.services.users import unlock_user

    unlock_user(sign_in(args), username=args.username)
    say("账户已解锁。")
    return 0
