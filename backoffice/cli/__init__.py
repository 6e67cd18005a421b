"""The command tree: ``backoffice`` with no arguments opens the GUI; subcommands administer.

Each subcommand lives in its own module with ``register(subparsers)``; the handler it sets with
``parser.set_defaults(handler=...)`` takes the parsed arguments and returns the exit status.
Handlers call services only. A ``DomainError`` becomes a clear message on stderr and exit 1
(2 for invalid input); anything else is a bug: logged, with a short apology.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from backoffice import __version__

# Modules with a ``register(subparsers)`` function, in the order --help lists them.
COMMAND_MODULES = (
    "backoffice.cli.setup",
    "backoffice.cli.db",
    "backoffice.cli.user",
    "backoffice.cli.audit",
    "backoffice.cli.cases",
    "backoffice.cli.demo",
    "backoffice.cli.calc",
    "backoffice.cli.kpi",
    "backoffice.cli.backup",
    "backoffice.cli.archive",
    "backoffice.cli.authority",
    "backoffice.cli.calendar",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="backoffice",
        description="理赔后台 backoffice：不带参数运行时打开图形界面；子命令用于管理和批处理。",
    )
    parser.add_argument("--version", action="version", version=f"backoffice {__version__}")
    parser.add_argument("--data-dir", help="数据目录（默认见 BACKOFFICE_DATA_DIR）")
    parser.add_argument("--database-url", help="数据库地址（默认见 BACKOFFICE_DATABASE_URL）")
    parser.add_argument("--user", help="操作用户（默认 BACKOFFICE_USER）")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(args_list)
    handler = getattr(args, "handler", None)
    if handler is None:
        from backoffice.cli.common import run_gui

        return run_gui(args)
    from backoffice.cli.common import run_handler

    return run_handler(handler, args)
