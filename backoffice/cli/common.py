"""Shared plumbing for the commands: settings, sign-in from the environment, error handling."""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from backoffice import i18n
from backoffice.domain.errors import DomainError, ValidationError
from backoffice.logging_setup import configure as configure_logging
from backoffice.settings import Settings, load_settings

log = logging.getLogger("backoffice.cli")
Handler = Callable[[argparse.Namespace], int]

EXIT_ERROR, EXIT_USAGE, EXIT_BUG = 1, 2, 70


def settings_from(args: argparse.Namespace) -> Settings:
    data_dir = Path(args.data_dir).expanduser() if getattr(args, "data_dir", None) else None
    return load_settings(data_dir, getattr(args, "database_url", None))


def open_backoffice(args: argparse.Namespace, *, require_schema: bool = True) -> Any:
    """The services' composition root for one command (schema checked before anything runs)."""
    from backoffice.services import schema
    from backoffice.services.context import Backoffice

    settings = settings_from(args)
    bo = Backoffice.open(settings)
    if require_schema:
        schema.require_current(bo)
    return bo


def secret(env_name: str, prompt: str) -> str:
    """A password or code from the environment, else from a terminal prompt."""
    value = os.environ.get(env_name)
    if value:
        return value
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(prompt)
    raise ValidationError(
        env_name, "需要密码：请设置环境变量 {name}，或在终端中运行以便输入。", name=env_name
    )


def acting_user(args: argparse.Namespace) -> str:
    name = getattr(args, "user", None) or os.environ.get("BACKOFFICE_USER")
    if not name:
        raise ValidationError("user", "请用 --user 或环境变量 BACKOFFICE_USER 指定操作用户。")
    return str(name)


def sign_in(args: argparse.Namespace) -> Any:
    from backoffice.services.auth import sign_in as service_sign_in

    bo = open_backoffice(args)
    username = acting_user(args)
    return service_sign_in(bo, username, secret("BACKOFFICE_PASSWORD", f"{username} 的密码："))


def print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def say(text: str, context: str = "cli") -> None:
    print(i18n.tr(context, text))


def run_handler(handler: Handler, args: argparse.Namespace) -> int:
    settings = settings_from(args)
    i18n.load(settings.options.language)
    try:
        log_path = configure_logging(settings.logs_dir)
    except OSError:
        log_path = None
    try:
        return handler(args)
    except ValidationError as exc:
        print(f"{i18n.tr('cli', '输入无效')}（{exc.field}）：{i18n.error_text(exc)}", file=sys.stderr)
        return EXIT_USAGE
    except DomainError as exc:
        print(i18n.error_text(exc), file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print(i18n.tr("cli", "已取消。"), file=sys.stderr)
        return 130
    except Exception:
        log.exception("unexpected error in command %s", getattr(args, "command", "?"))
        where = str(log_path) if log_path else i18n.tr("cli", "（日志不可写）")
        print(i18n.tr("cli", "抱歉，程序出错了。详情已写入日志：") + where, file=sys.stderr)
        return EXIT_BUG


def run_gui(args: argparse.Namespace) -> int:
    from backoffice.app import run

    return run(settings_from(args))
