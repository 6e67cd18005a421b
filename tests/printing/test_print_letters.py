"""The report acknowledgement (报案回执) and the one-time notice (一次性告知书)."""

from __future__ import annotations

import dataclasses
import re
from datetime import date, datetime

import pytest
from PIL import Image
from print_samples import (
    CHECKLIST,
    LETTERHEAD,
    NOTICE_ITEMS,
    OFFICE,
    acknowledgement,
    many_missing,
    non_embedded_fonts,
    notice,
    page_count,
    pdf_text,
    render_png,
    stray_ink,
)

from backoffice.printing import (
    MissingDocument,
    acknowledgement_pdf,
    missing_documents_notice_pdf,
)
from backoffice.printing.fonts import missing_glyphs


def flat(text: str) -> str:
    """Text without whitespace: pdftotext breaks lines (and drops spaces) where the layout does."""
    return re.sub(r"\s", "", text)


# -- acknowledgement ---------------------------------------------------------------------------------------


def test_acknowledgement_prints_the_report_and_what_happens_next():
    data = acknowledgement()
    pdf = acknowledgement_pdf(data)
    text = flat(pdf_text(pdf))
    expected = [
        LETTERHEAD.full_name,
        "报案回执",
        data.case_number,
        "2026年3月1日14:42",  # 06:42 UTC in Beijing time
        data.channel,
        "报案人",
        data.reporter_name,
        data.reporter_relation,
        data.policy_number,
        data.product,
        "2026年3月1日13:15",  # naive: already Beijing time
        data.incident_place,
        data.incident_cause,
        data.incident_summary,
        data.received_by,
        LETTERHEAD.hotline,
        OFFICE.phone,
        OFFICE.address,
        OFFICE.office_hours,
        OFFICE.handler_name,
        "（盖章）",
        "日期：2026年3月1日",
        "第1页共1页",
    ]
    for item in expected:
        assert flat(item) in text, item
    for document in CHECKLIST:
        assert flat(document.title) in text, document.title
    assert "伤残鉴定书（视情况提供）" in text  # an optional item says so
    assert page_count(pdf) == 1
    assert non_embedded_fonts(pdf) == []


def test_acknowledgement_is_byte_identical_when_built_twice():
    assert acknowledgement_pdf(acknowledgement()) == acknowledgement_pdf(acknowledgement())
    assert acknowledgement_pdf(acknowledgement()) != acknowledgement_pdf(acknowledgement(case_number="2026X"))


def test_acknowledgement_without_an_issue_date_leaves_a_line_to_fill_in():
    text = pdf_text(acknowledgement_pdf(acknowledgement(issued_on=None)))
    assert re.search(r"日期：_+年_+月_+日", flat(text))


def test_a_long_narrative_continues_on_the_next_page():
    narrative = "被保险车辆在高速公路上行驶时因前车急刹发生追尾，随后又被后车追尾。" * 120
    pdf = acknowledgement_pdf(acknowledgement(incident_summary=narrative))
    assert page_count(pdf) >= 3
    text = flat(pdf_text(pdf))
    # The header and footer of the page break interrupt one sentence at most.
    assert text.count("随后又被后车追尾") >= 119


def test_acknowledgement_with_a_long_checklist_runs_onto_two_pages():
    documents = tuple(dataclasses.replace(CHECKLIST[0], title=f"材料{n}") for n in range(1, 41))
    pdf = acknowledgement_pdf(acknowledgement(documents=documents))
    assert page_count(pdf) == 2
    text = flat(pdf_text(pdf))
    assert all(f"材料{n}" in text for n in range(1, 41))
    assert "第2页共2页" in text


# -- one-time notice ---------------------------------------------------------------------------------------


def test_notice_lists_every_missing_document_and_how_to_submit():
    data = notice()
    pdf = missing_documents_notice_pdf(data)
    text = flat(pdf_text(pdf))
    expected = [
        LETTERHEAD.full_name,
        "一次性告知书",
        data.notice_number,
        "2026年3月2日",
        "尊敬的李*先生/女士：",
        data.case_number,
        data.policy_number,
        "第二十二条",
        "一次性通知",
        "共4项",
        OFFICE.department,
        OFFICE.address,
        OFFICE.postcode,
        OFFICE.phone,
        OFFICE.office_hours,
        *data.channels,
        "第十五条",  # the deadline note
        "（盖章）",
        f"经办人：{OFFICE.handler_name}",
        "送达回执",
        "签收人",
    ]
    for item in expected:
        assert flat(item) in text, item
    for item in NOTICE_ITEMS:
        assert flat(item.title) in text
        assert flat(item.remark) in text
    assert text.count("原件") >= 2 and "复印件" in text
    assert page_count(pdf) == 1
    assert non_embedded_fonts(pdf) == []


def test_notice_is_byte_identical_when_built_twice():
    assert missing_documents_notice_pdf(notice()) == missing_documents_notice_pdf(notice())


def test_forty_missing_documents_flow_onto_a_second_page_with_the_header_repeated():
    missing = many_missing(40)
    pdf = missing_documents_notice_pdf(notice(missing))
    pages = page_count(pdf)
    assert 2 <= pages <= 3
    whole = flat(pdf_text(pdf))
    for item in missing:
        assert flat(item.title) in whole
    assert "共40项" in whole
    first, second = flat(pdf_text(pdf, 1, 1)), flat(pdf_text(pdf, 2, 2))
    assert "材料名称" in first and "提供要求" in first
    assert "材料名称" in second and "提供要求" in second  # the table header, repeated
    assert "补充材料第40号" in second and "补充材料第40号" not in first
    assert f"第2页共{pages}页" in second


def test_notice_with_a_requested_date_and_a_company_addressee():
    pdf = missing_documents_notice_pdf(
        notice(submit_by=date(2026, 3, 20), addressee_name="南京某*贸易有限公司", addressee_title="")
    )
    text = flat(pdf_text(pdf))
    assert "请您于2026年3月20日前提交上述材料" in text
    assert "尊敬的南京某*贸易有限公司：" in text


def test_notice_text_is_printed_literally_not_as_markup():
    item = MissingDocument("<b>营业执照</b>", remark="复印件加盖公章 & 法定代表人签字")
    text = flat(pdf_text(missing_documents_notice_pdf(notice((item,)))))
    assert "<b>营业执照</b>" in text
    assert "复印件加盖公章&法定代表人签字" in text


def test_notice_needs_at_least_one_missing_document():
    with pytest.raises(ValueError, match="at least one"):
        missing_documents_notice_pdf(notice(()))


def test_sample_data_has_a_glyph_for_every_character():
    data = notice(many_missing(40))
    strings = [value for value in dataclasses.astuple(data) if isinstance(value, str)]
    strings += [item.title + item.remark for item in data.missing]
    assert missing_glyphs("".join(strings)) == ""


# -- rendering -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "build", "page"),
    [
        ("acknowledgement", lambda: acknowledgement_pdf(acknowledgement()), 1),
        ("notice", lambda: missing_documents_notice_pdf(notice()), 1),
        ("notice-40", lambda: missing_documents_notice_pdf(notice(many_missing(40))), 2),
    ],
)
def test_rendered_page_has_ink_only_inside_the_margins(tmp_path, name, build, page):
    png = render_png(build(), tmp_path / f"{name}.png", page=page, dpi=60)
    with Image.open(png) as image:
        assert abs(image.size[0] - 496) <= 1 and abs(image.size[1] - 702) <= 1  # A4 at 60 dpi
        assert stray_ink(image) == []
        dark = sum(image.convert("L").histogram()[:128])
        assert dark > 2000  # text was drawn


def test_stray_ink_finds_ink_in_the_margin():
    image = Image.new("L", (496, 702), 255)
    assert stray_ink(image) == []
    image.putpixel((480, 300), 0)
    assert stray_ink(image) == [(480, 300)]


def test_naive_and_aware_times_agree():
    aware = acknowledgement_pdf(acknowledgement())
    naive = acknowledgement_pdf(acknowledgement(reported_at=datetime(2026, 3, 1, 14, 42)))
    assert flat(pdf_text(aware)) == flat(pdf_text(naive))
