"""The bundled CJK font: registration, embedding, line breaking, deterministic output, layering."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import threading
from datetime import datetime

import pikepdf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from print_samples import (
    acknowledgement,
    every_method_sheet,
    many_missing,
    non_embedded_fonts,
    notice,
    pdf_text,
    sheet,
)
from reportlab.lib.fonts import tt2ps
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from backoffice.printing import (
    FONT_NAME,
    acknowledgement_pdf,
    calculation_sheet_pdf,
    missing_documents_notice_pdf,
    register_fonts,
)
from backoffice.printing.document import PdfMeta, build_pdf, pdf_date
from backoffice.printing.fonts import (
    CANNOT_START_LINE,
    font_resource,
    missing_glyphs,
    printable,
)
from backoffice.printing.styles import PageHeader, para, styles
from backoffice.printing.wrap import break_lines

DOCUMENTS = {
    "acknowledgement": lambda: acknowledgement_pdf(acknowledgement()),
    "notice": lambda: missing_documents_notice_pdf(notice()),
    "notice_40": lambda: missing_documents_notice_pdf(notice(many_missing(40))),
    "sheet": lambda: calculation_sheet_pdf(sheet()),
    "sheet_every_method": lambda: calculation_sheet_pdf(every_method_sheet()),
}


# -- registration ----------------------------------------------------------------------------------------


def test_font_file_is_bundled_in_the_package():
    resource = font_resource()
    assert resource.is_file()
    assert resource.name == "wqy-microhei.ttc"
    assert resource.read_bytes()[:4] == b"ttcf"  # a TrueType collection


def test_registration_is_idempotent_and_maps_the_whole_family():
    assert register_fonts() == FONT_NAME
    font = pdfmetrics.getFont(FONT_NAME)
    assert register_fonts() == FONT_NAME
    assert pdfmetrics.getFont(FONT_NAME) is font
    assert pdfmetrics.getRegisteredFontNames().count(FONT_NAME) == 1
    assert font.face.name == b"WenQuanYiMicroHei"  # subfont 0, not the Mono face
    for bold in (0, 1):
        for italic in (0, 1):
            assert tt2ps(FONT_NAME, bold, italic) == FONT_NAME


def test_registration_from_many_threads_at_once():
    results: list[str] = []
    threads = [threading.Thread(target=lambda: results.append(register_fonts())) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [FONT_NAME] * 8


def test_every_style_names_the_bundled_font():
    for style in vars(styles()).values():
        assert style.fontName == FONT_NAME
        assert style.bulletFontName == FONT_NAME
        assert style.wordWrap == "CJK"


# -- embedding ---------------------------------------------------------------------------------------------


def _all_fonts(pdf: bytes) -> list[tuple[str, bool]]:
    """(base name, has a /FontFile2) for every font object in the file, used by a page or not."""
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        fonts = [
            obj for obj in doc.objects if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/Font"
        ]
        return [
            (str(font.get("/BaseFont")), "/FontDescriptor" in font and "/FontFile2" in font.FontDescriptor)
            for font in fonts
        ]


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_every_font_of_every_page_is_embedded(name):
    pdf = DOCUMENTS[name]()
    assert non_embedded_fonts(pdf) == []
    fonts = _all_fonts(pdf)
    assert fonts, "a document with text has fonts"
    for base_name, embedded in fonts:
        assert "WenQuanYiMicroHei" in base_name
        assert embedded, base_name
    assert b"Helvetica" not in pdf
    assert b"/StandardEncoding" not in pdf


def test_the_embedding_check_catches_standard_and_cid_fonts():
    # The checker itself: Helvetica (the canvas default) and a Type 0 CID font whose descendant has no
    # font file must both be reported.
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.drawString(72, 720, "Hello")
    canvas.setFont("STSong-Light", 12)
    canvas.drawString(72, 700, "你好")
    canvas.save()
    bad = non_embedded_fonts(buffer.getvalue())
    assert any("Helvetica" in name for name in bad)
    assert any("STSong" in name for name in bad)


# -- text ----------------------------------------------------------------------------------------------------


def test_symbols_without_a_glyph_are_replaced_and_others_reported():
    assert printable("(x − 1)⁺ × r") == "(x − 1)+ × r"
    assert missing_glyphs("理赔计算 − × ÷ ≤ ≈ ￥") == ""
    assert missing_glyphs("张𠮷") == "𠮷"  # a rare character in a name: kept, but reported


def test_paragraph_text_is_never_interpreted_as_markup():
    paragraph = para("<b>原件</b> & 复印件", styles().body)
    assert "&lt;b&gt;" in paragraph.text
    assert "&amp;" in paragraph.text


def test_reportlab_wrapping_keeps_chinese_commas_off_the_start_of_a_line():
    register_fonts()
    text = "根据保险法第二十二条的规定" * 2 + "，保险人认为有关的证明和资料不完整的，应当及时一次性通知。"
    for width in range(100, 300, 7):
        paragraph = Paragraph(text, styles().body)
        paragraph.wrap(width, 1000)
        lines = ["".join(line[1]) for line in paragraph.blPara.lines]
        assert all(line and line[0] not in CANNOT_START_LINE for line in lines)


_units = st.one_of(
    st.sampled_from("理赔保险金额计算损失残值施救费用免赔"),
    st.sampled_from(["赔，", "额。", "险：", "值；", "（共", "计）"]),
    st.from_regex(r"[0-9]{1,9}(\.[0-9]{2})?", fullmatch=True),
    st.just(" "),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_units, min_size=1, max_size=80), st.integers(60, 400))
def test_break_lines_keeps_numbers_whole_and_fits_the_width(units, width):
    register_fonts()
    text = "".join(units)
    size = 9.5
    out = break_lines(text, width, size)
    lines = out.split("\n")
    assert re.sub(r"\s", "", out) == re.sub(r"\s", "", text)
    for line in lines:
        assert stringWidth(line, FONT_NAME, size) <= width + 0.01
        assert not line or line[0] not in CANNOT_START_LINE
    for number in re.findall(r"[0-9.]+", text):
        if stringWidth(number, FONT_NAME, size) <= width:
            assert any(number in line for line in lines), number


def test_break_lines_honours_a_first_line_indent():
    register_fonts()
    text = "保险" * 40
    out = break_lines(text, 200, 10, first_width=180).split("\n")
    assert stringWidth(out[0], FONT_NAME, 10) <= 180
    assert stringWidth(out[1], FONT_NAME, 10) > 180


# -- determinism, metadata, page numbers ----------------------------------------------------------------


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_two_builds_are_byte_identical(name):
    assert DOCUMENTS[name]() == DOCUMENTS[name]()


def test_same_bytes_in_another_process_with_another_hash_seed():
    script = (
        "import sys, hashlib; sys.path.insert(0, sys.argv[1]);"
        "import print_samples as ps;"
        "from backoffice.printing import calculation_sheet_pdf, missing_documents_notice_pdf;"
        "sys.stdout.write(hashlib.sha256(calculation_sheet_pdf(ps.every_method_sheet())"
        " + missing_documents_notice_pdf(ps.notice())).hexdigest())"
    )
    here = str(__import__("pathlib").Path(__file__).parent)
    digests = {
        subprocess.run(
            [sys.executable, "-c", script, here],
            env={**__import__("os").environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "987")
    }
    import hashlib

    local = hashlib.sha256(
        calculation_sheet_pdf(every_method_sheet()) + missing_documents_notice_pdf(notice())
    ).hexdigest()
    assert digests == {local}


def test_creation_date_is_the_one_passed_in_and_the_id_follows_the_content():
    first = missing_documents_notice_pdf(notice())
    other = missing_documents_notice_pdf(notice(notice_number="GZ-2026-000458"))
    with pikepdf.open(io.BytesIO(first)) as doc, pikepdf.open(io.BytesIO(other)) as doc2:
        assert str(doc.docinfo["/CreationDate"]) == "D:20260302093000+08'00'"
        assert str(doc.docinfo["/ModDate"]) == "D:20260302093000+08'00'"
        assert str(doc.docinfo["/Title"]) == "一次性告知书 GZ-2026-000457"
        assert str(doc.Root.Lang) == "zh-CN"
        assert bytes(doc.trailer.ID[0]) != bytes(doc2.trailer.ID[0])
    assert pdf_date(datetime(2026, 3, 2, 9, 30)) == "D:20260302093000+08'00'"  # naive = Beijing time


def test_footer_numbers_every_page_with_the_total():
    pdf = missing_documents_notice_pdf(notice(many_missing(40)))
    for page in (1, 2):
        text = re.sub(r"\s", "", pdf_text(pdf, page, page))
        assert f"第{page}页共2页" in text
        assert "华东安泰财产保险股份有限公司江苏分公司" in text  # header on every page


def test_build_pdf_without_header_and_footer():
    pdf = build_pdf(
        [para("案卷封面", styles().title)],
        PdfMeta("封面", "公司", "归档", datetime(2026, 1, 1), "cover"),
        None,
    )
    assert flat(pdf_text(pdf)) == "案卷封面"


def test_build_pdf_with_a_minimal_story():
    pdf = build_pdf(
        [para("测试", styles().body)],
        PdfMeta("标题", "作者", "主题", datetime(2026, 1, 1), "fingerprint"),
        PageHeader("公司", "文书", "编号"),
    )
    assert "测试" in pdf_text(pdf)
    assert non_embedded_fonts(pdf) == []


def flat(text: str) -> str:
    return re.sub(r"\s", "", text)


# -- layering ----------------------------------------------------------------------------------------------


def test_printing_imports_no_qt_database_services_or_ui():
    script = (
        "import sys, pkgutil, importlib, backoffice.printing as p\n"
        "for m in pkgutil.iter_modules(p.__path__):\n"
        "    importlib.import_module('backoffice.printing.' + m.name)\n"
        "bad = ('PySide6', 'sqlalchemy', 'backoffice.services', 'backoffice.db', 'backoffice.ui')\n"
        "print(sorted(n for n in sys.modules if n.startswith(bad)))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
