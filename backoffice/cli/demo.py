"""``backoffice demo`` (create once and open) and ``backoffice demo seed``."""

from __future__ import annotations

import argparse
from typing import Any

from backoffice.cli.common import say, settings_from


def register(subparsers: Any) -> None:
    demo = subparsers.add_parser(
        "demo", help="演示：在独立的数据目录建立演示数据库（每个角色一个用户）并打开图形界面"
    )
    demo.add_argument("--no-gui", action="store_true", help="只建立演示数据库，不打开界面")
    demo.set_defaults(handler=_demo)
    sub = demo.add_subparsers(dest="demo_command", metavar="ACTION")
    seed = sub.add_parser("seed", help="用演示数据填充数据库（经由与用户相同的服务）")
    seed.add_argument("--cases", type=int, default=50, help="案件数（各阶段都有）")
    seed.add_argument("--seed", type=int, default=1, help="随机种子：相同种子得到相同数据")
    seed.add_argument("--password", help="每个演示用户的密码（默认见 README）")
    seed.set_defaults(handler=_seed)


def _print_created(created: Any) -> None:
    say("已建立演示数据库。演示用户（密码相同）：")
    for name in created.usernames:
        print(f"  {name}")
    print(f"password: {created.password}")
    print(f"recovery code: {created.recovery_code}")


def _demo(args: argparse.Namespace) -> int:
    from backoffice.services.context import Backoffice
    from backoffice.services.demo import ensure_demo_database
    from backoffice.settings import demo_settings

    settings = demo_settings()
    bo = Backoffice.open(settings)
    created = ensure_demo_database(bo)
    if created is not None:
        _print_created(created)
    bo.close()
    print(f"demo data: {settings.data_dir}")
    if args.no_gui:
        return 0
    from backoffice.app import run

    return run(settings)


def _seed(args: argparse.Namespace) -> int:
    from backoffice.domain.errors import ValidationError
    from backoffice.services.context import Backoffice
    from backoffice.services.demo import DEFAULT_DEMO_PASSWORD, seed

    if args.cases < 0 or args.cases > 2_000_000:
        raise ValidationError("cases", "案件数必须在 0 到 2,000,000 之间。")
    bo = Backoffice.open(settings_from(args))
    report = seed(bo, cases=args.cases, seed_value=args.seed, password=args.password or DEFAULT_DEMO_PASSWORD)
    if report.users_created:
        say(
            "已建立演示用户（demo-clerk、demo-approver1…5、demo-archivist、demo-supervisor、demo-admin、demo-auditor）。"
        )
    print(f"cases: {report.cases}")
    for stage, count in sorted(report.stages.items()):
        print(f"  {stage}: {count}")
    return 0
