"""The volume's own sheets (GB/T 9705-2008): cover, notes sheet, back cover (the volume file list, drawn
row by row, is in :mod:`backoffice.printing.archive_listing`).

None of them carries a page number (only document pages are numbered); each is a pure function of its
data returning PDF bytes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, Table, TableStyle

from backoffice.printing.archive_model import VolumeMeta
from backoffice.printing.common import cn_date
from backoffice.printing.document import PdfMeta, beijing, build_pdf, fingerprint
from backoffice.printing.fonts import FONT_NAME
from backoffice.printing.styles import CONTENT_WIDTH, GRID, para, styles
from backoffice.printing.tables import key_value_table

COVER_TITLE: Final = "案卷封面"
LIST_TITLE: Final = "卷内文件目录"
NOTES_TITLE: Final = "卷内备考表"
BACK_TITLE: Final = "卷底"


def _meta(volume: VolumeMeta, part: str, data: object) -> PdfMeta:
    return PdfMeta(
        title=f"{part} {volume.archive_no}",
        author=volume.fonds_name,
        subject=part,
        created_at=volume.built_at,
        fingerprint=fingerprint(f"archive-{part}", data),
        keywords=volume.archive_no,
    )


def _boxed(rows: list[list[Flowable]], widths: Sequence[float], padding: float = 6) -> Table:
    table = Table(rows, colWidths=list(widths), hAlign="CENTER")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT_NAME),
                ("BOX", (0, 0), (-1, -1), 1.2, GRID),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), padding),
                ("BOTTOMPADDING", (0, 0), (-1, -1), padding),
                ("LEFTPADDING", (0, 0), (-1, -1), padding),
                ("RIGHTPADDING", (0, 0), (-1, -1), padding),
            ]
        )
    )
    return table


def _dates(volume: VolumeMeta) -> str:
    return f"{cn_date(volume.start_date)} 至 {cn_date(volume.end_date)}"


def cover_pdf(volume: VolumeMeta, items: int, pages: int) -> bytes:
    """案卷封面: fonds, category, title, dates, retention, counts and archive number."""
    s = styles()
    number_box = Table(
        [[para("档号", s.cell_center), para(volume.archive_no, s.cell_center)]],
        colWidths=[16 * mm, 78 * mm],
        hAlign="RIGHT",
    )
    number_box.setStyle(
        TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT_NAME), ("GRID", (0, 0), (-1, -1), 0.8, GRID)])
    )
    half = CONTENT_WIDTH - 30 * mm
    story: list[Flowable] = [
        number_box,
        Spacer(1, 30 * mm),
        para(volume.fonds_name, s.company),
        Spacer(1, 6 * mm),
        para("案　　卷", s.title),
        Spacer(1, 14 * mm),
        _boxed([[para(volume.title, s.big_number, CONTENT_WIDTH - 40 * mm)]], [CONTENT_WIDTH - 28 * mm], 10),
        Spacer(1, 16 * mm),
        key_value_table(
            [
                ("全宗名称", volume.fonds_name),
                ("全宗号", volume.fonds_code),
                ("类目名称", volume.category),
                ("起止日期", _dates(volume)),
                ("保管期限", f"{volume.retention_label}（{volume.retention}）"),
                ("本卷件数", f"{items} 件"),
                ("本卷页数", f"{pages} 页"),
                ("档号", volume.archive_no),
            ],
            [30 * mm, half],
        ),
        Spacer(1, 18 * mm),
    ]
    remarks = [f"立卷时间：{cn_date(beijing(volume.built_at).date())}"]
    if volume.version > 1:
        remarks.append(f"第 {volume.version} 版（重新出具）")
    remarks.append("本卷含未屏蔽的个人信息，仅限授权调阅" if volume.unmasked else "本卷个人信息已按规定屏蔽")
    story += [para(text, s.subtitle) for text in remarks]
    return build_pdf(story, _meta(volume, COVER_TITLE, (volume, items, pages)), None)


def notes_and_back_pdf(volume: VolumeMeta, lines: Sequence[str]) -> bytes:
    """卷内备考表 (本卷情况说明, 立卷人, 检查人, 立卷时间), then the back cover (卷底) on its own page."""
    s = styles()
    built_on = cn_date(beijing(volume.built_at).date())
    explanation: list[Flowable] = [para("本卷情况说明：", s.heading)]
    explanation += [para(f"{n}. {line}", s.body, CONTENT_WIDTH - 16 * mm) for n, line in enumerate(lines, 1)]
    signatures = key_value_table(
        [("立卷人", volume.builder), ("检查人", volume.checker), ("立卷时间", built_on)],
        [30 * mm, CONTENT_WIDTH - 30 * mm],
    )
    story: list[Flowable] = [
        para(NOTES_TITLE, s.title),
        para(f"档号：{volume.archive_no}", s.subtitle),
        Spacer(1, 6 * mm),
        _boxed([[explanation]], [CONTENT_WIDTH], 8),
        Spacer(1, 8 * mm),
        KeepTogether([signatures]),
        PageBreak(),
        Spacer(1, 200 * mm),
        _boxed(
            [
                [para(BACK_TITLE, s.title)],
                [para(f"档号：{volume.archive_no}", s.subtitle)],
                [para(volume.title, s.subtitle, CONTENT_WIDTH - 60 * mm)],
            ],
            [CONTENT_WIDTH - 40 * mm],
            6,
        ),
    ]
    return build_pdf(story, _meta(volume, NOTES_TITLE, (volume, tuple(lines))), None)
