"""The one font of every PDF we produce: WenQuanYi Micro Hei, bundled and embedded.

ReportLab falls back to Helvetica (a standard font that is *referenced*, never embedded) wherever no font
is named: the canvas's initial font, table cells given as plain strings, paragraph bullets, ``<b>`` in
markup. An archive file must embed every font it uses (PDF/A), so the builders here name this font
everywhere and :func:`register_fonts` maps the whole family (bold, italic) to it as well. The face has no
bold; headings are set larger instead.

Registration is idempotent and thread-safe: PDFs are built on worker threads.
"""

from __future__ import annotations

import threading
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Final

from reportlab.lib import textsplit
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import paragraph

FONT_NAME: Final = "WenQuanYiMicroHei"
FONT_FILE: Final = "wqy-microhei.ttc"
#: Index of the proportional face in the collection (1 is "WenQuanYi Micro Hei Mono").
SUBFONT_INDEX: Final = 0

# Symbols that appear in generated text but have no glyph in the font, and what to print instead.
_SUBSTITUTES: Final = str.maketrans({"⁺": "+", "ᵢ": "i", "☐": "□", "⚠": "!"})

# Chinese closing punctuation that must not start a line (标点禁则). ReportLab's CJK wrapping knows the
# Japanese set only (、。」） …) and would put a full-width comma at the start of a line.
CANNOT_START_LINE: Final = "，；：？！》〉”’…—％"

_lock = threading.Lock()


def font_resource() -> Traversable:
    """The bundled font file inside the installed package."""
    return resources.files("backoffice") / "resources" / "fonts" / FONT_FILE


def register_fonts() -> str:
    """Register the bundled CJK font (and its family) with ReportLab once; return its name."""
    with _lock:
        if FONT_NAME in pdfmetrics.getRegisteredFontNames():
            return FONT_NAME
        with resources.as_file(font_resource()) as path:
            # TTFont reads the whole file at construction, so a temporary extracted copy is enough.
            font = TTFont(FONT_NAME, str(path), subfontIndex=SUBFONT_INDEX)
        pdfmetrics.registerFont(font)
        _extend_line_break_rules()
        for bold in (0, 1):
            for italic in (0, 1):
                addMapping(FONT_NAME, bold, italic, FONT_NAME)
        return FONT_NAME


def _extend_line_break_rules() -> None:
    """Add the Chinese set to the characters ReportLab's CJK wrapping keeps off the start of a line.

    Both CJK line breakers (``textsplit.wordSplit`` for a paragraph of one run of text,
    ``paragraph.cjkFragSplit`` for mixed runs) read a module global ``ALL_CANNOT_START`` at each call.
    Adding characters to it only ever prevents a bad break (the character hangs at the end of the line
    before), for every user of ReportLab in the process. Idempotent.
    """
    for module in (textsplit, paragraph):
        current: str = module.ALL_CANNOT_START
        missing = "".join(char for char in CANNOT_START_LINE if char not in current)
        if missing:
            module.ALL_CANNOT_START = current + missing


@cache
def _glyph_map() -> frozenset[int]:
    register_fonts()
    font = pdfmetrics.getFont(FONT_NAME)
    return frozenset(font.face.charToGlyph)


def has_glyph(char: str) -> bool:
    """Whether the font can draw ``char`` (one character)."""
    return ord(char) in _glyph_map()


def printable(text: str) -> str:
    """``text`` with the few generated symbols the font lacks replaced (``⁺`` → ``+``).

    Other missing characters (a rare character in a name) are kept: the text layer stays right even if
    the glyph cannot be drawn, and the caller can find them with :func:`missing_glyphs`.
    """
    return text.translate(_SUBSTITUTES)


def missing_glyphs(text: str) -> str:
    """The distinct characters of ``text`` the font cannot draw, in order of first appearance."""
    seen: dict[str, None] = {}
    for char in text:
        if not char.isspace() and not has_glyph(char):
            seen.setdefault(char, None)
    return "".join(seen)
