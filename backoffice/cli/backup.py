"""``backoffice backup create | verify | restore | status`` and ``backoffice doctor [--fix]`` (admins)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from backoffice.cli.common import say, secret, sign_in


def register(subparsers: Any) -> None:
    backup = subparsers.add_parser("backup", help="备份：建立、校验、恢复（系统管理员）")
    sub = backup.add_subparsers(dest="backup_command", metavar="ACTION", required=True)
    create = sub.add_parser("create", help="把数据库和附件库备份到一个新的加密文件（使用中也可以备份）")
    create.add_argument("file")
    create.set_defaults(handler=_create)
    verify = sub.add_parser("verify", help="解密并校验备份文件的每个成员，不写入任何东西")
    verify.add_argument("file")
    verify.set_defaults(handler=_verify)
    restore = sub.add_parser("restore", help="把备份恢复到一个空目录")
    restore.add_argument("file")
    restore.add_argument("--into", required=True, help="目标数据目录（不存在或为空）")
    restore.set_defaults(handler=_restore)
    for parser in (verify, restore):
        parser.add_argument(
            "--recovery-code",
            action="store_true",
            help="用打印的恢复码打开备份（取自 BACKOFFICE_RECOVERY_CODE 或提示输入），不需要登录现有系统",
        )
    status = sub.add_parser("status", help="上次成功备份的时间，以及是否该备份了")
    status.add_argument("--max-age-days", type=int, help="设置多少天没有备份就提醒（默认 7）")
    status.set_defaults(handler=_status)

    doctor = subparsers.add_parser(
        "doctor", help="检查崩溃可能留下的临时文件、孤立附件、中断的密钥轮换和数据库完整性（系统管理员）"
    )
    doctor.add_argument("--fix", action="store_true", help="清理临时文件，把孤立附件移到 orphans 目录")
    doctor.set_defaults(handler=_doctor)


def _keys(args: argparse.Namespace) -> dict[str, Any]:
    if args.recovery_code:
        return {"recovery_code": secret("BACKOFFICE_RECOVERY_CODE", "恢复码：")}
    return {"us": sign_in(args)}


def _describe(info: Any) -> None:
    print(
        f"database={info.database} schema={info.schema_revision} created_at={info.created_at.isoformat()} "
        f"key_version={info.key_version} app={info.app_version} members={info.members} bytes={info.bytes}"
    )


def _create(args: argparse.Namespace) -> int:
    from backoffice.services.backup import create_backup

    info = create_backup(sign_in(args), Path(args.file).expanduser())
    _describe(info)
    if info.missing_attachments:
        print("missing: " + " ".join(f"#{i}" for i in info.missing_attachments))
        say("上面这些附件的文件不在附件库中，没有备份进去：请运行 backoffice doctor 检查。")
    say("备份完成。请把备份文件放到另一台设备或异地保存，并定期用 backoffice backup verify 检查。")
    return 0


def _verify(args: argparse.Namespace) -> int:
    from backoffice.services.backup import verify_backup

    info = verify_backup(Path(args.file).expanduser(), **_keys(args))
    _describe(info)
    print("OK")
    say("备份文件完整：每个成员都已解密并与清单核对。")
    return 0


def _restore(args: argparse.Namespace) -> int:
    from backoffice.services.backup import restore_backup

    result = restore_backup(Path(args.file).expanduser(), Path(args.into).expanduser(), **_keys(args))
    _describe(result.info)
    print(f"restored: {result.directory}")
    if result.info.database == "postgresql":
        _print_pg_restore(result.directory, result.database_file)
        return 0
    say("数据库和附件库已恢复并通过完整性检查。用户用原来的密码登录。下一步：")
    if result.needs_upgrade:
        print(f"  BACKOFFICE_DATA_DIR={result.directory} backoffice db upgrade")
    print(f"  BACKOFFICE_DATA_DIR={result.directory} backoffice audit verify")
    return 0


def _print_pg_restore(directory: Path, dump: Path) -> None:
    say("已取出 PostgreSQL 转储和附件库。本程序不直接写入数据库服务器：请以数据库所有者身份执行")
    say("（DBHOST、claims_restored 换成实际的服务器和新数据库名；授权见 docs/deployment.md）：")
    print("  createdb -h DBHOST -U backoffice_owner claims_restored")
    print(
        "  pg_restore -h DBHOST -U backoffice_owner --dbname=claims_restored "
        f"--no-owner --no-acl --exit-on-error --single-transaction {dump}"
    )
    print(
        "  BACKOFFICE_DATABASE_URL=postgresql://backoffice_owner@DBHOST/claims_restored backoffice db check"
    )
    print(f"  BACKOFFICE_ATTACHMENTS_DIR={directory / 'attachments'}")


def _status(args: argparse.Namespace) -> int:
    from backoffice.services.backup import backup_status, set_backup_max_age

    us = sign_in(args)
    if args.max_age_days is not None:
        set_backup_max_age(us, args.max_age_days)
    last, overdue = backup_status(us)
    print(f"last_backup_at: {last.isoformat() if last else '-'}")
    if overdue:
        say("已经太久没有备份了：请运行 backoffice backup create。")
        return 1
    return 0


def _print_list(label: str, items: tuple[Any, ...]) -> None:
    print(f"{label}: {len(items)}")
    for item in items:
        print(f"  {item}")


def _doctor(args: argparse.Namespace) -> int:
    from backoffice.services.doctor import diagnose

    report = diagnose(sign_in(args), fix=args.fix)
    _print_list("temp files", report.temp_files)
    _print_list("orphan files (attachments, unregistered volumes)", report.orphans)
    _print_list("unfinished key-rotation renames", report.pending_renames)
    _print_list("attachments whose file is missing", tuple(f"#{i}" for i in report.missing_files))
    _print_list("database integrity problems", report.integrity_problems)
    if report.fixed and (report.temp_files or report.orphans or report.pending_renames):
        say(
            "已清理：临时文件已删除，孤立附件和未登记的案卷文件已移到数据目录下的 orphans 目录，"
            "中断的改名已完成。"
        )
    elif report.temp_files or report.orphans or report.pending_renames:
        say("运行 backoffice doctor --fix 可以清理上面的问题。")
    if report.missing_files:
        say("有附件的文件不在附件库中：请从备份恢复附件库。")
    if report.audit is None:
        say("审计链未校验：需要审计员运行 backoffice audit verify。")
    elif report.audit.ok:
        print(f"audit: OK {report.audit.checked}")
    else:
        print(f"audit: FAILED seq {report.audit.first_bad_seq} ({report.audit.problem})")
    return 0 if report.healthy else 1
