"""The settlement decision (理赔决定通知书) and the denial notice (拒赔通知书).

A denial states the clause and the facts it rests on (seed 002 §二(一)3) and must reach the claimant in
writing within three days of the decision (保险法 art. 24). Personal data comes in already masked.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Final

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from backoffice.domain.money_words import amount_in_words
from backoffice.printing.common import Letterhead, OfficeContact, cn_date, figures, letter_top
from backoffice.printing.document import PdfMeta, build_pdf, fingerprint
from backoffice.printing.styles import CONTENT_WIDTH, para, styles
from backoffice.printing.tables import key_value_table

DECISION_TITLE: Final = "理赔决定通知书"
DENIAL_TITLE: Final = "拒赔通知书"


@dataclass(frozen=True)
class DecisionData:
    letterhead: Letterhead
    office: OfficeContact
    notice_number: str
    notice_date: date
    addressee_name: str  # masked
    case_number: str
    policy_number: str
    incident_date: date
    amount: Decimal
    payee_name: str  # masked
    bank_account: str  # masked
    printed_at: datetime


@dataclass(frozen=True)
class DenialData:
    letterhead: Letterhead
    office: OfficeContact
    notice_number: str
    notice_date: date
    addressee_name: str  # masked
    case_number: str
    policy_number: str
    incident_date: date
    reason: str  # the coded reason's label
    clause: str  # the clause the denial rests on
    facts: str  # the facts established
    printed_at: datetime


def _signature(letterhead: Letterhead, day: date) -> list[Flowable]:
    s = styles()
    return [Spacer(1, 8 * mm), para(f"{letterhead.full_name}（盖章）", s.right), para(cn_date(day), s.right)]


def _case_table(number: str, case_no: str, policy_no: str, incident: date) -> Flowable:
    half = CONTENT_WIDTH / 2
    rows = [
        ("通知书编号", number),
        ("案件号", case_no),
        ("保险单号", policy_no),
        ("出险日期", cn_date(incident)),
    ]
    return key_value_table(rows, [26 * mm, half - 26 * mm, 26 * mm, half - 26 * mm], per_row=2)


def _contact(data: DecisionData | DenialData) -> Flowable:
    s = styles()
    text = (
        f"如有疑问，请联系{data.office.department}（{data.office.phone}，{data.office.office_hours}）"
        + (f"，或拨打客服电话 {data.letterhead.hotline}" if data.letterhead.hotline else "")
        + "。"
    )
    return para(text, s.body_indent)


def _render(title: str, kind: str, data: DecisionData | DenialData, story: list[Flowable]) -> bytes:
    meta = PdfMeta(
        title=f"{title} {data.case_number}",
        author=data.letterhead.full_name,
        subject=title,
        created_at=data.printed_at,
        fingerprint=fingerprint(kind, data),
        keywords=data.case_number,
    )
    return build_pdf(story, meta, data.letterhead.page_header(title, data.case_number))


def decision_pdf(data: DecisionData) -> bytes:
    s = styles()
    story = letter_top(data.letterhead, DECISION_TITLE)
    story += [
        para(f"{data.addressee_name}：", s.body),
        para(
            f"您于{cn_date(data.incident_date)}发生的保险事故（案件号 {data.case_number}），经我公司审核，"
            "属于保险责任范围，现将理赔决定通知如下：",
            s.body_indent,
        ),
        _case_table(data.notice_number, data.case_number, data.policy_number, data.incident_date),
        Spacer(1, 3 * mm),
        key_value_table(
            [
                ("核定赔款（小写）", figures(data.amount)),
                ("核定赔款（大写）", amount_in_words(data.amount)),
                ("领款人", data.payee_name),
                ("收款账户", data.bank_account),
            ],
            [36 * mm, CONTENT_WIDTH - 36 * mm],
        ),
        Spacer(1, 3 * mm),
        para(
            "根据《中华人民共和国保险法》第二十三条，我公司将在与您达成赔偿协议后十日内支付赔款。"
            "赔款到账后我们会以短信通知您。",
            s.body_indent,
        ),
        _contact(data),
        *_signature(data.letterhead, data.notice_date),
    ]
    return _render(DECISION_TITLE, "decision", data, story)


def denial_pdf(data: DenialData) -> bytes:
    s = styles()
    story = letter_top(data.letterhead, DENIAL_TITLE)
    story += [
        para(f"{data.addressee_name}：", s.body),
        para(
            f"您于{cn_date(data.incident_date)}发生的事故（案件号 {data.case_number}）提出的索赔，"
            "经我公司审核，不属于保险责任范围，我公司不予赔付。现依据《中华人民共和国保险法》第二十四条书面通知如下：",
            s.body_indent,
        ),
        _case_table(data.notice_number, data.case_number, data.policy_number, data.incident_date),
        Spacer(1, 3 * mm),
        key_value_table(
            [("拒赔原因", data.reason), ("所依据的条款", data.clause), ("认定的事实", data.facts)],
            [30 * mm, CONTENT_WIDTH - 30 * mm],
        ),
        Spacer(1, 3 * mm),
        para(
            "如您对本决定有异议，可在收到本通知后向我公司申请复核，或依法向人民法院提起诉讼；"
            "也可向保险监督管理机构反映。",
            s.body_indent,
        ),
        _contact(data),
        *_signature(data.letterhead, data.notice_date),
    ]
    return _render(DENIAL_TITLE, "denial", data, story)
