"""Paper: PDF building blocks (font, styles, tables, page layout) and the documents built from them.

Every document is a pure function of plain data (frozen dataclasses defined here) returning PDF bytes;
the same data always gives the same bytes. Every PDF embeds the bundled CJK font and no other font.
This package never imports Qt, SQLAlchemy, the services or the database layer.
"""

from backoffice.printing.calc_inputs import InputRow, input_rows
from backoffice.printing.calc_sheet import CalculationLine, CalculationSheetData, calculation_sheet_pdf
from backoffice.printing.common import Letterhead, OfficeContact
from backoffice.printing.document import PdfMeta, build_pdf, fingerprint
from backoffice.printing.fonts import FONT_NAME, register_fonts
from backoffice.printing.letters import (
    AcknowledgementData,
    MissingDocument,
    NoticeData,
    RequiredDocument,
    acknowledgement_pdf,
    missing_documents_notice_pdf,
)
from backoffice.printing.styles import PageHeader, para, styles
from backoffice.printing.tables import data_table, key_value_table

__all__ = [
    "FONT_NAME",
    "AcknowledgementData",
    "CalculationLine",
    "CalculationSheetData",
    "InputRow",
    "Letterhead",
    "MissingDocument",
    "NoticeData",
    "OfficeContact",
    "PageHeader",
    "PdfMeta",
    "RequiredDocument",
    "acknowledgement_pdf",
    "build_pdf",
    "calculation_sheet_pdf",
    "data_table",
    "fingerprint",
    "input_rows",
    "key_value_table",
    "missing_documents_notice_pdf",
    "para",
    "register_fonts",
    "styles",
]
