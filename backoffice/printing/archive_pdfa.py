"""PDF/A-3b plumbing for archive volumes: output intent, XMP metadata, the embedded manifest, checks.

PDF/A-3 (ISO 19005-3) rather than 2 because the volume carries its manifest as an associated file
(``manifest.json``), which PDF/A-2 allows only for embedded PDF/A files. The output intent is the sRGB
profile that pikepdf ships. Everything written here is a function of the volume's data: the metadata
dates are the volume's build time, never the clock, so the same volume gives the same bytes.

Conformance is judged by pikepdf's allowlist validator (``pikepdf.pdfa``), which approves only what it
recognises; an attached PDF whose pages it does not approve is rasterised by the builder.
"""

from __future__ import annotations

import zlib
from datetime import datetime
from functools import cache
from importlib import resources
from typing import Any, Final

import pikepdf
from pikepdf import Array, Dictionary, Name, String

from backoffice.printing.document import CREATOR, LANGUAGE, beijing, pdf_date

FLAVOUR: Final = "3b"
PART: Final = "3"
CONFORMANCE: Final = "B"
OUTPUT_CONDITION: Final = "sRGB IEC61966-2.1"
#: The save settings the volume is written with (pikepdf.pdfa pins the rest for PDF/A).
SAVE_KWARGS: Final[dict[str, Any]] = {
    "static_id": True,  # with the trailer's first ID set from the content digest: see archive.write
    "compress_streams": True,
    "object_stream_mode": pikepdf.ObjectStreamMode.generate,
    "min_version": "1.7",
}


@cache
def srgb_profile() -> bytes:
    """The sRGB ICC profile shipped with pikepdf (for PDF/A output intents)."""
    return (resources.files("pikepdf") / "pdfa" / "data" / "sRGB.icc").read_bytes()


def add_output_intent(pdf: pikepdf.Pdf) -> None:
    profile = pikepdf.Stream(pdf, zlib.compress(srgb_profile(), 9))
    profile.Filter = Name.FlateDecode
    profile.N = 3
    intent = Dictionary(
        Type=Name.OutputIntent,
        S=Name.GTS_PDFA1,
        OutputConditionIdentifier=String(OUTPUT_CONDITION),
        Info=String(OUTPUT_CONDITION),
        RegistryName=String("http://www.color.org"),
        DestOutputProfile=profile,
    )
    pdf.Root.OutputIntents = Array([pdf.make_indirect(intent)])


def _xmp_date(moment: datetime) -> str:
    return beijing(moment).isoformat(timespec="seconds")


def set_metadata(
    pdf: pikepdf.Pdf, *, title: str, author: str, subject: str, keywords: str, created_at: datetime
) -> None:
    """Document information and the matching XMP packet declaring PDF/A-3b (no wall-clock time)."""
    created = pdf_date(created_at)
    info = pdf.docinfo
    for key, value in (
        ("/Title", title),
        ("/Author", author),
        ("/Subject", subject),
        ("/Keywords", keywords),
        ("/Creator", CREATOR),
        ("/Producer", f"{CREATOR} (pikepdf {pikepdf.__version__})"),
        ("/CreationDate", created),
        ("/ModDate", created),
    ):
        info[key] = String(value)
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        meta.load_from_docinfo(info, raise_failure=True)
        meta["xmp:CreateDate"] = _xmp_date(created_at)
        meta["xmp:ModifyDate"] = _xmp_date(created_at)
        meta["pdfaid:part"] = PART
        meta["pdfaid:conformance"] = CONFORMANCE
    pdf.Root.Lang = String(LANGUAGE)
    pdf.Root.ViewerPreferences = Dictionary(DisplayDocTitle=True)


def attach_manifest(pdf: pikepdf.Pdf, name: str, data: bytes, *, created_at: datetime) -> None:
    """``data`` as an associated file of the document (PDF/A-3: /AF, /AFRelationship /Data)."""
    when = pdf_date(created_at)
    spec = pikepdf.AttachedFileSpec(
        pdf,
        data,
        description="卷内文件清单及摘要值（SHA-256）",
        filename=name,
        mime_type="application/json",
        creation_date=when,
        mod_date=when,
        relationship=Name.Data,
    )
    pdf.attachments[name] = spec
    filespec = pdf.Root.Names.EmbeddedFiles.Names[-1]
    pdf.Root.AF = Array([filespec])


def read_attachment(pdf: pikepdf.Pdf, name: str) -> bytes | None:
    """The embedded file ``name``, or None."""
    try:
        spec = pdf.attachments.get(name)
    except (pikepdf.PdfError, KeyError, TypeError, ValueError):
        return None
    if spec is None:
        return None
    try:
        return bytes(spec.get_file().read_bytes())
    except (pikepdf.PdfError, ValueError):
        return None


def page_labels(pdf: pikepdf.Pdf, ranges: list[tuple[int, str | None]]) -> None:
    """Page labels: ``(first index, prefix)``; prefix None numbers the pages 1, 2, … from there."""
    nums: list[object] = []
    for first, prefix in ranges:
        label = Dictionary(S=Name.D, St=1) if prefix is None else Dictionary(P=String(prefix))
        nums += [first, label]
    pdf.Root.PageLabels = Dictionary(Nums=Array(nums))


def pdfa_findings(pdf: pikepdf.Pdf) -> list[str]:
    """Why pikepdf's validator does not approve ``pdf`` as it would be saved (empty when it does)."""
    import pikepdf.pdfa

    report = pikepdf.pdfa.check(pdf, FLAVOUR, **SAVE_KWARGS)
    return [str(finding) for finding in report.findings]


def validate_file(path: object) -> list[str]:
    """Why pikepdf's validator does not approve the written file (empty when it does)."""
    import pikepdf.pdfa

    report = pikepdf.pdfa.validate_written(path, FLAVOUR, save_kwargs=SAVE_KWARGS)  # type: ignore[arg-type]
    return [str(finding) for finding in report.findings]


def strip_presentation(page: pikepdf.Page) -> None:
    """Remove slide-show keys (/Trans, /Dur, /PresSteps): not content, and not approved by the validator."""
    for key in ("/Trans", "/Dur", "/PresSteps"):
        if key in page.obj:
            del page.obj[key]
