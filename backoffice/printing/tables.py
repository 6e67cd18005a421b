"""Tables whose Chinese text wraps inside the cell.

ReportLab draws a plain string cell on one line in Helvetica; every cell here is therefore a
:class:`Paragraph` in the bundled font, its text broken to the column width by
:func:`~backoffice.printing.wrap.break_lines` (Chinese between characters, numbers kept whole), and the
table style names the font too.
Data tables repeat their header row on every page they span. Tables break between rows only (ReportLab's
in-row splitting leaves empty slivers of rows at the foot of a page), so a cell must fit on one page: long
free text (an incident narrative) belongs in a paragraph, not in a cell.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final, Literal

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Table, TableStyle

from backoffice.printing.fonts import FONT_NAME
from backoffice.printing.styles import (
    CONTENT_WIDTH,
    GRID,
    HEADER_FILL,
    LABEL_FILL,
    WARNING_EDGE,
    WARNING_FILL,
    para,
    styles,
)
from backoffice.printing.wrap import break_lines

Cell = str | Flowable
Align = Literal["left", "center", "right"]

CELL_PADDING: Final = 4


def _style_for(align: Align) -> ParagraphStyle:
    s = styles()
    return {"left": s.cell, "center": s.cell_center, "right": s.cell_right}[align]


def cell(value: Cell, width: float, style: ParagraphStyle | None = None) -> Flowable:
    """A cell of column ``width``: text becomes a paragraph broken to fit, a flowable is kept as it is."""
    if isinstance(value, str):
        chosen = style or styles().cell
        return para(break_lines(value, width - 2 * CELL_PADDING, chosen.fontSize), chosen)
    return value


def _base_commands() -> list[tuple[object, ...]]:
    return [
        ("FONTNAME", (0, 0), (-1, -1), FONT_NAME),
        ("FONTSIZE", (0, 0), (-1, -1), 9.5),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
    ]


def data_table(
    header: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    col_widths: Sequence[float],
    *,
    align: Sequence[Align] | None = None,
    total: tuple[str, str] | None = None,
) -> Table:
    """A grid with a shaded header row that repeats on every page the table spans.

    ``total`` adds a shaded last row: its label across every column but the last, its value (right
    aligned) in the last.
    """
    if any(len(row) != len(header) for row in rows):
        raise ValueError("every row must have one cell per header column")
    aligns: Sequence[Align] = align or ["left"] * len(header)
    head = [cell(text, w, styles().cell_header) for text, w in zip(header, col_widths, strict=True)]
    body = [
        [cell(value, w, _style_for(a)) for value, w, a in zip(row, col_widths, aligns, strict=True)]
        for row in rows
    ]
    if total is not None:
        label_width = sum(col_widths[:-1])
        spanned = [cell("", w) for w in col_widths[1:-1]]
        body.append(
            [
                cell(total[0], label_width, styles().cell_right),
                *spanned,
                cell(total[1], col_widths[-1], styles().cell_right),
            ]
        )
    table = Table([head, *body], colWidths=list(col_widths), repeatRows=1, hAlign="LEFT")
    commands = _base_commands()
    commands.append(("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL))
    if total is not None:
        commands.append(("SPAN", (0, -1), (-2, -1)))
        commands.append(("BACKGROUND", (0, -1), (-1, -1), LABEL_FILL))
    table.setStyle(TableStyle(commands))
    return table


def key_value_table(
    pairs: Sequence[tuple[str, Cell]],
    col_widths: Sequence[float],
    *,
    per_row: int = 1,
) -> Table:
    """Labels in shaded cells beside their values; ``per_row`` pairs side by side (2 × per_row columns).

    A value may be a flowable; a pair whose label is empty leaves its two cells blank (to fill a row).
    """
    if len(col_widths) != 2 * per_row:
        raise ValueError("col_widths needs a label and a value width for each pair in a row")
    padded = list(pairs) + [("", "")] * (-len(pairs) % per_row)
    rows: list[list[Flowable]] = []
    for start in range(0, len(padded), per_row):
        row: list[Flowable] = []
        for index, (label, value) in enumerate(padded[start : start + per_row]):
            row.extend([cell(label, col_widths[2 * index]), cell(value, col_widths[2 * index + 1])])
        rows.append(row)
    table = Table(rows, colWidths=list(col_widths), hAlign="LEFT")
    commands = _base_commands()
    for column in range(0, 2 * per_row, 2):
        commands.append(("BACKGROUND", (column, 0), (column, -1), LABEL_FILL))
    table.setStyle(TableStyle(commands))
    return table


def note_box(lines: Sequence[str], width: float, style: ParagraphStyle | None = None) -> Table:
    """Highlighted lines in a shaded, framed box (warnings on the calculation sheet)."""
    text_style = style or styles().warning
    inner = width - 12  # the box's left and right padding
    rows = [[para(break_lines(line, inner, text_style.fontSize), text_style)] for line in lines]
    table = Table(rows, colWidths=[width], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT_NAME),
                ("BACKGROUND", (0, 0), (-1, -1), WARNING_FILL),
                ("BOX", (0, 0), (-1, -1), 0.8, WARNING_EDGE),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table


def fill_in_line(texts: Sequence[str], width: float | None = None) -> Table:
    """Texts side by side in equal columns without rules (e.g. 签收人：____  签收日期：____)."""
    total = width if width is not None else CONTENT_WIDTH
    table = Table(
        [[para(text, styles().body) for text in texts]], colWidths=[total / len(texts)] * len(texts)
    )
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT_NAME),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table
