#!/usr/bin/env python3
"""Refresh the English translation: extract strings, merge them into the .ts, compile the .qm.

    python tools/update_translations.py           # update backoffice_en.ts and backoffice_en.qm
    python tools/update_translations.py --check   # exit 1 if anything is missing, unfinished or stale

Sources of strings (Chinese is the source language everywhere):
- ``self.tr(...)``, ``QCoreApplication.translate(ctx, ...)`` and ``QT_TRANSLATE_NOOP`` in
  backoffice/ui and backoffice/app.py (extracted by pyside6-lupdate);
- context ``errors``: every string literal passed as the message to a DomainError class anywhere in
  backoffice/ (an AST scan; ``i18n.error_text`` translates them in this context);
- context ``roles``: the values of ``security.roles.ROLE_LABELS``;
- context ``labels``: the values of the label dictionaries in LABEL_SOURCES (statuses, causes, channels…
  that the domain and the services name by code; ``ui.labels.code_label`` translates them).
The AST-scanned strings reach lupdate through a generated stub of ``QT_TRANSLATE_NOOP`` calls, so one
lupdate run (with -no-obsolete) keeps the .ts exactly in step with the code. New strings arrive as
unfinished: translate them in the .ts (Qt Linguist or any editor), then run this again to compile.
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "backoffice"
TS_FILE = PACKAGE / "resources" / "translations" / "backoffice_en.ts"
QM_FILE = TS_FILE.with_suffix(".qm")
ERROR_CONTEXT, ROLES_CONTEXT, LABELS_CONTEXT = "errors", "roles", "labels"
# (module, dictionary) whose values the UI shows through ui.labels.code_label.
LABEL_SOURCES = (
    ("backoffice.domain.case", "STATUS_LABELS"),
    ("backoffice.domain.case", "COMPLEXITY_LABELS"),
    ("backoffice.domain.risk", "FLAG_LABELS"),
    ("backoffice.domain.checklist", "CAUSE_LABELS"),
    ("backoffice.domain.checklist", "CONDITIONS"),
    ("backoffice.services.policies", "LINE_LABELS"),
    ("backoffice.services.intake", "CHANNELS"),
    ("backoffice.services.intake", "RELATIONS"),
    ("backoffice.services.intake", "SEVERITIES"),
    ("backoffice.services.intake", "PROOF_KINDS"),
    ("backoffice.services.intake", "WARNING_LABELS"),
    ("backoffice.services.contact_log", "CHANNELS"),
    ("backoffice.services.contact_log", "DIRECTIONS"),
    ("backoffice.domain.calculation", "METHOD_LABELS"),
    ("backoffice.services.people", "REVEAL_REASONS"),
    ("backoffice.services.approvals", "RETURN_REASONS"),
    ("backoffice.services.approvals", "DENIAL_REASONS"),
    ("backoffice.services.approvals", "SIGN_REFUSALS"),
    ("backoffice.services.deadlines", "STAGE_LABELS"),
    ("backoffice.services.sla_tasks", "TASK_KINDS"),
    ("backoffice.services.customer_service", "COMPLAINT_CATEGORIES"),
    ("backoffice.services.customer_service", "COMPLAINT_COMPLEXITY"),
    ("backoffice.services.payments", "CLOSING_REASONS"),
    ("backoffice.services.payments", "REOPEN_REASONS"),
    ("backoffice.domain.kpi", "INJURY_SETTLEMENTS"),
    ("backoffice.services.calculations", "FIELD_LABELS"),
)
# DomainError and its subclasses: the message is the first positional argument, except for
# ValidationError(field, message, ...).
ERROR_CLASSES = {
    "DomainError": 0,
    "PermissionDenied": 0,
    "AuthenticationError": 0,
    "NotFound": 0,
    "ConflictError": 0,
    "IntegrityError": 0,
    "EnvironmentProblem": 0,
    "ValidationError": 1,
}
PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)[^{}]*\}")


def ui_sources() -> list[Path]:
    return [*sorted((PACKAGE / "ui").rglob("*.py")), PACKAGE / "app.py"]


def _called_name(node: ast.Call) -> str | None:
    if isinstance(node.func, ast.Name):
        return node.func.id
    if isinstance(node.func, ast.Attribute):
        return node.func.attr
    return None


def error_messages(package: Path = PACKAGE) -> list[str]:
    """Every literal message given to a DomainError class in ``package`` (sorted, unique)."""
    found: set[str] = set()
    for path in sorted(package.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            position = ERROR_CLASSES.get(_called_name(node) or "")
            if position is None or len(node.args) <= position:
                continue
            arg = node.args[position]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found.add(arg.value)
    return sorted(found)


def role_labels() -> list[str]:
    sys.path.insert(0, str(ROOT))
    try:
        from backoffice.security.roles import ROLE_LABELS
    finally:
        sys.path.remove(str(ROOT))
    return list(ROLE_LABELS.values())


def code_labels() -> list[str]:
    """The values of every dictionary in LABEL_SOURCES (sorted, unique, no empty label)."""
    import importlib

    sys.path.insert(0, str(ROOT))
    try:
        found = {
            text
            for module, name in LABEL_SOURCES
            for text in getattr(importlib.import_module(module), name).values()
            if text
        }
    finally:
        sys.path.remove(str(ROOT))
    return sorted(found)


def write_stub(path: Path) -> Path:
    """A Python file of QT_TRANSLATE_NOOP calls for the strings lupdate cannot see by itself."""
    lines = ["from PySide6.QtCore import QT_TRANSLATE_NOOP", ""]
    sources = (
        (ERROR_CONTEXT, error_messages()),
        (ROLES_CONTEXT, role_labels()),
        (LABELS_CONTEXT, code_labels()),
    )
    for context, texts in sources:
        for text in texts:
            lines.append(f"QT_TRANSLATE_NOOP({json.dumps(context)}, {json.dumps(text, ensure_ascii=False)})")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 (it ships the Qt Linguist tools)")
    return found


def lupdate(ts_file: Path, workdir: Path) -> None:
    stub = write_stub(workdir / "extracted_strings.py")
    sources = [str(p) for p in ui_sources()] + [str(stub)]
    command = [_tool("pyside6-lupdate"), *sources, "-ts", str(ts_file), "-no-obsolete", "-locations", "none"]
    command += ["-source-language", "zh_CN", "-target-language", "en", "-silent"]
    subprocess.run(command, check=True, capture_output=True)


def lrelease(ts_file: Path, qm_file: Path) -> None:
    command = [_tool("pyside6-lrelease"), str(ts_file), "-qm", str(qm_file), "-silent"]
    subprocess.run(command, check=True, capture_output=True)


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    translation: str
    finished: bool


def read_ts(ts_file: Path) -> list[Message]:
    messages = []
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            messages.append(
                Message(
                    name,
                    message.findtext("source", ""),
                    translation.text or "",
                    translation.get("type") not in ("unfinished", "vanished", "obsolete"),
                )
            )
    return messages


def translation_problems(messages: list[Message]) -> list[str]:
    """Unfinished translations, and translations that lost or invented a {placeholder}."""
    problems = []
    for m in messages:
        if not m.finished or not m.translation.strip():
            problems.append(f"unfinished: [{m.context}] {m.source}")
        elif set(PLACEHOLDER.findall(m.source)) != set(PLACEHOLDER.findall(m.translation)):
            problems.append(f"placeholders differ: [{m.context}] {m.source} -> {m.translation}")
    return problems


def out_of_step() -> list[str]:
    """Strings the code has and the .ts lacks, and strings the .ts keeps that the code no longer has."""
    with tempfile.TemporaryDirectory() as tmp:
        fresh_ts = Path(tmp) / TS_FILE.name
        shutil.copyfile(TS_FILE, fresh_ts)
        lupdate(fresh_ts, Path(tmp))
        want = {(m.context, m.source) for m in read_ts(fresh_ts)}
    have = {(m.context, m.source) for m in read_ts(TS_FILE)}
    return [f"not in the .ts yet: [{c}] {s}" for c, s in sorted(want - have)] + [
        f"no longer in the code: [{c}] {s}" for c, s in sorted(have - want)
    ]


def stale_qm() -> list[str]:
    """A problem when the committed .qm is not byte for byte what lrelease makes of the committed .ts."""
    with tempfile.TemporaryDirectory() as tmp:
        fresh_qm = Path(tmp) / QM_FILE.name
        lrelease(TS_FILE, fresh_qm)
        if QM_FILE.exists() and QM_FILE.read_bytes() == fresh_qm.read_bytes():
            return []
    return [f"{QM_FILE.name} is not compiled from the current {TS_FILE.name}"]


def check() -> list[str]:
    """Everything that keeps the committed .ts/.qm from matching the code (empty when all is well)."""
    return out_of_step() + translation_problems(read_ts(TS_FILE)) + stale_qm()


def update() -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        lupdate(TS_FILE, Path(tmp))
    lrelease(TS_FILE, QM_FILE)
    return translation_problems(read_ts(TS_FILE))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 on any problem")
    args = parser.parse_args(argv)
    problems = check() if args.check else update()
    for problem in problems:
        print(problem)
    total = len(read_ts(TS_FILE))
    print(f"{TS_FILE.relative_to(ROOT)}: {total} messages, {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
