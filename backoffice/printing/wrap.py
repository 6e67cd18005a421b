"""Line breaking for table cells whose width is known: Chinese between any two characters, numbers whole.

ReportLab's CJK wrapping may break anywhere, so ``180000.00`` can end up as ``180000.0`` / ``0``. In a
table the width of every cell is known, so :func:`break_lines` lays the text out itself: a run of
Latin letters, digits and ASCII punctuation is one unit (split only if it is wider than the whole
cell), each Chinese character is a unit of its own, closing punctuation stays with what precedes it and
opening punctuation with what follows (标点禁则). The lines come back joined by ``\\n``.
"""

from __future__ import annotations

import re
from typing import Final

from reportlab.pdfbase.pdfmetrics import stringWidth

from backoffice.printing.fonts import CANNOT_START_LINE, FONT_NAME, printable

#: Characters that must not end a line (they open something).
CANNOT_END_LINE: Final = "（《〈“‘【［｛([{"
_CANNOT_START: Final = CANNOT_START_LINE + "、。）】」』〕］｝)]},.;:!?%"
_TOKEN: Final = re.compile(r"[\x21-\x7e]+|\s+|.", re.DOTALL)
_FUZZ: Final = 0.01


def _units(text: str) -> list[str]:
    """Unbreakable units: a closing mark joins the unit before it, an opening mark the unit after it."""
    units: list[str] = []
    pending_open = ""
    for token in _TOKEN.findall(text):
        if token.isspace():
            if pending_open:
                pending_open += token
            else:
                units.append(" ")
            continue
        if len(token) == 1 and token in CANNOT_END_LINE:
            pending_open += token
            continue
        if token[0] in _CANNOT_START and units and not units[-1].isspace() and not pending_open:
            units[-1] += token
            continue
        units.append(pending_open + token)
        pending_open = ""
    if pending_open:
        units.append(pending_open)
    return units


def _hard_split(unit: str, width: float, size: float) -> list[str]:
    """A unit wider than the cell, cut character by character."""
    pieces: list[str] = []
    current = ""
    for char in unit:
        if current and stringWidth(current + char, FONT_NAME, size) > width + _FUZZ:
            pieces.append(current)
            current = char
        else:
            current += char
    if current:
        pieces.append(current)
    return pieces


def break_lines(text: str, width: float, size: float, first_width: float | None = None) -> str:
    """``text`` with ``\\n`` inserted so that no line is wider than ``width`` at font ``size``.

    ``first_width`` is the width of the very first line when it differs (a first-line indent).
    """
    out: list[str] = []
    for paragraph_text in printable(text).split("\n"):
        lines: list[str] = []
        current = ""
        for unit in _units(paragraph_text):
            first = not out and not lines
            limit = first_width if first and first_width is not None else width
            candidate = current + unit
            if stringWidth(candidate.rstrip(), FONT_NAME, size) <= limit + _FUZZ:
                current = candidate
                continue
            if unit.isspace():
                continue  # a space at the end of a line disappears
            if current.strip():
                lines.append(current.rstrip())
            if stringWidth(unit, FONT_NAME, size) > width + _FUZZ:
                *full, current = _hard_split(unit, width, size)
                lines.extend(full)
            else:
                current = unit
        lines.append(current.rstrip())
        out.append("\n".join(line.lstrip() for line in lines))
    return "\n".join(out)
