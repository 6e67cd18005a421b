"""Case records printed for the archive volume: the approval trail and generic record sheets.

The approval trail (核赔审批记录) prints every signature: chain, level, signer, time, decision, amount
and the authority-matrix version it was made under. The other records of a case (report record,
checklist with receipts, payments, contact log, audit extract) are :class:`RecordDocument` sheets —
headed sections of label/value pairs, tables and text — composed by the caller from its data, already
masked. All are pure functions of their data returning PDF bytes, the same bytes for the same data.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Final

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from backoffice.printing.common import Letterhead, cn_datetime, figures, letter_top, section
from backoffice.printing.document import PdfMeta, build_pdf, fingerprint
from backoffice.printing.styles import CONTENT_WIDTH, para, styles
from backoffice.printing.tables import Align, data_table, key_value_table

APPROVAL_TITLE: Final = "核赔审批记录"
DECISION_LABELS: Final = {"agree": "同意", "return": "退回", "deny": "拒赔"}


@dataclass(frozen=True)
class RecordTable:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    weights: tuple[float, ...]  # relative column widths
    align: tuple[Align, ...] | None = None
    total: tuple[str, str] | None = None


@dataclass(frozen=True)
class Section:
    heading: str
    pairs: tuple[tuple[str, str], ...] = ()
    per_row: int = 2
    table: RecordTable | None = None
    text: str = ""
    empty: str = "（无）"


@dataclass(frozen=True)
class RecordDocument:
    letterhead: Letterhead
    title: str
    case_number: str
    printed_at: datetime  # the PDF's creation date: a date from the data, never the clock
    sections: tuple[Section, ...]
    subtitle: str = ""
    note: str = ""  # a small line at the end


def _widths(weights: Sequence[float]) -> list[float]:
    total = sum(weights)
    return [CONTENT_WIDTH * w / total for w in weights]


def _pairs(pairs: Sequence[tuple[str, str]], per_row: int) -> Flowable:
    if per_row == 2:
        half = CONTENT_WIDTH / 2
        return key_value_table(pairs, [26 * mm, half - 26 * mm, 26 * mm, half - 26 * mm], per_row=2)
    return key_value_table(pairs, [30 * mm, CONTENT_WIDTH - 30 * mm])


def _section(part: Section) -> list[Flowable]:
    s = styles()
    story = section(part.heading)
    if part.pairs:
        story.append(_pairs(part.pairs, part.per_row))
    if part.table is not None:
        if part.table.rows:
            story.append(
                data_table(
                    part.table.header,
                    part.table.rows,
                    _widths(part.table.weights),
                    align=part.table.align,
                    total=part.table.total,
                )
            )
        else:
            story.append(para(part.empty, s.body))
    if part.text:
        story.append(para(part.text, s.narrative, CONTENT_WIDTH))
    if not (part.pairs or part.table or part.text):
        story.append(para(part.empty, s.body))
    return story


def record_pdf(doc: RecordDocument) -> bytes:
    """A record sheet of the case as PDF bytes (numbered 第 N 页 共 M 页 in its own footer)."""
    story = letter_top(doc.letterhead, doc.title, doc.subtitle or f"案件号：{doc.case_number}")
    for part in doc.sections:
        story += _section(part)
    if doc.note:
        story += [Spacer(1, 4 * mm), para(doc.note, styles().small, CONTENT_WIDTH)]
    meta = PdfMeta(
        title=f"{doc.title} {doc.case_number}",
        author=doc.letterhead.full_name,
        subject=doc.title,
        created_at=doc.printed_at,
        fingerprint=fingerprint("archive-record", doc),
        keywords=doc.case_number,
    )
    return build_pdf(story, meta, doc.letterhead.page_header(doc.title, doc.case_number))


@dataclass(frozen=True)
class SignatureLine:
    chain_no: int  # 审批轮次 (a return starts a new chain)
    level: int  # the step signed
    signer: str
    signer_level: int
    decision: str  # agree | return | deny
    amount: Decimal
    matrix_version: int
    at: datetime
    reason: str = ""  # return or denial reason, clause
    voided: bool = False


@dataclass(frozen=True)
class ApprovalTrailData:
    letterhead: Letterhead
    case_number: str
    line_of_business: str  # label
    outcome: str  # e.g. 核赔通过 / 拒赔 / 注销（未经核赔）
    amount: Decimal | None  # the approved amount
    decided_at: datetime | None
    signatures: tuple[SignatureLine, ...]
    printed_at: datetime


def approval_trail_pdf(data: ApprovalTrailData) -> bytes:
    """核赔审批记录: the outcome, then every signature in order (voided ones marked)."""
    rows = tuple(
        (
            str(sig.chain_no),
            f"第 {sig.level} 级",
            sig.signer,
            f"{sig.signer_level} 级",
            DECISION_LABELS.get(sig.decision, sig.decision),
            figures(sig.amount),
            f"v{sig.matrix_version}",
            cn_datetime(sig.at),
            ("（已作废）" if sig.voided else "") + sig.reason,
        )
        for sig in data.signatures
    )
    summary = (
        ("案件号", data.case_number),
        ("险类", data.line_of_business),
        ("审批结论", data.outcome),
        ("核定金额（元）", figures(data.amount) if data.amount is not None else "—"),
        ("结论时间", cn_datetime(data.decided_at) if data.decided_at else "—"),
        ("签字人次", str(len(data.signatures))),
    )
    table = RecordTable(
        ("轮次", "审批级次", "审批人", "审批人级别", "结论", "金额（元）", "权限表版本", "时间", "说明"),
        rows,
        (8, 14, 16, 14, 10, 18, 14, 28, 24),
        ("center", "center", "left", "center", "center", "right", "center", "left", "left"),
    )
    doc = RecordDocument(
        letterhead=data.letterhead,
        title=APPROVAL_TITLE,
        case_number=data.case_number,
        printed_at=data.printed_at,
        sections=(
            Section("一、审批结论", pairs=summary),
            Section("二、逐级审批签字", table=table, empty="本案未经核赔审批。"),
        ),
        note="逐级审批：每一级由不同的核赔人员签字，经办人和理算人不得审批本案；"
        "金额和权限表版本为签字时的数据。退回后重新提交的审批为新的一轮，作废的签字保留在记录中。",
    )
    return record_pdf(doc)
