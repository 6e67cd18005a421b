"""``backoffice calc [FILE|-]``: loss calculation from JSON, no sign-in and no database.

Reads one JSON object, or a list of them, from FILE or standard input and prints the result(s) as JSON
(see docs/calculation.md). Numbers are parsed as Decimal, never float. Invalid input — bad JSON, an
unknown method or field, a missing or out-of-range value — prints a message naming the field to stderr
and exits with status 2; nothing is printed to stdout then, not even for the valid items of a list.
This module imports only the pure domain: no Qt, no SQLAlchemy, no services.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, TextIO

from backoffice.domain.calculation import calculate, to_json_dict
from backoffice.domain.errors import DomainError, ValidationError

EXIT_OK, EXIT_ERROR, EXIT_INVALID = 0, 1, 2
STDIN = "-"


class InputProblem(Exception):
    """The input could not be read or is not JSON of the right shape; the message says why."""


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "calc",
        help="理算：读取 JSON 输入，输出赔款、分项、分摊和计算步骤（无需登录或数据库）",
        description=(
            "读取一个 JSON 对象或对象列表（文件或标准输入），按 method 计算并输出 JSON 结果。"
            "金额用数字或十进制字符串（元），比例用小数（0.15）。输入无效时退出状态为 2。"
        ),
    )
    configure(parser)


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file", nargs="?", default=STDIN, metavar="FILE|-", help="JSON 输入文件；“-”或省略表示标准输入"
    )
    parser.set_defaults(handler=_run)


def _run(args: argparse.Namespace) -> int:
    source = getattr(args, "file", STDIN) or STDIN
    try:
        document = parse(read_text(source))
        output = compute(document)
    except InputProblem as exc:
        _write(sys.stderr, f"输入无效：{exc}")
        return EXIT_INVALID
    except DomainError as exc:
        _write(sys.stderr, str(exc))
        return EXIT_ERROR
    _write(sys.stdout, json.dumps(output, ensure_ascii=False, indent=2))
    return EXIT_OK


def read_text(source: str) -> str:
    """The text of FILE, or of standard input for ``-``."""
    if source == STDIN:
        try:
            data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read()
        except OSError as exc:
            raise InputProblem(f"无法读取标准输入：{exc.strerror or exc}") from None
    else:
        try:
            data = Path(source).read_bytes()
        except OSError as exc:
            raise InputProblem(f"无法读取文件 {source}：{exc.strerror or exc}") from None
    if isinstance(data, str):
        return data
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputProblem("输入不是 UTF-8 编码的文本") from None


def parse(text: str) -> Any:
    """JSON with every non-integer number as Decimal; NaN, Infinity and repeated keys are refused."""
    if not text.strip():
        raise InputProblem("输入为空，应为 JSON 对象或对象列表")
    try:
        return json.loads(
            text, parse_float=Decimal, parse_constant=_refuse_constant, object_pairs_hook=_no_repeats
        )
    except json.JSONDecodeError as exc:
        raise InputProblem(f"JSON 格式错误（第 {exc.lineno} 行第 {exc.colno} 列）：{exc.msg}") from None
    except (ValueError, RecursionError) as exc:
        raise InputProblem(f"JSON 无法解析：{exc}") from None


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"不接受 {name}")


def _no_repeats(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"字段 {key} 重复出现")
        result[key] = value
    return result


def compute(document: Any) -> Any:
    """The JSON result of one input object, or the list of results of a list of them."""
    if isinstance(document, dict):
        return _one(document, prefix="")
    if isinstance(document, list):
        return [_one(item, prefix=f"第 {i} 项：") for i, item in enumerate(document, start=1)]
    raise InputProblem("顶层应为 JSON 对象或对象列表")


def _one(item: Any, prefix: str) -> dict[str, object]:
    if not isinstance(item, dict):
        raise InputProblem(f"{prefix}应为 JSON 对象")
    try:
        return to_json_dict(calculate(item))
    except ValidationError as exc:
        raise InputProblem(f"{prefix}{exc}") from None


def _write(stream: TextIO, text: str) -> None:
    try:
        print(text, file=stream)
    except UnicodeEncodeError:
        buffer = getattr(stream, "buffer", None)
        if buffer is None:
            raise
        buffer.write((text + "\n").encode("utf-8"))
        buffer.flush()


def main(argv: Sequence[str] | None = None) -> int:
    """Standalone entry (``python -m backoffice.cli.calc``), same behaviour as ``backoffice calc``."""
    parser = argparse.ArgumentParser(prog="backoffice calc", description="理算：JSON 输入，JSON 输出")
    configure(parser)
    args = parser.parse_args(argv)
    return int(args.handler(args))


if __name__ == "__main__":
    raise SystemExit(main())
