"""Letters to the customer: the report acknowledgement (报案回执) and the one-time notice (一次性告知书).

Both are pure functions of their data and return PDF bytes; building the same data twice gives the same
bytes. Names and other personal data are printed as given: the caller masks them (DOMAIN.md §10).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Final

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, HRFlowable, KeepTogether, Spacer, Table, TableStyle

from backoffice.printing.common import (
    BLANK_DATE,
    BLANK_SIGNATURE,
    Letterhead,
    OfficeContact,
    cn_date,
    cn_datetime,
    letter_top,
    optional_date,
    section,
)
from backoffice.printing.document import PdfMeta, build_pdf, fingerprint
from backoffice.printing.fonts import FONT_NAME
from backoffice.printing.styles import CONTENT_WIDTH, GRID, RULE, para, styles
from backoffice.printing.tables import data_table, fill_in_line, key_value_table

ACKNOWLEDGEMENT_TITLE: Final = "报案回执"
NOTICE_TITLE: Final = "一次性告知书"
NOTICE_SUBTITLE: Final = "（索赔材料补充通知）"

DEFAULT_DEADLINE_NOTE: Final = (
    "根据《最高人民法院关于适用〈中华人民共和国保险法〉若干问题的解释（二）》第十五条，自本告知书送达之日起"
    "至我公司收到您补充提供的上述材料之日止的期间，不计入《中华人民共和国保险法》第二十三条规定的核定期间。"
    "我公司将在收到齐全的材料后及时核定，并将核定结果通知您。"
)


@dataclass(frozen=True)
class RequiredDocument:
    """One document the customer is asked to provide (from the case's checklist)."""

    title: str
    mandatory: bool = True  # optional items are marked 视情况提供


@dataclass(frozen=True)
class AcknowledgementData:
    """What the report acknowledgement (报案回执) prints."""

    letterhead: Letterhead
    case_number: str
    reported_at: datetime  # aware (shown in Beijing time) or naive Beijing time
    channel: str  # label, e.g. 客服热线
    reporter_name: str  # masked
    reporter_relation: str  # e.g. 本人, 配偶, 代理人
    insured_name: str  # masked
    policy_number: str
    product: str  # e.g. 机动车商业保险
    incident_at: datetime
    incident_place: str
    incident_cause: str  # label, e.g. 碰撞
    incident_summary: str
    received_by: str  # the staff member who took the report
    documents: tuple[RequiredDocument, ...]
    contact: OfficeContact
    printed_at: datetime  # the PDF's creation date
    issued_on: date | None = None  # None leaves a blank date line to fill in by hand


@dataclass(frozen=True)
class MissingDocument:
    """One missing document on the one-time notice."""

    title: str
    original_required: bool = False  # 原件 if true, else 复印件
    remark: str = ""


@dataclass(frozen=True)
class NoticeData:
    """What the one-time notice (一次性告知书, 保险法第二十二条) prints."""

    letterhead: Letterhead
    notice_number: str
    notice_date: date
    addressee_name: str  # masked
    case_number: str
    policy_number: str
    missing: tuple[MissingDocument, ...]  # every missing document, all at once
    office: OfficeContact  # where to submit, phone, office hours, handler
    channels: tuple[str, ...]  # accepted ways to submit, e.g. 现场递交, 邮寄, 理赔APP上传
    printed_at: datetime
    addressee_title: str = "先生/女士"  # empty for a company
    insured_name: str = ""  # masked; shown when it differs from the addressee
    incident_date: date | None = None
    submit_by: date | None = None  # a requested date, if the office sets one
    deadline_note: str = DEFAULT_DEADLINE_NOTE


def _signature_block(lines: Sequence[str], note: str = "") -> Flowable:
    """Right-aligned lines (company and seal, handler, date) kept on one page; a small note on the left."""
    s = styles()
    right = [para(line, s.right) for line in lines]
    if not note:
        return KeepTogether([Spacer(1, 6 * mm), *right])
    half = CONTENT_WIDTH / 2
    table = Table([[para(note, s.small, half), right]], colWidths=[half, half])
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT_NAME),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return KeepTogether([Spacer(1, 4 * mm), table])


def _case_number_box(case_number: str) -> Table:
    s = styles()
    table = Table(
        [[para("报案号（案件号）", s.subtitle)], [para(case_number, s.big_number)]],
        colWidths=[110 * mm],
        hAlign="CENTER",
    )
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT_NAME),
                ("BOX", (0, 0), (-1, -1), 1.2, GRID),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return table


def _with_phone(name: str, phone: str) -> str:
    return f"{name}（{phone}）" if phone else name


def _address(contact: OfficeContact) -> str:
    return contact.address + (f"（邮编 {contact.postcode}）" if contact.postcode else "")


def _contact_tables(contact: OfficeContact, letterhead: Letterhead) -> list[Flowable]:
    half = CONTENT_WIDTH / 2
    short: list[tuple[str, str]] = []
    if letterhead.hotline:
        short.append(("客服电话", letterhead.hotline))
    short.append(("理赔服务电话", contact.phone))
    if contact.handler_name:
        short.append(("理赔经办人", _with_phone(contact.handler_name, contact.handler_phone)))
    if letterhead.website:
        short.append(("网站", letterhead.website))
    rows: list[tuple[str, str]] = [
        ("递交地址", f"{contact.department}，{_address(contact)}"),
        ("办公时间", contact.office_hours),
    ]
    return [
        key_value_table(short, [26 * mm, half - 26 * mm, 26 * mm, half - 26 * mm], per_row=2),
        key_value_table(rows, [26 * mm, CONTENT_WIDTH - 26 * mm]),
    ]


def _checklist_table(documents: Sequence[RequiredDocument]) -> Table:
    """The documents in two columns of (序号, 材料名称), numbered down the left column first."""
    labels = [doc.title if doc.mandatory else f"{doc.title}（视情况提供）" for doc in documents]
    half = (len(labels) + 1) // 2
    rows: list[list[str]] = []
    for index in range(half):
        right = index + half
        row = [str(index + 1), labels[index]]
        row += [str(right + 1), labels[right]] if right < len(labels) else ["", ""]
        rows.append(row)
    width = CONTENT_WIDTH / 2 - 11 * mm
    return data_table(
        ["序号", "材料名称", "序号", "材料名称"],
        rows,
        [11 * mm, width, 11 * mm, width],
        align=["center", "left", "center", "left"],
    )


def _acknowledgement_story(data: AcknowledgementData) -> list[Flowable]:
    s = styles()
    story = letter_top(
        data.letterhead, ACKNOWLEDGEMENT_TITLE, "请妥善保管本回执，查询进度或递交材料时请提供报案号。"
    )
    story += [_case_number_box(data.case_number), Spacer(1, 2 * mm)]
    half = CONTENT_WIDTH / 2
    quarter = [28 * mm, half - 28 * mm, 28 * mm, half - 28 * mm]
    story += section("一、报案信息")
    story.append(
        key_value_table(
            [
                ("报案时间", cn_datetime(data.reported_at)),
                ("报案渠道", data.channel),
                ("报案人", data.reporter_name),
                ("与被保险人关系", data.reporter_relation),
                ("被保险人", data.insured_name),
                ("受理人员", data.received_by),
                ("保险单号", data.policy_number),
                ("险种", data.product),
            ],
            quarter,
            per_row=2,
        )
    )
    story += section("二、出险信息")
    story.append(
        key_value_table(
            [("出险时间", cn_datetime(data.incident_at)), ("出险原因", data.incident_cause)],
            quarter,
            per_row=2,
        )
    )
    story.append(key_value_table([("出险地点", data.incident_place)], [28 * mm, CONTENT_WIDTH - 28 * mm]))
    # The narrative may be long: a paragraph can continue on the next page, a table cell cannot.
    story.append(para(f"事故经过：{data.incident_summary}", s.narrative, CONTENT_WIDTH))
    story += section("三、后续办理")
    story.append(
        para(
            "我公司已受理您的报案，理赔人员将与您联系，告知查勘、定损及理赔进度。"
            "请您按下列清单准备索赔材料；如材料不完整，我公司将一次性书面告知需补充的全部材料。",
            s.body_indent,
            CONTENT_WIDTH,
        )
    )
    if data.documents:
        story.append(_checklist_table(data.documents))
    story += section("四、联系方式")
    story.extend(_contact_tables(data.contact, data.letterhead))
    story.append(
        _signature_block(
            [f"{data.letterhead.full_name}（盖章）", f"日期：{optional_date(data.issued_on)}"],
            note="本回执仅证明我公司已收到您的报案，不代表对保险责任的认定。",
        )
    )
    return story


def acknowledgement_pdf(data: AcknowledgementData) -> bytes:
    """The report acknowledgement (报案回执) as PDF bytes."""
    meta = PdfMeta(
        title=f"{ACKNOWLEDGEMENT_TITLE} {data.case_number}",
        author=data.letterhead.full_name,
        subject=ACKNOWLEDGEMENT_TITLE,
        created_at=data.printed_at,
        fingerprint=fingerprint("acknowledgement", data),
        keywords=data.case_number,
    )
    header = data.letterhead.page_header(ACKNOWLEDGEMENT_TITLE, data.case_number)
    return build_pdf(_acknowledgement_story(data), meta, header)


def _notice_story(data: NoticeData) -> list[Flowable]:
    s = styles()
    story = letter_top(data.letterhead, NOTICE_TITLE, NOTICE_SUBTITLE)
    story.append(para(f"尊敬的{data.addressee_name}{data.addressee_title}：", s.body, CONTENT_WIDTH))
    half = CONTENT_WIDTH / 2
    refs: list[tuple[str, str]] = [
        ("告知书编号", data.notice_number),
        ("告知日期", cn_date(data.notice_date)),
        ("案件号", data.case_number),
        ("保险单号", data.policy_number),
    ]
    if data.insured_name:
        refs.append(("被保险人", data.insured_name))
    if data.incident_date is not None:
        refs.append(("出险日期", cn_date(data.incident_date)))
    count = len(data.missing)
    story.append(
        para(
            "您就下列案件提出的索赔申请，我公司已收悉。根据《中华人民共和国保险法》第二十二条的规定，"
            "保险人认为有关的证明和资料不完整的，应当及时一次性通知投保人、被保险人或者受益人补充提供。"
            f"经审核，现将尚需补充提供的全部材料（共 {count} 项）一次性告知如下：",
            s.body_indent,
            CONTENT_WIDTH,
        )
    )
    story.append(key_value_table(refs, [24 * mm, half - 24 * mm, 24 * mm, half - 24 * mm], per_row=2))
    story += section("一、需补充提供的材料")
    rows = [
        [str(number), item.title, "原件" if item.original_required else "复印件", item.remark]
        for number, item in enumerate(data.missing, start=1)
    ]
    story.append(
        data_table(
            ["序号", "材料名称", "提供要求", "备注"],
            rows,
            [12 * mm, 68 * mm, 22 * mm, CONTENT_WIDTH - 102 * mm],
            align=["center", "left", "center", "left"],
        )
    )
    story += section("二、提交方式")
    office = data.office
    story.append(
        key_value_table(
            [
                ("接收部门", office.department),
                ("经办人", _with_phone(office.handler_name, office.handler_phone) or "—"),
                ("联系电话", office.phone),
                ("办公时间", office.office_hours),
            ],
            [24 * mm, half - 24 * mm, 24 * mm, half - 24 * mm],
            per_row=2,
        )
    )
    story.append(
        key_value_table(
            [("递交地址", _address(office)), ("可采用方式", "、".join(data.channels))],
            [24 * mm, CONTENT_WIDTH - 24 * mm],
        )
    )
    story += section("三、时限说明")
    if data.submit_by is not None:
        story.append(para(f"请您于 {cn_date(data.submit_by)} 前提交上述材料。", s.body_indent, CONTENT_WIDTH))
    story.append(para(data.deadline_note, s.body_indent, CONTENT_WIDTH))
    story.append(
        para(
            "如您对上述材料有疑问，或确有困难无法提供某项材料，请及时与我们联系，我们将协助您办理。",
            s.body_indent,
            CONTENT_WIDTH,
        )
    )
    story.append(
        _signature_block(
            [
                f"{data.letterhead.full_name}（盖章）",
                f"经办人：{office.handler_name or BLANK_SIGNATURE}",
                f"日期：{cn_date(data.notice_date)}",
            ]
        )
    )
    story.append(Spacer(1, 8 * mm))
    story.append(
        KeepTogether(
            [
                HRFlowable(width="100%", thickness=0.6, color=RULE, dash=[3, 3], spaceAfter=4),
                para(
                    f"送达回执：本人已收到案件号 {data.case_number} 的一次性告知书"
                    f"（编号 {data.notice_number}）。",
                    s.body,
                    CONTENT_WIDTH,
                ),
                fill_in_line([f"签收人：{BLANK_SIGNATURE}", f"签收日期：{BLANK_DATE}"]),
            ]
        )
    )
    return story


def missing_documents_notice_pdf(data: NoticeData) -> bytes:
    """The one-time notice of every missing document (一次性告知书) as PDF bytes."""
    if not data.missing:
        raise ValueError("a one-time notice needs at least one missing document")
    meta = PdfMeta(
        title=f"{NOTICE_TITLE} {data.notice_number}",
        author=data.letterhead.full_name,
        subject=f"{NOTICE_TITLE} {data.case_number}",
        created_at=data.printed_at,
        fingerprint=fingerprint("missing_documents_notice", data),
        keywords=data.case_number,
    )
    header = data.letterhead.page_header(NOTICE_TITLE, data.case_number)
    return build_pdf(_notice_story(data), meta, header)
