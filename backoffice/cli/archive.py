"""``backoffice archive build | verify``: seal closed cases' volumes (一案一卷) and check volume files."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from backoffice import i18n
from backoffice.cli.common import print_json, secret, sign_in


def register(subparsers: Any) -> None:
    archive = subparsers.add_parser("archive", help="归档：一案一卷立卷封存、校验案卷文件（档案管理员）")
    sub = archive.add_subparsers(dest="archive_command", metavar="ACTION", required=True)
    build = sub.add_parser(
        "build", help="为已结案案件立卷封存（PDF/A-3b）；--closed 为所有已结案、未归档的案件立卷"
    )
    build.add_argument("case_no", nargs="?", help="案件号")
    build.add_argument("-o", "--output", type=Path, help="另存一份案卷到此文件")
    build.add_argument("--closed", action="store_true", help="为所有已结案、未归档的案件立卷")
    build.add_argument("--out-dir", type=Path, help="与 --closed 一起：另存每个案卷到此目录")
    build.add_argument("--unmasked", action="store_true", help="不屏蔽个人信息（需要权限、密码和理由）")
    build.add_argument("--reason", default="", help="出具未屏蔽案卷的理由")
    build.add_argument("--json", action="store_true")
    build.set_defaults(handler=_build)
    verify = sub.add_parser("verify", help="校验案卷文件：对照内嵌清单和档案登记，指出被改动之处")
    verify.add_argument("file", type=Path)
    verify.add_argument("--json", action="store_true")
    verify.set_defaults(handler=_verify)


def _info_json(info: Any) -> dict[str, Any]:
    return {
        "case_no": info.case_no,
        "archive_no": info.archive_no,
        "version": info.version,
        "file": str(info.path),
        "copy": str(info.copy) if info.copy else None,
        "sha256": info.sha256,
        "content_sha256": info.content_sha256,
        "pages": info.pages,
        "document_pages": info.document_pages,
        "items": info.items,
        "retention": info.retention,
        "unmasked": info.unmasked,
    }


def _build(args: argparse.Namespace) -> int:
    from backoffice.domain.errors import ValidationError
    from backoffice.services.archive import build_closed, build_volume

    if args.closed == bool(args.case_no):
        raise ValidationError("case_no", "请给出一个案件号，或用 --closed 为所有已结案案件立卷（二者选一）。")
    us = sign_in(args)
    if not args.closed:
        password = secret("BACKOFFICE_PASSWORD", "再次输入密码：") if args.unmasked else None
        info = build_volume(
            us,
            args.case_no,
            unmasked=args.unmasked,
            password=password,
            reason=args.reason,
            copy_to=args.output,
        )
        if args.json:
            print_json(_info_json(info))
        else:
            print(f"{info.case_no}\t{info.archive_no}\tv{info.version}\t{info.pages} pages\t{info.path}")
            print(f"sha256 {info.sha256}")
        return 0
    if args.out_dir is not None:
        args.out_dir.mkdir(parents=True, exist_ok=True)

    def progress(number: int, total: int, case_no: str) -> None:
        print(f"[{number}/{total}] {case_no} …", flush=True)

    result = build_closed(us, args.out_dir, progress=progress)
    for info in result.built:
        where = info.copy or info.path
        print(f"  {info.case_no} → {info.archive_no} v{info.version} ({info.pages} pages) {where}")
    for case_no, error in result.failed:
        print(f"  {case_no}: {i18n.error_text(error)}", file=sys.stderr)
    print(f"built: {len(result.built)}; refused: {len(result.failed)}")
    if args.json:
        print_json({"built": [_info_json(i) for i in result.built], "failed": [c for c, _e in result.failed]})
    return 1 if result.failed else 0


def _verify(args: argparse.Namespace) -> int:
    from backoffice.services.archive_access import verify_volume

    report = verify_volume(sign_in(args), args.file)
    if args.json:
        print_json(
            {
                "ok": report.ok,
                "archive_no": report.archive_no,
                "version": report.version,
                "case_no": report.case_no,
                "sha256": report.file_sha256,
                "recorded_sha256": report.recorded_sha256,
                "status": report.status,
                "altered_pages": list(report.altered_pages),
                "altered_items": list(report.altered_items),
                "problems": [i18n.error_text(p) for p in report.problems],
            }
        )
    else:
        head = f"{report.archive_no or '?'} v{report.version or '?'} ({report.status or '未登记'})"
        print(f"{head}: {'OK' if report.ok else 'ALTERED'} — {report.pages_checked} pages checked")
        for problem in report.problems:
            print(f"  {i18n.error_text(problem)}")
    return 0 if report.ok else 1
